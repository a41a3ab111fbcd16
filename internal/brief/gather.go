package brief

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/timeline"
)

// Reader is what Gather needs from storage; *sqlite.DB satisfies it.
type Reader interface {
	Storyline(ctx context.Context, id string) (news.Storyline, error)
	Story(ctx context.Context, id string) (news.Story, error)
	Article(ctx context.Context, id string) (news.Article, error)
	Analysis(ctx context.Context, articleID string) (store.ArticleAnalysis, error)
}

// Input is everything a briefing is made from: a storyline, its stories,
// its articles with what the analysis found in them, and their quotes.
type Input struct {
	Storyline news.Storyline
	Stories   []news.Story
	// Docs are the storyline's articles, oldest first (undated last), with
	// their time expressions and entity mentions.
	Docs []timeline.Doc
	// Quotes are the quotes found in those articles.
	Quotes []news.Quote
	// Comparison is the outlet comparison of the storyline (see Compare);
	// nil leaves kinds, countries, perspectives, naming, wording and the
	// comparison's disagreements out, and names outlets as the articles do.
	Comparison *compare.Comparison
}

// Gather reads a storyline and everything under it. The storyline ID may
// be one that was merged into another; the result carries the current one.
// A story or article listed but missing is skipped; an article not yet
// analysed comes without time expressions and quotes. Returns an error
// wrapping store.ErrNotFound when the storyline is unknown.
func Gather(ctx context.Context, r Reader, storylineID string) (Input, error) {
	sl, err := r.Storyline(ctx, storylineID)
	if err != nil {
		return Input{}, err // the store's error names the storyline
	}
	in := Input{Storyline: sl}
	seen := map[string]bool{}
	for _, sid := range sl.StoryIDs {
		st, err := r.Story(ctx, sid)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return Input{}, fmt.Errorf("storyline %s: story %s: %w", sl.ID, sid, err)
		}
		if seen["s:"+st.ID] {
			continue
		}
		seen["s:"+st.ID] = true
		in.Stories = append(in.Stories, st)
		for _, aid := range st.ArticleIDs {
			if seen[aid] {
				continue
			}
			seen[aid] = true
			a, err := r.Article(ctx, aid)
			if errors.Is(err, store.ErrNotFound) {
				continue
			}
			if err != nil {
				return Input{}, fmt.Errorf("storyline %s: article %s: %w", sl.ID, aid, err)
			}
			d := timeline.Doc{Article: a}
			an, err := r.Analysis(ctx, aid)
			switch {
			case errors.Is(err, store.ErrNotFound):
			case err != nil:
				return Input{}, fmt.Errorf("storyline %s: analysis of %s: %w", sl.ID, aid, err)
			default:
				d.Timexes, d.Mentions, d.Quotes = an.Timexes, an.Mentions, an.Quotes
				in.Quotes = append(in.Quotes, an.Quotes...)
			}
			in.Docs = append(in.Docs, d)
		}
	}
	slices.SortStableFunc(in.Docs, func(a, b timeline.Doc) int {
		if c := compareTimes(a.Article.Published, b.Article.Published); c != 0 {
			return c
		}
		return cmp.Compare(a.Article.ID, b.Article.ID)
	})
	return in, nil
}
