package entity

import (
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// newsTexts returns the texts of the news-clusters articles, in file order.
func newsTexts(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(sharedtest.Dir(t, "eval", "news-clusters"), "*.json"))
	if err != nil || len(files) < 100 {
		t.Fatalf("news-clusters: %d files, %v", len(files), err)
	}
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var a struct{ Title, Text string }
		if err := json.Unmarshal(b, &a); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		texts = append(texts, a.Title+"\n\n"+a.Text)
	}
	return texts
}

// fullMerge is the merge computed from scratch over every item, as the
// registry did before it kept the merge up to date incrementally: the
// reference for groups.
func fullMerge(r *Registry) map[string]string {
	r.mu.Lock()
	defer r.mu.Unlock()
	canon := map[string]string{}
	byKey := map[string][]*regItem{}
	var keys []string
	for _, id := range r.order {
		it := r.items[id]
		if !it.keyed {
			canon[id] = id
			continue
		}
		if byKey[it.key] == nil {
			keys = append(keys, it.key)
		}
		byKey[it.key] = append(byKey[it.key], it)
	}
	for _, k := range keys {
		maps.Copy(canon, mergeGroup(byKey[k]))
	}
	return canon
}

// TestCanonicalChanges is a property test over the news-clusters articles
// fed in batches of random sizes (several seeds): after every batch, the
// previous CanonicalIDs with CanonicalChanges applied equal the current
// CanonicalIDs, every reported ID is new or regrouped, the incremental
// merge equals one computed from scratch, and Changes and Entities, called
// in between or not, agree as before. A restored registry goes on the same.
func TestCanonicalChanges(t *testing.T) {
	texts := newsTexts(t)
	type found struct {
		ents []Entity
		ms   []Mention
	}
	ex := make([]found, len(texts))
	for i, s := range texts {
		ex[i].ents, ex[i].ms = Extract(s)
	}
	regroups := 0
	for seed := range uint64(4) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 7))
			r := &Registry{}
			have := map[string]string{} // what the calls reported, applied
			ents := map[string]Entity{}
			for i, batch := 0, 0; i < len(texts); batch++ {
				n := 1 + rng.IntN(40)
				for j := i; j < min(i+n, len(texts)); j++ {
					r.Add(fmt.Sprint("a", j), ex[j].ents, ex[j].ms)
					if rng.IntN(10) == 0 && len(ex[j].ents) > 0 {
						r.Canonical(ex[j].ents[0].ID) // a merge in the middle of a batch
					}
				}
				i += n
				if batch == 5 && seed%2 == 1 {
					// Restore halfway: the first calls of the restored
					// registry report everything again.
					restored, err := RestoreRegistry(r.Snapshot())
					if err != nil {
						t.Fatal(err)
					}
					r, have, ents = restored, map[string]string{}, map[string]Entity{}
				}
				got := r.CanonicalChanges()
				want := r.CanonicalIDs()
				for id, c := range got {
					if old, ok := have[id]; ok && old == c {
						t.Fatalf("batch %d: %s -> %s reported, but it was so already", batch, id, c)
					}
					if _, ok := have[id]; ok {
						regroups++
					}
					have[id] = c
				}
				if !maps.Equal(have, want) {
					t.Fatalf("batch %d: %d IDs after changes, CanonicalIDs has %d (or they differ)", batch, len(have), len(want))
				}
				if ref := fullMerge(r); !maps.Equal(want, ref) {
					t.Fatalf("batch %d: incremental merge differs from the merge from scratch", batch)
				}
				if rng.IntN(3) > 0 { // Changes is independent of CanonicalChanges
					changed, gone := r.Changes()
					for _, id := range gone {
						delete(ents, id)
					}
					for _, e := range changed {
						ents[e.ID] = e
					}
					all := r.Entities()
					if len(all) != len(ents) {
						t.Fatalf("batch %d: %d entities after Changes, want %d", batch, len(ents), len(all))
					}
					for _, e := range all {
						if !reflect.DeepEqual(ents[e.ID], e) {
							t.Fatalf("batch %d: entity %s after Changes %+v, want %+v", batch, e.ID, ents[e.ID], e)
						}
					}
				}
			}
			if got := r.CanonicalChanges(); len(got) != 0 {
				t.Errorf("no adds since the last call, yet %d IDs reported", len(got))
			}
		})
	}
	if regroups == 0 {
		t.Error("no ID changed group in any run: the stream does not exercise regrouping")
	}
	t.Logf("%d regroupings reported", regroups)
}

// TestCanonicalChangesRegroup: a bare surname follows the full names of its
// surname as their mentions change, and each move is reported once.
func TestCanonicalChangesRegroup(t *testing.T) {
	var r Registry
	add := func(id, text string) {
		ents, ms := Extract(text)
		r.Add(id, ents, ms)
	}
	add("a", "Hillary Clinton spoke in Ohio.")
	add("a2", "Senator Clinton said the vote was close.")
	first := r.CanonicalChanges()
	bare := ""
	for id, c := range first {
		if id != c {
			bare = id
		}
	}
	if bare == "" {
		t.Fatalf("the bare surname did not join the full name: %v", first)
	}
	hillary := first[bare]
	// A second full name as often mentioned: the surname is ambiguous.
	add("b", "Bill Clinton visited Ohio.")
	got := r.CanonicalChanges()
	if got[bare] != bare {
		t.Errorf("after Bill Clinton: %v, want %s back in its own group", got, bare)
	}
	// Hillary Clinton mentioned much more: the surname joins her again.
	add("c", "Hillary Clinton said. Hillary Clinton added. Hillary Clinton left.")
	if got := r.CanonicalChanges(); got[bare] != hillary || len(got) != 1 {
		t.Errorf("after more Hillary Clinton: %v, want only %s -> %s", got, bare, hillary)
	}
	if got := r.CanonicalChanges(); len(got) != 0 {
		t.Errorf("nothing added, yet %v", got)
	}
	if !maps.Equal(r.CanonicalIDs(), fullMerge(&r)) {
		t.Error("merge differs from the merge from scratch")
	}
}
