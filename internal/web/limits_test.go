package web

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// slowStore is a fakeStore whose Search takes its time: until its context
// ends, or (ignoreContext) for hold whatever the context says, as a store
// that does not stop would. It records whether the context had a deadline.
type slowStore struct {
	*fakeStore
	hold          time.Duration
	ignoreContext bool
	sawDeadline   atomic.Bool
	running       atomic.Int32
	started       chan struct{}
}

func (s *slowStore) Search(ctx context.Context, q string, limit int) ([]store.SearchHit, error) {
	if _, ok := ctx.Deadline(); ok {
		s.sawDeadline.Store(true)
	}
	s.running.Add(1)
	defer s.running.Add(-1)
	if s.started != nil {
		s.started <- struct{}{}
	}
	if s.ignoreContext {
		time.Sleep(s.hold)
		return nil, nil
	}
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-time.After(s.hold):
		return nil, nil
	}
}

func newSlowServer(st *slowStore, l Limits) *Server {
	return New(st, Options{Limits: l})
}

func serveGet(h http.Handler, target, host string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	if host != "" {
		req.Host = host
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// TestRequestDeadline: a search that would run for a minute is answered
// with a 503 soon after the request's deadline, both when the store stops
// at its context's end (the deadline reaches it) and when it does not.
func TestRequestDeadline(t *testing.T) {
	for _, ignore := range []bool{false, true} {
		st := &slowStore{fakeStore: newFakeStore(), hold: time.Minute, ignoreContext: ignore}
		if ignore {
			st.hold = 10 * time.Second // the goroutine is left to finish
		}
		srv := newSlowServer(st, Limits{Timeout: 200 * time.Millisecond})
		for _, path := range []string{"/search?q=peace", "/api/search?q=peace"} {
			start := time.Now()
			rec := serveGet(srv, path, "")
			took := time.Since(start)
			if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
				t.Errorf("ignore=%v %s: status %d, Retry-After %q; want 503 with Retry-After", ignore, path, rec.Code, rec.Header().Get("Retry-After"))
			}
			if took > 4*time.Second {
				t.Errorf("ignore=%v %s: answered after %v, want soon after the 200ms deadline (the store holds 10 s)", ignore, path, took)
			}
			if strings.HasPrefix(path, "/api/") && !strings.Contains(rec.Body.String(), `"error"`) {
				t.Errorf("%s: body %q, want a JSON error", path, rec.Body)
			}
		}
		if !st.sawDeadline.Load() {
			t.Error("the store's context had no deadline")
		}
	}
}

// TestHeavyLimit: with every slot of expensive reads taken, one more
// search is refused at once with 503 and Retry-After, while /healthz and a
// light page still answer; the slots hold while the handlers run.
func TestHeavyLimit(t *testing.T) {
	st := &slowStore{fakeStore: newFakeStore(news.Article{ID: "a", Title: "A", Text: "Text."}), hold: 5 * time.Second,
		started: make(chan struct{}, 8)}
	srv := newSlowServer(st, Limits{Heavy: 2, HeavyWait: 50 * time.Millisecond, Timeout: 5 * time.Second})
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() { serveGet(srv, "/api/search?q=x", "") })
	}
	<-st.started
	<-st.started
	start := time.Now()
	rec := serveGet(srv, "/search?q=y", "")
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
		t.Errorf("third search: status %d, Retry-After %q; want 503 with Retry-After", rec.Code, rec.Header().Get("Retry-After"))
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("third search refused after %v, want after the 50ms wait", took)
	}
	for _, path := range []string{"/healthz", "/", "/api/articles"} {
		start := time.Now()
		if rec := serveGet(srv, path, ""); rec.Code != http.StatusOK {
			t.Errorf("%s while searches run: status %d", path, rec.Code)
		}
		if took := time.Since(start); took > 2*time.Second {
			t.Errorf("%s took %v while searches run (they hold 5 s)", path, took)
		}
	}
	if n := st.running.Load(); n != 2 {
		t.Errorf("%d searches running, want 2", n)
	}
	wg.Wait()
}

func TestClassify(t *testing.T) {
	cases := map[string]requestClass{
		"/static/app.css":                      classFree,
		"/healthz":                             classLight,
		"/":                                    classLight,
		"/stories/s1":                          classLight,
		"/api/stories":                         classLight,
		"/search?q=x":                          classHeavy,
		"/api/search?q=x":                      classHeavy,
		"/stories/s1/compare":                  classHeavy,
		"/api/storylines/l1/compare":           classHeavy,
		"/storylines/l1/brief":                 classHeavy,
		"/storylines/l1/brief?format=md":       classExport,
		"/storylines/l1/brief?format=html":     classHeavy,
		"/storylines/l1/articles.csv":          classExport,
		"/storylines/l1/feed.atom":             classExport,
		"/search/feed.atom?q=x":                classExport,
		"/api/storylines/l1/timeline?x=1":      classLight,
		"/entities?kind=person&q=abc":          classLight,
		"/articles/0123456789abcdef0123456789": classLight,
	}
	for target, want := range cases {
		if got := classify(httptest.NewRequest(http.MethodGet, target, nil)); got != want {
			t.Errorf("classify(%s) = %d, want %d", target, got, want)
		}
	}
}

// TestHostCheck: a server that knows its listen address refuses a request
// naming another host (what a DNS-rebinding page sends), on reads and on
// the feed form alike, and answers its own names.
func TestHostCheck(t *testing.T) {
	cases := []struct {
		limits Limits
		host   string
		ok     bool
	}{
		{Limits{Addr: "127.0.0.1:8080"}, "127.0.0.1:8080", true},
		{Limits{Addr: "127.0.0.1:8080"}, "localhost:8080", true},
		{Limits{Addr: "127.0.0.1:8080"}, "LOCALHOST.", true},
		{Limits{Addr: "127.0.0.1:8080"}, "[::1]:8080", true},
		{Limits{Addr: "127.0.0.1:8080"}, "rebind.attacker.example:8080", false},
		{Limits{Addr: "127.0.0.1:8080"}, "10.0.0.5:8080", false},
		{Limits{Addr: "127.0.0.1:8080"}, "", false},
		{Limits{Addr: "127.0.0.1:8080", Hosts: []string{"https://news.example.org/"}}, "news.example.org", true},
		{Limits{Addr: "127.0.0.1:8080", Hosts: []string{"news.example.org:443"}}, "news.example.org:443", true},
		{Limits{Addr: "0.0.0.0:8080"}, "192.0.2.7:8080", true},
		{Limits{Addr: ":8080"}, "[2001:db8::1]:8080", true},
		{Limits{Addr: ":8080"}, "rebind.attacker.example", false},
		{Limits{Addr: "192.0.2.7:80"}, "192.0.2.7", true},
		{Limits{Addr: "192.0.2.7:80"}, "192.0.2.8", false},
		{Limits{Addr: "127.0.0.1:8080", Hosts: []string{"*"}}, "anything.example", true},
		{Limits{}, "example.com", true}, // no address given: no check
	}
	for _, tc := range cases {
		srv := New(newFakeStore(), Options{Limits: tc.limits})
		for _, method := range []string{http.MethodGet, http.MethodPost} {
			target := "/api/articles"
			if method == http.MethodPost {
				target = "/feeds"
			}
			req := httptest.NewRequest(method, target, strings.NewReader("url=http://example.org/feed"))
			req.Host = tc.host
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			refused := rec.Code == http.StatusForbidden && strings.Contains(rec.Body.String(), "host")
			if refused == tc.ok {
				t.Errorf("%+v, Host %q, %s %s: status %d, want allowed=%v", tc.limits, tc.host, method, target, rec.Code, tc.ok)
			}
		}
	}
}

// FuzzAllowedHost checks that no Host header gets past the check of a
// loopback server unless it names the loopback host, and none makes it
// panic.
func FuzzAllowedHost(f *testing.F) {
	for _, h := range []string{"127.0.0.1:8080", "localhost", "[::1]:80", "evil.example", "127.0.0.1.evil.example", "[127.0.0.1", "", ":", "LOCALHOST.:1"} {
		f.Add(h)
	}
	lm := newLimiter(&Server{}, Limits{Addr: "127.0.0.1:8080"})
	f.Fuzz(func(t *testing.T, host string) {
		if !lm.allowedHost(host) {
			return
		}
		name := host
		if h, _, err := net.SplitHostPort(host); err == nil {
			name = h
		}
		name = strings.ToLower(strings.TrimSuffix(strings.Trim(name, "[]"), "."))
		if name != "localhost" && name != "127.0.0.1" && name != "::1" {
			t.Errorf("Host %q allowed on a loopback server", host)
		}
	})
}
