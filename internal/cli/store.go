package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/parallax-news/parallax/internal/store"

	"github.com/parallax-news/parallax/internal/engine"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/store/postgres"
)

// database is what the subcommands use of a store; both backends have all
// of it.
type database = engine.Database

// openStore opens the database named by --db for commands that only read:
// a postgres:// or postgresql:// URL opens the PostgreSQL store, anything
// else is the path of a SQLite file, which must exist (a read never
// creates an empty database). Commands that subscribe open it with
// openStoreCreate; commands that store or analyse articles open an engine
// (openEngine).
func (a *app) openStore(ctx context.Context) (database, error) {
	if err := a.checkSQLitePath(true); err != nil {
		return nil, err
	}
	return engine.OpenDatabase(ctx, a.db, a.log)
}

// openStoreCreate is openStore for commands that write to the database
// without analysing (feeds add, feeds import): a missing SQLite file is
// created.
func (a *app) openStoreCreate(ctx context.Context) (database, error) {
	if err := a.checkSQLitePath(false); err != nil {
		return nil, err
	}
	return engine.OpenDatabase(ctx, a.db, a.log)
}

// openEngine opens the database named by --db with the engine over it:
// what commands that store, analyse, poll or serve call, so that one
// process at a time analyses the database. command names the process's
// role in status ("ingest", "serve", ...). Close the engine when done.
// A missing SQLite file is created unless the command only reads or
// analyses what is stored (status, analyse).
func (a *app) openEngine(ctx context.Context, command string) (*engine.Engine, error) {
	if err := a.checkSQLitePath(command == "status" || command == "analyse" || command == "watch"); err != nil {
		return nil, err
	}
	return engine.Open(ctx, a.db, engine.Options{Logger: a.log, Command: command, Lang: a.lang})
}

// errNoDatabase is what a read command returns when --db names a SQLite
// file that does not exist.
var errNoDatabase = errors.New("no Parallax database")

// checkSQLitePath checks --db when it names a SQLite file: a directory is
// refused with a message that says so (SQLite's own is "unable to open
// database file (14)"), and with mustExist a missing file is an error
// wrapping errNoDatabase instead of a new empty database. PostgreSQL URLs
// and values ParseLocation refuses pass unchanged (opening reports those).
func (a *app) checkSQLitePath(mustExist bool) error {
	loc, err := store.ParseLocation(a.db)
	if err != nil || loc.Postgres {
		return nil
	}
	fi, err := os.Stat(loc.Path)
	switch {
	case err == nil && fi.IsDir():
		return fmt.Errorf("--db %s is a directory: give the path of a database file, such as %s", a.dbName(), filepath.Join(loc.Path, "parallax.db"))
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrNotExist) && mustExist:
		return fmt.Errorf("%w at %s (ingest something first, or give --db)", errNoDatabase, a.dbName())
	case errors.Is(err, fs.ErrNotExist):
		return nil
	default:
		return fmt.Errorf("--db %s: %w", a.dbName(), err)
	}
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
