// Package schemaversion reads the schema version of a database through its
// goose migration provider, for the SQL stores' Open: both refuse a
// database that a newer parallax migrated, whose tables they would misread.
package schemaversion

import (
	"context"
	"fmt"

	"github.com/pressly/goose/v3"
)

// Current returns the database's schema version, or -1 before goose's
// version table exists.
func Current(ctx context.Context, p *goose.Provider) int64 {
	v, err := p.GetDBVersion(ctx)
	if err != nil {
		return -1
	}
	return v
}

// CheckNotNewer returns an error if the database's schema version is past
// the newest migration p holds.
func CheckNotNewer(ctx context.Context, p *goose.Provider) error {
	var latest int64
	for _, src := range p.ListSources() {
		latest = max(latest, src.Version)
	}
	if v := Current(ctx, p); v > latest {
		return fmt.Errorf("database schema version %d is newer than this program's (%d): use a newer parallax", v, latest)
	}
	return nil
}
