package web

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/store"
)

// langCoverage is how a story was told in one language: the articles
// written in it and the outlets they are credited to. The "languages"
// partial (templates/_languages.html) renders a list of them.
type langCoverage struct {
	Code     string // ISO 639-1 for the lang attribute; "" when unknown
	Language string // "Russian", or "Unknown language"
	Articles int
	Outlets  []string // shown names, sorted; unknown outlets left out
}

// languageCoverage reads the articles ids and counts them by the language
// of their text, most articles first, then by language name. Articles the
// store no longer has are skipped.
func (s *Server) languageCoverage(ctx context.Context, ids []string) ([]langCoverage, error) {
	by := map[string]*langCoverage{}
	for _, id := range ids {
		a, err := s.st.Article(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("coverage by language: article %s: %w", id, err)
		}
		code := strings.ToLower(a.Language)
		c := by[code]
		if c == nil {
			c = &langCoverage{Code: langTag(code), Language: languageName(code)}
			if code == "" {
				c.Language = "Unknown language"
			}
			by[code] = c
		}
		c.Articles++
		if o := articleCredit(a).Lead; o != "" {
			if name := s.outletName(o); !slices.Contains(c.Outlets, name) {
				c.Outlets = append(c.Outlets, name)
			}
		}
	}
	out := make([]langCoverage, 0, len(by))
	for _, c := range by {
		slices.Sort(c.Outlets)
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b langCoverage) int {
		if a.Articles != b.Articles {
			return b.Articles - a.Articles
		}
		return strings.Compare(a.Language, b.Language)
	})
	return out, nil
}
