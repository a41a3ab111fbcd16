package facts

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/sentence"
	"github.com/parallax-news/parallax/internal/when"
)

// maxSentence is the longest sentence read, in bytes: longer runs are
// tables or lists, not statements.
const maxSentence = 800

// LeadSentences is how many sentences of an article's body are read for
// claims. A report gives the figures of its event in its first
// paragraphs; later ones recall other events, earlier tolls and background
// whose figures are not this event's.
const LeadSentences = 6

// tok is one token of a sentence.
type tok struct {
	raw string
	low string // lower case, apostrophes folded to '
	off int    // byte offset in the sentence
	end int
}

var tokenRE = regexp.MustCompile(`\d+(?:[.,\x{00A0}\x{202F}\x{2009} ]\d{3})+(?:[.,]\d+)?|\d+½|\d+(?:[.,]\d+)?(?:[-–][\p{L}\d]+)*|[\p{L}\p{M}]+(?:['’ʼ\-][\p{L}\p{M}]+)*|[^\s\p{L}\p{N}]`)

func tokenize(s string) []tok {
	var out []tok
	for _, m := range tokenRE.FindAllStringIndex(s, -1) {
		raw := s[m[0]:m[1]]
		low := strings.ToLower(raw)
		low = strings.NewReplacer("’", "'", "ʼ", "'", "–", "-").Replace(low)
		out = append(out, tok{raw: raw, low: low, off: m[0], end: m[1]})
	}
	return out
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// parseDigits reads a figure written in digits with the language's
// separators: "1,500" and "1.5" in English; "1 500", "1.500" and "1,5" in
// Russian, Ukrainian and German. ok is false for anything else.
func parseDigits(s string, decimalComma bool) (float64, bool) {
	if s == "" || !isDigit(s[0]) {
		return 0, false
	}
	s = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2009", " ").Replace(s)
	thousands, decimal := ",", "."
	if decimalComma {
		thousands, decimal = ".", ","
	}
	// Group separators: spaces always, the thousands mark when every
	// group after it has three digits.
	int, frac, _ := strings.Cut(s, decimal)
	if strings.Contains(frac, thousands) || strings.Contains(frac, " ") {
		return 0, false
	}
	parts := strings.FieldsFunc(int, func(r rune) bool { return r == ' ' || string(r) == thousands })
	if len(parts) == 0 {
		return 0, false
	}
	for i, p := range parts {
		if p == "" || strings.Trim(p, "0123456789") != "" || (i > 0 && len(p) != 3) || (i == 0 && len(parts) > 1 && len(p) > 3) {
			return 0, false
		}
	}
	if frac != "" && strings.Trim(frac, "0123456789") != "" {
		return 0, false
	}
	num := strings.Join(parts, "")
	if frac != "" {
		num += "." + frac
	}
	if len(num) > 15 {
		return 0, false
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

// figure is a number found at a token.
type figure struct {
	value   float64
	ordinal bool
	unit    string // the word after a hyphen ("28-point" gives "point")
	next    int    // index of the first token after the figure
}

// figureAt reads a figure starting at token i: digits, a number word or
// a sum of number words ("fifty nine", "пятьдесят девять"), times a scale
// word ("1.5 million", "5 тыс.").
func (r *resources) figureAt(toks []tok, i int) (figure, bool) {
	if i >= len(toks) {
		return figure{}, false
	}
	t := toks[i]
	var f figure
	switch {
	case isDigit(t.low[0]):
		if len(t.low) > 1 && t.low[0] == '0' && isDigit(t.low[1]) {
			return figure{}, false // phone numbers, codes
		}
		num, unit, hyph := strings.Cut(t.low, "-")
		num, half := strings.CutSuffix(num, "½") // "3½ hours"
		v, ok := parseDigits(num, r.decimalComma)
		if !ok {
			return figure{}, false
		}
		if half {
			v += 0.5
		}
		if hyph {
			// "28-point", "28-Punkte-Plan": the number modifies the word
			// after the hyphen; "40-50" and "3-2" are ranges and scores.
			unit, _, _ = strings.Cut(unit, "-")
			if unit == "" || isDigit(unit[0]) {
				return figure{}, false
			}
			f.unit = unit
		}
		f.value = v
	case r.ordinals[t.low] != 0:
		return figure{value: r.ordinals[t.low], ordinal: true, next: i + 1}, true
	default:
		v, ok := r.wordNumber(t.low)
		if !ok && r.halfSuffix != "" {
			// "dreieinhalb", "three-and-a-half".
			if w, cut := strings.CutSuffix(t.low, r.halfSuffix); cut {
				if v, ok = r.wordNumber(w); ok {
					v += 0.5
				}
			}
		}
		if !ok {
			// "five-hour", "пятичасовые", "п'ятигодинні", "fünfstündige".
			if v, unit, ok := r.compound(t.low); ok {
				return figure{value: v, unit: unit, next: i + 1}, true
			}
			return figure{}, false
		}
		f.value = v
		// "fifty nine": a tens word followed by a unit word.
		if v >= 20 && v < 100 && int(v)%10 == 0 && i+1 < len(toks) {
			if u, ok := r.wordNumber(toks[i+1].low); ok && u >= 1 && u <= 9 {
				f.value += u
				i++
			}
		}
	}
	f.next = i + 1
	if f.unit == "" && f.value == math.Trunc(f.value) {
		// "three and a half", "три с половиной".
		for _, p := range r.halfAfter {
			if matchAt(toks, f.next, p.words) {
				f.value += 0.5
				f.next += len(p.words)
				break
			}
		}
	}
	if f.unit == "" && f.next < len(toks) {
		if m := r.scale(toks[f.next].low); m != 0 {
			f.value *= m
			f.next++
			if f.next < len(toks) && toks[f.next].low == "." && r.code != "en" {
				f.next++
			}
		}
	}
	return f, true
}

// compound reads a number word joined to the word of what it counts, with
// or without a hyphen ("five-hour", "пятичасовые", "fünfstündige"): the
// longest number word the token begins with, when the rest is a word of
// hours or points.
func (r *resources) compound(w string) (float64, string, bool) {
	if len(w) < 6 {
		return 0, "", false
	}
	best, bestLen, unit := 0.0, 0, ""
	for n, v := range r.compoundNumbers {
		if len(n) <= bestLen || len(n) >= len(w) || !strings.HasPrefix(w, n) {
			continue
		}
		rest := strings.TrimPrefix(w[len(n):], "-")
		if rest == "" {
			continue
		}
		if s := r.subjectOf(rest); s == "hours" || s == "points" {
			best, bestLen, unit = v, len(n), rest
		}
	}
	return best, unit, bestLen > 0
}

// wordNumber reads a number word, hyphenated tens and units included
// ("fifty-nine").
func (r *resources) wordNumber(w string) (float64, bool) {
	if v, ok := r.numbers[w]; ok {
		return v, true
	}
	if a, b, ok := strings.Cut(w, "-"); ok {
		x, ok1 := r.numbers[a]
		y, ok2 := r.numbers[b]
		if ok1 && ok2 && x >= 20 && x < 100 && y < 10 {
			return x + y, true
		}
	}
	return 0, false
}

func matchAt(toks []tok, i int, ws []string) bool {
	if i < 0 || i+len(ws) > len(toks) {
		return false
	}
	for k, w := range ws {
		if toks[i+k].low != w {
			return false
		}
	}
	return true
}

func (r *resources) qualifierAfter(toks []tok, i int) string {
	for _, p := range r.qualAfter {
		if matchAt(toks, i, p.words) {
			return p.value
		}
	}
	return ""
}

// qualifierBefore finds a qualifier ending right before token i and
// returns it with the index of its first token (i when none).
func (r *resources) qualifierBefore(toks []tok, i int) (string, int) {
	for _, p := range r.qualBefore {
		if matchAt(toks, i-len(p.words), p.words) {
			return p.value, i - len(p.words)
		}
	}
	return "", i
}

func isPunct(t tok) bool {
	r := []rune(t.raw)
	return len(r) == 1 && !unicode.IsLetter(r[0]) && !unicode.IsDigit(r[0])
}

// currency marks before or after an amount.
var currencyBefore = map[string]bool{"$": true, "€": true, "£": true, "₽": true, "₴": true, "us$": true}
var currencyAfter = wordSet("dollars dollar euros euro pounds доллар* евро рубл* гривен* гривн* долар* dollar euro")

// Extract returns the claims of one article in text order.
func Extract(d Doc) []Claim {
	r := resourcesFor(d.Language)
	if r == nil || d.Text == "" {
		return nil
	}
	quoted := QuotedRanges(d.Text)
	type sent struct {
		start int
		text  string
		lead  bool
	}
	var sents []sent
	read, leadEnd := 0, 0
	for _, sp := range sentence.SplitLang(d.Text, d.Language) {
		s := sp.Text(d.Text)
		if len(s) > maxSentence || tableLike(s) {
			continue
		}
		// A sentence of someone else's words does not use up the lead:
		// reports quote their sources between their own lines.
		if !quoted(sp.Start + 1) {
			read++
		}
		if read <= LeadSentences {
			leadEnd = sp.Start + len(s)
		}
		sents = append(sents, sent{sp.Start, s, read <= LeadSentences})
	}
	// The days of events are read in the lead, resolved against the
	// article's date over the lead as a whole ("the same day" refers
	// back).
	var times []when.Timex
	var names map[string]bool
	if len(r.events) > 0 && leadEnd > 0 {
		times = when.FindLang(d.Text[:leadEnd], d.Language, d.Published)
		names = r.knownNames(d.Text)
	}
	var out []Claim
	for _, st := range sents {
		s := st.text
		cs := r.sentenceClaims(s, d.Published.Year())
		if st.lead && len(times) > 0 && !r.offTopic(s, d.Published.Year()) {
			var ts []when.Timex
			for _, x := range times {
				if x.Start >= st.start && x.End <= st.start+len(s) {
					x.Start -= st.start
					x.End -= st.start
					ts = append(ts, x)
				}
			}
			if c, ok := r.eventClaim(s, ts, names); ok {
				if c.Kind == KindDate {
					c.relative = relativeDay(c.Figure, d.Language, d.Published)
				}
				cs = append(cs, c)
			}
		}
		for _, c := range cs {
			if !st.lead && c.Kind != KindYear {
				continue
			}
			if quoted(st.start + c.Offset) {
				continue // someone else's words
			}
			c.Offset += st.start
			c.ArticleID, c.Outlet, c.URL, c.Published, c.Language = d.ArticleID, d.Outlet, d.URL, d.Published, d.Language
			c.Sentence = strings.TrimSpace(s)
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Offset < out[j].Offset })
	return out
}

// offTopic reports whether a sentence tells of another time than the
// event's: words that recall an earlier event ("previously", "ранее") or
// a year other than the article's.
func (r *resources) offTopic(s string, year int) bool {
	for _, t := range tokenize(s) {
		if r.eventBack.has(t.low) {
			return true
		}
		if y, err := strconv.Atoi(t.low); err == nil && len(t.low) == 4 && y >= 1900 && y <= 2100 && year != 0 && y != year {
			return true
		}
	}
	return false
}

// tableLike reports whether a line is a row of a table, a list entry
// ("Florida club: 49 killed") or a headline inside the text (no sentence
// punctuation, and short or in Title Case): its figures are not the
// article's claims about its event, or are rounded ones its body corrects.
func tableLike(s string) bool {
	if strings.ContainsAny(s, "\t|") {
		return true
	}
	ws := strings.Fields(s)
	if len(ws) < 10 {
		if i := strings.IndexByte(s, ':'); i > 0 {
			if j := strings.IndexFunc(s, unicode.IsDigit); j > i {
				return true
			}
		}
	}
	t := strings.TrimRight(s, " \"'”»“)")
	if t == "" || strings.ContainsAny(t[len(t)-1:], ".!?") {
		return false
	}
	if len(ws) < 15 {
		return true
	}
	caps, words := 0, 0
	for _, w := range ws {
		r := []rune(w)
		if !unicode.IsLetter(r[0]) {
			continue
		}
		words++
		if unicode.IsUpper(r[0]) {
			caps++
		}
	}
	return words > 0 && caps*10 >= words*7
}

// oneHourFigures writes the "one" of an hour told without a number:
// "almost an hour" reads as "almost 1 hour", "более часа" as "более 1
// часа", "fast eine Stunde" as "fast 1 Stunde". The "1" stands where the
// article or the hour word begins.
func (r *resources) oneHourFigures(toks []tok) []tok {
	var out []tok
	for i, t := range toks {
		if i+1 < len(toks) && r.oneArticles.has(t.low) && r.oneHour.has(toks[i+1].low) {
			out = append(out, tok{raw: "1", low: "1", off: t.off, end: t.end})
			continue
		}
		if r.oneHour.has(t.low) && i > 0 && !isDigit(toks[i-1].low[0]) && !r.oneArticles.has(toks[i-1].low) {
			if q, _ := r.qualifierBefore(toks, i); q != "" {
				out = append(out, tok{raw: "1", low: "1", off: t.off, end: t.end})
			}
		}
		out = append(out, t)
	}
	return out
}

// sentenceClaims reads the claims of one sentence (offsets within it) of
// an article written in year (0 when unknown).
func (r *resources) sentenceClaims(s string, year int) []Claim {
	toks := r.oneHourFigures(tokenize(s))
	if len(toks) == 0 {
		return nil
	}
	skip, duration, plan, meet, call := false, false, false, false, false
	for _, t := range toks {
		for _, part := range strings.Split(t.low, "-")[1:] { // "28-Punkte-Plan"
			plan = plan || r.plan.has(part)
			duration = duration || r.duration.has(part)
		}
		skip = skip || r.skip.has(t.low) || t.low == "%" || r.background.has(t.low)
		if y, err := strconv.Atoi(t.low); err == nil && len(t.low) == 4 && y >= 1900 && y <= 2100 && year != 0 && y != year {
			skip = true // a sentence about another year's events
		}
		duration = duration || r.duration.has(t.low)
		plan = plan || r.plan.has(t.low)
		switch r.subjectOf(t.low) {
		case "meetings":
			meet = true
		case "calls":
			call = true
		}
	}
	// The length of a visit (talks, travel and ceremonies) is not the
	// length of the talks.
	visit, talks := false, false
	for _, t := range toks {
		switch r.eventOf(t.low) {
		case "visit":
			visit = true
		case "meeting", "call":
			talks = true
		}
	}
	if visit && !talks {
		duration = false
	}
	source := r.attribution(toks)
	var out []Claim
	out = append(out, r.yearClaims(toks, s, source)...)
	if skip {
		return out
	}
	for i := 0; i < len(toks); i++ {
		f, ok := r.figureAt(toks, i)
		if !ok {
			continue
		}
		start := i
		i = f.next - 1
		qual, qstart := r.qualifierBefore(toks, start)
		if qual == UpTo && qstart > 0 && r.change.has(toks[qstart-1].low) {
			qual = "" // "возросло до 15": the toll is now 15
		}
		c, ok := r.claimAt(toks, f, start, qstart-1, duration, plan, meet, call)
		if !ok {
			continue
		}
		if q := r.qualifierAfter(toks, f.next); q != "" && qual == "" {
			qual = q
		}
		end := f.next - 1
		if c.Subject == "hours" && f.unit == "" {
			// "2 часа 45 минут", "two hours and 45 minutes".
			if m, last, ok := r.minutesAfter(toks, f.next+1); ok {
				c.Value += m / 60
				end = last
				i = last
			}
		}
		c.Qualifier = qual
		c.Figure = s[toks[qstart].off:toks[end].end]
		c.Offset = toks[start].off
		c.AttributedTo = source
		out = append(out, c)
	}
	return out
}

// claimAt decides what figure f (tokens i to f.next) counts, or ok false when the sentence does not say or the figure
// is not a count of the event (a year, a time, a range, a score, a price).
// before is the token before the figure and its qualifier.
func (r *resources) claimAt(toks []tok, f figure, i, before int, duration, plan, meet, call bool) (Claim, bool) {
	next := f.next
	prev := ""
	if before >= 0 {
		prev = toks[before].low
	}
	after := ""
	if next < len(toks) {
		after = toks[next].low
	}
	// Years, times of day and ranges.
	if !f.ordinal && f.unit == "" && f.value >= 1900 && f.value <= 2100 && f.value == float64(int(f.value)) && next == i+1 && len(toks[i].low) == 4 {
		return Claim{}, false
	}
	if after == ":" || after == "a.m" || after == "p.m" || after == "uhr" {
		return Claim{}, false
	}
	// Days of dates ("April 30", "3 декабря", "2. Dezember") and parts of
	// names ("G-5", "Boeing 737").
	// A capitalised number word inside a sentence names something ("the
	// Group of Seven").
	if !isDigit(toks[i].low[0]) && i > 0 && !isPunct(toks[i-1]) && capital(toks[i]) && before >= 0 && !isPunct(toks[before]) && before == i-1 {
		return Claim{}, false
	}
	if r.months.has(prev) || r.months.has(after) || (after == "." && next+1 < len(toks) && r.months.has(toks[next+1].low)) {
		return Claim{}, false
	}
	if i > 0 && toks[i].off > 0 && toks[i-1].end == toks[i].off && !isPunct(toks[i-1]) || i > 0 && toks[i-1].raw == "-" && i > 1 && toks[i-2].end == toks[i-1].off {
		return Claim{}, false
	}
	if r.rangeJoin.has(after) && next+1 < len(toks) {
		if _, ok := r.figureAt(toks, next+1); ok {
			return Claim{}, false
		}
	}
	if r.rangeOpen.has(prev) || (before >= 1 && r.rangeJoin.has(prev) && isFigure(r, toks, before-1)) {
		return Claim{}, false
	}
	// "от четырех до пяти": the qualifier is the range's joiner.
	if before >= 0 && before+1 < i && r.rangeJoin.has(toks[before+1].low) && isFigure(r, toks, before) {
		return Claim{}, false
	}
	// Money: a currency mark before or a currency word after.
	if !f.ordinal && (currencyBefore[prev] || currencyAfter.has(after)) {
		j := next
		if currencyAfter.has(after) {
			j++
		}
		if j < len(toks) && r.money.has(toks[j].low) {
			return Claim{Kind: KindFigure, Subject: "money: " + toks[j].low, Value: f.value}, true
		}
		return Claim{}, false
	}
	subject := ""
	switch {
	case f.unit != "":
		subject = r.subjectOf(f.unit)
	case f.ordinal && r.times.has(after):
		// "в пятый раз", "zum sechsten Mal": the how-manieth meeting or
		// call the sentence tells of.
		switch {
		case meet:
			subject = "meetings"
		case call:
			subject = "calls"
		}
	case f.ordinal:
		for k := next; k < len(toks) && k < next+2; k++ {
			if s := r.subjectOf(toks[k].low); s == "meetings" || s == "calls" {
				subject = s
				break
			}
		}
	case r.times.has(after):
		switch {
		case meet:
			subject = "meetings"
		case call:
			subject = "calls"
		}
	default:
		var dist int
		subject, dist = r.subjectAfter(toks, next)
		if subject != "" && !accumulating[subject] && (dist > 1 || dist > 0 && (subject == "meetings" || subject == "calls")) {
			subject = "" // "two leaders have met": the figure counts the leaders
		}
		if subject == "" {
			subject = r.subjectBefore(toks, before)
		}
	}
	switch subject {
	case "":
		return Claim{}, false
	case "hours":
		if !duration || f.unit == "" && (r.notDuration.has(prev) || r.clock.has(prev)) {
			return Claim{}, false
		}
		// "five-hour talks", not "a 24-hour ceasefire".
		if f.unit != "" && !r.duration.has(after) {
			return Claim{}, false
		}
		for k := next; k < len(toks) && k < next+3; k++ {
			if r.notDuration.has(toks[k].low) && (toks[k].low == "ago" || toks[k].low == "later" || toks[k].low == "назад" || toks[k].low == "тому" || toks[k].low == "später") {
				return Claim{}, false
			}
		}
	case "points":
		if !plan {
			return Claim{}, false
		}
	}
	// A toll counts people: a figure followed by another noun counts a
	// part of them ("two Chinese tourists", "one of the injured").
	if accumulating[subject] && !f.ordinal && after != "" && next < len(toks) && !isPunct(toks[next]) &&
		!r.persons.has(after) && r.subjectOf(after) != subject && !r.conj.has(after) && r.scale(after) == 0 {
		if _, q := r.qualAfterAt(toks, next); !q {
			return Claim{}, false
		}
	}
	if f.ordinal && subject != "meetings" && subject != "calls" {
		return Claim{}, false
	}
	return Claim{Kind: KindFigure, Subject: subject, Value: f.value}, true
}

// minutesAfter reads "45 minutes" or "and 45 minutes" at token i: the
// minutes, the index of the minutes word and ok.
func (r *resources) minutesAfter(toks []tok, i int) (float64, int, bool) {
	if i < len(toks) && r.conj.has(toks[i].low) {
		i++
	}
	f, ok := r.figureAt(toks, i)
	if !ok || f.ordinal || f.unit != "" || f.value <= 0 || f.value >= 60 || f.next >= len(toks) || !r.minutes.has(toks[f.next].low) {
		return 0, 0, false
	}
	return f.value, f.next, true
}

func isFigure(r *resources, toks []tok, i int) bool {
	if i < 0 {
		return false
	}
	f, ok := r.figureAt(toks, i)
	return ok && !f.ordinal
}

// subjectAfter looks at the words after a figure for what it counts
// ("59 people were killed", "пять часов").
// It returns the subject and how many words after the figure it stands.
func (r *resources) subjectAfter(toks []tok, i int) (string, int) {
	for k := i; k < len(toks) && k < i+4; k++ {
		t := toks[k]
		if isPunct(t) || r.conj.has(t.low) {
			return "", 0
		}
		if _, ok := r.figureAt(toks, k); ok {
			return "", 0
		}
		if s := r.subjectOf(t.low); s != "" {
			// "19 soldiers were killed": a toll of soldiers, not a count
			// of troops.
			if !accumulating[s] {
				if a, _ := r.subjectAfter(toks, k+1); accumulating[a] {
					return a, k + 1 - i
				}
			}
			return s, k - i
		}
	}
	return "", 0
}

// subjectBefore looks at up to six words before a figure ("killed 59",
// "the death toll from the attack rose to 59", "число погибших при ударе
// возросло до 15").
func (r *resources) subjectBefore(toks []tok, i int) string {
	for k := i; k >= 0 && k > i-6; k-- {
		t := toks[k]
		if isPunct(t) || r.conj.has(t.low) {
			return ""
		}
		if _, ok := r.figureAt(toks, k); ok {
			return ""
		}
		if s := r.subjectOf(t.low); s != "" && s != "hours" && s != "points" && s != "meetings" && s != "calls" {
			return s
		}
	}
	return ""
}

func (r *resources) qualAfterAt(toks []tok, i int) (string, bool) {
	q := r.qualifierAfter(toks, i)
	return q, q != ""
}
