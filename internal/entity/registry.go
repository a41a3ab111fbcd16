package entity

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/parallax-news/parallax/internal/lang"
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

	// The merge (see groups), kept up to date incrementally: canon maps
	// every item to its group; bySurname lists the persons of each surname
	// key in order of first appearance; stale holds the keys whose persons
	// gained members or mentions since canon was last brought up to date,
	// and unset the new items that group alone (not persons with a name).
	canon     map[string]string
	bySurname map[string][]*regItem
	stale     map[string]bool
	unset     []string

	dirty map[string]bool // items added to since the last Changes
	// Once Changes (CanonicalChanges) has been called, movedE (movedC)
	// holds, for every item whose group changed since the last call, the
	// group it had then.
	trackE, trackC bool
	movedE, movedC map[string]prevGroup
}

// prevGroup is an item's group at the last Changes or CanonicalChanges;
// ok is false when the item was not known then.
type prevGroup struct {
	id string
	ok bool
}

type regItem struct {
	Entity
	seq      int // position in Registry.order
	keyed    bool
	full     bool   // keyed: a person named by more than a surname
	key      string // keyed: the folded surname
	articles map[string]bool
	names    map[string]int // surface name → mentions
	docs     map[string]int // surface name → articles using it as the full name
	// langs counts the names by language: code → name → mentions.
	langs map[string]map[string]int
	// Persons: the cross-script keys of the surname and given name
	// (personParts) and whether the name is written in Latin letters.
	sk, gk string
	latin  bool
}

// newItem makes the registry item for an entity seen for the first time and
// appends it to the order. Caller holds r.mu.
func (r *Registry) newItem(e Entity) *regItem {
	if r.items == nil {
		r.items = map[string]*regItem{}
	}
	it := &regItem{Entity: e, seq: len(r.order), articles: map[string]bool{}, names: map[string]int{}, docs: map[string]int{}, langs: map[string]map[string]int{}}
	r.items[e.ID] = it
	r.order = append(r.order, e.ID)
	if it.Kind == KindPerson {
		if toks := tokenize(it.Name); len(toks) > 0 {
			it.sk, it.gk = personParts(it.Name, cyrRes)
			it.latin = !lang.HasCyrillic(it.Name)
			// Persons group by the skeleton of their surname, so that a
			// name written by ear in another script (Трамп, Венс) meets
			// its Latin form; regroup decides who joins whom.
			it.keyed, it.full, it.key = true, len(toks) > 1 && it.gk != "", lang.NameSkeleton(it.sk)
			if it.key == "" {
				it.keyed = false
			}
		}
	}
	if !it.keyed {
		r.unset = append(r.unset, it.ID)
		return it
	}
	if r.bySurname == nil {
		r.bySurname = map[string][]*regItem{}
	}
	r.bySurname[it.key] = append(r.bySurname[it.key], it)
	return it
}

// touch marks an item's group for recomputing. Caller holds r.mu.
func (r *Registry) touch(it *regItem) {
	if !it.keyed {
		return
	}
	if r.stale == nil {
		r.stale = map[string]bool{}
	}
	r.stale[it.key] = true
}

// Add records the entities one article yielded. Adding the same article
// twice counts its mentions twice; callers add each article once.
func (r *Registry) Add(articleID string, ents []Entity, ms []Mention) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.dirty == nil {
		r.dirty = map[string]bool{}
	}
	for _, e := range ents {
		r.dirty[e.ID] = true
		it, ok := r.items[e.ID]
		if !ok {
			it = r.newItem(Entity{ID: e.ID, Name: e.Name, Kind: e.Kind, Gender: e.Gender})
		}
		r.touch(it) // its mentions change
		if !it.articles[articleID] {
			it.docs[e.Name]++
		}
		it.articles[articleID] = true
		it.Mentions += e.Mentions
		it.names[e.Name] += e.Mentions
		for code, n := range e.NameByLang {
			if it.langs[code] == nil {
				it.langs[code] = map[string]int{}
			}
			it.langs[code][n] += max(1, e.Mentions)
		}
		for _, a := range e.Aliases {
			if _, ok := it.names[a]; !ok {
				it.names[a] = 0
			}
		}
		for _, t := range e.Titles {
			it.Titles = appendNew(it.Titles, t)
		}
		for _, ev := range e.Evidence {
			it.Evidence = appendNew(it.Evidence, ev)
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
// group it joins. Items that are not persons with a name group alone; the
// persons of one surname key group as described on Registry. Only the
// surname keys that gained members or mentions since the last call are
// regrouped, so the cost is that of what was added. Caller holds r.mu; the
// map is the registry's.
func (r *Registry) groups() map[string]string {
	if r.canon == nil {
		r.canon = make(map[string]string, len(r.order))
	}
	for _, id := range r.unset {
		r.setGroup(id, id)
	}
	r.unset = nil
	if len(r.stale) == 0 {
		return r.canon
	}
	// In order, so that the moves recorded for Changes do not depend on
	// map iteration (they do not change its result either way).
	keys := make([]string, 0, len(r.stale))
	for k := range r.stale {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		r.regroup(r.bySurname[k])
	}
	r.stale = nil
	return r.canon
}

// regroup sets the groups of the persons sharing one surname skeleton
// (items in order of first appearance). A full name joins the first
// earlier full name it is compatible with (the same surname key, or the
// same skeleton in another script, and a compatible given name), else it
// is its own group; a bare surname joins the one compatible full-name
// group, or the clearly most mentioned of several, else stays alone.
// Caller holds r.mu.
func (r *Registry) regroup(items []*regItem) {
	groups := mergeGroup(items)
	for _, it := range items {
		r.setGroup(it.ID, groups[it.ID])
	}
}

// mergeGroup computes the groups of the persons of one surname skeleton
// (items in order of first appearance) from scratch, as regroup describes:
// item ID → group ID.
func mergeGroup(items []*regItem) map[string]string {
	out := make(map[string]string, len(items))
	type group struct {
		head     *regItem
		members  []*regItem
		mentions int
	}
	var groups []*group
	for _, it := range items {
		if !it.full {
			continue
		}
		var g *group
		for _, cand := range groups {
			if surnameCompatible(cand.head, it) && givenCompatible(cand.head.gk, it.gk) {
				g = cand
				break
			}
		}
		if g == nil {
			g = &group{head: it}
			groups = append(groups, g)
		}
		g.members = append(g.members, it)
		g.mentions += it.Mentions
		out[it.ID] = g.head.ID
	}
	for _, it := range items {
		if it.full {
			continue
		}
		var cands []*group
		for _, g := range groups {
			for _, m := range g.members {
				if surnameCompatible(m, it) {
					cands = append(cands, g)
					break
				}
			}
		}
		target := ""
		switch {
		case len(cands) == 1:
			target = cands[0].head.ID
		case len(cands) > 1:
			sort.SliceStable(cands, func(i, j int) bool { return cands[i].mentions > cands[j].mentions })
			if cands[0].mentions >= 2*cands[1].mentions {
				target = cands[0].head.ID
			}
		}
		if target == "" {
			// A bare surname of another script with the same key as a
			// bare surname seen before joins it (Путин, Putin).
			for _, o := range items {
				if o == it {
					break
				}
				if !o.full && o.sk == it.sk && out[o.ID] == o.ID {
					target = o.ID
					break
				}
			}
		}
		if target == "" {
			target = it.ID
		}
		out[it.ID] = target
	}
	return out
}

// surnameCompatible reports whether two persons of one surname skeleton
// may be one: the same surname key, or names written in different
// scripts (only the skeleton reaches Трамп and Trump).
func surnameCompatible(a, b *regItem) bool {
	return a.sk == b.sk || a.latin != b.latin
}

// givenCompatible reports whether two given-name keys may name one person:
// equal, or the consonants of one begin those of the other with the same
// first letter (Steve and Стивен, Jared and Джаред).
func givenCompatible(a, b string) bool {
	if a == b {
		return true
	}
	if a == "" || b == "" {
		return false
	}
	sa, sb := skeleton(a), skeleton(b)
	if sa == "" || sb == "" || sa[0] != sb[0] {
		return false
	}
	if len(sa) > len(sb) {
		sa, sb = sb, sa
	}
	return len(sa) >= 2 && strings.HasPrefix(sb, sa)
}

// setGroup puts item id in group c, recording its previous group for
// Changes and CanonicalChanges. Caller holds r.mu.
func (r *Registry) setGroup(id, c string) {
	old, ok := r.canon[id]
	if ok && old == c {
		return
	}
	prev := prevGroup{old, ok}
	if r.trackE {
		if _, seen := r.movedE[id]; !seen {
			r.movedE[id] = prev
		}
	}
	if r.trackC {
		if _, seen := r.movedC[id]; !seen {
			r.movedC[id] = prev
		}
	}
	r.canon[id] = c
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
	out := r.merged(r.groups())
	sortEntities(out)
	return out
}

// Changes returns what changed since the last call (the first call: since
// the start): the merged entities whose groups gained members or mentions
// or were regrouped, in Entities order, and the IDs of merged entities that
// no longer exist (folded into another). Applying them to the previous
// Entities gives the current ones; the cost is that of the changed groups,
// not a rebuild of every entity.
func (r *Registry) Changes() (changed []Entity, gone []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	canon := r.groups()
	// last is an item's group at the previous call.
	last := func(id string) (string, bool) {
		if !r.trackE {
			return "", false
		}
		if p, moved := r.movedE[id]; moved {
			return p.id, p.ok
		}
		c, ok := canon[id]
		return c, ok
	}
	affected := map[string]bool{}
	for id := range r.dirty {
		affected[canon[id]] = true
		if old, ok := last(id); ok {
			affected[old] = true
		}
	}
	for id, p := range r.movedE {
		if c := canon[id]; p.ok && p.id != c {
			affected[p.id], affected[c] = true, true
		}
	}
	changed = r.mergedGroups(canon, affected)
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
	r.dirty = nil
	r.trackE, r.movedE = true, map[string]prevGroup{}
	return changed, gone
}

// mergedGroups is merged for the groups keep holds only, at the cost of their
// members (the members of a group are the item itself, or the persons of
// its surname key). Caller holds r.mu.
func (r *Registry) mergedGroups(canon map[string]string, keep map[string]bool) []Entity {
	var members []*regItem
	for c := range keep {
		base, ok := r.items[c]
		if !ok {
			continue
		}
		if !base.keyed {
			if canon[c] == c {
				members = append(members, base)
			}
			continue
		}
		for _, it := range r.bySurname[base.key] {
			if canon[it.ID] == c {
				members = append(members, it)
			}
		}
	}
	slices.SortFunc(members, func(a, b *regItem) int { return cmp.Compare(a.seq, b.seq) })
	return r.build(canon, members)
}

// merged builds every merged entity, in order of first appearance. Caller
// holds r.mu.
func (r *Registry) merged(canon map[string]string) []Entity {
	members := make([]*regItem, len(r.order))
	for i, id := range r.order {
		members[i] = r.items[id]
	}
	return r.build(canon, members)
}

// build merges the given items (in order of first appearance) into their
// groups, in order of the groups' first appearance. Caller holds r.mu.
func (r *Registry) build(canon map[string]string, members []*regItem) []Entity {
	merged := map[string]*regItem{}
	var ids []string
	for _, it := range members {
		c := canon[it.ID]
		m, ok := merged[c]
		if !ok {
			base := r.items[c]
			m = &regItem{Entity: Entity{ID: c, Kind: base.Kind, Gender: base.Gender}, names: map[string]int{}, docs: map[string]int{}, langs: map[string]map[string]int{}}
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
		for code, ns := range it.langs {
			if m.langs[code] == nil {
				m.langs[code] = map[string]int{}
			}
			for n, k := range ns {
				m.langs[code][n] += k
			}
		}
		for _, t := range it.Evidence {
			m.Evidence = appendNew(m.Evidence, t)
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
		m.Key = lang.NameKey(m.Name)
		if len(m.langs) > 0 {
			m.NameByLang = make(map[string]string, len(m.langs))
			for code, ns := range m.langs {
				m.NameByLang[code] = bestName(m.Kind, ns, nil, "")
			}
		}
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
	best, bestN, found := "", 0, false
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
		if lang.HasCyrillic(n) {
			k -= 1 << 40 // English (Latin) names first: the default display
		}
		// Scores go below zero (a Cyrillic surname alone), so the first
		// candidate is taken whatever its score.
		if !found || k > bestN || (k == bestN && n < best) {
			best, bestN, found = n, k, true
		}
	}
	if best == "" {
		return fallback
	}
	return best
}

// Lookup finds the merged entity a name refers to, in any script and case:
// its name, an alias or a name in another language with the same
// cross-script key (lang.NameKey, so "zelenskyy", "Зеленського" and
// "Selenskyj" find Volodymyr Zelensky), the same person key (Володимир
// Путін finds Vladimir Putin), else a person whose surname it is when only
// one person has that surname (by key, or by skeleton across scripts:
// Трампа finds Donald Trump). A German genitive -s is tried off last
// (Putins). ok is false when nothing or more than one entity matches.
func (r *Registry) Lookup(name string) (Entity, bool) {
	if e, ok := r.lookup(name); ok {
		return e, true
	}
	if t := strings.TrimRight(name, "’'"); strings.HasSuffix(t, "s") && len(t) > 3 {
		return r.lookup(strings.TrimSuffix(t, "s"))
	}
	return Entity{}, false
}

func (r *Registry) lookup(name string) (Entity, bool) {
	key := lang.NameKey(name)
	if key == "" {
		return Entity{}, false
	}
	pk := PersonKey(name)
	ents := r.Entities()
	forms := func(e Entity) []string {
		out := []string{e.Name}
		for _, a := range e.Aliases {
			if !strings.HasPrefix(a, "the ") {
				out = append(out, a) // titles ("the president") are no names
			}
		}
		for _, n := range e.NameByLang {
			out = append(out, n)
		}
		return out
	}
	one := func(hits []Entity) (Entity, bool, bool) {
		if len(hits) == 1 {
			return hits[0], true, true
		}
		return Entity{}, false, len(hits) > 1
	}
	var hits []Entity
	for _, e := range ents {
		if slices.ContainsFunc(forms(e), func(a string) bool { return lang.NameKey(a) == key }) {
			hits = append(hits, e)
		}
	}
	if e, ok, many := one(hits); ok || many {
		return e, ok
	}
	words := strings.Fields(key)
	if len(words) > 1 {
		for _, e := range ents {
			if e.Kind == KindPerson && slices.ContainsFunc(forms(e), func(a string) bool { return len(strings.Fields(a)) > 1 && PersonKey(a) == pk }) {
				hits = append(hits, e)
			}
		}
		if e, ok, many := one(hits); ok || many {
			return e, ok
		}
	}
	// A surname alone, or a full name whose given name is spelt otherwise.
	sn, _ := personParts(name, cyrRes)
	latin := !lang.HasCyrillic(name)
	for _, cross := range []bool{false, true} {
		hits = hits[:0]
		for _, e := range ents {
			if e.Kind != KindPerson {
				continue
			}
			if slices.ContainsFunc(forms(e), func(a string) bool {
				esn, _ := personParts(a, cyrRes)
				if !cross {
					return esn == sn
				}
				return latin != !lang.HasCyrillic(a) && lang.NameSkeleton(esn) == lang.NameSkeleton(sn)
			}) {
				hits = append(hits, e)
			}
		}
		if e, ok, many := one(hits); ok || many {
			return e, ok
		}
	}
	return Entity{}, false
}
