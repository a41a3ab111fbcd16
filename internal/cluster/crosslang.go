package cluster

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/lang"
)

// What crosses languages. Two reports of one event in different languages
// share few words, but they name the same people and places, give the same
// figures and the same dates. Each article gets, beside its words, a
// vector of such language-neutral terms (see crossTerms):
//
//   - names: capitalised words that do not start a sentence, with their
//     case endings folded and written as a key shared by every script and
//     spelling (see nameKey): Ушакова, Ушаков, Uschakow and Ushakov give
//     one key;
//   - figures: numbers of two digits or more (a 28-point plan, 5,000
//     troops);
//   - dates: a day with its month, in any of the languages with a calendar
//     below ("2 декабря", "2 грудня", "2. Dezember", "December 2"), which
//     keep look-alike events (the same people meeting again weeks later)
//     apart even when an article carries no date of its own.
//
// These terms are compared (see Clusterer.crossScore) only between an
// article and a story, or two stories, that do not share a language: for
// articles of one language the words say more, and the figures of a
// monolingual stream stay as they were.
const crossPrefix = "\x01"

// Prefixes of the three kinds of cross-language terms, after crossPrefix.
const (
	crossName   = "n:"
	crossNumber = "#"
	crossDate   = "@"
)

// nameKey folds one word of a name to a key shared by its spellings across
// scripts and cases, or "" when the word is too short to tell names apart:
// lang.PhoneticKey, coarser than the entity registry's lang.NameKey, since
// a story only needs names to meet, not to be told apart.
var nameKey = lang.PhoneticKey

// monthOf returns the month (1–12) a word names in any of the languages
// with a calendar (internal/lang), or 0.
var monthOf = lang.Month

// crossTermsCached is crossTerms with a cache of name keys by word (nil for
// none), which it fills.
func crossTermsCached(toks []token, l string, ents []string, cache *sharedCache) map[string]float64 {
	key := func(w string) string {
		if cache == nil {
			return nameKey(w)
		}
		return cache.get(w, nameKey)
	}
	out := make(map[string]float64)
	caps := 0
	for _, t := range toks {
		if t.cap {
			caps++
		}
	}
	// A text mostly in capitals names nothing by its capitals; German
	// capitalises every noun, so only a text capitalised far beyond that
	// counts as one.
	allCaps := len(toks) > 0 && caps*2 > len(toks)
	if l == langDE {
		allCaps = len(toks) > 0 && caps*5 > len(toks)*4
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if m, d, n := numericDate(toks[i:], l); n > 0 {
			// "23.11.2025", "2025-11-23", "11/23/2025".
			out[crossPrefix+crossDate+pad2(m)+"-"+pad2(d)] += 2
			i += n - 1
			continue
		}
		if d := dayNumber(t.word); d > 0 {
			// "2 December", "2. Dezember", "2 декабря"; "December 2"; the
			// first day of a range or pair ("14–15 December", "23 и 24
			// января") and the second ("December 14–15").
			if m := monthNear(toks, i); m > 0 {
				out[crossPrefix+crossDate+pad2(m)+"-"+pad2(d)] += 2
				continue
			}
		}
		if n := numberOf(t.word); n != "" {
			out[crossPrefix+crossNumber+n]++
			continue
		}
		if k := dayWordTerm(t.word); k != "" {
			out[k]++ // resolved against the publication (resolveDays)
			continue
		}
		if m := monthOf(t.word); m > 0 {
			// A month named without a day ("Ende November", "in August"):
			// in English only capitalised inside a sentence (may, march).
			if l != langEN || t.cap && !t.start {
				out[crossPrefix+crossDate+pad2(m)+"-00"]++
			}
			continue
		}
		if !t.cap || t.start || allCaps || !useful(t.word) || isStop(l, t.word) {
			continue
		}
		if k := key(t.word); k != "" {
			out[crossPrefix+crossName+k]++
		}
	}
	for _, e := range ents {
		for _, w := range strings.Fields(e) {
			if k := key(w); k != "" {
				out[crossPrefix+crossName+k] += 0.5
			}
		}
	}
	return out
}

// monthNear returns the month named next to the day number toks[i]:
// right after or before it, or after or before the other day of a range
// or pair it is part of ("4–5 лютого", "23 и 24 января", "December
// 14–15", "vom 14. bis 15. Dezember"); 0 when none is.
func monthNear(toks []token, i int) int {
	at := func(j int) int {
		if j < 0 || j >= len(toks) {
			return 0
		}
		return monthOf(toks[j].word)
	}
	day := func(j int) bool { return j >= 0 && j < len(toks) && dayNumber(toks[j].word) > 0 }
	link := func(j int) bool { return j >= 0 && j < len(toks) && rangeWords[toks[j].word] }
	if m := at(i + 1); m > 0 {
		return m
	}
	if m := at(i - 1); m > 0 {
		return m
	}
	switch {
	case day(i+1) && at(i+2) > 0:
		return at(i + 2)
	case link(i+1) && day(i+2) && at(i+3) > 0:
		return at(i + 3)
	case day(i-1) && at(i-2) > 0:
		return at(i - 2)
	case link(i-1) && day(i-2) && at(i-3) > 0:
		return at(i - 3)
	}
	return 0
}

// rangeWords join two days of one month ("23 и 24 января", "14 and 15
// December", "vom 14. bis 15. Dezember", "з 23 по 24 січня").
var rangeWords = map[string]bool{
	"and": true, "to": true, "or": true, "through": true,
	"und": true, "bis": true, "oder": true,
	"и": true, "по": true, "или": true,
	"та": true, "і": true, "й": true, "або": true,
}

// numericDate reads a date written in figures at the start of toks (the
// tokenizer splits "23.11.2025" into 23, 11, 2025): day, month, year;
// year, month, day; or, where the first figure cannot be a day or the
// text is English, month, day, year. It returns the month, the day and
// the number of tokens read, or n 0.
func numericDate(toks []token, l string) (m, d, n int) {
	if len(toks) < 3 {
		return 0, 0, 0
	}
	a, b, c := toks[0].word, toks[1].word, toks[2].word
	year := func(w string) bool {
		y, ok := atoi(w)
		return ok && len(w) == 4 && y >= 1900 && y <= 2099
	}
	small := func(w string) int {
		if len(w) > 2 {
			return 0
		}
		return dayNumber(w)
	}
	if year(a) {
		if mo, dd := small(b), small(c); mo >= 1 && mo <= 12 && dd > 0 {
			return mo, dd, 3
		}
		return 0, 0, 0
	}
	x, y := small(a), small(b)
	if x == 0 || y == 0 || !year(c) {
		return 0, 0, 0
	}
	switch {
	case y <= 12 && (x > 12 || l != langEN):
		return y, x, 3
	case x <= 12:
		return x, y, 3
	}
	return 0, 0, 0
}

// dayNumber returns the day of the month a token of one or two digits
// names (1–31), or 0.
func dayNumber(w string) int {
	if len(w) == 0 || len(w) > 2 {
		return 0
	}
	d, ok := atoi(w)
	if !ok || d < 1 || d > 31 {
		return 0
	}
	return d
}

// atoi is strconv.Atoi without the error value, which costs an
// allocation for every word that is not a number (most words are not).
func atoi(w string) (int, bool) {
	digits := w
	if len(digits) > 0 && (digits[0] == '+' || digits[0] == '-') {
		digits = digits[1:]
	}
	if len(digits) == 0 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return 0, false // before strconv, whatever the length
		}
		n = n*10 + int(digits[i]-'0')
	}
	if len(digits) > 9 || len(digits) < len(w) {
		n, err := strconv.Atoi(w) // a sign, or a figure that may overflow
		return n, err == nil
	}
	return n, true
}

// numberOf returns the figure a token starts with when it has at least two
// digits ("28", "28-point", "2025"), or "".
func numberOf(w string) string {
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	if i < 2 || i > 9 || (i < len(w) && w[i] != '-') {
		return ""
	}
	return strings.TrimLeft(w[:i], "0")
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// minCrossTerms is the least number of distinct language-neutral terms an
// article needs to join a story in another language: one shared name is
// no evidence of one event.
const minCrossTerms = 2

// maxLocalDF is how many articles of one language may use a term before it
// needs another language's use to count (see crossNormOf).
const maxLocalDF = 2

// langBit is the bit of a language code in a set of languages: one per
// language of langOrder, one for every other language an article declares
// (otherLang), and none for an article whose language is unknown: the
// text could not tell (tables, lists of figures, a few words) and the
// metadata names none, so it is compared by its words alone.
func langBit(l string) uint8 {
	if l == "" {
		return 0
	}
	for i, o := range langOrder {
		if o == l {
			return 1 << i
		}
	}
	return 1 << 7
}

// otherLang is the language of an article whose metadata names a language
// with no resources here (Japanese, Arabic...).
const otherLang = "*"

// crossLangs reports whether two sets of languages call for the
// cross-language comparison: both are known and each has a language the
// other lacks. An article and a story in its language are compared by
// their words (the story's in that language: see langNorm), and so are a
// story and one that adds a language to its own; two stories told in
// different languages (German and Ukrainian, Ukrainian and Russian) are
// compared across them too.
func crossLangs(a, b uint8) bool {
	return a != 0 && b != 0 && a&^b != 0 && b&^a != 0
}

// several reports whether a set of languages holds more than one.
func several(m uint8) bool { return m&(m-1) != 0 }

// multilingual reports whether cross-language comparison is on and more
// than one language has been seen: until then none can apply.
func (c *Clusterer) multilingual() bool { return c.cfg.CrossThreshold < 1 && several(c.langs) }

// crossSim is the IDF-weighted cosine of two cross-language vectors; na
// and nb are their weighted norms (see crossNormOf).
func (c *Clusterer) crossSim(a sparse, na float64, b sparse, nb float64) float64 {
	return c.cosine(a, na, b, nb)
}

// crossNormOf is the length of a cross-language vector leaving out the
// terms that many articles of one language used and no article of another
// did: what crosses languages is learned from the stream, so that the
// capitalised common nouns of German, or a word only one language's press
// uses, do not dilute the names and figures that do cross. A term seen in
// maxLocalDF articles or fewer counts: a name new to the stream (the
// first reports of an event) is evidence too.
func (c *Clusterer) crossNormOf(v sparse) float64 {
	var s float64
	for i, id := range v.ids {
		if c.df[id] > maxLocalDF && !several(c.tlangs[id]) {
			continue
		}
		x := float64(v.w[i]) * c.idf(id)
		s += x * x
	}
	return math.Sqrt(s)
}

// langNorm is the IDF-weighted length of the part of a centroid made of
// terms that articles of the languages in mask used.
func (c *Clusterer) langNorm(v sparse, mask uint8) float64 {
	var s float64
	for i, id := range v.ids {
		if c.tlangs[id]&mask == 0 {
			continue
		}
		x := float64(v.w[i]) * c.idf(id)
		s += x * x
	}
	return math.Sqrt(s)
}

// crossNorm is the cross-language norm of story si's centroid. It is not
// cached: which terms count changes as languages arrive, and it is only
// needed for the few candidates in another language.
func (c *Clusterer) crossNorm(si int32) float64 {
	return c.crossNormOf(c.stories[si].xcen)
}

// crossDecay is the time damping of the cross-language similarity between
// an article at t and story s: it halves every CrossHalfLife from the
// story's nearest burst, with no floor; none when either is undated.
func (c *Clusterer) crossDecay(t time.Time, s *story) float64 {
	g := burstGap(t, s.bursts)
	if c.cfg.BurstGap < 0 {
		g = gap(t, s.first, s.last)
	}
	return c.crossDampGap(g)
}

// crossDamp is crossDecay between two stories.
func (c *Clusterer) crossDamp(a, b *story) float64 {
	if c.cfg.BurstGap < 0 {
		return c.crossDampGap(spanGap(a.first, a.last, b.first, b.last))
	}
	return c.crossDampGap(burstsGap(a.bursts, b.bursts))
}

// mentionGap is, for an undated article, the least time between a day its
// text names (in the year that brings it nearest) and a burst of a story:
// an undated report of a meeting "on 6 August" is far from a story of
// July. It is 0 when the text names no day or the story is undated.
func mentionGap(days []int, b []span) time.Duration {
	if len(days) == 0 || len(b) == 0 {
		return 0
	}
	g := time.Duration(1 << 62)
	for _, md := range days {
		if md%100 == 0 {
			continue // a month alone
		}
		for _, s := range b {
			for dy := -1; dy <= 1; dy++ {
				t := time.Date(s.first.Year()+dy, time.Month(md/100), md%100, 12, 0, 0, 0, time.UTC)
				g = min(g, gap(t, s.first, s.last))
			}
		}
	}
	if g == time.Duration(1<<62) {
		return 0
	}
	return g
}

// ownDays returns the days among days (month*100+day) that fall from three
// days before an article's publication to one day after it: the days of
// the events it reports, as opposed to the background it recalls.
func ownDays(days []int, pub time.Time) []int {
	if pub.IsZero() {
		return nil
	}
	var out []int
	for _, md := range days {
		if md%100 == 0 {
			continue // a month alone
		}
		for dy := -1; dy <= 0; dy++ {
			t := time.Date(pub.Year()+dy, time.Month(md/100), md%100, 0, 0, 0, 0, time.UTC)
			if d := pub.Sub(t); d >= -24*time.Hour && d <= 4*24*time.Hour {
				out = append(out, md)
				break
			}
		}
	}
	return out
}

// occurrenceGap is how far from a story an article must be for the days
// it names to set it apart (see otherOccurrence).
const occurrenceGap = 7 * 24 * time.Hour

// otherOccurrence reports whether an article published at t reports
// another occurrence than story s: it names a day of its own (see ownDays),
// it is more than occurrenceGap from every burst of the story, and the
// story's articles never name that day. News of the same people meeting
// again weeks later reads like the first meeting; the date it gives does
// not.
//
// An undated article is placed by the days it names: it reports another
// occurrence when every day it names is more than occurrenceGap from the
// story and the story names none of them. It returns the time gap to damp
// by.
func (c *Clusterer) otherOccurrence(f features, t time.Time, s *story) (time.Duration, bool) {
	if t.IsZero() {
		g := mentionGap(f.days, s.bursts)
		return g, g > occurrenceGap && c.namesNone(f.days, s)
	}
	g := burstGap(t, s.bursts)
	if g <= c.cfg.HalfLife {
		// Near the story in time, the days the reports give tell a
		// meeting held again days later (a weekday read against a
		// publication date weeks off, as crawls give, would not). The
		// gap returned damps at HalfLife as the days' gap does at
		// eventHalfLife.
		if ge, ok := c.eventApart(f.eventDays, s); ok {
			return ge * (c.cfg.HalfLife / eventHalfLife), true
		}
	}
	if g > monthGap && c.namesNoMonth(f.ownMonths, s) {
		return g, true
	}
	return g, g > occurrenceGap && c.namesNone(f.ownDays, s)
}

// eventGap is how far apart the days two reports give for their events
// must be for them to tell two events (see eventApart): a meeting held
// over two days is one event.
const eventGap = 3 * 24 * time.Hour

// eventApart reports whether an article whose event days (see
// features.eventDays) are days reports another event than story s: the
// days most of the story's articles give as their events' (its core
// days: see coreDays) are all at least eventGap from the latest day the
// article gives (a report is about the newest of the days it gives: a
// Kremlin meeting on Tuesday reported on Thursday, not the Sunday talks it
// recalls), and no article of the story gives one of the article's days
// as its own.
// Talks held again a few days later by the same people (Geneva on Sunday,
// Florida the next Sunday, a Kremlin meeting two days after) read alike
// and fall within the story's burst of publications; the days their
// reports give do not. It returns the least time between the article's
// latest day and the story's core days.
func (c *Clusterer) eventApart(days []int, s *story) (time.Duration, bool) {
	if len(days) == 0 || len(s.events) == 0 || len(s.bursts) == 0 {
		return 0, false
	}
	for _, d := range days {
		if slices.Contains(s.events, d) {
			return 0, false
		}
	}
	g := time.Duration(1 << 62)
	ref := s.bursts[len(s.bursts)-1].last
	var ta time.Time
	for _, a := range days {
		if t := nearDay(a, ref); t.After(ta) {
			ta = t
		}
	}
	for _, b := range coreDays(s.events, s.eventN) {
		g = min(g, absDur(ta.Sub(nearDay(b, ref))))
	}
	if g < eventGap {
		return 0, false
	}
	return g, true
}

// eventsApart is eventApart between two stories near each other in time
// (within HalfLife), each with a core day that two of its reports give:
// the core days of each are apart from the other's, and neither's reports
// give a day of the other's core. It returns the damping of their
// similarity. (A story of one report is not judged so: its weekdays, read
// out of order, would keep it from the story it belongs to.)
func (c *Clusterer) eventsApart(a, b *story) (float64, bool) {
	if len(a.eventN) == 0 || len(b.eventN) == 0 || slices.Max(a.eventN) < 2 || slices.Max(b.eventN) < 2 {
		return 1, false
	}
	if burstsGap(a.bursts, b.bursts) > c.cfg.HalfLife {
		return 1, false
	}
	ga, oka := c.eventApart(coreDays(a.events, a.eventN), b)
	gb, okb := c.eventApart(coreDays(b.events, b.eventN), a)
	if !oka || !okb {
		return 1, false
	}
	return math.Exp2(-float64(min(ga, gb)) / float64(eventHalfLife)), true
}

// coreDays returns the days of days given by at least half as many
// articles as the day given most (counts n): the day of a story's event,
// or both days of a two-day meeting, and not a day one report gave to
// something else.
func coreDays(days, n []int) []int {
	top := 0
	for i := range days {
		if i < len(n) {
			top = max(top, n[i])
		}
	}
	var out []int
	for i, d := range days {
		if i < len(n) && 2*n[i] >= top {
			out = append(out, d)
		}
	}
	return out
}

// countDays adds the days more (each counted n[i] times, or once when n is
// nil) to days and their counts, up to maxOwn days.
func countDays(days, counts, more, n []int) ([]int, []int) {
	for i, d := range more {
		k := 1
		if n != nil && i < len(n) {
			k = n[i]
		}
		if j := slices.Index(days, d); j >= 0 {
			if j < len(counts) {
				counts[j] += k
			}
			continue
		}
		if len(days) < maxOwn {
			days = append(days, d)
			counts = append(counts, k)
		}
	}
	return days, counts
}

// eventHalfLife is how fast the similarity of an article to a story
// whose event days are not its own (see eventApart) halves with the time
// between those days.
const eventHalfLife = 4 * 24 * time.Hour

// nearDay is the day md (month*100+day) in the year that brings it
// nearest to ref.
func nearDay(md int, ref time.Time) time.Time {
	best := time.Time{}
	for dy := -1; dy <= 1; dy++ {
		t := time.Date(ref.Year()+dy, time.Month(md/100), md%100, 0, 0, 0, 0, time.UTC)
		if best.IsZero() || absDur(t.Sub(ref)) < absDur(best.Sub(ref)) {
			best = t
		}
	}
	return best
}

func absDur(d time.Duration) time.Duration { return max(d, -d) }

// monthGap is how far from a story an article must be for the months it
// names to set it apart.
const monthGap = 21 * 24 * time.Hour

// namesNoMonth reports whether months is not empty and story s names no
// day or month of any of them.
func (c *Clusterer) namesNoMonth(months []int, s *story) bool {
	if len(months) == 0 || len(s.bursts) == 0 {
		return false
	}
	for _, id := range s.xcen.ids {
		if md := c.dayOf[id]; md != 0 && slices.Contains(months, int(md)/100) {
			return false
		}
	}
	return true
}

// ownMonths returns the months among days (month*100+day, day 0 for a
// month alone) that are the month of the publication or the one before.
func ownMonths(days []int, pub time.Time) []int {
	if pub.IsZero() {
		return nil
	}
	var out []int
	prev := pub.AddDate(0, 0, -pub.Day())
	for _, md := range days {
		m := md / 100
		if (m == int(pub.Month()) || m == int(prev.Month())) && !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}

// otherOccurrences is otherOccurrence between two stories: weeks apart,
// and one names a day of its own that the other never names.
func (c *Clusterer) otherOccurrences(a, b *story) bool {
	if len(a.bursts) == 0 || len(b.bursts) == 0 || burstsGap(a.bursts, b.bursts) <= occurrenceGap {
		return false
	}
	return c.namesNone(a.own, b) || c.namesNone(b.own, a)
}

// namesNone reports whether days is not empty and story s names none of
// its days.
func (c *Clusterer) namesNone(days []int, s *story) bool {
	if !slices.ContainsFunc(days, func(md int) bool { return md%100 != 0 }) || len(s.bursts) == 0 {
		return false
	}
	for _, id := range s.xcen.ids {
		if md := c.dayOf[id]; md != 0 && md%100 != 0 && slices.Contains(days, int(md)) {
			return false
		}
	}
	return true
}

// dayKey returns the day (month*100+day) a date term's key names, or 0.
func dayKey(key string) int16 {
	md, ok := strings.CutPrefix(key, crossPrefix+crossDate)
	if !ok || len(md) != 5 {
		return 0
	}
	m, _ := strconv.Atoi(md[:2])
	d, _ := strconv.Atoi(md[3:])
	if m < 1 || m > 12 {
		return 0
	}
	return int16(m*100 + d)
}

func (c *Clusterer) crossDampGap(g time.Duration) float64 {
	if g <= 0 {
		return 1
	}
	return math.Exp2(-float64(g) / float64(c.cfg.CrossHalfLife))
}

// crossCandidates adds to the scored candidates of an article the stories
// in other languages that share its language-neutral terms, and raises
// the score of every candidate in another language to its cross-language
// score when that is higher (scaled so that CrossThreshold meets
// Threshold).
func (c *Clusterer) crossCandidates(f features, at time.Time, out []scored) []scored {
	if !c.multilingual() || len(f.cross.ids) < minCrossTerms {
		return out
	}
	nx := c.crossNormOf(f.cross)
	ids := c.gather(c.seenElsewhere(f.cross), c.cfg.QueryTerms/2, c.cfg.Candidates, func(si int32) bool {
		s := &c.stories[si]
		return !s.frozen && s.ndocs > 0 && crossLangs(f.lang, s.langs) && gap(at, s.first, s.last) <= c.cfg.Window
	})
	for _, si := range ids {
		if !slices.ContainsFunc(out, func(x scored) bool { return x.story == si }) {
			out = append(out, scored{si, 0})
		}
	}
	for i := range out {
		s := &c.stories[out[i].story]
		if !crossLangs(f.lang, s.langs) {
			continue
		}
		d := c.crossDecay(at, s)
		if at.IsZero() {
			d = c.crossDampGap(mentionGap(f.days, s.bursts))
		} else if burstGap(at, s.bursts) <= c.cfg.HalfLife {
			if g, ok := c.eventApart(f.eventDays, s); ok {
				d = min(d, math.Exp2(-float64(g)/float64(eventHalfLife)))
			}
		}
		x := c.crossSim(f.cross, nx, s.xcen, c.crossNorm(out[i].story)) * d
		out[i].score = max(out[i].score, x*c.cfg.Threshold/c.cfg.CrossThreshold)
	}
	return out
}

// seenElsewhere returns the terms of v that another article used too: the
// only ones that can find a story. Ranked by weight, the terms new to the
// stream come first (a German report's capitalised nouns) and would fill
// the query with terms no story is posted under.
func (c *Clusterer) seenElsewhere(v sparse) sparse {
	out := sparse{ids: make([]int32, 0, len(v.ids)), w: make([]float32, 0, len(v.ids))}
	for i, id := range v.ids {
		if c.df[id] > 1 {
			out.ids = append(out.ids, id)
			out.w = append(out.w, v.w[i])
		}
	}
	return out
}

// maxOwn caps the days a story keeps as its own.
const maxOwn = 16

// addDays adds to days those of more it lacks, up to maxOwn.
func addDays(days, more []int) []int {
	for _, d := range more {
		if len(days) < maxOwn && !slices.Contains(days, d) {
			days = append(days, d)
		}
	}
	return days
}
