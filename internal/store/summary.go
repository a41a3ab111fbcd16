package store

import (
	"context"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// SummaryKeeper is a store whose articles made from a feed item's summary
// (TextSource news.TextSummary: the item's page could not be fetched) take
// the page's text later, keeping their ID. Both backends implement it.
type SummaryKeeper interface {
	// SummaryItems returns, of keys, those recorded as feed items whose
	// article still holds only its summary, each with that article's ID;
	// items recorded with an error (the page refused for good) are left
	// out.
	SummaryItems(ctx context.Context, keys []string) (map[string]string, error)
	// UpgradeSummary gives the stored article id, while it holds only a
	// summary, the text of a: its text, removed debris, language and
	// TextSource, its title when a has one and its author when it had
	// none; ID, outlets, URL and dates stay. It reports Done false (and
	// changes nothing) when no such article holds a summary: not stored,
	// or upgraded already. Analysed says the article had been analysed
	// with the summary: its analysis is out of date. Returns an error
	// wrapping ErrInvalid when a does not pass CheckArticle.
	UpgradeSummary(ctx context.Context, id string, a news.Article) (Upgraded, error)
	// RefuseSummary records that the page of the summary item key was
	// refused for good (reason, as store.FeedItem.Error), so that
	// SummaryItems leaves the item out and its page is not asked for
	// again; an item recorded with an error already keeps its first.
	RefuseSummary(ctx context.Context, key, reason string) error
}

// Upgraded is what UpgradeSummary did.
type Upgraded struct {
	Done     bool
	Analysed bool
}

// UpgradeCandidate returns a as UpgradeSummary writes it under the
// stored ID id: bounded (BoundArticle, against now) and checked
// (CheckArticle), so that both backends apply the same rules.
func UpgradeCandidate(id string, a news.Article, now time.Time) (news.Article, error) {
	a.ID = id
	BoundArticle(&a, now)
	if err := CheckArticle(&a); err != nil {
		return news.Article{}, fmt.Errorf("upgrade summary of %q: %w", id, err)
	}
	if a.Removed == nil {
		a.Removed = []string{}
	}
	return a, nil
}

// Reanalysis is what waits for the whole collection to be analysed again:
// analysed articles whose text changed since (a summary that took its
// page's text), as UpgradeSummary notes them, in the same transaction as
// the upgrade. The list is in the database, not in the memory of the
// process that stored the page, so that whichever process leads the
// analysis redoes it, even when the storing process stopped first.
type Reanalysis struct {
	// Waiting counts the articles noted since the last re-analysis (an
	// article noted twice once); Mark is the newest note, what
	// ReanalysisDone clears up to.
	Waiting int
	Mark    int64
	// Last is when a whole re-analysis for such articles was last done
	// (ReanalysisDone); zero if never.
	Last time.Time
}

// Reanalyses is a store that keeps the Reanalysis list (both backends).
type Reanalyses interface {
	// Reanalysis reports what waits and when it was last done.
	Reanalysis(ctx context.Context) (Reanalysis, error)
	// ReanalysisDone removes the notes up to mark (read before the
	// re-analysis began: an article noted during it keeps its note) and
	// records at as the time of the last re-analysis.
	ReanalysisDone(ctx context.Context, mark int64, at time.Time) error
	// NoteUpgraded notes, of ids (articles the analysis read as feed
	// summaries and has just saved), those that hold a summary no more:
	// their page came while they were being analysed, so the upgrade
	// found no analysis to note them by. It waits for an upgrade of one
	// of them being written, and reports how many it noted.
	NoteUpgraded(ctx context.Context, ids []string) (int, error)
}
