package news

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// displayTitleMax is the most runes DisplayTitle takes from the text.
const displayTitleMax = 100

// DisplayTitle is what every view shows for an article: its title, or,
// when it has none, its first sentence (cut at a word near 100 runes and
// marked with an ellipsis), or "Untitled article" when it has no text
// either. The CLI, the pages and the feeds use it so that they agree.
func DisplayTitle(a Article) string {
	if t := strings.TrimSpace(a.Title); t != "" {
		return t
	}
	text := strings.Join(strings.Fields(a.Text), " ")
	if text == "" {
		return "Untitled article"
	}
	return firstSentence(text, displayTitleMax)
}

// firstSentence returns the opening sentence of text (whitespace already
// collapsed): up to the first '.', '!' or '?' followed by a space and an
// upper-case letter, digit or quote; cut at a word boundary before max
// runes when longer.
func firstSentence(text string, max int) string {
	n := 0
	for i, r := range text {
		n++
		if n > max {
			cut := text[:i]
			if j := strings.LastIndexByte(cut, ' '); j > len(cut)/2 {
				cut = cut[:j]
			}
			return strings.TrimRight(cut, " ,;:—-") + "…"
		}
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		rest := text[i+1:]
		if !strings.HasPrefix(rest, " ") {
			continue
		}
		next, _ := utf8.DecodeRuneInString(rest[1:])
		if unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune("\"“«'‘", next) {
			if n >= 12 { // "Mr. Smith" or "U.S. officials": too short to be a sentence
				return text[:i+1]
			}
		}
	}
	return text
}
