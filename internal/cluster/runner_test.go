package cluster

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/parallax-news/parallax/internal/dedup"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// TestRunnerMatchesAdd checks that the concurrent Runner decides exactly as
// adding the articles one by one does.
func TestRunnerMatchesAdd(t *testing.T) {
	docs, err := ReadLabelled(sharedtest.Dir(t, "eval", "news-clusters"))
	if err != nil {
		t.Fatal(err)
	}
	docs = chronological(docs)[:150]
	in := make([]Doc, len(docs))
	for i, d := range docs {
		in[i] = d.Doc
	}
	seqIx, seq := dedup.NewIndex(dedup.Options{}), New(Config{})
	var want []Result
	for _, d := range in {
		m := seqIx.Add(dedup.Doc{ID: d.ID, Title: d.Title, Text: d.Text, Published: d.Published})
		if m.Group != d.ID {
			d.DuplicateOf = m.Group
		}
		want = append(want, Result{ID: d.ID, Dedup: m, Assignment: seq.Add(d)})
	}
	for _, workers := range []int{1, 3} {
		c := New(Config{})
		got, err := NewRunner(dedup.NewIndex(dedup.Options{}), c, workers).Run(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d workers: results differ from one-by-one adding", workers)
		}
		if a, b := c.Stories(), seq.Stories(); !reflect.DeepEqual(a, b) {
			t.Errorf("%d workers: stories differ", workers)
			for i := range a {
				if !reflect.DeepEqual(a[i], b[i]) {
					t.Logf("got  %+v\nwant %+v", a[i], b[i])
					break
				}
			}
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := NewRunner(dedup.NewIndex(dedup.Options{}), New(Config{}), 2).Run(ctx, in); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run: %v, want context.Canceled", err)
	}
}
