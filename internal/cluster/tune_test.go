package cluster

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// TestTune prints a coarse parameter grid; run with PARALLAX_TUNE=1.
func TestTune(t *testing.T) {
	if os.Getenv("PARALLAX_TUNE") == "" {
		t.Skip("set PARALLAX_TUNE=1 to print the tuning grid")
	}
	docs, err := ReadLabelled(sharedtest.Dir(t, "eval", "news-clusters"))
	if err != nil {
		t.Fatal(err)
	}
	day := 24 * time.Hour
	_ = day
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
	add("default", func(c *Config) {})
	add("cand=20", func(c *Config) { c.Candidates = 20 })
	add("cand=10", func(c *Config) { c.Candidates = 10 })
	add("storyterms=100", func(c *Config) { c.StoryTerms = 100 })
	add("storyterms=60", func(c *Config) { c.StoryTerms = 60 })
	add("query=15", func(c *Config) { c.QueryTerms = 15 })
	add("postings=64", func(c *Config) { c.MaxPostings = 64 })
	for _, r := range runs {
		rep, err := EvaluateDocs(context.Background(), docs, EvalOptions{Config: r.cfg, Shuffles: 0, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("%-30s B %.3f/%.3f/%.4f  pw %.3f/%.3f/%.4f  k=%d order %v\n", r.name,
			rep.BCubedPrecision, rep.BCubedRecall, rep.BCubedF1, rep.PairwisePrecision, rep.PairwiseRecall, rep.PairwiseF1, rep.Clusters, rep.Order)
	}
}
