package cli

import (
	"context"
	"fmt"

	"path/filepath"

	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/postgres"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// database is what the subcommands use of a store; both backends have all
// of it.
type database interface {
	store.Store
	store.Analyses
	store.FeedStore
}

// openStore opens the database named by --db: a postgres:// or
// postgresql:// URL opens the PostgreSQL store, anything else is the path
// of a SQLite file.
func (a *app) openStore(ctx context.Context) (database, error) {
	if postgres.IsURL(a.db) {
		db, err := postgres.Open(ctx, a.db, postgres.WithLogger(a.log))
		if err != nil {
			return nil, err
		}
		return db, nil
	}
	db, err := sqlite.Open(ctx, a.db, sqlite.WithLogger(a.log))
	if err != nil {
		return nil, err
	}
	return db, nil
}

// dbName names the database of --db for messages: the URL without its
// password, or the file's absolute path.
func (a *app) dbName() string {
	if postgres.IsURL(a.db) {
		return postgres.Redact(a.db)
	}
	if abs, err := filepath.Abs(a.db); err == nil {
		return abs
	}
	return a.db
}

// pageFetcher adapts the safe HTTP client to what ingest needs.
type pageFetcher struct{ c *fetch.Client }

func (f pageFetcher) FetchPage(ctx context.Context, url string) (ingest.Page, error) {
	resp, err := f.c.Get(ctx, url, fetch.Conditional{})
	if err != nil {
		return ingest.Page{}, err
	}
	if resp.NotModified() || len(resp.Body) == 0 {
		return ingest.Page{}, fmt.Errorf("empty response from %s", url)
	}
	return ingest.Page{Body: resp.Body, URL: resp.URL, ContentType: resp.ContentType}, nil
}

// fetcher returns the page fetcher configured by --allow-private.
func (a *app) fetcher() pageFetcher {
	return pageFetcher{c: fetch.New(fetch.Options{
		AllowPrivate: a.allowPrivate,
		Accept:       "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
		Logger:       a.log,
	})}
}
