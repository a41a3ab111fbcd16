package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
)

// summaryFeedServer serves a feed of summary-only items on 127.0.0.1
// (with an ETag, answering 304 to a matching If-None-Match) whose pages
// answer 503 until up is set.
type summaryFeedServer struct {
	*httptest.Server
	up          atomic.Bool
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
		const etag = `"v1"`
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
