package web

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// articlePartChars is how many characters of an article's text one page
// shows: a longer text is shown in parts (?part=2, ...), each cut at a
// paragraph or sentence boundary, so that a page stays small whatever the
// article's size.
const articlePartChars = 50_000

type articleShowData struct {
	Article    news.Article
	Paragraphs []string // the paragraphs of the part shown
	URL        string   // the source URL when it is http(s), else ""
	// Part is the part of the text shown (1-based) of Parts; PrevURL and
	// NextURL link the parts beside it ("" at either end).
	Part, Parts      int
	PrevURL, NextURL string
	// TextChars is the length of the whole text in characters;
	// AnalysedChars, when not 0, how many of them the analysis read.
	TextChars, AnalysedChars int
	// What analysis found; all empty when the article is not analysed.
	Story       *news.Story // the story the article belongs to
	DuplicateOf *news.Article
	Quotes      []quoteRow
	Entities    []news.Entity // those the article names, most mentioned first
}

// showArticle renders GET /articles/{id}: the clean text as paragraphs, the
// debris cleaning removed, collapsed, and what analysis found: the story,
// the original the article copies, its quotes and the entities it names.
func (s *Server) showArticle(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !validID(id) {
		s.notFound(w, r, "There is no article with this ID.")
		return
	}
	a, err := s.st.Article(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r, "There is no article with this ID.")
		return
	}
	if err != nil {
		s.serverError(w, r, fmt.Errorf("article %s: %w", id, err))
		return
	}
	parts := textParts(a.Text, articlePartChars)
	part := 1
	if v := r.URL.Query().Get("part"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > len(parts) {
			s.notFound(w, r, fmt.Sprintf("This article has %d parts.", len(parts)))
			return
		}
		part = n
	}
	data := articleShowData{
		Article:    a,
		Paragraphs: news.Paragraphs(parts[part-1]),
		URL:        httpURL(a.URL),
		Part:       part,
		Parts:      len(parts),
		TextChars:  utf8.RuneCountInString(a.Text),
	}
	if part > 1 {
		data.PrevURL = "/articles/" + a.ID + "?part=" + strconv.Itoa(part-1)
	}
	if part < len(parts) {
		data.NextURL = "/articles/" + a.ID + "?part=" + strconv.Itoa(part+1)
	}
	if err := s.addArticleAnalysis(r.Context(), &data); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "article_show", page{Title: news.DisplayTitle(a), Nav: "articles", Data: data})
}

// textParts splits text into parts of at most max characters, each cut
// at a paragraph or sentence boundary where one is near (news.CutText).
// An empty text is one empty part.
func textParts(text string, max int) []string {
	var parts []string
	for {
		p, cut := news.CutText(text, max)
		if !cut {
			return append(parts, p)
		}
		if p == "" { // cannot happen with max >= 1; never loop
			p = text[:1]
		}
		parts = append(parts, p)
		text = strings.TrimLeft(text[len(p):], " \t\r\n")
		if text == "" {
			return parts
		}
	}
}

// validID reports whether id can be an article ID: short, printable ASCII
// letters, digits, '-' and '_'. Anything else is not looked up.
func validID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_':
		default:
			return false
		}
	}
	return true
}

// addArticleAnalysis adds the article's story, the original it copies, its
// quotes and the entities it names; an article not analysed yet gets none.
func (s *Server) addArticleAnalysis(ctx context.Context, data *articleShowData) error {
	id := data.Article.ID
	an, err := s.st.Analysis(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("article %s: %w", id, err)
	}
	data.AnalysedChars = an.AnalysedChars
	lk := newLookups(s.st)
	lk.articles[id] = &data.Article
	if data.Story, err = lk.story(ctx, an.StoryID); err != nil {
		return fmt.Errorf("article %s: %w", id, err)
	}
	if an.DuplicateOf != "" && an.DuplicateOf != id {
		if data.DuplicateOf, err = lk.article(ctx, an.DuplicateOf); err != nil {
			return fmt.Errorf("article %s: %w", id, err)
		}
	}
	if data.Quotes, err = lk.quoteRows(ctx, an.Quotes); err != nil {
		return fmt.Errorf("article %s: %w", id, err)
	}
	for i := range data.Quotes {
		data.Quotes[i].Here = true
	}
	seen := map[string]bool{}
	for _, m := range an.Mentions {
		if seen[m.EntityID] {
			continue
		}
		seen[m.EntityID] = true
		e, err := lk.entity(ctx, m.EntityID)
		if err != nil {
			return fmt.Errorf("article %s: %w", id, err)
		}
		if e != nil {
			data.Entities = append(data.Entities, *e)
		}
	}
	slices.SortStableFunc(data.Entities, func(a, b news.Entity) int { return cmp.Compare(b.Mentions, a.Mentions) })
	return nil
}
