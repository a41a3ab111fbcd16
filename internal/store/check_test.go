package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

func TestCheckArticle(t *testing.T) {
	ok := news.Article{ID: "a", Title: "Ушаков", Text: "Text.", Removed: []string{"Share"},
		Published: time.Date(2025, 7, 3, 0, 0, 0, 0, time.UTC)}
	if err := CheckArticle(&ok); err != nil {
		t.Fatalf("CheckArticle of a valid article: %v", err)
	}
	cases := []struct {
		name string
		edit func(*news.Article)
		want string // in the error
	}{
		{"empty ID", func(a *news.Article) { a.ID = "" }, "empty article ID"},
		{"NUL in text", func(a *news.Article) { a.Text = "a\x00b" }, "text: invalid: NUL byte at offset 1"},
		{"bad UTF-8 in title", func(a *news.Article) { a.Title = "\xff" }, "title: invalid: not valid UTF-8"},
		{"bad removed", func(a *news.Article) { a.Removed = []string{"x", "\x00"} }, "removed[1]:"},
		{"year 0", func(a *news.Article) { a.Published = time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC) }, "published: invalid: time"},
		{"year 10000", func(a *news.Article) { a.IngestedAt = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }, "ingested_at: invalid: time"},
	}
	for _, tc := range cases {
		a := ok
		tc.edit(&a)
		err := CheckArticle(&a)
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", tc.name, err)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %q does not say %q", tc.name, err, tc.want)
		}
	}
	if err := CheckTime(time.Time{}); err != nil {
		t.Errorf("CheckTime of the zero time: %v", err)
	}
}
