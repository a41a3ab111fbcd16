package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

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
	stored, err := storedMetadata(ctx, tx, candidates)
	if err != nil {
		return nil, err
	}
	for _, fresh := range candidates {
		old, ok := stored[fresh.ID]
		if !ok {
			continue
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

// storedMetadata reads the title, author and publication date of the
// stored articles among arts (500 IDs a query: one query per article was
// most of FillMetadata's time), by ID.
func storedMetadata(ctx context.Context, tx *sql.Tx, arts []news.Article) (map[string]news.Article, error) {
	out := make(map[string]news.Article, len(arts))
	ids := make([]any, 0, min(len(arts), maxKeysPerQuery))
	for start := 0; start < len(arts); start += maxKeysPerQuery {
		ids = ids[:0]
		for _, a := range arts[start:min(start+maxKeysPerQuery, len(arts))] {
			ids = append(ids, a.ID)
		}
		err := func() error {
			rows, err := tx.QueryContext(ctx, `SELECT id, title, author, published, published_estimated FROM articles
				WHERE id IN (?`+strings.Repeat(", ?", len(ids)-1)+`)`, ids...)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var (
					a         news.Article
					published sql.NullString
				)
				if err := rows.Scan(&a.ID, &a.Title, &a.Author, &published, &a.PublishedEstimated); err != nil {
					return err
				}
				if a.Published, err = decodeTime(published); err != nil {
					return fmt.Errorf("article %q: %w", a.ID, err)
				}
				out[a.ID] = a
			}
			return rows.Err()
		}()
		if err != nil {
			return nil, fmt.Errorf("fill metadata: %w", err)
		}
	}
	return out, nil
}
