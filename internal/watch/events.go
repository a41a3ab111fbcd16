// Package watch follows a storyline or a saved search for the user: it
// finds what happened in it (the events a storyline's Atom feed carries:
// a new story, an outlet of a new kind, figures that came to differ; for
// a search, a new matching article) and delivers the new ones to a
// webhook as signed JSON, with retries and backoff. It knows nothing of
// stores or servers: the engine reads the articles and keeps each watch's
// state (internal/engine/watch.go); posting goes through a Poster
// (fetch.Client, which refuses private addresses).
package watch

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/facts"
	"github.com/parallax-news/parallax/internal/news"
)

// Event types.
const (
	NewStory      = "new-story"
	NewOutletKind = "new-outlet-kind"
	NewArticle    = "new-article"
	// FactsPrefix starts the type of a facts event: "facts-moved",
	// "facts-differ", "facts-attributed", "facts-inconsistent".
	FactsPrefix = "facts-"
)

// Event is one thing that happened in a storyline or a search. IDs are
// stable: the same event found again has the same ID (the storyline
// Atom feed's entry IDs).
type Event struct {
	ID        string    `json:"id"`
	Type      string    `json:"type"`
	StoryID   string    `json:"story_id,omitempty"`
	ArticleID string    `json:"article_id,omitempty"`
	Title     string    `json:"title"`
	Summary   string    `json:"summary"`
	At        time.Time `json:"at"`
	// Path is the page of the event on the web UI ("/stories/ID").
	Path string `json:"path"`
	// Outlet is the outlet that made the event, when one did.
	Outlet string `json:"outlet,omitempty"`
}

// Outlets names outlets and their kinds for event texts: Credit is the
// outlet an article counts for, Name the registry's name of an outlet,
// Kind its kind ("unknown" when not known) and KindName a kind for
// readers ("state-affiliated media").
type Outlets struct {
	Credit   func(news.Article) string
	Name     func(string) string
	Kind     func(string) string
	KindName func(string) string
}

// At is when an article became news: its publication time, or when
// Parallax stored it if undated.
func At(a news.Article) time.Time {
	if !a.Published.IsZero() {
		return a.Published.UTC()
	}
	return a.IngestedAt.UTC()
}

// StoryEvents returns the events of one story: the story itself, dated by
// its first article; one event for each later article that brought an
// outlet kind the story had not had; one for each group of figures that
// differ (facts.Align verdicts other than agree), dated by the newest of
// its claims.
func StoryEvents(st news.Story, arts []news.Article, o Outlets) []Event {
	if len(arts) == 0 {
		return nil
	}
	arts = slices.Clone(arts)
	slices.SortStableFunc(arts, func(a, b news.Article) int { return At(a).Compare(At(b)) })
	title := st.Title
	if title == "" {
		title = news.DisplayTitle(arts[0])
	}
	path := "/stories/" + st.ID
	first := arts[0]
	var outlets []string
	for _, a := range arts {
		if c := o.Credit(a); c != "" && !slices.Contains(outlets, c) {
			outlets = append(outlets, c)
		}
	}
	lead := o.Credit(first)
	kind := o.Kind(lead)
	kinds := map[string]bool{kind: true}
	out := []Event{{
		ID: "urn:parallax:story:" + st.ID, Type: NewStory, StoryID: st.ID, ArticleID: first.ID, Title: title,
		At: At(first), Path: path, Outlet: o.Name(lead),
		Summary: fmt.Sprintf("New story, first reported by %s (%s). Covered by %s: %s.",
			o.Name(lead), o.KindName(kind), plural(len(outlets), "outlet"), strings.Join(outlets, ", ")),
	}}
	for _, a := range arts[1:] {
		c := o.Credit(a)
		k := o.Kind(c)
		if kinds[k] || k == "unknown" {
			continue
		}
		kinds[k] = true
		out = append(out, Event{
			ID: "urn:parallax:story:" + st.ID + ":kind:" + k, Type: NewOutletKind, StoryID: st.ID, ArticleID: a.ID,
			Title: title + ": now also carried by " + o.KindName(k), At: At(a), Path: path, Outlet: o.Name(c),
			Summary: fmt.Sprintf("%s (%s) carried the story: %s", o.Name(c), o.KindName(k), news.DisplayTitle(a)),
		})
	}
	return append(out, factEvents(st, title, path, arts, o)...)
}

// factEvents are a story's figures that differ: one event per group of
// claims whose verdict is not agree.
func factEvents(st news.Story, title, path string, arts []news.Article, o Outlets) []Event {
	docs := make([]facts.Doc, 0, len(arts))
	byID := make(map[string]news.Article, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
		docs = append(docs, facts.Doc{
			ArticleID: a.ID, StoryID: st.ID, URL: a.URL, Outlet: o.Credit(a), Language: a.Language,
			Published: a.Published, PublishedEstimated: a.PublishedEstimated, Text: a.Text,
		})
	}
	var out []Event
	for _, g := range facts.Align(docs) {
		if !g.Differs() || len(g.Claims) == 0 {
			continue
		}
		var at time.Time
		var newest string
		var figures []string
		for _, c := range g.Claims {
			if t := At(byID[c.ArticleID]); t.After(at) {
				at, newest = t, c.ArticleID
			}
			figures = append(figures, fmt.Sprintf("%s: %s", c.Outlet, c.Figure))
		}
		out = append(out, Event{
			ID: "urn:parallax:story:" + st.ID + ":fact:" + url.PathEscape(g.Subject), Type: FactsPrefix + g.Verdict,
			StoryID: st.ID, ArticleID: newest, At: at, Path: path,
			Title:   fmt.Sprintf("%s: figures %s (%s)", title, verdictWords(g.Verdict), g.Subject),
			Summary: g.Reason + " " + strings.Join(figures, "; ") + ".",
		})
	}
	return out
}

// ArticleEvent is the event of an article that matches a followed search.
func ArticleEvent(a news.Article, snippet string, o Outlets) Event {
	e := Event{
		ID: "urn:parallax:article:" + a.ID, Type: NewArticle, ArticleID: a.ID, Title: news.DisplayTitle(a),
		At: At(a), Path: "/articles/" + a.ID, Summary: strings.NewReplacer("[", "", "]", "").Replace(snippet),
	}
	if c := o.Credit(a); c != "" {
		e.Outlet = o.Name(c)
	}
	return e
}

// verdictWords says a verdict of the facts stage in a few words.
func verdictWords(v string) string {
	switch v {
	case facts.Moved:
		return "moved over time"
	case facts.Differ:
		return "differ between outlets"
	case facts.Inconsistent:
		return "are inconsistent"
	case facts.Attributed:
		return "differ by source"
	}
	return v
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
