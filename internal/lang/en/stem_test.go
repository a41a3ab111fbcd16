package en

import "testing"

func TestStem(t *testing.T) {
	if Stem("talks") != Stem("talk") || Stem("meeting") != Stem("meet") {
		t.Errorf("talks %q talk %q meeting %q meet %q", Stem("talks"), Stem("talk"), Stem("meeting"), Stem("meet"))
	}
	for w, want := range map[string]bool{"the": true, "december": true, "said": true, "kremlin": false} {
		if got := StopWord(w); got != want {
			t.Errorf("StopWord(%q) = %v, want %v", w, got, want)
		}
	}
}
