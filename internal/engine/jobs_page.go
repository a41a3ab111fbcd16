package engine

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

// FetchPageKind is the kind of the job that fetches and cleans the page of
// one feed item that carries only a summary, and stores (or upgrades) its
// article.
const FetchPageKind = "fetch_page"

// PageQueue is the River queue of fetch_page jobs: a feed of hundreds of
// new summary-only items enqueues as many jobs, which wait on their
// host's rate limit; in a queue of their own they do not hold up the
// polls of other feeds (each process works Concurrency of each queue).
const PageQueue = "pages"

// FetchPageArgs is the payload of a fetch_page job: the feed and the item
// as the poll read it. Jobs are unique by (feed, item URL) in every state
// but discarded: a page is not fetched twice at once, a page fetched or
// refused for good is not enqueued again while its job row is kept (a
// day for a completed job, a week for a cancelled one), and a page whose
// retries ran out is enqueued again when its feed brings the item again.
type FetchPageArgs struct {
	Feed      string `json:"feed" river:"unique"`
	URL       string `json:"url" river:"unique"`
	GUID      string `json:"guid,omitempty"`
	Title     string `json:"title,omitempty"`
	Summary   string `json:"summary,omitempty"`
	Content   string `json:"content,omitempty"`
	Published string `json:"published,omitempty"` // RFC 3339, UTC
	Author    string `json:"author,omitempty"`
}

// Kind implements river.JobArgs.
func (FetchPageArgs) Kind() string { return FetchPageKind }

// InsertOpts implements river.JobArgsWithInsertOpts.
func (FetchPageArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: pageMaxAttempts, Queue: PageQueue, UniqueOpts: river.UniqueOpts{ByArgs: true,
		ByState: []rivertype.JobState{rivertype.JobStateAvailable, rivertype.JobStateCancelled, rivertype.JobStateCompleted,
			rivertype.JobStatePending, rivertype.JobStateRunning, rivertype.JobStateRetryable, rivertype.JobStateScheduled}}}
}

const (
	pageMaxAttempts = 6
	// defaultPageRetry is the first wait before a page that failed for a
	// passing reason is fetched again; it doubles with each attempt.
	defaultPageRetry = 15 * time.Second
	maxPageRetry     = time.Hour
)

func pageArgs(feedURL string, it feed.Item) FetchPageArgs {
	a := FetchPageArgs{Feed: feedURL, URL: it.URL, GUID: it.GUID, Title: it.Title, Summary: it.Summary,
		Content: it.Content, Author: it.Author}
	if !it.Published.IsZero() {
		a.Published = it.Published.UTC().Format(time.RFC3339Nano)
	}
	return a
}

// item is the feed item the job was made from.
func (a FetchPageArgs) item() (feed.Item, error) {
	it := feed.Item{GUID: a.GUID, URL: a.URL, Title: a.Title, Summary: a.Summary, Content: a.Content,
		Author: a.Author, NeedsPage: true}
	if a.Published != "" {
		t, err := time.Parse(time.RFC3339Nano, a.Published)
		if err != nil {
			return feed.Item{}, fmt.Errorf("published %q: %w", a.Published, err)
		}
		it.Published = t.UTC()
	}
	return it, nil
}

// pageJobsKey marks a context whose poll leaves item pages to fetch_page
// jobs (a poll_feed job's): see deferPages.
type pageJobsKey struct{}

// pageJobs counts the fetch_page jobs one poll enqueued.
type pageJobs struct {
	db Database

	mu                sync.Mutex
	enqueued, already int
}

// summaryKeeping is the optional interface of a store that keeps a feed
// item's summary as its article while the page is to come (and upgrades
// it from the page later): its sink stores the summary when told the page
// is not fetched yet.
type summaryKeeping interface {
	SummaryItems(ctx context.Context, keys []string) (map[string]string, error)
}

func (p *pageJobs) add(enqueued, already int) {
	p.mu.Lock()
	p.enqueued += enqueued
	p.already += already
	p.mu.Unlock()
}

func withPageJobs(ctx context.Context, p *pageJobs) context.Context {
	return context.WithValue(ctx, pageJobsKey{}, p)
}

// errPageQueued is what a poll_feed job's page fetcher answers for an
// item whose page a fetch_page job fetches: the sink takes it as a page
// that failed for a passing reason (not recorded, so the item is not
// taken as done; a sink that keeps summaries stores the summary meanwhile).
var errPageQueued = errors.New("the page is left to a fetch_page job")

// deferPages is the page fetcher a poll_feed job hands its sink: instead
// of fetching the pages of summary-only items, it notes them, and the
// sink's caller enqueues a fetch_page job for each. Only pages the sink
// asks for are noted: items already stored are not asked for.
type deferPages struct {
	real  feed.Pages
	items map[string]feed.Item // summary-only items of the call, by URL

	mu    sync.Mutex
	asked []feed.Item
}

func newDeferPages(real feed.Pages, items []feed.Item) *deferPages {
	d := &deferPages{real: real, items: map[string]feed.Item{}}
	for _, it := range items {
		if it.URL != "" && (it.NeedsPage || it.Content == "") {
			d.items[it.URL] = it
		}
	}
	return d
}

func (d *deferPages) FetchPage(ctx context.Context, pageURL string) (*fetch.Response, error) {
	it, ok := d.items[pageURL]
	if !ok {
		if d.real == nil {
			return nil, fmt.Errorf("page %s: no page fetcher", fetch.Redact(pageURL))
		}
		return d.real.FetchPage(ctx, pageURL)
	}
	d.mu.Lock()
	if !slices.ContainsFunc(d.asked, func(a feed.Item) bool { return a.URL == pageURL }) {
		d.asked = append(d.asked, it)
	}
	d.mu.Unlock()
	return nil, errPageQueued
}

// enqueuePages enqueues a fetch_page job per item whose page the sink
// asked for, and reports how many were new and how many were enqueued
// already (waiting, running, done or refused).
func (q *Jobs) enqueuePages(ctx context.Context, feedURL string, items []feed.Item) (enqueued, already int, err error) {
	if len(items) == 0 {
		return 0, 0, nil
	}
	params := make([]river.InsertManyParams, 0, len(items))
	for _, it := range items {
		params = append(params, river.InsertManyParams{Args: pageArgs(feedURL, it)})
	}
	res, err := q.insert.InsertMany(ctx, params)
	if err != nil {
		return 0, 0, fmt.Errorf("enqueue the pages of %s: %w", fetch.Redact(feedURL), err)
	}
	for _, r := range res {
		if r.UniqueSkippedAsDuplicate {
			already++
		} else {
			enqueued++
		}
	}
	return enqueued, already, nil
}

// takeItemsDeferred is guardedSink.TakeItems inside a poll_feed job: items
// with their full text are stored at once; the pages of summary-only items
// become fetch_page jobs.
func (g guardedSink) takeItemsDeferred(ctx context.Context, pj *pageJobs, f feed.State, items []feed.Item, pages feed.Pages) (int, error) {
	if _, ok := pj.db.(summaryKeeping); !ok {
		return g.takeItemsSplit(ctx, pj, f, items, pages)
	}
	d := newDeferPages(pages, items)
	n, err := g.FeedStore.TakeItems(ctx, f, items, d)
	if err != nil {
		return n, err
	}
	if err := g.q.CheckLease(ctx); err != nil {
		return n, err
	}
	enq, already, err := g.q.enqueuePages(ctx, f.URL, d.asked)
	if err != nil {
		return n, err
	}
	pj.add(enq, already)
	return n, nil
}

// takeItemsSplit is takeItemsDeferred for a store that does not keep
// summaries: the sink gets only the items it can store now (their full
// text in the feed), so that the items left to page jobs are neither
// counted as failed pages on the feed nor asked for; the new ones among
// the others become fetch_page jobs.
func (g guardedSink) takeItemsSplit(ctx context.Context, pj *pageJobs, f feed.State, items []feed.Item, pages feed.Pages) (int, error) {
	var now, later []feed.Item
	var keys []string
	for _, it := range items {
		if it.URL != "" && (it.NeedsPage || it.Content == "") {
			later = append(later, it)
			keys = append(keys, it.Key())
		} else {
			now = append(now, it)
		}
	}
	n := 0
	if len(now) > 0 {
		var err error
		if n, err = g.FeedStore.TakeItems(ctx, f, now, pages); err != nil {
			return n, err
		}
	}
	if len(later) == 0 {
		return n, nil
	}
	seen, err := pj.db.SeenItems(ctx, keys)
	if err != nil {
		return n, fmt.Errorf("items of %s: %w", fetch.Redact(f.URL), err)
	}
	var todo []feed.Item
	for _, it := range later {
		if !seen[it.Key()] {
			seen[it.Key()] = true // once per poll
			todo = append(todo, it)
		}
	}
	if err := g.q.CheckLease(ctx); err != nil {
		return n, err
	}
	enq, already, err := g.q.enqueuePages(ctx, f.URL, todo)
	if err != nil {
		return n, err
	}
	pj.add(enq, already)
	return n, nil
}

// fetchPageWorker works fetch_page jobs.
type fetchPageWorker struct {
	river.WorkerDefaults[FetchPageArgs]
	e     *Engine
	p     *feed.Poller
	sink  guardedSink
	retry time.Duration

	mu sync.Mutex
	// notBefore holds, by job ID, the earliest next attempt a server
	// asked for (Retry-After) on the attempt that just failed: Work sets
	// it, NextRetry (called by River right after, in this process) takes
	// it.
	notBefore map[int64]time.Time
}

func newFetchPageWorker(e *Engine, p *feed.Poller, retry time.Duration) *fetchPageWorker {
	if retry <= 0 {
		retry = defaultPageRetry
	}
	fs := pipeline.NewFeedStore(e.db, e.log)
	return &fetchPageWorker{e: e, p: p, retry: retry, sink: guardedSink{FeedStore: fs, q: e.jobs},
		notBefore: map[int64]time.Time{}}
}

// NextRetry implements river.Worker: the first retry after the configured
// wait (JobOptions.PageRetry), doubling each attempt up to an hour, and
// never before the time the server asked for in a Retry-After header of
// the failed attempt's 429 or 503 (itself bounded by an hour).
func (w *fetchPageWorker) NextRetry(job *river.Job[FetchPageArgs]) time.Time {
	d := w.retry
	for i := 1; i < job.Attempt && d < maxPageRetry; i++ {
		d *= 2
	}
	next := time.Now().Add(min(d, maxPageRetry))
	w.mu.Lock()
	asked, ok := w.notBefore[job.ID]
	delete(w.notBefore, job.ID)
	w.mu.Unlock()
	if ok && asked.After(next) {
		next = asked
	}
	return next
}

// retryAfter is how long the server asked to wait before the page is
// asked for again (a Retry-After header of a 429 or 503), bounded by
// maxPageRetry; 0 when it asked nothing.
func retryAfter(err error) time.Duration {
	var se *fetch.StatusError
	if !errors.As(err, &se) || se.RetryAfter <= 0 {
		return 0
	}
	if se.Code != http.StatusTooManyRequests && se.Code != http.StatusServiceUnavailable {
		return 0
	}
	return min(se.RetryAfter, maxPageRetry)
}

// askedToWait notes the Retry-After of a failed attempt for NextRetry.
func (w *fetchPageWorker) askedToWait(id int64, d time.Duration) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if d <= 0 {
		delete(w.notBefore, id)
		return
	}
	w.notBefore[id] = time.Now().Add(d)
}

// Timeout implements river.Worker: zero takes the client's JobTimeout.
func (w *fetchPageWorker) Timeout(*river.Job[FetchPageArgs]) time.Duration { return 0 }

// Work fetches the item's page through the poller (the SSRF-safe fetcher,
// under robots.txt and the per-host limits), cleans it and stores the
// article, through the same sink as polls (an item stored already, from
// this feed or another, is not fetched). A page that failed for a passing
// reason (5xx, 429, a timeout, the network) fails the attempt, which is
// retried with backoff; one refused for good (4xx, robots.txt, a refused
// address) is recorded on the item by the sink and cancels the job with
// the error. A stale attempt writes nothing.
func (w *fetchPageWorker) Work(ctx context.Context, job *river.Job[FetchPageArgs]) error {
	a := job.Args
	if a.Feed == "" || a.URL == "" {
		return river.JobCancel(errors.New("fetch_page job without a feed or page URL"))
	}
	if u, err := url.Parse(a.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return river.JobCancel(fmt.Errorf("fetch_page job: %q is not an http(s) URL", fetch.Redact(a.URL)))
	}
	it, err := a.item()
	if err != nil {
		return river.JobCancel(fmt.Errorf("fetch_page job for %s: %w", fetch.Redact(a.URL), err))
	}
	st, err := w.e.db.FeedState(ctx, a.Feed)
	if errors.Is(err, store.ErrNotFound) {
		return river.JobCancel(fmt.Errorf("page %s: the feed %s is not subscribed", fetch.Redact(a.URL), fetch.Redact(a.Feed)))
	}
	if err != nil {
		return fmt.Errorf("page %s: load feed: %w", fetch.Redact(a.URL), err)
	}
	if st.Disabled {
		// As a poll of a disabled feed: nothing fetched.
		w.e.log.InfoContext(ctx, "page job: feed disabled", "feed", fetch.Redact(a.Feed), "page", fetch.Redact(a.URL), "job", job.ID)
		return nil
	}
	ctx = withLease(ctx, lease{id: job.ID, attempt: job.Attempt})
	pages := &leasedPages{p: w.p, q: w.e.jobs}
	n, err := w.sink.TakeItems(ctx, st, []feed.Item{it}, pages)
	if err != nil {
		return fmt.Errorf("page %s: %w", fetch.Redact(a.URL), err)
	}
	w.e.metrics.stored(n)
	// A summary analysed before its page came is noted for re-analysis in
	// the store, with the upgrade: the leading process redoes the
	// analysis (RunAnalyser, at most hourly).
	log := w.e.log.With(slog.String("page", fetch.Redact(a.URL)), slog.Int64("job", job.ID), slog.Int("attempt", job.Attempt))
	var busy *errHostBusy
	switch perr := pages.err; {
	case perr == nil:
		log.InfoContext(ctx, "fetched page", slog.Bool("fetched", pages.fetched), slog.Int("new", n))
		return nil
	case errors.Is(perr, ErrStaleJob):
		return perr
	case errors.As(perr, &busy):
		log.DebugContext(ctx, "page job snoozed: its host is busy", slog.Duration("wait", busy.wait))
		return w.e.jobs.snoozeBusy(busy)
	case pageRetryable(perr):
		if d := retryAfter(perr); d > 0 {
			// The server asked every client to wait: this job's next
			// attempt, and every process's next request to the host.
			if job.Attempt < job.MaxAttempts { // River asks NextRetry only then
				w.askedToWait(job.ID, d)
			}
			if host := hostOf(a.URL); host != "" {
				if err := w.e.jobs.holdHost(ctx, host, d); err != nil {
					log.WarnContext(ctx, "Retry-After not shared with the other workers", "error", err)
				}
			}
		}
		return fmt.Errorf("page %s: %w", fetch.Redact(a.URL), perr)
	default:
		log.InfoContext(ctx, "page refused", "error", fetch.RedactText(perr.Error()))
		return river.JobCancel(fmt.Errorf("page %s: %s", fetch.Redact(a.URL), fetch.RedactText(perr.Error())))
	}
}

// leasedPages fetches through the poller, then checks that the job
// attempt is still the running one before the sink writes what it
// fetched; it keeps the fetch's error for the job to judge.
type leasedPages struct {
	p *feed.Poller
	q *Jobs

	mu      sync.Mutex
	fetched bool
	err     error
}

func (l *leasedPages) FetchPage(ctx context.Context, pageURL string) (*fetch.Response, error) {
	// The host's rate is shared with every process (jobs_hosts.go).
	resp, err := l.p.FetchPage(feed.WithHostGate(ctx, l.q.waitHostSlot), pageURL)
	if err == nil {
		err = l.q.CheckLease(ctx)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.fetched = true
	if err != nil {
		l.err = err
		return nil, err
	}
	return resp, nil
}

// pageRetryable reports whether a page's failure may go away by itself
// (the rule of the feed sink: a server error, a rate limit, a timeout, the
// network), so that the job is retried.
func pageRetryable(err error) bool {
	var se *fetch.StatusError
	if errors.As(err, &se) {
		return se.Code >= 500 || se.Code == http.StatusTooManyRequests || se.Code == http.StatusRequestTimeout
	}
	switch {
	case errors.Is(err, feed.ErrRobots), errors.Is(err, feed.ErrBadURL), errors.Is(err, fetch.ErrScheme),
		errors.Is(err, fetch.ErrTooLarge), errors.Is(err, fetch.ErrPrivateAddress), errors.Is(err, fetch.ErrTooManyRedirects):
		return false
	}
	return true
}
