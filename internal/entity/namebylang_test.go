package entity

import "testing"

// TestBestNameNegativeScores: a name in Cyrillic, or a surname alone,
// scores below zero; it is still the best of its language when it is the
// only kind there (NameByLang must never hold "").
func TestBestNameNegativeScores(t *testing.T) {
	for _, tc := range []struct {
		names map[string]int
		want  string
	}{
		{map[string]int{"Путин": 3}, "Путин"},
		{map[string]int{"Путин": 3, "Владимир Путин": 1}, "Владимир Путин"},
		{map[string]int{"Путін": 1, "the president": 4}, "Путін"},
		{map[string]int{"the president": 4}, "fallback"},
	} {
		if got := bestName(KindPerson, tc.names, nil, "fallback"); got != tc.want {
			t.Errorf("bestName(%v) = %q, want %q", tc.names, got, tc.want)
		}
	}
}
