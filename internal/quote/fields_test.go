package quote

import (
	"strings"
	"testing"
)

func TestCountFields(t *testing.T) {
	cases := []string{"", " ", "a", " a b  c ", "one\ttwo\nthree\u00a0four\u2003five", "x\xffy z", strings.Repeat("w ", 40)}
	for _, s := range cases {
		want := len(strings.Fields(s))
		if got := countFields(s, 1000); got != want {
			t.Errorf("countFields(%q) = %d, want %d", s, got, want)
		}
		if got := countFields(s, 31); got != min(want, 31) {
			t.Errorf("countFields(%q, 31) = %d, want %d", s, got, min(want, 31))
		}
	}
}

func FuzzCountFields(f *testing.F) {
	f.Add("two words")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := countFields(s, 1<<30), len(strings.Fields(s)); got != want {
			t.Errorf("countFields(%q) = %d, want %d", s, got, want)
		}
	})
}

// TestIndirectCue compares indirectCue with the map on every word of
// the cue lists and on words close to them.
func TestIndirectCue(t *testing.T) {
	words := []string{"", "s", "the", "and", "add", "sad", "said", "saidx", "Said", "said.", "thought", "thoughts", "ändern", "according", "accordingly", "x1", "9"}
	for w := range indirectCues {
		words = append(words, w, w+"s", w[1:], strings.ToUpper(w))
	}
	rejected := 0
	for _, w := range words {
		gt, gok := indirectCue(w)
		wt, wok := indirectCues[w]
		if gt != wt || gok != wok {
			t.Errorf("indirectCue(%q) = %v %v, want %v %v", w, gt, gok, wt, wok)
		}
		if !wok {
			rejected++
		}
	}
	if rejected == 0 {
		t.Fatal("every word a cue: the test checks nothing")
	}
}
