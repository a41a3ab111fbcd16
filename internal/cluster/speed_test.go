package cluster

import (
	"cmp"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestAtoi holds atoi to strconv.Atoi on words that are numbers and words
// that are not.
func TestAtoi(t *testing.T) {
	for _, w := range []string{"", "0", "7", "07", "31", "1987", "2099", "123456789", "1234567890",
		"99999999999999999999", "+5", "-12", "+", "-", "1a", "a1", "12.5", "٣", "１２", " 1"} {
		checkAtoi(t, w)
	}
}

func FuzzAtoi(f *testing.F) {
	for _, w := range []string{"", "12", "1987", "+3", "x9", "1234567890"} {
		f.Add(w)
	}
	f.Fuzz(checkAtoi)
}

func checkAtoi(t *testing.T, w string) {
	want, err := strconv.Atoi(w)
	got, ok := atoi(w)
	if ok != (err == nil) || ok && got != want {
		t.Errorf("atoi(%q) = %d, %v; strconv.Atoi gives %d, %v", w, got, ok, want, err)
	}
}

// TestFeaturesRepeatedKey: a prepared value that gives a key twice (a
// decoded one may) counts both, summed in the order given.
func TestFeaturesRepeatedKey(t *testing.T) {
	c := New(Config{})
	p := Prepared{Doc: Doc{ID: "a"}, terms: []pterm{
		{key: "x", all: 1, title: 3}, {key: "y", all: 2}, {key: "x", all: 0.9}, {key: "z", all: 1}, {key: "x", all: 0.9},
	}}
	f := c.features(p)
	if len(f.ids) != 3 || len(f.title.ids) != 1 {
		t.Fatalf("ids %v, title ids %v: want 3 and 1", f.ids, f.title.ids)
	}
	// x (2.8 in all) outweighs y (2): the IDs are 0, 1, 2 in that order.
	if f.ids[0] != c.vocab["x"] || f.unit.w[0] <= f.unit.w[1] {
		t.Errorf("ids %v weights %v: want x first and heaviest", f.ids, f.unit.w)
	}
	// The same counts given once each weigh the same.
	c2 := New(Config{})
	g := c2.features(Prepared{Doc: Doc{ID: "b"}, terms: []pterm{
		{key: "x", all: (1 + 0.9) + 0.9, title: 3}, {key: "y", all: 2}, {key: "z", all: 1},
	}})
	for i := range f.unit.w {
		if f.unit.w[i] != g.unit.w[i] {
			t.Errorf("weights %v, want %v", f.unit.w, g.unit.w)
			break
		}
	}
}

// TestStemCacheOrder: each language of langOrder has its own stem cache.
func TestStemCacheOrder(t *testing.T) {
	seen := map[*sharedCache]bool{}
	for i, l := range langOrder {
		c := stemCache(l)
		if c == nil || c != stemCaches[i] || seen[c] {
			t.Errorf("stemCache(%q) is not cache %d of its own", l, i)
		}
		seen[c] = true
	}
	if stemCache("") != nil || stemCache("it") != nil {
		t.Error("a language with no stemmer has a cache")
	}
}

// TestStoryHitsAsGather: the merge and storyline checks pick their
// candidates from storyHits; each gets what a gather with its own filter
// gives, for every story of a multilingual stream.
func TestStoryHitsAsGather(t *testing.T) {
	docs := crossSet(t)
	c := New(Config{})
	for k := range 3 {
		for _, d := range docs {
			dd := d.Doc
			dd.ID += strconv.Itoa(k)
			if !dd.Published.IsZero() {
				dd.Published = dd.Published.AddDate(0, 0, 5*k)
			}
			c.Add(dd)
		}
	}
	checked := 0
	for si := range int32(len(c.stories)) {
		s := &c.stories[si]
		if c.tally[si].into >= 0 || s.frozen || s.ndocs == 0 {
			continue
		}
		k := c.cfg.Candidates / 2
		for _, cross := range []bool{false, true} {
			v, lang := s.cen, func(int32) bool { return true }
			if cross {
				v, lang = s.xcen, func(o int32) bool { return crossLangs(s.langs, c.stories[o].langs) }
			}
			near := func(o int32) bool {
				os := &c.stories[o]
				return os.ndocs > 0 && spanGap(s.first, s.last, os.first, os.last) <= c.cfg.Window
			}
			want := c.gather(v, c.cfg.QueryTerms/2, k, func(o int32) bool {
				return o != si && !c.stories[o].frozen && lang(o) && near(o)
			})
			c.touch()
			if got := c.pick(c.storyHits(si, cross), k, near); !slices.Equal(got, want) {
				t.Errorf("story %d cross=%v: merge candidates %v, a gather gives %v", si, cross, got, want)
			}
			want = c.gather(v, c.cfg.QueryTerms/2, k, func(o int32) bool {
				return o != si && !c.stories[o].frozen && lang(o)
			})
			if got := rankedIDs(topK(c.storyHits(si, cross), k)); !slices.Equal(got, want) {
				t.Errorf("story %d cross=%v: storyline candidates %v, a gather gives %v", si, cross, got, want)
			}
			if len(want) > 0 {
				checked++
			}
		}
	}
	if checked < 10 {
		t.Errorf("only %d stories had candidates: the test checks little", checked)
	}
}

// TestLabelChoiceAsSorted holds labelChoice to the choice made by sorting
// every term (labelChoiceSorted, the way it was first written) on the
// storylines and stories of a multilingual stream, in every label
// language, for several numbers of words and names.
func TestLabelChoiceAsSorted(t *testing.T) {
	docs := crossSet(t)
	c := New(Config{})
	for _, d := range docs {
		c.Add(d.Doc)
	}
	var vs []sparse
	for i := range c.lines {
		vs = append(vs, c.lines[i].cen)
	}
	for i := range c.stories {
		vs = append(vs, c.stories[i].cen, c.stories[i].tcen)
	}
	n := 0
	for _, lang := range []string{"en", "ru", "uk", "de", ""} {
		c.SetLang(lang)
		for _, v := range vs {
			for _, km := range [][2]int{{4, 3}, {0, 0}, {1, 0}, {0, 2}, {8, 6}} {
				got, want := c.labelChoice(v, km[0], km[1]), c.labelChoiceSorted(v, km[0], km[1])
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("lang %q k=%d m=%d: labelChoice %+v, sorting gives %+v", lang, km[0], km[1], got, want)
				}
				if len(want.names) > 0 && len(want.words) > 0 {
					n++
				}
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d choices had both names and words", n)
	}
}

// labelChoiceSorted is labelChoice as first written: every term sorted.
func (c *Clusterer) labelChoiceSorted(v sparse, k, m int) labelPick {
	// In the language asked for (see SetLang) where the centroid has terms
	// that articles in it brought; a term's language is fixed when it is
	// first seen, so the choice still depends on the centroid and IDF only.
	keep := func(int32) bool { return true }
	if c.labelLang != "" {
		bit := langBit(c.labelLang)
		if slices.ContainsFunc(v.ids, func(id int32) bool { return c.termLang[id]&bit != 0 }) {
			keep = func(id int32) bool { return c.termLang[id]&bit != 0 }
		}
	}
	all := make([]scoredTerm, 0, len(v.ids))
	for i, id := range v.ids {
		if keep(id) {
			all = append(all, scoredTerm{id, v.w[i], float64(v.w[i]) * c.idf(id)})
		}
	}
	// A total order (ties by index), so any sort gives the same result.
	slices.SortFunc(all, func(a, b scoredTerm) int {
		switch {
		case a.id == b.id:
			return 0
		case termBefore(a, b):
			return -1
		}
		return 1
	})
	p := labelPick{nextWord: scoredTerm{s: -1}, nextName: scoredTerm{s: -1}, nIDF: c.nIDF, hapax: c.hapaxWeight()}
	var nameWords []string // the words of the chosen names, which no chosen word repeats
	for _, t := range all {
		if !strings.HasPrefix(c.terms[t.id], entityPrefix) {
			continue
		}
		if len(p.names) < m {
			p.names = append(p.names, t)
			nameWords = append(nameWords, strings.Fields(c.surface[t.id])...)
			continue
		}
		if p.nextName.s < 0 {
			p.nextName = t
		}
		p.maxNameW = max(p.maxNameW, t.w)
	}
	for _, t := range all {
		if strings.HasPrefix(c.terms[t.id], entityPrefix) || slices.Contains(nameWords, c.surface[t.id]) {
			continue
		}
		if len(p.words) < k {
			p.words = append(p.words, t)
			continue
		}
		if p.nextWord.s < 0 {
			p.nextWord = t
		}
		p.maxWordW = max(p.maxWordW, t.w)
	}
	return p
}

// TestTermNumbers: a clusterer that finds terms by their numbers ends with
// the vocabulary and assignments of one that looks every key up by name,
// and decoded values are numbered as prepared ones are.
func TestTermNumbers(t *testing.T) {
	docs := crossSet(t)
	a := NewAnalyzer(Config{})
	byNum, byKey := New(Config{}), New(Config{})
	numbered := 0
	for _, d := range docs {
		p := a.Prepare(d.Doc)
		q := p
		q.terms = slices.Clone(p.terms)
		for i := range q.terms {
			if q.terms[i].num != 0 {
				numbered++
			}
			if want := termNumber(q.terms[i].key); q.terms[i].num != want {
				t.Errorf("%s: term %q numbered %d, want %d", d.ID, q.terms[i].key, q.terms[i].num, want)
			}
			q.terms[i].num = 0
		}
		if x, y := byNum.AddPrepared(p), byKey.AddPrepared(q); !reflect.DeepEqual(x, y) {
			t.Errorf("%s: by number %+v, by key %+v", d.ID, x, y)
		}
	}
	if !slices.Equal(byNum.terms, byKey.terms) {
		t.Error("the vocabularies differ")
	}
	if numbered == 0 {
		t.Error("no term had a number")
	}
	first := termNumber("genev")
	if termNumber(entityPrefix+"geneva") != 0 || first == 0 || termNumber(strings.Clone("genev")) != first || termNumber("genf") == first {
		t.Error("termNumber: names have none, each word one of its own, always the same")
	}
}

// TestPruneSortAsSlice: prune sorts with slices.SortFunc where it used
// sort.Slice; on terms with many equal scores both leave the same order,
// so the same terms are cut.
func TestPruneSortAsSlice(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 300 {
		n := 1 + rng.IntN(700)
		a := make([]pruneTerm, n)
		for i := range a {
			a[i] = pruneTerm{id: int32(i), w: float32(rng.IntN(5)), s: float64(rng.IntN(1 + round%9))}
		}
		if round%3 == 0 {
			slices.SortFunc(a, func(x, y pruneTerm) int { return cmp.Compare(y.s, x.s) }) // already in order
		}
		b := slices.Clone(a)
		sort.Slice(a, func(i, j int) bool { return a[i].s > a[j].s })
		slices.SortFunc(b, byPruneScore)
		if !slices.Equal(a, b) {
			t.Fatalf("round %d (%d terms): sort.Slice and slices.SortFunc leave different orders", round, n)
		}
	}
}

// TestAddPruneAsNew holds addPrune, which sums in the centroid's own
// storage, to a sum into new vectors and the prune of before, over many
// additions to one centroid and a shared one.
func TestAddPruneAsNew(t *testing.T) {
	c := New(Config{StoryTerms: 20})
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		c.term(strconv.Itoa(rng.IntN(1e6)), "", 0)
	}
	for i := range c.df {
		c.addDF(int32(i), int32(1+rng.IntN(4)))
	}
	c.n, c.nIDF = 50, 50
	var got, want sparse
	for round := range 300 {
		var o sparse
		for id := range int32(len(c.terms)) {
			if rng.IntN(8) == 0 {
				o.ids = append(o.ids, id)
				o.w = append(o.w, float32(rng.IntN(3)+1)/4)
			}
		}
		keep := slices.Clone(o.ids)
		c.addPrune(&got, o)
		want = c.pruneNew(addNew(want, o))
		if !slices.Equal(got.ids, want.ids) || !slices.Equal(got.w, want.w) {
			t.Fatalf("round %d: addPrune gives %v %v, want %v %v", round, got.ids, got.w, want.ids, want.w)
		}
		if !slices.Equal(o.ids, keep) {
			t.Fatal("addPrune changed the vector it added")
		}
	}
}

// addNew is v + o as a new vector (the way centroids were summed first).
func addNew(v, o sparse) sparse {
	out := sparse{}
	i, j := 0, 0
	for i < len(v.ids) || j < len(o.ids) {
		switch {
		case j >= len(o.ids) || (i < len(v.ids) && v.ids[i] < o.ids[j]):
			out.ids, out.w = append(out.ids, v.ids[i]), append(out.w, v.w[i])
			i++
		case i >= len(v.ids) || o.ids[j] < v.ids[i]:
			out.ids, out.w = append(out.ids, o.ids[j]), append(out.w, 1*o.w[j])
			j++
		default:
			out.ids, out.w = append(out.ids, v.ids[i]), append(out.w, v.w[i]+1*o.w[j])
			i++
			j++
		}
	}
	return out
}

// pruneNew is prune as first written: sort.Slice, new vectors.
func (c *Clusterer) pruneNew(v sparse) sparse {
	if len(v.ids) <= 2*c.cfg.StoryTerms {
		return v
	}
	all := make([]pruneTerm, len(v.ids))
	for i, id := range v.ids {
		all[i] = pruneTerm{id, v.w[i], float64(v.w[i]) * c.idf(id)}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].s > all[j].s })
	all = all[:c.cfg.StoryTerms]
	sort.Slice(all, func(i, j int) bool { return all[i].id < all[j].id })
	out := sparse{ids: make([]int32, len(all)), w: make([]float32, len(all))}
	for i, t := range all {
		out.ids[i], out.w[i] = t.id, t.w
	}
	return out
}
