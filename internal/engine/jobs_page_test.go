package engine

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
	"golang.org/x/time/rate"

	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
)

// pageSite serves one RSS feed whose items carry only a one-line summary,
// and the items' pages: /page/N answer 200, /page/flaky 500 twice and
// then 200, /page/gone 404. It counts the requests of every page.
type pageSite struct {
	srv *httptest.Server
	n   int

	mu   sync.Mutex
	hits map[string]int
	// onPage, when set, runs before a page is served.
	onPage func()
}

func newPageSite(t *testing.T, n int) *pageSite {
	s := &pageSite{n: n, hits: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feed.xml", s.serveFeed)
	mux.HandleFunc("GET /page/{name}", s.servePage)
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.srv.Close)
	return s
}

func (s *pageSite) feedURL() string { return s.srv.URL + "/feed.xml" }

func (s *pageSite) pageNames() []string {
	names := []string{"flaky", "gone"}
	for i := range s.n {
		names = append(names, fmt.Sprint(i))
	}
	return names
}

func (s *pageSite) count(name string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[name]
}

func (s *pageSite) serveFeed(w http.ResponseWriter, _ *http.Request) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Page jobs test</title><link>` + s.srv.URL + `/</link><description>test</description>
`)
	pub := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	for k, name := range s.pageNames() {
		fmt.Fprintf(&b, `<item><title>Council note %s</title><link>%s/page/%s</link><guid>note-%s</guid><pubDate>%s</pubDate><description>Short summary of council note %s.</description></item>
`, name, s.srv.URL, name, name, pub.Add(-time.Duration(k)*time.Minute).Format(time.RFC1123Z), name)
	}
	b.WriteString("</channel></rss>\n")
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	_, _ = w.Write([]byte(b.String()))
}

func (s *pageSite) servePage(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	s.mu.Lock()
	s.hits[name]++
	hit := s.hits[name]
	onPage := s.onPage
	s.mu.Unlock()
	if onPage != nil {
		onPage()
	}
	switch {
	case name == "gone":
		http.NotFound(w, r)
		return
	case name == "flaky" && hit <= 2:
		http.Error(w, "busy", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<!doctype html><html lang="en"><head><title>Council note %[1]s</title></head><body><article><h1>Council note %[1]s</h1>
<p>The town council of Testville published note %[1]s on Monday, describing the repairs planned for the old bridge over the river.</p>
<p>According to note %[1]s, the work starts in April and the bridge stays open to walkers while the road is closed to cars.</p>
<p>Residents may send comments on note %[1]s to the council office until the end of the month, the note says.</p>
</article></body></html>`, name)
}

func pagePoller(e *Engine) *feed.Poller {
	return e.NewPoller(PollConfig{Client: fetch.New(fetch.Options{AllowPrivate: true}),
		PollerOptions: feed.PollerOptions{HostRate: rate.Inf, HostConcurrency: 4}})
}

// pageJobStates counts the fetch_page jobs by state.
func pageJobStates(t *testing.T, e *Engine) map[string]int {
	t.Helper()
	rows, err := e.jobs.pool.Query(context.Background(), `SELECT state::text, count(*) FROM `+
		pgx.Identifier{e.jobs.schema, "river_job"}.Sanitize()+` WHERE kind = $1 GROUP BY state`, FetchPageKind)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			t.Fatal(err)
		}
		out[s] = n
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// articlesAt returns the texts of the stored articles with the given URL.
func articlesAt(t *testing.T, e *Engine, u string) []string {
	t.Helper()
	rows, err := e.jobs.pool.Query(context.Background(), `SELECT text FROM `+
		pgx.Identifier{e.jobs.schema, "articles"}.Sanitize()+` WHERE url = $1`, u)
	if err != nil {
		t.Fatal(err)
	}
	texts, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

// gaugeOf returns the value of the metric name with the given labels in
// e's registry (0 when absent).
func gaugeOf(t *testing.T, e *Engine, name string, labels map[string]string) float64 {
	t.Helper()
	families, err := e.metrics.reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
	metrics:
		for _, m := range f.GetMetric() {
			have := map[string]string{}
			for _, l := range m.GetLabel() {
				have[l.GetName()] = l.GetValue()
			}
			for k, v := range labels {
				if have[k] != v {
					continue metrics
				}
			}
			if g := m.GetGauge(); g != nil {
				return g.GetValue()
			}
			return m.GetCounter().GetValue()
		}
	}
	return 0
}

// TestFetchPageJobs: a feed of summary-only items polled as a job, two
// workers: each page becomes one fetch_page job and is fetched once, each
// article is stored once; a page that answers 500 twice is stored after
// two retries; a 404 cancels its job with the error, records the item (it
// is not asked for again) and stores no page text.
func TestFetchPageJobs(t *testing.T) {
	dsn := pgtest.DSN(t)
	n := 12
	if testing.Short() {
		n = 4
	}
	site := newPageSite(t, n)
	e1 := openPgEngine(t, dsn, "worker")
	e2 := openPgEngine(t, dsn, "worker")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if _, err := e1.AddFeeds(ctx, []feed.Outlet{{FeedURL: site.feedURL(), Title: "Testville"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := e1.EnqueueDuePolls(ctx); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for _, e := range []*Engine{e1, e2} {
		wg.Go(func() {
			err := e.RunJobs(ctx, JobOptions{Poller: pagePoller(e), Concurrency: 3, PageRetry: 100 * time.Millisecond})
			if err != nil {
				t.Errorf("RunJobs: %v", err)
			}
		})
	}
	total := n + 2
	deadline := time.Now().Add(20 * time.Second)
	for {
		st := pageJobStates(t, e1)
		if st["completed"] == total-1 && st["cancelled"] == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("fetch_page jobs by state: %v; want %d completed, 1 cancelled", st, total-1)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if state, _ := jobRow(t, e1, "kind = 'poll_feed'"); state != "completed" {
		t.Errorf("poll_feed job %s, want completed", state)
	}
	// Pages left to jobs are no failures of the feed.
	states, err := e1.db.FeedStates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(states) != 1 || states[0].Warning != "" || states[0].LastError != "" {
		t.Errorf("feed after the poll job: %+v, want no warning or error", states)
	}
	// Metrics: the queue's fetch_page jobs by state (read from the
	// database), and what the two workers worked between them (counted
	// as River reports each job done: wait for the last reports).
	if got := gaugeOf(t, e1, "parallax_jobs", map[string]string{"kind": FetchPageKind, "state": "completed"}); got != float64(total-1) {
		t.Errorf("parallax_jobs{kind=fetch_page,state=completed} = %v, want %d", got, total-1)
	}
	want := map[string]float64{"completed": float64(total - 1), "failed": 2, "cancelled": 1}
	var worked map[string]float64
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		worked = map[string]float64{}
		for _, e := range []*Engine{e1, e2} {
			for outcome := range want {
				worked[outcome] += gaugeOf(t, e, "parallax_jobs_worked_total", map[string]string{"kind": FetchPageKind, "outcome": outcome})
			}
		}
		if maps.Equal(worked, want) || time.Now().After(deadline) {
			break
		}
	}
	if !maps.Equal(worked, want) {
		t.Errorf("fetch_page jobs worked by outcome: %v, want %v", worked, want)
	}
	cancel()
	wg.Wait()

	for _, name := range site.pageNames() {
		want := 1
		if name == "flaky" {
			want = 3
		}
		if got := site.count(name); got != want {
			t.Errorf("page %s fetched %d times, want %d", name, got, want)
		}
		u := site.srv.URL + "/page/" + name
		texts := articlesAt(t, e1, u)
		if name == "gone" {
			// No page text; a store that keeps feed summaries keeps
			// the item's summary.
			for _, txt := range texts {
				if !strings.Contains(txt, "Short summary") {
					t.Errorf("the 404 page's article holds %q, want at most its summary", txt)
				}
			}
			continue
		}
		if len(texts) != 1 || !strings.Contains(texts[0], "old bridge") {
			t.Errorf("page %s: articles %q, want one with the page's text", name, texts)
		}
	}
	if _, errs := jobRow(t, e1, "kind = 'fetch_page' AND state = 'cancelled'"); !strings.Contains(errs, "404") {
		t.Errorf("the 404 page's job errors %s, want the 404", errs)
	}
	if _, errs := jobRow(t, e1, "kind = 'fetch_page' AND args->>'url' = $1", site.srv.URL+"/page/flaky"); strings.Count(errs, "500") != 2 {
		t.Errorf("the flaky page's job errors %s, want two 500s", errs)
	}
	seen, err := e1.db.SeenItems(context.Background(), []string{site.srv.URL + "/page/gone"})
	if err != nil {
		t.Fatal(err)
	}
	if !seen[site.srv.URL+"/page/gone"] {
		t.Errorf("the 404 page's item is not recorded: its page would be asked for again")
	}

	// Every page is enqueued already (done or refused): enqueuing the same
	// items again adds no job.
	var items []feed.Item
	for _, name := range site.pageNames() {
		items = append(items, feed.Item{URL: site.srv.URL + "/page/" + name, NeedsPage: true})
	}
	enq, already, err := e1.jobs.enqueuePages(context.Background(), site.feedURL(), items)
	if err != nil || enq != 0 || already != total {
		t.Errorf("enqueue again: %d new, %d already, %v; want 0, %d", enq, already, err, total)
	}
}

// TestFetchPageStaleAttempt: an attempt River takes over while the page
// is being fetched stores nothing; one taken over before it starts does
// not even fetch; the running attempt stores the article.
func TestFetchPageStaleAttempt(t *testing.T) {
	dsn := pgtest.DSN(t)
	site := newPageSite(t, 1)
	e := openPgEngine(t, dsn, "worker")
	ctx := context.Background()
	if _, err := e.AddFeeds(ctx, []feed.Outlet{{FeedURL: site.feedURL(), Title: "Testville"}}); err != nil {
		t.Fatal(err)
	}
	u := site.srv.URL + "/page/0"
	args := FetchPageArgs{Feed: site.feedURL(), URL: u, Title: "Council note 0", Summary: "Short summary of council note 0."}
	res, err := e.jobs.insert.Insert(ctx, args, nil)
	if err != nil {
		t.Fatal(err)
	}
	id := res.Job.ID
	setAttempt := func(attempt int) {
		if _, err := e.jobs.pool.Exec(ctx, `UPDATE `+pgx.Identifier{e.jobs.schema, "river_job"}.Sanitize()+
			` SET state = 'running', attempt = $2, attempted_at = now() WHERE id = $1`, id, attempt); err != nil {
			t.Error(err)
		}
	}
	w := newFetchPageWorker(e, pagePoller(e), time.Second)
	job := func(attempt int) *river.Job[FetchPageArgs] {
		return &river.Job[FetchPageArgs]{JobRow: &rivertype.JobRow{ID: id, Attempt: attempt, Kind: FetchPageKind}, Args: args}
	}
	// Nothing of the page is written (a store that keeps feed summaries
	// may keep the item's summary, as the poll would have).
	wroteNothing := func(when string) {
		t.Helper()
		for _, txt := range articlesAt(t, e, u) {
			if !strings.Contains(txt, "Short summary") {
				t.Fatalf("%s: the stale attempt wrote the article %q", when, txt)
			}
		}
	}

	// Taken over during the fetch: attempt 1 runs, the job moves to
	// attempt 2 while the server answers.
	setAttempt(1)
	site.mu.Lock()
	site.onPage = func() { setAttempt(2) }
	site.mu.Unlock()
	if err := w.Work(ctx, job(1)); !errors.Is(err, ErrStaleJob) {
		t.Fatalf("attempt taken over during the fetch: %v, want ErrStaleJob", err)
	}
	if site.count("0") != 1 {
		t.Errorf("page fetched %d times, want 1", site.count("0"))
	}
	wroteNothing("taken over during the fetch")
	site.mu.Lock()
	site.onPage = nil
	site.mu.Unlock()

	// Taken over before it starts: nothing fetched, nothing written.
	if err := w.Work(ctx, job(1)); !errors.Is(err, ErrStaleJob) {
		t.Fatalf("attempt taken over before: %v, want ErrStaleJob", err)
	}
	if site.count("0") != 1 {
		t.Errorf("a stale attempt fetched the page: %d fetches, want 1", site.count("0"))
	}
	wroteNothing("taken over before")

	if err := w.Work(ctx, job(2)); err != nil {
		t.Fatalf("current attempt: %v", err)
	}
	if got := articlesAt(t, e, u); len(got) != 1 || !strings.Contains(got[0], "old bridge") {
		t.Errorf("the current attempt stored %q, want one article with the page's text", got)
	}
}

// TestFetchPageBadJobs: payloads a worker cannot use cancel their jobs
// with an error saying why; the page of a feed disabled since is not
// fetched.
func TestFetchPageBadJobs(t *testing.T) {
	dsn := pgtest.DSN(t)
	site := newPageSite(t, 1)
	e := openPgEngine(t, dsn, "worker")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if _, err := e.AddFeeds(ctx, []feed.Outlet{{FeedURL: site.feedURL(), Title: "Testville"}}); err != nil {
		t.Fatal(err)
	}
	states, err := e.db.FeedStates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	states[0].Disabled = true
	if err := e.db.SaveFeedState(ctx, states[0].URL, states[0]); err != nil {
		t.Fatal(err)
	}
	for _, a := range []FetchPageArgs{
		{Feed: site.feedURL(), URL: site.srv.URL + "/page/0"},
		{URL: "http://127.0.0.1:1/page"},
		{Feed: "http://127.0.0.1:1/feed.xml", URL: "file:///etc/passwd"},
		{Feed: "http://127.0.0.1:1/feed.xml", URL: "http://127.0.0.1:1/page", Published: "last week"},
		{Feed: "http://127.0.0.1:1/not-subscribed.xml", URL: "http://127.0.0.1:1/page"},
	} {
		if _, err := e.jobs.insert.Insert(ctx, a, nil); err != nil {
			t.Fatal(err)
		}
	}
	tbl := pgx.Identifier{e.jobs.schema, "river_job"}.Sanitize()
	if _, err := e.jobs.pool.Exec(ctx, `INSERT INTO `+tbl+` (kind, args, queue, max_attempts, state, priority, scheduled_at)
		VALUES ($1, '{"feed": 3}', $2, 1, 'available', 1, now())`, FetchPageKind, PageQueue); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		done <- e.RunJobs(ctx, JobOptions{Poller: e.NewPoller(PollConfig{Client: failFetch{}}), Concurrency: 2})
	}()
	want := []struct{ where, state, errText string }{
		{"coalesce(args->>'feed', '') = ''", "cancelled", "without a feed"},
		{"args->>'url' = 'file:///etc/passwd'", "cancelled", "not an http(s) URL"},
		{"args->>'published' = 'last week'", "cancelled", "last week"},
		{"args->>'feed' = 'http://127.0.0.1:1/not-subscribed.xml'", "cancelled", "not subscribed"},
		{"jsonb_typeof(args->'feed') = 'number'", "discarded", "unmarshal"},
		{"args->>'url' = '" + site.srv.URL + "/page/0'", "completed", ""},
	}
	deadline := time.Now().Add(20 * time.Second)
	for _, w := range want {
		for {
			state, errs := jobRow(t, e, "kind = 'fetch_page' AND "+w.where)
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
	if n := site.count("0"); n != 0 {
		t.Errorf("the page of a disabled feed was fetched %d times", n)
	}
}

// plainDB hides whatever optional interfaces the database has beyond
// Database: a store that does not keep summaries.
type plainDB struct{ Database }

// keepsSummaries is a database that says it keeps feed summaries, so
// that a poll job takes the path for such stores: the sink is handed
// every item and a page fetcher that notes pages instead of fetching.
type keepsSummaries struct{ Database }

func (keepsSummaries) SummaryItems(context.Context, []string) (map[string]string, error) {
	return nil, nil
}

// TestPollJobPageDeferral: both ways a poll job leaves pages to jobs
// (split for stores without summaries, noted by the page fetcher for
// stores with them) store the feed's full-text items at once, enqueue one
// fetch_page job per new summary-only item and fetch no page.
func TestPollJobPageDeferral(t *testing.T) {
	dsn := pgtest.DSN(t)
	site := newPageSite(t, 0)
	e := openPgEngine(t, dsn, "worker")
	ctx := context.Background()
	f := feed.State{URL: site.feedURL(), Title: "Testville"}
	if _, err := e.AddFeeds(ctx, []feed.Outlet{{FeedURL: f.URL, Title: f.Title}}); err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("The council kept the whole text of this note in its feed, sentence after sentence. ", 12)
	_, keeps := e.db.(summaryKeeping)
	for _, tc := range []struct {
		name   string
		db     Database
		stored int // the full-text item, and the two summaries if the store keeps them
	}{
		{"split", plainDB{e.db}, 1},
		{"noted", keepsSummaries{e.db}, map[bool]int{false: 1, true: 3}[keeps]},
	} {
		items := []feed.Item{
			{URL: site.srv.URL + "/page/full-" + tc.name, Title: "Full " + tc.name, Content: "<p>" + tc.name + ": " + long + "</p>"},
			{URL: site.srv.URL + "/page/a-" + tc.name, Title: "A", Summary: "Short summary of a.", NeedsPage: true},
			{URL: site.srv.URL + "/page/b-" + tc.name, Title: "B", Summary: "Short summary of b."},
			{URL: site.srv.URL + "/page/a-" + tc.name, Title: "A again", Summary: "Short summary of a.", NeedsPage: true},
		}
		pj := &pageJobs{db: tc.db}
		pctx := withPageJobs(ctx, pj)
		g := guardedSink{FeedStore: pipeline.NewFeedStore(e.db, nil), q: e.jobs}
		n, err := g.TakeItems(pctx, f, items, pagePoller(e))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if n != tc.stored || pj.enqueued != 2 || pj.already != 0 {
			t.Errorf("%s: stored %d, enqueued %d (%d already); want %d, 2, 0", tc.name, n, pj.enqueued, pj.already, tc.stored)
		}
		if got := articlesAt(t, e, items[0].URL); len(got) != 1 {
			t.Errorf("%s: full-text item stored %d times, want 1", tc.name, len(got))
		}
		// A second poll of the same items: the jobs are there already.
		pj2 := &pageJobs{db: tc.db}
		if _, err := g.TakeItems(withPageJobs(ctx, pj2), f, items, pagePoller(e)); err != nil {
			t.Fatal(err)
		}
		if pj2.enqueued != 0 || pj2.already != 2 {
			t.Errorf("%s: second poll enqueued %d (%d already), want 0 (2)", tc.name, pj2.enqueued, pj2.already)
		}
	}
	site.mu.Lock()
	defer site.mu.Unlock()
	if len(site.hits) != 0 {
		t.Errorf("pages fetched by the poll: %v", site.hits)
	}
}
