package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// FuzzMarkSnippet checks that any snippet becomes HTML whose only tags are
// balanced <mark> pairs and whose text is the snippet without the markers
// that were used.
func FuzzMarkSnippet(f *testing.F) {
	for _, s := range []string{"", "a [b] c", "[<script>]", "]]][[[", "x [y", "&amp; [&lt;]", "\x00[\xff]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := string(markSnippet(s))
		z := html.NewTokenizer(strings.NewReader(out))
		depth := 0
		var text strings.Builder
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			tok := z.Token()
			switch tt {
			case html.TextToken:
				text.WriteString(tok.Data)
			case html.StartTagToken:
				if tok.Data != "mark" || len(tok.Attr) != 0 || depth != 0 {
					t.Fatalf("markSnippet(%q) = %q: unexpected <%s>", s, out, tok.Data)
				}
				depth++
			case html.EndTagToken:
				if tok.Data != "mark" || depth != 1 {
					t.Fatalf("markSnippet(%q) = %q: unexpected </%s>", s, out, tok.Data)
				}
				depth--
			default:
				t.Fatalf("markSnippet(%q) = %q: unexpected token %v", s, out, tt)
			}
		}
		if depth != 0 {
			t.Fatalf("markSnippet(%q) = %q: unbalanced", s, out)
		}
		// Every character of the input survives except the brackets. (The
		// tokenizer rewrites NUL and CR, so those inputs skip this check.)
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\x00\r") {
			return
		}
		strip := func(r rune) rune {
			if r == '[' || r == ']' {
				return -1
			}
			return r
		}
		if got, want := strings.Map(strip, text.String()), strings.Map(strip, s); got != want {
			t.Fatalf("markSnippet(%q): text %q, want %q", s, got, want)
		}
	})
}

// FuzzHTTPURL checks that only absolute http(s) URLs with a host pass.
func FuzzHTTPURL(f *testing.F) {
	for _, s := range []string{"https://a.example/x", "javascript:alert(1)", " http://b", "//c", "HTTP://D/", "http://u@e/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := httpURL(s)
		if got == "" {
			return
		}
		u, err := url.Parse(got)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
			t.Fatalf("httpURL(%q) = %q passes", s, got)
		}
	})
}

// FuzzPages sends arbitrary query strings to the pages and the API: no
// request may fail with a server error or produce executable markup.
func FuzzPages(f *testing.F) {
	for _, s := range []string{"", "q=Ushakov", "page=2", "page=-1", "outlet=%3Cscript%3E", "limit=0&offset=x", "q=%22%22", "q=%5B%5D"} {
		f.Add("/", s)
		f.Add("/search", s)
		f.Add("/api/articles", s)
		f.Add("/api/search", s)
	}
	f.Add("/articles/a1b2c3d4e5f60001", "")
	f.Add("/articles/%00", "")
	srv := New(newFakeStore(hostileArticles()...), Options{PageSize: 2})
	f.Fuzz(func(t *testing.T, path, query string) { fuzzGet(t, srv, path, query) })
}

// fuzzGet serves GET path?query, when it makes a request at all: no
// request may fail with a server error or carry a script tag.
func fuzzGet(t *testing.T, srv http.Handler, path, query string) {
	t.Helper()
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
}
