package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

type entityShowData struct {
	Entity news.Entity
	// Names is the entity's name in each language it was seen in
	// (Entity.NameByLang), English first, then by language code.
	Names    []langName
	Quotes   []quoteRow     // oldest first
	Mentions []mentionRow   // oldest first
	Stories  []storyMention // stories of the quotes and mentions, newest first
	// QuotedBy counts the quotes by the outlet credited with the article,
	// most first.
	QuotedBy []outletCount
}

// maxEntitySearches is how many of an entity's names (name, names by
// language, aliases) the entity page searches for articles mentioning it.
const maxEntitySearches = 6

// langName is an entity's name in one language.
type langName struct {
	Code     string // ISO 639-1, for the lang attribute ("" when not a tag)
	Language string // "Russian" (languageName)
	Name     string
}

// namesByLang lists e.NameByLang, English first, then by language code.
func namesByLang(e news.Entity) []langName {
	out := make([]langName, 0, len(e.NameByLang))
	for code, name := range e.NameByLang {
		if strings.TrimSpace(name) == "" {
			continue
		}
		out = append(out, langName{Code: langTag(code), Language: languageName(code), Name: name})
	}
	slices.SortFunc(out, func(a, b langName) int {
		if (a.Code == "en") != (b.Code == "en") {
			if a.Code == "en" {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Code, b.Code)
	})
	return out
}

type outletCount struct {
	Outlet string // "" for unknown
	Count  int
}

// countOutlets counts quote rows by the outlet their article is credited
// to, most first, then by name.
func countOutlets(rows []quoteRow) []outletCount {
	n := map[string]int{}
	for _, r := range rows {
		o := ""
		if r.Article != nil {
			o = articleCredit(*r.Article).Lead
		}
		n[o]++
	}
	out := make([]outletCount, 0, len(n))
	for o, c := range n {
		out = append(out, outletCount{Outlet: o, Count: c})
	}
	slices.SortFunc(out, func(a, b outletCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Outlet, b.Outlet)
	})
	return out
}

// mentionRow is one article that mentions the entity, as the entity stage
// found it (not merely a text match).
type mentionRow struct {
	Article news.Article
	Count   int      // mentions in the article
	Forms   []string // the distinct spellings used
	StoryID string
}

type storyMention struct {
	Story    news.Story
	Articles int // articles of the story that mention or quote the entity
}

// showEntity renders GET /entities/{id}: name, kind and aliases, every
// quote of the entity by date with its outlet, the articles that mention
// it by date, and the stories these belong to. A per-article entity ID
// redirects to the cross-article entity it belongs to.
func (s *Server) showEntity(w http.ResponseWriter, r *http.Request) {
	e, ok := lookupPage(s, w, r, "entity", "/entities/", s.st.Entity, func(e news.Entity) string { return e.ID })
	if !ok {
		return
	}
	data, err := s.entityData(r.Context(), e)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "entity_show", page{Title: e.Name, Nav: "entities", Data: data})
}

func (s *Server) entityData(ctx context.Context, e news.Entity) (entityShowData, error) {
	data := entityShowData{Entity: e, Names: namesByLang(e)}
	lk := newLookups(s.st)
	qs, err := s.st.Quotes(ctx, store.QuoteQuery{SpeakerID: e.ID, Limit: maxEntityQuotes})
	if err != nil {
		return data, fmt.Errorf("entity %s: quotes: %w", e.ID, err)
	}
	if data.Quotes, err = lk.quoteRows(ctx, qs); err != nil {
		return data, fmt.Errorf("entity %s: %w", e.ID, err)
	}
	byDate(data.Quotes)
	data.QuotedBy = countOutlets(data.Quotes)

	// Candidate articles: those quoting the entity, then full-text hits on
	// its name and aliases. Each is kept only if its analysis mentions the
	// entity, so the list is what the entity stage found.
	var candidates []string
	seen := map[string]bool{}
	add := func(id string) {
		if !seen[id] && len(candidates) < maxEntityArticles {
			seen[id] = true
			candidates = append(candidates, id)
		}
	}
	for _, q := range qs {
		add(q.ArticleID)
	}
	for _, term := range searchNames(e) {
		hits, err := s.st.Search(ctx, term, maxEntityArticles)
		if err != nil {
			return data, fmt.Errorf("entity %s: search %s: %w", e.ID, term, err)
		}
		for _, h := range hits {
			lk.articles[h.Article.ID] = &h.Article
			add(h.Article.ID)
		}
	}
	storyArticles := map[string]int{}
	quoted := map[string]bool{}
	for _, q := range qs {
		quoted[q.ArticleID] = true
	}
	for _, id := range candidates {
		an, err := s.st.Analysis(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return data, fmt.Errorf("entity %s: %w", e.ID, err)
		}
		row := mentionRow{StoryID: an.StoryID}
		for _, m := range an.Mentions {
			if m.EntityID == e.ID {
				row.Count++
				row.Forms = append(row.Forms, m.Text)
			}
		}
		if row.Count == 0 && !quoted[id] {
			continue
		}
		if an.StoryID != "" {
			storyArticles[an.StoryID]++
		}
		if row.Count == 0 {
			continue // quoted without being named by the entity stage
		}
		a, err := lk.article(ctx, id)
		if err != nil {
			return data, fmt.Errorf("entity %s: %w", e.ID, err)
		}
		if a == nil {
			continue
		}
		row.Article = *a
		row.Forms = uniqueSorted(row.Forms)
		data.Mentions = append(data.Mentions, row)
	}
	slices.SortStableFunc(data.Mentions, func(a, b mentionRow) int {
		return compareDates(a.Article.Published, b.Article.Published)
	})
	for id, n := range storyArticles {
		st, err := lk.story(ctx, id)
		if err != nil {
			return data, fmt.Errorf("entity %s: %w", e.ID, err)
		}
		if st != nil {
			data.Stories = append(data.Stories, storyMention{Story: *st, Articles: n})
		}
	}
	slices.SortFunc(data.Stories, func(a, b storyMention) int {
		if c := compareDates(b.Story.LastSeen, a.Story.LastSeen); c != 0 {
			return c
		}
		return strings.Compare(a.Story.ID, b.Story.ID)
	})
	return data, nil
}

// searchNames are the full-text queries that find articles naming e: its
// name and its capitalised aliases ("Putin", not "the president"), as
// phrases, at most four.
func searchNames(e news.Entity) []string {
	var out []string
	// The name, its names in other languages (so that articles in those
	// languages are found), then the aliases.
	names := []string{e.Name}
	for _, n := range namesByLang(e) {
		names = append(names, n.Name)
	}
	for _, n := range append(names, e.Aliases...) {
		n = strings.Join(strings.FieldsFunc(n, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}), " ")
		if n == "" || !unicode.IsUpper([]rune(n)[0]) {
			continue
		}
		q := `"` + n + `"`
		if !slices.Contains(out, q) {
			out = append(out, q)
		}
		if len(out) == maxEntitySearches {
			break
		}
	}
	return out
}
