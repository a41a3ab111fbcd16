package web

import (
	"fmt"
	"net/http"
)

// healthz serves GET /healthz: 200 "ok" when the store answers, 503 otherwise.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if _, err := s.st.CountArticles(r.Context()); err != nil {
		s.log.ErrorContext(r.Context(), "health check failed", "error", fmt.Errorf("count articles: %w", err))
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte("store unavailable\n"))
		return
	}
	_, _ = w.Write([]byte("ok\n"))
}

// favicon redirects browsers that ask for /favicon.ico to the embedded icon.
func (s *Server) favicon(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, s.assetURL("favicon.svg"), http.StatusMovedPermanently)
}

// showNotFound renders the 404 page for every unknown path, and a 405 page
// for a method other than GET or HEAD: every page is read-only.
func (s *Server) showNotFound(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		s.log.InfoContext(r.Context(), "method not allowed", "method", r.Method, "path", r.URL.Path)
		s.errorPage(w, r, http.StatusMethodNotAllowed, "Method not allowed", "This site only serves pages to read.")
		return
	}
	s.notFound(w, r, "There is no page at this address.")
}
