package cluster

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// StateVersion is the version of the State layout written by Snapshot.
const StateVersion = 3

// State is a Clusterer's complete state as plain, JSON-friendly values:
// persist it and Restore it to continue clustering after a restart with
// exactly the decisions an uninterrupted run would make.
type State struct {
	Version int       `json:"version"`
	Config  Config    `json:"config"`
	N       int       `json:"n"`
	NIDF    int       `json:"n_idf"`
	Adds    int       `json:"adds"`
	Newest  time.Time `json:"newest"`
	Terms   []string  `json:"terms"`
	Surface []string  `json:"surface"`
	DF      []int32   `json:"df"`
	// Postings lists, per term, story indexes (positions in Stories).
	Postings [][]int32        `json:"postings"`
	Stories  []StoryState     `json:"stories"`
	Lines    []LineState      `json:"storylines"`
	Articles map[string]int32 `json:"articles"` // article ID -> story index
	Merges   []Merge          `json:"merges"`
	Active   []int32          `json:"active"`
	// Langs is the set of languages seen (see Clusterer.langs).
	Langs uint8 `json:"langs,omitempty"`
	// TermLang is, per term, the language of the article that first used
	// it (see langBit).
	TermLang []uint8 `json:"term_lang,omitempty"`
	// TermLangs is, per term, the languages of the articles that used it.
	TermLangs []uint8 `json:"term_langs,omitempty"`
}

// Vector is a sparse vector: term indexes (ascending) and weights.
type Vector struct {
	Terms   []int32   `json:"terms"`
	Weights []float32 `json:"weights"`
}

// StoryState is one story inside a State.
type StoryState struct {
	ID            string    `json:"id"`
	First         time.Time `json:"first"`
	Last          time.Time `json:"last"`
	Touched       time.Time `json:"touched"`
	Articles      []string  `json:"articles"`
	Undated       []string  `json:"undated,omitempty"`
	Outlets       []string  `json:"outlets"`
	Titles        []string  `json:"titles"`
	Snippet       string    `json:"snippet,omitempty"`
	Centroid      Vector    `json:"centroid"`
	TitleCentroid Vector    `json:"title_centroid"`
	Docs          int       `json:"docs"`
	Norm          float64   `json:"norm"`
	TitleNorm     float64   `json:"title_norm"`
	NormN         int       `json:"norm_n"`
	Into          int32     `json:"into"` // merged into this story index, or -1
	Line          int32     `json:"line"`
	Frozen        bool      `json:"frozen"`
	Bursts        []Burst   `json:"bursts,omitempty"`
	// CrossCentroid sums the members' language-neutral vectors.
	CrossCentroid Vector `json:"cross_centroid"`
	Langs         uint8  `json:"langs,omitempty"`
	// OwnDays are the days its articles report (month*100+day).
	OwnDays []int `json:"own_days,omitempty"`
	// EventDays are OwnDays counting days named by the weekday, and
	// EventCounts how many of its articles give each.
	EventDays   []int `json:"event_days,omitempty"`
	EventCounts []int `json:"event_counts,omitempty"`
}

// Burst is one run of a story's activity (see Config.BurstGap).
type Burst struct {
	First time.Time `json:"first"`
	Last  time.Time `json:"last"`
}

// LineState is one storyline inside a State.
type LineState struct {
	ID       string    `json:"id"`
	Stories  []int32   `json:"stories"`
	Centroid Vector    `json:"centroid"`
	First    time.Time `json:"first"`
	Last     time.Time `json:"last"`
	Norm     float64   `json:"norm"`
	NormN    int       `json:"norm_n"`
	Into     int32     `json:"into"`
	Frozen   bool      `json:"frozen"`
	// CrossCentroid sums the members' language-neutral vectors.
	CrossCentroid Vector `json:"cross_centroid"`
	Langs         uint8  `json:"langs,omitempty"`
}

// ErrBadState is wrapped by Restore when a state is inconsistent.
var ErrBadState = errors.New("bad cluster state")

func vecOut(v sparse) Vector {
	return Vector{Terms: append([]int32{}, v.ids...), Weights: append([]float32{}, v.w...)}
}

// Snapshot returns a deep copy of the clusterer's state.
func (c *Clusterer) Snapshot() State {
	st := State{
		Version: StateVersion, Config: c.cfg, N: c.n, NIDF: c.nIDF, Adds: c.adds, Newest: c.newest,
		Terms: append([]string{}, c.terms...), Surface: append([]string{}, c.surface...),
		DF:       append([]int32{}, c.df...),
		Postings: make([][]int32, len(c.post)),
		Articles: make(map[string]int32, len(c.article)),
		Merges:   append([]Merge{}, c.merges...),
		Active:   append([]int32{}, c.active...),
		Langs:    c.langs,
	}
	st.TermLang = append([]uint8{}, c.termLang...)
	for _, m := range c.tlangs {
		if m != 0 {
			st.TermLangs = append([]uint8{}, c.tlangs...)
			break
		}
	}
	for i, p := range c.post {
		st.Postings[i] = append([]int32{}, p...)
	}
	for id, si := range c.article {
		st.Articles[id] = si
	}
	for i := range c.stories {
		s := &c.stories[i]
		st.Stories = append(st.Stories, StoryState{
			ID: s.id, First: s.first, Last: s.last, Touched: s.touched,
			Articles: append([]string{}, s.articles...), Undated: append([]string(nil), s.undated...),
			Outlets: append([]string{}, s.outlets...), Titles: append([]string{}, s.titles...),
			Snippet: s.snippet, Centroid: vecOut(s.cen), TitleCentroid: vecOut(s.tcen), Docs: s.ndocs,
			Norm: s.norm, TitleNorm: s.tnorm, NormN: s.normN, Into: c.tally[i].into, Line: s.line, Frozen: s.frozen,
			Bursts: burstsOut(s.bursts), CrossCentroid: vecOut(s.xcen), Langs: s.langs,
			OwnDays: append([]int(nil), s.own...), EventDays: append([]int(nil), s.events...),
			EventCounts: append([]int(nil), s.eventN...),
		})
	}
	for i := range c.lines {
		l := &c.lines[i]
		st.Lines = append(st.Lines, LineState{
			ID: l.id, Stories: append([]int32{}, l.stories...), Centroid: vecOut(l.cen),
			First: l.first, Last: l.last, Norm: l.norm, NormN: l.normN, Into: l.into, Frozen: l.frozen,
			CrossCentroid: vecOut(l.xcen), Langs: l.langs,
		})
	}
	return st
}

// Restore rebuilds a Clusterer from a state made by Snapshot. The state is
// checked before use (it may come from a damaged file): Restore returns an
// error wrapping ErrBadState, naming the first inconsistency, rather than a
// Clusterer that could fail later.
func Restore(st State) (*Clusterer, error) {
	bad := func(format string, args ...any) (*Clusterer, error) {
		return nil, fmt.Errorf("%w: %s", ErrBadState, fmt.Sprintf(format, args...))
	}
	if st.Version != StateVersion {
		return bad("version %d, want %d", st.Version, StateVersion)
	}
	nt := len(st.Terms)
	if len(st.TermLangs) != 0 && len(st.TermLangs) != nt || len(st.TermLang) != nt {
		return bad("%d terms but %d and %d term languages", nt, len(st.TermLangs), len(st.TermLang))
	}
	if len(st.Surface) != nt || len(st.DF) != nt || len(st.Postings) != nt {
		return bad("%d terms but %d surface forms, %d df, %d postings", nt, len(st.Surface), len(st.DF), len(st.Postings))
	}
	ns, nl := int32(len(st.Stories)), int32(len(st.Lines))
	if st.N < 0 || st.NIDF < 0 || st.NIDF > st.N {
		return bad("article counts n=%d n_idf=%d", st.N, st.NIDF)
	}
	checkVec := func(v Vector, what string) error {
		if len(v.Terms) != len(v.Weights) {
			return fmt.Errorf("%s: %d terms, %d weights", what, len(v.Terms), len(v.Weights))
		}
		for i, t := range v.Terms {
			if t < 0 || int(t) >= nt || (i > 0 && t <= v.Terms[i-1]) {
				return fmt.Errorf("%s: term index %d out of range or order", what, t)
			}
		}
		return nil
	}
	for i, p := range st.Postings {
		for _, si := range p {
			if si < 0 || si >= ns {
				return bad("posting of term %d names story %d of %d", i, si, ns)
			}
		}
	}
	for i, s := range st.Stories {
		if s.Into < -1 || s.Into >= ns || s.Into == int32(i) || s.Line < 0 || s.Line >= nl {
			return bad("story %d: into %d, line %d", i, s.Into, s.Line)
		}
		if err := checkVec(s.Centroid, "story "+s.ID); err != nil {
			return bad("%v", err)
		}
		if err := checkVec(s.TitleCentroid, "story "+s.ID+" titles"); err != nil {
			return bad("%v", err)
		}
		if err := checkVec(s.CrossCentroid, "story "+s.ID+" cross-language terms"); err != nil {
			return bad("%v", err)
		}
		if len(s.Bursts) > maxBursts {
			return bad("story %s: %d bursts, at most %d", s.ID, len(s.Bursts), maxBursts)
		}
		for j, b := range s.Bursts {
			if b.Last.Before(b.First) || (j > 0 && !b.First.After(s.Bursts[j-1].Last)) {
				return bad("story %s: bursts out of order", s.ID)
			}
		}
	}
	for i, l := range st.Lines {
		if l.Into < -1 || l.Into >= nl || l.Into == int32(i) {
			return bad("storyline %d: into %d", i, l.Into)
		}
		for _, si := range l.Stories {
			if si < 0 || si >= ns {
				return bad("storyline %d names story %d of %d", i, si, ns)
			}
		}
		if err := checkVec(l.Centroid, "storyline "+l.ID); err != nil {
			return bad("%v", err)
		}
		if err := checkVec(l.CrossCentroid, "storyline "+l.ID+" cross-language terms"); err != nil {
			return bad("%v", err)
		}
	}
	// Merge chains must end: no cycles.
	for i := range st.Stories {
		at, steps := int32(i), 0
		for st.Stories[at].Into >= 0 {
			at = st.Stories[at].Into
			if steps++; steps > len(st.Stories) {
				return bad("story merge cycle through %d", i)
			}
		}
	}
	for i := range st.Lines {
		at, steps := int32(i), 0
		for st.Lines[at].Into >= 0 {
			at = st.Lines[at].Into
			if steps++; steps > len(st.Lines) {
				return bad("storyline merge cycle through %d", i)
			}
		}
	}
	for id, si := range st.Articles {
		if si < 0 || si >= ns {
			return bad("article %s names story %d of %d", id, si, ns)
		}
	}
	for _, si := range st.Active {
		if si < 0 || si >= ns {
			return bad("active story %d of %d", si, ns)
		}
	}

	c := New(st.Config)
	c.n, c.nIDF, c.adds, c.newest, c.langs = st.N, st.NIDF, st.Adds, st.Newest, st.Langs
	c.terms = append([]string{}, st.Terms...)
	c.surface = append([]string{}, st.Surface...)
	c.df = append([]int32{}, st.DF...)
	c.idfc = make([]idfCache, nt)
	c.termLang = append([]uint8{}, st.TermLang...)
	c.dayOf = make([]int16, nt)
	c.isName = make([]bool, nt)
	for i, t := range c.terms {
		c.dayOf[i] = dayKey(t)
		c.isName[i] = strings.HasPrefix(t, entityPrefix)
	}
	c.tlangs = make([]uint8, nt)
	copy(c.tlangs, st.TermLangs)
	c.prior = make([]float32, nt)
	for i, t := range c.terms {
		c.vocab[t] = int32(i)
		c.idfc[i].n = -1
		c.prior[i] = c.bg.share(t)
	}
	c.post = make([][]int32, nt)
	for i, p := range st.Postings {
		c.post[i] = append([]int32(nil), p...)
	}
	vec := func(v Vector) sparse {
		return sparse{ids: append([]int32(nil), v.Terms...), w: append([]float32(nil), v.Weights...)}
	}
	c.stories = make([]story, ns)
	for i, s := range st.Stories {
		c.stories[i] = story{
			id: s.ID, first: s.First, last: s.Last, touched: s.Touched,
			articles: append([]string(nil), s.Articles...), undated: append([]string(nil), s.Undated...),
			outlets: append([]string(nil), s.Outlets...), titles: append([]string(nil), s.Titles...),
			snippet: s.Snippet, cen: vec(s.Centroid), tcen: vec(s.TitleCentroid), ndocs: s.Docs,
			norm: s.Norm, tnorm: s.TitleNorm, normN: s.NormN, line: s.Line, frozen: s.Frozen,
			bursts: burstsIn(s.Bursts), xcen: vec(s.CrossCentroid), langs: s.Langs,
			own: append([]int(nil), s.OwnDays...), events: append([]int(nil), s.EventDays...),
			eventN: append([]int(nil), s.EventCounts...),
		}
		c.byID[s.ID] = int32(i)
	}
	c.lines = make([]line, nl)
	for i, l := range st.Lines {
		c.lines[i] = line{
			id: l.ID, stories: append([]int32(nil), l.Stories...), cen: vec(l.Centroid),
			first: l.First, last: l.Last, norm: l.Norm, normN: l.NormN, into: l.Into, frozen: l.Frozen,
			xcen: vec(l.CrossCentroid), langs: l.Langs,
		}
		c.lineID[l.ID] = int32(i)
	}
	for id, si := range st.Articles {
		c.article[id] = si
	}
	c.merges = append([]Merge(nil), st.Merges...)
	for _, m := range c.merges {
		c.mergeTo[m.From] = m.Into
	}
	c.active = append([]int32(nil), st.Active...)
	c.tally = make([]tally, ns)
	for i, s := range st.Stories {
		c.tally[i].into = s.Into
	}
	return c, nil
}

func burstsOut(b []span) []Burst {
	if len(b) == 0 {
		return nil
	}
	out := make([]Burst, len(b))
	for i, x := range b {
		out[i] = Burst{x.first, x.last}
	}
	return out
}

func burstsIn(b []Burst) []span {
	if len(b) == 0 {
		return nil
	}
	out := make([]span, len(b))
	for i, x := range b {
		out[i] = span{x.First, x.Last}
	}
	return out
}
