package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

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
	stored, asked := store.FeedKeys(keys) // as RecordItems stores them
	for start := 0; start < len(stored); start += maxKeysPerQuery {
		chunk := stored[start:min(start+maxKeysPerQuery, len(stored))]
		args := make([]any, 0, len(chunk)+1)
		args = append(args, news.TextSummary)
		for _, k := range chunk {
			args = append(args, k)
		}
		q := `SELECT fi.key, fi.article_id FROM feed_items fi JOIN articles a ON a.id = fi.article_id
			WHERE a.text_source = ? AND fi.error = '' AND fi.key IN (?` + strings.Repeat(", ?", len(chunk)-1) + `)`
		rows, err := db.read.QueryContext(ctx, q, args...)
		if err != nil {
			return nil, fmt.Errorf("summary items: %w", err)
		}
		for rows.Next() {
			var k, id string
			if err := rows.Scan(&k, &id); err != nil {
				rows.Close()
				return nil, fmt.Errorf("summary items: %w", err)
			}
			for _, given := range asked[k] {
				out[given] = id
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("summary items: %w", err)
		}
	}
	return out, nil
}

// RefuseSummary implements store.SummaryKeeper.
func (db *DB) RefuseSummary(ctx context.Context, key, reason string) error {
	if reason == "" {
		reason = "page refused"
	}
	if _, err := db.write.ExecContext(ctx, `UPDATE feed_items SET error = ? WHERE key = ? AND error = ''`,
		store.FeedText(reason), store.FeedText(key)); err != nil {
		return fmt.Errorf("refuse summary item %q: %w", key, err)
	}
	return nil
}

// UpgradeSummary implements store.SummaryKeeper.
func (db *DB) UpgradeSummary(ctx context.Context, id string, a news.Article) (up store.Upgraded, err error) {
	a, err = store.UpgradeCandidate(id, a, db.now())
	if err != nil {
		return up, err
	}
	removed, err := json.Marshal(a.Removed)
	if err != nil {
		return up, fmt.Errorf("upgrade summary of %q: removed: %w", id, err)
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return up, fmt.Errorf("upgrade summary of %q: begin: %w", id, err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback() // the upgrade failed either way
		}
	}()
	var seq int64
	err = tx.QueryRowContext(ctx, `SELECT seq FROM articles WHERE id = ? AND text_source = ?`, id, news.TextSummary).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		return up, tx.Commit()
	}
	if err != nil {
		return up, fmt.Errorf("upgrade summary of %q: %w", id, err)
	}
	if _, err = tx.ExecContext(ctx, `UPDATE articles SET
		title = CASE WHEN ? <> '' THEN ? ELSE title END,
		author = CASE WHEN author = '' THEN ? ELSE author END,
		language = ?, text = ?, removed = ?, text_source = ?
		WHERE seq = ?`,
		a.Title, a.Title, a.Author, a.Language, a.Text, string(removed), a.TextSource, seq); err != nil {
		return up, fmt.Errorf("upgrade summary of %q: %w", id, err)
	}
	var n int
	if err = tx.QueryRowContext(ctx, `SELECT count(*) FROM analysis WHERE article_seq = ?`, seq).Scan(&n); err != nil {
		return up, fmt.Errorf("upgrade summary of %q: %w", id, err)
	}
	if n > 0 {
		// Its analysis is out of date: noted with the upgrade, for
		// whichever process leads the analysis (Reanalysis).
		if _, err = tx.ExecContext(ctx, `INSERT INTO reanalysis (article_id, noted_at) VALUES (?, ?)`,
			id, db.now().UTC().Format(timeLayout)); err != nil {
			return up, fmt.Errorf("upgrade summary of %q: note for re-analysis: %w", id, err)
		}
	}
	if err = tx.Commit(); err != nil {
		return up, fmt.Errorf("upgrade summary of %q: commit: %w", id, err)
	}
	return store.Upgraded{Done: true, Analysed: n > 0}, nil
}

// Reanalysis implements store.Reanalyses.
func (db *DB) Reanalysis(ctx context.Context) (store.Reanalysis, error) {
	var r store.Reanalysis
	var mark sql.NullInt64
	var last sql.NullString
	if err := db.read.QueryRowContext(ctx, `SELECT count(DISTINCT article_id), max(seq), (SELECT at FROM reanalysis_done WHERE id = 1) FROM reanalysis`).
		Scan(&r.Waiting, &mark, &last); err != nil {
		return r, fmt.Errorf("re-analysis list: %w", err)
	}
	r.Mark = mark.Int64
	t, err := decodeTime(last)
	if err != nil {
		return r, fmt.Errorf("re-analysis list: %w", err)
	}
	r.Last = t
	return r, nil
}

// ReanalysisDone implements store.Reanalyses.
func (db *DB) ReanalysisDone(ctx context.Context, mark int64, at time.Time) error {
	if at.IsZero() {
		return fmt.Errorf("re-analysis done at %v: %w", at, store.ErrInvalid)
	}
	when, err := encodeTime(at)
	if err != nil {
		return fmt.Errorf("re-analysis done: %w", err)
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("re-analysis done: begin: %w", err)
	}
	defer func() { _ = tx.Rollback() }() // a no-op after Commit
	if _, err := tx.ExecContext(ctx, `DELETE FROM reanalysis WHERE seq <= ?`, mark); err != nil {
		return fmt.Errorf("re-analysis done: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO reanalysis_done (id, at) VALUES (1, ?)
		ON CONFLICT (id) DO UPDATE SET at = excluded.at`, when); err != nil {
		return fmt.Errorf("re-analysis done: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("re-analysis done: commit: %w", err)
	}
	return nil
}

// NoteUpgraded implements store.Reanalyses. One statement: SQLite's one
// writer orders it after an upgrade being written.
func (db *DB) NoteUpgraded(ctx context.Context, ids []string) (int, error) {
	noted := 0
	now := db.now().UTC().Format(timeLayout)
	for start := 0; start < len(ids); start += maxKeysPerQuery {
		chunk := ids[start:min(start+maxKeysPerQuery, len(ids))]
		args := make([]any, 0, len(chunk)+2)
		args = append(args, now, news.TextSummary)
		for _, id := range chunk {
			args = append(args, id)
		}
		res, err := db.write.ExecContext(ctx, `INSERT INTO reanalysis (article_id, noted_at)
			SELECT id, ? FROM articles WHERE text_source <> ? AND id IN (?`+strings.Repeat(", ?", len(chunk)-1)+`)`, args...)
		if err != nil {
			return noted, fmt.Errorf("note upgraded articles: %w", err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return noted, fmt.Errorf("note upgraded articles: %w", err)
		}
		noted += int(n)
	}
	return noted, nil
}
