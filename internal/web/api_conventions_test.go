package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// TestOpenAPIResponses checks the served OpenAPI description against real
// answers of every /api/ route over the analysed seeds: each path of the
// description is requested (with its parameters filled in) and the
// response validated; each route of the index is in the description.
func TestOpenAPIResponses(t *testing.T) {
	db := seededDB(t)
	srv := New(db, Options{Feeds: feedFixtures()})
	ctx := context.Background()

	rec := fetch(t, srv, "/api/openapi.json")
	if rec.Code != http.StatusOK {
		t.Fatalf("openapi.json: %d", rec.Code)
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(rec.Body.Bytes())
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if err := doc.Validate(ctx); err != nil {
		t.Fatalf("the description is not valid OpenAPI: %v", err)
	}
	if !doc.IsOpenAPI31OrLater() {
		t.Errorf("openapi %q, want 3.1", doc.OpenAPI)
	}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}

	stories, err := db.Stories(ctx, store.StoryQuery{Limit: 100})
	if err != nil || len(stories) == 0 {
		t.Fatalf("stories: %v %d", err, len(stories))
	}
	ents, err := db.Entities(ctx, store.EntityQuery{Kind: "person"})
	if err != nil || len(ents) == 0 {
		t.Fatalf("entities: %v", err)
	}
	arts, err := db.Articles(ctx, store.ArticleQuery{})
	if err != nil || len(arts) == 0 {
		t.Fatalf("articles: %v", err)
	}
	st := stories[0]
	ids := map[string]string{
		"/api/articles/{id}":            arts[0].ID,
		"/api/stories/{id}":             st.ID,
		"/api/stories/{id}/compare":     st.ID,
		"/api/storylines/{id}":          st.StorylineID,
		"/api/storylines/{id}/compare":  st.StorylineID,
		"/api/storylines/{id}/timeline": st.StorylineID,
		"/api/entities/{id}":            ents[0].ID,
	}
	extra := map[string][]string{
		"/api/articles":      {"?limit=2", "?limit=2&offset=4", "?outlet=nobody"},
		"/api/search":        {"?q=Putin", "?q=Putin&limit=1", "?q=nothingmatchesthis", "?q=Putin&limit=1&offset=1"},
		"/api/stories":       {"?limit=1", "?storyline=" + st.StorylineID},
		"/api/storylines":    {"?limit=1"},
		"/api/entities":      {"?kind=person&limit=2", "?q=zzzz"},
		"/api/quotes":        {"?limit=1", "?story=" + st.ID},
		"/api/feeds":         {"?limit=2"},
		"/api/articles/{id}": {"", "#404"},
	}
	var paths []string
	for p := range doc.Paths.Map() {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, tmpl := range paths {
		targets := []string{""}
		if e, ok := extra[tmpl]; ok {
			targets = append(targets, e...)
		}
		for _, suffix := range targets {
			target := strings.ReplaceAll(tmpl, "{id}", ids[tmpl]) + suffix
			if suffix == "#404" {
				target = strings.ReplaceAll(tmpl, "{id}", "0000000000000000")
			}
			t.Run(target, func(t *testing.T) {
				req := httptest.NewRequest(http.MethodGet, target, nil)
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK && suffix != "#404" {
					t.Fatalf("status %d: %s", rec.Code, rec.Body)
				}
				route, params, err := router.FindRoute(req)
				if err != nil {
					t.Fatalf("find route: %v", err)
				}
				in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route}
				if err := openapi3filter.ValidateRequest(ctx, in); err != nil {
					t.Fatalf("request does not match the description: %v", err)
				}
				out := &openapi3filter.ResponseValidationInput{
					RequestValidationInput: in, Status: rec.Code, Header: rec.Header(),
					Body:    io.NopCloser(bytes.NewReader(rec.Body.Bytes())),
					Options: &openapi3filter.Options{IncludeResponseStatus: true},
				}
				if err := openapi3filter.ValidateResponse(ctx, out); err != nil {
					t.Errorf("response does not match the description: %v\n%.600s", err, rec.Body)
				}
			})
		}
	}

	// Every endpoint the index lists is described, and the other way round.
	var index struct {
		Endpoints []struct {
			Path string `json:"path"`
		} `json:"endpoints"`
	}
	if err := json.Unmarshal(fetch(t, srv, "/api/").Body.Bytes(), &index); err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, e := range index.Endpoints {
		listed = append(listed, e.Path)
	}
	listed = append(listed, "/api/")
	slices.Sort(listed)
	if !slices.Equal(listed, paths) {
		t.Errorf("index lists %q\ndescription has %q", listed, paths)
	}
}

func TestAPIListEnvelope(t *testing.T) {
	ts := newTestServer(t, Options{}, fixtureArticles(t)...)
	page := decodeJSON[apiListBody[news.Article]](t, ts, "/api/articles?limit=2&outlet=", http.StatusOK)
	if len(page.Items) != 2 || page.Total == nil || *page.Total != 5 || page.Next != "/api/articles?limit=2&offset=2&outlet=" {
		t.Errorf("first page: %d items, total %v, next %q", len(page.Items), page.Total, page.Next)
	}
	last := decodeJSON[apiListBody[news.Article]](t, ts, "/api/articles?limit=2&offset=4", http.StatusOK)
	if len(last.Items) != 1 || last.Total == nil || *last.Total != 5 || last.Next != "" {
		t.Errorf("last page: %d items, total %v, next %q", len(last.Items), last.Total, last.Next)
	}
	past := decodeJSON[apiListBody[news.Article]](t, ts, "/api/articles?offset=9", http.StatusOK)
	if past.Items == nil || len(past.Items) != 0 || past.Total == nil || *past.Total != 5 {
		t.Errorf("past the end: %+v", past)
	}
	filtered := decodeJSON[apiListBody[news.Article]](t, ts, "/api/articles?limit=1&since=2025-08-01", http.StatusOK)
	if filtered.Total == nil || *filtered.Total != 3 || !strings.Contains(filtered.Next, "since=2025-08-01") {
		t.Errorf("filtered: total %v next %q", *filtered.Total, filtered.Next)
	}
	hits := decodeJSON[apiListBody[map[string]any]](t, ts, "/api/search?q=Ushakov&limit=1", http.StatusOK)
	if len(hits.Items) != 1 || hits.Next != "/api/search?limit=1&offset=1&q=Ushakov" {
		t.Errorf("search page: %+v", hits)
	}
	hits = decodeJSON[apiListBody[map[string]any]](t, ts, "/api/search?q=Ushakov&limit=1&offset=1", http.StatusOK)
	if len(hits.Items) != 1 || hits.Next != "" || hits.Total == nil || *hits.Total != 2 {
		t.Errorf("search last page: %+v", hits)
	}
	v0 := decodeJSON[[]news.Article](t, ts, "/api/v0/articles?limit=2", http.StatusOK)
	if len(v0) != 2 {
		t.Errorf("v0 articles: %d", len(v0))
	}

	an := newAnalysisServer(t, analysedFixture(), Options{})
	lines := decodeJSON[apiListBody[news.Storyline]](t, an, "/api/storylines?limit=1&offset=1", http.StatusOK)
	if lines.Items == nil || len(lines.Items) != 0 || lines.Total == nil || *lines.Total != 1 {
		t.Errorf("storylines past the end: %+v", lines)
	}
	for _, target := range []string{"/api/stories?outlet=Nobody", "/api/entities?q=zzzz", "/api/quotes?speaker=Nobody", "/api/search?q=zzzz"} {
		if body := an.get(t, target).Body.String(); !strings.HasPrefix(body, `{"items":[]`) {
			t.Errorf("%s: %s", target, body)
		}
		v0 := strings.Replace(target, "/api/", "/api/v0/", 1)
		if body := strings.TrimSpace(an.get(t, v0).Body.String()); body != "[]" {
			t.Errorf("%s: %s", v0, body)
		}
	}
}

func TestStorylinesLimit(t *testing.T) {
	f := analysedFixture()
	second := f.storylines[0]
	second.ID, second.Label = "l2", "second line"
	f.storylines = append(f.storylines, second)
	ts := newAnalysisServer(t, f, Options{})
	page := decodeJSON[apiListBody[news.Storyline]](t, ts, "/api/storylines?limit=1", http.StatusOK)
	if len(page.Items) != 1 || page.Total == nil || *page.Total != 2 || page.Next != "/api/storylines?limit=1&offset=1" {
		t.Errorf("storylines?limit=1: %+v", page)
	}
}

func TestAPIReadConventions(t *testing.T) {
	ts := newTestServer(t, Options{}, fixtureArticles(t)...)
	get := func(target string, header map[string]string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, target, nil)
		for k, v := range header {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		ts.srv.ServeHTTP(rec, req)
		return rec
	}
	first := get("/api/articles", nil)
	etag := first.Header().Get("ETag")
	if first.Code != http.StatusOK || !strings.HasPrefix(etag, `W/"`) {
		t.Fatalf("status %d, ETag %q", first.Code, etag)
	}
	if again := get("/api/articles", nil).Header().Get("ETag"); again != etag {
		t.Errorf("ETag changed between equal answers: %q %q", etag, again)
	}
	if other := get("/api/articles?limit=1", nil).Header().Get("ETag"); other == etag {
		t.Error("different answers share an ETag")
	}
	nm := get("/api/articles", map[string]string{"If-None-Match": `"x", ` + etag})
	if nm.Code != http.StatusNotModified || nm.Body.Len() != 0 {
		t.Errorf("If-None-Match: status %d, %d bytes", nm.Code, nm.Body.Len())
	}
	if stale := get("/api/articles", map[string]string{"If-None-Match": `W/"stale"`}); stale.Code != http.StatusOK {
		t.Errorf("stale If-None-Match: %d", stale.Code)
	}
	gz := get("/api/articles", map[string]string{"Accept-Encoding": "br, gzip"})
	if gz.Header().Get("Content-Encoding") != "gzip" || !strings.Contains(gz.Header().Get("Vary"), "Accept-Encoding") {
		t.Fatalf("no gzip: %v", gz.Header())
	}
	zr, err := gzip.NewReader(gz.Body)
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := io.ReadAll(zr)
	if !bytes.Equal(plain, first.Body.Bytes()) {
		t.Error("gzipped body differs from the plain one")
	}
	if gz.Header().Get("ETag") != etag {
		t.Error("gzip changed the (weak) ETag")
	}
	if no := get("/api/articles", map[string]string{"Accept-Encoding": "gzip;q=0"}); no.Header().Get("Content-Encoding") != "" {
		t.Error("gzip sent though refused")
	}
	if e := get("/api/articles/0000000000000000", map[string]string{"Accept-Encoding": "gzip"}); e.Code != http.StatusNotFound || e.Header().Get("ETag") != "" {
		t.Errorf("error answer: %d ETag %q", e.Code, e.Header().Get("ETag"))
	}
}

// FuzzReadConventions sends arbitrary If-None-Match and Accept-Encoding
// headers: the answer is 200 (gzipped only when gzip was accepted) or 304,
// never a panic.
func FuzzReadConventions(f *testing.F) {
	for _, s := range [][2]string{{"", ""}, {"*", "gzip"}, {`W/"x", "y"`, "gzip;q=0"}, {`,,W/`, "GZIP ; q=0.5, br"}, {"\"", ";;;"}} {
		f.Add(s[0], s[1])
	}
	srv := New(newFakeStore(fixtureArticles(f)...), Options{})
	f.Fuzz(func(t *testing.T, inm, ae string) {
		req := httptest.NewRequest(http.MethodGet, "/api/articles", nil)
		req.Header.Set("If-None-Match", inm)
		req.Header.Set("Accept-Encoding", ae)
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusNotModified:
			if rec.Body.Len() != 0 {
				t.Errorf("304 with a body")
			}
		case http.StatusOK:
			if rec.Header().Get("Content-Encoding") == "gzip" && !acceptsGzip(ae) {
				t.Errorf("gzip sent for Accept-Encoding %q", ae)
			}
		default:
			t.Errorf("status %d", rec.Code)
		}
	})
}
