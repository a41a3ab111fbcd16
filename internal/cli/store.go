package cli

import (
	"context"
	"fmt"

	"path/filepath"

	"github.com/parallax-news/parallax/internal/engine"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/store/postgres"
)

// database is what the subcommands use of a store; both backends have all
// of it.
type database = engine.Database

// openStore opens the database named by --db for commands that only read
// or subscribe: a postgres:// or postgresql:// URL opens the PostgreSQL
// store, anything else is the path of a SQLite file. Commands that store
// or analyse articles open an engine instead (openEngine).
func (a *app) openStore(ctx context.Context) (database, error) {
	return engine.OpenDatabase(ctx, a.db, a.log)
}

// openEngine opens the database named by --db with the engine over it:
// what commands that store, analyse, poll or serve call, so that one
// process at a time analyses the database. command names the process's
// role in status ("ingest", "serve", ...). Close the engine when done.
func (a *app) openEngine(ctx context.Context, command string) (*engine.Engine, error) {
	return engine.Open(ctx, a.db, engine.Options{Logger: a.log, Command: command, Lang: a.lang})
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
