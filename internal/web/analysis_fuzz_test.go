package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzAnalysisPages sends arbitrary paths and query strings to the story,
// storyline, entity and quote pages and their API over hostile analysis
// results: no request may fail with a server error or carry a script tag.
func FuzzAnalysisPages(f *testing.F) {
	queries := []string{"", "page=2", "page=0", "outlet=%3Cscript%3E", "since=2025-08-01&until=2025-07-01",
		"kind=person", "kind=%00", "q=Ush", "speaker=ushakov", "limit=0&offset=x", "story=s0", "speaker_id=e1", "storyline=l0"}
	for _, p := range []string{"/stories", "/stories/s0", "/storylines/l1", "/entities", "/entities/e1", "/quotes",
		"/api/stories", "/api/stories/s2", "/api/storylines/l0", "/api/entities", "/api/entities/e9", "/api/quotes"} {
		for _, q := range queries {
			f.Add(p, q)
		}
	}
	srv := New(hostileAnalysis(), Options{PageSize: 1})
	f.Fuzz(func(t *testing.T, path, query string) {
		if !strings.HasPrefix(path, "/") || strings.ContainsAny(path, " ?#\r\n\t") {
			return
		}
		u := &url.URL{Path: path, RawQuery: query}
		req, err := http.NewRequest(http.MethodGet, "http://parallax.test"+u.String(), nil)
		if err != nil {
			return
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("GET %s: status %d: %s", u, rec.Code, rec.Body)
		}
		if strings.Contains(strings.ToLower(rec.Body.String()), "<script") {
			t.Fatalf("GET %s: body has a script tag", u)
		}
	})
}
