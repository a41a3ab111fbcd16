package timeline

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/when"
)

// seedDocs reads the five seed articles with their publication dates from
// seeds-dates.tsv and analyses them the way ingest does.
func seedDocs(t *testing.T) []Doc {
	t.Helper()
	var docs []Doc
	for _, seed := range sharedtest.Seeds(t) {
		text, pub := seed.Text(t), seed.Published
		_, ms := entity.Extract(text)
		d := Doc{Article: news.Article{ID: seed.File, Outlet: seed.File, Published: pub, Text: text}}
		for _, m := range ms {
			d.Mentions = append(d.Mentions, news.Mention(m))
		}
		for _, tx := range when.Find(text, pub) {
			d.Timexes = append(d.Timexes, news.Timex(tx))
		}
		docs = append(docs, d)
	}
	if len(docs) != 5 {
		t.Fatalf("read %d seeds, want 5", len(docs))
	}
	return docs
}

// TestSeeds checks the storyline of the five seeds: the Alaska summit of 15
// August 2025 appears once, citing both seeds that mention it (one says
// "Aug. 15", the other "this month"), and the Witkoff–Kushner meeting "on
// Tuesday" in the seed published 2025-12-04 is dated 2025-12-02.
func TestSeeds(t *testing.T) {
	evs := Build(seedDocs(t), Options{})
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	for i := 1; i < len(evs); i++ {
		if evs[i].Start.Before(evs[i-1].Start) {
			t.Errorf("events out of order: %s before %s", evs[i-1].Date, evs[i].Date)
		}
	}
	var alaska []Event
	var tuesday *Event
	for i, e := range evs {
		mentions := 0
		for _, s := range e.Sources {
			if strings.Contains(s.Sentence, "Alaska") {
				mentions++
			}
		}
		if mentions > 0 {
			alaska = append(alaska, e)
		}
		if e.Date == "2025-12-02" && strings.Contains(e.Text, "Witkoff") {
			tuesday = &evs[i]
		}
		if e.Precision != "day" && e.Precision != "week" && e.Precision != "month" {
			t.Errorf("event %q: precision %q", e.Text, e.Precision)
		}
	}
	if len(alaska) != 1 {
		t.Fatalf("Alaska summit: %d events, want 1: %+v", len(alaska), alaska)
	}
	a := alaska[0]
	if a.Date != "2025-08-15" {
		t.Errorf("Alaska summit dated %s, want 2025-08-15", a.Date)
	}
	var ids []string
	for _, s := range a.Sources {
		ids = append(ids, s.ArticleID)
	}
	want := []string{"001_f89702b78f56e684.txt", "000_770eb5dd6f5eb60c.txt"} // by publication date
	if strings.Join(ids, " ") != strings.Join(want, " ") {
		t.Errorf("Alaska summit sources = %v, want %v", ids, want)
	}
	if tuesday == nil {
		t.Fatal("no 2025-12-02 event about Witkoff's meeting")
	}
	if len(tuesday.Sources) != 1 || tuesday.Sources[0].Timex != "Tuesday" {
		t.Errorf("Tuesday meeting sources = %+v", tuesday.Sources)
	}
	if testing.Verbose() {
		for _, e := range evs {
			b, _ := json.Marshal(e)
			t.Logf("%s", b)
		}
	}
}

// TestSeedsPrecision checks the timeline of the seeds where a date
// belongs to another clause than the sentence's main event, where the
// event an article reports has no date of its own, and where a date is
// given as a span from another:
//   - Welker's question in the 24 August interview is not dated "last
//     week": that week belongs to Rubio's remark in the clause after
//     "after", which is the entry of that week;
//   - the sentence about the "sixth acknowledged call" is not dated 14
//     June: that date belongs to the clause about the previous call;
//   - the 3 July call (the lead of the article published that day), the
//     23 September Trump–Zelensky meeting ("a day after" the remarks of
//     Sept. 24) and the 28 August Atlantic report (the lead of that day's
//     article) each have an entry on their day.
func TestSeedsPrecision(t *testing.T) {
	evs := Build(seedDocs(t), Options{})
	find := func(date string, words ...string) *Event {
		for i, e := range evs {
			if e.Date != date {
				continue
			}
			all := true
			for _, w := range words {
				all = all && strings.Contains(e.Text, w)
			}
			if all {
				return &evs[i]
			}
		}
		return nil
	}
	for _, e := range evs {
		if strings.Contains(e.Text, "Welker") {
			t.Errorf("Welker's question is an entry of its own, dated %s: %q", e.Date, e.Text)
		}
		if strings.Contains(e.Text, "sixth acknowledged call") && e.Date == "2025-06-14" {
			t.Errorf("the sixth call is dated 14 June: %q", e.Text)
		}
	}
	if e := find("2025-W33", "Rubio said last week"); e == nil {
		t.Error("no entry of the week of 11 August for Rubio's remark")
	} else if p := Readable(e.Date); p != "week of 11 Aug 2025" {
		t.Errorf("Rubio's remark: period %q", p)
	}
	if find("2025-06-14", "June 14") == nil {
		t.Error("no entry for the call of 14 June")
	}
	checks := []struct {
		name, date, by string
		words          []string
	}{
		{"the 3 July call", "2025-07-03", "published", []string{"Trump", "phone conversation", "Putin"}},
		{"the 23 September Trump–Zelensky meeting", "2025-09-23", "relative", []string{"Trump and Zelensky met"}},
		{"the 28 August Atlantic report", "2025-08-28", "published", []string{"frustration"}},
	}
	for _, c := range checks {
		e := find(c.date, c.words...)
		if e == nil {
			t.Errorf("%s: no entry on %s", c.name, c.date)
			continue
		}
		if len(e.Sources) == 0 || e.Sources[0].DatedBy != c.by {
			t.Errorf("%s: sources %+v, want dated by %s", c.name, e.Sources, c.by)
		}
	}
}
