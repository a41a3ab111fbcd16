// Package sentence splits plain news text into sentences and paragraphs by
// rule, keeping byte offsets into the original text. Split follows English
// rules; SplitLang those of a language with resources in internal/lang
// (abbreviations in internal/lang/{en,ru,uk,de}/abbrev.go: "т. н.", "г.",
// "z. B.", ordinal dates "2. Dezember", the closing marks “ « of German).
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

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/lang/de"
	"github.com/parallax-news/parallax/internal/lang/en"
	"github.com/parallax-news/parallax/internal/lang/ru"
	"github.com/parallax-news/parallax/internal/lang/uk"
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

// rules are one language's abbreviations and marks for splitting.
type rules struct {
	// abbrev end with a period that never ends a sentence; terminal may end
	// one when a capital follows. Lower case, without the final period.
	abbrev, terminal map[string]bool
	// ordinal nouns follow a number written with an ordinal period ("2.
	// Dezember").
	ordinal map[string]bool
	// closers close a quotation after terminal punctuation besides the
	// common ones; openers open one before a new sentence.
	closers, openers string
	// dashAttribution: a dash after a closing mark continues the sentence
	// («…», — заявил он; «…?» — спросил он).
	dashAttribution bool
}

func set(words ...[]string) map[string]bool {
	m := map[string]bool{}
	for _, ws := range words {
		for _, w := range ws {
			m[w] = true
		}
	}
	return m
}

var (
	english = &rules{abbrev: set(en.SentenceAbbreviations)}
	byLang  = map[string]*rules{
		lang.English: english,
		lang.Russian: {abbrev: set(ru.SentenceAbbreviations), terminal: set(ru.SentenceTerminalAbbreviations),
			ordinal: set(ru.SentenceOrdinalNouns), closers: "“", openers: "", dashAttribution: true},
		lang.Ukrainian: {abbrev: set(uk.SentenceAbbreviations), terminal: set(uk.SentenceTerminalAbbreviations),
			ordinal: set(uk.SentenceOrdinalNouns), closers: "“", openers: "", dashAttribution: true},
		lang.German: {abbrev: set(de.SentenceAbbreviations), terminal: set(de.SentenceTerminalAbbreviations),
			ordinal: set(de.SentenceOrdinalNouns), closers: "“‘«", openers: "»‚"},
	}
)

// Split returns the sentences of text in order, by the English rules (the
// rules of every text whose language is unknown). Whitespace between
// sentences belongs to none of them. It never returns an empty span.
func Split(text string) []Span { return split(text, english) }

// SplitLang is Split by the rules of the language with ISO 639-1 code
// code: its abbreviations ("т. н.", "z. B.", "г."), ordinal dates ("2.
// Dezember") and quotation marks. A language with no rules of its own is
// split by the English ones.
func SplitLang(text, code string) []Span {
	if r, ok := byLang[code]; ok {
		return split(text, r)
	}
	return split(text, english)
}

func split(text string, rl *rules) []Span {
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
		if c := text[i]; c < utf8.RuneSelf && c != '\n' && c != '\r' && c != '.' && c != '?' && c != '!' {
			// An ASCII byte that neither breaks a line nor ends a
			// sentence: what the general path below does, without
			// decoding.
			if start < 0 {
				if c == ' ' || c == '\t' || c == '\v' || c == '\f' {
					i++
					continue
				}
				start = i
			}
			i++
			continue
		}
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
			if r2 == '.' || r2 == '?' || r2 == '!' || r2 == '…' || isCloser(r2) || strings.ContainsRune(rl.closers, r2) {
				j += s2
				continue
			}
			break
		}
		if r == '.' && j == i+size {
			switch rl.abbreviation(text, start, i) {
			case abbrevNever:
				i = j
				continue
			case abbrevTerminal:
				if !capitalNext(text, j) {
					i = j
					continue
				}
			}
		}
		if endsHere(text, i, j, rl) {
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
func endsHere(text string, i, j int, rl *rules) bool {
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
		if rl.dashAttribution && (w == '—' || w == '–' || w == '-') {
			// «…?» — спросил он: the attribution belongs to the quote.
			if c, _ := utf8.DecodeLastRuneInString(text[:j]); c == '»' || c == '"' || c == '“' || c == '”' {
				return false
			}
		}
		if w == '\'' {
			// '' (a doubled apostrophe for a double mark) or 'Quote.
			n, _ := utf8.DecodeRuneInString(text[k+1:])
			return n == '\'' || unicode.IsUpper(n)
		}
		return unicode.IsUpper(w) || unicode.IsDigit(w) || isOpener(w) || strings.ContainsRune(rl.openers, w) || w == '\n' || w == '-' || w == '—' || w == '•'
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
	return unicode.IsUpper(next) || isOpener(next) || strings.ContainsRune(rl.openers, next)
}

// capitalNext reports whether the first word after offset j, past spaces
// and opening marks, starts with a capital letter.
func capitalNext(text string, j int) bool {
	for j < len(text) {
		r, s := utf8.DecodeRuneInString(text[j:])
		if r == '\n' {
			return true
		}
		if unicode.IsSpace(r) || isOpener(r) || r == '»' || r == '‚' {
			j += s
			continue
		}
		return unicode.IsUpper(r)
	}
	return true
}

func isOpener(r rune) bool {
	switch r {
	case '"', '“', '‘', '«', '„', '(', '[':
		return true
	}
	return false
}

type abbrevKind int

const (
	abbrevNone     abbrevKind = iota
	abbrevNever               // never ends a sentence
	abbrevTerminal            // ends one when a capital follows
)

// abbreviation classifies the period at text[dot]: the end of an
// abbreviation or an initial (abbrevNever), of an abbreviation that may
// also end a sentence (abbrevTerminal), or neither.
func (rl *rules) abbreviation(text string, start, dot int) abbrevKind {
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
		if rl.ordinalBefore(text, start, dot) {
			return abbrevNever
		}
		return abbrevNone
	}
	lw := strings.ToLower(word)
	// Single capital letter: an initial ("John F. Kennedy", "Ю. В. Ушаков").
	if utf8.RuneCountInString(word) == 1 {
		if r, _ := utf8.DecodeRuneInString(word); unicode.IsUpper(r) {
			return abbrevNever
		}
	}
	// Abbreviations of several parts written with spaces ("т. н.", "z.
	// B."): the parts before this one, then the parts after it.
	if rl != english {
		joined, p := lw, k
		for n := 0; n < 3; n++ {
			prev, at := partBefore(text, start, p)
			if prev == "" {
				break
			}
			joined, p = prev+"."+joined, at
			if rl.abbrev[joined] {
				return abbrevNever
			}
			if rl.terminal[joined] {
				return abbrevTerminal
			}
		}
		if utf8.RuneCountInString(lw) <= 2 {
			joined, p = lw, dot+1
			for n := 0; n < 3; n++ {
				next, at := partAfter(text, p)
				if next == "" {
					break
				}
				joined, p = joined+"."+next, at
				if rl.abbrev[joined] || rl.terminal[joined] {
					return abbrevNever
				}
			}
		}
	}
	if rl.terminal[lw] {
		return abbrevTerminal
	}
	if rl.abbrev[lw] {
		return abbrevNever
	}
	// Dotted acronyms: "F.B.I.", "U.S.A."
	if strings.Contains(word, ".") {
		for _, part := range strings.Split(word, ".") {
			if utf8.RuneCountInString(part) > 1 {
				return abbrevNone
			}
		}
		// An acronym at the end of a sentence followed by a capital is
		// ambiguous; news style keeps "U.S." mid-sentence far more often.
		return abbrevNever
	}
	return abbrevNone
}

// partBefore returns the lower-cased part of a spaced abbreviation ending
// with the period right before offset p ("т" for "т. н" with p at "н"),
// and where that part starts; "" when there is none.
func partBefore(text string, start, p int) (string, int) {
	q := p
	if q > start && text[q-1] == ' ' {
		q--
	}
	if q <= start || text[q-1] != '.' {
		return "", 0
	}
	e := q - 1
	b := e
	for b > start {
		r, s := utf8.DecodeLastRuneInString(text[:b])
		if !unicode.IsLetter(r) {
			break
		}
		b -= s
	}
	if b == e || utf8.RuneCountInString(text[b:e]) > 3 {
		return "", 0
	}
	return strings.ToLower(text[b:e]), b
}

// partAfter returns the lower-cased part of a spaced abbreviation starting
// after offset p and ended by a period ("b" for " B." in "z. B."), and the
// offset past that period; "" when there is none.
func partAfter(text string, p int) (string, int) {
	if p < len(text) && text[p] == ' ' {
		p++
	}
	e := p
	for e < len(text) {
		r, s := utf8.DecodeRuneInString(text[e:])
		if !unicode.IsLetter(r) {
			break
		}
		e += s
	}
	if e == p || e >= len(text) || text[e] != '.' || utf8.RuneCountInString(text[p:e]) > 3 {
		return "", 0
	}
	return strings.ToLower(text[p:e]), e + 1
}

// ordinalBefore reports whether the period at text[dot] closes an ordinal
// number followed by a noun that takes one ("2. Dezember").
func (rl *rules) ordinalBefore(text string, start, dot int) bool {
	if len(rl.ordinal) == 0 {
		return false
	}
	b := dot
	for b > start && text[b-1] >= '0' && text[b-1] <= '9' {
		b--
	}
	if b == dot || dot-b > 4 {
		return false
	}
	if b > start {
		if r, _ := utf8.DecodeLastRuneInString(text[:b]); unicode.IsLetter(r) || r == '.' || r == ',' {
			return false
		}
	}
	p := dot + 1
	if p >= len(text) || text[p] != ' ' {
		return false
	}
	p++
	e := p
	for e < len(text) {
		r, s := utf8.DecodeRuneInString(text[e:])
		if !unicode.IsLetter(r) {
			break
		}
		e += s
	}
	return e > p && rl.ordinal[strings.ToLower(text[p:e])]
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
