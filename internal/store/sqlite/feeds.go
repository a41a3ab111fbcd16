package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/subscription"
)

// DB keeps feed subscriptions and the keys of the items already seen, for
// the feed Poller.
var _ store.FeedStore = (*DB)(nil)

const feedColumns = `url, title, site_url, country, kind, language, category, etag, last_modified,
	last_fetch, last_success, next_poll, interval_ns, last_status, error_count, last_error, warning,
	disabled, items_last, new_last, items_total`

// feedArgs returns the values of feedColumns for st.
func feedArgs(st subscription.State) ([]any, error) {
	var times [3]any
	for i, t := range []time.Time{st.LastFetch, st.LastSuccess, st.NextPoll} {
		v, err := encodeTime(t)
		if err != nil {
			return nil, fmt.Errorf("feed %s: %w", st.URL, err)
		}
		times[i] = v
	}
	text := store.FeedText
	return []any{text(st.URL), text(st.Title), text(st.SiteURL), text(st.Country), text(string(st.Kind)),
		text(st.Language), text(st.Category), text(st.ETag), text(st.LastModified), times[0], times[1], times[2],
		int64(st.Interval), st.LastStatus, st.ErrorCount, text(st.LastError), text(st.Warning), st.Disabled,
		st.ItemsLast, st.NewLast, st.ItemsTotal}, nil
}

func scanFeed(s scanner) (subscription.State, error) {
	var (
		st                          subscription.State
		kind                        string
		lastFetch, lastOK, nextPoll sql.NullString
		interval                    int64
	)
	err := s.Scan(&st.URL, &st.Title, &st.SiteURL, &st.Country, &kind, &st.Language, &st.Category,
		&st.ETag, &st.LastModified, &lastFetch, &lastOK, &nextPoll, &interval, &st.LastStatus,
		&st.ErrorCount, &st.LastError, &st.Warning, &st.Disabled, &st.ItemsLast, &st.NewLast, &st.ItemsTotal)
	if err != nil {
		return subscription.State{}, err
	}
	st.Kind = subscription.Kind(kind)
	st.Interval = time.Duration(interval)
	for _, f := range []struct {
		dst *time.Time
		src sql.NullString
	}{{&st.LastFetch, lastFetch}, {&st.LastSuccess, lastOK}, {&st.NextPoll, nextPoll}} {
		if *f.dst, err = decodeTime(f.src); err != nil {
			return subscription.State{}, fmt.Errorf("feed %s: %w", st.URL, err)
		}
	}
	return st, nil
}

// AddFeeds subscribes to the outlets' feeds and reports how many were new.
// A feed already subscribed keeps its state, except that a disabled one
// (410 Gone) is enabled again and due at once: re-adding a feed is how a
// user clears Disabled. Outlets with an empty FeedURL are refused with an
// error wrapping store.ErrInvalid; on error nothing is stored.
func (db *DB) AddFeeds(ctx context.Context, outlets []subscription.Outlet) (added int, err error) {
	if len(outlets) == 0 {
		return 0, nil
	}
	now, err := encodeTime(db.now())
	if err != nil {
		return 0, fmt.Errorf("add feeds: %w", err)
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("add feeds: begin: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	for i, o := range outlets {
		if strings.TrimSpace(o.FeedURL) == "" {
			return 0, fmt.Errorf("add feed %d of %d (%q): %w: empty feed URL", i+1, len(outlets), o.Title, store.ErrInvalid)
		}
		args, err := feedArgs(subscription.NewState(o))
		if err != nil {
			return 0, fmt.Errorf("add feeds: %w", err)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO feeds (`+feedColumns+`, added_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (url) DO NOTHING`, append(args, now)...)
		if err != nil {
			return 0, fmt.Errorf("add feed %s: %w", o.FeedURL, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return 0, fmt.Errorf("add feed %s: %w", o.FeedURL, err)
		}
		if n == 0 {
			if _, err := tx.ExecContext(ctx, `UPDATE feeds SET disabled = 0, error_count = 0, last_error = '',
				next_poll = NULL WHERE url = ? AND disabled = 1`, store.FeedText(o.FeedURL)); err != nil {
				return 0, fmt.Errorf("enable feed %s: %w", o.FeedURL, err)
			}
		}
		added += int(n)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("add feeds: commit: %w", err)
	}
	return added, nil
}

// RemoveFeed unsubscribes from the feed at url. The articles it brought and
// the keys of its items stay stored, so subscribing again adds nothing
// twice. Returns an error wrapping store.ErrNotFound if no such feed is
// subscribed.
func (db *DB) RemoveFeed(ctx context.Context, url string) error {
	res, err := db.write.ExecContext(ctx, `DELETE FROM feeds WHERE url = ?`, url)
	if err != nil {
		return fmt.Errorf("remove feed %s: %w", url, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("remove feed %s: %w", url, err)
	}
	if n == 0 {
		return fmt.Errorf("remove feed %s: %w", url, store.ErrNotFound)
	}
	return nil
}

// FeedState returns the state of the feed at url, or an error wrapping
// store.ErrNotFound.
func (db *DB) FeedState(ctx context.Context, url string) (subscription.State, error) {
	st, err := scanFeed(db.read.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM feeds WHERE url = ?`, url))
	if errors.Is(err, sql.ErrNoRows) {
		return subscription.State{}, fmt.Errorf("feed %s: %w", url, store.ErrNotFound)
	}
	if err != nil {
		return subscription.State{}, fmt.Errorf("feed %s: %w", url, err)
	}
	return st, nil
}

// FeedStates implements feed.Store: every subscribed feed, disabled ones
// included, ordered by title then URL (case-insensitively).
func (db *DB) FeedStates(ctx context.Context) ([]subscription.State, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT `+feedColumns+` FROM feeds
		ORDER BY lower(title), lower(url), url`)
	if err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	defer rows.Close()
	var out []subscription.State
	for rows.Next() {
		st, err := scanFeed(rows)
		if err != nil {
			return nil, fmt.Errorf("list feeds: %w", err)
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	return out, nil
}

// SaveFeedState implements feed.Store. After a permanent redirect (oldURL
// differs from st.URL) the feed is renamed, replacing any feed already
// stored under st.URL. Returns an error wrapping store.ErrNotFound when no
// feed is stored under oldURL (it was removed during the poll); nothing is
// saved then.
func (db *DB) SaveFeedState(ctx context.Context, oldURL string, st subscription.State) (err error) {
	if st.URL == "" {
		return fmt.Errorf("save feed %s: %w: empty URL", oldURL, store.ErrInvalid)
	}
	args, err := feedArgs(st)
	if err != nil {
		return fmt.Errorf("save feed %s: %w", oldURL, err)
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save feed %s: begin: %w", oldURL, err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if oldURL != st.URL {
		var exists bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM feeds WHERE url = ?)`, oldURL).Scan(&exists); err != nil {
			return fmt.Errorf("save feed %s: %w", oldURL, err)
		}
		if !exists {
			return fmt.Errorf("save feed %s: %w", oldURL, store.ErrNotFound)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM feeds WHERE url = ?`, store.FeedText(st.URL)); err != nil {
			return fmt.Errorf("save feed %s: replace %s: %w", oldURL, st.URL, err)
		}
	}
	res, err := tx.ExecContext(ctx, `UPDATE feeds SET (`+feedColumns+`) =
		(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE url = ?`, append(args, oldURL)...)
	if err != nil {
		return fmt.Errorf("save feed %s: %w", oldURL, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("save feed %s: %w", oldURL, err)
	}
	if n == 0 {
		return fmt.Errorf("save feed %s: %w", oldURL, store.ErrNotFound)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save feed %s: commit: %w", oldURL, err)
	}
	return nil
}

// maxKeysPerQuery bounds the parameters of one IN (...) query.
const maxKeysPerQuery = 500

// SeenItems reports which of keys are already recorded, from any feed.
func (db *DB) SeenItems(ctx context.Context, keys []string) (map[string]bool, error) {
	seen := map[string]bool{}
	// Looked up as RecordItems stores them (store.FeedText), reported as
	// given.
	stored, asked := store.FeedKeys(keys)
	for start := 0; start < len(stored); start += maxKeysPerQuery {
		chunk := stored[start:min(start+maxKeysPerQuery, len(stored))]
		args := make([]any, len(chunk))
		for i, k := range chunk {
			args[i] = k
		}
		q := `SELECT key FROM feed_items WHERE key IN (?` + strings.Repeat(", ?", len(chunk)-1) + `)`
		rows, err := db.read.QueryContext(ctx, q, args...)
		if err != nil {
			return nil, fmt.Errorf("seen items: %w", err)
		}
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return nil, fmt.Errorf("seen items: %w", err)
			}
			for _, given := range asked[k] {
				seen[given] = true
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("seen items: %w", err)
		}
	}
	return seen, nil
}

// RecordItems remembers the items of one poll of the feed at feedURL, in
// one transaction, and reports how many keys were new. A key already
// recorded (from any feed, or earlier in items) keeps its first record.
// Empty keys are refused with an error wrapping store.ErrInvalid; on error
// nothing is recorded.
func (db *DB) RecordItems(ctx context.Context, feedURL string, items []store.FeedItem) (added int, err error) {
	if len(items) == 0 {
		return 0, nil
	}
	now, err := encodeTime(db.now())
	if err != nil {
		return 0, fmt.Errorf("record items: %w", err)
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("record items of %s: begin: %w", feedURL, err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO feed_items (key, feed_url, article_id, error, first_seen)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`)
	if err != nil {
		return 0, fmt.Errorf("record items of %s: %w", feedURL, err)
	}
	defer stmt.Close()
	for i, it := range items {
		if it.Key == "" {
			return 0, fmt.Errorf("record item %d of %d from %s: %w: empty key", i+1, len(items), feedURL, store.ErrInvalid)
		}
		res, err := stmt.ExecContext(ctx, store.FeedText(it.Key), store.FeedText(feedURL), it.ArticleID, store.FeedText(it.Error), now)
		if err != nil {
			return 0, fmt.Errorf("record item %s from %s: %w", it.Key, feedURL, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return 0, fmt.Errorf("record item %s from %s: %w", it.Key, feedURL, err)
		}
		added += int(n)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("record items of %s: commit: %w", feedURL, err)
	}
	return added, nil
}

// PutItems implements feed.Store by recording the items' keys only: the
// articles themselves are stored by the pipeline (pipeline.FeedStore), which
// wraps DB for polling. Used alone, DB tracks what a feed has offered.
func (db *DB) PutItems(ctx context.Context, f subscription.State, items []subscription.Item) (int, error) {
	return db.RecordItems(ctx, f.URL, store.ItemKeys(items))
}

// FeedItemCounts returns, per feed URL, how many recorded items became
// articles and how many failed (with an error recorded).
func (db *DB) FeedItemCounts(ctx context.Context) (map[string]store.ItemCounts, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT feed_url,
		SUM(article_id <> ''), SUM(error <> '' AND article_id = '') FROM feed_items GROUP BY feed_url`)
	if err != nil {
		return nil, fmt.Errorf("feed item counts: %w", err)
	}
	defer rows.Close()
	out := map[string]store.ItemCounts{}
	for rows.Next() {
		var u string
		var c store.ItemCounts
		if err := rows.Scan(&u, &c.Stored, &c.Failed); err != nil {
			return nil, fmt.Errorf("feed item counts: %w", err)
		}
		out[u] = c
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("feed item counts: %w", err)
	}
	return out, nil
}
