package brief

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/parallax-news/parallax/internal/timeline"
)

// unescapedScriptLink matches a Markdown link to a script URL: "](" with
// the bracket not escaped.
var unescapedScriptLink = regexp.MustCompile(`(?i)(^|[^\\])\]\(\s*javascript:`)

// FuzzRender feeds outside text (titles, quotes, outlet names, URLs) to the
// renderers: the HTML must stay inert and the Markdown free of raw markup.
func FuzzRender(f *testing.F) {
	f.Add("label", "Title <b>x</b>", "quote", "Speaker", "Outlet", "https://a.example/x")
	f.Add(`"><script>alert(1)</script>`, "[x](javascript:alert(1))", "*bold* _it_ `code`", "|pipe|", "<img src=x onerror=y>", "javascript:alert(1)")
	f.Add("# head", "\n\n- list", "> quote\n> more", "a\\b", "ümlaut ✓", "http://x.example/(a)")
	f.Fuzz(func(t *testing.T, label, title, quote, speaker, outletName, url string) {
		day := time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC)
		b := Briefing{
			ID: "l1", Label: label,
			Stories: []Story{{ID: "s1", Title: title, Outlets: []string{outletName}, Articles: 1}},
			Timeline: []timeline.Event{{Date: "2025-03-10", Precision: "day", Start: day, End: day.AddDate(0, 0, 1), Text: quote,
				Sources: []timeline.Source{{ArticleID: "a1", Outlet: outletName, Sentence: quote}}}},
			Quotes:        []Quote{{Speaker: speaker, Text: quote, Outlet: outletName, ArticleID: "a1", URL: url}},
			Outlets:       []Outlet{{Name: outletName, Articles: 1, Voices: []Voice{{Speaker: speaker, Quotes: 1}}}},
			Disagreements: []Disagreement{{Kind: "date", Topic: title, Claims: []Claim{{Outlet: outletName, Text: quote, ArticleID: "a1", Value: label}}}},
			Checked:       []string{speaker},
			Articles:      []Article{{ID: "a1", Title: title, Outlet: outletName, URL: url}},
		}
		var buf bytes.Buffer
		if err := b.WriteHTML(&buf); err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(&buf)
		if err != nil {
			t.Fatal(err)
		}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				switch n.Data {
				case "script", "img", "iframe", "object", "embed", "link", "base", "form", "svg", "math":
					t.Fatalf("<%s> element from input", n.Data)
				}
				for _, a := range n.Attr {
					if a.Key == "src" || strings.HasPrefix(a.Key, "on") {
						t.Fatalf("%s attribute from input", a.Key)
					}
					if a.Key == "href" && !strings.HasPrefix(a.Val, "#") && !strings.HasPrefix(strings.ToLower(a.Val), "http") {
						t.Fatalf("href %q", a.Val)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)

		buf.Reset()
		if err := b.WriteMarkdown(&buf); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(buf.String(), "<") {
			t.Fatalf("raw < in markdown:\n%s", buf.String())
		}
		if unescapedScriptLink.MatchString(buf.String()) {
			t.Fatalf("script link in markdown:\n%s", buf.String())
		}
	})
}
