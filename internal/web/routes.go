package web

import (
	"net/http"
	"time"
)

// routes lists every route of the server in one place.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()

	// HTML pages.
	mux.HandleFunc("GET /{$}", s.showArticleList)
	mux.HandleFunc("GET /articles/{id}", s.showArticle)
	mux.HandleFunc("GET /search", s.showSearch)
	mux.HandleFunc("GET /stories", s.showStoryList)
	mux.HandleFunc("GET /stories/{id}", s.showStory)
	mux.HandleFunc("GET /storylines", s.showStorylineList)
	mux.HandleFunc("GET /storylines/{id}", s.showStoryline)
	mux.HandleFunc("GET /stories/{id}/compare", s.showStoryCompare)
	mux.HandleFunc("GET /storylines/{id}/compare", s.showStorylineCompare)
	mux.HandleFunc("GET /storylines/{id}/timeline", s.showStorylineTimeline)
	mux.HandleFunc("GET /storylines/{id}/brief", s.storylineBrief)
	mux.HandleFunc("GET /entities", s.showEntityList)
	mux.HandleFunc("GET /entities/{id}", s.showEntity)
	mux.HandleFunc("GET /quotes", s.showQuoteList)
	mux.HandleFunc("GET /feeds", s.showFeeds)
	mux.HandleFunc("POST /feeds", s.addFeed)

	// JSON API.
	mux.HandleFunc("GET /api/articles", s.apiArticles)
	mux.HandleFunc("GET /api/articles/{id}", s.apiArticle)
	mux.HandleFunc("GET /api/search", s.apiSearch)
	mux.HandleFunc("GET /api/stories", s.apiStories)
	mux.HandleFunc("GET /api/stories/{id}", s.apiStory)
	mux.HandleFunc("GET /api/storylines", s.apiStorylines)
	mux.HandleFunc("GET /api/storylines/{id}", s.apiStoryline)
	mux.HandleFunc("GET /api/stories/{id}/compare", s.apiStoryCompare)
	mux.HandleFunc("GET /api/storylines/{id}/compare", s.apiStorylineCompare)
	mux.HandleFunc("GET /api/storylines/{id}/timeline", s.apiStorylineTimeline)
	mux.HandleFunc("GET /api/entities", s.apiEntities)
	mux.HandleFunc("GET /api/entities/{id}", s.apiEntity)
	mux.HandleFunc("GET /api/quotes", s.apiQuotes)
	mux.HandleFunc("GET /api/feeds", s.apiFeeds)
	mux.HandleFunc("/api/", s.apiNotFound)
	s.productRoutes(mux) // index, OpenAPI, /api/v0/, Atom feeds, CSV exports

	// Assets and health.
	mux.Handle("GET /static/", s.static)
	mux.HandleFunc("GET /favicon.ico", s.favicon)
	mux.HandleFunc("GET /healthz", s.healthz)
	if s.opts.Metrics != nil {
		mux.Handle("GET /metrics", s.opts.Metrics.Handler())
	}

	// Everything else is a 404 page.
	mux.HandleFunc("/", s.showNotFound)
	return s.observe(mux, readConventions(mux))
}

// observe serves h and counts every request in the metrics by the route
// pattern it matches in mux (a bounded set of labels, never the raw path),
// with its status and duration.
func (s *Server) observe(mux *http.ServeMux, h http.Handler) http.Handler {
	m := s.opts.Metrics
	if m == nil {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		h.ServeHTTP(rec, r)
		_, pattern := mux.Handler(r)
		status := rec.status
		if status == 0 {
			status = http.StatusOK
		}
		m.ObserveRequest(pattern, status, time.Since(start))
	})
}
