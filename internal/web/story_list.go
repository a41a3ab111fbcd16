package web

import (
	"fmt"
	"net/http"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

type storyListData struct {
	Stories []news.Story
	// Storylines names the storylines of the listed stories by ID.
	Storylines map[string]news.Storyline
	Filter     listFilter
	Page       int
	PrevURL    string
	NextURL    string
}

// showStoryList renders GET /stories: stories newest first (by their last
// article) with their outlets, filtered by ?outlet= (an outlet that
// covered the story), ?since= and ?until= (the story's span overlaps the
// range), PageSize a page chosen with ?page=.
func (s *Server) showStoryList(w http.ResponseWriter, r *http.Request) {
	size := s.opts.PageSize
	filter, pageNo, ok := listRequest(s, w, r, size, parseListFilter)
	if !ok {
		return
	}
	stories, err := s.st.Stories(r.Context(), store.StoryQuery{
		Outlet: filter.Outlet,
		Since:  filter.Since,
		Until:  filter.Until,
		Limit:  size + 1,
		Offset: (pageNo - 1) * size,
	})
	if err != nil {
		s.serverError(w, r, fmt.Errorf("list stories: %w", err))
		return
	}
	stories, more := pageOf(stories, size)
	s.nameStories(stories)
	data := storyListData{Stories: stories, Filter: filter, Page: pageNo, Storylines: map[string]news.Storyline{}}
	if len(stories) > 0 {
		lines, err := s.st.Storylines(r.Context())
		if err != nil {
			s.serverError(w, r, fmt.Errorf("list stories: %w", err))
			return
		}
		for _, l := range lines {
			data.Storylines[l.ID] = l
		}
	}
	data.PrevURL, data.NextURL = pageLinks("/stories", filter.values(), pageNo, more)
	title := "Stories"
	if filter.Outlet != "" {
		title = "Stories covered by " + filter.Outlet
	}
	s.render(w, r, http.StatusOK, "story_list", page{Title: pageTitle(title, pageNo), Nav: "stories", Data: data})
}
