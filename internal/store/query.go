package store

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SearchTerm is one term of a search query as Store.Search reads it; every
// term of a query must match.
type SearchTerm struct {
	// Text is the term without its quotes or trailing stars. It holds a
	// letter or a digit (Searchable).
	Text string
	// Phrase is set for text in double quotes: its words in sequence.
	Phrase bool
	// Prefix is set for a word that ended in "*": it matches the words it
	// begins.
	Prefix bool
}

// Bounds on one search query, so that no query text, however long or
// repetitive, costs more than a few common words: every prefix term is a
// scan of the index's vocabulary, every word a list of postings to merge.
const (
	// MaxSearchWords caps the words of a query across its terms (each word
	// of a phrase, each run of letters and digits of a hyphenated word
	// counts); words past it are dropped, which can only widen the result.
	MaxSearchWords = 16
	// MaxPrefixTerms caps the prefix terms ("negotiat*"); later prefix
	// terms are dropped.
	MaxPrefixTerms = 4
	// MinPrefixRunes is the least number of letters or digits in the last
	// word of a prefix term; a shorter one ("a*") is searched as the word
	// itself, since it would expand to a large part of the vocabulary.
	MinPrefixRunes = 3
)

// SearchTerms splits user search text into terms, the syntax of
// Store.Search that each backend turns into its own query language. Text
// in double quotes is a phrase (an unclosed quote runs to the end); other
// text splits into words at white space, control characters and bytes
// that are not UTF-8; a word ending in "*" matches as a prefix. Operators
// of any query language are plain text. Terms with no letter or digit are
// dropped, and inside phrases control characters and bytes that are not
// UTF-8 become spaces (NUL would end a query early in SQLite's C code, and
// PostgreSQL text cannot hold it). Terms are then bounded (BoundTerms).
// Returns nil when nothing searchable remains.
func SearchTerms(text string) []SearchTerm {
	return BoundTerms(splitTerms(text))
}

// BoundTerms bounds the cost of terms: repeated terms (same text in any
// case, same kind) are kept once, a prefix term whose last word is shorter
// than MinPrefixRunes becomes a plain term, prefix terms past
// MaxPrefixTerms are dropped, and the words past MaxSearchWords are dropped
// (a phrase reaching the bound keeps its first words). The order of the
// terms that remain is kept.
func BoundTerms(terms []SearchTerm) []SearchTerm {
	var out []SearchTerm
	seen := make(map[SearchTerm]bool)
	words, prefixes := 0, 0
	for _, t := range terms {
		if t.Prefix && lastWordRunes(t.Text) < MinPrefixRunes {
			t.Prefix = false
		}
		key := SearchTerm{Text: strings.ToLower(t.Text), Phrase: t.Phrase, Prefix: t.Prefix}
		if seen[key] {
			continue
		}
		if t.Prefix && prefixes >= MaxPrefixTerms {
			continue
		}
		n := countWords(t.Text)
		if words+n > MaxSearchWords {
			if !t.Phrase || words >= MaxSearchWords {
				continue
			}
			t.Text = firstWords(t.Text, MaxSearchWords-words)
			n = MaxSearchWords - words
			key.Text = strings.ToLower(t.Text)
			if seen[key] {
				continue
			}
		}
		seen[key] = true
		if t.Prefix {
			prefixes++
		}
		words += n
		out = append(out, t)
	}
	return out
}

// wordRune reports whether r belongs to a word, as full-text indexes cut
// text into words: letters, digits and combining marks.
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// countWords returns the number of words (runs of wordRune) in s.
func countWords(s string) int {
	return len(strings.FieldsFunc(s, func(r rune) bool { return !wordRune(r) }))
}

// lastWordRunes returns the number of runes of the last word of s.
func lastWordRunes(s string) int {
	words := strings.FieldsFunc(s, func(r rune) bool { return !wordRune(r) })
	if len(words) == 0 {
		return 0
	}
	return utf8.RuneCountInString(words[len(words)-1])
}

// firstWords returns s up to the end of its n-th word.
func firstWords(s string, n int) string {
	in := false
	for i, r := range s {
		w := wordRune(r)
		if in && !w {
			n--
			if n == 0 {
				return s[:i]
			}
		}
		in = w
	}
	return s
}

// splitTerms is SearchTerms without the bounds.
func splitTerms(text string) []SearchTerm {
	var terms []SearchTerm
	add := func(term string, phrase bool) {
		prefix := false
		if !phrase {
			trimmed := strings.TrimRight(term, "*")
			prefix = trimmed != term
			term = trimmed
		}
		if !Searchable(term) {
			return
		}
		term = strings.Map(func(r rune) rune {
			if separator(r) {
				return ' '
			}
			return r
		}, term)
		terms = append(terms, SearchTerm{Text: term, Phrase: phrase, Prefix: prefix})
	}
	rest := text
	for rest != "" {
		i := strings.IndexFunc(rest, func(r rune) bool { return r == '"' || separator(r) })
		if i < 0 {
			add(rest, false)
			break
		}
		if i > 0 {
			add(rest[:i], false)
			rest = rest[i:]
			continue
		}
		if rest[0] != '"' {
			// Skip one separator rune.
			_, size := utf8.DecodeRuneInString(rest)
			rest = rest[size:]
			continue
		}
		rest = rest[1:]
		end := strings.IndexByte(rest, '"')
		if end < 0 {
			add(rest, true)
			break
		}
		add(rest[:end], true)
		rest = rest[end+1:]
	}
	return terms
}

// separator reports whether r splits words: white space, control
// characters (NUL among them) and bytes that are not UTF-8.
func separator(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError
}

// Searchable reports whether s holds a letter or a digit, what makes a
// word searchable: the characters full-text indexes make tokens of.
func Searchable(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0
}
