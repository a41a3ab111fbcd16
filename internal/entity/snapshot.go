package entity

import (
	"errors"
	"fmt"
	"maps"
	"slices"
)

// RegistryStateVersion is the version of the RegistryState layout.
const RegistryStateVersion = 1

// ErrBadState is wrapped by RestoreRegistry when a state is inconsistent.
var ErrBadState = errors.New("bad entity registry state")

// RegistryState is a Registry's complete state as plain, JSON-friendly
// values: persist it and RestoreRegistry it to go on adding articles with
// exactly the merges an uninterrupted run would make.
type RegistryState struct {
	Version int         `json:"version"`
	Items   []ItemState `json:"items"` // in the order they were first added
}

// ItemState is one article-level entity inside a RegistryState.
type ItemState struct {
	Entity
	Articles []string       `json:"articles"`
	Names    map[string]int `json:"names"` // surface name -> mentions
	Docs     map[string]int `json:"docs"`  // surface name -> articles using it as the full name
	// Langs counts names by language (code -> name -> mentions); absent
	// in states written before names were kept by language.
	Langs map[string]map[string]int `json:"langs,omitempty"`
}

// Snapshot returns a deep copy of the registry's state.
func (r *Registry) Snapshot() RegistryState {
	r.mu.Lock()
	defer r.mu.Unlock()
	st := RegistryState{Version: RegistryStateVersion, Items: make([]ItemState, 0, len(r.order))}
	for _, id := range r.order {
		it := r.items[id]
		is := ItemState{Entity: it.Entity, Names: make(map[string]int, len(it.names)), Docs: make(map[string]int, len(it.docs))}
		is.Aliases = slices.Clone(it.Aliases)
		is.Titles = slices.Clone(it.Titles)
		is.Evidence = slices.Clone(it.Evidence)
		for a := range it.articles {
			is.Articles = append(is.Articles, a)
		}
		slices.Sort(is.Articles)
		for n, k := range it.names {
			is.Names[n] = k
		}
		for n, k := range it.docs {
			is.Docs[n] = k
		}
		if len(it.langs) > 0 {
			is.Langs = make(map[string]map[string]int, len(it.langs))
			for code, ns := range it.langs {
				is.Langs[code] = maps.Clone(ns)
			}
		}
		st.Items = append(st.Items, is)
	}
	return st
}

// RestoreRegistry rebuilds a Registry from a state made by Snapshot. Its
// first Changes reports every entity, as after the Adds that built it. An
// inconsistent state gives an error wrapping ErrBadState.
func RestoreRegistry(st RegistryState) (*Registry, error) {
	if st.Version != RegistryStateVersion {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrBadState, st.Version, RegistryStateVersion)
	}
	r := &Registry{items: make(map[string]*regItem, len(st.Items)), dirty: make(map[string]bool, len(st.Items))}
	for i, is := range st.Items {
		if is.ID == "" {
			return nil, fmt.Errorf("%w: item %d has no ID", ErrBadState, i)
		}
		if _, dup := r.items[is.ID]; dup {
			return nil, fmt.Errorf("%w: item %q twice", ErrBadState, is.ID)
		}
		it := r.newItem(is.Entity)
		r.touch(it)
		it.articles = make(map[string]bool, len(is.Articles))
		it.Aliases = slices.Clone(is.Aliases)
		it.Titles = slices.Clone(is.Titles)
		for _, a := range is.Articles {
			it.articles[a] = true
		}
		for n, k := range is.Names {
			it.names[n] = k
		}
		for n, k := range is.Docs {
			it.docs[n] = k
		}
		for code, ns := range is.Langs {
			it.langs[code] = maps.Clone(ns)
		}
		r.dirty[is.ID] = true
	}
	return r, nil
}
