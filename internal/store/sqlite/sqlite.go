// Package sqlite is Parallax's default store: one SQLite file, pure Go (no
// cgo), with versioned migrations and FTS5 full-text search. It implements
// store.Store and passes storetest.
//
// The database runs in WAL mode. Writes go through a pool of exactly one
// connection whose transactions begin IMMEDIATE, so writers queue in Go
// instead of failing with "database is locked"; reads use a separate pool of
// several read-only connections and proceed while a write is in progress.
// Several processes may open the same file: the busy timeout makes a
// second writer wait for the first.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/pressly/goose/v3"
	"modernc.org/sqlite" // registers the "sqlite" database/sql driver
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/schemaversion"
)

//go:embed migrations/*.sql
var migrations embed.FS

var _ store.Store = (*DB)(nil)

// DB is a SQLite-backed store.Store. It is safe for concurrent use.
type DB struct {
	path      string
	write     *sql.DB // exactly one connection; BEGIN IMMEDIATE
	read      *sql.DB // read-only connections
	log       *slog.Logger
	now       func() time.Time
	closeOnce sync.Once
	closeErr  error
}

// Option configures Open.
type Option func(*config)

type config struct {
	logger      *slog.Logger
	busyTimeout time.Duration
	readers     int
	now         func() time.Time
}

// WithLogger makes Open log the migrations it applies. By default nothing is
// logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) {
		if l != nil {
			c.logger = l
		}
	}
}

// Open opens (creating it if missing) the SQLite database file at path and
// migrates it to the newest schema. The folder holding path must exist.
// Close the returned DB when done.
func Open(ctx context.Context, path string, opts ...Option) (*DB, error) {
	cfg := config{
		logger:      slog.New(slog.DiscardHandler),
		busyTimeout: 10 * time.Second,
		readers:     max(4, runtime.GOMAXPROCS(0)),
		now:         time.Now,
	}
	for _, o := range opts {
		o(&cfg)
	}
	if path == "" {
		return nil, errors.New("open sqlite: empty database path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}

	write, err := sql.Open("sqlite", dsn(abs, cfg.busyTimeout, false))
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxIdleTime(0)
	write.SetConnMaxLifetime(0)
	if err := ping(ctx, write, cfg.busyTimeout); err != nil {
		write.Close()
		return nil, fmt.Errorf("open sqlite %s: connect: %w", path, err)
	}
	if err := migrate(ctx, write, cfg.logger, abs); err != nil {
		write.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}

	read, err := sql.Open("sqlite", dsn(abs, cfg.busyTimeout, true))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	read.SetMaxOpenConns(cfg.readers)
	read.SetMaxIdleConns(cfg.readers)
	read.SetConnMaxIdleTime(5 * time.Minute)
	if err := ping(ctx, read, cfg.busyTimeout); err != nil {
		read.Close()
		write.Close()
		return nil, fmt.Errorf("open sqlite %s: connect reader: %w", path, err)
	}
	return &DB{
		path:  abs,
		write: write,
		read:  read,
		log:   cfg.logger,
		now:   cfg.now,
	}, nil
}

// ping opens a first connection. Turning a new file to WAL mode while
// another process does the same fails with SQLITE_BUSY at once, without
// waiting for the busy timeout, so ping retries that for up to timeout.
func ping(ctx context.Context, db *sql.DB, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for wait := time.Millisecond; ; wait = min(2*wait, 100*time.Millisecond) {
		err := db.PingContext(ctx)
		var serr *sqlite.Error
		if err == nil || !errors.As(err, &serr) || serr.Code()&0xff != sqlite3.SQLITE_BUSY || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
	}
}

// dsn builds a file: URI for modernc.org/sqlite. The path is escaped, so
// names containing '?', '#' or '%' are safe.
func dsn(abs string, busy time.Duration, readOnly bool) string {
	q := url.Values{}
	q.Set("_busy_timeout", strconv.FormatInt(busy.Milliseconds(), 10))
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "1")
	// NORMAL in WAL mode keeps the database consistent after a crash or
	// power loss; a power loss may forget the last transactions.
	q.Set("_synchronous", "NORMAL")
	q.Add("_pragma", "temp_store(MEMORY)")
	if readOnly {
		q.Set("_query_only", "1")
	} else {
		q.Set("_txlock", "immediate")
		// The one writer updates stories, entities and entity IDs at
		// random keys and merges the full-text index's segments; with
		// SQLite's default 2 MiB page cache most of those pages were read
		// again from the file each time. 32 MiB (allocated as used) cut
		// the read system calls of the Reuters bench by a third.
		q.Add("_pragma", "cache_size(-32768)")
		// A checkpoint copies every page the log holds back into the
		// database file. At SQLite's default of 1,000 pages (4 MiB) the
		// writer checkpointed after every few batches, copying the pages
		// it rewrites in each (stories, entities, the full-text index's
		// newest segments) again and again; at 8,192 pages (32 MiB, the
		// log's size bound between checkpoints) each is copied once per
		// several batches.
		q.Add("_pragma", "wal_autocheckpoint(8192)")
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs), OmitHost: true, RawQuery: q.Encode()}
	return u.String()
}

// migrate applies the embedded migrations that db lacks.
//
// Each migration runs in its own transaction, but goose reads the current
// version before it begins one, so two processes opening a new file at the
// same moment can both try the same migration; the loser fails with "table
// already exists". Such a failure is retried when the schema version moved
// during the attempt (someone else made progress): goose then skips what is
// applied. A migration that fails on its own leaves the version unmoved and
// its error is returned.
func migrate(ctx context.Context, db *sql.DB, log *slog.Logger, path string) error {
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, db, fsys,
		goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	if err := schemaversion.CheckNotNewer(ctx, p); err != nil {
		return err
	}
	const attempts = 20
	for attempt := 1; ; attempt++ {
		before := schemaversion.Current(ctx, p)
		results, err := p.Up(ctx)
		for _, r := range results {
			if r.Error != nil {
				continue
			}
			log.LogAttrs(ctx, slog.LevelInfo, "applied migration",
				slog.String("db_path", path),
				slog.Int64("version", r.Source.Version),
				slog.String("migration", filepath.Base(r.Source.Path)),
				slog.Duration("duration", r.Duration))
		}
		if err == nil {
			return nil
		}
		if attempt == attempts || ctx.Err() != nil || schemaversion.Current(ctx, p) <= before {
			return fmt.Errorf("migrate: %w", err)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("migrate: %w", ctx.Err())
		case <-time.After(time.Duration(attempt) * 5 * time.Millisecond):
		}
	}
}

// SchemaVersion returns the version of the newest migration applied.
func (db *DB) SchemaVersion(ctx context.Context) (int64, error) {
	var v int64
	err := db.read.QueryRowContext(ctx,
		`SELECT COALESCE(MAX(version_id), 0) FROM goose_db_version WHERE is_applied`).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("schema version of %s: %w", db.path, err)
	}
	return v, nil
}

// Size returns the size of the database in bytes, counting pages still in
// the write-ahead log (which a file size misses until a checkpoint).
func (db *DB) Size(ctx context.Context) (int64, error) {
	var pages, pageSize int64
	if err := db.read.QueryRowContext(ctx, `PRAGMA page_count`).Scan(&pages); err != nil {
		return 0, fmt.Errorf("size of %s: %w", db.path, err)
	}
	if err := db.read.QueryRowContext(ctx, `PRAGMA page_size`).Scan(&pageSize); err != nil {
		return 0, fmt.Errorf("size of %s: %w", db.path, err)
	}
	return pages * pageSize, nil
}

// Path returns the absolute path of the database file.
func (db *DB) Path() string { return db.path }

// Check runs SQLite's integrity check and the FTS5 index check and returns
// an error describing the first problems found, or nil when the database is
// sound.
func (db *DB) Check(ctx context.Context) error {
	rows, err := db.read.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("integrity check of %s: %w", db.path, err)
	}
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return fmt.Errorf("integrity check of %s: %w", db.path, err)
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("integrity check of %s: %w", db.path, err)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("integrity check of %s: %w", db.path, err)
	}
	if len(problems) > 0 {
		if len(problems) > 5 {
			problems = append(problems[:5], fmt.Sprintf("and %d more", len(problems)-5))
		}
		return fmt.Errorf("integrity check of %s failed: %v", db.path, problems)
	}
	// The FTS5 'integrity-check' command writes nothing but is an INSERT, so
	// it runs on the write connection.
	if _, err := db.write.ExecContext(ctx,
		`INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		return fmt.Errorf("full-text index check of %s: %w", db.path, err)
	}
	return nil
}

// Close closes the database. It runs PRAGMA optimize first, as SQLite
// advises for long-lived connections. Calling Close twice is harmless.
func (db *DB) Close() error {
	db.closeOnce.Do(func() { db.closeErr = db.close() })
	return db.closeErr
}

func (db *DB) close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var errs []error
	if _, err := db.write.ExecContext(ctx, `PRAGMA optimize`); err != nil {
		errs = append(errs, fmt.Errorf("optimize: %w", err))
	}
	if err := db.read.Close(); err != nil {
		errs = append(errs, err)
	}
	if err := db.write.Close(); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close sqlite %s: %w", db.path, err)
	}
	return nil
}
