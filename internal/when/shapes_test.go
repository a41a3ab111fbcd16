package when

import (
	"testing"
	"time"
)

// The digit shapes only narrow where the clock, decade and year patterns
// run: on figures of every kind, Find with triggers finds what running
// every rule everywhere finds.
var shapeTexts = []string{
	"Trading opened at 9:30 and shut at 4 p.m. EST, after 10.15 a.m. talks; 1.5 mln shares, 12.50 dlrs.",
	"The meeting ends at 5pm, resumes at 11am, and at 5 a.m. on Monday; 5 analysts said 10 pct.",
	"In the 1980s and the '90s, and in the 1970's, prices of the mid-1960s rose; 1980 plans, 1990x.",
	"Sales in 1987 rose from fiscal 1986 and mid1990 levels, the '87 crop; 19870 tonnes, 3100 units, 2025 and beyond.",
	"Revenue was 2,050 mln in 2020/21 versus 1,987 in 1999; the 1500s saw 20,000 troops.",
	"Output fell 12 pct from 180s at 12:00 noon; at 7 pm local time, shortly after 8:15.",
	"In the first quarter, for several quarters, a few-week pause, several-year plans, the past few decades, seconds and nights, a century, the next several minutes.",
}

func TestDigitShapesLoseNothing(t *testing.T) {
	anchor := time.Date(1987, 3, 2, 0, 0, 0, 0, time.UTC)
	for _, text := range shapeTexts {
		assertTriggersLoseNothing(t, text, anchor)
	}
}

func FuzzDigitShapes(f *testing.F) {
	for _, s := range shapeTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 2000 {
			return
		}
		assertTriggersLoseNothing(t, text, time.Date(2025, 12, 4, 0, 0, 0, 0, time.UTC))
	})
}

func assertTriggersLoseNothing(t *testing.T, text string, anchor time.Time) {
	t.Helper()
	fast, slow := find(text, anchor, false), find(text, anchor, true)
	if len(fast) != len(slow) {
		t.Fatalf("%q: %d expressions with triggers, %d without:\n%+v\n%+v", text, len(fast), len(slow), fast, slow)
	}
	for j := range fast {
		if fast[j] != slow[j] {
			t.Errorf("%q: %+v with triggers, %+v without", text, fast[j], slow[j])
		}
	}
}

func TestDigitShapes(t *testing.T) {
	for _, tc := range []struct {
		shape digitShape
		text  string // the token is the first run of letters and digits
		want  bool
	}{
		{decadeToken, "1980s", true},
		{decadeToken, "1980's", true},
		{decadeToken, "'80s", true},
		{decadeToken, "1980", false},
		{decadeToken, "1985s", false},
		{decadeToken, "180s", false},
		{decadeToken, "1980sx", false},
		{clockToken, "9:30", true},
		{clockToken, "4 p.m.", true},
		{clockToken, "5pm", true},
		{clockToken, "10.15 a.m.", true},
		{clockToken, "1.5 mln", false},
		{clockToken, "12.50 dlrs", false},
		{clockToken, "5 analysts", false},
		{clockToken, "100 am", false},
		{yearToken, "1987", true},
		{yearToken, "mid1990", true},
		{yearToken, "'87", true},
		{yearToken, "87", false},
		{yearToken, "1400", false},
		{yearToken, "19870", false},
		{yearToken, "2025", true},
	} {
		i := 0
		for i < len(tc.text) && !isAlnum(tc.text[i]) {
			i++
		}
		j := i
		for j < len(tc.text) && isAlnum(tc.text[j]) {
			j++
		}
		if got := tc.shape(tc.text, i, j); got != tc.want {
			t.Errorf("%q: got %v, want %v", tc.text, got, tc.want)
		}
	}
}
