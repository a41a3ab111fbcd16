package facts

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/when"
)

// Kinds of claims and groups. The strings are a public interface
// (`parallax facts --json`: the `kind` of a group and of a claim).
const (
	KindFigure = "figure" // a figure with what it counts
	KindYear   = "year"   // a year placed relative to the time of writing
	KindDate   = "date"   // the day of an event (a meeting, a call)
	KindPlace  = "place"  // the place of an event
)

// eventWindow is how far apart two reports may put the day of one event
// and still be read as telling of the same event: a meeting reported on
// the 2nd and the 3rd is one meeting told two ways; a week apart it is
// another.
const eventWindow = 3

// eventReach is how many tokens a date or a place may stand from the word
// of its event.
const eventReach = 12

// placeReach is how many tokens may stand between the word of an event
// and the preposition of its place ("met in", "took place in", "прошла в").
const placeReach = 3

var dayValue = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

var possessive = regexp.MustCompile(`['’]s?$`)

// eventKinds is one language's words of events, by kind.
type eventKind struct {
	kind string
	w    words
}

// setEvents adds a language's words for event claims.
func (r *resources) setEvents(events [][2]string, placePreps, dateNot, saying string, stop func(string) bool) {
	r.saying = wordSet(saying)
	for _, e := range events {
		r.events = append(r.events, eventKind{e[0], wordSet(e[1])})
	}
	r.placePreps = wordSet(placePreps)
	r.dateNot = wordSet(dateNot)
	r.stop = stop
}

// eventOf returns the kind of event a word names, or "".
func (r *resources) eventOf(w string) string {
	for _, e := range r.events {
		if e.w.has(w) {
			return e.kind
		}
	}
	return ""
}

// knownNames returns the keys of the words of a text that may name a
// person: the last word of each run of capitalised words ("Steve
// Witkoff", "Владимир Путин", "Kremlchef Wladimir Putin": the words
// before are first names, titles and adjectives), function words left
// out. A word that opens a sentence alone is not counted (it may be any
// word); where nouns are capitalised (German), only the ends of runs of
// two words or more count.
func (r *resources) knownNames(text string) map[string]bool {
	out := map[string]bool{}
	toks := tokenize(text)
	// Words written as places ("в России", "in Moscow") are places
	// wherever they stand.
	places := map[string]bool{}
	for i := 0; i+1 < len(toks); i++ {
		if r.placePreps.has(toks[i].low) {
			for k := i + 1; k < len(toks) && k < i+4 && capital(toks[k]); k++ {
				places[lang.NameKey(toks[k].raw)] = true
			}
		}
	}
	for i := 0; i < len(toks); {
		if !capital(toks[i]) || isDigit(toks[i].low[0]) {
			i++
			continue
		}
		j := i
		for j < len(toks) && capital(toks[j]) && !isDigit(toks[j].low[0]) {
			j++
		}
		k := i
		for k < j && r.stop != nil && r.stop(toks[k].low) {
			k++
		}
		last := toks[j-1]
		single := j-k < 2
		key := lang.NameKey(last.raw)
		if j > k && (!single || !r.capitalNouns && !sentenceStart(text, toks, i)) && len([]rune(last.raw)) > 2 && !r.stop(last.low) &&
			!r.months.has(last.low) && r.eventOf(last.low) == "" && !r.adjective(toks, j-1) && !places[key] && !acronym(last.raw) {
			out[key] = true
		}
		i = j
	}
	out[""] = false
	for k := range places {
		out[k] = false // a place, even where it also ends a run
	}
	return out
}

// acronym reports whether a word is written in capitals only (US, NATO,
// США, GMT): organisations, countries and zones, not people.
func acronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// isPlace reports whether knownNames marked a key as a place.
func isPlace(names map[string]bool, key string) bool {
	v, ok := names[key]
	return ok && !v
}

// sentenceStart reports whether token i opens a sentence (or the text).
func sentenceStart(text string, toks []tok, i int) bool {
	for k := i - 1; k >= 0; k-- {
		p := toks[k].raw
		if strings.ContainsAny(text[toks[k].end:toks[i].off], "\n") {
			return true
		}
		switch p {
		case ".", "!", "?", "…", ":":
			return true
		case "«", "\"", "“", "„", "»", "(", "—", "–", "-":
			continue // an opening mark before the first word
		}
		return false
	}
	return true
}

// adjective reports whether token k is a capitalised adjective of a
// people or place ("European leaders"): it ends like one and a lower-case
// word follows.
func (r *resources) adjective(toks []tok, k int) bool {
	if k+1 >= len(toks) || capital(toks[k+1]) || isPunct(toks[k+1]) {
		return false
	}
	for _, e := range r.adjEndings {
		if strings.HasSuffix(toks[k].low, e) {
			return true
		}
	}
	return false
}

// eventClaim reads the event a sentence dates or places: the kind of
// event, its day (resolved by internal/when against the article's date),
// its place and the people named with it. times are the sentence's time
// expressions (offsets within s); names the article's known surnames.
func (r *resources) eventClaim(s string, times []when.Timex, names map[string]bool) (Claim, bool) {
	if len(r.events) == 0 {
		return Claim{}, false
	}
	toks := tokenize(s)
	inTime := func(t tok) bool {
		for _, x := range times {
			if t.off >= x.Start && t.off < x.End {
				return true
			}
		}
		return false
	}
	type ev struct {
		kind string
		at   int
	}
	var evs []ev
	for k, t := range toks {
		if inTime(t) {
			continue
		}
		if e := r.eventOf(t.low); e != "" {
			evs = append(evs, ev{e, k})
		}
	}
	if len(evs) == 0 {
		return Claim{}, false
	}
	nearest := func(k int) (ev, int) {
		best, dist := ev{}, 1<<30
		for _, e := range evs {
			if r.sayingBetween(toks, k, e.at) {
				continue
			}
			d := e.at - k
			if d < 0 {
				d = -d
			}
			if d < dist {
				best, dist = e, d
			}
		}
		return best, dist
	}
	tokAt := func(off int) int {
		for k, t := range toks {
			if t.off >= off {
				return k
			}
		}
		return len(toks)
	}
	// The day: a date resolved to a day, near the word of its event, not
	// a bound ("until Friday") nor the day of a saying ("said on
	// Tuesday"). Two such days in one sentence leave it unread: which
	// is the event's cannot be told.
	var c Claim
	var kind string
	dayAt := -1
	days := map[string]bool{}
	for _, x := range times {
		// A day, or a time of a day ("Donnerstagabend", "late on
		// Tuesday"): its day.
		if x.Type != "DATE" && x.Type != "TIME" || !x.Resolved || len(x.Value) < 10 || !dayValue.MatchString(x.Value[:10]) {
			continue
		}
		x.Value = x.Value[:10]
		k := tokAt(x.Start)
		if k >= len(toks) || r.notEventDate(toks, k) {
			continue
		}
		e, dist := nearest(k)
		if dist > eventReach {
			continue
		}
		days[x.Value] = true
		if dayAt < 0 {
			c.Date, c.Figure, kind, dayAt = x.Value, x.Text, e.kind, e.at
		}
	}
	if len(days) > 1 {
		return Claim{}, false
	}
	// The place: a capitalised name after a locative preposition close to
	// the word of the event.
	placeAt, place := -1, ""
	try := func(from, to, anchor int) {
		for k := max(0, from); k <= to && k < len(toks) && place == ""; k++ {
			if !r.placePreps.has(toks[k].low) || between(toks, k, anchor) || lowerBetween(toks, k, anchor) > placeReach || r.sayingBetween(toks, k, anchor) {
				continue
			}
			if p := r.placeAfter(toks, k+1, inTime); p != "" {
				place, placeAt = p, k+1
			}
		}
	}
	if dayAt >= 0 {
		// Beside the day: "3 декабря в Кремле", "in Moskau am Dienstag".
		for _, x := range times {
			if strings.HasPrefix(x.Value, c.Date) {
				a, b := tokAt(x.Start), tokAt(x.End)
				try(b, b+1, b)
				try(a-placeReach-1, a-1, a)
				break
			}
		}
	}
	for _, e := range evs {
		if place != "" {
			break
		}
		if kind != "" && e.kind != kind {
			continue
		}
		try(e.at-2*placeReach-1, e.at+2*placeReach, e.at)
		if place != "" && kind == "" {
			kind = e.kind
		}
	}
	if c.Date == "" && place == "" {
		return Claim{}, false
	}
	c.Place = place
	c.Event = kind
	// The participants: the known surnames of the sentence, the place and
	// the source of the words left out.
	source := lang.NameKey(r.attribution(toks))
	seen := map[string]bool{}
	for k, t := range toks {
		if !capital(t) || inTime(t) || k >= placeAt && placeAt >= 0 && k < placeAt+3 && strings.Contains(place, t.raw) {
			continue
		}
		key := lang.NameKey(t.raw)
		if key == "" || seen[key] || strings.Contains(" "+source+" ", " "+key+" ") || r.adjective(toks, k) {
			continue
		}
		name := lang.NominativeName(possessive.ReplaceAllString(t.raw, ""), r.code)
		switch {
		case names[key] || possessive.MatchString(t.raw) && strings.ContainsAny(t.raw, "'’") && !r.capitalNouns && !isPlace(names, key):
			// A known name, or a possessive ("Moldova's parliament").
			c.Participants = append(c.Participants, name)
		case sentenceStart(s, toks, k) && (k+1 >= len(toks) || !capital(toks[k+1])) && !r.capitalNouns && !acronym(t.raw) && !isPlace(names, key) &&
			!r.stop(t.low) && !r.months.has(t.low) && r.eventOf(t.low) == "" && len([]rune(t.raw)) > 2:
			c.weak = append(c.weak, name)
		default:
			continue
		}
		seen[key] = true
	}
	if len(c.Participants)+len(c.weak) == 0 {
		return Claim{}, false // whose meeting? the groups need someone to tie them
	}
	c.AttributedTo = r.attribution(toks)
	if c.Date != "" {
		c.Kind = KindDate
		c.Offset = toks[max(0, dayAt)].off
	} else {
		c.Kind = KindPlace
		c.Figure = place
		c.Offset = toks[placeAt].off
	}
	c.Subject = eventSubject(c)
	return c, true
}

// lowerBetween counts the words between tokens a and b that are not
// capitalised: the names of the people ("met Russian President Vladimir
// Putin in") do not take a place away from its event.
func lowerBetween(toks []tok, a, b int) int {
	if a > b {
		a, b = b, a
	}
	n := 0
	for k := a + 1; k < b; k++ {
		if !capital(toks[k]) {
			n++
		}
	}
	return n
}

// between reports whether punctuation stands between tokens a and b.
func between(toks []tok, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for k := a + 1; k < b; k++ {
		if isPunct(toks[k]) {
			return true
		}
	}
	return false
}

// sayingBetween reports whether a word of saying or a word that opens
// another clause stands between tokens a and b: "on Saturday, the club
// announced it signed…" dates the announcement, "left on 12 February
// after the vote" the leaving.
func (r *resources) sayingBetween(toks []tok, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for k := a + 1; k < b; k++ {
		if r.speech.has(toks[k].low) || r.saying.has(toks[k].low) || r.separators.has(toks[k].low) {
			return true
		}
	}
	return false
}

// notEventDate reports whether the date at token k is a bound ("until
// Friday", "до пятницы") or the day of a saying ("said on Tuesday",
// "заявил во вторник", "sagte am Mittwoch").
func (r *resources) notEventDate(toks []tok, k int) bool {
	for b := k - 1; b >= 0 && b >= k-2; b-- {
		if isPunct(toks[b]) {
			return false
		}
		if r.dateNot.has(toks[b].low) || r.speech.has(toks[b].low) {
			return true
		}
	}
	return false
}

// placeAfter reads the place name starting at token i ("the Kremlin",
// "Anchorage", "Белом доме" is not read: its second word is not
// capitalised), or "".
func (r *resources) placeAfter(toks []tok, i int, inTime func(tok) bool) string {
	if i < len(toks) && r.stop != nil && r.stop(toks[i].low) && !capital(toks[i]) {
		i++ // "the Kremlin", "dem Kreml"
	}
	var ws []string
	for ; i < len(toks) && len(ws) < 3 && capital(toks[i]) && !isDigit(toks[i].low[0]) && !inTime(toks[i]); i++ {
		if r.months.has(toks[i].low) || r.eventOf(toks[i].low) != "" {
			break
		}
		ws = append(ws, toks[i].raw)
	}
	return strings.Join(ws, " ")
}

// eventSubject names an event claim's group: "date: meeting" and the
// participants.
func eventSubject(c Claim) string {
	return c.Kind + ": " + c.Event
}

// eventCluster is the event claims of several articles taken for one
// event: one kind of event, a shared participant, days within
// eventWindow of each other.
type eventCluster struct {
	claims []Claim
	story  string
}

// alignEvents groups the event claims of docs (each article counted by its
// first claim of an event) and returns a date group and a place group for
// each event told by two articles or more.
func alignEvents(docs []Doc, claims [][]Claim) []Group {
	type item struct {
		c     Claim
		story string
	}
	var dated, undated []item
	for i, d := range docs {
		placed := map[string]bool{} // an article's first place of each kind of event
		for _, c := range claims[i] {
			switch {
			case c.Kind == KindDate:
				dated = append(dated, item{c, d.StoryID})
			case c.Kind == KindPlace && !placed[c.Event]:
				placed[c.Event] = true
				undated = append(undated, item{c, d.StoryID})
			}
		}
	}
	sort.SliceStable(dated, func(i, j int) bool { return dated[i].c.Date < dated[j].c.Date })
	var clusters []*eventCluster
	fits := func(cl *eventCluster, c Claim, story string, needDate bool) bool {
		if needDate && cl.story != story {
			return false
		}
		for _, o := range cl.claims {
			if o.ArticleID == c.ArticleID || o.Event != c.Event {
				return false
			}
			if c.Date != "" && o.Date != "" && dayGap(o.Date, c.Date) > eventWindow {
				return false
			}
			if !sameParticipants(o, c) {
				return false
			}
		}
		return true
	}
	for _, it := range dated {
		var home *eventCluster
		for _, cl := range clusters {
			if fits(cl, it.c, it.story, false) {
				home = cl
				break
			}
		}
		if home == nil {
			home = &eventCluster{story: it.story}
			clusters = append(clusters, home)
		}
		home.claims = append(home.claims, it.c)
	}
	// A claim with a place and no day joins the one dated event of its
	// story it fits; fitting two, it is left out (which meeting was in
	// that place cannot be told). The others group among themselves.
	datedClusters := len(clusters)
	var pending []item
	for _, it := range undated {
		var homes []*eventCluster
		for _, cl := range clusters[:datedClusters] {
			if fits(cl, it.c, it.story, true) {
				homes = append(homes, cl)
			}
		}
		switch len(homes) {
		case 0:
			pending = append(pending, it)
		case 1:
			homes[0].claims = append(homes[0].claims, it.c)
		}
	}
	for _, it := range pending {
		var home *eventCluster
		for _, cl := range clusters[datedClusters:] {
			if fits(cl, it.c, it.story, true) {
				home = cl
				break
			}
		}
		if home == nil {
			home = &eventCluster{story: it.story}
			clusters = append(clusters, home)
		}
		home.claims = append(home.claims, it.c)
	}
	var out []Group
	for _, cl := range clusters {
		if g, ok := dateGroup(cl); ok {
			out = append(out, g)
		}
		if g, ok := placeGroup(cl, docs); ok {
			out = append(out, g)
		}
	}
	return out
}

// dayGap is the number of days between two TimeML days.
func dayGap(a, b string) int {
	ta, err1 := time.Parse(time.DateOnly, a)
	tb, err2 := time.Parse(time.DateOnly, b)
	if err1 != nil || err2 != nil {
		return 1 << 30
	}
	d := int(ta.Sub(tb).Hours() / 24)
	if d < 0 {
		d = -d
	}
	return d
}

// sameParticipants reports whether two event claims tell of the same
// people: two names in common, or one name that is all each claim names.
// A word that opens a sentence alone counts as a name when the other
// claim names it. Putin meeting Witkoff and Putin meeting Modi share a
// name and are two meetings.
func sameParticipants(a, b Claim) bool {
	pa, pb := withWeak(a, b), withWeak(b, a)
	shared := 0
	for _, p := range pa {
		for _, q := range pb {
			if sameName(p, q) {
				shared++
				break
			}
		}
	}
	return shared >= 2 || shared == 1 && len(pa) == 1 && len(pb) == 1
}

// withWeak returns a claim's participants and those of its weak names
// that the other claim names.
func withWeak(a, other Claim) []string {
	out := slices.Clone(a.Participants)
	for _, w := range a.weak {
		if slices.ContainsFunc(other.Participants, func(q string) bool { return sameName(w, q) }) {
			out = append(out, w)
		}
	}
	return out
}

func sameName(p, q string) bool {
	kp, kq := lang.NameKey(p), lang.NameKey(q)
	if kp == kq {
		return kp != ""
	}
	if lang.HasCyrillic(p) != lang.HasCyrillic(q) {
		sp, sq := lang.NameSkeleton(p), lang.NameSkeleton(q)
		return len(sp) >= 3 && sp == sq
	}
	return false
}

// participantsText lists the participants of a cluster's claims, each
// once, in the first spelling seen.
func participantsText(cs []Claim) string {
	var out []string
	for _, c := range cs {
		for _, p := range c.Participants {
			dup := false
			for _, o := range out {
				if sameName(o, p) {
					dup = true
					break
				}
			}
			if !dup {
				out = append(out, p)
			}
		}
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// firstPerArticle keeps each article's first claim of the given kind.
func firstPerArticle(cs []Claim, kind string) []Claim {
	seen := map[string]bool{}
	var out []Claim
	for _, c := range cs {
		if c.Kind != kind || seen[c.ArticleID] {
			continue
		}
		seen[c.ArticleID] = true
		out = append(out, c)
	}
	return out
}

// dateGroup judges the days an event's reports give: agree when they give
// one day, moved when an announced day gave way to another in later
// reports (the event was put off or brought forward), differ when outlets
// give different days.
func dateGroup(cl *eventCluster) (Group, bool) {
	cs := firstPerArticle(cl.claims, KindDate)
	if len(cs) < 2 || distinctOutlets(cs) < 2 {
		return Group{}, false
	}
	sortClaims(cs)
	g := Group{Kind: KindDate, Subject: "date: " + cs[0].Event + " (" + participantsText(cs) + ")", StoryID: cl.story, Claims: cs}
	agreeAll := true
	for _, c := range cs {
		agreeAll = agreeAll && oneDay(c, cs[0])
	}
	if agreeAll {
		g.Verdict, g.Reason = Agree, fmt.Sprintf("%d reports from %d outlets put the %s on %s", len(cs), distinctOutlets(cs), cs[0].Event, cs[0].Date)
		if fact, claim, ok := attributedSplit(cs); ok {
			g.Verdict, g.Reason = Attributed, fmt.Sprintf("%s states the day (%s) as fact; %s attributes it to %s", fact.Outlet, fact.Date, claim.Outlet, claim.AttributedTo)
		}
		return g, true
	}
	// Moved: every earlier report announced a day still ahead of it, and
	// every later one, published a day or more after, gives another.
	if rescheduled(cs) {
		var seq []string
		for _, c := range cs {
			seq = append(seq, fmt.Sprintf("%s %s (%s)", c.Outlet, c.Date, c.Published.Format("2 Jan 15:04")))
		}
		g.Verdict, g.Reason = Moved, "the announced day changed from report to report: "+strings.Join(seq, ", ")
		return g, true
	}
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			a, b := cs[i], cs[j]
			if a.Outlet == b.Outlet || oneDay(a, b) {
				continue
			}
			g.Verdict = Differ
			g.Reason = fmt.Sprintf("%s puts the %s on %s, %s on %s", a.Outlet, a.Event, a.Date, b.Outlet, b.Date)
			return g, true
		}
	}
	return Group{}, false
}

// rescheduled reports whether the days of a group (sorted by publication)
// change only over time, each earlier day announced before it came.
func rescheduled(cs []Claim) bool {
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			a, b := cs[i], cs[j]
			if oneDay(a, b) {
				continue
			}
			if !ordered(a, b) {
				return false
			}
			day, err := time.Parse(time.DateOnly, a.Date)
			if err != nil || !a.Published.Before(day) {
				return false
			}
		}
	}
	return true
}

// oneDay reports whether two date claims give one day: the same day, or
// days one apart when either was resolved from words relative to a
// publication time near midnight somewhere ("yesterday" in a report
// stamped 23:30 UTC is written in Kyiv on the next day, one stamped 02:00
// UTC in Washington on the day before).
func oneDay(a, b Claim) bool {
	return a.Date == b.Date || (shiftable(a) || shiftable(b)) && dayGap(a.Date, b.Date) == 1
}

// shiftable reports whether a date claim's day depends on the local date
// of its publication: read from words relative to it ("yesterday",
// "накануне"), in a report stamped with a time between 20:00 and 09:00
// UTC.
func shiftable(c Claim) bool {
	if !c.relative || !timeOfDay(c.Published) {
		return false
	}
	h := c.Published.UTC().Hour()
	return h >= 20 || h < 9
}

// relativeDay reports whether the words of a day resolve to another day
// when the article's date moves by one ("yesterday", "накануне"), unlike
// a date or a weekday ("on Tuesday" is Tuesday either way).
func relativeDay(figure, language string, published time.Time) bool {
	if published.IsZero() || strings.ContainsAny(figure, "0123456789") {
		return false
	}
	day := func(anchor time.Time) string {
		for _, x := range when.FindLang(figure, language, anchor) {
			if len(x.Value) >= 10 {
				return x.Value[:10]
			}
		}
		return ""
	}
	d := day(published)
	return d != day(published.AddDate(0, 0, 1)) || d != day(published.AddDate(0, 0, -1))
}

func distinctOutlets(cs []Claim) int {
	m := map[string]bool{}
	for _, c := range cs {
		m[c.Outlet] = true
	}
	return len(m)
}

// placeGroup judges the places an event's reports give: agree when every
// two are the same place or one article names the other's place too
// (Anchorage and Alaska, the Kremlin and Moscow), differ when two outlets
// writing in one script name places neither of their articles names.
// Across scripts a place is only compared by its consonants; names of
// places that are translated (the White House) are never called
// different.
func placeGroup(cl *eventCluster, docs []Doc) (Group, bool) {
	var cs []Claim
	for _, c := range firstPerArticleAny(cl.claims) {
		if c.Place != "" {
			cs = append(cs, c)
		}
	}
	if len(cs) < 2 || distinctOutlets(cs) < 2 {
		return Group{}, false
	}
	sortClaims(cs)
	for i := range cs {
		cs[i].Kind, cs[i].Figure = KindPlace, cs[i].Place
	}
	stories := map[string]string{}
	for _, d := range docs {
		stories[d.ArticleID] = d.StoryID
	}
	g := Group{Kind: KindPlace, Subject: "place: " + cs[0].Event + " (" + participantsText(cs) + ")", StoryID: cl.story, Claims: cs}
	compared := false
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			a, b := cs[i], cs[j]
			if a.Outlet == b.Outlet {
				continue
			}
			if samePlace(a.Place, b.Place) {
				compared = true
				continue
			}
			if lang.HasCyrillic(a.Place) != lang.HasCyrillic(b.Place) {
				continue // the White House, у Білому домі: not comparable
			}
			compared = true
			if coNamed(a.Place, b.Place, stories[a.ArticleID], docs) {
				continue
			}
			g.Verdict = Differ
			g.Reason = fmt.Sprintf("%s puts the %s in %s, %s in %s", a.Outlet, a.Event, a.Place, b.Outlet, b.Place)
			return g, true
		}
	}
	if !compared {
		return Group{}, false // no two places that can be told alike or apart
	}
	g.Verdict, g.Reason = Agree, fmt.Sprintf("%d reports from %d outlets place the %s alike (%s)", len(cs), distinctOutlets(cs), cs[0].Event, cs[0].Place)
	return g, true
}

// firstPerArticleAny keeps each article's first event claim.
func firstPerArticleAny(cs []Claim) []Claim {
	seen := map[string]bool{}
	var out []Claim
	for _, c := range cs {
		if c.Place == "" || seen[c.ArticleID] {
			continue
		}
		seen[c.ArticleID] = true
		out = append(out, c)
	}
	return out
}

// samePlace compares two place names by their keys: equal, one the start
// of the other (Kreml, Kremlin; Кремле, Кремль), or the same consonants.
func samePlace(a, b string) bool {
	ka, kb := lang.NameKey(a), lang.NameKey(b)
	if ka == "" || kb == "" {
		return false
	}
	if ka == kb || len(ka) >= 4 && len(kb) >= 4 && (strings.HasPrefix(ka, kb[:4]) && strings.HasPrefix(kb, ka[:4])) {
		return true
	}
	sa, sb := lang.NameSkeleton(a), lang.NameSkeleton(b)
	return len(sa) >= 3 && sa == sb
}

// coNamed reports whether an article of the story names both places (the
// talks "in the Kremlin" after arriving "in Moscow"; Anchorage, Alaska):
// then one place holds the other, or they are told of as one, and two
// outlets naming one each do not disagree.
func coNamed(a, b, story string, docs []Doc) bool {
	for _, d := range docs {
		if d.StoryID == story && names(d.Text, a) && names(d.Text, b) {
			return true
		}
	}
	return false
}

// names reports whether text names place (every word of its key among
// the keys of the text's capitalised words, by the first four letters).
func names(text, place string) bool {
	have := map[string]bool{}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if r := []rune(w); len(r) > 0 && unicode.IsUpper(r[0]) {
			k := lang.NameKey(w)
			if len(k) >= 4 {
				k = k[:4]
			}
			have[k] = true
		}
	}
	for _, w := range strings.Fields(lang.NameKey(place)) {
		if len(w) >= 4 {
			w = w[:4]
		}
		if !have[w] {
			return false
		}
	}
	return true
}
