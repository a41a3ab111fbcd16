package pipeline

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
)

// CleanOptions are the user's overrides applied while cleaning.
type CleanOptions struct {
	// Outlet, when set, names the outlet of every article (--outlet).
	Outlet string
	// Published, when not zero, is the publication date of every article
	// (--published); it is not marked estimated.
	Published time.Time
	// Dates gives publication dates by file name (base name, as in a
	// sidecar list), for inputs that carry none; --published wins over it.
	Dates  map[string]time.Time
	Logger *slog.Logger
}

// Clean turns one raw document into an article: main text and metadata,
// debris removed, origin, date and content-derived ID. Errors name the
// document.
func Clean(d ingest.Doc, opts CleanOptions) (news.Article, error) {
	var res extract.Result
	var err error
	switch d.Format {
	case ingest.FormatHTML:
		res, err = extract.HTML(bytes.NewReader(d.Body), d.URL)
	default:
		res, err = extract.Text(string(d.Body))
	}
	if err != nil {
		return news.Article{}, fmt.Errorf("clean %s: %w", d.Name, err)
	}
	a := res.Article()
	a.Title = firstNonEmpty(strings.TrimSpace(d.Title), res.Title)
	a.URL = firstNonEmpty(res.CanonicalURL, d.URL)
	a.Author = firstNonEmpty(d.Author, res.Author)
	a.Source = d.Name
	a.Outlet = firstNonEmpty(opts.Outlet, d.Outlet, res.SiteName, res.Republisher, res.OriginOutlet, host(a.URL))
	a = extract.Attribute(a) // registry names; origin is the outlet itself when the text names none
	if d.Published != "" {
		if t, err := extract.ParseDate(d.Published); err == nil {
			a.Published, a.PublishedEstimated = t.UTC(), false
		} else if opts.Logger != nil {
			opts.Logger.Warn("unreadable date; estimating from the text", "input", d.Name, "date", d.Published, "err", err)
		}
	}
	if t, ok := opts.Dates[filepath.Base(d.Name)]; ok {
		a.Published, a.PublishedEstimated = t.UTC(), false
	}
	if !opts.Published.IsZero() {
		a.Published, a.PublishedEstimated = opts.Published.UTC(), false
	}
	return a, nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// host returns the host of an http(s) URL without a leading "www.".
func host(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}
