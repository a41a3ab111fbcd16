package when

import (
	"strconv"
	"strings"
)

// Durations and sets.

func durationAccept(f *finder, m *match) bool {
	num := m.g("num")
	unit := m.g("unit")
	if num == "a" || num == "an" {
		// "a day", "a year": keep; "a second" (ordinal) and "a minute"
		// in idioms are rare in news.
		if strings.HasPrefix(unit, "second") {
			return false
		}
	}
	if strings.HasPrefix(unit, "quarter") && strings.Contains(m.lower(), "-quarter") && nextWord(f.lower, m.end) == "of" {
		return false // "three-quarters of": a fraction
	}
	if strings.HasPrefix(unit, "quarter") && (num == "a" || num == "an" || num == "one") {
		// "a quarter" is more often a fraction ("a quarter of the vote").
		return nextWord(f.lower, m.end) != "of"
	}
	if strings.HasPrefix(unit, "second") {
		n, okn := parseNumber(num)
		if okn && n == 1 && num != "1" && num != "one" {
			return false
		}
	}
	if _, okn := parseNumber(num); !okn {
		return false
	}
	if m.g("det") == "a" && m.g("mod") == "" && !strings.HasSuffix(m.lower(), "period") && strings.Contains(m.f.lower[m.groupStart("num"):m.end], "-") {
		// "a two-year contract": the article belongs to the noun.
		m.start = m.groupStart("num")
	}
	if (num == "a" || num == "an") && m.g("det") != "" && m.g("det") != "a" && m.g("mod") == "" && m.g("dir") == "" {
		// "texted her an hour after": the pronoun is the verb's object.
		m.start = m.groupStart("num")
	}
	if mod := m.g("mod"); (mod == "over" || mod == "within" || mod == "all") && m.g("det") != "" {
		// "over the next three quarters": the preposition is not part of
		// the expression.
		m.start = m.groupStart("det")
	}
	if num == "a" || num == "an" {
		// "$5 a year", "twice a day", "four flights a week": a rate.
		before := strings.TrimRight(f.lower[max(0, m.start-20):m.start], " ")
		tok := before[strings.LastIndexAny(before, " \n\t")+1:]
		if strings.ContainsAny(tok, "0123456789$£€#%") {
			return false
		}
		switch tok {
		case "times", "twice", "once", "thrice", "million", "billion", "thousand", "hundred", "percent", "cents", "dollars", "euros", "pounds", "yen",
			"flights", "trips", "visits", "meals", "hours", "days", "shifts", "sessions":
			return false
		}
		if w := strings.Fields(f.lower[max(0, m.start-40):m.start]); len(w) >= 2 && strings.HasSuffix(w[len(w)-1], "s") {
			// "700 seats a week", "four flights a week".
			if _, isNum := parseNumber(w[len(w)-2]); isNum && w[len(w)-2] != "a" && w[len(w)-2] != "an" || strings.ContainsAny(w[len(w)-2], "0123456789") {
				return false
			}
		}
	}
	if u := m.raw("unit"); capitalized(m, "unit") && strings.ToUpper(u) != u {
		return false // a name: "the Six Day War"; not "an HOUR after" (emphasis)
	}
	if strings.HasSuffix(m.lower(), "-old") {
		return false // an age: "the 49-year-old actor"
	}
	if rest := f.lower[m.end:]; strings.HasPrefix(unit, "quarter") && strings.HasPrefix(rest, " of ") && len(rest) >= 8 && isDigits(rest[4:8]) {
		return false // "the first two quarters of 1990": a half of that year
	}
	switch nextWord(f.lower, m.end) {
	case "old", "older", "younger":
		return false // "52 years old"
	case "of":
		if strings.HasPrefix(f.lower[m.end:], " of age") {
			return false
		}
	}
	return true
}

func normDuration(f *finder, m *match) (Timex, bool) {
	if m.lower() == "one day" {
		switch prevWord(f.lower, m.start) {
		case "will", "would", "could", "might", "may", "can", "shall", "he", "she", "they", "we", "i", "it", "you", "to", "and":
			// "Islam will one day be …": some day to come.
			return ok("DATE", "FUTURE_REF")
		}
	}
	unitWord := strings.Join(strings.Fields(m.g("unit")), " ")
	unit := unitCode(unitWord)
	n, okn := parseNumber(m.g("num"))
	if !okn || unit == "" {
		return Timex{}, false
	}
	if m.g("half") != "" {
		n += 0.5
	}
	if u3 := m.g("unit3"); u3 != "" {
		// "nine minutes and 46 seconds", "two years and three months".
		n3, ok3 := parseNumber(m.g("num3"))
		if v, okc := compoundDuration(n, unit, n3, unitCode(u3)); ok3 && okc {
			return ok("DURATION", v)
		}
	}
	if m.g("num2") != "" {
		// "12 to 18 months": a range, its amount left open as TimeML does.
		if strings.HasPrefix(unit, "T") {
			return ok("DURATION", "PTX"+unit[1:])
		}
		return ok("DURATION", "PX"+unit)
	}
	if prevWord(f.lower, m.start) == "in" && f.has && m.g("det") == "" && m.g("dir") == "" && m.g("mod") == "" && n == float64(int(n)) && f.tenseAt(m.start, m.end) == tenseFuture {
		// "will be redeemed in five years": a date that far ahead.
		if v, okv := shifted(f.anchor, unit, int(n)); okv && unit != "Q" && unit != "E" && unit != "C" {
			return ok("DATE", v)
		}
	}
	if unit == "Y" && n >= 1000 && n == float64(int(n)) && int(n)%1000 == 0 {
		return ok("DURATION", "P"+strconv.Itoa(int(n)/1000)+"L")
	}
	if unit == "WE" {
		return ok("DURATION", "P"+strconv.FormatFloat(n, 'f', -1, 64)+"WE")
	}
	return ok("DURATION", durationValue(n, unit))
}

func vagueAccept(f *finder, m *match) bool {
	if m.g("dir") == "early" && nextWord(f.lower, m.end) == "of" {
		// "the early hours of Friday": a part of that day, not a
		// duration (the day is found on its own).
		return false
	}
	if m.g("vague") != "" || m.g("dir") != "" || m.g("ahead") != "" {
		if m.g("det") != "" && m.g("dir") == "" && m.g("vague") == "" && m.g("ahead") == "" {
			return false
		}
		return true
	}
	switch prevWord(f.lower, m.start) {
	case "for", "in", "within", "over", "after", "taking", "take", "takes", "took", "lasting", "last", "lasted":
		return nextWord(f.lower, m.end) != "of"
	}
	return false
}

func normVague(f *finder, m *match) (Timex, bool) {
	unit := unitCode(m.g("unit"))
	if unit == "" {
		return Timex{}, false
	}
	if strings.HasPrefix(unit, "T") {
		return ok("DURATION", "PTX"+unit[1:])
	}
	if m.g("dir") == "recent" && (unit == "Y" || unit == "D") {
		return ok("DATE", "PAST_REF")
	}
	return ok("DURATION", "PX"+unit)
}

// setAccept drops rates of measures: "40 miles per hour".
func setAccept(f *finder, m *match) bool {
	if !strings.HasPrefix(m.lower(), "per") {
		return true
	}
	switch prevWord(f.lower, m.start) {
	case "miles", "mile", "kilometers", "kilometres", "km", "meters", "metres", "feet", "knots", "words", "beats", "instructions", "frames", "cycles", "rounds", "revolutions", "liters", "litres", "gallons", "barrels", "tons", "tonnes", "calls", "cars", "vehicles":
		return false
	}
	return true
}

func normSet(f *finder, m *match) (Timex, bool) {
	unit := unitCode(strings.Join(strings.Fields(m.g("unit")), " "))
	if unit == "" {
		return Timex{}, false
	}
	n := 1.0
	if s := m.g("num"); s != "" {
		v, okn := parseNumber(s)
		if !okn {
			return Timex{}, false
		}
		n = v
	}
	return ok("SET", durationValue(n, unit))
}

// compoundDuration joins two whole amounts of different units, the larger
// first, into one TimeML duration: (9, TM, 46, TS) → PT9M46S.
func compoundDuration(n1 float64, u1 string, n2 float64, u2 string) (string, bool) {
	order := map[string]int{"Y": 1, "M": 2, "W": 3, "D": 4, "TH": 5, "TM": 6, "TS": 7}
	o1, o2 := order[u1], order[u2]
	if o1 == 0 || o2 <= o1 || n1 != float64(int(n1)) || n2 != float64(int(n2)) || n1 < 0 || n2 < 0 || u1 == "W" || u2 == "W" {
		return "", false
	}
	var b strings.Builder
	b.WriteString("P")
	timePart := false
	for _, p := range []struct {
		n float64
		u string
	}{{n1, u1}, {n2, u2}} {
		u := p.u
		if strings.HasPrefix(u, "T") {
			if !timePart {
				b.WriteString("T")
				timePart = true
			}
			u = u[1:]
		}
		b.WriteString(strconv.Itoa(int(p.n)) + u)
	}
	return b.String(), true
}
