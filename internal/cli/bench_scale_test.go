package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

func TestShiftYears(t *testing.T) {
	for _, tc := range []struct {
		in   string
		k    int
		want string
	}{
		{" 3-MAR-1987 11:33:58.90", 3, " 3-MAR-1990 11:33:58.90"},
		{"2025-08-15T10:00:00Z", 1, "2026-08-15T10:00:00Z"},
		{"1987 and 1988", 6, "1993 and 1988"}, // the first year only
		{"no year", 3, "no year"},
		{"", 3, ""},
	} {
		if got := shiftYears(tc.in, tc.k); got != tc.want {
			t.Errorf("shiftYears(%q, %d) = %q, want %q", tc.in, tc.k, got, tc.want)
		}
	}
}

// TestBenchScale runs bench --scale over one Reuters file replicated to
// 1,200 articles: ten steps, each storing and analysing its tenth, and
// the replicas forming stories of their own (three years apart, beyond
// the clusterer's window) rather than joining the originals'.
func TestBenchScale(t *testing.T) {
	if testing.Short() {
		t.Skip("stores and analyses 1,200 articles")
	}
	corpus := t.TempDir()
	if err := os.Symlink(filepath.Join(sharedtest.Dir(t, "corpus", "reuters21578"), "0.sgm"), filepath.Join(corpus, "0.sgm")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", t.TempDir())
	out := mustRun(t, "bench", "--db", filepath.Join(t.TempDir(), "unused.db"), "--corpus", corpus, "--scale", "1200", "--json")
	var res benchScaleResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if res.Base < 900 || res.Scale != 1200 || len(res.Steps) != 10 {
		t.Fatalf("base %d, scale %d, %d steps", res.Base, res.Scale, len(res.Steps))
	}
	last := res.Steps[9]
	if last.Stored < 1150 || last.Stored > 1200 {
		t.Errorf("%d stored after the last step, want about 1,200", last.Stored)
	}
	for i, s := range res.Steps {
		if s.Articles == 0 || s.CPUMsPerArticle <= 0 || s.CrossMsPerArticle <= 0 {
			t.Errorf("step %d: %+v", i, s)
		}
	}
	// Steps 8 and 9 are replica 1 (articles 925 on): stories of their own.
	if last.Stories < last.Articles/4 {
		t.Errorf("the last step made %d stories of %d articles: replicas joined the originals' stories", last.Stories, last.Articles)
	}
}
