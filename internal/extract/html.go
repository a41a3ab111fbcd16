package extract

import (
	"bytes"
	"fmt"
	"io"
	nurl "net/url"
	"strings"
	"time"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// maxDepth bounds element nesting before the page reaches the HTML parser
// and the extractor (both walk the tree recursively). Real pages stay far
// below it; deeper tags are dropped, their text kept.
const maxDepth = 256

// maxElements is the most elements a page may have for the main-text
// extractor, whose time grows faster than linearly with page size (a
// 20,000-paragraph page takes tens of seconds). Larger pages get
// simpleHTML. The 181 pages of the extraction benchmark have at most 1,800.
const maxElements = 15000

// maxTextBytes is the most text a page may carry for the extractor (a
// 4 MB paragraph takes it over ten seconds); longer pages get simpleHTML.
// Article pages carry well under 200 KB.
const maxTextBytes = 1 << 20

// HTML cleans one page: main text and metadata via go-trafilatura (with its
// readability and dom-distiller fallbacks), then the same debris removal as
// Text. pageURL may be empty. It returns ErrTooLarge (over DefaultMaxBytes),
// ErrBinary or ErrEmpty, wrapped.
func HTML(r io.Reader, pageURL string) (Result, error) {
	return HTMLWith(r, Options{PageURL: pageURL})
}

// HTMLWith is HTML with options.
func HTMLWith(r io.Reader, opts Options) (Result, error) {
	data, err := readLimited(r, opts.maxBytes())
	if err != nil {
		return Result{}, err
	}
	return htmlBytes(data, opts)
}

func htmlBytes(data []byte, opts Options) (Result, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return Result{}, ErrEmpty
	}
	if err := checkBinary(data); err != nil {
		return Result{}, err
	}
	data = toUTF8(data)
	deep, elements, textBytes := scanTags(data, maxDepth)
	if deep {
		data = boundDepth(data, maxDepth)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return Result{}, fmt.Errorf("parse html: %w", err)
	}
	if elements > maxElements || textBytes > maxTextBytes {
		return simpleHTML(doc, opts)
	}
	topts := trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		Focus:           trafilatura.Balanced,
		HtmlDateMode:    trafilatura.Fast,
		IncludeLinks:    false,
	}
	if opts.PageURL != "" {
		if u, err := nurl.ParseRequestURI(opts.PageURL); err == nil {
			topts.OriginalURL = u
		}
	}
	anchors := anchorTexts(doc)
	metaTime := metaPublished(doc)
	ex, err := trafilatura.ExtractDocument(doc, topts)
	if err != nil || ex == nil || ex.ContentNode == nil {
		if err == nil {
			err = ErrEmpty
		}
		return Result{}, fmt.Errorf("extract main text: %w: %w", ErrEmpty, err)
	}
	paras := nodeParagraphs(ex.ContentNode)
	for i, b := range paras {
		if anchors[normKey(b.text)] {
			paras[i].linkShare = 1
		}
	}
	md := ex.Metadata
	res := Result{
		Title:        cleanSpace(md.Title),
		Author:       Authors([]string{md.Author}),
		SiteName:     cleanSpace(md.Sitename),
		CanonicalURL: md.URL,
		Language:     normLang(md.Language),
		Published:    md.Date.UTC(),
	}
	switch {
	case md.Date.IsZero() && !metaTime.IsZero():
		res.Published = metaTime
	case md.Date.IsZero():
		res.Published = time.Time{}
	case !metaTime.IsZero() && metaTime.Sub(res.Published).Abs() < 48*time.Hour:
		// The extractor keeps the day only; the meta tag has the time.
		res.Published = metaTime
	}
	if res.CanonicalURL == "" {
		res.CanonicalURL = opts.PageURL
	}
	c := cleanBlocks(paras, res.Title)
	res.Text = strings.Join(c.paras, "\n\n")
	res.Removed = c.removed
	if res.Title == "" {
		res.Title = c.title
	}
	if res.Author == "" {
		res.Author = c.author
	}
	res.OriginOutlet, res.Republisher = c.origin, c.republisher
	if res.Text == "" {
		return Result{}, ErrEmpty
	}
	finish(&res, opts)
	return res, nil
}

// simpleHTML is the extraction for pages too large for the extractor: the
// text of the paragraph-like elements outside navigation, header, footer
// and asides, then the usual cleanup. Metadata comes from the meta tags.
func simpleHTML(doc *html.Node, opts Options) (Result, error) {
	var blocks []block
	var title string
	stack := []*html.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Nav, atom.Header,
				atom.Footer, atom.Aside, atom.Form, atom.Select, atom.Button, atom.Svg:
				continue
			case atom.Title:
				title = cleanSpace(nodeText(n, 1000))
				continue
			case atom.P, atom.H2, atom.H3, atom.H4, atom.Li, atom.Blockquote, atom.Pre:
				if t := cleanSpace(nodeText(n, 1<<20)); t != "" {
					blocks = append(blocks, block{text: t, heading: n.DataAtom != atom.P && n.DataAtom != atom.Li && n.DataAtom != atom.Blockquote && n.DataAtom != atom.Pre})
				}
				continue
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	res := Result{Title: title, Published: metaPublished(doc), CanonicalURL: opts.PageURL}
	c := cleanBlocks(blocks, title)
	res.Text = strings.Join(c.paras, "\n\n")
	res.Removed = c.removed
	res.OriginOutlet, res.Republisher = c.origin, c.republisher
	if res.Text == "" {
		return Result{}, ErrEmpty
	}
	finish(&res, opts)
	return res, nil
}

// toUTF8 converts a page in another declared or sniffed charset to UTF-8
// and repairs invalid sequences. A page that declares nothing and decodes
// as UTF-8 is taken as UTF-8 (the sniffer would guess windows-1252).
func toUTF8(data []byte) []byte {
	enc, name, certain := charset.DetermineEncoding(data, "")
	switch {
	case enc == nil || name == "utf-8":
	case name == "windows-1252" && !certain && isUTF8Prefix(data):
	default:
		if out, err := enc.NewDecoder().Bytes(data); err == nil {
			return bytes.ToValidUTF8(out, []byte("\uFFFD"))
		}
	}
	return bytes.ToValidUTF8(data, []byte("\uFFFD"))
}

// isUTF8Prefix reports whether the first 64 KiB decode as UTF-8 (the
// charset sniffer defaults to windows-1252 when a page declares nothing).
func isUTF8Prefix(data []byte) bool {
	if len(data) > 1<<16 {
		data = data[:1<<16]
		// do not judge a rune cut at the boundary
		for i := 0; i < 3 && len(data) > 0 && data[len(data)-1]&0xC0 == 0x80; i++ {
			data = data[:len(data)-1]
		}
		if len(data) > 0 && data[len(data)-1] >= 0xC0 {
			data = data[:len(data)-1]
		}
	}
	return bytes.Equal(bytes.ToValidUTF8(data, nil), data)
}

// boundDepth rewrites the page so that no element nests deeper than limit:
// start tags beyond it, and their matching end tags, are dropped; all text
// is kept. Pages within the limit come back unchanged (same slice).
func boundDepth(data []byte, limit int) []byte {
	if deep, _, _ := scanTags(data, limit); !deep {
		return data
	}
	var out bytes.Buffer
	out.Grow(len(data))
	z := html.NewTokenizer(bytes.NewReader(data))
	var stack []string
	dropped := map[string]int{}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			n := string(name)
			if isVoid(n) {
				out.Write(raw)
				continue
			}
			if len(stack) >= limit {
				dropped[n]++
				continue
			}
			stack = append(stack, n)
		case html.EndTagToken:
			name, _ := z.TagName()
			n := string(name)
			if dropped[n] > 0 {
				dropped[n]--
				continue
			}
			for i := len(stack) - 1; i >= 0 && i >= len(stack)-limit; i-- {
				if stack[i] == n {
					stack = stack[:i]
					break
				}
			}
		}
		out.Write(raw)
	}
	return out.Bytes()
}

// scanTags counts the start tags of a page and the bytes of its text
// (outside scripts and styles), and reports whether the tag stack ever
// exceeds limit (a cheap upper bound: implied end tags are not modelled).
func scanTags(data []byte, limit int) (deep bool, elements, text int) {
	z := html.NewTokenizer(bytes.NewReader(data))
	depth := 0
	inRaw := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return deep, elements, text
		case html.TextToken:
			if !inRaw {
				text += len(bytes.TrimSpace(z.Raw()))
			}
		case html.StartTagToken:
			elements++
			name, _ := z.TagName()
			n := string(name)
			inRaw = n == "script" || n == "style"
			if !isVoid(n) {
				depth++
				if depth > limit {
					deep = true
				}
			}
		case html.SelfClosingTagToken:
			elements++
		case html.EndTagToken:
			inRaw = false
			if depth > 0 {
				depth--
			}
		}
	}
}

func isVoid(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
		"param", "source", "track", "wbr", "p", "li", "option", "dt", "dd":
		// p, li, option, dt, dd close implicitly; counting them would
		// overstate the depth of ordinary pages.
		return true
	}
	return false
}

// publishedMeta are the <meta> names and properties that carry the
// publication time, best first.
var publishedMeta = []string{
	"article:published_time", "og:published_time", "og:article:published_time", "datepublished",
	"pubdate", "publishdate", "publish-date", "parsely-pub-date", "sailthru.date", "dc.date.issued",
	"dc.date", "dcterms.created", "date",
}

// metaPublished returns the publication time a page's meta tags give with
// its time of day, or zero.
func metaPublished(doc *html.Node) time.Time {
	found := map[string]string{}
	stack := []*html.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			continue
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Meta {
			var key, content string
			for _, a := range n.Attr {
				switch strings.ToLower(a.Key) {
				case "name", "property", "itemprop":
					key = strings.ToLower(a.Val)
				case "content":
					content = a.Val
				}
			}
			if key != "" && content != "" && found[key] == "" {
				found[key] = content
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	for _, k := range publishedMeta {
		if v := found[k]; v != "" {
			if t, err := ParseDate(v); err == nil {
				return t
			}
		}
	}
	return time.Time{}
}

// anchorTexts returns the folded texts (see normKey) of the page's links
// of two words or more. The extractor drops most links; these tell which
// of its paragraphs were links on the page.
func anchorTexts(doc *html.Node) map[string]bool {
	set := map[string]bool{}
	stack := []*html.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			if k := normKey(nodeText(n, 1000)); strings.Contains(k, " ") {
				set[k] = true
			}
			continue
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	return set
}

// nodeText returns the text under n, stopping after about limit bytes.
func nodeText(n *html.Node, limit int) string {
	var b strings.Builder
	stack := []*html.Node{n}
	for len(stack) > 0 && b.Len() < limit {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return b.String()
}

// block is one paragraph of the extractor's output with the share of its
// characters that sat inside links.
type block struct {
	text      string
	linkShare float64
	heading   bool // the text was a section heading (h1 to h6)
}

// nodeParagraphs turns the extractor's content tree into paragraphs: each
// block element (and each <br>) ends one; inline text is joined with
// collapsed spaces; table cells are separated by a space.
func nodeParagraphs(root *html.Node) []block {
	var out []block
	var cur strings.Builder
	linkChars, inLink, inHeading := 0, 0, 0
	flush := func() {
		if p := cleanSpace(cur.String()); p != "" {
			share := float64(linkChars) / float64(max(1, len(p)))
			out = append(out, block{text: p, linkShare: min(1, share), heading: inHeading > 0})
		}
		cur.Reset()
		linkChars = 0
	}
	type frame struct {
		n     *html.Node
		after bool
	}
	// Iterative walk: the tree is bounded, but stay off the goroutine stack.
	stack := []frame{{n: root}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := f.n
		if f.after {
			switch {
			case isBlock(n):
				flush()
				if isHeading(n) {
					inHeading--
				}
			case n.Data == "td" || n.Data == "th":
				cur.WriteByte(' ')
			case n.Data == "a":
				inLink--
			}
			continue
		}
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			if inLink > 0 {
				linkChars += len(strings.TrimSpace(n.Data))
			}
			continue
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				continue
			case atom.Br, atom.Hr:
				flush()
				continue
			case atom.A:
				inLink++
			}
			if isBlock(n) {
				flush()
				if isHeading(n) {
					inHeading++
				}
			}
		}
		stack = append(stack, frame{n: n, after: true})
		var kids []*html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			kids = append(kids, c)
		}
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, frame{n: kids[i]})
		}
	}
	flush()
	return out
}

func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

func isBlock(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.Data {
	case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "head", "li", "dd", "dt", "ul", "ol", "dl",
		"blockquote", "pre", "table", "tr", "section", "article", "figure", "figcaption",
		"summary", "details", "header", "footer", "main", "aside", "nav", "form", "address",
		"body", "html", "list", "item", "quote", "row", "caption", "center":
		return true
	}
	return false
}

// cleanSpace collapses whitespace runs (including non-breaking spaces) to
// one space and trims.
func cleanSpace(s string) string {
	if spaceClean(s) {
		return s // what the join would rebuild
	}
	return strings.Join(strings.FieldsFunc(s, isSpace), " ")
}

// spaceClean reports whether cleanSpace would return s unchanged: no space
// but single ASCII spaces between other characters.
func spaceClean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' {
				if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
					return false
				}
			} else if c <= '\r' && c >= '\t' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			return false
		}
		i += size
	}
	return true
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0x85, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000, 0xFEFF, 0x200B:
		return true
	}
	return r >= 0x2000 && r <= 0x200A || r == 0x2028 || r == 0x2029
}

func normLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	if len(s) != 2 {
		return ""
	}
	return s
}
