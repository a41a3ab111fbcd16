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
