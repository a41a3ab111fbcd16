package quote

import (
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/lang"
)

// Languages lists the codes with quote resources of their own besides
// English.
func Languages() []string { return []string{lang.Russian, lang.Ukrainian, lang.German} }

// Find returns the direct and indirect quotes of one article's text in text
// order, given the entities and mentions entity.Extract found in the same
// text, and the problems met on the way. It never fails: text without quotes
// gives no quotes.
func Find(text string, ents []entity.Entity, ms []entity.Mention) ([]Quote, []Problem) {
	return FindByAuthor(text, "", ents, ms)
}
