package pipeline

import (
	"context"
	"errors"
	"fmt"
	"html"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/feed/feedtest"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
	"golang.org/x/time/rate"
)

// newFeedPoller wires a FeedStore over a fresh SQLite file to a Poller that
// may reach loopback servers.
func newFeedPoller(t *testing.T) (*sqlite.DB, *FeedStore, *feed.Poller) {
	t.Helper()
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	fs := NewFeedStore(db, nil)
	p := feed.NewPoller(fetch.New(fetch.Options{AllowPrivate: true}), fs, feed.PollerOptions{HostRate: rate.Inf, HostConcurrency: 4})
	return db, fs, p
}

func TestFeedStoreSummaryItems(t *testing.T) {
	srv := feedtest.NewServer(3, 5)
	defer srv.Close()
	db, _, p := newFeedPoller(t)
	ctx := t.Context()
	var outlets []feed.Outlet
	for i, u := range srv.URLs() {
		outlets = append(outlets, feed.Outlet{Title: fmt.Sprintf("Synthetic feed %d", i), FeedURL: u})
	}
	if _, err := db.AddFeeds(ctx, outlets); err != nil {
		t.Fatal(err)
	}
	sum, err := p.Poll(ctx, feed.PollOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Fetched != 3 || sum.New != 15 || sum.Failed != 0 {
		t.Fatalf("first poll: %s; want 3 fetched, 15 new", sum)
	}
	arts, err := db.Articles(ctx, store.ArticleQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 15 {
		t.Fatalf("%d articles stored, want 15", len(arts))
	}
	for _, a := range arts {
		if !strings.HasPrefix(a.Outlet, "Synthetic feed ") || !strings.Contains(a.Text, "synthetic body of story") ||
			!strings.HasPrefix(a.Title, "Feed ") || a.Published.IsZero() || a.PublishedEstimated ||
			strings.Contains(a.URL, "utm_source") {
			t.Errorf("article from page not as expected: %+v", a)
		}
	}
	states, _ := db.FeedStates(ctx)
	for _, st := range states {
		if st.ItemsTotal != 5 || st.LastError != "" || st.Warning != "" {
			t.Errorf("feed %s: %+v", st.URL, st)
		}
	}

	sum, err = p.Poll(ctx, feed.PollOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.NotModified != 3 || sum.New != 0 {
		t.Fatalf("second poll: %s; want 3 not modified, nothing new", sum)
	}
	srv.Update(1, 2)
	sum, err = p.Poll(ctx, feed.PollOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Fetched != 1 || sum.New != 2 {
		t.Fatalf("after update: %s; want 1 fetched, 2 new", sum)
	}
	if n, _ := db.CountArticles(ctx); n != 17 {
		t.Errorf("%d articles, want 17", n)
	}
}

// itemServer serves one RSS feed whose items are given, and article pages
// answering with the status in their path (/page/404/x).
type itemServer struct {
	*httptest.Server
	items     []string
	pageHits  atomic.Int64
	pageFirst atomic.Int64 // 503 pages answer 200 after this many hits
}

func newItemServer(t *testing.T) *itemServer {
	s := &itemServer{}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Item test</title><link>%s/</link>%s</channel></rss>`,
			s.URL, strings.Join(s.items, ""))
	})
	mux.HandleFunc("GET /page/{status}/{name}", func(w http.ResponseWriter, r *http.Request) {
		s.pageHits.Add(1)
		switch r.PathValue("status") {
		case "404":
			http.NotFound(w, r)
		case "gone-later": // busy at first, then gone for good
			if s.pageHits.Load() == 1 {
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			http.NotFound(w, r)
		case "503":
			if s.pageHits.Load() <= s.pageFirst.Load() {
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			fallthrough
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<html><head><title>%[1]s</title></head><body><article><h1>%[1]s</h1><p>Body of page %[1]s, long enough to be kept as an article text by the extractor.</p><p>Second paragraph of %[1]s.</p></article></body></html>`, r.PathValue("name"))
		}
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func rssItem(link, title, content string) string {
	body := ""
	if content != "" {
		body = "<description>" + html.EscapeString(content) + "</description>"
	}
	return fmt.Sprintf("<item><title>%s</title><link>%s</link><pubDate>Wed, 24 Sep 2025 10:00:00 +0000</pubDate>%s</item>",
		title, link, body)
}

func TestFeedStoreContentAndFailures(t *testing.T) {
	seed, err := os.ReadFile(filepath.Join(sharedtest.Dir(t, "corpus", "seeds"), "004_1d6ada1cc2e61389.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var content strings.Builder
	for _, para := range strings.Split(string(seed), "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			content.WriteString("<p>" + html.EscapeString(para) + "</p>")
		}
	}
	srv := newItemServer(t)
	srv.pageFirst.Store(2) // the first two page requests get 503 when asked for a 503 page
	srv.items = []string{
		rssItem(srv.URL+"/page/200/full", "Full content", content.String()),
		rssItem(srv.URL+"/page/503/later", "Busy page", ""),
		rssItem(srv.URL+"/page/404/gone", "Missing page", ""),
		rssItem(srv.URL+"/page/200/ok", "Good page", ""),
	}
	db, _, p := newFeedPoller(t)
	ctx := t.Context()
	feedURL := srv.URL + "/feed.xml"
	if _, err := db.AddFeeds(ctx, []feed.Outlet{{Title: "Item test", FeedURL: feedURL}}); err != nil {
		t.Fatal(err)
	}
	sum, err := p.Poll(ctx, feed.PollOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	// The full-content item needs no page; the 404 and 503 pages fail.
	if sum.Fetched != 1 || sum.New != 2 {
		t.Fatalf("first poll: %s; want 1 fetched, 2 new", sum)
	}
	if got := srv.pageHits.Load(); got != 3 {
		t.Errorf("%d page requests, want 3 (the full-content item is not fetched)", got)
	}
	st, err := db.FeedState(ctx, feedURL)
	if err != nil {
		t.Fatal(err)
	}
	if st.LastError != "" || !strings.Contains(st.Warning, "1 items could not be stored") ||
		!strings.Contains(st.Warning, "1 item pages failed and will be retried") {
		t.Errorf("feed state after failures: error %q, warning %q", st.LastError, st.Warning)
	}
	arts, _ := db.Articles(ctx, store.ArticleQuery{})
	var full news.Article
	for _, a := range arts {
		if a.Title == "Full content" {
			full = a
		}
		if a.Outlet != "Item test" {
			t.Errorf("article %q outlet %q, want the feed's title", a.Title, a.Outlet)
		}
	}
	if !strings.Contains(full.Text, strings.Fields(string(seed))[0]) || len(full.Text) < len(seed)/2 {
		t.Errorf("full-content article text is not the feed's content: %.200q", full.Text)
	}
	seen, _ := db.SeenItems(ctx, []string{srv.URL + "/page/404/gone", srv.URL + "/page/503/later"})
	if !seen[srv.URL+"/page/404/gone"] || seen[srv.URL+"/page/503/later"] {
		t.Errorf("recorded items %v: want the 404 recorded, the 503 left to retry", seen)
	}

	// The feed is read in full again (no validators): only the busy page
	// is retried, and now succeeds.
	sum, err = p.Poll(ctx, feed.PollOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 1 || srv.pageHits.Load() != 4 {
		t.Errorf("second poll: %s, %d page requests; want 1 new, 4 requests", sum, srv.pageHits.Load())
	}
	if st, _ := db.FeedState(ctx, feedURL); st.Warning != "" || st.ItemsTotal != 3 {
		t.Errorf("after retry: warning %q, items_total %d; want none, 3", st.Warning, st.ItemsTotal)
	}
}

// TestFeedStoreSummaryRefusedLater: an item stored from its summary while
// its page was busy, whose page then answers 404, keeps its summary and
// is recorded as refused, so that later polls do not ask for the page.
func TestFeedStoreSummaryRefusedLater(t *testing.T) {
	srv := newItemServer(t)
	srv.items = []string{rssItem(srv.URL+"/page/gone-later/x", "Summary item",
		"The harbour was closed on Monday after a storm damaged two piers. Ferries were moved to the northern quay until repairs end.")}
	db, _, p := newFeedPoller(t)
	ctx := t.Context()
	if _, err := db.AddFeeds(ctx, []feed.Outlet{{Title: "Item test", FeedURL: srv.URL + "/feed.xml"}}); err != nil {
		t.Fatal(err)
	}
	for poll, wantHits := range []int64{1, 2, 2, 2} {
		if _, err := p.Poll(ctx, feed.PollOptions{Force: true}); err != nil {
			t.Fatal(err)
		}
		if got := srv.pageHits.Load(); got != wantHits {
			t.Fatalf("after poll %d: %d page requests, want %d", poll+1, got, wantHits)
		}
		arts, err := db.Articles(ctx, store.ArticleQuery{})
		if err != nil || len(arts) != 1 || arts[0].TextSource != news.TextSummary {
			t.Fatalf("after poll %d: articles %+v, %v; want the one summary", poll+1, arts, err)
		}
	}
}

// failingDB fails PutArticles, to check that a store failure fails the
// poll of the feed and records none of its items.
type failingDB struct{ *sqlite.DB }

func (failingDB) PutArticles(context.Context, []news.Article) (int, error) {
	return 0, errors.New("disk full")
}

func TestFeedStoreStoreFailure(t *testing.T) {
	srv := feedtest.NewServer(1, 3)
	defer srv.Close()
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := t.Context()
	fs := NewFeedStore(failingDB{db}, nil)
	p := feed.NewPoller(fetch.New(fetch.Options{AllowPrivate: true}), fs, feed.PollerOptions{HostRate: rate.Inf,
		Now: func() time.Time { return time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC) }})
	if _, err := db.AddFeeds(ctx, []feed.Outlet{{FeedURL: srv.URLs()[0]}}); err != nil {
		t.Fatal(err)
	}
	sum, err := p.Poll(ctx, feed.PollOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed != 1 {
		t.Fatalf("poll: %s; want the feed failed", sum)
	}
	st, _ := db.FeedState(ctx, srv.URLs()[0])
	if !strings.Contains(st.LastError, "disk full") || st.ETag != "" {
		t.Errorf("feed state %+v: want the store error and no validators", st)
	}
	if seen, _ := db.SeenItems(ctx, []string{srv.URL() + "/articles/0/2"}); len(seen) != 0 {
		t.Errorf("items recorded although their articles were not stored: %v", seen)
	}
}

// TestFeedStoreRedirectKeepsWarning polls a feed that moved permanently:
// the item failures of that poll are reported on the feed's new URL.
func TestFeedStoreRedirectKeepsWarning(t *testing.T) {
	srv := newItemServer(t)
	srv.items = []string{rssItem(srv.URL+"/page/404/gone", "Missing page", ""), rssItem(srv.URL+"/page/200/ok", "Good page", "")}
	moved := httptest.NewServer(http.RedirectHandler(srv.URL+"/feed.xml", http.StatusMovedPermanently))
	defer moved.Close()
	db, fs, p := newFeedPoller(t)
	ctx := t.Context()
	if _, err := db.AddFeeds(ctx, []feed.Outlet{{Title: "Moved", FeedURL: moved.URL + "/old.xml"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Poll(ctx, feed.PollOptions{Force: true}); err != nil {
		t.Fatal(err)
	}
	st, err := db.FeedState(ctx, srv.URL+"/feed.xml")
	if err != nil {
		t.Fatalf("feed not moved to its new URL: %v", err)
	}
	if st.ItemsTotal != 1 || !strings.Contains(st.Warning, "1 items could not be stored") {
		t.Errorf("moved feed: items_total %d, warning %q", st.ItemsTotal, st.Warning)
	}
	if n := len(fs.failures); n != 0 {
		t.Errorf("%d item failure records left behind", n)
	}
}

// failingPages fails every page fetch with an error naming the page's URL,
// as fetch errors do.
type failingPages struct{}

func (failingPages) FetchPage(_ context.Context, pageURL string) (*fetch.Response, error) {
	return nil, fmt.Errorf("fetch %s: %w", pageURL, fetch.ErrPrivateAddress)
}

// TestFeedItemFailureMasksPassword: a failed item of a feed whose URLs
// carry user:password is logged (debug) and kept as the feed's warning
// without the password.
func TestFeedItemFailureMasksPassword(t *testing.T) {
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var logs strings.Builder
	fs := NewFeedStore(db, slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	f := feed.State{URL: "http://reader:s3cretpw@feeds.example/rss"}
	items := []feed.Item{{GUID: "g1", URL: "http://reader:s3cretpw@feeds.example/a1", Title: "A1", NeedsPage: true}}
	if _, err := fs.TakeItems(t.Context(), f, items, failingPages{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), "feed item failed") {
		t.Fatalf("no failure logged:\n%s", logs.String())
	}
	if strings.Contains(logs.String(), "s3cretpw") {
		t.Errorf("the log shows the password:\n%s", logs.String())
	}
	fs.mu.Lock()
	first := fs.failures[f.URL].first
	fs.mu.Unlock()
	if first == "" || strings.Contains(first, "s3cretpw") {
		t.Errorf("feed warning %q; want one without the password", first)
	}
}

// TestFeedBatchesStoredInFeedOrder: the summary-only items of a feed are
// fetched in concurrent batches, the first batch's pages slowest; the
// articles are still stored in feed order, so the analysis (which follows
// store order) does not depend on which pages came back first.
func TestFeedBatchesStoredInFeedOrder(t *testing.T) {
	const n = 32
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Order Gazette</title><link>` + srv.URL + `/</link>`)
		for i := range n {
			fmt.Fprintf(&b, `<item><title>Item %d</title><link>%s/page/%d</link><guid>item-%d</guid><description>Summary %d.</description></item>`, i, srv.URL, i, i, i)
		}
		b.WriteString(`</channel></rss>`)
		fmt.Fprint(w, b.String())
	})
	mux.HandleFunc("/page/{i}", func(w http.ResponseWriter, r *http.Request) {
		var i int
		fmt.Sscanf(r.PathValue("i"), "%d", &i)
		time.Sleep(time.Duration(n-i) * 4 * time.Millisecond) // earlier items slower
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html><head><title>Report %d</title></head><body><article><h1>Report %d</h1>
<p>The harbour council of Port Elling published report number %d on the state of pier %d today.</p>
<p>Engineers said girder set %d needs repairs before the winter storms, and the work will take %d weeks.</p></article></body></html>`, i, i, i, i, i, i+2)
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()

	db, _, p := newFeedPoller(t)
	ctx := t.Context()
	if _, err := db.AddFeeds(ctx, []feed.Outlet{{Title: "Order Gazette", FeedURL: srv.URL + "/feed"}}); err != nil {
		t.Fatal(err)
	}
	sum, err := p.Poll(ctx, feed.PollOptions{Force: true})
	if err != nil || sum.New != n {
		t.Fatalf("poll: %v, %d new of %d: %+v", err, sum.New, n, sum.Results)
	}
	arts, err := db.PendingArticles(ctx, 100)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range arts {
		got = append(got, strings.TrimPrefix(a.URL, srv.URL))
	}
	for i, u := range got {
		if want := fmt.Sprintf("/page/%d", i); u != want {
			t.Fatalf("store order %v; want the feed's, /page/0 to /page/%d", got, n-1)
		}
	}
}
