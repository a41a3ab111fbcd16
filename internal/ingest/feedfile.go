package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/feed"
)

// ErrSummariesOnly marks a feed file whose items carry only summaries: their
// articles are on the linked pages, which `parallax poll` fetches.
var ErrSummariesOnly = errors.New("feed carries only summaries: add it with `parallax feeds add` and `parallax poll` to fetch the linked pages")

// readFeed reads a saved feed file: each item that carries its full text
// becomes a document, credited to the feed's title and dated by the item.
// Items with only a summary are left out (poll the feed to fetch their
// pages); a feed with no full-text item at all is ErrSummariesOnly.
func (r *Reader) readFeed(in Input, emit func(Doc) error) error {
	body, err := r.readFile(in.Name)
	if err != nil {
		return err
	}
	f, err := feed.Parse(bytes.NewReader(body), "")
	if err != nil {
		return fmt.Errorf("read %s: %w", in.Name, err)
	}
	full := 0
	for i, it := range f.Items {
		if it.NeedsPage || it.Content == "" {
			continue
		}
		full++
		d := Doc{
			Name:   fmt.Sprintf("%s:item %d", in.Name, i+1),
			Format: FormatHTML,
			Body: []byte("<!doctype html><html><head><meta charset=\"utf-8\"></head><body><article>" +
				it.Content + "</article></body></html>"),
			URL:    it.URL,
			Title:  it.Title,
			Outlet: f.Title,
		}
		if !it.Published.IsZero() {
			d.Published = it.Published.UTC().Format(time.RFC3339)
		}
		if err := emit(d); err != nil {
			return err
		}
	}
	if full == 0 && len(f.Items) > 0 {
		return fmt.Errorf("read %s: %d items: %w", in.Name, len(f.Items), ErrSummariesOnly)
	}
	return nil
}
