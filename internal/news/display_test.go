package news

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDisplayTitle(t *testing.T) {
	long := strings.Repeat("word ", 40)
	tests := []struct {
		name string
		a    Article
		want string
	}{
		{"title wins", Article{Title: " A title ", Text: "Body. More."}, "A title"},
		{"first sentence", Article{Text: "The talks ended without a deal. Both sides blamed the other."}, "The talks ended without a deal."},
		{"question", Article{Text: "Will the ceasefire hold? Nobody knows."}, "Will the ceasefire hold?"},
		{"abbreviation start", Article{Text: "Mr. Lee arrived on Monday evening. He left."}, "Mr. Lee arrived on Monday evening."},
		{"lower-case after dot", Article{Text: "Prices rose 2.5 percent in May. Analysts expected less."}, "Prices rose 2.5 percent in May."},
		{"U.S. inside", Article{Text: "On Wednesday, U.S. President Donald Trump spoke. Then he left."}, "On Wednesday, U.S. President Donald Trump spoke."},
		{"title abbreviation", Article{Text: "Talks with Gen. Smith ended early today. Next."}, "Talks with Gen. Smith ended early today."},
		{"no end", Article{Text: "Just a fragment"}, "Just a fragment"},
		{"whitespace collapsed", Article{Text: "Line one\n\nstill one. Two."}, "Line one still one."},
		{"nothing", Article{}, "Untitled article"},
		{"long cut at a word", Article{Text: long}, strings.TrimSpace(strings.Repeat("word ", 19)) + " word…"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := DisplayTitle(tc.a)
			if tc.name == "long cut at a word" {
				if !strings.HasSuffix(got, "word…") || utf8.RuneCountInString(got) > displayTitleMax+1 {
					t.Errorf("got %q", got)
				}
				return
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func FuzzDisplayTitle(f *testing.F) {
	for _, s := range []string{"", "A. B", "Ünïcode text. Next", strings.Repeat("x", 300), "?. .? !"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := DisplayTitle(Article{Text: text})
		if got == "" || (utf8.ValidString(text) && !utf8.ValidString(got)) {
			t.Errorf("DisplayTitle(%q) = %q", text, got)
		}
		if utf8.RuneCountInString(got) > displayTitleMax+1 && utf8.ValidString(text) {
			t.Errorf("too long: %d runes", utf8.RuneCountInString(got))
		}
	})
}
