package pipeline

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

// TestReorder hands the reorder buffer the results of three inputs (one
// empty, one with a failed document) in every kind of shuffled order and
// checks that articles come out in input order, each once, and that the
// buffer is empty at the end.
func TestReorder(t *testing.T) {
	type doc struct {
		input, doc int
		ok         bool
	}
	var all []cleaned
	var want []string
	for _, d := range []doc{{0, 0, true}, {0, 1, false}, {0, 2, true}, {2, 0, true}, {2, 1, true}} {
		id := fmt.Sprintf("%d/%d", d.input, d.doc)
		all = append(all, cleaned{input: d.input, doc: d.doc, ok: d.ok, art: news.Article{ID: id}})
		if d.ok {
			want = append(want, id)
		}
	}
	all = append(all, cleaned{input: 0, doc: 3, end: true}, cleaned{input: 1, doc: 0, end: true}, cleaned{input: 2, doc: 2, end: true})
	rng := rand.New(rand.NewPCG(1, 2))
	for run := range 200 {
		in := slices.Clone(all)
		if run > 0 {
			rng.Shuffle(len(in), func(i, j int) { in[i], in[j] = in[j], in[i] })
		}
		r := newReorder()
		var got []string
		for _, c := range in {
			for _, a := range r.put(c) {
				got = append(got, a.ID)
			}
		}
		if !slices.Equal(got, want) || r.input != 3 || len(r.waiting) != 0 || len(r.ends) != 0 {
			t.Fatalf("run %d: got %v (next input %d, %d waiting), want %v", run, got, r.input, len(r.waiting), want)
		}
	}
}
