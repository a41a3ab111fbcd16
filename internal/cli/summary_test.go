package cli

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
)

// summaryFeedServer serves a feed of summary-only items on 127.0.0.1
// (with an ETag, answering 304 to a matching If-None-Match) whose pages
// answer 503 until up is set.
type summaryFeedServer struct {
	*httptest.Server
	up          atomic.Bool
	refuse      atomic.Bool // pages answer 403 (before up is looked at)
	pageHits    atomic.Int64
	version     atomic.Int64 // changes the feed's ETag: a full read
	mu          sync.Mutex
	conditional int // feed requests that carried If-None-Match
}

// summaryPage is an article page of our own words about item n.
func summaryPage(n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html><html><head><meta charset=\"utf-8\"><title>Harbour report %d</title></head><body><article><h1>Harbour report %d</h1>", n, n)
	for p := range 6 {
		fmt.Fprintf(&b, "<p>The harbour authority of the northern port said on Tuesday that the ferry line number %d would resume "+
			"sailing after the storm damaged the pier, and the engineers counted %d cracked pylons in paragraph %d of their survey, "+
			"which the city council will read at its meeting next week before it votes on the repair budget.</p>", n, n+p, p)
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

func (s *summaryFeedServer) conditionals() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conditional
}

func newSummaryFeedServer(t *testing.T, items int) *summaryFeedServer {
	s := &summaryFeedServer{}
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		etag := fmt.Sprintf(`"v%d"`, s.version.Load()+1)
		if r.Header.Get("If-None-Match") != "" {
			s.mu.Lock()
			s.conditional++
			s.mu.Unlock()
		}
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title><link>` + s.URL + `/</link>`)
		for n := 1; n <= items; n++ {
			fmt.Fprintf(&b, `<item><title>Harbour report %d</title><link>%s/page/%d</link><guid>%s/page/%d</guid>`+
				`<pubDate>Tue, 0%d Dec 2026 09:00:00 GMT</pubDate><description>Ferry line %d is to resume after the storm damaged the pier.</description></item>`,
				n, s.URL, n, s.URL, n, n, n)
		}
		b.WriteString(`</channel></rss>`)
		fmt.Fprint(w, b.String())
	})
	mux.HandleFunc("/page/{n}", func(w http.ResponseWriter, r *http.Request) {
		s.pageHits.Add(1)
		if s.refuse.Load() {
			http.Error(w, "no robots here", http.StatusForbidden)
			return
		}
		if !s.up.Load() {
			http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
			return
		}
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, summaryPage(n))
	})
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// TestPollKeepsSummariesOffline: items whose pages cannot be fetched
// (503) are stored at once with the feed's summary, marked text_source
// "summary", and analysed; once the pages answer, the next poll reads the
// feed in full (no conditional request), each article takes its page's
// text under the same ID, and the analysis runs again.
func TestPollKeepsSummariesOffline(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { testPollKeepsSummaries(t, filepath.Join(t.TempDir(), "p.db")) })
	t.Run("postgres", func(t *testing.T) { testPollKeepsSummaries(t, pgtest.DSN(t)) })
}

func testPollKeepsSummaries(t *testing.T, db string) {
	const items = 4
	srv := newSummaryFeedServer(t, items)
	mustRun(t, "feeds", "add", "--db", db, "--allow-private", srv.URL+"/feed.xml")

	out := mustRun(t, "poll", "--db", db, "--allow-private", "--host-rate", "0", "--json")
	if !strings.Contains(out, `"new":4`) {
		t.Errorf("first poll: %s", out)
	}
	before := decodeLines[news.Article](t, mustRun(t, "articles", "--db", db, "--json"))
	if len(before) != items {
		t.Fatalf("%d articles stored while the pages fail, want %d (one per item)", len(before), items)
	}
	var ids []string
	for _, a := range before {
		ids = append(ids, a.ID)
		if a.TextSource != news.TextSummary || !strings.Contains(a.Text, "resume after the storm") {
			t.Errorf("article %s: text_source %q, text %q; want the summary", a.ID, a.TextSource, a.Text)
		}
	}
	if st := mustRun(t, "stories", "--db", db); !strings.Contains(st, "Harbour report") {
		t.Errorf("summaries not analysed into stories:\n%s", st)
	}
	// Still down: nothing changes, and the feed is read in full again.
	mustRun(t, "poll", "--db", db, "--allow-private", "--host-rate", "0", "--force")

	srv.up.Store(true)
	out = mustRun(t, "poll", "--db", db, "--allow-private", "--host-rate", "0", "--force", "--json")
	if !strings.Contains(out, `"reanalysed":true`) {
		t.Errorf("poll after the pages came back did not analyse again: %s", out)
	}
	if n := srv.conditionals(); n != 0 {
		t.Errorf("%d conditional feed requests while summaries waited for their pages; want full reads", n)
	}
	after := decodeLines[news.Article](t, mustRun(t, "articles", "--db", db, "--json"))
	var got []string
	for _, a := range after {
		got = append(got, a.ID)
		if a.TextSource != "" || !strings.Contains(a.Text, "cracked pylons") {
			t.Errorf("article %s: text_source %q, text %.80q; want the page's text", a.ID, a.TextSource, a.Text)
		}
	}
	slices.Sort(ids)
	slices.Sort(got)
	if !slices.Equal(ids, got) {
		t.Errorf("IDs after the upgrade %v, want the summaries' %v", got, ids)
	}
	if hits := mustRun(t, "search", "--db", db, "pylons"); strings.Count(hits, "Harbour report") < items {
		t.Errorf("search for a word of the pages:\n%s", hits)
	}
	// Upgraded once: the next poll keeps the validators and changes nothing.
	out = mustRun(t, "poll", "--db", db, "--allow-private", "--host-rate", "0", "--force", "--json")
	if strings.Contains(out, `"reanalysed":true`) {
		t.Errorf("third poll analysed again: %s", out)
	}
	mustRun(t, "poll", "--db", db, "--allow-private", "--host-rate", "0", "--force")
	if srv.conditionals() == 0 {
		t.Error("no conditional request once every page had come")
	}
}

// TestPollKeepsSummaryOfRefusedPage: pages refused for good (403) leave
// their items stored with the feed's summary, counted as stored, and are
// not asked for again when the feed comes again.
func TestPollKeepsSummaryOfRefusedPage(t *testing.T) {
	const items = 3
	srv := newSummaryFeedServer(t, items)
	srv.refuse.Store(true)
	db := filepath.Join(t.TempDir(), "p.db")
	mustRun(t, "feeds", "add", "--db", db, "--allow-private", srv.URL+"/feed.xml")
	mustRun(t, "poll", "--db", db, "--allow-private", "--host-rate", "0")
	arts := decodeLines[news.Article](t, mustRun(t, "articles", "--db", db, "--json"))
	if len(arts) != items {
		t.Fatalf("%d articles stored from refused pages, want %d", len(arts), items)
	}
	for _, a := range arts {
		if a.TextSource != news.TextSummary {
			t.Errorf("article %s: text_source %q, want summary", a.ID, a.TextSource)
		}
	}
	type listed struct {
		Stored      int    `json:"stored"`
		FailedItems int    `json:"failed_items"`
		Warning     string `json:"warning"`
	}
	fl := decodeLines[listed](t, mustRun(t, "feeds", "list", "--db", db, "--json"))
	if len(fl) != 1 || fl[0].Stored != items || fl[0].FailedItems != 0 || !strings.Contains(fl[0].Warning, "kept with the feed's summary only") {
		t.Errorf("feeds list: %+v", fl)
	}
	hits := srv.pageHits.Load()
	srv.up.Store(true)
	srv.version.Add(1) // the feed changed: its items come again
	out := mustRun(t, "poll", "--db", db, "--allow-private", "--host-rate", "0", "--force", "--json")
	if !strings.Contains(out, `"items":3`) {
		t.Fatalf("second poll did not read the feed in full: %s", out)
	}
	if n := srv.pageHits.Load(); n != hits {
		t.Errorf("%d more page requests after a refusal for good", n-hits)
	}
}

// TestPollSharedFeedsOffline polls four real feeds of ../shared (The
// Guardian, heise, Washington Post wellness, Talking Points Memo: 119
// items) served on 127.0.0.1 with every link pointing back to the server,
// whose pages first answer 503 (offline), then an article page: every
// item with a summary is stored at once, and the second poll replaces
// each summary with its page's text.
//
//	go test ./internal/cli -run TestPollSharedFeedsOffline -v
func TestPollSharedFeedsOffline(t *testing.T) {
	dir := sharedtest.Dir(t, "corpus", "feeds")
	files := []string{"rss-parser/guardian.rss", "rss-parser/heise.atom", "node-feedparser/wapowellness.xml", "node-feedparser/tpm.atom"}
	var up atomic.Bool
	var srv *httptest.Server
	// Links (not namespace names) lead back to the server.
	links := regexp.MustCompile(`(?i)(<link[^>]*>\s*|href=["']|<guid[^>]*>\s*|<id>\s*|origLink>\s*)https?://[A-Za-z0-9.-]+(:[0-9]+)?`)
	mux := http.NewServeMux()
	mux.HandleFunc("/feeds/{dir}/{name}", func(w http.ResponseWriter, r *http.Request) {
		b, err := os.ReadFile(filepath.Join(dir, r.PathValue("dir"), r.PathValue("name")))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		// Links lead back here (the file is read, never kept).
		w.Header().Set("Content-Type", "application/xml")
		w.Write(links.ReplaceAll(b, []byte("${1}"+srv.URL)))
	})
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if !up.Load() {
			http.Error(w, "offline", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, strings.ReplaceAll(summaryPage(len(r.URL.Path)), "the northern port", "the port of "+html.EscapeString(r.URL.Path)))
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	db := filepath.Join(t.TempDir(), "p.db")
	for _, f := range files {
		mustRun(t, "feeds", "add", "--db", db, "--allow-private", srv.URL+"/feeds/"+f)
	}
	type pollSummary struct{ Items, New int }
	poll := func() pollSummary {
		_, out, _ := run(t, "poll", "--db", db, "--allow-private", "--host-rate", "0", "--force", "--json")
		return decodeLines[pollSummary](t, out)[0]
	}
	count := func() (all, summaries int) {
		for _, a := range decodeLines[news.Article](t, mustRun(t, "articles", "--db", db, "--json", "--limit", "0")) {
			all++
			if a.TextSource == news.TextSummary {
				summaries++
			}
		}
		return all, summaries
	}
	p := poll()
	all, sums := count()
	t.Logf("offline: %d items, %d new, %d articles stored (%d of them summaries)", p.Items, p.New, all, sums)
	if p.Items != 119 || all < 100 || sums == 0 {
		t.Errorf("offline: %d items, %d articles, %d summaries; want 119 items and the summaries stored", p.Items, all, sums)
	}
	up.Store(true)
	poll()
	all2, sums2 := count()
	t.Logf("online again: %d articles (%d still summaries)", all2, sums2)
	if all2 < all || sums2 != 0 {
		t.Errorf("online again: %d articles, %d summaries; want the %d articles, none a summary", all2, sums2, all)
	}
}
