package web

import "net/http"

// routes lists every route of the server in one place.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()

	// HTML pages.
	mux.HandleFunc("GET /{$}", s.showArticleList)
	mux.HandleFunc("GET /articles/{id}", s.showArticle)
	mux.HandleFunc("GET /search", s.showSearch)

	// JSON API.
	mux.HandleFunc("GET /api/articles", s.apiArticles)
	mux.HandleFunc("GET /api/articles/{id}", s.apiArticle)
	mux.HandleFunc("GET /api/search", s.apiSearch)
	mux.HandleFunc("/api/", s.apiNotFound)

	// Assets and health.
	mux.Handle("GET /static/", s.static)
	mux.HandleFunc("GET /favicon.ico", s.favicon)
	mux.HandleFunc("GET /healthz", s.healthz)

	// Everything else is a 404 page.
	mux.HandleFunc("/", s.showNotFound)
	return mux
}
