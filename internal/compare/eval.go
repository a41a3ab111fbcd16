package compare

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// Labels of an evaluation pair.
const (
	LabelConflicting = "conflicting"
	LabelDifferent   = "different"
)

// Pair is one hand-labelled pair of excerpts about the same event from two
// outlets: conflicting (they state incompatible facts) or merely different.
type Pair struct {
	ID    string   `json:"id"`
	Label string   `json:"label"`
	Kind  string   `json:"kind,omitempty"`
	A     PairSide `json:"a"`
	B     PairSide `json:"b"`
}

// PairSide is one excerpt of a Pair.
type PairSide struct {
	Outlet    string `json:"outlet"`
	Published string `json:"published"` // YYYY-MM-DD
	Text      string `json:"text"`
}

// ReadPairs decodes an evaluation file: {"pairs": [...]}. Every pair needs
// an ID, a known label and two texts.
func ReadPairs(b []byte) ([]Pair, error) {
	var f struct {
		Pairs []Pair `json:"pairs"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("read pairs: %w", err)
	}
	if len(f.Pairs) == 0 {
		return nil, errors.New("read pairs: no pairs")
	}
	for _, p := range f.Pairs {
		if p.ID == "" || (p.Label != LabelConflicting && p.Label != LabelDifferent) || p.A.Text == "" || p.B.Text == "" {
			return nil, fmt.Errorf("read pairs: pair %q: want id, label %q or %q, and two texts", p.ID, LabelConflicting, LabelDifferent)
		}
	}
	return f.Pairs, nil
}

// EvalReport is the disagreement finder's quality on labelled pairs. A pair
// counts as predicted conflicting when at least one disagreement is found.
type EvalReport struct {
	Pairs       int     `json:"pairs"`
	Conflicting int     `json:"conflicting"`
	TruePos     int     `json:"true_positives"`
	FalsePos    int     `json:"false_positives"`
	FalseNeg    int     `json:"false_negatives"`
	TrueNeg     int     `json:"true_negatives"`
	Precision   float64 `json:"precision"`
	Recall      float64 `json:"recall"`
	F1          float64 `json:"f1"`
	// KindCorrect counts true positives whose first disagreement has the
	// labelled kind.
	KindCorrect int `json:"kind_correct"`
	// Errors lists the IDs of false positives and false negatives.
	Errors []EvalError `json:"errors"`
}

// EvalError is one misjudged pair.
type EvalError struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	// Found is the first disagreement found on a false positive.
	Found *Disagreement `json:"found,omitempty"`
}

// Evaluate runs FindDisagreements on every pair. quotes finds the quotes
// of a text (for attribution conflicts); nil finds none.
func Evaluate(pairs []Pair, quotes func(text string) []news.Quote) EvalReport {
	r := EvalReport{Pairs: len(pairs), Errors: []EvalError{}}
	side := func(id string, s PairSide) Doc {
		d := Doc{ArticleID: id, Outlet: s.Outlet, Text: s.Text}
		d.Published, _ = time.Parse(time.DateOnly, s.Published)
		if quotes != nil {
			d.Quotes = quotes(s.Text)
		}
		return d
	}
	for _, p := range pairs {
		found := FindDisagreements([]Doc{side(p.ID+"/a", p.A), side(p.ID+"/b", p.B)})
		conflicting := p.Label == LabelConflicting
		if conflicting {
			r.Conflicting++
		}
		switch {
		case conflicting && len(found) > 0:
			r.TruePos++
			if found[0].Kind == p.Kind {
				r.KindCorrect++
			}
		case conflicting:
			r.FalseNeg++
			r.Errors = append(r.Errors, EvalError{ID: p.ID, Label: p.Label})
		case len(found) > 0:
			r.FalsePos++
			f := found[0]
			r.Errors = append(r.Errors, EvalError{ID: p.ID, Label: p.Label, Found: &f})
		default:
			r.TrueNeg++
		}
	}
	if r.TruePos+r.FalsePos > 0 {
		r.Precision = float64(r.TruePos) / float64(r.TruePos+r.FalsePos)
	}
	if r.TruePos+r.FalseNeg > 0 {
		r.Recall = float64(r.TruePos) / float64(r.TruePos+r.FalseNeg)
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	return r
}
