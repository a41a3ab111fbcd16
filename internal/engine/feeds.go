package engine

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/pipeline"
)

// PollConfig configures the engine's feed poller.
type PollConfig struct {
	// Client fetches feeds and their item pages.
	Client feed.Getter
	feed.PollerOptions
}

// NewPoller returns a poller over the engine's feeds: the pipeline's sink
// turns the new items of each poll into cleaned, stored articles (fetching
// the pages of items that carry only a summary through the poller, under
// its robots.txt rules and per-host limits).
func (e *Engine) NewPoller(cfg PollConfig) *feed.Poller {
	if cfg.Logger == nil {
		cfg.Logger = e.log
	}
	fs := pipeline.NewFeedStore(e.db, e.log)
	var sink feed.Sink = fs
	if e.jobs != nil {
		// Polls run as jobs: a stale attempt must not write (jobs_guard.go).
		sink = guardedSink{FeedStore: fs, q: e.jobs}
	}
	return feed.NewPoller(cfg.Client, sink, cfg.PollerOptions)
}

// PollResult reports a poll and the analysis after it.
type PollResult struct {
	Poll     feed.Summary
	Analysis pipeline.AnalyzeSummary
	// LeftToLeader is true when another process leads the analysis and
	// pending articles were left to it.
	LeftToLeader bool
	// Reanalysed is true when analysed articles took their page's text in
	// place of their feed summary and everything was analysed again;
	// StaleUpgrades counts such articles whose analysis could not be
	// redone because another process leads it.
	Reanalysed    bool
	StaleUpgrades int
}

// Poll polls the feeds po selects once with p, then, when analyse is set,
// analyses every pending article (if this process can lead), whatever the
// poll found: articles a killed poll stored and never analysed are taken
// up by the next one.
func (e *Engine) Poll(ctx context.Context, p *feed.Poller, po feed.PollOptions, analyse bool) (PollResult, error) {
	return e.poll(ctx, p, po, analyse, true)
}

// poll is Poll; reanalyse unset leaves the re-analysis for upgraded
// summaries to the leading process's loop (poll jobs).
func (e *Engine) poll(ctx context.Context, p *feed.Poller, po feed.PollOptions, analyse, reanalyse bool) (PollResult, error) {
	var res PollResult
	sum, err := p.Poll(ctx, po)
	res.Poll = sum
	e.metrics.polled(sum)
	e.metrics.stored(sum.New)
	if err != nil || !analyse {
		return res, err
	}
	if reanalyse {
		res.Analysis, res.Reanalysed, res.StaleUpgrades, err = e.reanalyseUpgraded(ctx, 0)
		if err != nil || res.Reanalysed {
			return res, err
		}
	}
	res.Analysis, res.LeftToLeader, err = e.Analyse(ctx)
	return res, err
}

// AddFeeds subscribes to the outlets' feeds and reports how many were new.
func (e *Engine) AddFeeds(ctx context.Context, outlets []feed.Outlet) (int, error) {
	return e.db.AddFeeds(ctx, outlets)
}

// ResolveFeed finds the feed behind rawURL (a feed, or a page announcing
// one) and applies the fields the user gave.
func ResolveFeed(ctx context.Context, g feed.Getter, rawURL string, given feed.Outlet) (feed.Outlet, error) {
	got, err := feed.Resolve(ctx, g, strings.TrimSpace(rawURL))
	if err != nil {
		return feed.Outlet{}, err
	}
	if given.Title != "" {
		got.Title = given.Title
	}
	if given.Country != "" {
		got.Country = strings.ToUpper(given.Country)
	}
	if given.Kind != "" {
		got.Kind = given.Kind
	}
	if given.Language != "" {
		got.Language = given.Language
	}
	if given.Category != "" {
		got.Category = given.Category
	}
	return got, nil
}

// AddFeed resolves rawURL (see ResolveFeed) and subscribes to it; added is
// false when it was already subscribed.
func (e *Engine) AddFeed(ctx context.Context, g feed.Getter, rawURL string, given feed.Outlet) (o feed.Outlet, added bool, err error) {
	o, err = ResolveFeed(ctx, g, rawURL, given)
	if err != nil {
		return feed.Outlet{}, false, err
	}
	n, err := e.db.AddFeeds(ctx, []feed.Outlet{o})
	if err != nil {
		return feed.Outlet{}, false, fmt.Errorf("subscribe to %s: %w", o.FeedURL, err)
	}
	return o, n > 0, nil
}

// RunScheduler polls due feeds every tick until ctx ends (for serve); on
// PostgreSQL it enqueues them as unique poll_feed jobs instead, which
// RunJobs works (in serve and in `parallax worker`); kick
// makes it poll at once (a feed was added). After every pass, whatever it
// found, it wakes the analyser (analysed, a channel RunAnalyser listens
// on; nil analyses in this goroutine when this process can lead). It logs
// failures and returns when ctx ends.
func (e *Engine) RunScheduler(ctx context.Context, p *feed.Poller, tick time.Duration, kick <-chan struct{}, analyser chan<- struct{}) {
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		if e.jobs != nil {
			// PostgreSQL: due feeds become unique poll jobs that any
			// worker (or serve) works, so N replicas poll a feed once.
			if n, err := e.EnqueueDuePolls(ctx); err != nil {
				if ctx.Err() != nil {
					return
				}
				e.log.WarnContext(ctx, "enqueueing due polls failed", "error", err)
			} else if n > 0 {
				e.log.InfoContext(ctx, "enqueued due polls", "feeds", n)
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			case <-kick:
			}
			continue
		}
		sum, err := p.Poll(ctx, feed.PollOptions{})
		e.metrics.polled(sum)
		e.metrics.stored(sum.New)
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			e.log.WarnContext(ctx, "scheduled poll failed", "error", err)
		}
		if sum.Feeds > 0 {
			e.log.InfoContext(ctx, "scheduled poll", "feeds", sum.Feeds, "new", sum.New, "failed", sum.Failed,
				"not_modified", sum.NotModified)
		}
		if analyser != nil {
			select {
			case analyser <- struct{}{}:
			default: // an analysis is already due
			}
		} else if an, _, err := e.Analyse(ctx); err != nil {
			if ctx.Err() != nil {
				return
			}
			e.log.WarnContext(ctx, "analysis after poll failed", "error", err)
		} else {
			if an.Articles > 0 {
				e.log.InfoContext(ctx, "analysed", "articles", an.Articles, "new_stories", an.NewStories)
			}
			e.reanalyseIfDue(ctx) // RunAnalyser does it when it runs
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-kick:
		}
	}
}
