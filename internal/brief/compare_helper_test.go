package brief

import (
	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/outlet"
)

// compareStoryline runs the outlet comparison over every article of the storyline
// together (scope "storyline"), crediting articles to outlets with reg (nil
// credits each to the outlet it names), for tests without a store at
// hand (the commands compare through engine.Comparer). The background prior of the wording comparison is the storyline's
// own articles, so the distinctive terms are those that set an outlet apart
// within this storyline; with a store, prefer the corpus-wide comparison
// "parallax compare --storyline" makes.
func compareStoryline(in Input, reg *outlet.Registry) compare.Comparison {
	if reg == nil {
		reg = outlet.New(nil)
	}
	arts := make([]news.Article, 0, len(in.Docs))
	var bg compare.Background
	ids := make([]string, 0, len(in.Docs))
	for _, d := range in.Docs {
		arts = append(arts, d.Article)
		ids = append(ids, d.Article.ID)
		bg.Add(d.Article, reg.Credit(d.Article).Country)
	}
	story := news.Story{ID: in.Storyline.ID, Title: in.Storyline.Label, StorylineID: in.Storyline.ID, ArticleIDs: ids}
	c := compare.DefaultOptions().Compare(story, arts, in.Quotes, reg, bg)
	c.Scope = "storyline"
	return c
}
