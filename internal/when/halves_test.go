package when

import (
	"context"
	"os"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// timeBankHalves splits TimeBank's documents (in name order) into the
// even-numbered half, on which rules may be written (A), and the
// odd-numbered half, which is only measured (B): every source (ABC, APW,
// CNN, NYT, PRI, VOA, WSJ) is in both.
func timeBankHalves(t *testing.T) (a, b []Doc) {
	t.Helper()
	docs, err := LoadDir(sharedtest.Dir(t, "eval", "tempeval3", "TimeBank"))
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range docs {
		if i%2 == 0 {
			a = append(a, d)
		} else {
			b = append(b, d)
		}
	}
	return a, b
}

// TestTimeBankHalves prints the scores of both halves (go test
// ./internal/when -run TimeBankHalves -v); PARALLAX_MISMATCHES=file writes
// the mismatches of half A only, the half rules may be written against.
func TestTimeBankHalves(t *testing.T) {
	if testing.Short() {
		t.Skip("scores all of TimeBank")
	}
	a, b := timeBankHalves(t)
	for _, h := range []struct {
		name string
		docs []Doc
	}{{"A (written on)", a}, {"B (held out)", b}} {
		r, err := EvaluateDocs(context.Background(), h.docs)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("half %s: %d documents: value F1 %.3f (P %.3f R %.3f), extent F1 %.3f, strict F1 %.3f; DATE+TIME value F1 %.3f, DURATION+SET value F1 %.3f",
			h.name, len(h.docs), r.ValueF1, r.ValuePrecision, r.ValueRecall, r.ExtentF1, r.StrictF1, r.DateTime.ValueF1, r.DurationSet.ValueF1)
		if p := os.Getenv("PARALLAX_MISMATCHES"); p != "" && h.docs[0].Name == a[0].Name {
			f, err := os.Create(p)
			if err != nil {
				t.Fatal(err)
			}
			r.WriteMismatches(f)
			f.Close()
		}
		// Floors under today's figures, so that a regression fails.
		if r.ValueF1 < 0.82 || r.ExtentF1 < 0.93 {
			t.Errorf("half %s: value F1 %.3f, extent F1 %.3f below the floors 0.82, 0.93", h.name, r.ValueF1, r.ExtentF1)
		}
	}
}
