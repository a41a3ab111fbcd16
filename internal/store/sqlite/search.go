package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/store"
)

// Column weights for bm25: a match in the title counts as much as several
// in the body.
const (
	titleWeight = 5.0
	textWeight  = 1.0
)

// snippetTokens is the length of a snippet in tokens (FTS5 allows 1–64).
const snippetTokens = 24

// searchSQL ranks the articles that match (the first ?) and keeps the
// best (the second ?); only those are matched again (the third ?, the same
// text) to make their snippets, so a query matching most of the corpus
// costs one snippet per hit shown, not per article matched.
var searchSQL = fmt.Sprintf(`SELECT %s,
	snippet(articles_fts, -1, '[', ']', '…', %d),
	h.score
FROM (
	SELECT rowid AS seq, -bm25(articles_fts, %g, %g) AS score
	FROM articles_fts
	WHERE articles_fts MATCH ?
	ORDER BY score DESC, rowid DESC
	LIMIT ?
) h
JOIN articles_fts ON articles_fts.rowid = h.seq
JOIN articles a ON a.seq = h.seq
WHERE articles_fts MATCH ?
ORDER BY h.score DESC, h.seq DESC`, articleColumns, snippetTokens, titleWeight, textWeight)

// Search implements store.Store.
func (db *DB) Search(ctx context.Context, query string, limit int) ([]store.SearchHit, error) {
	match := MatchQuery(query)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = defaultLimit
	}
	rows, err := db.read.QueryContext(ctx, searchSQL, match, limit, match)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	defer rows.Close()
	var hits []store.SearchHit
	for rows.Next() {
		var h store.SearchHit
		a, err := scanArticle(rows, &h.Snippet, &h.Score)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
		h.Article = a
		h.Snippet = strings.Join(strings.Fields(h.Snippet), " ")
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return hits, nil
}

// MatchQuery turns user search text into an FTS5 MATCH expression that all
// terms must satisfy, the terms as store.SearchTerms splits them. Every
// term is quoted, so FTS5 operators and syntax characters in the text
// (AND, NEAR, -, (, ^, :) are plain words; a prefix term is followed by
// "*". Returns "" when nothing searchable remains.
func MatchQuery(text string) string {
	terms := store.SearchTerms(text)
	quoted := make([]string, len(terms))
	for i, t := range terms {
		q := `"` + strings.ReplaceAll(t.Text, `"`, `""`) + `"`
		if t.Prefix {
			q += "*"
		}
		quoted[i] = q
	}
	return strings.Join(quoted, " ")
}
