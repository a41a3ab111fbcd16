package cluster

import (
	"bufio"
	"bytes"
	"encoding/json"
	"testing"
	"time"
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
