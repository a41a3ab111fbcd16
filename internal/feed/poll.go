package feed

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/subscription"
	"github.com/temoto/robotstxt"
	"golang.org/x/time/rate"
)

// State is what Parallax keeps about one subscribed feed between polls
// (see subscription.State). The Poller reads it from a Store and writes it
// back after each attempt.
type State = subscription.State

// Store is what the Poller needs from storage. Implementations must be safe
// for concurrent use: the Poller calls them from several goroutines.
type Store interface {
	// FeedStates returns every subscribed feed, disabled ones included, in
	// any order.
	FeedStates(ctx context.Context) ([]State, error)

	// SaveFeedState replaces the state stored under oldURL with st. oldURL
	// equals st.URL except after a permanent redirect, when the feed moves
	// to st.URL: the implementation renames the feed, and if a feed is
	// already stored under st.URL it keeps a single feed under st.URL with
	// st's values. Items already stored stay stored and are not
	// re-attributed.
	SaveFeedState(ctx context.Context, oldURL string, st State) error

	// PutItems stores the items of one poll of feed (in feed order, each
	// with a non-empty URL) and returns how many were new. An item whose
	// Key() is already stored, from this feed or any other, is not new and
	// leaves the stored copy unchanged. Items with NeedsPage set carry only
	// a summary: the implementation (or the pipeline behind it) fetches
	// their page, for example with Poller.FetchPage, and extracts the
	// article. On error the Poller records the error on the feed and does
	// not advance its validators, so the same items come again next poll.
	// PutItems is called before SaveFeedState for the same poll.
	PutItems(ctx context.Context, feed State, items []Item) (added int, err error)
}

// Pages fetches the article pages feed items link to; *Poller implements
// it (FetchPage).
type Pages interface {
	FetchPage(ctx context.Context, pageURL string) (*fetch.Response, error)
}

// Sink is a Store that turns the new items of each poll into articles
// itself (the engine's, pipeline.FeedStore): a Poller made over a Sink
// hands them to TakeItems instead of PutItems, with itself as pages, so
// that item pages are fetched under the same robots.txt rules and
// per-host limits as feeds, and the sink, made before the Poller, needs no
// reference to it. TakeItems follows PutItems' contract.
type Sink interface {
	Store
	TakeItems(ctx context.Context, feed State, items []Item, pages Pages) (added int, err error)
}

// Getter fetches URLs; *fetch.Client implements it.
type Getter interface {
	Get(ctx context.Context, url string, cond fetch.Conditional) (*fetch.Response, error)
}

// PollerOptions configure a Poller. Zero fields take the defaults named.
type PollerOptions struct {
	// Workers is how many feeds are fetched at once; default 8.
	Workers int
	// HostConcurrency is how many requests may be in flight to one host
	// (host:port); default 2.
	HostConcurrency int
	// HostRate is the sustained request rate per host, per second; default
	// 1. rate.Inf lifts the limit (local load runs). A robots.txt
	// Crawl-delay lowers it (delays over 30 s count as 30 s).
	HostRate rate.Limit
	// HostBurst is the per-host burst; default 2.
	HostBurst int
	// DefaultInterval is the interval of a feed not yet measured; default
	// 30 minutes. MinInterval and MaxInterval bound adapted intervals;
	// defaults 5 minutes and 24 hours.
	DefaultInterval, MinInterval, MaxInterval time.Duration
	// BackoffBase is the delay after a first failure, doubled for each
	// further consecutive failure up to MaxBackoff; defaults 5 minutes and
	// 24 hours. Jitter takes each delay to a random point in [d/2, d].
	BackoffBase, MaxBackoff time.Duration
	// IgnoreRobots skips robots.txt checks (for feeds the user owns).
	IgnoreRobots bool
	// RobotsAgent is the product token matched against robots.txt
	// User-agent lines; default "Parallax".
	RobotsAgent string
	// RobotsTTL is how long a host's robots.txt is cached; default 24 hours.
	RobotsTTL time.Duration
	// MaxItems is how many items of one feed document a poll takes at most,
	// the first ones (feeds list the newest first); default
	// DefaultMaxItems. The rest are left out with a warning on the feed.
	MaxItems int
	// PageWorkers is how many batches of summary-only items of one feed
	// are stored at once, their pages fetched concurrently within the
	// per-host limits; default DefaultPageWorkers.
	PageWorkers int
	// Progress, when set, is called after each feed of a Poll, from one
	// goroutine at a time.
	Progress func(Progress)
	// Logger receives one line per feed at debug level and failures at
	// warn level; nothing is logged when nil.
	Logger *slog.Logger
	// Now and Rand replace the clock and the jitter source in tests;
	// time.Now and math/rand/v2.Float64 when nil.
	Now  func() time.Time
	Rand func() float64
}

func (o *PollerOptions) defaults() {
	if o.Workers <= 0 {
		o.Workers = 8
	}
	if o.HostConcurrency <= 0 {
		o.HostConcurrency = 2
	}
	if o.HostRate <= 0 {
		o.HostRate = 1
	}
	if o.HostBurst <= 0 {
		o.HostBurst = 2
	}
	if o.DefaultInterval <= 0 {
		o.DefaultInterval = 30 * time.Minute
	}
	if o.MinInterval <= 0 {
		o.MinInterval = 5 * time.Minute
	}
	if o.MaxInterval <= 0 {
		o.MaxInterval = 24 * time.Hour
	}
	if o.MaxInterval < o.MinInterval {
		o.MaxInterval = o.MinInterval
	}
	if o.BackoffBase <= 0 {
		o.BackoffBase = 5 * time.Minute
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 24 * time.Hour
	}
	if o.MaxItems <= 0 {
		o.MaxItems = DefaultMaxItems
	}
	if o.PageWorkers <= 0 {
		o.PageWorkers = DefaultPageWorkers
	}
	if o.RobotsAgent == "" {
		o.RobotsAgent = "Parallax"
	}
	if o.RobotsTTL <= 0 {
		o.RobotsTTL = 24 * time.Hour
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Rand == nil {
		o.Rand = rand.Float64
	}
}

// Outcome is what became of one feed in a poll.
type Outcome string

// The outcomes of polling one feed.
const (
	Fetched     Outcome = "fetched"      // a feed document was read and its items stored
	NotModified Outcome = "not_modified" // 304 to a conditional GET
	Failed      Outcome = "failed"       // an error, recorded on the feed
	Disabled    Outcome = "disabled"     // 410 Gone: the feed is now disabled
)

// Result is the outcome of polling one feed.
type Result struct {
	URL string `json:"url"` // the URL polled
	// NewURL is the feed's new URL after a permanent redirect, else empty.
	NewURL  string  `json:"new_url,omitempty"`
	Outcome Outcome `json:"outcome"`
	Status  int     `json:"status"` // HTTP status, 0 when none
	Items   int     `json:"items"`  // items in the document
	New     int     `json:"new"`    // items stored as new
	Err     error   `json:"-"`
	// Error is Err's message, for JSON output.
	Error   string `json:"error,omitempty"`
	Warning string `json:"warning,omitempty"`
}

// MarshalJSON writes the result with the passwords of the URLs it names
// masked (fetch.Redact, fetch.RedactText): a feed subscribed as
// user:password@ shows neither in `poll --json` nor in any other output
// made from it. The Result itself keeps the URL, which names the
// subscription.
func (r Result) MarshalJSON() ([]byte, error) {
	type plain Result // without this method
	p := plain(r)
	p.URL, p.NewURL = fetch.Redact(p.URL), fetch.Redact(p.NewURL)
	p.Error, p.Warning = fetch.RedactText(p.Error), fetch.RedactText(p.Warning)
	return json.Marshal(p)
}

// Progress is reported after each feed of a Poll.
type Progress struct {
	Done, Total int
	Result      Result
}

// Summary totals one Poll.
type Summary struct {
	Feeds       int           `json:"feeds"`
	Fetched     int           `json:"fetched"`
	NotModified int           `json:"not_modified"`
	Failed      int           `json:"failed"`
	Disabled    int           `json:"disabled"`
	Items       int           `json:"items"`
	New         int           `json:"new"`
	Duration    time.Duration `json:"duration_ns"`
	Results     []Result      `json:"results"`
}

// String is the one-line summary printed at the end of `parallax poll`.
func (s Summary) String() string {
	return fmt.Sprintf("polled %d feeds in %s: %d fetched, %d not modified, %d failed, %d disabled; %d items, %d new",
		s.Feeds, s.Duration.Round(time.Millisecond), s.Fetched, s.NotModified, s.Failed, s.Disabled, s.Items, s.New)
}

// Errors returned by a poll, recorded on the feed.
var (
	// ErrRobots: the host's robots.txt disallows the feed's path.
	ErrRobots = errors.New("disallowed by robots.txt")
	// ErrNoLinks: the feed has items, but none with a usable link.
	ErrNoLinks = errors.New("no item has a link")
	// ErrGone: the server answered 410 Gone; the feed is disabled.
	ErrGone = errors.New("feed is gone (HTTP 410): disabled")
)

// Poller fetches feeds with conditional GET, stores their new items and
// schedules each feed's next poll. It is safe for concurrent use.
type Poller struct {
	client Getter
	store  Store
	opts   PollerOptions

	mu       sync.Mutex
	hosts    map[string]*host
	inFlight map[string]bool // feed URLs being polled, so overlapping Polls skip them
}

// host is the per-host state: a concurrency slot pool, a rate limiter and
// the cached robots.txt.
type host struct {
	key   string // host:port, lower case
	slots chan struct{}
	lim   *rate.Limiter

	robotsMu      sync.Mutex
	robots        *robotstxt.RobotsData
	robotsExpires time.Time
}

// NewPoller returns a Poller that fetches with client and keeps state in
// store.
func NewPoller(client Getter, store Store, opts PollerOptions) *Poller {
	opts.defaults()
	p := &Poller{client: client, store: store, opts: opts, hosts: map[string]*host{}, inFlight: map[string]bool{}}
	if sink, ok := store.(Sink); ok {
		// Every PutItems of the Poller reaches the sink with the Poller
		// as its page fetcher.
		p.store = sinkStore{Sink: sink, pages: p}
	}
	return p
}

// sinkStore is the Store a Poller uses over a Sink: PutItems hands the
// items to TakeItems with the Poller's page fetcher.
type sinkStore struct {
	Sink
	pages Pages
}

func (s sinkStore) PutItems(ctx context.Context, feed State, items []Item) (int, error) {
	return s.TakeItems(ctx, feed, items, s.pages)
}

// PollOptions select the feeds of one Poll.
type PollOptions struct {
	// Force polls feeds that are not due yet (`parallax poll`); otherwise
	// only feeds whose NextPoll has passed are polled (the scheduler).
	Force bool
	// URLs, when set, limits the poll to these feed URLs.
	URLs []string
}

// Poll polls the selected enabled feeds once, concurrently, recording each
// outcome on its feed. A feed's failure does not stop the others; Poll
// returns an error only if the feed list cannot be loaded or ctx ends (then
// with the partial summary). Feeds that an overlapping Poll of the same
// Poller is still polling are skipped.
func (p *Poller) Poll(ctx context.Context, po PollOptions) (Summary, error) {
	start := time.Now()
	states, err := p.store.FeedStates(ctx)
	if err != nil {
		return Summary{}, fmt.Errorf("poll: load feeds: %w", err)
	}
	now := p.opts.Now()
	var due []State
	for _, st := range states {
		if st.Disabled {
			continue
		}
		if len(po.URLs) > 0 && !slices.Contains(po.URLs, st.URL) {
			continue
		}
		if !po.Force && st.NextPoll.After(now) {
			continue
		}
		due = append(due, st)
	}
	p.mu.Lock()
	due = slices.DeleteFunc(due, func(st State) bool { return p.inFlight[st.URL] })
	for _, st := range due {
		p.inFlight[st.URL] = true
	}
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		for _, st := range due {
			delete(p.inFlight, st.URL)
		}
		p.mu.Unlock()
	}()
	sort.SliceStable(due, func(i, j int) bool { return due[i].NextPoll.Before(due[j].NextPoll) })

	sum := Summary{Feeds: len(due), Results: make([]Result, 0, len(due))}
	jobs := make(chan State)
	results := make(chan Result)
	var wg sync.WaitGroup
	for range min(p.opts.Workers, max(len(due), 1)) {
		wg.Go(func() {
			for st := range jobs {
				results <- p.pollOne(ctx, st)
			}
		})
	}
	go func() {
		defer close(jobs)
		for _, st := range due {
			select {
			case jobs <- st:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	for r := range results {
		sum.Results = append(sum.Results, r)
		switch r.Outcome {
		case Fetched:
			sum.Fetched++
		case NotModified:
			sum.NotModified++
		case Failed:
			sum.Failed++
		case Disabled:
			sum.Disabled++
		}
		sum.Items += r.Items
		sum.New += r.New
		if p.opts.Progress != nil {
			p.opts.Progress(Progress{Done: len(sum.Results), Total: len(due), Result: r})
		}
	}
	sum.Duration = time.Since(start)
	if err := ctx.Err(); err != nil {
		return sum, fmt.Errorf("poll: %w", err)
	}
	return sum, nil
}

// Run polls due feeds every tick (default one minute) until ctx ends, for
// the scheduler inside `parallax serve`. It returns ctx's error.
func (p *Poller) Run(ctx context.Context, tick time.Duration) error {
	if tick <= 0 {
		tick = time.Minute
	}
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		sum, err := p.Poll(ctx, PollOptions{})
		if err != nil && ctx.Err() == nil {
			p.opts.Logger.WarnContext(ctx, "poll failed", "error", err)
		} else if sum.Feeds > 0 {
			p.opts.Logger.InfoContext(ctx, "polled", "feeds", sum.Feeds, "new", sum.New, "failed", sum.Failed)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// FetchPage fetches an article page linked from a feed item, under the same
// robots.txt rules and per-host limits as feeds. It returns an error
// wrapping ErrRobots if robots.txt disallows the page.
func (p *Poller) FetchPage(ctx context.Context, pageURL string) (*fetch.Response, error) {
	h, u, err := p.hostFor(pageURL)
	if err != nil {
		return nil, err
	}
	if err := p.checkRobots(ctx, h, u); err != nil {
		return nil, err
	}
	return p.get(ctx, h, pageURL, fetch.Conditional{})
}

func (p *Poller) hostFor(rawURL string) (*host, *url.URL, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return nil, nil, fmt.Errorf("feed URL %q: %w", rawURL, ErrBadURL)
	}
	key := strings.ToLower(u.Host)
	p.mu.Lock()
	defer p.mu.Unlock()
	h, ok := p.hosts[key]
	if !ok {
		h = &host{
			key:   key,
			slots: make(chan struct{}, p.opts.HostConcurrency),
			lim:   rate.NewLimiter(p.opts.HostRate, p.opts.HostBurst),
		}
		p.hosts[key] = h
	}
	return h, u, nil
}

// get fetches under the host's concurrency and rate limits, and the
// context's HostGate if it has one.
func (p *Poller) get(ctx context.Context, h *host, rawURL string, cond fetch.Conditional) (*fetch.Response, error) {
	select {
	case h.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-h.slots }()
	if err := h.lim.Wait(ctx); err != nil {
		return nil, fmt.Errorf("rate limit for %s: %w", rawURL, err)
	}
	if gate, ok := ctx.Value(hostGateKey{}).(HostGate); ok {
		if every := h.interval(); every > 0 {
			if err := gate(ctx, h.key, every); err != nil {
				return nil, err
			}
		}
	}
	return p.client.Get(ctx, rawURL, cond)
}

// HostInterval returns the host key of rawURL (host:port, lower case) and
// the least time between two requests to it under this Poller's rate
// (1/HostRate, or a robots.txt Crawl-delay once read; 0 when unlimited),
// as a HostGate is given them.
func (p *Poller) HostInterval(rawURL string) (string, time.Duration, error) {
	h, _, err := p.hostFor(rawURL)
	if err != nil {
		return "", 0, err
	}
	return h.key, h.interval(), nil
}

// interval is the least time between two requests to h (0: no limit).
func (h *host) interval() time.Duration {
	lim := h.lim.Limit()
	if lim == rate.Inf || lim <= 0 {
		return 0
	}
	return time.Duration(float64(time.Second) / float64(lim))
}

// HostGate is a limit on the requests to one host shared beyond this
// Poller (several processes): called right before each request with the
// host (host:port, lower case) and the least time between two requests
// to it under this Poller's rate (HostRate, or a robots.txt Crawl-delay),
// it returns when the request may go, or an error that fails it. Hosts
// without a rate limit are not gated.
type HostGate func(ctx context.Context, host string, every time.Duration) error

type hostGateKey struct{}

// WithHostGate returns a context under which the Poller's requests (pages,
// feeds, robots.txt) also wait for gate.
func WithHostGate(ctx context.Context, gate HostGate) context.Context {
	return context.WithValue(ctx, hostGateKey{}, gate)
}

// maxCrawlDelay caps a robots.txt Crawl-delay, so that one host cannot hold
// a worker for long.
const maxCrawlDelay = 30 * time.Second

// checkRobots returns an error wrapping ErrRobots if the host's robots.txt
// disallows u. A robots.txt that cannot be fetched (network error) allows
// everything and is retried next time; 4xx allows everything, 5xx
// disallows everything until it expires (MinInterval).
func (p *Poller) checkRobots(ctx context.Context, h *host, u *url.URL) error {
	if p.opts.IgnoreRobots {
		return nil
	}
	h.robotsMu.Lock()
	defer h.robotsMu.Unlock()
	now := p.opts.Now()
	if h.robots == nil || now.After(h.robotsExpires) {
		robotsURL := (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}).String()
		resp, err := p.get(ctx, h, robotsURL, fetch.Conditional{})
		var data *robotstxt.RobotsData
		ttl := p.opts.RobotsTTL
		var se *fetch.StatusError
		switch {
		case err == nil:
			data, err = robotstxt.FromStatusAndBytes(resp.Status, resp.Body)
			if err != nil {
				// Unparseable robots.txt: treat as absent.
				data, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
			}
		case errors.As(err, &se):
			data, err = robotstxt.FromStatusAndBytes(se.Code, nil)
			if err != nil {
				data, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
			}
			if se.Code >= 500 {
				ttl = p.opts.MinInterval
			}
		default:
			if ctx.Err() != nil {
				return ctx.Err()
			}
			// Unreachable: the fetch of the feed itself will say why.
			return nil
		}
		h.robots, h.robotsExpires = data, now.Add(ttl)
		if g := data.FindGroup(p.opts.RobotsAgent); g != nil && g.CrawlDelay > 0 {
			if lim := rate.Every(min(g.CrawlDelay, maxCrawlDelay)); lim < h.lim.Limit() {
				h.lim.SetLimit(lim)
				h.lim.SetBurst(1)
			}
		}
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !h.robots.TestAgent(path, p.opts.RobotsAgent) {
		return fmt.Errorf("%s: %w", u, ErrRobots)
	}
	return nil
}

// pollOne polls one feed, stores its new items and saves its state.
func (p *Poller) pollOne(ctx context.Context, st State) Result {
	oldURL := st.URL
	res := Result{URL: oldURL}
	now := p.opts.Now()
	log := p.opts.Logger.With("feed_url", fetch.Redact(oldURL))

	resp, err := p.fetchFeed(ctx, st)
	if err != nil && ctx.Err() != nil {
		// Stopped, not the feed's fault: record nothing.
		res.Outcome, res.Err, res.Error = Failed, err, fetch.RedactText(err.Error())
		return res
	}
	st.LastFetch = now
	if err == nil {
		res.Status = resp.Status
		st.LastStatus = resp.Status
		err = p.readFeed(ctx, &st, resp, &res, now)
	} else {
		var se *fetch.StatusError
		if errors.As(err, &se) {
			res.Status, st.LastStatus = se.Code, se.Code
		} else {
			st.LastStatus = 0
		}
	}
	if err != nil && ctx.Err() != nil {
		res.Outcome, res.Err, res.Error = Failed, err, fetch.RedactText(err.Error())
		return res
	}
	if err != nil {
		p.recordFailure(&st, err, now)
		res.Outcome, res.Err, res.Error = Failed, err, st.LastError
		if st.Disabled {
			res.Outcome = Disabled
		}
		log.WarnContext(ctx, "feed poll failed", "error", st.LastError, "error_count", st.ErrorCount,
			"next_poll", st.NextPoll)
	}
	if err := p.store.SaveFeedState(ctx, oldURL, st); err != nil {
		err = fmt.Errorf("save feed state %s: %w", oldURL, err)
		log.WarnContext(ctx, "save feed state failed", "error", err)
		if res.Err == nil {
			res.Outcome, res.Err, res.Error = Failed, err, fetch.RedactText(err.Error())
		}
	}
	if st.URL != oldURL {
		res.NewURL = st.URL
	}
	res.Warning = st.Warning
	log.DebugContext(ctx, "feed polled", "outcome", res.Outcome, "status", res.Status, "items", res.Items, "new", res.New)
	return res
}

// fetchFeed checks robots.txt and fetches the feed conditionally.
func (p *Poller) fetchFeed(ctx context.Context, st State) (*fetch.Response, error) {
	h, u, err := p.hostFor(st.URL)
	if err != nil {
		return nil, err
	}
	if err := p.checkRobots(ctx, h, u); err != nil {
		return nil, err
	}
	return p.get(ctx, h, st.URL, fetch.Conditional{ETag: st.ETag, LastModified: st.LastModified})
}

// readFeed handles a 2xx or 304 response: parses, stores items, updates
// st. It returns an error for failures to record on the feed; on error st's
// validators are left as they were.
func (p *Poller) readFeed(ctx context.Context, st *State, resp *fetch.Response, res *Result, now time.Time) error {
	newURL := st.URL
	if resp.PermanentURL != "" {
		newURL = resp.PermanentURL
	}
	if resp.NotModified() {
		res.Outcome = NotModified
		st.URL = newURL
		p.recordSuccess(st, resp, now)
		st.NewLast = 0
		st.Interval = p.grow(st.Interval)
		st.NextPoll = now.Add(max(st.Interval, resp.RetryAfter))
		return nil
	}
	f, err := ParseHTTP(resp.Body, resp.URL, resp.ContentType)
	if err != nil {
		return err
	}
	items := make([]Item, 0, len(f.Items))
	undated := 0
	for _, it := range f.Items {
		if it.URL == "" {
			continue
		}
		if it.Published.IsZero() {
			undated++
		}
		items = append(items, it)
	}
	res.Items = len(f.Items)
	if len(f.Items) > 0 && len(items) == 0 {
		return fmt.Errorf("feed %s: %d items: %w", resp.URL, len(f.Items), ErrNoLinks)
	}
	items, capped := capItems(items, p.opts.MaxItems)
	if capped > 0 {
		undated = 0
		for _, it := range items {
			if it.Published.IsZero() {
				undated++
			}
		}
	}
	st.URL = newURL
	added := 0
	if len(items) > 0 {
		added, err = p.putItems(ctx, *st, items)
		if err != nil {
			st.URL = res.URL // not moved: the poll failed
			return fmt.Errorf("store items of %s: %w", resp.URL, err)
		}
	}
	var warnings []string
	if skipped := len(f.Items) - len(items); skipped > 0 {
		warnings = append(warnings, fmt.Sprintf("%d of %d items have no link and were skipped", skipped, len(f.Items)))
	}
	if capped > 0 {
		warnings = append(warnings, fmt.Sprintf("%d items past the first %d were left out", capped, p.opts.MaxItems))
	}
	if undated > 0 {
		warnings = append(warnings, fmt.Sprintf("%d of %d items have no date", undated, len(items)))
	}

	res.Outcome, res.New = Fetched, added
	p.recordSuccess(st, resp, now)
	st.Warning = strings.Join(warnings, "; ")
	if st.Title == "" {
		st.Title = f.Title
	}
	if st.SiteURL == "" {
		st.SiteURL = f.SiteURL
	}
	if st.Language == "" {
		st.Language = f.Language
	}
	st.ItemsLast = len(f.Items)
	st.NewLast = added
	st.ItemsTotal += added
	st.Interval = p.adapt(st.Interval, items, added, now)
	st.NextPoll = now.Add(max(st.Interval, resp.RetryAfter))
	return nil
}

func (p *Poller) recordSuccess(st *State, resp *fetch.Response, now time.Time) {
	st.LastSuccess = now
	st.ErrorCount = 0
	st.LastError = ""
	if resp.ETag != "" {
		st.ETag = resp.ETag
	}
	if resp.LastModified != "" {
		st.LastModified = resp.LastModified
	}
	if resp.Status != http.StatusNotModified {
		// A full response without validators invalidates the old ones.
		st.ETag, st.LastModified = resp.ETag, resp.LastModified
	}
}

// recordFailure notes err on st and schedules the retry: 410 disables the
// feed, robots.txt refusals wait MaxInterval, everything else backs off
// exponentially with jitter, never sooner than a Retry-After.
func (p *Poller) recordFailure(st *State, err error, now time.Time) {
	st.ErrorCount++
	st.LastError = fetch.RedactText(err.Error())
	var se *fetch.StatusError
	retryAfter := time.Duration(0)
	if errors.As(err, &se) {
		retryAfter = se.RetryAfter
		if se.Code == http.StatusGone {
			st.Disabled = true
			st.LastError = fetch.RedactText(fmt.Errorf("%s: %w", se.URL, ErrGone).Error())
			return
		}
	}
	delay := p.backoff(st.ErrorCount)
	if errors.Is(err, ErrRobots) {
		delay = p.opts.MaxInterval
	}
	st.NextPoll = now.Add(max(delay, retryAfter))
}

// backoff is the jittered delay after n consecutive failures (n >= 1):
// BackoffBase doubled n-1 times, capped at MaxBackoff, then taken to a
// random point in its upper half.
func (p *Poller) backoff(n int) time.Duration {
	d := p.opts.MaxBackoff
	if n-1 < 40 {
		if b := p.opts.BackoffBase << (n - 1); b > 0 && b < d {
			d = b
		}
	}
	return d/2 + time.Duration(p.opts.Rand()*float64(d/2))
}

// grow lengthens the interval of a feed that did not change.
func (p *Poller) grow(iv time.Duration) time.Duration {
	if iv <= 0 {
		iv = p.opts.DefaultInterval
	}
	return p.clamp(time.Duration(float64(iv) * 1.25))
}

// adapt sets the polling interval from how often the feed publishes: the
// median gap between its newest dated items, lengthened when even the
// newest item is old (a quiet feed). Without enough dates it halves the
// interval when the poll brought new items and grows it when not.
func (p *Poller) adapt(iv time.Duration, items []Item, added int, now time.Time) time.Duration {
	if iv <= 0 {
		iv = p.opts.DefaultInterval
	}
	var dates []time.Time
	for _, it := range items {
		if !it.Published.IsZero() && !it.Published.After(now.Add(time.Hour)) {
			dates = append(dates, it.Published)
		}
	}
	if len(dates) >= 3 {
		slices.SortFunc(dates, func(a, b time.Time) int { return b.Compare(a) }) // newest first
		dates = dates[:min(len(dates), 20)]
		gaps := make([]time.Duration, 0, len(dates)-1)
		for i := 1; i < len(dates); i++ {
			gaps = append(gaps, dates[i-1].Sub(dates[i]))
		}
		slices.Sort(gaps)
		est := gaps[len(gaps)/2]
		if quiet := now.Sub(dates[0]) / 4; quiet > est {
			est = quiet
		}
		return p.clamp(est)
	}
	if added > 0 {
		return p.clamp(iv / 2)
	}
	return p.grow(iv)
}

func (p *Poller) clamp(d time.Duration) time.Duration {
	if d < p.opts.MinInterval {
		return p.opts.MinInterval
	}
	if d > p.opts.MaxInterval || d < 0 || float64(d) > math.MaxInt64/2 {
		return p.opts.MaxInterval
	}
	return d
}
