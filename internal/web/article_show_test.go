package web

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// TestArticleLongTextInParts: a multi-megabyte one-line article is shown in
// parts of bounded size linked to each other, every part together giving
// the whole text; the page says how much of it the analysis read; a short
// article is one part with neither.
func TestArticleLongTextInParts(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 3<<20; i++ {
		fmt.Fprintf(&b, "Inspectors logged girder %d of the harbour bridge as sound. ", i)
	}
	text := strings.TrimSpace(b.String())
	f := analysedFixture()
	f.articles = append(f.articles, news.Article{ID: "big", Title: "Girder log", Outlet: "Dump Daily",
		Published: day("2025-08-28"), Text: text})
	f.analyses["big"] = store.ArticleAnalysis{ArticleID: "big", StoryID: "s2", AnalysedChars: 199_990}
	ts := newAnalysisServer(t, f, Options{})

	t0 := time.Now()
	rec := ts.get(t, "/articles/big")
	if rec.Code != http.StatusOK || rec.Body.Len() > 200_000 {
		t.Fatalf("first part: status %d, %d bytes; want 200 and a bounded page", rec.Code, rec.Body.Len())
	}
	doc := ts.getHTML(t, "/articles/big", http.StatusOK)
	parts := len(textParts(text, articlePartChars))
	if parts < len(text)/articlePartChars {
		t.Fatalf("%d parts for %d bytes", parts, len(text))
	}
	if got := doc.Find(".analysis-bound").Text(); !strings.Contains(got, "199990") {
		t.Errorf("analysis note %q; want the 199990 characters read", got)
	}
	nav := doc.Find("nav.article-parts").First()
	if want := fmt.Sprintf("Part 1 of %d", parts); !strings.Contains(nav.Text(), want) {
		t.Errorf("parts nav %q; want %q", nav.Text(), want)
	}
	if got := hrefs(nav.Find("a")); !slices.Equal(got, []string{"/articles/big?part=2"}) {
		t.Errorf("first part links %q", got)
	}
	var whole []string
	for p := 1; p <= parts; p++ {
		doc := ts.getHTML(t, fmt.Sprintf("/articles/big?part=%d", p), http.StatusOK)
		whole = append(whole, texts(doc.Find(".body p"))...)
		if p == parts {
			if got := hrefs(doc.Find("nav.article-parts").First().Find("a")); !slices.Equal(got, []string{fmt.Sprintf("/articles/big?part=%d", p-1)}) {
				t.Errorf("last part links %q", got)
			}
		}
	}
	if got := strings.Join(whole, " "); got != text {
		t.Errorf("the parts give %d bytes; want the whole %d", len(got), len(text))
	}
	if d := time.Since(t0); d > 20*time.Second {
		t.Errorf("%d parts took %v", parts, d)
	}
	for _, bad := range []string{"0", "-1", "x", fmt.Sprint(parts + 1)} {
		ts.getHTML(t, "/articles/big?part="+bad, http.StatusNotFound)
	}

	doc = ts.getHTML(t, "/articles/a1", http.StatusOK)
	if doc.Find(".analysis-bound").Length() != 0 || doc.Find("nav.article-parts").Length() != 0 {
		t.Errorf("a short article shows a bound note or parts")
	}
}

func TestTextParts(t *testing.T) {
	tests := []struct {
		text string
		max  int
		want []string
	}{
		{"", 10, []string{""}},
		{"Short one.", 10, []string{"Short one."}},
		{"One two three. Four", 16, []string{"One two three.", "Four"}},
		{"Para one here.\n\nTwo", 17, []string{"Para one here.", "Two"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
	}
	for _, tt := range tests {
		if got := textParts(tt.text, tt.max); !slices.Equal(got, tt.want) {
			t.Errorf("textParts(%q, %d) = %q; want %q", tt.text, tt.max, got, tt.want)
		}
	}
}

// TestArticleSummaryNote: an article that holds only its feed summary
// says so on its page and in the API (text_source); others say nothing.
func TestArticleSummaryNote(t *testing.T) {
	f := analysedFixture()
	f.articles = append(f.articles, news.Article{ID: "sum", Title: "Ferry line resumes", Outlet: "Harbour News",
		URL: "https://harbour.example/ferry", Published: day("2025-08-28"), Text: "Ferry line 3 is to resume.",
		TextSource: news.TextSummary})
	ts := newAnalysisServer(t, f, Options{})
	doc := ts.getHTML(t, "/articles/sum", http.StatusOK)
	note := doc.Find(".text-summary")
	if !strings.Contains(note.Text(), "Only the summary") || !slices.Equal(hrefs(note.Find("a")), []string{"https://harbour.example/ferry"}) {
		t.Errorf("summary note %q", note.Text())
	}
	if doc := ts.getHTML(t, "/articles/a1", http.StatusOK); doc.Find(".text-summary").Length() != 0 {
		t.Error("an article with its own text shows the summary note")
	}
	rec := ts.get(t, "/api/articles/sum")
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"text_source":"summary"`) {
		t.Errorf("/api/articles/sum: %d %s", rec.Code, rec.Body.String())
	}
}
