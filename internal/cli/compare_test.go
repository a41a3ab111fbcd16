package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// ingestDatedSeeds ingests each seed with its date from seeds-dates.tsv.
func ingestDatedSeeds(t *testing.T, db string) {
	t.Helper()
	for _, s := range sharedtest.Seeds(t) {
		mustRun(t, "ingest", "--db", db, "--published", s.Published.Format(time.DateOnly), s.Path)
	}
}

func TestOutletsCommand(t *testing.T) {
	list := decodeLines[outlet.Outlet](t, mustRun(t, "outlets", "--json"))
	found := map[string]outlet.Outlet{}
	for _, o := range list {
		found[o.Name] = o
	}
	if rt := found["RT"]; rt.Kind != outlet.KindStateAffiliated || rt.Country != "RU" || len(rt.Domains) == 0 {
		t.Errorf("RT: %+v", rt)
	}
	user := filepath.Join(t.TempDir(), "outlets.json")
	if err := os.WriteFile(user, []byte(`{"outlets":[{"name":"Local Gazette","domains":["gazette.example"],"country":"IE","language":"en","kind":"private"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	out := mustRun(t, "outlets", "--outlets", user, "--kind", "private")
	if !strings.Contains(out, "Local Gazette") || strings.Contains(out, "TASS") {
		t.Errorf("user file or --kind not applied:\n%s", out)
	}
	if code, _, _ := run(t, "outlets", "--kind", "tabloid"); code != 2 {
		t.Errorf("bad --kind: exit %d, want 2", code)
	}
	if code, _, errs := run(t, "outlets", "--outlets", filepath.Join(t.TempDir(), "missing.json")); code != 1 || !strings.Contains(errs, "outlets file") {
		t.Errorf("missing user file: exit %d, %s", code, errs)
	}
}

// TestCompareSeeds: over the seeds' storyline the Russian state outlet says
// Kiev and the others Kyiv, and each outlet's speakers are listed.
func TestCompareSeeds(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	ingestDatedSeeds(t, db)
	lines := decodeLines[news.Storyline](t, mustRun(t, "storylines", "--db", db, "--json"))
	if len(lines) != 1 {
		t.Fatalf("%d storylines, want 1", len(lines))
	}
	cs := decodeLines[compare.Comparison](t, mustRun(t, "compare", "--db", db, "--storyline", lines[0].ID, "--json"))
	if len(cs) != 1 {
		t.Fatalf("%d comparisons", len(cs))
	}
	c := cs[0]
	if c.Scope != "storyline" || c.Articles != 5 || len(c.Outlets) != 5 {
		t.Errorf("scope %s, %d articles, outlets %v", c.Scope, c.Articles, c.Outlets)
	}
	for _, n := range c.Naming {
		if n.Pair != "Kyiv/Kiev" {
			continue
		}
		for _, o := range n.Outlets {
			want := "Kyiv"
			if o.Outlet == "RT" {
				want = "Kiev"
			}
			if o.Prefers != want {
				t.Errorf("%s prefers %q, want %q", o.Outlet, o.Prefers, want)
			}
		}
		if !n.Split {
			t.Error("Kyiv/Kiev not split")
		}
	}
	for _, v := range c.Voices {
		if v.Outlet != outlet.Unattributed && len(v.Speakers) == 0 {
			t.Errorf("%s: no speakers", v.Outlet)
		}
	}
	// Each story on its own, and the text output.
	for _, id := range lines[0].StoryIDs {
		out := mustRun(t, "compare", "--db", db, id)
		for _, section := range []string{"COVERAGE", "VOICES", "WORDING", "NAMING", "DISAGREEMENTS"} {
			if !strings.Contains(out, section) {
				t.Errorf("story %s: no %s section:\n%s", id, section, out)
			}
		}
	}
	if code, _, _ := run(t, "compare", "--db", db, "no-such-story"); code != 1 {
		t.Errorf("unknown story: exit %d, want 1", code)
	}
	if code, _, _ := run(t, "compare", "--db", db); code != 2 {
		t.Errorf("no story: exit %d, want 2", code)
	}
}

func TestCompareEval(t *testing.T) {
	out := mustRun(t, "compare", "eval", "--json", filepath.Join("..", "compare", "testdata", "disagreements.json"))
	r := decodeLines[compare.EvalReport](t, out)
	if len(r) != 1 || r[0].Pairs < 40 || r[0].Precision < 0.9 {
		t.Errorf("eval report: %+v", r)
	}
}
