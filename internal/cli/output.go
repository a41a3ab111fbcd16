package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"
)

// jsonLines writes values as JSON Lines: one compact object per line.
type jsonLines struct{ enc *json.Encoder }

func newJSONLines(w io.Writer) *jsonLines {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &jsonLines{enc: enc}
}

func (j *jsonLines) write(v any) error {
	if err := j.enc.Encode(v); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// writeLines writes every item as one JSON line.
func writeLines[T any](w io.Writer, items []T) error {
	out := newJSONLines(w)
	for _, it := range items {
		if err := out.write(it); err != nil {
			return err
		}
	}
	return nil
}

// isTerminal reports whether w is a terminal (progress is shown only then).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func formatDate(t time.Time, estimated bool) string {
	if t.IsZero() {
		return "undated"
	}
	s := t.Format("2006-01-02")
	if estimated {
		s += "~"
	}
	return s
}
