package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/analysisrow"
)

var _ store.Analyses = (*DB)(nil)

// PendingArticles implements store.Analyses.
func (db *DB) PendingArticles(ctx context.Context, limit int) ([]news.Article, error) {
	if limit <= 0 {
		limit = defaultLimit
	}
	// The pending seqs come from the pending table (migration 10, kept by
	// triggers), then the articles by primary key: a batch reads what it
	// takes, whatever the size of the collection.
	rows, err := db.read.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles a
		WHERE a.seq IN (SELECT p.seq FROM pending p ORDER BY p.seq LIMIT ?)
		ORDER BY a.seq`, limit)
	if err != nil {
		return nil, fmt.Errorf("pending articles: %w", err)
	}
	defer rows.Close()
	var out []news.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("pending articles: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pending articles: %w", err)
	}
	return out, nil
}

// WalkAnalysed implements store.Analyses.
func (db *DB) WalkAnalysed(ctx context.Context, fn func(news.Article) error) error {
	const page = 1000
	after := int64(-1)
	for {
		rows, err := db.read.QueryContext(ctx, `SELECT `+articleColumns+`, z.analysed_order FROM analysis z
			JOIN articles a ON a.seq = z.article_seq
			WHERE z.analysed_order > ? ORDER BY z.analysed_order LIMIT ?`, after, page)
		if err != nil {
			return fmt.Errorf("walk analysed articles: %w", err)
		}
		var batch []news.Article
		for rows.Next() {
			a, err := scanArticle(rows, &after)
			if err != nil {
				rows.Close()
				return fmt.Errorf("walk analysed articles: %w", err)
			}
			batch = append(batch, a)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("walk analysed articles: %w", err)
		}
		for _, a := range batch {
			if err := fn(a); err != nil {
				return err
			}
		}
		if len(batch) < page {
			return nil
		}
	}
}

// LoadState implements store.Analyses.
func (db *DB) LoadState(ctx context.Context, name string) ([]byte, error) {
	var data []byte
	err := db.read.QueryRowContext(ctx, `SELECT data FROM stage_state WHERE name = ?`, name).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load state %s: %w", name, err)
	}
	return data, nil
}

// rowEncoder encodes the JSON data columns of a transaction's rows into
// one reused buffer: json.Marshal returns a new slice for every row, which
// the column then copied again into a string.
type rowEncoder struct {
	buf bytes.Buffer
	enc *json.Encoder
}

func newRowEncoder() *rowEncoder {
	e := &rowEncoder{}
	e.enc = json.NewEncoder(&e.buf)
	return e
}

// text returns v encoded as json.Marshal encodes it.
func (e *rowEncoder) text(v any) (string, error) {
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return "", err
	}
	b := e.buf.Bytes()
	return string(b[:len(b)-1]), nil // without the newline Encode adds
}

// SaveAnalysis implements store.Analyses.
func (db *DB) SaveAnalysis(ctx context.Context, b store.AnalysisBatch) (err error) {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save analysis: begin: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	exec := func(what, q string, args ...any) error {
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("save analysis: %s: %w", what, err)
		}
		return nil
	}
	for name, want := range b.Requires {
		// The write transaction is BEGIN IMMEDIATE: no other writer can
		// commit between this read and the commit.
		var got []byte
		err := tx.QueryRowContext(ctx, `SELECT data FROM stage_state WHERE name = ?`, name).Scan(&got)
		ok := err == nil
		if errors.Is(err, sql.ErrNoRows) {
			err = nil
		}
		if err != nil {
			return fmt.Errorf("save analysis: state %s: %w", name, err)
		}
		if err := store.CheckRequired(name, want, got, ok); err != nil {
			return fmt.Errorf("save analysis: %w", err)
		}
	}
	enc := newRowEncoder()
	// The one-row statements run without ctx's cancellation: the driver
	// starts a goroutine per statement to interrupt it when a cancellable
	// context ends, which cost more than most of these statements. ctx is
	// checked between articles instead, and the transaction (begun with
	// ctx) is rolled back when it ends.
	rowCtx := context.WithoutCancel(ctx)
	var order int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(analysed_order), 0) FROM analysis`).Scan(&order); err != nil {
		return fmt.Errorf("save analysis: %w", err)
	}
	prep := func(q string) (*sql.Stmt, error) {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("save analysis: %w", err)
		}
		return st, nil
	}
	seqs, err := articleSeqs(ctx, tx, b.Articles)
	if err != nil {
		return err
	}
	// The rows of each table go many to a statement (multiRow): most of
	// the cost of a one-row statement is the statement, not the row.
	putAnalysis := newMultiRow(rowCtx, tx, "save analysis: analysis rows",
		`INSERT INTO analysis (article_seq, analysed_order, story_id, duplicate_of, data) VALUES`,
		`ON CONFLICT (article_seq) DO UPDATE SET
		story_id = excluded.story_id, duplicate_of = excluded.duplicate_of, data = excluded.data`, 5)
	defer putAnalysis.close()
	delQuotes, err := prep(`DELETE FROM quotes WHERE article_seq = ?`)
	if err != nil {
		return err
	}
	defer delQuotes.Close()
	putQuote := newMultiRow(rowCtx, tx, "save analysis: quotes",
		`INSERT INTO quotes (article_seq, idx, speaker, speaker_id, direct, data) VALUES`, ``, 6)
	defer putQuote.close()
	// The articles whose quotes wait in putQuote: an article twice in a
	// batch has its first quotes written before they are deleted again.
	quoted := map[int64]bool{}
	for _, a := range b.Articles {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("save analysis: %w", err)
		}
		seq := seqs[a.ArticleID]
		data, err := enc.text(analysisrow.Data{Mentions: a.Mentions, Timexes: a.Timexes, AnalysedChars: a.AnalysedChars})
		if err != nil {
			return fmt.Errorf("save analysis: article %s: %w", a.ArticleID, err)
		}
		order++
		if err := putAnalysis.add(seq, order, a.StoryID, a.DuplicateOf, data); err != nil {
			return err
		}
		if quoted[seq] {
			if err := putQuote.flush(); err != nil {
				return err
			}
			clear(quoted)
		}
		if _, err := delQuotes.ExecContext(rowCtx, seq); err != nil {
			return fmt.Errorf("save analysis: article %s: %w", a.ArticleID, err)
		}
		for i, q := range a.Quotes {
			q.ArticleID = a.ArticleID
			qd, err := enc.text(q)
			if err != nil {
				return fmt.Errorf("save analysis: quote: %w", err)
			}
			if !putQuote.pending() {
				clear(quoted)
			}
			quoted[seq] = true
			if err := putQuote.add(seq, i, q.Speaker, q.SpeakerID, q.Direct, qd); err != nil {
				return err
			}
		}
	}
	if err := putAnalysis.flush(); err != nil {
		return err
	}
	if err := putQuote.flush(); err != nil {
		return err
	}
	putStory := newMultiRow(rowCtx, tx, "save analysis: stories",
		`INSERT INTO stories (id, storyline_id, first_seen, last_seen, data, outlet_names) VALUES`,
		`ON CONFLICT (id) DO UPDATE SET storyline_id = excluded.storyline_id, first_seen = excluded.first_seen,
		last_seen = excluded.last_seen, data = excluded.data, outlet_names = excluded.outlet_names`, 6)
	defer putStory.close()
	for _, s := range b.Stories {
		data, err := enc.text(s)
		if err != nil {
			return fmt.Errorf("save analysis: story %s: %w", s.ID, err)
		}
		first, _ := encodeTime(s.FirstSeen)
		last, _ := encodeTime(s.LastSeen)
		if err := putStory.add(s.ID, s.StorylineID, first, last, data, analysisrow.StoryOutlets(s)); err != nil {
			return err
		}
	}
	if err := putStory.flush(); err != nil {
		return err
	}
	putMerge := newMultiRow(rowCtx, tx, "save analysis: merges",
		`INSERT INTO merges (kind, from_id, into_id, at) VALUES`,
		`ON CONFLICT (kind, from_id) DO UPDATE SET into_id = excluded.into_id, at = excluded.at`, 4)
	defer putMerge.close()
	delStory, err := prep(`DELETE FROM stories WHERE id = ?`)
	if err != nil {
		return err
	}
	defer delStory.Close()
	for _, m := range b.Merges {
		at, _ := encodeTime(m.At)
		if err := putMerge.add(m.Kind, m.From, m.Into, at); err != nil {
			return err
		}
		if m.Kind == "story" {
			if _, err := delStory.ExecContext(rowCtx, m.From); err != nil {
				return fmt.Errorf("save analysis: merge: %w", err)
			}
		}
	}
	if err := putMerge.flush(); err != nil {
		return err
	}
	for _, id := range b.DeletedStorylines {
		if err := exec("storyline "+id, `DELETE FROM storylines WHERE id = ?`, id); err != nil {
			return err
		}
	}
	putLine := newMultiRow(rowCtx, tx, "save analysis: storylines",
		`INSERT INTO storylines (id, first_seen, last_seen, data) VALUES`,
		`ON CONFLICT (id) DO UPDATE SET first_seen = excluded.first_seen, last_seen = excluded.last_seen, data = excluded.data`, 4)
	defer putLine.close()
	// Most stories of a changed storyline are in it already (their rows,
	// written above or in an earlier batch, say so): rewriting them
	// unchanged would rewrite their pages and the storyline index.
	setLine, err := prep(`UPDATE stories SET storyline_id = ?1 WHERE id = ?2 AND storyline_id <> ?1`)
	if err != nil {
		return err
	}
	defer setLine.Close()
	for _, l := range b.Storylines {
		data, err := enc.text(l)
		if err != nil {
			return fmt.Errorf("save analysis: storyline %s: %w", l.ID, err)
		}
		first, _ := encodeTime(l.FirstSeen)
		last, _ := encodeTime(l.LastSeen)
		if err := putLine.add(l.ID, first, last, data); err != nil {
			return err
		}
		for _, sid := range l.StoryIDs {
			if _, err := setLine.ExecContext(rowCtx, l.ID, sid); err != nil {
				return fmt.Errorf("save analysis: storyline %s: %w", l.ID, err)
			}
		}
	}
	if err := putLine.flush(); err != nil {
		return err
	}
	for _, id := range b.DeletedEntities {
		if err := exec("entity "+id, `DELETE FROM entities WHERE id = ?`, id); err != nil {
			return err
		}
	}
	putEntity := newMultiRow(rowCtx, tx, "save analysis: entities",
		`INSERT INTO entities (id, name, kind, mentions, data, names) VALUES`,
		`ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, mentions = excluded.mentions,
			data = excluded.data, names = excluded.names`, 6)
	defer putEntity.close()
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("save analysis: %w", err)
	}
	for _, e := range b.Entities {
		data, err := enc.text(e)
		if err != nil {
			return fmt.Errorf("save analysis: entity %s: %w", e.ID, err)
		}
		if err := putEntity.add(e.ID, e.Name, e.Kind, e.Mentions, data, analysisrow.EntityNames(e)); err != nil {
			return err
		}
	}
	if err := putEntity.flush(); err != nil {
		return err
	}
	putEntityID := newMultiRow(rowCtx, tx, "save analysis: entity ids",
		`INSERT INTO entity_ids (local_id, canonical_id) VALUES`,
		`ON CONFLICT (local_id) DO UPDATE SET canonical_id = excluded.canonical_id`, 2)
	defer putEntityID.close()
	for local, canon := range b.EntityIDs {
		if err := putEntityID.add(local, canon); err != nil {
			return err
		}
	}
	if err := putEntityID.flush(); err != nil {
		return err
	}
	for name, data := range b.State {
		if err := exec("state "+name, `INSERT INTO stage_state (name, data) VALUES (?, ?)
			ON CONFLICT (name) DO UPDATE SET data = excluded.data`, name, data); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save analysis: commit: %w", err)
	}
	return nil
}

// ResetAnalysis implements store.Analyses.
func (db *DB) ResetAnalysis(ctx context.Context) error {
	_, err := db.write.ExecContext(ctx, `DELETE FROM analysis; DELETE FROM quotes; DELETE FROM stories;
		DELETE FROM storylines; DELETE FROM merges; DELETE FROM entities; DELETE FROM entity_ids; DELETE FROM stage_state;`)
	if err != nil {
		return fmt.Errorf("reset analysis: %w", err)
	}
	return nil
}

// resolve follows merge records from id to the ID it was folded into.
func (db *DB) resolve(ctx context.Context, kind, id string) (string, error) {
	for range 64 { // merge chains are short; the bound guards against cycles
		var into string
		err := db.read.QueryRowContext(ctx, `SELECT into_id FROM merges WHERE kind = ? AND from_id = ?`, kind, id).Scan(&into)
		if errors.Is(err, sql.ErrNoRows) {
			return id, nil
		}
		if err != nil {
			return "", err
		}
		id = into
	}
	return id, nil
}

func scanStory(s scanner) (news.Story, error) {
	var st news.Story
	var data, line string
	if err := s.Scan(&line, &data); err != nil {
		return st, err
	}
	if err := json.Unmarshal([]byte(data), &st); err != nil {
		return st, fmt.Errorf("stored story: %w", err)
	}
	st.StorylineID = line
	return st, nil
}

// Stories implements store.Analyses.
func (db *DB) Stories(ctx context.Context, q store.StoryQuery) ([]news.Story, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	where := []string{"1=1"}
	var args []any
	if q.StorylineID != "" {
		id, err := db.resolve(ctx, "storyline", q.StorylineID)
		if err != nil {
			return nil, fmt.Errorf("stories: %w", err)
		}
		where, args = append(where, "storyline_id = ?"), append(args, id)
	}
	if strings.TrimSpace(q.Outlet) != "" {
		// Any spelling of the outlet (analysisrow.OutletPattern); rows
		// saved before outlet_names was filled match the name as written.
		where = append(where, `(outlet_names LIKE ? ESCAPE '\'
			OR (outlet_names = '' AND EXISTS (SELECT 1 FROM json_each(data, '$.outlets') WHERE value = ?)))`)
		args = append(args, analysisrow.OutletPattern(q.Outlet), q.Outlet)
	}
	if !q.Since.IsZero() {
		t, _ := encodeTime(q.Since)
		where, args = append(where, "last_seen >= ?"), append(args, t)
	}
	if !q.Until.IsZero() {
		t, _ := encodeTime(q.Until)
		where, args = append(where, "first_seen < ?"), append(args, t)
	}
	args = append(args, limit, q.Offset)
	rows, err := db.read.QueryContext(ctx, `SELECT storyline_id, data FROM stories WHERE `+strings.Join(where, " AND ")+`
		ORDER BY last_seen IS NULL, last_seen DESC, id LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	defer rows.Close()
	var out []news.Story
	for rows.Next() {
		s, err := scanStory(rows)
		if err != nil {
			return nil, fmt.Errorf("stories: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	return out, nil
}

// Story implements store.Analyses.
func (db *DB) Story(ctx context.Context, id string) (news.Story, error) {
	rid, err := db.resolve(ctx, "story", id)
	if err != nil {
		return news.Story{}, fmt.Errorf("story %s: %w", id, err)
	}
	s, err := scanStory(db.read.QueryRowContext(ctx, `SELECT storyline_id, data FROM stories WHERE id = ?`, rid))
	if errors.Is(err, sql.ErrNoRows) {
		return news.Story{}, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return news.Story{}, fmt.Errorf("story %s: %w", id, err)
	}
	return s, nil
}

// Storylines implements store.Analyses.
func (db *DB) Storylines(ctx context.Context) ([]news.Storyline, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT data FROM storylines ORDER BY last_seen IS NULL, last_seen DESC, id`)
	if err != nil {
		return nil, fmt.Errorf("storylines: %w", err)
	}
	defer rows.Close()
	var out []news.Storyline
	for rows.Next() {
		var data string
		if err := rows.Scan(&data); err != nil {
			return nil, fmt.Errorf("storylines: %w", err)
		}
		var l news.Storyline
		if err := json.Unmarshal([]byte(data), &l); err != nil {
			return nil, fmt.Errorf("storylines: stored storyline: %w", err)
		}
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storylines: %w", err)
	}
	return out, nil
}

// Storyline implements store.Analyses.
func (db *DB) Storyline(ctx context.Context, id string) (news.Storyline, error) {
	rid, err := db.resolve(ctx, "storyline", id)
	if err != nil {
		return news.Storyline{}, fmt.Errorf("storyline %s: %w", id, err)
	}
	var data string
	err = db.read.QueryRowContext(ctx, `SELECT data FROM storylines WHERE id = ?`, rid).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return news.Storyline{}, fmt.Errorf("storyline %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return news.Storyline{}, fmt.Errorf("storyline %s: %w", id, err)
	}
	var l news.Storyline
	if err := json.Unmarshal([]byte(data), &l); err != nil {
		return news.Storyline{}, fmt.Errorf("storyline %s: %w", id, err)
	}
	return l, nil
}

// canonical maps the given per-article entity IDs to cross-article ones
// (IDs without a mapping are left out).
func (db *DB) canonical(ctx context.Context, ids []string) (map[string]string, error) {
	m := map[string]string{}
	if len(ids) == 0 {
		return m, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := db.read.QueryContext(ctx, `SELECT local_id, canonical_id FROM entity_ids
		WHERE local_id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var l, c string
		if err := rows.Scan(&l, &c); err != nil {
			return nil, err
		}
		m[l] = c
	}
	return m, rows.Err()
}

// Analysis implements store.Analyses.
func (db *DB) Analysis(ctx context.Context, articleID string) (store.ArticleAnalysis, error) {
	var (
		seq  int64
		out  = store.ArticleAnalysis{ArticleID: articleID}
		data string
	)
	err := db.read.QueryRowContext(ctx, `SELECT z.article_seq, z.story_id, z.duplicate_of, z.data FROM analysis z
		JOIN articles a ON a.seq = z.article_seq WHERE a.id = ?`, articleID).Scan(&seq, &out.StoryID, &out.DuplicateOf, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return out, fmt.Errorf("analysis of %s: %w", articleID, store.ErrNotFound)
	}
	if err != nil {
		return out, fmt.Errorf("analysis of %s: %w", articleID, err)
	}
	err = analysisrow.Read(ctx, &out, []byte(data), analysisrow.Lookups{Resolve: db.resolve, Canonical: db.canonical, Quotes: db.Quotes})
	return out, err
}

// Quotes implements store.Analyses.
func (db *DB) Quotes(ctx context.Context, q store.QuoteQuery) ([]news.Quote, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	where := []string{"1=1"}
	var args []any
	if q.ArticleID != "" {
		where, args = append(where, "a.id = ?"), append(args, q.ArticleID)
	}
	if q.StoryID != "" {
		s, err := db.Story(ctx, q.StoryID)
		if err != nil {
			return nil, fmt.Errorf("quotes: %w", err)
		}
		ids, _ := json.Marshal(s.ArticleIDs)
		where, args = append(where, "a.id IN (SELECT value FROM json_each(?))"), append(args, string(ids))
	}
	speakerID := `COALESCE(m.canonical_id, q.speaker_id)`
	if q.SpeakerID != "" {
		where, args = append(where, speakerID+" = ?"), append(args, q.SpeakerID)
	}
	if q.Speaker != "" {
		names, nargs := nameMatch("e", q.Speaker)
		like := analysisrow.NamePatterns(q.Speaker)[0]
		where = append(where, `(lower(q.speaker) LIKE ? ESCAPE '\' OR `+speakerID+` = ? OR `+speakerID+` IN (SELECT e.id FROM entities e WHERE `+names+`))`)
		args = append(append(args, like, q.Speaker), nargs...)
	}
	args = append(args, limit, q.Offset)
	rows, err := db.read.QueryContext(ctx, `SELECT q.data, `+speakerID+`, COALESCE(e.name, '') FROM quotes q
		JOIN articles a ON a.seq = q.article_seq
		LEFT JOIN entity_ids m ON m.local_id = q.speaker_id
		LEFT JOIN entities e ON e.id = `+speakerID+`
		WHERE `+strings.Join(where, " AND ")+`
		ORDER BY a.published IS NULL, a.published DESC, a.seq DESC, q.idx LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	defer rows.Close()
	var out []news.Quote
	for rows.Next() {
		var data, sid, name string
		if err := rows.Scan(&data, &sid, &name); err != nil {
			return nil, fmt.Errorf("quotes: %w", err)
		}
		qu, err := analysisrow.Quote([]byte(data), sid, name)
		if err != nil {
			return nil, fmt.Errorf("quotes: %w", err)
		}
		out = append(out, qu)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	return out, nil
}

// nameMatch returns the condition that an entity (table or alias t) is
// named q in any script, and its arguments: the folded query against the
// names column (analysisrow.NamePatterns), or, for rows saved before the
// column was filled, the name and aliases lowered as before.
func nameMatch(t, q string) (string, []any) {
	pats := analysisrow.NamePatterns(q)
	if len(pats) == 0 {
		return "1=1", nil
	}
	var or []string
	var args []any
	for _, p := range pats {
		or, args = append(or, t+`.names LIKE ? ESCAPE '\'`), append(args, p)
	}
	or = append(or, `(`+t+`.names = '' AND (lower(`+t+`.name) LIKE ? ESCAPE '\'
		OR EXISTS (SELECT 1 FROM json_each(`+t+`.data, '$.aliases') WHERE lower(value) LIKE ? ESCAPE '\')))`)
	args = append(args, pats[0], pats[0])
	return "(" + strings.Join(or, " OR ") + ")", args
}

// Entities implements store.Analyses.
func (db *DB) Entities(ctx context.Context, q store.EntityQuery) ([]news.Entity, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	where := []string{"1=1"}
	var args []any
	if q.Kind != "" {
		where, args = append(where, "kind = ?"), append(args, q.Kind)
	}
	if strings.TrimSpace(q.Name) != "" {
		names, nargs := nameMatch("entities", q.Name)
		where, args = append(where, names), append(args, nargs...)
	}
	args = append(args, limit, q.Offset)
	rows, err := db.read.QueryContext(ctx, `SELECT data FROM entities WHERE `+strings.Join(where, " AND ")+`
		ORDER BY mentions DESC, name, id LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	defer rows.Close()
	var out []news.Entity
	for rows.Next() {
		var data string
		if err := rows.Scan(&data); err != nil {
			return nil, fmt.Errorf("entities: %w", err)
		}
		var e news.Entity
		if err := json.Unmarshal([]byte(data), &e); err != nil {
			return nil, fmt.Errorf("entities: stored entity: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	return out, nil
}

// Entity implements store.Analyses.
func (db *DB) Entity(ctx context.Context, id string) (news.Entity, error) {
	var data string
	err := db.read.QueryRowContext(ctx, `SELECT data FROM entities WHERE id = COALESCE((SELECT canonical_id FROM entity_ids WHERE local_id = ?), ?)`, id, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return news.Entity{}, fmt.Errorf("entity %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return news.Entity{}, fmt.Errorf("entity %s: %w", id, err)
	}
	var e news.Entity
	if err := json.Unmarshal([]byte(data), &e); err != nil {
		return news.Entity{}, fmt.Errorf("entity %s: %w", id, err)
	}
	return e, nil
}
