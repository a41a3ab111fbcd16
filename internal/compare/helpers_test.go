package compare

import (
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/outlet"
)

// Compare compares the outlets of one story with the default options.
func Compare(story news.Story, arts []news.Article, quotes []news.Quote, reg *outlet.Registry, bg Background) Comparison {
	return DefaultOptions().Compare(story, arts, quotes, reg, bg)
}

// CompareStoryline compares the outlets of every story of a storyline
// together, aligning figures story by story.
func (opt Options) CompareStoryline(l news.Storyline, stories []news.Story, arts []news.Article, quotes []news.Quote, reg *outlet.Registry, bg Background) Comparison {
	whole := news.Story{ID: l.ID, Title: l.Label, StorylineID: l.ID, FirstSeen: l.FirstSeen, LastSeen: l.LastSeen}
	opt.StoryOf = map[string]string{}
	for _, s := range stories {
		whole.ArticleIDs = append(whole.ArticleIDs, s.ArticleIDs...)
		for _, id := range s.ArticleIDs {
			opt.StoryOf[id] = s.ID
		}
	}
	c := opt.Compare(whole, arts, quotes, reg, bg)
	c.Scope = "storyline"
	return c
}
