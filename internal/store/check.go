package store

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// CheckArticle returns an error wrapping ErrInvalid, naming the field, if
// PutArticles must refuse a: an empty ID, a string CheckString refuses, or
// a time CheckTime refuses. A zero IngestedAt passes (the backend fills
// it in).
func CheckArticle(a *news.Article) error {
	if a.ID == "" {
		return fmt.Errorf("%w: empty article ID", ErrInvalid)
	}
	fields := []struct{ name, value string }{
		{"id", a.ID}, {"title", a.Title}, {"outlet", a.Outlet}, {"origin_outlet", a.OriginOutlet},
		{"republisher", a.Republisher}, {"url", a.URL}, {"author", a.Author},
		{"language", a.Language}, {"text", a.Text}, {"source", a.Source},
	}
	for _, f := range fields {
		if err := CheckString(f.value); err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
	}
	for i, r := range a.Removed {
		if err := CheckString(r); err != nil {
			return fmt.Errorf("removed[%d]: %w", i, err)
		}
	}
	if err := CheckTime(a.Published); err != nil {
		return fmt.Errorf("published: %w", err)
	}
	if err := CheckTime(a.IngestedAt); err != nil {
		return fmt.Errorf("ingested_at: %w", err)
	}
	return nil
}

// CheckString returns an error wrapping ErrInvalid if s is not valid UTF-8
// or holds a NUL byte, which not every backend can store unchanged
// (PostgreSQL text holds neither).
func CheckString(s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%w: not valid UTF-8", ErrInvalid)
	}
	if i := strings.IndexByte(s, 0); i >= 0 {
		return fmt.Errorf("%w: NUL byte at offset %d", ErrInvalid, i)
	}
	return nil
}

// CheckTime returns an error wrapping ErrInvalid if t lies outside the
// years 1–9999. The zero time (no time) passes.
func CheckTime(t time.Time) error {
	if t.IsZero() {
		return nil
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return fmt.Errorf("%w: time %s outside years 1-9999", ErrInvalid, t)
	}
	return nil
}
