package store

import (
	"fmt"
	"strings"
	"testing"
)

func TestSearchTerms(t *testing.T) {
	// Each term is shown as its text, in quotes for a phrase, with "*" for
	// a prefix.
	cases := []struct{ in, want string }{
		{"", ""},
		{" \t\n", ""},
		{"Ushakov", "Ushakov"},
		{"peace plan", "peace | plan"},
		{`"peace plan" Geneva`, `"peace plan" | Geneva`},
		{`"peace plan`, `"peace plan"`},
		{`negotiat** talk*`, "negotiat* | talk*"},
		{`"negotiat*"`, `"negotiat*"`},
		{`*`, ""},
		{`"*"`, ""},
		{`- ( ) : ^ +`, ""},
		{`NEAR(a b)`, "NEAR(a | b)"},
		{`a"b"c`, `a | "b" | c`},
		{`""`, ""},
		{"a\x00b", "a | b"},
		{"\"a\x00b\xffc\"", `"a b c"`},
		{"Ушаков\u00a0мир", "Ушаков | мир"},
		{"co-oper*", "co-oper*"},
		// Bounds: repeats kept once, short prefixes searched as words,
		// at most four prefix terms and sixteen words.
		{strings.Repeat("a* ", 166), "a"},
		{"Peace peace PEACE peace*", "Peace | peace*"},
		{`"peace plan" "Peace Plan" peace`, `"peace plan" | peace`},
		{"ab* abc* co-o*", "ab | abc* | co-o"},
		{"aaa* bbb* ccc* ddd* eee* fff*", "aaa* | bbb* | ccc* | ddd*"},
		{strings.Repeat("w ", 10) + `"one two three four five six seven eight" x`,
			"w | " + `"one two three four five six seven eight"` + " | x"},
	}
	for _, tc := range cases {
		var got []string
		for _, term := range SearchTerms(tc.in) {
			s := term.Text
			if term.Phrase {
				s = fmt.Sprintf("%q", s)
			}
			if term.Prefix {
				s += "*"
			}
			got = append(got, s)
		}
		if g := strings.Join(got, " | "); g != tc.want {
			t.Errorf("SearchTerms(%q) = %s, want %s", tc.in, g, tc.want)
		}
	}
}

// words returns n distinct words.
func words(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("w%d", i)
	}
	return out
}

func TestBoundTerms(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want int // words left
	}{
		{"240 distinct words", strings.Join(words(240), " "), MaxSearchWords},
		{"phrase cut at the bound", strings.Join(words(10), " ") + ` "` + strings.Join(words(30), " ") + `"`, MaxSearchWords},
		{"hyphenated words count each part", strings.Join(words(30), "-a-b-c-d-e-f-g ") + "-x", MaxSearchWords},
		{"one long phrase", `"` + strings.Repeat("and ", 200) + `"`, MaxSearchWords},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			n := 0
			for _, term := range SearchTerms(tc.in) {
				n += countWords(term.Text)
			}
			if n != tc.want {
				t.Errorf("%d words left, want %d", n, tc.want)
			}
		})
	}
	// A phrase cut at the bound keeps its first words.
	terms := SearchTerms(strings.Join(words(14), " ") + ` "alpha beta gamma delta"`)
	if last := terms[len(terms)-1]; last.Text != "alpha beta" || !last.Phrase {
		t.Errorf("cut phrase = %+v, want \"alpha beta\"", last)
	}
}

// FuzzSearchTerms checks the bounds hold for any text: no repeated term,
// no more than MaxSearchWords words and MaxPrefixTerms prefix terms, no
// prefix shorter than MinPrefixRunes, every term searchable.
func FuzzSearchTerms(f *testing.F) {
	for _, q := range []string{"a* a* a*", `"peace plan" peace*`, strings.Repeat("x ", 100), "co-op* \x00\xff", `"a`} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		terms := SearchTerms(q)
		words, prefixes := 0, 0
		seen := map[SearchTerm]bool{}
		for _, term := range terms {
			if !Searchable(term.Text) {
				t.Errorf("term %q not searchable", term.Text)
			}
			key := SearchTerm{Text: strings.ToLower(term.Text), Phrase: term.Phrase, Prefix: term.Prefix}
			if seen[key] {
				t.Errorf("term %+v repeated", term)
			}
			seen[key] = true
			words += countWords(term.Text)
			if term.Prefix {
				prefixes++
				if lastWordRunes(term.Text) < MinPrefixRunes {
					t.Errorf("prefix term %q too short", term.Text)
				}
			}
		}
		if words > MaxSearchWords || prefixes > MaxPrefixTerms {
			t.Errorf("%q: %d words, %d prefix terms", q, words, prefixes)
		}
	})
}
