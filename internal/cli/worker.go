package cli

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/engine"
	"github.com/parallax-news/parallax/internal/ingest"
)

// jobFlags tune the job worker of `parallax worker` and `parallax serve`.
type jobFlags struct {
	concurrency int
	jobTimeout  time.Duration
	rescueAfter time.Duration
	// prepare works prepare_articles jobs too (worker only).
	prepare bool
}

func (f *jobFlags) register(cmd *cobra.Command, concurrency int) {
	fl := cmd.Flags()
	fl.IntVar(&f.concurrency, "jobs", concurrency, "jobs of each queue (polls and inputs, pages, prepare) worked at once by this process (PostgreSQL; 0 works none)")
	fl.DurationVar(&f.jobTimeout, "job-timeout", 5*time.Minute, "deadline of one job; a job past it is cancelled and retried")
	fl.DurationVar(&f.rescueAfter, "rescue-after", 0,
		"how long a job may stay running before it is taken as lost (its worker died) and retried elsewhere (default: --job-timeout + 1m)")
}

func (f jobFlags) check() error {
	if f.concurrency < 0 {
		return usagef("--jobs %d: want 0 or more", f.concurrency)
	}
	if f.jobTimeout <= 0 {
		return usagef("--job-timeout %s: want a positive duration", f.jobTimeout)
	}
	if f.rescueAfter < 0 || (f.rescueAfter > 0 && f.rescueAfter <= f.jobTimeout) {
		return usagef("--rescue-after %s: want more than --job-timeout (%s)", f.rescueAfter, f.jobTimeout)
	}
	return nil
}

// runJobs works the database's jobs with a poller of pf until ctx ends.
func (a *app) runJobs(ctx context.Context, e *engine.Engine, pf pollFlags, jf jobFlags) error {
	p, err := a.poller(e, pf, nil)
	if err != nil {
		return err
	}
	return e.RunJobs(ctx, engine.JobOptions{Poller: p, Reader: &ingest.Reader{Fetcher: a.fetcher()}, Concurrency: jf.concurrency,
		JobTimeout: jf.jobTimeout, RescueAfter: jf.rescueAfter, Prepare: jf.prepare})
}

func (a *app) workerCmd() *cobra.Command {
	var (
		pf      pollFlags
		jf      jobFlags
		analyse bool
		batch   int
	)
	cmd := &cobra.Command{
		Use:   "worker --db postgres://...",
		Short: "Work the jobs of a PostgreSQL database (feed polls, inputs, article preparation) until stopped",
		Long: `Worker takes jobs from the job queue River keeps in the PostgreSQL database
of --db and works them until Ctrl-C or SIGTERM: polling one feed
(poll_feed: fetch the feed and the pages of its new items, clean and store
them) and reading one input (ingest_input: a file or folder the worker can
read, or the URL of a page; "parallax bench --workers" enqueues them) and
preparing articles for the analysis (prepare_articles: the per-article
work of the analysis, entities, quotes, dates, duplicate and cluster
features, for the articles the leading process will take after its next
batch; it enqueues them while a worker that prepares is alive, and
prepares itself whatever no worker has). Run it on as many machines as you like, beside one or more
"parallax serve": serve enqueues each due feed as a job unique to the feed
and its due time, so a feed is polled once however many serve and worker
processes run, and two workers never poll it at once.

Failed jobs are retried with exponential backoff (up to 5 attempts). A
worker that dies mid-job loses nothing: its job is taken as lost after
--rescue-after and retried elsewhere; what the dead worker stored stays
stored once (an article's ID is a hash of its text).

A worker also stands for the analysis of the database (unless
--analyse=false): one process at a time leads it, whichever takes the
lock first; the others take over within a second or two when it stops or
dies. SQLite has no job queue: there, "parallax serve" polls itself.`,
		Example: `  parallax worker --db postgres://parallax@db/parallax
  parallax worker --db postgres://parallax@db/parallax --jobs 4`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			if !engine.IsPostgres(a.db) {
				return usagef("worker needs a PostgreSQL database (--db postgres://...): SQLite has no job queue, and \"parallax serve\" polls its feeds itself")
			}
			if err := jf.check(); err != nil {
				return err
			}
			if jf.concurrency == 0 {
				return usagef("--jobs 0: a worker must work at least one job at a time")
			}
			e, err := a.openEngine(ctx, "worker")
			if err != nil {
				return err
			}
			defer e.Close()
			e.SetAnalysisBatch(batch)
			fmt.Fprintf(a.stderr, "parallax: working the jobs of %s (Ctrl-C to stop)\n", a.dbName())
			if !analyse {
				return a.runJobs(ctx, e, pf, jf)
			}
			actx, stop := context.WithCancel(ctx)
			var wg sync.WaitGroup
			wg.Go(func() { e.RunAnalyser(actx, time.Second, nil) })
			err = a.runJobs(ctx, e, pf, jf)
			stop()
			wg.Wait()
			return err
		},
	}
	pf.register(cmd)
	jf.register(cmd, 4)
	cmd.Flags().BoolVar(&analyse, "analyse", true, "lead the analysis of the database when no other process does")
	cmd.Flags().BoolVar(&jf.prepare, "prepare", true, "prepare articles for the leader's analysis (entities, quotes, dates, duplicate and cluster features)")
	addAnalysisBatch(cmd, &batch)
	a.addAllowPrivate(cmd)
	return cmd
}
