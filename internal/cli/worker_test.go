package cli

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
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
	start := time.Now()
	time.Sleep(run / 2)
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
	if len(st.Queue) != 1 || st.Queue[0].Kind != engine.PollFeedKind || st.Queue[0].Completed < 2 {
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
