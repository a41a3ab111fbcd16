package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/engine"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/timeline"
)

// timelineLine is one event of the --json output: the event's fields, the
// storyline it belongs to, and the event's date as people read it.
type timelineLine struct {
	StorylineID string `json:"storyline_id"`
	timeline.Event
	// Period is timeline.Readable(Date): "week of 11 Aug 2025", "August
	// 2025". Date keeps the TimeML value.
	Period string `json:"period"`
}

func (a *app) timelineCmd() *cobra.Command {
	var (
		storylineID string
		limit       int
		asJSON      bool
	)
	cmd := &cobra.Command{
		Use:   "timeline",
		Short: "Show the dated events of a storyline, oldest first",
		Long: `Timeline lists the events the articles of a storyline report, dated by when
they happened (not when they were published): sentences holding a date of
day, week or month precision, with relative dates ("on Tuesday", "this
month") resolved against each article's publication date. The same event
reported by several articles is one entry citing every source.

Without --storyline every storyline is shown, newest first (--limit to cap).
With --json each line is an event object with storyline_id, id, date (a
TimeML value: 2025-08-15, 2025-W49, 2025-08), period (the date as people
read it: "15 Aug 2025", "week of 1 Dec 2025", "August 2025"), precision,
start, end, text, planned and sources (each with article_id, outlet, title,
url, published, sentence, timex, value). The table prints the period.`,
		Example: `  parallax timeline
  parallax timeline --storyline SL_ID --json | jq -r '.date + " " + .text'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			db, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer db.Close()
			ids := []string{storylineID}
			if storylineID == "" {
				list, err := db.Storylines(ctx)
				if err != nil {
					return err
				}
				ids = ids[:0]
				for _, l := range list {
					if limit > 0 && len(ids) == limit {
						break
					}
					ids = append(ids, l.ID)
				}
			}
			c := engine.NewComparer(db, nil, a.log)
			out := newJSONLines(a.stdout)
			for i, id := range ids {
				in, events, err := c.Timeline(ctx, id)
				if err != nil {
					return err
				}
				if asJSON {
					for _, e := range events {
						if err := out.write(timelineLine{StorylineID: in.Storyline.ID, Event: e, Period: timeline.Readable(e.Date)}); err != nil {
							return err
						}
					}
					continue
				}
				if i > 0 {
					fmt.Fprintln(a.stdout)
				}
				sl := in.Storyline
				fmt.Fprintf(a.stdout, "%s  %s  %s\n", sl.ID, span(sl.FirstSeen, sl.LastSeen), clip(sl.Label, 80))
				if len(events) == 0 {
					fmt.Fprintln(a.stdout, "  no dated events")
					continue
				}
				tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
				for _, e := range events {
					var outs []string
					for _, s := range e.Sources {
						// The registry's name for any spelling or domain
						// ("www.rt.com" is RT), as every filter takes it.
						o := outlet.Name(s.Outlet)
						if o == "" {
							o = "unknown outlet"
						}
						outs = append(outs, o)
					}
					text := e.Text
					if e.Planned {
						text = "(planned) " + text
					}
					fmt.Fprintf(tw, "  %s\t%s\t[%s]\n", timeline.Readable(e.Date), clip(text, 110), strings.Join(outs, "; "))
				}
				if err := tw.Flush(); err != nil {
					return err
				}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&storylineID, "storyline", "", "only this storyline (default: every storyline)")
	f.IntVar(&limit, "limit", 0, "without --storyline, at most this many storylines, newest first (0: all)")
	f.BoolVar(&asJSON, "json", false, "print JSON Lines, one event a line")
	return cmd
}
