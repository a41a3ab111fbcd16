package timeline

import (
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/when"
)

// TestClauses checks, on sentences of our own, that a date is given to
// the clause it stands in, that a span before "after" dates the clause
// it points to, and that an undated lead is dated by its publication day.
func TestClauses(t *testing.T) {
	tests := []struct {
		name, published, text string
		want                  []string // "date|start of the event text|dated_by"
	}{
		{"a relative date dates its own clause", "2025-03-12",
			"Headline here.\nThe senator asked the envoy about new sanctions on Tuesday after the minister said last week that he opposed them.",
			[]string{"2025-W10|The minister said last week|", "2025-03-11|The senator asked|"}},
		{"a saying and the event it reports, each dated", "2025-03-12",
			"Headline here.\nThe ministry said on Wednesday that the talks were held on Monday in Geneva.",
			[]string{"2025-03-10|The talks were held on Monday in Geneva|", "2025-03-12|The ministry said on Wednesday|"}},
		{"a report dated once stays one sentence", "2025-03-12",
			"Headline here.\nThe ministry said that the talks were held on Monday in Geneva.",
			[]string{"2025-03-10|The ministry said that the talks were held on Monday|"}},
		{"a date in the main clause keeps the sentence", "2025-03-12",
			"Headline here.\nThe minister resigned on Monday after the vote failed.",
			[]string{"2025-03-10|The minister resigned on Monday after the vote failed|"}},
		{"one event told twice in one sentence stays one", "2025-03-12",
			"Headline here.\nThe president was welcomed in Oslo as the two leaders met on Monday.",
			[]string{"2025-03-10|The president was welcomed|"}},
		{"a span after a date", "2025-03-12",
			"Headline here.\nThe minister spoke on March 10, two days after the ministers met in Geneva.",
			[]string{"2025-03-08|The ministers met in Geneva|relative", "2025-03-10|The minister spoke on March 10|"}},
		{"a span from a past clause with no date of its own dates nothing", "2025-03-12",
			"Headline here.\nThe minister spoke on March 10 in parliament. Later the talks began two days after the ministers met in Geneva.",
			[]string{"2025-03-10|The minister spoke|"}},
		{"a span from the report's present", "2025-03-12",
			"Headline here.\nThe statement comes two days after the ministers met in Geneva.",
			[]string{"2025-03-10|The ministers met in Geneva|relative"}},
		{"an undated lead is dated by publication", "2025-03-12",
			"Parliament approved the new budget after a long debate, officials reported.\nThe vote was close.",
			[]string{"2025-03-12|Parliament approved the new budget|published"}},
		{"a dated lead is not dated twice", "2025-03-12",
			"Parliament approved the new budget on Tuesday.\nThe vote was close.",
			[]string{"2025-03-11|Parliament approved|"}},
		{"a lead told again with a date is not dated by publication", "2025-03-12",
			"The finance minister presented the new budget to parliament.\nThe minister presented the budget on Monday, officials said.",
			[]string{"2025-03-10|The minister presented the budget on Monday|"}},
		{"a lead that announces is not dated by publication", "2025-03-12",
			"Parliament will vote on the new budget, officials said.\nThe vote may be close.",
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := Build([]Doc{doc(t, "a", "Outlet A", tc.published, tc.text)}, Options{})
			var got []string
			for _, e := range evs {
				got = append(got, e.Date+"|"+e.Text+"|"+e.Sources[0].DatedBy)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("events:\n got %q\nwant %q", got, tc.want)
			}
			for i, w := range tc.want {
				parts := strings.Split(w, "|")
				g := strings.Split(got[i], "|")
				if g[0] != parts[0] || !strings.HasPrefix(g[1], parts[1]) || g[2] != parts[2] {
					t.Errorf("event %d = %q, want %q", i, got[i], w)
				}
			}
		})
	}
}

// TestClausesLanguages: a saying and the event it reports, each dated, in
// Russian, Ukrainian and German sentences of our own.
func TestClausesLanguages(t *testing.T) {
	tests := []struct{ lang, text string }{
		{"ru", "Заголовок.\nПесков заявил в среду, что встреча в Кремле прошла во вторник."},
		{"uk", "Заголовок.\nПєсков заявив у середу, що зустріч у Кремлі відбулася у вівторок."},
		{"de", "Überschrift.\nPeskow sagte am Mittwoch, dass das Treffen im Kreml am Dienstag stattgefunden habe."},
		// Language unknown (not detected), text in Cyrillic.
		{"", "Заголовок.\nПесков заявил в среду, что встреча в Кремле прошла во вторник."},
	}
	for _, tc := range tests {
		d := doc(t, "a", "Outlet A", "2025-12-04", tc.text)
		d.Article.Language = tc.lang
		d.Timexes = nil
		for _, tx := range when.FindLang(tc.text, tc.lang, d.Article.Published) {
			d.Timexes = append(d.Timexes, news.Timex(tx))
		}
		evs := Build([]Doc{d}, Options{})
		var got []string
		for _, e := range evs {
			got = append(got, e.Date+" "+e.Text)
		}
		if len(evs) != 2 || evs[0].Date != "2025-12-02" || evs[1].Date != "2025-12-03" || strings.Contains(evs[0].Text, "среду") || strings.Contains(evs[0].Text, "середу") || strings.Contains(evs[0].Text, "Mittwoch") {
			t.Errorf("%s: events %q, want the meeting on 2025-12-02 and the saying on 2025-12-03", tc.lang, got)
		}
	}
}

// FuzzBuildFound: Build over the expressions FindLang finds in any text,
// in any language, with a publication date, never panics and gives
// events with sources, in date order, with text.
func FuzzBuildFound(f *testing.F) {
	seeds := []string{
		"Headline here.\nThe senator asked the envoy on Tuesday after the minister said last week that he opposed them.",
		"The remarks come a day after the leaders met, with the last call taking place on June 14, coinciding with a birthday.",
		"Песков заявил в среду, что встреча прошла во вторник, 2 декабря; два дня назад, после того как делегации прибыли.",
		"Peskow sagte am Mittwoch, dass das Treffen am Dienstagabend stattgefunden habe, zwei Tage nachdem sie ankamen.",
		"a day after\n, with\nthat\n",
		"\"Вони зустрінуться знову завтра вранці\", - написав він у неділю, 14 грудня.",
		"„Wir treffen uns morgen“, sagte er am Sonntag, 14. Dezember. Diese Nachricht wurde am 14.12.2025 gesendet.",
		"\"open quote, tomorrow\nSunday, \"",
	}
	for _, s := range seeds {
		for _, l := range []string{"", "en", "ru", "uk", "de"} {
			f.Add(s, l, int64(1764806400))
		}
	}
	f.Fuzz(func(t *testing.T, text, language string, unix int64) {
		pub := time.Unix(unix%(1<<36), 0).UTC()
		d := Doc{Article: news.Article{ID: "a", Text: text, Language: language, Published: pub}}
		for _, tx := range when.FindLang(text, language, pub) {
			d.Timexes = append(d.Timexes, news.Timex(tx))
		}
		evs := Build([]Doc{d, d}, Options{MaxText: 60})
		for i, e := range evs {
			if len(e.Sources) == 0 || !e.Start.Before(e.End) || e.Date == "" {
				t.Fatalf("bad event %+v", e)
			}
			if i > 0 && e.Start.Before(evs[i-1].Start) {
				t.Fatalf("events out of order")
			}
		}
	})
}
