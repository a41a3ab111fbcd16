package news

import (
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/sentence"
)

// displayTitleMax is the most runes DisplayTitle takes from the text.
const displayTitleMax = 100

// DisplayTitle is what every view shows for an article: its title, or,
// when it has none, its first sentence (split by the rules of its
// language, so "U.S." or "z. B." do not end it; cut at a word near 100
// runes and marked with an ellipsis), or "Untitled article" when it has no
// text either. The CLI, the pages and the feeds use it so that they agree.
func DisplayTitle(a Article) string {
	if t := strings.TrimSpace(a.Title); t != "" {
		return t
	}
	text := strings.Join(strings.Fields(a.Text), " ")
	if text == "" {
		return "Untitled article"
	}
	// Only the start matters: split a bounded prefix of long texts.
	head := text
	if len(head) > 8*displayTitleMax {
		end := 8 * displayTitleMax
		for end > 0 && !utf8.RuneStart(text[end]) {
			end--
		}
		head = text[:end]
	}
	first := head
	if spans := sentence.SplitLang(head, a.Language); len(spans) > 0 {
		first = strings.TrimSpace(head[spans[0].Start:spans[0].End])
	}
	if first == "" {
		first = head
	}
	return clipWords(first, displayTitleMax)
}

// clipWords cuts s to at most max runes at a word boundary, marking the
// cut with an ellipsis.
func clipWords(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	n := 0
	for i := range s {
		if n == max {
			cut := s[:i]
			if j := strings.LastIndexByte(cut, ' '); j > len(cut)/2 {
				cut = cut[:j]
			}
			return strings.TrimRight(cut, " ,;:—-") + "…"
		}
		n++
	}
	return s
}
