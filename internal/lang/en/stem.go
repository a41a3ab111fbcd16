package en

import "github.com/kljensen/snowball/english"

// Stem folds a lower-cased English word to its Porter2 (snowball) stem, or
// returns it unchanged when the stemmer leaves nothing.
func Stem(w string) string {
	if s := english.Stem(w, false); s != "" {
		return s
	}
	return w
}
