package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// apiLimit reads ?limit= (default def, at most maxAPILimit).
func apiLimit(q url.Values, def int) (int, error) {
	limit, err := positiveInt(q.Get("limit"), def)
	if err != nil {
		return 0, fmt.Errorf("limit: %w", err)
	}
	if limit > maxAPILimit {
		return 0, fmt.Errorf("limit: at most %d", maxAPILimit)
	}
	return limit, nil
}

// apiPage reads ?limit= (default 50, at most 500) and ?offset=.
func apiPage(q url.Values) (limit, offset int, err error) {
	limit, err = apiLimit(q, defaultAPILimit)
	if err != nil {
		return 0, 0, err
	}
	if v := q.Get("offset"); v != "" {
		offset, err = strconv.Atoi(v)
		if err != nil || offset < 0 {
			return 0, 0, fmt.Errorf("offset: %q is not a whole number >= 0", truncate(v, 40))
		}
	}
	return limit, offset, nil
}

// apiListRequest reads the filter of a list endpoint with parse, then
// ?limit= and ?offset= (apiPage); ok is false, and the 400 written, when
// any of them is bad.
func apiListRequest[F any](s *Server, w http.ResponseWriter, r *http.Request, parse func(url.Values) (F, error)) (f F, limit, offset int, ok bool) {
	q := r.URL.Query()
	f, err := parse(q)
	if err != nil {
		s.apiFail(w, r, http.StatusBadRequest, err)
		return f, 0, 0, false
	}
	limit, offset, err = apiPage(q)
	if err != nil {
		s.apiFail(w, r, http.StatusBadRequest, err)
		return f, 0, 0, false
	}
	return f, limit, offset, true
}

// apiOne reads the {id} path value and looks it up with get; ok is false
// (and the error written) when it cannot be an ID or the lookup fails:
// 404 "KIND "ID" not found" for an impossible or unknown ID, else 500.
func apiOne[T any](s *Server, w http.ResponseWriter, r *http.Request, kind string, get func(context.Context, string) (T, error)) (T, bool) {
	return apiGet(s, w, r, kind, fmt.Errorf("%s %q not found", kind, truncate(r.PathValue("id"), 130)), get)
}

// apiLookupOf is apiOne for the views under a story or storyline (compare,
// timeline), whose 404 says "no KIND with this ID".
func apiLookupOf[T any](s *Server, w http.ResponseWriter, r *http.Request, what string, get func(context.Context, string) (T, error)) (T, bool) {
	return apiGet(s, w, r, what, fmt.Errorf("no %s with this ID", what), get)
}

// apiGet reads the {id} path value and looks it up with get. It answers
// 404 with notFound for an impossible ID or ErrNotFound, 500 for another
// store error; ok is true only when the caller should answer with v.
func apiGet[T any](s *Server, w http.ResponseWriter, r *http.Request, what string, notFound error,
	get func(context.Context, string) (T, error)) (v T, ok bool) {
	id := r.PathValue("id")
	if !validID(id) {
		s.apiFail(w, r, http.StatusNotFound, notFound)
		return v, false
	}
	v, err := get(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		s.apiFail(w, r, http.StatusNotFound, notFound)
		return v, false
	}
	if err != nil {
		s.apiFail(w, r, http.StatusInternalServerError, fmt.Errorf("%s %s: %w", what, id, err))
		return v, false
	}
	return v, true
}

// apiStories serves GET /api/stories?outlet=&since=&until=&storyline=&limit=&offset=:
// a JSON array of stories, newest (by last article) first.
func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	filter, limit, offset, ok := apiListRequest(s, w, r, parseListFilter)
	if !ok {
		return
	}
	line := strings.TrimSpace(r.URL.Query().Get("storyline"))
	if line != "" && !validID(line) {
		s.apiFail(w, r, http.StatusBadRequest, fmt.Errorf("storyline: %q is not an ID", truncate(line, 40)))
		return
	}
	apiPaged(s, w, r, "stories", limit, offset, func(ctx context.Context, limit, offset int) ([]news.Story, error) {
		list, err := s.st.Stories(ctx, store.StoryQuery{
			StorylineID: line, Outlet: filter.Outlet, Since: filter.Since, Until: filter.Until,
			Limit: limit, Offset: offset,
		})
		s.nameStories(list)
		return list, err
	}, nil, countCap)
}

// apiStoryArticle is one article of a story in GET /api/stories/{id}.
type apiStoryArticle struct {
	ID           string    `json:"id"`
	Title        string    `json:"title"`
	Outlet       string    `json:"outlet"`
	OriginOutlet string    `json:"origin_outlet"`
	Republisher  string    `json:"republisher"`
	URL          string    `json:"url"`
	Published    time.Time `json:"published"`
	DuplicateOf  string    `json:"duplicate_of,omitempty"`
}

// apiStoryBody is GET /api/stories/{id}: the story's own fields, then its
// articles oldest first (with what each copies) and its quotes.
type apiStoryBody struct {
	news.Story
	Articles []apiStoryArticle `json:"articles"`
	Quotes   []news.Quote      `json:"quotes"`
}

// apiStory serves GET /api/stories/{id}. An ID folded into another story
// answers with that story (its id field says which).
func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) {
	st, ok := apiOne(s, w, r, "story", s.st.Story)
	if !ok {
		return
	}
	arts, _, _, err := s.storyArticles(r.Context(), st)
	if err != nil {
		s.apiFail(w, r, http.StatusInternalServerError, err)
		return
	}
	st.Outlets = s.outletNames(st.Outlets)
	body := apiStoryBody{Story: st, Articles: []apiStoryArticle{}, Quotes: []news.Quote{}}
	for _, a := range arts {
		body.Articles = append(body.Articles, apiStoryArticle{
			ID: a.Article.ID, Title: a.Article.Title, Outlet: a.Article.Outlet,
			OriginOutlet: a.Article.OriginOutlet, Republisher: a.Article.Republisher,
			URL: a.Article.URL, Published: a.Article.Published, DuplicateOf: a.DuplicateOf,
		})
		body.Quotes = append(body.Quotes, a.Quotes...)
	}
	s.writeJSON(w, r, http.StatusOK, body)
}

// apiStorylines serves GET /api/storylines?limit=&offset=: storylines,
// newest first.
func (s *Server) apiStorylines(w http.ResponseWriter, r *http.Request) {
	limit, offset, err := apiPage(r.URL.Query())
	if err != nil {
		s.apiFail(w, r, http.StatusBadRequest, err)
		return
	}
	lines, err := s.st.Storylines(r.Context())
	if err != nil {
		s.apiFail(w, r, http.StatusInternalServerError, fmt.Errorf("list storylines: %w", err))
		return
	}
	apiWhole(s, w, r, lines, limit, offset)
}

// apiStorylineBody is GET /api/storylines/{id}: the storyline's own fields
// and its stories oldest first.
type apiStorylineBody struct {
	news.Storyline
	Stories []news.Story `json:"stories"`
}

// apiStoryline serves GET /api/storylines/{id}, following merges like
// apiStory.
func (s *Server) apiStoryline(w http.ResponseWriter, r *http.Request) {
	l, ok := apiOne(s, w, r, "storyline", s.st.Storyline)
	if !ok {
		return
	}
	stories, err := s.storylineStories(r, l)
	if err != nil {
		s.apiFail(w, r, http.StatusInternalServerError, err)
		return
	}
	if stories == nil {
		stories = []news.Story{}
	}
	s.writeJSON(w, r, http.StatusOK, apiStorylineBody{Storyline: l, Stories: stories})
}

// apiEntities serves GET /api/entities?kind=&q=&limit=&offset=: entities,
// the most mentioned first.
func (s *Server) apiEntities(w http.ResponseWriter, r *http.Request) {
	filter, limit, offset, ok := apiListRequest(s, w, r, parseEntityFilter)
	if !ok {
		return
	}
	apiPaged(s, w, r, "entities", limit, offset, func(ctx context.Context, limit, offset int) ([]news.Entity, error) {
		return s.st.Entities(ctx, store.EntityQuery{Kind: filter.Kind, Name: filter.Name, Limit: limit, Offset: offset})
	}, nil, countCap)
}

// apiEntityBody is GET /api/entities/{id}: the entity's own fields, its
// quotes oldest first and the articles that mention it.
type apiEntityBody struct {
	news.Entity
	Quotes   []news.Quote       `json:"quotes"`
	Mentions []apiEntityMention `json:"mentions"`
}

type apiEntityMention struct {
	ArticleID string    `json:"article_id"`
	Outlet    string    `json:"outlet"`
	Published time.Time `json:"published"`
	StoryID   string    `json:"story_id"`
	Count     int       `json:"count"`
	Forms     []string  `json:"forms"`
}

// apiEntity serves GET /api/entities/{id}; a per-article entity ID answers
// with the cross-article entity it belongs to.
func (s *Server) apiEntity(w http.ResponseWriter, r *http.Request) {
	e, ok := apiOne(s, w, r, "entity", s.st.Entity)
	if !ok {
		return
	}
	data, err := s.entityData(r.Context(), e)
	if err != nil {
		s.apiFail(w, r, http.StatusInternalServerError, err)
		return
	}
	body := apiEntityBody{Entity: e, Quotes: []news.Quote{}, Mentions: []apiEntityMention{}}
	for _, q := range data.Quotes {
		body.Quotes = append(body.Quotes, q.Quote)
	}
	for _, m := range data.Mentions {
		body.Mentions = append(body.Mentions, apiEntityMention{
			ArticleID: m.Article.ID, Outlet: articleCredit(m.Article).Lead, Published: m.Article.Published,
			StoryID: m.StoryID, Count: m.Count, Forms: m.Forms,
		})
	}
	s.writeJSON(w, r, http.StatusOK, body)
}

// apiQuotes serves GET /api/quotes?speaker=&speaker_id=&article=&story=&limit=&offset=:
// quotes, newest article first, in text order within one article.
func (s *Server) apiQuotes(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, offset, err := apiPage(q)
	if err != nil {
		s.apiFail(w, r, http.StatusBadRequest, err)
		return
	}
	qq := store.QuoteQuery{
		Speaker:   strings.TrimSpace(q.Get("speaker")),
		SpeakerID: strings.TrimSpace(q.Get("speaker_id")),
		ArticleID: strings.TrimSpace(q.Get("article")),
		StoryID:   strings.TrimSpace(q.Get("story")),
		Limit:     limit,
		Offset:    offset,
	}
	if len(qq.Speaker) > maxQueryLen {
		s.apiFail(w, r, http.StatusBadRequest, fmt.Errorf("speaker is longer than %d bytes", maxQueryLen))
		return
	}
	for name, v := range map[string]string{"speaker_id": qq.SpeakerID, "article": qq.ArticleID, "story": qq.StoryID} {
		if v != "" && !validID(v) {
			s.apiFail(w, r, http.StatusBadRequest, fmt.Errorf("%s: %q is not an ID", name, truncate(v, 40)))
			return
		}
	}
	if qq.StoryID != "" {
		if _, err := s.st.Story(r.Context(), qq.StoryID); errors.Is(err, store.ErrNotFound) {
			s.apiFail(w, r, http.StatusNotFound, fmt.Errorf("story %q not found", qq.StoryID))
			return
		}
	}
	apiPaged(s, w, r, "quotes", limit, offset, func(ctx context.Context, limit, offset int) ([]news.Quote, error) {
		q := qq
		q.Limit, q.Offset = limit, offset
		return s.st.Quotes(ctx, q)
	}, nil, countCap)
}
