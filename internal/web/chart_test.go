package web

import (
	"net/url"
	"testing"
	"time"
)

func TestNewEventChart(t *testing.T) {
	d := func(s string) time.Time { return day(s) }
	events := []chartEvent{
		{Start: d("2025-07-03"), End: d("2025-07-04"), Kind: "wire", Anchor: "event-a"},
		{Start: d("2025-07-03"), End: d("2025-07-04"), Kind: "private", Anchor: "event-b"}, // same day: another row
		{Start: d("2025-08-01"), End: d("2025-09-01"), Kind: "mixed", Anchor: "event-c"},   // a month: a bar
		{Start: d("2025-12-01"), End: d("2025-12-08"), Kind: "state_affiliated", Anchor: "event-d"},
		{Kind: "unknown", Anchor: "undated"},
	}
	speakers := []chartSpeaker{{Name: "A", Anchor: "speaker-1", Quotes: []chartQuote{{Date: d("2025-07-05")}, {}}}}
	c := newEventChart(events, speakers, nil)
	if c == nil {
		t.Fatal("nil chart")
	}
	if len(c.Marks) != 4 {
		t.Fatalf("%d marks, want the 4 dated events", len(c.Marks))
	}
	for i, m := range c.Marks {
		if m.X < c.Left || m.X2 > c.Right || m.X2 < m.X {
			t.Errorf("mark %d at %.1f–%.1f outside the axis %.1f–%.1f", i, m.X, m.X2, c.Left, c.Right)
		}
		if m.Y < 0 || m.Y > c.AxisY {
			t.Errorf("mark %d at y %.1f, below the axis %.1f", i, m.Y, c.AxisY)
		}
	}
	if c.Marks[0].Y == c.Marks[1].Y {
		t.Error("two events of the same day share a row")
	}
	if c.Marks[0].Wide || !c.Marks[2].Wide || !c.Marks[3].Wide {
		t.Errorf("wide marks: %v %v %v, want day no, month and week yes", c.Marks[0].Wide, c.Marks[2].Wide, c.Marks[3].Wide)
	}
	if !(c.Marks[0].X < c.Marks[2].X && c.Marks[2].X < c.Marks[3].X) {
		t.Error("marks not in date order along the axis")
	}
	if len(c.Lanes) != 1 || len(c.Lanes[0].Dots) != 1 || c.Lanes[0].Y <= c.AxisY || float64(c.Height) < c.Lanes[0].Y {
		t.Errorf("lanes %+v, height %d", c.Lanes, c.Height)
	}
	var labels []string
	for _, tk := range c.Ticks {
		labels = append(labels, tk.Label)
	}
	if len(labels) != 5 || labels[0] != "Aug 2025" || labels[4] != "Dec" {
		t.Errorf("ticks %q, want Aug 2025 … Dec", labels)
	}
	if newEventChart(nil, nil, nil) != nil || newEventChart([]chartEvent{{Kind: "wire"}}, nil, nil) != nil {
		t.Error("chart of nothing dated is not nil")
	}
}

func TestParseSearchFilter(t *testing.T) {
	for _, tc := range []struct {
		name, query string
		wantErr     bool
		active      bool
	}{
		{"empty", "", false, false},
		{"outlet", "outlet=rt.com", false, true},
		{"kind", "kind=wire", false, true},
		{"bad kind", "kind=tabloid", true, false},
		{"country lower case", "country=ua", false, true},
		{"long country", "country=UKR", true, false},
		{"digits country", "country=U1", true, false},
		{"dates", "from=2025-07-01&to=2025-12-31", false, true},
		{"one day", "from=2025-07-01&to=2025-07-01", false, true},
		{"bad date", "from=July", true, false},
		{"reversed", "from=2025-08-01&to=2025-07-01", true, false},
		{"long outlet", "outlet=" + string(make([]byte, 201)), true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, err := url.ParseQuery(tc.query)
			if err != nil {
				t.Fatal(err)
			}
			f, err := parseSearchFilter(q)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err %v, want error %v", err, tc.wantErr)
			}
			if err == nil && f.Active() != tc.active {
				t.Errorf("active %v, want %v", f.Active(), tc.active)
			}
		})
	}
}

func FuzzParseSearchFilter(f *testing.F) {
	for _, s := range []string{"", "outlet=rt.com&kind=wire", "country=ua&from=2025-07-01&to=2025-07-02", "from=2025-13-40", "kind=%00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		fl, err := parseSearchFilter(q)
		if err != nil {
			return
		}
		if fl.Country != "" && len(fl.Country) != 2 {
			t.Errorf("country %q accepted", fl.Country)
		}
		if !fl.From.IsZero() && !fl.To.IsZero() && fl.To.Before(fl.From) {
			t.Errorf("range %v–%v accepted", fl.From, fl.To)
		}
	})
}

func TestPctStepAndKindName(t *testing.T) {
	for _, tc := range []struct {
		share float64
		want  int
	}{{-1, 0}, {0, 0}, {0.04, 0}, {0.05, 10}, {0.36, 40}, {0.999, 100}, {1, 100}, {3, 100}} {
		if got := pctStep(tc.share); got != tc.want {
			t.Errorf("pctStep(%v) = %d, want %d", tc.share, got, tc.want)
		}
	}
	for in, want := range map[string]string{"state_affiliated": "state-affiliated", "": "unknown kind", "new_kind": "new kind", "wire": "wire service"} {
		if got := kindName(in); got != want {
			t.Errorf("kindName(%q) = %q, want %q", in, got, want)
		}
	}
}
