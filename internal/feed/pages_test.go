package feed

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// pageStore is a Store that fetches the page of each summary-only item
// through the Poller, one after another, as the pipeline's feed store
// does, and records when each PutItems call returned.
type pageStore struct {
	*memStore
	poller *Poller
	mu     sync.Mutex
	stored []time.Time // when each PutItems call returned
	pages  int
}

func (s *pageStore) PutItems(ctx context.Context, f State, items []Item) (int, error) {
	for _, it := range items {
		if !it.NeedsPage {
			continue
		}
		if _, err := s.poller.FetchPage(ctx, it.URL); err != nil {
			return 0, err
		}
		s.mu.Lock()
		s.pages++
		s.mu.Unlock()
	}
	n, err := s.memStore.PutItems(ctx, f, items)
	s.mu.Lock()
	s.stored = append(s.stored, time.Now())
	s.mu.Unlock()
	return n, err
}

// summaryServer serves an RSS feed of n summary-only items at /feed whose
// pages, at /page/{i}, each take delay; it remembers when the last page
// request came.
type summaryServer struct {
	*httptest.Server
	mu                  sync.Mutex
	lastPage            time.Time
	inFlight, maxFlight int // page requests being answered, and the most at once
}

func newSummaryServer(t *testing.T, n int, delay time.Duration) *summaryServer {
	t.Helper()
	ss := &summaryServer{}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feed", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Summaries</title><link>` + ss.URL + `/</link>`)
		for i := range n {
			fmt.Fprintf(&b, `<item><title>Item %d</title><link>%s/page/%d</link><guid>g%d</guid><description>Summary %d.</description></item>`, i, ss.URL, i, i, i)
		}
		b.WriteString(`</channel></rss>`)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(b.String()))
	})
	mux.HandleFunc("GET /page/{i}", func(w http.ResponseWriter, r *http.Request) {
		ss.mu.Lock()
		ss.lastPage = time.Now()
		ss.inFlight++
		ss.maxFlight = max(ss.maxFlight, ss.inFlight)
		ss.mu.Unlock()
		time.Sleep(delay)
		ss.mu.Lock()
		ss.inFlight--
		ss.mu.Unlock()
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><article><p>Page " + r.PathValue("i") + ".</p></article></body></html>"))
	})
	mux.HandleFunc("GET /robots.txt", http.NotFound)
	ss.Server = httptest.NewServer(mux)
	t.Cleanup(ss.Close)
	return ss
}

// TestSummaryPagesConcurrent: the 60 pages of a summary-only feed, each
// taking 100 ms, are fetched several at a time within the host's limit of
// 4 (one at a time they take 6 s, four at a time 1.5 s), and the first
// articles are stored before the last page is even asked for.
func TestSummaryPagesConcurrent(t *testing.T) {
	ss := newSummaryServer(t, 60, 100*time.Millisecond)
	st := &pageStore{memStore: newMemStore(ss.URL + "/feed")}
	st.poller = localPoller(st, PollerOptions{HostConcurrency: 4})
	start := time.Now()
	sum, err := st.poller.Poll(t.Context(), PollOptions{Force: true})
	took := time.Since(start)
	if err != nil || sum.Failed != 0 {
		t.Fatalf("poll: %v, %+v", err, sum.Results)
	}
	if sum.New != 60 || st.pages != 60 {
		t.Errorf("%d new items, %d pages fetched; want 60 and 60", sum.New, st.pages)
	}
	ss.mu.Lock()
	maxFlight := ss.maxFlight
	ss.mu.Unlock()
	t.Logf("60 pages of 100 ms in %v, at most %d at once", took, maxFlight)
	if maxFlight < 2 || maxFlight > 4 {
		t.Errorf("at most %d page requests at once, want 2 to 4 (the host limit)", maxFlight)
	}
	st.mu.Lock()
	first := st.stored[0]
	for _, at := range st.stored {
		if at.Before(first) {
			first = at
		}
	}
	st.mu.Unlock()
	ss.mu.Lock()
	last := ss.lastPage
	ss.mu.Unlock()
	if !first.Before(last) {
		t.Errorf("first articles stored at %v, after the last page was asked for (%v): nothing stored as it arrived",
			first.Sub(start), last.Sub(start))
	}
}

// TestMaxItems: a poll takes the first MaxItems items of a feed of 3,000
// and says how many it left out.
func TestMaxItems(t *testing.T) {
	ss := newSummaryServer(t, 3000, 0)
	st := &pageStore{memStore: newMemStore(ss.URL + "/feed")}
	st.poller = localPoller(st, PollerOptions{MaxItems: 50, HostConcurrency: 4})
	sum, err := st.poller.Poll(t.Context(), PollOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Items != 3000 || sum.New != 50 || st.pages != 50 {
		t.Errorf("items %d, new %d, pages %d; want 3000, 50, 50", sum.Items, sum.New, st.pages)
	}
	if w := st.state(t, ss.URL+"/feed").Warning; !strings.Contains(w, "2950 items past the first 50") {
		t.Errorf("warning %q", w)
	}
	for i := range 50 {
		if _, ok := st.items[ss.URL+fmt.Sprintf("/page/%d", i)]; !ok {
			t.Errorf("item %d (of the first 50) not stored", i)
			break
		}
	}
}

func TestBatchByKey(t *testing.T) {
	var items []Item
	for _, g := range []string{"a", "b", "c", "a", "d", "e", "b", "f"} {
		items = append(items, Item{GUID: g, URL: "http://x/" + g})
	}
	var got []string
	for _, b := range batchByKey(items, 3) {
		var keys []string
		for _, it := range b {
			keys = append(keys, it.GUID)
		}
		got = append(got, strings.Join(keys, ""))
	}
	if g := strings.Join(got, "|"); g != "abcab|def" {
		t.Errorf("batches %s", g)
	}
}

// TestPollMasksPassword: a feed URL with a password that fails (not a
// feed, then a server error) leaves the password out of the feed's last
// error, the poll's result and the log.
func TestPollMasksPassword(t *testing.T) {
	const secret = "Hunter2secret"
	mux := http.NewServeMux()
	mux.HandleFunc("GET /notfeed", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("<html>not a feed</html>")) })
	mux.HandleFunc("GET /down", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusBadGateway) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	withPass := strings.Replace(srv.URL, "http://", "http://user:"+secret+"@", 1)
	urls := []string{withPass + "/notfeed", withPass + "/down"}
	st := newMemStore(urls...)
	var logs strings.Builder
	var logMu sync.Mutex
	p := localPoller(st, PollerOptions{IgnoreRobots: true, Logger: slog.New(slog.NewTextHandler(lockedWriter{&logMu, &logs}, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	sum, err := p.Poll(t.Context(), PollOptions{Force: true})
	if err != nil || sum.Failed != 2 {
		t.Fatalf("poll: %v, %+v", err, sum)
	}
	for _, r := range sum.Results {
		if strings.Contains(r.Error, secret) {
			t.Errorf("result error shows the password: %s", r.Error)
		}
	}
	for _, u := range urls {
		if e := st.state(t, u).LastError; e == "" || strings.Contains(e, secret) {
			t.Errorf("feed's last error %q: empty or shows the password", e)
		}
	}
	logMu.Lock()
	defer logMu.Unlock()
	if strings.Contains(logs.String(), secret) {
		t.Errorf("a log line shows the password:\n%s", logs.String())
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  *strings.Builder
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
