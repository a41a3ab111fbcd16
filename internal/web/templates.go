package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// navItem is one entry of the navigation bar.
type navItem struct {
	Key   string // matches page.Nav to mark the current section
	Label string
	Path  string
}

// navItems is the navigation bar, in order. A new section (stories,
// storylines, entities, quotes, outlets, feeds, timeline) adds its entry
// here and its route in routes.go.
var navItems = []navItem{
	{Key: "stories", Label: "Stories", Path: "/stories"},
	{Key: "storylines", Label: "Storylines", Path: "/storylines"},
	{Key: "articles", Label: "Articles", Path: "/"},
	{Key: "entities", Label: "Entities", Path: "/entities"},
	{Key: "quotes", Label: "Quotes", Path: "/quotes"},
	{Key: "search", Label: "Search", Path: "/search"},
	{Key: "feeds", Label: "Feeds", Path: "/feeds"},
}

// pageNames are the page templates; each is parsed together with
// layout.html, which defines "layout" and calls the page's "content", and
// the partials in templates/_*.html, which any page may call.
var pageNames = []string{"article_list", "article_show", "search", "error",
	"story_list", "story_show", "storyline_list", "storyline_show",
	"entity_list", "entity_show", "quote_list", "feeds",
	"compare", "storyline_timeline"}

func parsePages(fsys fs.FS, funcs template.FuncMap) (map[string]*template.Template, error) {
	base, err := template.New("layout.html").Funcs(funcs).ParseFS(fsys, "templates/layout.html", "templates/_*.html")
	if err != nil {
		return nil, fmt.Errorf("parse layout: %w", err)
	}
	pages := make(map[string]*template.Template, len(pageNames))
	for _, name := range pageNames {
		t, err := base.Clone()
		if err != nil {
			return nil, fmt.Errorf("clone layout for %s: %w", name, err)
		}
		if _, err := t.ParseFS(fsys, "templates/"+name+".html"); err != nil {
			return nil, fmt.Errorf("parse page %s: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

func (s *Server) funcs() template.FuncMap {
	return template.FuncMap{
		"asset":        s.assetURL,
		"date":         formatDate,
		"isoDate":      isoDate,
		"httpURL":      httpURL,
		"paragraphs":   news.Paragraphs,
		"headline":     news.DisplayTitle,
		"atomFeed":     atomFeedOf,
		"coverage":     s.coverageOf,
		"articleTitle": s.articleTitle,
		"mark":         markSnippet,
		"excerpt":      excerpt,
		"language":     languageName,
		"langTag":      langTag,
		"navItems":     func() []navItem { return navItems },
		"plural":       plural,
		"count":        countOf,
		"span":         dateSpan,
		"outlet":       s.outletName,
		"credit":       articleCredit,
		"listForm":     newListForm,
		"mentionAs":    mentionAs,
		"add":          func(a, b int) int { return a + b },
		"sub":          func(a, b int) int { return a - b },
		"kindName":     kindName,
		"percent":      percent,
		"pctStep":      pctStep,
		"claims":       claims,
		"addf":         func(a, b float64) float64 { return a + b },
		"subf":         func(a, b float64) float64 { return a - b },
	}
}

// mentionAs returns the words a quote's speaker was named by where the
// quote stands ("the vice president", "a senior official", "Sergei Lavrov"
// for Sergey Lavrov) when they tell the reader more than the speaker's name
// does, else "": not for pronouns, nor for the name or a part of it.
func mentionAs(name, mention string) string {
	m := strings.TrimSpace(mention)
	bare := strings.TrimPrefix(strings.ToLower(m), "the ")
	if bare == "" || pronouns[bare] || strings.Contains(strings.ToLower(name), bare) {
		return ""
	}
	return m
}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "i": true, "we": true,
	"him": true, "her": true, "them": true, "you": true}

// assetURL returns the URL of an embedded static file with a content hash
// query, so that browsers may cache it for long.
func (s *Server) assetURL(name string) string {
	if u, ok := s.assets[name]; ok {
		return u
	}
	return "/static/" + name
}

func assetVersions(fsys fs.FS) (map[string]string, error) {
	out := make(map[string]string)
	err := fs.WalkDir(fsys, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		name := strings.TrimPrefix(p, "static/")
		out[name] = "/static/" + name + "?v=" + hex.EncodeToString(sum[:5])
		return nil
	})
	return out, err
}

// staticHandler serves the embedded static files under /static/, without
// directory listings. Versioned URLs (?v=) are cached for a year.
func staticHandler(fsys fs.FS) http.Handler {
	sub, err := fs.Sub(fsys, "static")
	if err != nil {
		panic(fmt.Sprintf("web: static sub-tree: %v", err))
	}
	files := http.StripPrefix("/static", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/static/")
		if strings.HasSuffix(r.URL.Path, "/") || name == "" || name == "/static" {
			http.NotFound(w, r)
			return
		}
		if st, err := fs.Stat(sub, name); err != nil || st.IsDir() {
			http.NotFound(w, r)
			return
		}
		if r.URL.Query().Get("v") != "" {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "public, max-age=300")
		}
		files.ServeHTTP(w, r)
	})
}

// formatDate renders a publication date for readers; "" for the zero time.
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2 January 2006")
}

// isoDate renders a date for <time datetime>; "" for the zero time.
func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

// httpURL returns raw, normalised, when it is an absolute http or https URL
// with a host, and "" otherwise: only such URLs are rendered as links.
func httpURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || strings.ContainsAny(raw, " \t\r\n\x00") {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	if u.Host == "" || u.User != nil {
		return ""
	}
	return u.String()
}

// markSnippet turns a store snippet, plain text with matched terms wrapped in
// "[" and "]", into HTML: the text is escaped first, then each bracketed run
// becomes <mark>. An unclosed "[" is closed at the end; a "]" with no open
// "[" is kept as text. The result never holds any other tag.
func markSnippet(snippet string) template.HTML {
	var b strings.Builder
	open := false
	start := 0
	flush := func(end int) {
		b.WriteString(template.HTMLEscapeString(snippet[start:end]))
	}
	for i := 0; i < len(snippet); i++ {
		switch snippet[i] {
		case '[':
			if open {
				continue
			}
			flush(i)
			b.WriteString("<mark>")
			open = true
			start = i + 1
		case ']':
			if !open {
				continue
			}
			flush(i)
			b.WriteString("</mark>")
			open = false
			start = i + 1
		}
	}
	flush(len(snippet))
	if open {
		b.WriteString("</mark>")
	}
	return template.HTML(b.String()) //nolint:gosec // built from escaped text and fixed tags only
}

// excerpt returns about n runes from the start of text, cut at a word
// boundary, with "…" when text was cut.
func excerpt(text string, n int) string {
	// Only the start matters: a rune is at most 4 bytes, and whitespace runs
	// collapse, so look at a bounded prefix of long texts.
	if limit := 8*n + 64; len(text) > limit {
		for limit > 0 && !utf8.RuneStart(text[limit]) {
			limit--
		}
		text = text[:limit]
	}
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	cut := 0
	for i := range text {
		if n == 0 {
			cut = i
			break
		}
		n--
	}
	if sp := strings.LastIndexByte(text[:cut], ' '); sp > cut/2 {
		cut = sp
	}
	return strings.TrimRight(text[:cut], " ,;:.-—") + "…"
}

var languageNames = map[string]string{
	"en": "English", "uk": "Ukrainian", "ru": "Russian", "de": "German",
	"fr": "French", "es": "Spanish", "it": "Italian", "pl": "Polish",
	"pt": "Portuguese", "nl": "Dutch", "ar": "Arabic", "zh": "Chinese",
	"ja": "Japanese", "tr": "Turkish", "be": "Belarusian", "ro": "Romanian",
}

// langTag returns code when it looks like a BCP 47 tag ("en", "pt-BR"),
// for a lang attribute, and "" otherwise.
func langTag(code string) string {
	if len(code) < 2 || len(code) > 12 {
		return ""
	}
	for i := 0; i < len(code); i++ {
		c := code[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return ""
		}
	}
	return code
}

// languageName names an ISO 639-1 code for readers, or returns the code.
func languageName(code string) string {
	if n, ok := languageNames[strings.ToLower(code)]; ok {
		return n
	}
	return code
}

// plural returns "1 article" or "3 articles".
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// countOf returns "1 story" or "3 stories": n with the singular or plural.
func countOf(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// credit is whom an article is credited to: Lead is the outlet that first
// published it (the origin outlet when known, else the outlet it was read
// from) and Via the outlet that passed it on, when different.
type credit struct {
	Lead string
	Via  string
}

func articleCredit(a news.Article) credit {
	c := credit{Lead: a.Outlet}
	if a.OriginOutlet != "" {
		c.Lead = a.OriginOutlet
	}
	switch {
	case a.Republisher != "" && a.Republisher != c.Lead:
		c.Via = a.Republisher
	case a.Outlet != c.Lead:
		c.Via = a.Outlet
	}
	return c
}
