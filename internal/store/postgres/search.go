package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/store"
)

// Marks that ts_headline puts around matched words. They are private-use
// characters, so that a snippet with a match can be told from one without
// even when the text has brackets of its own; Search turns them into "["
// and "]".
const (
	markStart = "\uE000"
	markStop  = "\uE001"
)

// headlineOptions make a snippet of about 24 words around the best match,
// like the SQLite store's.
const headlineOptions = `StartSel=` + markStart + `, StopSel=` + markStop + `, MaxWords=24, MinWords=12, ShortWord=2`

// searchSQL ranks the articles matching the query that search_query (see
// the first migration) builds from $1 (plain words), $2 (phrases) and $3
// (prefix terms), then makes snippets for the best $4 only. ts_rank weighs
// title words (A) 1.0 and text words (B) 0.2, as the SQLite store's bm25
// weighs the columns 5:1, and divides by 1 + log(length) so that a passing
// mention in a long text ranks below the same words in a short one.
const searchSQL = `SELECT ` + articleColumns + `,
	ts_headline('simple', a.text, q, $5), ts_headline('simple', a.title, q, $5), h.score
FROM (
	SELECT a.seq, ts_rank('{0, 0, 0.2, 1.0}', a.fts, search_query($1, $2, $3), 1)::float8 AS score
	FROM articles a
	WHERE a.fts @@ search_query($1, $2, $3)
	ORDER BY score DESC, a.seq DESC
	LIMIT $4
) h JOIN articles a ON a.seq = h.seq, search_query($1, $2, $3) AS q
ORDER BY h.score DESC, h.seq DESC`

// Search implements store.Store.
func (db *DB) Search(ctx context.Context, query string, limit int) ([]store.SearchHit, error) {
	q := ParseQuery(query)
	if q.Empty() {
		if err := db.alive(ctx); err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
		return nil, nil
	}
	if limit <= 0 {
		limit = defaultLimit
	}
	phrases := q.Phrases
	if phrases == nil {
		phrases = []string{}
	}
	// Each search is planned with its own words (QueryExecModeExec): the
	// planner then folds search_query into a constant and picks the index
	// or a scan from a real estimate.
	rows, err := db.pool.Query(ctx, searchSQL, pgx.QueryExecModeExec,
		strings.Join(q.Words, " "), phrases, q.PrefixQuery(), limit, headlineOptions)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, withContext(ctx, err))
	}
	defer rows.Close()
	var hits []store.SearchHit
	for rows.Next() {
		var (
			h               store.SearchHit
			inText, inTitle string
		)
		a, err := scanArticle(rows, &inText, &inTitle, &h.Score)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
		h.Article = a
		h.Snippet = snippet(inText, inTitle)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", query, withContext(ctx, err))
	}
	return hits, nil
}

// snippet picks the text's headline when it marks a match, else the
// title's (the words matched only there), and writes it on one line with
// the marks as "[" and "]".
func snippet(inText, inTitle string) string {
	s := inText
	if !strings.Contains(inText, markStart) && strings.Contains(inTitle, markStart) {
		s = inTitle
	}
	s = strings.NewReplacer(markStart, "[", markStop, "]").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// Query is user search text split into what the SQL query takes.
type Query struct {
	Words    []string // plain words, all required
	Phrases  []string // quoted phrases
	Prefixes [][]string
	// Prefixes holds one entry per word that ended in "*": its runs of
	// letters and digits, the last of which matches as a prefix.
}

// Empty reports whether nothing searchable is left.
func (q Query) Empty() bool {
	return len(q.Words) == 0 && len(q.Phrases) == 0 && len(q.Prefixes) == 0
}

// PrefixQuery returns the prefix terms in to_tsquery syntax ("" for none):
// each term's runs in sequence (<->), the last with :*, terms joined by &.
// Runs hold only letters, marks and digits, so quoting them is enough.
func (q Query) PrefixQuery() string {
	terms := make([]string, len(q.Prefixes))
	for i, runs := range q.Prefixes {
		parts := make([]string, len(runs))
		for j, r := range runs {
			parts[j] = "'" + r + "'"
		}
		terms[i] = strings.Join(parts, " <-> ") + ":*"
	}
	return strings.Join(terms, " & ")
}

// ParseQuery splits user search text into terms as store.SearchTerms does
// (the syntax the SQLite store's MatchQuery reads too) and sorts them into
// words, phrases and prefixes. A prefix term keeps its runs of letters,
// marks and digits that hold a letter or a digit.
func ParseQuery(text string) Query {
	var q Query
	for _, t := range store.SearchTerms(text) {
		switch {
		case t.Phrase:
			q.Phrases = append(q.Phrases, t.Text)
		case t.Prefix:
			var runs []string
			for _, r := range strings.FieldsFunc(t.Text, func(r rune) bool { return !wordRune(r) }) {
				if store.Searchable(r) {
					runs = append(runs, r)
				}
			}
			q.Prefixes = append(q.Prefixes, runs)
		default:
			q.Words = append(q.Words, t.Text)
		}
	}
	return q
}

// wordRune reports whether r belongs to a word of a prefix term.
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// withContext makes err also wrap the context's error when the context
// ended: the server cancels a running statement then and reports "canceling
// statement due to user request", which callers could not tell from any
// other failure.
func withContext(ctx context.Context, err error) error {
	if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
		return fmt.Errorf("%w: %w", cerr, err)
	}
	return err
}
