package cluster

import (
	"bufio"
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

func TestStoriesJSONL(t *testing.T) {
	c := New(Config{})
	c.Add(Doc{ID: "a1", Title: "Harbourville port shuts terminal", Text: portA1, Outlet: "x", Published: t0})
	c.Add(Doc{ID: "a2", Title: "Cranes force port closure", Text: portA2, Outlet: "y", Published: t0.Add(2 * time.Hour)})
	c.Add(Doc{ID: "c1", Text: cupC1, Outlet: "x", Published: t0})
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, c.Stories()); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&buf)
	lines := 0
	for sc.Scan() {
		lines++
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %d: %v", lines, err)
		}
		for _, k := range []string{"id", "title", "storyline_id", "article_ids", "outlets", "first_seen", "last_seen", "terms"} {
			if _, ok := m[k]; !ok {
				t.Errorf("line %d lacks %q: %s", lines, k, sc.Bytes())
			}
		}
		if m["title"] == "" {
			t.Errorf("line %d: empty title", lines)
		}
	}
	if lines != 2 {
		t.Errorf("%d lines, want 2 stories", lines)
	}
	buf.Reset()
	if err := WriteJSONL(&buf, c.Storylines()); err != nil {
		t.Fatal(err)
	}
	var l map[string]any
	if err := json.Unmarshal(bytes.SplitN(buf.Bytes(), []byte("\n"), 2)[0], &l); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "label", "story_ids", "first_seen", "last_seen"} {
		if _, ok := l[k]; !ok {
			t.Errorf("storyline lacks %q", k)
		}
	}
	id, _ := c.StoryOf("a1")
	s, _ := c.Story(id)
	if s.Title != "Harbourville port shuts terminal" && s.Title != "Cranes force port closure" {
		t.Errorf("port story title %q is not one of its headlines", s.Title)
	}
	if !s.FirstSeen.Equal(t0) || !s.LastSeen.Equal(t0.Add(2*time.Hour)) {
		t.Errorf("span %s..%s", s.FirstSeen, s.LastSeen)
	}
}

// TestStorylineAccessors: Storyline and StorylineOf agree with Storylines
// all along the news-clusters stream, and MergesSince returns the merges
// made since MergeCount was read.
func TestStorylineAccessors(t *testing.T) {
	docs, err := ReadLabelled(sharedtest.Dir(t, "eval", "news-clusters"))
	if err != nil {
		t.Fatal(err)
	}
	docs = chronological(docs)
	c := New(Config{})
	gone := map[string]bool{}
	mark := 0
	for i, d := range docs {
		c.Add(d.Doc)
		if i%25 != 24 && i != len(docs)-1 {
			continue
		}
		all := c.Merges()
		if got := c.MergesSince(mark); !reflect.DeepEqual(got, all[mark:]) && len(got)+len(all[mark:]) > 0 {
			t.Fatalf("after %d: MergesSince(%d) = %v, want %v", i, mark, got, all[mark:])
		}
		for _, m := range all[mark:] {
			if m.Kind == "storyline" {
				gone[m.From] = true
			}
		}
		mark = c.MergeCount()
		if len(c.MergesSince(mark)) != 0 {
			t.Fatal("MergesSince(MergeCount()) is not empty")
		}
		lines := c.Storylines()
		if !slices.IsSortedFunc(lines, func(a, b Storyline) int {
			if StorylineLess(a, b) {
				return -1
			}
			return 1
		}) {
			t.Fatalf("after %d: Storylines not in StorylineLess order", i)
		}
		for _, l := range lines {
			got, ok := c.Storyline(l.ID)
			if !ok || !reflect.DeepEqual(got, l) {
				t.Fatalf("after %d: Storyline(%s) = %+v, %v; want %+v", i, l.ID, got, ok, l)
			}
			for _, sid := range l.StoryIDs {
				if lid, ok := c.StorylineOf(sid); !ok || lid != l.ID {
					t.Fatalf("after %d: StorylineOf(%s) = %s, %v; want %s", i, sid, lid, ok, l.ID)
				}
			}
		}
		for id := range gone {
			got, ok := c.Storyline(id)
			if !ok || got.ID != c.Resolve(id) || got.ID == id {
				t.Fatalf("after %d: merged storyline %s: Storyline gives %s, %v; want %s", i, id, got.ID, ok, c.Resolve(id))
			}
		}
	}
	if len(gone) == 0 {
		t.Error("no storyline merge in the stream")
	}
	if _, ok := c.Storyline("l-unknown"); ok {
		t.Error("Storyline of an unknown ID")
	}
	if _, ok := c.StorylineOf("s-unknown"); ok {
		t.Error("StorylineOf an unknown story")
	}
	// A story merged away reports the storyline it left.
	for _, m := range c.Merges() {
		if m.Kind != "story" {
			continue
		}
		if _, ok := c.StorylineOf(m.From); !ok {
			t.Errorf("StorylineOf merged story %s unknown", m.From)
		}
	}
}
