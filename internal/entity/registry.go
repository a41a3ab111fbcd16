package entity

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Registry merges the entities of many articles. Transliteration variants
// share a normalisation key (see Fold), so "Zelenskyy" in one article and
// "Zelensky" in another are one entity; a person named by surname alone joins
// the full name with that surname when exactly one given name (or one
// clearly most mentioned) goes with it, so "Zelensky" joins "Volodymyr
// Zelensky" while "Hillary Clinton" and "Bill Clinton" stay apart.
//
// A Registry is safe for concurrent use. The zero value is ready to use.
type Registry struct {
	mu    sync.Mutex
	items map[string]*regItem // by ID as Extract gave it
	order []string
	canon map[string]string // cached merge; nil after Add

	dirty     map[string]bool   // items added to since the last Changes
	lastCanon map[string]string // the merge as of the last Changes
}

type regItem struct {
	Entity
	articles map[string]bool
	names    map[string]int // surface name → mentions
	docs     map[string]int // surface name → articles using it as the full name
}

// Add records the entities one article yielded. Adding the same article
// twice counts its mentions twice; callers add each article once.
func (r *Registry) Add(articleID string, ents []Entity, ms []Mention) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.items == nil {
		r.items = map[string]*regItem{}
	}
	r.canon = nil
	if r.dirty == nil {
		r.dirty = map[string]bool{}
	}
	for _, e := range ents {
		r.dirty[e.ID] = true
		it, ok := r.items[e.ID]
		if !ok {
			it = &regItem{Entity: Entity{ID: e.ID, Name: e.Name, Kind: e.Kind, Gender: e.Gender}, articles: map[string]bool{}, names: map[string]int{}, docs: map[string]int{}}
			r.items[e.ID] = it
			r.order = append(r.order, e.ID)
		}
		if !it.articles[articleID] {
			it.docs[e.Name]++
		}
		it.articles[articleID] = true
		it.Mentions += e.Mentions
		it.names[e.Name] += e.Mentions
		for _, a := range e.Aliases {
			if _, ok := it.names[a]; !ok {
				it.names[a] = 0
			}
		}
		for _, t := range e.Titles {
			it.Titles = appendNew(it.Titles, t)
		}
		if it.Gender == "" {
			it.Gender = e.Gender
		}
	}
}

func appendNew(list []string, s string) []string {
	for _, have := range list {
		if have == s {
			return list
		}
	}
	return append(list, s)
}

// groups returns the merge: every article-level ID maps to the ID of the
// group it joins. It is computed once per batch of Adds. Caller holds r.mu.
func (r *Registry) groups() map[string]string {
	if r.canon != nil {
		return r.canon
	}
	r.canon = r.merge()
	return r.canon
}

// merge computes the merge for groups. Caller holds r.mu.
func (r *Registry) merge() map[string]string {
	canon := map[string]string{}
	// Non-persons: the ID already is the kind + folded key.
	bySurname := map[string][]*regItem{}
	for _, id := range r.order {
		it := r.items[id]
		if it.Kind != KindPerson {
			canon[id] = id
			continue
		}
		toks := tokenize(it.Name)
		if len(toks) == 0 {
			canon[id] = id
			continue
		}
		sn := Fold(surname(toks).text)
		bySurname[sn] = append(bySurname[sn], it)
	}
	for _, items := range bySurname {
		var full, bare []*regItem
		for _, it := range items {
			if len(tokenize(it.Name)) > 1 {
				full = append(full, it)
			} else {
				bare = append(bare, it)
			}
		}
		// Full names with the same key already share an ID.
		for _, it := range full {
			canon[it.ID] = it.ID
		}
		target := ""
		switch {
		case len(full) == 1:
			target = full[0].ID
		case len(full) > 1:
			// The clearly most mentioned full name takes the bare surname.
			sort.SliceStable(full, func(i, j int) bool { return full[i].Mentions > full[j].Mentions })
			if full[0].Mentions >= 2*full[1].Mentions {
				target = full[0].ID
			}
		}
		for _, it := range bare {
			if target != "" {
				canon[it.ID] = target
			} else {
				canon[it.ID] = it.ID
			}
		}
	}
	return canon
}

// Canonical returns the ID of the merged entity that an ID given by Extract
// now belongs to, or id itself when the registry does not know it.
func (r *Registry) Canonical(id string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.groups()[id]; ok {
		return c
	}
	return id
}

// Entities returns the merged entities, most mentioned first (ties by
// name). Each carries every surface form as an alias and the total count of
// mentions.
func (r *Registry) Entities() []Entity {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.merged(r.groups(), nil)
	sortEntities(out)
	return out
}

// Changes returns what changed since the last call (the first call: since
// the start): the merged entities whose groups gained members or mentions
// or were regrouped, in Entities order, and the IDs of merged entities that
// no longer exist (folded into another). Applying them to the previous
// Entities gives the current ones; the cost is that of the changed groups
// plus one pass over the registry, not a rebuild of every entity.
func (r *Registry) Changes() (changed []Entity, gone []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	canon := r.groups()
	affected := map[string]bool{}
	for id := range r.dirty {
		affected[canon[id]] = true
		if old, ok := r.lastCanon[id]; ok {
			affected[old] = true
		}
	}
	for id, c := range canon {
		if old, ok := r.lastCanon[id]; ok && old != c {
			affected[old], affected[c] = true, true
		}
	}
	changed = r.merged(canon, affected)
	sortEntities(changed)
	live := make(map[string]bool, len(changed))
	for _, e := range changed {
		live[e.ID] = true
	}
	for c := range affected {
		if !live[c] {
			gone = append(gone, c)
		}
	}
	sort.Strings(gone)
	r.dirty, r.lastCanon = nil, canon
	return changed, gone
}

// merged builds the merged entities of the groups keep holds (all when keep
// is nil), in order of first appearance. Caller holds r.mu.
func (r *Registry) merged(canon map[string]string, keep map[string]bool) []Entity {
	merged := map[string]*regItem{}
	var ids []string
	for _, id := range r.order {
		c := canon[id]
		if keep != nil && !keep[c] {
			continue
		}
		it := r.items[id]
		m, ok := merged[c]
		if !ok {
			base := r.items[c]
			m = &regItem{Entity: Entity{ID: c, Kind: base.Kind, Gender: base.Gender}, names: map[string]int{}, docs: map[string]int{}}
			merged[c] = m
			ids = append(ids, c)
		}
		m.Mentions += it.Mentions
		for n, k := range it.names {
			m.names[n] += k
		}
		for n, k := range it.docs {
			m.docs[n] += k
		}
		for _, t := range it.Titles {
			m.Titles = appendNew(m.Titles, t)
		}
		if m.Gender == "" {
			m.Gender = it.Gender
		}
	}
	out := make([]Entity, 0, len(ids))
	for _, id := range ids {
		m := merged[id]
		m.Name = bestName(m.Kind, m.names, m.docs, r.items[id].Name)
		for n := range m.names {
			if n != m.Name {
				m.Aliases = append(m.Aliases, n)
			}
		}
		sort.Strings(m.Aliases)
		out = append(out, m.Entity)
	}
	return out
}

// sortEntities orders entities most mentioned first, ties by name, else as
// they came.
func sortEntities(out []Entity) {
	// slices, not sort.SliceStable: the reflection-based swapper moving
	// these large structs was a third of the cost of this method.
	slices.SortStableFunc(out, func(a, b Entity) int {
		if a.Mentions != b.Mentions {
			return cmp.Compare(b.Mentions, a.Mentions)
		}
		return strings.Compare(a.Name, b.Name)
	})
}

// bestName picks the display name: for persons a form with a given name,
// else a capitalised form; among those, the one the most articles use, then
// the most mentioned. Counting articles first keeps one outlet that names
// someone often in its own spelling ("Vladimir Zelensky") from outvoting
// the spelling most outlets use ("Volodymyr Zelensky").
func bestName(kind string, names, docs map[string]int, fallback string) string {
	best, bestN := "", -1
	for n, k := range names {
		if n == "" || strings.ToLower(n) == n {
			continue // titles such as "the vice president"
		}
		k += docs[n] << 12
		if kind == KindPerson && len(strings.Fields(n)) < 2 {
			k -= 1 << 50 // prefer full names
		}
		if kind != KindPerson && strings.HasPrefix(n, "The ") {
			k -= 1 << 30
		}
		if k > bestN || (k == bestN && n < best) {
			best, bestN = n, k
		}
	}
	if best == "" {
		return fallback
	}
	return best
}

// Lookup finds the merged entity a name refers to: its name or an alias,
// compared by Fold (so "zelenskyy" finds Volodymyr Zelensky), else a
// person whose surname it is when only one person has that surname. ok is
// false when nothing or more than one entity matches.
func (r *Registry) Lookup(name string) (Entity, bool) {
	key := Fold(name)
	if key == "" {
		return Entity{}, false
	}
	ents := r.Entities()
	var hits []Entity
	for _, e := range ents {
		if Fold(e.Name) == key || slices.ContainsFunc(e.Aliases, func(a string) bool { return Fold(a) == key }) {
			hits = append(hits, e)
		}
	}
	if len(hits) == 1 {
		return hits[0], true
	}
	if len(hits) > 1 {
		return Entity{}, false
	}
	for _, e := range ents {
		if e.Kind != KindPerson {
			continue
		}
		if f := strings.Fields(Fold(e.Name)); len(f) > 0 && f[len(f)-1] == key {
			hits = append(hits, e)
		}
	}
	if len(hits) == 1 {
		return hits[0], true
	}
	return Entity{}, false
}
