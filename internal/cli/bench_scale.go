package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"syscall"

	"github.com/parallax-news/parallax/internal/engine"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
)

// benchScaleResult is the JSON output of parallax bench --scale.
type benchScaleResult struct {
	Corpus string `json:"corpus"`
	// Base is the number of stories of the corpus; Scale the number of
	// articles the run stores (replicas of the base), in Steps of a tenth.
	Base  int              `json:"base"`
	Scale int              `json:"scale"`
	Steps []benchScaleStep `json:"steps"`
	// DatabaseBytes is the database's size at the end.
	DatabaseBytes int64   `json:"database_bytes"`
	PeakRSSMiB    float64 `json:"peak_rss_mib"`
	CPUs          int     `json:"cpus"`
	GoVersion     string  `json:"go_version"`
	LoadBefore    float64 `json:"load_before"`
	LoadAfter     float64 `json:"load_after"`
}

// benchScaleStep is one tenth of a --scale run: its articles stored and
// analysed on top of those of the steps before.
type benchScaleStep struct {
	// Stored is the number of articles in the database after the step.
	Stored int `json:"stored"`
	// Articles the step stored and analysed, and Stories it made.
	Articles int `json:"articles"`
	Stories  int `json:"stories"`
	// IngestSec and AnalyseSec are the step's wall times; CPUMsPerArticle
	// the process's CPU (user and system) per article of the step.
	IngestSec       float64 `json:"ingest_sec"`
	AnalyseSec      float64 `json:"analyse_sec"`
	CPUMsPerArticle float64 `json:"cpu_ms_per_article"`
	// The analysis's serial part (analyse-cross: duplicates, stories,
	// storylines, entity registry) and its writes (analyse-store), in
	// milliseconds per article of the step, and the serial part's rate.
	CrossMsPerArticle float64 `json:"cross_ms_per_article"`
	StoreMsPerArticle float64 `json:"store_ms_per_article"`
	CrossArticlesPerS float64 `json:"cross_articles_per_sec"`
}

// benchScale measures how the leader's work grows with the collection: the
// corpus's stories are replicated to n articles (replica k of a story: its
// date 3k years later and a closing line naming the replica, so that no
// replica is an exact copy of another), stored and analysed a tenth at a
// time, and each tenth's costs reported with the number of articles
// stored after it.
func (a *app) benchScale(ctx context.Context, corpus string, inputs []ingest.Input, n int, dir string, db database, asJSON bool) error {
	var base []ingest.Doc
	r := &ingest.Reader{}
	for _, in := range inputs {
		err := r.Read(ctx, in, func(d ingest.Doc) error {
			base = append(base, d)
			return nil
		}, func(err error) { a.log.Warn("bench: input skipped", "error", err) })
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
	}
	if len(base) == 0 {
		return fmt.Errorf("bench: no stories in %s", corpus)
	}
	res := benchScaleResult{Corpus: corpus, Base: len(base), Scale: n, CPUs: runtime.NumCPU(),
		GoVersion: runtime.Version(), LoadBefore: loadAverage()}
	e := engine.New(db, engine.Options{Logger: a.log, Command: "bench"})
	bar := newProgressBar(a.stderr, n, "bench")
	stored := 0
	for step := range 10 {
		from, to := n*step/10, n*(step+1)/10
		path := filepath.Join(dir, fmt.Sprintf("step-%d.jsonl", step))
		if err := writeReplicas(path, base, from, to); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		var before, after syscall.Rusage
		_ = syscall.Getrusage(syscall.RUSAGE_SELF, &before)
		ir, err := e.Ingest(ctx, []ingest.Input{{Name: path, Kind: ingest.KindJSONL}}, engine.IngestOptions{Options: pipeline.Options{Logger: a.log}})
		_ = syscall.Getrusage(syscall.RUSAGE_SELF, &after)
		if err != nil {
			return err
		}
		os.Remove(path)
		stored += ir.Ingest.Added
		s := benchScaleStep{Stored: stored, Articles: ir.Analysis.Articles, Stories: ir.Analysis.NewStories,
			IngestSec: ir.Ingest.Elapsed.Seconds(), AnalyseSec: ir.Analysis.Elapsed.Seconds()}
		if k := to - from; k > 0 {
			s.CPUMsPerArticle = 1000 * (cpuSeconds(after) - cpuSeconds(before)) / float64(k)
		}
		for _, st := range ir.Analysis.Stages {
			ms := 1000 * st.Time.Seconds() / float64(max(s.Articles, 1))
			switch st.Stage {
			case "analyse-cross":
				s.CrossMsPerArticle = ms
				if ms > 0 {
					s.CrossArticlesPerS = 1000 / ms
				}
			case "analyse-store":
				s.StoreMsPerArticle = ms
			}
		}
		res.Steps = append(res.Steps, s)
		bar.describe(fmt.Sprintf("bench: %d stored", stored))
		bar.set(to)
	}
	bar.finish()
	res.PeakRSSMiB, res.LoadAfter = peakRSSMiB(), loadAverage()
	if sz, ok := db.(interface {
		Size(context.Context) (int64, error)
	}); ok {
		if b, err := sz.Size(ctx); err == nil {
			res.DatabaseBytes = b
		}
	}
	if asJSON {
		return newJSONLines(a.stdout).write(res)
	}
	fmt.Fprintf(a.stdout, "corpus      %s (%d stories, replicated to %d)\n", res.Corpus, res.Base, res.Scale)
	fmt.Fprintf(a.stdout, "%9s %8s %8s %10s %10s %10s %10s\n", "stored", "articles", "stories", "cpu ms/a", "serial/s", "serial ms", "store ms")
	for _, s := range res.Steps {
		fmt.Fprintf(a.stdout, "%9d %8d %8d %10.3f %10.0f %10.3f %10.3f\n", s.Stored, s.Articles, s.Stories,
			s.CPUMsPerArticle, s.CrossArticlesPerS, s.CrossMsPerArticle, s.StoreMsPerArticle)
	}
	fmt.Fprintf(a.stdout, "peak RSS    %.0f MiB; database %d MiB\n", res.PeakRSSMiB, res.DatabaseBytes>>20)
	return nil
}

// writeReplicas writes articles from..to-1 of the replicated sequence as
// JSON Lines: article i is replica i/len(base) of base[i%len(base)].
func writeReplicas(path string, base []ingest.Doc, from, to int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	for i := from; i < to; i++ {
		k, d := i/len(base), base[i%len(base)]
		rec := ingest.Record{Title: d.Title, Text: string(d.Body), Outlet: d.Outlet, Published: d.Published}
		if k > 0 {
			rec.Text += "\n\nReplica " + strconv.Itoa(k) + "."
			rec.Published = shiftYears(d.Published, replicaYears*k)
		}
		if err := enc.Encode(rec); err != nil {
			f.Close()
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

// replicaYears is how far apart in time replicas are: beyond the
// clusterer's window (two years), so that a replica's stories are its own
// and not the original's, as next year's news would be. Dates past the
// present are dropped by ingest, so from about 13 replicas of Reuters
// (1987 + 3 × 13 > 2026) the later replicas' articles are undated.
const replicaYears = 3

var yearRe = regexp.MustCompile(`\b(1[0-9]{3}|20[0-9]{2})\b`)

// shiftYears moves the first year written in a date k years on
// ("26-FEB-1987 15:01:01.79" → "26-FEB-1989 …" for k = 2).
func shiftYears(date string, k int) string {
	done := false
	return yearRe.ReplaceAllStringFunc(date, func(y string) string {
		if done {
			return y
		}
		done = true
		v, _ := strconv.Atoi(y) // four digits
		return strconv.Itoa(v + k)
	})
}
