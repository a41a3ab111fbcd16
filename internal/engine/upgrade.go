package engine

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

// UpgradeReanalysisGap is the least time between two whole re-analyses the
// leading process runs for upgraded summaries: a re-analysis costs the
// whole collection (about a millisecond of CPU per stored article), so a
// server polling every few minutes does it at most this often, and in
// between the upgraded articles are stored, shown and searchable with
// their pages' text while their stories and quotes still come from the
// summaries. `parallax poll` and `analyse --reset` do it at once.
//
// The articles waiting and the time of the last re-analysis are in the
// database (store.Reanalyses: the upgrade notes its article in the
// transaction that stores the page), so whichever process leads does it,
// whichever process stored the page and whether or not that one still
// runs.
const UpgradeReanalysisGap = time.Hour

// reanalysisDue reports whether a whole re-analysis is due at now for
// the list r: something waits and the last re-analysis is at least gap
// old (gap 0: at once).
func reanalysisDue(r store.Reanalysis, now time.Time, gap time.Duration) bool {
	return r.Waiting > 0 && (gap <= 0 || r.Last.IsZero() || now.Sub(r.Last) >= gap)
}

// reanalysisList reads the database's re-analysis list; ok is false for a
// store that keeps none.
func (e *Engine) reanalysisList(ctx context.Context) (r store.Reanalysis, ok bool, err error) {
	rs, ok := e.db.(store.Reanalyses)
	if !ok {
		return r, false, nil
	}
	r, err = rs.Reanalysis(ctx)
	return r, err == nil, err
}

// reanalysisDone clears the list up to the mark r was read with, after a
// whole re-analysis that began after r was read.
func (e *Engine) reanalysisDone(ctx context.Context, r store.Reanalysis) error {
	rs, ok := e.db.(store.Reanalyses)
	if !ok || r.Waiting == 0 {
		return nil
	}
	return rs.ReanalysisDone(ctx, r.Mark, time.Now())
}

// reanalyseUpgraded analyses everything again, as ingest does when dates
// of analysed articles change, when articles analysed with their feed
// summary have taken their page's text since the last whole re-analysis
// and that one is at least gap old (the analysis is incremental and
// cannot take one article back). It reports whether it did; when another
// process leads the analysis the articles stay listed, for that process,
// and stale says how many wait.
func (e *Engine) reanalyseUpgraded(ctx context.Context, gap time.Duration) (sum pipeline.AnalyzeSummary, done bool, stale int, err error) {
	r, ok, err := e.reanalysisList(ctx)
	if err != nil || !ok || !reanalysisDue(r, time.Now(), gap) {
		return sum, false, 0, err
	}
	sum, err = e.AnalyseReset(ctx)
	if errors.Is(err, ErrNotLeader) {
		return sum, false, r.Waiting, nil
	}
	if err != nil {
		return sum, false, 0, err
	}
	e.log.InfoContext(ctx, "analysed every article again: feed summaries of analysed articles took their pages' text", "articles", r.Waiting)
	return sum, true, 0, nil
}

// reanalyseIfDue is reanalyseUpgraded at most every UpgradeReanalysisGap,
// for the leading process's loop; it logs what it did.
func (e *Engine) reanalyseIfDue(ctx context.Context) {
	_, _, stale, err := e.reanalyseUpgraded(ctx, UpgradeReanalysisGap)
	switch {
	case err != nil && ctx.Err() == nil:
		e.log.WarnContext(ctx, "analysis of upgraded summaries failed", "error", err)
	case stale > 0:
		e.log.DebugContext(ctx, "feed summaries of analysed articles took their pages' text; analysed again by the leading process", "articles", stale)
	}
}

// summaryWatch is the store one analysis run sees. An upgrade notes its
// article for re-analysis when the article has an analysis row; a page
// that comes while the leader holds the article's summary in a batch not
// saved yet finds none. So the run remembers the pending articles it was
// handed as summaries and, after saving each batch, has the store note
// those of the batch that hold a summary no more (store.NoteUpgraded,
// which waits for an upgrade being written): between the two, every
// upgrade of an article analysed from its summary is noted. A run over a
// collection without summaries (Reuters, any ingest) only looks at each
// article's TextSource.
type summaryWatch struct {
	Database
	notes store.Reanalyses
	log   *slog.Logger

	mu   sync.Mutex
	read map[string]bool // IDs handed out as summaries, not saved yet
}

// analysisStore is the store e's next analysis run reads and writes.
func (e *Engine) analysisStore() pipeline.AnalysisStore {
	rs, ok := e.db.(store.Reanalyses)
	if !ok {
		return e.db
	}
	return &summaryWatch{Database: e.db, notes: rs, log: e.log, read: map[string]bool{}}
}

// PendingArticles implements pipeline.AnalysisStore.
func (w *summaryWatch) PendingArticles(ctx context.Context, limit int) ([]news.Article, error) {
	arts, err := w.Database.PendingArticles(ctx, limit)
	for _, a := range arts {
		if a.TextSource == news.TextSummary {
			w.mu.Lock()
			w.read[a.ID] = true
			w.mu.Unlock()
		}
	}
	return arts, err
}

// SaveAnalysis implements pipeline.AnalysisStore.
func (w *summaryWatch) SaveAnalysis(ctx context.Context, b store.AnalysisBatch) error {
	if err := w.Database.SaveAnalysis(ctx, b); err != nil {
		return err
	}
	var ids []string
	w.mu.Lock()
	if len(w.read) > 0 {
		for _, a := range b.Articles {
			if w.read[a.ArticleID] {
				ids = append(ids, a.ArticleID)
				delete(w.read, a.ArticleID)
			}
		}
	}
	w.mu.Unlock()
	if len(ids) == 0 {
		return nil
	}
	n, err := w.notes.NoteUpgraded(ctx, ids)
	if err != nil {
		// The batch is saved; failing the run for this would only
		// analyse it again. What is lost is one re-analysis.
		w.log.WarnContext(ctx, "articles whose page came during their analysis not noted for re-analysis", "articles", len(ids), "error", err)
		return nil
	}
	if n > 0 {
		w.log.InfoContext(ctx, "feed summaries took their pages' text while being analysed; noted for re-analysis", "articles", n)
	}
	return nil
}
