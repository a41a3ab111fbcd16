package entity

import "testing"

// TestTitleAliasNeedsItsQualifier: a description joins a person only where
// the article ties them; "the Russian president" is not Donald Trump
// because he is a president.
func TestTitleAliasNeedsItsQualifier(t *testing.T) {
	tests := []struct {
		text, alias, holder string
		joined              bool
	}{
		{"U.S. President Donald Trump spoke on Monday. Later the Russian president answered him.", "the Russian president", "Donald Trump", false},
		{"Russian President Vladimir Putin spoke on Monday. Later the Russian president left.", "the Russian president", "Vladimir Putin", true},
		{"U.S. President Donald Trump spoke on Monday. Later the president left.", "the president", "Donald Trump", true},
	}
	for _, tc := range tests {
		ents, ms := Extract(tc.text)
		var id string
		for _, e := range ents {
			if e.Name == tc.holder {
				id = e.ID
			}
		}
		if id == "" {
			t.Fatalf("%q: no %s in %+v", tc.text, tc.holder, ents)
		}
		joined := false
		for _, m := range ms {
			if m.Text == tc.alias && m.EntityID == id {
				joined = true
			}
		}
		if joined != tc.joined {
			t.Errorf("%q: %q joined %s = %v, want %v", tc.text, tc.alias, tc.holder, joined, tc.joined)
		}
	}
}
