package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

type articleShowData struct {
	Article    news.Article
	Paragraphs []string
	URL        string // the source URL when it is http(s), else ""
}

// showArticle renders GET /articles/{id}: the clean text as paragraphs and
// the debris cleaning removed, collapsed.
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
	data := articleShowData{
		Article:    a,
		Paragraphs: news.Paragraphs(a.Text),
		URL:        httpURL(a.URL),
	}
	title := a.Title
	if title == "" {
		title = "Untitled article"
	}
	s.render(w, r, http.StatusOK, "article_show", page{Title: title, Nav: "articles", Data: data})
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
