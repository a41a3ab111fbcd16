package uk

import "testing"

func TestStem(t *testing.T) {
	// Forms of one word fold to one stem; different words stay apart.
	groups := [][]string{
		{"україна", "україни", "україні", "україною", "україну"},
		{"переговори", "переговорів", "переговорах", "переговорами"},
		{"зустріч", "зустрічі", "зустрічах"},
		{"президент", "президента", "президентом", "президентові"},
		{"мирний", "мирного", "мирному", "мирним"},
	}
	stems := map[string]string{}
	for _, g := range groups {
		want := Stem(g[0])
		for _, w := range g[1:] {
			if got := Stem(w); got != want {
				t.Errorf("Stem(%q) = %q, want %q (as %q)", w, got, want, g[0])
			}
		}
		if o, ok := stems[want]; ok {
			t.Errorf("%q and %q share the stem %q", o, g[0], want)
		}
		stems[want] = g[0]
	}
	// Short words keep their root; a word with no vowel is left alone.
	for w, want := range map[string]string{"мир": "мир", "дім": "дім", "сша": "сша", "знт": "знт", "": ""} {
		if got := Stem(w); got != want {
			t.Errorf("Stem(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestStopWord(t *testing.T) {
	for w, want := range map[string]bool{"що": true, "п’ятницю": true, "грудня": true, "переговори": false, "київ": false} {
		if got := StopWord(w); got != want {
			t.Errorf("StopWord(%q) = %v, want %v", w, got, want)
		}
	}
}

func FuzzStem(f *testing.F) {
	for _, s := range []string{"україною", "ся", "ь", "йшлося", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got := Stem(w); len(got) > len(w)+len("'") {
			t.Errorf("Stem(%q) = %q grew", w, got)
		}
	})
}
