package when

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/lang/en"
)

// monthNames are the English month names and abbreviations.
var monthNames = en.DateMonths

// monthOf returns the month named by s ("Sept.", "september").
func monthOf(s string) (time.Month, bool) {
	m, ok := monthNames[strings.TrimSuffix(strings.ToLower(strings.TrimSpace(s)), ".")]
	return time.Month(m), ok
}

var weekdayNames = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
	"sunday": time.Sunday,
}

// isoDay is the TimeML day number of a weekday: Monday 1 … Sunday 7.
func isoDay(w time.Weekday) int {
	if w == time.Sunday {
		return 7
	}
	return int(w)
}

func fmtDay(t time.Time) string   { return t.Format("2006-01-02") }
func fmtMonth(t time.Time) string { return t.Format("2006-01") }
func fmtYear(y int) string        { return fmt.Sprintf("%04d", y) }

func fmtWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

func quarterOf(m time.Month) int { return (int(m)-1)/3 + 1 }

// validDay reports whether day exists in the month (of year y; a zero year
// allows February 29).
func validDay(y int, m time.Month, day int) bool {
	if day < 1 || day > 31 {
		return false
	}
	if y == 0 {
		y = 2000
	}
	return time.Date(y, m, day, 0, 0, 0, 0, time.UTC).Day() == day
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// addMonths moves t by n calendar months, keeping the first of the month.
func addMonths(t time.Time, n int) time.Time {
	return time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
}

// shiftYears moves a TimeML date value (2025, 2025-09, 2025-09-24,
// 2025-Q3, 2025-SU, 2025-H1, 2025-W48) by n years. ok is false for values
// it does not know.
func shiftYears(v string, n int) (string, bool) {
	if len(v) < 4 {
		return "", false
	}
	y, err := strconv.Atoi(v[:4])
	if err != nil {
		return "", false
	}
	rest := v[4:]
	if strings.HasPrefix(rest, "-W") {
		// Weeks do not line up across years; keep the week number.
		return fmtYear(y+n) + rest, true
	}
	if len(rest) >= 6 && rest[0] == '-' && rest[3] == '-' {
		m, err1 := strconv.Atoi(rest[1:3])
		d, err2 := strconv.Atoi(rest[4:6])
		if err1 != nil || err2 != nil {
			return "", false
		}
		if !validDay(y+n, time.Month(m), d) {
			d = 28
		}
		return fmt.Sprintf("%04d-%02d-%02d", y+n, m, d) + rest[6:], true
	}
	return fmtYear(y+n) + rest, true
}

// granularity names the unit of a TimeML date value: "year", "quarter",
// "half", "season", "month", "week", "day" or "" for others.
func granularity(v string) string {
	switch {
	case len(v) == 4:
		return "year"
	case len(v) == 7 && v[5] == 'Q':
		return "quarter"
	case len(v) == 7 && v[5] == 'H':
		return "half"
	case len(v) == 7 && (v[5:] == "SU" || v[5:] == "SP" || v[5:] == "FA" || v[5:] == "WI"):
		return "season"
	case len(v) == 7:
		return "month"
	case len(v) >= 8 && v[5] == 'W':
		return "week"
	case len(v) >= 10:
		return "day"
	}
	return ""
}

// durationValue formats n units as a TimeML duration: (3.5, "Y") → P3Y6M,
// (1.5, "TM") → PT1M30S. Units: Y, M (months), W, D, Q, E (decade),
// C (century), L (millennium), and TH, TM, TS for hours, minutes, seconds.
func durationValue(n float64, unit string) string {
	whole := math.Floor(n)
	frac := n - whole
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	if frac == 0 || n > 1000 {
		if strings.HasPrefix(unit, "T") {
			return "PT" + num(n) + unit[1:]
		}
		return "P" + num(n) + unit
	}
	// Break a fraction into the next smaller unit when it is exact.
	type sub struct {
		unit string
		per  float64
	}
	smaller := map[string]sub{"Y": {"M", 12}, "M": {"D", 30}, "W": {"D", 7}, "D": {"TH", 24}, "TH": {"TM", 60}, "TM": {"TS", 60}, "E": {"Y", 10}, "C": {"Y", 100}, "Q": {"M", 3}}
	s, ok := smaller[unit]
	if !ok || math.Abs(frac*s.per-math.Round(frac*s.per)) > 1e-9 {
		if strings.HasPrefix(unit, "T") {
			return "PT" + num(n) + unit[1:]
		}
		return "P" + num(n) + unit
	}
	part := math.Round(frac * s.per)
	var b strings.Builder
	b.WriteString("P")
	timePart := false
	write := func(x float64, u string) {
		if x == 0 {
			return
		}
		if strings.HasPrefix(u, "T") {
			if !timePart {
				b.WriteString("T")
				timePart = true
			}
			u = u[1:]
		}
		b.WriteString(num(x) + u)
	}
	if unit == "Q" {
		write(whole*3+part, "M")
		return b.String()
	}
	write(whole, unit)
	write(part, s.unit)
	return b.String()
}

// unitCode maps a unit word to its TimeML duration letter.
func unitCode(word string) string {
	w := strings.ToLower(word)
	w = strings.TrimSuffix(w, "s")
	switch w {
	case "year", "yr", "fiscal year":
		return "Y"
	case "month", "mo":
		return "M"
	case "week", "wk":
		return "W"
	case "day", "night", "trading day", "business day":
		return "D"
	case "weekend":
		return "WE"
	case "hour", "hr":
		return "TH"
	case "minute", "min":
		return "TM"
	case "second", "sec":
		return "TS"
	case "decade":
		return "E"
	case "century", "centurie":
		return "C"
	case "millennium", "millennia":
		return "L"
	case "quarter":
		return "Q"
	}
	return ""
}

// shifted returns the TimeML value of the unit (Y, M, W, D, Q, E for
// decade, C for century) that lies k units from t: (2025-12-04, "M", -1)
// gives 2025-11. ok is false for other units.
func shifted(t time.Time, unit string, k int) (string, bool) {
	switch unit {
	case "Y":
		return fmtYear(t.Year() + k), true
	case "M":
		return fmtMonth(addMonths(t, k)), true
	case "W":
		return fmtWeek(t.AddDate(0, 0, 7*k)), true
	case "D":
		return fmtDay(t.AddDate(0, 0, k)), true
	case "Q":
		q := addMonths(t, 3*k)
		return fmtYear(q.Year()) + "-Q" + strconv.Itoa(quarterOf(q.Month())), true
	case "E":
		return strconv.Itoa(t.Year()/10 + k), true
	case "C":
		return strconv.Itoa(t.Year()/100 + k), true
	}
	return "", false
}
