package cluster

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/parallax-news/parallax/internal/dedup"
)

// Result is what happened to one article run through a Runner.
type Result struct {
	ID         string      `json:"id"`
	Dedup      dedup.Match `json:"dedup"`
	Assignment Assignment  `json:"assignment"`
}

// Runner feeds articles through duplicate detection and clustering. The
// work that needs no shared state (hashing shingles, tokenising, stemming)
// runs on worker goroutines, one chunk ahead of the decisions, which are
// made in input order on the caller's goroutine: the result is the same as
// adding the articles one by one. A Runner is not safe for concurrent use.
type Runner struct {
	ix        *dedup.Index
	c         *Clusterer
	analyzers []*Analyzer
}

// NewRunner returns a Runner over ix and c with the given number of worker
// goroutines (<= 0: one less than GOMAXPROCS, at least one).
func NewRunner(ix *dedup.Index, c *Clusterer, workers int) *Runner {
	if workers <= 0 {
		workers = max(1, runtime.GOMAXPROCS(0)-1)
	}
	r := &Runner{ix: ix, c: c}
	for range workers {
		r.analyzers = append(r.analyzers, NewAnalyzer(c.cfg))
	}
	return r
}

const runChunk = 256

type prepared struct {
	d dedup.Prepared
	c Prepared
}

// Run adds docs in order and returns one Result per doc. It stops with the
// context's error (wrapped) if ctx is cancelled; articles added before that
// stay added.
func (r *Runner) Run(ctx context.Context, docs []Doc) ([]Result, error) {
	out := make([]Result, 0, len(docs))
	chunks := make(chan []prepared, 2)
	done := make(chan struct{})
	defer close(done)
	go func() {
		defer close(chunks)
		for start := 0; start < len(docs); start += runChunk {
			part := docs[start:min(start+runChunk, len(docs))]
			ps := make([]prepared, len(part))
			var wg sync.WaitGroup
			n := len(r.analyzers)
			for w := range n {
				wg.Add(1)
				go func(a *Analyzer) {
					defer wg.Done()
					for i := w; i < len(part); i += n {
						d := part[i]
						ps[i].d = r.ix.Prepare(dedup.Doc{ID: d.ID, Title: d.Title, Text: d.Text, Published: d.Published})
						if d.DuplicateOf == "" {
							ps[i].c = a.Prepare(d)
						} else {
							ps[i].c = Prepared{Doc: d}
						}
					}
				}(r.analyzers[w])
			}
			wg.Wait()
			select {
			case chunks <- ps:
			case <-done:
				return
			}
		}
	}()
	for ps := range chunks {
		if err := ctx.Err(); err != nil {
			return out, fmt.Errorf("cluster run: %w", err)
		}
		for _, p := range ps {
			m := r.ix.AddPrepared(p.d)
			cp := p.c
			if m.Group != cp.Doc.ID && cp.Doc.DuplicateOf == "" {
				cp.Doc.DuplicateOf = m.Group
			}
			a := r.c.AddPrepared(cp)
			out = append(out, Result{ID: cp.Doc.ID, Dedup: m, Assignment: a})
		}
	}
	return out, nil
}
