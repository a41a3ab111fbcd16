package feed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/parallax-news/parallax/internal/fetch"
	"golang.org/x/net/html"
)

// maxDiscovered bounds how many feed links Discover returns.
const maxDiscovered = 20

// feedTypes are the <link type> values that announce a feed.
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/feed+json": true,
	"application/json":      false, // too generic on its own
	"application/rdf+xml":   true,
	"text/xml":              true,
	"application/xml":       true,
}

// Discover returns the feed URLs an HTML page announces with
// <link rel="alternate" type="application/rss+xml" href="…"> (and the Atom,
// JSON Feed and RDF types), absolute, in document order, without
// duplicates, at most 20. pageURL resolves relative links. A page that
// announces none returns an empty slice.
func Discover(page []byte, pageURL string) []string {
	base, _ := url.Parse(pageURL)
	if base != nil && !base.IsAbs() {
		base = nil
	}
	var out []string
	seen := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(page))
	for len(out) < maxDiscovered {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if tag := string(name); tag == "body" {
			break // feed links live in <head>
		} else if tag == "base" && hasAttr {
			for {
				k, v, more := z.TagAttr()
				if string(k) == "href" {
					if b, err := url.Parse(strings.TrimSpace(string(v))); err == nil {
						if base != nil {
							b = base.ResolveReference(b)
						}
						if b.IsAbs() {
							base = b
						}
					}
				}
				if !more {
					break
				}
			}
			continue
		} else if tag != "link" || !hasAttr {
			continue
		}
		var rel, typ, href string
		for {
			k, v, more := z.TagAttr()
			switch string(k) {
			case "rel":
				rel = strings.ToLower(string(v))
			case "type":
				typ = strings.ToLower(strings.TrimSpace(string(v)))
			case "href":
				href = string(v)
			}
			if !more {
				break
			}
		}
		if !strings.Contains(" "+rel+" ", " alternate ") || !feedTypes[typ] {
			continue
		}
		u := resolve(base, href)
		if u == "" || seen[u] {
			continue
		}
		seen[u] = true
		out = append(out, u)
	}
	return out
}

// ErrNoFeed is returned by Resolve when a URL is neither a feed nor a page
// that announces one.
var ErrNoFeed = errors.New("no feed found")

// Resolve turns what a user gives to `feeds add` into a subscription: if
// rawURL serves a feed, that feed; if it serves an HTML page, the first
// feed the page announces (see Discover) that parses. The Outlet's FeedURL
// is the URL the feed was finally read from, after redirects; its title and
// site come from the feed. Country, Kind and Language are left for the user
// (Language is filled when the feed declares one).
//
// It returns an error wrapping ErrNoFeed when nothing usable is found, and
// the fetch or parse error otherwise.
func Resolve(ctx context.Context, g Getter, rawURL string) (Outlet, error) {
	resp, err := g.Get(ctx, rawURL, fetch.Conditional{})
	if err != nil {
		return Outlet{}, fmt.Errorf("resolve feed %s: %w", rawURL, err)
	}
	f, perr := ParseHTTP(resp.Body, resp.URL, resp.ContentType)
	if perr == nil {
		return outletOf(f, resp.URL), nil
	}
	if !errors.Is(perr, ErrNotFeed) {
		return Outlet{}, fmt.Errorf("resolve feed %s: %w", rawURL, perr)
	}
	candidates := Discover(resp.Body, resp.URL)
	if len(candidates) == 0 {
		return Outlet{}, fmt.Errorf("resolve feed %s: %w: the page announces no feed", rawURL, ErrNoFeed)
	}
	var errs []error
	for _, c := range candidates[:min(len(candidates), 3)] {
		r, err := g.Get(ctx, c, fetch.Conditional{})
		if err != nil {
			errs = append(errs, err)
			continue
		}
		f, err := ParseHTTP(r.Body, r.URL, r.ContentType)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		return outletOf(f, r.URL), nil
	}
	return Outlet{}, fmt.Errorf("resolve feed %s: %w: %w", rawURL, ErrNoFeed, errors.Join(errs...))
}

func outletOf(f *Feed, feedURL string) Outlet {
	o := Outlet{Title: f.Title, FeedURL: feedURL, SiteURL: f.SiteURL}
	if lang, _, _ := strings.Cut(strings.ToLower(f.Language), "-"); len(lang) == 2 {
		o.Language = lang
	}
	if o.Title == "" {
		if u, err := url.Parse(feedURL); err == nil {
			o.Title = u.Host
		}
	}
	return o
}
