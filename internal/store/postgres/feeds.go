package postgres

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/subscription"
)

const feedColumns = `url, title, site_url, country, kind, language, category, etag, last_modified,
	last_fetch, last_success, next_poll, interval_ns, last_status, error_count, last_error, warning,
	disabled, items_last, new_last, items_total`

// feedArgs returns the values of feedColumns for st.
func feedArgs(st subscription.State) ([]any, error) {
	for _, t := range []time.Time{st.LastFetch, st.LastSuccess, st.NextPoll} {
		if err := store.CheckTime(t); err != nil {
			return nil, fmt.Errorf("feed %s: %w", st.URL, err)
		}
	}
	text := store.FeedText
	return []any{text(st.URL), text(st.Title), text(st.SiteURL), text(st.Country), text(string(st.Kind)),
		text(st.Language), text(st.Category), text(st.ETag), text(st.LastModified), timeArg(st.LastFetch),
		timeArg(st.LastSuccess), timeArg(st.NextPoll), int64(st.Interval), st.LastStatus, st.ErrorCount,
		text(st.LastError), text(st.Warning), st.Disabled, st.ItemsLast, st.NewLast, st.ItemsTotal}, nil
}

func scanFeed(s scanner) (subscription.State, error) {
	var (
		st                          subscription.State
		kind                        string
		lastFetch, lastOK, nextPoll *time.Time
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
	st.LastFetch, st.LastSuccess, st.NextPoll = fromDB(lastFetch), fromDB(lastOK), fromDB(nextPoll)
	return st, nil
}

// AddFeeds implements store.FeedStore. The feeds are written in URL order,
// so that two processes adding overlapping lists cannot deadlock.
func (db *DB) AddFeeds(ctx context.Context, outlets []subscription.Outlet) (added int, err error) {
	if len(outlets) == 0 {
		return 0, nil
	}
	type row struct {
		args []any
		url  string
	}
	rows := make([]row, 0, len(outlets))
	for i, o := range outlets {
		if strings.TrimSpace(o.FeedURL) == "" {
			return 0, fmt.Errorf("add feed %d of %d (%q): %w: empty feed URL", i+1, len(outlets), o.Title, store.ErrInvalid)
		}
		args, err := feedArgs(subscription.NewState(o))
		if err != nil {
			return 0, fmt.Errorf("add feeds: %w", err)
		}
		rows = append(rows, row{args: args, url: store.FeedText(o.FeedURL)})
	}
	slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(a.url, b.url) })
	now := timeArg(db.now())

	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return 0, fmt.Errorf("add feeds: begin: %w", err)
	}
	defer func() {
		if err != nil {
			rollback(ctx, tx)
		}
	}()
	for _, r := range rows {
		tag, err := tx.Exec(ctx, `INSERT INTO feeds (`+feedColumns+`, added_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
			ON CONFLICT (url) DO NOTHING`, append(r.args, now)...)
		if err != nil {
			return 0, fmt.Errorf("add feed %s: %w", r.url, err)
		}
		if tag.RowsAffected() == 0 {
			if _, err := tx.Exec(ctx, `UPDATE feeds SET disabled = false, error_count = 0, last_error = '',
				next_poll = NULL WHERE url = $1 AND disabled`, r.url); err != nil {
				return 0, fmt.Errorf("enable feed %s: %w", r.url, err)
			}
		}
		added += int(tag.RowsAffected())
	}
	if err := commit(ctx, tx); err != nil {
		return 0, fmt.Errorf("add feeds: commit: %w", err)
	}
	return added, nil
}

// RemoveFeed implements store.FeedStore.
func (db *DB) RemoveFeed(ctx context.Context, url string) error {
	if !storable(url) {
		if err := db.alive(ctx); err != nil {
			return fmt.Errorf("remove feed %q: %w", url, err)
		}
		return fmt.Errorf("remove feed %q: %w", url, store.ErrNotFound)
	}
	tag, err := db.pool.Exec(ctx, `DELETE FROM feeds WHERE url = $1`, url)
	if err != nil {
		return fmt.Errorf("remove feed %s: %w", url, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("remove feed %s: %w", url, store.ErrNotFound)
	}
	return nil
}

// FeedState implements store.FeedStore.
func (db *DB) FeedState(ctx context.Context, url string) (subscription.State, error) {
	if !storable(url) {
		if err := db.alive(ctx); err != nil {
			return subscription.State{}, fmt.Errorf("feed %q: %w", url, err)
		}
		return subscription.State{}, fmt.Errorf("feed %q: %w", url, store.ErrNotFound)
	}
	st, err := scanFeed(db.pool.QueryRow(ctx, `SELECT `+feedColumns+` FROM feeds WHERE url = $1`, url))
	if errors.Is(err, pgx.ErrNoRows) {
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
	rows, err := db.pool.Query(ctx, `SELECT `+feedColumns+` FROM feeds
		ORDER BY lower(title) COLLATE "C", lower(url) COLLATE "C", url`)
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
	if !storable(oldURL) {
		return fmt.Errorf("save feed %q: %w", oldURL, store.ErrNotFound)
	}
	args, err := feedArgs(st)
	if err != nil {
		return fmt.Errorf("save feed %s: %w", oldURL, err)
	}
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("save feed %s: begin: %w", oldURL, err)
	}
	defer func() {
		if err != nil {
			rollback(ctx, tx)
		}
	}()
	if newURL := store.FeedText(st.URL); oldURL != newURL {
		var exists bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM feeds WHERE url = $1)`, oldURL).Scan(&exists); err != nil {
			return fmt.Errorf("save feed %s: %w", oldURL, err)
		}
		if !exists {
			return fmt.Errorf("save feed %s: %w", oldURL, store.ErrNotFound)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM feeds WHERE url = $1`, newURL); err != nil {
			return fmt.Errorf("save feed %s: replace %s: %w", oldURL, st.URL, err)
		}
	}
	tag, err := tx.Exec(ctx, `UPDATE feeds SET (`+feedColumns+`) =
		($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) WHERE url = $22`,
		append(args, oldURL)...)
	if err != nil {
		return fmt.Errorf("save feed %s: %w", oldURL, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("save feed %s: %w", oldURL, store.ErrNotFound)
	}
	if err := commit(ctx, tx); err != nil {
		return fmt.Errorf("save feed %s: commit: %w", oldURL, err)
	}
	return nil
}

// SeenItems implements store.FeedStore. Keys are looked up as RecordItems
// stores them (store.FeedText) and reported as given.
func (db *DB) SeenItems(ctx context.Context, keys []string) (map[string]bool, error) {
	seen := map[string]bool{}
	if len(keys) == 0 {
		return seen, nil
	}
	stored, asked := store.FeedKeys(keys) // stored form -> keys given
	rows, err := db.pool.Query(ctx, `SELECT key FROM feed_items WHERE key = ANY($1)`, stored)
	if err != nil {
		return nil, fmt.Errorf("seen items: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, fmt.Errorf("seen items: %w", err)
		}
		for _, given := range asked[k] {
			seen[given] = true
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("seen items: %w", err)
	}
	return seen, nil
}

// RecordItems implements store.FeedStore. The keys are written in one
// statement, sorted, so that concurrent polls offering the same items
// cannot deadlock.
func (db *DB) RecordItems(ctx context.Context, feedURL string, items []store.FeedItem) (int, error) {
	if len(items) == 0 {
		return 0, nil
	}
	type rec struct{ key, article, err string }
	recs := make([]rec, 0, len(items))
	first := make(map[string]bool, len(items))
	for i, it := range items {
		if it.Key == "" {
			return 0, fmt.Errorf("record item %d of %d from %s: %w: empty key", i+1, len(items), feedURL, store.ErrInvalid)
		}
		k := store.FeedText(it.Key)
		if first[k] {
			continue // a key already recorded keeps its first record
		}
		first[k] = true
		recs = append(recs, rec{k, store.FeedText(it.ArticleID), store.FeedText(it.Error)})
	}
	slices.SortFunc(recs, func(a, b rec) int { return cmp.Compare(a.key, b.key) })
	keys, articles, errs := make([]string, len(recs)), make([]string, len(recs)), make([]string, len(recs))
	for i, r := range recs {
		keys[i], articles[i], errs[i] = r.key, r.article, r.err
	}
	// One statement is one transaction: all the keys or none.
	tag, err := db.pool.Exec(ctx, `INSERT INTO feed_items (key, feed_url, article_id, error, first_seen)
		SELECT u.key, $4, u.article_id, u.error, $5 FROM unnest($1::text[], $2::text[], $3::text[]) AS u (key, article_id, error)
		ON CONFLICT (key) DO NOTHING`, keys, articles, errs, store.FeedText(feedURL), timeArg(db.now()))
	if err != nil {
		return 0, fmt.Errorf("record %d items of %s: %w", len(items), feedURL, err)
	}
	return int(tag.RowsAffected()), nil
}

// PutItems implements feed.Store by recording the items' keys only: the
// articles themselves are stored by the pipeline (pipeline.FeedStore), which
// wraps DB for polling. Used alone, DB tracks what a feed has offered.
func (db *DB) PutItems(ctx context.Context, f subscription.State, items []subscription.Item) (int, error) {
	return db.RecordItems(ctx, f.URL, store.ItemKeys(items))
}

// FeedItemCounts implements store.FeedStore.
func (db *DB) FeedItemCounts(ctx context.Context) (map[string]store.ItemCounts, error) {
	rows, err := db.pool.Query(ctx, `SELECT feed_url,
		COUNT(*) FILTER (WHERE article_id <> ''), COUNT(*) FILTER (WHERE error <> '' AND article_id = '')
		FROM feed_items GROUP BY feed_url`)
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
