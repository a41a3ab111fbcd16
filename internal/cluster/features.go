package cluster

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sparse is a vector over term IDs, sorted by ID.
type sparse struct {
	ids []int32
	w   []float32
}

// features of one article: distinct term IDs and the unit-length vector of
// their sublinear term frequencies (IDF is applied when comparing).
type features struct {
	ids   []int32
	unit  sparse
	title sparse // unit vector of the title's terms alone
	// cross is the unit vector of the language-neutral terms (names,
	// figures, dates: see crosslang.go), kept apart from unit.
	cross sparse
	xids  []int32 // its term IDs
	lang  uint8   // the article's language bit (see langBit)
	days  []int   // days of the year the text names, as month*100+day
	// ownDays are the days the text names that fall within a few days
	// before its publication: the days of what it reports.
	ownDays []int
	// ownMonths are the months the text names (with a day or without)
	// that are its publication's or the one before.
	ownMonths []int
	// eventDays are ownDays counting the days named by the weekday or
	// relative to the article ("on Sunday", "вчера") too (see eventApart).
	eventDays []int
}

const entityPrefix = "\x00"

// term returns the ID of a term key, adding it to the vocabulary.
func (c *Clusterer) term(key, surface string, lang uint8) int32 {
	if id, ok := c.vocab[key]; ok {
		return id
	}
	c.termLang = append(c.termLang, lang)
	c.dayOf = append(c.dayOf, dayKey(key))
	c.isName = append(c.isName, strings.HasPrefix(key, entityPrefix))
	id := int32(len(c.terms))
	c.vocab[key] = id
	c.terms = append(c.terms, key)
	c.surface = append(c.surface, surface)
	c.df = append(c.df, 0)
	c.prior = append(c.prior, c.bg.share(key))
	c.idfc = append(c.idfc, idfCache{n: -1})
	c.tlangs = append(c.tlangs, 0)
	c.post = append(c.post, nil)
	return id
}

// termOf is term for a prepared term: by its term number when it has one,
// a slice index once the clusterer has seen the number.
func (c *Clusterer) termOf(t pterm, lang uint8) int32 {
	if t.num == 0 {
		return c.term(t.key, t.surface, lang)
	}
	if int(t.num) < len(c.local) {
		if id := c.local[t.num]; id > 0 {
			return id - 1
		}
	}
	id := c.term(t.key, t.surface, lang)
	if int(t.num) >= len(c.local) {
		n := max(int(t.num)+1, 2*len(c.local), 1024)
		c.local = append(c.local, make([]int32, n-len(c.local))...)
	}
	c.local[t.num] = id + 1
	return id
}

// Analyzer turns articles into Prepared values: tokenising, stemming and
// finding names, the part of clustering that needs no shared state. An
// Analyzer is not safe for concurrent use; give each goroutine its own.
type Analyzer struct {
	cfg  Config
	stem stemmer
}

// nameKeys caches nameKey by word for every Analyzer (see crossTerms).
var nameKeys = newSharedCache(1 << 16)

// NewAnalyzer returns an Analyzer for clusterers with configuration cfg.
func NewAnalyzer(cfg Config) *Analyzer { return &Analyzer{cfg: cfg.withDefaults()} }

// Prepared is an article analysed for Clusterer.AddPrepared.
type Prepared struct {
	Doc   Doc
	terms []pterm // in order of first appearance
	// cross holds the language-neutral terms, by key.
	cross []pterm
	lang  string // the language the text was read in ("" unknown)
	days  []int  // days the text names (month*100+day), in key order
	wdays []int  // days it names by the weekday or "yesterday" (see resolveDays)
}

type pterm struct {
	key, surface string
	all, title   float64 // weighted counts in the whole article and the title
	// num is the key's term number (see internTerm) for the word terms of
	// terms, 0 for names and language-neutral terms. It is not encoded:
	// UnmarshalPrepared numbers the keys again by the same rule
	// (termNumber).
	num uint32
}

// termNumber is the number a term of Prepared.terms keyed key has:
// words have one, names (entityPrefix) none.
func termNumber(key string) uint32 {
	if strings.HasPrefix(key, entityPrefix) {
		return 0
	}
	return internTerm(key)
}

// Prepare analyses one article.
func (a *Analyzer) Prepare(d Doc) Prepared {
	p := Prepared{Doc: d}
	if d.DuplicateOf != "" {
		return p // a copy joins its original's story: no features needed
	}
	title := tokenize(d.Title, 64)
	body := tokenize(d.Text, a.cfg.MaxWords)
	// The text decides the language; metadata only when the text is too
	// short to tell (outlets label English pages "de" by their domain).
	lang := guessLanguage(append(body[:len(body):len(body)], title...))
	if lang == "" {
		lang = normLang(d.Language)
	}
	p.lang = lang
	if lang == "" && strings.TrimSpace(d.Language) != "" {
		p.lang = otherLang
	}
	// One map from key to term index; how each term is written inside
	// sentences is counted beside the terms, by index.
	nt := len(title) + len(body)/2 + 8 // distinct terms, about
	at := make(map[string]int, nt)
	p.terms = make([]pterm, 0, nt)
	caps := make([]int32, 0, nt)   // term index -> capitalised minus lower-case uses
	acronym := make([]bool, 0, nt) // term index -> written in capitals at least once
	index := func(key string, num uint32, surface string) int {
		i, ok := at[key]
		if !ok {
			i = len(p.terms)
			at[key] = i
			p.terms = append(p.terms, pterm{key: key, surface: surface, num: num})
			caps = append(caps, 0)
			acronym = append(acronym, false)
		}
		return i
	}
	put := func(key, surface string, w float64, inTitle bool) {
		i := index(key, termNumber(key), surface)
		p.terms[i].all += w
		if inTitle {
			p.terms[i].title += w
		}
	}
	addWords := func(toks []token, w float64, inTitle bool) {
		for _, t := range toks {
			if !useful(t.word) || isStop(lang, t.word) {
				continue
			}
			st := a.stem.stemID(lang, t.word)
			i := index(st.v, st.id, t.word)
			if !t.start && !inTitle {
				// How the word is written inside sentences decides how
				// labels show it: capitalised most of the time, a name
				// (or a German noun).
				if t.cap {
					caps[i]++
				} else {
					caps[i]--
				}
				if t.upper {
					acronym[i] = true
				}
			}
			p.terms[i].all += w
			if inTitle {
				p.terms[i].title += w
			}
		}
	}
	addWords(title, a.cfg.TitleWeight, true)
	if a.cfg.SlugWeight > 0 {
		// Words of the URL's slug that the headline lacks: a generic page
		// title ("ABC News") or a rewritten headline leaves the URL as the
		// only statement of what the page is about.
		var slug []token
		for _, w := range slugWords(d.URL) {
			k := a.stem.stem(lang, w)
			if i, ok := at[k]; ok && p.terms[i].title > 0 {
				continue
			}
			slug = append(slug, token{word: w})
		}
		addWords(slug, a.cfg.SlugWeight, true)
	}
	addWords(body, 1, false)
	for i := range p.terms {
		switch {
		case caps[i] > 0 && acronym[i]:
			p.terms[i].surface = strings.ToUpper(p.terms[i].surface) // NBC, NATO
		case caps[i] > 0:
			p.terms[i].surface = capitalise(p.terms[i].surface)
		}
	}
	ents := d.Entities
	if len(ents) == 0 {
		ents = names(body, lang)
	}
	for _, e := range ents {
		shown := strings.Join(strings.Fields(e), " ")
		e = strings.ToLower(shown)
		if e == "" {
			continue
		}
		if shown == e {
			shown = capitaliseWords(e) // from names(): folded to lower case
		}
		put(entityPrefix+e, shown, a.cfg.EntityWeight, false)
	}
	// The language-neutral terms come from the body and from a headline
	// written in sentence case (a Title Case headline capitalises every
	// word, names or not).
	xt := body
	if !titleCase(title) {
		xt = append(title[:len(title):len(title)], body...)
	}
	cross := crossTermsCached(xt, lang, d.Entities, nameKeys)
	p.days = datesOf(cross)
	p.wdays = resolveDays(cross, d.Published)
	for _, k := range slices.Sorted(maps.Keys(cross)) {
		p.cross = append(p.cross, pterm{key: k, surface: k, all: cross[k]})
	}
	if len(p.terms) == 0 {
		p.terms = nil // as a decoded value has it
	}
	return p
}

// capitalise upper-cases the first letter of a word (and of each part of
// a hyphenated one: Elmendorf-Richardson).
func capitalise(w string) string {
	var b strings.Builder
	up := true
	for _, r := range w {
		if up {
			r = unicode.ToUpper(r)
		}
		up = r == '-'
		b.WriteRune(r)
	}
	return b.String()
}

// capitaliseWords capitalises each word of a name.
func capitaliseWords(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		f[i] = capitalise(w)
	}
	return strings.Join(f, " ")
}

// shownName is how a word of a name is shown: in capitals when written so
// (NBC, NATO), else capitalised.
func shownName(t token) string {
	if t.upper {
		return strings.ToUpper(t.word)
	}
	return capitalise(t.word)
}

// titleCase reports whether most words of a headline of three words or
// more start with a capital letter.
func titleCase(toks []token) bool {
	caps := 0
	for _, t := range toks {
		if t.cap {
			caps++
		}
	}
	return len(toks) >= 3 && caps*3 > len(toks)*2
}

// features interns a prepared article's terms and builds its vectors.
// Prepare gives each key once (and the vocabulary maps a key to one ID),
// so the term frequencies need no map: they are sorted by ID.
func (c *Clusterer) features(p Prepared) features {
	lang := langBit(p.lang)
	tfs := make([]termTF, len(p.terms))
	nt := 0
	for i, t := range p.terms {
		tfs[i] = termTF{id: c.termOf(t, lang), at: int32(i), all: t.all, title: t.title}
		if t.title > 0 {
			nt++
		}
	}
	sortTF(tfs)
	tfs = mergeTF(tfs)
	f := features{ids: make([]int32, len(tfs))}
	f.unit = sparse{ids: f.ids, w: make([]float32, len(tfs))}
	var norm float64
	ws := make([]float64, len(tfs))
	for i, t := range tfs {
		f.ids[i] = t.id
		ws[i] = 1 + math.Log(t.all)
		if t.all < 1 {
			ws[i] = t.all
		}
		norm += ws[i] * ws[i]
	}
	norm = math.Sqrt(norm)
	for i := range ws {
		f.unit.w[i] = float32(ws[i] / norm)
	}
	if nt > 0 {
		title := make([]termTF, 0, nt)
		for _, t := range tfs {
			if t.title > 0 {
				title = append(title, termTF{id: t.id, all: t.title})
			}
		}
		f.title = unitOf(title)
	}
	f.lang = lang
	f.days = p.days
	f.ownDays = ownDays(p.days, p.Doc.Published)
	f.ownMonths = ownMonths(p.days, p.Doc.Published)
	f.eventDays = ownDays(addDays(slices.Clone(p.days), p.wdays), p.Doc.Published)
	if len(p.cross) > 0 {
		xtf := make([]termTF, len(p.cross))
		for i, t := range p.cross {
			xtf[i] = termTF{id: c.term(t.key, t.surface, lang), at: int32(i), all: t.all}
		}
		sortTF(xtf)
		f.cross = unitOf(mergeTF(xtf))
		f.xids = f.cross.ids
	}
	return f
}

// termTF is a term's weighted count in an article and in its title.
type termTF struct {
	id         int32
	at         int32 // its place in the article's terms
	all, title float64
}

// sortTF sorts term counts by ID, equal IDs in the order the article
// gave them (so that their sums add up as they always have).
func sortTF(tfs []termTF) {
	slices.SortFunc(tfs, func(a, b termTF) int {
		if a.id != b.id {
			return cmp.Compare(a.id, b.id)
		}
		return cmp.Compare(a.at, b.at)
	})
}

// mergeTF sums the counts of equal IDs in tfs, sorted by ID. Prepared
// values give each key once, so there are none unless a decoded value
// repeats a key.
func mergeTF(tfs []termTF) []termTF {
	if len(tfs) < 2 {
		return tfs
	}
	out := tfs[:1]
	for _, t := range tfs[1:] {
		if last := &out[len(out)-1]; last.id == t.id {
			last.all += t.all
			last.title += t.title
			continue
		}
		out = append(out, t)
	}
	return out
}

// unitOf returns the unit-length vector of the sublinear term frequencies
// tf.all, sorted by ID with no ID twice.
func unitOf(tf []termTF) sparse {
	if len(tf) == 0 {
		return sparse{}
	}
	v := sparse{ids: make([]int32, len(tf)), w: make([]float32, len(tf))}
	var norm float64
	for i, t := range tf {
		x := 1 + math.Log(t.all)
		norm += x * x
		v.ids[i], v.w[i] = t.id, float32(x)
	}
	norm = math.Sqrt(norm)
	for i := range v.w {
		v.w[i] = float32(float64(v.w[i]) / norm)
	}
	return v
}

// useful drops one-letter words and very long runs (URLs, hashes).
func useful(w string) bool {
	n := utf8.RuneCountInString(w)
	if n < 2 || n > 30 {
		return false
	}
	if n == 2 {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsDigit(r) {
			return false // "10", "25": too common to tell stories apart
		}
	}
	return true
}

// names returns capitalised word sequences that do not start a sentence (or
// that are at least two words long): a cheap stand-in for named entities.
// Texts mostly in capitals give none.
func names(toks []token, lang string) []string {
	caps := 0
	for _, t := range toks {
		if t.cap {
			caps++
		}
	}
	if len(toks) == 0 || caps*2 > len(toks) {
		return nil
	}
	var out []string
	var cur []string
	curStart := false
	flush := func() {
		if len(cur) > 0 && (len(cur) > 1 || !curStart) && len(cur) <= 4 {
			out = append(out, strings.Join(cur, " "))
		}
		cur, curStart = cur[:0], false
	}
	for _, t := range toks {
		if t.cap && !isStop(lang, t.word) && useful(t.word) && !(t.start && len(cur) > 0) {
			if len(cur) == 0 {
				curStart = t.start
			}
			cur = append(cur, shownName(t))
			continue
		}
		flush()
		if t.cap && t.start && !isStop(lang, t.word) && useful(t.word) {
			cur = append(cur, shownName(t))
			curStart = true
		}
	}
	flush()
	return out
}
