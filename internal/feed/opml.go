package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"golang.org/x/net/html/charset"

	"github.com/parallax-news/parallax/internal/subscription"
)

// MaxOPMLSize is the largest OPML document ParseOPML reads.
const MaxOPMLSize = 8 << 20

// maxOutlineDepth bounds nesting in OPML documents.
const maxOutlineDepth = 64

// Kind is what sort of outlet a feed belongs to (see subscription.Kind).
type Kind = subscription.Kind

// The outlet kinds.
const (
	KindWire              = subscription.KindWire
	KindPublicBroadcaster = subscription.KindPublicBroadcaster
	KindStateAffiliated   = subscription.KindStateAffiliated
	KindPrivate           = subscription.KindPrivate
	KindAggregator        = subscription.KindAggregator
)

// Kinds lists the valid kinds.
var Kinds = subscription.Kinds

// Outlet is one feed subscription: an OPML outline with an xmlUrl (see
// subscription.Outlet).
type Outlet = subscription.Outlet

// EntryError is one broken OPML outline, skipped or partly kept.
type EntryError struct {
	Line  int    // line of the outline in the document
	Title string // the outline's text or title, if any
	Msg   string
}

func (e EntryError) Error() string {
	if e.Title != "" {
		return fmt.Sprintf("line %d: outline %q: %s", e.Line, e.Title, e.Msg)
	}
	return fmt.Sprintf("line %d: outline: %s", e.Line, e.Msg)
}

// BrokenEntriesError lists the broken outlines of an OPML document that
// otherwise parsed.
type BrokenEntriesError struct {
	Entries []EntryError
}

func (e *BrokenEntriesError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "OPML: %d broken outline(s)", len(e.Entries))
	for i, en := range e.Entries {
		if i == 10 {
			fmt.Fprintf(&b, "; and %d more", len(e.Entries)-10)
			break
		}
		b.WriteString("; ")
		b.WriteString(en.Error())
	}
	return b.String()
}

// ErrNotOPML is returned when a document has no <opml> root element.
var ErrNotOPML = errors.New("not an OPML document")

// ParseOPML reads the feed subscriptions of an OPML document. Nested
// outlines are flattened: an outline with children is a folder, and its
// title becomes part of its feeds' Category. Feed URLs are trimmed, must be
// absolute http(s) URLs, and appear once (the first outline wins).
//
// Broken outlines (no or bad xmlUrl, duplicate, unknown kind, malformed
// country) are not fatal: ParseOPML returns the good outlets together with a
// *BrokenEntriesError listing them. An outline with an unknown kind or a
// malformed country is kept without that field. Malformed XML, a document
// without an <opml> root, entity declarations (ErrEntities) or more than
// MaxOPMLSize bytes (ErrTooLarge) are fatal and return no outlets.
func ParseOPML(r io.Reader) ([]Outlet, error) {
	data, err := readLimited(r, MaxOPMLSize)
	if err != nil {
		return nil, fmt.Errorf("parse OPML: %w", err)
	}
	if err := checkEntities(data); err != nil {
		return nil, fmt.Errorf("parse OPML: %w", err)
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	// HTML named entities (&nbsp;, &eacute;) appear in exported titles;
	// the fixed table cannot expand into a bomb.
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel

	var (
		outlets []Outlet
		broken  []EntryError
		seen    = map[string]bool{}
		// folders is the stack of open outlines: their titles, with "" for
		// outlines that are feeds themselves.
		folders []string
		sawRoot bool
		depth   int
	)
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("parse OPML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxOutlineDepth {
				return nil, fmt.Errorf("parse OPML: elements nested deeper than %d", maxOutlineDepth)
			}
			if depth == 1 {
				if t.Name.Local != "opml" {
					return nil, fmt.Errorf("parse OPML: root element <%s>: %w", t.Name.Local, ErrNotOPML)
				}
				sawRoot = true
				continue
			}
			if t.Name.Local != "outline" {
				continue
			}
			line, _ := d.InputPos()
			o, folder, problems := readOutline(t, line)
			broken = append(broken, problems...)
			folders = append(folders, folder)
			if o == nil {
				continue
			}
			o.Category = categoryPath(folders[:len(folders)-1])
			key := o.FeedURL
			if c, err := CanonicalURL(o.FeedURL); err == nil {
				key = c
			}
			if seen[key] {
				broken = append(broken, EntryError{Line: line, Title: o.Title, Msg: "duplicate feed URL " + o.FeedURL})
				continue
			}
			seen[key] = true
			outlets = append(outlets, *o)
		case xml.EndElement:
			depth--
			if t.Name.Local == "outline" && len(folders) > 0 {
				folders = folders[:len(folders)-1]
			}
		}
	}
	if !sawRoot {
		return nil, fmt.Errorf("parse OPML: %w", ErrNotOPML)
	}
	if len(broken) > 0 {
		return outlets, &BrokenEntriesError{Entries: broken}
	}
	return outlets, nil
}

// readOutline reads one outline element. It returns the outlet when the
// outline is a feed, the folder title it contributes to nested outlines'
// Category, and any problems.
func readOutline(t xml.StartElement, line int) (o *Outlet, folder string, problems []EntryError) {
	attr := map[string]string{}
	for _, a := range t.Attr {
		attr[strings.ToLower(a.Name.Local)] = strings.TrimSpace(a.Value)
	}
	title := attr["title"]
	if title == "" {
		title = attr["text"]
	}
	title = strings.Join(strings.Fields(title), " ")
	feedURL := attr["xmlurl"]
	typ := strings.ToLower(attr["type"])
	if feedURL == "" {
		if typ == "rss" || typ == "atom" {
			problems = append(problems, EntryError{Line: line, Title: title, Msg: "feed outline without xmlUrl"})
		}
		// A folder (or a link or note outline, which has no feed).
		return nil, title, problems
	}
	u, err := url.Parse(feedURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		problems = append(problems, EntryError{Line: line, Title: title, Msg: fmt.Sprintf("xmlUrl %q is not an absolute http(s) URL", feedURL)})
		return nil, "", problems
	}
	o = &Outlet{
		Title:    title,
		FeedURL:  u.String(),
		Language: strings.ToLower(attr["language"]),
	}
	if site := attr["htmlurl"]; site != "" {
		if su, err := url.Parse(site); err == nil && (su.Scheme == "http" || su.Scheme == "https") && su.Host != "" {
			o.SiteURL = su.String()
		} else {
			problems = append(problems, EntryError{Line: line, Title: title, Msg: fmt.Sprintf("htmlUrl %q dropped: not an absolute http(s) URL", site)})
		}
	}
	if c := attr["country"]; c != "" {
		if validCountry(c) {
			o.Country = strings.ToUpper(c)
		} else {
			problems = append(problems, EntryError{Line: line, Title: title, Msg: fmt.Sprintf("country %q dropped: not an ISO 3166-1 alpha-2 code", c)})
		}
	}
	if k := attr["kind"]; k != "" {
		if kind := Kind(strings.ToLower(k)); kind.Valid() {
			o.Kind = kind
		} else {
			problems = append(problems, EntryError{Line: line, Title: title, Msg: fmt.Sprintf("kind %q dropped: want one of %v", k, Kinds)})
		}
	}
	if o.Title == "" {
		o.Title = u.Host
	}
	return o, "", problems
}

func validCountry(c string) bool {
	if len(c) != 2 {
		return false
	}
	for i := range 2 {
		ch := c[i] | 0x20
		if ch < 'a' || ch > 'z' {
			return false
		}
	}
	return true
}

func categoryPath(folders []string) string {
	var parts []string
	for _, f := range folders {
		if f != "" {
			parts = append(parts, strings.ReplaceAll(f, "/", "-"))
		}
	}
	return strings.Join(parts, "/")
}

// opmlDoc is the document WriteOPML produces.
type opmlDoc struct {
	XMLName xml.Name     `xml:"opml"`
	Version string       `xml:"version,attr"`
	Title   string       `xml:"head>title"`
	Body    []*opmlEntry `xml:"body>outline"`
}

type opmlEntry struct {
	Text     string       `xml:"text,attr"`
	Title    string       `xml:"title,attr,omitempty"`
	Type     string       `xml:"type,attr,omitempty"`
	XMLURL   string       `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string       `xml:"htmlUrl,attr,omitempty"`
	Language string       `xml:"language,attr,omitempty"`
	Country  string       `xml:"country,attr,omitempty"`
	Kind     string       `xml:"kind,attr,omitempty"`
	Children []*opmlEntry `xml:"outline"`
}

// WriteOPML writes outlets as an OPML 2.0 document, feeds nested in folder
// outlines by Category, with the country, kind and language attributes that
// ParseOPML reads back. Folders and feeds keep the order of first
// appearance.
func WriteOPML(w io.Writer, outlets []Outlet) error {
	doc := opmlDoc{Version: "2.0", Title: "Parallax feeds"}
	type folder struct {
		entry *opmlEntry
		subs  map[string]*folder
	}
	root := &folder{entry: &opmlEntry{}, subs: map[string]*folder{}}
	for _, o := range outlets {
		f := root
		if o.Category != "" {
			for _, name := range strings.Split(o.Category, "/") {
				sub, ok := f.subs[name]
				if !ok {
					sub = &folder{entry: &opmlEntry{Text: name, Title: name}, subs: map[string]*folder{}}
					f.subs[name] = sub
					f.entry.Children = append(f.entry.Children, sub.entry)
				}
				f = sub
			}
		}
		f.entry.Children = append(f.entry.Children, &opmlEntry{
			Text:     o.Title,
			Title:    o.Title,
			Type:     "rss",
			XMLURL:   o.FeedURL,
			HTMLURL:  o.SiteURL,
			Language: o.Language,
			Country:  o.Country,
			Kind:     string(o.Kind),
		})
	}
	doc.Body = root.entry.Children
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	return nil
}
