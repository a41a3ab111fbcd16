// Package feed reads and polls news feeds: RSS 0.9x/1.0/2.0, Atom and JSON
// Feed documents, OPML subscription lists, Parallax's built-in outlet list,
// and the Poller that fetches feeds on a schedule with conditional GET,
// per-host limits, robots.txt and backoff.
//
// Parsing (Parse, ParseOPML, CanonicalURL) takes bytes and returns values;
// only the Poller talks to the network, through package fetch, and to
// storage, through the small Store interface it declares.
package feed

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"

	"github.com/parallax-news/parallax/internal/subscription"
)

// MaxFeedSize is the largest feed document Parse reads, after
// decompression.
const MaxFeedSize = 32 << 20

// FullContentRunes is how many runes of text an item's content needs to be
// taken as the full article. Items with less carry only a summary, and
// their linked page should be fetched (Item.NeedsPage).
const FullContentRunes = 800

// maxSummaryRunes caps Item.Summary.
const maxSummaryRunes = 2000

var (
	// ErrNotFeed is returned when the input is not an RSS, Atom or JSON feed
	// (an HTML page, say).
	ErrNotFeed = errors.New("not an RSS, Atom or JSON feed")
	// ErrTooLarge is returned when a feed or OPML document is larger than
	// the limit (MaxFeedSize, MaxOPMLSize), compressed or not.
	ErrTooLarge = errors.New("document too large")
	// ErrEntities is returned for XML documents that declare entities in a
	// DOCTYPE: nothing legitimate needs them, and they are how
	// entity-expansion bombs ("billion laughs") work.
	ErrEntities = errors.New("XML entity declarations are not accepted")
)

// Feed is one parsed feed document.
type Feed struct {
	Title string
	// SiteURL is the website the feed belongs to, absolute, or empty.
	SiteURL  string
	Language string
	Items    []Item
}

// Item is one entry of a feed (see subscription.Item).
type Item = subscription.Item

// Parse reads one RSS, Atom or JSON feed document. feedURL is the address
// the document was fetched from; relative links are resolved against it,
// and errors name it. A gzip-compressed document is decompressed.
//
// Parse returns ErrNotFeed if r holds no feed, ErrTooLarge past MaxFeedSize,
// ErrEntities if the document declares XML entities, and the parser's error
// for malformed documents, each wrapped with feedURL. Items keep document
// order; an item without a usable link has an empty URL.
func Parse(r io.Reader, feedURL string) (*Feed, error) {
	return parse(r, feedURL, "")
}

// ParseHTTP is Parse for a document fetched over HTTP: contentType is the
// response's Content-Type header, whose charset parameter is used for an
// XML document that is not UTF-8 and declares no encoding itself.
func ParseHTTP(body []byte, feedURL, contentType string) (*Feed, error) {
	return parse(bytes.NewReader(body), feedURL, contentType)
}

func parse(r io.Reader, feedURL, contentType string) (*Feed, error) {
	data, err := readLimited(r, MaxFeedSize)
	if err != nil {
		return nil, fmt.Errorf("parse feed %s: %w", feedURL, err)
	}
	if isGzip(data) {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("parse feed %s: gzip: %w", feedURL, err)
		}
		data, err = readLimited(zr, MaxFeedSize)
		if err != nil {
			return nil, fmt.Errorf("parse feed %s: gzip: %w", feedURL, err)
		}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = fixCharset(data, contentType)
	if err := checkEntities(data); err != nil {
		return nil, fmt.Errorf("parse feed %s: %w", feedURL, err)
	}
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, fmt.Errorf("parse feed %s: %w", feedURL, ErrNotFeed)
		}
		return nil, fmt.Errorf("parse feed %s: %w", feedURL, err)
	}
	return convert(gf, feedURL), nil
}

// fixCharset handles XML documents that are not UTF-8 yet declare no
// encoding: they are decoded with the charset of the HTTP Content-Type if
// it names one, else as Windows-1252 (a superset of ISO 8859-1, the usual
// culprit), as browsers do. Declared encodings are left to the parser.
func fixCharset(data []byte, contentType string) []byte {
	if utf8.Valid(data) {
		return data
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '<' {
		return data
	}
	if bytes.HasPrefix(trimmed, []byte("<?xml")) {
		end := bytes.Index(trimmed, []byte("?>"))
		if end > 0 && bytes.Contains(bytes.ToLower(trimmed[:end]), []byte("encoding")) {
			return data
		}
	}
	var enc encoding.Encoding = charmap.Windows1252
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		if e, _ := charset.Lookup(params["charset"]); e != nil {
			enc = e
		}
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return out
}

func isGzip(b []byte) bool { return len(b) > 2 && b[0] == 0x1f && b[1] == 0x8b }

// readLimited reads all of r, failing with ErrTooLarge past limit bytes.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("more than %d bytes: %w", limit, ErrTooLarge)
	}
	return b, nil
}

// checkEntities refuses XML documents whose prolog declares entities. It
// reads tokens only up to the root element.
func checkEntities(data []byte) error {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '<' {
		return nil // JSON, or not a feed: the parser says so
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	for range 1000 {
		tok, err := d.RawToken()
		if err != nil {
			return nil // malformed: the feed parser reports it
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return nil
		case xml.Directive:
			if bytes.Contains(bytes.ToUpper(t), []byte("<!ENTITY")) || bytes.Contains(bytes.ToUpper(t), []byte("ENTITY ")) {
				return ErrEntities
			}
		}
	}
	return nil
}

func convert(gf *gofeed.Feed, feedURL string) *Feed {
	// Relative item links are resolved against the site's URL, as feed
	// readers do (publishers mean their site), else against the feed's.
	base, _ := url.Parse(feedURL)
	if base != nil && !base.IsAbs() {
		base = nil
	}
	site := resolve(base, gf.Link)
	if site != "" {
		base, _ = url.Parse(site)
	}
	f := &Feed{
		Title:    cleanText(gf.Title),
		SiteURL:  site,
		Language: strings.TrimSpace(gf.Language),
		Items:    make([]Item, 0, len(gf.Items)),
	}
	for _, gi := range gf.Items {
		if gi == nil {
			continue
		}
		f.Items = append(f.Items, convertItem(gi, base))
	}
	return f
}

func convertItem(gi *gofeed.Item, base *url.URL) Item {
	it := Item{
		GUID:  strings.TrimSpace(gi.GUID),
		Title: cleanText(gi.Title),
	}
	link := resolve(base, gi.Link)
	if link == "" {
		for _, l := range gi.Links {
			if link = resolve(base, l); link != "" {
				break
			}
		}
	}
	if link == "" && looksLikeURL(it.GUID) {
		link = it.GUID
	}
	if link != "" {
		if c, err := CanonicalURL(link); err == nil {
			it.URL = c
		}
	}
	if it.GUID == "" {
		it.GUID = it.URL
	}

	desc := strings.TrimSpace(gi.Description)
	content := strings.TrimSpace(gi.Content)
	descText := htmlText(desc)
	contentRunes := utf8.RuneCountInString(htmlText(content))
	if contentRunes < FullContentRunes && utf8.RuneCountInString(descText) >= FullContentRunes {
		// The full article is in the description.
		content, contentRunes = desc, utf8.RuneCountInString(descText)
	}
	it.Content = content
	if descText == "" && content != "" {
		descText = htmlText(content)
	}
	it.Summary = truncateRunes(descText, maxSummaryRunes)
	it.NeedsPage = it.URL != "" && contentRunes < FullContentRunes

	switch {
	case gi.PublishedParsed != nil && !gi.PublishedParsed.IsZero():
		it.Published = gi.PublishedParsed.UTC()
	case gi.UpdatedParsed != nil && !gi.UpdatedParsed.IsZero():
		it.Published = gi.UpdatedParsed.UTC()
	}
	for _, a := range gi.Authors {
		if a != nil && strings.TrimSpace(a.Name) != "" {
			it.Author = cleanText(a.Name)
			break
		}
	}
	if it.Author == "" && gi.DublinCoreExt != nil && len(gi.DublinCoreExt.Creator) > 0 {
		it.Author = cleanText(gi.DublinCoreExt.Creator[0])
	}
	return it
}

func looksLikeURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// resolve makes ref absolute against base; "" when ref is empty or not an
// http(s) URL.
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if !u.IsAbs() {
		if base == nil || !base.IsAbs() {
			return ""
		}
		hadHost := u.Host != ""
		u = base.ResolveReference(u)
		if !hadHost {
			// A link relative to a feed URL that carries user:password
			// does not inherit them: the link is stored as the
			// article's URL and shown.
			u.User = nil
		}
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return u.String()
}

// htmlText returns the text of an HTML fragment, entities decoded and
// whitespace collapsed.
func htmlText(s string) string {
	if s == "" {
		return ""
	}
	if !strings.ContainsAny(s, "<&") {
		return strings.Join(strings.Fields(s), " ")
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				skip++
			case "p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr":
				b.WriteByte(' ')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				if skip > 0 {
					skip--
				}
			case "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr":
				b.WriteByte(' ')
			}
		}
	}
}

// cleanText is htmlText for fields that should be plain but sometimes carry
// markup or entities (titles, names).
func cleanText(s string) string { return htmlText(strings.TrimSpace(s)) }

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for j := range s {
		if i == n {
			return strings.TrimSpace(s[:j]) + "…"
		}
		i++
	}
	return s
}
