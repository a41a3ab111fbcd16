package web

import (
	"context"
	"encoding/csv"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/brief"
	"github.com/parallax-news/parallax/internal/store"
)

// TestStorylineCSV downloads the three exports the storyline page links to
// over the analysed seeds and checks them against what the storyline has.
func TestStorylineCSV(t *testing.T) {
	db := seededDB(t)
	srv := New(db, Options{})
	ctx := context.Background()
	stories, err := db.Stories(ctx, store.StoryQuery{Limit: 100})
	if err != nil || len(stories) == 0 {
		t.Fatalf("stories: %v", err)
	}
	line := stories[0].StorylineID
	in, err := brief.Gather(ctx, db, line)
	if err != nil {
		t.Fatal(err)
	}
	doc := fetchDoc(t, srv, "/storylines/"+line)
	links := hrefs(doc.Find(".export-links a"))
	want := []string{"/storylines/" + line + "/articles.csv", "/storylines/" + line + "/quotes.csv", "/storylines/" + line + "/timeline.csv"}
	if !slices.Equal(links, want) {
		t.Fatalf("export links %q, want %q", links, want)
	}
	counts := map[string]int{"articles.csv": len(in.Docs), "quotes.csv": len(in.Quotes)}
	for _, link := range links {
		rec := fetch(t, srv, link)
		if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "text/csv; charset=utf-8" ||
			!strings.HasPrefix(rec.Header().Get("Content-Disposition"), "attachment;") {
			t.Fatalf("%s: %d %v", link, rec.Code, rec.Header())
		}
		rows, err := csv.NewReader(rec.Body).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", link, err)
		}
		name := link[strings.LastIndex(link, "/")+1:]
		if n, ok := counts[name]; ok && len(rows)-1 != n {
			t.Errorf("%s: %d rows, want %d", name, len(rows)-1, n)
		}
		if len(rows) < 2 {
			t.Errorf("%s: no data rows", name)
			continue
		}
		for i, row := range rows[1:] {
			if len(row) != len(rows[0]) || row[0] == "" {
				t.Errorf("%s row %d: %q", name, i, row)
			}
		}
		if name == "articles.csv" {
			title := slices.Index(rows[0], "title")
			for _, row := range rows[1:] {
				if row[title] == "" || row[title] == "Untitled article" {
					t.Errorf("article row without a title: %q", row)
				}
			}
		}
	}
	if rec := fetch(t, srv, "/storylines/nope/quotes.csv"); rec.Code != http.StatusNotFound {
		t.Errorf("unknown storyline: %d", rec.Code)
	}
}
