package compare

import (
	"os"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/quote"
)

// findQuotes runs the real quote finder, as the analysis stage does.
func findQuotes(text string) []news.Quote {
	qs, _ := quote.FromArticle(news.Article{Text: text})
	out := make([]news.Quote, len(qs))
	for i, q := range qs {
		out[i] = news.Quote(q)
	}
	return out
}

func readPairs(t *testing.T) []Pair {
	t.Helper()
	return readPairsFile(t, "testdata/disagreements.json")
}

func readPairsFile(t *testing.T, name string) []Pair {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	pairs, err := ReadPairs(b)
	if err != nil {
		t.Fatal(err)
	}
	return pairs
}

// TestDisagreementPrecision reports precision and recall on the
// hand-written pairs and holds them above floors set a little under the
// measured figures.
func TestDisagreementPrecision(t *testing.T) {
	pairs := readPairs(t)
	r := Evaluate(pairs, findQuotes)
	t.Logf("pairs %d (%d conflicting): precision %.3f recall %.3f f1 %.3f; tp %d fp %d fn %d tn %d; kind right %d/%d",
		r.Pairs, r.Conflicting, r.Precision, r.Recall, r.F1, r.TruePos, r.FalsePos, r.FalseNeg, r.TrueNeg, r.KindCorrect, r.TruePos)
	for _, e := range r.Errors {
		if e.Found != nil {
			t.Logf("false positive %s: %s %q: %q / %q", e.ID, e.Found.Kind, e.Found.About, e.Found.A.Sentence, e.Found.B.Sentence)
		} else {
			t.Logf("missed %s", e.ID)
		}
	}
	if r.Pairs < 40 || r.Conflicting < 20 {
		t.Fatalf("test set too small: %d pairs, %d conflicting", r.Pairs, r.Conflicting)
	}
	if r.Precision < 0.9 {
		t.Errorf("precision %.3f, want >= 0.9", r.Precision)
	}
	if r.Recall < 0.6 {
		t.Errorf("recall %.3f, want >= 0.6", r.Recall)
	}
}

// TestDisagreementHoldout reports the figures on the second set, written
// after the rules were fixed and never used to change them (measured
// first: precision 0.900, recall 0.900 on 22 pairs).
func TestDisagreementHoldout(t *testing.T) {
	r := Evaluate(readPairsFile(t, "testdata/disagreements-holdout.json"), findQuotes)
	t.Logf("holdout pairs %d (%d conflicting): precision %.3f recall %.3f f1 %.3f", r.Pairs, r.Conflicting, r.Precision, r.Recall, r.F1)
	if r.Pairs < 20 || r.Precision < 0.85 || r.Recall < 0.7 {
		t.Errorf("holdout: %d pairs, precision %.3f (want >= 0.85), recall %.3f (want >= 0.7)", r.Pairs, r.Precision, r.Recall)
	}
}

func TestDisagreementKinds(t *testing.T) {
	pairs := readPairs(t)
	for _, p := range pairs {
		if p.Label != LabelConflicting {
			continue
		}
		t.Run(p.ID, func(t *testing.T) {
			r := Evaluate([]Pair{p}, findQuotes)
			if r.TruePos == 1 && r.KindCorrect != 1 {
				found := FindDisagreements([]Doc{{ArticleID: "a", Outlet: p.A.Outlet, Text: p.A.Text, Quotes: findQuotes(p.A.Text)}, {ArticleID: "b", Outlet: p.B.Outlet, Text: p.B.Text, Quotes: findQuotes(p.B.Text)}})
				t.Errorf("found %s first, labelled %s", found[0].Kind, p.Kind)
			}
		})
	}
}

func TestSameOutletNeverDisagrees(t *testing.T) {
	docs := []Doc{
		{ArticleID: "1", Outlet: "X", Text: "Russia launched 40 drones at Kyiv overnight, the air force said."},
		{ArticleID: "2", Outlet: "X", Text: "Russia launched 112 drones at Kyiv overnight, the air force said."},
	}
	if got := FindDisagreements(docs); len(got) != 0 {
		t.Errorf("same outlet: %+v", got)
	}
	docs[1].Outlet = "Y"
	got := FindDisagreements(docs)
	if len(got) != 1 || got[0].Kind != KindNumber || got[0].A.Value != "40 drones" || got[0].B.Value != "112 drones" || got[0].A.ArticleID != "1" || got[0].B.Outlet != "Y" {
		t.Errorf("two outlets: %+v", got)
	}
}

func TestDatesNeedNearbyArticles(t *testing.T) {
	a := Doc{ArticleID: "a", Outlet: "A", Published: time.Date(2025, 12, 5, 0, 0, 0, 0, time.UTC), Text: "Witkoff met Putin in Moscow on December 2 for talks on the peace plan."}
	b := Doc{ArticleID: "b", Outlet: "B", Published: time.Date(2025, 12, 5, 0, 0, 0, 0, time.UTC), Text: "Witkoff met Putin in Moscow on December 4 for talks on the peace plan."}
	if got := FindDisagreements([]Doc{a, b}); len(got) != 1 || got[0].Kind != KindDate {
		t.Fatalf("same week: %+v", got)
	}
	b.Published = b.Published.AddDate(1, 0, 0)
	if got := FindDisagreements([]Doc{a, b}); len(got) != 0 {
		t.Errorf("a year apart: %+v", got)
	}
}

func TestPredicates(t *testing.T) {
	tests := []struct {
		in       string
		group    string
		positive bool
		subject  string
	}{
		{"Russia made significant concessions in the talks.", "agree", true, "russia"},
		{"Russia made no concessions in the talks.", "agree", false, "russia"},
		{"The Kremlin has refused to make any concessions in the talks.", "agree", false, "russia"},
		{"Ukraine did not agree to the ceasefire proposal.", "agree", false, "ukraine"},
		{"Ukraine agreed to the ceasefire proposal.", "agree", true, "ukraine"},
		{"The South Korean Foreign Ministry refused to confirm the report.", "confirm", false, "south korean ministry"},
		{"Vladimir Putin ruled out a meeting in Moscow.", "agree", false, "vladimir putin"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			s := analyseSentence(tc.in)
			if len(s.preds) != 1 {
				t.Fatalf("predicates %+v, want one", s.preds)
			}
			p := s.preds[0]
			if p.group != tc.group || p.positive != tc.positive || p.subject != tc.subject {
				t.Errorf("got %s positive=%v subject %q, want %s %v %q", p.group, p.positive, p.subject, tc.group, tc.positive, tc.subject)
			}
		})
	}
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		in     string
		value  float64
		unit   string
		approx bool
	}{
		{"The EU approved a $5 billion aid package.", 5e9, "money", false},
		{"The EU approved a $5bn aid package.", 5e9, "money", false},
		{"Inflation slowed to 9.5 percent in March.", 9.5, "percent", false},
		{"Inflation slowed to 10.3% in March.", 10.3, "percent", false},
		{"North Korea sent 11,000 troops to Kursk.", 11000, "troop", false},
		{"Twelve Ukrainian soldiers were captured.", 12, "soldier", false},
		{"Sanctions hit 20 North Korean vessels.", 20, "vessel", false},
		{"The strike killed at least 12 people.", 12, "peopl", true},
		{"The strike killed more than 10 people.", 10, "peopl", true},
		{"The strike killed 12 people or more.", 12, "peopl", true},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			s := analyseSentence(tc.in)
			if len(s.nums) != 1 {
				t.Fatalf("numbers %+v, want one", s.nums)
			}
			n := s.nums[0]
			if n.value != tc.value || n.unit != tc.unit || n.approx != tc.approx {
				t.Errorf("got %v %q approx=%v, want %v %q approx=%v", n.value, n.unit, n.approx, tc.value, tc.unit, tc.approx)
			}
		})
	}
	for _, in := range []string{
		"The war began in 2022.",
		"They met on December 2 in Moscow.",
		"They met on 24 August in Moscow.",
		"A 9-year-old girl was among the dead.",
	} {
		t.Run(in, func(t *testing.T) {
			if s := analyseSentence(in); len(s.nums) != 0 {
				t.Errorf("numbers %+v, want none", s.nums)
			}
		})
	}
}

func TestReadPairsErrors(t *testing.T) {
	for _, in := range []string{`{}`, `{"pairs":[{"id":"x","label":"maybe","a":{"text":"a"},"b":{"text":"b"}}]}`, `nope`} {
		if _, err := ReadPairs([]byte(in)); err == nil {
			t.Errorf("ReadPairs(%s): no error", in)
		}
	}
}

func FuzzFindDisagreements(f *testing.F) {
	f.Add("Russia launched 40 drones at Kyiv on December 2.", "Russia launched $5bn 1,500 drones at Kyiv on Dec. 3, refused to agree.")
	f.Add("Putin did not agree to meet.", "Putin agreed to meet, the Kremlin denied it.")
	f.Fuzz(func(t *testing.T, a, b string) {
		FindDisagreements([]Doc{{ArticleID: "a", Outlet: "A", Text: a}, {ArticleID: "b", Outlet: "B", Text: b}})
	})
}
