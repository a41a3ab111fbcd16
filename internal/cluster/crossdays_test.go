package cluster

import (
	"slices"
	"testing"
	"time"
)

// TestCrossDates reads dates written in figures, days of a range or pair,
// and days named by the weekday or relative to the publication.
func TestCrossDates(t *testing.T) {
	sun := time.Date(2025, 11, 30, 9, 0, 0, 0, time.UTC) // a Sunday
	for _, tc := range []struct {
		text, lang string
		pub        time.Time
		want       []int // days of the date terms, after resolving
		none       []int // days that must not be read
	}{
		{"Aktualisiert am 23.11.2025 - 19:00 Uhr. Gespräche in Genf.", langDE, time.Time{}, []int{1123}, nil},
		{"Posted 11/23/2025 in Geneva.", langEN, time.Time{}, []int{1123}, nil},
		{"Опубликовано 2025-11-23, Женева.", langRU, time.Time{}, []int{1123}, nil},
		{"Переговоры пройдут 23 и 24 января в Абу-Даби.", langRU, time.Time{}, []int{123, 124}, nil},
		{"Перемовини триватимуть 4–5 лютого.", langUK, time.Time{}, []int{204, 205}, nil},
		{"Talks were held on December 14-15 in Berlin.", langEN, time.Time{}, []int{1214, 1215}, nil},
		{"Sie einigten sich auf 28 Punkte und 1000 Gefangene.", langDE, time.Time{}, nil, []int{1000, 2800}},
		// Weekdays: the nearest such day, three days back to three ahead.
		{"Die Delegationen trafen sich am Sonntag in Florida.", langDE, sun, []int{1130}, nil},
		{"В субботу делегация вылетела, встреча во вторник.", langRU, sun, []int{1129, 1202}, nil},
		{"Вчора делегації зустрілися у Флориді.", langUK, sun, []int{1129}, nil},
		{"The delegations met on Thursday.", langEN, sun, []int{1127}, nil},
		// Undated: a weekday names no day.
		{"The delegations met on Thursday.", langEN, time.Time{}, nil, nil},
	} {
		cross := crossTerms(tokenize(tc.text, 0), tc.lang, nil)
		resolveDays(cross, tc.pub)
		got := datesOf(cross)
		for _, d := range tc.want {
			if !slices.Contains(got, d) {
				t.Errorf("%q: no day %d in %v", tc.text, d, got)
			}
		}
		for _, d := range tc.none {
			if slices.Contains(got, d) {
				t.Errorf("%q: day %d read in %v", tc.text, d, got)
			}
		}
		if tc.want == nil && len(got) > 0 {
			t.Errorf("%q: days %v, want none", tc.text, got)
		}
		for k := range cross {
			if len(k) > 3 && (k[1:3] == crossWeekday || k[1:3] == crossRelative) {
				t.Errorf("%q: unresolved term %q", tc.text, k)
			}
		}
	}
}

// TestEventApart tells a report of a meeting held again days later from
// the story of the first, and keeps a report giving the story's day, or
// a day next to it, in.
func TestEventApart(t *testing.T) {
	c := New(Config{})
	pub := time.Date(2025, 11, 24, 0, 0, 0, 0, time.UTC)
	s := &story{
		bursts: []span{{pub, pub}},
		events: []int{1121, 1123}, eventN: []int{1, 5}, // one report gave the 21st to something else
	}
	for _, tc := range []struct {
		days []int
		want bool
	}{
		{[]int{1130}, true},        // a week on
		{[]int{1129, 1130}, true},  // the day before and the day of it
		{[]int{1124, 1130}, true},  // reports the 30th, recalling the 24th
		{[]int{1124}, false},       // the next day: a two-day meeting
		{[]int{1126}, true},        // three days from the core day
		{[]int{1125}, false},       // two days: not enough
		{[]int{1123, 1130}, false}, // gives the story's day too
		{[]int{1121, 1130}, false}, // gives a day one of its reports gave
		{nil, false},
	} {
		if _, ok := c.eventApart(tc.days, s); ok != tc.want {
			t.Errorf("eventApart(%v) = %v, want %v", tc.days, ok, tc.want)
		}
	}
	if got := coreDays([]int{1121, 1123, 1124}, []int{1, 5, 3}); !slices.Equal(got, []int{1123, 1124}) {
		t.Errorf("coreDays = %v", got)
	}
	days, n := countDays([]int{1123}, []int{2}, []int{1123, 1124}, []int{1, 3})
	if !slices.Equal(days, []int{1123, 1124}) || !slices.Equal(n, []int{3, 3}) {
		t.Errorf("countDays = %v %v", days, n)
	}
}

// TestSeenElsewhere keeps the query terms another article used.
func TestSeenElsewhere(t *testing.T) {
	c := New(Config{})
	c.df = []int32{1, 2, 1, 3}
	got := c.seenElsewhere(sparse{ids: []int32{0, 1, 2, 3}, w: []float32{0.9, 0.1, 0.8, 0.2}})
	if !slices.Equal(got.ids, []int32{1, 3}) || !slices.Equal(got.w, []float32{0.1, 0.2}) {
		t.Errorf("seenElsewhere = %v %v", got.ids, got.w)
	}
}

// FuzzCrossDates reads dates from any text in every language without
// panicking, and every date it reads is a month and a day of one.
func FuzzCrossDates(f *testing.F) {
	for _, s := range []string{"23.11.2025", "4–5 лютого", "December 14-15", "am Sonntag", "2025-13-40", "31 31 2025", "и 5 и", "вчора сьогодні"} {
		f.Add(s)
	}
	pub := time.Date(2025, 11, 30, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		for _, l := range []string{langEN, langDE, langRU, langUK, ""} {
			cross := crossTerms(tokenize(s, 0), l, nil)
			days := resolveDays(cross, pub)
			for _, md := range append(datesOf(cross), days...) {
				if m, d := md/100, md%100; m < 1 || m > 12 || d < 0 || d > 31 {
					t.Fatalf("%q (%s): day %d", s, l, md)
				}
			}
		}
	})
}

// TestEventsApart keeps two stories apart when each has a core day two
// of its reports give, days from the other's; not a story of one report.
func TestEventsApart(t *testing.T) {
	c := New(Config{})
	day := func(d int) time.Time { return time.Date(2025, 11, d, 0, 0, 0, 0, time.UTC) }
	geneva := &story{ndocs: 5, bursts: []span{{day(23), day(24)}}, events: []int{1123}, eventN: []int{4}}
	florida := &story{ndocs: 4, bursts: []span{{day(29), day(30)}}, events: []int{1129, 1130}, eventN: []int{1, 3}}
	lone := &story{ndocs: 1, bursts: []span{{day(30), day(30)}}, events: []int{1130}, eventN: []int{1}}
	same := &story{ndocs: 3, bursts: []span{{day(24), day(24)}}, events: []int{1123, 1124}, eventN: []int{2, 1}}
	if e, ok := c.eventsApart(geneva, florida); !ok || e >= 1 {
		t.Errorf("Geneva and Florida: %v %v", e, ok)
	}
	if _, ok := c.eventsApart(geneva, lone); ok {
		t.Error("a story of one report judged by its days")
	}
	if _, ok := c.eventsApart(geneva, same); ok {
		t.Error("two stories giving the same day kept apart")
	}
}
