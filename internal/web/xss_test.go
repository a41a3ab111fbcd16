package web

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/parallax-news/parallax/internal/news"
)

// Hostile article content: every field a reader can see carries markup or a
// script URL.
const (
	xssScript  = `<script>alert(1)</script>`
	xssImg     = `<img src=x onerror=alert(2)>`
	xssJSURL   = `javascript:alert(1)`
	xssBreakup = `"></a></p><svg onload=alert(3)><a href="javascript:alert(4)">x</a>`
)

func hostileArticles() []news.Article {
	return []news.Article{
		{
			ID:           "badbadbadbad0001",
			Title:        xssScript + xssImg,
			Outlet:       xssBreakup,
			OriginOutlet: xssImg,
			Republisher:  xssJSURL,
			URL:          xssJSURL,
			Author:       xssScript,
			Published:    time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC),
			Language:     `en"><script>alert(5)</script>`,
			Text:         "First " + xssScript + " paragraph with Ushakov.\n\n" + xssImg + "\n\n" + xssBreakup + " [Ushakov] <iframe src=//evil.example/></iframe>",
			Removed:      []string{xssScript, xssImg, xssBreakup, `<a href="javascript:alert(6)">more</a>`},
			Source:       xssBreakup,
		},
		{
			ID:      "badbadbadbad0002",
			Title:   "Mixed-case scheme",
			Outlet:  "javascript:alert(7)",
			URL:     "  JaVaScRiPt:alert(1)",
			Text:    "Ushakov " + xssScript,
			Removed: []string{"data:text/html,<script>alert(8)</script>"},
		},
		{
			ID:     "badbadbadbad0003",
			Title:  "Data URL",
			Outlet: "x",
			URL:    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
			Text:   "Nothing here but Ushakov.",
		},
	}
}

// parseRaw checks that the raw HTML body holds none of the tags bad, in any
// case (escaped text, "&lt;img onerror=...&gt;", is inert; raw tags are
// not), then parses it.
func parseRaw(t *testing.T, body string, bad ...string) *goquery.Document {
	t.Helper()
	raw := strings.ToLower(body)
	for _, b := range bad {
		if strings.Contains(raw, b) {
			t.Errorf("raw HTML contains %q", b)
		}
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// assertInert fails the test when the parsed page could run anything: a
// script, plugin or frame element, an event-handler attribute, or a URL
// attribute with a script or data scheme.
func assertInert(t *testing.T, target string, doc *goquery.Document) {
	t.Helper()
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "iframe", "object", "embed", "svg", "img", "frame", "base", "math", "style":
				t.Errorf("%s: page contains a <%s> element", target, n.Data)
			}
			for _, a := range n.Attr {
				key := strings.ToLower(a.Key)
				if strings.HasPrefix(key, "on") {
					t.Errorf("%s: <%s> has event handler %s=%q", target, n.Data, a.Key, a.Val)
				}
				switch key {
				case "href", "src", "action", "formaction", "xlink:href", "srcdoc", "style":
					v := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
					if strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "vbscript:") || key == "srcdoc" || key == "style" {
						t.Errorf("%s: <%s %s=%q>", target, n.Data, a.Key, a.Val)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range doc.Nodes {
		walk(n)
	}
}

func TestXSSInert(t *testing.T) {
	ts := newTestServer(t, Options{}, hostileArticles()...)
	targets := []string{
		"/",
		"/?outlet=" + urlQuery(xssBreakup),
		"/articles/badbadbadbad0001",
		"/articles/badbadbadbad0002",
		"/articles/badbadbadbad0003",
		"/search?q=Ushakov",
		"/search?q=" + urlQuery(xssScript),
		"/search?q=" + urlQuery(xssBreakup),
		"/nope" + "%3Cscript%3Ealert(1)%3C/script%3E",
	}
	for _, target := range targets {
		t.Run(target, func(t *testing.T) {
			rec := ts.get(t, target)
			if rec.Code != http.StatusOK && rec.Code != http.StatusNotFound {
				t.Fatalf("status %d", rec.Code)
			}
			doc := parseRaw(t, rec.Body.String(), "<script", "<img", "<svg", "<iframe", "<a href=\"javascript")
			assertInert(t, target, doc)
		})
	}

	// The hostile text is shown, as text: nothing is lost to escaping.
	doc := ts.getHTML(t, "/articles/badbadbadbad0001", http.StatusOK)
	if got := doc.Find("article h1").Text(); got != xssScript+xssImg {
		t.Errorf("title shown as %q", got)
	}
	if got := doc.Find(".removed li").First().Text(); got != xssScript {
		t.Errorf("removed item shown as %q", got)
	}
	if doc.Find("a.source-url").Length() != 0 {
		t.Error("javascript: URL rendered as a link")
	}
	if got := strings.TrimSpace(doc.Find(".source-url").Text()); got != xssJSURL {
		t.Errorf("source URL text %q", got)
	}
	if n := doc.Find(".body p").Length(); n != 3 {
		t.Errorf("%d paragraphs, want 3 (markup must not break the structure)", n)
	}
	for _, id := range []string{"badbadbadbad0002", "badbadbadbad0003"} {
		if doc := ts.getHTML(t, "/articles/"+id, http.StatusOK); doc.Find("a.source-url").Length() != 0 {
			t.Errorf("%s: non-http URL rendered as a link", id)
		}
	}

	// The JSON API escapes markup characters too.
	for _, target := range []string{"/api/articles", "/api/articles/badbadbadbad0001", "/api/search?q=Ushakov"} {
		body := ts.get(t, target).Body.String()
		if strings.ContainsAny(body, "<>") {
			t.Errorf("%s: JSON carries raw < or >", target)
		}
	}
}
