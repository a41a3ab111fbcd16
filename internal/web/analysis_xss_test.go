package web

import (
	"net/http"
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

// timelineElements are the only elements the storyline's SVG strip uses.
var timelineElements = map[string]bool{"svg": true, "line": true, "circle": true, "text": true, "a": true, "title": true}

// assertTimelineInert checks the SVG strip of a storyline page holds only
// its own elements, no handlers and only site-relative links, then removes
// it so the rest of the page can be checked with assertInert.
func assertTimelineInert(t *testing.T, target string, doc *goquery.Document) {
	t.Helper()
	svgs := doc.Find("svg")
	if svgs.Length() != svgs.Filter("figure.timeline .timeline-scroll > svg").Length() {
		t.Errorf("%s: an <svg> outside the timeline", target)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if !timelineElements[n.Data] {
				t.Errorf("%s: timeline holds <%s>", target, n.Data)
			}
			for _, a := range n.Attr {
				k := strings.ToLower(a.Key)
				if strings.HasPrefix(k, "on") || k == "style" {
					t.Errorf("%s: timeline <%s %s=%q>", target, n.Data, a.Key, a.Val)
				}
				if (k == "href" || strings.HasSuffix(k, ":href")) && !strings.HasPrefix(a.Val, "/stories/") {
					t.Errorf("%s: timeline link %q", target, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	svgs.Each(func(_ int, s *goquery.Selection) {
		for _, n := range s.Nodes {
			walk(n)
		}
	})
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
			raw := strings.ToLower(rec.Body.String())
			for _, bad := range []string{"<script", "<img", "<iframe", `<a href="javascript`, "<svg onload"} {
				if strings.Contains(raw, bad) {
					t.Errorf("raw HTML contains %q", bad)
				}
			}
			doc, err := goquery.NewDocumentFromReader(strings.NewReader(rec.Body.String()))
			if err != nil {
				t.Fatal(err)
			}
			assertTimelineInert(t, target, doc)
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
