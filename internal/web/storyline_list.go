package web

import (
	"fmt"
	"net/http"

	"github.com/parallax-news/parallax/internal/news"
)

type storylineListData struct {
	Storylines []news.Storyline
}

// showStorylineList renders GET /storylines: every storyline, newest (by
// its last story) first, with its span, size and main actors.
func (s *Server) showStorylineList(w http.ResponseWriter, r *http.Request) {
	lines, err := s.st.Storylines(r.Context())
	if err != nil {
		s.serverError(w, r, fmt.Errorf("list storylines: %w", err))
		return
	}
	s.render(w, r, http.StatusOK, "storyline_list", page{Title: "Storylines", Nav: "storylines", Data: storylineListData{Storylines: lines}})
}
