package store

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Location is where a --db value points: a PostgreSQL server or a SQLite
// file.
type Location struct {
	// Postgres is set for a postgres:// or postgresql:// URL, kept whole in
	// URL; otherwise Path names the SQLite file.
	Postgres bool
	URL      string
	Path     string
}

// ErrLocation marks a --db value ParseLocation refuses.
var ErrLocation = errors.New("invalid database location")

// schemeRe matches the start of a URL: a scheme and "://".
var schemeRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*://`)

// ParseLocation reads a --db value: a postgres:// or postgresql:// URL
// names a PostgreSQL database, anything else a SQLite file. It refuses,
// with an error wrapping ErrLocation that never repeats the value (it may
// hold a password), an empty value; a URL of another scheme (mysql://…);
// and a value holding "=" that is not such a URL, which is a keyword
// connection string ("host=… password=…") that would otherwise become a
// file named after the password.
func ParseLocation(db string) (Location, error) {
	s := strings.TrimSpace(db)
	lower := strings.ToLower(s)
	switch {
	case s == "":
		return Location{}, fmt.Errorf("%w: empty --db: name a SQLite file or give a postgres:// URL", ErrLocation)
	case strings.HasPrefix(lower, "postgres://") || strings.HasPrefix(lower, "postgresql://"):
		return Location{Postgres: true, URL: s}, nil
	case schemeRe.MatchString(s):
		scheme := s[:strings.Index(s, "://")]
		return Location{}, fmt.Errorf("%w: --db %s://… is not supported: give a postgres:// URL or a SQLite file name", ErrLocation, scheme)
	case strings.Contains(s, "="):
		return Location{}, fmt.Errorf("%w: --db holds \"=\" like a keyword connection string (host=… password=…); "+
			"give PostgreSQL as a postgres://user:password@host/db URL, or a SQLite file name without \"=\"", ErrLocation)
	}
	return Location{Path: db}, nil
}
