package store

import (
	"context"
	"fmt"
)

// WatchRecord is one stored webhook watch: its ID and its value as JSON
// (internal/watch.Watch with its secret and delivery state), which the
// store keeps whole and does not read.
type WatchRecord struct {
	ID   string
	Data []byte
}

// WatchStore keeps webhook watches. Both backends implement it; safe for
// concurrent use.
type WatchStore interface {
	// PutWatch stores a watch under its ID, replacing the one stored
	// under it. An empty ID or data that is not a JSON object is refused
	// with an error wrapping ErrInvalid.
	PutWatch(ctx context.Context, w WatchRecord) error
	// Watches returns every watch, in ID order.
	Watches(ctx context.Context) ([]WatchRecord, error)
	// RemoveWatch deletes the watch, or returns an error wrapping
	// ErrNotFound.
	RemoveWatch(ctx context.Context, id string) error
}

// CheckWatch is what both backends check before PutWatch writes.
func CheckWatch(w WatchRecord) error {
	if w.ID == "" {
		return fmt.Errorf("watch without an ID: %w", ErrInvalid)
	}
	if len(w.Data) == 0 || w.Data[0] != '{' {
		return fmt.Errorf("watch %s: data is not a JSON object: %w", w.ID, ErrInvalid)
	}
	if err := CheckString(w.ID); err != nil {
		return fmt.Errorf("watch ID: %w", err)
	}
	if err := CheckString(string(w.Data)); err != nil {
		return fmt.Errorf("watch %s: %w", w.ID, err)
	}
	return nil
}
