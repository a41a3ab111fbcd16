package sentence

import (
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "One here. Two there! Three?", []string{"One here.", "Two there!", "Three?"}},
		{"abbreviations", "U.S. Vice President JD Vance said on Sept. 24 that Gov. Mike Pence agreed. Next one.",
			[]string{"U.S. Vice President JD Vance said on Sept. 24 that Gov. Mike Pence agreed.", "Next one."}},
		{"closing quote", `"We had a call," Trump said. "It was long." He left.`,
			[]string{`"We had a call," Trump said.`, `"It was long."`, "He left."}},
		{"curly closing quote", "He said “let him down.” Then he left.", []string{"He said “let him down.”", "Then he left."}},
		{"joined debris", "in an interview broadcast Sunday.The big picture: Vance said.\"They've been",
			[]string{"in an interview broadcast Sunday.", "The big picture: Vance said.", "\"They've been"}},
		{"initial", "John F. Kennedy spoke.", []string{"John F. Kennedy spoke."}},
		{"lines", "Headline without stop\nBody text. More", []string{"Headline without stop", "Body text.", "More"}},
		{"lowercase after period", "It rose 3.5 percent vs. last year.", []string{"It rose 3.5 percent vs. last year."}},
		{"doubled apostrophes open a sentence", "at the policy center. ''I wouldn't call it reform,'' he said.",
			[]string{"at the policy center.", "''I wouldn't call it reform,'' he said."}},
		{"empty", "  \n\n ", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range Split(tc.in) {
				got = append(got, s.Text(tc.in))
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Split(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSplitNoPunctuationBounded(t *testing.T) {
	in := strings.Repeat("word ", 5000)
	spans := Split(in)
	if len(spans) < 2 {
		t.Fatalf("got %d spans for a 25,000-byte run without punctuation, want it cut", len(spans))
	}
	for _, s := range spans {
		if s.End-s.Start > MaxLen {
			t.Errorf("span %v longer than MaxLen", s)
		}
	}
}

func TestSplitInvalidUTF8Bounded(t *testing.T) {
	// A long run of UTF-8 continuation bytes has no rune start to cut at.
	in := "\"0" + strings.Repeat("\xb2", 3*MaxLen) + "!0 "
	spans := Split(in)
	if len(spans) < 3 {
		t.Fatalf("got %d spans, want the run cut into at least 3", len(spans))
	}
	for _, s := range spans {
		if s.End-s.Start > MaxLen || s.End <= s.Start {
			t.Errorf("bad span %v", s)
		}
	}
}

func TestIndex(t *testing.T) {
	text := "One. Two. Three."
	spans := Split(text)
	for off, want := range map[int]int{0: 0, 3: 0, 4: 1, 5: 1, 10: 2, 100: 3} {
		if got := Index(spans, off); got != want {
			t.Errorf("Index(%d) = %d, want %d", off, got, want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	text := "First line\n\n  Second\nThird  \n"
	var got []string
	for _, p := range Paragraphs(text) {
		got = append(got, p.Text(text))
	}
	if strings.Join(got, "|") != "First line|Second|Third" {
		t.Errorf("got %q", got)
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("One. Two? \"Three,\" he said.")
	f.Add("U.S. Sen. X.\n\nY")
	f.Add("“unbalanced")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range Split(s) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %v (prev end %d, len %d)", sp, prev, len(s))
			}
			prev = sp.End
		}
	})
}
