package brief

import (
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/facts"
)

// TestFactsInBrief: a facts group with a difference becomes a
// disagreement of the briefing, with the figures and their dates; an
// agreeing group does not.
func TestFactsInBrief(t *testing.T) {
	day := time.Date(2017, 10, 2, 9, 0, 0, 0, time.UTC)
	c := compare.Comparison{Facts: []facts.Group{
		{Subject: "deaths", Verdict: facts.Differ, Reason: "A gives 59, B gives at least 50", Claims: []facts.Claim{
			{ArticleID: "a", Outlet: "A", Published: day, Value: 59, Figure: "59", Sentence: "The gunman killed 59 people."},
			{ArticleID: "b", Outlet: "B", Published: day.Add(6 * time.Hour), Value: 50, Qualifier: facts.AtLeast, Figure: "at least 50", Sentence: "At least 50 were killed.", AttributedTo: "Police"},
		}},
		{Subject: "injured", Verdict: facts.Agree, Claims: []facts.Claim{{ArticleID: "a"}, {ArticleID: "b"}}},
	}}
	var b Briefing
	b.fromComparison(c)
	if len(b.Disagreements) != 1 {
		t.Fatalf("disagreements %+v, want one", b.Disagreements)
	}
	d := b.Disagreements[0]
	if d.Kind != facts.Differ || !strings.HasPrefix(d.Topic, "deaths") || len(d.Claims) != 2 ||
		d.Claims[0].Value != "59 (2 Oct 2017)" || d.Claims[1].Value != "at least 50 (2 Oct 2017), according to Police" {
		t.Errorf("%+v", d)
	}
}
