// Package brief assembles a storyline briefing — what happened when, who
// said what, which outlets covered it and whom each quoted — and renders it
// as Markdown, self-contained HTML or JSON, for a journalist to paste or
// send.
//
// New is pure: it takes an Input (see Gather for reading one from a store)
// and returns a Briefing; the renderers only format what New decided.
package brief

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/timeline"
)

// Briefing is one storyline's briefing. The JSON field names are a public
// interface (CLI --format json, HTTP API).
type Briefing struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	// From and To span the publication dates of the storyline's articles;
	// zero when none is dated.
	From time.Time `json:"from,omitzero"`
	To   time.Time `json:"to,omitzero"`
	// Generated is when the briefing was made (as given in Options).
	Generated time.Time        `json:"generated,omitzero"`
	Stories   []Story          `json:"stories"`
	Timeline  []timeline.Event `json:"timeline"`
	// TimelineOmitted counts the entries left out of a long timeline (see
	// Options.MaxEvents); "parallax timeline" lists them all.
	TimelineOmitted int      `json:"timeline_omitted"`
	Quotes          []Quote  `json:"quotes"`
	Outlets         []Outlet `json:"outlets"`
	// Disagreements are places where outlets' accounts differ; empty when
	// no comparison found any.
	Disagreements []Disagreement `json:"disagreements"`
	// Perspectives, Naming and Wording come from the outlet comparison;
	// absent (or empty) without one. Naming lists only the name pairs
	// outlets split on (Kyiv/Kiev); Wording the terms that set each outlet
	// apart within the storyline.
	Perspectives *Perspectives           `json:"perspectives,omitempty"`
	Naming       []compare.Naming        `json:"naming"`
	Wording      []compare.OutletWording `json:"wording"`
	// Checked names what was compared to find disagreements ("event
	// dates"), so that an empty list says what it covers.
	Checked []string `json:"checked"`
	// Articles are every article of the storyline, oldest first.
	Articles []Article `json:"articles"`
}

// Story is one story of the storyline.
type Story struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	FirstSeen time.Time `json:"first_seen,omitzero"`
	LastSeen  time.Time `json:"last_seen,omitzero"`
	Outlets   []string  `json:"outlets"`
	Articles  int       `json:"articles"`
}

// Quote is one key quote with where it was published.
type Quote struct {
	Speaker   string    `json:"speaker"`
	Text      string    `json:"text"`
	Cue       string    `json:"cue,omitempty"`
	Outlet    string    `json:"outlet"`
	ArticleID string    `json:"article_id"`
	URL       string    `json:"url,omitempty"`
	Date      time.Time `json:"date,omitzero"`
	// AlsoIn lists the other outlets that carried the same words.
	AlsoIn []string `json:"also_in,omitempty"`
}

// Outlet is one outlet's coverage of the storyline.
type Outlet struct {
	Name     string    `json:"name"`
	Articles int       `json:"articles"`
	Stories  int       `json:"stories"`
	First    time.Time `json:"first,omitzero"`
	Last     time.Time `json:"last,omitzero"`
	// Quotes counts the attributed quotes the outlet carried; Voices are
	// whom it quoted, most quoted first.
	Quotes int     `json:"quotes"`
	Voices []Voice `json:"voices"`
	// Kind ("wire", "state affiliated", …), Country (ISO 3166-1) and Via
	// (aggregators its articles were read through) come from the outlet
	// comparison; empty without one.
	Kind    string   `json:"kind,omitempty"`
	Country string   `json:"country,omitempty"`
	Via     []string `json:"via,omitempty"`
}

// Voice is a speaker and how many times one outlet quoted them.
type Voice struct {
	Speaker string `json:"speaker"`
	Quotes  int    `json:"quotes"`
}

// Disagreement is one point on which outlets' accounts differ.
type Disagreement struct {
	// Kind says what differs: "date" for an event the sources date on
	// different days (found by the timeline), the comparison's own kind,
	// or a facts verdict ("moved", "differ", "attributed", "inconsistent")
	// for a figure or year set side by side by package facts.
	Kind   string  `json:"kind"`
	Topic  string  `json:"topic"`
	Claims []Claim `json:"claims"`
}

// Claim is what one outlet says on a disputed point.
type Claim struct {
	Outlet    string `json:"outlet"`
	Text      string `json:"text"`
	ArticleID string `json:"article_id,omitempty"`
	// Value is the claim in short where it has one (the date given).
	Value string `json:"value,omitempty"`
}

// disputed reports whether a date disagreement between the same two
// articles is already listed.
func (b *Briefing) disputed(d timeline.Dispute) bool {
	ids := map[string]bool{}
	for _, a := range d.Accounts {
		ids[a.ArticleID] = true
	}
	for _, x := range b.Disagreements {
		if x.Kind != "date" || len(x.Claims) < 2 {
			continue
		}
		if ids[x.Claims[0].ArticleID] && ids[x.Claims[1].ArticleID] && x.Claims[0].ArticleID != x.Claims[1].ArticleID {
			return true
		}
	}
	return false
}

// dateDisagreement words a timeline dispute as a disagreement: one claim
// per account, the date it gives and its sentence.
func dateDisagreement(d timeline.Dispute, arts map[string]news.Article) Disagreement {
	out := Disagreement{Kind: "date", Topic: "Possible date discrepancy: " + d.Text}
	for _, a := range d.Accounts {
		o := a.Outlet
		if o == "" {
			o = outletOf(arts[a.ArticleID])
		}
		out.Claims = append(out.Claims, Claim{Outlet: o, Text: a.Sentence, ArticleID: a.ArticleID, Value: a.Value})
	}
	return out
}

// Article is one article of the storyline, for citing.
type Article struct {
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	Outlet      string    `json:"outlet"`
	Republisher string    `json:"republisher,omitempty"`
	URL         string    `json:"url,omitempty"`
	Published   time.Time `json:"published,omitzero"`
}

// Options tune New. The zero value uses the defaults.
type Options struct {
	// Generated is stamped on the briefing; zero leaves it out.
	Generated time.Time
	// MaxQuotes is the number of key quotes; 0 means 10.
	MaxQuotes int
	// QuotesPerSpeaker caps the key quotes of one speaker; 0 means 3.
	QuotesPerSpeaker int
	// Timeline tunes the event folding.
	Timeline timeline.Options
	// MaxEvents is the most timeline entries a briefing lists; 0 means
	// 40. Beyond it the entries cited by the most articles are kept (the
	// finer date, then the later one, breaking ties), in date order.
	MaxEvents int
	// Disagreements, when given (from an outlet comparison), are carried
	// into the briefing as they are, before the date discrepancies the
	// timeline finds; Checked names what that comparison looked at.
	Disagreements []Disagreement
	Checked       []string
}

// New builds the briefing of in.
func New(in Input, opts Options) Briefing {
	if opts.MaxQuotes <= 0 {
		opts.MaxQuotes = 10
	}
	if opts.QuotesPerSpeaker <= 0 {
		opts.QuotesPerSpeaker = 3
	}
	if opts.MaxEvents <= 0 {
		opts.MaxEvents = 40
	}
	b := Briefing{
		ID:            in.Storyline.ID,
		Label:         in.Storyline.Label,
		Generated:     opts.Generated,
		Stories:       []Story{},
		Quotes:        []Quote{},
		Outlets:       []Outlet{},
		Disagreements: []Disagreement{},
		Naming:        []compare.Naming{},
		Wording:       []compare.OutletWording{},
		Articles:      []Article{},
	}
	in.Docs = credited(in.Docs, in.Comparison)
	arts := map[string]news.Article{}
	for _, d := range in.Docs {
		a := d.Article
		arts[a.ID] = a
		b.Articles = append(b.Articles, Article{
			ID: a.ID, Title: titleOf(a), Outlet: outletOf(a), Republisher: republisherOf(a),
			URL: a.URL, Published: a.Published,
		})
		if p := a.Published; !p.IsZero() {
			if b.From.IsZero() || p.Before(b.From) {
				b.From = p
			}
			if p.After(b.To) {
				b.To = p
			}
		}
	}
	for _, s := range in.Stories {
		st := Story{ID: s.ID, Title: s.Title, FirstSeen: s.FirstSeen, LastSeen: s.LastSeen, Articles: len(s.ArticleIDs), Outlets: []string{}}
		seen := map[string]bool{}
		for _, id := range s.ArticleIDs {
			if a, ok := arts[id]; ok && !seen[outletOf(a)] {
				seen[outletOf(a)] = true
				st.Outlets = append(st.Outlets, outletOf(a))
			}
		}
		b.Stories = append(b.Stories, st)
	}
	slices.SortStableFunc(b.Stories, func(x, y Story) int { return compareTimes(x.FirstSeen, y.FirstSeen) })

	var disputes []timeline.Dispute
	b.Timeline, disputes = timeline.BuildWithDisputes(in.Docs, opts.Timeline)
	if b.Timeline == nil {
		b.Timeline = []timeline.Event{}
	}
	b.Timeline, b.TimelineOmitted = keyEvents(b.Timeline, opts.MaxEvents)
	for i := range b.Timeline {
		for j, s := range b.Timeline[i].Sources {
			if s.Outlet == "" {
				b.Timeline[i].Sources[j].Outlet = outletOf(arts[s.ArticleID])
			}
		}
	}
	b.Quotes = keyQuotes(in.Quotes, arts, opts)
	b.Outlets = outlets(in, arts)
	b.Disagreements = append(b.Disagreements, opts.Disagreements...)
	b.Checked = append([]string{}, opts.Checked...)
	if in.Comparison != nil {
		b.fromComparison(*in.Comparison)
	}
	if !slices.Contains(b.Checked, "dates") {
		b.Checked = append(b.Checked, "event dates")
	}
	for _, d := range disputes {
		if !b.disputed(d) {
			b.Disagreements = append(b.Disagreements, dateDisagreement(d, arts))
		}
	}
	return b
}

// titleOf is the article's title, or the start of its first line when it
// has none.
func titleOf(a news.Article) string {
	if t := strings.TrimSpace(a.Title); t != "" {
		return t
	}
	line, _, _ := strings.Cut(strings.TrimSpace(a.Text), "\n")
	const max = 90
	if len(line) <= max {
		return line
	}
	cut := strings.LastIndexByte(line[:max], ' ')
	if cut < max/2 {
		cut = max
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
	}
	return strings.TrimRight(line[:cut], " ,;:") + "…"
}

// keyEvents keeps at most max events: those cited by the most articles,
// then the finer dated, then the later; the kept ones stay in date order.
func keyEvents(evs []timeline.Event, max int) ([]timeline.Event, int) {
	if len(evs) <= max {
		return evs, 0
	}
	rank := make([]int, len(evs))
	for i := range rank {
		rank[i] = i
	}
	prec := map[string]int{"day": 0, "week": 1, "month": 2}
	slices.SortStableFunc(rank, func(i, j int) int {
		a, b := evs[i], evs[j]
		if c := cmp.Compare(len(b.Sources), len(a.Sources)); c != 0 {
			return c
		}
		if c := cmp.Compare(prec[a.Precision], prec[b.Precision]); c != 0 {
			return c
		}
		return cmp.Compare(j, i) // later first
	})
	keep := rank[:max]
	slices.Sort(keep)
	out := make([]timeline.Event, 0, max)
	for _, i := range keep {
		out = append(out, evs[i])
	}
	return out, len(evs) - max
}

// outletOf names the outlet an article's text comes from.
func outletOf(a news.Article) string {
	if a.OriginOutlet != "" {
		return a.OriginOutlet
	}
	if a.Outlet != "" {
		return a.Outlet
	}
	return "unknown outlet"
}

func republisherOf(a news.Article) string {
	if a.Republisher != "" && a.Republisher != a.OriginOutlet {
		return a.Republisher
	}
	return ""
}

// compareTimes orders dated times first, earliest first.
func compareTimes(a, b time.Time) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

// named reports whether a quote's speaker is someone a reader can cite.
func named(q news.Quote) bool {
	s := strings.TrimSpace(q.Speaker)
	return s != "" && s != "unnamed"
}

// keyQuotes picks the quotes worth a briefing: direct quotes of named
// speakers of a readable length, at most QuotesPerSpeaker per speaker and
// spread over speakers and outlets, the same words carried by several
// outlets listed once, in date order.
func keyQuotes(qs []news.Quote, arts map[string]news.Article, opts Options) []Quote {
	type cand struct {
		q     news.Quote
		score float64
		also  []string
	}
	byText := map[string]*cand{}
	var cands []*cand
	for _, q := range qs {
		if !q.Direct || !named(q) {
			continue
		}
		n := len(strings.Fields(q.Text))
		if n < 6 {
			continue
		}
		a := arts[q.ArticleID]
		key := foldText(q.Text)
		if c, ok := byText[key]; ok {
			o := outletOf(a)
			if o != outletOf(arts[c.q.ArticleID]) && !slices.Contains(c.also, o) {
				c.also = append(c.also, o)
			}
			continue
		}
		// Longer quotes carry a position, up to 40 words; past 60 they are
		// too long to paste.
		score := float64(min(n, 40)) / 40
		if n > 60 {
			score -= 0.3
		}
		if q.SpeakerID != "" {
			score += 0.2
		}
		c := &cand{q: q, score: score}
		byText[key] = c
		cands = append(cands, c)
	}
	// Greedy: each pick is the best remaining quote after a penalty for
	// speakers and outlets already picked, so the briefing hears several
	// voices through several outlets.
	perSpeaker := map[string]int{}
	perOutlet := map[string]int{}
	used := make([]bool, len(cands))
	var picked []*cand
	for len(picked) < opts.MaxQuotes {
		best, bestScore := -1, 0.0
		for i, c := range cands {
			sp := strings.ToLower(c.q.Speaker)
			if used[i] || perSpeaker[sp] >= opts.QuotesPerSpeaker {
				continue
			}
			s := c.score - 0.3*float64(perSpeaker[sp]) - 0.2*float64(perOutlet[outletOf(arts[c.q.ArticleID])])
			if best < 0 || s > bestScore {
				best, bestScore = i, s
			}
		}
		if best < 0 {
			break
		}
		c := cands[best]
		used[best] = true
		perSpeaker[strings.ToLower(c.q.Speaker)]++
		perOutlet[outletOf(arts[c.q.ArticleID])]++
		picked = append(picked, c)
	}
	slices.SortStableFunc(picked, func(x, y *cand) int {
		if c := compareTimes(arts[x.q.ArticleID].Published, arts[y.q.ArticleID].Published); c != 0 {
			return c
		}
		if c := cmp.Compare(x.q.ArticleID, y.q.ArticleID); c != 0 {
			return c
		}
		return cmp.Compare(x.q.Start, y.q.Start)
	})
	out := make([]Quote, 0, len(picked))
	for _, c := range picked {
		a := arts[c.q.ArticleID]
		date := c.q.Date
		if date.IsZero() {
			date = a.Published
		}
		out = append(out, Quote{
			Speaker: c.q.Speaker, Text: strings.TrimRight(strings.TrimSpace(c.q.Text), ", "), Cue: c.q.Cue, Outlet: outletOf(a),
			ArticleID: c.q.ArticleID, URL: a.URL, Date: date, AlsoIn: c.also,
		})
	}
	return out
}

// foldText reduces a quote to lower-case letters and digits, so copies
// that differ in punctuation or spacing match.
func foldText(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// outlets counts each outlet's articles, stories and quoted speakers.
func outlets(in Input, arts map[string]news.Article) []Outlet {
	byName := map[string]*Outlet{}
	var order []string
	get := func(name string) *Outlet {
		o, ok := byName[name]
		if !ok {
			o = &Outlet{Name: name, Voices: []Voice{}}
			byName[name] = o
			order = append(order, name)
		}
		return o
	}
	for _, d := range in.Docs {
		o := get(outletOf(d.Article))
		o.Articles++
		if p := d.Article.Published; !p.IsZero() {
			if o.First.IsZero() || p.Before(o.First) {
				o.First = p
			}
			if p.After(o.Last) {
				o.Last = p
			}
		}
	}
	for _, s := range in.Stories {
		seen := map[string]bool{}
		for _, id := range s.ArticleIDs {
			a, ok := arts[id]
			if !ok || seen[outletOf(a)] {
				continue
			}
			seen[outletOf(a)] = true
			get(outletOf(a)).Stories++
		}
	}
	voices := map[string]map[string]int{}
	for _, q := range in.Quotes {
		a, ok := arts[q.ArticleID]
		if !ok || !named(q) {
			continue
		}
		name := outletOf(a)
		o := get(name)
		o.Quotes++
		if voices[name] == nil {
			voices[name] = map[string]int{}
		}
		voices[name][q.Speaker]++
	}
	out := make([]Outlet, 0, len(order))
	for _, name := range order {
		o := byName[name]
		for sp, n := range voices[name] {
			o.Voices = append(o.Voices, Voice{Speaker: sp, Quotes: n})
		}
		slices.SortFunc(o.Voices, func(x, y Voice) int {
			if c := cmp.Compare(y.Quotes, x.Quotes); c != 0 {
				return c
			}
			return cmp.Compare(x.Speaker, y.Speaker)
		})
		out = append(out, *o)
	}
	slices.SortStableFunc(out, func(x, y Outlet) int {
		if c := cmp.Compare(y.Articles, x.Articles); c != 0 {
			return c
		}
		return cmp.Compare(x.Name, y.Name)
	})
	return out
}
