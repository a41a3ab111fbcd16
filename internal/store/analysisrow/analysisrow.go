// Package analysisrow is what the SQL stores keep of an article's analysis
// as JSON (the data column of the analysis table, and each quote's), and
// how they turn what they read back into what store.Analyses returns:
// story IDs followed through merges, per-article entity IDs replaced by
// cross-article ones, speakers named by their entity. The SQL stays in each
// backend; the backend passes the reads this package needs.
package analysisrow

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Data is the JSON kept in analysis.data.
type Data struct {
	Mentions []news.Mention `json:"mentions"`
	Timexes  []news.Timex   `json:"timexes"`
	// AnalysedChars is store.ArticleAnalysis.AnalysedChars.
	AnalysedChars int `json:"analysed_chars,omitempty"`
}

// Lookups are the reads of a backend that Read needs.
type Lookups struct {
	// Resolve follows the merge records of kind ("story") from id to the
	// ID it was folded into (id itself when it was not).
	Resolve func(ctx context.Context, kind, id string) (string, error)
	// Canonical maps per-article entity IDs to cross-article ones; IDs
	// without a mapping are left out.
	Canonical func(ctx context.Context, ids []string) (map[string]string, error)
	// Quotes is the backend's store.Analyses.Quotes.
	Quotes func(ctx context.Context, q store.QuoteQuery) ([]news.Quote, error)
}

// Read completes out, whose ArticleID, StoryID and DuplicateOf the backend
// read from the article's analysis row, with the row's data, as
// store.Analyses.Analysis returns it: the story ID followed through merges,
// mentions with cross-article entity IDs, and the article's quotes. Errors
// name the article.
func Read(ctx context.Context, out *store.ArticleAnalysis, data []byte, l Lookups) error {
	var d Data
	if err := json.Unmarshal(data, &d); err != nil {
		return fmt.Errorf("analysis of %s: %w", out.ArticleID, err)
	}
	var err error
	if out.StoryID != "" {
		if out.StoryID, err = l.Resolve(ctx, "story", out.StoryID); err != nil {
			return fmt.Errorf("analysis of %s: %w", out.ArticleID, err)
		}
	}
	local := make([]string, len(d.Mentions))
	for i, m := range d.Mentions {
		local[i] = m.EntityID
	}
	canon, err := l.Canonical(ctx, local)
	if err != nil {
		return fmt.Errorf("analysis of %s: %w", out.ArticleID, err)
	}
	for i := range d.Mentions {
		if c, ok := canon[d.Mentions[i].EntityID]; ok {
			d.Mentions[i].EntityID = c
		}
	}
	out.Mentions, out.Timexes, out.AnalysedChars = d.Mentions, d.Timexes, d.AnalysedChars
	out.Quotes, err = l.Quotes(ctx, store.QuoteQuery{ArticleID: out.ArticleID, Limit: 100000})
	return err
}

// Quote decodes a stored quote (quotes.data) read with its speaker's
// cross-article entity ID and that entity's name ("" when the speaker is no
// known entity): the name replaces whatever spelling the article used.
func Quote(data []byte, speakerID, name string) (news.Quote, error) {
	var q news.Quote
	if err := json.Unmarshal(data, &q); err != nil {
		return news.Quote{}, fmt.Errorf("stored quote: %w", err)
	}
	q.SpeakerID = speakerID
	if name != "" {
		q.Speaker = name
	}
	return q, nil
}
