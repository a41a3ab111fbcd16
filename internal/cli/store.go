package cli

import (
	"context"
	"fmt"

	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// openStore opens the database named by --db.
func (a *app) openStore(ctx context.Context) (*sqlite.DB, error) {
	db, err := sqlite.Open(ctx, a.db, sqlite.WithLogger(a.log))
	if err != nil {
		return nil, err
	}
	return db, nil
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
