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
	for _, hw := range []float64{0.01, 0.3, 0.6, 1} {
		for _, floor := range []float64{0.4, 0.7} {
			for _, th := range []float64{0.18, 0.22, 0.26} {
				add(fmt.Sprintf("hw=%.2f floor=%.1f th=%.2f", hw, floor, th), func(c *Config) {
					c.HapaxWeight, c.DecayFloor, c.Threshold, c.HalfLife = hw, floor, th, 14*day
				})
			}
		}
	}
	for _, r := range runs {
		rep, err := EvaluateDocs(context.Background(), docs, EvalOptions{Config: r.cfg, Shuffles: 0, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("%-30s B %.3f/%.3f/%.4f  pw %.3f/%.3f/%.4f  k=%d order %v\n", r.name,
			rep.BCubedPrecision, rep.BCubedRecall, rep.BCubedF1, rep.PairwisePrecision, rep.PairwiseRecall, rep.PairwiseF1, rep.Clusters, rep.Order)
	}
}
