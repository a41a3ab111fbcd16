package cli

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/extract"
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
