package store

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

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

func TestBoundArticle(t *testing.T) {
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	long := strings.Repeat("Минск talks ", 100_000) // 1.3 MB
	cases := []struct {
		name      string
		in        news.Article
		notes     int
		title     string // "" means unchanged
		published time.Time
	}{
		{"within bounds", news.Article{Title: "Talks", Outlet: "Reuters", Published: now}, 0, "", now},
		{"an hour ahead", news.Article{Published: now.Add(time.Hour)}, 0, "", now.Add(time.Hour)},
		{"23 hours ahead", news.Article{Published: now.Add(23 * time.Hour)}, 0, "", now.Add(23 * time.Hour)},
		{"year 9999", news.Article{Published: time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), PublishedEstimated: true}, 1, "", time.Time{}},
		{"two days ahead", news.Article{Published: now.Add(48 * time.Hour)}, 1, "", time.Time{}},
		{"1 MB title and outlet", news.Article{Title: long, Outlet: long[:100_000], Republisher: long}, 3, "cut", time.Time{}},
		{"no space to cut at", news.Article{Title: strings.Repeat("ж", 600)}, 1, strings.Repeat("ж", 499) + "…", time.Time{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := tc.in
			notes := BoundArticle(&a, now)
			if len(notes) != tc.notes {
				t.Errorf("notes = %q, want %d", notes, tc.notes)
			}
			if !a.Published.Equal(tc.published) {
				t.Errorf("published = %v, want %v", a.Published, tc.published)
			}
			if tc.published.IsZero() && a.PublishedEstimated {
				t.Error("dropped date still marked estimated")
			}
			for _, s := range []string{a.Title, a.Outlet, a.OriginOutlet, a.Republisher} {
				if !utf8.ValidString(s) {
					t.Errorf("cut string not valid UTF-8: %q", s)
				}
			}
			if n := utf8.RuneCountInString(a.Title); n > MaxTitleRunes {
				t.Errorf("title of %d runes", n)
			}
			if n := utf8.RuneCountInString(a.Outlet); n > MaxNameRunes {
				t.Errorf("outlet of %d runes", n)
			}
			switch tc.title {
			case "":
				if a.Title != tc.in.Title {
					t.Errorf("title changed to %q", a.Title)
				}
			case "cut":
				if !strings.HasSuffix(a.Title, "talks…") && !strings.HasSuffix(a.Title, "Минск…") {
					t.Errorf("title not cut at a word: ...%q", a.Title[len(a.Title)-30:])
				}
			default:
				if a.Title != tc.title {
					t.Errorf("title = %q, want %q", a.Title, tc.title)
				}
			}
		})
	}
}
