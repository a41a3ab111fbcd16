package cluster

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// TestTune prints the evaluation figures with one parameter at a time moved
// away from its default; run with PARALLAX_TUNE=1.
func TestTune(t *testing.T) {
	if os.Getenv("PARALLAX_TUNE") == "" {
		t.Skip("set PARALLAX_TUNE=1 to print the tuning grid")
	}
	docs, err := ReadLabelled(sharedtest.Dir(t, "eval", "news-clusters"))
	if err != nil {
		t.Fatal(err)
	}
	day := 24 * time.Hour
	type run struct {
		name string
		cfg  Config
	}
	base := DefaultConfig()
	var runs []run
	add := func(name string, f func(c *Config)) {
		c := base
		f(&c)
		runs = append(runs, run{name, c})
	}
	// One parameter at a time around the defaults: how sensitive the
	// figures are, and how the defaults were chosen.
	add("default", func(c *Config) {})
	for _, v := range []float64{0.14, 0.22, 0.26} {
		add(fmt.Sprintf("threshold=%.2f", v), func(c *Config) { c.Threshold = v })
	}
	for _, v := range []float64{0.25, 0.5} {
		add(fmt.Sprintf("merge_threshold=%.2f", v), func(c *Config) { c.MergeThreshold = v })
	}
	for _, v := range []float64{0.3, 0.5, 0.7} {
		add(fmt.Sprintf("decay_floor=%.1f", v), func(c *Config) { c.DecayFloor = v })
	}
	for _, v := range []float64{3, 7, 30} {
		add(fmt.Sprintf("half_life=%.0fd", v), func(c *Config) { c.HalfLife = time.Duration(v * float64(day)) })
	}
	for _, v := range []float64{30, 90, 365} {
		add(fmt.Sprintf("window=%.0fd", v), func(c *Config) { c.Window = time.Duration(v * float64(day)) })
	}
	for _, v := range []float64{0.01, 0.4} {
		add(fmt.Sprintf("title_share=%.2f", v), func(c *Config) { c.TitleShare = v })
	}
	for _, v := range []float64{0.01, 1} {
		add(fmt.Sprintf("hapax_weight=%.2f", v), func(c *Config) { c.HapaxWeight = v })
	}
	for _, v := range []float64{1, 5} {
		add(fmt.Sprintf("title_weight=%.0f", v), func(c *Config) { c.TitleWeight = v })
	}
	for _, v := range []int{10, 60} {
		add(fmt.Sprintf("query_terms=%d", v), func(c *Config) { c.QueryTerms = v })
	}
	for _, r := range runs {
		rep, err := EvaluateDocs(context.Background(), docs, EvalOptions{Config: r.cfg})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("%-22s BCubed P/R/F1 %.3f/%.3f/%.4f  pairwise %.3f/%.3f/%.4f  clusters %d\n", r.name,
			rep.BCubedPrecision, rep.BCubedRecall, rep.BCubedF1, rep.PairwisePrecision, rep.PairwiseRecall, rep.PairwiseF1, rep.Clusters)
	}
}
