package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Limits of the comparison pages: rows per outlet column.
const (
	compareSpeakers = 8
	compareTerms    = 10
)

// compareView is what compare.html receives: the comparison and the same
// facts regrouped by outlet column.
type compareView struct {
	Scope   string // "story" or "storyline"
	ID      string
	Title   string
	Back    string // the story or storyline page
	APIPath string
	C       compare.Comparison
	Columns []compareColumn
	Naming  []namingRow
	// Languages is the coverage by language of the compared articles
	// (the "languages" partial).
	Languages []langCoverage
}

// compareColumn is one outlet's column.
type compareColumn struct {
	Coverage compare.OutletCoverage
	Quotes   int
	Speakers []compare.SpeakerShare
	Words    int
	Terms    []compare.TermScore
	Naming   []columnForm
}

// columnForm is one naming form an outlet used.
type columnForm struct {
	Pair      string
	Form      string
	Count     int // in its own words
	Quoted    int // inside quotation marks
	Preferred bool
	Split     bool // the outlets split on this pair
}

// namingRow is one variant pair across outlets: for each form, who prefers
// it in their own words.
type namingRow struct {
	Pair  string
	Split bool
	Forms []namingForm
}

type namingForm struct {
	Form    string
	Outlets []string // prefer it in their own words
	Quoting []string // use it only inside quotes
	Mixed   []string // use it as often as another form
}

// showStoryCompare renders GET /stories/{id}/compare.
func (s *Server) showStoryCompare(w http.ResponseWriter, r *http.Request) {
	st, ok := lookupView(s, w, r, "story", "/stories/", "/compare", s.st.Story, func(v news.Story) string { return v.ID })
	if !ok {
		return
	}
	c, err := s.compareStory(r.Context(), st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := newCompareView(c, "/stories/"+st.ID, "/api/stories/"+st.ID+"/compare")
	if v.Languages, err = s.languageCoverage(r.Context(), st.ArticleIDs); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "compare", page{Title: "Compare outlets: " + orUntitled(st.Title, "story"), Nav: "stories", Data: v})
}

// showStorylineCompare renders GET /storylines/{id}/compare.
func (s *Server) showStorylineCompare(w http.ResponseWriter, r *http.Request) {
	l, ok := lookupView(s, w, r, "storyline", "/storylines/", "/compare", s.st.Storyline, storylineID)
	if !ok {
		return
	}
	c, err := s.compareStoryline(r.Context(), l)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := newCompareView(c, "/storylines/"+l.ID, "/api/storylines/"+l.ID+"/compare")
	s.render(w, r, http.StatusOK, "compare", page{Title: "Compare outlets: " + orUntitled(l.Label, "storyline"), Nav: "storylines", Data: v})
}

// apiStoryCompare serves GET /api/stories/{id}/compare: the
// compare.Comparison JSON, as `parallax compare --json` prints it.
func (s *Server) apiStoryCompare(w http.ResponseWriter, r *http.Request) {
	st, ok := apiLookupOf(s, w, r, "story", s.st.Story)
	if !ok {
		return
	}
	c, err := s.compareStory(r.Context(), st)
	if err != nil {
		s.apiFail(w, r, http.StatusInternalServerError, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, c)
}

// apiStorylineCompare serves GET /api/storylines/{id}/compare.
func (s *Server) apiStorylineCompare(w http.ResponseWriter, r *http.Request) {
	l, ok := apiLookupOf(s, w, r, "storyline", s.st.Storyline)
	if !ok {
		return
	}
	c, err := s.compareStoryline(r.Context(), l)
	if err != nil {
		s.apiFail(w, r, http.StatusInternalServerError, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, c)
}

// lookupView is lookupPage for a view under a story or storyline page
// (base+id+suffix): an ID folded into another redirects to the same view of
// the one it was folded into.
func lookupView[T any](s *Server, w http.ResponseWriter, r *http.Request, what, base, suffix string,
	get func(context.Context, string) (T, error), idOf func(T) string) (v T, ok bool) {
	id := r.PathValue("id")
	missing := "There is no " + what + " with this ID."
	if !validID(id) {
		s.notFound(w, r, missing)
		return v, false
	}
	v, err := get(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r, missing)
		return v, false
	}
	if err != nil {
		s.serverError(w, r, fmt.Errorf("%s %s: %w", what, id, err))
		return v, false
	}
	if got := idOf(v); got != id && validID(got) {
		target := base + url.PathEscape(got) + suffix
		if q := r.URL.RawQuery; q != "" {
			target += "?" + q
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return v, false
	}
	return v, true
}

func storylineID(l news.Storyline) string { return l.ID }

// orUntitled returns title, or "Untitled " + what when it is empty.
func orUntitled(title, what string) string {
	if title == "" {
		return "Untitled " + what
	}
	return title
}

// compareStory compares the outlets of one story, as `parallax compare`.
func (s *Server) compareStory(ctx context.Context, st news.Story) (compare.Comparison, error) {
	return s.cmp.CompareStoryValue(ctx, st)
}

// compareStoryline compares the outlets of every story of a storyline
// together, as `parallax compare --storyline`.
func (s *Server) compareStoryline(ctx context.Context, l news.Storyline) (compare.Comparison, error) {
	return s.cmp.CompareStorylineValue(ctx, l)
}

// newCompareView regroups a comparison by outlet column.
func newCompareView(c compare.Comparison, back, api string) compareView {
	v := compareView{Scope: c.Scope, ID: c.StoryID, Title: c.Title, Back: back, APIPath: api, C: c}
	index := make(map[string]int, len(c.Outlets))
	for i, o := range c.Outlets {
		index[o] = i
		col := compareColumn{Coverage: compare.OutletCoverage{Name: o}}
		if i < len(c.Coverage.Outlets) {
			col.Coverage = c.Coverage.Outlets[i]
		}
		if i < len(c.Voices) {
			col.Quotes = c.Voices[i].Quotes
			col.Speakers = c.Voices[i].Speakers[:min(len(c.Voices[i].Speakers), compareSpeakers)]
		}
		if i < len(c.Wording) {
			col.Words = c.Wording[i].Words
			col.Terms = c.Wording[i].Terms[:min(len(c.Wording[i].Terms), compareTerms)]
		}
		v.Columns = append(v.Columns, col)
	}
	for _, n := range c.Naming {
		row := namingRow{Pair: n.Pair, Split: n.Split}
		for f, form := range n.Forms {
			nf := namingForm{Form: form}
			for _, no := range n.Outlets {
				own, quoted := at(no.Counts, f), at(no.Quoted, f)
				if own > 0 || quoted > 0 {
					if i, ok := index[no.Outlet]; ok {
						v.Columns[i].Naming = append(v.Columns[i].Naming, columnForm{
							Pair: n.Pair, Form: form, Count: own, Quoted: quoted,
							Preferred: no.Prefers == form, Split: n.Split,
						})
					}
				}
				switch {
				case no.Prefers == form && !no.PrefersQuoted:
					nf.Outlets = append(nf.Outlets, no.Outlet)
				case no.Prefers == form:
					nf.Quoting = append(nf.Quoting, no.Outlet)
				case no.Prefers == "" && own > 0:
					nf.Mixed = append(nf.Mixed, no.Outlet)
				}
			}
			if len(nf.Outlets) > 0 || len(nf.Quoting) > 0 || len(nf.Mixed) > 0 {
				row.Forms = append(row.Forms, nf)
			}
		}
		if len(row.Forms) > 0 {
			v.Naming = append(v.Naming, row)
		}
	}
	// Splits first: they are what a reader came for.
	slices.SortStableFunc(v.Naming, func(a, b namingRow) int {
		switch {
		case a.Split == b.Split:
			return 0
		case a.Split:
			return -1
		}
		return 1
	})
	return v
}

func at(xs []int, i int) int {
	if i < len(xs) {
		return xs[i]
	}
	return 0
}
