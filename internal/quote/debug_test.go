package quote

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

func TestDebugSeeds(t *testing.T) {
	if os.Getenv("DEBUG_SEEDS") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(filepath.Join(sharedtest.Dir(t, "corpus", "seeds"), "*.txt"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		ents, ms := entity.Extract(string(b))
		qs, probs := Find(string(b), ents, ms)
		fmt.Println("==", filepath.Base(f))
		for _, q := range qs {
			txt := q.Text
			if len(txt) > 70 {
				txt = txt[:70]
			}
			fmt.Printf("  %-5v %-18s %-12s %q\n", q.Direct, q.Speaker, q.Cue, txt)
		}
		for _, p := range probs {
			fmt.Printf("  PROBLEM %s %q\n", p.Reason, string(b)[p.Start:min(p.End, p.Start+60)])
		}
	}
}

func TestDebugEval(t *testing.T) {
	if os.Getenv("DEBUG_EVAL") == "" {
		t.Skip()
	}
	rep, err := Evaluate(t.Context(), sharedtest.Dir(t, "eval", "polnear", "dev"))
	if err != nil {
		t.Fatal(err)
	}
	rep.WriteText(os.Stdout)
}
