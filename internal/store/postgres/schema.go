package postgres

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/jackc/pgx/v5"
)

// WithSchema returns dsn (a URL or a key=value string) with its search_path
// set to schema, so that a store opened on it keeps its tables there.
func WithSchema(dsn, schema string) string {
	if strings.Contains(dsn, "://") {
		if u, err := url.Parse(dsn); err == nil {
			q := u.Query()
			q.Set("search_path", schema)
			u.RawQuery = q.Encode()
			return u.String()
		}
	}
	return dsn + " search_path=" + quoteValue(schema)
}

// quoteValue quotes a value of a key=value connection string.
func quoteValue(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// CreateSchema creates the schema on the database of dsn; creating one
// that exists is not an error.
func CreateSchema(ctx context.Context, dsn, schema string) error {
	if err := execOnce(ctx, dsn, "CREATE SCHEMA IF NOT EXISTS "+pgx.Identifier{schema}.Sanitize()); err != nil {
		return redactError(fmt.Errorf("create schema %s on %s: %w", schema, Redact(dsn), err), dsn)
	}
	return nil
}

// DropSchema drops the schema and every table in it.
func DropSchema(ctx context.Context, dsn, schema string) error {
	if err := execOnce(ctx, dsn, "DROP SCHEMA IF EXISTS "+pgx.Identifier{schema}.Sanitize()+" CASCADE"); err != nil {
		return redactError(fmt.Errorf("drop schema %s on %s: %w", schema, Redact(dsn), err), dsn)
	}
	return nil
}

// execOnce runs one statement on a connection of its own.
func execOnce(ctx context.Context, dsn, sql string) error {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return err
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = defaultConnectTimeout
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	_, err = conn.Exec(ctx, sql)
	return err
}
