package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/store"
)

// rowsPerStatement is how many rows a multiRow writes per statement: the
// per-statement work (binding nothing new, but starting the program,
// opening the table's and indexes' cursors, the database/sql and driver
// calls) is paid once per this many rows, and the statement stays well
// below SQLite's 32,766 variables.
const rowsPerStatement = 128

// multiRow writes rows of one INSERT with many rows per statement: rows
// are added one by one and written when rowsPerStatement are buffered or
// on flush. The rows are written in the order added, as one statement per
// row would write them (an upsert's later row sees the earlier one).
type multiRow struct {
	tx   *sql.Tx
	ctx  context.Context
	what string
	head string // INSERT INTO t (a, b) VALUES
	tail string // ON CONFLICT … or ""
	cols int
	args []any
	full *sql.Stmt // prepared on first use for rowsPerStatement rows
}

func newMultiRow(ctx context.Context, tx *sql.Tx, what, head, tail string, cols int) *multiRow {
	return &multiRow{tx: tx, ctx: ctx, what: what, head: head, tail: tail, cols: cols}
}

// statement returns the SQL of n rows.
func (m *multiRow) statement(n int) string {
	row := "(?" + strings.Repeat(", ?", m.cols-1) + ")"
	var b strings.Builder
	b.Grow(len(m.head) + len(m.tail) + n*(len(row)+2) + 2)
	b.WriteString(m.head)
	b.WriteByte(' ')
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	if m.tail != "" {
		b.WriteByte(' ')
		b.WriteString(m.tail)
	}
	return b.String()
}

// add buffers one row of m.cols values.
func (m *multiRow) add(values ...any) error {
	if len(values) != m.cols {
		return fmt.Errorf("%s: %d values for %d columns", m.what, len(values), m.cols)
	}
	m.args = append(m.args, values...)
	if len(m.args) == rowsPerStatement*m.cols {
		return m.flush()
	}
	return nil
}

// pending reports whether rows wait for flush.
func (m *multiRow) pending() bool { return len(m.args) > 0 }

// flush writes the buffered rows.
func (m *multiRow) flush() error {
	n := len(m.args) / m.cols
	if n == 0 {
		return nil
	}
	var err error
	if n == rowsPerStatement {
		if m.full == nil {
			m.full, err = m.tx.PrepareContext(m.ctx, m.statement(n))
			if err != nil {
				return fmt.Errorf("%s: %w", m.what, err)
			}
		}
		_, err = m.full.ExecContext(m.ctx, m.args...)
	} else {
		_, err = m.tx.ExecContext(m.ctx, m.statement(n), m.args...)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", m.what, err)
	}
	clear(m.args) // drop the references to the rows' strings
	m.args = m.args[:0]
	return nil
}

// close releases the prepared statement.
func (m *multiRow) close() {
	if m.full != nil {
		m.full.Close()
	}
}

// articleSeqs returns the seq of each article of arts, read many IDs to a
// query. An article not stored is an error wrapping store.ErrNotFound,
// naming the first such article.
func articleSeqs(ctx context.Context, tx *sql.Tx, arts []store.ArticleAnalysis) (map[string]int64, error) {
	seqs := make(map[string]int64, len(arts))
	ids := make([]any, 0, min(len(arts), maxKeysPerQuery))
	for start := 0; start < len(arts); start += maxKeysPerQuery {
		ids = ids[:0]
		for _, a := range arts[start:min(start+maxKeysPerQuery, len(arts))] {
			ids = append(ids, a.ArticleID)
		}
		q := `SELECT id, seq FROM articles WHERE id IN (?` + strings.Repeat(", ?", len(ids)-1) + `)`
		if err := func() error {
			rows, err := tx.QueryContext(ctx, q, ids...)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var (
					id  string
					seq int64
				)
				if err := rows.Scan(&id, &seq); err != nil {
					return err
				}
				seqs[id] = seq
			}
			return rows.Err()
		}(); err != nil {
			return nil, fmt.Errorf("save analysis: article seqs: %w", err)
		}
	}
	for _, a := range arts {
		if _, ok := seqs[a.ArticleID]; !ok {
			return nil, fmt.Errorf("save analysis: article %s: %w", a.ArticleID, store.ErrNotFound)
		}
	}
	return seqs, nil
}
