package engine

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/ingest"
)

// PollFeedKind is the kind of the job that polls one feed.
const PollFeedKind = "poll_feed"

// PollFeedArgs is the payload of a poll_feed job: the feed, and when it
// fell due. The two together make the job unique (River's unique jobs,
// by arguments, in every state but cancelled and discarded), so that N
// `serve` replicas that all see the feed due enqueue one poll, and a poll
// already done is not enqueued again for the same due time.
type PollFeedArgs struct {
	URL string `json:"url"`
	// Due is the feed's NextPoll when it was enqueued (RFC 3339, UTC;
	// empty for a feed never polled).
	Due string `json:"due,omitempty"`
}

// Kind implements river.JobArgs.
func (PollFeedArgs) Kind() string { return PollFeedKind }

// InsertOpts implements river.JobArgsWithInsertOpts.
func (PollFeedArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 5, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// EnqueueDuePolls enqueues a poll_feed job for every enabled feed that is
// due, and reports how many were new (the others were enqueued already,
// by this or another process). It is the scheduler's pass on PostgreSQL.
func (e *Engine) EnqueueDuePolls(ctx context.Context) (int, error) {
	if e.jobs == nil {
		return 0, errors.New("enqueue polls: the database has no job queue (SQLite)")
	}
	states, err := e.db.FeedStates(ctx)
	if err != nil {
		return 0, fmt.Errorf("enqueue polls: load feeds: %w", err)
	}
	now := time.Now()
	var params []river.InsertManyParams
	for _, st := range states {
		if st.Disabled || st.NextPoll.After(now) {
			continue
		}
		due := ""
		if !st.NextPoll.IsZero() {
			due = st.NextPoll.UTC().Format(time.RFC3339Nano)
		}
		params = append(params, river.InsertManyParams{Args: PollFeedArgs{URL: st.URL, Due: due}})
	}
	if len(params) == 0 {
		return 0, nil
	}
	res, err := e.jobs.insert.InsertMany(ctx, params)
	if err != nil {
		return 0, fmt.Errorf("enqueue polls: %w", err)
	}
	n := 0
	for _, r := range res {
		if !r.UniqueSkippedAsDuplicate {
			n++
		}
	}
	return n, nil
}

// JobOptions configure RunJobs.
type JobOptions struct {
	// Poller polls the feeds of poll_feed jobs.
	Poller *feed.Poller
	// Reader reads the inputs of ingest_input jobs (its Fetcher fetches
	// URL inputs; nil refuses them).
	Reader *ingest.Reader
	// Concurrency is how many jobs of each queue this process works at
	// once (default 2): polls and inputs, pages (PageQueue), and with
	// Prepare, prepare jobs.
	Concurrency int
	// JobTimeout bounds one job (default 5 minutes): its context ends and
	// the job is retried.
	JobTimeout time.Duration
	// RescueAfter is how long a job may stay running before it is taken
	// as lost (its worker died) and retried (default JobTimeout + 1
	// minute). River's rescuer looks every 30 seconds.
	RescueAfter time.Duration
	// ID names this process in the jobs it works (default: the command,
	// pid and host).
	ID string
	// Prepare makes this process work prepare_articles jobs too (the
	// analysis's per-article work for the leader; `parallax worker`).
	Prepare bool
	// PageRetry is the first wait before a fetch_page job whose page
	// failed for a passing reason is tried again; it doubles with each
	// attempt (default 15 seconds).
	PageRetry time.Duration
}

// RunJobs works the database's jobs until ctx ends, then stops taking new
// ones and lets running ones finish (up to 10 seconds, then cancels them:
// a cancelled job is retried). Jobs that fail are retried with River's
// exponential backoff; a job of an unknown kind or with a bad payload
// fails with an error saying so and does not stop the worker.
func (e *Engine) RunJobs(ctx context.Context, opts JobOptions) error {
	if e.jobs == nil {
		return errors.New("work jobs: the database has no job queue (jobs need PostgreSQL)")
	}
	if opts.Poller == nil {
		return errors.New("work jobs: no poller")
	}
	if opts.Concurrency <= 0 {
		opts.Concurrency = 2
	}
	if opts.JobTimeout <= 0 {
		opts.JobTimeout = 5 * time.Minute
	}
	if opts.RescueAfter <= opts.JobTimeout {
		opts.RescueAfter = opts.JobTimeout + time.Minute
	}
	if opts.ID == "" {
		opts.ID = workerID(e.command)
	}
	workers := river.NewWorkers()
	if err := river.AddWorkerSafely(workers, &pollFeedWorker{e: e, p: opts.Poller}); err != nil {
		return fmt.Errorf("work jobs: %w", err)
	}
	if err := river.AddWorkerSafely(workers, newFetchPageWorker(e, opts.Poller, opts.PageRetry)); err != nil {
		return fmt.Errorf("work jobs: %w", err)
	}
	if opts.Reader == nil {
		opts.Reader = &ingest.Reader{}
	}
	if err := river.AddWorkerSafely(workers, &ingestInputWorker{e: e, r: opts.Reader}); err != nil {
		return fmt.Errorf("work jobs: %w", err)
	}
	cfg := e.jobs.config(workers)
	cfg.ID = opts.ID
	cfg.JobTimeout = opts.JobTimeout
	cfg.RescueStuckJobsAfter = opts.RescueAfter
	cfg.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: opts.Concurrency},
		PageQueue: {MaxWorkers: opts.Concurrency}}
	if opts.Prepare {
		if err := river.AddWorkerSafely(workers, &prepareWorker{e: e, id: opts.ID}); err != nil {
			return fmt.Errorf("work jobs: %w", err)
		}
		cfg.Queues[PrepareQueue] = river.QueueConfig{MaxWorkers: opts.Concurrency}
		hctx, stopBeat := context.WithCancel(ctx)
		beatDone := make(chan struct{})
		go func() {
			defer close(beatDone)
			e.jobs.heartbeat(hctx, opts.ID, true, e.log)
		}()
		defer func() {
			stopBeat()
			<-beatDone
		}()
	}
	cfg.FetchPollInterval = 500 * time.Millisecond
	client, err := river.NewClient(riverpgxv5.New(e.jobs.pool), cfg)
	if err != nil {
		return fmt.Errorf("work jobs: %w", err)
	}
	events, cancelEvents := client.Subscribe(river.EventKindJobCompleted, river.EventKindJobFailed, river.EventKindJobCancelled)
	defer cancelEvents()
	if err := client.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("work jobs: start: %w", err)
	}
	e.log.InfoContext(ctx, "working jobs", "id", opts.ID, "concurrency", opts.Concurrency)
loop:
	for {
		select {
		case ev, ok := <-events:
			if !ok {
				events = nil
				continue
			}
			e.metrics.jobDone(ev)
		case <-ctx.Done():
			break loop
		}
	}
	stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := client.Stop(stopCtx); err != nil {
		hard, cancelHard := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancelHard()
		if err := client.StopAndCancel(hard); err != nil {
			return fmt.Errorf("work jobs: stop: %w", err)
		}
	}
	return nil
}

// pollFeedWorker works poll_feed jobs.
type pollFeedWorker struct {
	river.WorkerDefaults[PollFeedArgs]
	e *Engine
	p *feed.Poller
}

// Work polls the job's feed if it is still due (a poll done since the job
// was enqueued moved its NextPoll: then there is nothing to do), stores
// its new items that carry their full text, enqueues a fetch_page job for
// each new item whose page must be fetched (jobs_page.go), and analyses
// what is pending if this process can lead. A feed that
// is not subscribed cancels the job with an error saying so; a failure of
// the database fails the attempt, which River retries with backoff. The
// feed's own failures (a 500, a broken feed) are the poller's to record
// and back off from: the job succeeds.
func (w *pollFeedWorker) Work(ctx context.Context, job *river.Job[PollFeedArgs]) error {
	url := job.Args.URL
	if url == "" {
		return river.JobCancel(errors.New("poll_feed job without a feed URL"))
	}
	states, err := w.e.db.FeedStates(ctx)
	if err != nil {
		return fmt.Errorf("poll %s: load feeds: %w", url, err)
	}
	i := slices.IndexFunc(states, func(s feed.State) bool { return s.URL == url })
	if i < 0 {
		return river.JobCancel(fmt.Errorf("poll %s: the feed is not subscribed", url))
	}
	if states[i].Disabled {
		w.e.log.InfoContext(ctx, "poll job: feed disabled", "feed", url, "job", job.ID)
		return nil
	}
	if !states[i].NextPoll.After(time.Now()) {
		// The feed's host's rate is shared with every process
		// (jobs_hosts.go); a feed not due any more is not fetched.
		gated, err := w.e.jobs.pollGate(ctx, w.p, url)
		var busy *errHostBusy
		if errors.As(err, &busy) {
			w.e.log.DebugContext(ctx, "poll job snoozed: its host is busy", "feed", url, "job", job.ID, "wait", busy.wait)
			return w.e.jobs.snoozeBusy(busy)
		}
		if err != nil {
			return fmt.Errorf("poll %s: %w", url, err)
		}
		ctx = gated
	}
	ctx = withLease(ctx, lease{id: job.ID, attempt: job.Attempt})
	pages := &pageJobs{db: w.e.db}
	ctx = withPageJobs(ctx, pages)
	res, err := w.e.poll(ctx, w.p, feed.PollOptions{URLs: []string{url}}, true, false)
	if err != nil {
		return fmt.Errorf("poll %s: %w", url, err)
	}
	if res.Poll.Feeds == 0 {
		w.e.log.InfoContext(ctx, "poll job: feed not due any more", "feed", url, "job", job.ID)
		return nil
	}
	outcome := ""
	if len(res.Poll.Results) > 0 {
		outcome = string(res.Poll.Results[0].Outcome)
	}
	w.e.log.InfoContext(ctx, "polled feed", slog.String("feed", url), slog.Int64("job", job.ID),
		slog.Int("attempt", job.Attempt), slog.String("outcome", outcome), slog.Int("new", res.Poll.New),
		slog.Int("analysed", res.Analysis.Articles), slog.Int("pages_enqueued", pages.enqueued),
		slog.Int("pages_enqueued_before", pages.already))
	return nil
}

// Timeout implements river.Worker: zero takes the client's JobTimeout.
func (w *pollFeedWorker) Timeout(*river.Job[PollFeedArgs]) time.Duration { return 0 }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
