package feed

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/parallax-news/parallax/internal/fetch"
)

// okGetter answers every request with an empty page, robots.txt with
// robots, and logs them.
type okGetter struct {
	robots string
	mu     sync.Mutex
	urls   []string
}

func (g *okGetter) Get(_ context.Context, url string, _ fetch.Conditional) (*fetch.Response, error) {
	g.mu.Lock()
	g.urls = append(g.urls, url)
	g.mu.Unlock()
	if strings.HasSuffix(url, "/robots.txt") {
		return &fetch.Response{Status: 200, URL: url, Body: []byte(g.robots), ContentType: "text/plain"}, nil
	}
	return &fetch.Response{Status: 200, URL: url, Body: []byte("<html></html>"), ContentType: "text/html"}, nil
}

// TestHostGate: under WithHostGate every request the Poller makes (the
// page and robots.txt) first passes the gate with its host key and the
// interval of the host's rate, which a robots.txt Crawl-delay lengthens;
// a gate error fails the request before it is sent; a host without a
// rate limit is not gated.
func TestHostGate(t *testing.T) {
	busy := errors.New("host busy")
	tests := []struct {
		name      string
		robots    string
		rate      rate.Limit
		gateErr   error
		wantGated int
		wantEvery time.Duration
		wantSent  int
		wantErr   error
	}{
		{"gated", "", 4, nil, 2, 250 * time.Millisecond, 2, nil},
		{"crawl delay", "User-agent: *\nCrawl-delay: 2\n", 4, nil, 2, 2 * time.Second, 2, nil},
		// robots.txt refused too: read as unreachable, not cached.
		{"gate refuses", "", 4, busy, 2, 250 * time.Millisecond, 0, busy},
		{"no rate limit", "", rate.Inf, busy, 0, 0, 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := &okGetter{robots: tt.robots}
			p := NewPoller(g, newMemStore(), PollerOptions{HostRate: tt.rate, HostBurst: 4})
			var (
				mu    sync.Mutex
				hosts []string
				every time.Duration
			)
			ctx := WithHostGate(context.Background(), func(_ context.Context, host string, d time.Duration) error {
				mu.Lock()
				defer mu.Unlock()
				hosts = append(hosts, host)
				every = d
				return tt.gateErr
			})
			_, err := p.FetchPage(ctx, "http://News.Example:8080/a/story")
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("FetchPage error %v, want %v", err, tt.wantErr)
			}
			if len(hosts) != tt.wantGated || every != tt.wantEvery {
				t.Errorf("gate called for %v every %v, want %d calls every %v", hosts, every, tt.wantGated, tt.wantEvery)
			}
			for _, h := range hosts {
				if h != "news.example:8080" {
					t.Errorf("gate host %q, want news.example:8080", h)
				}
			}
			if len(g.urls) != tt.wantSent {
				t.Errorf("requests sent %v, want %d", g.urls, tt.wantSent)
			}
		})
	}
}
