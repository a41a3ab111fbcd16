package web

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/subscription"
)

// fakeFeeds keeps feeds in memory; AddFeed accepts URLs under
// https://ok.example/ and fails for the others.
type fakeFeeds struct {
	mu     sync.Mutex
	states []feed.State
	added  []string
}

func (f *fakeFeeds) FeedStates(context.Context) ([]feed.State, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]feed.State(nil), f.states...), nil
}

func (f *fakeFeeds) AddFeed(_ context.Context, raw string) (feed.Outlet, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !strings.HasPrefix(raw, "https://ok.example/") {
		return feed.Outlet{}, errors.New("resolve feed " + raw + ": no feed found")
	}
	f.added = append(f.added, raw)
	o := feed.Outlet{Title: "OK", FeedURL: raw + "rss"}
	f.states = append(f.states, subscription.NewState(o))
	return o, nil
}

var feedNow = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func feedFixtures() *fakeFeeds {
	return &fakeFeeds{states: []feed.State{
		{URL: "https://a.example/rss", Title: "Alpha <News>", SiteURL: "https://a.example/", Kind: feed.KindWire,
			LastFetch: feedNow.Add(-10 * time.Minute), NextPoll: feedNow.Add(20 * time.Minute), LastStatus: 200,
			ItemsLast: 50, NewLast: 3, ItemsTotal: 120, Warning: "2 of 50 items have no date"},
		{URL: "https://b.example/feed", Title: "Beta", LastFetch: feedNow.Add(-time.Hour), NextPoll: feedNow.Add(time.Hour),
			LastStatus: 500, ErrorCount: 2, LastError: "fetch https://b.example/feed: HTTP 500 Internal Server Error"},
		{URL: "https://c.example/gone", Title: "Gamma", Disabled: true, LastFetch: feedNow.Add(-48 * time.Hour),
			LastError: "feed is gone (HTTP 410): disabled"},
		{URL: "https://d.example/new", Title: ""},
	}}
}

func TestFeedsPage(t *testing.T) {
	ff := feedFixtures()
	ts := newTestServer(t, Options{Feeds: ff, Now: func() time.Time { return feedNow }})
	doc := ts.getHTML(t, "/feeds", http.StatusOK)
	items := doc.Find("li.feed-item")
	if items.Length() != 4 {
		t.Fatalf("%d feeds listed, want 4", items.Length())
	}
	tests := []struct {
		i                int
		status, contains string
	}{
		{0, "ok", "next poll in 20 min"},
		{1, "failing", "HTTP 500 Internal Server Error"},
		{2, "disabled", "not polled (disabled)"},
		{3, "never", "due now"},
	}
	for _, tc := range tests {
		t.Run(tc.status, func(t *testing.T) {
			li := items.Eq(tc.i)
			if got := li.Find(".status").Text(); got != tc.status {
				t.Errorf("status %q, want %q", got, tc.status)
			}
			if text := strings.Join(strings.Fields(li.Text()), " "); !strings.Contains(text, tc.contains) {
				t.Errorf("feed text %q lacks %q", text, tc.contains)
			}
		})
	}
	if got := items.Eq(0).Find("h2").Text(); got != "Alpha <News>" {
		t.Errorf("title %q: want the escaped title shown as text", got)
	}
	if items.Eq(0).Find(".feed-warning").Length() != 1 || items.Eq(1).Find(".feed-error").Length() != 1 {
		t.Errorf("warning or error not shown")
	}
	if doc.Find(`form[action="/feeds"][method="post"] input[name="url"]`).Length() != 1 {
		t.Errorf("no add form")
	}
	if doc.Find(`input[name="token"]`).Length() != 0 {
		t.Errorf("token field shown on a loopback server")
	}
	if cur := doc.Find(`nav a[aria-current="page"]`).Text(); cur != "Feeds" {
		t.Errorf("current nav item %q", cur)
	}

	rec := ts.get(t, "/api/feeds")
	var page apiListBody[struct {
		URL       string     `json:"url"`
		Status    string     `json:"status"`
		LastFetch *time.Time `json:"last_fetch"`
		Interval  *float64   `json:"interval_seconds"`
	}]
	if err := json.Unmarshal(rec.Body.Bytes(), &page); err != nil || len(page.Items) != 4 || page.Items[2].Status != "disabled" {
		t.Errorf("/api/feeds: %v %s", err, rec.Body)
	}
	// A feed never fetched has no last_fetch (not year 1); intervals are seconds.
	if got := page.Items; len(got) == 4 && (got[3].LastFetch != nil || got[0].LastFetch == nil) {
		t.Errorf("/api/feeds times: %s", rec.Body)
	}
	if strings.Contains(rec.Body.String(), "0001-01-01") || strings.Contains(rec.Body.String(), `"interval":`) {
		t.Errorf("/api/feeds has a zero time or a nanosecond interval: %s", rec.Body)
	}

	none := newTestServer(t, Options{})
	if rec := none.get(t, "/feeds"); rec.Code != http.StatusNotFound {
		t.Errorf("/feeds without a feed store: %d, want 404", rec.Code)
	}
}

// postFeed submits the add form.
func postFeed(t *testing.T, ts *testServer, form url.Values, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/feeds", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	ts.srv.ServeHTTP(rec, req)
	return rec
}

func TestAddFeedForm(t *testing.T) {
	sameSite := map[string]string{"Sec-Fetch-Site": "same-origin"}
	tests := []struct {
		name    string
		opts    Options
		form    url.Values
		header  map[string]string
		status  int
		message string // in the re-rendered page
		added   bool
	}{
		{"loopback, no token needed", Options{}, url.Values{"url": {"https://ok.example/"}}, sameSite, http.StatusSeeOther, "", true},
		{"cross-site refused", Options{}, url.Values{"url": {"https://ok.example/"}},
			map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}, http.StatusForbidden, "cross-origin", false},
		{"missing URL", Options{}, url.Values{}, nil, http.StatusBadRequest, "starting with http", false},
		{"not http", Options{}, url.Values{"url": {"javascript:alert(1)"}}, nil, http.StatusBadRequest, "starting with http", false},
		{"too long", Options{}, url.Values{"url": {"https://ok.example/" + strings.Repeat("a", 3000)}}, nil, http.StatusBadRequest, "longer than", false},
		{"no feed there", Options{}, url.Values{"url": {"https://nofeed.example/"}}, nil, http.StatusUnprocessableEntity, "no feed found", false},
		{"token required, missing", Options{RequireToken: true, Token: "s3cret"}, url.Values{"url": {"https://ok.example/"}}, nil,
			http.StatusForbidden, "valid token is required", false},
		{"token required, wrong", Options{RequireToken: true, Token: "s3cret"}, url.Values{"url": {"https://ok.example/"}, "token": {"guess"}}, nil,
			http.StatusForbidden, "valid token is required", false},
		{"token in form", Options{RequireToken: true, Token: "s3cret"}, url.Values{"url": {"https://ok.example/"}, "token": {"s3cret"}}, nil,
			http.StatusSeeOther, "", true},
		{"bearer token", Options{RequireToken: true, Token: "s3cret"}, url.Values{"url": {"https://ok.example/"}},
			map[string]string{"Authorization": "Bearer s3cret"}, http.StatusSeeOther, "", true},
		{"beyond loopback without a token", Options{RequireToken: true}, url.Values{"url": {"https://ok.example/"}, "token": {""}}, nil,
			http.StatusForbidden, "without --token", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ff := feedFixtures()
			tc.opts.Feeds = ff
			ts := newTestServer(t, tc.opts)
			rec := postFeed(t, ts, tc.form, tc.header)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d; body:\n%s", rec.Code, tc.status, rec.Body)
			}
			if tc.added != (len(ff.added) == 1) {
				t.Errorf("added %v, want added=%v", ff.added, tc.added)
			}
			if tc.status == http.StatusSeeOther {
				loc := rec.Header().Get("Location")
				if loc != "/feeds?added="+url.QueryEscape("https://ok.example/rss") {
					t.Errorf("Location %q", loc)
				}
				doc := ts.getHTML(t, loc, http.StatusOK)
				if !strings.Contains(doc.Find(".notice").Text(), "https://ok.example/rss") {
					t.Errorf("no confirmation after adding")
				}
				return
			}
			doc, err := goquery.NewDocumentFromReader(rec.Body)
			if err != nil {
				t.Fatal(err)
			}
			if msg := doc.Find(`[role="alert"]`).Text(); !strings.Contains(msg, tc.message) {
				t.Errorf("message %q, want it to contain %q", msg, tc.message)
			}
		})
	}
}

func TestFeedsPageTokenField(t *testing.T) {
	ts := newTestServer(t, Options{Feeds: feedFixtures(), RequireToken: true, Token: "x"})
	if doc := ts.getHTML(t, "/feeds", http.StatusOK); doc.Find(`input[name="token"][type="password"]`).Length() != 1 {
		t.Errorf("no token field when the server requires one")
	}
	ts = newTestServer(t, Options{Feeds: feedFixtures(), RequireToken: true})
	if doc := ts.getHTML(t, "/feeds", http.StatusOK); doc.Find(`form[action="/feeds"]`).Length() != 0 {
		t.Errorf("add form shown on a server that accepts no changes")
	}
}

// FuzzAddFeed posts arbitrary form bodies to /feeds: the answer is always a
// redirect or a rendered page with a 4xx status, never a server error, and
// nothing is added without the token.
func FuzzAddFeed(f *testing.F) {
	f.Add("url=https%3A%2F%2Fok.example%2F&token=s3cret", "same-origin")
	f.Add("url=javascript:alert(1)", "")
	f.Add("url=%ZZ&&&token", "cross-site")
	f.Add(strings.Repeat("url=https://ok.example/a&", 100), "none")
	ff := feedFixtures()
	srv := New(newFakeStore(), Options{Feeds: ff, RequireToken: true, Token: "s3cret"})
	f.Fuzz(func(t *testing.T, body, site string) {
		before := len(ff.added)
		req := httptest.NewRequest(http.MethodPost, "/feeds", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if site != "" {
			req.Header.Set("Sec-Fetch-Site", site)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code >= 500 || (rec.Code < 400 && rec.Code != http.StatusSeeOther) {
			t.Fatalf("status %d for body %q", rec.Code, body)
		}
		form, _ := url.ParseQuery(body)
		if len(ff.added) > before && form.Get("token") != "s3cret" {
			t.Fatalf("added %v without the token (body %q)", ff.added, body)
		}
	})
}
