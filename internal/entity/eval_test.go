package entity

import (
	"testing"

	"github.com/parallax-news/parallax/internal/sentence"
)

func TestScoreMentions(t *testing.T) {
	g := func(start, end int, typ string) EvalMention {
		return EvalMention{Doc: "d", Start: start, End: end, Type: typ}
	}
	tests := []struct {
		name             string
		gold, pred       []EvalMention
		typedF1, untyped float64
	}{
		{"exact", []EvalMention{g(0, 5, "person")}, []EvalMention{g(0, 5, "person")}, 1, 1},
		{"wrong type", []EvalMention{g(0, 5, "person")}, []EvalMention{g(0, 5, "place")}, 0, 1},
		{"wrong span", []EvalMention{g(0, 5, "person")}, []EvalMention{g(0, 6, "person")}, 0, 0},
		{"duplicate counts once", []EvalMention{g(0, 5, "person"), g(7, 9, "place")}, []EvalMention{g(0, 5, "person"), g(0, 5, "person")}, 2 * 1 * 0.5 / 1.5, 2 * 1 * 0.5 / 1.5},
		{"nothing predicted", []EvalMention{g(0, 5, "person")}, nil, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ScoreMentions(tc.gold, tc.pred)
			if !near(r.F1, tc.typedF1) || !near(r.Untyped.F1, tc.untyped) {
				t.Errorf("F1 %.3f untyped %.3f, want %.3f %.3f", r.F1, r.Untyped.F1, tc.typedF1, tc.untyped)
			}
		})
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestCodePoints(t *testing.T) {
	cp := sentence.RuneOffsets("Путин и Trump")
	for _, c := range []struct{ b, want int }{{0, 0}, {2, 1}, {10, 5}, {13, 7}, {18, 12}} {
		if got := cp(c.b); got != c.want {
			t.Errorf("cp(%d) = %d, want %d", c.b, got, c.want)
		}
	}
}

func TestEvaluateAliases(t *testing.T) {
	text := "Joe Smith met Ann Lee. Smith said Lee was right."
	d := EvalDoc{ID: "d", Lang: "en", Text: text, Coref: true, Gold: []EvalMention{
		{Doc: "d", Start: 0, End: 9, Type: "person", Entity: "E1"},
		{Doc: "d", Start: 14, End: 21, Type: "person", Entity: "E2"},
		{Doc: "d", Start: 23, End: 28, Type: "person", Entity: "E1"},
		{Doc: "d", Start: 34, End: 37, Type: "person", Entity: "E2"},
	}}
	r := Evaluate([]EvalDoc{d})
	if r.F1 != 1 {
		t.Errorf("F1 = %.3f, want 1", r.F1)
	}
	if r.Aliases == nil || r.Aliases.Pairs != 2 || r.Aliases.Correct != 2 {
		t.Errorf("aliases = %+v, want 2 of 2", r.Aliases)
	}
}

// TestListErrors: each wrong prediction and each miss falls in one class.
func TestListErrors(t *testing.T) {
	gold := []EvalMention{
		{Doc: "d", Start: 0, End: 5, Type: "person", Text: "Anna"},
		{Doc: "d", Start: 10, End: 20, Type: "organization", Text: "Acme Group"},
		{Doc: "d", Start: 30, End: 35, Type: "place", Text: "Paris"},
		{Doc: "d", Start: 40, End: 45, Type: "place", Text: "Rome"},
	}
	pred := []EvalMention{
		{Doc: "d", Start: 0, End: 5, Type: "person", Text: "Anna"},         // right
		{Doc: "d", Start: 10, End: 14, Type: "organization", Text: "Acme"}, // boundary
		{Doc: "d", Start: 30, End: 35, Type: "person", Text: "Paris"},      // confusion
		{Doc: "d", Start: 50, End: 55, Type: "organization", Text: "Blue"}, // false positive
		{Doc: "d", Start: 50, End: 55, Type: "organization", Text: "Blue"}, // counted once
	}
	el := listErrors(gold, pred, 10)
	want := map[string]int{"false_positives": 1, "boundaries": 1, "confusions": 1, "misses": 1}
	for k, n := range want {
		if el.Totals[k] != n {
			t.Errorf("%s: %d, want %d (%+v)", k, el.Totals[k], n, el)
		}
	}
	if len(el.Confusions) != 1 || el.Confusions[0].Text != "Paris person→place" {
		t.Errorf("confusions %+v", el.Confusions)
	}
	if len(el.Misses) != 1 || el.Misses[0].Text != "Rome (place)" {
		t.Errorf("misses %+v", el.Misses)
	}
	if len(el.Boundaries) != 1 || el.Boundaries[0].Text != "Acme ⟶ Acme Group (organization)" {
		t.Errorf("boundaries %+v", el.Boundaries)
	}
}
