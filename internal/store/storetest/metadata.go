package storetest

import (
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// testFillMetadata: a second copy of a stored article fills in the title,
// author and date the stored copy lacked (an estimated date gives way to
// a real one), says which articles changed and whose date did, and never
// erases or replaces a value.
func testFillMetadata(t *testing.T, open Open) {
	s := open(t)
	f, ok := s.(store.MetadataFiller)
	if !ok {
		t.Fatalf("%T does not fill metadata", s)
	}
	when := day(2025, 12, 2, 9*time.Hour)
	bare := article("bare", time.Time{})
	bare.Title, bare.Author = "", ""
	guessed := article("guessed", day(2025, 12, 1, 0))
	guessed.PublishedEstimated = true
	full := article("full", when)
	put(t, s, bare, guessed, full)

	richer := func(id string) news.Article {
		a := article(id, when)
		a.Title, a.Author = "Better title "+id, "Better author"
		return a
	}
	emptied := full
	emptied.Title, emptied.Author, emptied.Published = "", "", time.Time{}
	batch := []news.Article{richer("bare"), richer("guessed"), richer("full"), emptied, richer("unknown")}
	got, err := f.FillMetadata(t.Context(), batch)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Filled{{ID: "bare", Dated: true}, {ID: "guessed", Dated: true}}
	if !slices.Equal(got, want) {
		t.Errorf("FillMetadata = %v, want %v", got, want)
	}
	for _, tc := range []struct {
		id, title, author string
		published         time.Time
	}{
		{"bare", "Better title bare", "Better author", when},
		{"guessed", "Title of guessed", "Author", when}, // only the date was missing (estimated)
		{"full", "Title of full", "Author", when},       // never replaced, never erased
	} {
		a, err := s.Article(t.Context(), tc.id)
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != tc.title || a.Author != tc.author || !a.Published.Equal(tc.published) || a.PublishedEstimated {
			t.Errorf("%s: title %q author %q published %v (estimated %v); want %q %q %v", tc.id, a.Title, a.Author, a.Published, a.PublishedEstimated, tc.title, tc.author, tc.published)
		}
	}
	if ok, _ := s.HasArticle(t.Context(), "unknown"); ok {
		t.Error("FillMetadata stored an article that was not stored")
	}
	// A second pass has nothing left to fill.
	if got, err := f.FillMetadata(t.Context(), batch); err != nil || len(got) != 0 {
		t.Errorf("second FillMetadata = %v, %v; want nothing", got, err)
	}
}
