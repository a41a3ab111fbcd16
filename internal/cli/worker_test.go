package cli

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/parallax-news/parallax/internal/engine"
	"github.com/parallax-news/parallax/internal/feed/feedtest"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
)

// TestPostgresServesAndWorkersPollOnce subscribes one local feed once and
// runs two `serve` and two `worker` processes on one PostgreSQL database
// for several of the feed's polling intervals: every due poll happens
// once (the feed server counts its requests, the processes log each poll
// they make), the new items are stored once, and /metrics and status
// report the jobs. The long variant also kills a worker with SIGKILL half
// way and checks that polling goes on with nothing lost or doubled.
func TestPostgresServesAndWorkersPollOnce(t *testing.T) {
	pg := pgtest.DSN(t)
	srv := feedtest.NewServer(1, 3)
	defer srv.Close()
	mustRun(t, "feeds", "add", "--db", pg, "--allow-private", srv.URLs()[0])
	// Subscribing fetched the feed once: count the polls after it.
	subscribed, _, _ := srv.Stats()

	const interval = 2 * time.Second
	feedFlags := []string{"--db", pg, "--allow-private", "--host-rate", "0", "--log-level", "info",
		"--feed-interval", interval.String(), "--feed-min-interval", interval.String(), "--feed-max-interval", interval.String()}
	// Polls can start as soon as the first process is up: count from here.
	start := time.Now()
	var logs []*syncBuffer
	var serveAddr string
	for i := range 2 {
		_, out := startCLI(t, append([]string{"serve", "--addr", "127.0.0.1:0", "--poll-every", "200ms", "--jobs", "1"}, feedFlags...)...)
		waitUntil(t, out, "serve to listen", func() bool { return strings.Contains(out.String(), " on http://") })
		if i == 0 {
			_, rest, _ := strings.Cut(out.String(), " on http://")
			serveAddr = "http://" + strings.TrimSuffix(strings.Fields(rest)[0], "/")
		}
		logs = append(logs, out)
	}
	var workers []*syncBuffer
	w0, out0 := startCLI(t, append([]string{"worker", "--jobs", "2", "--job-timeout", "3s", "--rescue-after", "4s"}, feedFlags...)...)
	_, out1 := startCLI(t, append([]string{"worker", "--jobs", "2", "--job-timeout", "3s", "--rescue-after", "4s"}, feedFlags...)...)
	workers = append(workers, out0, out1)
	logs = append(logs, workers...)

	run := 9 * time.Second
	if testing.Short() {
		run = 7 * time.Second
	}
	time.Sleep(time.Until(start.Add(run / 2)))
	srv.Update(0, 2) // two new items half way
	if !testing.Short() {
		// Kill a worker; the others go on.
		if err := w0.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(run - time.Since(start))
	requests, _, _ := srv.Stats()
	requests -= subscribed
	elapsed := time.Since(start)

	polls := 0
	for _, l := range logs {
		polls += strings.Count(l.String(), "msg=\"polled feed\"")
	}
	// The feed is due at once, then every interval after each poll: at
	// most elapsed/interval + 1 polls, and at least half of that (the
	// scheduler's tick and job pickup add latency).
	most := int(elapsed/interval) + 1
	t.Logf("%d feed requests, %d polls logged in %s at one per %s", requests, polls, elapsed.Round(time.Millisecond), interval)
	if int(requests) > most || requests < 2 {
		t.Errorf("feed requests: %d in %s, want between 2 and %d (each due poll once)", requests, elapsed, most)
	}
	// A worker killed mid-poll may have fetched without logging; else
	// every request is one logged poll.
	if polls != int(requests) && (testing.Short() || polls != int(requests)-1) {
		t.Errorf("polls logged: %d, feed requests: %d", polls, requests)
	}
	waitUntil(t, logs[0], "the 5 articles stored once", func() bool { return countRows(t, pg, "articles") == 5 })

	// /metrics reports the queue's jobs by kind and state.
	resp, err := http.Get(serveAddr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatalf("parse /metrics: %v", err)
	}
	jobs := families["parallax_jobs"]
	if jobs == nil {
		t.Fatal("/metrics lacks parallax_jobs")
	}
	completed := 0.0
	for _, m := range jobs.GetMetric() {
		labels := map[string]string{}
		for _, l := range m.GetLabel() {
			labels[l.GetName()] = l.GetValue()
		}
		if labels["kind"] == engine.PollFeedKind && labels["state"] == "completed" {
			completed = m.GetGauge().GetValue()
		}
	}
	if completed < 2 {
		t.Errorf("parallax_jobs{kind=poll_feed,state=completed} = %v, want ≥ 2", completed)
	}

	var st engine.Status
	if err := json.Unmarshal([]byte(mustRun(t, "status", "--db", pg, "--json")), &st); err != nil {
		t.Fatal(err)
	}
	// The feed's items carry only a summary: one fetch_page job per item
	// (its completion may still be on its way), none failed.
	byKind := map[string]engine.QueueDepth{}
	for _, q := range st.Queue {
		byKind[q.Kind] = q
	}
	pages := byKind[engine.FetchPageKind]
	if len(st.Queue) != 2 || byKind[engine.PollFeedKind].Completed < 2 ||
		pages.Available+pages.Running+pages.Completed != 5 || pages.Retryable+pages.Cancelled+pages.Discarded != 0 {
		t.Errorf("status queue: %+v", st.Queue)
	}
	if len(st.Workers) == 0 {
		t.Errorf("status: no worker seen in the last minute")
	}
}

// countRows counts the rows of a table of the PostgreSQL database dsn.
func countRows(t *testing.T, dsn, table string) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM "+pgx.Identifier{table}.Sanitize()).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestPostgresWorkerKilledMidJob kills a worker with SIGKILL while it
// fetches a page for an ingest_input job: River's rescuer takes the job as
// lost after --rescue-after and another worker does it again; the article
// is stored once and analysed. Long (River's rescuer looks every 30 s):
// skipped with -short.
func TestPostgresWorkerKilledMidJob(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for River's rescuer (30 s)")
	}
	pg := pgtest.DSN(t)
	var hits atomic.Int64
	first := make(chan struct{})
	page := `<!doctype html><html lang="en"><head><title>Harbour bridge reopens after repairs</title>
<meta property="article:published_time" content="2026-03-02T09:00:00Z"></head><body><article>
<h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge in the town of Westmere reopened to traffic on Monday after four months of repairs to its steel deck, the town council said.</p>
<p>Engineers replaced more than two hundred rusted plates and repainted the towers, council spokesman Daniel Harrow told reporters at the ceremony.</p>
<p>"We finished a week earlier than planned and within the budget," Harrow said, adding that cyclists would get a separate lane from April.</p>
<p>Local shop owners said the closure had cut their trade by about a third, and several asked the council for help with their rents.</p>
</article></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) == 1 {
			close(first)
			time.Sleep(20 * time.Second) // the worker is killed meanwhile
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	}))
	defer srv.Close()

	e, err := engine.Open(t.Context(), pg, engine.Options{Command: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	workerArgs := []string{"worker", "--db", pg, "--allow-private", "--jobs", "1", "--job-timeout", "3s", "--rescue-after", "4s", "--log-level", "info"}
	victim, _ := startCLI(t, workerArgs...)
	if _, err := e.EnqueueInputs(t.Context(), []string{srv.URL + "/news/bridge"}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-first:
	case <-time.After(30 * time.Second):
		t.Fatal("the worker never fetched the page")
	}
	if err := victim.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = victim.Wait()
	_, out := startCLI(t, workerArgs...)
	deadline := time.Now().Add(90 * time.Second)
	for {
		st, err := e.Status(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if st.Articles == 1 && st.LagArticles == 0 && len(st.Queue) == 1 && st.Queue[0].Completed == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the kill: %+v; worker log:\n%s", st, out.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
	if n := countRows(t, pg, "articles"); n != 1 {
		t.Errorf("articles: %d, want 1", n)
	}
	if hits.Load() < 2 {
		t.Errorf("page fetched %d times, want the retry to fetch it again", hits.Load())
	}
}
