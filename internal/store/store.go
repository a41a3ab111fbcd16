// Package store defines how Parallax keeps its data. The interface is
// consumed by the pipeline, the CLI and the web server; backends live in
// sub-packages (sqlite, and later postgres) and all pass storetest.
package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// ErrNotFound is returned when the requested item does not exist.
var ErrNotFound = errors.New("not found")

// ErrInvalid is returned (wrapped, naming the offending item) when a backend
// refuses a value it cannot store faithfully: an article without an ID, a
// string that is not valid UTF-8 or holds a NUL byte, or a time outside the
// years 1–9999.
var ErrInvalid = errors.New("invalid")

// ErrConflict is returned (wrapped) by SaveAnalysis when the stage state
// the batch requires is not what the store holds: another process wrote
// analysis since the batch was made, and writing it would mix two
// histories. Nothing of the batch is stored.
var ErrConflict = errors.New("conflict")

// ArticleQuery selects articles for listing. The zero value lists the newest
// articles first with the default limit. Undated articles never match a
// Since or Until bound.
type ArticleQuery struct {
	Outlet string    // exact outlet or origin outlet name; empty for all
	Since  time.Time // published at or after; zero for no bound
	Until  time.Time // published before; zero for no bound
	Limit  int       // at most this many; <= 0 means 50
	Offset int
}

// SearchHit is one full-text search result.
type SearchHit struct {
	Article news.Article `json:"article"`
	// Snippet is a short excerpt around the match with matched terms wrapped
	// in "[" and "]" (plain text, not HTML), on one line: white-space runs
	// are single spaces.
	Snippet string `json:"snippet"`
	// Score orders the hits of one search: higher is a better match. Values
	// are not comparable across searches or backends.
	Score float64 `json:"score"`
}

// Store keeps articles. Implementations are safe for concurrent use.
type Store interface {
	// PutArticles stores the articles in one transaction and reports how many
	// were new. An article whose ID is already stored (or repeated earlier in
	// the batch) is skipped and leaves the stored copy unchanged. A zero
	// IngestedAt is set to the time of storing; times are kept in UTC.
	// Returns an error wrapping ErrInvalid if an article has an empty ID, a
	// string that is not valid UTF-8 or holds a NUL byte, or a time outside
	// the years 1–9999. On error nothing of the batch is stored.
	PutArticles(ctx context.Context, articles []news.Article) (added int, err error)
	// Article returns the article with the given ID, or ErrNotFound.
	Article(ctx context.Context, id string) (news.Article, error)
	// Articles lists articles, newest published first (undated last). Ties
	// keep one stable order, so pages fetched with Limit and Offset add up to
	// the full list when nothing is stored in between.
	Articles(ctx context.Context, q ArticleQuery) ([]news.Article, error)
	// CountArticles returns the number of stored articles.
	CountArticles(ctx context.Context) (int, error)
	// HasArticle reports whether an article with the given ID is stored.
	HasArticle(ctx context.Context, id string) (bool, error)
	// Search runs a full-text query over titles and texts, best match first.
	// The query uses plain words; quotes make a phrase. An empty query
	// returns no hits and no error, and so does a query with no searchable
	// word; no user text makes Search fail with a syntax error. A term ending
	// in "*" matches as a prefix. limit <= 0 means 50.
	Search(ctx context.Context, query string, limit int) ([]SearchHit, error)
	// Close releases the store. Calling it again does nothing; other methods
	// called after Close return an error.
	Close() error
}

// MetadataFiller is a Store that fills in what stored articles lack when
// the same article (same ID) comes again with better metadata.
type MetadataFiller interface {
	// FillMetadata gives each stored article of the batch the title, the
	// author and the publication date of its new copy where the stored
	// copy has none (or only an estimated date and the new one is not),
	// in one transaction. It never erases or replaces a value. Articles
	// not stored, or with nothing to fill, are left alone. It returns the
	// articles it changed, each with whether its date changed.
	FillMetadata(ctx context.Context, articles []news.Article) ([]Filled, error)
}

// Filled names an article FillMetadata changed.
type Filled struct {
	ID string
	// Dated is set when the publication date changed: the article's
	// analysis (its story, its place in time) is out of date.
	Dated bool
}

// FillCandidates returns the articles a FillMetadata call reads: each ID
// once, bounded (BoundArticle, against now) and checked (CheckArticle),
// so that both backends apply the same rules before their SQL.
func FillCandidates(articles []news.Article, now time.Time) ([]news.Article, error) {
	out := make([]news.Article, 0, len(articles))
	seen := make(map[string]bool, len(articles))
	for _, a := range articles {
		if seen[a.ID] {
			continue
		}
		seen[a.ID] = true
		BoundArticle(&a, now)
		if err := CheckArticle(&a); err != nil {
			return nil, fmt.Errorf("fill metadata of %q: %w", a.ID, err)
		}
		out = append(out, a)
	}
	return out, nil
}

// Fill gives stored the metadata of fresh that stored lacks: a title or
// an author where there was none, a publication date where there was
// none or only an estimated one (and fresh's is not estimated). It never
// erases or replaces a value. It reports whether anything changed and
// whether the date did.
func Fill(stored *news.Article, fresh news.Article) (changed, dated bool) {
	if stored.Title == "" && fresh.Title != "" {
		stored.Title, changed = fresh.Title, true
	}
	if stored.Author == "" && fresh.Author != "" {
		stored.Author, changed = fresh.Author, true
	}
	if !fresh.Published.IsZero() && (stored.Published.IsZero() || stored.PublishedEstimated && !fresh.PublishedEstimated) {
		dated = !stored.Published.Equal(fresh.Published)
		if dated || stored.PublishedEstimated != fresh.PublishedEstimated {
			stored.Published, stored.PublishedEstimated, changed = fresh.Published, fresh.PublishedEstimated, true
		}
	}
	return changed, dated
}
