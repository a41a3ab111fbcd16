// Package pgtest gives tests a PostgreSQL schema of their own on the server
// named by PARALLAX_TEST_POSTGRES, so that test runs, packages and tests
// never see each other's tables.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvDSN names the environment variable holding the test server's
// connection string, for example
// postgres://parallax@localhost:5432/parallax?sslmode=disable.
const EnvDSN = "PARALLAX_TEST_POSTGRES"

// DSN creates a new, empty schema on the test server and returns the
// connection string with that schema as its search_path; the schema is
// dropped when the test ends. (It does what postgres.CreateSchema,
// DropSchema and WithSchema do, without importing the package its tests
// live in.) Without a server it skips the test, except
// under CI (CI set), where .ci/run always starts one and a missing one
// fails the test.
func DSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvDSN)
	if base == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not set under CI: .ci/run starts a PostgreSQL server and sets it", EnvDSN)
		}
		t.Skipf("%s is not set: no PostgreSQL server to test against (bash .ci/run starts one; README, PostgreSQL)", EnvDSN)
	}
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	schema := fmt.Sprintf("parallax_test_%d_%s", os.Getpid(), hex.EncodeToString(b[:]))
	if err := exec(base, "CREATE SCHEMA "+pgx.Identifier{schema}.Sanitize()); err != nil {
		t.Fatalf("create a test schema on the server of %s: %v", EnvDSN, err)
	}
	t.Cleanup(func() {
		if err := exec(base, "DROP SCHEMA "+pgx.Identifier{schema}.Sanitize()+" CASCADE"); err != nil {
			t.Errorf("drop test schema %s: %v", schema, err)
		}
	})
	return withSearchPath(base, schema)
}

// exec runs one statement on a connection of its own.
func exec(dsn, sql string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

// withSearchPath returns dsn with its search_path set to schema, a plain
// identifier.
func withSearchPath(dsn, schema string) string {
	if strings.Contains(dsn, "://") {
		if u, err := url.Parse(dsn); err == nil {
			q := u.Query()
			q.Set("search_path", schema)
			u.RawQuery = q.Encode()
			return u.String()
		}
	}
	return dsn + " search_path=" + schema
}
