package timeline

import (
	"strconv"
	"strings"
	"time"
)

// Readable returns a TimeML value as people read a period: "2 Dec 2025"
// for a day, "week of 11 Aug 2025" for an ISO week (its Monday),
// "August 2025" for a month, "Q3 2025", "summer 2025", "first half of
// 2025", "the 2010s", "2 Dec 2025, evening" for a part of a day, "now",
// "the past", "the future". A value it does not know (a duration,
// "XXXX-12") is returned as it is. The CLI and the pages print this; the
// value itself stays in --json.
func Readable(v string) string {
	switch v {
	case "PRESENT_REF":
		return "now"
	case "PAST_REF":
		return "the past"
	case "FUTURE_REF":
		return "the future"
	}
	if p, ok := parsePeriod(v); ok {
		switch p.prec {
		case day:
			return p.start.Format("2 Jan 2006")
		case week:
			return "week of " + p.start.Format("2 Jan 2006")
		default:
			return p.start.Format("January 2006")
		}
	}
	if len(v) > 11 && v[10] == 'T' {
		if p, ok := parsePeriod(v[:10]); ok {
			if part := dayParts[v[11:]]; part != "" {
				return p.start.Format("2 Jan 2006") + ", " + part
			}
			if t, err := time.Parse("15:04", v[11:min(len(v), 16)]); err == nil {
				return p.start.Format("2 Jan 2006") + ", " + t.Format("15:04")
			}
			return p.start.Format("2 Jan 2006")
		}
	}
	if len(v) == 11 && strings.HasSuffix(v, "-WE") {
		if p, ok := parsePeriod(v[:8]); ok {
			return "weekend of " + p.start.AddDate(0, 0, 5).Format("2 Jan 2006")
		}
	}
	y, ok := num(v[:min(4, len(v))])
	if !ok || len(v) < 4 {
		if n, ok := num(v); ok && len(v) == 3 {
			return "the " + strconv.Itoa(n*10) + "s" // decade: 201 → the 2010s
		}
		return v
	}
	ys := strconv.Itoa(y)
	switch rest := v[4:]; {
	case rest == "":
		return ys
	case len(rest) == 3 && rest[:2] == "-Q" && rest[2] >= '1' && rest[2] <= '4':
		return "Q" + rest[2:] + " " + ys
	case rest == "-H1":
		return "first half of " + ys
	case rest == "-H2":
		return "second half of " + ys
	case seasons[rest] != "":
		return seasons[rest] + " " + ys
	}
	return v
}

var dayParts = map[string]string{"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night"}

var seasons = map[string]string{"-SP": "spring", "-SU": "summer", "-FA": "autumn", "-WI": "winter"}
