package ru

import "github.com/kljensen/snowball/russian"

// Stem folds a lower-cased Russian word to its snowball stem (ё read as е),
// or returns it unchanged when the stemmer leaves nothing.
func Stem(w string) string {
	if s := russian.Stem(w, false); s != "" {
		return s
	}
	return w
}
