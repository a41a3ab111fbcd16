package feed

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/feed/feedtest"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/subscription"
	"golang.org/x/time/rate"
)

// memStore is an in-memory Store for the tests.
type memStore struct {
	mu     sync.Mutex
	feeds  map[string]State
	items  map[string]Item
	puts   int
	failOn string // PutItems fails for this feed URL
}

func newMemStore(urls ...string) *memStore {
	s := &memStore{feeds: map[string]State{}, items: map[string]Item{}}
	for _, u := range urls {
		s.feeds[u] = State{URL: u}
	}
	return s
}

func (s *memStore) FeedStates(ctx context.Context) ([]State, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]State, 0, len(s.feeds))
	for _, st := range s.feeds {
		out = append(out, st)
	}
	return out, nil
}

func (s *memStore) SaveFeedState(ctx context.Context, oldURL string, st State) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.feeds[oldURL]; !ok {
		return fmt.Errorf("no feed %s", oldURL)
	}
	delete(s.feeds, oldURL)
	s.feeds[st.URL] = st
	return nil
}

func (s *memStore) PutItems(ctx context.Context, feed State, items []Item) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if feed.URL == s.failOn {
		return 0, errors.New("disk full")
	}
	s.puts++
	added := 0
	for _, it := range items {
		if it.URL == "" {
			return 0, fmt.Errorf("item %q without URL", it.Title)
		}
		if _, ok := s.items[it.Key()]; ok {
			continue
		}
		s.items[it.Key()] = it
		added++
	}
	return added, nil
}

func (s *memStore) state(t *testing.T, url string) State {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.feeds[url]
	if !ok {
		t.Fatalf("no feed stored under %s", url)
	}
	return st
}

// rssDoc writes an RSS document with n items whose links are under base.
// Item i is dated i hours before now; items carry only a short summary.
func rssDoc(base string, name string, n int, now time.Time) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title><link>%s/</link>`, name, base)
	for i := range n {
		fmt.Fprintf(&b, `<item><title>%s item %d</title><link>%s/%s/%d?utm_source=rss</link><guid>%s-%d</guid><description>Summary %d</description><pubDate>%s</pubDate></item>`,
			name, i, base, name, i, name, i, i, now.Add(-time.Duration(i)*time.Hour).Format(time.RFC1123Z))
	}
	b.WriteString(`</channel></rss>`)
	return b.Bytes()
}

// feedServer serves generated feeds at /feeds/{name} with an ETag, and
// counts requests and conditional requests.
type feedServer struct {
	*httptest.Server
	requests, conditional atomic.Int32
}

func newFeedServer(t *testing.T, items int, etags bool) *feedServer {
	t.Helper()
	fs := &feedServer{}
	now := time.Now().UTC().Truncate(time.Second)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feeds/{name}", func(w http.ResponseWriter, r *http.Request) {
		fs.requests.Add(1)
		name := r.PathValue("name")
		etag := `"` + name + `-v1"`
		if r.Header.Get("If-None-Match") != "" {
			fs.conditional.Add(1)
		}
		if etags {
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(rssDoc("http://"+r.Host, name, items, now))
	})
	fs.Server = httptest.NewServer(mux)
	t.Cleanup(fs.Close)
	return fs
}

func localPoller(store Store, opts PollerOptions) *Poller {
	if opts.HostRate == 0 {
		opts.HostRate = rate.Inf
	}
	return NewPoller(fetch.New(fetch.Options{AllowPrivate: true, Timeout: 5 * time.Second}), store, opts)
}

func TestPollConditionalGet(t *testing.T) {
	srv := newFeedServer(t, 5, true)
	url := srv.URL + "/feeds/alpha"
	store := newMemStore(url)
	p := localPoller(store, PollerOptions{})

	sum, err := p.Poll(context.Background(), PollOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Fetched != 1 || sum.New != 5 || sum.Items != 5 {
		t.Fatalf("first poll: %s", sum)
	}
	st := store.state(t, url)
	if st.ETag != `"alpha-v1"` || st.Title != "alpha" || st.NewLast != 5 || st.ItemsTotal != 5 || st.LastStatus != 200 || st.LastFetch.IsZero() {
		t.Errorf("state after first poll: %+v", st)
	}
	if !st.NextPoll.After(st.LastFetch) {
		t.Errorf("NextPoll %s not after LastFetch %s", st.NextPoll, st.LastFetch)
	}
	for key, it := range store.items {
		if strings.Contains(key, "utm_") || !it.NeedsPage {
			t.Errorf("item %s: key not canonical or not marked for page fetch (%+v)", key, it)
		}
	}

	// Not due yet: an unforced poll does nothing.
	sum, err = p.Poll(context.Background(), PollOptions{})
	if err != nil || sum.Feeds != 0 {
		t.Fatalf("unforced second poll: %s, %v", sum, err)
	}
	// Forced: a conditional GET, 304, nothing new.
	sum, err = p.Poll(context.Background(), PollOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.NotModified != 1 || sum.New != 0 || srv.conditional.Load() != 1 {
		t.Fatalf("forced second poll: %s, conditional requests %d", sum, srv.conditional.Load())
	}
	st2 := store.state(t, url)
	if st2.ETag != st.ETag || st2.LastStatus != 304 || st2.ItemsTotal != 5 || st2.NewLast != 0 || st2.Interval <= st.Interval {
		t.Errorf("state after 304: %+v (before %+v)", st2, st)
	}
}

func TestPollWithoutValidatorsStoresNothingTwice(t *testing.T) {
	srv := newFeedServer(t, 7, false)
	url := srv.URL + "/feeds/beta"
	store := newMemStore(url)
	p := localPoller(store, PollerOptions{})
	for i, wantNew := range []int{7, 0} {
		sum, err := p.Poll(context.Background(), PollOptions{Force: true})
		if err != nil {
			t.Fatal(err)
		}
		if sum.Fetched != 1 || sum.New != wantNew {
			t.Errorf("poll %d: %s, want %d new", i, sum, wantNew)
		}
	}
}

// TestPollManyFeeds is the 200 feeds × 50 items case: the first pass
// stores everything, the second sends conditional requests only and stores
// nothing, and after two feeds change a third pass stores just their new
// items.
func TestPollManyFeeds(t *testing.T) {
	const feeds, items = 200, 50
	srv := feedtest.NewServer(feeds, items)
	defer srv.Close()
	store := newMemStore(srv.URLs()...)
	var progress []Progress
	p := localPoller(store, PollerOptions{Progress: func(pr Progress) { progress = append(progress, pr) }})

	sum, err := p.Poll(context.Background(), PollOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(sum)
	if sum.Feeds != feeds || sum.Fetched != feeds || sum.New != feeds*items || len(store.items) != feeds*items {
		t.Fatalf("first pass: %s; %d items stored", sum, len(store.items))
	}
	if len(progress) != feeds || progress[feeds-1].Done != feeds || progress[0].Total != feeds {
		t.Errorf("progress: %d calls, last %+v", len(progress), progress[len(progress)-1])
	}

	req0, _, _ := srv.Stats()
	sum, err = p.Poll(context.Background(), PollOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(sum)
	if sum.NotModified != feeds || sum.New != 0 || sum.Failed != 0 {
		t.Fatalf("second pass: %s", sum)
	}
	req, cond, notMod := srv.Stats()
	if req-req0 != feeds || cond != feeds || notMod != feeds {
		t.Errorf("second pass: %d requests, %d conditional, %d answered 304; want %d of each", req-req0, cond, notMod, feeds)
	}

	srv.Update(3, 2)
	srv.Update(150, 5)
	sum, err = p.Poll(context.Background(), PollOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Fetched != 2 || sum.NotModified != feeds-2 || sum.New != 7 || len(store.items) != feeds*items+7 {
		t.Errorf("third pass: %s; %d items stored", sum, len(store.items))
	}
}

func TestPollBadFeeds(t *testing.T) {
	now := time.Now().UTC()
	good := rssDoc("http://news.example.com", "good", 3, now)
	var gzBomb bytes.Buffer
	zw := gzip.NewWriter(&gzBomb)
	zw.Write(make([]byte, 2<<20))
	zw.Close()

	mux := http.NewServeMux()
	handle := func(path string, h http.HandlerFunc) { mux.HandleFunc("GET "+path, h) }
	handle("/good", func(w http.ResponseWriter, r *http.Request) { w.Write(good) })
	for _, code := range []int{404, 410, 500} {
		handle(fmt.Sprintf("/status/%d", code), func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(code) })
	}
	handle("/status/429", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "7200")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	handle("/malformed", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>broken</item>`))
	})
	handle("/entities", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title></channel></rss>`))
	})
	handle("/gzipbomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gzBomb.Bytes())
	})
	handle("/huge", func(w http.ResponseWriter, r *http.Request) {
		chunk := bytes.Repeat([]byte("<x/>"), 16<<10)
		for range 64 { // 4 MiB, over the 1 MiB limit below
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	handle("/trickle", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		for range 100 {
			select {
			case <-r.Context().Done():
				return
			case <-time.After(100 * time.Millisecond):
			}
			w.Write([]byte(" "))
			w.(http.Flusher).Flush()
		}
	})
	handle("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	handle("/loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	handle("/nolinks", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<rss version="2.0"><channel><title>n</title><item><title>a</title><description>d</description></item><item><title>b</title></item></channel></rss>`))
	})
	handle("/nodates", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<rss version="2.0"><channel><title>n</title><item><title>a</title><link>https://nodates.example.com/a</link></item><item><title>b</title><link>https://nodates.example.com/b</link></item></channel></rss>`))
	})
	handle("/notafeed", func(w http.ResponseWriter, r *http.Request) {
		w.Write(openShared(t, "node-feedparser", "notafeed.html"))
	})
	handle("/storefails", func(w http.ResponseWriter, r *http.Request) { w.Write(rssDoc("http://sf.example.com", "sf", 2, now)) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := []struct {
		path    string
		outcome Outcome
		errText string // in State.LastError
		check   func(t *testing.T, st State)
	}{
		{path: "/good", outcome: Fetched},
		{path: "/status/404", outcome: Failed, errText: "HTTP 404"},
		{path: "/status/410", outcome: Disabled, errText: "410", check: func(t *testing.T, st State) {
			if !st.Disabled {
				t.Error("410 did not disable the feed")
			}
		}},
		{path: "/status/500", outcome: Failed, errText: "HTTP 500"},
		{path: "/status/429", outcome: Failed, errText: "HTTP 429", check: func(t *testing.T, st State) {
			if st.NextPoll.Before(st.LastFetch.Add(2 * time.Hour)) {
				t.Errorf("Retry-After not honoured: next poll %s, last fetch %s", st.NextPoll, st.LastFetch)
			}
		}},
		{path: "/malformed", outcome: Failed, errText: "/malformed"},
		{path: "/entities", outcome: Failed, errText: ErrEntities.Error()},
		{path: "/gzipbomb", outcome: Failed, errText: "too large"},
		{path: "/huge", outcome: Failed, errText: "too large"},
		{path: "/trickle", outcome: Failed, errText: "timed out"},
		{path: "/loop", outcome: Failed, errText: "redirect loop"},
		{path: "/nolinks", outcome: Failed, errText: ErrNoLinks.Error()},
		{path: "/nodates", outcome: Fetched, check: func(t *testing.T, st State) {
			if !strings.Contains(st.Warning, "2 of 2 items have no date") {
				t.Errorf("warning = %q", st.Warning)
			}
		}},
		{path: "/notafeed", outcome: Failed, errText: ErrNotFeed.Error()},
		{path: "/storefails", outcome: Failed, errText: "disk full", check: func(t *testing.T, st State) {
			if st.ETag != "" || st.LastModified != "" {
				t.Error("validators advanced although storing failed")
			}
		}},
	}
	store := newMemStore()
	for _, tc := range tests {
		store.feeds[srv.URL+tc.path] = State{URL: srv.URL + tc.path}
	}
	store.failOn = srv.URL + "/storefails"
	fixed := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	p := NewPoller(fetch.New(fetch.Options{AllowPrivate: true, Timeout: time.Second, MaxBody: 1 << 20}), store,
		PollerOptions{HostRate: rate.Inf, HostConcurrency: 16, Workers: 16, Now: func() time.Time { return fixed }, Rand: func() float64 { return 0.5 }})
	sum, err := p.Poll(context.Background(), PollOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Feeds != len(tests) || sum.Fetched != 2 || sum.Disabled != 1 || sum.Failed != len(tests)-3 {
		t.Errorf("summary: %s", sum)
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			var res Result
			for _, r := range sum.Results {
				if r.URL == srv.URL+tc.path {
					res = r
				}
			}
			if res.Outcome != tc.outcome {
				t.Errorf("outcome = %q (%v), want %q", res.Outcome, res.Err, tc.outcome)
			}
			st := store.state(t, srv.URL+tc.path)
			if tc.errText == "" {
				if st.LastError != "" || st.ErrorCount != 0 {
					t.Errorf("unexpected error recorded: %q", st.LastError)
				}
			} else {
				if !strings.Contains(st.LastError, tc.errText) {
					t.Errorf("LastError = %q, want it to contain %q", st.LastError, tc.errText)
				}
				if !strings.Contains(st.LastError, srv.URL) {
					t.Errorf("LastError = %q does not name the feed", st.LastError)
				}
				if st.ErrorCount != 1 {
					t.Errorf("ErrorCount = %d", st.ErrorCount)
				}
				if !st.Disabled && !st.NextPoll.After(fixed) {
					t.Errorf("failed feed not rescheduled: %s", st.NextPoll)
				}
			}
			if tc.check != nil {
				tc.check(t, st)
			}
		})
	}
	if len(store.items) != 5 { // 3 good + 2 without dates
		t.Errorf("%d items stored, want 5", len(store.items))
	}

	// A second pass: the disabled feed is skipped, the failing ones back
	// off further, stored items stay.
	sum2, err := p.Poll(context.Background(), PollOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum2.Feeds != len(tests)-1 {
		t.Errorf("second pass polled %d feeds, want %d (410 disabled)", sum2.Feeds, len(tests)-1)
	}
	if st := store.state(t, srv.URL+"/status/500"); st.ErrorCount != 2 || st.NextPoll.Sub(fixed) < p.opts.BackoffBase {
		t.Errorf("after two 500s: ErrorCount %d, next poll in %s", st.ErrorCount, st.NextPoll.Sub(fixed))
	}
	if len(store.items) != 5 {
		t.Errorf("%d items stored after second pass, want 5", len(store.items))
	}
}

func TestPollPermanentRedirect(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("GET /old.xml", http.RedirectHandler("/new.xml", http.StatusMovedPermanently))
	mux.Handle("GET /temp.xml", http.RedirectHandler("/new.xml", http.StatusFound))
	mux.HandleFunc("GET /new.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Write(rssDoc("http://"+r.Host, "moved", 2, time.Now()))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	store := newMemStore(srv.URL+"/old.xml", srv.URL+"/temp.xml")
	p := localPoller(store, PollerOptions{})
	sum, err := p.Poll(context.Background(), PollOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Fetched != 2 {
		t.Fatalf("summary: %s", sum)
	}
	store.mu.Lock()
	_, oldKept := store.feeds[srv.URL+"/old.xml"]
	_, tempKept := store.feeds[srv.URL+"/temp.xml"]
	_, moved := store.feeds[srv.URL+"/new.xml"]
	store.mu.Unlock()
	if oldKept || !moved {
		t.Errorf("permanent redirect did not move the feed: old kept %v, new stored %v", oldKept, moved)
	}
	if !tempKept {
		t.Error("temporary redirect moved the feed")
	}
	for _, r := range sum.Results {
		if strings.HasSuffix(r.URL, "/old.xml") && r.NewURL != srv.URL+"/new.xml" {
			t.Errorf("result NewURL = %q", r.NewURL)
		}
	}
}

func TestPollRobots(t *testing.T) {
	var privateHits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n\nUser-agent: Parallax\nDisallow: /private/\nDisallow: /secret\nCrawl-delay: 2\n")
	})
	mux.HandleFunc("GET /private/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		privateHits.Add(1)
		w.Write(rssDoc("http://"+r.Host, "p", 1, time.Now()))
	})
	mux.HandleFunc("GET /public/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Write(rssDoc("http://"+r.Host, "pub", 1, time.Now()))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	store := newMemStore(srv.URL+"/private/feed.xml", srv.URL+"/public/feed.xml")
	p := localPoller(store, PollerOptions{})
	sum, err := p.Poll(context.Background(), PollOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Fetched != 1 || sum.Failed != 1 || privateHits.Load() != 0 {
		t.Fatalf("summary %s; private path fetched %d times", sum, privateHits.Load())
	}
	st := store.state(t, srv.URL+"/private/feed.xml")
	if !strings.Contains(st.LastError, ErrRobots.Error()) {
		t.Errorf("LastError = %q", st.LastError)
	}
	// Crawl-delay: 2 lowers the host's rate to one request every 2 s.
	h, _, _ := p.hostFor(srv.URL + "/")
	if got := h.lim.Limit(); got != rate.Every(2*time.Second) {
		t.Errorf("host rate = %v, want one per 2s", got)
	}
	if _, err := p.FetchPage(context.Background(), srv.URL+"/secret/page.html"); !errors.Is(err, ErrRobots) {
		t.Errorf("FetchPage of a disallowed page: %v, want ErrRobots", err)
	}

	// IgnoreRobots fetches it.
	store2 := newMemStore(srv.URL + "/private/feed.xml")
	sum, err = localPoller(store2, PollerOptions{IgnoreRobots: true}).Poll(context.Background(), PollOptions{Force: true})
	if err != nil || sum.Fetched != 1 {
		t.Errorf("IgnoreRobots: %s, %v", sum, err)
	}
}

func TestPollHostConcurrency(t *testing.T) {
	var inFlight, peak atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feeds/{name}", func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(30 * time.Millisecond)
		w.Write(rssDoc("http://"+r.Host, r.PathValue("name"), 1, time.Now()))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	store := newMemStore()
	for i := range 12 {
		u := fmt.Sprintf("%s/feeds/c%d", srv.URL, i)
		store.feeds[u] = State{URL: u}
	}
	p := localPoller(store, PollerOptions{Workers: 8, HostConcurrency: 2})
	sum, err := p.Poll(context.Background(), PollOptions{Force: true})
	if err != nil || sum.Fetched != 12 {
		t.Fatalf("%s, %v", sum, err)
	}
	if peak.Load() > 2 {
		t.Errorf("%d requests in flight to one host, limit 2", peak.Load())
	}
}

// TestPollRefusesLoopbackByDefault: without AllowPrivate the fetcher
// refuses a feed on 127.0.0.1, and the refusal is recorded on the feed.
func TestPollRefusesLoopbackByDefault(t *testing.T) {
	srv := newFeedServer(t, 3, true)
	url := srv.URL + "/feeds/local"
	store := newMemStore(url)
	p := NewPoller(fetch.New(fetch.Options{}), store, PollerOptions{HostRate: rate.Inf})
	sum, err := p.Poll(context.Background(), PollOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed != 1 || srv.requests.Load() != 0 {
		t.Fatalf("summary %s; server saw %d requests", sum, srv.requests.Load())
	}
	if !errors.Is(sum.Results[0].Err, fetch.ErrPrivateAddress) {
		t.Errorf("error = %v, want fetch.ErrPrivateAddress", sum.Results[0].Err)
	}
	if st := store.state(t, url); !strings.Contains(st.LastError, "non-public address") {
		t.Errorf("LastError = %q", st.LastError)
	}
}

// TestPollSharedFeeds serves the shared real feed files over HTTP and polls
// them all: real documents go through the whole path.
func TestPollSharedFeeds(t *testing.T) {
	dir := sharedtest.Dir(t, "corpus", "feeds")
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	files := []string{"rss-parser/guardian.rss", "rss-parser/heise.atom", "node-feedparser/rss2sample.xml", "node-feedparser/compressed.xml", "rss-parser/content-encoded.rss"}
	store := newMemStore()
	for _, f := range files {
		if _, err := os.Stat(dir + "/" + f); err != nil {
			t.Fatal(err)
		}
		store.feeds[srv.URL+"/"+f] = State{URL: srv.URL + "/" + f}
	}
	p := localPoller(store, PollerOptions{})
	sum, err := p.Poll(context.Background(), PollOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Fetched != len(files) || sum.New == 0 {
		for _, r := range sum.Results {
			t.Log(r.URL, r.Outcome, r.Err)
		}
		t.Fatalf("summary: %s", sum)
	}
	full, summaryOnly := 0, 0
	for _, it := range store.items {
		if it.NeedsPage {
			summaryOnly++
		} else {
			full++
		}
	}
	if full == 0 || summaryOnly == 0 {
		t.Errorf("%d full-content items, %d summary-only: want both kinds among the shared feeds", full, summaryOnly)
	}
	// http.FileServer sends Last-Modified: the second pass is all 304.
	sum, err = p.Poll(context.Background(), PollOptions{Force: true})
	if err != nil || sum.NotModified != len(files) {
		t.Errorf("second pass: %s, %v", sum, err)
	}
}

func TestBackoff(t *testing.T) {
	tests := []struct {
		n    int
		rand float64
		want time.Duration
	}{
		{1, 1, 5 * time.Minute},
		{1, 0, 150 * time.Second},
		{2, 1, 10 * time.Minute},
		{4, 1, 40 * time.Minute},
		{4, 0.5, 30 * time.Minute},
		{20, 1, 24 * time.Hour},
		{200, 1, 24 * time.Hour},
	}
	for _, tc := range tests {
		p := NewPoller(nil, nil, PollerOptions{Rand: func() float64 { return tc.rand }})
		if got := p.backoff(tc.n); got != tc.want {
			t.Errorf("backoff(%d) with rand %v = %s, want %s", tc.n, tc.rand, got, tc.want)
		}
	}
}

func TestAdaptInterval(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	every := func(gap time.Duration, n int, age time.Duration) []Item {
		var items []Item
		for i := range n {
			items = append(items, Item{URL: fmt.Sprint(i), Published: now.Add(-age - time.Duration(i)*gap)})
		}
		return items
	}
	p := NewPoller(nil, nil, PollerOptions{})
	tests := []struct {
		name  string
		prev  time.Duration
		items []Item
		added int
		want  time.Duration
	}{
		{"hourly feed", 0, every(time.Hour, 10, 0), 10, time.Hour},
		{"busy feed hits the floor", 0, every(time.Minute, 10, 0), 10, 5 * time.Minute},
		{"quiet feed: newest item 8 days old", 0, every(time.Hour, 10, 8*24*time.Hour), 0, 24 * time.Hour},
		{"newest item 4 h old", 0, every(time.Hour, 10, 4*time.Hour), 0, time.Hour},
		{"undated, new items", 40 * time.Minute, []Item{{URL: "a"}}, 1, 20 * time.Minute},
		{"undated, nothing new", 40 * time.Minute, []Item{{URL: "a"}}, 0, 50 * time.Minute},
		{"undated, grows to the ceiling", 23 * time.Hour, nil, 0, 24 * time.Hour},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := p.adapt(tc.prev, tc.items, tc.added, now); got != tc.want {
				t.Errorf("adapt = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestSummaryString(t *testing.T) {
	s := Summary{Feeds: 3, Fetched: 1, NotModified: 1, Failed: 1, Items: 50, New: 7, Duration: 1500 * time.Millisecond}
	want := "polled 3 feeds in 1.5s: 1 fetched, 1 not modified, 1 failed, 0 disabled; 50 items, 7 new"
	if s.String() != want {
		t.Errorf("String() = %q, want %q", s.String(), want)
	}
}

func TestNewStateOutletRoundTrip(t *testing.T) {
	o := Outlet{Title: "T", FeedURL: "https://t.example/rss", SiteURL: "https://t.example/", Country: "UA", Kind: KindPrivate, Language: "uk", Category: "Ukraine"}
	if got := subscription.NewState(o).Outlet(); got != o {
		t.Errorf("subscription.NewState(o).Outlet() = %+v, want %+v", got, o)
	}
}

func TestRunPollsDueFeedsUntilCancelled(t *testing.T) {
	srv := newFeedServer(t, 2, true)
	store := newMemStore(srv.URL+"/feeds/a", srv.URL+"/feeds/b")
	p := localPoller(store, PollerOptions{})
	ctx, cancel := context.WithTimeout(context.Background(), 400*time.Millisecond)
	defer cancel()
	err := p.Run(ctx, 50*time.Millisecond)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Run returned %v, want the context's error", err)
	}
	// Both feeds were due once; after that they are scheduled minutes
	// ahead, so the later ticks poll nothing.
	if n := srv.requests.Load(); n != 2 {
		t.Errorf("server saw %d requests, want 2", n)
	}
	if len(store.items) != 4 {
		t.Errorf("%d items stored, want 4", len(store.items))
	}
}

func TestOverlappingPollsSkipFeedsInFlight(t *testing.T) {
	release := make(chan struct{})
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		hits.Add(1)
		<-release
		w.Write(rssDoc("http://"+r.Host, "slow", 1, time.Now()))
	}))
	defer srv.Close()
	store := newMemStore(srv.URL + "/slow")
	p := localPoller(store, PollerOptions{})
	done := make(chan Summary)
	go func() {
		sum, _ := p.Poll(context.Background(), PollOptions{Force: true})
		done <- sum
	}()
	for hits.Load() == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	second, err := p.Poll(context.Background(), PollOptions{Force: true})
	close(release)
	first := <-done
	if err != nil || second.Feeds != 0 || first.Fetched != 1 || hits.Load() != 1 {
		t.Errorf("first %s; second %s (%v); %d requests", first, second, err, hits.Load())
	}
}
