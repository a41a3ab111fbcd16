// Package lang holds what Parallax knows about each language it reads, in
// one place per language: internal/lang/en, ru, uk and de. Stage packages
// (entity, quote, when, cluster, compare) ask these packages for their
// resources by the article's ISO 639-1 code and never keep word lists of
// another language themselves; a language with no package here gets the
// language-neutral path of each stage (clean text, search, dates from
// metadata, clustering by shared names and numbers).
//
// This package holds what crosses languages: the list of supported codes
// and, as they arrive, transliteration between scripts and the folding of
// names to a key shared by every spelling.
package lang

import (
	"strings"
	"unicode"
)

// Supported codes: the languages with resources of their own.
const (
	English   = "en"
	Russian   = "ru"
	Ukrainian = "uk"
	German    = "de"
)

// Guess names the language of a text from its letters alone, for texts
// that come without one: Cyrillic text is Ukrainian when it uses the
// letters only Ukrainian has (і, ї, є, ґ) more than those only Russian
// has (ы, э, ъ, ё), else Russian; Latin text is German or English by
// their commonest function words; anything else (Japanese, Arabic, a
// Latin-script language of neither list) is "", the language-neutral path.
func Guess(text string) string {
	var cyr, lat, other, uk, ru int
	for _, r := range text {
		switch {
		case IsCyrillic(r):
			cyr++
			switch r {
			case 'і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ':
				uk++
			case 'ы', 'э', 'ъ', 'ё', 'Ы', 'Э', 'Ъ', 'Ё':
				ru++
			}
		case r < 0x250 && unicode.IsLetter(r):
			lat++
		case unicode.IsLetter(r):
			other++
		}
	}
	switch {
	case cyr > lat && cyr > other:
		if uk > ru {
			return Ukrainian
		}
		return Russian
	case other >= lat:
		return ""
	}
	// Function words, counted over the first 20 KB without allocating.
	var en, de int
	sample := text
	if len(sample) > 20000 {
		sample = sample[:20000]
	}
	var buf [8]byte
	n, long := 0, false
	count := func() {
		if n > 0 && !long {
			if enWords[string(buf[:n])] {
				en++
			}
			if deWords[string(buf[:n])] {
				de++
			}
		}
		n, long = 0, false
	}
	for i := 0; i < len(sample); i++ {
		c := sample[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case c >= 'a' && c <= 'z', c >= 0x80:
			if n < len(buf) {
				buf[n] = c
				n++
			} else {
				long = true
			}
		default:
			count()
			if en+de >= 40 && (en > 3*de || de > 3*en) {
				i = len(sample) // decided
			}
		}
	}
	count()
	switch {
	case de > en && de >= 2:
		return German
	case en > 0 && en >= de:
		return English
	}
	return ""
}

var enWords, deWords = wordSet("the and of to in is that for with was on are by from has have it"), wordSet("der die das und ist nicht mit sich auf für dem den zu ein eine sagte nach wird von des")

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// ASCIILower lower-cases the ASCII letters of s and leaves every other
// byte as it is, so that a byte offset in the result is one in s (which
// strings.ToLower does not promise: some runes change length).
func ASCIILower(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}
