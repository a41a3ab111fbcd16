package cli

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/quote"
	"github.com/parallax-news/parallax/internal/when"
)

// report is what every evaluation returns: JSON-tagged figures that can
// also print themselves for a person.
type report interface {
	WriteText(w io.Writer) error
}

func (a *app) evalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Measure quality against labelled data (../shared/eval)",
		Long: `Eval runs one stage blind over a labelled folder and prints its scores
as that folder's README defines them. --json prints one JSON object.`,
	}
	cmd.AddCommand(
		a.evalSub("extract DIR", "Score main-text extraction (F1, precision, recall of 4-token shingles)",
			"  parallax eval extract ../shared/eval/article-extraction",
			func(ctx context.Context, dir string) (report, error) { return extract.Evaluate(ctx, dir) }),
		a.evalSub("cluster DIR", "Score story clustering (BCubed and pairwise P/R/F1) on news-please JSON labelled with newsCluster.EventId",
			"  parallax eval cluster ../shared/eval/news-clusters",
			func(ctx context.Context, dir string) (report, error) {
				return cluster.Evaluate(ctx, dir, cluster.EvalOptions{Shuffles: 5, Seed: 1})
			}),
		a.evalSub("timex DIR", "Score time expressions (extent and TimeML value P/R/F1) on TimeML documents",
			"  parallax eval timex ../shared/eval/tempeval3/TimeBank",
			func(ctx context.Context, dir string) (report, error) { return when.Evaluate(ctx, dir) }),
		a.evalSub("quotes DIR", "Score quote detection and speaker attribution on PolNeAR",
			"  parallax eval quotes ../shared/eval/polnear/dev",
			func(ctx context.Context, dir string) (report, error) { return quote.Evaluate(ctx, dir) }),
	)
	return cmd
}

// evalSub builds one "eval X DIR" command around an evaluation function.
func (a *app) evalSub(use, short, example string, run func(ctx context.Context, dir string) (report, error)) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     use,
		Short:   short,
		Example: example,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			rep, err := run(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			if asJSON {
				return newJSONLines(a.stdout).write(rep)
			}
			return rep.WriteText(a.stdout)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	return cmd
}
