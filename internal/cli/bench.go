package cli

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/engine"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store/postgres"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// benchResult is the JSON output of parallax bench.
type benchResult struct {
	Corpus        string       `json:"corpus"`
	Articles      int          `json:"articles"`
	Added         int          `json:"added"`
	Failed        int          `json:"failed"`
	Stories       int          `json:"stories"`
	Duplicates    int          `json:"duplicates"`
	Quotes        int          `json:"quotes"`
	ElapsedSec    float64      `json:"elapsed_sec"`
	IngestSec     float64      `json:"ingest_sec"`
	AnalyseSec    float64      `json:"analyse_sec"`
	ArticlesPerS  float64      `json:"articles_per_sec"`
	PeakRSSMiB    float64      `json:"peak_rss_mib"`
	Workers       int          `json:"workers"`
	Stages        []stageShare `json:"stages"`
	GoVersion     string       `json:"go_version"`
	CPUs          int          `json:"cpus"`
	DatabaseBytes int64        `json:"database_bytes"`
}

type stageShare struct {
	Stage   string  `json:"stage"`
	Seconds float64 `json:"seconds"`
	Share   float64 `json:"share"`
}

func (a *app) benchCmd() *cobra.Command {
	var (
		corpus  string
		asJSON  bool
		keepDB  bool
		prof    string
		nWork   int
		prepare bool
		scale   int
	)
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure end-to-end ingest speed and memory on Reuters-21578",
		Long: `Bench ingests the Reuters-21578 collection (19,043 stories with a body)
into a fresh database in a temporary folder with every stage on — read,
clean, store, then the analysis (duplicates, stories, storylines, entities,
quotes, time expressions) — and reports articles per second end to end, peak
resident memory and each stage's share of the time (stage times are summed
over parallel workers, and overlapping stages each count their own time:
see docs/speed.md).

With --db (or PARALLAX_DB) set to a postgres:// URL, bench runs on that
server instead, in a new schema that is dropped afterwards (kept with
--keep); the user needs the right to create schemas in the database.

With --workers N (PostgreSQL only), the inputs become ingest_input jobs that
N "parallax worker" processes read, clean and store, and prepare for the
analysis (prepare_articles jobs; --prepare=false: not), while bench leads
the analysis as serve would; it reports articles per second end to end, the CPU
of the leader and of the workers, the leader's analysis alone over the same
articles (and its serial part), and the database's size per 100,000
articles.

With --scale N, the collection's stories are replicated to N articles
(replica k of a story dated 3k years later, beyond the clusterer's
two-year window, with a closing line naming it)
and stored and analysed a tenth at a time: for each tenth it reports the
articles stored after it, the CPU per article, and the analysis's serial
part (duplicates, stories, storylines, entities) and writes per article —
how the leader's work grows with the collection (docs/scale.md).`,
		Example: `  parallax bench
  parallax bench --corpus ../shared/corpus/reuters21578 --json
  parallax bench --db postgres://parallax@localhost/parallax
  parallax bench --db postgres://parallax@localhost/parallax --workers 2
  parallax bench --scale 100000 --db postgres://parallax@localhost/parallax`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			defer ingest.TuneGC()()
			if nWork < 0 {
				return usagef("--workers %d: want 0 (one process) or more", nWork)
			}
			if scale < 0 || scale > 0 && nWork > 0 {
				return usagef("--scale %d: want a number of articles, without --workers", scale)
			}
			if nWork > 0 {
				return a.benchWorkers(ctx, corpus, nWork, keepDB, asJSON, prepare)
			}
			if prof != "" {
				f, err := os.Create(prof)
				if err != nil {
					return fmt.Errorf("bench: %w", err)
				}
				defer f.Close()
				if err := pprof.StartCPUProfile(f); err != nil {
					return fmt.Errorf("bench: %w", err)
				}
				defer pprof.StopCPUProfile()
			}
			inputs, errs := ingest.Expand([]string{corpus})
			if len(errs) > 0 {
				return errs[0]
			}
			if len(inputs) == 0 {
				return fmt.Errorf("bench: no input files in %s", corpus)
			}
			dir, err := os.MkdirTemp("", "parallax-bench-")
			if err != nil {
				return err
			}
			if !keepDB {
				defer os.RemoveAll(dir)
			}
			db, where, drop, err := a.benchStore(ctx, dir, keepDB)
			if err != nil {
				return err
			}
			defer drop()
			defer db.Close()

			if scale > 0 {
				return a.benchScale(ctx, corpus, inputs, scale, dir, db, asJSON)
			}
			bar := newProgressBar(a.stderr, len(inputs), "bench")
			// A fresh database only this process opens: the analysis
			// lock is the process's own.
			e := engine.New(db, engine.Options{Logger: a.log, Command: "bench"})
			ir, err := e.Ingest(ctx, inputs, engine.IngestOptions{Options: pipeline.Options{
				Logger: a.log,
				Progress: func(p pipeline.Progress) {
					bar.describe(fmt.Sprintf("bench: %d articles", p.Docs))
					bar.set(p.InputsDone)
				},
			}})
			bar.finish()
			if err != nil {
				return err
			}
			sum, an := ir.Ingest, ir.Analysis
			elapsed := sum.Elapsed + an.Elapsed
			res := benchResult{
				Corpus:       corpus,
				Articles:     sum.Docs,
				Added:        sum.Added,
				Failed:       sum.Failed,
				ElapsedSec:   elapsed.Seconds(),
				IngestSec:    sum.Elapsed.Seconds(),
				AnalyseSec:   an.Elapsed.Seconds(),
				ArticlesPerS: float64(sum.Docs) / elapsed.Seconds(),
				Stories:      an.NewStories,
				Duplicates:   an.Duplicates,
				Quotes:       an.Quotes,
				PeakRSSMiB:   peakRSSMiB(),
				Workers:      runtime.GOMAXPROCS(0),
				GoVersion:    runtime.Version(),
				CPUs:         runtime.NumCPU(),
			}
			stages := append(sum.Stages, an.Stages...)
			var total float64
			for _, s := range stages {
				total += s.Time.Seconds()
			}
			for _, s := range stages {
				sh := stageShare{Stage: s.Stage, Seconds: s.Time.Seconds()}
				if total > 0 {
					sh.Share = s.Time.Seconds() / total
				}
				res.Stages = append(res.Stages, sh)
			}
			if sz, ok := db.(interface {
				Size(context.Context) (int64, error)
			}); ok {
				if n, err := sz.Size(ctx); err == nil {
					res.DatabaseBytes = n
				}
			}
			if asJSON {
				return newJSONLines(a.stdout).write(res)
			}
			fmt.Fprintf(a.stdout, "corpus      %s\n", res.Corpus)
			fmt.Fprintf(a.stdout, "articles    %d (%d stored, %d failed)\n", res.Articles, res.Added, res.Failed)
			fmt.Fprintf(a.stdout, "analysis    %d stories, %d duplicates folded, %d quotes\n", res.Stories, res.Duplicates, res.Quotes)
			fmt.Fprintf(a.stdout, "elapsed     %.2fs (ingest %.2fs, analysis %.2fs)\n", res.ElapsedSec, res.IngestSec, res.AnalyseSec)
			fmt.Fprintf(a.stdout, "throughput  %.0f articles/s (%d CPUs, %s)\n", res.ArticlesPerS, res.CPUs, res.GoVersion)
			fmt.Fprintf(a.stdout, "peak RSS    %.0f MiB\n", res.PeakRSSMiB)
			fmt.Fprintf(a.stdout, "stages      (time summed over workers)\n")
			for _, s := range res.Stages {
				fmt.Fprintf(a.stdout, "  %-8s %7.2fs  %5.1f%%\n", s.Stage, s.Seconds, 100*s.Share)
			}
			if keepDB {
				fmt.Fprintf(a.stdout, "database    %s\n", where)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&corpus, "corpus", "../shared/corpus/reuters21578", "folder of Reuters-21578 .sgm files")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	cmd.Flags().BoolVar(&keepDB, "keep", false, "keep the benchmark database and print its path")
	cmd.Flags().IntVar(&nWork, "workers", 0, "PostgreSQL: start this many `parallax worker` processes that read, clean and store the inputs as jobs while this process leads the analysis; report the end-to-end rate and the leader's step alone (docs/scale.md)")
	cmd.Flags().BoolVar(&prepare, "prepare", true, "with --workers: the workers also prepare articles for the leader's analysis (prepare_articles jobs); false leaves all the analysis to the leader")
	cmd.Flags().IntVar(&scale, "scale", 0, "replicate the collection to this many articles and store and analyse them a tenth at a time, reporting each tenth's costs (how the leader's work grows with the collection)")
	cmd.Flags().StringVar(&prof, "cpuprofile", "", "write a CPU profile to this file (read it with go tool pprof)")
	return cmd
}

// benchStore opens the fresh database bench measures: a SQLite file in dir,
// or, when --db is a PostgreSQL URL, a new schema on that server. It
// returns where the database is and a function that removes it (which does
// nothing when keep is set).
func (a *app) benchStore(ctx context.Context, dir string, keep bool) (db database, where string, drop func(), err error) {
	if !postgres.IsURL(a.db) {
		path := filepath.Join(dir, "bench.db")
		db, err := sqlite.Open(ctx, path, sqlite.WithLogger(a.log))
		if err != nil {
			return nil, "", nil, err
		}
		return db, path, func() {}, nil
	}
	schema := fmt.Sprintf("parallax_bench_%s", time.Now().UTC().Format("20060102_150405"))
	if err := postgres.CreateSchema(ctx, a.db, schema); err != nil {
		return nil, "", nil, fmt.Errorf("bench: %w", err)
	}
	drop = func() {
		if keep {
			return
		}
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
		defer cancel()
		if err := postgres.DropSchema(ctx, a.db, schema); err != nil {
			a.log.Warn("bench: drop the benchmark schema", slog.String("schema", schema), slog.Any("error", err))
		}
	}
	dsn := postgres.WithSchema(a.db, schema)
	pg, err := postgres.Open(ctx, dsn, postgres.WithLogger(a.log))
	if err != nil {
		drop()
		return nil, "", nil, err
	}
	return pg, postgres.Redact(dsn), drop, nil
}

// peakRSSMiB returns the process's peak resident set size in MiB.
func peakRSSMiB() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024 // Linux reports KiB
}
