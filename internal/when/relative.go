package when

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Days, weekdays and clock times relative to the document date, general
// references (now, recently, the future) and this/last/next units.

var todCodes = map[string]string{"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "nights": "NI", "tonight": "NI", "overnight": "NI", "midday": "MI", "noon": "12:00", "midnight": "24:00", "mid-afternoon": "AF", "midafternoon": "AF", "mid afternoon": "AF", "mid-morning": "MO", "midmorning": "MO", "mid morning": "MO"}

func todCode(s string) string { return todCodes[strings.Join(strings.Fields(s), " ")] }

// dayRelAccept drops the generic "today": "in today's world", "the people
// of tomorrow".
func dayRelAccept(f *finder, m *match) bool {
	rel := m.g("rel")
	if rel != "today" && rel != "tomorrow" {
		return true
	}
	if raw := m.raw("rel"); raw == "TODAY" || capitalized(m, "rel") && capitalizedBefore(f.text, m.start) {
		// A name: "USA TODAY", "Florida Today".
		return false
	}
	p := prevWord(f.lower, m.start)
	if rel == "tomorrow" && p == "of" {
		return false // "the people of tomorrow"
	}
	rest := f.lower[m.end:]
	if !strings.HasPrefix(rest, "'s") && !strings.HasPrefix(rest, "’s") {
		return true
	}
	// "today's world", "today's personal computers": the present age, not
	// the day; "today's editions" is the day.
	w := strings.Fields(rest[strings.Index(rest, "s")+1:])
	for i := 0; i < len(w) && i < 2; i++ {
		if genericNouns[strings.Trim(w[i], ".,;:!?\"'")] {
			return false
		}
	}
	return true
}

var genericNouns = map[string]bool{
	"world": true, "society": true, "age": true, "era": true, "economy": true,
	"environment": true, "culture": true, "generation": true, "youth": true,
	"kids": true, "children": true, "standards": true, "terms": true,
	"dollars": true, "money": true, "market": true, "markets": true,
	"technology": true, "computers": true, "business": true, "politics": true,
	"media": true, "climate": true, "families": true, "consumers": true,
}

func normDayRel(f *finder, m *match) (Timex, bool) {
	if !f.has {
		if m.g("rel") == "tonight" {
			return unresolved("TIME", "XXXX-XX-XXTNI", "")
		}
		return unresolved("DATE", "XXXX-XX-XX", "")
	}
	d := f.anchor
	switch strings.Join(strings.Fields(m.g("rel")), " ") {
	case "yesterday":
		d = d.AddDate(0, 0, -1)
	case "tomorrow":
		d = d.AddDate(0, 0, 1)
	case "before yesterday":
		d = d.AddDate(0, 0, -2)
	case "after tomorrow":
		d = d.AddDate(0, 0, 2)
	case "tonight":
		return Timex{Type: "TIME", Value: fmtDay(d) + "TNI", Resolved: true}, true
	}
	tod := m.g("tod")
	if tod == "" {
		if p := m.g("pos"); p != "" && p != "early" && p != "late" && p != "later" && p != "earlier" {
			tod = p
		}
	}
	if c := todCode(tod); c != "" {
		return Timex{Type: "TIME", Value: fmtDay(d) + "T" + c, Resolved: true}, true
	}
	return ok("DATE", fmtDay(d))
}

func normTodRel(f *finder, m *match) (Timex, bool) {
	if !f.has {
		return unresolved("TIME", "XXXX-XX-XXT"+todCode(m.g("tod")), "")
	}
	d := f.anchor
	tod := m.g("tod")
	switch m.g("rel") {
	case "last", "yesterday":
		d = d.AddDate(0, 0, -1)
	case "tomorrow":
		d = d.AddDate(0, 0, 1)
	}
	if tod == "overnight" {
		if f.tenseAt(m.start, m.end) != tenseFuture {
			d = d.AddDate(0, 0, -1)
		}
	}
	return Timex{Type: "TIME", Value: fmtDay(d) + "T" + todCode(tod), Resolved: true}, true
}

// normThen resolves "until then", "since then" to the date last mentioned
// nearby; without one it is a vague past or future.
func normThen(f *finder, m *match) (Timex, bool) {
	if v, okr := f.lastRef(m.start, 600, nil); okr {
		return ok("DATE", v)
	}
	switch m.g("prep") {
	case "since", "after", "from":
		return ok("DATE", "PAST_REF")
	}
	return ok("DATE", "FUTURE_REF")
}

// nthDayAccept keeps "today is the eighth day (of the operation)", "it's
// the second day of an offensive": a count that names the current day.
func nthDayAccept(f *finder, m *match) bool {
	switch prevWord(f.lower, m.start) {
	case "is", "it's", "marks", "s":
		return true
	}
	return false
}

func normNthDay(f *finder, m *match) (Timex, bool) {
	if !f.has {
		return unresolved("DATE", "XXXX-XX-XX", "")
	}
	return ok("DATE", fmtDay(f.anchor))
}

// todAnaAccept keeps "in the morning"; normTodAna then drops it unless a
// day was mentioned just before ("Friday … in the morning"): alone it is
// generic.
func todAnaAccept(f *finder, m *match) bool {
	p := prevWord(f.lower, m.start)
	return p == "in" || p == "during" || p == "by" || p == "that"
}

func normTodAna(f *finder, m *match) (Timex, bool) {
	v, okr := f.lastRef(m.start, 250, func(v string) bool { return granularity(v) == "day" })
	if !okr {
		return Timex{}, false
	}
	return Timex{Type: "TIME", Value: v[:10] + "T" + todCode(m.g("tod")), Resolved: true}, true
}

// normTodAlone resolves "mid-afternoon" to that part of the day last
// mentioned, or of the anchor.
func normTodAlone(f *finder, m *match) (Timex, bool) {
	code := todCode(m.g("tod"))
	if v, okr := f.lastRef(m.start, 1000, func(v string) bool { return granularity(v) == "day" }); okr {
		return Timex{Type: "TIME", Value: v[:10] + "T" + code, Resolved: true}, true
	}
	if !f.has {
		return unresolved("TIME", "XXXX-XX-XXT"+code, "")
	}
	return Timex{Type: "TIME", Value: fmtDay(f.anchor) + "T" + code, Resolved: true}, true
}

// dayAnaAccept keeps "the day before" only when it ends the phrase: "the
// day before the plunge" names the day by an event, not by a date.
func dayAnaAccept(f *finder, m *match) bool {
	d := m.g("dir")
	if d != "before" && d != "after" {
		return true
	}
	w := nextWord(f.lower, m.end)
	return w == "" || m.end < len(f.text) && strings.ContainsRune(",.;:)", rune(f.text[m.end]))
}

// theDayAccept keeps "the day" in "later in the day" (the expression is
// "the day") and before an event ("the day before the plunge").
func theDayAccept(f *finder, m *match) bool {
	if m.g("pos") != "" {
		m.start = m.end - len("the day")
		return strings.HasPrefix(f.lower[m.start:], "the day")
	}
	w := nextWord(f.lower, m.end)
	if w != "before" && w != "after" {
		return false
	}
	rest := strings.TrimLeft(f.lower[m.end:], " ")[len(w):]
	return strings.HasPrefix(rest, " ") && nextWord(rest, 0) != ""
}

// normTheDay resolves "the day" to the day last mentioned nearby, else the
// anchor.
func normTheDay(f *finder, m *match) (Timex, bool) {
	if v, okr := f.lastRef(m.start, 300, func(v string) bool { return granularity(v) == "day" }); okr {
		return ok("DATE", v[:10])
	}
	if !f.has {
		return unresolved("DATE", "XXXX-XX-XX", "")
	}
	return ok("DATE", fmtDay(f.anchor))
}

func normDayAna(f *finder, m *match) (Timex, bool) {
	base := f.anchor
	if v, okr := f.lastRef(m.start, 1000, func(v string) bool { return granularity(v) == "day" }); okr {
		if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
			base = t
		}
	} else if !f.has {
		return unresolved("DATE", "XXXX-XX-XX", "")
	}
	switch m.g("dir") {
	case "next", "following", "after":
		base = base.AddDate(0, 0, 1)
	default:
		base = base.AddDate(0, 0, -1)
	}
	return ok("DATE", fmtDay(base))
}

// ---- weekdays ----

// weekdayDate resolves a weekday name against the anchor: the same day
// when it is the anchor's weekday, else the latest one before the anchor,
// or the next one after it when the sentence speaks of the future.
func (f *finder) weekdayDate(wd time.Weekday, rel string, tn tense) time.Time {
	a := f.anchor
	back := (int(a.Weekday()) - int(wd) + 7) % 7 // days back to the latest such weekday (0: today)
	fwd := (int(wd) - int(a.Weekday()) + 7) % 7
	switch rel {
	case "last", "this past", "the previous":
		if back == 0 {
			back = 7
		}
		return a.AddDate(0, 0, -back)
	case "next", "this coming", "coming", "the following", "the next":
		if fwd == 0 {
			fwd = 7
		}
		return a.AddDate(0, 0, fwd)
	case "this":
		// The weekday of the anchor's week (Monday first).
		diff := isoDay(wd) - isoDay(a.Weekday())
		return a.AddDate(0, 0, diff)
	}
	if back == 0 {
		return a
	}
	if tn == tenseFuture {
		return a.AddDate(0, 0, fwd)
	}
	return a.AddDate(0, 0, -back)
}

func normWeekday(f *finder, m *match) (Timex, bool) {
	if mon, okm := monthOf(m.g("mon")); okm && m.g("wd") == "" {
		return ok("SET", "XXXX-"+twoDigits(int(mon)))
	}
	wd, okw := weekdayNames[m.g("wd")]
	if !okw {
		return Timex{}, false
	}
	tod := m.g("tod")
	if tod == "" {
		tod = m.g("tod2")
	}
	code := todCode(tod)
	if code == "" && tod != "" {
		code = clockCode(tod)
	}
	if m.rule.typ == "SET" || m.g("plural") != "" || tod == "nights" {
		v := "XXXX-WXX-" + strconv.Itoa(isoDay(wd))
		if code != "" {
			v += "T" + code
		}
		return Timex{Type: "SET", Value: v, Resolved: true}, true
	}
	if !f.has {
		v := "XXXX-WXX-" + strconv.Itoa(isoDay(wd))
		if code != "" {
			return unresolved("TIME", v+"T"+code, "")
		}
		return unresolved("DATE", v, "")
	}
	rel := strings.Join(strings.Fields(m.g("rel")), " ")
	var d time.Time
	switch rel {
	case "early", "late", "earlier", "later":
		// "early Tuesday", "earlier Sunday": a part of that day.
		d = f.weekdayDate(wd, "", f.tenseAt(m.start, m.end))
	case "the previous", "the following", "the next":
		// Relative to the day last mentioned ("down from the previous
		// Friday").
		base := f.anchor
		if v, okr := f.lastRef(m.start, 1500, func(v string) bool { return granularity(v) == "day" }); okr {
			if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
				base = t
			}
		}
		if rel == "the previous" {
			back := (int(base.Weekday()) - int(wd) + 7) % 7
			if back == 0 {
				back = 7
			}
			d = base.AddDate(0, 0, -back)
		} else {
			fwd := (int(wd) - int(base.Weekday()) + 7) % 7
			if fwd == 0 {
				fwd = 7
			}
			d = base.AddDate(0, 0, fwd)
		}
	default:
		d = f.weekdayDate(wd, rel, f.tenseAt(m.start, m.end))
	}
	if code != "" {
		return Timex{Type: "TIME", Value: fmtDay(d) + "T" + code, Resolved: true}, true
	}
	return ok("DATE", fmtDay(d))
}

// ---- clock times ----

func clockAccept(f *finder, m *match) bool {
	if m.g("ampm") == "" && m.g("named") == "" {
		// A bare "7:15" needs a day word, a time zone or "at", or it
		// may be a score or a ratio.
		if m.g("rel") != "" || m.g("wd") != "" || m.g("tz") != "" {
			return true
		}
		h := atoi(m.g("hh"))
		return prevWord(f.lower, m.start) == "at" && h >= 0 && h <= 24
	}
	if m.g("named") != "" {
		// "noon", "midnight" alone need a preposition or a day: "the
		// midnight cherry Roadster" is a colour.
		if m.g("rel") != "" || m.g("wd") != "" || m.g("mon") != "" {
			return true
		}
		switch prevWord(f.lower, m.start) {
		case "at", "by", "until", "till", "after", "before", "around", "about", "past", "since", "from", "to", "near", "approximately", "shortly", "just":
			return true
		}
		return false
	}
	h := atoi(m.g("hh"))
	return h >= 0 && h <= 24
}

// clockCode turns "5 p.m." into "17:00" ("" if it is not a time).
func clockCode(s string) string {
	s = strings.TrimSpace(s)
	re := clockRE.FindStringSubmatch(s)
	if re == nil {
		return ""
	}
	h, mm := atoi(re[1]), 0
	if re[2] != "" {
		mm = atoi(re[2])
	}
	if strings.HasPrefix(re[3], "p") && h < 12 {
		h += 12
	}
	if strings.HasPrefix(re[3], "a") && h == 12 {
		h = 0
	}
	if h < 0 || h > 24 || mm < 0 || mm > 59 {
		return ""
	}
	return twoDigits(h) + ":" + twoDigits(mm)
}

var clockRE = regexp.MustCompile(`^(\d{1,2})(?:[:.](\d\d))?\s*(a\.?m\.?|p\.?m\.?)?$`)

func normClock(f *finder, m *match) (Timex, bool) {
	var code string
	if n := m.g("named"); n != "" {
		code = todCode(n)
	} else {
		h, mm := atoi(m.g("hh")), 0
		if s := m.g("mm"); s != "" {
			mm = atoi(s)
		}
		ap := m.g("ampm")
		if strings.HasPrefix(ap, "p") && h < 12 {
			h += 12
		}
		if strings.HasPrefix(ap, "a") && h == 12 {
			h = 0
		}
		if h < 0 || h > 24 || mm < 0 || mm > 59 {
			return unresolved("TIME", "XXXX-XX-XXTXX:XX", "no such time: "+m.f.text[m.start:m.end])
		}
		code = twoDigits(h) + ":" + twoDigits(mm)
		if ss := m.g("ss"); ss != "" {
			code += ":" + ss
		}
	}
	if !f.has {
		return unresolved("TIME", "XXXX-XX-XXT"+code, "")
	}
	d := f.anchor
	if v, okr := f.lastRef(m.start, 300, func(v string) bool { return granularity(v) == "day" }); okr {
		// A time of day without a day of its own belongs to the day
		// just mentioned ("on Dec. 31 … at around 9 p.m.").
		if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
			d = t
		}
	}
	switch {
	case m.g("rel") == "today":
		d = f.anchor
	case m.g("rel") == "yesterday":
		d = f.anchor.AddDate(0, 0, -1)
	case m.g("rel") == "tomorrow":
		d = f.anchor.AddDate(0, 0, 1)
	case m.g("wd") != "":
		d = f.weekdayDate(weekdayNames[m.g("wd")], "", f.tenseAt(m.start, m.end))
	case m.g("mon") != "":
		mon, _ := monthOf(m.g("mon"))
		day := atoi(m.g("day"))
		if !validDay(0, mon, day) {
			return unresolved("TIME", fmtYear(d.Year())+"-"+twoDigits(int(mon))+"-XXT"+code, "no such day: "+m.g("day")+" "+mon.String())
		}
		y := f.pickYear(mon, day, f.tenseAt(m.start, m.end))
		if m.g("year") != "" {
			y = yearOf(m.g("year"))
		}
		if !validDay(y, mon, day) {
			return unresolved("TIME", fmt7(y, mon)+"-XXT"+code, "no such day")
		}
		d = date(y, mon, day)
	}
	return Timex{Type: "TIME", Value: fmtDay(d) + "T" + code, Resolved: true}, true
}

// ---- general references ----

func presentAccept(f *finder, m *match) bool {
	l := m.lower()
	if l == "current" {
		// The adjective "current" of a time ("the current quarter" is
		// taken by longer rules): keep "current" before nouns only, and
		// not in "current account" or "electric current".
		switch nextWord(f.lower, m.end) {
		case "account", "accounts", "affairs", "events", "liabilities", "assets", "", "or", "and":
			return false // "current account", "current or former leaders"
		}
		return prevWord(f.lower, m.start) != "electric"
	}
	if l == "now" {
		// "now-defunct" and "now that" stay, "until now" too.
		return true
	}
	return true
}

func pastAccept(f *finder, m *match) bool {
	l := m.lower()
	switch l {
	case "earlier":
		// A sentence adverb ("Earlier, …", "… said earlier.") rather than a
		// comparison ("earlier than", "earlier estimates").
		if m.end < len(f.text) {
			c := f.text[m.end]
			return c == ',' || c == '.' || c == ';' || c == '\n'
		}
		return true
	case "the past":
		return prevWord(f.lower, m.start) == "in"
	case "recent":
		// The adjective marks a past event ("the recent sale"), as TimeML
		// annotates it; not in comparisons ("more recent").
		p := prevWord(f.lower, m.start)
		return p != "more" && p != "most" && p != "less"
	}
	return true
}

func futureAccept(f *finder, m *match) bool {
	l := m.lower()
	if l == "future" {
		// The adjective ("future growth") names no time of its own.
		return false
	}
	if l == "eventually" {
		return false
	}
	if strings.HasSuffix(l, "soon") {
		// "soon after", "as soon as" tie one event to another; "fears
		// soon spread" is the past.
		if nextWord(f.lower, m.end) == "after" || prevWord(f.lower, m.start) == "as" || f.tenseAt(m.start, m.end) == tensePast {
			return false
		}
	}
	return true
}

// ---- this / last / next unit ----

func unitRelAccept(f *finder, m *match) bool {
	if capitalized(m, "u") {
		return false // a title: ABC's "This Week"
	}
	rel := strings.Join(strings.Fields(m.g("rel")), " ")
	u := m.g("u")
	if rel == "the new" {
		return m.g("pos") != ""
	}
	if rel == "the" && (u == "month" || u == "decade" || u == "century") {
		// "the month" is mostly generic; keep it with a position ("the
		// end of the month").
		return m.g("pos") != ""
	}
	return true
}

func normUnitRel(f *finder, m *match) (Timex, bool) {
	u := strings.Join(strings.Fields(m.g("u")), " ")
	rel := strings.Join(strings.Fields(m.g("rel")), " ")
	if m.g("end") != "" {
		// "year-end": the end of this year, or of the last one after
		// "since".
		if !f.has {
			return unresolved("DATE", "XXXX", "")
		}
		y := f.anchor.Year()
		if prevWord(f.lower, m.start) == "since" {
			y--
		}
		switch {
		case strings.HasPrefix(u, "year") && strings.HasPrefix(m.g("end"), "-"):
			return ok("DATE", fmtYear(y)+"-12-31")
		case strings.HasPrefix(u, "year"):
			return ok("DATE", fmtYear(y))
		}
		rel = "this"
	}
	if rel == "year" { // year-to-date
		rel = "this"
		u = "year"
	}
	if strings.HasSuffix(u, "year") {
		u = "year"
	}
	step := 0
	switch rel {
	case "last", "the past", "the previous", "the prior", "this past", "the last":
		step = -1
	case "next", "the coming", "the following", "this coming", "the next":
		step = 1
	}
	if !f.has {
		switch u {
		case "year":
			return unresolved("DATE", "XXXX", "")
		case "month":
			return unresolved("DATE", "XXXX-XX", "")
		case "week":
			return unresolved("DATE", "XXXX-WXX", "")
		case "weekend":
			return unresolved("DATE", "XXXX-WXX-WE", "")
		}
		return unresolved("DATE", "XXXX", "")
	}
	a := f.anchor
	if (rel == "the" || rel == "the current") && m.g("pos") == "" && (u == "year" || u == "fiscal year") {
		// "the year ended Sept. 30", "the fiscal year ending June 30":
		// a twelve-month period, not the calendar year.
		switch nextWord(f.lower, m.end) {
		case "ended", "ending", "ends", "end", "through", "to", "starting", "beginning", "begun", "began":
			return ok("DURATION", "P1Y")
		}
	}
	if rel == "the following" || rel == "the previous" || rel == "the prior" {
		// Relative to the last date mentioned ("the following year").
		if v, okr := f.lastRef(m.start, 1500, nil); okr && len(v) >= 4 {
			switch {
			case u == "year":
				return ok("DATE", fmtYear(atoi(v[:4])+step))
			case u == "month" && (granularity(v) == "month" || granularity(v) == "day"):
				if t, err := time.Parse("2006-01", v[:7]); err == nil {
					return ok("DATE", fmtMonth(addMonths(t, step)))
				}
			}
		}
	}
	if rel == "that" || rel == "the same" || rel == "the" {
		// Anaphoric: the unit of the last date mentioned; "the year" only
		// when that date is close.
		dist := 2000
		if rel == "the" {
			// "the year" follows a date of its own sentence only.
			lo, _ := sentenceBounds(f.text, m.start, m.end)
			dist = m.start - lo
		}
		if v, okr := f.lastRef(m.start, dist, nil); okr && len(v) >= 4 {
			switch u {
			case "year":
				return ok("DATE", v[:4])
			case "month":
				if len(v) >= 7 && granularity(v) != "quarter" {
					return ok("DATE", v[:7])
				}
			case "week":
				if granularity(v) == "day" {
					if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
						return ok("DATE", fmtWeek(t))
					}
				}
			}
		}
	}
	switch u {
	case "year", "month", "week", "decade", "century":
		v, _ := shifted(a, unitCode(u), step)
		return ok("DATE", v)
	case "weekend":
		d := a
		switch {
		case step < 0:
			d = a.AddDate(0, 0, -7)
			if a.Weekday() == time.Saturday || a.Weekday() == time.Sunday || a.Weekday() == time.Monday {
				d = a.AddDate(0, 0, -2) // the weekend just gone
			}
		case step > 0:
			d = a.AddDate(0, 0, 7)
			if a.Weekday() >= time.Monday && a.Weekday() <= time.Thursday {
				d = a
			}
		case rel == "this":
			// "this weekend": the weekend of the anchor's week, but the
			// one just gone when told in the past before the next one
			// ("crowds gathered this weekend", written on a Tuesday).
			if a.Weekday() != time.Saturday && a.Weekday() != time.Sunday && f.tenseAt(m.start, m.end) == tensePast {
				d = a.AddDate(0, 0, -int(isoDay(a.Weekday())))
			}
		default:
			// "the weekend": the coming one when the sentence speaks of
			// the future, else the latest.
			if f.tenseAt(m.start, m.end) != tenseFuture && a.Weekday() != time.Saturday && a.Weekday() != time.Sunday && a.Weekday() != time.Friday {
				d = a.AddDate(0, 0, -int(isoDay(a.Weekday())))
			}
		}
		return ok("DATE", fmtWeek(d)+"-WE")
	}
	return Timex{}, false
}

// ---- N units ago ----

func normAgo(f *finder, m *match) (Timex, bool) {
	n, okn := parseNumber(m.g("num"))
	unit := unitCode(strings.Join(strings.Fields(m.g("unit")), " "))
	if !okn || unit == "" {
		return Timex{}, false
	}
	sign := -1
	if d := m.g("dir"); d != "ago" {
		sign = 1
	}
	if !f.has {
		return unresolved("DATE", "XXXX", "")
	}
	if n != float64(int(n)) {
		return ok("DATE", map[bool]string{true: "PAST_REF", false: "FUTURE_REF"}[sign < 0])
	}
	if v, okv := shifted(f.anchor, unit, int(n)*sign); okv {
		return ok("DATE", v)
	}
	if strings.HasPrefix(unit, "T") {
		// "two hours ago": the day of the anchor.
		return Timex{Type: "TIME", Value: fmtDay(f.anchor), Resolved: true}, true
	}
	return Timex{}, false
}
