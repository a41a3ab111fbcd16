package compare

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/parallax-news/parallax/internal/facts"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sentence"
)

// Doc is one article as the disagreement finder sees it: its text, the
// outlet it is credited to and the quotes found in it.
type Doc struct {
	ArticleID string
	Outlet    string
	// Published (zero when unknown) decides whether dates without a year
	// in two articles can be compared.
	Published time.Time
	Text      string
	Quotes    []news.Quote
	// Language is the article's ISO 639-1 code (empty reads as English):
	// the days of events are read by internal/facts in it.
	Language string
}

// Disagreement kinds.
const (
	KindNumber      = "number"      // same count or amount, different values
	KindDate        = "date"        // same event, different dates
	KindAttribution = "attribution" // same words, different speakers
	KindPolarity    = "polarity"    // same actor and predicate, opposite sense
)

// Disagreement is a pair of statements from two outlets that cannot both
// be true as written.
type Disagreement struct {
	Kind string `json:"kind"`
	// About names what they disagree on ("drone", "Russia: agree/refuse").
	About string `json:"about"`
	// Score in [0, 1] is how closely the two statements are aligned (the
	// overlap of their words): higher is a surer disagreement.
	Score float64 `json:"score"`
	A     Claim   `json:"a"`
	B     Claim   `json:"b"`
}

// Claim is one side of a disagreement.
type Claim struct {
	ArticleID string `json:"article_id"`
	Outlet    string `json:"outlet"`
	Sentence  string `json:"sentence"`
	// Value is what this side states: "40 drone", "12-02", "refuse", or the
	// speaker of an attributed quote.
	Value string `json:"value"`
}

// Alignment thresholds: how much two sentences must share to be taken as
// statements about the same thing. Chosen to favour precision.
const (
	minNumberSim = 0.3 // word overlap (Jaccard) of sentences with conflicting numbers
	minQuoteSim  = 0.6 // of two quotes attributed to different speakers
	minQuoteLen  = 3   // content words of a quote for attribution checks
	maxFound     = 50  // disagreements kept per comparison
)

func disagreementsOf(cols []*column, quotes []news.Quote) []Disagreement {
	byArticle := map[string][]news.Quote{}
	for _, q := range quotes {
		byArticle[q.ArticleID] = append(byArticle[q.ArticleID], q)
	}
	var docs []Doc
	for _, col := range cols {
		for _, a := range col.arts {
			docs = append(docs, Doc{ArticleID: a.ID, Outlet: col.o.Name, Published: a.Published, Text: a.Text, Quotes: byArticle[a.ID], Language: a.Language})
		}
	}
	return FindDisagreements(docs)
}

// FindDisagreements returns the statements of docs that conflict across
// outlets (docs of the same outlet are never compared), surest first. It
// aligns sentences that share names and words, then flags different exact
// numbers of the same thing, different dates of the same event, opposite
// predicates (refused/agreed, denied/confirmed, a negated verb) of the same
// actor about the same object, and near-identical quotes given to different
// speakers. Approximate numbers ("at least 40"), ages, years and future
// events are never compared.
func FindDisagreements(docs []Doc) []Disagreement {
	// Only sentences with a number, a date or a predicate can conflict;
	// they are compared with each other across outlets when they share a
	// name.
	type ref struct {
		doc int
		s   *sent
	}
	var cands []ref
	for i, d := range docs {
		for _, s := range analyse(d.Text) {
			if len(s.nums) > 0 || len(s.dates) > 0 || len(s.preds) > 0 {
				cands = append(cands, ref{i, s})
			}
		}
	}
	out := []Disagreement{}
	seen := map[string]bool{}
	add := func(x Disagreement) {
		k := x.Kind + "\x00" + x.A.ArticleID + x.A.Sentence + "\x00" + x.B.ArticleID + x.B.Sentence
		if !seen[k] {
			seen[k] = true
			out = append(out, x)
		}
	}
	for x := range cands {
		for y := x + 1; y < len(cands); y++ {
			a, b := cands[x], cands[y]
			da, db := docs[a.doc], docs[b.doc]
			if da.Outlet == db.Outlet || !comparable(a.s, b.s) {
				continue
			}
			for _, d := range conflicts(a.s, b.s) {
				d.A.ArticleID, d.A.Outlet = da.ArticleID, da.Outlet
				d.B.ArticleID, d.B.Outlet = db.ArticleID, db.Outlet
				add(d)
			}
		}
	}
	for _, d := range attributions(docs) {
		add(d)
	}
	for _, d := range eventDates(docs) {
		add(d)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	if len(out) > maxFound {
		out = out[:maxFound]
	}
	return out
}

// eventDates returns the events that outlets put on different days, as
// the facts stage reads them (internal/facts: one kind of event, the same
// people, days at most three apart; sayings, deadlines and announced days
// that later changed are not differences).
func eventDates(docs []Doc) []Disagreement {
	fds := make([]facts.Doc, len(docs))
	for i, d := range docs {
		fds[i] = facts.Doc{ArticleID: d.ArticleID, Outlet: d.Outlet, Language: d.Language, Published: d.Published, Text: d.Text}
	}
	var out []Disagreement
	for _, g := range facts.Align(fds) {
		if g.Kind != facts.KindDate || g.Verdict != facts.Differ {
			continue
		}
		for i, a := range g.Claims {
			for _, b := range g.Claims[i+1:] {
				if a.Outlet == b.Outlet || a.Date == b.Date {
					continue
				}
				sim := 0.0
				if sa, sb := analyse(a.Sentence), analyse(b.Sentence); len(sa) > 0 && len(sb) > 0 {
					sim = similarity(sa[0].terms, sb[0].terms)
				}
				out = append(out, Disagreement{Kind: KindDate, About: strings.TrimPrefix(g.Subject, "date: "), Score: round2(sim),
					A: Claim{ArticleID: a.ArticleID, Outlet: a.Outlet, Sentence: a.Sentence, Value: a.Date},
					B: Claim{ArticleID: b.ArticleID, Outlet: b.Outlet, Sentence: b.Sentence, Value: b.Date}})
			}
		}
	}
	return out
}

// comparable reports whether two sentences have a kind of claim in common.
func comparable(s, t *sent) bool {
	return len(s.nums) > 0 && len(t.nums) > 0 || len(s.dates) > 0 && len(t.dates) > 0 || len(s.preds) > 0 && len(t.preds) > 0
}

// sent is one analysed sentence.
type sent struct {
	text   string
	toks   []string // tokens, lower case (punctuation kept as its own token)
	raw    []string // tokens as written
	terms  map[string]bool
	names  map[string]bool
	nums   []number
	dates  []string // "MM-DD"
	preds  []pred
	future bool
	// cumulative marks running totals ("has launched 1,500 this week",
	// "so far"), which are not comparable with one night's count.
	cumulative bool
	// timed marks a clock time ("at 9:34 a.m."): a value of that moment.
	timed bool
	// revised marks values that changed ("up from", "previous offer").
	revised bool
	// caption marks photo captions, whose dates are of the photo.
	caption bool
}

type number struct {
	value   float64
	unit    string
	context map[string]bool
	text    string
	approx  bool
}

type pred struct {
	group    string
	positive bool
	cue      string
	subject  string // the name right before the cue, canonical words joined by spaces
	object   map[string]bool
}

var tokenRE = regexp.MustCompile(`\d{1,3}(?:,\d{3})+(?:\.\d+)?|[$€£%,;:()]|[\p{L}\p{N}]+(?:[.’'-][\p{L}\p{N}]+)*`)

func analyse(text string) []*sent {
	var out []*sent
	for _, sp := range sentence.Split(text) {
		st := sp.Text(text)
		if len(st) > 1000 {
			continue // tables, lists: not statements
		}
		out = append(out, analyseSentence(st))
	}
	return out
}

func analyseSentence(st string) *sent {
	norm := strings.NewReplacer("U.S.", "US", "U.K.", "UK", "U.N.", "UN", "E.U.", "EU").Replace(st)
	s := &sent{text: strings.TrimSpace(st), terms: map[string]bool{}, names: map[string]bool{}}
	s.raw = tokenRE.FindAllString(norm, -1)
	s.toks = make([]string, len(s.raw))
	for i, r := range s.raw {
		s.toks[i] = strings.ReplaceAll(strings.ToLower(r), "’", "'")
	}
	for i, r := range s.raw {
		w := s.toks[i]
		if w == ":" && i > 0 && i+1 < len(s.toks) && isDigits(s.toks[i-1]) && isDigits(s.toks[i+1]) {
			s.timed = true
		}
		if boundary(w) || !hasLetter(w) {
			continue
		}
		if future[w] || (w == "to" && i > 0 && intends[s.toks[i-1]]) {
			s.future = true
		}
		if cumulative[w] || (i > 0 && w == "far" && s.toks[i-1] == "so") || (i > 0 && (w == "week" || w == "month" || w == "year") && s.toks[i-1] == "this") ||
			((w == "has" || w == "have") && i+1 < len(s.toks) && strings.HasSuffix(s.toks[i+1], "ed")) {
			s.cumulative = true
		}
		if w == "a.m" || w == "p.m" || w == "gmt" || (w == ":" && i > 0 && i+1 < len(s.toks) && isDigits(s.toks[i-1]) && isDigits(s.toks[i+1])) {
			s.timed = true
		}
		if revision[w] || (i > 0 && w == "from" && (s.toks[i-1] == "up" || s.toks[i-1] == "down")) {
			s.revised = true
		}
		if w == "photo" || w == "pictured" || w == "caption" {
			s.caption = true
		}
		if months[w] != 0 || weekdays[w] {
			continue
		}
		c := canon(w)
		if !stop[w] && len(w) >= 3 {
			s.terms[c] = true
		}
		if unicode.IsUpper([]rune(r)[0]) && !stop[w] && !titles[w] && (i > 0 || len(w) >= 3) {
			s.names[c] = true
		}
	}
	s.findNumbers()
	s.findDates()
	s.findPreds()
	return s
}

func crosses(toks []string) bool {
	for _, t := range toks {
		if boundary(t) {
			return true
		}
	}
	return false
}

func boundary(w string) bool { return len(w) == 1 && strings.ContainsAny(w, ",;:()") }

// canon folds a word to a comparable stem, mapping metonyms of states to
// the state (Kremlin, Moscow, Russian -> russia).
func canon(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'")
	if c, ok := metonyms[w]; ok {
		return c
	}
	return stem(w)
}

func stem(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		return w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		return strings.TrimSuffix(w[:len(w)-2], "e")
	case len(w) > 3 && strings.HasSuffix(w, "es") && strings.HasSuffix(w[:len(w)-2], "s"):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return strings.TrimSuffix(w[:len(w)-1], "e")
	case len(w) > 3 && strings.HasSuffix(w, "e"):
		return w[:len(w)-1]
	}
	return w
}

var metonyms = map[string]string{
	"kremlin": "russia", "moscow": "russia", "russian": "russia", "russians": "russia",
	"kyiv": "ukraine", "kiev": "ukraine", "ukrainian": "ukraine", "ukrainians": "ukraine",
	"us": "us", "america": "us", "american": "us", "americans": "us", "washington": "us",
	"eu": "eu", "russia": "russia", "ukraine": "ukraine",
}

var titles = setOf(`president vice minister foreign prime secretary general chancellor spokesman spokeswoman
spokesperson governor senator sen rep mr mrs ms dr state deputy chief head adviser envoy special`)

var future = setOf(`will upcoming tomorrow`)

var revision = setOf(`previous previously earlier initial initially original originally former revised raised lowered increased decreased`)

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

var cumulative = setOf(`total overall alone since cumulative altogether`)

// intends are words that make "to" point to the future ("expected to meet").
var intends = setOf(`expected scheduled due set plans planned planning going intends`)

var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

var weekdays = setOf(`monday tuesday wednesday thursday friday saturday sunday`)

var spelled = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}

var multipliers = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3}

// qualifiers before a number make it approximate or a bound.
var qualifiers = setOf(`least more than over nearly almost about around some up roughly approximately fewer less
under estimated nearly close upwards maybe perhaps possibly several dozens hundreds thousands`)

var numRE = regexp.MustCompile(`^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(bn|m|k)?$`)

func (s *sent) findNumbers() {
	for i := 0; i < len(s.toks); i++ {
		w := s.toks[i]
		var v float64
		unit := ""
		if m := numRE.FindStringSubmatch(w); m != nil {
			f, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
			if err != nil {
				continue
			}
			v = f
			if m[2] != "" {
				v *= multipliers[m[2]]
			}
		} else if f, ok := spelled[w]; ok {
			v = f
		} else if head, rest, ok := strings.Cut(w, "-"); ok && numRE.MatchString(head) && !strings.Contains(rest, "-") {
			// 28-point, 30-day: the number modifies the noun after the hyphen.
			f, err := strconv.ParseFloat(strings.ReplaceAll(head, ",", ""), 64)
			if err != nil {
				continue
			}
			v, unit = f, canon(rest)
		} else {
			continue
		}
		if strings.Contains(w, "year-old") || strings.HasSuffix(w, "-old") {
			continue // ages of different people
		}
		prev, next := "", ""
		if i > 0 {
			prev = s.toks[i-1]
		}
		if i+1 < len(s.toks) {
			next = s.toks[i+1]
		}
		if months[prev] != 0 || months[next] != 0 || next == "a.m" || next == "p.m" || next == ":" {
			continue // a date or a clock time
		}
		if unit == "" && len(w) == 4 && v >= 1900 && v <= 2100 && !strings.Contains(w, ",") {
			continue // a year
		}
		n := number{value: v, text: s.raw[i], context: map[string]bool{}}
		// Qualifiers and currency before the number.
		k := i - 1
		currency := false
		for ; k >= 0 && k >= i-3; k-- {
			t := s.toks[k]
			if t == "$" || t == "€" || t == "£" {
				currency = true
				n.text = s.raw[k] + n.text
				continue
			}
			if qualifiers[t] {
				n.approx = true
				continue
			}
			if t == "a" || t == "an" || t == "the" || t == "to" || t == "of" || t == "at" || t == "by" || t == "than" {
				continue
			}
			break
		}
		// The word before: the verb or noun the number goes with.
		for c := i - 1; c >= 0 && c >= i-4; c-- {
			t := s.toks[c]
			if boundary(t) {
				break
			}
			if hasLetter(t) && !stop[t] && !qualifiers[t] && len(t) >= 3 && !s.capital(c) {
				n.context[canon(t)] = true
				break
			}
		}
		j := i + 1
		if j < len(s.toks) && multipliers[s.toks[j]] != 0 && s.toks[j] != "m" && s.toks[j] != "k" {
			v *= multipliers[s.toks[j]]
			n.value = v
			n.text += " " + s.raw[j]
			j++
		}
		switch {
		case unit != "":
		case j < len(s.toks) && (s.toks[j] == "%" || s.toks[j] == "percent" || s.toks[j] == "pct"):
			unit = "percent"
			j++
		case j+1 < len(s.toks) && s.toks[j] == "per" && s.toks[j+1] == "cent":
			unit = "percent"
			j += 2
		case currency:
			unit = "money"
		case j < len(s.toks) && hasLetter(s.toks[j]) && !stop[s.toks[j]] && !boundary(s.toks[j]):
			// Skip names and national adjectives to the counted noun:
			// "20 North Korean vessels" counts vessels.
			for k := 0; k < 3 && j+1 < len(s.toks) && s.capital(j) && hasLetter(s.toks[j+1]) && !stop[s.toks[j+1]]; k++ {
				n.text += " " + s.raw[j]
				j++
			}
			if s.capital(j) {
				break
			}
			unit = canon(s.toks[j])
			n.text += " " + s.raw[j]
			j++
		}
		if unit == "" {
			continue
		}
		n.unit = unit
		if j+1 < len(s.toks) && s.toks[j] == "or" && (s.toks[j+1] == "more" || s.toks[j+1] == "so" || s.toks[j+1] == "fewer") {
			n.approx = true
		}
		// The word after: the counted thing ("$5 billion aid") or the verb
		// ("12 people were killed").
		for c := j; c < len(s.toks) && c < j+3; c++ {
			t := s.toks[c]
			if boundary(t) {
				break
			}
			if hasLetter(t) && !stop[t] && t != "were" && len(t) >= 3 && months[t] == 0 && !weekdays[t] && !s.capital(c) {
				n.context[canon(t)] = true
				break
			}
		}
		s.nums = append(s.nums, n)
	}
}

func (s *sent) findDates() {
	for i, w := range s.toks {
		m := months[w]
		if m == 0 || (w == "may" && (i == 0 || !unicode.IsUpper([]rune(s.raw[i])[0]))) {
			continue
		}
		day := 0
		if i+1 < len(s.toks) {
			day, _ = strconv.Atoi(s.toks[i+1])
		}
		if (day < 1 || day > 31) && i > 0 {
			day, _ = strconv.Atoi(s.toks[i-1])
		}
		// Only dates of the sentence's event ("met on December 2"), not
		// those modifying a noun ("an Oct. 19 rendezvous").
		on := i > 0 && s.toks[i-1] == "on" || i > 1 && s.toks[i-2] == "on" && isDigits(s.toks[i-1])
		if day >= 1 && day <= 31 && on {
			s.dates = append(s.dates, fmt.Sprintf("%02d-%02d", m, day))
		}
	}
}

// cue is a predicate phrase with a polarity within its group.
type cue struct {
	group    string
	positive bool
	words    []string // lower-case tokens; "*" matches any one token
}

var cues = func() []cue {
	var cs []cue
	add := func(group string, positive bool, phrases string) {
		for _, p := range strings.Split(phrases, "|") {
			cs = append(cs, cue{group: group, positive: positive, words: strings.Fields(p)})
		}
	}
	add("agree", true, "agreed|agrees|agree|agreeing|accepted|accepts|accept|accepting|signed|signs|sign|approved|approves|conceded|made concessions|make concessions|makes concessions|making concessions|made * concessions|make * concessions|offered concessions|offered * concessions")
	add("agree", false, "refused|refuses|refuse|refusing|rejected|rejects|reject|rejecting|declined|declines|ruled out|rules out|rule out|walked away|walked out|made no concessions|make no concessions")
	add("confirm", true, "confirmed|confirms|confirm|acknowledged|acknowledges|admitted|admits")
	add("confirm", false, "denied|denies|deny|denying")
	// Longest phrases first so that "made significant concessions" wins.
	sort.SliceStable(cs, func(i, j int) bool { return len(cs[i].words) > len(cs[j].words) })
	return cs
}()

var negations = setOf(`not n't never no didn't doesn't don't hasn't haven't hadn't won't wouldn't cannot can't`)

func (s *sent) findPreds() {
	type hit struct {
		c     cue
		start int
		end   int
	}
	var hits []hit
	used := make([]bool, len(s.toks))
	for _, c := range cues {
	scan:
		for i := 0; i+len(c.words) <= len(s.toks); i++ {
			for k, w := range c.words {
				if used[i+k] || (w != "*" && s.toks[i+k] != w) || (w == "*" && (boundary(s.toks[i+k]) || negations[s.toks[i+k]])) {
					continue scan
				}
			}
			for k := range c.words {
				used[i+k] = true
			}
			hits = append(hits, hit{c, i, i + len(c.words)})
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].start < hits[j].start })
	for hi, h := range hits {
		pos := h.c.positive
		start := h.start
		// A cue just before makes one predicate with this one ("refused to
		// make concessions", "agreed to sign", "refused to confirm"): the
		// sense is negative when exactly one of them is.
		if hi > 0 {
			prev := hits[hi-1]
			if prev.end >= h.start-3 && !crosses(s.toks[prev.end:h.start]) {
				pos = prev.c.positive == h.c.positive
				start = prev.start
				if len(s.preds) > 0 && s.preds[len(s.preds)-1].cue == strings.Join(s.raw[prev.start:prev.end], " ") {
					s.preds = s.preds[:len(s.preds)-1]
				}
			}
		}
		// A negation just before flips it ("did not agree").
		for k := start - 1; k >= 0 && k >= start-3; k-- {
			if boundary(s.toks[k]) {
				break
			}
			if negations[s.toks[k]] {
				pos = !pos
				break
			}
		}
		p := pred{group: h.c.group, positive: pos, cue: strings.Join(s.raw[start:h.end], " "), subject: s.subjectBefore(start), object: map[string]bool{}}
		for k := h.end; k < len(s.toks) && k < h.end+8; k++ {
			t := s.toks[k]
			if hasLetter(t) && !stop[t] && len(t) >= 3 && t != "any" && t != "further" && !weekdays[t] && months[t] == 0 {
				p.object[canon(t)] = true
			}
		}
		if p.subject != "" && len(p.object) > 0 {
			s.preds = append(s.preds, p)
		}
	}
}

// subjectBefore returns the nearest name (a run of capitalised words) in
// the eight tokens before token end, as canonical words without titles.
func (s *sent) subjectBefore(end int) string {
	k := end - 1
	for ; k >= 0 && k >= end-8; k-- {
		if boundary(s.toks[k]) {
			return ""
		}
		if s.capital(k) {
			break
		}
	}
	if k < 0 || k < end-8 {
		return ""
	}
	var ws []string
	for ; k >= 0 && s.capital(k); k-- {
		if !titles[s.toks[k]] {
			ws = append([]string{canon(s.toks[k])}, ws...)
		}
	}
	return strings.Join(ws, " ")
}

// capital reports whether token k is a capitalised word that is not a stop
// word ("The", "But").
func (s *sent) capital(k int) bool {
	r := []rune(s.raw[k])
	return len(r) > 0 && unicode.IsUpper(r[0]) && !stop[s.toks[k]] && hasLetter(s.toks[k])
}

// sameSubject reports whether two subjects name the same actor: equal, or
// one is the final words of the other ("Putin", "Vladimir Putin").
func sameSubject(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return a == b || strings.HasSuffix(b, " "+a)
}

// similarity is the Jaccard overlap of two sentences' words.
func similarity(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for w := range a {
		if b[w] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

func intersects(a, b map[string]bool) bool {
	for w := range a {
		if b[w] {
			return true
		}
	}
	return false
}

// conflicts returns the disagreements between two sentences of different
// outlets.
func conflicts(s, t *sent) []Disagreement {
	var out []Disagreement
	if !intersects(s.names, t.names) {
		return nil
	}
	sim := similarity(s.terms, t.terms)
	claim := func(x *sent, v string) Claim { return Claim{Sentence: x.text, Value: v} }
	if sim >= minNumberSim && s.cumulative == t.cumulative && !s.timed && !t.timed && !s.revised && !t.revised {
		for _, d := range numberConflicts(s, t) {
			d.Score = round2(sim)
			out = append(out, d)
		}
	}
	// Dates are the facts stage's (eventDates): the day of an event read
	// with its kind and its people, weekdays resolved.
	for _, p := range s.preds {
		for _, q := range t.preds {
			if p.group != q.group || p.positive == q.positive || !sameSubject(p.subject, q.subject) || !intersects(p.object, q.object) {
				continue
			}
			out = append(out, Disagreement{Kind: KindPolarity, About: p.subject + ": " + p.group,
				Score: round2(math.Max(sim, similarity(p.object, q.object))), A: claim(s, p.cue), B: claim(t, q.cue)})
		}
	}
	return out
}

// numberConflicts finds counts of the same unit in the same context with
// different exact values, when the sentences share no value for the unit.
func numberConflicts(s, t *sent) []Disagreement {
	var out []Disagreement
	for _, a := range s.nums {
		if a.approx {
			continue
		}
		for _, b := range t.nums {
			if b.approx || a.unit != b.unit || !intersects(a.context, b.context) || a.value == b.value {
				continue
			}
			if sharesValue(s.nums, t.nums, a.unit) {
				continue
			}
			out = append(out, Disagreement{Kind: KindNumber, About: a.unit, A: Claim{Sentence: s.text, Value: a.text}, B: Claim{Sentence: t.text, Value: b.text}})
		}
	}
	return out
}

func sharesValue(xs, ys []number, unit string) bool {
	for _, x := range xs {
		for _, y := range ys {
			if x.unit == unit && y.unit == unit && x.value == y.value {
				return true
			}
		}
	}
	return false
}

// attributions finds near-identical direct quotes given to different
// speakers by different outlets. Indirect speech is left out: two sources
// often report the same fact in the same words.
func attributions(docs []Doc) []Disagreement {
	type qinfo struct {
		doc   int
		q     news.Quote
		terms map[string]bool
	}
	var qs []qinfo
	index := map[string][]int{} // term -> indexes into qs
	for i, d := range docs {
		for _, q := range d.Quotes {
			if !q.Direct || q.SpeakerID == "" || anonymous(q.Speaker) || acronym(q.Speaker) {
				continue
			}
			ts := termSet(q.Text)
			if len(ts) < minQuoteLen {
				continue
			}
			for t := range ts {
				index[t] = append(index[t], len(qs))
			}
			qs = append(qs, qinfo{i, q, ts})
		}
	}
	var out []Disagreement
	for x, p := range qs {
		shared := map[int]int{}
		for t := range p.terms {
			for _, y := range index[t] {
				if y > x {
					shared[y]++
				}
			}
		}
		ys := make([]int, 0, len(shared))
		for y := range shared {
			ys = append(ys, y)
		}
		sort.Ints(ys)
		for _, y := range ys {
			q := qs[y]
			a, b := docs[p.doc], docs[q.doc]
			sim := float64(shared[y]) / float64(len(p.terms)+len(q.terms)-shared[y])
			if a.Outlet == b.Outlet || sim < minQuoteSim || sameSpeaker(p.q, q.q) {
				continue
			}
			// Each article must name only its own speaker: when the other
			// speaker appears in it too, the quote finder may have picked
			// the wrong name, or both spoke.
			if mentions(a.Text, q.q.Speaker) || mentions(b.Text, p.q.Speaker) {
				continue
			}
			out = append(out, Disagreement{Kind: KindAttribution, About: clipWords(p.q.Text, 12), Score: round2(sim),
				A: Claim{ArticleID: a.ArticleID, Outlet: a.Outlet, Sentence: quoteSentence(a.Text, p.q), Value: p.q.Speaker},
				B: Claim{ArticleID: b.ArticleID, Outlet: b.Outlet, Sentence: quoteSentence(b.Text, q.q), Value: q.q.Speaker}})
		}
	}
	return out
}

// mentions reports whether the text names the speaker (by the last word
// of the name).
func mentions(text, speaker string) bool {
	f := strings.Fields(speaker)
	if len(f) == 0 {
		return false
	}
	last := strings.ToLower(f[len(f)-1])
	for _, w := range words(text) {
		if strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")) == last {
			return true
		}
	}
	return false
}

func termSet(text string) map[string]bool {
	m := map[string]bool{}
	for _, t := range Terms(text) {
		m[canon(t)] = true
	}
	return m
}

// acronym reports whether a speaker is written as an acronym ("ANA",
// "RAIB"): an alias the other article may spell out, so not comparable.
func acronym(speaker string) bool {
	s := strings.TrimSpace(speaker)
	return len(s) >= 2 && strings.ToUpper(s) == s && hasLetter(s)
}

func anonymous(speaker string) bool {
	s := strings.ToLower(strings.TrimSpace(speaker))
	return s == "" || s == "unnamed" || !unicode.IsUpper([]rune(strings.TrimSpace(speaker))[0])
}

// sameSpeaker compares entity IDs when both are known, else names: equal,
// or one's last word the other's ("Vance" and "JD Vance").
func sameSpeaker(p, q news.Quote) bool {
	if p.SpeakerID != "" && p.SpeakerID == q.SpeakerID {
		return true
	}
	a, b := strings.Fields(strings.ToLower(p.Speaker)), strings.Fields(strings.ToLower(q.Speaker))
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	return a[len(a)-1] == b[len(b)-1]
}

// quoteSentence returns the sentence around a quote, or the quote's text.
func quoteSentence(text string, q news.Quote) string {
	if q.Start >= 0 && q.End <= len(text) && q.Start < q.End {
		spans := sentence.Split(text)
		if i := sentence.Index(spans, q.Start); i < len(spans) {
			s := spans[i]
			end := s.End
			if j := sentence.Index(spans, q.End-1); j >= i && j < len(spans) {
				end = spans[j].End
			}
			return strings.TrimSpace(text[s.Start:end])
		}
	}
	return q.Text
}

func clipWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:n], " ") + " …"
}
