package ru

import "testing"

func TestStem(t *testing.T) {
	for _, g := range [][]string{
		{"переговоры", "переговоров", "переговорах"},
		{"встреча", "встречи", "встрече", "встречу"},
	} {
		want := Stem(g[0])
		for _, w := range g[1:] {
			if got := Stem(w); got != want {
				t.Errorf("Stem(%q) = %q, want %q (as %q)", w, got, want, g[0])
			}
		}
	}
	for w, want := range map[string]bool{"который": true, "декабря": true, "заявил": true, "кремль": false, "ещё": true} {
		if got := StopWord(w); got != want {
			t.Errorf("StopWord(%q) = %v, want %v", w, got, want)
		}
	}
}
