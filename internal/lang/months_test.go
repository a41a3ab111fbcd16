package lang

import "testing"

// monthByTables is Month as the tables define it: the first table that
// names the word wins.
func monthByTables(word string) int {
	for _, m := range monthTables {
		if n := m[word]; n != 0 {
			return n
		}
	}
	return 0
}

func TestMonth(t *testing.T) {
	for _, tc := range []struct {
		word string
		want int
	}{
		{"january", 1},
		{"sept", 9},
		{"декабря", 12},
		{"грудня", 12},
		{"dezember", 12},
		{"mai", 5},
		{"monday", 0},
		{"", 0},
	} {
		if got := Month(tc.word); got != tc.want {
			t.Errorf("Month(%q) = %d, want %d", tc.word, got, tc.want)
		}
	}
	n := 0
	for _, m := range monthTables {
		for w := range m {
			n++
			if got, want := Month(w), monthByTables(w); got != want {
				t.Errorf("Month(%q) = %d, the tables say %d", w, got, want)
			}
		}
	}
	if n < 12 {
		t.Fatalf("only %d month words in the tables", n)
	}
}

// BenchmarkMonth looks up words of running text, most of them no month,
// with the merged map and with the tables one by one.
func BenchmarkMonth(b *testing.B) {
	words := []string{"the", "company", "said", "on", "march", "profit", "rose", "in", "декабря", "und", "dezember", "shares", "of", "sept", "quarter"}
	for _, bc := range []struct {
		name string
		fn   func(string) int
	}{{"merged", Month}, {"tables", monthByTables}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				for _, w := range words {
					bc.fn(w)
				}
			}
		})
	}
}
