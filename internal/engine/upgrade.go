package engine

import (
	"context"
	"errors"
	"sync"

	"github.com/parallax-news/parallax/internal/pipeline"
)

// upgrades collects the articles whose feed summary took its page's text
// after they had been analysed (pipeline.FeedStore.OnUpgrade): their
// analysis is out of date until the analysis runs again.
type upgrades struct {
	mu  sync.Mutex
	ids []string
}

func (u *upgrades) note(id string) {
	u.mu.Lock()
	u.ids = append(u.ids, id)
	u.mu.Unlock()
}

func (u *upgrades) take() []string {
	u.mu.Lock()
	defer u.mu.Unlock()
	ids := u.ids
	u.ids = nil
	return ids
}

// reanalyseUpgraded analyses everything again, as ingest does when dates
// of analysed articles change, when articles analysed with their feed
// summary have taken their page's text since the last call (the analysis
// is incremental and cannot take one article back). It reports whether it
// did; when another process leads the analysis the articles are kept for
// a later call and stale says how many wait.
func (e *Engine) reanalyseUpgraded(ctx context.Context) (sum pipeline.AnalyzeSummary, done bool, stale int, err error) {
	ids := e.upgraded.take()
	if len(ids) == 0 {
		return sum, false, 0, nil
	}
	sum, err = e.AnalyseReset(ctx)
	if errors.Is(err, ErrNotLeader) {
		for _, id := range ids {
			e.upgraded.note(id)
		}
		return sum, false, len(ids), nil
	}
	if err != nil {
		for _, id := range ids {
			e.upgraded.note(id)
		}
		return sum, false, 0, err
	}
	e.log.InfoContext(ctx, "analysed every article again: feed summaries of analysed articles took their pages' text", "articles", len(ids))
	return sum, true, 0, nil
}
