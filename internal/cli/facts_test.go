package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/facts"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// TestFactsSeeds: over the dated seeds' storyline, "parallax facts
// --storyline" finds the 3 July seed's "earlier in 2023" inconsistent and
// prints one JSON object per group with the public field names.
func TestFactsSeeds(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	ingestDatedSeeds(t, db)
	lines := decodeLines[news.Storyline](t, mustRun(t, "storylines", "--db", db, "--json"))
	if len(lines) != 1 {
		t.Fatalf("%d storylines, want 1", len(lines))
	}
	out := mustRun(t, "facts", "--db", db, "--storyline", lines[0].ID, "--json")
	groups := decodeLines[facts.Group](t, out)
	found := false
	for _, g := range groups {
		if g.Verdict == facts.Inconsistent && len(g.Claims) == 1 && g.Claims[0].Value == 2023 {
			found = true
		} else if g.Differs() {
			t.Errorf("unexpected %s %q", g.Verdict, g.Subject)
		}
	}
	if !found {
		t.Fatalf("no inconsistent 2023 in %s", out)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"subject", "verdict", "claims"} {
		if _, ok := m[k]; !ok {
			t.Errorf("group JSON lacks %q", k)
		}
	}
	c := m["claims"].([]any)[0].(map[string]any)
	for _, k := range []string{"article_id", "outlet", "published", "value", "qualifier", "sentence", "attributed_to"} {
		if _, ok := c[k]; !ok {
			t.Errorf("claim JSON lacks %q", k)
		}
	}
	text := mustRun(t, "facts", "--db", db, "--storyline", lines[0].ID)
	if !strings.Contains(text, "INCONSISTENT") || !strings.Contains(text, "earlier in 2023") {
		t.Errorf("text output:\n%s", text)
	}
	if code, _, errs := run(t, "facts", "--db", db, "snope"); code != 1 || !strings.Contains(errs, "not found") {
		t.Errorf("unknown story: exit %d, %s", code, errs)
	}
	if code, _, _ := run(t, "facts", "--db", db); code != 2 {
		t.Errorf("no story: exit %d, want 2", code)
	}
}

// TestEvalFacts runs "eval facts" on news-clusters with the built-in
// labels and holds the figures written in docs/quality.md.
func TestEvalFacts(t *testing.T) {
	dir := sharedtest.Dir(t, "eval", "news-clusters")
	var r facts.EvalReport
	if err := json.Unmarshal([]byte(mustRun(t, "eval", "facts", "--json", dir)), &r); err != nil {
		t.Fatal(err)
	}
	if r.Precision < 0.9 || r.Recall < 0.6 || r.Found == 0 {
		t.Errorf("precision %.3f, recall %.3f (found %d): want >= 0.90 and >= 0.60", r.Precision, r.Recall, r.Found)
	}
	// A labels file of one's own, beside the articles.
	own := t.TempDir()
	b, err := os.ReadFile(filepath.Join(dir, "0046d5ff09e56287742ed727ac712a7806d4dee16d5d46aafd7632f5.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(own, "a.json"), b, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(own, "facts-labels.json"), []byte(`{"groups":[{"id":"x","verdict":"differ","subject":"deaths","urls":["u1","u2"]}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(mustRun(t, "eval", "facts", "--json", own)), &r); err != nil {
		t.Fatal(err)
	}
	if r.Labels != 1 || r.FalseNeg != 1 {
		t.Errorf("own labels: %+v", r)
	}
	if code, _, errs := run(t, "eval", "facts", "--labels", filepath.Join(own, "missing.json"), own); code != 1 || !strings.Contains(errs, "eval facts") {
		t.Errorf("missing labels: exit %d, %s", code, errs)
	}
}

// TestPrintFactsDays: a group of days prints a DAY column with the
// resolved day beside the words that gave it.
func TestPrintFactsDays(t *testing.T) {
	g := facts.Group{Kind: facts.KindDate, Subject: "date: meeting (Putin, Witkoff)", Verdict: facts.Differ, Reason: "A puts the meeting on 2025-12-02, B on 2025-12-03",
		Claims: []facts.Claim{
			{Kind: facts.KindDate, Outlet: "A", Date: "2025-12-02", Figure: "у вівторок", Sentence: "Віткофф зустрівся з Путіним у вівторок."},
			{Kind: facts.KindDate, Outlet: "B", Date: "2025-12-03", Figure: "3 декабря", Sentence: "Уиткофф встретился с Путиным 3 декабря."},
		}}
	var b strings.Builder
	if err := printFacts(&b, []facts.Group{g}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"DIFFER  date: meeting", "DAY", "2025-12-02 (у вівторок)", "2025-12-03 (3 декабря)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
