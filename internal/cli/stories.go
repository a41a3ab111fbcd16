package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/engine"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

func (a *app) storiesCmd() *cobra.Command {
	var (
		q      store.StoryQuery
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "List stories (articles about one event), newest first",
		Long: `Stories lists the stories that ingest clustered articles into: one story per
event, however many outlets carried it. With --json each line is an object
with id, title, storyline_id, article_ids, outlets, first_seen, last_seen and
terms.`,
		Example: `  parallax stories
  parallax stories --storyline SL_ID --json`,
		Args: cobra.NoArgs,
		RunE: listRun(a, &asJSON, func(ctx context.Context, db database) ([]news.Story, error) {
			list, err := db.Stories(ctx, q)
			if err != nil || len(list) > 0 || q.StorylineID == "" {
				return list, err
			}
			// No stories: an unknown storyline is an error, not an
			// empty list.
			if _, err := db.Storyline(ctx, q.StorylineID); err != nil {
				if errors.Is(err, store.ErrNotFound) {
					return nil, fmt.Errorf("%w (see parallax storylines)", err)
				}
				return nil, err
			}
			return list, nil
		},
			func(w io.Writer, list []news.Story) error {
				return tabulate(w, "ID\tDATES\tARTICLES\tOUTLETS\tTITLE", list, func(w io.Writer, s news.Story) {
					fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%s\n", s.ID, span(s.FirstSeen, s.LastSeen), len(s.ArticleIDs), len(s.Outlets), clip(s.Title, 70))
				})
			}),
	}
	f := cmd.Flags()
	f.StringVar(&q.StorylineID, "storyline", "", "only the stories of this storyline")
	f.StringVar(&q.Outlet, "outlet", "", "only stories this outlet covered")
	listFlags(cmd, &q.Limit, 50, &q.Offset, &asJSON)
	return cmd
}

func (a *app) storylinesCmd() *cobra.Command {
	var (
		asJSON        bool
		limit, offset int
	)
	cmd := &cobra.Command{
		Use:   "storylines",
		Short: "List storylines (arcs of stories over weeks and months)",
		Long: `Storylines lists the arcs that link stories by shared actors and topic. With
--json each line is an object with id, label, story_ids, first_seen and
last_seen.`,
		Args: cobra.NoArgs,
		RunE: listRun(a, &asJSON, func(ctx context.Context, db database) ([]news.Storyline, error) {
			all, err := db.Storylines(ctx)
			return window(all, limit, offset), err
		},
			func(w io.Writer, list []news.Storyline) error {
				return tabulate(w, "ID\tDATES\tSTORIES\tLABEL", list, func(w io.Writer, l news.Storyline) {
					fmt.Fprintf(w, "%s\t%s\t%d\t%s\n", l.ID, span(l.FirstSeen, l.LastSeen), len(l.StoryIDs), clip(l.Label, 80))
				})
			}),
	}
	listFlags(cmd, &limit, 0, &offset, &asJSON)
	return cmd
}

func (a *app) analyseCmd() *cobra.Command {
	var (
		reset  bool
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:     "analyse",
		Aliases: []string{"analyze"},
		Short:   "Analyse stored articles not analysed yet (ingest does this by itself)",
		Long: `Analyse runs the cross-article stages (duplicates, stories, storylines,
entities) and the per-article ones (quotes, time expressions) over stored
articles that have not been analysed. Ingest runs it after storing, so you
only need it after an upgrade: --reset forgets every analysis result and
analyses all articles again (articles are kept).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			e, err := a.openEngine(ctx, "analyse")
			if err != nil {
				return err
			}
			defer e.Close()
			var sum pipeline.AnalyzeSummary
			if reset {
				sum, err = e.AnalyseReset(ctx)
				if errors.Is(err, engine.ErrNotLeader) {
					return fmt.Errorf("analyse --reset: %w: stop it first (parallax status shows which)", err)
				}
			} else {
				var left bool
				sum, left, err = e.Analyse(ctx)
				if err == nil && left {
					fmt.Fprintln(a.stderr, "parallax: another process leads the analysis of this database and analyses what is pending (see parallax status)")
				}
			}
			if err != nil {
				return err
			}
			if asJSON {
				return newJSONLines(a.stdout).write(sum)
			}
			fmt.Fprintf(a.stdout, "analysed %d articles: %d duplicates folded, %d new stories, %d quotes (%.1fs)\n",
				sum.Articles, sum.Duplicates, sum.NewStories, sum.Quotes, sum.Elapsed.Seconds())
			return nil
		},
	}
	cmd.Flags().BoolVar(&reset, "reset", false, "forget all analysis results first and analyse everything again")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the summary as one JSON line")
	return cmd
}

// span prints a date range compactly: 2025-07-03..12-04.
func span(first, last time.Time) string {
	switch {
	case first.IsZero() && last.IsZero():
		return "undated"
	case last.IsZero() || first.Format("2006-01-02") == last.Format("2006-01-02"):
		return first.Format("2006-01-02")
	case first.Year() == last.Year():
		return first.Format("2006-01-02") + ".." + last.Format("01-02")
	}
	return first.Format("2006-01-02") + ".." + last.Format("2006-01-02")
}
