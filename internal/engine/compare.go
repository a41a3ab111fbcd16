package engine

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/brief"
	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/timeline"
)

// Reader is what the read use cases (comparison, timeline, brief) need
// from a store; every backend has it, and so do the web server's fakes.
type Reader interface {
	Story(ctx context.Context, id string) (news.Story, error)
	Storyline(ctx context.Context, id string) (news.Storyline, error)
	Article(ctx context.Context, id string) (news.Article, error)
	Articles(ctx context.Context, q store.ArticleQuery) ([]news.Article, error)
	CountArticles(ctx context.Context) (int, error)
	Quotes(ctx context.Context, q store.QuoteQuery) ([]news.Quote, error)
	Analysis(ctx context.Context, articleID string) (store.ArticleAnalysis, error)
}

// Comparer assembles outlet comparisons, timelines and briefs from a
// store: the one place the CLI and the web server get them from, so that
// both show the same.
//
// A story or article a story or storyline lists but the store no longer
// has (a row folded away between two reads) is skipped and the rest
// compared: a comparison is a view of what is there, and failing the whole
// page for one missing row helps nobody. A store error fails it.
//
// The wording comparison weighs each outlet's terms against the whole
// stored corpus (the background); counting it reads every article, so it
// is built on the first comparison and rebuilt, off the request path,
// when the number of stored articles has changed since: requests are
// served the previous background meanwhile and never wait for a rebuild
// (see Background). It is safe for concurrent use.
type Comparer struct {
	r   Reader
	reg *outlet.Registry
	log *slog.Logger

	// mu guards what follows; it is never held while the store is read.
	mu       sync.Mutex
	cur      *bgSnapshot   // the last background counted (nil: none yet)
	building bool          // a build is under way
	done     chan struct{} // closed when the build under way ends
	lastEnd  time.Time
	lastDur  time.Duration
	lastErr  error
	builds   int
}

// NewComparer returns a Comparer over r crediting articles with reg (nil:
// each article's own outlet name, with no kind or country).
func NewComparer(r Reader, reg *outlet.Registry, log *slog.Logger) *Comparer {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Comparer{r: boundedReader{r}, reg: reg, log: log, done: make(chan struct{})}
}

// boundedReader reads articles with the text the analysis read of them
// (pipeline.AnalysedText): comparisons, backgrounds, timelines and briefs
// are made of what was analysed, and one oversized article costs them no
// more than the analysis.
type boundedReader struct{ Reader }

func (b boundedReader) Article(ctx context.Context, id string) (news.Article, error) {
	a, err := b.Reader.Article(ctx, id)
	a.Text, _ = pipeline.AnalysedText(a.Text)
	return a, err
}

func (b boundedReader) Articles(ctx context.Context, q store.ArticleQuery) ([]news.Article, error) {
	list, err := b.Reader.Articles(ctx, q)
	for i := range list {
		list[i].Text, _ = pipeline.AnalysedText(list[i].Text)
	}
	return list, err
}

// ErrNotFound wraps store.ErrNotFound for an unknown story or storyline,
// naming it.
func notFound(what, id string, err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("%s %s: %w", what, id, store.ErrNotFound)
	}
	return fmt.Errorf("%s %s: %w", what, id, err)
}

// CompareStory compares the outlets of one story (scope "story"). The ID
// may be one folded into another story. Returns an error wrapping
// store.ErrNotFound when the story is unknown.
func (c *Comparer) CompareStory(ctx context.Context, id string) (compare.Comparison, error) {
	s, err := c.r.Story(ctx, id)
	if err != nil {
		return compare.Comparison{}, notFound("story", id, err)
	}
	return c.CompareStoryValue(ctx, s)
}

// CompareStoryValue is CompareStory for a story already read.
func (c *Comparer) CompareStoryValue(ctx context.Context, s news.Story) (compare.Comparison, error) {
	return c.compareStories(ctx, s, []string{s.ID}, nil)
}

// CompareStoryline compares the outlets of every story of a storyline
// together (scope "storyline"). Returns an error wrapping
// store.ErrNotFound when the storyline is unknown.
func (c *Comparer) CompareStoryline(ctx context.Context, id string) (compare.Comparison, error) {
	l, err := c.r.Storyline(ctx, id)
	if err != nil {
		return compare.Comparison{}, notFound("storyline", id, err)
	}
	return c.CompareStorylineValue(ctx, l)
}

// CompareStorylineValue is CompareStoryline for a storyline already read.
func (c *Comparer) CompareStorylineValue(ctx context.Context, l news.Storyline) (compare.Comparison, error) {
	whole := news.Story{ID: l.ID, Title: l.Label, StorylineID: l.ID, FirstSeen: l.FirstSeen, LastSeen: l.LastSeen}
	// Facts are aligned story by story (compare.Options.StoryOf): the
	// tolls of two events of the storyline are never one figure.
	storyOf := map[string]string{}
	for _, sid := range l.StoryIDs {
		s, err := c.r.Story(ctx, sid)
		if errors.Is(err, store.ErrNotFound) {
			continue // listed but gone: compare the rest
		}
		if err != nil {
			return compare.Comparison{}, fmt.Errorf("storyline %s: story %s: %w", l.ID, sid, err)
		}
		whole.ArticleIDs = append(whole.ArticleIDs, s.ArticleIDs...)
		for _, id := range s.ArticleIDs {
			storyOf[id] = s.ID
		}
	}
	cmp, err := c.compareStories(ctx, whole, l.StoryIDs, storyOf)
	if err != nil {
		return cmp, err
	}
	cmp.Scope = "storyline"
	return cmp, nil
}

// compareStories loads the articles of s and the quotes of the stories
// storyIDs and compares them against the corpus background. storyOf maps
// article IDs to their story when s stands for a storyline (nil for one
// story).
func (c *Comparer) compareStories(ctx context.Context, s news.Story, storyIDs []string, storyOf map[string]string) (compare.Comparison, error) {
	arts := make([]news.Article, 0, len(s.ArticleIDs))
	for _, id := range s.ArticleIDs {
		a, err := c.r.Article(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			continue // listed but gone: compare the rest
		}
		if err != nil {
			return compare.Comparison{}, fmt.Errorf("story %s: article %s: %w", s.ID, id, err)
		}
		arts = append(arts, a)
	}
	var quotes []news.Quote
	for _, sid := range storyIDs {
		const page = 500
		for off := 0; ; off += page {
			qs, err := c.r.Quotes(ctx, store.QuoteQuery{StoryID: sid, Limit: page, Offset: off})
			if err != nil {
				return compare.Comparison{}, fmt.Errorf("story %s: quotes: %w", sid, err)
			}
			quotes = append(quotes, qs...)
			if len(qs) < page {
				break
			}
		}
	}
	bg, err := c.Background(ctx)
	if err != nil {
		return compare.Comparison{}, err
	}
	opt := compare.DefaultOptions()
	opt.StoryOf = storyOf
	return opt.Compare(s, arts, quotes, c.reg, bg), nil
}

// pageSizeBackground is how many articles one store read brings in while
// counting the background.
const pageSizeBackground = 500

// rebuildSpacing is how long, in multiples of the last build's duration,
// the Comparer waits after a build before it starts the next: with
// articles arriving all the time, rebuilds then take at most a fifth of
// one core.
const rebuildSpacing = 4

// bgSnapshot is one counted background and the article count it was
// counted at. It is never changed once published.
type bgSnapshot struct {
	bg       compare.Background
	articles int
}

// Background returns the corpus-wide term counts. The first call counts
// them (callers wait for that one build, or for their context); later
// calls return the last background counted at once and, when the number of
// stored articles has changed since, start a new count in the background
// (one at a time, spaced by rebuildSpacing times the last build's
// duration). No request waits for a rebuild.
func (c *Comparer) Background(ctx context.Context) (compare.Background, error) {
	n, err := c.r.CountArticles(ctx)
	if err != nil {
		return compare.Background{}, fmt.Errorf("background: count articles: %w", err)
	}
	c.mu.Lock()
	if cur := c.cur; cur != nil {
		if cur.articles != n {
			c.startLocked(ctx, false)
		}
		c.mu.Unlock()
		return cur.bg, nil
	}
	c.startLocked(ctx, true)
	done := c.done
	c.mu.Unlock()
	return c.wait(ctx, done)
}

// Refresh counts the background again if the number of stored articles
// differs from the count of the current one (waiting for a build under
// way first) and returns it: what Background returns once the store is
// settled. For tests and commands that want the background of now.
func (c *Comparer) Refresh(ctx context.Context) (compare.Background, error) {
	for {
		n, err := c.r.CountArticles(ctx)
		if err != nil {
			return compare.Background{}, fmt.Errorf("background: count articles: %w", err)
		}
		c.mu.Lock()
		if cur := c.cur; cur != nil && cur.articles == n && !c.building {
			c.mu.Unlock()
			return cur.bg, nil
		}
		c.startLocked(ctx, true)
		done := c.done
		c.mu.Unlock()
		if _, err := c.wait(ctx, done); err != nil {
			return compare.Background{}, err
		}
	}
}

// wait waits for the build that closes done and returns the background
// then current, or the build's error.
func (c *Comparer) wait(ctx context.Context, done <-chan struct{}) (compare.Background, error) {
	select {
	case <-done:
	case <-ctx.Done():
		return compare.Background{}, fmt.Errorf("background: %w", context.Cause(ctx))
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cur == nil {
		return compare.Background{}, c.lastErr
	}
	return c.cur.bg, nil
}

// startLocked starts a build unless one is under way or (unless now) the
// last one ended too recently. c.mu is held.
func (c *Comparer) startLocked(ctx context.Context, now bool) {
	if c.building {
		return
	}
	if !now && time.Since(c.lastEnd) < rebuildSpacing*c.lastDur {
		return
	}
	c.building = true
	// The build outlives the request that started it: it keeps the
	// request's values (logging), not its deadline.
	go c.build(context.WithoutCancel(ctx))
}

// build counts the background, publishes it and wakes the waiters.
func (c *Comparer) build(ctx context.Context) {
	t0 := time.Now()
	snap, err := c.count(ctx)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.building = false
	c.lastEnd, c.lastDur = time.Now(), time.Since(t0)
	if err != nil {
		c.lastErr = err
		c.log.WarnContext(ctx, "comparison background not rebuilt", "err", err)
	} else {
		c.cur, c.lastErr = snap, nil
		c.builds++
		c.log.DebugContext(ctx, "comparison background built", "articles", snap.bg.Articles,
			"terms", len(snap.bg.Terms), "took", c.lastDur)
	}
	close(c.done)
	c.done = make(chan struct{})
}

// count reads every stored article (their bounded analysed text) and
// counts their terms.
func (c *Comparer) count(ctx context.Context) (*bgSnapshot, error) {
	// Counted before the scan: articles stored during it make the next
	// request see a different count and start another build, so the
	// background catches up once the store settles.
	n, err := c.r.CountArticles(ctx)
	if err != nil {
		return nil, fmt.Errorf("background: count articles: %w", err)
	}
	var bg compare.Background
	for off := 0; ; off += pageSizeBackground {
		list, err := c.r.Articles(ctx, store.ArticleQuery{Limit: pageSizeBackground, Offset: off})
		if err != nil {
			return nil, fmt.Errorf("background: articles from %d: %w", off, err)
		}
		for _, a := range list {
			country := ""
			if c.reg != nil {
				country = c.reg.Credit(a).Country
			}
			bg.Add(a, country)
		}
		if len(list) < pageSizeBackground {
			break
		}
	}
	return &bgSnapshot{bg: bg, articles: n}, nil
}

// BackgroundBuilds reports how many times the background was counted and
// the article count it was last counted at (for tests and status).
func (c *Comparer) BackgroundBuilds() (builds, atCount int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cur == nil {
		return c.builds, 0
	}
	return c.builds, c.cur.articles
}

// Timeline gathers a storyline (stories, articles with their analysis,
// quotes) and builds its timeline of dated events. Returns the gathered
// input beside the events; an error wrapping store.ErrNotFound when the
// storyline is unknown.
func (c *Comparer) Timeline(ctx context.Context, storylineID string) (brief.Input, []timeline.Event, error) {
	in, err := brief.Gather(ctx, c.r, storylineID)
	if err != nil {
		return brief.Input{}, nil, err
	}
	return in, timeline.Build(in.Docs, timeline.Options{}), nil
}

// Brief gathers a storyline and the comparison of its outlets (the same
// as CompareStoryline: wording weighed against the whole corpus) and
// makes the briefing.
func (c *Comparer) Brief(ctx context.Context, storylineID string, opts brief.Options) (brief.Briefing, error) {
	in, err := brief.Gather(ctx, c.r, storylineID)
	if err != nil {
		return brief.Briefing{}, err
	}
	cmp, err := c.CompareStorylineValue(ctx, in.Storyline)
	if err != nil {
		return brief.Briefing{}, err
	}
	in.Comparison = &cmp
	return brief.New(in, opts), nil
}
