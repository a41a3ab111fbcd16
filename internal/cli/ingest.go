package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/engine"
	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
)

// ingestFlags are the flags of ingest (and of serve, which can ingest
// before serving).
type ingestFlags struct {
	outlet    string
	published string
	dates     string
	asJSON    bool
	workers   int
	wait      bool
	// batch is the analysis batch size (hidden: tests stop a leader
	// between commits); 0 keeps the default.
	batch int
}

func (f *ingestFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.outlet, "outlet", "", "outlet name for every article read (overrides what the page says)")
	fl.StringVar(&f.published, "published", "", "publication date for every article read, e.g. 2025-09-24 (not marked estimated)")
	fl.StringVar(&f.dates, "dates", "", "tab-separated file of FILE-NAME<TAB>DATE lines giving the publication dates of files that carry none (a header line is allowed)")
	fl.IntVar(&f.workers, "workers", 0, "cleaning workers (default: number of CPUs)")
}

func (a *app) ingestCmd() *cobra.Command {
	var f ingestFlags
	cmd := &cobra.Command{
		Use:   "ingest [flags] PATH|URL...",
		Short: "Clean and store articles from files, directories and URLs",
		Long: `Ingest reads articles, cleans them and stores them.

Inputs:
  .txt            a plain-text article (aggregator debris is removed and kept aside)
  .html .htm      an article page (main text and metadata extracted); .gz allowed
  .jsonl .ndjson  one article a line: {"url","title","text" or "html","published","outlet"}
  .json           one article as news-please JSON (maintext/text, title, url, source_domain, date_publish)
  .sgm            Reuters-21578 SGML
  .rss .atom .rdf a saved feed: every item that carries its full text (items with
  .xml            only a summary are left for 'parallax poll', which fetches their pages)
  directory       every file of those kinds inside it, recursively (.xml only when named)
  http(s) URL     an article page, fetched (private addresses refused unless --allow-private)

Article IDs are derived from the cleaned text, so ingesting the same input
twice adds nothing. Articles are stored in input order whatever --workers
is, so the same inputs make the same stories.

The new articles are then analysed (duplicates, stories, storylines,
entities, quotes, dates). One process at a time analyses a database: when
another one leads (a running "parallax serve", another ingest), the stored
articles are left to it; --wait waits until it has analysed them. One bad input or line is reported (naming it) and the rest
of the batch is stored; the exit code is 1 when anything failed.`,
		Example: `  parallax ingest ../shared/corpus/seeds
  parallax ingest --outlet "Kyiv Independent" --published 2025-09-24 article.txt
  parallax ingest --dates ../shared/corpus/seeds-dates.tsv ../shared/corpus/seeds
  parallax ingest https://example.org/news/story.html`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("ingest needs at least one FILE, DIR or URL")
			}
			defer ingest.TuneGC()()
			e, err := a.openEngine(cmd.Context(), "ingest")
			if err != nil {
				return err
			}
			defer e.Close()
			e.SetAnalysisBatch(f.batch)
			return a.ingest(cmd.Context(), e, args, f)
		},
	}
	f.register(cmd)
	cmd.Flags().BoolVar(&f.asJSON, "json", false, "print the summary as one JSON line")
	addAnalysisBatch(cmd, &f.batch)
	cmd.Flags().BoolVar(&f.wait, "wait", false, "when another process leads the analysis of the database, wait until it has analysed what this ingest stored (taking over if it goes away)")
	a.addAllowPrivate(cmd)
	return cmd
}

// addAnalysisBatch registers the hidden --analysis-batch flag: articles
// per analysis transaction, small in tests that stop a leader between
// commits.
func addAnalysisBatch(cmd *cobra.Command, n *int) {
	cmd.Flags().IntVar(n, "analysis-batch", 0, "articles analysed per transaction (default 1000)")
	_ = cmd.Flags().MarkHidden("analysis-batch") // the flag was just added
}

// ingest runs the ingest pipeline over args into st, then analyses the new
// articles (duplicates, stories, entities, quotes, dates), and prints a
// summary. It returns an error when storing failed or any input or document
// failed.
func (a *app) ingest(ctx context.Context, e *engine.Engine, args []string, f ingestFlags) error {
	pub, err := optDate("--published", f.published)
	if err != nil {
		return err
	}
	dates, err := readDates(f.dates)
	if err != nil {
		return err
	}
	inputs, expandErrs := ingest.Expand(args)
	for _, err := range expandErrs {
		fmt.Fprintf(a.stderr, "error: %v\n", err)
	}
	bar := newProgressBar(a.stderr, len(inputs), "ingest")
	reader := &ingest.Reader{Fetcher: a.fetcher()}
	res, runErr := e.Ingest(ctx, inputs, engine.IngestOptions{
		Reader: reader,
		Wait:   f.wait,
		Options: pipeline.Options{
			Clean:   pipeline.CleanOptions{Outlet: f.outlet, Published: pub, Dates: dates},
			Workers: f.workers,
			Logger:  a.log,
			Progress: func(p pipeline.Progress) {
				bar.describe(fmt.Sprintf("ingest: %d articles, %d new, %d failed", p.Docs, p.Added, p.Failed))
				bar.set(p.InputsDone)
			},
		},
	})
	bar.finish()
	sum, an := res.Ingest, res.Analysis
	for _, err := range sum.Errors {
		fmt.Fprintf(a.stderr, "error: %v\n", err)
	}
	failed := sum.Failed + len(expandErrs)
	if f.asJSON {
		out := struct {
			pipeline.Summary
			Failed      int                     `json:"failed"`
			RatePerSec  float64                 `json:"rate_per_sec"`
			ElapsedSecs float64                 `json:"elapsed_sec"`
			Analysis    pipeline.AnalyzeSummary `json:"analysis"`
			// LeftToLeader is true when another process leads the
			// analysis and the new articles were left to it.
			LeftToLeader bool `json:"left_to_leader"`
			// WaitedForLeader is true when --wait waited for the
			// leading process to analyse them.
			WaitedForLeader bool `json:"waited_for_leader"`
			// Reanalysed is true when a changed date made the whole
			// analysis be redone.
			Reanalysed bool `json:"reanalysed"`
			// StaleDates counts analysed articles whose date changed
			// while another process leads the analysis.
			StaleDates int `json:"stale_dates"`
		}{sum, failed, sum.Rate(), sum.Elapsed.Seconds(), an, res.LeftToLeader, res.WaitedForLeader, res.Reanalysed, res.StaleDates}
		if err := newJSONLines(a.stdout).write(out); err != nil {
			return err
		}
	} else {
		updated := ""
		if sum.Updated > 0 {
			updated = fmt.Sprintf(" (%d updated with a title, author or date they lacked)", sum.Updated)
		}
		fmt.Fprintf(a.stdout, "ingested %s from %s: %d new, %d already stored%s, %d failed (%.1fs, %.0f articles/s)\n",
			countNoun(sum.Docs, "article", "articles"), countNoun(sum.Inputs+len(expandErrs), "input", "inputs"),
			sum.Added, sum.Existing, updated, failed, sum.Elapsed.Seconds(), sum.Rate())
		switch {
		case res.Reanalysed:
			fmt.Fprintf(a.stdout, "dates changed on analysed articles: analysed all %s again\n", countNoun(an.Articles, "article", "articles"))
		case res.StaleDates > 0:
			fmt.Fprintf(a.stdout, "dates changed on %s already analysed while another process leads the analysis: run parallax analyse --reset once it stops\n",
				countNoun(res.StaleDates, "article", "articles"))
		case an.Articles > 0:
			fmt.Fprintf(a.stdout, "analysed %s: %d duplicates folded, %d new stories, %d quotes (%.1fs)\n",
				countNoun(an.Articles, "new article", "new articles"), an.Duplicates, an.NewStories, an.Quotes, an.Elapsed.Seconds())
		}
		switch {
		case res.LeftToLeader:
			fmt.Fprintln(a.stdout, "analysis left to the process that leads it (see parallax status; --wait waits for it)")
		case res.WaitedForLeader:
			fmt.Fprintln(a.stdout, "analysed by the process that leads the analysis of this database")
		}
	}
	if runErr != nil {
		return runErr
	}
	if failed > 0 {
		if failed == 1 {
			return errors.New("1 input or document failed (the rest were stored)")
		}
		return fmt.Errorf("%d inputs or documents failed (the rest were stored)", failed)
	}
	return nil
}

// readDates reads a --dates file: lines of FILE-NAME<TAB>DATE[<TAB>...].
// A first line whose date does not parse is taken as a header; any other
// bad line is an error naming the file and line.
func readDates(path string) (map[string]time.Time, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, usagef("--dates: %v", err)
	}
	out := map[string]time.Time{}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			return nil, usagef("--dates %s:%d: want FILE-NAME<TAB>DATE", path, i+1)
		}
		t, err := extract.ParseDate(strings.TrimSpace(f[1]))
		if err != nil {
			if i == 0 {
				continue // a header
			}
			return nil, usagef("--dates %s:%d: %v", path, i+1, err)
		}
		out[filepath.Base(strings.TrimSpace(f[0]))] = t
	}
	return out, nil
}
