package engine

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
)

// failFetch fails every request, as an unreachable host would.
type failFetch struct{}

func (failFetch) Get(context.Context, string, fetch.Conditional) (*fetch.Response, error) {
	return nil, errors.New("unreachable")
}

func openPgEngine(t *testing.T, dsn, command string) *Engine {
	t.Helper()
	e, err := Open(context.Background(), dsn, Options{Command: command})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// jobRow reads one job's state and errors.
func jobRow(t *testing.T, e *Engine, where string, args ...any) (state string, errs string) {
	t.Helper()
	err := e.jobs.pool.QueryRow(context.Background(), `SELECT state::text, coalesce(errors::text, '') FROM `+
		pgx.Identifier{e.jobs.schema, "river_job"}.Sanitize()+` WHERE `+where+` ORDER BY id DESC LIMIT 1`, args...).Scan(&state, &errs)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", ""
	}
	if err != nil {
		t.Fatal(err)
	}
	return state, errs
}

// TestRiverMigratesIntoTheSchema: River's tables go into the connection's
// schema (each test has its own), and opening twice migrates once.
func TestRiverMigratesIntoTheSchema(t *testing.T) {
	dsn := pgtest.DSN(t)
	e := openPgEngine(t, dsn, "test")
	openPgEngine(t, dsn, "test") // already migrated: nothing to do, no error
	var schema string
	err := e.jobs.pool.QueryRow(context.Background(),
		`SELECT table_schema FROM information_schema.tables WHERE table_name = 'river_job' AND table_schema = current_schema()`).Scan(&schema)
	if err != nil {
		t.Fatalf("river_job not in the connection's schema: %v", err)
	}
	if schema != e.jobs.Schema() || !strings.HasPrefix(schema, "parallax_test_") {
		t.Errorf("river_job in %q, queue schema %q", schema, e.jobs.Schema())
	}
}

// TestEnqueueDuePollsOnce: N schedulers that see the same due feed
// enqueue one job.
func TestEnqueueDuePollsOnce(t *testing.T) {
	dsn := pgtest.DSN(t)
	a, b := openPgEngine(t, dsn, "serve"), openPgEngine(t, dsn, "serve")
	ctx := context.Background()
	if _, err := a.AddFeeds(ctx, []feed.Outlet{{FeedURL: "http://127.0.0.1:1/feed.xml", Title: "local"}}); err != nil {
		t.Fatal(err)
	}
	n1, err := a.EnqueueDuePolls(ctx)
	if err != nil {
		t.Fatal(err)
	}
	n2, err := b.EnqueueDuePolls(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n1 != 1 || n2 != 0 {
		t.Errorf("enqueued %d then %d, want 1 then 0", n1, n2)
	}
	depth, err := a.jobs.Depths(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(depth) != 1 || depth[0].Kind != PollFeedKind || depth[0].Available != 1 {
		t.Errorf("queue depth: %+v", depth)
	}
}

// TestCheckLease: a job attempt that was taken over must not write.
func TestCheckLease(t *testing.T) {
	dsn := pgtest.DSN(t)
	e := openPgEngine(t, dsn, "worker")
	ctx := context.Background()
	if _, err := e.AddFeeds(ctx, []feed.Outlet{{FeedURL: "http://127.0.0.1:1/feed.xml", Title: "local"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.EnqueueDuePolls(ctx); err != nil {
		t.Fatal(err)
	}
	var id int64
	tbl := pgx.Identifier{e.jobs.schema, "river_job"}.Sanitize()
	if err := e.jobs.pool.QueryRow(ctx, `UPDATE `+tbl+` SET state = 'running', attempt = 2, attempted_at = now() RETURNING id`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		ctx     context.Context
		wantErr bool
	}{
		{"no job", ctx, false},
		{"current attempt", withLease(ctx, lease{id: id, attempt: 2}), false},
		{"earlier attempt", withLease(ctx, lease{id: id, attempt: 1}), true},
		{"deleted job", withLease(ctx, lease{id: id + 100, attempt: 1}), true},
	} {
		err := e.jobs.CheckLease(tc.ctx)
		if (err != nil) != tc.wantErr || (tc.wantErr && !errors.Is(err, ErrStaleJob)) {
			t.Errorf("%s: %v, want stale %v", tc.name, err, tc.wantErr)
		}
	}
	// A stale attempt's poll writes nothing, not even the feed's failure.
	p := e.NewPoller(PollConfig{Client: failFetch{}})
	before, err := e.db.FeedStates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stale := withLease(ctx, lease{id: id, attempt: 1})
	_, _ = p.Poll(stale, feed.PollOptions{Force: true})
	after, err := e.db.FeedStates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !after[0].LastFetch.Equal(before[0].LastFetch) || after[0].ErrorCount != before[0].ErrorCount {
		t.Errorf("a stale attempt wrote the feed's state: %+v", after[0])
	}
	// The current attempt writes (the check above is not vacuous).
	_, _ = p.Poll(withLease(ctx, lease{id: id, attempt: 2}), feed.PollOptions{Force: true})
	if after, err = e.db.FeedStates(ctx); err != nil {
		t.Fatal(err)
	}
	if after[0].ErrorCount != before[0].ErrorCount+1 {
		t.Errorf("the current attempt did not record the failed fetch: %+v", after[0])
	}
}

// TestWorkerFailsBadJobs: a job of an unknown kind and a poll of a feed
// not subscribed fail with errors saying so, and the worker goes on to
// work a good job.
func TestWorkerFailsBadJobs(t *testing.T) {
	dsn := pgtest.DSN(t)
	e := openPgEngine(t, dsn, "worker")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tbl := pgx.Identifier{e.jobs.schema, "river_job"}.Sanitize()
	if _, err := e.jobs.pool.Exec(ctx, `INSERT INTO `+tbl+` (kind, args, queue, max_attempts, state, priority, scheduled_at)
		VALUES ('no_such_kind', '{}', 'default', 1, 'available', 1, now())`); err != nil {
		t.Fatal(err)
	}
	if _, err := e.jobs.insert.Insert(ctx, PollFeedArgs{URL: "http://127.0.0.1:1/not-subscribed.xml"}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := e.jobs.insert.Insert(ctx, PollFeedArgs{}, nil); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		done <- e.RunJobs(ctx, JobOptions{Poller: e.NewPoller(PollConfig{Client: failFetch{}}), Concurrency: 1})
	}()

	// Then a good job: a feed with nothing to fetch (noFetch fails the
	// request; the poller records it on the feed and the job succeeds).
	if _, err := e.AddFeeds(ctx, []feed.Outlet{{FeedURL: "http://127.0.0.1:1/feed.xml", Title: "local"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.EnqueueDuePolls(ctx); err != nil {
		t.Fatal(err)
	}
	want := []struct {
		where, state, errText string
	}{
		{"kind = 'no_such_kind'", "discarded", "no_such_kind"},
		{"args->>'url' = 'http://127.0.0.1:1/not-subscribed.xml'", "cancelled", "not subscribed"},
		{"kind = 'poll_feed' AND coalesce(args->>'url', '') = ''", "cancelled", "without a feed URL"},
		{"args->>'url' = 'http://127.0.0.1:1/feed.xml'", "completed", ""},
	}
	deadline := time.Now().Add(30 * time.Second)
	for _, w := range want {
		for {
			state, errs := jobRow(t, e, w.where)
			if state == w.state && strings.Contains(errs, w.errText) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("job where %s: state %q, errors %s; want %s with %q", w.where, state, errs, w.state, w.errText)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("RunJobs: %v", err)
	}
}
