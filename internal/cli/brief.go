package cli

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/brief"
	"github.com/parallax-news/parallax/internal/engine"
)

func (a *app) briefCmd() *cobra.Command {
	var (
		format  string
		output  string
		outlets string
	)
	cmd := &cobra.Command{
		Use:   "brief STORYLINE_ID",
		Short: "Write a briefing on a storyline: timeline, key quotes, outlets",
		Long: `Brief writes a self-contained briefing on one storyline that a journalist can
paste or send: the timeline of dated events with their sources, key quotes
with speaker, outlet and date, the stories and outlets that covered it (kind
and country from the outlet registry, missing perspectives), whom each
outlet quoted, the names outlets split on (Kyiv/Kiev), the words that set
each apart, the disagreements the outlet comparison and the timeline found,
and the numbered list of sources.

--format md writes Markdown, html one HTML page with inline CSS that loads
nothing from elsewhere, json one indented object (fields id, label, from,
to, generated, stories, timeline, quotes, outlets, perspectives, naming,
wording, disagreements, checked, articles).`,
		Example: `  parallax storylines
  parallax brief --format md SL_ID
  parallax brief --format html -o briefing.html SL_ID`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("brief: want one STORYLINE_ID (see parallax storylines), got %d arguments", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(brief.Formats, format) {
				return usagef("--format %q: want %s", format, strings.Join(brief.Formats, ", "))
			}
			ctx := cmd.Context()
			db, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer db.Close()
			reg, err := outletRegistry(outlets)
			if err != nil {
				return err
			}
			// The same comparison as "parallax compare --storyline ID":
			// wording weighed against the whole stored corpus.
			b, err := engine.NewComparer(db, reg, a.log).Brief(ctx, args[0],
				brief.Options{Generated: time.Now().UTC().Truncate(time.Minute)})
			if err != nil {
				return err
			}
			var w io.Writer = a.stdout
			var f *os.File
			if output != "" && output != "-" {
				f, err = os.Create(output)
				if err != nil {
					return fmt.Errorf("brief: %w", err)
				}
				w = f
			}
			if err := b.Write(w, format); err != nil {
				if f != nil {
					f.Close()
				}
				return err
			}
			if f != nil {
				if err := f.Close(); err != nil {
					return fmt.Errorf("brief: %w", err)
				}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "md", "output format: md, html or json")
	f.StringVarP(&output, "output", "o", "", "write to this file instead of standard output")
	addOutletsFlag(cmd, &outlets)
	return cmd
}
