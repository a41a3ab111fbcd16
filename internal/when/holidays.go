package when

import (
	"strings"
	"time"
)

// Holidays named in English news ("on Christmas Eve", "over Thanksgiving",
// "Easter Sunday"), resolved to their day in the year nearest the anchor
// with the same past-leaning weights as a month and day without a year.
// Fixed-date holidays give their month and day; movable ones a function
// of the year.

var fixedHolidays = map[string][2]int{
	"christmas": {12, 25}, "christmas day": {12, 25}, "christmas eve": {12, 24},
	"boxing day": {12, 26}, "new year's day": {1, 1}, "new year's eve": {12, 31},
	"new year's": {1, 1}, "halloween": {10, 31}, "valentine's day": {2, 14},
	"independence day": {7, 4}, "veterans day": {11, 11}, "armistice day": {11, 11},
}

// movableHolidays give the day of a holiday in year y.
var movableHolidays = map[string]func(y int) time.Time{
	"easter":           easter,
	"easter sunday":    easter,
	"easter monday":    func(y int) time.Time { return easter(y).AddDate(0, 0, 1) },
	"good friday":      func(y int) time.Time { return easter(y).AddDate(0, 0, -2) },
	"thanksgiving":     func(y int) time.Time { return nthWeekday(y, time.November, time.Thursday, 4) },
	"thanksgiving day": func(y int) time.Time { return nthWeekday(y, time.November, time.Thursday, 4) },
	"labor day":        func(y int) time.Time { return nthWeekday(y, time.September, time.Monday, 1) },
	"memorial day":     func(y int) time.Time { return nthWeekday(y, time.May, time.Monday, -1) },
}

// easter returns Easter Sunday of year y (the Gregorian computus).
func easter(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return date(y, time.Month(month), day)
}

// nthWeekday returns the nth wd of month m in year y; n = -1 is the last.
func nthWeekday(y int, m time.Month, wd time.Weekday, n int) time.Time {
	if n < 0 {
		last := date(y, m+1, 1).AddDate(0, 0, -1)
		return last.AddDate(0, 0, -((int(last.Weekday()) - int(wd) + 7) % 7))
	}
	first := date(y, m, 1)
	return first.AddDate(0, 0, (int(wd)-int(first.Weekday())+7)%7+7*(n-1))
}

// holidayDay returns the day of holiday name in year y.
func holidayDay(name string, y int) (time.Time, bool) {
	if md, ok := fixedHolidays[name]; ok {
		return date(y, time.Month(md[0]), md[1]), true
	}
	if fn, ok := movableHolidays[name]; ok {
		return fn(y), true
	}
	return time.Time{}, false
}

func holidayAccept(f *finder, m *match) bool {
	if !capitalized(m, "hol") {
		return false
	}
	switch m.lower() {
	case "christmas", "easter", "thanksgiving", "halloween":
		// A bare holiday before a common noun, with no preposition of
		// time before it, names a kind of thing ("Christmas lights",
		// "her Christmas list", "a Halloween party"), not a day.
		next := m.end
		for next < len(f.text) && f.text[next] == ' ' {
			next++
		}
		if next == m.end || next >= len(f.text) || f.text[next] < 'a' || f.text[next] > 'z' {
			return true
		}
		if holidayFollowers[nextWord(f.lower, m.end)] {
			return true
		}
		return holidayCue[prevWord(f.lower, m.start)]
	}
	return true
}

// holidayFollowers are the words after which a bare holiday stays a day
// ("Christmas morning", "Easter weekend").
var holidayFollowers = map[string]bool{
	"morning": true, "afternoon": true, "evening": true, "night": true,
	"weekend": true, "week": true, "holiday": true, "holidays": true,
	"break": true, "period": true, "season": true,
}

// holidayCue are the words after which a holiday names its day even
// before a noun ("on Christmas dinner was served", "over Thanksgiving
// travel rose").
var holidayCue = map[string]bool{
	"on": true, "at": true, "over": true, "before": true, "after": true,
	"since": true, "until": true, "till": true, "by": true, "during": true,
	"around": true, "this": true, "last": true, "next": true,
	"from": true, "through": true, "for": true,
}

func normHoliday(f *finder, m *match) (Timex, bool) {
	name := strings.Join(strings.Fields(strings.ReplaceAll(m.g("hol"), "’", "'")), " ")
	if y := m.g("year"); y != "" {
		t, found := holidayDay(name, yearOf(y))
		if !found {
			return Timex{}, false
		}
		return ok("DATE", fmtDay(t))
	}
	if !f.has {
		if md, found := fixedHolidays[name]; found {
			return unresolved("DATE", "XXXX-"+twoDigits(md[0])+"-"+twoDigits(md[1]), "")
		}
		return unresolved("DATE", "XXXX", "")
	}
	y := f.anchor.Year()
	switch m.g("rel") {
	case "last":
		t, _ := holidayDay(name, y)
		if !t.Before(f.anchor) {
			t, _ = holidayDay(name, y-1)
		}
		return ok("DATE", fmtDay(t))
	case "next":
		t, _ := holidayDay(name, y)
		if !t.After(f.anchor) {
			t, _ = holidayDay(name, y+1)
		}
		return ok("DATE", fmtDay(t))
	case "this":
		t, _ := holidayDay(name, y)
		return ok("DATE", fmtDay(t))
	}
	tn := f.tenseAt(m.start, m.end)
	best, bestCost := time.Time{}, 1e18
	for _, cy := range []int{y - 1, y, y + 1} {
		t, _ := holidayDay(name, cy)
		if c := f.dateCost(t, tn, false); c < bestCost {
			best, bestCost = t, c
		}
	}
	return ok("DATE", fmtDay(best))
}
