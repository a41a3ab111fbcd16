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

func TestDebugErrors(t *testing.T) {
	if os.Getenv("DEBUG_ERR") == "" {
		t.Skip()
	}
	dir := sharedtest.Dir(t, "eval", "polnear", "dev")
	anns, _ := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	mode := os.Getenv("DEBUG_ERR")
	for _, ann := range anns {
		base := filepath.Base(ann)
		name := base[:len(base)-9]
		b, _ := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
		text := string(b)
		ents, ms := entity.Extract(text)
		qs, _ := Find(text, ents, ms)
		ro := runeOffsets(text)
		runes := []rune(text)
		gold, _ := readAnn(ann, runes)
		var preds []predicted
		for _, q := range qs {
			if q.Direct || mode == "all" || mode == "allfp" || mode == "allfn" {
				preds = append(preds, predicted{start: ro(q.Start), end: ro(q.End), speaker: q.Speaker, direct: q.Direct})
			}
		}
		ctx := func(s, e int) string {
			if e < s {
				s, e = e, s
			}
			e = min(e, len(runes))
			s = min(s, e)
			a, z := max(0, s-100), min(len(runes), e+60)
			return string(runes[a:s]) + "[[" + string(runes[s:min(e, s+200)]) + "]]" + string(runes[e:z])
		}
		matched := make([]bool, len(preds))
		for _, g := range gold {
			if !g.direct && mode != "all" && mode != "allfn" {
				continue
			}
			best, bestOv := -1, 0
			for i, p := range preds {
				ov := overlap(p, g)
				if ov > 0 && 2*ov >= min(p.end-p.start, goldLen(g)) {
					matched[i] = true
					if ov > bestOv {
						best, bestOv = i, ov
					}
				}
			}
			if best < 0 {
				if mode == "fn" || mode == "allfn" {
					fmt.Printf("FN %s\n   %q\n", name, ctx(g.content[0].start, g.content[len(g.content)-1].end))
				}
				continue
			}
			if (mode == "spk" || mode == "all") && !speakerMatches(preds[best].speaker, g) {
				fmt.Printf("SPK %s raw=%q gold=%q pred=%q\n   %q\n", name, g.raw, g.source, preds[best].speaker, ctx(preds[best].start, preds[best].end))
			}
		}
		if mode == "fp" || mode == "allfp" {
			for i, p := range preds {
				if !matched[i] {
					fmt.Printf("FP %s pred=%q\n   %q\n", name, p.speaker, ctx(p.start, p.end))
				}
			}
		}
	}
}
