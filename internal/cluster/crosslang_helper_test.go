package cluster

import (
	"unicode"
	"unicode/utf8"
)

// crossTerms returns the language-neutral terms of an article (see the top
// of this file) with their weights: body tokens toks in language l, and
// names given by an entity stage.
func crossTerms(toks []token, l string, ents []string) map[string]float64 {
	return crossTermsCached(toks, l, ents, nil)
}

// isCapitalised reports whether s starts with an upper-case letter.
func isCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
