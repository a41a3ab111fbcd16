// Package postgres is Parallax's store on a PostgreSQL server, for when one
// machine is not enough: several ingest, poll and serve processes on
// different machines share one database. It implements store.Store,
// store.Analyses and store.FeedStore and passes storetest, like the SQLite
// store, with the same schema (versioned goose migrations of its own) and
// full-text search on a tsvector column with a GIN index.
//
// Open takes a connection URL (postgres://user:password@host:5432/db) or a
// key=value connection string; every parameter pgx knows is accepted
// (sslmode, pool_max_conns, connect_timeout, search_path, ...). Tables live
// in the connection's current schema (the first schema of search_path that
// exists), so several Parallax databases can share one server database.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"log/slog"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"

	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/schemaversion"
)

//go:embed migrations/*.sql
var migrations embed.FS

var (
	_ store.Store     = (*DB)(nil)
	_ store.Analyses  = (*DB)(nil)
	_ store.FeedStore = (*DB)(nil)
)

// minServerVersion is the oldest PostgreSQL the schema runs on: generated
// columns arrived in 12.
const minServerVersion = 120000

// DB is a PostgreSQL-backed store. It is safe for concurrent use, also by
// several processes sharing one database.
type DB struct {
	pool      *pgxpool.Pool
	name      string // the connection string without its password
	log       *slog.Logger
	now       func() time.Time
	closeOnce sync.Once
	closed    atomic.Bool
}

// errClosed is returned by the methods of a closed DB that answer without
// asking the server.
var errClosed = errors.New("postgres store is closed")

// Option configures Open.
type Option func(*config)

type config struct {
	logger *slog.Logger
	now    func() time.Time
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

// defaultConnectTimeout bounds a connection attempt when the connection
// string sets no connect_timeout: an unreachable host fails in seconds, not
// after the operating system's TCP timeout.
const defaultConnectTimeout = 10 * time.Second

// Open connects to the PostgreSQL database that dsn names and migrates it to
// the newest schema. Errors name the database without its password. Close
// the returned DB when done.
func Open(ctx context.Context, dsn string, opts ...Option) (*DB, error) {
	cfg := config{logger: slog.New(slog.DiscardHandler), now: time.Now}
	for _, o := range opts {
		o(&cfg)
	}
	name := Redact(dsn)
	if strings.TrimSpace(dsn) == "" {
		return nil, errors.New("open postgres: empty connection string")
	}
	fail := func(what string, err error) error {
		return redactError(fmt.Errorf("open postgres %s: %s%w", name, what, err), dsn)
	}
	pcfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fail("", err)
	}
	if pcfg.ConnConfig.ConnectTimeout == 0 {
		pcfg.ConnConfig.ConnectTimeout = defaultConnectTimeout
	}
	pcfg.ConnConfig.BuildContextWatcherHandler = cancelByRequest
	if err := migrate(ctx, pcfg.ConnConfig, cfg.logger, name); err != nil {
		return nil, fail("", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, pcfg)
	if err != nil {
		return nil, fail("", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fail("connect: ", err)
	}
	return &DB{pool: pool, name: name, log: cfg.logger, now: cfg.now}, nil
}

// cancelDeadline is how long a canceled statement may take to stop after
// the server was asked to cancel it, before its connection is cut.
const cancelDeadline = 5 * time.Second

// cancelByRequest makes a canceled context ask the server to cancel the
// statement (a CancelRequest), instead of pgx's default of cutting the
// connection at once. Cutting it in the middle of sending a large batch
// left the server waiting for the rest of the message, and closing that
// connection took pgx 15 s (every canceled ingest paid it on exit); asked
// to cancel, the server stops the statement, the transaction rolls back and
// the connection is kept.
func cancelByRequest(c *pgconn.PgConn) ctxwatch.Handler {
	return &pgconn.CancelRequestContextWatcherHandler{Conn: c, DeadlineDelay: cancelDeadline}
}

// migrate applies the embedded migrations that the database lacks. It
// holds a session advisory lock, keyed by the schema, on a connection of
// its own while it does, so that processes opening a new database at the
// same moment migrate it once, one after the other; the lock goes with the
// connection, whatever happens.
func migrate(ctx context.Context, cc *pgx.ConnConfig, log *slog.Logger, name string) error {
	conn, err := pgx.ConnectConfig(ctx, cc.Copy())
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))

	var version int
	if err := conn.QueryRow(ctx, `SELECT current_setting('server_version_num')::int`).Scan(&version); err != nil {
		return fmt.Errorf("server version: %w", err)
	}
	if version < minServerVersion {
		return fmt.Errorf("server version %d is too old: Parallax needs PostgreSQL 12 or newer", version)
	}
	var schema *string
	if err := conn.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return fmt.Errorf("current schema: %w", err)
	}
	if schema == nil {
		return errors.New("no schema to create tables in: search_path names no existing schema (CREATE SCHEMA it first)")
	}
	h := fnv.New64a()
	h.Write([]byte("parallax migrations " + *schema))
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, int64(h.Sum64())); err != nil {
		return fmt.Errorf("migration lock: %w", err)
	}

	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	db := stdlib.OpenDB(*cc.Copy())
	defer db.Close()
	db.SetMaxOpenConns(1)
	p, err := goose.NewProvider(goose.DialectPostgres, db, fsys, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	if err := schemaversion.CheckNotNewer(ctx, p); err != nil {
		return err
	}
	results, err := p.Up(ctx)
	for _, r := range results {
		if r.Error != nil {
			continue
		}
		log.LogAttrs(ctx, slog.LevelInfo, "applied migration",
			slog.String("db", name),
			slog.String("schema", *schema),
			slog.Int64("version", r.Source.Version),
			slog.String("migration", filepath.Base(r.Source.Path)),
			slog.Duration("duration", r.Duration))
	}
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if len(results) > 0 {
		// Said once, when the tables are made: lower() and the full-text
		// index fold the case of non-ASCII letters only under a real locale.
		var ctype string
		if err := conn.QueryRow(ctx, `SELECT datctype FROM pg_database WHERE datname = current_database()`).Scan(&ctype); err == nil &&
			(ctype == "C" || ctype == "POSIX") {
			log.LogAttrs(ctx, slog.LevelWarn, "the database's locale is "+ctype+
				": search and name lookups fold the case of ASCII letters only (create the database with a UTF-8 locale, such as C.UTF-8)",
				slog.String("db", name))
		}
	}
	return nil
}

// Name returns the connection string the DB was opened with, its password
// replaced by "xxxxx".
func (db *DB) Name() string { return db.name }

// SchemaVersion returns the version of the newest migration applied.
func (db *DB) SchemaVersion(ctx context.Context) (int64, error) {
	var v int64
	err := db.pool.QueryRow(ctx,
		`SELECT COALESCE(MAX(version_id), 0) FROM goose_db_version WHERE is_applied`).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("schema version of %s: %w", db.name, err)
	}
	return v, nil
}

// Size returns the bytes the tables of the schema take on disk, with their
// indexes and TOAST data.
func (db *DB) Size(ctx context.Context) (int64, error) {
	var n int64
	err := db.pool.QueryRow(ctx, `SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::bigint
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = current_schema() AND c.relkind = 'r'`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("size of %s: %w", db.name, err)
	}
	return n, nil
}

// Close closes every connection. Calling it again does nothing; other
// methods called after Close return an error.
func (db *DB) Close() error {
	db.closeOnce.Do(func() {
		db.closed.Store(true)
		db.pool.Close()
	})
	return nil
}

// IsURL reports whether s is a PostgreSQL connection URL (postgres:// or
// postgresql://), the form the --db flag takes for this backend.
func IsURL(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

const redacted = "xxxxx"

var (
	userinfoPassword = regexp.MustCompile(`(://[^:/@?#]*:)[^@/?#]*@`)
	paramPassword    = regexp.MustCompile(`(?i)(\bpassword\s*=\s*)('(?:\\.|[^'])*'|[^&\s]*)`)
)

// Redact returns the connection string with any password replaced by
// "xxxxx", for messages and logs.
func Redact(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.Scheme != "" && u.Opaque == "" {
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), redacted)
		}
		q := u.Query()
		changed := false
		for k := range q {
			if strings.EqualFold(k, "password") || strings.EqualFold(k, "sslpassword") {
				q[k] = []string{redacted}
				changed = true
			}
		}
		if changed {
			u.RawQuery = q.Encode()
		}
		return u.String()
	}
	s := userinfoPassword.ReplaceAllString(dsn, "${1}"+redacted+"@")
	return paramPassword.ReplaceAllString(s, "${1}"+redacted)
}

// passwords returns the passwords that dsn holds, in any of its forms.
func passwords(dsn string) []string {
	var out []string
	if u, err := url.Parse(dsn); err == nil {
		if pw, ok := u.User.Password(); ok {
			out = append(out, pw)
		}
		for k, vs := range u.Query() {
			if strings.EqualFold(k, "password") || strings.EqualFold(k, "sslpassword") {
				out = append(out, vs...)
			}
		}
	}
	for _, m := range userinfoPassword.FindAllStringSubmatch(dsn, -1) {
		i := strings.LastIndex(m[0], ":")
		out = append(out, strings.TrimSuffix(m[0][i+1:], "@"))
	}
	for _, m := range paramPassword.FindAllStringSubmatch(dsn, -1) {
		out = append(out, strings.Trim(m[2], "'"))
	}
	return out
}

// redactedError keeps the chain of err for errors.Is and errors.As but
// prints its message with the passwords of dsn masked: driver errors may
// quote the connection string.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

func redactError(err error, dsn string) error {
	msg := err.Error()
	msg = strings.ReplaceAll(msg, dsn, Redact(dsn))
	for _, pw := range passwords(dsn) {
		if pw != "" && pw != redacted {
			msg = strings.ReplaceAll(msg, pw, redacted)
			if esc := url.QueryEscape(pw); esc != pw {
				msg = strings.ReplaceAll(msg, esc, redacted)
			}
			if esc := url.PathEscape(pw); esc != pw {
				msg = strings.ReplaceAll(msg, esc, redacted)
			}
		}
	}
	return &redactedError{msg: msg, err: err}
}

// scanner is the part of pgx.Row and pgx.Rows that the scan helpers use.
type scanner interface {
	Scan(dest ...any) error
}
