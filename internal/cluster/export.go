package cluster

import (
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
)

// Stories returns every story that has not been merged away, ordered by
// first appearance (undated stories last), then ID.
func (c *Clusterer) Stories() []Story {
	var out []Story
	for si := range c.stories {
		if c.tally[si].into >= 0 {
			continue
		}
		out = append(out, c.exportStory(int32(si)))
	}
	sort.Slice(out, func(i, j int) bool { return storyLess(out[i].FirstSeen, out[j].FirstSeen, out[i].ID, out[j].ID) })
	return out
}

// Story returns one story by ID, following merges, or false if unknown.
func (c *Clusterer) Story(id string) (Story, bool) {
	si, ok := c.byID[c.Resolve(id)]
	if !ok {
		return Story{}, false
	}
	return c.exportStory(c.find(si)), true
}

func storyLess(a, b time.Time, ida, idb string) bool {
	if a.IsZero() != b.IsZero() {
		return !a.IsZero()
	}
	if !a.Equal(b) {
		return a.Before(b)
	}
	return ida < idb
}

func (c *Clusterer) exportStory(si int32) Story {
	s := &c.stories[si]
	terms, _ := c.labelTerms(s.cen, 5, 0)
	return Story{
		ID:                s.id,
		Title:             c.storyTitle(s),
		StorylineID:       c.lines[c.findLine(s.line)].id,
		ArticleIDs:        slices.Clone(s.articles),
		Outlets:           slices.Clone(s.outlets),
		FirstSeen:         s.first,
		LastSeen:          s.last,
		Terms:             orEmpty(terms),
		UndatedArticleIDs: slices.Clone(s.undated),
	}
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// storyTitle picks the member headline whose words weigh most in the story
// centroid (per word, so long headlines gain nothing), else the first
// sentence of the first article.
func (c *Clusterer) storyTitle(s *story) string {
	if len(s.titles) == 0 {
		return s.snippet
	}
	titles := s.titles
	if c.labelLang != "" {
		// Headlines in the language asked for, where the story has any.
		var in []string
		for _, t := range titles {
			if c.titleLang(t) == c.labelLang {
				in = append(in, t)
			}
		}
		switch {
		case len(in) > 0:
			titles = in
		case s.snippet != "" && c.titleLang(s.snippet) == c.labelLang:
			// An article in that language with no headline: its first
			// sentence.
			return s.snippet
		}
	}
	if len(s.cen.ids) == 0 {
		return titles[0]
	}
	// A title word's weight in the centroid (sorted by ID): found by
	// binary search, weight times IDF as a map of all of them held.
	weight := func(id int32) float64 {
		i, ok := slices.BinarySearch(s.cen.ids, id)
		if !ok {
			return 0
		}
		return float64(s.cen.w[i]) * c.idf(id)
	}
	best, bestScore := titles[0], -1.0
	for _, t := range titles {
		var sum float64
		n := 0
		for _, tok := range tokenize(t, 64) {
			if !useful(tok.word) {
				continue
			}
			n++
			for _, lang := range []string{langEN, ""} {
				if id, ok := c.vocab[c.analyzer.stem.stem(lang, tok.word)]; ok {
					sum += weight(id)
					break
				}
			}
		}
		if n == 0 {
			continue
		}
		score := sum / math.Sqrt(float64(n)+2)
		if score > bestScore {
			best, bestScore = t, score
		}
	}
	return best
}

// labelTerms returns the k heaviest words and the m heaviest names of a
// centroid, as surface forms.
func (c *Clusterer) labelTerms(v sparse, k, m int) (words, names []string) {
	p := c.labelChoice(v, k, m)
	return c.surfaces(p.words), c.surfaces(p.names)
}

func (c *Clusterer) surfaces(terms []scoredTerm) []string {
	if len(terms) == 0 {
		return nil
	}
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = c.surface[t.id]
	}
	return out
}

// scoredTerm is a centroid term with its weight there and its score
// (weight times IDF) when chosen.
type scoredTerm struct {
	id int32
	w  float32
	s  float64
}

// termBefore is the order of label terms: heavier first, then lower index.
func termBefore(a, b scoredTerm) bool {
	return a.s > b.s || a.s == b.s && a.id < b.id
}

// firstTerms returns the n first of ts by termBefore, in that order.
func firstTerms(ts []scoredTerm, n int) []scoredTerm {
	if n <= 0 {
		return nil
	}
	out := make([]scoredTerm, 0, n)
	for _, t := range ts {
		if len(out) == n && !termBefore(t, out[n-1]) {
			continue
		}
		if len(out) < n {
			out = append(out, t)
		}
		i := len(out) - 1
		for i > 0 && termBefore(t, out[i-1]) {
			out[i] = out[i-1]
			i--
		}
		out[i] = t
	}
	return out
}

// labelPick is what labelChoice chose: the words and names in order; the
// best of the words and of the names that were not chosen (s < 0: there
// was none) and the heaviest centroid weight among those not chosen; and
// the IDF article count and single-article damping it was chosen with.
type labelPick struct {
	words, names       []scoredTerm
	nextWord, nextName scoredTerm
	maxWordW, maxNameW float32
	nIDF               int
	hapax              float64
}

// labelChoice chooses the k heaviest words and the m heaviest names of a
// centroid. The choice depends on the centroid and the IDF of its terms
// only (surface forms never change).
func (c *Clusterer) labelChoice(v sparse, k, m int) labelPick {
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
	// Names and words apart, and of each only the few best in order (the
	// rest count for their heaviest weight alone): what sorting all of
	// them by termBefore and reading them in order gave.
	ents, words := make([]scoredTerm, 0, 16), make([]scoredTerm, 0, len(v.ids))
	for i, id := range v.ids {
		if !keep(id) {
			continue
		}
		t := scoredTerm{id, v.w[i], float64(v.w[i]) * c.idf(id)}
		if c.isName[id] {
			ents = append(ents, t)
		} else {
			words = append(words, t)
		}
	}
	p := labelPick{nextWord: scoredTerm{s: -1}, nextName: scoredTerm{s: -1}, nIDF: c.nIDF, hapax: c.hapaxWeight()}
	var nameWords []string // the words of the chosen names, which no chosen word repeats
	best := firstTerms(ents, m+1)
	for i, t := range best {
		if i < m {
			p.names = append(p.names, t)
			nameWords = append(nameWords, strings.Fields(c.surface[t.id])...)
		} else {
			p.nextName = t
		}
	}
	for _, t := range ents {
		if !slices.ContainsFunc(p.names, func(n scoredTerm) bool { return n.id == t.id }) {
			p.maxNameW = max(p.maxNameW, t.w)
		}
	}
	if len(nameWords) > 0 {
		words = slices.DeleteFunc(words, func(t scoredTerm) bool { return slices.Contains(nameWords, c.surface[t.id]) })
	}
	best = firstTerms(words, k+1)
	for i, t := range best {
		if i < k {
			p.words = append(p.words, t)
		} else {
			p.nextWord = t
		}
	}
	for _, t := range words {
		if !slices.ContainsFunc(p.words, func(w scoredTerm) bool { return w.id == t.id }) {
			p.maxWordW = max(p.maxWordW, t.w)
		}
	}
	return p
}

// holds reports whether the choice p made earlier from the same centroid
// is still the one labelChoice makes, given that no term of the centroid
// has lost the single-article damping since (the watch relabels those).
// The chosen terms are scored again; the ones not chosen are bounded:
//
//   - while the IDF article count stands still, a term's IDF only falls
//     with its document frequency, so none scores more than the best of
//     them did, and it is enough that the chosen ones keep their order and
//     still come before that one;
//   - when the count has grown from N to N', a term's IDF, log(1 +
//     (N+n0)/(df+n0*prior)), or that times a damping that only falls, has
//     grown by at most log((N'+n0)/(N+n0)), so none scores more than the
//     best did plus the heaviest weight among them times that (with a
//     margin for the float32 IDF cache).
func (c *Clusterer) holds(p labelPick) bool {
	grow := 0.0
	if c.nIDF != p.nIDF {
		n0 := 0.0
		if c.cfg.PriorDocs > 0 && c.bg.docs > 0 {
			n0 = c.cfg.PriorDocs
		}
		if p.nIDF+int(n0) <= 0 || c.nIDF < p.nIDF || c.hapaxWeight() > p.hapax {
			return false
		}
		grow = math.Log((float64(c.nIDF) + n0) / (float64(p.nIDF) + n0))
	}
	chain := func(chosen []scoredTerm, next scoredTerm, maxW float32) bool {
		var prev scoredTerm
		for i, t := range chosen {
			t.s = float64(t.w) * c.idf(t.id)
			if i > 0 && !termBefore(prev, t) {
				return false
			}
			prev = t
		}
		switch {
		case len(chosen) == 0 || next.s < 0:
			return true
		case grow == 0:
			return termBefore(prev, next)
		}
		return prev.s > (next.s+float64(maxW)*grow)*(1+1e-6)
	}
	return chain(p.names, p.nextName, p.maxNameW) && chain(p.words, p.nextWord, p.maxWordW)
}

// Storylines returns every storyline that has not been merged away,
// ordered by first appearance, then ID.
func (c *Clusterer) Storylines() []Storyline {
	var out []Storyline
	for li := range c.lines {
		if c.lines[li].into >= 0 {
			continue
		}
		if l, ok := c.exportLine(int32(li)); ok {
			out = append(out, l)
		}
	}
	sort.Slice(out, func(i, j int) bool { return StorylineLess(out[i], out[j]) })
	return out
}

// StorylineLess is the order of Storylines: by first appearance (undated
// last), then ID.
func StorylineLess(a, b Storyline) bool {
	return storyLess(a.FirstSeen, b.FirstSeen, a.ID, b.ID)
}

// Storyline returns one storyline by ID, following merges, as Storylines
// gives it, or false if unknown (or holding no story).
func (c *Clusterer) Storyline(id string) (Storyline, bool) {
	li, ok := c.lineID[c.Resolve(id)]
	if !ok {
		return Storyline{}, false
	}
	return c.exportLine(c.findLine(li))
}

// StorylineOf returns the ID of the storyline a story is in. For a story
// merged into another, it is the storyline the story was in when it was
// merged (followed through later storyline merges), not that of the story
// it went into. False if the story is unknown.
func (c *Clusterer) StorylineOf(storyID string) (string, bool) {
	si, ok := c.byID[storyID]
	if !ok {
		return "", false
	}
	return c.lines[c.findLine(c.stories[si].line)].id, true
}

// exportLine returns storyline li (not merged away) as Storylines gives it,
// or false when it holds no story.
func (c *Clusterer) exportLine(li int32) (Storyline, bool) {
	l, _, ok := c.exportLineTerms(li)
	return l, ok
}

// exportLineTerms is exportLine with the label choice.
func (c *Clusterer) exportLineTerms(li int32) (Storyline, labelPick, bool) {
	l := &c.lines[li]
	var ids []string
	seen := map[int32]bool{}
	for _, s := range l.stories {
		s = c.find(s)
		if seen[s] {
			continue
		}
		seen[s] = true
		ids = append(ids, c.stories[s].id)
	}
	if len(ids) == 0 {
		return Storyline{}, labelPick{}, false
	}
	sort.Strings(ids)
	p := c.labelChoice(l.cen, 4, 3)
	words, actors := c.surfaces(p.words), c.surfaces(p.names)
	label := strings.Join(append(slices.Clone(actors), words...), ", ")
	return Storyline{
		ID: l.id, Label: label, StoryIDs: ids, FirstSeen: l.first, LastSeen: l.last,
		Terms: orEmpty(words), Actors: orEmpty(actors),
	}, p, true
}

// A StorylineWatch finds the storylines whose Storyline (stories, span,
// label) may have changed since it last looked, at the cost of what
// changed rather than of every storyline. What can change a storyline:
//
//   - an article joining it (the caller passes the storylines its articles
//     joined, Assignment.StorylineID);
//   - a merge: both storylines of a storyline merge, and the storylines of
//     both stories of a story merge (the storyline a story left loses it),
//     from the merge records;
//   - the sweep that freezes idle stories every 4096 articles: every
//     storyline is looked at then;
//   - without anything joining it, its label: the label is the centroid's
//     heaviest terms by weight times IDF, and IDF moves as articles arrive.
//     When the article count IDF uses moves (1% steps) every label may
//     change and every storyline is looked at. Otherwise only the terms
//     whose document frequency changed move, and a term's IDF only falls
//     with more documents, except once: a term seen in one article gains
//     when a second one has it and it loses the single-article damping. So
//     a label can change only where one of its own terms fell below
//     another (the watch indexes each storyline's label terms and checks
//     that they still come in the same order and above the best term left
//     out, whose score can only have fallen), or where the centroid holds
//     a term just seen a second time (the watch indexes the storyline that
//     holds each single-article term).
//
// The cost of a look is that of the storylines found, of a check of the
// storylines whose label holds a term the new articles have, one pass over
// the document-frequency table (4 bytes a term) and the merges since the
// last look. A StorylineWatch belongs to one Clusterer and is not safe for
// concurrent use.
type StorylineWatch struct {
	c      *Clusterer
	merges int                      // merge records seen
	nIDF   int                      // c.nIDF when last looked
	adds   int                      // c.adds when last looked
	df     []int32                  // c.df when last looked
	byTerm map[int32]map[int32]bool // label term -> storylines whose label holds it
	picks  map[int32]labelPick      // storyline -> its label choice when looked at
	hapax  map[int32]int32          // term seen in one article -> storyline whose centroid got it
}

// WatchStorylines returns Storylines and a StorylineWatch that has seen
// them: its first Changed reports what changed after this call.
func (c *Clusterer) WatchStorylines() (*StorylineWatch, []Storyline) {
	w := &StorylineWatch{c: c, merges: len(c.merges), nIDF: c.nIDF, adds: c.adds, df: slices.Clone(c.df),
		byTerm: map[int32]map[int32]bool{}, picks: map[int32]labelPick{}, hapax: map[int32]int32{}}
	var out []Storyline
	for li := range c.lines {
		if c.lines[li].into >= 0 {
			continue
		}
		if l, ok := w.look(int32(li)); ok {
			out = append(out, l)
		}
	}
	sort.Slice(out, func(i, j int) bool { return StorylineLess(out[i], out[j]) })
	return w, out
}

// Changed returns the storylines that may have changed since the last look
// (in Storylines order), given the storylines that articles joined in
// between, and the IDs of storylines found merged away (sorted). Some of
// the storylines may be as they were; none that changed is left out.
func (w *StorylineWatch) Changed(joined []string) (lines []Storyline, gone []string) {
	c := w.c
	cand := map[int32]bool{}
	byID := func(id string) {
		if li, ok := c.lineID[id]; ok {
			cand[li] = true
		}
	}
	for _, id := range joined {
		byID(id)
	}
	for _, m := range c.merges[w.merges:] {
		switch m.Kind {
		case "storyline":
			byID(m.From)
			byID(m.Into)
		case "story":
			for _, sid := range []string{m.From, m.Into} {
				if si, ok := c.byID[sid]; ok {
					cand[c.stories[si].line] = true
				}
			}
		}
	}
	w.merges = len(c.merges)
	// When the IDF article count moves, every label is checked; after a
	// sweep, every storyline is looked at.
	checkAll, lookAll := c.nIDF != w.nIDF, c.adds/4096 != w.adds/4096
	checked := map[int32]bool{}
	for t, n := range c.df {
		var was int32
		if t < len(w.df) {
			was = w.df[t]
		}
		if n == was {
			continue
		}
		if was < 2 && n >= 2 {
			if li, ok := w.hapax[int32(t)]; ok {
				cand[li] = true
				delete(w.hapax, int32(t))
			}
		}
		if checkAll || lookAll {
			continue
		}
		for li := range w.byTerm[int32(t)] {
			if !checked[li] {
				checked[li] = true
				if !c.holds(w.picks[li]) {
					cand[li] = true
				}
			}
		}
	}
	w.df = append(w.df[:0], c.df...)
	if checkAll || lookAll {
		for li := range c.lines {
			if c.lines[li].into >= 0 || cand[int32(li)] {
				continue
			}
			if p, ok := w.picks[int32(li)]; lookAll || !ok || !c.holds(p) {
				cand[int32(li)] = true
			}
		}
	}
	w.nIDF, w.adds = c.nIDF, c.adds
	roots := map[int32]bool{}
	for li := range cand {
		root := c.findLine(li)
		roots[root] = true
		if root != li {
			gone = append(gone, c.lines[li].id)
			w.unindex(li)
		}
	}
	for li := range roots {
		if l, ok := w.look(li); ok {
			lines = append(lines, l)
		} else {
			gone = append(gone, c.lines[li].id)
		}
	}
	sort.Slice(lines, func(i, j int) bool { return StorylineLess(lines[i], lines[j]) })
	sort.Strings(gone)
	return lines, gone
}

// look exports storyline li (not merged away) and indexes its label terms
// and single-article terms.
func (w *StorylineWatch) look(li int32) (Storyline, bool) {
	c := w.c
	w.unindex(li)
	l, p, ok := c.exportLineTerms(li)
	if !ok {
		return l, false
	}
	w.picks[li] = p
	for _, ts := range [][]scoredTerm{p.names, p.words} {
		for _, t := range ts {
			if w.byTerm[t.id] == nil {
				w.byTerm[t.id] = map[int32]bool{}
			}
			w.byTerm[t.id][li] = true
		}
	}
	for _, t := range c.lines[li].cen.ids {
		if c.df[t] < 2 {
			w.hapax[t] = li
		}
	}
	return l, true
}

// unindex drops storyline li's label terms from the index.
func (w *StorylineWatch) unindex(li int32) {
	p := w.picks[li]
	for _, ts := range [][]scoredTerm{p.names, p.words} {
		for _, t := range ts {
			delete(w.byTerm[t.id], li)
			if len(w.byTerm[t.id]) == 0 {
				delete(w.byTerm, t.id)
			}
		}
	}
	delete(w.picks, li)
}

// titleLang is the package's titleLang, remembered by title: a story's
// headlines are read again each time it is shown.
func (c *Clusterer) titleLang(t string) string {
	if l, ok := c.titleLangs[t]; ok {
		return l
	}
	if c.titleLangs == nil || len(c.titleLangs) >= 1<<16 {
		c.titleLangs = make(map[string]string)
	}
	l := titleLang(t)
	c.titleLangs[t] = l
	return l
}

// titleLang guesses the language of a headline: by its stop words, else
// by its script (Latin read as English, Cyrillic as Russian or Ukrainian
// by the letters only one of them writes).
func titleLang(t string) string {
	toks := tokenize(t, 64)
	if l := guessLanguage(toks); l != "" {
		return l
	}
	cyr, lat, uk := 0, 0, 0
	for _, r := range t {
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
			if strings.ContainsRune("іїєґІЇЄҐ", r) {
				uk++
			}
		case unicode.Is(unicode.Latin, r):
			lat++
		}
	}
	switch {
	case cyr > lat && uk > 0:
		return langUK
	case cyr > lat:
		return langRU
	case lat > 0:
		return langEN
	}
	return ""
}
