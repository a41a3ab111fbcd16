package when

import (
	"strconv"
	"strings"
	"time"
)

// Absolute dates, years, halves, quarters, seasons, decades and centuries.

func monthFrom(m *match) (time.Month, bool) {
	if n := m.g("monn"); n != "" {
		v := atoi(n)
		if v < 1 || v > 12 {
			return 0, false
		}
		return time.Month(v), true
	}
	return monthOf(m.g("mon"))
}

func normFullDate(f *finder, m *match) (Timex, bool) {
	mon, okm := monthFrom(m)
	if !okm {
		return Timex{}, false
	}
	y := yearOf(m.g("year"))
	if len(m.g("year")) == 2 {
		y = yearOf("'" + m.g("year")) // "12/31/17"
	}
	d := dayOf(m)
	if !validDay(y, mon, d) {
		return unresolved("DATE", fmt7(y, mon), "no such day: "+strconv.Itoa(d)+" "+mon.String())
	}
	return ok("DATE", fmtDay(date(y, mon, d)))
}

func fmt7(y int, m time.Month) string { return fmtYear(y) + "-" + twoDigits(int(m)) }

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// pickYear chooses the year of a month (and day) named without one: the
// occurrence nearest the anchor, with distances on the side the sentence's
// tense points away from weighted up (news leans to the past, so the
// future side weighs more when the tense is unknown). The tense is read
// from nearby verbs and often wrong, so it only weights.
func (f *finder) pickYear(mon time.Month, day int, tn tense) int {
	y := f.anchor.Year()
	monthOnly := day == 0
	if day == 0 {
		day = 15
	}
	best, bestCost := y, 1e18
	for _, cy := range []int{y - 1, y, y + 1} {
		dd := day
		if !validDay(cy, mon, dd) {
			dd = 28
		}
		if cost := f.dateCost(date(cy, mon, dd), tn, monthOnly); cost < bestCost {
			best, bestCost = cy, cost
		}
	}
	return best
}

// dateCost is the distance in days of a candidate date t from the anchor,
// weighted by the tense as pickYear says.
func (f *finder) dateCost(t time.Time, tn tense, monthOnly bool) float64 {
	diff := t.Sub(f.anchor).Hours() / 24
	cost := diff
	if diff < 0 {
		cost = -diff
		if tn == tenseFuture {
			cost *= pickFutureWeight
		}
	} else if diff > 0 {
		switch tn {
		case tensePast:
			cost *= pickPastWeight
			if monthOnly {
				cost *= pickMonthFactor
			}
		case tenseNone:
			cost *= pickNoneWeight
		}
	}
	return cost
}

// Weights of pickYear, set on TimeBank (eval/tempeval3) as a whole.
var (
	pickPastWeight   = 3.0
	pickFutureWeight = 3.0
	pickNoneWeight   = 1.5
	// A month named alone in a past-tense sentence is further from the
	// future than a day is: "payable Dec. 7" is often read as past by the
	// tense heuristic, "met in February" rarely is wrongly.
	pickMonthFactor = 2.0
)

func normMonthDay(f *finder, m *match) (Timex, bool) {
	mon, okm := monthOf(m.g("mon"))
	d := dayOf(m)
	if !okm || d < 0 {
		return Timex{}, false
	}
	if !validDay(0, mon, d) {
		y := "XXXX"
		if f.has {
			y = fmtYear(f.anchor.Year())
		}
		return unresolved("DATE", y+"-"+twoDigits(int(mon)), "no such day: "+strconv.Itoa(d)+" "+mon.String())
	}
	if !f.has {
		return unresolved("DATE", "XXXX-"+twoDigits(int(mon))+"-"+twoDigits(d), "")
	}
	y := f.pickYear(mon, d, f.tenseAt(m.start, m.end))
	switch m.g("yrel") {
	case "last": // "June 12 last year"
		y = f.anchor.Year() - 1
	case "this":
		y = f.anchor.Year()
	case "next":
		y = f.anchor.Year() + 1
	}
	if wd, okw := weekdayNames[m.g("wd")]; okw && date(y, mon, d).Weekday() != wd {
		// "Tuesday, Dec. 3": the weekday tells the year, when one of the
		// years around the anchor has that day on that weekday.
		best, bestCost := 0, 1e18
		for _, cy := range []int{y - 1, y, y + 1} {
			if validDay(cy, mon, d) && date(cy, mon, d).Weekday() == wd {
				if c := f.dateCost(date(cy, mon, d), f.tenseAt(m.start, m.end), false); c < bestCost {
					best, bestCost = cy, c
				}
			}
		}
		if best != 0 {
			y = best
		}
	}
	if !validDay(y, mon, d) {
		return unresolved("DATE", fmt7(y, mon), "no such day: "+strconv.Itoa(d)+" "+mon.String()+" "+strconv.Itoa(y))
	}
	return ok("DATE", fmtDay(date(y, mon, d)))
}

// normWeekOf resolves "the week of Dec. 4" to the ISO week of that day.
func normWeekOf(f *finder, m *match) (Timex, bool) {
	mon, okm := monthOf(m.g("mon"))
	d := dayOf(m)
	if !okm || d <= 0 || !validDay(0, mon, d) {
		return Timex{}, false
	}
	var y int
	switch {
	case m.g("year") != "":
		y = yearOf(m.g("year"))
	case f.has:
		y = f.pickYear(mon, d, f.tenseAt(m.start, m.end))
	default:
		return unresolved("DATE", "XXXX-WXX", "")
	}
	if !validDay(y, mon, d) {
		return unresolved("DATE", fmt7(y, mon), "no such day: "+strconv.Itoa(d)+" "+mon.String()+" "+strconv.Itoa(y))
	}
	return ok("DATE", fmtWeek(date(y, mon, d)))
}

func normMonthYear(f *finder, m *match) (Timex, bool) {
	mon, okm := monthOf(m.g("mon"))
	y := yearOf(m.g("year"))
	if !okm || y < 0 {
		return Timex{}, false
	}
	return ok("DATE", fmt7(y, mon))
}

func normMonth(f *finder, m *match) (Timex, bool) {
	mon, okm := monthOf(m.g("mon"))
	if !okm {
		return Timex{}, false
	}
	if !f.has {
		return unresolved("DATE", "XXXX-"+twoDigits(int(mon)), "")
	}
	y := f.anchor.Year()
	cur := f.anchor.Month()
	switch m.g("yrel") {
	case "last":
		return ok("DATE", fmt7(y-1, mon))
	case "next":
		return ok("DATE", fmt7(y+1, mon))
	case "this":
		return ok("DATE", fmt7(y, mon))
	}
	switch rel := strings.Join(strings.Fields(m.g("rel")), " "); rel {
	case "last", "this past", "the previous":
		// The latest such month before this one; the month just ended
		// would be "last month", so "last February" said in March is a
		// year back.
		if mon >= cur || (rel == "last" && mon == cur-1) {
			y--
		}
		return ok("DATE", fmt7(y, mon))
	case "next", "this coming", "coming", "the following":
		if mon <= cur {
			y++
		}
		return ok("DATE", fmt7(y, mon))
	case "this":
		return ok("DATE", fmt7(y, mon))
	}
	return ok("DATE", fmt7(f.pickYear(mon, 0, f.tenseAt(m.start, m.end)), mon))
}

func yearAccept(f *finder, m *match) bool {
	// Not an amount: "$1990", "1,990", "1990%", "1990-million"; but the
	// ends of a range of years are years: "2010-2015", "the 2016-17
	// season".
	if m.start > 0 {
		c := f.text[m.start-1]
		if c == '-' && yearRangeEnd(f.text, m.start) {
			c = ' '
		}
		if c == '$' || c == '#' || c == '.' || c == ',' || c == '-' || c == '/' || c == ':' {
			return false
		}
	}
	if m.end < len(f.text) {
		c := f.text[m.end]
		if c == '-' && yearRangeStart(f.text, m.start, m.end) {
			c = ' '
		}
		if c == '%' || c == '-' || c == '/' || c == ':' {
			return false
		}
		if (c == ',' || c == '.') && m.end+1 < len(f.text) && f.text[m.end+1] >= '0' && f.text[m.end+1] <= '9' {
			return false
		}
	}
	if m.end-m.start == len(m.g("year")) && numberedNouns[prevWord(f.lower, m.start)] && !possessiveWord(f.text, m.start) {
		// A figure after a noun that numbers things is an identifier:
		// "Flight 1943", "Resolution 2231", "Case 2000", "Room 1204".
		return false
	}
	switch nextWord(f.lower, m.end) {
	case "percent", "people", "shares", "troops", "soldiers", "tons", "tonnes", "dollars", "pounds", "miles", "km", "kilometers", "meters", "feet", "barrels", "cars", "units", "jobs", "workers", "employees", "acres", "points", "yen", "francs", "marks", "rubles", "euros", "hryvnias", "residents", "homes", "words", "votes", "pages":
		return false
	}
	y := yearOf(m.g("year"))
	return y > 0
}

// numberedNouns are nouns a figure after which is a number, not a year.
var numberedNouns = map[string]bool{
	"flight": true, "case": true, "room": true, "route": true, "highway": true,
	"interstate": true, "resolution": true, "article": true, "section": true,
	"chapter": true, "page": true, "gate": true, "platform": true, "suite": true,
	"unit": true, "block": true, "bus": true, "train": true, "no": true,
	"number": true, "patient": true, "prisoner": true, "inmate": true,
	"item": true, "exhibit": true, "file": true, "docket": true, "ticket": true,
	"channel": true, "track": true, "lot": true, "precinct": true, "district": true,
}

// yearRangeStart reports whether the year text[start:end] is followed by
// "-" and a later year, in full or in two digits: "2010-2015", "2016-17"
// (not "2017-12", a month, nor "1990-million").
func yearRangeStart(text string, start, end int) bool {
	y := atoi(text[start:end])
	d := end + 1
	k := d
	for k < len(text) && k-d < 5 && isDigit(text[k]) {
		k++
	}
	if k < len(text) && isWordByte(text[k]) {
		return false
	}
	switch k - d {
	case 2:
		yy := atoi(text[d:k])
		return yy > y%100 && yy-y%100 <= 10
	case 4:
		y2 := atoi(text[d:k])
		return y2 > y && y2-y <= 100
	}
	return false
}

// yearRangeEnd reports whether the four digits at text[start:] end a
// range of years: "2010-2015".
func yearRangeEnd(text string, start int) bool {
	b := start - 1 // the '-'
	if b < 4 || !isDigits(text[b-4:b]) || b > 4 && isWordByte(text[b-5]) {
		return false
	}
	return yearRangeStart(text, b-4, b)
}

func spelledYearAccept(f *finder, m *match) bool {
	y := yearOf(m.g("year"))
	if y < 1000 {
		return false
	}
	if strings.HasPrefix(m.g("year"), "two thousand") && !strings.HasPrefix(m.lower(), "the year") {
		switch prevWord(f.lower, m.start) {
		case "in", "since", "by", "until", "of", "before", "after", "around":
		default:
			return false
		}
		switch nextWord(f.lower, m.end) {
		case "", "and", "or":
		default:
			return false
		}
	}
	return true
}

func normYear(f *finder, m *match) (Timex, bool) {
	y := yearOf(m.g("year"))
	if y < 0 {
		return Timex{}, false
	}
	return ok("DATE", fmtYear(y))
}

func (f *finder) yearFor(yrel, year string) (int, bool) {
	if year != "" {
		y := yearOf(year)
		return y, y > 0
	}
	if !f.has {
		return 0, false
	}
	y := f.anchor.Year()
	switch yrel {
	case "last":
		return y - 1, true
	case "next":
		return y + 1, true
	case "this", "the":
		return y, true
	}
	return y, false
}

func normHalf(f *finder, m *match) (Timex, bool) {
	h := "H1"
	if s := m.g("h"); s == "second" || s == "last" || s == "latter" {
		h = "H2"
	}
	y, explicit := f.yearFor(m.g("yrel"), m.g("year"))
	if !explicit {
		if !f.has {
			return unresolved("DATE", "XXXX-"+h, "")
		}
		if v, okr := f.lastRef(m.start, 2000, func(v string) bool { return granularity(v) != "" }); okr {
			y = atoi(v[:4])
		} else if h == "H2" && f.anchor.Month() <= 6 && f.tenseAt(m.start, m.end) != tenseFuture {
			y--
		}
	}
	return ok("DATE", fmtYear(y)+"-"+h)
}

var quarterNums = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "last": 4, "final": 4}

func normQuarter(f *finder, m *match) (Timex, bool) {
	q := quarterNums[m.g("q")]
	if q == 0 {
		return Timex{}, false
	}
	qs := "-Q" + strconv.Itoa(q)
	y, explicit := f.yearFor(m.g("yrel"), m.g("year"))
	if !explicit {
		if !f.has {
			return unresolved("DATE", "XXXX"+qs, "")
		}
		// The latest such quarter: this year's when it has begun.
		cur := quarterOf(f.anchor.Month())
		if q > cur && f.tenseAt(m.start, m.end) != tenseFuture {
			y--
		}
	}
	return ok("DATE", fmtYear(y)+qs)
}

func quarterRefAccept(f *finder, m *match) bool {
	if m.end < len(f.text) && f.text[m.end] == '-' {
		return false // "its quarter-century low"
	}
	l := m.lower()
	if strings.HasSuffix(l, "period") {
		// "the period" alone is too vague; "the latest period" in a
		// quarterly report is a quarter.
		a := m.g("adj")
		return a == "latest" || a == "just-ended" || a == "just ended" || a == "most recent"
	}
	return true
}

func normQuarterRef(f *finder, m *match) (Timex, bool) {
	if !f.has {
		return unresolved("DATE", "XXXX-QX", "")
	}
	adj := m.g("adj")
	cur := quarterOf(f.anchor.Month())
	y := f.anchor.Year()
	if adj == "current" || (m.g("det") == "this" && adj == "") {
		return ok("DATE", fmtYear(y)+"-Q"+strconv.Itoa(cur))
	}
	if adj == "previous" || adj == "prior" || adj == "past" || adj == "last" {
		if v, okr := f.lastRef(m.start, 3000, func(v string) bool { return granularity(v) == "quarter" }); okr {
			qy, q := atoi(v[:4]), int(v[6]-'0')-1
			if q == 0 {
				q, qy = 4, qy-1
			}
			return ok("DATE", fmtYear(qy)+"-Q"+strconv.Itoa(q))
		}
	}
	latest := adj == "latest" || adj == "most recent" || adj == "recent" || adj == "just-ended" || adj == "just ended"
	if v, okr := f.lastRef(m.start, 3000, func(v string) bool { return granularity(v) == "quarter" }); okr && !latest {
		return ok("DATE", v)
	}
	// The latest completed quarter.
	q := cur - 1
	if q == 0 {
		q, y = 4, y-1
	}
	return ok("DATE", fmtYear(y)+"-Q"+strconv.Itoa(q))
}

func normYearAgo(f *finder, m *match) (Timex, bool) {
	if y := m.g("year"); y != "" {
		// "the 1988 quarter": that year, the quarter of the reference.
		if v, okr := f.lastRef(m.start, 1500, func(v string) bool { return granularity(v) == "quarter" }); okr {
			return ok("DATE", y+v[4:])
		}
		return ok("DATE", y)
	}
	if q := quarterNums[m.g("q")]; q > 0 {
		if !f.has {
			return unresolved("DATE", "XXXX-Q"+strconv.Itoa(q), "")
		}
		return ok("DATE", fmtYear(f.anchor.Year()-1)+"-Q"+strconv.Itoa(q))
	}
	// The period of the comparison: a quarter mentioned not far back, else
	// the last date mentioned nearby.
	// A projection ("the third quarter of 1990", "the current quarter") is
	// not what a year-ago figure is compared with: only quarters ended by
	// the anchor count.
	v, okr := f.lastRef(m.start, 1500, func(v string) bool {
		return granularity(v) == "quarter" && (!f.has || atoi(v[:4]) < f.anchor.Year() || atoi(v[:4]) == f.anchor.Year() && int(v[6]-'0') < quarterOf(f.anchor.Month()))
	})
	if !okr {
		v, okr = f.lastRef(m.start, 600, func(v string) bool {
			g := granularity(v)
			return g == "half" || g == "month" || g == "day" || g == "year" || g == "season"
		})
	}
	if okr {
		if s, oks := shiftYears(v, -1); oks {
			return ok("DATE", s)
		}
	}
	if !f.has {
		return unresolved("DATE", "XXXX", "")
	}
	return ok("DATE", fmtYear(f.anchor.Year()-1))
}

// ---- seasons, decades, centuries ----

var seasonCodes = map[string]string{"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
var seasonStart = map[string]time.Month{"SP": 3, "SU": 6, "FA": 9, "WI": 12}

func seasonAccept(f *finder, m *match) bool {
	s := m.g("season")
	rel := m.g("rel")
	if capitalized(m, "season") && m.g("year") == "" && capitalizedAfter(f.text, m.end) {
		return false // a name: "the Winter Olympics", "Summer Games"
	}
	if s == "fall" && m.g("year") == "" && nextWord(f.lower, m.end) == "of" {
		return false // "the fall of the Berlin Wall"
	}
	if s == "fall" || s == "spring" {
		// Verbs and springs: only with a determiner or a year.
		return rel != "" && rel != "early" && rel != "late" || m.g("year") != ""
	}
	if rel == "" && m.g("year") == "" && !seasonCue[prevWord(f.lower, m.start)] {
		// A bare season before a noun or in the possessive, with no
		// preposition of time before it, is a kind of weather or
		// sport: "winter sports", "watching winter birds", "winter's
		// night skies"; "in winter", "since summer" stay.
		rest := f.text[m.end:]
		if strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") {
			return false
		}
		if len(rest) > 1 && rest[0] == ' ' && rest[1] >= 'a' && rest[1] <= 'z' {
			return false
		}
	}
	return true
}

// seasonCue are the words after which a bare season names a time.
var seasonCue = map[string]bool{
	"in": true, "during": true, "over": true, "since": true, "until": true,
	"till": true, "by": true, "through": true, "throughout": true, "for": true,
	"before": true, "after": true, "this": true, "last": true, "next": true,
	"early": true, "late": true, "mid": true, "of": true, "from": true,
	"to": true, "and": true, "or": true, "each": true, "every": true,
}

func normSeason(f *finder, m *match) (Timex, bool) {
	code := seasonCodes[m.g("season")]
	if y := m.g("year"); y != "" {
		return ok("DATE", fmtYear(yearOf(y))+"-"+code)
	}
	if !f.has {
		return unresolved("DATE", "XXXX-"+code, "")
	}
	y := f.anchor.Year()
	start := date(y, seasonStart[code], 1)
	if code == "WI" && f.anchor.Month() <= 2 {
		start = date(y-1, 12, 1) // winter of the turn of the year
		y--
	}
	rel := strings.Join(strings.Fields(m.g("rel")), " ")
	switch rel {
	case "last", "this past", "the past":
		if !start.Before(f.anchor) || f.anchor.Sub(start).Hours() < 24*92 {
			y--
		}
	case "next", "this coming", "the coming":
		if start.Before(f.anchor) {
			y++
		}
	case "this":
	default:
		if start.After(f.anchor) && f.tenseAt(m.start, m.end) == tensePast {
			y--
		}
	}
	return ok("DATE", fmtYear(y)+"-"+code)
}

var decadeWords = map[string]int{"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}

func normDecade(f *finder, m *match) (Timex, bool) {
	d := strings.TrimSuffix(strings.TrimSuffix(m.g("dec"), "s"), "'")
	if n, okw := decadeWords[m.g("dec")]; okw {
		c := 19
		if f.has && f.anchor.Year() < 1900 {
			c = 18
		}
		return ok("DATE", strconv.Itoa(c)+strconv.Itoa(n))
	}
	if strings.HasPrefix(d, "'") || strings.HasPrefix(d, "’") {
		n := atoi(strings.TrimLeft(d, "'’"))
		if n < 0 {
			return Timex{}, false
		}
		c := 19
		if n < 30 && f.has && f.anchor.Year() >= 2000 {
			c = 20
		}
		return ok("DATE", strconv.Itoa(c)+strconv.Itoa(n/10))
	}
	if len(d) != 4 {
		return Timex{}, false
	}
	return ok("DATE", d[:3])
}

func normCentury(f *finder, m *match) (Timex, bool) {
	n, okc := parseOrdinal(m.g("c"))
	if !okc || n < 1 || n > 30 {
		return Timex{}, false
	}
	return ok("DATE", twoDigits(n-1))
}
