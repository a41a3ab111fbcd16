package when

import (
	"context"
	"os"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// TestEvaluateTimeBank scores Find on a slice of TimeBank (the full folder
// with PARALLAX_FULL_EVAL=1) and checks floors the rules reach.
func TestEvaluateTimeBank(t *testing.T) {
	dir := sharedtest.Dir(t, "eval", "tempeval3", "TimeBank")
	docs, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	full := !testing.Short() && os.Getenv("PARALLAX_FULL_EVAL") == "1"
	if !full {
		// Every fourth document: a spread of sources and years.
		var slice []Doc
		for i := 0; i < len(docs); i += 4 {
			slice = append(slice, docs[i])
		}
		docs = slice
	}
	r, err := EvaluateDocs(context.Background(), docs)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.WriteText(os.Stderr); err != nil {
		t.Fatal(err)
	}
	t.Logf("value F1 %.4f (P %.4f R %.4f), extent F1 %.4f, strict F1 %.4f", r.ValueF1, r.ValuePrecision, r.ValueRecall, r.ExtentF1, r.StrictF1)
	if os.Getenv("PARALLAX_MISMATCHES") != "" {
		f, err := os.Create(os.Getenv("PARALLAX_MISMATCHES"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		r.WriteMismatches(f)
	}
	// Floors a little under what the rules reach (slice: extent 0.969,
	// value 0.849; full folder: extent 0.957, value 0.857), so that a
	// regression fails.
	floors := map[string]float64{"extent_f1": 0.93, "value_f1": 0.83}
	if r.ExtentF1 < floors["extent_f1"] {
		t.Errorf("extent F1 %.3f below floor %.2f", r.ExtentF1, floors["extent_f1"])
	}
	if r.ValueF1 < floors["value_f1"] {
		t.Errorf("value F1 %.3f below floor %.2f", r.ValueF1, floors["value_f1"])
	}
}

// The trigger words only speed Find up: running every rule everywhere
// finds the same expressions on real news text.
func TestTriggersLoseNothing(t *testing.T) {
	docs, err := LoadDir(sharedtest.Dir(t, "eval", "tempeval3", "TimeBank"))
	if err != nil {
		t.Fatal(err)
	}
	step := 7 // a spread of 27 documents
	if !testing.Short() && os.Getenv("PARALLAX_FULL_EVAL") == "1" {
		step = 1
	}
	for i := 0; i < len(docs); i += step {
		d := docs[i]
		fast, slow := find(d.Text, d.DCT, false), find(d.Text, d.DCT, true)
		if len(fast) != len(slow) {
			t.Errorf("%s: %d expressions with triggers, %d without", d.Name, len(fast), len(slow))
		}
		for j := range min(len(fast), len(slow)) {
			if fast[j] != slow[j] {
				t.Errorf("%s: %+v with triggers, %+v without", d.Name, fast[j], slow[j])
			}
		}
	}
}

// On real news text, Find's expressions are in order, do not overlap and
// are short.
func TestFindSpansOnTimeBank(t *testing.T) {
	docs, err := LoadDir(sharedtest.Dir(t, "eval", "tempeval3", "TimeBank"))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(docs); i += 5 {
		d := docs[i]
		prevEnd := 0
		for _, x := range Find(d.Text, d.DCT) {
			checkSpan(t, d.Text, x)
			if x.Start < prevEnd {
				t.Errorf("%s: %q at %d overlaps or precedes the expression ending at %d", d.Name, x.Text, x.Start, prevEnd)
			}
			prevEnd = x.End
		}
	}
}
