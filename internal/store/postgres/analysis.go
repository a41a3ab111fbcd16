package postgres

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/analysisrow"
)

// PendingArticles implements store.Analyses.
func (db *DB) PendingArticles(ctx context.Context, limit int) ([]news.Article, error) {
	if limit <= 0 {
		limit = defaultLimit
	}
	// From the pending table (migration 8, kept by triggers): a batch
	// reads what it takes, whatever the size of the collection.
	rows, err := db.pool.Query(ctx, `SELECT `+articleColumns+` FROM articles a
		WHERE a.seq IN (SELECT p.seq FROM pending p ORDER BY p.seq LIMIT $1)
		ORDER BY a.seq`, limit)
	if err != nil {
		return nil, fmt.Errorf("pending articles: %w", err)
	}
	out, err := collectArticles(rows, min(limit, 256))
	if err != nil {
		return nil, fmt.Errorf("pending articles: %w", err)
	}
	return out, nil
}

// WalkAnalysed implements store.Analyses.
func (db *DB) WalkAnalysed(ctx context.Context, fn func(news.Article) error) error {
	const page = 1000
	after := int64(-1)
	for {
		rows, err := db.pool.Query(ctx, `SELECT `+articleColumns+`, z.analysed_order FROM analysis z
			JOIN articles a ON a.seq = z.article_seq
			WHERE z.analysed_order > $1 ORDER BY z.analysed_order LIMIT $2`, after, page)
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
		rows.Close()
		if err := rows.Err(); err != nil {
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
	if !storable(name) {
		return nil, db.alive(ctx)
	}
	var data []byte
	err := db.pool.QueryRow(ctx, `SELECT data FROM stage_state WHERE name = $1`, name).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load state %s: %w", name, err)
	}
	if data == nil {
		data = []byte{}
	}
	return data, nil
}

// marshal returns v as JSON for a jsonb column, which cannot hold the NUL
// character: a value holding one is refused with store.ErrInvalid.
func marshal(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	if bytes.Contains(b, []byte(`\u0000`)) {
		return "", fmt.Errorf("%w: NUL character", store.ErrInvalid)
	}
	return string(b), nil
}

// SaveAnalysis implements store.Analyses. The writes go to the server as
// one pipelined batch inside the transaction.
func (db *DB) SaveAnalysis(ctx context.Context, b store.AnalysisBatch) (err error) {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("save analysis: begin: %w", err)
	}
	defer func() {
		if err != nil {
			rollback(ctx, tx)
			err = canceled(ctx, err)
		}
	}()

	if len(b.Requires) > 0 {
		if err := requireState(ctx, tx, b.Requires); err != nil {
			return err
		}
	}

	// The row keys of the analysed articles, all of which must be stored.
	seqOf := map[string]int64{}
	if len(b.Articles) > 0 {
		ids := make([]string, 0, len(b.Articles))
		for _, a := range b.Articles {
			if !storable(a.ArticleID) {
				return fmt.Errorf("save analysis: article %q: %w", a.ArticleID, store.ErrNotFound)
			}
			ids = append(ids, a.ArticleID)
		}
		rows, err := tx.Query(ctx, `SELECT id, seq FROM articles WHERE id = ANY($1)`, ids)
		if err != nil {
			return fmt.Errorf("save analysis: %w", err)
		}
		for rows.Next() {
			var id string
			var seq int64
			if err := rows.Scan(&id, &seq); err != nil {
				rows.Close()
				return fmt.Errorf("save analysis: %w", err)
			}
			seqOf[id] = seq
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("save analysis: %w", err)
		}
	}

	var (
		batch pgx.Batch
		what  []string // what each queued statement writes, for errors
	)
	queue := func(w, sql string, args ...any) {
		batch.Queue(sql, args...)
		what = append(what, w)
	}
	for _, a := range b.Articles {
		seq, ok := seqOf[a.ArticleID]
		if !ok {
			return fmt.Errorf("save analysis: article %s: %w", a.ArticleID, store.ErrNotFound)
		}
		data, err := marshal(analysisrow.Data{Mentions: a.Mentions, Timexes: a.Timexes, AnalysedChars: a.AnalysedChars})
		if err != nil {
			return fmt.Errorf("save analysis: article %s: %w", a.ArticleID, err)
		}
		w := "article " + a.ArticleID
		queue(w, `INSERT INTO analysis (article_seq, story_id, duplicate_of, data) VALUES ($1, $2, $3, $4)
			ON CONFLICT (article_seq) DO UPDATE SET
			story_id = excluded.story_id, duplicate_of = excluded.duplicate_of, data = excluded.data`,
			seq, a.StoryID, a.DuplicateOf, data)
		queue(w, `DELETE FROM quotes WHERE article_seq = $1`, seq)
		for i, q := range a.Quotes {
			q.ArticleID = a.ArticleID
			qd, err := marshal(q)
			if err != nil {
				return fmt.Errorf("save analysis: article %s: quote %d: %w", a.ArticleID, i, err)
			}
			queue(fmt.Sprintf("%s: quote %d", w, i),
				`INSERT INTO quotes (article_seq, idx, speaker, speaker_id, direct, data) VALUES ($1, $2, $3, $4, $5, $6)`,
				seq, i, q.Speaker, q.SpeakerID, q.Direct, qd)
		}
	}
	for _, s := range b.Stories {
		data, err := marshal(s)
		if err != nil {
			return fmt.Errorf("save analysis: story %s: %w", s.ID, err)
		}
		queue("story "+s.ID, `INSERT INTO stories (id, storyline_id, first_seen, last_seen, data, outlet_names) VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT (id) DO UPDATE SET storyline_id = excluded.storyline_id, first_seen = excluded.first_seen,
			last_seen = excluded.last_seen, data = excluded.data, outlet_names = excluded.outlet_names`,
			s.ID, s.StorylineID, timeArg(s.FirstSeen), timeArg(s.LastSeen), data, analysisrow.StoryOutlets(s))
	}
	for _, m := range b.Merges {
		queue("merge "+m.From, `INSERT INTO merges (kind, from_id, into_id, at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (kind, from_id) DO UPDATE SET into_id = excluded.into_id, at = excluded.at`,
			m.Kind, m.From, m.Into, timeArg(m.At))
		if m.Kind == "story" {
			queue("merge "+m.From, `DELETE FROM stories WHERE id = $1`, m.From)
		}
	}
	for _, id := range b.DeletedStorylines {
		queue("storyline "+id, `DELETE FROM storylines WHERE id = $1`, id)
	}
	for _, l := range b.Storylines {
		data, err := marshal(l)
		if err != nil {
			return fmt.Errorf("save analysis: storyline %s: %w", l.ID, err)
		}
		queue("storyline "+l.ID, `INSERT INTO storylines (id, first_seen, last_seen, data) VALUES ($1, $2, $3, $4)
			ON CONFLICT (id) DO UPDATE SET first_seen = excluded.first_seen, last_seen = excluded.last_seen, data = excluded.data`,
			l.ID, timeArg(l.FirstSeen), timeArg(l.LastSeen), data)
		if len(l.StoryIDs) > 0 {
			queue("storyline "+l.ID, `UPDATE stories SET storyline_id = $1 WHERE id = ANY($2)`, l.ID, l.StoryIDs)
		}
	}
	for _, id := range b.DeletedEntities {
		queue("entity "+id, `DELETE FROM entities WHERE id = $1`, id)
	}
	for _, e := range b.Entities {
		data, err := marshal(e)
		if err != nil {
			return fmt.Errorf("save analysis: entity %s: %w", e.ID, err)
		}
		queue("entity "+e.ID, `INSERT INTO entities (id, name, kind, mentions, data, names) VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, mentions = excluded.mentions,
				data = excluded.data, names = excluded.names`,
			e.ID, e.Name, e.Kind, e.Mentions, data, analysisrow.EntityNames(e))
	}
	if len(b.EntityIDs) > 0 {
		locals := make([]string, 0, len(b.EntityIDs))
		canons := make([]string, 0, len(b.EntityIDs))
		for l, c := range b.EntityIDs {
			locals, canons = append(locals, l), append(canons, c)
		}
		queue("entity ids", `INSERT INTO entity_ids (local_id, canonical_id) SELECT * FROM unnest($1::text[], $2::text[])
			ON CONFLICT (local_id) DO UPDATE SET canonical_id = excluded.canonical_id`, locals, canons)
	}
	for name, data := range b.State {
		if data == nil {
			data = []byte{}
		}
		queue("state "+name, `INSERT INTO stage_state (name, data) VALUES ($1, $2)
			ON CONFLICT (name) DO UPDATE SET data = excluded.data`, name, data)
	}
	if batch.Len() > 0 {
		res := tx.SendBatch(ctx, &batch)
		for _, w := range what {
			if _, err := res.Exec(); err != nil {
				res.Close()
				return fmt.Errorf("save analysis: %s: %w", w, err)
			}
		}
		if err := res.Close(); err != nil {
			return fmt.Errorf("save analysis: %w", err)
		}
	}
	if err := commit(ctx, tx); err != nil {
		return fmt.Errorf("save analysis: commit: %w", err)
	}
	return nil
}

// requireState checks a batch's Requires inside its transaction. A
// transaction-scoped advisory lock (per schema) serialises the batches
// that require something, so the values read are the last committed ones
// and no other such batch can commit between the check and this one's
// commit; read committed, each statement after the lock sees them.
func requireState(ctx context.Context, tx pgx.Tx, req map[string][]byte) error {
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended('parallax analysis save ' || current_schema(), 0))`); err != nil {
		return fmt.Errorf("save analysis: lock: %w", err)
	}
	for name, want := range req {
		var got []byte
		err := tx.QueryRow(ctx, `SELECT data FROM stage_state WHERE name = $1`, name).Scan(&got)
		ok := err == nil
		if errors.Is(err, pgx.ErrNoRows) {
			err = nil
		}
		if err != nil {
			return fmt.Errorf("save analysis: state %s: %w", name, err)
		}
		if err := store.CheckRequired(name, want, got, ok); err != nil {
			return fmt.Errorf("save analysis: %w", err)
		}
	}
	return nil
}

// ResetAnalysis implements store.Analyses.
func (db *DB) ResetAnalysis(ctx context.Context) (err error) {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("reset analysis: begin: %w", err)
	}
	defer func() {
		if err != nil {
			rollback(ctx, tx)
		}
	}()
	for _, table := range []string{"analysis", "quotes", "stories", "storylines", "merges", "entities", "entity_ids", "stage_state"} {
		if _, err := tx.Exec(ctx, `DELETE FROM `+table); err != nil {
			return fmt.Errorf("reset analysis: %s: %w", table, err)
		}
	}
	if err := commit(ctx, tx); err != nil {
		return fmt.Errorf("reset analysis: commit: %w", err)
	}
	return nil
}

// resolve follows merge records from id to the ID it was folded into.
func (db *DB) resolve(ctx context.Context, kind, id string) (string, error) {
	var into string
	// Merge chains are short; the depth bound guards against cycles.
	err := db.pool.QueryRow(ctx, `WITH RECURSIVE chain (id, depth) AS (
			SELECT $2::text COLLATE "C", 0
			UNION ALL
			SELECT m.into_id, c.depth + 1 FROM merges m JOIN chain c ON m.kind = $1 AND m.from_id = c.id
			WHERE c.depth < 64
		)
		SELECT id FROM chain ORDER BY depth DESC LIMIT 1`, kind, id).Scan(&into)
	if err != nil {
		return "", err
	}
	return into, nil
}

func scanStory(s scanner) (news.Story, error) {
	var st news.Story
	var data []byte
	var line string
	if err := s.Scan(&line, &data); err != nil {
		return st, err
	}
	if err := json.Unmarshal(data, &st); err != nil {
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
	for _, s := range []string{q.StorylineID, q.Outlet} {
		if !storable(s) {
			if err := db.alive(ctx); err != nil {
				return nil, fmt.Errorf("stories: %w", err)
			}
			return nil, nil
		}
	}
	where := []string{"true"}
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	if q.StorylineID != "" {
		id, err := db.resolve(ctx, "storyline", q.StorylineID)
		if err != nil {
			return nil, fmt.Errorf("stories: %w", err)
		}
		where = append(where, "storyline_id = "+arg(id))
	}
	if strings.TrimSpace(q.Outlet) != "" {
		// Any spelling of the outlet (analysisrow.OutletPattern); rows
		// saved before outlet_names was filled match the name as written.
		where = append(where, "(outlet_names LIKE "+arg(analysisrow.OutletPattern(q.Outlet))+
			" OR (outlet_names = '' AND data->'outlets' ? "+arg(q.Outlet)+"))")
	}
	if !q.Since.IsZero() {
		where = append(where, "last_seen >= "+arg(q.Since.UTC()))
	}
	if !q.Until.IsZero() {
		where = append(where, "first_seen < "+arg(q.Until.UTC()))
	}
	rows, err := db.pool.Query(ctx, `SELECT storyline_id, data FROM stories WHERE `+strings.Join(where, " AND ")+`
		ORDER BY last_seen DESC NULLS LAST, id LIMIT `+arg(limit)+` OFFSET `+arg(max(q.Offset, 0)), args...)
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
	if !storable(id) {
		if err := db.alive(ctx); err != nil {
			return news.Story{}, fmt.Errorf("story %q: %w", id, err)
		}
		return news.Story{}, fmt.Errorf("story %q: %w", id, store.ErrNotFound)
	}
	rid, err := db.resolve(ctx, "story", id)
	if err != nil {
		return news.Story{}, fmt.Errorf("story %s: %w", id, err)
	}
	s, err := scanStory(db.pool.QueryRow(ctx, `SELECT storyline_id, data FROM stories WHERE id = $1`, rid))
	if errors.Is(err, pgx.ErrNoRows) {
		return news.Story{}, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return news.Story{}, fmt.Errorf("story %s: %w", id, err)
	}
	return s, nil
}

// Storylines implements store.Analyses.
func (db *DB) Storylines(ctx context.Context) ([]news.Storyline, error) {
	rows, err := db.pool.Query(ctx, `SELECT data FROM storylines ORDER BY last_seen DESC NULLS LAST, id`)
	if err != nil {
		return nil, fmt.Errorf("storylines: %w", err)
	}
	defer rows.Close()
	var out []news.Storyline
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			return nil, fmt.Errorf("storylines: %w", err)
		}
		var l news.Storyline
		if err := json.Unmarshal(data, &l); err != nil {
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
	if !storable(id) {
		if err := db.alive(ctx); err != nil {
			return news.Storyline{}, fmt.Errorf("storyline %q: %w", id, err)
		}
		return news.Storyline{}, fmt.Errorf("storyline %q: %w", id, store.ErrNotFound)
	}
	rid, err := db.resolve(ctx, "storyline", id)
	if err != nil {
		return news.Storyline{}, fmt.Errorf("storyline %s: %w", id, err)
	}
	var data []byte
	err = db.pool.QueryRow(ctx, `SELECT data FROM storylines WHERE id = $1`, rid).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) {
		return news.Storyline{}, fmt.Errorf("storyline %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return news.Storyline{}, fmt.Errorf("storyline %s: %w", id, err)
	}
	var l news.Storyline
	if err := json.Unmarshal(data, &l); err != nil {
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
	rows, err := db.pool.Query(ctx, `SELECT local_id, canonical_id FROM entity_ids WHERE local_id = ANY($1)`, ids)
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
	out := store.ArticleAnalysis{ArticleID: articleID}
	if !storable(articleID) {
		if err := db.alive(ctx); err != nil {
			return out, fmt.Errorf("analysis of %q: %w", articleID, err)
		}
		return out, fmt.Errorf("analysis of %q: %w", articleID, store.ErrNotFound)
	}
	var data []byte
	err := db.pool.QueryRow(ctx, `SELECT z.story_id, z.duplicate_of, z.data FROM analysis z
		JOIN articles a ON a.seq = z.article_seq WHERE a.id = $1`, articleID).Scan(&out.StoryID, &out.DuplicateOf, &data)
	if errors.Is(err, pgx.ErrNoRows) {
		return out, fmt.Errorf("analysis of %s: %w", articleID, store.ErrNotFound)
	}
	if err != nil {
		return out, fmt.Errorf("analysis of %s: %w", articleID, err)
	}
	err = analysisrow.Read(ctx, &out, data, analysisrow.Lookups{Resolve: db.resolve, Canonical: db.canonical, Quotes: db.Quotes})
	return out, err
}

// likePattern returns a case-folded LIKE pattern matching s anywhere, with
// LIKE's own characters in s taken literally.
func likePattern(s string) string {
	s = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(strings.ToLower(s))
	return "%" + s + "%"
}

// aliasMatch is true when an alias in the entity's JSON (data, at the SQL
// expression e) matches the LIKE pattern in parameter p.
func aliasMatch(e, p string) string {
	return `EXISTS (SELECT 1 FROM jsonb_array_elements_text(CASE jsonb_typeof(` + e + `->'aliases')
		WHEN 'array' THEN ` + e + `->'aliases' ELSE '[]' END) AS al (v) WHERE lower(al.v) LIKE ` + p + `)`
}

// nameMatch returns the condition that an entity (table or alias t) is
// named q in any script, adding its parameters with arg: the folded query
// against the names column (analysisrow.NamePatterns), or, for rows saved
// before the column was filled, the name and aliases lowered as before.
func nameMatch(t, q string, arg func(any) string) string {
	pats := analysisrow.NamePatterns(q)
	if len(pats) == 0 {
		return "true"
	}
	var or []string
	for _, p := range pats {
		or = append(or, t+".names LIKE "+arg(p))
	}
	like := arg(pats[0])
	or = append(or, `(`+t+`.names = '' AND (lower(`+t+`.name) LIKE `+like+` OR `+aliasMatch(t+".data", like)+`))`)
	return "(" + strings.Join(or, " OR ") + ")"
}

// Quotes implements store.Analyses.
func (db *DB) Quotes(ctx context.Context, q store.QuoteQuery) ([]news.Quote, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	for _, s := range []string{q.Speaker, q.SpeakerID, q.ArticleID, q.StoryID} {
		if !storable(s) {
			if err := db.alive(ctx); err != nil {
				return nil, fmt.Errorf("quotes: %w", err)
			}
			return nil, nil
		}
	}
	where := []string{"true"}
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	if q.ArticleID != "" {
		where = append(where, "a.id = "+arg(q.ArticleID))
	}
	if q.StoryID != "" {
		s, err := db.Story(ctx, q.StoryID)
		if err != nil {
			return nil, fmt.Errorf("quotes: %w", err)
		}
		ids := s.ArticleIDs
		if ids == nil {
			ids = []string{}
		}
		where = append(where, "a.id = ANY("+arg(ids)+")")
	}
	speakerID := `COALESCE(m.canonical_id, q.speaker_id)`
	if q.SpeakerID != "" {
		where = append(where, speakerID+" = "+arg(q.SpeakerID))
	}
	if q.Speaker != "" {
		like := arg(likePattern(q.Speaker))
		where = append(where, `(lower(q.speaker) LIKE `+like+` OR `+speakerID+` = `+arg(q.Speaker)+` OR `+speakerID+
			` IN (SELECT e2.id FROM entities e2 WHERE `+nameMatch("e2", q.Speaker, arg)+`))`)
	}
	rows, err := db.pool.Query(ctx, `SELECT q.data, `+speakerID+`, COALESCE(e.name, '') FROM quotes q
		JOIN articles a ON a.seq = q.article_seq
		LEFT JOIN entity_ids m ON m.local_id = q.speaker_id
		LEFT JOIN entities e ON e.id = `+speakerID+`
		WHERE `+strings.Join(where, " AND ")+`
		ORDER BY a.published DESC NULLS LAST, a.seq DESC, q.idx LIMIT `+arg(limit)+` OFFSET `+arg(max(q.Offset, 0)), args...)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	defer rows.Close()
	var out []news.Quote
	for rows.Next() {
		var data []byte
		var sid, name string
		if err := rows.Scan(&data, &sid, &name); err != nil {
			return nil, fmt.Errorf("quotes: %w", err)
		}
		qu, err := analysisrow.Quote(data, sid, name)
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

// Entities implements store.Analyses.
func (db *DB) Entities(ctx context.Context, q store.EntityQuery) ([]news.Entity, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	for _, s := range []string{q.Kind, q.Name} {
		if !storable(s) {
			if err := db.alive(ctx); err != nil {
				return nil, fmt.Errorf("entities: %w", err)
			}
			return nil, nil
		}
	}
	where := []string{"true"}
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	if q.Kind != "" {
		where = append(where, "kind = "+arg(q.Kind))
	}
	if q.Name != "" {
		where = append(where, nameMatch("entities", q.Name, arg))
	}
	rows, err := db.pool.Query(ctx, `SELECT data FROM entities WHERE `+strings.Join(where, " AND ")+`
		ORDER BY mentions DESC, name COLLATE "C", id LIMIT `+arg(limit)+` OFFSET `+arg(max(q.Offset, 0)), args...)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	defer rows.Close()
	var out []news.Entity
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			return nil, fmt.Errorf("entities: %w", err)
		}
		var e news.Entity
		if err := json.Unmarshal(data, &e); err != nil {
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
	if !storable(id) {
		if err := db.alive(ctx); err != nil {
			return news.Entity{}, fmt.Errorf("entity %q: %w", id, err)
		}
		return news.Entity{}, fmt.Errorf("entity %q: %w", id, store.ErrNotFound)
	}
	var data []byte
	err := db.pool.QueryRow(ctx, `SELECT data FROM entities
		WHERE id = COALESCE((SELECT canonical_id FROM entity_ids WHERE local_id = $1), $1)`, id).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) {
		return news.Entity{}, fmt.Errorf("entity %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return news.Entity{}, fmt.Errorf("entity %s: %w", id, err)
	}
	var e news.Entity
	if err := json.Unmarshal(data, &e); err != nil {
		return news.Entity{}, fmt.Errorf("entity %s: %w", id, err)
	}
	return e, nil
}
