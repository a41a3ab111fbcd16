package web

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/feed"
)

// TestEmptySiteSaysWhy: an empty home page says what to do or what went
// wrong instead of showing an empty list.
func TestEmptySiteSaysWhy(t *testing.T) {
	failed := func(url, msg string) feed.State {
		return feed.State{URL: url, LastFetch: feedNow, ErrorCount: 1, LastError: msg}
	}
	tests := []struct {
		name  string
		feeds *fakeFeeds
		want  string
	}{
		{"no feeds", &fakeFeeds{}, "parallax feeds add --builtin"},
		{"offline", &fakeFeeds{states: []feed.State{
			failed("https://a.example/rss", "fetch https://a.example/rss: dial tcp: lookup a.example: no such host"),
			failed("https://b.example/rss", "fetch https://b.example/rss: connection refused"),
		}}, "Nothing could be fetched. All 2 feeds failed at their last poll (last error: fetch https://a.example/rss: dial tcp: lookup a.example: no such host)"},
		{"waiting", &fakeFeeds{states: []feed.State{{URL: "https://a.example/rss"}, failed("https://b.example/rss", "x")}}, "2 feeds subscribed; 1 not polled yet"},
		{"polled, nothing yet", &fakeFeeds{states: []feed.State{{URL: "https://a.example/rss", LastFetch: feedNow.Add(-time.Minute)}}}, "none has brought an article yet"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ts := newTestServer(t, Options{Feeds: tc.feeds})
			doc := ts.getHTML(t, "/", http.StatusOK)
			got := strings.Join(strings.Fields(doc.Find(".first-run").Text()), " ")
			if !strings.Contains(got, tc.want) {
				t.Errorf("first-run note %q lacks %q", got, tc.want)
			}
		})
	}
	ts := newTestServer(t, Options{Feeds: &fakeFeeds{}}, fixtureArticles(t)...)
	if ts.getHTML(t, "/", http.StatusOK).Find(".first-run").Length() != 0 {
		t.Error("a site with articles shows the first-run note")
	}
	bare := newTestServer(t, Options{})
	if !strings.Contains(bare.getHTML(t, "/", http.StatusOK).Find("main").Text(), "parallax ingest") {
		t.Error("an empty site without feeds does not say how to add articles")
	}
}
