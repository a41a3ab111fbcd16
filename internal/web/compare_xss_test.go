package web

import (
	"fmt"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/parallax-news/parallax/internal/news"
)

// hostileViews is hostileAnalysis with dated, hostile article texts: what
// the timeline, the comparison and the briefing are built from.
func hostileViews() *analysisFake {
	f := hostileAnalysis()
	for i := range f.articles {
		a := &f.articles[i]
		a.Text = "On Aug. 20, envoys met in Kiev " + xssScript + " and said " + xssBreakup + ". " +
			fmt.Sprintf("Ukrainian officials said Russia launched exactly %d drones %s at Odesa on Aug. 21.", 40+i, xssImg) +
			" Kyiv " + xssJSURL + " denied it."
		a.URL = xssJSURL
		an := f.analyses[a.ID]
		an.ArticleID = a.ID
		for _, tx := range []struct{ text, value string }{{"Aug. 20", "2025-08-20"}, {"Aug. 21", "2025-08-21"}} {
			start := strings.Index(a.Text, tx.text)
			an.Timexes = append(an.Timexes, news.Timex{Text: tx.text, Start: start, End: start + len(tx.text), Type: "DATE", Value: tx.value, Resolved: true})
		}
		f.analyses[a.ID] = an
	}
	f.articles[3].Outlet = xssScript // a second hostile outlet, so there is something to compare
	return f
}

func TestViewsXSSInert(t *testing.T) {
	f := hostileViews()
	srv := New(f, Options{})
	for _, tc := range []struct {
		path  string
		chart bool
		check func(t *testing.T, doc *goquery.Document)
	}{
		{path: "/stories/s2/compare", check: func(t *testing.T, doc *goquery.Document) {
			if doc.Find(".compare-col").Length() < 2 {
				t.Errorf("hostile outlets not compared: %d columns", doc.Find(".compare-col").Length())
			}
			// The drone counts differ: a disagreement with both sentences,
			// each linked to its article.
			d := doc.Find(".disagreement").First()
			claims := d.Find("blockquote.claim")
			if claims.Length() != 2 {
				t.Fatalf("disagreement shows %d claims, want 2", claims.Length())
			}
			claims.Each(func(_ int, c *goquery.Selection) {
				if !strings.Contains(c.Find("p").Text(), "drones") {
					t.Errorf("claim sentence %q", c.Find("p").Text())
				}
				if h := hrefs(c.Find("footer a")); len(h) != 1 || !strings.HasPrefix(h[0], "/articles/a") {
					t.Errorf("claim links %q", h)
				}
			})
		}},
		{path: "/storylines/l1/compare", check: func(t *testing.T, doc *goquery.Document) {
			if !strings.Contains(doc.Find(".naming-summary").Text(), "Kiev") {
				t.Error("naming of the hostile texts not shown")
			}
		}},
		{path: "/storylines/l1/timeline", chart: true, check: func(t *testing.T, doc *goquery.Document) {
			if !strings.Contains(doc.Find(".event-list").Text(), xssScript) {
				t.Error("hostile event text not shown as text")
			}
			if doc.Find(".actor").Length() == 0 {
				t.Error("hostile speaker not listed")
			}
			if doc.Find("a.ext").Length() != 0 {
				t.Error("javascript: article URL rendered as a link")
			}
		}},
	} {
		t.Run(tc.path, func(t *testing.T) {
			doc := fetchDoc(t, srv, tc.path)
			if tc.chart {
				if doc.Find("figure.event-chart svg a.ev").Length() == 0 {
					t.Fatal("no chart marks for the hostile events")
				}
				assertSVGInert(t, tc.path, doc, chartSVG)
			}
			assertInert(t, tc.path, doc)
			tc.check(t, doc)
		})
	}
	t.Run("brief html", func(t *testing.T) {
		rec := fetch(t, srv, "/storylines/l1/brief?format=html")
		if rec.Code != 200 {
			t.Fatalf("status %d", rec.Code)
		}
		doc, err := goquery.NewDocumentFromReader(rec.Body)
		if err != nil {
			t.Fatal(err)
		}
		doc.Find("style").Remove() // the briefing's own inline styles, which its CSP allows
		assertInert(t, "brief", doc)
		if csp := rec.Header().Get("Content-Security-Policy"); strings.Contains(csp, "script") && !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("brief CSP %q", csp)
		}
	})
	t.Run("api", func(t *testing.T) {
		for _, p := range []string{"/api/storylines/l1/timeline", "/api/storylines/l1/compare", "/api/stories/s2/compare"} {
			rec := fetch(t, srv, p)
			if rec.Code != 200 {
				t.Fatalf("%s: status %d", p, rec.Code)
			}
			if body := rec.Body.String(); strings.Contains(body, "<script") || strings.Contains(body, "<img") {
				t.Errorf("%s: unescaped markup in JSON", p)
			}
		}
	})
}
