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

// Supported codes: the languages with resources of their own.
const (
	English   = "en"
	Russian   = "ru"
	Ukrainian = "uk"
	German    = "de"
)

// Supported reports whether code has resources of its own in Parallax.
func Supported(code string) bool {
	switch code {
	case English, Russian, Ukrainian, German:
		return true
	}
	return false
}
