package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/analysisrow"
)

// articleColumns lists the stored columns of an article in the order
// scanArticle reads them.
const articleColumns = `a.id, a.title, a.outlet, a.origin_outlet, a.republisher, a.url, a.author,
	a.published, a.published_estimated, a.language, a.text, a.removed, a.source, a.ingested_at, a.text_source`

// insertArticles stores a batch in one statement from parallel arrays, one
// element per article; removed lists come as JSON arrays (SQL arrays of
// arrays must be rectangular). The rows arrive sorted by ID, so that
// concurrent batches sharing IDs wait on each other in one order and never
// deadlock.
const insertArticles = `INSERT INTO articles (seq, id, title, outlet, origin_outlet, republisher, url, author,
	published, published_estimated, language, text, removed, source, ingested_at, outlet_key, origin_key, text_source)
SELECT u.seq, u.id, u.title, u.outlet, u.origin_outlet, u.republisher, u.url, u.author,
	u.published, u.published_estimated, u.language, u.text,
	ARRAY(SELECT jsonb_array_elements_text(u.removed::jsonb)), u.source, u.ingested_at, u.outlet_key, u.origin_key, u.text_source
FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
	$9::timestamptz[], $10::boolean[], $11::text[], $12::text[], $13::text[], $14::text[], $15::timestamptz[],
	$16::text[], $17::text[], $18::text[])
	AS u (seq, id, title, outlet, origin_outlet, republisher, url, author,
	published, published_estimated, language, text, removed, source, ingested_at, outlet_key, origin_key, text_source)
ON CONFLICT (id) DO NOTHING`

// defaultLimit is used when a query's limit is <= 0.
const defaultLimit = 50

// commitTimeout bounds a commit. Commits run without the caller's
// cancellation: once every row is written the batch is either committed,
// and reported so, or not; a cancellation arriving during the commit would
// leave the caller not knowing which.
const commitTimeout = 30 * time.Second

func commit(ctx context.Context, tx pgx.Tx) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), commitTimeout)
	defer cancel()
	return tx.Commit(ctx)
}

// rollback ends a failed transaction. Its error adds nothing: the batch
// failed either way, and the server drops an unfinished transaction when
// the connection goes.
func rollback(ctx context.Context, tx pgx.Tx) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	_ = tx.Rollback(ctx)
}

// canceled returns err, also wrapping ctx's error when ctx is done: the
// server reports a canceled statement as its own error (SQLSTATE 57014),
// and callers tell a cancellation with errors.Is(err, context.Canceled).
func canceled(ctx context.Context, err error) error {
	if cerr := ctx.Err(); cerr != nil && err != nil && !errors.Is(err, cerr) {
		return fmt.Errorf("%w: %w", cerr, err)
	}
	return err
}

// timeArg returns the stored form of t: nil (NULL) for the zero time.
func timeArg(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

// fromDB returns a scanned time in UTC, or the zero time for NULL.
func fromDB(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

// storable reports whether s can be sent as text. A lookup by a value that
// is not storable finds nothing, so it need not reach the server (which
// would refuse it with an encoding error).
func storable(s string) bool { return store.CheckString(s) == nil }

// PutArticles implements store.Store.
func (db *DB) PutArticles(ctx context.Context, articles []news.Article) (added int, err error) {
	if len(articles) == 0 {
		return 0, nil
	}
	// Validate everything first; keep the first copy of a repeated ID.
	rows := make([]*news.Article, 0, len(articles))
	seen := make(map[string]bool, len(articles))
	now := db.now()
	for i := range articles {
		bounded := articles[i]
		a := &bounded
		for _, note := range store.BoundArticle(a, now) {
			db.log.WarnContext(ctx, "article bounded", "article_id", a.ID, "note", note)
		}
		if err := store.CheckArticle(a); err != nil {
			return 0, fmt.Errorf("put article %d of %d (id %q): %w", i+1, len(articles), a.ID, err)
		}
		if !seen[a.ID] {
			seen[a.ID] = true
			rows = append(rows, a)
		}
	}

	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return 0, fmt.Errorf("put articles: begin: %w", err)
	}
	defer func() {
		if err != nil {
			rollback(ctx, tx)
			err = canceled(ctx, err)
		}
	}()
	// Row keys in batch order, so that seq order is storing order, while the
	// rows are inserted in ID order.
	seqRows, err := tx.Query(ctx, `SELECT nextval(pg_get_serial_sequence('articles', 'seq'))
		FROM generate_series(1, $1)`, len(rows))
	if err != nil {
		return 0, fmt.Errorf("put articles: reserve row keys: %w", err)
	}
	seqs, err := pgx.CollectRows(seqRows, pgx.RowTo[int64])
	if err != nil {
		return 0, fmt.Errorf("put articles: reserve row keys: %w", err)
	}
	slices.Sort(seqs)
	type keyed struct {
		seq int64
		a   *news.Article
	}
	order := make([]keyed, len(rows))
	for i, a := range rows {
		order[i] = keyed{seqs[i], a}
	}
	slices.SortFunc(order, func(x, y keyed) int { return strings.Compare(x.a.ID, y.a.ID) })

	n := len(order)
	var (
		seq                                           = make([]int64, n)
		id, title, outlet, origin, repub, url, author = make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		published, ingested                           = make([]*time.Time, n), make([]*time.Time, n)
		estimated                                     = make([]bool, n)
		language, text, removed, source               = make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		outletKey, originKey, textSource              = make([]string, n), make([]string, n), make([]string, n)
	)
	for i, k := range order {
		a := k.a
		seq[i] = k.seq
		id[i], title[i], outlet[i], origin[i], repub[i], url[i], author[i] =
			a.ID, a.Title, a.Outlet, a.OriginOutlet, a.Republisher, a.URL, a.Author
		published[i] = timeArg(a.Published)
		estimated[i] = a.PublishedEstimated
		language[i], text[i], source[i] = a.Language, a.Text, a.Source
		outletKey[i], originKey[i] = analysisrow.OutletKey(a.Outlet), analysisrow.OutletKey(a.OriginOutlet)
		textSource[i] = a.TextSource
		r := a.Removed
		if r == nil {
			r = []string{}
		}
		js, err := json.Marshal(r)
		if err != nil {
			return 0, fmt.Errorf("put article %q: removed: %w", a.ID, err)
		}
		removed[i] = string(js)
		at := a.IngestedAt
		if at.IsZero() {
			at = now
		}
		if err := store.CheckTime(at); err != nil {
			return 0, fmt.Errorf("put article %q: ingested_at: %w", a.ID, err)
		}
		ingested[i] = timeArg(at)
	}
	tag, err := tx.Exec(ctx, insertArticles, seq, id, title, outlet, origin, repub, url, author,
		published, estimated, language, text, removed, source, ingested, outletKey, originKey, textSource)
	if err != nil {
		return 0, fmt.Errorf("put %d articles: %w", len(articles), err)
	}
	if err := commit(ctx, tx); err != nil {
		return 0, fmt.Errorf("put articles: commit: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// scanArticle reads the articleColumns, then any extra destinations.
func scanArticle(s scanner, extra ...any) (news.Article, error) {
	var (
		a                   news.Article
		published, ingested *time.Time
	)
	dest := append([]any{&a.ID, &a.Title, &a.Outlet, &a.OriginOutlet, &a.Republisher, &a.URL, &a.Author,
		&published, &a.PublishedEstimated, &a.Language, &a.Text, &a.Removed, &a.Source, &ingested, &a.TextSource}, extra...)
	if err := s.Scan(dest...); err != nil {
		return news.Article{}, err
	}
	a.Published, a.IngestedAt = fromDB(published), fromDB(ingested)
	if a.Removed == nil {
		a.Removed = []string{}
	}
	return a, nil
}

// collectArticles scans every row of rows (articleColumns first).
func collectArticles(rows pgx.Rows, capacity int) ([]news.Article, error) {
	defer rows.Close()
	out := make([]news.Article, 0, capacity)
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Article implements store.Store.
func (db *DB) Article(ctx context.Context, id string) (news.Article, error) {
	if !storable(id) {
		if err := db.alive(ctx); err != nil {
			return news.Article{}, fmt.Errorf("article %q: %w", id, err)
		}
		return news.Article{}, fmt.Errorf("article %q: %w", id, store.ErrNotFound)
	}
	a, err := scanArticle(db.pool.QueryRow(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return news.Article{}, fmt.Errorf("article %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return news.Article{}, fmt.Errorf("article %q: %w", id, err)
	}
	return a, nil
}

// alive returns an error when the store cannot answer (closed, or the
// context done), for lookups answered without asking the server.
func (db *DB) alive(ctx context.Context) error {
	if db.closed.Load() {
		return errClosed
	}
	return ctx.Err()
}

// HasArticle implements store.Store.
func (db *DB) HasArticle(ctx context.Context, id string) (bool, error) {
	if !storable(id) {
		if err := db.alive(ctx); err != nil {
			return false, fmt.Errorf("has article %q: %w", id, err)
		}
		return false, nil
	}
	var ok bool
	if err := db.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE id = $1)`, id).Scan(&ok); err != nil {
		return false, fmt.Errorf("has article %q: %w", id, err)
	}
	return ok, nil
}

// CountArticles implements store.Store.
func (db *DB) CountArticles(ctx context.Context) (int, error) {
	var n int
	if err := db.pool.QueryRow(ctx, `SELECT COUNT(*) FROM articles`).Scan(&n); err != nil {
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
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	if q.Outlet != "" {
		if !storable(q.Outlet) {
			if err := db.alive(ctx); err != nil {
				return nil, fmt.Errorf("list articles: %w", err)
			}
			return []news.Article{}, nil
		}
		// Any spelling of the outlet (analysisrow.OutletKey); rows stored
		// before the keys were kept match the names as written.
		p, k := arg(q.Outlet), arg(analysisrow.OutletKey(q.Outlet))
		where = append(where, `(a.outlet_key = `+k+` OR a.origin_key = `+k+
			` OR (a.outlet_key = '' AND (a.outlet = `+p+` OR a.origin_outlet = `+p+`)))`)
	}
	if !q.Since.IsZero() {
		if err := store.CheckTime(q.Since); err != nil {
			return nil, fmt.Errorf("list articles: since: %w", err)
		}
		where = append(where, `a.published >= `+arg(q.Since.UTC()))
	}
	if !q.Until.IsZero() {
		if err := store.CheckTime(q.Until); err != nil {
			return nil, fmt.Errorf("list articles: until: %w", err)
		}
		where = append(where, `a.published < `+arg(q.Until.UTC()))
	}
	limit := q.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	var b strings.Builder
	b.WriteString(`SELECT ` + articleColumns + ` FROM articles a`)
	if len(where) > 0 {
		b.WriteString(` WHERE ` + strings.Join(where, ` AND `))
	}
	b.WriteString(` ORDER BY a.published DESC NULLS LAST, a.seq DESC LIMIT ` + arg(limit) + ` OFFSET ` + arg(max(q.Offset, 0)))
	rows, err := db.pool.Query(ctx, b.String(), args...)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	out, err := collectArticles(rows, min(limit, 256))
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}
