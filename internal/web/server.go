// Package web is Parallax's HTTP face: server-rendered HTML pages for people
// and a JSON API under /api/ for programs, both over the same store.
//
// Templates and static assets are embedded, so the binary serves everything
// itself: no page loads anything from another host, and the basics work
// without JavaScript. Everything that comes from an article is untrusted and
// is escaped by html/template; links are only rendered for http and https
// URLs; a strict Content-Security-Policy forbids inline script.
package web

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"github.com/parallax-news/parallax/internal/engine"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/store"
)

// Store is the part of store.Store the web server reads from. Every method
// follows the contract written on store.Store; Article returns an error
// wrapping store.ErrNotFound for an unknown ID.
type Store interface {
	Article(ctx context.Context, id string) (news.Article, error)
	Articles(ctx context.Context, q store.ArticleQuery) ([]news.Article, error)
	CountArticles(ctx context.Context) (int, error)
	Search(ctx context.Context, query string, limit int) ([]store.SearchHit, error)
	Analyses
}

// Analyses is the part of store.Analyses the story, storyline, entity and
// quote pages read. Every method follows the contract written on
// store.Analyses: Story and Storyline follow merges (the result's ID is the
// one the asked-for ID was folded into), and lookups of unknown IDs return
// an error wrapping store.ErrNotFound.
type Analyses interface {
	Stories(ctx context.Context, q store.StoryQuery) ([]news.Story, error)
	Story(ctx context.Context, id string) (news.Story, error)
	Storylines(ctx context.Context) ([]news.Storyline, error)
	Storyline(ctx context.Context, id string) (news.Storyline, error)
	Analysis(ctx context.Context, articleID string) (store.ArticleAnalysis, error)
	Quotes(ctx context.Context, q store.QuoteQuery) ([]news.Quote, error)
	Entities(ctx context.Context, q store.EntityQuery) ([]news.Entity, error)
	Entity(ctx context.Context, id string) (news.Entity, error)
}

// Every full store, articles and analyses, serves the web server.
var _ Store = (interface {
	store.Store
	store.Analyses
})(nil)

// Options configure a Server. The zero value is usable.
type Options struct {
	// Logger receives server errors (error level), rejected requests and
	// not-found pages (info) and every request with its status and time
	// (debug); nil discards them.
	Logger *slog.Logger
	// PageSize is the number of articles on one HTML list page; <= 0 means 20.
	PageSize int
	// SearchLimit is the most hits a search shows; <= 0 means 50.
	SearchLimit int
	// Title is the site name shown in the header; empty means "Parallax".
	Title string
	// Now returns the current time, for request durations; nil means time.Now.
	Now func() time.Time
	// Feeds, when set, serves the feeds page (/feeds, /api/feeds) and
	// adding a feed from it; nil makes them 404.
	Feeds Feeds
	// RequireToken makes write requests (adding a feed) need Token, given
	// as the form field "token" or "Authorization: Bearer"; with an empty
	// Token writes are refused. Set it when listening beyond loopback.
	RequireToken bool
	Token        string
	// Outlets credits articles to outlets and gives their kind and country
	// (comparison, timeline colours, search filters); nil means the
	// built-in registry.
	Outlets *outlet.Registry
	// Limits bound the cost of each request (limits.go).
	Limits Limits
	// Comparer makes the outlet comparisons, timelines and briefs, the
	// same as the command line's; nil makes one over the store with
	// Outlets.
	Comparer *engine.Comparer
	// Metrics, when set, is served at GET /metrics (Prometheus text) and
	// counts every request by route and status, with its duration.
	Metrics *engine.Metrics
}

// Limits of the JSON API.
const (
	defaultAPILimit = 50
	maxAPILimit     = 500
	maxQueryLen     = 500
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Server serves the HTML pages and the JSON API. It is safe for concurrent
// use. Create it with New.
type Server struct {
	st      Store
	opts    Options
	log     *slog.Logger
	pages   map[string]*template.Template
	static  http.Handler
	assets  map[string]string // static file name -> versioned URL
	handler http.Handler
	reg     *outlet.Registry // nil only if the built-in list failed to load
	cmp     *engine.Comparer
}

// New returns a Server reading from st. It panics only if the embedded
// templates do not parse, which the package tests rule out.
func New(st Store, opts Options) *Server {
	if opts.PageSize <= 0 {
		opts.PageSize = 20
	}
	if opts.SearchLimit <= 0 {
		opts.SearchLimit = 50
	}
	if opts.Title == "" {
		opts.Title = "Parallax"
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	logger := opts.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{st: st, opts: opts, log: logger, reg: opts.Outlets, cmp: opts.Comparer}
	if s.reg == nil {
		reg, err := outlet.Builtin()
		if err != nil {
			logger.Error("built-in outlet registry", "error", err)
		}
		s.reg = reg
	}
	if s.cmp == nil {
		s.cmp = engine.NewComparer(st, s.reg, logger)
	}
	assets, err := assetVersions(staticFS)
	if err != nil {
		panic(fmt.Sprintf("web: embedded static assets: %v", err))
	}
	s.assets = assets
	pages, err := parsePages(templateFS, s.funcs())
	if err != nil {
		panic(fmt.Sprintf("web: embedded templates: %v", err))
	}
	s.pages = pages
	s.static = staticHandler(staticFS)
	s.handler = s.logRequests(securityHeaders(newLimiter(s, opts.Limits).wrap(s.routes())))
	return s
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// contentSecurityPolicy allows only this server's own files and no inline
// script or style: article text cannot bring in anything that runs.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
	"form-action 'self'; frame-ancestors 'none'"

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// statusRecorder remembers the status a handler wrote, for the request log.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// logRequests logs every request at debug level with its status and time.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.log.Enabled(r.Context(), slog.LevelDebug) {
			next.ServeHTTP(w, r)
			return
		}
		start := s.opts.Now()
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		s.log.DebugContext(r.Context(), "http request",
			"method", r.Method, "path", r.URL.Path, "status", rec.status,
			"bytes", rec.bytes, "duration_ms", s.opts.Now().Sub(start).Milliseconds())
	})
}

// page is what every HTML page template receives.
type page struct {
	Site  string
	Title string // the page's own title, shown in <title>
	Nav   string // the nav entry to mark as current
	Data  any
}

// render executes the named page into a buffer first, so that a template
// error becomes a clean 500 page rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	t, ok := s.pages[name]
	if !ok {
		s.serverError(w, r, fmt.Errorf("no page template %q", name))
		return
	}
	p.Site = s.opts.Title
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		s.serverError(w, r, fmt.Errorf("render %s: %w", name, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

type errorPage struct {
	Status  int
	Heading string
	Message string
}

// notFound renders the 404 page and logs the miss.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, msg string) {
	s.log.InfoContext(r.Context(), "not found", "method", r.Method, "path", r.URL.Path, "reason", msg)
	s.errorPage(w, r, http.StatusNotFound, "Not found", msg)
}

// badRequest renders the 400 page for invalid input.
func (s *Server) badRequest(w http.ResponseWriter, r *http.Request, err error) {
	s.log.InfoContext(r.Context(), "bad request", "method", r.Method, "path", r.URL.Path, "error", err)
	s.errorPage(w, r, http.StatusBadRequest, "Bad request", err.Error())
}

// serverError logs err and renders the 500 page without its details.
func (s *Server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.Canceled) {
		return // the client went away
	}
	s.log.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, "error", err)
	s.errorPage(w, r, http.StatusInternalServerError, "Something went wrong", "The server could not complete this request. The error has been logged.")
}

func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int, heading, msg string) {
	t, ok := s.pages["error"]
	var buf bytes.Buffer
	if ok {
		err := t.ExecuteTemplate(&buf, "layout", page{
			Site:  s.opts.Title,
			Title: heading,
			Data:  errorPage{Status: status, Heading: heading, Message: msg},
		})
		ok = err == nil
		if err != nil {
			s.log.ErrorContext(r.Context(), "render error page", "error", err)
		}
	}
	if !ok {
		http.Error(w, heading, status)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// apiError is the body of every JSON error response.
type apiError struct {
	Error string `json:"error"`
}

func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		s.log.ErrorContext(r.Context(), "encode json", "path", r.URL.Path, "error", err)
		status = http.StatusInternalServerError
		buf.Reset()
		_ = json.NewEncoder(&buf).Encode(apiError{Error: "internal error"})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

func (s *Server) apiFail(w http.ResponseWriter, r *http.Request, status int, err error) {
	switch {
	case status >= 500:
		if errors.Is(err, context.Canceled) {
			return
		}
		s.log.ErrorContext(r.Context(), "api request failed", "method", r.Method, "path", r.URL.Path, "error", err)
		s.writeJSON(w, r, status, apiError{Error: "internal error"})
	default:
		s.log.InfoContext(r.Context(), "api request rejected", "method", r.Method, "path", r.URL.Path, "status", status, "error", err)
		s.writeJSON(w, r, status, apiError{Error: err.Error()})
	}
}
