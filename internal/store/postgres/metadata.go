package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// FillMetadata implements store.MetadataFiller.
func (db *DB) FillMetadata(ctx context.Context, articles []news.Article) (filled []store.Filled, err error) {
	if len(articles) == 0 {
		return nil, nil
	}
	now := db.now()
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("fill metadata: begin: %w", err)
	}
	defer func() {
		if err != nil {
			rollback(ctx, tx)
			err = canceled(ctx, err)
		}
	}()
	candidates, err := store.FillCandidates(articles, now)
	if err != nil {
		return nil, err
	}
	for _, fresh := range candidates {
		var (
			old       news.Article
			published *time.Time
		)
		err := tx.QueryRow(ctx, `SELECT title, author, published, published_estimated FROM articles WHERE id = $1 FOR UPDATE`, fresh.ID).
			Scan(&old.Title, &old.Author, &published, &old.PublishedEstimated)
		if errors.Is(err, pgx.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("fill metadata of %q: %w", fresh.ID, err)
		}
		if published != nil {
			old.Published = published.UTC()
		}
		changed, dated := store.Fill(&old, fresh)
		if !changed {
			continue
		}
		if _, err := tx.Exec(ctx, `UPDATE articles SET title = $1, author = $2, published = $3, published_estimated = $4 WHERE id = $5`,
			old.Title, old.Author, timeArg(old.Published), old.PublishedEstimated, fresh.ID); err != nil {
			return nil, fmt.Errorf("fill metadata of %q: %w", fresh.ID, err)
		}
		filled = append(filled, store.Filled{ID: fresh.ID, Dated: dated})
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("fill metadata: commit: %w", err)
	}
	return filled, nil
}
