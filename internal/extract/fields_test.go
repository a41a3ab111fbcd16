package extract

import (
	"strings"
	"testing"
)

var fieldTexts = []string{
	"", " ", "one", "  two  words ", "tab\tand\nnew line", "no\u00a0break\u2003em space",
	"\xff\xfe bad bytes", "\u0085next line", "a\u3000b\tc", "x\vy\fz", "é ü\u00a0", "Read time: 4 min", "by Jane Roe",
}

func TestCountFields(t *testing.T) {
	for _, s := range fieldTexts {
		if got, want := countFields(s), len(strings.Fields(s)); got != want {
			t.Errorf("countFields(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzCountFields(f *testing.F) {
	for _, s := range fieldTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := countFields(s), len(strings.Fields(s)); got != want {
			t.Errorf("countFields(%q) = %d, want %d", s, got, want)
		}
	})
}

func TestReadTimeAnchored(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"reading time: about 5", true},
		{"5 min read", true},
		{"12-minute read", true},
		{"the reading time: 5", false},
		{"it is a 5 min read", false},
		{"5 min read more", false},
	} {
		if got := reReadTime.MatchString(tc.s); got != tc.want {
			t.Errorf("%q: got %v, want %v", tc.s, got, tc.want)
		}
	}
}
