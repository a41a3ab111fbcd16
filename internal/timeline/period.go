package timeline

import (
	"fmt"
	"strconv"
	"time"
)

// Precisions, finest first.
const (
	day = iota
	week
	month
)

// period is a TimeML date value as a half-open range of UTC days.
type period struct {
	value      string
	prec       int
	start, end time.Time
}

func (p period) precision() string {
	switch p.prec {
	case day:
		return "day"
	case week:
		return "week"
	}
	return "month"
}

// parsePeriod reads a TimeML DATE value of day (2025-08-15), ISO week
// (2025-W34) or month (2025-08) precision. Anything else — years, seasons,
// quarters, PAST_REF, values with a time of day — is not an event date.
func parsePeriod(v string) (period, bool) {
	switch {
	case len(v) == 10 && v[4] == '-' && v[7] == '-':
		y, ok1 := num(v[:4])
		m, ok2 := num(v[5:7])
		d, ok3 := num(v[8:])
		if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > 31 {
			return period{}, false
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			return period{}, false // 2025-02-30
		}
		return period{value: v, prec: day, start: t, end: t.AddDate(0, 0, 1)}, true
	case len(v) == 8 && v[4] == '-' && v[5] == 'W':
		y, ok1 := num(v[:4])
		w, ok2 := num(v[6:])
		if !ok1 || !ok2 || w < 1 || w > 53 {
			return period{}, false
		}
		start := isoWeekStart(y, w)
		if wy, ww := start.ISOWeek(); wy != y || ww != w {
			return period{}, false // week 53 of a 52-week year
		}
		return period{value: v, prec: week, start: start, end: start.AddDate(0, 0, 7)}, true
	case len(v) == 7 && v[4] == '-':
		y, ok1 := num(v[:4])
		m, ok2 := num(v[5:])
		if !ok1 || !ok2 || m < 1 || m > 12 {
			return period{}, false
		}
		t := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return period{value: v, prec: month, start: t, end: t.AddDate(0, 1, 0)}, true
	}
	return period{}, false
}

// isoWeekStart returns the Monday of ISO week w of year y.
func isoWeekStart(y, w int) time.Time {
	// 4 January is always in week 1.
	jan4 := time.Date(y, time.January, 4, 0, 0, 0, 0, time.UTC)
	offset := (int(jan4.Weekday()) + 6) % 7 // days since Monday
	return jan4.AddDate(0, 0, -offset+(w-1)*7)
}

// num parses a run of ASCII digits.
func num(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// finer returns the values of the finer periods wholly inside p: the days
// of a week; the days and the ISO weeks of a month.
func (p period) finer() []string {
	if p.prec == day {
		return nil
	}
	var out []string
	for d := p.start; d.Before(p.end); d = d.AddDate(0, 0, 1) {
		out = append(out, d.Format("2006-01-02"))
		if p.prec == month && d.Weekday() == time.Monday && !d.AddDate(0, 0, 7).After(p.end) {
			y, w := d.ISOWeek()
			out = append(out, fmt.Sprintf("%04d-W%02d", y, w))
		}
	}
	return out
}
