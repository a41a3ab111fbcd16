package engine

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/pipeline"
)

// upgrades collects the articles whose feed summary took its page's text
// after they had been analysed (pipeline.FeedStore.OnUpgrade): their
// analysis is out of date until the analysis runs again.
type upgrades struct {
	mu  sync.Mutex
	ids []string
	// last is when the scheduler last analysed everything again for them.
	last time.Time
}

// UpgradeReanalysisGap is the least time between two whole re-analyses the
// scheduler runs for upgraded summaries: a re-analysis costs the whole
// collection (about a millisecond of CPU per stored article), so a server
// polling every few minutes does it at most this often, and in between
// the upgraded articles are stored, shown and searchable with their pages'
// text while their stories and quotes still come from the summaries.
// `parallax poll` and `analyse --reset` do it at once.
const UpgradeReanalysisGap = time.Hour

func (u *upgrades) note(id string) {
	u.mu.Lock()
	u.ids = append(u.ids, id)
	u.mu.Unlock()
}

// due reports whether the scheduler may analyse again at now: something
// waits and the last whole re-analysis is at least gap old.
func (u *upgrades) due(now time.Time, gap time.Duration) bool {
	u.mu.Lock()
	defer u.mu.Unlock()
	return len(u.ids) > 0 && (u.last.IsZero() || now.Sub(u.last) >= gap)
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
	e.upgraded.mu.Lock()
	e.upgraded.last = time.Now()
	e.upgraded.mu.Unlock()
	e.log.InfoContext(ctx, "analysed every article again: feed summaries of analysed articles took their pages' text", "articles", len(ids))
	return sum, true, 0, nil
}
