package news

import (
	"strings"
	"unicode/utf8"
)

// CutText returns text whole when it has at most max characters (runes);
// otherwise the prefix of at most max characters that ends at the last
// paragraph break in its final quarter, else the last line break there,
// else the last sentence end (".", "!", "?" before white space, or a
// full-width "。！？"), else the last space, else at max characters. cut
// reports whether text was shortened. max < 1 keeps text whole.
func CutText(text string, max int) (prefix string, cut bool) {
	if max < 1 || len(text) <= max {
		return text, false // at most max bytes, so at most max runes
	}
	end, n := 0, 0
	for end < len(text) && n < max {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
		n++
	}
	if end >= len(text) {
		return text, false
	}
	window := text[:end]
	floor := end - end/4
	if i := strings.LastIndex(window, "\n\n"); i >= floor {
		return strings.TrimRight(window[:i], " \t\r\n"), true
	}
	if i := strings.LastIndexByte(window, '\n'); i >= floor {
		return strings.TrimRight(window[:i], " \t\r\n"), true
	}
	for j := len(window) - 1; j >= floor; j-- {
		switch c := window[j]; {
		case (c == '.' || c == '!' || c == '?') && j+1 < len(window) && isBlank(window[j+1]):
			return window[:j+1], true
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(window[j:])
			if r == '。' || r == '！' || r == '？' {
				return window[:j+size], true
			}
		}
	}
	if i := strings.LastIndexAny(window, " \t"); i >= floor {
		return strings.TrimRight(window[:i], " \t"), true
	}
	return window, true
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
