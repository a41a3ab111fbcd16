package timeline

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sentence"
	"github.com/parallax-news/parallax/internal/when"
)

// doc builds a document from a text written for the test, with its time
// expressions found by the when package against the publication date.
func doc(t *testing.T, id, outlet, published, text string) Doc {
	t.Helper()
	var pub time.Time
	if published != "" {
		var err error
		if pub, err = time.Parse("2006-01-02", published); err != nil {
			t.Fatal(err)
		}
	}
	d := Doc{Article: news.Article{ID: id, Outlet: outlet, Published: pub, Text: text}}
	for _, tx := range when.Find(text, pub) {
		d.Timexes = append(d.Timexes, news.Timex(tx))
	}
	return d
}

// summary is "date: id,id" for each event, in order.
func summary(evs []Event) []string {
	var out []string
	for _, e := range evs {
		var ids []string
		for _, s := range e.Sources {
			ids = append(ids, s.ArticleID)
		}
		out = append(out, e.Date+": "+strings.Join(ids, ","))
	}
	return out
}

func TestBuild(t *testing.T) {
	tests := []struct {
		name string
		docs func(t *testing.T) []Doc
		want []string
	}{
		{
			name: "same event in two articles folds",
			docs: func(t *testing.T) []Doc {
				return []Doc{
					doc(t, "a", "Outlet A", "2025-03-12", "The two foreign ministers met in Geneva on March 10 to discuss a prisoner exchange."),
					doc(t, "b", "Outlet B", "2025-03-14", "Talks on a prisoner exchange were held in Geneva on March 10, where the foreign ministers met for four hours."),
				}
			},
			want: []string{"2025-03-10: a,b"},
		},
		{
			name: "coarser date joins the event inside it",
			docs: func(t *testing.T) []Doc {
				return []Doc{
					doc(t, "a", "Outlet A", "2025-03-20", "The foreign ministers met in Geneva this month and agreed a prisoner exchange."),
					doc(t, "b", "Outlet B", "2025-03-12", "The foreign ministers met in Geneva on March 10 and agreed a prisoner exchange."),
				}
			},
			want: []string{"2025-03-10: b,a"},
		},
		{
			name: "same day, different events stay apart",
			docs: func(t *testing.T) []Doc {
				return []Doc{
					doc(t, "a", "Outlet A", "2025-03-12", "The foreign ministers met in Geneva on March 10 to discuss a prisoner exchange."),
					doc(t, "b", "Outlet B", "2025-03-12", "A drone strike damaged a power station near Odesa on March 10, officials reported."),
				}
			},
			// Same date: by the text, "A drone…" before "The foreign…".
			want: []string{"2025-03-10: b", "2025-03-10: a"},
		},
		{
			name: "coarser date with other words stays apart",
			docs: func(t *testing.T) []Doc {
				return []Doc{
					doc(t, "a", "Outlet A", "2025-03-12", "The foreign ministers met in Geneva on March 10 to discuss a prisoner exchange."),
					doc(t, "b", "Outlet B", "2025-03-25", "Parliament approved a new budget for schools this month after a long debate."),
				}
			},
			// A month sorts by its first day.
			want: []string{"2025-03: b", "2025-03-10: a"},
		},
		{
			name: "ordered by event date, not publication",
			docs: func(t *testing.T) []Doc {
				return []Doc{
					doc(t, "late", "Outlet A", "2025-06-01", "The ceasefire collapsed on May 30 after shelling resumed along the front."),
					doc(t, "early", "Outlet B", "2025-06-02", "The ceasefire was first agreed on April 2 in a signing ceremony in Ankara."),
				}
			},
			want: []string{"2025-04-02: early", "2025-05-30: late"},
		},
		{
			name: "durations, sets, years and vague references are not events",
			docs: func(t *testing.T) []Doc {
				return []Doc{doc(t, "a", "Outlet A", "2025-03-12",
					"The war has lasted three years. Officials meet every week. The treaty was signed in 2014. Recently, prices rose sharply.")}
			},
			want: nil,
		},
		{
			name: "publication stamps are not events",
			docs: func(t *testing.T) []Doc {
				return []Doc{doc(t, "a", "Outlet A", "2025-03-12", "Published March 12, 2025.\nUpdated on March 12.\nThe minister resigned on March 11 after the vote.")}
			},
			want: []string{"2025-03-11: a"},
		},
		{
			name: "sentence without an event verb is left out",
			docs: func(t *testing.T) []Doc {
				return []Doc{doc(t, "a", "Outlet A", "2025-03-12", "A difficult week for the coalition government in March 2025 and its many partners.")}
			},
			want: nil,
		},
		{
			name: "one source per article",
			docs: func(t *testing.T) []Doc {
				return []Doc{doc(t, "a", "Outlet A", "2025-03-12",
					"The foreign ministers met in Geneva on March 10 to discuss a prisoner exchange. When the foreign ministers met in Geneva on March 10, the prisoner exchange was agreed.")}
			},
			want: []string{"2025-03-10: a"},
		},
		{
			name: "relative day resolved against the article date",
			docs: func(t *testing.T) []Doc {
				return []Doc{doc(t, "a", "Outlet A", "2025-12-04", "The envoys met the president at the Kremlin on Tuesday to explore a peace plan.")}
			},
			want: []string{"2025-12-02: a"},
		},
		{
			name: "no documents",
			docs: func(t *testing.T) []Doc { return nil },
			want: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := summary(Build(tc.docs(t), Options{}))
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("events:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestBuildEvent(t *testing.T) {
	a := doc(t, "a", "Outlet A", "2025-03-20", "The foreign ministers met in Geneva this month and agreed a prisoner exchange.")
	a.Article.OriginOutlet = "Origin Wire"
	a.Article.URL = "https://a.example/1"
	b := doc(t, "b", "Outlet B", "2025-03-12", "Zoom in: The foreign ministers met in Geneva on March 10 and agreed a prisoner exchange, officials said.")
	evs := Build([]Doc{a, b}, Options{})
	if len(evs) != 1 {
		t.Fatalf("got %d events, want 1: %+v", len(evs), evs)
	}
	e := evs[0]
	if e.Date != "2025-03-10" || e.Precision != "day" {
		t.Errorf("date %s (%s), want 2025-03-10 (day)", e.Date, e.Precision)
	}
	if !e.Start.Equal(time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC)) || !e.End.Equal(time.Date(2025, 3, 11, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("range %v..%v", e.Start, e.End)
	}
	if want := "The foreign ministers met in Geneva on March 10 and agreed a prisoner exchange."; e.Text != want {
		t.Errorf("text %q, want %q", e.Text, want)
	}
	if e.Planned {
		t.Error("reported event marked planned")
	}
	if again := Build([]Doc{a, b}, Options{}); e.ID == "" || again[0].ID != e.ID {
		t.Errorf("event ID %q not stable (again %q)", e.ID, again[0].ID)
	}
	if other := Build([]Doc{a}, Options{}); other[0].ID == e.ID {
		t.Errorf("an event founded by another mention has the same ID %q", e.ID)
	}
	if len(e.Sources) != 2 {
		t.Fatalf("sources %+v", e.Sources)
	}
	s := e.Sources[1]
	if s.ArticleID != "a" || s.Outlet != "Origin Wire" || s.URL != "https://a.example/1" || s.Timex != "this month" || s.Value != "2025-03" {
		t.Errorf("second source %+v", s)
	}
	if !strings.HasPrefix(e.Sources[0].Sentence, "Zoom in:") {
		t.Errorf("source sentence should be as written: %q", e.Sources[0].Sentence)
	}
}

func TestPlanned(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"The negotiators are set to meet in Florida on Thursday to follow up.", true},
		{"The president will travel to Kyiv on Friday, aides said.", true},
		{"On Thursday, Putin reaffirmed that Russia will not withdraw from the region.", false},
		{"The negotiators met in Florida on Tuesday to follow up.", false},
		{"Trump said he would meet Putin in Budapest on December 10 to discuss the plan.", true},
		{"Trump said he met Putin in Budapest on December 1 to discuss the plan.", false},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			evs := Build([]Doc{doc(t, "a", "A", "2025-12-03", tc.text)}, Options{})
			if len(evs) != 1 {
				t.Fatalf("got %d events", len(evs))
			}
			if evs[0].Planned != tc.want {
				t.Errorf("planned = %v, want %v", evs[0].Planned, tc.want)
			}
		})
	}
}

func TestParsePeriod(t *testing.T) {
	d := func(y, m, dd int) time.Time { return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in         string
		ok         bool
		prec       string
		start, end time.Time
	}{
		{"2025-08-15", true, "day", d(2025, 8, 15), d(2025, 8, 16)},
		{"2025-12-31", true, "day", d(2025, 12, 31), d(2026, 1, 1)},
		{"2025-W49", true, "week", d(2025, 12, 1), d(2025, 12, 8)},
		{"2026-W01", true, "week", d(2025, 12, 29), d(2026, 1, 5)},
		{"2020-W53", true, "week", d(2020, 12, 28), d(2021, 1, 4)},
		{"2025-08", true, "month", d(2025, 8, 1), d(2025, 9, 1)},
		{"2025-W53", false, "", time.Time{}, time.Time{}},
		{"2025-02-30", false, "", time.Time{}, time.Time{}},
		{"2025-13", false, "", time.Time{}, time.Time{}},
		{"2025", false, "", time.Time{}, time.Time{}},
		{"2025-SU", false, "", time.Time{}, time.Time{}},
		{"2025-Q3", false, "", time.Time{}, time.Time{}},
		{"PAST_REF", false, "", time.Time{}, time.Time{}},
		{"2025-08-15T10:00", false, "", time.Time{}, time.Time{}},
		{"20a5-08-15", false, "", time.Time{}, time.Time{}},
		{"", false, "", time.Time{}, time.Time{}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			p, ok := parsePeriod(tc.in)
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v", ok, tc.ok)
			}
			if !ok {
				return
			}
			if p.precision() != tc.prec || !p.start.Equal(tc.start) || !p.end.Equal(tc.end) {
				t.Errorf("got %s %v..%v, want %s %v..%v", p.precision(), p.start, p.end, tc.prec, tc.start, tc.end)
			}
		})
	}
}

func TestCleanText(t *testing.T) {
	long := "“" + strings.Repeat("word ", 70) + "end,” the president wrote on his platform on Sept. 23."
	tests := []struct {
		name, in, want string
	}{
		{"plain", "The two leaders met in Alaska on Aug. 15.", "The two leaders met in Alaska on Aug. 15."},
		{"label", "The big picture: The two leaders met in Alaska on Aug. 15 for three hours of talks.", "The two leaders met in Alaska on Aug. 15 for three hours of talks."},
		{"trailing attribution", "The two leaders met in Alaska on Aug. 15, officials said.", "The two leaders met in Alaska on Aug. 15."},
		{"speaker is not a label", "Vladimir Putin: We met the American president in Alaska on Aug. 15 and talked for hours.", "Vladimir Putin: We met the American president in Alaska on Aug. 15 and talked for hours."},
		{"transcript speaker", "SHAPIRO: The two leaders met in Alaska on Aug. 15 and talked for three hours.", "SHAPIRO: The two leaders met in Alaska on Aug. 15 and talked for three hours."},
		{"trailing according to", "The two leaders met in Alaska on Aug. 15, according to two U.S. officials who spoke to AFP.", "The two leaders met in Alaska on Aug. 15."},
		{"attribution holding the date", "The two leaders will meet again, an aide said on Aug. 15.", "The two leaders will meet again, an aide said on Aug. 15."},
		{"according to", "According to the Kremlin, the two leaders met in Alaska on Aug. 15 for three hours.", "The two leaders met in Alaska on Aug. 15 for three hours."},
		{"quotation keeps its speaker", "“We met on Aug. 15,” Trump said.", "“We met on Aug. 15,” Trump said."},
		{"long attribution kept", "Russia is growing impatient, U.S. Vice President JD Vance said on Sept. 24.", "Russia is growing impatient, U.S. Vice President JD Vance said on Sept. 24."},
		{"stray closing quote", `"Zoom in: NBC's anchor asked the vice president about sanctions on Sunday morning.`, "NBC's anchor asked the vice president about sanctions on Sunday morning."},
		{"long quotation shortened", long, "“word word word word word word word word word word…,” the president wrote on his platform on Sept. 23."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			from := strings.Index(tc.in, "Aug. 15")
			if from < 0 {
				from = strings.Index(tc.in, "Sept. 23")
			}
			if from < 0 {
				from = 0
			}
			if got := cleanText(tc.in, from, from+7, 280); got != tc.want {
				t.Errorf("cleanText:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestSplitGlued(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"glued sentences", "He spoke on Sunday.The big picture: talks.", []string{"He spoke on Sunday.", "The big picture: talks."}},
		{"closing quote stays", `He said "it is over."Zoom in: more.`, []string{`He said "it is over."`, "Zoom in: more."}},
		{"abbreviation kept", "The U.S. envoy met Putin.", []string{"The U.S. envoy met Putin."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, sp := range splitGlued(tc.in, []sentence.Span{{Start: 0, End: len(tc.in)}}) {
				got = append(got, tc.in[sp.Start:sp.End])
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestBadOffsets(t *testing.T) {
	text := "The leaders met in Geneva on March 10 and agreed an exchange."
	d := Doc{Article: news.Article{ID: "a", Text: text}, Timexes: []news.Timex{
		{Text: "x", Start: -4, End: 2, Type: "DATE", Value: "2025-03-10", Resolved: true},
		{Text: "x", Start: 50, End: 500, Type: "DATE", Value: "2025-03-10", Resolved: true},
		{Text: "x", Start: 30, End: 20, Type: "DATE", Value: "2025-03-10", Resolved: true},
	}, Mentions: []news.Mention{{EntityID: "e", Start: -1, End: 1000}}}
	if evs := Build([]Doc{d}, Options{}); len(evs) != 0 {
		t.Errorf("events from bad offsets: %+v", evs)
	}
}

func FuzzBuild(f *testing.F) {
	f.Add("The leaders met in Geneva on March 10 and agreed an exchange.", 29, 37, "2025-03-10")
	f.Add("“Quote,” he said on Tuesday.Next one.", 20, 27, "2025-W49")
	f.Fuzz(func(t *testing.T, text string, start, end int, value string) {
		d := Doc{Article: news.Article{ID: "a", Text: text}, Timexes: []news.Timex{
			{Start: start, End: end, Type: "DATE", Value: value, Resolved: true},
		}}
		for _, e := range Build([]Doc{d, d}, Options{MaxText: 40}) {
			if len(e.Sources) == 0 || e.Start.After(e.End) {
				t.Fatalf("bad event %+v", e)
			}
		}
	})
}

func TestFiner(t *testing.T) {
	tests := []struct {
		value     string
		n         int
		has, hasn string
	}{
		{"2025-08-15", 0, "", "2025-08-15"},
		{"2025-W49", 7, "2025-12-07", "2025-12-08"},
		{"2025-12", 31 + 4, "2025-W49", "2026-W01"}, // W49 is 1–7 Dec; 2026-W01 starts 29 Dec
		{"2025-09", 30 + 4, "2025-W36", "2025-W40"}, // W36 is 1–7 Sep; W40 ends in October
	}
	for _, tc := range tests {
		t.Run(tc.value, func(t *testing.T) {
			p, ok := parsePeriod(tc.value)
			if !ok {
				t.Fatal("does not parse")
			}
			got := p.finer()
			if len(got) != tc.n {
				t.Errorf("%d finer values, want %d: %v", len(got), tc.n, got)
			}
			if tc.has != "" && !slices.Contains(got, tc.has) {
				t.Errorf("missing %s: %v", tc.has, got)
			}
			if slices.Contains(got, tc.hasn) {
				t.Errorf("has %s: %v", tc.hasn, got)
			}
		})
	}
}

func TestDisputes(t *testing.T) {
	tests := []struct {
		name string
		docs func(t *testing.T) []Doc
		want []string // dates of each dispute
	}{
		{
			name: "two articles, one event, two days",
			docs: func(t *testing.T) []Doc {
				return []Doc{
					doc(t, "a", "Outlet A", "2025-03-12", "The Tokyo-bound plane returned to Los Angeles on March 10 after a passenger boarded the wrong flight."),
					doc(t, "b", "Outlet B", "2025-03-12", "A Tokyo-bound plane returned to Los Angeles on March 11 because a passenger boarded the wrong flight."),
				}
			},
			want: []string{"2025-03-10 2025-03-11"},
		},
		{
			name: "one article telling two days apart",
			docs: func(t *testing.T) []Doc {
				return []Doc{doc(t, "a", "Outlet A", "2025-03-12",
					"The Tokyo-bound plane returned to Los Angeles on March 10 after a passenger boarded the wrong flight. The Tokyo-bound plane returned to Los Angeles again on March 11 after a passenger boarded the wrong flight.")}
			},
		},
		{
			name: "different event verbs",
			docs: func(t *testing.T) []Doc {
				return []Doc{
					doc(t, "a", "Outlet A", "2025-03-12", "North Korea launched a ballistic missile over Japan on March 10, defying the United Nations."),
					doc(t, "b", "Outlet B", "2025-03-12", "The United Nations condemned the ballistic missile North Korea fired over Japan on March 11."),
				}
			},
		},
		{
			name: "too far apart",
			docs: func(t *testing.T) []Doc {
				return []Doc{
					doc(t, "a", "Outlet A", "2025-03-22", "The Tokyo-bound plane returned to Los Angeles on March 10 after a passenger boarded the wrong flight."),
					doc(t, "b", "Outlet B", "2025-03-22", "A Tokyo-bound plane returned to Los Angeles on March 20 because a passenger boarded the wrong flight."),
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs, ds := BuildWithDisputes(tc.docs(t), Options{})
			var got []string
			for _, d := range ds {
				got = append(got, strings.Join(d.Dates, " "))
				if len(d.Accounts) < 2 || d.Text == "" {
					t.Errorf("dispute %+v", d)
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("disputes %q, want %q (events %q)", got, tc.want, summary(evs))
			}
		})
	}
}

func TestNameSpeaker(t *testing.T) {
	const text = "“We will meet again,” he said during his evening address on Wednesday."
	end := strings.Index(text, " he") // the quote ends with its closing mark
	tests := []struct {
		name string
		q    news.Quote
		want string
	}{
		{"named speaker", news.Quote{Direct: true, Speaker: "Volodymyr Zelensky", SpeakerID: "e1", Start: 0, End: end},
			"“We will meet again,” Volodymyr Zelensky said during his evening address on Wednesday."},
		{"speaker who is no entity", news.Quote{Direct: true, Speaker: "a senior official", Start: 0, End: end}, text},
		{"indirect quote", news.Quote{Direct: false, Speaker: "Volodymyr Zelensky", SpeakerID: "e1", Start: 0, End: end}, text},
		{"quote elsewhere", news.Quote{Direct: true, Speaker: "Volodymyr Zelensky", SpeakerID: "e1", Start: 500, End: 520}, text},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := doc(t, "a", "A", "2025-12-04", text)
			d.Quotes = []news.Quote{tc.q}
			evs := Build([]Doc{d}, Options{})
			if len(evs) != 1 {
				t.Fatalf("got %d events", len(evs))
			}
			if evs[0].Text != tc.want {
				t.Errorf("text %q, want %q", evs[0].Text, tc.want)
			}
			if evs[0].Sources[0].Sentence != text {
				t.Errorf("source sentence changed: %q", evs[0].Sources[0].Sentence)
			}
		})
	}
}
