package web

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/store"
)

// searchFilter narrows search hits by the outlet an article is credited
// to (its origin outlet when republished), that outlet's kind and country
// from the outlet registry, and the publication date. The zero value keeps
// every hit.
type searchFilter struct {
	Outlet  string // name, alias or domain, as the registry finds it
	Kind    string // an outlet.Kind
	Country string // ISO 3166-1 alpha-2, upper case
	From    time.Time
	To      time.Time // inclusive day
	// FromText and ToText are the dates as given, for the form.
	FromText, ToText string
}

// searchFilterFactor is how many more hits a filtered search asks the
// store for, so that enough remain after filtering; maxFilteredHits caps it.
const (
	searchFilterFactor = 10
	maxFilteredHits    = 1000
)

// parseSearchFilter reads outlet, kind, country, from and to from a query.
func parseSearchFilter(q url.Values) (searchFilter, error) {
	f := searchFilter{
		Outlet:   strings.TrimSpace(q.Get("outlet")),
		Kind:     strings.TrimSpace(q.Get("kind")),
		Country:  strings.ToUpper(strings.TrimSpace(q.Get("country"))),
		FromText: strings.TrimSpace(q.Get("from")),
		ToText:   strings.TrimSpace(q.Get("to")),
	}
	if len(f.Outlet) > 200 {
		return f, fmt.Errorf("outlet is longer than 200 bytes")
	}
	if f.Kind != "" && !outlet.Kind(f.Kind).Valid() {
		return f, fmt.Errorf("kind %q: want one of %s", f.Kind, kindList())
	}
	if f.Country != "" && (len(f.Country) != 2 || f.Country[0] < 'A' || f.Country[0] > 'Z' || f.Country[1] < 'A' || f.Country[1] > 'Z') {
		return f, fmt.Errorf("country %q: want a two-letter code such as UA", f.Country)
	}
	var err error
	if f.FromText != "" {
		if f.From, err = time.Parse(time.DateOnly, f.FromText); err != nil {
			return f, fmt.Errorf("from %q: want a date like 2025-07-01", f.FromText)
		}
	}
	if f.ToText != "" {
		if f.To, err = time.Parse(time.DateOnly, f.ToText); err != nil {
			return f, fmt.Errorf("to %q: want a date like 2025-12-31", f.ToText)
		}
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return f, fmt.Errorf("to %s is before from %s", f.ToText, f.FromText)
	}
	return f, nil
}

func kindList() string {
	var ks []string
	for _, k := range outlet.Kinds {
		ks = append(ks, string(k))
	}
	return strings.Join(ks, ", ")
}

// Active reports whether the filter removes anything.
func (f searchFilter) Active() bool {
	return f.Outlet != "" || f.Kind != "" || f.Country != "" || !f.From.IsZero() || !f.To.IsZero()
}

// apply keeps the hits that pass the filter, in order, at most limit.
func (s *Server) filterHits(f searchFilter, hits []store.SearchHit, limit int) []store.SearchHit {
	var want string // the registry's name for the outlet asked for
	if f.Outlet != "" && s.reg != nil {
		if o, ok := s.reg.Lookup(f.Outlet); ok {
			want = o.Name
		}
	}
	out := hits[:0:0]
	for _, h := range hits {
		if len(out) == limit {
			break
		}
		a := h.Article
		var o outlet.Outlet
		if s.reg != nil {
			o = s.reg.Credit(a)
		} else {
			o = outlet.Outlet{Name: articleCredit(a).Lead, Kind: outlet.KindUnknown}
		}
		if f.Outlet != "" {
			match := strings.EqualFold(o.Name, f.Outlet) || (want != "" && o.Name == want) ||
				strings.EqualFold(a.Outlet, f.Outlet) || strings.EqualFold(a.OriginOutlet, f.Outlet)
			if !match {
				continue
			}
		}
		if f.Kind != "" && string(o.Kind) != f.Kind {
			continue
		}
		if f.Country != "" && !strings.EqualFold(o.Country, f.Country) {
			continue
		}
		if !f.From.IsZero() && (a.Published.IsZero() || a.Published.UTC().Before(f.From)) {
			continue
		}
		if !f.To.IsZero() && (a.Published.IsZero() || !a.Published.UTC().Before(f.To.AddDate(0, 0, 1))) {
			continue
		}
		out = append(out, h)
	}
	return out
}

// searchChoices are the options of the search form's selects.
type searchChoices struct {
	Kinds     []kindChoice
	Countries []string
	Outlets   []string
}

type kindChoice struct {
	Value, Label string
}

func (s *Server) searchChoices() searchChoices {
	var c searchChoices
	for _, k := range outlet.Kinds {
		c.Kinds = append(c.Kinds, kindChoice{Value: string(k), Label: kindName(string(k))})
	}
	if s.reg == nil {
		return c
	}
	seen := map[string]bool{}
	for _, o := range s.reg.All() {
		c.Outlets = append(c.Outlets, o.Name)
		if o.Country != "" && !seen[o.Country] {
			seen[o.Country] = true
			c.Countries = append(c.Countries, o.Country)
		}
	}
	slices.Sort(c.Countries)
	return c
}
