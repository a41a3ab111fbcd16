package web

import (
	"context"
	"errors"
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
	// Entity is an entity's ID or a name to look up; EntityID and
	// EntityName are what it resolved to (by the handler, before filtering).
	Entity     string
	EntityID   string
	EntityName string
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
		Entity:   strings.TrimSpace(q.Get("entity")),
	}
	if len(f.Entity) > 200 {
		return f, fmt.Errorf("entity is longer than 200 bytes")
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
	return f.Outlet != "" || f.Kind != "" || f.Country != "" || !f.From.IsZero() || !f.To.IsZero() || f.Entity != ""
}

// resolveEntity finds the entity the filter names, by ID (following
// merges) or else by name or alias (the most mentioned match). It reports
// false when none matches.
func (s *Server) resolveEntity(ctx context.Context, f *searchFilter) (bool, error) {
	if f.Entity == "" {
		return true, nil
	}
	if validID(f.Entity) {
		e, err := s.st.Entity(ctx, f.Entity)
		if err == nil {
			f.EntityID, f.EntityName = e.ID, e.Name
			return true, nil
		}
		if !errors.Is(err, store.ErrNotFound) {
			return false, fmt.Errorf("entity %s: %w", f.Entity, err)
		}
	}
	list, err := s.st.Entities(ctx, store.EntityQuery{Name: f.Entity, Limit: 20})
	if err != nil {
		return false, fmt.Errorf("entity %q: %w", f.Entity, err)
	}
	if len(list) == 0 {
		return false, nil
	}
	best := list[0]
	for _, e := range list {
		if strings.EqualFold(e.Name, f.Entity) {
			best = e
			break
		}
	}
	f.EntityID, f.EntityName = best.ID, best.Name
	return true, nil
}

// mentions reports whether the analysis of article id names the entity.
func (s *Server) mentions(ctx context.Context, id, entityID string) (bool, error) {
	an, err := s.st.Analysis(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("analysis of %s: %w", id, err)
	}
	for _, m := range an.Mentions {
		if m.EntityID == entityID {
			return true, nil
		}
	}
	for _, q := range an.Quotes {
		if q.SpeakerID == entityID {
			return true, nil
		}
	}
	return false, nil
}

// filterHits keeps the hits that pass the filter, in order, at most
// limit. The entity must have been resolved (resolveEntity).
func (s *Server) filterHits(ctx context.Context, f searchFilter, hits []store.SearchHit, limit int) ([]store.SearchHit, error) {
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
		if f.EntityID != "" {
			ok, err := s.mentions(ctx, a.ID, f.EntityID)
			if err != nil {
				return nil, err
			}
			if !ok {
				continue
			}
		}
		out = append(out, h)
	}
	return out, nil
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
