package web

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

func decodeJSON[T any](t *testing.T, ts *testServer, target string, wantStatus int) T {
	t.Helper()
	rec := ts.get(t, target)
	if rec.Code != wantStatus {
		t.Fatalf("GET %s: status %d, want %d; body %s", target, rec.Code, wantStatus, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Fatalf("GET %s: Content-Type %q", target, ct)
	}
	var v T
	dec := json.NewDecoder(rec.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("GET %s: decode: %v", target, err)
	}
	return v
}

func ids(arts []news.Article) []string {
	out := []string{}
	for _, a := range arts {
		out = append(out, a.ID)
	}
	return out
}

func TestAPIArticles(t *testing.T) {
	ts := newTestServer(t, Options{}, fixtureArticles(t)...)
	tests := []struct {
		target string
		want   []string
	}{
		{"/api/articles", []string{"a1b2c3d4e5f60001", "a1b2c3d4e5f60003", "a1b2c3d4e5f60002", "a1b2c3d4e5f60004", "a1b2c3d4e5f60005"}},
		{"/api/articles?limit=2", []string{"a1b2c3d4e5f60001", "a1b2c3d4e5f60003"}},
		{"/api/articles?limit=2&offset=2", []string{"a1b2c3d4e5f60002", "a1b2c3d4e5f60004"}},
		{"/api/articles?offset=10", []string{}},
		{"/api/articles?outlet=Wire+Service", []string{"a1b2c3d4e5f60004"}},
		{"/api/articles?outlet=State%20Agency", []string{"a1b2c3d4e5f60002"}},
		{"/api/articles?outlet=nobody", []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.target, func(t *testing.T) {
			page := decodeJSON[apiListBody[news.Article]](t, ts, tc.target, http.StatusOK)
			got := page.Items
			if !slices.Equal(ids(got), tc.want) {
				t.Errorf("ids %q, want %q", ids(got), tc.want)
			}
		})
	}
	t.Run("empty list is an array", func(t *testing.T) {
		if body := strings.TrimSpace(ts.get(t, "/api/articles?outlet=nobody").Body.String()); body != `{"items":[],"total":0}` {
			t.Errorf("body %q, want an empty page", body)
		}
		if body := strings.TrimSpace(ts.get(t, "/api/v0/articles?outlet=nobody").Body.String()); body != "[]" {
			t.Errorf("v0 body %q, want []", body)
		}
	})
	t.Run("round trip", func(t *testing.T) {
		got := decodeJSON[apiListBody[news.Article]](t, ts, "/api/articles?outlet=State+Agency", http.StatusOK).Items
		want := fixtureArticles(t)[1]
		if len(got) != 1 || !got[0].Published.Equal(want.Published) || got[0].Text != want.Text ||
			!slices.Equal(got[0].Removed, want.Removed) || got[0].OriginOutlet != want.OriginOutlet || !got[0].PublishedEstimated {
			t.Errorf("got %+v\nwant %+v", got, want)
		}
	})
}

// TestAPIFieldNames pins the JSON field names of the API, which are public.
func TestAPIFieldNames(t *testing.T) {
	ts := newTestServer(t, Options{}, fixtureArticles(t)...)
	body := ts.get(t, "/api/articles/a1b2c3d4e5f60001").Body.Bytes()
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"id", "title", "outlet", "origin_outlet", "republisher", "url", "author", "published", "published_estimated", "language", "text", "removed", "source", "ingested_at"} {
		if _, ok := m[key]; !ok {
			t.Errorf("article JSON lacks %q: %s", key, body)
		}
	}
	if got := m["published"]; got != "2025-12-04T09:30:00Z" {
		t.Errorf("published %v", got)
	}
	hits := ts.get(t, "/api/search?q=Ushakov").Body.Bytes()
	var hm apiListBody[map[string]any]
	if err := json.Unmarshal(hits, &hm); err != nil || len(hm.Items) == 0 {
		t.Fatalf("search JSON %s: %v", hits, err)
	}
	for _, key := range []string{"article", "snippet", "score"} {
		if _, ok := hm.Items[0][key]; !ok {
			t.Errorf("hit JSON lacks %q", key)
		}
	}
}

func TestAPIArticle(t *testing.T) {
	ts := newTestServer(t, Options{}, fixtureArticles(t)...)
	a := decodeJSON[news.Article](t, ts, "/api/articles/a1b2c3d4e5f60003", http.StatusOK)
	if a.Title != "Vice president outlines framework for talks" || !a.Published.Equal(time.Date(2025, 9, 24, 15, 0, 0, 0, time.UTC)) {
		t.Errorf("article %+v", a)
	}
	for _, target := range []string{"/api/articles/0000000000000000", "/api/articles/%3Cscript%3E", "/api/articles/" + strings.Repeat("a", 300)} {
		t.Run(target[:min(40, len(target))], func(t *testing.T) {
			e := decodeJSON[apiError](t, ts, target, http.StatusNotFound)
			if !strings.Contains(e.Error, "not found") {
				t.Errorf("error %q", e.Error)
			}
		})
	}
}

func TestAPISearch(t *testing.T) {
	ts := newTestServer(t, Options{}, fixtureArticles(t)...)
	tests := []struct {
		target string
		want   []string
	}{
		{"/api/search?q=Ushakov", []string{"a1b2c3d4e5f60002", "a1b2c3d4e5f60001"}},
		{"/api/search?q=Ushakov&limit=1", []string{"a1b2c3d4e5f60002"}},
		{"/api/search?q=", []string{}},
		{"/api/search", []string{}},
		{"/api/search?q=nothing+matches+this", []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.target, func(t *testing.T) {
			hits := decodeJSON[apiListBody[store.SearchHit]](t, ts, tc.target, http.StatusOK).Items
			got := []string{}
			for _, h := range hits {
				got = append(got, h.Article.ID)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("ids %q, want %q", got, tc.want)
			}
			for _, h := range hits {
				if !strings.Contains(h.Snippet, "[Ushakov]") {
					t.Errorf("snippet %q not passed through", h.Snippet)
				}
			}
		})
	}
}

func TestAPIBadInput(t *testing.T) {
	ts := newTestServer(t, Options{}, fixtureArticles(t)...)
	tests := []struct {
		target  string
		status  int
		mention string
	}{
		{"/api/articles?limit=0", http.StatusBadRequest, "limit"},
		{"/api/articles?limit=-5", http.StatusBadRequest, "limit"},
		{"/api/articles?limit=ten", http.StatusBadRequest, "limit"},
		{"/api/articles?limit=501", http.StatusBadRequest, "limit"},
		{"/api/articles?offset=-1", http.StatusBadRequest, "offset"},
		{"/api/articles?offset=1.5", http.StatusBadRequest, "offset"},
		{"/api/articles?outlet=" + strings.Repeat("o", 501), http.StatusBadRequest, "outlet"},
		{"/api/search?q=a&limit=x", http.StatusBadRequest, "limit"},
		{"/api/search?q=" + strings.Repeat("q", 501), http.StatusBadRequest, "q is longer"},
		{"/api/nothing", http.StatusNotFound, "no API endpoint"},
		{"/api/v0/", http.StatusNotFound, "no API endpoint"},
		{"/api/storylines?limit=0", http.StatusBadRequest, "limit"},
		{"/api/feeds?offset=x", http.StatusNotFound, "feeds"},
		{"/api/search?q=a&offset=5000", http.StatusBadRequest, "offset"},
	}
	for _, tc := range tests {
		t.Run(tc.target[:min(40, len(tc.target))], func(t *testing.T) {
			e := decodeJSON[apiError](t, ts, tc.target, tc.status)
			if !strings.Contains(e.Error, tc.mention) {
				t.Errorf("error %q does not mention %q", e.Error, tc.mention)
			}
		})
	}
}
