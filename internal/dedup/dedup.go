// Package dedup finds exact and near-duplicate articles: the same cleaned
// text, or the same wire story republished with another headline, trimmed
// paragraphs or leftover page debris. Copies are folded into a group whose
// original is the copy that names its source, or else the earliest.
//
// Near-duplicates are found with MinHash over word shingles and
// locality-sensitive hashing (banding); candidates are verified by the
// estimated Jaccard similarity and by the estimated containment of the
// shorter text in the longer one, so that a trimmed copy still matches.
// Hashing uses FNV-1a and a fixed-seed mixer: results are the same on every
// run and every machine.
//
// Signatures are kept only for articles within a time window of the newest
// article seen, so memory and per-article cost stay flat on an endless
// stream; exact duplicates are recognised forever.
package dedup

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Options tune an Index. The zero value of a field means its default.
type Options struct {
	// Shingle is the number of words in a shingle (default 4).
	Shingle int
	// Bands and Rows set the LSH banding: Bands*Rows MinHash values are
	// kept per article (default 32 bands of 3 rows).
	Bands, Rows int
	// Jaccard is the estimated Jaccard similarity of shingle sets at or
	// above which two texts are near-duplicates (default 0.5).
	Jaccard float64
	// Containment is the estimated share of the shorter text's shingles
	// found in the longer one at or above which they are near-duplicates
	// (default 0.8) while their Jaccard similarity is at least
	// ContainmentJaccard (default 0.25); it catches trimmed copies but not a
	// lead paragraph quoted inside a longer article.
	Containment        float64
	ContainmentJaccard float64
	// MinShingles is the least number of distinct shingles a text needs to
	// take part in near-duplicate detection (default 25); shorter texts
	// match only exactly.
	MinShingles int
	// Window is how long signatures are kept, measured back from the newest
	// publication time seen (default 30 days).
	Window time.Duration
	// MaxBucket caps the members of one LSH bucket (default 64); the oldest
	// are dropped first. It bounds the cost of boilerplate shared by many texts.
	MaxBucket int
}

func (o Options) withDefaults() Options {
	if o.Shingle <= 0 {
		o.Shingle = 4
	}
	if o.Bands <= 0 {
		o.Bands = 32
	}
	if o.Rows <= 0 {
		o.Rows = 3
	}
	if o.Jaccard <= 0 {
		o.Jaccard = 0.5
	}
	if o.Containment <= 0 {
		o.Containment = 0.8
	}
	if o.ContainmentJaccard <= 0 {
		o.ContainmentJaccard = 0.25
	}
	if o.MinShingles <= 0 {
		o.MinShingles = 25
	}
	if o.Window <= 0 {
		o.Window = 30 * 24 * time.Hour
	}
	if o.MaxBucket <= 0 {
		o.MaxBucket = 64
	}
	return o
}

// Doc is one article as the index sees it.
type Doc struct {
	ID string
	// Title is used only when the text is too short for near-duplicate
	// detection: two short texts are exact copies only if their titles match
	// too, so that identical page debris does not fold unrelated articles.
	Title string
	Text  string
	// Published is the publication time; zero when unknown.
	Published time.Time
	// HasOrigin is true when the article names the outlet that first
	// published it ("From Reuters"); such a copy is preferred as original.
	HasOrigin bool
}

// Match is the outcome of adding one article.
type Match struct {
	// Group is the ID of the duplicate group the article joined: the ID of
	// the group's first article. It equals the article's own ID when the
	// article is new.
	Group string `json:"group"`
	// DuplicateOf is the group's original after this article was added, or
	// "" when the article is not a copy of anything seen (or is itself the
	// new original: see Original).
	DuplicateOf string `json:"duplicate_of,omitempty"`
	// Original is true when this article is now its group's original.
	Original bool `json:"original"`
	// Similarity is the estimated similarity to the matched copy: 1 for an
	// exact duplicate, else the larger of Jaccard and containment.
	Similarity float64 `json:"similarity"`
	// Exact is true when the cleaned text is identical to a copy's.
	Exact bool `json:"exact"`
}

// Copy is one member of a duplicate group.
type Copy struct {
	ID         string    `json:"id"`
	Published  time.Time `json:"published"`
	HasOrigin  bool      `json:"has_origin"`
	Exact      bool      `json:"exact"`
	Similarity float64   `json:"similarity"`
}

// Group is a set of copies of one text.
type Group struct {
	ID       string `json:"id"`
	Original string `json:"original"`
	Copies   []Copy `json:"copies"`
}

type doc struct {
	sig      []uint32 // nil once evicted or when too short
	size     int      // distinct shingles
	group    int32
	at       time.Time
	inBucket bool
}

type group struct {
	id       string
	original int // index into copies
	copies   []Copy
}

// Index detects duplicates among the articles added to it. It is not safe
// for concurrent use.
type Index struct {
	opt    Options
	seeds  []uint64
	ids    map[string]int32 // article ID -> doc index
	exact  map[uint64]int32 // text hash -> group index
	docs   []doc
	groups []group
	bucket map[uint64][]int32
	queue  []int32 // docs holding a signature, roughly oldest first
	newest time.Time
	stamp  []uint32 // per doc: last nearest() call that saw it
	cur    uint32
}

// NewIndex returns an empty index.
func NewIndex(opt Options) *Index {
	opt = opt.withDefaults()
	n := opt.Bands * opt.Rows
	seeds := make([]uint64, n)
	s := uint64(0x5eed_1dea_2026)
	for i := range seeds {
		s = splitmix(s)
		seeds[i] = s | 1
	}
	return &Index{
		opt:    opt,
		seeds:  seeds,
		ids:    make(map[string]int32),
		exact:  make(map[uint64]int32),
		bucket: make(map[uint64][]int32),
	}
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// Prepared is an article hashed for AddPrepared.
type Prepared struct {
	Doc   Doc
	empty bool
	hash  uint64   // exact-copy key
	size  int      // distinct shingles
	sig   []uint32 // nil when too short for near-duplicate detection
}

// Prepare does the hashing for one article: the part of Add that reads no
// index state. It is safe to call from several goroutines at once.
func (ix *Index) Prepare(d Doc) Prepared {
	p := Prepared{Doc: d}
	ws := words(d.Text)
	if len(ws) == 0 {
		p.empty = true
		return p
	}
	shingles := ix.shingles(ws)
	key := ws
	if len(shingles) < ix.opt.MinShingles {
		key = append(append(key[:len(key):len(key)], "\x00title"), words(d.Title)...)
	}
	p.hash = textHash(key)
	p.size = len(shingles)
	if len(shingles) >= ix.opt.MinShingles {
		p.sig = ix.signature(shingles)
	}
	return p
}

// Add records an article and reports whether it copies one seen before.
// Adding an ID a second time changes nothing and returns the same group.
// Empty texts are never duplicates of anything.
func (ix *Index) Add(d Doc) Match {
	if _, ok := ix.ids[d.ID]; ok {
		return ix.AddPrepared(Prepared{Doc: d})
	}
	return ix.AddPrepared(ix.Prepare(d))
}

// AddPrepared is Add for an article hashed by Prepare of this index.
func (ix *Index) AddPrepared(p Prepared) Match {
	d := p.Doc
	if i, ok := ix.ids[d.ID]; ok {
		g := &ix.groups[ix.docs[i].group]
		orig := g.copies[g.original].ID
		m := Match{Group: g.id, Original: orig == d.ID}
		if !m.Original {
			m.DuplicateOf = orig
		}
		for _, c := range g.copies {
			if c.ID == d.ID {
				m.Similarity, m.Exact = c.Similarity, c.Exact
			}
		}
		return m
	}
	di := int32(len(ix.docs))
	ix.ids[d.ID] = di
	if !d.Published.IsZero() && d.Published.After(ix.newest) {
		ix.newest = d.Published
	}
	at := d.Published
	if at.IsZero() {
		at = ix.newest // undated: kept as if published with the newest seen
	}
	ix.docs = append(ix.docs, doc{at: at})
	ix.stamp = append(ix.stamp, 0)
	if p.empty {
		return ix.join(di, d, -1, 0, false)
	}
	if gi, ok := ix.exact[p.hash]; ok {
		return ix.join(di, d, gi, 1, true)
	}
	best, bestSim := int32(-1), 0.0
	if p.sig != nil {
		best, bestSim = ix.nearest(p.sig, p.size)
	}
	var m Match
	if best >= 0 {
		m = ix.join(di, d, ix.docs[best].group, bestSim, false)
	} else {
		m = ix.join(di, d, -1, 0, false)
	}
	ix.exact[p.hash] = ix.docs[di].group
	if p.sig != nil {
		ix.docs[di].sig = p.sig
		ix.docs[di].size = p.size
		ix.insert(di)
	}
	ix.evict()
	return m
}

// join puts doc di into group gi (or a new group when gi < 0).
func (ix *Index) join(di int32, d Doc, gi int32, sim float64, exact bool) Match {
	c := Copy{ID: d.ID, Published: d.Published, HasOrigin: d.HasOrigin, Exact: exact, Similarity: sim}
	if gi < 0 {
		gi = int32(len(ix.groups))
		ix.groups = append(ix.groups, group{id: d.ID})
	}
	ix.docs[di].group = gi
	g := &ix.groups[gi]
	g.copies = append(g.copies, c)
	if len(g.copies) > 1 && better(c, g.copies[g.original]) {
		g.original = len(g.copies) - 1
	}
	orig := g.copies[g.original].ID
	m := Match{Group: g.id, Similarity: sim, Exact: exact, Original: orig == d.ID}
	if !m.Original {
		m.DuplicateOf = orig
	}
	return m
}

// better reports whether copy a should replace b as original: a copy that
// names its origin wins, then a dated copy over an undated one, then the
// earlier one. Ties keep b (the first seen).
func better(a, b Copy) bool {
	if a.HasOrigin != b.HasOrigin {
		return a.HasOrigin
	}
	if a.Published.IsZero() != b.Published.IsZero() {
		return !a.Published.IsZero()
	}
	return a.Published.Before(b.Published)
}

// nearest returns the most similar signature-holding doc that passes the
// near-duplicate test, or -1.
func (ix *Index) nearest(sig []uint32, size int) (int32, float64) {
	best, bestSim := int32(-1), 0.0
	ix.cur++
	if ix.cur == 0 {
		clear(ix.stamp)
		ix.cur = 1
	}
	r := ix.opt.Rows
	for b := 0; b < ix.opt.Bands; b++ {
		for _, cand := range ix.bucket[bandKey(b, sig[b*r:(b+1)*r])] {
			if ix.stamp[cand] == ix.cur {
				continue
			}
			ix.stamp[cand] = ix.cur
			c := &ix.docs[cand]
			if c.sig == nil {
				continue
			}
			if sim, ok := ix.similar(sig, size, c.sig, c.size); ok && sim > bestSim {
				best, bestSim = cand, sim
			}
		}
	}
	return best, bestSim
}

// similar estimates Jaccard similarity from signature agreement and the
// containment of the smaller set from Jaccard and the set sizes:
// |A∩B| = J(|A|+|B|)/(1+J).
func (ix *Index) similar(a []uint32, na int, b []uint32, nb int) (float64, bool) {
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	j := float64(eq) / float64(len(a))
	inter := j * float64(na+nb) / (1 + j)
	c := inter / float64(min(na, nb))
	if c > 1 {
		c = 1
	}
	sim := math.Max(j, c)
	return sim, j >= ix.opt.Jaccard || (c >= ix.opt.Containment && j >= ix.opt.ContainmentJaccard)
}

func bandKey(b int, rows []uint32) uint64 {
	h := uint64(b)*0x9e3779b97f4a7c15 + 1
	for _, v := range rows {
		h = splitmix(h ^ uint64(v))
	}
	return h
}

func (ix *Index) insert(di int32) {
	d := &ix.docs[di]
	r := ix.opt.Rows
	for b := 0; b < ix.opt.Bands; b++ {
		k := bandKey(b, d.sig[b*r:(b+1)*r])
		l := append(ix.bucket[k], di)
		if len(l) > ix.opt.MaxBucket {
			l = append(l[:0], l[len(l)-ix.opt.MaxBucket:]...)
		}
		ix.bucket[k] = l
	}
	d.inBucket = true
	ix.queue = append(ix.queue, di)
}

// evict drops signatures of docs older than the window before the newest
// time seen.
func (ix *Index) evict() {
	if ix.newest.IsZero() {
		return
	}
	limit := ix.newest.Add(-ix.opt.Window)
	n := 0
	for n < len(ix.queue) {
		d := &ix.docs[ix.queue[n]]
		if !d.at.Before(limit) {
			break
		}
		ix.remove(ix.queue[n])
		n++
	}
	if n > 0 {
		ix.queue = ix.queue[n:]
		if cap(ix.queue) > 1024 && len(ix.queue) < cap(ix.queue)/4 {
			ix.queue = append([]int32(nil), ix.queue...)
		}
	}
}

func (ix *Index) remove(di int32) {
	d := &ix.docs[di]
	r := ix.opt.Rows
	for b := 0; b < ix.opt.Bands; b++ {
		k := bandKey(b, d.sig[b*r:(b+1)*r])
		l := ix.bucket[k]
		for i, v := range l {
			if v == di {
				l = append(l[:i], l[i+1:]...)
				break
			}
		}
		if len(l) == 0 {
			delete(ix.bucket, k)
		} else {
			ix.bucket[k] = l
		}
	}
	d.sig = nil
	d.inBucket = false
}

// Len returns the number of articles added.
func (ix *Index) Len() int { return len(ix.docs) }

// GroupOf returns the group of an added article, or false if the ID is unknown.
func (ix *Index) GroupOf(id string) (Group, bool) {
	i, ok := ix.ids[id]
	if !ok {
		return Group{}, false
	}
	return ix.export(ix.docs[i].group), true
}

// Groups returns every group with at least two copies, ordered by ID.
func (ix *Index) Groups() []Group {
	var out []Group
	for gi := range ix.groups {
		if len(ix.groups[gi].copies) > 1 {
			out = append(out, ix.export(int32(gi)))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func (ix *Index) export(gi int32) Group {
	g := &ix.groups[gi]
	return Group{ID: g.id, Original: g.copies[g.original].ID, Copies: append([]Copy(nil), g.copies...)}
}

// words splits text into lower-cased runs of letters and digits.
func words(text string) []string {
	var out []string
	start := -1
	lower := true
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
				lower = true
			}
			if r >= utf8.RuneSelf || ('A' <= r && r <= 'Z') {
				lower = false
			}
			continue
		}
		if start >= 0 {
			out = append(out, fold(text[start:i], lower))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, fold(text[start:], lower))
	}
	return out
}

func fold(w string, lower bool) string {
	if lower {
		return w
	}
	// As unicode.ToLower rune by rune (invalid bytes read as U+FFFD),
	// without a copy for a word already in lower case.
	return strings.ToLower(w)
}

func textHash(words []string) uint64 {
	// FNV-1a (as hash/fnv's New64a) over each word and a zero byte after
	// it, with no []byte copies.
	h := uint64(14695981039346656037)
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			h ^= uint64(w[i])
			h *= 1099511628211
		}
		h *= 1099511628211 // the zero byte
	}
	return h
}

// shingles returns the distinct hashes of the word k-grams of words (the
// whole text as one shingle when it is shorter than k), sorted: only
// their number and the least of their mixes count (see signature), so a
// sort finds the distinct ones without a set.
func (ix *Index) shingles(words []string) []uint64 {
	k := ix.opt.Shingle
	n := len(words) - k + 1
	if n < 1 {
		n = 1
		k = len(words)
	}
	out := make([]uint64, n)
	for i := range out {
		out[i] = textHash(words[i : i+k])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// signature returns the MinHash signature of a shingle set: for each seed,
// the least 32-bit value of a seeded mix of the shingle hashes.
func (ix *Index) signature(shingles []uint64) []uint32 {
	sig := make([]uint32, len(ix.seeds))
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	for _, s := range shingles {
		x := splitmix(s)
		for i, seed := range ix.seeds {
			v := uint32((x*seed + uint64(i)) >> 32)
			if v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

// StateVersion is the version of the State layout written by Snapshot.
const StateVersion = 1

// ErrBadState is wrapped by Restore when a state is inconsistent.
var ErrBadState = errors.New("bad dedup state")

// State is an Index's complete state as plain, JSON-friendly values, to
// persist and Restore after a restart.
type State struct {
	Version int        `json:"version"`
	Options Options    `json:"options"`
	Newest  time.Time  `json:"newest"`
	Docs    []DocState `json:"docs"`
	Groups  []Group    `json:"groups"` // Original is the ID of the original copy
	// Exact maps text hashes (as decimal strings, for JSON) to group indexes.
	Exact map[string]int32 `json:"exact"`
	Queue []int32          `json:"queue"`
}

// DocState is one article inside a State.
type DocState struct {
	ID        string    `json:"id"`
	At        time.Time `json:"at"`
	Group     int32     `json:"group"`
	Size      int       `json:"size,omitempty"`
	Signature []uint32  `json:"signature,omitempty"`
}

// Snapshot returns a deep copy of the index's state.
func (ix *Index) Snapshot() State {
	st := State{Version: StateVersion, Options: ix.opt, Newest: ix.newest,
		Exact: make(map[string]int32, len(ix.exact)), Queue: append([]int32{}, ix.queue...)}
	ids := make([]string, len(ix.docs))
	for id, i := range ix.ids {
		ids[i] = id
	}
	for i, d := range ix.docs {
		st.Docs = append(st.Docs, DocState{ID: ids[i], At: d.at, Group: d.group, Size: d.size, Signature: append([]uint32(nil), d.sig...)})
	}
	for gi := range ix.groups {
		st.Groups = append(st.Groups, ix.export(int32(gi)))
	}
	for h, gi := range ix.exact {
		st.Exact[strconv.FormatUint(h, 10)] = gi
	}
	return st
}

// Restore rebuilds an Index from a state made by Snapshot, checking it
// first: an inconsistent state gives an error wrapping ErrBadState.
func Restore(st State) (*Index, error) {
	bad := func(format string, args ...any) (*Index, error) {
		return nil, fmt.Errorf("%w: %s", ErrBadState, fmt.Sprintf(format, args...))
	}
	if st.Version != StateVersion {
		return bad("version %d, want %d", st.Version, StateVersion)
	}
	ix := NewIndex(st.Options)
	if ix.opt != st.Options {
		return bad("options %+v are not complete", st.Options)
	}
	ng, nd := int32(len(st.Groups)), int32(len(st.Docs))
	nsig := ix.opt.Bands * ix.opt.Rows
	for i, d := range st.Docs {
		if d.Group < 0 || d.Group >= ng {
			return bad("doc %d names group %d of %d", i, d.Group, ng)
		}
		if d.Signature != nil && len(d.Signature) != nsig {
			return bad("doc %d: signature of %d values, want %d", i, len(d.Signature), nsig)
		}
		if _, dup := ix.ids[d.ID]; dup {
			return bad("doc ID %q twice", d.ID)
		}
		ix.ids[d.ID] = int32(i)
		ix.docs = append(ix.docs, doc{at: d.At, group: d.Group, size: d.Size, sig: append([]uint32(nil), d.Signature...)})
		if d.Signature == nil {
			ix.docs[i].sig = nil
		}
		ix.stamp = append(ix.stamp, 0)
	}
	for gi, g := range st.Groups {
		if len(g.Copies) == 0 {
			return bad("group %d has no copies", gi)
		}
		orig := -1
		for ci, c := range g.Copies {
			if _, ok := ix.ids[c.ID]; !ok {
				return bad("group %d lists unknown doc %q", gi, c.ID)
			}
			if c.ID == g.Original {
				orig = ci
			}
		}
		if orig < 0 {
			return bad("group %d: original %q is not a copy", gi, g.Original)
		}
		ix.groups = append(ix.groups, group{id: g.ID, original: orig, copies: append([]Copy(nil), g.Copies...)})
	}
	for k, gi := range st.Exact {
		h, err := strconv.ParseUint(k, 10, 64)
		if err != nil || gi < 0 || gi >= ng {
			return bad("exact entry %q -> %d", k, gi)
		}
		ix.exact[h] = gi
	}
	ix.newest = st.Newest
	for _, di := range st.Queue {
		if di < 0 || di >= nd {
			return bad("queue names doc %d of %d", di, nd)
		}
		if ix.docs[di].sig == nil || ix.docs[di].inBucket {
			continue
		}
		ix.insert(di)
	}
	return ix, nil
}
