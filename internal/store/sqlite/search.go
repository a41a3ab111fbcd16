package sqlite

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

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

var searchSQL = fmt.Sprintf(`SELECT %s,
	snippet(articles_fts, -1, '[', ']', '…', %d),
	-bm25(articles_fts, %g, %g) AS score
FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
WHERE articles_fts MATCH ?
ORDER BY score DESC, a.seq DESC
LIMIT ?`, articleColumns, snippetTokens, titleWeight, textWeight)

// Search implements store.Store.
func (db *DB) Search(ctx context.Context, query string, limit int) ([]store.SearchHit, error) {
	match := MatchQuery(query)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = defaultLimit
	}
	rows, err := db.read.QueryContext(ctx, searchSQL, match, limit)
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
// terms must satisfy. Text in double quotes is a phrase (an unclosed quote
// runs to the end); other text splits into words at white space and control
// characters. A word
// ending in "*" matches as a prefix. Every term is quoted, so FTS5 operators
// and syntax characters in the text (AND, NEAR, -, (, ^, :) are plain
// words; terms with no letter or digit are dropped. Returns "" when nothing
// searchable remains.
func MatchQuery(text string) string {
	var terms []string
	add := func(term string, phrase bool) {
		prefix := false
		if !phrase {
			trimmed := strings.TrimRight(term, "*")
			prefix = trimmed != term
			term = trimmed
		}
		if !searchable(term) {
			return
		}
		// Phrases may hold control characters and bytes that are not UTF-8;
		// NUL would end the query early in SQLite's C code.
		term = strings.Map(func(r rune) rune {
			if separator(r) {
				return ' '
			}
			return r
		}, term)
		q := `"` + strings.ReplaceAll(term, `"`, `""`) + `"`
		if prefix {
			q += "*"
		}
		terms = append(terms, q)
	}
	rest := text
	for rest != "" {
		i := strings.IndexFunc(rest, func(r rune) bool { return r == '"' || separator(r) })
		if i < 0 {
			add(rest, false)
			break
		}
		if i > 0 {
			add(rest[:i], false)
			rest = rest[i:]
			continue
		}
		if rest[0] != '"' {
			// Skip one separator rune.
			_, size := utf8.DecodeRuneInString(rest)
			rest = rest[size:]
			continue
		}
		rest = rest[1:]
		end := strings.IndexByte(rest, '"')
		if end < 0 {
			add(rest, true)
			break
		}
		add(rest[:end], true)
		rest = rest[end+1:]
	}
	return strings.Join(terms, " ")
}

// separator reports whether r splits words: white space, control
// characters (NUL would end the query early in SQLite's C code) and bytes
// that are not UTF-8.
func separator(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError
}

// searchable reports whether s holds a letter or a digit, the characters
// the FTS5 unicode61 tokenizer makes tokens of.
func searchable(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0
}
