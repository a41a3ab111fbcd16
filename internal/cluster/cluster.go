// Package cluster groups articles into stories and stories into storylines,
// online: each new article joins an existing story or starts one, without
// recomputing what came before.
//
// An article is compared with candidate stories by the cosine of TF-IDF
// vectors (title words weighted up, words of the URL's slug that the title
// lacks read as title words, capitalised name sequences added as extra
// features), damped by the time gap between the article and the
// story, unless both the text and the headline are strongly alike (see
// Config.FarSimilarity). IDF statistics are learned from the stream itself,
// blended with an embedded background table that fades as the stream grows
// (see background.go), and applied at comparison time, so early stories are
// not stuck with early statistics.
// Candidates come from an inverted index over each article's top terms,
// scanned newest first and limited to a time window: the cost of one
// article does not grow with the number of stories kept.
//
// When an article is close to two stories whose centroids are close to each
// other, the stories merge; the merge is recorded so that old story IDs
// still resolve (see Clusterer.Resolve). Stories are linked into storylines
// over a longer window by the similarity of their centroids, which are
// dominated by shared actors and topic words.
//
// A Clusterer is not safe for concurrent use.
package cluster

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// Config tunes a Clusterer. The zero value of a field means its default;
// DefaultConfig returns the defaults filled in.
type Config struct {
	// Threshold is the least damped similarity for an article to join a
	// story.
	Threshold float64 `json:"threshold"`
	// MergeThreshold is the least damped similarity between two story
	// centroids for an article close to both to merge them.
	MergeThreshold float64 `json:"merge_threshold"`
	// HalfLife is the time gap over which the time-dependent part of the
	// similarity halves.
	HalfLife time.Duration `json:"half_life"`
	// DecayFloor is the share of the similarity that does not decay with
	// time: damped = sim * (floor + (1-floor) * 0.5^(gap/half_life)).
	DecayFloor float64 `json:"decay_floor"`
	// Window is how far apart in time an article and a story may be for the
	// story to be a candidate at all; stories idle for longer than Window
	// (and StorylineWindow) before the newest article are frozen: kept for
	// output, dropped from memory-heavy indexes.
	Window time.Duration `json:"window"`
	// TitleWeight is how many times a title word counts.
	TitleWeight float64 `json:"title_weight"`
	// TitleShare is the share of the similarity given to headlines alone
	// (cosine of the article's title with the story's titles), when both
	// have one; the rest is the cosine of title and body together.
	TitleShare float64 `json:"title_share"`
	// HapaxWeight scales the IDF of terms seen in one article only so far
	// (0 < w <= 1).
	HapaxWeight float64 `json:"hapax_weight"`
	// EntityWeight is how many times a name (capitalised sequence, or a
	// given entity) counts as an extra feature.
	EntityWeight float64 `json:"entity_weight"`
	// MaxWords is how many words of the body are read.
	MaxWords int `json:"max_words"`
	// QueryTerms is how many of an article's top terms are looked up in the
	// inverted index.
	QueryTerms int `json:"query_terms"`
	// Candidates is how many stories, ranked by shared top terms, are
	// scored in full for each article.
	Candidates int `json:"candidates"`
	// MaxPostings is how many of the newest entries of one posting list are
	// scanned.
	MaxPostings int `json:"max_postings"`
	// StoryTerms caps the terms kept in a story or storyline centroid.
	StoryTerms int `json:"story_terms"`
	// MinTerms is the least number of distinct terms an article needs to
	// join a story by content; thinner articles start their own.
	MinTerms int `json:"min_terms"`
	// StorylineThreshold is the least similarity between a story and a
	// storyline for the story to join it.
	StorylineThreshold float64 `json:"storyline_threshold"`
	// StorylineWindow is how far apart in time a story and a storyline may
	// be.
	StorylineWindow time.Duration `json:"storyline_window"`
	// FarSimilarity lets an article join a story however far apart in time
	// (within Window) when both its whole-text and its headline similarity
	// to the story reach it: events resurface months later (an inquiry's
	// report, an anniversary, a trial) in words close to the first reports,
	// and time should damp weak resemblance, not strong. 1 or more turns it
	// off.
	FarSimilarity float64 `json:"far_similarity"`
	// SlugWeight is how many times a word of the article URL's slug counts
	// (as a headline word) when the headline itself lacks it; negative
	// turns slugs off.
	SlugWeight float64 `json:"slug_weight"`
	// BurstGap is how far apart two articles of a story may be for their
	// times to count as one burst of activity; the time decay runs from
	// the nearest burst, not from the story's whole span: a story that
	// rejoined a report of a year before (see FarSimilarity) was not
	// active in between. Negative measures from the whole span.
	BurstGap time.Duration `json:"burst_gap"`
	// PriorDocs is how many articles the embedded background document
	// frequencies (see background.go) count as in IDF; negative turns the
	// prior off.
	PriorDocs float64 `json:"prior_docs"`
	// CrossThreshold is the least damped similarity of language-neutral
	// terms (names, figures, dates: see crosslang.go) for an article to
	// join a story, or two stories to merge, when they do not share a
	// language; 1 or more turns cross-language joining off.
	CrossThreshold float64 `json:"cross_threshold"`
	// CrossHalfLife is the time gap over which the cross-language
	// similarity halves, with no floor: across languages names and figures
	// are all there is, and the same people meet again weeks later, so
	// time counts for more than within a language.
	CrossHalfLife time.Duration `json:"cross_half_life"`
}

// DefaultConfig returns the configuration used when fields are left zero.
func DefaultConfig() Config { return Config{}.withDefaults() }

func (c Config) withDefaults() Config {
	def := func(v *float64, d float64) {
		if *v <= 0 {
			*v = d
		}
	}
	defI := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	defD := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&c.Threshold, 0.2)
	def(&c.MergeThreshold, 0.35)
	defD(&c.HalfLife, 14*24*time.Hour)
	def(&c.DecayFloor, 0.4)
	defD(&c.Window, 730*24*time.Hour)
	def(&c.TitleWeight, 3)
	def(&c.EntityWeight, 0.5)
	if c.HapaxWeight <= 0 || c.HapaxWeight > 1 {
		c.HapaxWeight = 0.3
	}
	if c.TitleShare <= 0 || c.TitleShare > 1 {
		c.TitleShare = 0.2
	}
	defI(&c.MaxWords, 400)
	defI(&c.QueryTerms, 30)
	defI(&c.MaxPostings, 64)
	defI(&c.Candidates, 16)
	defI(&c.StoryTerms, 150)
	defI(&c.MinTerms, 3)
	def(&c.StorylineThreshold, 0.2)
	defD(&c.StorylineWindow, 180*24*time.Hour)
	def(&c.FarSimilarity, 0.4)
	if c.BurstGap == 0 {
		c.BurstGap = 90 * 24 * time.Hour
	}
	if c.SlugWeight == 0 {
		c.SlugWeight = 1
	}
	if c.PriorDocs == 0 {
		c.PriorDocs = 100
	}
	def(&c.CrossThreshold, 0.3)
	defD(&c.CrossHalfLife, 4*24*time.Hour)
	return c
}

// Doc is one article as the clusterer sees it.
type Doc struct {
	ID     string
	Title  string
	Text   string
	Outlet string
	// URL is the article's address; the words of its slug
	// ("/2018/01/13/angola-satellite-contact-regained") count as headline
	// words the title lacks.
	URL string
	// Published is the publication time; zero when unknown. Undated
	// articles are clustered by content alone and listed in
	// Story.UndatedArticleIDs.
	Published time.Time
	// Language is an ISO 639-1 code, or "" to guess from the text.
	Language string
	// Entities optionally lists named entities found by an entity stage;
	// when empty, capitalised word sequences in the body are used.
	Entities []string
	// DuplicateOf optionally names an article already added of which this
	// one is a copy (from package dedup): the copy joins that article's
	// story without changing its centroid or the IDF statistics.
	DuplicateOf string
}

// Assignment is what happened to one added article.
type Assignment struct {
	StoryID     string `json:"story_id"`
	StorylineID string `json:"storyline_id"`
	// New is true when the article started a story.
	New bool `json:"new"`
	// Merged lists stories folded into StoryID because this article
	// bridged them.
	Merged []string `json:"merged,omitempty"`
	// Score is the damped similarity to the story joined (0 for a new story,
	// 1 for a duplicate).
	Score     float64 `json:"score"`
	Duplicate bool    `json:"duplicate,omitempty"`
	Undated   bool    `json:"undated,omitempty"`
}

// Story is news.Story: the domain type, so stories pass to the store and the web unchanged
type Story = news.Story

// Storyline is news.Storyline: the domain type, so stories pass to the store and the web unchanged
type Storyline = news.Storyline

// Merge is news.Merge: the domain type, so stories pass to the store and the web unchanged
type Merge = news.Merge

// Clusterer assigns articles to stories and storylines.
type Clusterer struct {
	cfg Config

	vocab   map[string]int32
	local   []int32   // term number (see internTerm) -> term ID + 1, or 0
	terms   []string  // term -> key ("\x00" prefix for entities)
	surface []string  // term -> a surface form for labels
	df      []int32   // documents containing the term
	prior   []float32 // term -> share of background documents holding it
	bg      backgroundDF
	idfc    []idfCache // term -> its IDF as last computed
	n       int        // documents counted in df
	nIDF    int        // n as last used for IDF
	post    [][]int32  // term -> story indices, oldest first

	stories []story
	lines   []line
	byID    map[string]int32 // story ID -> index
	lineID  map[string]int32
	article map[string]int32 // article ID -> story index at the time
	merges  []Merge
	mergeTo map[string]string // merged ID -> ID it went into

	newest time.Time
	adds   int
	active []int32 // unfrozen stories
	// tally holds, for each story, the story it was merged into or -1
	// (the union-find parents), and gather's stamp and running score:
	// apart from the stories, and together, so that a posting read
	// touches one small entry. cur is the current stamp; hits, rank,
	// rejected, termRank and topTerms are buffers reused from call to
	// call.
	tally    []tally
	rejected []int32
	cur      uint32
	hits     []int32
	rank     []ranked
	termRank []ranked
	topTerms []int32
	ux, tx   []float64 // candidates' IDFs of the article's terms
	// shared holds storyHits' last answers (centroid, cross-language),
	// valid while gen, bumped by every change to the stories, stays.
	shared [2]sharedHits
	gen    uint64
	picked []ranked
	// sumIDs, sumW and pruneBuf are addPrune's buffers.
	sumIDs   []int32
	sumW     []float32
	pruneBuf []pruneTerm
	// titleLangs remembers titleLang by title (see Clusterer.titleLang).
	titleLangs map[string]string
	mergeIDFs  idfsOf // see storyIDFs
	analyzer   *Analyzer
	hapax      float64
	langs      uint8   // every language seen (langBit)
	tlangs     []uint8 // term -> languages of the articles that used it
	termLang   []uint8 // term -> language of the article that first used it
	dayOf      []int16 // term -> the day a date term names (month*100+day), or 0
	isName     []bool  // term -> a name (its key has entityPrefix)
	// labelLang is the language labels and titles are shown in (a code
	// of langOrder), "" for any; see SetLang.
	labelLang string
}

type story struct {
	// The fields every candidate filter reads (see gather) come first, in
	// one cache line: stories are read there by the thousand per article.
	first  time.Time
	last   time.Time
	ndocs  int
	frozen bool
	langs  uint8 // languages of its members (langBit)

	id       string
	touched  time.Time // newest time seen when last updated
	articles []string
	undated  []string
	outlets  []string
	titles   []string
	snippet  string
	cen      sparse // sum of member tf vectors (unit length each)
	tcen     sparse // sum of member title vectors
	bursts   []span // when its dated articles appeared
	xcen     sparse // sum of member cross-language vectors
	own      []int  // days its articles report (see ownDays), at most maxOwn
	events   []int  // the same counting weekdays (see eventApart), at most maxOwn
	eventN   []int  // how many of its articles give each of events
	norm     float64
	tnorm    float64
	normN    int
	line     int32
}

type line struct {
	id      string
	stories []int32
	cen     sparse
	xcen    sparse // sum of member cross-language vectors
	langs   uint8
	first   time.Time
	last    time.Time
	into    int32
	frozen  bool
	norm    float64
	normN   int
}

// New returns an empty Clusterer.
func New(cfg Config) *Clusterer {
	cfg = cfg.withDefaults()
	var bgDF backgroundDF
	if cfg.PriorDocs > 0 {
		// The table is embedded and checked by the tests; were it unreadable,
		// IDF falls back to the corpus alone.
		bgDF, _ = background()
	}
	return &Clusterer{
		bg:        bgDF,
		cfg:       cfg,
		hapax:     cfg.HapaxWeight,
		analyzer:  NewAnalyzer(cfg),
		vocab:     make(map[string]int32),
		byID:      make(map[string]int32),
		lineID:    make(map[string]int32),
		article:   make(map[string]int32),
		mergeTo:   make(map[string]string),
		labelLang: langEN,
	}
}

// SetLang sets the language storyline labels and story titles are shown
// in (an ISO 639-1 code; English by default): labels take the words and
// names that articles in that language brought, and titles the headlines
// written in it, where the storyline or story has any. "" or a language
// with no resources shows the heaviest terms whatever their language. It
// changes what is shown, never which articles go together. Set it before
// WatchStorylines: a watch does not notice the change.
func (c *Clusterer) SetLang(code string) { c.labelLang = normLang(code) }

// Config returns the configuration in use, defaults filled in.
func (c *Clusterer) Config() Config { return c.cfg }

func hashID(prefix, s string) string {
	sum := sha256.Sum256([]byte(s))
	return prefix + hex.EncodeToString(sum[:8])
}

// Add clusters one article. Adding an article ID a second time changes
// nothing and reports where it is now. Empty, one-word and undated articles
// are accepted: thin ones start their own story, undated ones are compared
// by content alone.
func (c *Clusterer) Add(d Doc) Assignment {
	if _, ok := c.article[d.ID]; ok {
		return c.AddPrepared(Prepared{Doc: d})
	}
	return c.AddPrepared(c.analyzer.Prepare(d))
}

// AddPrepared is Add for an article prepared by an Analyzer made with the
// same configuration (possibly on another goroutine).
func (c *Clusterer) AddPrepared(p Prepared) Assignment {
	c.touch()
	d := p.Doc
	if si, ok := c.article[d.ID]; ok {
		si = c.find(si)
		return Assignment{StoryID: c.stories[si].id, StorylineID: c.lines[c.findLine(c.stories[si].line)].id, Score: 1}
	}
	if !d.Published.IsZero() {
		d.Published = d.Published.UTC()
		if d.Published.After(c.newest) {
			c.newest = d.Published
		}
	}
	c.adds++
	if c.adds%4096 == 0 {
		c.sweep()
	}
	if d.DuplicateOf != "" {
		if si, ok := c.article[d.DuplicateOf]; ok {
			si = c.find(si)
			c.addMember(si, d, nil)
			s := &c.stories[si]
			return Assignment{StoryID: s.id, StorylineID: c.lines[c.findLine(s.line)].id, Score: 1, Duplicate: true, Undated: d.Published.IsZero()}
		}
	}
	if d.DuplicateOf != "" && len(p.terms) == 0 {
		// A copy of an article this clusterer never saw: cluster it by content.
		d.DuplicateOf = ""
		p = c.analyzer.Prepare(d)
	}
	f := c.features(p)
	for _, t := range f.ids {
		c.addDF(t, 1)
		c.tlangs[t] |= f.lang
	}
	for _, t := range f.xids {
		c.addDF(t, 1)
		c.tlangs[t] |= f.lang
	}
	c.langs |= f.lang
	c.n++
	// The article count used by IDF moves in 1% steps, so cached weights
	// stay valid in between (and a restored state computes the same ones).
	if c.n > c.nIDF+c.nIDF/100 {
		c.nIDF = c.n
	}
	c.touch() // IDFs move with the counts

	var a Assignment
	var cands []scored
	if len(f.ids) >= c.cfg.MinTerms {
		cands = c.candidates(f, d.Published)
	}
	var si int32
	if len(cands) > 0 && cands[0].score >= c.cfg.Threshold {
		si = cands[0].story
		a.Score = cands[0].score
		c.addMember(si, d, &f)
		for _, o := range cands[1:] {
			if o.score < c.cfg.Threshold {
				break
			}
			o.story = c.find(o.story)
			si = c.find(si)
			if o.story == si {
				continue
			}
			if c.mergeScore(si, o.story) >= 1 {
				into, from := c.mergeStories(si, o.story, d.Published)
				a.Merged = append(a.Merged, c.stories[from].id)
				si = into
			}
		}
	} else {
		si = c.newStory(d)
		a.New = true
		c.addMember(si, d, &f)
	}
	if len(f.ids) >= c.cfg.MinTerms {
		c.index(si, f)
		for c.review(si) {
			o := c.closestStory(si)
			if o < 0 {
				break
			}
			into, from := c.mergeStories(si, o, d.Published)
			a.Merged = append(a.Merged, c.stories[from].id)
			si = into
		}
		if c.review(si) {
			c.linkStoryline(si)
		}
	}
	s := &c.stories[si]
	a.StoryID = s.id
	a.StorylineID = c.lines[c.findLine(s.line)].id
	a.Undated = d.Published.IsZero()
	return a
}

func (c *Clusterer) newStory(d Doc) int32 {
	c.touch()
	si := int32(len(c.stories))
	id := hashID("s", d.ID)
	c.stories = append(c.stories, story{id: id})
	c.byID[id] = si
	li := int32(len(c.lines))
	lid := hashID("l", id)
	c.lines = append(c.lines, line{id: lid, stories: []int32{si}, into: -1})
	c.lineID[lid] = li
	c.stories[si].line = li
	c.active = append(c.active, si)
	c.tally = append(c.tally, tally{into: -1})
	return si
}

// addMember adds an article to story si; f is nil for a duplicate.
func (c *Clusterer) addMember(si int32, d Doc, f *features) {
	c.touch()
	s := &c.stories[si]
	c.article[d.ID] = si
	s.articles = append(s.articles, d.ID)
	if d.Outlet != "" && !slices.Contains(s.outlets, d.Outlet) {
		s.outlets = append(s.outlets, d.Outlet)
	}
	if d.Published.IsZero() {
		s.undated = append(s.undated, d.ID)
	} else {
		if s.first.IsZero() || d.Published.Before(s.first) {
			s.first = d.Published
		}
		if d.Published.After(s.last) {
			s.last = d.Published
		}
		s.bursts = addTime(s.bursts, d.Published, c.cfg.BurstGap)
	}
	s.touched = c.newest
	l := &c.lines[c.findLine(s.line)]
	if !d.Published.IsZero() {
		if l.first.IsZero() || d.Published.Before(l.first) {
			l.first = d.Published
		}
		if d.Published.After(l.last) {
			l.last = d.Published
		}
	}
	if f == nil {
		return
	}
	if t := strings.TrimSpace(d.Title); t != "" && len(s.titles) < 16 {
		s.titles = append(s.titles, t)
	}
	if s.snippet == "" && strings.TrimSpace(d.Title) == "" {
		s.snippet = firstSentence(d.Text)
	}
	if len(f.ids) < c.cfg.MinTerms && s.ndocs > 0 {
		return // a thin article does not move a real story's centroid
	}
	c.addPrune(&s.cen, f.unit)
	if len(f.title.ids) > 0 {
		c.addPrune(&s.tcen, f.title)
	}
	s.ndocs++
	s.normN = 0
	c.addPrune(&l.cen, f.unit)
	l.normN = 0
	s.langs |= f.lang
	l.langs |= f.lang
	s.own = addDays(s.own, f.ownDays)
	s.events, s.eventN = countDays(s.events, s.eventN, f.eventDays, nil)
	if len(f.cross.ids) > 0 {
		c.addPrune(&s.xcen, f.cross)
		c.addPrune(&l.xcen, f.cross)
	}
}

// addPrune sets *v to v + o, pruned (see pruneInPlace), in v's own
// storage when the sum fits there: a centroid grows by an article at a
// time, and a new vector for each was most of the clusterer's
// allocation.
func (c *Clusterer) addPrune(v *sparse, o sparse) {
	ids, w := c.sumIDs[:0], c.sumW[:0]
	i, j := 0, 0
	for i < len(v.ids) || j < len(o.ids) {
		switch {
		case j >= len(o.ids) || (i < len(v.ids) && v.ids[i] < o.ids[j]):
			ids, w = append(ids, v.ids[i]), append(w, v.w[i])
			i++
		case i >= len(v.ids) || o.ids[j] < v.ids[i]:
			ids, w = append(ids, o.ids[j]), append(w, 1*o.w[j])
			j++
		default:
			ids, w = append(ids, v.ids[i]), append(w, v.w[i]+1*o.w[j])
			i++
			j++
		}
	}
	c.sumIDs, c.sumW = ids, w
	n := len(ids)
	if cap(v.ids) < n || cap(v.w) < n {
		// Room for a few more articles' new terms.
		room := n + n/4 + 8
		v.ids, v.w = make([]int32, n, room), make([]float32, n, room)
	}
	v.ids, v.w = v.ids[:n], v.w[:n]
	copy(v.ids, ids)
	copy(v.w, w)
	c.pruneInPlace(v)
}

// pruneInPlace keeps the StoryTerms heaviest terms of v (by weight times
// IDF) once it has grown past twice that, in v's own storage.
func (c *Clusterer) pruneInPlace(v *sparse) {
	if len(v.ids) <= 2*c.cfg.StoryTerms {
		return
	}
	all := c.pruneBuf[:0]
	for i, id := range v.ids {
		all = append(all, pruneTerm{id, v.w[i], float64(v.w[i]) * c.idf(id)})
	}
	c.pruneBuf = all
	// slices.SortFunc runs the same pdqsort as sort.Slice did, with
	// cmp < 0 exactly where less was true: ties in s end in the same
	// order, so the same terms are cut (see TestPruneSortAsSlice).
	slices.SortFunc(all, byPruneScore)
	all = all[:c.cfg.StoryTerms]
	slices.SortFunc(all, func(a, b pruneTerm) int { return cmp.Compare(a.id, b.id) })
	v.ids, v.w = v.ids[:len(all)], v.w[:len(all)]
	for i, t := range all {
		v.ids[i], v.w[i] = t.id, t.w
	}
}

// pruneTerm is a centroid term with its weight and its weight times IDF.
type pruneTerm struct {
	id int32
	w  float32
	s  float64
}

// byPruneScore orders prune's terms heaviest first (equal ones as the
// sort leaves them).
func byPruneScore(a, b pruneTerm) int {
	switch {
	case a.s > b.s:
		return -1
	case a.s < b.s:
		return 1
	}
	return 0
}

// idfCache is a term's IDF as last computed, with the article count it
// was computed for: one slice, so that a look-up reads one place in
// memory. A change of the term's document frequency clears n (see
// addDF).
type idfCache struct {
	v float32
	n int32 // c.nIDF then (-1: never computed, or df changed since)
}

// addDF adds k to the document frequency of term t, and clears its
// cached IDF.
func (c *Clusterer) addDF(t, k int32) {
	c.df[t] += k
	c.idfc[t].n = -1
}

// idf is the inverse document frequency of a term as learned so far. A term
// seen in one article only is damped by HapaxWeight: it cannot link that
// article to anything, and counting it fully in vector norms penalises long
// or noisy articles for their unique words.
func (c *Clusterer) idf(t int32) float64 {
	e := &c.idfc[t]
	if e.n == int32(c.nIDF) {
		return float64(e.v)
	}
	var x float64
	if c.cfg.PriorDocs > 0 && c.bg.docs > 0 {
		n0 := c.cfg.PriorDocs
		x = math.Log(1 + (float64(c.nIDF)+n0)/(float64(c.df[t])+n0*float64(c.prior[t])))
	} else {
		x = math.Log(1 + float64(c.nIDF)/float64(max(c.df[t], 1)))
	}
	if c.df[t] < 2 {
		x *= c.hapaxWeight()
	}
	*e = idfCache{v: float32(x), n: int32(c.nIDF)}
	return float64(e.v) // the cached precision, so that hits and misses agree
}

// hapaxWeight is the damping of terms seen in one article so far. In a young
// corpus every term is either shared or seen once, and damping the unique
// ones would make any two articles on one subject look alike; so while the
// background prior outweighs the corpus the damping is eased in.
func (c *Clusterer) hapaxWeight() float64 {
	if c.cfg.PriorDocs <= 0 || c.bg.docs == 0 {
		return c.hapax
	}
	n0 := c.cfg.PriorDocs
	return c.hapax + (1-c.hapax)*n0/(n0+float64(c.nIDF))
}

// norm returns the length of v after IDF weighting.
func (c *Clusterer) norm(v sparse) float64 {
	var s float64
	for i, id := range v.ids {
		x := float64(v.w[i]) * c.idf(id)
		s += x * x
	}
	return math.Sqrt(s)
}

// stale reports whether a norm computed when n articles were counted needs
// recomputing: IDF moves slowly, so norms are refreshed when the count has
// grown by 5%.
func (c *Clusterer) stale(n int) bool {
	return n == 0 || float64(c.n) > 1.05*float64(n)
}

func (c *Clusterer) storyNorm(si int32) float64 {
	s := &c.stories[si]
	if c.stale(s.normN) {
		s.norm = c.norm(s.cen)
		s.tnorm = c.norm(s.tcen)
		s.normN = max(c.n, 1)
	}
	return s.norm
}

func (c *Clusterer) titleNorm(si int32) float64 {
	c.storyNorm(si)
	return c.stories[si].tnorm
}

func (c *Clusterer) lineNorm(li int32) float64 {
	l := &c.lines[li]
	if c.stale(l.normN) {
		l.norm = c.norm(l.cen)
		l.normN = max(c.n, 1)
	}
	return l.norm
}

// cosine of a and b after IDF weighting; na and nb are their weighted norms.
func (c *Clusterer) cosine(a sparse, na float64, b sparse, nb float64) float64 {
	if na == 0 || nb == 0 {
		return 0
	}
	var dot float64
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			x := c.idf(a.ids[i])
			dot += float64(a.w[i]) * float64(b.w[j]) * x * x
			i++
			j++
		}
	}
	return dot / (na * nb)
}

// idfsOf returns the IDF of each term of v, in buf.
func (c *Clusterer) idfsOf(v sparse, buf []float64) []float64 {
	buf = buf[:0]
	for _, id := range v.ids {
		buf = append(buf, c.idf(id))
	}
	return buf
}

// normWith is norm for a vector whose terms' IDFs are xs.
func normWith(v sparse, xs []float64) float64 {
	var s float64
	for i := range v.ids {
		x := float64(v.w[i]) * xs[i]
		s += x * x
	}
	return math.Sqrt(s)
}

// cosineWith is cosine for a vector a whose terms' IDFs are ax (the same
// sums, without a look-up for each term a shares).
func (c *Clusterer) cosineWith(a sparse, ax []float64, na float64, b sparse, nb float64) float64 {
	if na == 0 || nb == 0 {
		return 0
	}
	var dot float64
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			x := ax[i]
			dot += float64(a.w[i]) * float64(b.w[j]) * x * x
			i++
			j++
		}
	}
	return dot / (na * nb)
}

// decayTo damps a similarity by the time gap between t and the nearest
// burst of story s (its whole span when BurstGap is negative); no damping
// when either side is undated.
func (c *Clusterer) decayTo(t time.Time, s *story) float64 {
	if c.cfg.BurstGap < 0 {
		return c.damp(gap(t, s.first, s.last))
	}
	return c.damp(burstGap(t, s.bursts))
}

// damp is the decay factor for a time gap g (0 or less: none).
func (c *Clusterer) damp(g time.Duration) float64 {
	if g <= 0 {
		return 1
	}
	return c.cfg.DecayFloor + (1-c.cfg.DecayFloor)*math.Exp2(-float64(g)/float64(c.cfg.HalfLife))
}

func gap(t, first, last time.Time) time.Duration {
	if t.IsZero() || first.IsZero() {
		return 0
	}
	if t.Before(first) {
		return first.Sub(t)
	}
	if t.After(last) {
		return t.Sub(last)
	}
	return 0
}

func spanGap(af, al, bf, bl time.Time) time.Duration {
	if af.IsZero() || bf.IsZero() {
		return 0
	}
	if al.Before(bf) {
		return bf.Sub(al)
	}
	if bl.Before(af) {
		return af.Sub(bl)
	}
	return 0
}

// tally is a story's union-find parent (the story it was merged into, or
// -1) and gather's bookkeeping for it: the stamp of the last term that
// counted it (^0 when rejected) and its score so far.
type tally struct {
	into  int32
	stamp uint32
	acc   float64
}

type scored struct {
	story int32
	score float64
}

// gather returns up to k live stories posted under the top query terms of
// v, ranked by the summed IDF weight of the terms they share with v. Only
// the newest MaxPostings entries of each posting list are read, so the cost
// does not grow with the number of stories kept. ok filters stories.
func (c *Clusterer) gather(v sparse, terms, k int, ok func(si int32) bool) []int32 {
	return rankedIDs(topK(c.gatherHits(v, terms, ok), k))
}

// rankedIDs returns the ids of rs, in order.
func rankedIDs(rs []ranked) []int32 {
	out := make([]int32, len(rs))
	for i, r := range rs {
		out[i] = r.id
	}
	return out
}

// gatherHits is gather before the cut: every story ok lets through with
// its score, in the order first met, in a buffer the next call
// overwrites. A story's score does not depend on which other stories ok
// lets through, so the hits of a filter are those of a looser filter
// that the tighter one keeps (see storyHits).
func (c *Clusterer) gatherHits(v sparse, terms int, ok func(si int32) bool) []ranked {
	c.cur++
	if c.cur == 0 {
		c.clearTally()
	}
	base := c.cur
	hits := c.hits[:0]
	for _, t := range c.topBuf(v, terms) {
		w := c.idf(t)
		c.cur++
		if c.cur == 0 {
			c.clearTally()
			base = 0
		}
		p := c.post[t]
		lo := max(0, len(p)-c.cfg.MaxPostings)
		for i := len(p) - 1; i >= lo; i-- {
			si := c.find(p[i])
			e := &c.tally[si]
			st := e.stamp
			if st == c.cur {
				continue // already counted for this term
			}
			if st < base || st == 0 {
				// first time this gather sees the story
				if !ok(si) {
					e.stamp = ^uint32(0) // rejected: never counted
					c.rejected = append(c.rejected, si)
					continue
				}
				e.acc = 0
				hits = append(hits, si)
			} else if st == ^uint32(0) {
				continue
			}
			e.stamp = c.cur
			e.acc += w
		}
	}
	for _, si := range c.rejected {
		c.tally[si].stamp = 0
	}
	c.rejected = c.rejected[:0]
	all := c.rank[:0]
	for _, si := range hits {
		all = append(all, ranked{si, c.tally[si].acc})
	}
	c.hits, c.rank = hits, all
	return all
}

// storyHits returns the hits of gather over the centroid of story si
// (cross: its cross-language centroid) for the stories any merge or
// storyline check may take (not si, not frozen; cross: told in another
// language), with QueryTerms/2 terms. closestStory and linkStoryline
// each keep those that suit them: the same stories, scored the same, as
// a gather of their own would give. The hits are kept until the next
// change to the stories (see touch): an article that merges nothing
// checks its story's storyline from the same hits.
func (c *Clusterer) storyHits(si int32, cross bool) []ranked {
	h := &c.shared[0]
	if cross {
		h = &c.shared[1]
	}
	if h.valid && h.si == si && h.gen == c.gen {
		return h.hits
	}
	s := &c.stories[si]
	var hits []ranked
	if cross {
		hits = c.gatherHits(s.xcen, c.cfg.QueryTerms/2, func(o int32) bool {
			return o != si && !c.stories[o].frozen && crossLangs(s.langs, c.stories[o].langs)
		})
	} else {
		hits = c.gatherHits(s.cen, c.cfg.QueryTerms/2, func(o int32) bool {
			return o != si && !c.stories[o].frozen
		})
	}
	*h = sharedHits{si: si, gen: c.gen, valid: true, hits: append(h.hits[:0], hits...)}
	return h.hits
}

// sharedHits holds storyHits' last answer, for story si at generation gen.
type sharedHits struct {
	si    int32
	gen   uint64
	valid bool
	hits  []ranked
}

// touch marks a change to the stories, postings or centroids: hits kept
// by storyHits are stale.
func (c *Clusterer) touch() { c.gen++ }

// pick returns the ids of the k best of hits that keep lets through.
func (c *Clusterer) pick(hits []ranked, k int, keep func(o int32) bool) []int32 {
	sel := c.picked[:0]
	for _, h := range hits {
		if keep(h.id) {
			sel = append(sel, h)
		}
	}
	c.picked = sel
	return rankedIDs(topK(sel, k))
}

// clearTally starts the stamps of gather again from 1.
func (c *Clusterer) clearTally() {
	for i := range c.tally {
		c.tally[i].stamp = 0
	}
	c.cur = 1
}

// candidates returns the stories sharing top terms with f within the
// window, scored and best first.
func (c *Clusterer) candidates(f features, at time.Time) []scored {
	// The article's IDF weights, looked up once for every candidate.
	c.ux = c.idfsOf(f.unit, c.ux)
	c.tx = c.idfsOf(f.title, c.tx)
	nf := normWith(f.unit, c.ux)
	nt := normWith(f.title, c.tx)
	ids := c.gather(f.unit, c.cfg.QueryTerms, c.cfg.Candidates, func(si int32) bool {
		s := &c.stories[si]
		return !s.frozen && s.ndocs > 0 && gap(at, s.first, s.last) <= c.cfg.Window
	})
	out := make([]scored, 0, len(ids))
	for _, si := range ids {
		s := &c.stories[si]
		ns, nst := c.storyNorm(si), c.titleNorm(si)
		if several(s.langs) && s.langs&f.lang != 0 {
			// A story told in several languages: the article is compared
			// with the words of its own language, which the other
			// languages' words would otherwise drown.
			ns, nst = c.langNorm(s.cen, f.lang), c.langNorm(s.tcen, f.lang)
		}
		body := c.cosineWith(f.unit, c.ux, nf, s.cen, ns)
		ts := -1.0
		if nt > 0 && len(s.tcen.ids) > 0 {
			ts = c.cosineWith(f.title, c.tx, nt, s.tcen, nst)
		}
		if g, ok := c.otherOccurrence(f, at, s); ok {
			// The article names its own day, days from the story and from
			// every day the story names: a look-alike event (the same
			// people meeting again), damped by time with no floor and no
			// far rule.
			out = append(out, scored{si, c.combine(body, ts, math.Exp2(-float64(g)/float64(c.cfg.HalfLife)), c.cfg.Threshold, false)})
			continue
		}
		out = append(out, scored{si, c.combine(body, ts, c.decayTo(at, s), c.cfg.Threshold, true)})
	}
	out = c.crossCandidates(f, at, out)
	slices.SortFunc(out, func(a, b scored) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return strings.Compare(c.stories[a.story].id, c.stories[b.story].id)
	})
	return out
}

// top returns the k terms of v with the highest weight times IDF.
func (c *Clusterer) top(v sparse, k int) []int32 {
	return slices.Clone(c.topBuf(v, k))
}

// topBuf is top into a buffer of c's that the next call overwrites.
func (c *Clusterer) topBuf(v sparse, k int) []int32 {
	all := c.termRank[:0]
	for i, id := range v.ids {
		all = append(all, ranked{id, float64(v.w[i]) * c.idf(id)})
	}
	c.termRank = all
	best := topK(all, k)
	out := c.topTerms[:0]
	for _, t := range best {
		out = append(out, t.id)
	}
	c.topTerms = out
	return out
}

// index posts story si under the article's top terms and its top
// language-neutral terms.
func (c *Clusterer) index(si int32, f features) {
	c.touch()
	limit := 4 * c.cfg.MaxPostings
	terms := c.top(f.unit, c.cfg.QueryTerms)
	if len(f.cross.ids) > 0 {
		terms = append(terms, c.top(f.cross, c.cfg.QueryTerms/2)...)
	}
	for _, t := range terms {
		p := c.post[t]
		if n := len(p); n > 0 && p[n-1] == si {
			continue
		}
		p = append(p, si)
		if len(p) > limit {
			p = append(p[:0], p[len(p)-2*c.cfg.MaxPostings:]...)
		}
		c.post[t] = p
	}
}

// mergeScore compares stories a and b for a merge: their damped similarity
// over the threshold it must reach (so 1 or more merges). Two grown stories
// need MergeThreshold; when one of them is a single article, the pair is
// judged as that article joining the other story would be (Threshold and
// the far rule): an article that came before the story it belongs to, or
// that the story outgrew into, is not left alone for good.
func (c *Clusterer) mergeScore(a, b int32) float64 {
	sa, sb := &c.stories[a], &c.stories[b]
	ax := c.storyIDFs(a)
	body := c.cosineWith(sa.cen, ax.cen, c.storyNorm(a), sb.cen, c.storyNorm(b))
	ts := -1.0
	if len(sa.tcen.ids) > 0 && len(sb.tcen.ids) > 0 {
		ts = c.cosineWith(sa.tcen, ax.tcen, c.titleNorm(a), sb.tcen, c.titleNorm(b))
	}
	d := 1.0
	if c.cfg.BurstGap < 0 {
		d = c.damp(spanGap(sa.first, sa.last, sb.first, sb.last))
	} else {
		d = c.damp(burstsGap(sa.bursts, sb.bursts))
	}
	far := true
	if c.otherOccurrences(sa, sb) {
		// Look-alike events (see otherOccurrence): time with no floor; and
		// when a single article names its own day, which the other story
		// never names, no far rule either: the article says when its event
		// happened. (A lone article naming no day may be the early report
		// of what the other story tells.)
		d = math.Exp2(-float64(burstsGap(sa.bursts, sb.bursts)) / float64(c.cfg.HalfLife))
		far = !(sa.ndocs == 1 && c.namesNone(sa.own, sb) || sb.ndocs == 1 && c.namesNone(sb.own, sa))
	}
	x := 0.0
	if c.multilingual() && crossLangs(sa.langs, sb.langs) {
		x = c.crossSim(sa.xcen, c.crossNorm(a), sb.xcen, c.crossNorm(b)) * c.crossDamp(sa, sb)
		x /= c.cfg.CrossThreshold
	}
	if e, ok := c.eventsApart(sa, sb); ok {
		// Two meetings days apart, each told by its reports' days.
		d, far, x = min(d, e), false, x*e
	}

	if min(sa.ndocs, sb.ndocs) == 1 {
		return max(x, c.combine(body, ts, d, c.cfg.Threshold, far)/c.cfg.Threshold)
	}
	return max(x, c.combine(body, ts, d, c.cfg.MergeThreshold, false)/c.cfg.MergeThreshold)
}

// storyIDFs returns the IDFs of the terms of story si's centroids, kept
// while the stories do not change (see touch): a story is compared with
// several others in a row (closestStory).
func (c *Clusterer) storyIDFs(si int32) *idfsOf {
	x := &c.mergeIDFs
	if !x.valid || x.si != si || x.gen != c.gen {
		s := &c.stories[si]
		x.cen = c.idfsOf(s.cen, x.cen)
		x.tcen = c.idfsOf(s.tcen, x.tcen)
		x.si, x.gen, x.valid = si, c.gen, true
	}
	return x
}

// idfsOf holds the IDFs of a story's centroid terms (see storyIDFs).
type idfsOf struct {
	si        int32
	gen       uint64
	valid     bool
	cen, tcen []float64
}

// combine turns the whole-text similarity body and the headline similarity
// ts (negative when a side has no headline) into the damped score compared
// with threshold: the weighted similarity times the time decay d, raised to
// the threshold when far is set and both similarities reach FarSimilarity
// (see Config). Story merges do not take the far rule: two grown stories
// far apart in time share a subject's vocabulary without being one event.
func (c *Clusterer) combine(body, ts, d, threshold float64, far bool) float64 {
	sim := body
	if ts >= 0 {
		sim = (1-c.cfg.TitleShare)*body + c.cfg.TitleShare*ts
	}
	damped := sim * d
	if far && damped < threshold && body >= c.cfg.FarSimilarity && ts >= c.cfg.FarSimilarity {
		damped = threshold
	}
	return damped
}

func (c *Clusterer) find(si int32) int32 {
	t := c.tally
	root := si
	for t[root].into >= 0 {
		root = t[root].into
	}
	for t[si].into >= 0 {
		next := t[si].into
		t[si].into = root
		si = next
	}
	return root
}

func (c *Clusterer) findLine(li int32) int32 {
	root := li
	for c.lines[root].into >= 0 {
		root = c.lines[root].into
	}
	for c.lines[li].into >= 0 {
		next := c.lines[li].into
		c.lines[li].into = root
		li = next
	}
	return root
}

// older reports whether story a should absorb story b: the story with the
// earlier first article keeps its ID.
func (c *Clusterer) older(a, b int32) bool {
	sa, sb := &c.stories[a], &c.stories[b]
	if sa.first.IsZero() != sb.first.IsZero() {
		return !sa.first.IsZero()
	}
	if !sa.first.Equal(sb.first) {
		return sa.first.Before(sb.first)
	}
	return a < b
}

// mergeStories folds one of a, b into the other and returns (into, from).
func (c *Clusterer) mergeStories(a, b int32, at time.Time) (int32, int32) {
	c.touch()
	into, from := a, b
	if !c.older(a, b) {
		into, from = b, a
	}
	si, sf := &c.stories[into], &c.stories[from]
	for _, id := range sf.articles {
		c.article[id] = into
	}
	si.articles = append(si.articles, sf.articles...)
	si.undated = append(si.undated, sf.undated...)
	for _, o := range sf.outlets {
		if !slices.Contains(si.outlets, o) {
			si.outlets = append(si.outlets, o)
		}
	}
	for _, t := range sf.titles {
		if len(si.titles) < 16 {
			si.titles = append(si.titles, t)
		}
	}
	if si.snippet == "" {
		si.snippet = sf.snippet
	}
	if !sf.first.IsZero() && (si.first.IsZero() || sf.first.Before(si.first)) {
		si.first = sf.first
	}
	if sf.last.After(si.last) {
		si.last = sf.last
	}
	if sf.touched.After(si.touched) {
		si.touched = sf.touched
	}
	c.addPrune(&si.cen, sf.cen)
	c.addPrune(&si.tcen, sf.tcen)
	c.addPrune(&si.xcen, sf.xcen)
	si.langs |= sf.langs
	si.own = addDays(si.own, sf.own)
	si.events, si.eventN = countDays(si.events, si.eventN, sf.events, sf.eventN)
	for _, b := range sf.bursts {
		si.bursts = addSpan(si.bursts, b, c.cfg.BurstGap)
	}
	sf.bursts = nil
	si.ndocs += sf.ndocs
	si.normN = 0
	c.tally[from].into = into
	sf.cen, sf.tcen, sf.xcen = sparse{}, sparse{}, sparse{}
	sf.articles, sf.undated, sf.outlets, sf.titles = nil, nil, nil, nil
	c.merges = append(c.merges, Merge{Kind: "story", From: sf.id, Into: si.id, At: at})
	c.mergeTo[sf.id] = si.id

	// Storylines: the absorbed story leaves its line; a line left empty
	// folds into the surviving story's line.
	lf, li := c.findLine(sf.line), c.findLine(si.line)
	if lf != li {
		l := &c.lines[lf]
		l.stories = slices.DeleteFunc(l.stories, func(x int32) bool { return c.find(x) == into })
		if len(l.stories) == 0 {
			c.mergeLines(li, lf, at)
		}
	}
	return into, from
}

// mergeLines folds line from into line into.
func (c *Clusterer) mergeLines(into, from int32, at time.Time) {
	c.touch()
	li, lf := &c.lines[into], &c.lines[from]
	li.stories = append(li.stories, lf.stories...)
	c.addPrune(&li.cen, lf.cen)
	c.addPrune(&li.xcen, lf.xcen)
	li.langs |= lf.langs
	li.normN = 0
	if !lf.first.IsZero() && (li.first.IsZero() || lf.first.Before(li.first)) {
		li.first = lf.first
	}
	if lf.last.After(li.last) {
		li.last = lf.last
	}
	for _, s := range lf.stories {
		c.stories[s].line = into
	}
	lf.into = into
	lf.stories = nil
	lf.cen, lf.xcen = sparse{}, sparse{}
	c.merges = append(c.merges, Merge{Kind: "storyline", From: lf.id, Into: li.id, At: at})
	c.mergeTo[lf.id] = li.id
}

// review reports whether story si is due for a merge and storyline check:
// after every article while it has at most 64, then each time its size
// doubles. Each article can bring its story close to another one (often a
// single article that came too early or too far to join it), but a large
// story's centroid moves little with one more article.
func (c *Clusterer) review(si int32) bool {
	n := c.stories[si].ndocs
	return n <= 64 || n&(n-1) == 0
}

// closestStory returns the other story most worth merging with story si
// (see mergeScore), or -1 when none qualifies.
func (c *Clusterer) closestStory(si int32) int32 {
	s := &c.stories[si]
	// The hits of storyHits are not si, not frozen (and, across
	// languages, in another language): what is left to ask is here.
	near := func(o int32) bool {
		os := &c.stories[o]
		return os.ndocs > 0 && spanGap(s.first, s.last, os.first, os.last) <= c.cfg.Window
	}
	ids := c.pick(c.storyHits(si, false), c.cfg.Candidates/2, near)
	if c.multilingual() && len(s.xcen.ids) > 0 {
		xs := c.pick(c.storyHits(si, true), c.cfg.Candidates/2, near)
		for _, o := range xs {
			if !slices.Contains(ids, o) {
				ids = append(ids, o)
			}
		}
	}
	best, bestSim := int32(-1), 1.0
	for _, o := range ids {
		if sim := c.mergeScore(si, o); sim >= bestSim {
			best, bestSim = o, sim
		}
	}
	return best
}

// linkStoryline moves a story that is alone in its storyline into the most
// similar storyline of a related story, if one is similar enough.
func (c *Clusterer) linkStoryline(si int32) {
	s := &c.stories[si]
	own := c.findLine(s.line)
	if len(c.lines[own].stories) != 1 {
		return
	}
	ns := c.storyNorm(si)
	ids := rankedIDs(topK(c.storyHits(si, false), c.cfg.Candidates/2))
	if c.multilingual() && len(s.xcen.ids) > 0 {
		for _, o := range rankedIDs(topK(c.storyHits(si, true), c.cfg.Candidates/2)) {
			if !slices.Contains(ids, o) {
				ids = append(ids, o)
			}
		}
	}
	best, bestSim := int32(-1), 0.0
	seen := map[int32]bool{own: true}
	for _, o := range ids {
		li := c.findLine(c.stories[o].line)
		if seen[li] {
			continue
		}
		seen[li] = true
		cand := &c.lines[li]
		if cand.frozen || spanGap(s.first, s.last, cand.first, cand.last) > c.cfg.StorylineWindow {
			continue
		}
		sim := c.cosine(s.cen, ns, cand.cen, c.lineNorm(li))
		if c.multilingual() && crossLangs(s.langs, cand.langs) {
			sim = max(sim, c.crossSim(s.xcen, c.crossNorm(si), cand.xcen, c.crossNormOf(cand.xcen)))
		}
		if sim > bestSim || (sim == bestSim && best >= 0 && cand.id < c.lines[best].id) {
			best, bestSim = li, sim
		}
	}
	if best >= 0 && bestSim >= c.cfg.StorylineThreshold {
		c.mergeLines(best, own, s.last)
	}
}

// sweep freezes stories and storylines idle for longer than the windows
// before the newest article: their centroids are dropped and they are no
// longer candidates.
func (c *Clusterer) sweep() {
	c.touch()
	if c.newest.IsZero() {
		return
	}
	w := max(c.cfg.Window, c.cfg.StorylineWindow)
	limit := c.newest.Add(-w)
	keep := c.active[:0]
	for _, si := range c.active {
		s := &c.stories[si]
		if c.tally[si].into >= 0 {
			continue
		}
		at := s.last
		if s.touched.After(at) {
			at = s.touched
		}
		if at.Before(limit) {
			s.frozen = true
			s.cen, s.tcen, s.xcen, s.bursts = sparse{}, sparse{}, sparse{}, nil
			s.titles = bestTitles(s.titles)
			l := &c.lines[c.findLine(s.line)]
			if !l.frozen && l.last.Before(limit) {
				l.frozen = true
				c.pruneInPlace(&l.cen) // keep a label's worth
				l.xcen = sparse{}
			}
			continue
		}
		keep = append(keep, si)
	}
	c.active = keep
}

func bestTitles(t []string) []string {
	if len(t) > 4 {
		return t[:4:4]
	}
	return t
}

// Resolve follows recorded merges from a story or storyline ID to the ID
// that now holds its articles. An ID never merged is returned unchanged.
func (c *Clusterer) Resolve(id string) string {
	for range len(c.merges) + 1 {
		next, ok := c.mergeTo[id]
		if !ok {
			return id
		}
		id = next
	}
	return id
}

// Merges returns the merge records in the order they happened.
func (c *Clusterer) Merges() []Merge { return slices.Clone(c.merges) }

// StoryOf returns the ID of the story that now holds an article, or false
// when the article was never added.
func (c *Clusterer) StoryOf(articleID string) (string, bool) {
	si, ok := c.article[articleID]
	if !ok {
		return "", false
	}
	return c.stories[c.find(si)].id, true
}

// Len returns the number of articles added.
func (c *Clusterer) Len() int { return len(c.article) }

func firstSentence(text string) string {
	text = strings.TrimSpace(text)
	// The first line of at least six words, cut at the first full stop that
	// follows a word of three letters or more ("U.S." does not end it).
	for _, ln := range strings.Split(text, "\n") {
		if len(strings.Fields(ln)) >= 6 {
			text = strings.TrimSpace(ln)
			break
		}
	}
	words := strings.Fields(text)
	for i, w := range words {
		if i >= 5 && (strings.HasSuffix(w, ".") || strings.HasSuffix(w, "!") || strings.HasSuffix(w, "?")) && len([]rune(w)) > 3 {
			words = words[:i+1]
			break
		}
	}
	text = strings.Join(words, " ")
	if r := []rune(text); len(r) > 160 {
		text = string(r[:157]) + "..."
	}
	return text
}
