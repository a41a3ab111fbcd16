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
