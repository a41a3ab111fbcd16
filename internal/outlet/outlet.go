// Package outlet is Parallax's outlet registry: who publishes news, from
// where, in which language and of which kind (wire service, public
// broadcaster, state-affiliated, private, aggregator).
//
// The built-in list is embedded from outlets.json (facts only); a user file
// in the same format extends it or overrides entries by name or domain.
// Lookups are tolerant: "The Kyiv Independent", "kyiv independent",
// "kyivindependent.com" and "https://kyivindependent.com/x/" all find the
// same outlet. Credit gives an article to the outlet that first published
// it, not to the aggregator that republished it.
package outlet

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// Kind is what sort of outlet it is.
type Kind string

// The kinds of outlet. KindUnknown is for sources the registry cannot
// classify honestly (a university press office, an unidentified site).
const (
	KindWire              Kind = "wire"
	KindPublicBroadcaster Kind = "public_broadcaster"
	KindStateAffiliated   Kind = "state_affiliated"
	KindPrivate           Kind = "private"
	KindAggregator        Kind = "aggregator"
	KindUnknown           Kind = "unknown"
)

// Kinds lists the valid kinds, news-producing kinds first.
var Kinds = []Kind{KindWire, KindPublicBroadcaster, KindStateAffiliated, KindPrivate, KindAggregator, KindUnknown}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool { return slices.Contains(Kinds, k) }

// Unattributed is the name Credit gives an article that names no outlet.
const Unattributed = "unattributed"

// Outlet is one publisher. The JSON field names are a public interface
// (`parallax outlets --json`, the user file).
type Outlet struct {
	Name string `json:"name"`
	// Domains are host names without "www." ("rt.com"), optionally with a
	// path prefix for sections and language services ("bbc.com/russian").
	Domains []string `json:"domains"`
	// Country is where the outlet is based (ISO 3166-1 alpha-2), "" if unknown.
	Country string `json:"country"`
	// Language is the main language of its articles (ISO 639-1).
	Language string `json:"language"`
	Kind     Kind   `json:"kind"`
	// Aliases are other names it goes by ("Russia Today", "AP").
	Aliases []string `json:"aliases,omitempty"`
}

// Republisher reports whether the outlet republishes others' articles
// (an aggregator) rather than reporting itself.
func (o Outlet) Republisher() bool { return o.Kind == KindAggregator }

//go:embed outlets.json
var builtinJSON []byte

// file is the on-disk format: {"outlets": [...]}; a bare array is accepted too.
type file struct {
	Outlets []Outlet `json:"outlets"`
}

// maxFile bounds a user file; outlet lists are small.
const maxFile = 8 << 20

// Parse decodes an outlet list (an object {"outlets": [...]} or a bare
// array) and validates every entry: a name, valid UTF-8 without control
// characters, a known kind (empty means unknown), a two-letter country or
// none. The error names the first bad entry.
func Parse(b []byte) ([]Outlet, error) {
	if len(b) > maxFile {
		return nil, fmt.Errorf("parse outlets: file larger than %d bytes", maxFile)
	}
	b = bytes.TrimSpace(b)
	var list []Outlet
	switch {
	case len(b) == 0:
		return nil, errors.New("parse outlets: empty file")
	case b[0] == '[':
		if err := json.Unmarshal(b, &list); err != nil {
			return nil, fmt.Errorf("parse outlets: %w", err)
		}
	default:
		var f file
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&f); err != nil {
			return nil, fmt.Errorf("parse outlets: %w", err)
		}
		if _, err := dec.Token(); err != io.EOF {
			return nil, errors.New("parse outlets: data after the outlet list")
		}
		list = f.Outlets
	}
	for i := range list {
		if err := normalize(&list[i]); err != nil {
			return nil, fmt.Errorf("parse outlets: entry %d (%q): %w", i+1, list[i].Name, err)
		}
	}
	return list, nil
}

// normalize checks an entry and puts its fields in canonical form.
func normalize(o *Outlet) error {
	o.Name = strings.TrimSpace(o.Name)
	if o.Name == "" {
		return errors.New("no name")
	}
	if key(o.Name) == "" {
		return errors.New("name has no letter or digit")
	}
	all := append([]string{o.Name, o.Country, o.Language, string(o.Kind)}, o.Domains...)
	all = append(all, o.Aliases...)
	for _, s := range all {
		if !utf8.ValidString(s) || strings.ContainsFunc(s, unicode.IsControl) {
			return errors.New("invalid UTF-8 or control character")
		}
	}
	if o.Kind == "" {
		o.Kind = KindUnknown
	}
	if !o.Kind.Valid() {
		return fmt.Errorf("kind %q: want one of %v", o.Kind, Kinds)
	}
	o.Country = strings.ToUpper(strings.TrimSpace(o.Country))
	if o.Country != "" && (len(o.Country) != 2 || strings.ContainsFunc(o.Country, func(r rune) bool { return r < 'A' || r > 'Z' })) {
		return fmt.Errorf("country %q: want a two-letter ISO 3166-1 code", o.Country)
	}
	o.Language = strings.ToLower(strings.TrimSpace(o.Language))
	doms := make([]string, 0, len(o.Domains))
	for _, d := range o.Domains {
		d = domainKey(d)
		if !utf8.ValidString(d) || strings.ContainsFunc(d, unicode.IsControl) {
			return fmt.Errorf("domain %q: invalid", d)
		}
		if d != "" && !slices.Contains(doms, d) {
			doms = append(doms, d)
		}
	}
	o.Domains = doms
	if o.Domains == nil {
		o.Domains = []string{}
	}
	return nil
}

// Registry finds outlets by name, alias, domain or URL. Build it with
// Builtin or New; it is safe for concurrent reads.
type Registry struct {
	list     []Outlet
	byName   map[string]int // key(name or alias) -> index
	byDomain map[string]int // domainKey -> index
	// sectionOf maps a section entry (see Resolve) to the outlet it is a
	// section of.
	sectionOf map[int]int
}

// Builtin returns the registry of the embedded outlet list.
func Builtin() (*Registry, error) {
	list, err := Parse(builtinJSON)
	if err != nil {
		return nil, fmt.Errorf("built-in outlets: %w", err)
	}
	return New(list), nil
}

// Load returns the built-in registry extended by the user file's entries
// (see Merge); user may be nil.
func Load(user []byte) (*Registry, error) {
	r, err := Builtin()
	if err != nil {
		return nil, err
	}
	if user == nil {
		return r, nil
	}
	extra, err := Parse(user)
	if err != nil {
		return nil, err
	}
	r.Merge(extra)
	return r, nil
}

// New returns a registry of the outlets; later entries override earlier
// ones as in Merge.
func New(list []Outlet) *Registry {
	r := &Registry{}
	r.Merge(list)
	return r
}

// Merge adds outlets. An entry whose name (or alias, or one of its domains)
// matches an outlet already present overrides that outlet field by field:
// non-empty fields replace, domains and aliases are added. Other entries
// are appended.
func (r *Registry) Merge(list []Outlet) {
	for _, o := range list {
		if err := normalize(&o); err != nil {
			continue
		}
		i, ok := r.find(o)
		if !ok {
			r.list = append(r.list, o)
			continue
		}
		old := &r.list[i]
		if o.Country != "" {
			old.Country = o.Country
		}
		if o.Language != "" {
			old.Language = o.Language
		}
		if o.Kind != KindUnknown {
			old.Kind = o.Kind
		}
		if key(o.Name) != key(old.Name) {
			old.Aliases = appendNew(old.Aliases, o.Name)
		}
		old.Domains = appendNew(old.Domains, o.Domains...)
		old.Aliases = appendNew(old.Aliases, o.Aliases...)
	}
	r.index()
}

func appendNew(dst []string, add ...string) []string {
	for _, s := range add {
		if !slices.Contains(dst, s) {
			dst = append(dst, s)
		}
	}
	return dst
}

// find returns the index of the outlet o overrides.
func (r *Registry) find(o Outlet) (int, bool) {
	if i, ok := r.byName[key(o.Name)]; ok {
		return i, true
	}
	for _, d := range o.Domains {
		if i, ok := r.byDomain[d]; ok {
			return i, true
		}
	}
	return 0, false
}

func (r *Registry) index() {
	r.byName = make(map[string]int, len(r.list)*2)
	r.byDomain = make(map[string]int, len(r.list)*2)
	r.sectionOf = map[int]int{}
	for i, o := range r.list {
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			if k := key(n); k != "" {
				if _, dup := r.byName[k]; !dup {
					r.byName[k] = i
				}
			}
		}
		for _, d := range o.Domains {
			if _, dup := r.byDomain[d]; !dup {
				r.byDomain[d] = i
			}
		}
	}
	for i, o := range r.list {
		if p, ok := r.parentOf(o); ok && p != i {
			r.sectionOf[i] = p
		}
	}
}

// parentOf finds the outlet a section entry belongs to: every domain of o
// has a path, and every such host is the registered domain of one outlet
// with o's language, country and kind.
func (r *Registry) parentOf(o Outlet) (int, bool) {
	parent := -1
	for _, d := range o.Domains {
		host, path, _ := strings.Cut(d, "/")
		if path == "" {
			return 0, false
		}
		i, ok := r.byDomain[host]
		if !ok || parent >= 0 && i != parent {
			return 0, false
		}
		parent = i
	}
	if parent < 0 {
		return 0, false
	}
	p := r.list[parent]
	if p.Language != o.Language || p.Country != o.Country || p.Kind != o.Kind {
		return 0, false
	}
	return parent, true
}

// All returns every outlet, sorted by name (case-insensitive).
func (r *Registry) All() []Outlet {
	out := slices.Clone(r.list)
	slices.SortFunc(out, func(a, b Outlet) int { return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)) })
	return out
}

// Lookup finds an outlet by name, alias, domain or URL, ignoring case,
// punctuation, a leading "The", "www." and the scheme. A URL or domain with
// a path matches the longest registered domain-and-path prefix, then the
// host, then its parent domains ("edition.cnn.com" finds "cnn.com").
func (r *Registry) Lookup(s string) (Outlet, bool) {
	if r == nil {
		return Outlet{}, false
	}
	i := r.lookup(s)
	if i < 0 {
		return Outlet{}, false
	}
	return r.list[i], true
}

// lookup is Lookup returning the index of the outlet, -1 when none.
func (r *Registry) lookup(s string) int {
	s = strings.TrimSpace(s)
	if s == "" {
		return -1
	}
	if i, ok := r.byName[key(s)]; ok {
		return i
	}
	if !looksLikeDomain(s) {
		return -1
	}
	d := domainKey(s)
	host, path, _ := strings.Cut(d, "/")
	// Longest path prefix first: bbc.com/russian/features -> bbc.com/russian.
	segs := strings.Split(path, "/")
	for n := len(segs); n >= 0; n-- {
		h := host
		for h != "" {
			cand := h
			if n > 0 && path != "" {
				cand = h + "/" + strings.Join(segs[:n], "/")
			}
			if i, ok := r.byDomain[cand]; ok {
				return i
			}
			if n > 0 {
				break // paths only on the host as written
			}
			_, parent, found := strings.Cut(h, ".")
			if !found || !strings.Contains(parent, ".") {
				break
			}
			h = parent
		}
	}
	return -1
}

// Resolve is Lookup for identity: it finds the one outlet any known
// spelling, alias, domain or URL stands for ("AP", "apnews.com", "The
// Associated Press" and "https://apnews.com/article/x" give Associated
// Press). A section of an outlet, an entry whose domains are all paths on
// another outlet's host in the same language and country and of the same
// kind ("CNN World", edition.cnn.com/world), resolves to that outlet; a
// language service ("BBC News Russian", bbc.com/russian) stays itself.
func (r *Registry) Resolve(s string) (Outlet, bool) {
	if r == nil {
		return Outlet{}, false
	}
	i := r.lookup(s)
	if i < 0 {
		return Outlet{}, false
	}
	if p, ok := r.sectionOf[i]; ok {
		i = p
	}
	return r.list[i], true
}

// Name returns the registry name of the outlet s names (see Resolve). An
// outlet the registry does not know keeps the name as written, tidied of
// spaces; a bare domain or URL gives its host without "www." and port. An
// empty s gives "".
func (r *Registry) Name(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return ""
	}
	if o, ok := r.Resolve(s); ok {
		return o.Name
	}
	name := s
	if looksLikeDomain(s) {
		host, _, _ := strings.Cut(domainKey(s), "/")
		for strings.HasPrefix(host, "www.") {
			host = host[len("www."):]
		}
		if plausibleHost(host) {
			name = host
		}
	}
	// The host of an unknown address may itself spell a known outlet
	// ("www.rt" gives "rt"): resolve it, so that a name Name returns
	// resolves to itself.
	if o, ok := r.Resolve(name); ok {
		return o.Name
	}
	return name
}

// plausibleHost reports whether h reads as a host name: letters, digits,
// hyphens and inner dots, at least one dot.
func plausibleHost(h string) bool {
	if !strings.Contains(h, ".") || strings.HasPrefix(h, ".") || strings.HasSuffix(h, ".") || strings.Contains(h, "..") {
		return false
	}
	return !strings.ContainsFunc(h, func(r rune) bool {
		return r != '.' && r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

var builtinRegistry = sync.OnceValues(Builtin)

// Default returns the registry of the embedded outlet list, built once and
// shared; callers must not Merge into it.
func Default() *Registry {
	r, err := builtinRegistry()
	if err != nil {
		// The embedded list is checked by the package tests; an error here
		// is a build defect, not bad input. An empty registry still resolves
		// names to themselves.
		return New(nil)
	}
	return r
}

// Name resolves s with the built-in registry (see Registry.Name).
func Name(s string) string { return Default().Name(s) }

// looksLikeDomain reports whether s reads as a host name or URL.
func looksLikeDomain(s string) bool {
	if strings.Contains(s, "://") {
		return true
	}
	host, _, _ := strings.Cut(s, "/")
	return strings.Contains(host, ".") && !strings.ContainsAny(host, " \t")
}

// Credit returns the outlet an article counts for: its origin outlet when
// it was republished, else the outlet it was read from. An outlet the
// registry does not know is returned with the article's name and
// KindUnknown; an article naming no outlet gets Unattributed.
func (r *Registry) Credit(a news.Article) Outlet {
	name := strings.TrimSpace(a.OriginOutlet)
	if name == "" {
		name = strings.TrimSpace(a.Outlet)
	}
	if name == "" && a.URL != "" {
		if o, ok := r.Resolve(a.URL); ok {
			return o
		}
	}
	if name == "" {
		return Outlet{Name: Unattributed, Domains: []string{}, Kind: KindUnknown}
	}
	if o, ok := r.Resolve(name); ok {
		return o
	}
	return Outlet{Name: name, Domains: []string{}, Kind: KindUnknown}
}

// key folds a name for matching: lower case, letters and digits only, a
// leading "the" dropped.
func key(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		} else if b.Len() > 0 {
			b.WriteByte(' ')
		}
	}
	k := strings.Join(strings.Fields(b.String()), " ")
	if rest, ok := strings.CutPrefix(k, "the "); ok && rest != "" {
		k = rest
	}
	return strings.ReplaceAll(k, " ", "")
}

// domainKey folds a domain or URL: lower case, no scheme, no "www.", no
// port, query or trailing slash.
func domainKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if strings.Contains(s, "://") {
		if u, err := url.Parse(s); err == nil && u.Host != "" {
			s = u.Host + u.EscapedPath()
		} else {
			_, s, _ = strings.Cut(s, "://")
		}
	}
	s, _, _ = strings.Cut(s, "?")
	s, _, _ = strings.Cut(s, "#")
	host, path, _ := strings.Cut(s, "/")
	if h, _, ok := strings.Cut(host, ":"); ok {
		host = h
	}
	host = strings.TrimPrefix(strings.TrimSuffix(host, "."), "www.")
	path = strings.Trim(path, "/")
	if host == "" {
		return ""
	}
	if path != "" {
		return host + "/" + path
	}
	return host
}
