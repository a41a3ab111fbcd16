package uk

import (
	"strings"
	"unicode/utf8"
)

// Stem folds a lower-cased Ukrainian word to a stem by suffix rules of its
// own (snowball has no Ukrainian): the reflexive particle, then the longest
// inflectional ending of nouns, adjectives, participles and verbs that
// leaves at least two letters after the word's first vowel, then a final
// soft sign. It is a light stemmer: it folds the case and number forms
// news text mixes (Україна, України, Україні, Україною), not derivation.
// Safe for concurrent use.
func Stem(w string) string {
	w = normApostrophe(w)
	rv := regionStart(w)
	if rv < 0 {
		return w
	}
	cut := func(endings []string) bool {
		for _, e := range endings {
			if strings.HasSuffix(w, e) && len(w)-len(e) >= rv+minRegion(w[rv:]) {
				w = w[:len(w)-len(e)]
				return true
			}
		}
		return false
	}
	cut(reflexive)
	if !cut(verbEndings) {
		cut(nominalEndings)
	}
	w = strings.TrimSuffix(w, "ь")
	return w
}

// regionStart is the byte offset after the first vowel of w (snowball's
// RV region), or -1 when w has no vowel.
func regionStart(w string) int {
	for i, r := range w {
		if strings.ContainsRune(vowels, r) {
			return i + utf8.RuneLen(r)
		}
	}
	return -1
}

// minRegion is how many bytes of the region an ending must leave: two
// letters, so that short words (мир, дім) keep their root.
func minRegion(region string) int {
	n := 0
	for i := range region {
		if n == 2 {
			return i
		}
		n++
	}
	if n < 2 {
		return len(region) + 1 // too short to cut
	}
	return len(region)
}

const vowels = "аеєиіїоуюя"

// Endings, longest first within each group so that the longest one that
// matches is cut.
var (
	reflexive = []string{"ся", "сь"}

	verbEndings = byLength(`ується ються ються ється ить ять уть ють ати ити яти іти ути оти ала ало али ила ило или ла ло ли
ало ував увала ували ував ював ювала ювали ує ують ює ють ає ають ємо ете ите ить ать ять ав ив ів їв ти ть`)

	nominalEndings = byLength(`ого ому ими ами ями ові еві єві ій ий ої ою ею єю ім им их ах ях ам ям ів їв ей ем єм ом ів
а е є і ї у ю я о и ь`)
)

// byLength splits a list of endings and orders it longest first.
func byLength(s string) []string {
	f := strings.Fields(s)
	seen := map[string]bool{}
	out := f[:0]
	for _, e := range f {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && utf8.RuneCountInString(out[j]) > utf8.RuneCountInString(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
