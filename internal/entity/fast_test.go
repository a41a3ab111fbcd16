package entity

import (
	"strings"
	"testing"
)

// gazMatchRef is gazMatch as it was written first: every form's words
// joined and passed through gazKey.
func gazMatchRef(toks []token) (int, gazEntry, bool) {
	n := gazMaxWords
	if n > len(toks) {
		n = len(toks)
	}
	for ; n > 0; n-- {
		words := make([]string, n)
		for k := 0; k < n; k++ {
			words[k] = toks[k].text
			if k < n-1 && toks[k].poss {
				n = 0
				break
			}
		}
		if n == 0 {
			break
		}
		if e, ok := gazetteer[gazKey(strings.Join(words, " "))]; ok {
			if e.acronym && strings.ToUpper(words[0]) != words[0] {
				continue
			}
			return n, e, true
		}
	}
	return 0, gazEntry{}, false
}

var fastSamples = []string{
	"", "Kiev", "KIEV", "kiev-based", "Zelenskyy", "Zelensky", "Zelenskiy", "Sergey", "Yuri", "Yuriy",
	"New York", "the United States", "The Hague", "U.S.", "St. Petersburg", "Bosnia and Herzegovina",
	"Russia's", "Gazprom", "Côte d'Ivoire", "Zürich", "O’Brien", "al-Assad", "  spaced\tout-words ",
	"ii", "yy", "ey", "y", "ab", "abc", "Abbey", "Ray", "Gray", "Hawaii", "Tokyo", "NATO", "Nato", "EU",
	"The", "the", "THE UK", "Mc'Donald", "#tag", "x-y-z", "İstanbul", "Ελλάδα", "Київ",
}

func TestFoldASCIIMatchesRunes(t *testing.T) {
	texts, _ := reutersTexts(t)
	inputs := append([]string{}, fastSamples...)
	for _, text := range texts[:300] {
		toks := tokenize(text)
		for i, tk := range toks {
			inputs = append(inputs, tk.text)
			if i+1 < len(toks) {
				inputs = append(inputs, text[tk.start:toks[i+1].end])
			}
		}
	}
	for _, s := range inputs {
		if got, want := Fold(s), foldRunes(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestGazMatchMatchesReference(t *testing.T) {
	texts, _ := reutersTexts(t)
	texts = append(texts[:300], strings.Join(fastSamples, " "), "Russia's Gazprom met Bosnia and Herzegovina's envoy in the United States of America and THE HAGUE.")
	n := 0
	for _, text := range texts {
		toks := tokenize(text)
		for i := range toks {
			gn, ge, gok := gazMatch(toks[i:])
			wn, we, wok := gazMatchRef(toks[i:])
			if gn != wn || ge != we || gok != wok {
				t.Fatalf("gazMatch at %q: %d %+v %v, want %d %+v %v", toks[i].text, gn, ge, gok, wn, we, wok)
			}
			if gok {
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no gazetteer form found: the comparison tested nothing")
	}
}

func TestGazKeyASCIIMatchesRunes(t *testing.T) {
	inputs := append([]string{" the x", "the ", "the  the  x", "a\vb\fc\r\nd", "The\tHague "}, fastSamples...)
	texts, _ := reutersTexts(t)
	for _, text := range texts[:300] {
		toks := tokenize(text)
		for i := range toks {
			for n := 1; n <= 4 && i+n <= len(toks); n++ {
				inputs = append(inputs, joinToks(text, toks[i:i+n]))
			}
		}
	}
	for _, s := range inputs {
		if got, want := gazKey(s), gazKeyRunes(s); got != want {
			t.Errorf("gazKey(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestLowerWords checks that lowerWords answers the same by reading the
// tokens as from its set.
func TestLowerWords(t *testing.T) {
	texts, _ := reutersTexts(t)
	for _, text := range texts[:50] {
		toks := tokenize(text)
		want := map[string]bool{}
		for _, tk := range toks {
			if !tk.cap {
				want[tk.text] = true
			}
		}
		l := &lowerWords{toks: toks}
		for round := 0; round < 2; round++ { // scanning first, from the set after
			for _, tk := range toks {
				for _, w := range []string{tk.text, tk.lower} {
					if got := l.has(w); got != want[w] {
						t.Fatalf("has(%q) = %v, want %v (set built: %v)", w, got, want[w], l.set != nil)
					}
				}
			}
		}
		if len(toks) > lowerScans && l.set == nil {
			t.Fatal("the set was never built")
		}
	}
}

// TestTokenLower checks every token's lower-case form, taken from the
// text lowered once when the word is ASCII, against strings.ToLower.
func TestTokenLower(t *testing.T) {
	texts, _ := reutersTexts(t)
	texts = append(texts[:200], strings.Join(fastSamples, " "),
		"Russia’s envoy, the Russians’ demands, O’Neill's BOOK, Zürich’s U.S.-based Dr. Ávila and Mr. O’Brien’s.")
	n := 0
	for _, text := range texts {
		for _, tk := range tokenize(text) {
			if tk.text != text[tk.start:tk.end] {
				t.Fatalf("token %q spans %q", tk.text, text[tk.start:tk.end])
			}
			if want := strings.ToLower(tk.text); tk.lower != want {
				t.Errorf("token %q: lower %q, want %q", tk.text, tk.lower, want)
			}
			if tk.lower != tk.text {
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no token with capitals: the test checks nothing")
	}
}

// TestLineMemo checks the memo against the line questions asked afresh,
// at every offset of texts with several lines, forwards and backwards.
func TestLineMemo(t *testing.T) {
	texts, _ := reutersTexts(t)
	texts = append(texts[:100], "U.S. TRADE DEFICIT WIDENS IN JANUARY\n\nThe Deficit Grew To Record Levels\nit said.\n\n\nLAST LINE IN CAPITALS NOW", "", "\n", "one line only")
	for _, text := range texts {
		for _, fn := range []func(string, int, int) bool{headlineIn, shoutIn} {
			m := &lineMemo{text: text, fn: fn}
			check := func(off int) {
				start, end := lineBounds(text, off)
				if got, want := m.at(off), fn(text, start, end); got != want {
					t.Fatalf("offset %d of %q: memo %v, asked afresh %v", off, text, got, want)
				}
			}
			for off := 0; off <= len(text); off++ {
				check(off)
			}
			for off := len(text); off >= 0; off-- {
				check(off)
			}
		}
	}
}
