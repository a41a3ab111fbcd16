package de

import (
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/german"
)

// Stem folds a lower-cased German word to its snowball stem (umlauts and ß
// folded the way the snowball German stemmer does), or returns it
// unchanged when the stemmer leaves nothing. Safe for concurrent use.
func Stem(w string) string {
	env := snowballstem.NewEnv(w)
	german.Stem(env)
	if s := env.Current(); s != "" {
		return s
	}
	return w
}
