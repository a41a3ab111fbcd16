package engine

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/pipeline"
)

// ErrStaleJob is returned by a write of a job that is no longer this
// worker's: River took it as lost (its worker was stopped or cut off past
// the rescue time) and retried it, maybe elsewhere.
var ErrStaleJob = errors.New("the job was taken over by a later attempt: its results are not written")

// lease identifies one attempt of one job.
type lease struct {
	id      int64
	attempt int
}

type leaseKey struct{}

func withLease(ctx context.Context, l lease) context.Context {
	return context.WithValue(ctx, leaseKey{}, l)
}

// CheckLease reports ErrStaleJob when the job attempt that ctx carries
// (RunJobs puts it there) is no longer running: a later attempt started,
// or the job left the running state. Without an attempt in ctx (writes
// outside jobs) it returns nil.
func (q *Jobs) CheckLease(ctx context.Context) error {
	l, ok := ctx.Value(leaseKey{}).(lease)
	if !ok {
		return nil
	}
	var state string
	var attempt int
	err := q.pool.QueryRow(ctx, `SELECT state::text, attempt FROM `+pgx.Identifier{q.schema, "river_job"}.Sanitize()+` WHERE id = $1`, l.id).Scan(&state, &attempt)
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("job %d: %w (deleted)", l.id, ErrStaleJob)
	}
	if err != nil {
		return fmt.Errorf("check job %d: %w", l.id, err)
	}
	if state != "running" || attempt != l.attempt {
		return fmt.Errorf("job %d attempt %d (now %s, attempt %d): %w", l.id, l.attempt, state, attempt, ErrStaleJob)
	}
	return nil
}

// guardedSink is the poller's sink when jobs poll: every write first
// checks that the job attempt doing it is still the current one, so that a
// worker that comes back after its job was retried elsewhere (a SIGSTOP
// longer than the rescue time, a network partition) writes nothing: not
// its items, not the feed's state. The check and the write are two
// statements, so a takeover in between can still let one write through;
// that write is harmless: articles are keyed by a hash of their text and
// stored once, and a feed state written late only makes the next poll
// earlier or its validators older (one extra conditional request).
type guardedSink struct {
	*pipeline.FeedStore
	q *Jobs
}

func (g guardedSink) SaveFeedState(ctx context.Context, oldURL string, st feed.State) error {
	if err := g.q.CheckLease(ctx); err != nil {
		return err
	}
	return g.FeedStore.SaveFeedState(ctx, oldURL, st)
}

func (g guardedSink) PutItems(ctx context.Context, f feed.State, items []feed.Item) (int, error) {
	if err := g.q.CheckLease(ctx); err != nil {
		return 0, err
	}
	return g.FeedStore.PutItems(ctx, f, items)
}

func (g guardedSink) TakeItems(ctx context.Context, f feed.State, items []feed.Item, pages feed.Pages) (int, error) {
	if err := g.q.CheckLease(ctx); err != nil {
		return 0, err
	}
	if pj, ok := ctx.Value(pageJobsKey{}).(*pageJobs); ok {
		// A poll_feed job: pages become fetch_page jobs (jobs_page.go).
		return g.takeItemsDeferred(ctx, pj, f, items, pages)
	}
	return g.FeedStore.TakeItems(ctx, f, items, pages)
}
