package engine

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
)

// IngestInputKind is the kind of the job that reads, cleans and stores
// one input: a file or folder the worker can read, or the URL of one page
// (fetched under the worker's fetch limits).
const IngestInputKind = "ingest_input"

// IngestInputArgs is the payload of an ingest_input job. Jobs are unique
// by input while one waits or runs.
type IngestInputArgs struct {
	Input string `json:"input"`
}

// Kind implements river.JobArgs.
func (IngestInputArgs) Kind() string { return IngestInputKind }

// InsertOpts implements river.JobArgsWithInsertOpts.
func (IngestInputArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 5, UniqueOpts: river.UniqueOpts{ByArgs: true,
		ByState: []rivertype.JobState{rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning,
			rivertype.JobStateRetryable, rivertype.JobStateScheduled}}}
}

// EnqueueInputs enqueues an ingest_input job per input and reports how
// many were new (an input already waiting or running is not enqueued
// twice).
func (e *Engine) EnqueueInputs(ctx context.Context, inputs []string) (int, error) {
	if e.jobs == nil {
		return 0, errors.New("enqueue inputs: the database has no job queue (SQLite)")
	}
	params := make([]river.InsertManyParams, 0, len(inputs))
	for _, in := range inputs {
		params = append(params, river.InsertManyParams{Args: IngestInputArgs{Input: in}})
	}
	if len(params) == 0 {
		return 0, nil
	}
	res, err := e.jobs.insert.InsertMany(ctx, params)
	if err != nil {
		return 0, fmt.Errorf("enqueue inputs: %w", err)
	}
	n := 0
	for _, r := range res {
		if !r.UniqueSkippedAsDuplicate {
			n++
		}
	}
	return n, nil
}

// ingestInputWorker works ingest_input jobs.
type ingestInputWorker struct {
	river.WorkerDefaults[IngestInputArgs]
	e *Engine
	r *ingest.Reader
}

// Work reads, cleans and stores the job's input, then analyses what is
// pending if this process can lead (it leaves it to the leader
// otherwise). An input that does not exist cancels the job with an error
// saying so; a failure of the database fails the attempt, which River
// retries. A retried input stores nothing twice: an article's ID is a
// hash of its text, and a stored article is not stored again.
func (w *ingestInputWorker) Work(ctx context.Context, job *river.Job[IngestInputArgs]) error {
	in := job.Args.Input
	if in == "" {
		return river.JobCancel(errors.New("ingest_input job without an input"))
	}
	inputs, errs := ingest.Expand([]string{in})
	if len(errs) > 0 {
		if errors.Is(errs[0], os.ErrNotExist) {
			return river.JobCancel(fmt.Errorf("ingest %s: %w", in, errs[0]))
		}
		return fmt.Errorf("ingest %s: %w", in, errors.Join(errs...))
	}
	if err := w.e.jobs.CheckLease(withLease(ctx, lease{id: job.ID, attempt: job.Attempt})); err != nil {
		return err
	}
	res, err := w.e.Ingest(ctx, inputs, IngestOptions{Reader: w.r, Options: pipeline.Options{Logger: w.e.log}})
	if err != nil {
		return fmt.Errorf("ingest %s: %w", in, err)
	}
	w.e.log.InfoContext(ctx, "ingested input", slog.String("input", in), slog.Int64("job", job.ID),
		slog.Int("attempt", job.Attempt), slog.Int("documents", res.Ingest.Docs), slog.Int("added", res.Ingest.Added),
		slog.Int("failed", res.Ingest.Failed), slog.Bool("left_to_leader", res.LeftToLeader))
	return nil
}
