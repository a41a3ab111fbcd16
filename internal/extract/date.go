package extract

import (
	"errors"
	"fmt"
	"html"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// ErrDate is returned (wrapped, with the input) by ParseDate for a string
// that is not a date in any known form.
var ErrDate = errors.New("not a recognised date")

// dateLayouts are tried in order after normalize. Zone abbreviations have
// been turned into numeric offsets, weekdays and ordinal suffixes dropped,
// month abbreviations stripped of their dots. Go's parser matches month
// names case-insensitively and accepts fractional seconds after the seconds
// field, so "26-FEB-1987 15:01:01.79" fits "2-Jan-2006 15:04:05".
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04 -0700",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
	"2006/01/02",
	"2006.01.02",
	"20060102T150405Z0700",
	"20060102",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 Z07:00",
	"2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04:05",
	"2 Jan 2006 15:04",
	"2 Jan 2006 3:04 PM -0700",
	"2 Jan 2006 3:04 PM",
	"2 Jan 2006",
	"2 Jan 06 15:04:05 -0700",
	"2 Jan 06 15:04 -0700",
	"2 Jan 06",
	"2 January 2006 15:04:05 -0700",
	"2 January 2006 15:04 -0700",
	"2 January 2006 15:04",
	"2 January 2006",
	"2-Jan-2006 15:04:05 -0700",
	"2-Jan-2006 15:04:05",
	"2-Jan-2006 15:04",
	"2-Jan-2006",
	"2-Jan-06 15:04:05 -0700",
	"2-Jan-06 15:04:05",
	"2-Jan-06",
	"Jan 2, 2006 3:04:05 PM -0700",
	"Jan 2, 2006 3:04 PM -0700",
	"Jan 2, 2006 3:04:05 PM",
	"Jan 2, 2006 3:04 PM",
	"Jan 2, 2006 15:04:05 -0700",
	"Jan 2, 2006 15:04 -0700",
	"Jan 2, 2006 15:04:05",
	"Jan 2, 2006 15:04",
	"Jan 2, 2006",
	"Jan 2 2006 15:04:05",
	"Jan 2 2006",
	"January 2, 2006 3:04 PM -0700",
	"January 2, 2006 3:04 PM",
	"January 2, 2006 15:04 -0700",
	"January 2, 2006 15:04",
	"January 2, 2006",
	"January 2 2006",
	"Jan 2 15:04:05 2006",
	"Jan 2 15:04:05 -0700 2006",
	"3:04 PM -0700, Jan 2, 2006",
	"3:04 PM, Jan 2, 2006",
	"15:04, 2 Jan 2006",
	"15:04 2 Jan 2006",
	"2.1.2006 15:04:05",
	"2.1.2006 15:04",
	"2.1.2006",
	"1/2/2006 3:04:05 PM",
	"1/2/2006 3:04 PM",
	"1/2/2006 15:04:05",
	"1/2/2006 15:04",
	"1/2/2006",
	"2/1/2006",
}

var (
	reWeekday  = gate(`(?i)^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+`, startsWith("mtwfs"))
	reOrdinal  = gate(`(?i)\b(\d{1,2})(?:st|nd|rd|th)\b`, func(s string) bool { return hasFoldK(s) || containsAnyFold(s, ordinalSuffixes) })
	reMonthDot = gate(`(?i)\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.`, has("."))
	reSept     = gate(`(?i)\bsept\b`, func(s string) bool { return containsFold(s, "ept") })
	reAMPM     = gate(`(?i)\s*\b([ap])\.?\s?m\.?(\s|$|,)`, func(s string) bool { return strings.ContainsAny(s, "mM") })
	// Every zone name has a T or is Z or MSK.
	reZoneAbbr = gate(`\b(UTC|GMT|UT|Z|EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|AKDT|HST|BST|IST|CET|CEST|EET|EEST|WET|WEST|MSK|JST|KST|AEST|AEDT|SGT|HKT)\b(?:\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?)?`, func(s string) bool {
		return strings.ContainsAny(s, "TZ") || strings.Contains(s, "MSK")
	})
	reParenTZ = gate(`\s*\([A-Za-z /_+-]+\)$`, func(s string) bool { return strings.HasSuffix(s, ")") })
	// "à" and "в" are not ASCII.
	reAt = gate(`(?i)\s+(?:at|um|à|в)\s+`, func(s string) bool { return !isASCII(s) || containsFold(s, "at") || containsFold(s, "um") })
)

var ordinalSuffixes = []string{"st", "nd", "rd", "th"}

var zoneOffsets = map[string]int{ // minutes east of UTC
	"UTC": 0, "GMT": 0, "UT": 0, "Z": 0, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300,
	"MST": -420, "MDT": -360, "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600,
	"BST": 60, "IST": 330, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180, "WET": 0, "WEST": 60,
	"MSK": 180, "JST": 540, "KST": 540, "AEST": 600, "AEDT": 660, "SGT": 480, "HKT": 480,
}

// ParseDate parses a date or timestamp in the forms feeds, pages and wire
// archives use: RFC 3339 and ISO 8601 variants, RFC 1123/822/850 with or
// without weekday and with named or numeric zones, "26-FEB-1987
// 15:01:01.79", "Sept. 24, 2025", "September 24th, 2025 at 10:00 a.m. EDT",
// "24.09.2025", "09/24/2025" (US order first), and Unix seconds or
// milliseconds. A time without zone is taken as UTC. The result is in UTC.
// It returns an error wrapping ErrDate for anything else.
func ParseDate(s string) (time.Time, error) {
	t, ok := parseDate(s, 5)
	if !ok {
		return time.Time{}, fmt.Errorf("parse date %q: %w", trunc(s, 40), ErrDate)
	}
	return t, nil
}

// parseDate is ParseDate dropping at most drop trailing words; it reports
// failure without building an error (isDateLine asks it of many lines).
func parseDate(s string, drop int) (time.Time, bool) {
	s = cleanSpace(s)
	// Every layout has a numeric year, so a string without an ASCII digit
	// (or an entity that may hide one) cannot parse: most lines tested by
	// isDateLine are prose, and normalizeDate's replacements are dear.
	if s == "" || len(s) > 100 || !strings.ContainsAny(s, "0123456789&") {
		return time.Time{}, false
	}
	if t, ok := unixTime(s); ok {
		return t, true
	}
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	// Control characters and a trailing comment end the date.
	if i := strings.IndexFunc(s, func(r rune) bool { return r == '#' || unicode.IsControl(r) && r != '\t' }); i >= 0 {
		s = s[:i]
	}
	s = cleanSpace(s)
	if !mayStartDate(s) {
		return time.Time{}, false
	}
	s = normalizeDate(s)
	// Trailing words that are not part of the date ("… 15:01:01.79 F")
	// are dropped, at most five, when the whole does not parse.
	for try := 0; try <= drop && s != ""; try++ {
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, s); err == nil {
				if y := t.Year(); y < 1000 || y > 9999 {
					continue
				}
				return t.UTC(), true
			}
		}
		i := strings.LastIndexByte(s, ' ')
		if i < 0 {
			break
		}
		s = strings.TrimRight(s[:i], " ,")
	}
	return time.Time{}, false
}

// dateStarts are the ASCII starts of a string normalizeDate can turn into
// something a layout parses: every layout starts with a number or a month
// name, which Go matches ignoring ASCII case, and normalizeDate removes a
// leading weekday. Other leading words survive normalizeDate or become an
// "AM"/"PM" or a numeric zone, which no layout starts with either.
var dateStarts = []string{
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
	"mon", "tue", "wed", "thu", "fri", "sat", "sun",
}

// mayStartDate is the gate before normalizeDate and the layouts, the dear
// part of parseDate: false when no layout can parse s whatever
// normalizeDate does to it. A non-ASCII start passes.
func mayStartDate(s string) bool {
	if s == "" || s[0] >= utf8.RuneSelf || isDigit(s[0]) {
		return true
	}
	if len(s) < 3 {
		return false
	}
	for _, p := range dateStarts {
		if asciiEqualFold(s[:3], p) {
			return true
		}
	}
	return false
}

func trunc(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

func unixTime(s string) (time.Time, bool) {
	if len(s) != 10 && len(s) != 13 {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return time.Time{}, false
	}
	if len(s) == 13 {
		return time.UnixMilli(n).UTC(), true
	}
	return time.Unix(n, 0).UTC(), true
}

// normalizeDate rewrites the parts of a date that Go layouts cannot
// express: weekdays, ordinals, dotted and four-letter month abbreviations,
// "a.m.", "at", and zone names (replaced by numeric offsets).
func normalizeDate(s string) string {
	s = reWeekday.ReplaceAllString(s, "")
	s = reParenTZ.ReplaceAllString(s, "")
	s = reAt.ReplaceAllString(s, " ")
	s = reOrdinal.ReplaceAllString(s, "$1")
	s = reMonthDot.ReplaceAllString(s, "$1")
	s = reSept.ReplaceAllString(s, "Sep")
	s = reAMPM.ReplaceAllStringFunc(s, func(m string) string {
		sub := reAMPM.FindStringSubmatch(m)
		return " " + strings.ToUpper(sub[1]) + "M" + sub[2]
	})
	// A zone name after the time becomes an offset; "Z" only when it ends
	// the string apart from an optional offset.
	s = reZoneAbbr.ReplaceAllStringFunc(s, func(m string) string {
		sub := reZoneAbbr.FindStringSubmatch(m)
		if sub[1] == "Z" && sub[2] == "" {
			return m
		}
		off := zoneOffsets[sub[1]]
		if sub[2] != "" {
			h, _ := strconv.Atoi(sub[3])
			mm, _ := strconv.Atoi(sub[4])
			d := h*60 + mm
			if sub[2] == "-" {
				d = -d
			}
			off += d
		}
		sign := '+'
		if off < 0 {
			sign, off = '-', -off
		}
		return fmt.Sprintf("%c%02d%02d", sign, off/60, off%60)
	})
	s = strings.TrimSpace(strings.ReplaceAll(s, " ,", ","))
	// "2006-01-02T15:04:05+0000" with a space before the zone from a
	// replacement: "… 15:04:05 +0000" is covered by layouts with a space.
	return s
}

var (
	monthRe     = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`
	reMDY       = gate(`\b`+monthRe+`\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, hasMonth)
	reDMY       = gate(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?`+monthRe+`\.?,?\s+(\d{4})\b`, hasMonth)
	reISODate   = gate(`\b(\d{4})-(\d{2})-(\d{2})\b`, has("-"))
	reDottedDMY = gate(`\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b`, has("."))
)

// hasMonth is the gate of the expressions with monthRe: every name it
// takes starts with one of the twelve capitalised abbreviations.
func hasMonth(s string) bool {
	for i := 0; i+3 <= len(s); i++ {
		switch s[i] {
		case 'J', 'F', 'M', 'A', 'S', 'O', 'N', 'D':
			switch s[i : i+3] {
			case "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec":
				return true
			}
		}
	}
	return false
}

// EstimateDate returns the latest full date (day, month and year) the text
// mentions, at midnight UTC, and false when it mentions none. Dates more
// than a day in the future are ignored.
func EstimateDate(text string) (time.Time, bool) {
	var best time.Time
	limit := time.Now().Add(24 * time.Hour)
	consider := func(y, m, d int) {
		if y < 1900 || m < 1 || m > 12 || d < 1 || d > 31 {
			return
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d || t.After(limit) {
			return
		}
		if t.After(best) {
			best = t
		}
	}
	// Every full date has a year: look only around the years.
	for i := yearAt(text, 0); i >= 0; i = yearAt(text, i+4) {
		start := max(0, i-30)
		for start > 0 && !unicode.IsSpace(rune(text[start-1])) {
			start--
		}
		end := min(len(text), i+5)
		scanDates(text[start:end], consider)
	}
	return best, !best.IsZero()
}

// yearAt returns the offset of the first year 1800-2099 standing as a
// word (`\b(?:1[89]|20)\d\d\b`) at or after from, or -1. The regular
// expression it replaces cost EstimateDate, which runs over every text,
// more than the rest of it; TestYearAt and FuzzYearAt compare the two.
func yearAt(s string, from int) int {
	for i := from; i+4 <= len(s); i++ {
		c := s[i]
		if c != '1' && c != '2' {
			continue
		}
		if c == '1' && s[i+1] != '8' && s[i+1] != '9' || c == '2' && s[i+1] != '0' {
			continue
		}
		if !isDigit(s[i+2]) || !isDigit(s[i+3]) {
			continue
		}
		if i > 0 && isWordByte(s[i-1]) || i+4 < len(s) && isWordByte(s[i+4]) {
			continue
		}
		return i
	}
	return -1
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isWordByte reports whether c is an ASCII word character, as \b sees it.
func isWordByte(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// scanDates calls consider for each full date in s.
func scanDates(s string, consider func(y, m, d int)) {
	for _, m := range reMDY.FindAllStringSubmatch(s, -1) {
		d, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		consider(y, monthNum(m[1]), d)
	}
	for _, m := range reDMY.FindAllStringSubmatch(s, -1) {
		d, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[3])
		consider(y, monthNum(m[2]), d)
	}
	for _, m := range reISODate.FindAllStringSubmatch(s, -1) {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		consider(y, mo, d)
	}
	for _, m := range reDottedDMY.FindAllStringSubmatch(s, -1) {
		d, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		consider(y, mo, d)
	}
}

func monthNum(name string) int {
	if len(name) < 3 {
		return 0
	}
	switch strings.ToLower(name[:3]) {
	case "jan":
		return 1
	case "feb":
		return 2
	case "mar":
		return 3
	case "apr":
		return 4
	case "may":
		return 5
	case "jun":
		return 6
	case "jul":
		return 7
	case "aug":
		return 8
	case "sep":
		return 9
	case "oct":
		return 10
	case "nov":
		return 11
	case "dec":
		return 12
	}
	return 0
}

// detectLanguage returns the ISO 639-1 code of text, or "" when the text is
// too short or the detector is unsure.
func detectLanguage(text string) string {
	if len(text) < 20 {
		return ""
	}
	if len(text) > 600 {
		// A few sentences are enough for the trigram detector, which costs
		// time in proportion to its input; cut at a rune boundary.
		cut := 600
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	if looksEnglish(text) {
		return "en"
	}
	if mostlyFigures(text) {
		// Tables of figures ("Shr 34 cts vs 1.19 dlrs / Net 807,000 vs
		// ..."): too few words for any detector, which would guess at
		// random (French, for Reuters' earnings tables). Unknown is the
		// honest answer, and the cheap one.
		return ""
	}
	info := whatlanggo.Detect(text)
	if info.Confidence < 0.3 && len(text) < 200 {
		return ""
	}
	return info.Lang.Iso6391()
}

// englishFunctionWords are frequent English words that are rare as words in
// other languages written in Latin script.
var englishFunctionWords = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "in": true, "is": true,
	"that": true, "for": true, "on": true, "was": true, "with": true, "said": true,
	"by": true, "as": true, "at": true, "it": true, "from": true, "he": true,
	"has": true, "have": true, "be": true, "are": true, "its": true, "will": true,
	"which": true, "this": true, "were": true, "would": true, "their": true,
}

// looksEnglish is a fast path before the trigram detector, which costs far
// more: a text of at least 30 words of which at least a quarter are English
// function words is English, and so is a shorter one (at least 10 words)
// with at least three of them making a fifth of its words. Running text in
// other languages has almost none of them.
func looksEnglish(text string) bool {
	words, hits := 0, 0
	var buf [8]byte
	start, ascii := -1, true
	word := func(end int) {
		words++
		w := text[start:end]
		if !ascii || len(w) > len(buf) {
			// Lower-casing may turn a non-ASCII letter into an ASCII one.
			if englishFunctionWords[strings.ToLower(w)] {
				hits++
			}
			return
		}
		for i := 0; i < len(w); i++ {
			c := w[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		if englishFunctionWords[string(buf[:len(w)])] {
			hits++
		}
	}
	for i, r := range text {
		if unicode.IsLetter(r) || r == '\'' {
			if start < 0 {
				start, ascii = i, true
			}
			if r >= utf8.RuneSelf {
				ascii = false
			}
		} else if start >= 0 {
			word(i)
			start = -1
		}
	}
	if start >= 0 {
		word(len(text))
	}
	return words >= 30 && hits*4 >= words || words >= 10 && hits >= 3 && hits*5 >= words
}

// mostlyFigures reports whether digits make up at least 30% of a text's
// letters and digits.
func mostlyFigures(text string) bool {
	letters, digits := 0, 0
	for _, r := range text {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case unicode.IsLetter(r):
			letters++
		}
	}
	return digits*10 >= 3*(letters+digits)
}
