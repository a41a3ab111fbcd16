package de

import "testing"

func TestStem(t *testing.T) {
	for _, g := range [][]string{
		{"verhandlungen", "verhandlung"},
		{"treffen", "treffens"},
		{"gespräche", "gespräch", "gesprächen"},
	} {
		want := Stem(g[0])
		for _, w := range g[1:] {
			if got := Stem(w); got != want {
				t.Errorf("Stem(%q) = %q, want %q (as %q)", w, got, want, g[0])
			}
		}
	}
	if Stem("frieden") == Stem("kreml") {
		t.Error("frieden and kreml share a stem")
	}
	for w, want := range map[string]bool{"dass": true, "dezember": true, "sagte": true, "kreml": false} {
		if got := StopWord(w); got != want {
			t.Errorf("StopWord(%q) = %v, want %v", w, got, want)
		}
	}
}
