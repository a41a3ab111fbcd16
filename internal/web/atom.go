package web

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/watch"
)

// Atom feeds let a feed reader follow a storyline or a saved search.
// Storyline feeds carry one entry per story (when it first appeared) and
// one per significant update of a story: an outlet of a kind that had not
// carried it yet (state media picking up a wire story, say), or figures
// that came to differ (a toll that moved, outlets that disagree). Search feeds
// carry one entry per matching article.

const (
	atomNS         = "http://www.w3.org/2005/Atom"
	maxAtomEntries = 100
	maxAtomArticle = 2000 // articles read to build one storyline feed
)

type atomFeed struct {
	XMLName xml.Name    `xml:"feed"`
	NS      string      `xml:"xmlns,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID        string       `xml:"id"`
	Title     string       `xml:"title"`
	Updated   string       `xml:"updated"`
	Published string       `xml:"published,omitempty"`
	Link      atomLink     `xml:"link"`
	Category  []atomCat    `xml:"category,omitempty"`
	Summary   atomText     `xml:"summary"`
	Authors   []atomPerson `xml:"author,omitempty"`
	at        time.Time
}

type atomCat struct {
	Term string `xml:"term,attr"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

// atomFeedOf is the "atomFeed" template function: the address of the
// Atom feed a page offers, or "" when it offers none.
func atomFeedOf(data any) string {
	if f, ok := data.(interface{ AtomFeed() string }); ok {
		return f.AtomFeed()
	}
	return ""
}

// AtomFeed is the storyline page's feed.
func (d storylineShowData) AtomFeed() string { return "/storylines/" + d.Storyline.ID + "/feed.atom" }

// AtomFeed is the search page's feed: the same query and filters.
func (d searchData) AtomFeed() string {
	if d.Query == "" {
		return ""
	}
	return "/search/feed.atom?" + d.FeedQuery
}

// baseURL is the scheme and host the request came to, for absolute links.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// storylineFeed serves GET /storylines/{id}/feed.atom.
func (s *Server) storylineFeed(w http.ResponseWriter, r *http.Request) {
	l, ok := lookupView(s, w, r, "storyline", "/storylines/", "/feed.atom", s.st.Storyline, func(l news.Storyline) string { return l.ID })
	if !ok {
		return
	}
	stories, err := s.storylineStories(r, l)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	base := baseURL(r)
	var entries []atomEntry
	budget := maxAtomArticle
	for _, st := range stories {
		es, used, err := s.storyEntries(r.Context(), base, st, budget)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		entries = append(entries, es...)
		if budget -= used; budget <= 0 {
			break
		}
	}
	title := storylineTitle(l)
	s.writeAtom(w, r, atomFeed{
		ID: "urn:parallax:storyline:" + l.ID, Title: title + " · " + s.siteName(),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: base + "/storylines/" + l.ID + "/feed.atom"},
			{Rel: "alternate", Type: "text/html", Href: base + "/storylines/" + l.ID},
		},
	}, entries, l.LastSeen)
}

// storylineTitle is the storyline's label, or a stand-in.
func storylineTitle(l news.Storyline) string {
	if l.Label != "" {
		return l.Label
	}
	return "Unlabelled storyline"
}

func (s *Server) siteName() string {
	if s.opts.Title != "" {
		return s.opts.Title
	}
	return "Parallax"
}

// storyEntries returns the entries of one story: the story itself, dated
// by its first article, and one entry for each later article that brought
// an outlet kind the story had not had. It reads at most budget articles.
func (s *Server) storyEntries(ctx context.Context, base string, st news.Story, budget int) ([]atomEntry, int, error) {
	ids := st.ArticleIDs
	if len(ids) > budget {
		ids = ids[:budget]
	}
	var arts []news.Article
	for _, id := range ids {
		a, err := s.st.Article(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, 0, fmt.Errorf("story %s feed: article %s: %w", st.ID, id, err)
		}
		arts = append(arts, a)
	}
	if len(arts) == 0 {
		return nil, len(ids), nil
	}
	base = strings.TrimSuffix(base, "/")
	var out []atomEntry
	for _, e := range watch.StoryEvents(st, arts, watch.RegistryOutlets(s.reg)) {
		out = append(out, atomEntryOf(base, e))
	}
	return out, len(ids), nil
}

// atomEntryOf is the feed entry of an event: a new story is published
// when it happened; other events update their story.
func atomEntryOf(base string, e watch.Event) atomEntry {
	out := atomEntry{
		ID: e.ID, Title: e.Title, at: e.At,
		Link:     atomLink{Rel: "alternate", Type: "text/html", Href: base + e.Path},
		Category: []atomCat{{Term: e.Type}},
		Summary:  atomText{Type: "text", Body: e.Summary},
	}
	if e.Type == watch.NewStory {
		out.Published = e.At.Format(time.RFC3339)
	}
	return out
}

// searchFeed serves GET /search/feed.atom?q=: the newest articles that
// match a search, with the search page's filters.
func (s *Server) searchFeed(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	query := strings.TrimSpace(q.Get("q"))
	if query == "" {
		s.badRequest(w, r, errors.New("a search feed needs a query: /search/feed.atom?q=words"))
		return
	}
	if len(query) > maxQueryLen {
		s.badRequest(w, r, fmt.Errorf("search query is longer than %d bytes", maxQueryLen))
		return
	}
	filter, err := parseSearchFilter(q)
	if err != nil {
		s.badRequest(w, r, err)
		return
	}
	found, err := s.resolveEntity(r.Context(), &filter)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var hits []store.SearchHit
	if found {
		limit := maxAtomEntries
		if filter.Active() {
			limit = min(limit*searchFilterFactor, maxFilteredHits)
		}
		hits, err = s.st.Search(r.Context(), query, limit)
		if err == nil && filter.Active() {
			hits, err = s.filterHits(r.Context(), filter, hits, maxAtomEntries)
		}
		if err != nil {
			s.serverError(w, r, fmt.Errorf("search feed %q: %w", query, err))
			return
		}
	}
	base := baseURL(r)
	entries := make([]atomEntry, 0, len(hits))
	for _, h := range hits {
		a := h.Article
		at := watch.At(a)
		e := atomEntry{
			ID: "urn:parallax:article:" + a.ID, Title: news.DisplayTitle(a), at: at,
			Published: at.Format(time.RFC3339),
			Link:      atomLink{Rel: "alternate", Type: "text/html", Href: base + "/articles/" + a.ID},
			Summary:   atomText{Type: "text", Body: strings.NewReplacer("[", "", "]", "").Replace(h.Snippet)},
		}
		if o := articleCredit(a).Lead; o != "" {
			e.Authors = []atomPerson{{Name: o}}
		}
		entries = append(entries, e)
	}
	self := "/search/feed.atom?" + r.URL.RawQuery
	s.writeAtom(w, r, atomFeed{
		ID: "urn:parallax:search:" + url.QueryEscape(r.URL.RawQuery), Title: "Search: " + query + " · " + s.siteName(),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: base + self},
			{Rel: "alternate", Type: "text/html", Href: base + "/search?" + r.URL.RawQuery},
		},
	}, entries, time.Time{})
}

// writeAtom sorts the entries newest first, keeps maxAtomEntries and writes
// the feed; its updated time is the newest entry's (or fallback, or now's
// zero hour when there is neither).
func (s *Server) writeAtom(w http.ResponseWriter, r *http.Request, f atomFeed, entries []atomEntry, fallback time.Time) {
	slices.SortStableFunc(entries, func(a, b atomEntry) int {
		if c := b.at.Compare(a.at); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	if len(entries) > maxAtomEntries {
		entries = entries[:maxAtomEntries]
	}
	updated := fallback
	if len(entries) > 0 && entries[0].at.After(updated) {
		updated = entries[0].at
	}
	if updated.IsZero() {
		updated = time.Unix(0, 0)
	}
	for i := range entries {
		entries[i].Updated = entries[i].at.Format(time.RFC3339)
	}
	f.NS, f.Updated, f.Entries = atomNS, updated.UTC().Format(time.RFC3339), entries
	f.Author = atomPerson{Name: s.siteName()}
	body, err := xml.MarshalIndent(f, "", " ")
	if err != nil {
		s.serverError(w, r, fmt.Errorf("atom feed: %w", err))
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	_, _ = w.Write([]byte(xml.Header))
	_, _ = w.Write(body)
}
