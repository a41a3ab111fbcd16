package extract

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// reYearAny is the expression yearAt stands for.
var reYearAny = regexp.MustCompile(`\b(?:1[89]|20)\d\d\b`)

var yearTexts = []string{
	"", "1987", "in 1987.", "x1987", "1987x", "_1987", "19870", "21987", "1799 1800 2099 2100",
	"Feb 26, 1987 and 03/04/2001", "1987-02-26", "é1987", "1987é", "12 1999 20001 2000",
	"1819202122", "ab 1900, 2000; 1899", "\xff1987\xff",
}

// years lists the offsets yearAt finds in s, in order.
func years(s string) []int {
	var out []int
	for i := yearAt(s, 0); i >= 0; i = yearAt(s, i+4) {
		out = append(out, i)
	}
	return out
}

func regexYears(s string) []int {
	var out []int
	for _, loc := range reYearAny.FindAllStringIndex(s, -1) {
		out = append(out, loc[0])
	}
	return out
}

func TestYearAt(t *testing.T) {
	for _, s := range yearTexts {
		if got, want := years(s), regexYears(s); !slices.Equal(got, want) {
			t.Errorf("yearAt over %q: %v, want %v", s, got, want)
		}
	}
}

func FuzzYearAt(f *testing.F) {
	for _, s := range yearTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := years(s), regexYears(s); !slices.Equal(got, want) {
			t.Errorf("yearAt over %q: %v, want %v", s, got, want)
		}
	})
}

// BenchmarkEstimateDate runs EstimateDate over a wire story with a few
// years in it.
func BenchmarkEstimateDate(b *testing.B) {
	text := strings.Repeat("The company said on March 3, 1987 that profit rose 12.5 pct to 1,987 mln dlrs from 1986. ", 20)
	for b.Loop() {
		EstimateDate(text)
	}
}
