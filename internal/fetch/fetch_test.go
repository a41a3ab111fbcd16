package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// local returns a client allowed to reach the httptest servers on 127.0.0.1.
func local(opts Options) *Client {
	opts.AllowPrivate = true
	return New(opts)
}

func TestRefusesLoopbackByDefault(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, "secret")
	}))
	defer srv.Close()

	urls := []string{
		srv.URL + "/feed.xml",
		strings.Replace(srv.URL, "127.0.0.1", "localhost", 1) + "/feed.xml",
		strings.Replace(srv.URL, "127.0.0.1", "[::1]", 1) + "/feed.xml",
		strings.Replace(srv.URL, "127.0.0.1", "[::ffff:127.0.0.1]", 1) + "/feed.xml",
		strings.Replace(srv.URL, "127.0.0.1", "0.0.0.0", 1) + "/feed.xml",
	}
	for _, u := range urls {
		t.Run(u, func(t *testing.T) {
			_, err := New(Options{}).Get(context.Background(), u, Conditional{})
			if !errors.Is(err, ErrPrivateAddress) {
				t.Fatalf("Get(%s) error = %v, want ErrPrivateAddress", u, err)
			}
			if !strings.Contains(err.Error(), u) {
				t.Errorf("error %q does not name the URL", err)
			}
		})
	}
	if hits.Load() != 0 {
		t.Errorf("server was reached %d times", hits.Load())
	}

	// The same URL works with AllowPrivate.
	resp, err := local(Options{}).Get(context.Background(), urls[0], Conditional{})
	if err != nil {
		t.Fatalf("with AllowPrivate: %v", err)
	}
	if string(resp.Body) != "secret" {
		t.Errorf("body = %q", resp.Body)
	}
}

func TestRedirectToLoopbackRefused(t *testing.T) {
	var internalHits atomic.Int32
	internal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		internalHits.Add(1)
		fmt.Fprint(w, "internal")
	}))
	defer internal.Close()
	public := httptest.NewServer(http.RedirectHandler(internal.URL+"/admin", http.StatusFound))
	defer public.Close()

	// Stand-in for a public server: the guard lets the dial to "public"
	// through and applies the real check to everything else, as it would to
	// a redirect target that resolves to loopback.
	publicHost := strings.TrimPrefix(public.URL, "http://")
	c := newClient(Options{}, func(network, address string, rc syscall.RawConn) error {
		if address == publicHost {
			return nil
		}
		return refusePrivate(network, address, rc)
	})
	_, err := c.Get(context.Background(), public.URL, Conditional{})
	if !errors.Is(err, ErrPrivateAddress) {
		t.Fatalf("error = %v, want ErrPrivateAddress on the redirect", err)
	}
	if internalHits.Load() != 0 {
		t.Errorf("internal server reached %d times", internalHits.Load())
	}
}

func TestIsPublic(t *testing.T) {
	tests := []struct {
		ip   string
		want bool
	}{
		{"8.8.8.8", true},
		{"93.184.216.34", true},
		{"2606:4700:4700::1111", true},
		{"127.0.0.1", false},
		{"127.9.9.9", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"172.31.255.255", false},
		{"172.32.0.1", true},
		{"192.168.1.1", false},
		{"169.254.169.254", false},
		{"100.64.0.1", false},
		{"100.127.255.255", false},
		{"100.128.0.1", true},
		{"0.0.0.0", false},
		{"224.0.0.1", false},
		{"255.255.255.255", false},
		{"::", false},
		{"::1", false},
		{"fc00::1", false},
		{"fd12:3456::1", false},
		{"fe80::1", false},
		{"ff02::1", false},
		{"::ffff:127.0.0.1", false},
		{"::ffff:10.0.0.1", false},
		{"::ffff:8.8.8.8", true},
		{"64:ff9b::7f00:1", false},  // NAT64 of 127.0.0.1
		{"64:ff9b::808:808", true},  // NAT64 of 8.8.8.8
		{"2002:c0a8:101::1", false}, // 6to4 of 192.168.1.1
		{"::127.0.0.1", false},      // IPv4-compatible
	}
	for _, tc := range tests {
		t.Run(tc.ip, func(t *testing.T) {
			if got := IsPublic(netip.MustParseAddr(tc.ip)); got != tc.want {
				t.Errorf("IsPublic(%s) = %v, want %v", tc.ip, got, tc.want)
			}
		})
	}
	if IsPublic(netip.Addr{}) {
		t.Error("zero Addr is public")
	}
}

func TestScheme(t *testing.T) {
	c := local(Options{})
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/", "gopher://x/", "http://", "not a url\x7f", "/relative"} {
		t.Run(u, func(t *testing.T) {
			if _, err := c.Get(context.Background(), u, Conditional{}); err == nil {
				t.Fatalf("Get(%q) succeeded", u)
			}
		})
	}
	srv := httptest.NewServer(http.RedirectHandler("file:///etc/passwd", http.StatusFound))
	defer srv.Close()
	if _, err := c.Get(context.Background(), srv.URL, Conditional{}); !errors.Is(err, ErrScheme) {
		t.Errorf("redirect to file: error = %v, want ErrScheme", err)
	}
}

func TestSizeLimit(t *testing.T) {
	big := bytes.Repeat([]byte("x"), 2000)
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	// 10 MB of zeros compresses to about 10 KB.
	zeros := make([]byte, 1<<20)
	for range 10 {
		zw.Write(zeros)
	}
	zw.Close()
	var small bytes.Buffer
	zw = gzip.NewWriter(&small)
	zw.Write([]byte("<rss>ok</rss>"))
	zw.Close()

	mux := http.NewServeMux()
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) { w.Write(big) })
	mux.HandleFunc("/chunked", func(w http.ResponseWriter, r *http.Request) {
		// No Content-Length: the limit must stop the read itself.
		for range 100 {
			w.Write(big)
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb.Bytes())
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			t.Errorf("Accept-Encoding = %q", r.Header.Get("Accept-Encoding"))
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(small.Bytes())
	})
	mux.HandleFunc("/badgzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write([]byte("not gzip at all"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	c := local(Options{MaxBody: 50_000})
	tests := []struct {
		path    string
		wantErr error
		body    string
	}{
		{"/big", nil, string(big)},
		{"/chunked", ErrTooLarge, ""},
		{"/bomb", ErrTooLarge, ""},
		{"/gzip", nil, "<rss>ok</rss>"},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			resp, err := c.Get(context.Background(), srv.URL+tc.path, Conditional{})
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("error = %v, want %v", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(resp.Body) != tc.body {
				t.Errorf("body = %.40q (%d bytes), want %.40q", resp.Body, len(resp.Body), tc.body)
			}
		})
	}
	t.Run("content-length over limit", func(t *testing.T) {
		_, err := local(Options{MaxBody: 1000}).Get(context.Background(), srv.URL+"/big", Conditional{})
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "Content-Length") {
			t.Fatalf("error = %v, want ErrTooLarge from Content-Length", err)
		}
	})
	t.Run("corrupt gzip", func(t *testing.T) {
		_, err := c.Get(context.Background(), srv.URL+"/badgzip", Conditional{})
		if err == nil || !strings.Contains(err.Error(), "gzip") {
			t.Fatalf("error = %v, want a gzip error", err)
		}
	})
}

func TestTrickleHitsTotalTimeout(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "1000")
		w.WriteHeader(http.StatusOK)
		for range 1000 {
			select {
			case <-r.Context().Done():
				return
			case <-time.After(50 * time.Millisecond):
			}
			w.Write([]byte("x"))
			w.(http.Flusher).Flush()
		}
	}))
	defer srv.Close()
	start := time.Now()
	_, err := local(Options{Timeout: 300 * time.Millisecond}).Get(context.Background(), srv.URL, Conditional{})
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("error = %v, want ErrTimeout", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Get returned after %s, the timeout did not stop it", d)
	}
}

func TestSlowHeadersHitTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	_, err := local(Options{Timeout: 200 * time.Millisecond}).Get(context.Background(), srv.URL, Conditional{})
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("error = %v, want ErrTimeout", err)
	}
}

func TestCancelledContext(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := local(Options{}).Get(ctx, srv.URL, Conditional{})
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrTimeout) {
		t.Fatalf("error = %v, want context.Canceled and not ErrTimeout", err)
	}
}

func TestRedirects(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop/b", http.StatusFound)
	})
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop/a", http.StatusFound)
	})
	mux.HandleFunc("/chain/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", n+1), http.StatusFound)
	})
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/moved", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/new", http.StatusPermanentRedirect)
	})
	mux.HandleFunc("/temp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/new", http.StatusTemporaryRedirect)
	})
	mux.HandleFunc("/perm-then-temp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/temp", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/new", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "here")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := local(Options{MaxRedirects: 3})

	t.Run("loop", func(t *testing.T) {
		_, err := c.Get(context.Background(), srv.URL+"/loop/a", Conditional{})
		if !errors.Is(err, ErrTooManyRedirects) || !strings.Contains(err.Error(), "loop") {
			t.Fatalf("error = %v, want a redirect loop error", err)
		}
	})
	t.Run("too long", func(t *testing.T) {
		_, err := c.Get(context.Background(), srv.URL+"/chain/0", Conditional{})
		if !errors.Is(err, ErrTooManyRedirects) {
			t.Fatalf("error = %v, want ErrTooManyRedirects", err)
		}
	})
	tests := []struct {
		path, final, permanent string
	}{
		{"/old", "/new", "/new"},
		{"/temp", "/new", ""},
		{"/perm-then-temp", "/new", "/temp"},
		{"/new", "/new", ""},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			resp, err := c.Get(context.Background(), srv.URL+tc.path, Conditional{})
			if err != nil {
				t.Fatal(err)
			}
			if resp.URL != srv.URL+tc.final {
				t.Errorf("URL = %s, want %s", resp.URL, srv.URL+tc.final)
			}
			want := ""
			if tc.permanent != "" {
				want = srv.URL + tc.permanent
			}
			if resp.PermanentURL != want {
				t.Errorf("PermanentURL = %q, want %q", resp.PermanentURL, want)
			}
		})
	}
	t.Run("none allowed", func(t *testing.T) {
		_, err := local(Options{MaxRedirects: -1}).Get(context.Background(), srv.URL+"/old", Conditional{})
		if !errors.Is(err, ErrTooManyRedirects) {
			t.Fatalf("error = %v, want ErrTooManyRedirects", err)
		}
	})
}

func TestConditionalGet(t *testing.T) {
	const etag = `"v1"`
	const lastMod = "Mon, 02 Jan 2006 15:04:05 GMT"
	var ua string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ua = r.Header.Get("User-Agent")
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprint(w, "<rss/>")
	}))
	defer srv.Close()
	c := local(Options{UserAgent: "test-agent/1"})

	first, err := c.Get(context.Background(), srv.URL, Conditional{})
	if err != nil {
		t.Fatal(err)
	}
	if first.Status != 200 || first.NotModified() || first.ETag != etag || first.LastModified != lastMod ||
		first.ContentType != "application/rss+xml; charset=utf-8" || string(first.Body) != "<rss/>" {
		t.Fatalf("first response = %+v", first)
	}
	if ua != "test-agent/1" {
		t.Errorf("User-Agent = %q", ua)
	}
	for _, cond := range []Conditional{{ETag: etag}, {LastModified: lastMod}} {
		second, err := c.Get(context.Background(), srv.URL, cond)
		if err != nil {
			t.Fatal(err)
		}
		if !second.NotModified() || len(second.Body) != 0 {
			t.Errorf("cond %+v: response = %+v, want 304 with no body", cond, second)
		}
	}
	if New(Options{}).Options().UserAgent != DefaultUserAgent {
		t.Error("default User-Agent not applied")
	}
}

func TestStatusErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var code int
		fmt.Sscan(strings.TrimPrefix(r.URL.Path, "/"), &code)
		switch code {
		case 429:
			w.Header().Set("Retry-After", "120")
		case 503:
			w.Header().Set("Retry-After", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat))
		}
		w.WriteHeader(code)
	}))
	defer srv.Close()
	c := local(Options{})
	tests := []struct {
		code       int
		retryAfter time.Duration // lower bound
	}{
		{404, 0}, {410, 0}, {429, 120 * time.Second}, {500, 0}, {503, 59 * time.Minute},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.code), func(t *testing.T) {
			u := fmt.Sprintf("%s/%d", srv.URL, tc.code)
			_, err := c.Get(context.Background(), u, Conditional{})
			var se *StatusError
			if !errors.As(err, &se) {
				t.Fatalf("error = %v, want *StatusError", err)
			}
			if se.Code != tc.code || se.URL != u {
				t.Errorf("StatusError = %+v", se)
			}
			if se.RetryAfter < tc.retryAfter || (tc.retryAfter == 0 && se.RetryAfter != 0) {
				t.Errorf("RetryAfter = %s, want >= %s", se.RetryAfter, tc.retryAfter)
			}
			if !strings.Contains(se.Error(), u) || !strings.Contains(se.Error(), fmt.Sprint(tc.code)) {
				t.Errorf("message %q", se.Error())
			}
		})
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"0", 0},
		{"-5", 0},
		{"30", 30 * time.Second},
		{" 7 ", 7 * time.Second},
		{"999999999999", 7 * 24 * time.Hour},
		{"Thu, 01 Jan 2026 00:10:00 GMT", 10 * time.Minute},
		{"Wed, 31 Dec 2025 00:00:00 GMT", 0},
		{"soon", 0},
	}
	for _, tc := range tests {
		if got := parseRetryAfter(tc.in, now); got != tc.want {
			t.Errorf("parseRetryAfter(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"120", "Wed, 21 Oct 2015 07:28:00 GMT", "-1", "99999999999999999999", ""} {
		f.Add(s)
	}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		if d := parseRetryAfter(s, now); d < 0 || d > 7*24*time.Hour {
			t.Fatalf("parseRetryAfter(%q) = %s, outside [0, 7 days]", s, d)
		}
	})
}

func BenchmarkGet(b *testing.B) {
	body := bytes.Repeat([]byte("<item>x</item>"), 2000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(body) }))
	defer srv.Close()
	c := local(Options{})
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Get(context.Background(), srv.URL, Conditional{}); err != nil {
			b.Fatal(err)
		}
	}
}
