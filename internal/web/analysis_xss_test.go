package web

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// hostileAnalysis is analysedFixture with markup and script URLs in every
// field analysis produces that a reader sees: story titles and terms,
// outlets, storyline labels and actors, quote text, speakers and cues,
// entity names, aliases and kinds.
func hostileAnalysis() *analysisFake {
	f := analysedFixture()
	for i := range f.stories {
		f.stories[i].Title = xssScript + xssImg
		f.stories[i].Terms = []string{xssBreakup, xssJSURL}
		f.stories[i].Outlets = []string{xssBreakup}
	}
	f.storylines[0].Label = xssBreakup
	f.storylines[0].Actors = []string{xssImg}
	f.storylines[0].Terms = []string{xssScript}
	for i := range f.articles {
		f.articles[i].Outlet = xssBreakup
		f.articles[i].Title = xssImg
	}
	for id, an := range f.analyses {
		for i := range an.Quotes {
			an.Quotes[i].Text = xssScript + xssBreakup
			an.Quotes[i].Speaker = xssImg
			an.Quotes[i].Cue = xssJSURL
		}
		f.analyses[id] = an
	}
	f.entities[0].Name = xssBreakup
	f.entities[0].Aliases = []string{xssScript, xssImg}
	f.entities[0].Kind = xssJSURL
	f.entities[0].Titles = []string{xssImg}
	return f
}

// inertSVG says what the one SVG drawing a page may hold looks like.
type inertSVG struct {
	name     string          // "timeline", "chart": for messages
	where    string          // "the timeline": for messages
	path     string          // selector of the drawing's <svg>
	elements map[string]bool // the only elements it uses
	links    []string        // the prefixes its links may start with
}

// timelineSVG is the storyline page's SVG strip; chartSVG the event chart
// of the timeline page.
var (
	timelineSVG = inertSVG{name: "timeline", where: "the timeline", path: "figure.timeline .timeline-scroll > svg",
		elements: map[string]bool{"svg": true, "line": true, "circle": true, "text": true, "a": true, "title": true},
		links:    []string{"/stories/"}}
	// The coverage bars (coverage.go) draw rectangles with a title each.
	coverageSVG = inertSVG{name: "coverage", where: "the coverage bars", path: ".coverage-bar svg.cov-svg",
		elements: map[string]bool{"svg": true, "rect": true, "title": true}}
	chartSVG = inertSVG{name: "chart", where: "the event chart", path: "figure.event-chart .timeline-scroll > svg",
		elements: map[string]bool{"svg": true, "g": true, "line": true, "rect": true, "circle": true, "text": true, "a": true, "title": true},
		links:    []string{"#event-", "#speaker-"}}
)

// assertSVGInert checks that the only <svg> of a page is the drawing d and
// that it holds only its own elements, no handlers or styles and only its
// own links; then removes it so the rest of the page can be checked with
// assertInert.
func assertSVGInert(t *testing.T, target string, doc *goquery.Document, d inertSVG) {
	t.Helper()
	if d.name != coverageSVG.name && doc.Find(coverageSVG.path).Length() > 0 {
		for _, n := range doc.Find(".coverage-bar").Nodes {
			assertSVGInert(t, target, goquery.NewDocumentFromNode(n), coverageSVG)
		}
		doc.Find(coverageSVG.path).Remove()
	}
	svgs := doc.Find("svg")
	if svgs.Length() != svgs.Filter(d.path).Length() {
		t.Errorf("%s: an <svg> outside %s", target, d.where)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if !d.elements[n.Data] {
				t.Errorf("%s: %s holds <%s>", target, d.name, n.Data)
			}
			for _, a := range n.Attr {
				k := strings.ToLower(a.Key)
				if strings.HasPrefix(k, "on") || k == "style" {
					t.Errorf("%s: %s <%s %s=%q>", target, d.name, n.Data, a.Key, a.Val)
				}
				if (k == "href" || strings.HasSuffix(k, ":href")) && !slices.ContainsFunc(d.links, func(p string) bool { return strings.HasPrefix(a.Val, p) }) {
					t.Errorf("%s: %s link %q", target, d.name, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range svgs.Nodes {
		walk(n)
	}
	svgs.Remove()
}

func TestAnalysisXSSInert(t *testing.T) {
	ts := newAnalysisServer(t, hostileAnalysis(), Options{})
	for _, target := range []string{
		"/stories", "/stories?outlet=" + urlQuery(xssBreakup), "/stories/s2", "/stories/s1",
		"/storylines", "/storylines/l1",
		"/entities", "/entities?q=" + urlQuery(xssScript), "/entities/e1",
		"/quotes", "/quotes?speaker=" + urlQuery(xssBreakup),
		"/articles/a1", "/articles/a2",
	} {
		t.Run(target, func(t *testing.T) {
			rec := ts.get(t, target)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d", rec.Code)
			}
			doc := parseRaw(t, rec.Body.String(), "<script", "<img", "<iframe", `<a href="javascript`, "<svg onload")
			assertSVGInert(t, target, doc, timelineSVG)
			assertInert(t, target, doc)
		})
	}

	// The hostile text is shown as text.
	doc := ts.getHTML(t, "/stories/s2", http.StatusOK)
	if got := doc.Find("h1").Text(); got != xssScript+xssImg {
		t.Errorf("story title shown as %q", got)
	}
	if got := doc.Find(".terms .term").First().Text(); got != xssBreakup {
		t.Errorf("term shown as %q", got)
	}
	if got := doc.Find(".quote-text").First().Text(); got != "“"+xssScript+xssBreakup+"”" {
		t.Errorf("quote shown as %q", got)
	}
	if got := doc.Find("a.speaker").First().Text(); got != xssBreakup {
		t.Errorf("speaker shown as %q", got)
	}
	doc = ts.getHTML(t, "/entities/e1", http.StatusOK)
	if got := doc.Find("h1").Text(); got != xssBreakup {
		t.Errorf("entity name shown as %q", got)
	}
	if got := doc.Find(".aliases").Text(); got != xssScript+", "+xssImg {
		t.Errorf("aliases shown as %q", got)
	}
	doc = ts.getHTML(t, "/storylines/l1", http.StatusOK)
	if got := doc.Find("h1").Text(); got != xssBreakup {
		t.Errorf("storyline label shown as %q", got)
	}
	if got := doc.Find("svg title").First().Text(); !strings.Contains(got, xssScript) {
		t.Errorf("timeline title shown as %q", got)
	}

	for _, target := range []string{"/api/stories", "/api/stories/s2", "/api/storylines/l1", "/api/entities", "/api/entities/e1", "/api/quotes"} {
		body := ts.get(t, target).Body.String()
		if strings.ContainsAny(body, "<>") {
			t.Errorf("%s: JSON carries raw < or >", target)
		}
	}
}
