package web

import (
	"context"
	"fmt"
	"sync"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/store"
)

// backgroundCache holds the corpus-wide term counts the outlet comparison
// weighs wording against. Building them reads every stored article, so
// they are built once, on the first comparison, and rebuilt only when the
// number of stored articles has changed since.
type backgroundCache struct {
	mu       sync.Mutex
	built    bool
	articles int // CountArticles when bg was built
	bg       compare.Background
	builds   int // how many times bg was built, for tests
}

// pageSizeBackground is how many articles one store read brings in while
// counting the background.
const pageSizeBackground = 500

// background returns the cached background, rebuilding it when the
// article count differs from the one it was built at. Concurrent callers
// wait for one build.
func (s *Server) background(ctx context.Context) (compare.Background, error) {
	n, err := s.st.CountArticles(ctx)
	if err != nil {
		return compare.Background{}, fmt.Errorf("background: count articles: %w", err)
	}
	c := s.bgCache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.built && c.articles == n {
		return c.bg, nil
	}
	bg, err := buildBackground(ctx, s.st, s.reg)
	if err != nil {
		return compare.Background{}, err
	}
	c.bg, c.articles, c.built = bg, n, true
	c.builds++
	s.log.DebugContext(ctx, "comparison background built", "articles", bg.Articles, "terms", len(bg.Terms))
	return bg, nil
}

// buildBackground counts the terms of every stored article, each under the
// country of the outlet it is credited to.
func buildBackground(ctx context.Context, st Store, reg *outlet.Registry) (compare.Background, error) {
	var bg compare.Background
	for off := 0; ; off += pageSizeBackground {
		list, err := st.Articles(ctx, store.ArticleQuery{Limit: pageSizeBackground, Offset: off})
		if err != nil {
			return bg, fmt.Errorf("background: articles from %d: %w", off, err)
		}
		for _, a := range list {
			country := ""
			if reg != nil {
				country = reg.Credit(a).Country
			}
			bg.Add(a, country)
		}
		if len(list) < pageSizeBackground {
			return bg, nil
		}
	}
}
