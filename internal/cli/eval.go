package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/engine"
	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/quote"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
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
		a.evalClusterCmd(),
		a.evalEntitiesCmd(),
		a.evalSub("timex DIR", "Score time expressions (extent and TimeML value P/R/F1) on TimeML documents",
			"  parallax eval timex ../shared/eval/tempeval3/TimeBank",
			func(ctx context.Context, dir string) (report, error) { return when.Evaluate(ctx, dir) }),
		a.evalSub("quotes DIR", "Score quote detection and speaker attribution on PolNeAR",
			"  parallax eval quotes ../shared/eval/polnear/dev",
			func(ctx context.Context, dir string) (report, error) { return quote.Evaluate(ctx, dir) }),
		a.evalFactsCmd(),
	)
	return cmd
}

// evalClusterCmd is "eval cluster DIR": the clusterer alone on the labelled
// texts, or with --ingest the whole product pipeline into a temporary
// database.
func (a *app) evalClusterCmd() *cobra.Command {
	var viaIngest, showErrors bool
	cmd := a.evalSub("cluster DIR", "Score story clustering (BCubed and pairwise P/R/F1) on news-please JSON labelled with newsCluster.EventId",
		"  parallax eval cluster ../shared/eval/news-clusters\n  parallax eval cluster --errors ../shared/eval/news-clusters\n  parallax eval cluster --ingest ../shared/eval/news-clusters",
		func(ctx context.Context, dir string) (report, error) {
			if viaIngest {
				return a.evalClusterIngest(ctx, dir, showErrors)
			}
			return cluster.Evaluate(ctx, dir, cluster.EvalOptions{Shuffles: 5, Seed: 1, Errors: showErrors})
		})
	cmd.Flags().BoolVar(&viaIngest, "ingest", false,
		"run the folder through ingest and analysis (cleaning, duplicates, entity names) into a temporary database and score the stored stories")
	cmd.Flags().BoolVar(&showErrors, "errors", false,
		"also list the gold events split over several stories and the stories mixing events, costliest first (JSON: errors)")
	return cmd
}

// evalClusterIngest ingests a labelled folder into a temporary SQLite
// database as `parallax ingest` would and scores the stories it holds
// against the labels (articles are tied to their label by source file).
func (a *app) evalClusterIngest(ctx context.Context, dir string, showErrors bool) (report, error) {
	docs, err := cluster.ReadLabelled(dir)
	if err != nil {
		return nil, err
	}
	gold := make(map[string]string, len(docs))
	for _, d := range docs {
		gold[d.ID] = d.Event
	}
	tmp, err := os.MkdirTemp("", "parallax-eval-")
	if err != nil {
		return nil, fmt.Errorf("eval cluster: %w", err)
	}
	defer os.RemoveAll(tmp)
	db, err := sqlite.Open(ctx, filepath.Join(tmp, "eval.db"), sqlite.WithLogger(a.log))
	if err != nil {
		return nil, err
	}
	defer db.Close()
	inputs, errs := ingest.Expand([]string{dir})
	if len(errs) > 0 {
		return nil, errs[0]
	}
	// A temporary database only this process opens: the analysis lock is
	// the process's own.
	e := engine.New(db, engine.Options{Logger: a.log, Command: "eval"})
	if _, err := e.Ingest(ctx, inputs, engine.IngestOptions{NoAnalysis: true}); err != nil {
		return nil, fmt.Errorf("eval cluster: ingest %s: %w", dir, err)
	}
	if _, _, err := e.Analyse(ctx); err != nil {
		return nil, fmt.Errorf("eval cluster: analyse: %w", err)
	}
	file := map[string]string{} // article ID -> labelled file name
	for off := 0; ; off += 1000 {
		arts, err := db.Articles(ctx, store.ArticleQuery{Limit: 1000, Offset: off})
		if err != nil {
			return nil, err
		}
		for _, art := range arts {
			file[art.ID] = filepath.Base(art.Source)
		}
		if len(arts) < 1000 {
			break
		}
	}
	pred := map[string]string{}
	for off := 0; ; off += 1000 {
		list, err := db.Stories(ctx, store.StoryQuery{Limit: 1000, Offset: off})
		if err != nil {
			return nil, err
		}
		for _, s := range list {
			for _, id := range s.ArticleIDs {
				pred[file[id]] = s.ID
			}
		}
		if len(list) < 1000 {
			break
		}
	}
	// Exact copies are not stored (ingest folds them before analysis): the
	// score is over the stored articles, and the copies are counted as
	// duplicates folded.
	stored := map[string]string{}
	for _, f := range file {
		stored[f] = gold[f]
	}
	rep := cluster.Score(stored, pred)
	rep.Duplicates = len(gold) - len(stored)
	lines, err := db.Storylines(ctx)
	if err != nil {
		return nil, err
	}
	rep.Storylines = len(lines)
	if showErrors {
		var kept []cluster.Labelled
		for _, d := range docs {
			if _, ok := stored[d.ID]; ok {
				kept = append(kept, d)
			}
		}
		rep.Errors = cluster.ListErrors(kept, pred)
	}
	return rep, nil
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
