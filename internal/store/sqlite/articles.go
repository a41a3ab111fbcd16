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
	"github.com/parallax-news/parallax/internal/store/analysisrow"
)

// timeLayout is fixed-width so that text order is time order.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

// articleColumns lists the stored columns of an article in the order
// scanArticle reads them.
const articleColumns = `a.id, a.title, a.outlet, a.origin_outlet, a.republisher, a.url, a.author,
	a.published, a.published_estimated, a.language, a.text, a.removed, a.source, a.ingested_at, a.text_source`

// articleInsertColumns are the columns articleArgs gives values for, in
// its order.
const articleInsertColumns = 17

// articlesPerInsert bounds the rows of one INSERT statement (17 values
// each, well below SQLite's limit of 32,766 variables).
const articlesPerInsert = 500

// insertArticles returns an INSERT of n articles, each row articleArgs's
// values; an article whose ID is stored already is left as it is.
//
// One statement for many rows, not one per row, because of the full-text
// index: the insert trigger makes every statement open a savepoint, and
// FTS5 writes the terms it holds in memory to a new segment of the index
// at every savepoint. One article a statement made one segment per article,
// which the index then merged again and again (1.8 s of the Reuters bench's
// 30 s of CPU); one statement per batch makes one segment per batch.
func insertArticles(n int) string {
	var b strings.Builder
	b.Grow(220 + n*(2*articleInsertColumns+4))
	b.WriteString(`INSERT INTO articles (id, title, outlet, origin_outlet, republisher, url, author,
	published, published_estimated, language, text, removed, source, ingested_at, outlet_key, origin_key, text_source)
VALUES `)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?" + strings.Repeat(", ?", articleInsertColumns-1) + ")")
	}
	b.WriteString(" ON CONFLICT (id) DO NOTHING")
	return b.String()
}

// defaultLimit is used when a query's limit is <= 0.
const defaultLimit = 50

// encodeTime returns the stored form of t: NULL for the zero time, else
// fixed-width UTC text. Returns an error wrapping store.ErrInvalid if t lies
// outside the years 1–9999.
func encodeTime(t time.Time) (any, error) {
	if t.IsZero() {
		return nil, nil
	}
	if err := store.CheckTime(t); err != nil {
		return nil, err
	}
	return t.UTC().Format(timeLayout), nil
}

func decodeTime(s sql.NullString) (time.Time, error) {
	if !s.Valid {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s.String, err)
	}
	return t.UTC(), nil
}

// articleArgs returns the insert arguments for a, after validating it.
func articleArgs(a *news.Article, now time.Time) ([]any, error) {
	if err := store.CheckArticle(a); err != nil {
		return nil, err
	}
	published, err := encodeTime(a.Published)
	if err != nil {
		return nil, fmt.Errorf("published: %w", err)
	}
	ingested := a.IngestedAt
	if ingested.IsZero() {
		ingested = now
	}
	ingestedText, err := encodeTime(ingested)
	if err != nil {
		return nil, fmt.Errorf("ingested_at: %w", err)
	}
	removed := a.Removed
	if removed == nil {
		removed = []string{}
	}
	removedJSON, err := json.Marshal(removed)
	if err != nil {
		return nil, fmt.Errorf("removed: %w", err)
	}
	return []any{a.ID, a.Title, a.Outlet, a.OriginOutlet, a.Republisher, a.URL, a.Author,
		published, a.PublishedEstimated, a.Language, a.Text, string(removedJSON), a.Source,
		ingestedText, analysisrow.OutletKey(a.Outlet), analysisrow.OutletKey(a.OriginOutlet), a.TextSource}, nil
}

// PutArticles implements store.Store.
func (db *DB) PutArticles(ctx context.Context, articles []news.Article) (added int, err error) {
	if len(articles) == 0 {
		return 0, nil
	}
	now := db.now()
	args := make([][]any, len(articles))
	for i := range articles {
		bounded := articles[i]
		for _, note := range store.BoundArticle(&bounded, now) {
			db.log.WarnContext(ctx, "article bounded", "article_id", bounded.ID, "note", note)
		}
		a, err := articleArgs(&bounded, now)
		if err != nil {
			return 0, fmt.Errorf("put article %d of %d (id %q): %w", i+1, len(articles), articles[i].ID, err)
		}
		args[i] = a
	}

	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("put articles: begin: %w", err)
	}
	defer func() {
		if err != nil {
			// The rollback error adds nothing: the batch failed either way
			// and SQLite undoes an unfinished transaction by itself.
			_ = tx.Rollback()
		}
	}()
	values := make([]any, 0, min(len(args), articlesPerInsert)*articleInsertColumns)
	for start := 0; start < len(args); start += articlesPerInsert {
		if err := ctx.Err(); err != nil {
			return 0, fmt.Errorf("put articles: %w", err)
		}
		end := min(start+articlesPerInsert, len(args))
		values = values[:0]
		for _, a := range args[start:end] {
			values = append(values, a...)
		}
		res, err := tx.ExecContext(ctx, insertArticles(end-start), values...)
		if err != nil {
			return 0, fmt.Errorf("put articles %d–%d of %d: %w", start+1, end, len(args), err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return 0, fmt.Errorf("put articles %d–%d of %d: %w", start+1, end, len(args), err)
		}
		added += int(n)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("put articles: commit: %w", err)
	}
	return added, nil
}

// scanner is the part of *sql.Row and *sql.Rows that scanArticle uses.
type scanner interface {
	Scan(dest ...any) error
}

// scanArticle reads the articleColumns, then any extra destinations.
func scanArticle(s scanner, extra ...any) (news.Article, error) {
	var (
		a                   news.Article
		published, ingested sql.NullString
		removed             string
	)
	dest := append([]any{&a.ID, &a.Title, &a.Outlet, &a.OriginOutlet, &a.Republisher, &a.URL, &a.Author,
		&published, &a.PublishedEstimated, &a.Language, &a.Text, &removed, &a.Source, &ingested, &a.TextSource}, extra...)
	if err := s.Scan(dest...); err != nil {
		return news.Article{}, err
	}
	var err error
	if a.Published, err = decodeTime(published); err != nil {
		return news.Article{}, fmt.Errorf("article %s: published: %w", a.ID, err)
	}
	if a.IngestedAt, err = decodeTime(ingested); err != nil {
		return news.Article{}, fmt.Errorf("article %s: ingested_at: %w", a.ID, err)
	}
	if err := json.Unmarshal([]byte(removed), &a.Removed); err != nil {
		return news.Article{}, fmt.Errorf("article %s: removed: %w", a.ID, err)
	}
	if a.Removed == nil {
		a.Removed = []string{}
	}
	return a, nil
}

// Article implements store.Store.
func (db *DB) Article(ctx context.Context, id string) (news.Article, error) {
	row := db.read.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = ?`, id)
	a, err := scanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
		return news.Article{}, fmt.Errorf("article %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return news.Article{}, fmt.Errorf("article %q: %w", id, err)
	}
	return a, nil
}

// HasArticle implements store.Store.
func (db *DB) HasArticle(ctx context.Context, id string) (bool, error) {
	var one int
	err := db.read.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("has article %q: %w", id, err)
	}
	return true, nil
}

// CountArticles implements store.Store.
func (db *DB) CountArticles(ctx context.Context) (int, error) {
	var n int
	if err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

// Articles implements store.Store. Ties in publication time list the most
// recently stored first.
func (db *DB) Articles(ctx context.Context, q store.ArticleQuery) ([]news.Article, error) {
	var (
		where []string
		args  []any
	)
	if strings.TrimSpace(q.Outlet) != "" {
		// Any spelling of the outlet (analysisrow.OutletKey); rows stored
		// before the keys were kept match the names as written.
		k := analysisrow.OutletKey(q.Outlet)
		where = append(where, `(a.outlet_key = ? OR a.origin_key = ? OR (a.outlet_key = '' AND (a.outlet = ? OR a.origin_outlet = ?)))`)
		args = append(args, k, k, q.Outlet, q.Outlet)
	}
	if !q.Since.IsZero() {
		since, err := encodeTime(q.Since)
		if err != nil {
			return nil, fmt.Errorf("list articles: since: %w", err)
		}
		where = append(where, `a.published >= ?`)
		args = append(args, since)
	}
	if !q.Until.IsZero() {
		until, err := encodeTime(q.Until)
		if err != nil {
			return nil, fmt.Errorf("list articles: until: %w", err)
		}
		where = append(where, `a.published < ?`)
		args = append(args, until)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	offset := max(q.Offset, 0)

	var b strings.Builder
	b.WriteString(`SELECT ` + articleColumns + ` FROM articles a`)
	if len(where) > 0 {
		b.WriteString(` WHERE ` + strings.Join(where, ` AND `))
	}
	// NULL sorts lowest in SQLite, so DESC puts undated articles last.
	b.WriteString(` ORDER BY a.published DESC, a.seq DESC LIMIT ? OFFSET ?`)
	args = append(args, limit, offset)

	rows, err := db.read.QueryContext(ctx, b.String(), args...)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	out := make([]news.Article, 0, min(limit, 256))
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}
