package engine

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"golang.org/x/time/rate"

	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
)

// loggedSite serves article pages at /page/{name} and logs when each was
// requested; answer, when set, may answer a request instead (its hit
// number, from 1, given).
type loggedSite struct {
	srv    *httptest.Server
	answer func(w http.ResponseWriter, name string, hit int) bool

	mu  sync.Mutex
	log map[string][]time.Time
}

func newLoggedSite(t *testing.T, answer func(w http.ResponseWriter, name string, hit int) bool) *loggedSite {
	s := &loggedSite{answer: answer, log: map[string][]time.Time{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /page/{name}", func(w http.ResponseWriter, r *http.Request) {
		name := r.PathValue("name")
		s.mu.Lock()
		s.log[name] = append(s.log[name], time.Now())
		hit := len(s.log[name])
		s.mu.Unlock()
		if s.answer != nil && s.answer(w, name, hit) {
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><head><title>Ferry note %[1]s</title></head><body><article><h1>Ferry note %[1]s</h1>
<p>The ferry company of Lakeside published timetable note %[1]s on Tuesday, listing the crossings added for the summer months.</p>
<p>According to note %[1]s, the first morning boat leaves half an hour earlier and the last one returns after midnight on Fridays.</p>
<p>Passengers with season tickets keep their seats on the new crossings, the company says in note %[1]s.</p>
</article></body></html>`, name)
	})
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.srv.Close)
	return s
}

func (s *loggedSite) url(name string) string { return s.srv.URL + "/page/" + name }

func (s *loggedSite) times(name string) []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.log[name])
}

// enqueuePage inserts a fetch_page job for pageURL under feedURL.
func enqueuePage(t *testing.T, e *Engine, feedURL, pageURL, name string) int64 {
	t.Helper()
	res, err := e.jobs.insert.Insert(context.Background(), FetchPageArgs{Feed: feedURL, URL: pageURL,
		Title: "Ferry note " + name, Summary: "Short summary of ferry note " + name + "."}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res.Job.ID
}

// jobByID reads a job's state, attempt, when it was last attempted and
// when it is scheduled.
func jobByID(t *testing.T, e *Engine, id int64) (state string, attempt int, attempted, scheduled time.Time) {
	t.Helper()
	var at *time.Time
	err := e.jobs.pool.QueryRow(context.Background(), `SELECT state::text, attempt, attempted_at, scheduled_at FROM `+
		pgx.Identifier{e.jobs.schema, "river_job"}.Sanitize()+` WHERE id = $1`, id).Scan(&state, &attempt, &at, &scheduled)
	if err != nil {
		t.Fatal(err)
	}
	if at != nil {
		attempted = *at
	}
	return state, attempt, attempted, scheduled
}

func waitJob(t *testing.T, e *Engine, id int64, within time.Duration, ok func(state string, attempt int) bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		state, attempt, _, _ := jobByID(t, e, id)
		if ok(state, attempt) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %d: %s after attempt %d", id, state, attempt)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestFetchPageRetryAfter: a 429 with Retry-After in seconds and a 503
// with Retry-After as an HTTP date put the page's next attempt no earlier
// than asked (the retry policy alone would come back after 100 ms), and a
// Retry-After of a day is bounded by an hour, for the job and for the
// host's shared next slot. Each case on a server (host) of its own.
func TestFetchPageRetryAfter(t *testing.T) {
	dsn := pgtest.DSN(t)
	e := openPgEngine(t, dsn, "worker")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	secs := newLoggedSite(t, func(w http.ResponseWriter, _ string, hit int) bool {
		if hit > 1 {
			return false
		}
		w.Header().Set("Retry-After", "2")
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return true
	})
	date := newLoggedSite(t, func(w http.ResponseWriter, _ string, hit int) bool {
		if hit > 1 {
			return false
		}
		w.Header().Set("Retry-After", time.Now().Add(3*time.Second).UTC().Format(http.TimeFormat))
		http.Error(w, "maintenance", http.StatusServiceUnavailable)
		return true
	})
	long := newLoggedSite(t, func(w http.ResponseWriter, _ string, _ int) bool {
		w.Header().Set("Retry-After", "86400")
		http.Error(w, "come back tomorrow", http.StatusTooManyRequests)
		return true
	})
	feedURL := secs.srv.URL + "/feed.xml"
	if _, err := e.AddFeeds(ctx, []feed.Outlet{{FeedURL: feedURL, Title: "Lakeside"}}); err != nil {
		t.Fatal(err)
	}
	idSecs := enqueuePage(t, e, feedURL, secs.url("a"), "a")
	idDate := enqueuePage(t, e, feedURL, date.url("b"), "b")
	idLong := enqueuePage(t, e, feedURL, long.url("c"), "c")
	var wg sync.WaitGroup
	wg.Go(func() {
		p := e.NewPoller(PollConfig{Client: fetch.New(fetch.Options{AllowPrivate: true}),
			PollerOptions: feed.PollerOptions{HostRate: rate.Inf, HostConcurrency: 4}})
		if err := e.RunJobs(ctx, JobOptions{Poller: p, Concurrency: 3, PageRetry: 100 * time.Millisecond}); err != nil {
			t.Errorf("RunJobs: %v", err)
		}
	})
	defer wg.Wait()
	defer cancel()

	completed := func(state string, _ int) bool { return state == "completed" }
	waitJob(t, e, idSecs, 20*time.Second, completed)
	waitJob(t, e, idDate, 20*time.Second, completed)
	for _, c := range []struct {
		name string
		site *loggedSite
		page string
	}{{"Retry-After: 2", secs, "a"}, {"Retry-After: date 3 s ahead", date, "b"}} {
		times := c.site.times(c.page)
		if len(times) != 2 {
			t.Errorf("%s: page requested %d times, want 2", c.name, len(times))
			continue
		}
		gap := times[1].Sub(times[0])
		t.Logf("%s: second request %v after the first", c.name, gap.Round(time.Millisecond))
		if gap < 2*time.Second {
			t.Errorf("%s: asked again after %v, want at least 2s", c.name, gap)
		}
	}

	waitJob(t, e, idLong, 10*time.Second, func(state string, attempt int) bool { return state == "retryable" && attempt == 1 })
	_, _, attempted, scheduled := jobByID(t, e, idLong)
	if d := scheduled.Sub(attempted); d < 59*time.Minute || d > 61*time.Minute {
		t.Errorf("Retry-After of a day: next attempt %v after the first, want an hour", d)
	}
	var hold float64
	if err := e.jobs.pool.QueryRow(ctx, `SELECT extract(epoch FROM next_at - clock_timestamp())::float8 FROM `+
		e.jobs.table("host_slots")+` WHERE host = $1`, long.srv.Listener.Addr().String()).Scan(&hold); err != nil {
		t.Fatal(err)
	}
	if hold < 3500 || hold > 3601 {
		t.Errorf("host held for %.0f s, want about an hour", hold)
	}
}

// TestFetchPageHostRateShared: two workers (two engines, three page jobs
// at once each) fetch ten pages of one host whose rate limit is one
// request per 400 ms: the server's log shows the pages spread over at
// least nine intervals and every two page requests at least 70% of an
// interval apart (the rest is left to the scheduling noise of a loaded
// machine), where each worker's own limiter alone would let two requests
// through at once and take half the time. The workers wait at most 500 ms
// for a slot, so busy jobs are snoozed and come back.
func TestFetchPageHostRateShared(t *testing.T) {
	dsn := pgtest.DSN(t)
	const every = 400 * time.Millisecond
	n := 10
	if testing.Short() {
		n = 6
	}
	site := newLoggedSite(t, nil)
	e1 := openPgEngine(t, dsn, "worker")
	e2 := openPgEngine(t, dsn, "worker")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	feedURL := site.srv.URL + "/feed.xml"
	if _, err := e1.AddFeeds(ctx, []feed.Outlet{{FeedURL: feedURL, Title: "Lakeside"}}); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for i := range n {
		name := fmt.Sprint(i)
		ids = append(ids, enqueuePage(t, e1, feedURL, site.url(name), name))
	}
	var wg sync.WaitGroup
	for _, e := range []*Engine{e1, e2} {
		e.jobs.hostWait = 500 * time.Millisecond
		wg.Go(func() {
			p := e.NewPoller(PollConfig{Client: fetch.New(fetch.Options{AllowPrivate: true}),
				PollerOptions: feed.PollerOptions{HostRate: rate.Every(every), HostBurst: 1, HostConcurrency: 4}})
			if err := e.RunJobs(ctx, JobOptions{Poller: p, Concurrency: 3}); err != nil {
				t.Errorf("RunJobs: %v", err)
			}
		})
	}
	defer wg.Wait()
	defer cancel()
	for _, id := range ids {
		waitJob(t, e1, id, 60*time.Second, func(state string, _ int) bool { return state == "completed" })
	}
	var all []time.Time
	for i := range n {
		times := site.times(fmt.Sprint(i))
		if len(times) != 1 {
			t.Errorf("page %d requested %d times, want once", i, len(times))
		}
		all = append(all, times...)
	}
	slices.SortFunc(all, func(a, b time.Time) int { return a.Compare(b) })
	least := time.Hour
	for i := 1; i < len(all); i++ {
		least = min(least, all[i].Sub(all[i-1]))
	}
	span := all[len(all)-1].Sub(all[0])
	t.Logf("%d page requests over %v, closest two %v apart (limit %v)", len(all), span.Round(time.Millisecond),
		least.Round(time.Millisecond), every)
	if want := time.Duration(len(all)-1) * every * 95 / 100; span < want {
		t.Errorf("%d page requests over %v, want at least %v", len(all), span, want)
	}
	if least < every*70/100 {
		t.Errorf("two page requests %v apart, want at least %v", least, every*70/100)
	}
	var snoozed int
	if err := e1.jobs.pool.QueryRow(ctx, `SELECT count(*) FROM `+pgx.Identifier{e1.jobs.schema, "river_job"}.Sanitize()+
		` WHERE kind = $1 AND (metadata->>'snoozes')::int > 0`, FetchPageKind).Scan(&snoozed); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d of %d jobs snoozed at least once", snoozed, n)
	if snoozed == 0 {
		t.Errorf("no job was snoozed: six jobs at once on one host 400 ms apart should outrun a 500 ms wait")
	}
}

// TestPollJobsHostRateShared: eight feeds of one host, due at once, polled
// as poll_feed jobs by two workers (three jobs at once each) under a rate
// limit of one request per 400 ms: the server's log shows the feed
// requests spread over seven intervals (less 5%) and every two at least
// 70% of an interval apart. Jobs that find the host busier than the
// worker's wait (500 ms) are snoozed before they poll.
func TestPollJobsHostRateShared(t *testing.T) {
	dsn := pgtest.DSN(t)
	const every = 400 * time.Millisecond
	const n = 8
	var mu sync.Mutex
	log := map[string][]time.Time{}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feed/{name}", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		log[r.PathValue("name")] = append(log[r.PathValue("name")], time.Now())
		mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Lakeside %s</title><link>http://%s/</link><description>test</description></channel></rss>
`, r.PathValue("name"), r.Host)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	e1 := openPgEngine(t, dsn, "worker")
	e2 := openPgEngine(t, dsn, "worker")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var outlets []feed.Outlet
	for i := range n {
		outlets = append(outlets, feed.Outlet{FeedURL: fmt.Sprintf("%s/feed/%d.xml", srv.URL, i), Title: fmt.Sprint("Lakeside ", i)})
	}
	if _, err := e1.AddFeeds(ctx, outlets); err != nil {
		t.Fatal(err)
	}
	if k, err := e1.EnqueueDuePolls(ctx); err != nil || k != n {
		t.Fatalf("enqueued %d polls, %v; want %d", k, err, n)
	}
	var wg sync.WaitGroup
	for _, e := range []*Engine{e1, e2} {
		e.jobs.hostWait = 500 * time.Millisecond
		wg.Go(func() {
			p := e.NewPoller(PollConfig{Client: fetch.New(fetch.Options{AllowPrivate: true}),
				PollerOptions: feed.PollerOptions{HostRate: rate.Every(every), HostBurst: 1, HostConcurrency: 4}})
			if err := e.RunJobs(ctx, JobOptions{Poller: p, Concurrency: 3}); err != nil {
				t.Errorf("RunJobs: %v", err)
			}
		})
	}
	defer wg.Wait()
	defer cancel()
	deadline := time.Now().Add(60 * time.Second)
	for {
		var done int
		if err := e1.jobs.pool.QueryRow(ctx, `SELECT count(*) FROM `+pgx.Identifier{e1.jobs.schema, "river_job"}.Sanitize()+
			` WHERE kind = $1 AND state = 'completed'`, PollFeedKind).Scan(&done); err != nil {
			t.Fatal(err)
		}
		if done == n {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d poll jobs completed", done, n)
		}
		time.Sleep(100 * time.Millisecond)
	}
	mu.Lock()
	var all []time.Time
	for i := range n {
		times := log[fmt.Sprintf("%d.xml", i)]
		if len(times) != 1 {
			t.Errorf("feed %d requested %d times, want once", i, len(times))
		}
		all = append(all, times...)
	}
	mu.Unlock()
	slices.SortFunc(all, func(a, b time.Time) int { return a.Compare(b) })
	least := time.Hour
	for i := 1; i < len(all); i++ {
		least = min(least, all[i].Sub(all[i-1]))
	}
	span := all[len(all)-1].Sub(all[0])
	t.Logf("%d feed requests over %v, closest two %v apart (limit %v)", len(all), span.Round(time.Millisecond), least.Round(time.Millisecond), every)
	if want := time.Duration(len(all)-1) * every * 95 / 100; span < want {
		t.Errorf("%d feed requests over %v, want at least %v", len(all), span, want)
	}
	if least < every*70/100 {
		t.Errorf("two feed requests %v apart, want at least %v", least, every*70/100)
	}
	states, err := e1.db.FeedStates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range states {
		if st.LastError != "" || st.LastStatus != http.StatusOK {
			t.Errorf("feed %s after its poll: status %d, error %q", st.URL, st.LastStatus, st.LastError)
		}
	}
}
