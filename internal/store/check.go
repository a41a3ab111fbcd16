package store

import (
	"fmt"
	"strings"
	"time"
	"unicode"
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

// Bounds BoundArticle applies to what an article may bring to the store.
const (
	// MaxTitleRunes is the longest title kept; real headlines stay well
	// under 300 characters.
	MaxTitleRunes = 500
	// MaxNameRunes is the longest outlet name (outlet, origin outlet,
	// republisher) kept.
	MaxNameRunes = 200
	// FutureSlack is how far past the store's clock a publication time may
	// lie (time zones and clock drift); a later one is dropped.
	FutureSlack = 24 * time.Hour
)

// BoundArticle makes a storable within the bounds above, before
// PutArticles checks it: a title longer than MaxTitleRunes and outlet names
// longer than MaxNameRunes are cut (at a space when there is one near the
// end, with "…" added), and a publication time more than FutureSlack after
// now is dropped (the article becomes undated rather than pinned to the top
// of every list by a date such as 9999-12-31; a time past the year 9999 is
// left for CheckArticle to refuse). It returns one note per
// change, for a warning in the log; nil when a was within bounds.
func BoundArticle(a *news.Article, now time.Time) []string {
	var notes []string
	if cut, ok := cutRunes(a.Title, MaxTitleRunes); ok {
		notes = append(notes, fmt.Sprintf("title of %d bytes cut to %d characters", len(a.Title), MaxTitleRunes))
		a.Title = cut
	}
	for _, f := range []struct {
		name  string
		value *string
	}{{"outlet", &a.Outlet}, {"origin_outlet", &a.OriginOutlet}, {"republisher", &a.Republisher}} {
		if cut, ok := cutRunes(*f.value, MaxNameRunes); ok {
			notes = append(notes, fmt.Sprintf("%s of %d bytes cut to %d characters", f.name, len(*f.value), MaxNameRunes))
			*f.value = cut
		}
	}
	if !a.Published.IsZero() && !now.IsZero() && a.Published.After(now.Add(FutureSlack)) && CheckTime(a.Published) == nil {
		notes = append(notes, fmt.Sprintf("publication time %s is more than a day after %s: dropped",
			a.Published.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339)))
		a.Published, a.PublishedEstimated = time.Time{}, false
	}
	return notes
}

// cutRunes returns s cut to at most max runes, "…" included, and true; or
// s and false when it is not longer than max. The cut falls on the last
// space of the final fifth when there is one, and never inside a rune.
func cutRunes(s string, max int) (string, bool) {
	if utf8.RuneCountInString(s) <= max {
		return s, false
	}
	end, n := 0, 0
	for i := range s {
		if n == max-1 {
			end = i
			break
		}
		n++
	}
	cut := s[:end]
	if sp := strings.LastIndexFunc(cut, unicode.IsSpace); sp >= 0 && utf8.RuneCountInString(cut[sp:]) < max/5 {
		cut = cut[:sp]
	}
	return strings.TrimRightFunc(cut, unicode.IsSpace) + "…", true
}
