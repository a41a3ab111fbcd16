package quote

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// fieldCapsRef is what headlineParas computed first: the words from
// strings.Fields, and those that begin with a capital or a digit.
func fieldCapsRef(s string) (n, caps int) {
	words := strings.Fields(s)
	for _, w := range words {
		c, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "\"“‘'(["))
		if unicode.IsUpper(c) || unicode.IsDigit(c) {
			caps++
		}
	}
	return len(words), caps
}

func TestFieldCaps(t *testing.T) {
	cases := []string{"", " ", "a", " A b  C ", "one\tTwo\nthree\u00a0Four\u2003five", "x\xffy Z", "\"Hello (World) “Dear ‘Sir", "\"\" ( 9 lives", strings.Repeat("W ", 40), "Ärger über Öl"}
	for _, s := range cases {
		wn, wc := fieldCapsRef(s)
		if n, c := fieldCaps(s, 1000); n != wn || c != wc {
			t.Errorf("fieldCaps(%q) = %d %d, want %d %d", s, n, c, wn, wc)
		}
		if n, _ := fieldCaps(s, 31); n != min(wn, 31) {
			t.Errorf("fieldCaps(%q, 31) = %d words, want %d", s, n, min(wn, 31))
		}
	}
}

func FuzzFieldCaps(f *testing.F) {
	f.Add("Two Words")
	f.Add("\"“Quoted” (bracketed) 42 ‘x")
	f.Fuzz(func(t *testing.T, s string) {
		wn, wc := fieldCapsRef(s)
		if n, c := fieldCaps(s, 1<<30); n != wn || c != wc {
			t.Errorf("fieldCaps(%q) = %d %d, want %d %d", s, n, c, wn, wc)
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
