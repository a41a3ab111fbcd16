package engine

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
)

// storeInputs stores the inputs without analysing them, in input order.
func storeInputs(t *testing.T, e *Engine, dirs ...string) {
	t.Helper()
	inputs, errs := ingest.Expand(dirs)
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	if _, err := e.Ingest(context.Background(), inputs, IngestOptions{NoAnalysis: true, Options: pipeline.Options{Workers: 1, Readers: 1}}); err != nil {
		t.Fatal(err)
	}
}

// countPrepared counts the rows of analysis_prepared, and those with data.
func countPrepared(t *testing.T, e *Engine) (rows, withData int) {
	t.Helper()
	if err := e.jobs.pool.QueryRow(context.Background(), `SELECT count(*), count(data) FROM `+e.jobs.table("analysis_prepared")).Scan(&rows, &withData); err != nil {
		t.Fatal(err)
	}
	return rows, withData
}

// analysisOf reads what the analysis saved: the stories and each article's
// results.
func analysisOf(t *testing.T, e *Engine) ([]news.Story, map[string]store.ArticleAnalysis) {
	t.Helper()
	ctx := context.Background()
	stories, err := e.db.Stories(ctx, store.StoryQuery{Limit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	arts, err := e.db.Articles(ctx, store.ArticleQuery{Limit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]store.ArticleAnalysis{}
	for _, a := range arts {
		if out[a.ID], err = e.db.Analysis(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
	}
	return stories, out
}

// TestPrepareJobsSameAnalysis: a worker prepares the pending articles
// beyond the leader's first batch as prepare_articles jobs, the leader
// takes every one of its results, and the analysis equals the one the
// leader makes alone over the same store.
func TestPrepareJobsSameAnalysis(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses news-clusters twice")
	}
	dsn := pgtest.DSN(t)
	leader, worker := openPgEngine(t, dsn, "serve"), openPgEngine(t, dsn, "worker")
	ctx := context.Background()
	storeInputs(t, leader, sharedtest.Dir(t, "eval", "news-clusters"), sharedtest.Dir(t, "corpus", "seeds"))
	leader.SetAnalysisBatch(50)

	if n, err := leader.enqueuePrepare(ctx, 50, 100000); err != nil || n != 0 {
		t.Fatalf("with no worker alive %d articles were enqueued (%v), want none", n, err)
	}
	wctx, stopWorker := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		done <- worker.RunJobs(wctx, JobOptions{Poller: worker.NewPoller(PollConfig{Client: failFetch{}}), Concurrency: 2, Prepare: true})
	}()
	waitFor(t, "the worker's heartbeat", func() bool {
		ok, err := leader.jobs.PreparersAlive(ctx)
		return err == nil && ok
	})
	n, err := leader.enqueuePrepare(ctx, 50, 100000)
	if err != nil || n < 300 {
		t.Fatalf("enqueued %d articles (%v), want all pending but the first 50", n, err)
	}
	if again, err := leader.enqueuePrepare(ctx, 50, 100000); err != nil || again != 0 {
		t.Fatalf("enqueued %d articles again (%v)", again, err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for {
		rows, with := countPrepared(t, leader)
		if rows != n {
			t.Fatalf("%d rows wanted, %d enqueued", rows, n)
		}
		if with == rows {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the worker prepared %d of %d articles in 2 minutes", with, rows)
		}
		time.Sleep(100 * time.Millisecond)
	}
	st, err := leader.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Prepare.Workers) != 1 || st.Prepare.Wanted != 0 || st.Prepare.Prepared != n {
		t.Errorf("status: %+v; want one worker, %d articles prepared", st.Prepare, n)
	}
	sum, _, err := leader.Analyse(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Prepared != n {
		t.Errorf("the leader took %d prepared results, want %d", sum.Prepared, n)
	}
	if rows, _ := countPrepared(t, leader); rows != 0 {
		t.Errorf("%d prepared rows left after the analysis", rows)
	}
	gotStories, gotArts := analysisOf(t, leader)

	stopWorker()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if ok, err := leader.jobs.PreparersAlive(ctx); err != nil || ok {
		t.Fatalf("a stopped worker is still alive (%v)", err)
	}
	alone, err := leader.AnalyseReset(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if alone.Prepared != 0 || alone.Articles != sum.Articles {
		t.Fatalf("alone: %+v; with the worker %d articles", alone, sum.Articles)
	}
	wantStories, wantArts := analysisOf(t, leader)
	sameAnalysis(t, gotStories, gotArts, wantStories, wantArts)
}

// sameAnalysis fails the test when the stories or any article's analysis
// differ from the reference (want: one process alone).
func sameAnalysis(t *testing.T, gotStories []news.Story, gotArts map[string]store.ArticleAnalysis, wantStories []news.Story, wantArts map[string]store.ArticleAnalysis) {
	t.Helper()
	if !reflect.DeepEqual(gotStories, wantStories) {
		t.Errorf("stories differ: %d here, %d from one process alone", len(gotStories), len(wantStories))
	}
	diff := 0
	for id, w := range wantArts {
		if !reflect.DeepEqual(gotArts[id], w) {
			diff++
		}
	}
	if diff > 0 || len(gotArts) != len(wantArts) {
		t.Errorf("%d of %d articles' analyses differ", diff, len(wantArts))
	}
}

// TestPrepareJobStaleAttemptWritesNothing: an attempt of a prepare job
// that River has handed on (the worker was stopped past the rescue time)
// writes nothing; the current attempt writes.
func TestPrepareJobStaleAttemptWritesNothing(t *testing.T) {
	dsn := pgtest.DSN(t)
	e := openPgEngine(t, dsn, "worker")
	ctx := context.Background()
	storeInputs(t, e, sharedtest.Dir(t, "corpus", "seeds"))
	// A worker that prepares is alive (its heartbeat), so jobs are enqueued.
	if _, err := e.jobs.pool.Exec(ctx, `INSERT INTO `+e.jobs.table("job_workers")+` (id, prepares) VALUES ('test', true)`); err != nil {
		t.Fatal(err)
	}
	if n, err := e.enqueuePrepare(ctx, 0, 100); err != nil || n != 5 {
		t.Fatalf("enqueued %d (%v), want the 5 seeds", n, err)
	}
	var row rivertype.JobRow
	var args PrepareArticlesArgs
	var raw []byte
	if err := e.jobs.pool.QueryRow(ctx, `UPDATE `+e.jobs.table("river_job")+` SET state = 'running', attempt = 2, attempted_at = now()
		WHERE kind = $1 RETURNING id, args`, PrepareArticlesKind).Scan(&row.ID, &raw); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &args); err != nil || len(args.IDs) != 5 {
		t.Fatalf("job args %s: %v", raw, err)
	}
	w := &prepareWorker{e: e, id: "test"}
	for _, tc := range []struct {
		attempt int
		stale   bool
		written int
	}{{1, true, 0}, {2, false, 5}} {
		row.Attempt = tc.attempt
		err := w.Work(ctx, &river.Job[PrepareArticlesArgs]{JobRow: &row, Args: args})
		if tc.stale != errors.Is(err, ErrStaleJob) || (!tc.stale && err != nil) {
			t.Errorf("attempt %d: %v, want stale %v", tc.attempt, err, tc.stale)
		}
		if _, with := countPrepared(t, e); with != tc.written {
			t.Errorf("attempt %d: %d results written, want %d", tc.attempt, with, tc.written)
		}
	}
	// A job whose articles are analysed meanwhile writes nothing and
	// succeeds.
	if _, _, err := e.Analyse(ctx); err != nil {
		t.Fatal(err)
	}
	if rows, _ := countPrepared(t, e); rows != 0 {
		t.Errorf("%d prepared rows left after the analysis", rows)
	}
	if err := w.Work(ctx, &river.Job[PrepareArticlesArgs]{JobRow: &row, Args: args}); err != nil {
		t.Errorf("a job of analysed articles: %v", err)
	}
	// Bad payloads: no articles, another build.
	if err := w.Work(ctx, &river.Job[PrepareArticlesArgs]{JobRow: &row, Args: PrepareArticlesArgs{Build: buildID()}}); err == nil {
		t.Error("a job without articles did not fail")
	}
	if err := w.Work(ctx, &river.Job[PrepareArticlesArgs]{JobRow: &row, Args: PrepareArticlesArgs{IDs: args.IDs, Build: "other"}}); err != nil {
		t.Errorf("a job of another build: %v", err)
	}
}
