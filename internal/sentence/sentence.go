// Package sentence splits plain English news text into sentences and
// paragraphs by rule, keeping byte offsets into the original text.
//
// It is deliberately small: a period, question or exclamation mark (with any
// closing quotation marks or brackets after it) ends a sentence when the next
// word starts a new one, unless the period closes a known abbreviation
// ("Mr.", "Gov.", "U.S.", "Sept.") or an initial. A line break always ends a
// sentence, so headlines and debris lines stand alone. Text with no sentence
// punctuation at all comes back as one sentence per line; a single line longer
// than MaxLen bytes is cut at a space so no sentence runs away.
package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxLen is the longest sentence Split returns, in bytes. Longer runs without
// sentence punctuation are cut at the last space before the limit.
const MaxLen = 4000

// Span is a half-open byte range [Start, End) of a text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Text returns the span's text.
func (s Span) Text(text string) string { return text[s.Start:s.End] }

// abbreviations end with a period that does not end a sentence. Lowercase,
// without the final period.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gov": true,
	"sen": true, "rep": true, "gen": true, "lt": true, "col": true, "sgt": true,
	"capt": true, "cmdr": true, "adm": true, "maj": true, "st": true, "jr": true,
	"sr": true, "rev": true, "hon": true, "pres": true, "supt": true,
	"no": true, "vs": true, "etc": true, "inc": true, "co": true, "corp": true,
	"ltd": true, "dept": true, "est": true, "approx": true, "fig": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true,
	"thurs": true, "fri": true, "sat": true, "sun": true,
	"a.m": true, "p.m": true, "e.g": true, "i.e": true,
	"u.s": true, "u.k": true, "u.n": true, "e.u": true, "d.c": true,
	"ariz": true, "calif": true, "colo": true, "conn": true, "fla": true,
	"ill": true, "ind": true, "kan": true, "mass": true, "mich": true,
	"minn": true, "miss": true, "nev": true, "okla": true, "ore": true,
	"penn": true, "tenn": true, "tex": true, "va": true, "wash": true,
	"wis": true, "n.c": true, "s.c": true, "n.y": true, "n.j": true, "n.h": true,
}

// Split returns the sentences of text in order. Whitespace between sentences
// belongs to none of them. It never returns an empty span.
func Split(text string) []Span {
	var out []Span
	start := -1 // start of the current sentence, -1 when between sentences
	emit := func(end int) {
		if start < 0 {
			return
		}
		for end > start {
			r, size := utf8.DecodeLastRuneInString(text[start:end])
			if !unicode.IsSpace(r) {
				break
			}
			end -= size
		}
		for end-start > MaxLen {
			cut := strings.LastIndexByte(text[start:start+MaxLen], ' ')
			if cut <= 0 {
				cut = MaxLen
				for cut > 0 && !utf8.RuneStart(text[start+cut]) {
					cut--
				}
				if cut == 0 {
					cut = MaxLen // invalid UTF-8 with no rune start: cut at the byte limit
				}
			}
			out = append(out, Span{start, start + cut})
			start += cut
			for start < end && text[start] == ' ' {
				start++
			}
		}
		if end > start {
			out = append(out, Span{start, end})
		}
		start = -1
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' || r == '\r' {
			emit(i)
			i += size
			continue
		}
		if start < 0 {
			if unicode.IsSpace(r) {
				i += size
				continue
			}
			start = i
		}
		if r != '.' && r != '?' && r != '!' && r != '…' {
			i += size
			continue
		}
		// Consume the run of terminal punctuation and closing marks.
		j := i + size
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if r2 == '"' || r2 == '\'' {
				// A straight mark glued to the next word opens a quote.
				if n, _ := utf8.DecodeRuneInString(text[j+s2:]); unicode.IsLetter(n) {
					break
				}
			}
			if r2 == '.' || r2 == '?' || r2 == '!' || r2 == '…' || isCloser(r2) {
				j += s2
				continue
			}
			break
		}
		if r == '.' && j == i+size && isAbbreviation(text, start, i) {
			i = j
			continue
		}
		if endsHere(text, i, j) {
			emit(j)
		}
		i = j
	}
	emit(len(text))
	return out
}

// isCloser reports whether r closes a quotation or bracket.
func isCloser(r rune) bool {
	switch r {
	case '"', '”', '’', '\'', '»', ')', ']':
		return true
	}
	return false
}

// endsHere decides whether terminal punctuation at text[i:j] ends a sentence.
func endsHere(text string, i, j int) bool {
	if j >= len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[j:])
	if unicode.IsSpace(next) {
		// Look at the first character of the next word.
		k := j
		for k < len(text) {
			r, s := utf8.DecodeRuneInString(text[k:])
			if !unicode.IsSpace(r) || r == '\n' {
				break
			}
			k += s
		}
		if k >= len(text) {
			return true
		}
		w, _ := utf8.DecodeRuneInString(text[k:])
		if w == '\'' {
			// '' (a doubled apostrophe for a double mark) or 'Quote.
			n, _ := utf8.DecodeRuneInString(text[k+1:])
			return n == '\'' || unicode.IsUpper(n)
		}
		return unicode.IsUpper(w) || unicode.IsDigit(w) || isOpener(w) || w == '\n' || w == '-' || w == '—' || w == '•'
	}
	// No space: "Sunday.The" (joined debris) or `said."They've`. Only a
	// lowercase letter before the period and a capital or opening mark after
	// it count, so "U.S." and "3.5" stay whole.
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	if !unicode.IsLower(prev) {
		return false
	}
	if text[i] != '.' && text[i] != '?' && text[i] != '!' {
		return false
	}
	return unicode.IsUpper(next) || isOpener(next)
}

func isOpener(r rune) bool {
	switch r {
	case '"', '“', '‘', '«', '„', '(', '[':
		return true
	}
	return false
}

// isAbbreviation reports whether the period at text[dot] closes an
// abbreviation or an initial rather than a sentence.
func isAbbreviation(text string, start, dot int) bool {
	k := dot
	for k > start {
		r, s := utf8.DecodeLastRuneInString(text[:k])
		if unicode.IsLetter(r) || r == '.' {
			k -= s
			continue
		}
		break
	}
	word := text[k:dot]
	if word == "" {
		return false
	}
	lw := strings.ToLower(word)
	if abbreviations[lw] {
		return true
	}
	// Single capital letter: an initial ("John F. Kennedy").
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r)
	}
	// Dotted acronyms: "F.B.I.", "U.S.A."
	if strings.Contains(word, ".") {
		for _, part := range strings.Split(word, ".") {
			if utf8.RuneCountInString(part) > 1 {
				return false
			}
		}
		// An acronym at the end of a sentence followed by a capital is
		// ambiguous; news style keeps "U.S." mid-sentence far more often.
		return true
	}
	return false
}

// Index returns the index of the sentence containing byte offset off, or of
// the first sentence starting after it; len(spans) when none does.
func Index(spans []Span, off int) int {
	lo, hi := 0, len(spans)
	for lo < hi {
		m := (lo + hi) / 2
		if spans[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Paragraphs returns the non-blank lines of text as spans, trimmed. News
// text uses both blank-line and single-newline paragraph breaks; a line is
// the unit that never shares a sentence.
func Paragraphs(text string) []Span {
	var out []Span
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		end := len(text)
		if j >= 0 {
			end = i + j
		}
		s, e := i, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if e > s {
			out = append(out, Span{s, e})
		}
		i = end + 1
	}
	return out
}

func isSpaceByte(b byte) bool {
	return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f' || b == '\v'
}
