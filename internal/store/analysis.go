package store

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// ArticleAnalysis is what the per-article stages found in one article.
type ArticleAnalysis struct {
	ArticleID string `json:"article_id"`
	// StoryID is the story the article was clustered into ("" if none).
	StoryID string `json:"story_id"`
	// DuplicateOf names the article this one is a copy of ("" if none).
	DuplicateOf string `json:"duplicate_of,omitempty"`
	// Mentions use cross-article (canonical) entity IDs.
	Mentions []news.Mention `json:"mentions"`
	Quotes   []news.Quote   `json:"quotes"`
	Timexes  []news.Timex   `json:"timexes"`
	// AnalysedChars is, when the article's text was longer than the
	// analysis limit (pipeline.MaxAnalysedChars), how many characters of it
	// were analysed: a prefix ending at a paragraph or sentence boundary.
	// The whole text is stored; the rest was not analysed. 0 when the
	// whole text was.
	AnalysedChars int `json:"analysed_chars,omitempty"`
}

// AnalysisBatch is one step of the analysis stage, written atomically: the
// articles it analysed and everything that changed because of them.
type AnalysisBatch struct {
	// Articles are marked analysed and their results replace any earlier ones.
	Articles []ArticleAnalysis
	// Stories are inserted or replaced by ID.
	Stories []news.Story
	// Merges record stories and storylines folded into others; the folded
	// story or storyline rows are deleted and lookups of the old ID follow
	// the merge.
	Merges []news.Merge
	// Storylines are inserted or replaced by ID; each of their stories is
	// moved to them.
	Storylines []news.Storyline
	// DeletedStorylines are removed (a storyline folded into another is
	// also listed in Merges).
	DeletedStorylines []string
	// Entities are inserted or replaced by ID (cross-article entities).
	Entities []news.Entity
	// DeletedEntities are removed (an entity merged into another).
	DeletedEntities []string
	// EntityIDs maps the per-article entity IDs used in Mentions and in
	// Quote.SpeakerID to the cross-article entity they now belong to;
	// entries are inserted or replaced. Reads return canonical IDs.
	EntityIDs map[string]string
	// State holds opaque per-stage state (such as a clusterer snapshot)
	// saved under its name, replacing the previous value.
	State map[string][]byte
	// Requires names stage-state entries and the values they must hold
	// when the batch is written (nil: the entry must be absent); the
	// check and the writes are one transaction, serialised with every
	// other batch that requires something, so two writers that started
	// from the same state cannot both write. When an entry differs,
	// nothing is written and SaveAnalysis returns ErrConflict. The
	// analyser requires its mark: a fence against a second analyser (one
	// that lost its lock without noticing yet) and against acting twice
	// on a batch whose commit reached the server unseen.
	Requires map[string][]byte
}

// StoryQuery selects stories. The zero value lists the newest stories
// (by last article) first, with the default limit.
type StoryQuery struct {
	StorylineID string // only stories of this storyline; empty for all
	Outlet      string // only stories this outlet covered
	Since       time.Time
	Until       time.Time
	Limit       int // <= 0 means 50
	Offset      int
}

// QuoteQuery selects quotes. The zero value lists quotes newest first.
type QuoteQuery struct {
	// Speaker matches the speaker's name, an alias, or the entity ID,
	// case-insensitively; empty for all.
	Speaker   string
	SpeakerID string
	ArticleID string
	StoryID   string
	Limit     int // <= 0 means 100
	Offset    int
}

// EntityQuery selects entities. The zero value lists the most mentioned first.
type EntityQuery struct {
	Kind   string // person, organisation, place, country; empty for all
	Name   string // name or alias, case-insensitive substring; empty for all
	Limit  int    // <= 0 means 100
	Offset int
}

// Analyses keeps what the analysis stages found. Implementations are safe
// for concurrent use.
type Analyses interface {
	// PendingArticles returns up to limit stored articles that have not been
	// analysed yet, in the order they were stored.
	PendingArticles(ctx context.Context, limit int) ([]news.Article, error)
	// LoadState returns the state saved under name, or nil and no error when
	// none was saved.
	LoadState(ctx context.Context, name string) ([]byte, error)
	// SaveAnalysis writes the batch in one transaction; on error nothing of
	// it is stored.
	SaveAnalysis(ctx context.Context, b AnalysisBatch) error
	// WalkAnalysed calls fn for every analysed article in the order they
	// were analysed, stopping at fn's first error (which it returns). Stages
	// without a saved state use it to rebuild their memory.
	WalkAnalysed(ctx context.Context, fn func(news.Article) error) error
	// ResetAnalysis forgets every analysis result and state, so that all
	// articles are pending again. Articles are kept.
	ResetAnalysis(ctx context.Context) error

	// Stories lists stories.
	Stories(ctx context.Context, q StoryQuery) ([]news.Story, error)
	// Story returns a story by ID, following merges from folded IDs;
	// ErrNotFound when unknown.
	Story(ctx context.Context, id string) (news.Story, error)
	// Storylines lists every storyline, newest (by last story) first.
	Storylines(ctx context.Context) ([]news.Storyline, error)
	// Storyline returns a storyline by ID, following merges; ErrNotFound
	// when unknown.
	Storyline(ctx context.Context, id string) (news.Storyline, error)
	// Analysis returns one article's analysis; ErrNotFound when the article
	// has not been analysed.
	Analysis(ctx context.Context, articleID string) (ArticleAnalysis, error)
	// Quotes lists quotes, newest article first, in text order within one.
	Quotes(ctx context.Context, q QuoteQuery) ([]news.Quote, error)
	// Entities lists cross-article entities.
	Entities(ctx context.Context, q EntityQuery) ([]news.Entity, error)
	// Entity returns one entity by ID; ErrNotFound when unknown.
	Entity(ctx context.Context, id string) (news.Entity, error)
}

// CheckRequired is the check behind AnalysisBatch.Requires for one entry:
// got is what the store holds under name (ok false when it holds
// nothing). It returns nil when that is what want requires, and
// ErrConflict, wrapped with both values, when not.
func CheckRequired(name string, want, got []byte, ok bool) error {
	if want == nil && !ok || want != nil && ok && bytes.Equal(want, got) {
		return nil
	}
	return fmt.Errorf("%w: state %s is %s, the batch was made on %s", ErrConflict, name, stateValue(got, ok), stateValue(want, want != nil))
}

func stateValue(b []byte, ok bool) string {
	if !ok {
		return "nothing"
	}
	return fmt.Sprintf("%.40q", b)
}
