package web

import (
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
	f.Fuzz(func(t *testing.T, path, query string) { fuzzGet(t, srv, path, query) })
}
