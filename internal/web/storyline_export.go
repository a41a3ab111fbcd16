package web

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/brief"
	"github.com/parallax-news/parallax/internal/export"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	tline "github.com/parallax-news/parallax/internal/timeline"
)

// CSV exports of a storyline, linked from its page: its articles, its
// quotes and its timeline, one row each, written by export.CSV like the
// command line's --format csv.

// exportArticle is one row of articles.csv.
type exportArticle struct {
	ID           string    `json:"id"`
	StoryID      string    `json:"story_id"`
	Title        string    `json:"title"`
	Outlet       string    `json:"outlet"`
	OriginOutlet string    `json:"origin_outlet"`
	Kind         string    `json:"outlet_kind"`
	Published    time.Time `json:"published"`
	Language     string    `json:"language"`
	URL          string    `json:"url"`
	Words        int       `json:"words"`
}

// exportQuote is one row of quotes.csv.
type exportQuote struct {
	ArticleID string    `json:"article_id"`
	Outlet    string    `json:"outlet"`
	Published time.Time `json:"published"`
	Speaker   string    `json:"speaker"`
	SpeakerID string    `json:"speaker_id"`
	Cue       string    `json:"cue"`
	Direct    bool      `json:"direct"`
	Text      string    `json:"text"`
}

// exportEvent is one row of timeline.csv.
type exportEvent struct {
	Date      string    `json:"date"`
	Precision string    `json:"precision"`
	Start     time.Time `json:"start"`
	End       time.Time `json:"end"`
	Planned   bool      `json:"planned"`
	Text      string    `json:"text"`
	Sources   int       `json:"sources"`
	Outlets   []string  `json:"outlets"`
	Articles  []string  `json:"article_ids"`
}

// storylineExport serves GET /storylines/{id}/{what}.csv for what in
// articles, quotes and timeline.
func (s *Server) storylineExport(what string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id")
		if !validID(id) {
			s.notFound(w, r, "There is no storyline with this ID.")
			return
		}
		in, err := brief.Gather(r.Context(), s.st, id)
		if errors.Is(err, store.ErrNotFound) {
			s.notFound(w, r, "There is no storyline with this ID.")
			return
		}
		if err != nil {
			s.serverError(w, r, fmt.Errorf("storyline %s: export %s: %w", id, what, err))
			return
		}
		storyOf := map[string]string{}
		for _, st := range in.Stories {
			for _, aid := range st.ArticleIDs {
				storyOf[aid] = st.ID
			}
		}
		byID := map[string]news.Article{}
		for _, d := range in.Docs {
			byID[d.Article.ID] = d.Article
		}
		var buf bytes.Buffer
		switch what {
		case "articles":
			rows := make([]exportArticle, 0, len(in.Docs))
			for _, d := range in.Docs {
				a := d.Article
				lead := articleCredit(a).Lead
				rows = append(rows, exportArticle{
					ID: a.ID, StoryID: storyOf[a.ID], Title: news.DisplayTitle(a), Outlet: a.Outlet, OriginOutlet: a.OriginOutlet,
					Kind: s.kindOf(lead), Published: a.Published, Language: a.Language, URL: a.URL, Words: len(strings.Fields(a.Text)),
				})
			}
			err = export.CSV(&buf, rows)
		case "quotes":
			rows := make([]exportQuote, 0, len(in.Quotes))
			for _, q := range in.Quotes {
				a := byID[q.ArticleID]
				rows = append(rows, exportQuote{
					ArticleID: q.ArticleID, Outlet: articleCredit(a).Lead, Published: a.Published,
					Speaker: q.Speaker, SpeakerID: q.SpeakerID, Cue: q.Cue, Direct: q.Direct, Text: q.Text,
				})
			}
			err = export.CSV(&buf, rows)
		case "timeline":
			events := tline.Build(in.Docs, tline.Options{})
			rows := make([]exportEvent, 0, len(events))
			for _, e := range events {
				row := exportEvent{Date: e.Date, Precision: e.Precision, Start: e.Start, End: e.End, Planned: e.Planned, Text: e.Text, Sources: len(e.Sources)}
				for _, src := range e.Sources {
					row.Articles = append(row.Articles, src.ArticleID)
					if src.Outlet != "" && !slices.Contains(row.Outlets, src.Outlet) {
						row.Outlets = append(row.Outlets, src.Outlet)
					}
				}
				rows = append(rows, row)
			}
			err = export.CSV(&buf, rows)
		}
		if err != nil {
			s.serverError(w, r, fmt.Errorf("storyline %s: export %s: %w", id, what, err))
			return
		}
		h := w.Header()
		h.Set("Content-Type", "text/csv; charset=utf-8")
		h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="storyline-%s-%s.csv"`, in.Storyline.ID, what))
		_, _ = buf.WriteTo(w)
	}
}
