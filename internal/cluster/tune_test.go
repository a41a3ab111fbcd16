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
	base := Config{Threshold: 0.15, DecayFloor: 0.7, HalfLife: 10 * day, Window: 365 * day, EntityWeight: 0.5, TitleWeight: 3}
	var runs []run
	for _, mt := range []float64{0.3, 0.4, 0.5} {
		for _, floor := range []float64{0.5, 0.7} {
			for _, th := range []float64{0.25, 0.3, 0.35} {
				c := base
				c.MergeThreshold, c.DecayFloor, c.Threshold = mt, floor, th
				runs = append(runs, run{fmt.Sprintf("mt=%.2f floor=%.2f th=%.2f", mt, floor, th), c})
			}
		}
	}
	for _, r := range runs {
		rep, err := EvaluateDocs(context.Background(), docs, EvalOptions{Config: r.cfg})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("%-30s B %.3f/%.3f/%.4f  pw %.3f/%.3f/%.4f  k=%d\n", r.name,
			rep.BCubedPrecision, rep.BCubedRecall, rep.BCubedF1, rep.PairwisePrecision, rep.PairwiseRecall, rep.PairwiseF1, rep.Clusters)
	}
}
