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

var (
	_ store.SummaryKeeper = (*DB)(nil)
	_ store.Reanalyses    = (*DB)(nil)
)

// SummaryItems implements store.SummaryKeeper.
func (db *DB) SummaryItems(ctx context.Context, keys []string) (map[string]string, error) {
	out := map[string]string{}
	if len(keys) == 0 {
		return out, nil
	}
	stored, asked := store.FeedKeys(keys) // stored form -> keys given
	rows, err := db.pool.Query(ctx, `SELECT fi.key, fi.article_id FROM feed_items fi JOIN articles a ON a.id = fi.article_id
		WHERE a.text_source = $1 AND fi.error = '' AND fi.key = ANY($2)`, news.TextSummary, stored)
	if err != nil {
		return nil, fmt.Errorf("summary items: %w", canceled(ctx, err))
	}
	defer rows.Close()
	for rows.Next() {
		var k, id string
		if err := rows.Scan(&k, &id); err != nil {
			return nil, fmt.Errorf("summary items: %w", err)
		}
		for _, given := range asked[k] {
			out[given] = id
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("summary items: %w", canceled(ctx, err))
	}
	return out, nil
}

// RefuseSummary implements store.SummaryKeeper.
func (db *DB) RefuseSummary(ctx context.Context, key, reason string) error {
	if reason == "" {
		reason = "page refused"
	}
	if _, err := db.pool.Exec(ctx, `UPDATE feed_items SET error = $1 WHERE key = $2 AND error = ''`,
		store.FeedText(reason), store.FeedText(key)); err != nil {
		return fmt.Errorf("refuse summary item %q: %w", key, canceled(ctx, err))
	}
	return nil
}

// UpgradeSummary implements store.SummaryKeeper.
func (db *DB) UpgradeSummary(ctx context.Context, id string, a news.Article) (up store.Upgraded, err error) {
	a, err = store.UpgradeCandidate(id, a, db.now()) // checks the ID too
	if err != nil {
		return up, err
	}
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return up, fmt.Errorf("upgrade summary of %q: begin: %w", id, canceled(ctx, err))
	}
	defer func() {
		if err != nil {
			rollback(ctx, tx)
			err = canceled(ctx, err)
		}
	}()
	var seq int64
	err = tx.QueryRow(ctx, `SELECT seq FROM articles WHERE id = $1 AND text_source = $2 FOR UPDATE`, id, news.TextSummary).Scan(&seq)
	if errors.Is(err, pgx.ErrNoRows) {
		return up, commit(ctx, tx)
	}
	if err != nil {
		return up, fmt.Errorf("upgrade summary of %q: %w", id, err)
	}
	if _, err = tx.Exec(ctx, `UPDATE articles SET
		title = CASE WHEN $1 <> '' THEN $1 ELSE title END,
		author = CASE WHEN author = '' THEN $2 ELSE author END,
		language = $3, text = $4, removed = $5, text_source = $6
		WHERE seq = $7`,
		a.Title, a.Author, a.Language, a.Text, a.Removed, a.TextSource, seq); err != nil {
		return up, fmt.Errorf("upgrade summary of %q: %w", id, err)
	}
	var analysed bool
	if err = tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM analysis WHERE article_seq = $1)`, seq).Scan(&analysed); err != nil {
		return up, fmt.Errorf("upgrade summary of %q: %w", id, err)
	}
	if analysed {
		// Its analysis is out of date: noted with the upgrade, for
		// whichever process leads the analysis (Reanalysis).
		if _, err = tx.Exec(ctx, `INSERT INTO reanalysis (article_id, noted_at) VALUES ($1, $2)`, id, db.now().UTC()); err != nil {
			return up, fmt.Errorf("upgrade summary of %q: note for re-analysis: %w", id, err)
		}
	}
	if err = commit(ctx, tx); err != nil {
		return up, fmt.Errorf("upgrade summary of %q: commit: %w", id, err)
	}
	return store.Upgraded{Done: true, Analysed: analysed}, nil
}

// Reanalysis implements store.Reanalyses.
func (db *DB) Reanalysis(ctx context.Context) (store.Reanalysis, error) {
	var r store.Reanalysis
	var n int64
	var mark *int64
	var last *time.Time
	if err := db.pool.QueryRow(ctx, `SELECT count(DISTINCT article_id), max(seq), (SELECT at FROM reanalysis_done WHERE id = 1) FROM reanalysis`).
		Scan(&n, &mark, &last); err != nil {
		return r, fmt.Errorf("re-analysis list: %w", canceled(ctx, err))
	}
	r.Waiting = int(n)
	if mark != nil {
		r.Mark = *mark
	}
	if last != nil {
		r.Last = last.UTC()
	}
	return r, nil
}

// ReanalysisDone implements store.Reanalyses.
func (db *DB) ReanalysisDone(ctx context.Context, mark int64, at time.Time) (err error) {
	if at.IsZero() {
		return fmt.Errorf("re-analysis done at %v: %w", at, store.ErrInvalid)
	}
	if err := store.CheckTime(at); err != nil {
		return fmt.Errorf("re-analysis done: %w", err)
	}
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("re-analysis done: begin: %w", canceled(ctx, err))
	}
	defer func() {
		if err != nil {
			rollback(ctx, tx)
			err = canceled(ctx, err)
		}
	}()
	if _, err = tx.Exec(ctx, `DELETE FROM reanalysis WHERE seq <= $1`, mark); err != nil {
		return fmt.Errorf("re-analysis done: %w", err)
	}
	if _, err = tx.Exec(ctx, `INSERT INTO reanalysis_done (id, at) VALUES (1, $1)
		ON CONFLICT (id) DO UPDATE SET at = excluded.at`, at.UTC()); err != nil {
		return fmt.Errorf("re-analysis done: %w", err)
	}
	if err = commit(ctx, tx); err != nil {
		return fmt.Errorf("re-analysis done: commit: %w", err)
	}
	return nil
}

// NoteUpgraded implements store.Reanalyses. FOR SHARE waits for an
// upgrade of one of the articles being written and reads the row it
// commits.
func (db *DB) NoteUpgraded(ctx context.Context, ids []string) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	tag, err := db.pool.Exec(ctx, `INSERT INTO reanalysis (article_id, noted_at)
		SELECT id, $2 FROM articles WHERE id = ANY($1) AND text_source <> $3 FOR SHARE`,
		ids, db.now().UTC(), news.TextSummary)
	if err != nil {
		return 0, fmt.Errorf("note upgraded articles: %w", canceled(ctx, err))
	}
	return int(tag.RowsAffected()), nil
}
