package cluster

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// TestSnapshotContinues checks that persisting the state halfway and
// continuing from the restored copy gives exactly the uninterrupted result.
func TestSnapshotContinues(t *testing.T) {
	docs, err := ReadLabelled(sharedtest.Dir(t, "eval", "news-clusters"))
	if err != nil {
		t.Fatal(err)
	}
	docs = chronological(docs)
	whole := New(Config{})
	for _, d := range docs {
		whole.Add(d.Doc)
	}
	first := New(Config{})
	half := len(docs) / 2
	for _, d := range docs[:half] {
		first.Add(d.Doc)
	}
	b, err := json.Marshal(first.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	var st State
	if err := json.Unmarshal(b, &st); err != nil {
		t.Fatal(err)
	}
	second, err := Restore(st)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs[half:] {
		second.Add(d.Doc)
	}
	if got, want := second.Stories(), whole.Stories(); !reflect.DeepEqual(got, want) {
		t.Errorf("restored run: %d stories, uninterrupted: %d; results differ", len(got), len(want))
	}
	if got, want := second.Storylines(), whole.Storylines(); !reflect.DeepEqual(got, want) {
		t.Errorf("restored run: %d storylines, uninterrupted: %d; results differ", len(got), len(want))
	}
	if got, want := second.Merges(), whole.Merges(); !reflect.DeepEqual(got, want) {
		t.Errorf("merge records differ: %d vs %d", len(got), len(want))
	}
}

func TestRestoreRejectsBadState(t *testing.T) {
	c := New(Config{})
	c.Add(Doc{ID: "a1", Text: portA1, Published: t0})
	c.Add(Doc{ID: "a2", Text: portA2, Published: t0})
	c.Add(Doc{ID: "c1", Text: cupC1, Published: t0})
	good := c.Snapshot()
	if _, err := Restore(good); err != nil {
		t.Fatalf("good state: %v", err)
	}
	cases := []struct {
		name  string
		spoil func(s *State)
	}{
		{"version", func(s *State) { s.Version = 99 }},
		{"short df", func(s *State) { s.DF = s.DF[:1] }},
		{"posting out of range", func(s *State) { s.Postings[0] = append(s.Postings[0], 99) }},
		{"story into itself", func(s *State) { s.Stories[0].Into = 0 }},
		{"merge cycle", func(s *State) { s.Stories[0].Into = 1; s.Stories[1].Into = 0 }},
		{"centroid term out of range", func(s *State) { s.Stories[0].Centroid.Terms[0] = int32(len(s.Terms)) }},
		{"weights mismatch", func(s *State) { s.Stories[0].Centroid.Weights = nil }},
		{"article to missing story", func(s *State) { s.Articles["a1"] = -4 }},
		{"line out of range", func(s *State) { s.Stories[0].Line = 42 }},
		{"bursts out of order", func(s *State) {
			s.Stories[0].Bursts = []Burst{{t0.Add(48 * time.Hour), t0.Add(48 * time.Hour)}, {t0, t0}}
		}},
		{"burst ends before it starts", func(s *State) { s.Stories[0].Bursts = []Burst{{t0, t0.Add(-time.Hour)}} }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b, _ := json.Marshal(good)
			var st State
			if err := json.Unmarshal(b, &st); err != nil {
				t.Fatal(err)
			}
			tc.spoil(&st)
			if _, err := Restore(st); !errors.Is(err, ErrBadState) {
				t.Errorf("got %v, want ErrBadState", err)
			}
		})
	}
}
