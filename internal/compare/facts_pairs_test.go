package compare

import (
	"os"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/facts"
)

// TestFactsOnDisagreementPairs runs the facts stage on the hand-written
// pairs of the disagreement finder: no pair labelled merely different may
// give a difference, and every pair of conflicting days of one event must
// give a date group that differs (the facts now read the days of events;
// see docs/quality.md "Facts").
func TestFactsOnDisagreementPairs(t *testing.T) {
	for _, file := range []string{"testdata/disagreements.json", "testdata/disagreements-holdout.json"} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		pairs, err := ReadPairs(b)
		if err != nil {
			t.Fatal(err)
		}
		dates, datesFound := 0, 0
		for _, p := range pairs {
			side := func(id string, s PairSide) facts.Doc {
				pub, _ := time.Parse(time.DateOnly, s.Published)
				return facts.Doc{ArticleID: p.ID + id, Outlet: s.Outlet, Published: pub, Text: s.Text}
			}
			gs := facts.Align([]facts.Doc{side("/a", p.A), side("/b", p.B)})
			var differs []facts.Group
			for _, g := range gs {
				if g.Differs() {
					differs = append(differs, g)
				}
			}
			if p.Label == LabelDifferent {
				for _, g := range differs {
					t.Errorf("%s %s (labelled different): %s %s: %s", file, p.ID, g.Verdict, g.Subject, g.Reason)
				}
				continue
			}
			if p.Kind != KindDate {
				continue
			}
			dates++
			for _, g := range differs {
				if g.Kind == facts.KindDate && g.Verdict == facts.Differ {
					datesFound++
					break
				}
			}
		}
		t.Logf("%s: %d of %d conflicting days found by the facts", file, datesFound, dates)
		if datesFound != dates {
			t.Errorf("%s: %d of %d conflicting days found by the facts", file, datesFound, dates)
		}
	}
}
