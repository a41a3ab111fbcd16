package cli

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/parallax-news/parallax/internal/engine"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/store/postgres"
)

// benchWorkersResult is the JSON output of parallax bench --workers.
type benchWorkersResult struct {
	Corpus  string `json:"corpus"`
	Inputs  int    `json:"inputs"`
	Workers int    `json:"workers"`
	// Articles stored and analysed by the run; Stories made.
	Articles int `json:"articles"`
	Stories  int `json:"stories"`
	// ElapsedSec from enqueueing the inputs to the last article analysed;
	// ArticlesPerS the end-to-end rate.
	ElapsedSec   float64 `json:"elapsed_sec"`
	ArticlesPerS float64 `json:"articles_per_sec"`
	// CPU seconds the leader (this process) and the worker processes used
	// in the run.
	LeaderCPUSec  float64 `json:"leader_cpu_sec"`
	WorkersCPUSec float64 `json:"workers_cpu_sec"`
	// Prepare is true when the workers prepared articles for the analysis
	// (--prepare); PreparedByWorkers counts the articles the leader
	// analysed from their results (the rest it prepared itself).
	Prepare           bool `json:"prepare"`
	PreparedByWorkers int  `json:"prepared_by_workers"`
	// The leader's analysis alone, over the same stored articles (reset
	// and analysed again, nothing else running): its rate, and the time of
	// its serial part (analyse-cross: duplicates, stories, storylines,
	// entity registry) on its own.
	SerialSec          float64      `json:"serial_sec"`
	SerialArticlesPerS float64      `json:"serial_articles_per_sec"`
	CrossSec           float64      `json:"cross_sec"`
	CrossArticlesPerS  float64      `json:"cross_articles_per_sec"`
	SerialStages       []stageShare `json:"serial_stages"`
	SerialCPUSec       float64      `json:"serial_cpu_sec"`
	// With --prepare, the leader's analysis of the same articles a third
	// time, with N fresh workers preparing for it (prepare_articles jobs):
	// its time and rate, how many articles it took prepared, and its
	// stages (analyse-article is what it still prepared itself).
	WithWorkersSec          float64      `json:"with_workers_sec,omitempty"`
	WithWorkersArticlesPerS float64      `json:"with_workers_articles_per_sec,omitempty"`
	WithWorkersPrepared     int          `json:"with_workers_prepared,omitempty"`
	WithWorkersCPUSec       float64      `json:"with_workers_cpu_sec,omitempty"`
	WithWorkersStages       []stageShare `json:"with_workers_stages,omitempty"`
	// DatabaseBytes is the schema's size on disk (tables, indexes, TOAST,
	// the job queue); BytesPer100k scales it to 100,000 articles.
	DatabaseBytes int64   `json:"database_bytes"`
	BytesPer100k  int64   `json:"bytes_per_100k_articles"`
	CPUs          int     `json:"cpus"`
	LoadBefore    float64 `json:"load_before"`
	LoadAfter     float64 `json:"load_after"`
	GoVersion     string  `json:"go_version"`
}

// benchWorkers measures the distributed ingest on PostgreSQL: it enqueues
// one ingest_input job per input file of corpus, starts n `parallax
// worker` processes that read, clean and store them, and leads the
// analysis itself (as serve would), until every stored article is
// analysed. Then it analyses the same store again alone, to time the
// leader's step on its own.
func (a *app) benchWorkers(ctx context.Context, corpus string, n int, keep, asJSON, prepare bool) error {
	if !postgres.IsURL(a.db) {
		return usagef("--workers needs a PostgreSQL database (--db postgres://...): workers take jobs from its queue")
	}
	inputs, errs := ingest.Expand([]string{corpus})
	if len(errs) > 0 {
		return errs[0]
	}
	if len(inputs) == 0 {
		return fmt.Errorf("bench: no input files in %s", corpus)
	}
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	schema := fmt.Sprintf("parallax_bench_%s_w%d", time.Now().UTC().Format("20060102_150405"), n)
	if err := postgres.CreateSchema(ctx, a.db, schema); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	dsn := postgres.WithSchema(a.db, schema)
	if !keep {
		defer func() {
			ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
			defer cancel()
			if err := postgres.DropSchema(ctx, a.db, schema); err != nil {
				a.log.Warn("bench: drop the benchmark schema", slog.String("schema", schema), slog.Any("error", err))
			}
		}()
	}
	e, err := engine.Open(ctx, dsn, engine.Options{Logger: a.log, Command: "bench"})
	if err != nil {
		return err
	}
	defer e.Close()

	res := benchWorkersResult{Corpus: corpus, Inputs: len(inputs), Workers: n, Prepare: prepare, CPUs: runtime.NumCPU(),
		GoVersion: runtime.Version(), LoadBefore: loadAverage()}
	// Lead the analysis, as serve does.
	actx, stopAnalyser := context.WithCancel(ctx)
	analyserDone := make(chan struct{})
	go func() {
		defer close(analyserDone)
		e.RunAnalyser(actx, 200*time.Millisecond, nil)
	}()
	defer func() {
		stopAnalyser()
		<-analyserDone
	}()
	for !e.Leader().Held() {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}

	var procs []*exec.Cmd
	var logs []*strings.Builder
	stopWorkers := func() {
		for _, p := range procs {
			_ = p.Process.Signal(syscall.SIGTERM)
		}
		for _, p := range procs {
			_ = p.Wait()
		}
		procs, logs = nil, nil
	}
	defer stopWorkers()
	startWorkers := func() error {
		for range n {
			cmd := exec.CommandContext(ctx, self, "worker", "--db", dsn, "--jobs", "1", "--analyse=false",
				"--prepare="+strconv.FormatBool(prepare), "--log-level", "warn")
			var b strings.Builder
			cmd.Stderr = &b
			if err := cmd.Start(); err != nil {
				return fmt.Errorf("bench: start a worker: %w", err)
			}
			procs, logs = append(procs, cmd), append(logs, &b)
		}
		return nil
	}
	if err := startWorkers(); err != nil {
		return err
	}
	names := make([]string, len(inputs))
	for i, in := range inputs {
		names[i] = in.Name
	}
	var selfStart, childStart syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &selfStart)
	start := time.Now()
	if _, err := e.EnqueueInputs(ctx, names); err != nil {
		return err
	}
	bar := newProgressBar(a.stderr, len(names), fmt.Sprintf("bench: %d workers", n))
	for {
		counts, err := e.Jobs().JobCounts(ctx)
		if err != nil {
			return err
		}
		c := counts[engine.IngestInputKind]
		finished := c["completed"] + c["cancelled"] + c["discarded"]
		bar.set(finished)
		if finished == len(names) {
			pending, err := e.HasPending(ctx)
			if err != nil {
				return err
			}
			if !pending {
				break
			}
		}
		for i, p := range procs {
			if p.ProcessState != nil {
				return fmt.Errorf("bench: worker %d exited: %s", i, logs[i].String())
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
	res.ElapsedSec = time.Since(start).Seconds()
	bar.finish()
	var selfEnd syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &selfEnd)
	_ = syscall.Getrusage(syscall.RUSAGE_CHILDREN, &childStart)
	stopWorkers()
	var childEnd syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_CHILDREN, &childEnd)
	res.LeaderCPUSec = cpuSeconds(selfEnd) - cpuSeconds(selfStart)
	res.WorkersCPUSec = cpuSeconds(childEnd)
	res.LoadAfter = loadAverage()

	st, err := e.Status(ctx)
	if err != nil {
		return err
	}
	res.Articles = st.Articles
	res.ArticlesPerS = float64(res.Articles) / res.ElapsedSec
	if sz, ok := e.DB().(interface {
		Size(context.Context) (int64, error)
	}); ok {
		if b, err := sz.Size(ctx); err == nil {
			res.DatabaseBytes = b
			if res.Articles > 0 {
				res.BytesPer100k = b * 100_000 / int64(res.Articles)
			}
		}
	}

	// The leader's step on its own, over the same articles.
	stopAnalyser()
	<-analyserDone
	// Counted when an analysis returns: read once the last has.
	res.PreparedByWorkers = e.Metrics().AnalysedPrepared()
	var before, after syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &before)
	an, err := e.AnalyseReset(ctx)
	if err != nil {
		return err
	}
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &after)
	res.SerialCPUSec = cpuSeconds(after) - cpuSeconds(before)
	res.Stories = an.NewStories
	res.SerialSec = an.Elapsed.Seconds()
	if res.SerialSec > 0 {
		res.SerialArticlesPerS = float64(an.Articles) / res.SerialSec
	}
	var total float64
	for _, s := range an.Stages {
		total += s.Time.Seconds()
	}
	for _, s := range an.Stages {
		sh := stageShare{Stage: s.Stage, Seconds: s.Time.Seconds()}
		if total > 0 {
			sh.Share = s.Time.Seconds() / total
		}
		res.SerialStages = append(res.SerialStages, sh)
		if s.Stage == "analyse-cross" && s.Time > 0 {
			res.CrossSec = s.Time.Seconds()
			res.CrossArticlesPerS = float64(an.Articles) / s.Time.Seconds()
		}
	}
	if prepare {
		// The leader's step again, with the workers preparing for it.
		if err := startWorkers(); err != nil {
			return err
		}
		for {
			alive, err := e.Jobs().PreparersAlive(ctx)
			if err != nil {
				return err
			}
			if alive {
				break
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(50 * time.Millisecond):
			}
		}
		_ = syscall.Getrusage(syscall.RUSAGE_SELF, &before)
		an, err := e.AnalyseReset(ctx)
		if err != nil {
			return err
		}
		_ = syscall.Getrusage(syscall.RUSAGE_SELF, &after)
		res.WithWorkersCPUSec = cpuSeconds(after) - cpuSeconds(before)
		stopWorkers()
		res.WithWorkersSec = an.Elapsed.Seconds()
		res.WithWorkersPrepared = an.Prepared
		if res.WithWorkersSec > 0 {
			res.WithWorkersArticlesPerS = float64(an.Articles) / res.WithWorkersSec
		}
		for _, s := range an.Stages {
			res.WithWorkersStages = append(res.WithWorkersStages, stageShare{Stage: s.Stage, Seconds: s.Time.Seconds()})
		}
	}
	if asJSON {
		return newJSONLines(a.stdout).write(res)
	}
	w := a.stdout
	fmt.Fprintf(w, "corpus      %s (%d inputs)\n", res.Corpus, res.Inputs)
	fmt.Fprintf(w, "workers     %d worker processes beside one leader (%d CPUs, load %.2f before, %.2f after)\n",
		res.Workers, res.CPUs, res.LoadBefore, res.LoadAfter)
	fmt.Fprintf(w, "end to end  %d articles in %.2fs: %.0f articles/s\n", res.Articles, res.ElapsedSec, res.ArticlesPerS)
	fmt.Fprintf(w, "cpu         leader %.2fs, workers %.2fs\n", res.LeaderCPUSec, res.WorkersCPUSec)
	fmt.Fprintf(w, "prepared    %d articles by the workers (prepare_articles jobs; --prepare %v), the rest by the leader\n", res.PreparedByWorkers, res.Prepare)
	fmt.Fprintf(w, "leader alone %.2fs (CPU %.2fs): %.0f articles/s; its serial part (analyse-cross) %.2fs: %.0f articles/s\n",
		res.SerialSec, res.SerialCPUSec, res.SerialArticlesPerS, res.CrossSec, res.CrossArticlesPerS)
	if res.Prepare {
		fmt.Fprintf(w, "leader with %d workers preparing %.2fs (CPU %.2fs): %.0f articles/s, %d of them prepared by the workers;",
			res.Workers, res.WithWorkersSec, res.WithWorkersCPUSec, res.WithWorkersArticlesPerS, res.WithWorkersPrepared)
		for _, s := range res.WithWorkersStages {
			fmt.Fprintf(w, " %s %.2fs", s.Stage, s.Seconds)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "database    %.1f MiB, %.1f MiB per 100k articles\n", float64(res.DatabaseBytes)/(1<<20), float64(res.BytesPer100k)/(1<<20))
	if keep {
		fmt.Fprintf(w, "database    %s\n", postgres.Redact(dsn))
	}
	return nil
}

func cpuSeconds(ru syscall.Rusage) float64 {
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// loadAverage is the one-minute load average of the machine (0 when it
// cannot be read).
func loadAverage() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	var l float64
	if _, err := fmt.Sscanf(string(b), "%f", &l); err != nil {
		return 0
	}
	return l
}
