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

// SearchTerms splits user search text into terms, the syntax of
// Store.Search that each backend turns into its own query language. Text
// in double quotes is a phrase (an unclosed quote runs to the end); other
// text splits into words at white space, control characters and bytes
// that are not UTF-8; a word ending in "*" matches as a prefix. Operators
// of any query language are plain text. Terms with no letter or digit are
// dropped, and inside phrases control characters and bytes that are not
// UTF-8 become spaces (NUL would end a query early in SQLite's C code, and
// PostgreSQL text cannot hold it). Returns nil when nothing searchable
// remains.
func SearchTerms(text string) []SearchTerm {
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
