package news

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCutText(t *testing.T) {
	tests := []struct {
		name, text string
		max        int
		want       string
		cut        bool
	}{
		{"short", "One. Two.", 100, "One. Two.", false},
		{"exact", "abcde", 5, "abcde", false},
		{"no limit", "abcde", 0, "abcde", false},
		{"multibyte within", "привет", 6, "привет", false},
		{"paragraph", "First para here.\n\nSecond para that goes on", 20, "First para here.", true},
		{"sentence", "Alpha beta gamma. Delta epsilon zeta eta", 20, "Alpha beta gamma.", true},
		{"space", "alpha beta gamma delta epsilon", 20, "alpha beta gamma", true},
		{"hard", "abcdefghijklmnopqrstuvwxyz", 10, "abcdefghij", true},
		{"runes", "ёжикёжикёжик", 5, "ёжикё", true},
		{"full-width", "一二三四五六七。八九十一二三", 9, "一二三四五六七。", true},
		{"paragraph too early", "A.\n\n" + strings.Repeat("word ", 20), 40, "A.\n\n" + strings.TrimSpace(strings.Repeat("word ", 7)), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cut := CutText(tt.text, tt.max)
			if got != tt.want || cut != tt.cut {
				t.Errorf("CutText(%q, %d) = %q, %v; want %q, %v", tt.text, tt.max, got, cut, tt.want, tt.cut)
			}
			if n := utf8.RuneCountInString(got); tt.max > 0 && n > tt.max {
				t.Errorf("%d characters, over %d", n, tt.max)
			}
		})
	}
}

func FuzzCutText(f *testing.F) {
	f.Add("Some text. More text.\n\nAnd more", 12)
	f.Add("\xff\xfe broken", 3)
	f.Fuzz(func(t *testing.T, text string, max int) {
		got, cut := CutText(text, max)
		if !strings.HasPrefix(text, got) {
			t.Fatalf("not a prefix: %q of %q", got, text)
		}
		if !cut && got != text {
			t.Fatalf("shortened without saying so")
		}
		if max > 0 && utf8.RuneCountInString(got) > max {
			t.Fatalf("%d runes over %d", utf8.RuneCountInString(got), max)
		}
	})
}
