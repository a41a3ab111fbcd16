package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// FillMetadata implements store.MetadataFiller.
func (db *DB) FillMetadata(ctx context.Context, articles []news.Article) (filled []store.Filled, err error) {
	if len(articles) == 0 {
		return nil, nil
	}
	now := db.now()
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("fill metadata: begin: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback() // the batch failed either way
		}
	}()
	candidates, err := store.FillCandidates(articles, now)
	if err != nil {
		return nil, err
	}
	for _, fresh := range candidates {
		var (
			old       news.Article
			published sql.NullString
		)
		err := tx.QueryRowContext(ctx, `SELECT title, author, published, published_estimated FROM articles WHERE id = ?`, fresh.ID).
			Scan(&old.Title, &old.Author, &published, &old.PublishedEstimated)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("fill metadata of %q: %w", fresh.ID, err)
		}
		if old.Published, err = decodeTime(published); err != nil {
			return nil, fmt.Errorf("fill metadata of %q: %w", fresh.ID, err)
		}
		changed, dated := store.Fill(&old, fresh)
		if !changed {
			continue
		}
		pub, err := encodeTime(old.Published)
		if err != nil {
			return nil, fmt.Errorf("fill metadata of %q: published: %w", fresh.ID, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET title = ?, author = ?, published = ?, published_estimated = ? WHERE id = ?`,
			old.Title, old.Author, pub, old.PublishedEstimated, fresh.ID); err != nil {
			return nil, fmt.Errorf("fill metadata of %q: %w", fresh.ID, err)
		}
		filled = append(filled, store.Filled{ID: fresh.ID, Dated: dated})
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("fill metadata: commit: %w", err)
	}
	return filled, nil
}
