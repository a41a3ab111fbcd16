package entity

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// TestRegistrySnapshot: a registry restored from a JSON round trip of its
// snapshot halfway through the seeds ends with the same entities, merges
// and changes as one that saw every article.
func TestRegistrySnapshot(t *testing.T) {
	parts := seedParagraphs(t)
	add := func(r *Registry, from, to int) {
		for j := from; j < to; j++ {
			ents, ms := Extract(parts[j])
			r.Add(fmt.Sprint("p", j), ents, ms)
		}
	}
	half := len(parts) / 2
	var whole, first Registry
	add(&whole, 0, len(parts))
	add(&first, 0, half)
	b, err := json.Marshal(first.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	var st RegistryState
	if err := json.Unmarshal(b, &st); err != nil {
		t.Fatal(err)
	}
	restored, err := RestoreRegistry(st)
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := restored.Changes(); len(c) != len(first.Entities()) {
		t.Errorf("first Changes after restore reports %d entities, want all %d", len(c), len(first.Entities()))
	}
	add(restored, half, len(parts))
	if got, want := restored.Entities(), whole.Entities(); !reflect.DeepEqual(got, want) {
		t.Errorf("restored registry ends with %d entities differing from the uninterrupted %d", len(got), len(want))
	}
	if got, want := restored.CanonicalIDs(), whole.CanonicalIDs(); !reflect.DeepEqual(got, want) {
		t.Error("restored registry merges differently")
	}
	for name, bad := range map[string]RegistryState{
		"version": {Version: 99},
		"no id":   {Version: RegistryStateVersion, Items: []ItemState{{}}},
		"twice":   {Version: RegistryStateVersion, Items: []ItemState{{Entity: Entity{ID: "a"}}, {Entity: Entity{ID: "a"}}}},
	} {
		if _, err := RestoreRegistry(bad); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
}

// seedParagraphs returns the non-empty lines of the five seeds, in order:
// small documents in which surnames meet their full names later on.
func seedParagraphs(t *testing.T) []string {
	t.Helper()
	var parts []string
	for _, s := range sharedtest.Seeds(t) {
		for _, p := range strings.Split(s.Text(t), "\n") {
			if strings.TrimSpace(p) != "" {
				parts = append(parts, p)
			}
		}
	}
	return parts
}
