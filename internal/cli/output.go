package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/parallax-news/parallax/internal/export"
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
// list and print it as the command's format asks (see writeList). On a
// command with listFlags it also honours --limit 0 (all) and, on a
// terminal, says on stderr how many more items the limit held back.
func listRun[T any](a *app, asJSON *bool, fetch func(context.Context, database) ([]T, error), table func(io.Writer, []T) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, _ []string) error {
		db, err := a.openStore(cmd.Context())
		if err != nil {
			return err
		}
		defer db.Close()
		pg := pagingOf(cmd)
		if pg != nil && pg.want < allItems {
			*pg.limit = pg.want + 1 // one more tells whether more exist
		}
		list, err := fetch(cmd.Context(), db)
		if err != nil {
			return err
		}
		if pg != nil && len(list) > pg.want {
			list = list[:pg.want]
			if isTerminal(a.stderr) {
				*pg.limit, *pg.offset = allItems, *pg.offset+pg.want
				if rest, err := fetch(cmd.Context(), db); err == nil {
					fmt.Fprintf(a.stderr, "parallax: %d more not shown; --limit 0 shows all, --offset %d the next\n", len(rest), *pg.offset)
				}
			}
		}
		return writeList(a, cmd, *asJSON, list, table)
	}
}

// allItems is the limit --limit 0 stands for.
const allItems = 1 << 30

// paging is what listFlags keeps for listRun: the limit and offset flags'
// variables and the number of items the user asked for.
type paging struct {
	limit, offset *int
	want          int
}

type pagingKey struct{}

func pagingOf(cmd *cobra.Command) *paging {
	if cmd.Context() == nil {
		return nil
	}
	pg, _ := cmd.Context().Value(pagingKey{}).(*paging)
	return pg
}

// listFlags adds the flags of a paged list command: --limit (default def;
// 0 means all), --offset, --json and --format.
func listFlags(cmd *cobra.Command, limit *int, def int, offset *int, asJSON *bool) {
	f := cmd.Flags()
	f.IntVar(limit, "limit", def, "at most this many (0 for all)")
	f.IntVar(offset, "offset", 0, "skip this many first")
	f.BoolVar(asJSON, "json", false, "print JSON Lines")
	addFormatFlag(cmd)
	prev := cmd.PreRunE
	cmd.PreRunE = func(cmd *cobra.Command, args []string) error {
		if prev != nil {
			if err := prev(cmd, args); err != nil {
				return err
			}
		}
		switch {
		case *limit < 0:
			return usagef("--limit %d: want 0 (all) or more", *limit)
		case *offset < 0:
			return usagef("--offset %d: want 0 or more", *offset)
		case *limit == 0:
			*limit = allItems
		}
		ctx := cmd.Context()
		if ctx == nil {
			ctx = context.Background()
		}
		cmd.SetContext(context.WithValue(ctx, pagingKey{}, &paging{limit: limit, offset: offset, want: *limit}))
		return nil
	}
}

// addFormatFlag registers --format on a command that prints a list.
func addFormatFlag(cmd *cobra.Command) {
	cmd.Flags().String("format", "text", "output format: text, json (JSON Lines, as --json) or csv")
}

// outputFormat is the format a command prints in: "text", "json" or "csv".
// --json is --format json; asking for both json and csv is a usage error.
func outputFormat(cmd *cobra.Command, asJSON bool) (string, error) {
	format := "text"
	if f := cmd.Flags().Lookup("format"); f != nil {
		format = f.Value.String()
	}
	switch format {
	case "text", "json", "csv":
	default:
		return "", usagef("--format %q: want text, json or csv", format)
	}
	if asJSON {
		if format == "csv" {
			return "", usagef("--json and --format csv: choose one")
		}
		format = "json"
	}
	return format, nil
}

// writeList prints a command's list in its format: JSON Lines, CSV (see
// export.CSV) or the command's table. An empty list also gets a note on
// stderr naming the filters that emptied it, so that no answer is silent;
// the exit status stays 0 (nothing failed, and pipelines keep working).
func writeList[T any](a *app, cmd *cobra.Command, asJSON bool, list []T, table func(io.Writer, []T) error) error {
	format, err := outputFormat(cmd, asJSON)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		noun := cmd.Name()
		if noun == "list" && cmd.HasParent() {
			noun = cmd.Parent().Name() // "feeds list" lists feeds
		}
		fmt.Fprintf(a.stderr, "parallax: no %s found%s\n", noun, filtersOf(cmd))
	}
	switch format {
	case "json":
		return writeLines(a.stdout, list)
	case "csv":
		return export.CSV(a.stdout, list)
	}
	if len(list) == 0 {
		return nil // no table headers over nothing
	}
	return table(a.stdout, list)
}

// filtersOf names the flags the user set that narrow a list, as
// " matching --speaker \"Nobody\"", or "" when none.
func filtersOf(cmd *cobra.Command) string {
	var parts []string
	cmd.Flags().Visit(func(f *pflag.Flag) {
		switch f.Name {
		case "json", "format", "limit", "db", "log-level":
			return
		}
		parts = append(parts, fmt.Sprintf("--%s %q", f.Name, f.Value.String()))
	})
	if len(parts) == 0 {
		return ""
	}
	return " matching " + strings.Join(parts, " ")
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

// countNoun is "1 input", "2 inputs": n with the noun in the right number.
func countNoun(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// window is the page [offset, offset+limit) of a list held whole (limit
// <= 0 for the rest), for list commands whose store call has no paging.
func window[T any](all []T, limit, offset int) []T {
	if offset >= len(all) {
		return nil
	}
	all = all[offset:]
	if limit > 0 && limit < len(all) {
		all = all[:limit]
	}
	return all
}
