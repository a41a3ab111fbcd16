package cluster

import (
	"maps"
	"math"
	"net/url"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/french"
	"github.com/kljensen/snowball/spanish"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/lang/de"
	"github.com/parallax-news/parallax/internal/lang/en"
	"github.com/parallax-news/parallax/internal/lang/ru"
	"github.com/parallax-news/parallax/internal/lang/uk"
)

// token is one word of a text after folding.
type token struct {
	word string // lower-cased surface form
	cap  bool   // started with an upper-case letter
	// upper is true for a word of two letters or more all in capitals
	// (NBC, NATO, США).
	upper bool
	// start is true for the first word of a sentence or line.
	start bool
}

// tokenize splits text into Unicode letter/digit runs (an apostrophe or
// hyphen between letters stays inside the word), lower-cased, marking
// capitalised words and sentence starts. It stops after max words (0 for
// no limit).
func tokenize(text string, max int) []token {
	// About one word in six bytes of news text: one allocation for most.
	n := len(text)/6 + 4
	if max > 0 && n > max {
		n = max
	}
	out := make([]token, 0, n)
	start := true
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			switch r {
			case '.', '!', '?', '\n', ':', ';', '"', '“', '”', '|', '—', '–':
				start = true
			}
			i += size
			continue
		}
		j := i
		simple := true
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
				if r2 >= utf8.RuneSelf || ('A' <= r2 && r2 <= 'Z') {
					simple = false
				}
				j += s2
				continue
			}
			if r2 == '\'' || r2 == '’' || r2 == '-' {
				r3, _ := utf8.DecodeRuneInString(text[j+s2:])
				if j+s2 < len(text) && unicode.IsLetter(r3) {
					simple = false
					j += s2
					continue
				}
			}
			break
		}
		w := text[i:j]
		t := token{start: start, cap: unicode.IsUpper(r)}
		if simple {
			t.word = w
		} else {
			t.word = foldWord(w)
			t.upper = t.cap && allUpper(w)
		}
		out = append(out, t)
		start = false
		i = j
		if max > 0 && len(out) >= max {
			break
		}
	}
	return out
}

func foldWord(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		if r == '’' {
			r = '\''
		}
		b.WriteRune(unicode.ToLower(r))
	}
	s := b.String()
	// Possessive and contracted endings carry no topic.
	for _, suf := range []string{"'s", "'"} {
		s = strings.TrimSuffix(s, suf)
	}
	return s
}

// Languages with stop words and a stemmer. English, German, Russian and
// Ukrainian take theirs from internal/lang/{en,de,ru,uk}; French and
// Spanish, which have no package there, keep short lists here. Unknown
// languages get neither: words are compared as folded, and English stop
// words (the lingua franca of debris) are dropped.
const (
	langEN = lang.English
	langDE = lang.German
	langFR = "fr"
	langES = "es"
	langRU = lang.Russian
	langUK = lang.Ukrainian
)

// stopwords are short lists written for this project for the languages
// with no package of their own under internal/lang.
var stopwords = map[string]map[string]struct{}{
	langFR: set(`au aux avec ce ces cet cette dans de des du elle elles en est et être eu il ils je la le les leur leurs lui ma
mais me même mes moi mon ne nos notre nous on ont ou où par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une
vos votre vous été était sont plus selon a dit déclaré an ans après avant aussi comme entre`),
	langES: set(`a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el ella ellas ellos en
entre era es esa ese eso esta este esto estos fue ha han hasta hay la las le les lo los más me mi muy ni no nos o otra otro
para pero por que quien se ser si sin sobre su sus también te tiene todo tras un una uno unos y ya dijo según año años`),
}

func set(words string) map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range strings.Fields(words) {
		m[w] = struct{}{}
	}
	return m
}

var langOrder = []string{langEN, langDE, langFR, langES, langRU, langUK}

// stopLangs maps each stop word to the set of languages (bit i for
// langOrder[i]) whose list holds it: one look-up per word when guessing a
// text's language.
var stopLangs = func() map[string]uint8 {
	m := map[string]uint8{}
	lists := [][]string{en.StopWordList(), de.StopWordList(), nil, nil, ru.StopWordList(), uk.StopWordList()}
	for i, l := range langOrder {
		words := lists[i]
		if words == nil {
			for w := range stopwords[l] {
				words = append(words, w)
			}
		}
		for _, w := range words {
			m[w] |= 1 << i
		}
	}
	return m
}()

// stopIn reports whether w is a stop word of language l (one of langOrder).
func stopIn(l, w string) bool {
	switch l {
	case langEN:
		return en.StopWord(w)
	case langDE:
		return de.StopWord(w)
	case langRU:
		return ru.StopWord(w)
	case langUK:
		return uk.StopWord(w)
	}
	_, ok := stopwords[l][w]
	return ok
}

// guessLanguage picks the language whose stop words are most frequent among
// the first words of a text, or "" when none stands out. Russian and
// Ukrainian share most letters and many short words; the letters only one
// of them writes (і ї є ґ against ы э ъ ё) decide between them when they
// are frequent enough.
func guessLanguage(toks []token) string {
	cyr := 0
	n := min(len(toks), 200)
	var counts [8]int
	ukLetters, ruLetters := 0, 0
	for _, t := range toks[:n] {
		r, _ := utf8.DecodeRuneInString(t.word)
		if r >= 0x400 && unicode.Is(unicode.Cyrillic, r) {
			cyr++
			for _, r := range t.word {
				switch r {
				case 'і', 'ї', 'є', 'ґ':
					ukLetters++
				case 'ы', 'э', 'ъ', 'ё':
					ruLetters++
				}
			}
		}
		if bits, ok := stopLangs[t.word]; ok {
			for i := range langOrder {
				if bits&(1<<i) != 0 {
					counts[i]++
				}
			}
		}
	}
	if cyr*2 >= n && n > 0 && ukLetters+ruLetters >= 3 {
		switch {
		case ukLetters >= 3*ruLetters:
			return langUK
		case ruLetters >= 3*ukLetters:
			return langRU
		}
	}
	best, bestN := "", 0
	for i, l := range langOrder {
		c := counts[i]
		if l == langRU || l == langUK {
			if cyr*2 < n {
				continue
			}
		} else if cyr*2 >= n && n > 0 {
			continue
		}
		if c > bestN {
			best, bestN = l, c
		}
	}
	if bestN < 2 {
		// One stop word tells nothing ("a" is English, Spanish and French):
		// the language is left unknown, and the metadata may tell.
		return ""
	}
	return best
}

func normLang(l string) string {
	l = strings.ToLower(l)
	if i := strings.IndexAny(l, "-_"); i > 0 {
		l = l[:i]
	}
	if slices.Contains(langOrder, l) {
		return l
	}
	return ""
}

// sharedCache maps words to a fold of them (a stem, a name key) for every
// Analyzer of the process. The folds are pure functions of the word, and
// the analysis gives each batch new Analyzers, so a cache of their own
// started empty every batch and stemmed the collection's vocabulary again
// and again. It is safe for concurrent use and holds at most cacheMax
// words (it starts again when full).
type sharedCache struct {
	mu  sync.RWMutex
	m   map[string]folded
	max int
	// ids, when set, gives each fold its term number (see internTerm).
	ids bool
}

// folded is a word's fold and, in a cache with ids, its term number.
type folded struct {
	v  string
	id uint32
}

func newSharedCache(max int) *sharedCache {
	return &sharedCache{m: make(map[string]folded, 1024), max: max}
}

// get returns fold(w), from the cache when it holds w.
func (c *sharedCache) get(w string, fold func(string) string) string {
	return c.getID(w, fold).v
}

// getID returns fold(w) and, in a cache with ids, its term number.
func (c *sharedCache) getID(w string, fold func(string) string) folded {
	c.mu.RLock()
	f, ok := c.m[w]
	c.mu.RUnlock()
	if ok {
		return f
	}
	v := fold(w)
	// Words are often slices of an article's text: copies keep the cache
	// from holding whole texts alive.
	k := strings.Clone(w)
	if v == w {
		v = k
	} else {
		v = strings.Clone(v)
	}
	f = folded{v: v}
	if c.ids {
		f.id = numberTerm(v, false) // v is the cache's own copy
	}
	c.mu.Lock()
	if len(c.m) >= c.max {
		clear(c.m)
	}
	c.m[k] = f
	c.mu.Unlock()
	return f
}

// termNumbers gives every word term key a number for the life of the
// process, the same in every Analyzer and Clusterer: a Clusterer maps the
// number to its own term ID with a slice index (see Clusterer.termOf)
// instead of looking the key up in its vocabulary, and the number comes
// with the stem from the stem cache at no cost. Keys are never dropped:
// like a Clusterer's vocabulary, the table grows with the vocabulary
// seen.
var termNumbers = struct {
	sync.RWMutex
	m map[string]uint32
}{m: make(map[string]uint32, 1<<14)}

// internTerm returns the number of a term key (1 or more), or 0 once
// numbers run out (the key is then looked up by name).
func internTerm(key string) uint32 { return numberTerm(key, true) }

// numberTerm is internTerm; a new key is copied when clone is set (a key
// may be a slice of a whole text).
func numberTerm(key string, clone bool) uint32 {
	termNumbers.RLock()
	id, ok := termNumbers.m[key]
	termNumbers.RUnlock()
	if ok {
		return id
	}
	termNumbers.Lock()
	defer termNumbers.Unlock()
	if id, ok := termNumbers.m[key]; ok {
		return id
	}
	if len(termNumbers.m) >= math.MaxInt32-1 {
		return 0
	}
	id = uint32(len(termNumbers.m) + 1)
	if clone {
		key = strings.Clone(key)
	}
	termNumbers.m[key] = id
	return id
}

const stemCacheMax = 1 << 18

// stemCaches holds one cache per stemmed language, in langOrder.
var stemCaches = func() []*sharedCache {
	out := make([]*sharedCache, len(langOrder))
	for i := range out {
		out[i] = newSharedCache(stemCacheMax)
		out[i].ids = true
	}
	return out
}()

// stemCache returns the cache of language l, or nil for a language with
// no stemmer (a switch: this runs for every word).
func stemCache(l string) *sharedCache {
	switch l {
	case langEN:
		return stemCaches[0]
	case langDE:
		return stemCaches[1]
	case langFR:
		return stemCaches[2]
	case langES:
		return stemCaches[3]
	case langRU:
		return stemCaches[4]
	case langUK:
		return stemCaches[5]
	}
	return nil
}

// stemmer folds words to stems through the shared caches; it is safe for
// concurrent use.
type stemmer struct{}

func (stemmer) stem(l, w string) string {
	c := stemCache(l)
	if c == nil {
		return w
	}
	return c.get(w, func(w string) string { return stemWord(l, w) })
}

// stemID returns the stem of w in l and the stem's term number (see
// internTerm).
func (stemmer) stemID(l, w string) folded {
	c := stemCache(l)
	if c == nil {
		return folded{v: w, id: internTerm(w)}
	}
	return c.getID(w, func(w string) string { return stemWord(l, w) })
}

// stemWord returns the stem of w in l, or w when the stemmer has none.
func stemWord(l, w string) string {
	var st string
	switch l {
	case langEN:
		st = en.Stem(w)
	case langDE:
		st = de.Stem(w)
	case langFR:
		st = french.Stem(w, false)
	case langES:
		st = spanish.Stem(w, false)
	case langRU:
		st = ru.Stem(w)
	case langUK:
		st = uk.Stem(w)
	}
	if st == "" {
		st = w
	}
	return st
}

// isStop reports whether w is a stopword in l, or (for unknown languages)
// in English, the lingua franca of debris.
func isStop(l, w string) bool {
	if !slices.Contains(langOrder, l) {
		l = langEN
	}
	return stopIn(l, w)
}

// slugWords returns the words of the slugs of an article URL: the path
// segments and query values that read as a phrase of at least three words
// joined by '-', '_' or '+' ("kim-offers-olympics-talks.html"), lower-cased,
// with numbers and file extensions left out. Section names ("world",
// "technology") and IDs are no slug.
func slugWords(raw string) []string {
	if raw == "" || len(raw) > 2048 {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil
	}
	parts := strings.Split(u.Path, "/")
	q := u.Query()
	// Query values in key order: the words' order decides the article's
	// term order, and a map's order changes from run to run.
	for _, k := range slices.Sorted(maps.Keys(q)) {
		parts = append(parts, q[k]...)
	}
	var out []string
	for _, seg := range parts {
		if i := strings.LastIndexByte(seg, '.'); i > 0 && len(seg)-i <= 5 {
			seg = seg[:i] // .html, .php, .amp
		}
		words := strings.FieldsFunc(strings.ToLower(seg), func(r rune) bool {
			return r == '-' || r == '_' || r == '+' || r == ' ' || r == '.' || r == ','
		})
		var keep []string
		for _, w := range words {
			if isWord(w) {
				keep = append(keep, w)
			}
		}
		if len(keep) >= 3 {
			out = append(out, keep...)
		}
		if len(out) > 32 {
			return out[:32]
		}
	}
	return out
}

// isWord reports whether w is made of letters only (not an ID or a number).
func isWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// allUpper reports whether w has two letters or more, none of them lower
// case.
func allUpper(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}
