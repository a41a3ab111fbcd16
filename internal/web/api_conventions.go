package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"net/http"
	"strings"
)

//go:embed openapi.json
var openAPIDoc []byte

// productRoutes adds the routes of the API conventions (index, OpenAPI
// description, the v0 paths), the Atom feeds and the CSV exports.
func (s *Server) productRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/{$}", s.apiIndex)
	mux.HandleFunc("GET /api/openapi.json", s.apiOpenAPI)
	// v0: the shape before list envelopes, kept for one release.
	mux.HandleFunc("GET /api/v0/articles", s.apiArticles)
	mux.HandleFunc("GET /api/v0/search", s.apiSearch)
	mux.HandleFunc("GET /api/v0/stories", s.apiStories)
	mux.HandleFunc("GET /api/v0/storylines", s.apiStorylines)
	mux.HandleFunc("GET /api/v0/entities", s.apiEntities)
	mux.HandleFunc("GET /api/v0/quotes", s.apiQuotes)
	mux.HandleFunc("GET /api/v0/feeds", s.apiFeeds)
	mux.HandleFunc("GET /storylines/{id}/feed.atom", s.storylineFeed)
	mux.HandleFunc("GET /search/feed.atom", s.searchFeed)
	mux.HandleFunc("GET /storylines/{id}/articles.csv", s.storylineExport("articles"))
	mux.HandleFunc("GET /storylines/{id}/quotes.csv", s.storylineExport("quotes"))
	mux.HandleFunc("GET /storylines/{id}/timeline.csv", s.storylineExport("timeline"))
}

// apiIndexEntry is one endpoint in GET /api/.
type apiIndexEntry struct {
	Path        string `json:"path"`
	Description string `json:"description"`
}

// apiIndex serves GET /api/: the endpoints, and where their description is.
func (s *Server) apiIndex(w http.ResponseWriter, r *http.Request) {
	s.writeJSON(w, r, http.StatusOK, struct {
		Description string          `json:"description"`
		OpenAPI     string          `json:"openapi"`
		Endpoints   []apiIndexEntry `json:"endpoints"`
	}{
		Description: "Parallax JSON API (read-only). Lists answer {items, total, next}; /api/v0/ keeps bare arrays for one release.",
		OpenAPI:     "/api/openapi.json",
		Endpoints: []apiIndexEntry{
			{"/api/articles", "articles, newest first (outlet, since, until, limit, offset)"},
			{"/api/articles/{id}", "one article"},
			{"/api/search", "full-text search hits (q, outlet, kind, country, from, to, entity, limit, offset)"},
			{"/api/stories", "stories, newest first (outlet, since, until, storyline, limit, offset)"},
			{"/api/stories/{id}", "one story with its articles and quotes"},
			{"/api/stories/{id}/compare", "how the outlets covered a story"},
			{"/api/storylines", "storylines, newest first (limit, offset)"},
			{"/api/storylines/{id}", "one storyline with its stories"},
			{"/api/storylines/{id}/compare", "how the outlets covered a storyline"},
			{"/api/storylines/{id}/timeline", "dated events of a storyline"},
			{"/api/entities", "entities, most mentioned first (kind, q, limit, offset)"},
			{"/api/entities/{id}", "one entity with its quotes and mentions"},
			{"/api/quotes", "quotes (speaker, speaker_id, article, story, limit, offset)"},
			{"/api/feeds", "subscribed feeds and their polling state (limit, offset)"},
			{"/api/openapi.json", "OpenAPI 3.1 description of this API"},
		},
	})
}

// apiOpenAPI serves GET /api/openapi.json, the hand-written description.
func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(openAPIDoc)
}

// readConventions wraps the reads under /api/ and the feeds and exports:
// a GET or HEAD answered 200 gets a weak ETag (a hash of the body; a
// matching If-None-Match answers 304), and a body of gzipMin bytes or more
// is gzipped for a client that accepts it.
func readConventions(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if (r.Method != http.MethodGet && r.Method != http.MethodHead) || !conventionalPath(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
		rec := &bufferedResponse{header: w.Header(), status: http.StatusOK}
		next.ServeHTTP(rec, r)
		if rec.status != http.StatusOK {
			w.WriteHeader(rec.status)
			_, _ = rec.body.WriteTo(w)
			return
		}
		sum := sha256.Sum256(rec.body.Bytes())
		etag := `W/"` + hex.EncodeToString(sum[:16]) + `"`
		h := w.Header()
		h.Set("ETag", etag)
		h.Add("Vary", "Accept-Encoding")
		if h.Get("Cache-Control") == "" {
			h.Set("Cache-Control", "no-cache")
		}
		if etagMatches(r.Header.Get("If-None-Match"), etag) {
			h.Del("Content-Length")
			h.Del("Content-Type")
			w.WriteHeader(http.StatusNotModified)
			return
		}
		if rec.body.Len() >= gzipMin && acceptsGzip(r.Header.Get("Accept-Encoding")) {
			h.Set("Content-Encoding", "gzip")
			h.Del("Content-Length")
			w.WriteHeader(http.StatusOK)
			zw := gzip.NewWriter(w)
			_, _ = rec.body.WriteTo(zw)
			_ = zw.Close()
			return
		}
		w.WriteHeader(http.StatusOK)
		_, _ = rec.body.WriteTo(w)
	})
}

const gzipMin = 1024

// conventionalPath reports whether the read conventions apply to path.
func conventionalPath(path string) bool {
	return strings.HasPrefix(path, "/api/") || strings.HasSuffix(path, ".atom") || strings.HasSuffix(path, ".csv")
}

// etagMatches applies the weak comparison of If-None-Match.
func etagMatches(header, etag string) bool {
	if header == "" {
		return false
	}
	bare := strings.TrimPrefix(etag, "W/")
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == bare {
			return true
		}
	}
	return false
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), "gzip") {
			continue
		}
		p := strings.ReplaceAll(params, " ", "")
		return p != "q=0" && p != "q=0.0" && p != "q=0.00" && p != "q=0.000"
	}
	return false
}

// bufferedResponse holds a handler's answer so that its hash is known
// before anything is sent.
type bufferedResponse struct {
	header http.Header
	status int
	wrote  bool
	body   bytes.Buffer
}

func (b *bufferedResponse) Header() http.Header { return b.header }

func (b *bufferedResponse) WriteHeader(status int) {
	if !b.wrote {
		b.status, b.wrote = status, true
	}
}

func (b *bufferedResponse) Write(p []byte) (int, error) {
	b.wrote = true
	return b.body.Write(p)
}
