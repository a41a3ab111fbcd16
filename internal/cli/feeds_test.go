package cli

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/feed/feedtest"
	"github.com/parallax-news/parallax/internal/news"
)

// pollSummary is the JSON line of `parallax poll --json`.
type pollSummary struct {
	feed.Summary
	Analysis struct {
		Articles int `json:"articles"`
	} `json:"analysis"`
}

// listedFeed is one line of `parallax feeds list --json`.
type listedFeed struct {
	feed.State
	Status      string `json:"status"`
	Stored      int    `json:"stored"`
	FailedItems int    `json:"failed_items"`
}

// writeOPML fetches the feedtest server's OPML list into a file.
func writeOPML(t *testing.T, srv *feedtest.Server) string {
	t.Helper()
	resp, err := http.Get(srv.OPMLURL())
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "feeds.opml")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// loadSize is the number of feeds and items per feed of TestPollLoad:
// 200×5 by default, PARALLAX_POLL_LOAD=200x50 for the full run.
func loadSize(t *testing.T) (feeds, items int) {
	feeds, items = 200, 5
	if v := os.Getenv("PARALLAX_POLL_LOAD"); v != "" {
		f, i, ok := strings.Cut(v, "x")
		var err1, err2 error
		feeds, err1 = strconv.Atoi(f)
		items, err2 = strconv.Atoi(i)
		if !ok || err1 != nil || err2 != nil {
			t.Fatalf("PARALLAX_POLL_LOAD=%q: want FEEDSxITEMS, e.g. 200x50", v)
		}
	}
	return feeds, items
}

// TestPollLoad polls many local feeds twice: the first poll stores every
// item as an article (pages fetched and extracted) and analyses them; the
// second sends only conditional requests and adds nothing.
func TestPollLoad(t *testing.T) {
	nFeeds, nItems := loadSize(t)
	srv := feedtest.NewServer(nFeeds, nItems)
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "p.db")
	out := mustRun(t, "feeds", "import", "--db", db, writeOPML(t, srv))
	if want := fmt.Sprintf("subscribed to %d of %d", nFeeds, nFeeds); !strings.Contains(out, want) {
		t.Fatalf("import: %q, want %q", out, want)
	}

	start := time.Now()
	out = mustRun(t, "poll", "--db", db, "--allow-private", "--host-rate", "0", "--host-concurrency", "8", "--json")
	first := decodeLines[pollSummary](t, out)
	t.Logf("first poll of %d feeds × %d items: %s (analysis included: %s)", nFeeds, nItems, first[0].Summary, time.Since(start).Round(time.Millisecond))
	want := nFeeds * nItems
	if s := first[0]; s.Feeds != nFeeds || s.Fetched != nFeeds || s.Failed != 0 || s.New != want || s.Analysis.Articles != want {
		t.Fatalf("first poll: %s, analysed %d; want %d fetched, %d new and analysed", s.Summary, s.Analysis.Articles, nFeeds, want)
	}
	if n := countArticles(t, db); n != want {
		t.Fatalf("%d articles stored, want %d", n, want)
	}
	_, condBefore, _ := srv.Stats()

	out = mustRun(t, "poll", "--db", db, "--allow-private", "--host-rate", "0", "--force")
	t.Logf("second poll: %s", strings.TrimSpace(out))
	if wantLine := fmt.Sprintf("polled %d feeds in", nFeeds); !strings.HasPrefix(out, wantLine) ||
		!strings.Contains(out, fmt.Sprintf("0 fetched, %d not modified, 0 failed, 0 disabled; 0 items, 0 new", nFeeds)) {
		t.Fatalf("second poll summary line: %q", out)
	}
	_, condAfter, notMod := srv.Stats()
	if condAfter-condBefore != int64(nFeeds) || notMod != int64(nFeeds) {
		t.Errorf("second poll: %d conditional requests, %d answered 304; want %d each", condAfter-condBefore, notMod, nFeeds)
	}
	if n := countArticles(t, db); n != want {
		t.Errorf("%d articles after the second poll, want %d", n, want)
	}
	// Without --force nothing is due yet.
	out = mustRun(t, "poll", "--db", db, "--allow-private")
	if !strings.HasPrefix(out, "polled 0 feeds") {
		t.Errorf("poll right after a poll: %q, want no feed due", out)
	}
}

func TestPollRefusesLoopbackWithoutAllowPrivate(t *testing.T) {
	t.Setenv("PARALLAX_ALLOW_PRIVATE", "")
	srv := feedtest.NewServer(2, 3)
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "p.db")

	code, _, errs := run(t, "feeds", "add", "--db", db, srv.URLs()[0])
	if code != 1 || !strings.Contains(errs, "non-public address") {
		t.Errorf("feeds add of a loopback feed: exit %d, stderr %q; want 1 and the refusal", code, errs)
	}
	mustRun(t, "feeds", "import", "--db", db, writeOPML(t, srv))
	code, out, errs := run(t, "poll", "--db", db)
	if code != 1 || !strings.Contains(out, "2 failed") || !strings.Contains(errs, "non-public address") {
		t.Errorf("poll of loopback feeds: exit %d, stdout %q, stderr %q; want 1, 2 failed, the refusal", code, out, errs)
	}
	for _, f := range decodeLines[listedFeed](t, mustRun(t, "feeds", "list", "--db", db, "--json")) {
		if f.Status != "failing" || !strings.Contains(f.LastError, "non-public address") {
			t.Errorf("feed %s: status %q, error %q; want the refusal recorded", f.URL, f.Status, f.LastError)
		}
	}
	if requests, _, _ := srv.Stats(); requests != 0 {
		t.Errorf("the server got %d feed requests", requests)
	}
	if n := countArticles(t, db); n != 0 {
		t.Errorf("%d articles stored", n)
	}
}

func TestFeedsRoundTrip(t *testing.T) {
	srv := feedtest.NewServer(3, 2)
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "p.db")
	urls := srv.URLs()

	out := mustRun(t, "feeds", "add", "--db", db, "--allow-private", "--country", "ua", "--kind", "wire", urls[0], urls[1])
	if strings.Count(out, "added ") != 2 || !strings.Contains(out, "Synthetic feed 0") {
		t.Fatalf("feeds add: %q", out)
	}
	out = mustRun(t, "feeds", "add", "--db", db, "--allow-private", urls[0])
	if !strings.Contains(out, "already subscribed") {
		t.Errorf("adding again: %q", out)
	}
	code, _, errs := run(t, "feeds", "add", "--db", db, "--kind", "tabloid", urls[2])
	if code != 2 || !strings.Contains(errs, "--kind") {
		t.Errorf("bad --kind: exit %d, %q", code, errs)
	}

	listed := decodeLines[listedFeed](t, mustRun(t, "feeds", "list", "--db", db, "--json"))
	if len(listed) != 2 {
		t.Fatalf("list: %d feeds, want 2", len(listed))
	}
	for _, f := range listed {
		if f.Country != "UA" || f.Kind != feed.KindWire || f.Language != "" && f.Language != "en" || f.Status != "never" {
			t.Errorf("listed %+v", f)
		}
	}
	text := mustRun(t, "feeds", "list", "--db", db)
	if !strings.Contains(text, "STATUS") || !strings.Contains(text, urls[1]) {
		t.Errorf("text list:\n%s", text)
	}

	exported := filepath.Join(t.TempDir(), "out.opml")
	mustRun(t, "feeds", "export", "--db", db, "-o", exported)
	b, err := os.ReadFile(exported)
	if err != nil {
		t.Fatal(err)
	}
	outlets, err := feed.ParseOPML(bytes.NewReader(b))
	if err != nil || len(outlets) != 2 || outlets[0].Kind != feed.KindWire || outlets[0].Country != "UA" {
		t.Fatalf("exported OPML reads back as %+v, %v", outlets, err)
	}

	mustRun(t, "feeds", "remove", "--db", db, urls[0])
	if code, _, errs := run(t, "feeds", "remove", "--db", db, urls[0]); code != 1 || !strings.Contains(errs, "not subscribed") {
		t.Errorf("removing twice: exit %d, %q", code, errs)
	}
	if n := len(decodeLines[listedFeed](t, mustRun(t, "feeds", "list", "--db", db, "--json"))); n != 1 {
		t.Errorf("after remove: %d feeds, want 1", n)
	}
	out = mustRun(t, "feeds", "import", "--db", db, exported)
	if !strings.Contains(out, "subscribed to 1 of 2") {
		t.Errorf("import of the export: %q", out)
	}
	again := decodeLines[listedFeed](t, mustRun(t, "feeds", "list", "--db", db, "--json"))
	if len(again) != 2 || again[0].Outlet() != listed[0].Outlet() || again[1].Outlet() != listed[1].Outlet() {
		t.Errorf("after export, remove, import:\n%+v\nwant\n%+v", again, listed)
	}

	// Standard input, and broken outlines reported but not fatal.
	broken := `<?xml version="1.0"?><opml version="2.0"><body>
<outline text="no url"/>
<outline text="Good" xmlUrl="https://good.example/rss" kind="nonsense"/>
</body></opml>`
	code, out, errs = runStdin(t, broken, "feeds", "import", "--db", db, "-")
	if code != 0 || !strings.Contains(out, "subscribed to 1 of 1") || !strings.Contains(errs, "warning:") {
		t.Errorf("import with broken outlines: exit %d, %q, %q", code, out, errs)
	}
	if code, _, errs := run(t, "feeds", "import", "--db", db, exported+".missing"); code != 1 || errs == "" {
		t.Errorf("import of a missing file: exit %d", code)
	}

	out = mustRun(t, "feeds", "add", "--db", db, "--builtin")
	if n := len(feed.Builtin()); !strings.Contains(out, fmt.Sprintf("subscribed to %d of %d built-in", n, n)) {
		t.Errorf("add --builtin: %q", out)
	}
	if builtinDoc := mustRun(t, "feeds", "export", "--builtin"); builtinDoc != string(feed.BuiltinOPML()) {
		t.Errorf("export --builtin is not the built-in list")
	}
}

func runStdin(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(t.Context(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// badFeedServer serves feeds that fail in every way a poll must survive.
func badFeedServer(t *testing.T) *httptest.Server {
	t.Helper()
	var zeros bytes.Buffer
	zw := gzip.NewWriter(&zeros)
	chunk := make([]byte, 1<<20)
	for range 40 { // 40 MB of zeros, some 40 KB compressed
		zw.Write(chunk)
	}
	zw.Close()
	bomb := `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title></channel></rss>`
	mux := http.NewServeMux()
	mux.HandleFunc("GET /malformed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>unclosed`)
	})
	mux.HandleFunc("GET /bomb.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, bomb)
	})
	mux.HandleFunc("GET /gzipbomb.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(zeros.Bytes())
	})
	mux.HandleFunc("GET /page.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, `<html><head><title>Not a feed</title></head><body><p>Hello</p></body></html>`)
	})
	for _, code := range []int{404, 410, 429, 500} {
		mux.HandleFunc(fmt.Sprintf("GET /%d.xml", code), func(w http.ResponseWriter, r *http.Request) {
			if code == 429 {
				w.Header().Set("Retry-After", "3600")
			}
			http.Error(w, http.StatusText(code), code)
		})
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// TestPollBadFeeds polls one good feed among broken ones: each broken feed
// gets a clear error recorded on it, the good feed's articles are stored,
// and a later failure of the good feed loses nothing stored.
func TestPollBadFeeds(t *testing.T) {
	good := feedtest.NewServer(1, 3)
	defer good.Close()
	bad := badFeedServer(t)
	db := filepath.Join(t.TempDir(), "p.db")
	wantErr := map[string]string{
		bad.URL + "/malformed.xml": "parse feed",
		bad.URL + "/bomb.xml":      "entity declarations",
		bad.URL + "/gzipbomb.xml":  "too large",
		bad.URL + "/page.html":     "not an RSS, Atom or JSON feed",
		bad.URL + "/404.xml":       "HTTP 404",
		bad.URL + "/410.xml":       "gone",
		bad.URL + "/429.xml":       "HTTP 429",
		bad.URL + "/500.xml":       "HTTP 500",
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><opml version="2.0"><body>`)
	fmt.Fprintf(&b, `<outline text="Good" xmlUrl="%s"/>`, good.URLs()[0])
	for u := range wantErr {
		fmt.Fprintf(&b, `<outline text="Bad %s" xmlUrl="%s"/>`, filepath.Base(u), u)
	}
	b.WriteString(`</body></opml>`)
	_, _, _ = runStdin(t, b.String(), "feeds", "import", "--db", db, "-")

	code, out, errs := run(t, "poll", "--db", db, "--allow-private", "--host-rate", "0")
	if code != 1 || !strings.Contains(out, "polled 9 feeds") || !strings.Contains(out, "1 fetched") ||
		!strings.Contains(out, "7 failed, 1 disabled; 3 items, 3 new") {
		t.Fatalf("poll: exit %d\nstdout %s\nstderr %s", code, out, errs)
	}
	before := mustRun(t, "articles", "--db", db, "--json")
	if n := len(decodeLines[news.Article](t, before)); n != 3 {
		t.Fatalf("%d articles, want the good feed's 3", n)
	}
	for _, f := range decodeLines[listedFeed](t, mustRun(t, "feeds", "list", "--db", db, "--json")) {
		if f.URL == good.URLs()[0] {
			if f.Status != "ok" || f.ItemsTotal != 3 || f.Stored != 3 {
				t.Errorf("good feed: %+v", f)
			}
			continue
		}
		want, ok := wantErr[f.URL]
		if !ok {
			t.Errorf("unexpected feed %s", f.URL)
			continue
		}
		if !strings.Contains(f.LastError, want) {
			t.Errorf("%s: error %q, want it to mention %q", f.URL, f.LastError, want)
		}
		if !strings.Contains(errs, f.URL) {
			t.Errorf("%s: not named on stderr", f.URL)
		}
		wantStatus := "failing"
		if strings.HasSuffix(f.URL, "/410.xml") {
			wantStatus = "disabled"
		}
		if f.Status != wantStatus {
			t.Errorf("%s: status %q, want %q", f.URL, f.Status, wantStatus)
		}
		if strings.HasSuffix(f.URL, "/429.xml") && f.NextPoll.Before(time.Now().Add(50*time.Minute)) {
			t.Errorf("429 feed next poll %s: want the Retry-After hour respected", f.NextPoll)
		}
	}

	// The good feed now fails: nothing it brought is lost.
	good.Close()
	code, _, _ = run(t, "poll", "--db", db, "--allow-private", "--host-rate", "0", "--force")
	if code != 1 {
		t.Errorf("second poll: exit %d, want 1", code)
	}
	if after := mustRun(t, "articles", "--db", db, "--json"); after != before {
		t.Errorf("stored articles changed after failed polls")
	}
}

// syncBuffer is a bytes.Buffer safe for one writer and concurrent readers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs `parallax serve` with args until the test ends and
// returns its base URL and its standard error.
func startServe(t *testing.T, args ...string) (string, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, append([]string{"serve"}, args...), strings.NewReader(""), &stdout, &stderr)
	}()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve exit %d: %s", code, stderr.String())
		}
	})
	var port string
	waitUntil(t, &stderr, "the server address", func() bool {
		_, rest, ok := strings.Cut(stderr.String(), " on http://")
		if ok {
			addr := strings.TrimSuffix(strings.Fields(rest)[0], "/")
			port = addr[strings.LastIndex(addr, ":")+1:]
		}
		return ok
	})
	return "http://127.0.0.1:" + port, &stderr
}

// waitUntil polls cond for up to a minute.
func waitUntil(t *testing.T, stderr *syncBuffer, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s; stderr:\n%s", what, stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestServePollsFeeds runs `parallax serve` with subscribed local feeds:
// the scheduler stores their articles in the background, the feeds page
// shows them, and a feed added from the page is polled at once.
func TestServePollsFeeds(t *testing.T) {
	srv := feedtest.NewServer(3, 4)
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "p.db")
	urls := srv.URLs()
	mustRun(t, "feeds", "add", "--db", db, "--allow-private", urls[0], urls[1])

	base, stderr := startServe(t, "--db", db, "--addr", "127.0.0.1:0", "--allow-private", "--host-rate", "0", "--poll-every", "1h")
	waitFor := func(what string, cond func() bool) { t.Helper(); waitUntil(t, stderr, what, cond) }
	waitFor("8 articles from the scheduler", func() bool { return countArticles(t, db) == 8 })

	resp, err := http.Get(base + "/feeds")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(page), "Synthetic feed 1") {
		t.Fatalf("GET /feeds: %d\n%s", resp.StatusCode, page)
	}

	// Add the third feed from the page: no token on loopback; the
	// scheduler polls it at once, an hour before its next tick.
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err = client.PostForm(base+"/feeds", url.Values{"url": {urls[2]}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("POST /feeds: %d", resp.StatusCode)
	}
	waitFor("the added feed's articles", func() bool { return countArticles(t, db) == 12 })
}

// TestServeTokenBeyondLoopback: listening on every address, the server
// accepts a new feed only with the token.
func TestServeTokenBeyondLoopback(t *testing.T) {
	srv := feedtest.NewServer(1, 2)
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "p.db")
	t.Setenv("PARALLAX_TOKEN", "from-env")
	base, _ := startServe(t, "--db", db, "--addr", "0.0.0.0:0", "--allow-private", "--poll-every", "0")
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	tests := []struct {
		name   string
		token  string
		status int
	}{
		{"no token", "", http.StatusForbidden},
		{"wrong token", "guess", http.StatusForbidden},
		{"token from the environment", "from-env", http.StatusSeeOther},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, base+"/feeds",
				strings.NewReader(url.Values{"url": {srv.URLs()[0]}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if tc.token != "" {
				req.Header.Set("Authorization", "Bearer "+tc.token)
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tc.status)
			}
		})
	}
	listed := decodeLines[listedFeed](t, mustRun(t, "feeds", "list", "--db", db, "--json"))
	if len(listed) != 1 || listed[0].URL != srv.URLs()[0] {
		t.Errorf("feeds after the requests: %+v; want the one added with the token", listed)
	}
}
