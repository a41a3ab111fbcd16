package sqlite

import (
	"context"
	"fmt"

	"github.com/parallax-news/parallax/internal/store"
)

var _ store.WatchStore = (*DB)(nil)

// PutWatch implements store.WatchStore.
func (db *DB) PutWatch(ctx context.Context, w store.WatchRecord) error {
	if err := store.CheckWatch(w); err != nil {
		return err
	}
	if _, err := db.write.ExecContext(ctx, `INSERT INTO watches (id, data) VALUES (?, ?)
		ON CONFLICT (id) DO UPDATE SET data = excluded.data`, w.ID, string(w.Data)); err != nil {
		return fmt.Errorf("put watch %s: %w", w.ID, err)
	}
	return nil
}

// Watches implements store.WatchStore.
func (db *DB) Watches(ctx context.Context) ([]store.WatchRecord, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT id, data FROM watches ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("watches: %w", err)
	}
	defer rows.Close()
	var out []store.WatchRecord
	for rows.Next() {
		var w store.WatchRecord
		var data string
		if err := rows.Scan(&w.ID, &data); err != nil {
			return nil, fmt.Errorf("watches: %w", err)
		}
		w.Data = []byte(data)
		out = append(out, w)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("watches: %w", err)
	}
	return out, nil
}

// RemoveWatch implements store.WatchStore.
func (db *DB) RemoveWatch(ctx context.Context, id string) error {
	res, err := db.write.ExecContext(ctx, `DELETE FROM watches WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("remove watch %s: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("remove watch %s: %w", id, err)
	} else if n == 0 {
		return fmt.Errorf("watch %s: %w", id, store.ErrNotFound)
	}
	return nil
}
