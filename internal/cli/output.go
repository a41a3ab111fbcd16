package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
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

// listRun returns the RunE of a list command: open the store, fetch the
// list, print it as JSON Lines with --json, else with table.
func listRun[T any](a *app, asJSON *bool, fetch func(context.Context, database) ([]T, error), table func(io.Writer, []T) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, _ []string) error {
		db, err := a.openStore(cmd.Context())
		if err != nil {
			return err
		}
		defer db.Close()
		list, err := fetch(cmd.Context(), db)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeLines(a.stdout, list)
		}
		return table(a.stdout, list)
	}
}

// listFlags adds the flags of a paged list command: --limit (default def),
// --offset and --json.
func listFlags(cmd *cobra.Command, limit *int, def int, offset *int, asJSON *bool) {
	f := cmd.Flags()
	f.IntVar(limit, "limit", def, "at most this many")
	f.IntVar(offset, "offset", 0, "skip this many first")
	f.BoolVar(asJSON, "json", false, "print JSON Lines")
}

// tabulate prints a header line and one row per item, in aligned columns.
func tabulate[T any](w io.Writer, header string, list []T, row func(io.Writer, T)) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, header)
	for _, it := range list {
		row(tw, it)
	}
	return tw.Flush()
}
