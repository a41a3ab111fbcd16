package facts

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// newYearGrace is how many days into a year a relative phrase may still
// name the year before.
const newYearGrace = 31

// sameDay is how close two reports must be to count as "the same time"
// when both carry only a date.
const sameDay = 24 * time.Hour

// accumulating subjects only grow as an event unfolds: a later, higher
// toll is the count moving, not outlets disagreeing.
var accumulating = map[string]bool{"deaths": true, "injured": true, "arrested": true, "missing": true}

// Align extracts the claims of docs and sets those about the same thing
// side by side: figures of one subject within one story (each article
// counted by its first figure of that subject, the one its report leads
// with), and years placed relative to the time of writing across all
// docs. It returns the groups of claims from at least two articles, and
// every inconsistent year, in a stable order: differences first.
func Align(docs []Doc) []Group {
	claims := make([][]Claim, len(docs))
	for i, d := range docs {
		claims[i] = Extract(d)
	}
	type key struct{ story, subject string }
	byKey := map[key][]Claim{}
	var keys []key
	for i, d := range docs {
		first := map[string]bool{}
		for _, c := range claims[i] {
			if c.Kind != KindFigure || first[c.Subject] {
				continue
			}
			first[c.Subject] = true
			k := key{d.StoryID, c.Subject}
			if byKey[k] == nil {
				keys = append(keys, k)
			}
			byKey[k] = append(byKey[k], c)
		}
	}
	var out []Group
	for _, k := range keys {
		cs := byKey[k]
		if len(cs) < 2 {
			continue
		}
		if len(cs) == 2 {
			cs = sharingNames(cs) // two figures: the names decide, not a median
		}
		cs = dropOutliers(cs)
		if len(cs) < 2 {
			continue
		}
		sortClaims(cs)
		g := Group{Kind: KindFigure, Subject: k.subject, StoryID: k.story, Claims: cs}
		g.Verdict, g.Reason = verdict(k.subject, cs)
		if g.Verdict != "" {
			out = append(out, g)
		}
	}
	out = append(out, alignEvents(docs, claims)...)
	out = append(out, inconsistentYears(docs, claims)...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Differs() != out[j].Differs() {
			return out[i].Differs()
		}
		if out[i].StoryID != out[j].StoryID {
			return out[i].StoryID < out[j].StoryID
		}
		return out[i].Subject < out[j].Subject
	})
	return out
}

// sortClaims orders claims by publication time (undated last), then by
// outlet and article.
func sortClaims(cs []Claim) {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		switch {
		case a.Published.IsZero() != b.Published.IsZero():
			return b.Published.IsZero()
		case !a.Published.Equal(b.Published):
			return a.Published.Before(b.Published)
		case a.Outlet != b.Outlet:
			return a.Outlet < b.Outlet
		}
		return a.ArticleID < b.ArticleID
	})
}

// same reports whether two claims state the same figure: equal values, or
// within a tenth when either says "about". For counts that do not grow
// as an event unfolds (hours, points, meetings), a bound and a figure
// within it agree too ("more than four hours" and "five hours"); a toll
// given as "at least 50" is the toll reported, and 59 differs from it.
func same(a, b Claim) bool {
	if a.Value == b.Value {
		return true
	}
	if a.Qualifier == About || b.Qualifier == About {
		return math.Abs(a.Value-b.Value) <= 0.1*math.Max(a.Value, b.Value)
	}
	if a.Subject == "hours" && roundHours(a, b) {
		return true
	}
	if !accumulating[a.Subject] || a.AttributedTo != "" && strings.EqualFold(a.AttributedTo, b.AttributedTo) {
		// A toll given by the same source as "more than 10" and as 14 is
		// that source's rounding, not two tolls.
		return within(a, b) || within(b, a)
	}
	return false
}

// roundHours reports whether one of two lengths is a whole number of
// hours the other rounds to within a quarter of an hour: "three-hour
// talks" and "2 hours 45 minutes" are one length told two ways, "three
// hours" and "two and a half" are not.
func roundHours(a, b Claim) bool {
	whole := func(c Claim) bool { return c.Value == math.Trunc(c.Value) }
	if whole(a) == whole(b) {
		return false
	}
	return math.Abs(a.Value-b.Value) <= 0.25
}

// within reports whether b's figure lies inside a's bound.
func within(a, b Claim) bool {
	switch a.Qualifier {
	case AtLeast:
		return b.Value >= a.Value && b.Qualifier != UpTo && b.Qualifier != LessThan
	case MoreThan:
		return b.Value > a.Value && b.Qualifier != UpTo && b.Qualifier != LessThan
	case UpTo:
		return b.Value <= a.Value && b.Qualifier != AtLeast && b.Qualifier != MoreThan
	case LessThan:
		return b.Value < a.Value && b.Qualifier != AtLeast && b.Qualifier != MoreThan
	}
	return false
}

// ordered reports whether claim a was published before claim b in a way
// that can be told: both dated, and either on different days or with
// times of day on both.
func ordered(a, b Claim) bool {
	if a.Published.IsZero() || b.Published.IsZero() || !a.Published.Before(b.Published) {
		return false
	}
	if timeOfDay(a.Published) && timeOfDay(b.Published) {
		return true
	}
	return b.Published.Sub(a.Published) >= sameDay
}

func timeOfDay(t time.Time) bool {
	h, m, s := t.Clock()
	return h != 0 || m != 0 || s != 0
}

// verdict judges a group of claims sorted by time. "" drops the group (one
// outlet contradicting itself in undated copies says nothing).
func verdict(subject string, cs []Claim) (string, string) {
	outlets := map[string]bool{}
	allSame := true
	for _, c := range cs {
		outlets[c.Outlet] = true
		if !same(c, cs[0]) {
			allSame = false
		}
	}
	if allSame {
		if len(outlets) < 2 {
			return "", ""
		}
		if fact, claim, ok := attributedSplit(cs); ok {
			return Attributed, fmt.Sprintf("%s states %s as fact; %s attributes it to %s", fact.Outlet, figureText(fact), claim.Outlet, claim.AttributedTo)
		}
		return Agree, fmt.Sprintf("%d reports from %d outlets give %s", len(cs), len(outlets), figureText(cs[0]))
	}
	// Moved: every pair of different figures is told apart in time, and
	// the later figure is the higher one (for tolls), or the figures run
	// one way (for other counts).
	up, down, undated := true, true, false
	for i := range cs {
		if cs[i].Published.IsZero() {
			undated = true
		}
		for j := i + 1; j < len(cs); j++ {
			a, b := cs[i], cs[j]
			if same(a, b) {
				continue
			}
			// A toll rises through a day; the length of a meeting or the
			// points of a plan change from day to day, not hour to hour.
			if !ordered(a, b) || !accumulating[subject] && b.Published.Sub(a.Published) < sameDay {
				if a.Outlet != b.Outlet || !a.Published.Equal(b.Published) {
					up, down = false, false
				}
				continue // one outlet's copies of the same moment
			}
			if b.Value < a.Value {
				up = false
			}
			if b.Value > a.Value {
				down = false
			}
		}
	}
	if !undated && (up || (down && !accumulating[subject])) {
		var seq []string
		for _, c := range cs {
			seq = append(seq, fmt.Sprintf("%s %s (%s)", c.Outlet, figureText(c), c.Published.Format("2 Jan 15:04")))
		}
		return Moved, "the figure changed from report to report: " + strings.Join(seq, ", ")
	}
	// Differ: two outlets with different figures at the same time (or in
	// an order the figures do not follow).
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			a, b := cs[i], cs[j]
			if a.Outlet == b.Outlet || same(a, b) || a.Published.IsZero() || b.Published.IsZero() {
				continue
			}
			return Differ, fmt.Sprintf("%s gives %s (%s), %s gives %s (%s)", a.Outlet, figureText(a), a.Published.Format("2 Jan 2006"),
				b.Outlet, figureText(b), b.Published.Format("2 Jan 2006"))
		}
	}
	return "", ""
}

// attributedSplit finds an outlet that states the figure as fact and
// another that gives it to a named source.
func attributedSplit(cs []Claim) (fact, claim Claim, ok bool) {
	for _, a := range cs {
		if a.AttributedTo != "" {
			continue
		}
		for _, b := range cs {
			if b.Outlet != a.Outlet && namedSource(b.AttributedTo) && !genericSource(b) {
				return a, b, true
			}
		}
	}
	return Claim{}, Claim{}, false
}

// namedSource reports whether an attribution names someone (a capitalised
// name) rather than a cue or a common noun ("police said").
func namedSource(s string) bool {
	r := []rune(s)
	return len(r) > 0 && strings.ToUpper(string(r[0])) == string(r[0]) && strings.ToLower(string(r[0])) != string(r[0])
}

func figureText(c Claim) string {
	switch c.Kind {
	case KindDate:
		return c.Date
	case KindPlace:
		return c.Place
	}
	v := strconv.FormatFloat(c.Value, 'f', -1, 64)
	if c.Qualifier != "" {
		return c.Qualifier + " " + v
	}
	return v
}

// inconsistentYears flags a year placed relative to the time of writing
// ("earlier in 2023") that is not the year of the article's own date, when
// no other doc names that year at all and at least one other doc was
// written in the article's year (or there is no other doc): the article
// contradicts itself and every other report.
func inconsistentYears(docs []Doc, claims [][]Claim) []Group {
	var out []Group
	for i, d := range docs {
		if d.Published.IsZero() || d.PublishedEstimated {
			continue
		}
		for _, c := range claims[i] {
			if c.Kind != KindYear || int(c.Value) == d.Published.Year() {
				continue
			}
			// Across a new year, last year is still near: "earlier in
			// 2023" written on 3 January 2024 may look back.
			if int(c.Value) == d.Published.Year()-1 && d.Published.YearDay() <= newYearGrace {
				continue
			}
			y := strconv.Itoa(int(c.Value))
			others, sameYear, named := 0, false, false
			for j, e := range docs {
				if j == i {
					continue
				}
				others++
				if !e.Published.IsZero() && e.Published.Year() == d.Published.Year() {
					sameYear = true
				}
				if mentionsYear(e.Text, y) {
					named = true
				}
			}
			if (others > 0 && !sameYear) || named || mentionsYearBefore(d.Text, y, c.Offset) {
				continue
			}
			out = append(out, Group{Kind: KindYear, Subject: c.Subject, StoryID: d.StoryID, Verdict: Inconsistent, Claims: []Claim{c},
				Reason: fmt.Sprintf("%q places the event in the year of writing, but the article is dated %s and no other report names %s",
					c.Figure, d.Published.Format("2 January 2006"), y)})
		}
	}
	return out
}

// mentionsYear reports whether text names year y as a word.
func mentionsYear(text, y string) bool {
	for off := 0; ; {
		i := strings.Index(text[off:], y)
		if i < 0 {
			return false
		}
		i += off
		end := i + len(y)
		if (i == 0 || !isDigit(text[i-1])) && (end == len(text) || !isDigit(text[end])) {
			return true
		}
		off = end
	}
}

// mentionsYearBefore reports whether the text names year y before offset
// off: then "earlier in y" continues a story told in that year.
func mentionsYearBefore(text, y string, off int) bool {
	if off > len(text) {
		off = len(text)
	}
	return mentionsYear(text[:off], y)
}

// genericSource reports whether a claim's source is no side of the story
// ("police", "officials", a weekday after "said").
func genericSource(c Claim) bool {
	r := resourcesFor(c.Language)
	if r == nil {
		return true
	}
	for _, w := range strings.Fields(strings.ToLower(c.AttributedTo)) {
		if r.generic.has(w) {
			return true
		}
	}
	return false
}

// outlierShare and outlierSlack say how far from the group's median a
// figure may lie and still be taken as a figure of the same thing: a toll
// of 130 among tolls of 77 to 84 counts another event, while a toll that
// rose from two to six is the same one.
const (
	outlierShare = 0.5
	outlierSlack = 5
)

// dropOutliers removes the claims whose value is further from the median
// value of the group than outlierShare of the median and outlierSlack,
// when there are three claims or more.
func dropOutliers(cs []Claim) []Claim {
	if len(cs) < 3 {
		return cs // two figures: neither is the odd one out
	}
	vs := make([]float64, len(cs))
	for i, c := range cs {
		vs[i] = c.Value
	}
	sort.Float64s(vs)
	med := vs[len(vs)/2]
	if len(vs)%2 == 0 {
		med = (vs[len(vs)/2-1] + vs[len(vs)/2]) / 2
	}
	var out []Claim
	for _, c := range cs {
		if math.Abs(c.Value-med) <= math.Max(outlierShare*med, outlierSlack) {
			out = append(out, c)
		}
	}
	return out
}

// sharingNames keeps the claims whose sentence shares a name (a
// capitalised word inside the sentence) with the sentence of another
// claim in the same language: "the earthquake killed 10 in Thailand" and
// "1,002 in Myanmar" are tolls of two places. A claim whose sentence names
// nothing, or with no other naming claim in its language, is kept (names
// are spelled differently across scripts).
func sharingNames(cs []Claim) []Claim {
	names := make([]map[string]bool, len(cs))
	for i, c := range cs {
		names[i] = sentenceNames(c.Sentence)
	}
	var out []Claim
	for i, c := range cs {
		peers, shares := 0, false
		for j, d := range cs {
			if i == j || langOf(c) != langOf(d) || len(names[i]) == 0 || len(names[j]) == 0 {
				continue
			}
			peers++
			for n := range names[i] {
				if names[j][n] {
					shares = true
					break
				}
			}
		}
		if peers == 0 || shares {
			out = append(out, c)
		}
	}
	return out
}

func langOf(c Claim) string {
	if c.Language == "" {
		return "en"
	}
	return c.Language
}

// sentenceNames are the capitalised words of a sentence after its first,
// lower case, without a possessive.
func sentenceNames(s string) map[string]bool {
	m := map[string]bool{}
	for i, t := range tokenize(s) {
		if i == 0 || !capital(t) || len([]rune(t.raw)) < 2 || isDigit(t.low[0]) {
			continue
		}
		w := strings.TrimSuffix(strings.TrimSuffix(t.low, "'s"), "'")
		m[w] = true
	}
	return m
}
