package when

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// A rule is one surface pattern with its normalization. Patterns are
// matched case-insensitively on the lower-cased text; every candidate span
// is checked for word boundaries, then the longest non-overlapping
// candidates win (earlier rules break ties).
type rule struct {
	name   string
	typ    string
	prio   int
	re     *regexp.Regexp // anchored at the start of the input
	names  []string
	accept func(f *finder, m *match) bool
	norm   func(f *finder, m *match) (Timex, bool)
	// noRef marks rules whose values are derived from an earlier one ("a
	// year ago"): they must not become the reference themselves.
	noRef bool
	// always marks a rule without trigger words: it runs on the whole text.
	always bool
	// first holds the bytes a match can begin with.
	first *[256]bool
}

type match struct {
	rule       *rule
	start, end int
	idx        []int
	f          *finder
}

// g returns the lower-cased text of the first non-empty group called name.
func (m *match) g(name string) string {
	for i, n := range m.rule.names {
		if n == name && m.idx[2*i] >= 0 {
			return m.f.lower[m.idx[2*i]:m.idx[2*i+1]]
		}
	}
	return ""
}

// raw returns the original text of the first non-empty group called name.
func (m *match) raw(name string) string {
	for i, n := range m.rule.names {
		if n == name && m.idx[2*i] >= 0 {
			return m.f.text[m.idx[2*i]:m.idx[2*i+1]]
		}
	}
	return ""
}

func (m *match) lower() string { return m.f.lower[m.start:m.end] }

// groupStart returns the offset of the first non-empty group called name,
// or -1.
func (m *match) groupStart(name string) int {
	for i, n := range m.rule.names {
		if n == name && m.idx[2*i] >= 0 {
			return m.idx[2*i]
		}
	}
	return -1
}

// Building blocks of the patterns, expanded by pat.
var blocks = strings.NewReplacer(
	"{MON}", `(?:january|february|march|april|may|june|july|august|september|october|november|december|sept\.?|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sep\.?|oct\.?|nov\.?|dec\.?)`,
	"{WD}", `(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)`,
	"{YEAR}", `(?:1[5-9]\d\d|20\d\d)`,
	"{DAYORD}", `(?:(?:twenty|thirty)[\s-]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)`,
	"{NUMW}", `(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|one|two|three|four|five|six|seven|eight|nine|ten)`,
	"{UNIT}", `(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|century|centuries|quarters?|nights?|fiscal\s+years?|trading\s+days?|business\s+days?)`,
	"{VAGUE}", `(?:several|a\s+few|few|some|many|a\s+number\s+of|numerous)`,
	"{TOD}", `(?:morning|afternoon|evening|night|mid-?\s?afternoon|mid-?\s?morning|midday|noon|midnight|overnight)`,
)

var numPat string

func pat(s string) string {
	s = strings.ReplaceAll(s, "{NUM}", numPat)
	return blocks.Replace(s)
}

var rules []*rule

type ruleDef struct {
	name, typ, pattern string
	noRef              bool
	accept             func(f *finder, m *match) bool
	norm               func(f *finder, m *match) (Timex, bool)
}

func init() {
	numPat = blocks.Replace(`(?:\d+(?:\.\d+)?(?:\s+1/2)?|(?:a|an)\s+(?:hundred|thousand|dozen)|(?:a\s+)?couple\s+of|a\s+half|half\s+an?|a|an|{NUMW}(?:[\s-]+(?:and\s+)?{NUMW})*)(?:[\s-]+and[\s-]+a[\s-]+half)?`)
	for i, d := range ruleDefs() {
		src := `^(?:` + pat(d.pattern) + `)`
		re := regexp.MustCompile(src)
		re.Longest()
		first, err := firstBytes(src)
		if err != nil {
			panic("when: rule " + d.name + ": " + err.Error()) // the patterns are constants
		}
		rules = append(rules, &rule{name: d.name, typ: d.typ, prio: i, re: re, names: re.SubexpNames(), accept: d.accept, norm: d.norm, noRef: d.noRef, first: first})
	}
	buildTriggers()
}

// ok builds a resolved Timex.
func ok(typ, value string) (Timex, bool) {
	return Timex{Type: typ, Value: value, Resolved: true}, true
}

// unresolved builds a Timex whose value could not be fully known.
func unresolved(typ, value, note string) (Timex, bool) {
	return Timex{Type: typ, Value: value, Resolved: false, Note: note}, true
}

func atoi(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return -1
	}
	return n
}

func yearOf(s string) int {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "'") || strings.HasPrefix(s, "’") {
		n := atoi(strings.TrimLeft(s, "'’"))
		if n < 0 {
			return -1
		}
		if n < 30 {
			return 2000 + n
		}
		return 1900 + n
	}
	if y, ok := parseSpelledYear(s); ok {
		return y
	}
	return atoi(s)
}

func dayOf(m *match) int {
	if d := m.g("day"); d != "" {
		return atoi(d)
	}
	if d := m.g("dayw"); d != "" {
		n, ok := parseOrdinal(d)
		if !ok {
			return -1
		}
		return n
	}
	return 0
}

// capitalized reports whether the original text of group name starts with
// an upper-case letter ("May", "March" as months, not verbs).
func capitalized(m *match, name string) bool {
	r := m.raw(name)
	return r != "" && r[0] >= 'A' && r[0] <= 'Z'
}

func monthAccept(f *finder, m *match) bool {
	if !capitalized(m, "mon") {
		return false
	}
	if m.g("mon") == "may" && m.end-m.start == 3 {
		// A bare "May" is a month only after a preposition or before a year.
		w := prevWord(f.lower, m.start)
		switch w {
		case "in", "since", "by", "until", "through", "of", "from", "to", "during", "before", "after", "early", "late", "mid", "last", "this", "next", "and", "or", "between", "till", "on":
			return true
		}
		return false
	}
	return true
}

// capitalizedBefore reports whether the word just before position i (on
// the same line, with no punctuation between) starts with a capital.
func capitalizedBefore(text string, i int) bool {
	j := i
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	if j == i || j == 0 {
		return false
	}
	k := j
	for k > 0 && isWordByte(text[k-1]) {
		k--
	}
	return k < j && text[k] >= 'A' && text[k] <= 'Z'
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// prevWord returns the lower-cased word before position i.
func prevWord(lower string, i int) string {
	j := i
	for j > 0 && !isLetterByte(lower[j-1]) {
		j--
		if i-j > 3 {
			return ""
		}
	}
	k := j
	for k > 0 && isLetterByte(lower[k-1]) {
		k--
	}
	return lower[k:j]
}

// nextWord returns the lower-cased word after position i.
func nextWord(lower string, i int) string {
	j := i
	for j < len(lower) && (lower[j] == ' ' || lower[j] == '-') {
		j++
	}
	k := j
	for k < len(lower) && isLetterByte(lower[k]) {
		k++
	}
	return lower[j:k]
}

func ruleDefs() []ruleDef {
	return []ruleDef{
		// Absolute dates with a year.
		{name: "date-mdy", typ: "DATE",
			pattern: `(?:(?P<wd>{WD}),?\s+)?(?P<mon>{MON})\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<year>{YEAR})\b`,
			accept:  monthAccept, norm: normFullDate},
		{name: "date-dmy", typ: "DATE",
			pattern: `(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MON}),?\s+(?P<year>{YEAR})\b`,
			accept:  monthAccept, norm: normFullDate},
		{name: "date-iso", typ: "DATE",
			pattern: `(?P<year>{YEAR})-(?P<monn>[01]\d)-(?P<day>[0-3]\d)\b`,
			norm:    normFullDate},
		{name: "date-us", typ: "DATE",
			pattern: `(?P<monn>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>{YEAR})\b`,
			norm:    normFullDate},
		// Month and day without a year.
		{name: "date-md", typ: "DATE",
			pattern: `(?:(?P<wd>{WD}),?\s+)?(?:(?P<pre>early|late)\s+)?(?P<mon>{MON})\s*(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?|(?:the\s+)?(?P<dayw>{DAYORD}))\b`,
			accept:  monthAccept, norm: normMonthDay},
		{name: "date-dm", typ: "DATE",
			pattern: `(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?|(?P<dayw>{DAYORD}))\s+(?:of\s+)?(?P<mon>{MON})`,
			accept:  monthAccept, norm: normMonthDay},
		// Month and year.
		{name: "month-year", typ: "DATE",
			pattern: `(?:(?:early|mid|late|the\s+(?:beginning|start|end|middle|close)\s+of)[\s-]*)?(?P<mon>{MON}),?\s+(?:of\s+)?(?P<year>{YEAR}|'\d\d|(?:nineteen|twenty)[\s-]+{NUMW}(?:[\s-]+{NUMW})?)`,
			accept:  monthAccept, norm: normMonthYear},
		{name: "month-rel", typ: "DATE",
			pattern: `(?:(?P<pos>early|mid|late|the\s+(?:beginning|start|end|middle|close)\s+of)[\s-]*)?(?:(?P<rel>last|this|next|this\s+past|this\s+coming|the\s+previous|the\s+following|coming)\s+)?(?P<mon>{MON})(?:\s+(?P<yrel>last|this|next)\s+year)?`,
			accept:  monthAccept, norm: normMonth},
		// Years, fiscal years, halves and quarters.
		{name: "year", typ: "DATE",
			pattern: `(?:the\s+year\s+|(?:fiscal|calendar|model)(?:\s+year)?[\s-]+|(?:(?:early|mid|late|the\s+(?:beginning|start|end|middle|close|rest|remainder|course)\s+of)[\s-]*(?:fiscal\s+)?))?(?P<year>{YEAR}|'\d\d)(?:\s+and\s+beyond|\s+or\s+later)?`,
			accept:  yearAccept, norm: normYear},
		{name: "year-spelled", typ: "DATE",
			pattern: `(?:the\s+year\s+)?(?P<year>(?:nineteen|eighteen)[\s-]+{NUMW}(?:[\s-]+{NUMW})?|two\s+thousand(?:\s+and\s+{NUMW})?)`,
			accept:  spelledYearAccept, norm: normYear},
		{name: "half", typ: "DATE",
			pattern: `(?:the\s+)?(?P<h>first|second|last|latter)\s+(?:half|two\s+quarters)(?:\s+of\s+(?:(?P<yrel>this|last|next|the)\s+year|(?:fiscal\s+)?(?P<year>{YEAR})))?`,
			norm:    normHalf},
		{name: "quarter", typ: "DATE",
			pattern: `(?:(?:the|its|this|that|a)\s+)?(?:(?P<yrel>this|last|next)\s+year's\s+|(?P<year>{YEAR})\s+|(?:fiscal|calendar)[\s-]+)?(?:(?:fiscal|calendar)[\s-]+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?(?:quarter|qtr)(?:\s+(?:of|in)\s+(?:(?:fiscal|calendar)\s+)?(?:(?P<year>{YEAR})|(?P<yrel>this|last|next)\s+year))?(?:\s+(?P<yrel>this|last|next)\s+year)?`,
			norm:    normQuarter},
		{name: "quarter-ref", typ: "DATE",
			pattern: `(?P<det>the|this|that|its|their)\s+(?:(?P<adj>latest|current|recent|most\s+recent|just-ended|just\s+ended|fiscal|same|previous|prior|past|last)\s+)?(?:quarter|period)`,
			accept:  quarterRefAccept, norm: normQuarterRef},
		{name: "year-ago", typ: "DATE", noRef: true,
			pattern: `(?:(?:the|a)\s+)?(?:(?:comparable|corresponding|same)\s+)?(?:year-(?:ago|earlier)|year\s+(?:ago|earlier)|(?P<year>{YEAR})|last\s+year's|prior-year|previous\s+year's|year-before)\s+(?:(?P<q>first|second|third|fourth)[\s-]+)?(?:fiscal\s+)?(?:quarter|period)` +
				`|the\s+(?:corresponding|same|comparable)\s+(?:period|quarter|time|months?)\s+(?:(?:of|in)\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier)|the\s+(?:previous|prior)\s+year)` +
				`|(?:the\s+(?:quarter|period)\s+)?(?:a\s+year|twelve\s+months|12\s+months)\s+(?:ago|earlier|before)|year-(?:ago|earlier)`,
			norm: normYearAgo},
		// Seasons, decades, centuries.
		{name: "season", typ: "DATE",
			pattern: `(?:(?P<rel>this|last|next|this\s+past|this\s+coming|the|early|late|mid|the\s+early|the\s+late|the\s+coming|the\s+past)[\s-]+)?(?P<season>spring|summer|fall|autumn|winter)(?:\s+of\s+(?P<year>{YEAR}|(?:nineteen|twenty)[\s-]+{NUMW}(?:[\s-]+{NUMW})?))?`,
			accept:  seasonAccept, norm: normSeason},
		{name: "decade", typ: "DATE",
			pattern: `(?:the\s+)?(?:(?:early|mid|late|last\s+half\s+of\s+the|first\s+half\s+of\s+the)[\s-]+)?(?P<dec>(?:1[5-9]|20)\d0'?s|'\d0'?s|(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))`,
			norm:    normDecade},
		{name: "century", typ: "DATE",
			pattern: `(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<c>\d{1,2}(?:st|nd|rd|th)|{DAYORD})[\s-]+century`,
			norm:    normCentury},
		// Days relative to the document date.
		{name: "day-rel", typ: "DATE", accept: dayRelAccept,
			pattern: `(?:(?P<pos>early|late|later|earlier|(?:mid-?\s?)?(?:morning|afternoon|evening))\s+)?(?P<rel>today|yesterday|tomorrow|tonight)(?:\s+(?P<tod>morning|afternoon|evening|night))?|(?P<tod>{TOD})\s+(?:of\s+)?(?P<rel>today|yesterday|tomorrow)|the\s+day\s+(?P<rel>before\s+yesterday|after\s+tomorrow)`,
			norm:    normDayRel},
		{name: "tod-rel", typ: "TIME",
			pattern: `(?:(?:early|late|earlier|later)\s+)?(?:(?P<rel>this|last|tomorrow|yesterday)\s+(?P<tod>morning|afternoon|evening|night)|(?P<tod>overnight))`,
			norm:    normTodRel},
		{name: "tod-alone", typ: "TIME",
			pattern: `(?P<tod>mid-?\s?afternoon|mid-?\s?morning|midafternoon|midmorning)`,
			norm:    normTodAlone},
		{name: "tod-ana", typ: "TIME",
			pattern: `the\s+(?P<tod>morning|afternoon|evening)`,
			accept:  todAnaAccept, norm: normTodAna},
		{name: "then", typ: "DATE",
			pattern: `(?P<prep>until|since|till|by|before|after|from)\s+(?P<then>then)`,
			accept: func(f *finder, m *match) bool {
				m.start = m.groupStart("then")
				return true
			},
			norm: normThen},
		{name: "nth-day", typ: "DATE",
			pattern: `(?:the\s+)?(?:{DAYORD}|\d{1,3}(?:st|nd|rd|th))\s+(?:(?:straight|consecutive|full)\s+)?day`,
			accept:  nthDayAccept, norm: normNthDay},
		{name: "day-ana", typ: "DATE",
			pattern: `the\s+(?:(?P<dir>next|following|previous|prior)\s+day|day\s+(?P<dir>before|after))`,
			accept:  dayAnaAccept, norm: normDayAna},
		{name: "the-day", typ: "DATE",
			pattern: `(?P<pos>(?:earlier|later|early|late)\s+in\s+)?the\s+day`,
			accept:  theDayAccept, norm: normTheDay},
		// Weekdays.
		{name: "weekday", typ: "DATE",
			pattern: `(?:(?P<tod>{TOD}|\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm))\s+(?:on\s+)?)?(?:(?P<rel>last|this|next|this\s+past|this\s+coming|coming|the\s+previous|the\s+following|the\s+next|early|late|earlier|later)\s+)?(?P<wd>{WD})(?P<plural>s)?(?:\s+(?P<tod2>morning|afternoon|evening|night|nights))?`,
			accept:  func(f *finder, m *match) bool { return capitalized(m, "wd") },
			norm:    normWeekday},
		{name: "weekday-set", typ: "SET",
			pattern: `(?:each|every)\s+(?P<wd>{WD})(?:\s+(?P<tod2>morning|afternoon|evening|night))?|(?:each|every)\s+(?P<mon>{MON})`,
			norm:    normWeekday},
		// Clock times.
		{name: "clock", typ: "TIME",
			pattern: `(?:(?:about|around|approximately|at\s+about|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(?:(?P<hh>\d{1,2})(?:[:.](?P<mm>\d\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am|pm)|(?P<hh>\d{1,2}):(?P<mm>\d\d)|(?P<named>noon|midnight))(?:\s+(?P<tz>est|edt|cst|cdt|mst|mdt|pst|pdt|gmt|utc|bst|cet|cest|msk|eet|eest|local\s+time|moscow\s+time|kyiv\s+time))?(?:,?\s+(?:on\s+)?(?:(?P<rel>today|yesterday|tomorrow)|(?P<wd>{WD})|(?P<mon>{MON})\s*(?P<day>\d{1,2})))?`,
			accept:  clockAccept, norm: normClock},
		// General references.
		{name: "present", typ: "DATE",
			pattern: `(?:right\s+now|just\s+now|now|currently|at\s+present|presently|these\s+days|nowadays|at\s+the\s+moment|at\s+this\s+time|current)`,
			accept:  presentAccept, norm: constValue("PRESENT_REF")},
		{name: "past", typ: "DATE",
			pattern: `(?:more\s+|most\s+|until\s+|only\s+|very\s+)?recently|recent(?:\s+(?:days|years|times))?|the\s+past|in\s+years\s+past|then[\s-]current|(?:{VAGUE}\s+)?(?:years|decades|months|weeks)\s+ago|(?:some\s+time|long|a\s+while|a\s+long\s+time|not\s+long)\s+ago|earlier|lately|in\s+the\s+old\s+days`,
			accept:  pastAccept, norm: constValue("PAST_REF")},
		{name: "future", typ: "DATE",
			pattern: `(?:the\s+)?(?:coming|future|upcoming)\s+(?:months|years|quarters|decades)|(?:very\s+|fairly\s+|quite\s+)?soon|(?:the\s+)?(?:(?:near|foreseeable|distant|immediate)\s+)?future|the\s+(?:near|short|long|medium|longer|shorter)\s+term|(?:a|some)\s+later\s+date|as\s+soon\s+as\s+possible|in\s+(?:the\s+)?(?:days|weeks|months|years)\s+to\s+come|eventually|one\s+day\s+soon`,
			accept:  futureAccept, norm: constValue("FUTURE_REF")},
		// this/last/next year, month, week, weekend, decade.
		{name: "unit-rel", typ: "DATE",
			pattern: `(?:(?P<pos>early|late|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of|the\s+balance\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of|the\s+close\s+of|around|at)\s+(?:(?:in|during)\s+)?)?(?P<rel>this|last|next|this\s+past|this\s+coming|the\s+past|the\s+previous|the\s+prior|the\s+current|the\s+coming|the\s+following|the\s+same|that|the|the\s+latest|the\s+next|the\s+last|the\s+new)\s+(?P<u>weekend|year|month|week|decade|century|fiscal\s+year|calendar\s+year|school\s+year|full\s+year)|(?:(?P<pos>around|about|near)\s+)?(?P<u>year|month|week)(?P<end>-end|\s+end|'s\s+end)|(?P<rel>year)-to-date`,
			accept:  unitRelAccept, norm: normUnitRel},
		{name: "ago", typ: "DATE", noRef: true,
			pattern: `(?:(?P<mod>about|nearly|almost|more\s+than|some|roughly|just|only|less\s+than|over|exactly|at\s+least|barely)\s+)?(?P<num>{NUM})[\s-]+(?P<unit>{UNIT})(?:\s+or\s+so)?\s+(?P<dir>ago|from\s+now|hence)`,
			norm:    normAgo},
		// Durations.
		{name: "duration", typ: "DURATION",
			pattern: `(?:(?P<mod>about|around|roughly|approximately|nearly|almost|some|at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than|over|under|up\s+to|no\s+more\s+than|no\s+less\s+than|not\s+more\s+than|just|only|another|an\s+additional|within|a\s+full|the\s+full|all|each\s+of)\s+)?(?:(?P<det>the|these|those|its|their|his|her|our|a)\s+)?(?:(?P<dir>past|last|next|previous|coming|following|first|final|latest|initial|remaining|year-earlier|same|prior|ensuing|succeeding|preceding)\s+)?(?P<num>{NUM})(?:\s+to\s+(?P<num2>{NUM}))?[\s-]+(?:(?:more|additional|full|straight|consecutive|long|odd)\s+)?(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?(?:-old|-long|\s+(?:period|span|stretch)|\s+or\s+so|\s+ahead|\s+(?P<rel>earlier|later))?`,
			accept:  durationAccept, norm: normDuration},
		{name: "duration-vague", typ: "DURATION",
			pattern: `(?:(?P<det>the)\s+)?(?:(?P<dir>past|last|next|coming|previous|recent|following|first|early|ensuing)\s+)?(?:(?P<vague>{VAGUE})[\s-]+)?(?P<unit>years|months|weeks|days|hours|minutes|decades|centuries|quarters)(?P<ahead>\s+ahead)?|(?P<vague>several|a\s+few)-(?P<unit>year|month|week|day|hour)`,
			accept:  vagueAccept, norm: normVague},
		{name: "duration-open", typ: "DURATION",
			pattern: `a\s+(?:(?:fairly|very|relatively|rather|quite)\s+)?(?:long|lengthy|short|brief|considerable)\s+(?:period(?:\s+of\s+time)?|time|while|stretch)|(?:quite\s+)?a\s+while|some\s+time`,
			accept:  func(f *finder, m *match) bool { return nextWord(f.lower, m.end) != "ago" },
			norm:    constType("DURATION", "PXX")},
		{name: "set", typ: "SET", accept: setAccept,
			pattern: `(?:each|every|per)\s+(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT})`,
			norm:    normSet},
	}
}

func constType(typ, v string) func(*finder, *match) (Timex, bool) {
	return func(f *finder, m *match) (Timex, bool) { return ok(typ, v) }
}

func constValue(v string) func(*finder, *match) (Timex, bool) {
	return func(f *finder, m *match) (Timex, bool) { return ok("DATE", v) }
}

// ---- absolute dates ----

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
		diff := date(cy, mon, dd).Sub(f.anchor).Hours() / 24
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
		if cost < bestCost {
			best, bestCost = cy, cost
		}
	}
	return best
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
	if !validDay(y, mon, d) {
		return unresolved("DATE", fmt7(y, mon), "no such day: "+strconv.Itoa(d)+" "+mon.String()+" "+strconv.Itoa(y))
	}
	return ok("DATE", fmtDay(date(y, mon, d)))
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
	// Not an amount: "$1990", "1,990", "1990%", "1990-million".
	if m.start > 0 {
		c := f.text[m.start-1]
		if c == '$' || c == '#' || c == '.' || c == ',' || c == '-' || c == '/' || c == ':' {
			return false
		}
	}
	if m.end < len(f.text) {
		c := f.text[m.end]
		if c == '%' || c == '-' || c == '/' || c == ':' {
			return false
		}
		if (c == ',' || c == '.') && m.end+1 < len(f.text) && f.text[m.end+1] >= '0' && f.text[m.end+1] <= '9' {
			return false
		}
	}
	switch nextWord(f.lower, m.end) {
	case "percent", "people", "shares", "troops", "soldiers", "tons", "tonnes", "dollars", "pounds", "miles", "km", "kilometers", "meters", "feet", "barrels", "cars", "units", "jobs", "workers", "employees", "acres", "points", "yen", "francs", "marks", "rubles", "euros", "hryvnias", "residents", "homes", "words", "votes", "pages":
		return false
	}
	y := yearOf(m.g("year"))
	return y > 0
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

var quarterNums = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

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
	if s == "fall" && m.g("year") == "" && nextWord(f.lower, m.end) == "of" {
		return false // "the fall of the Berlin Wall"
	}
	if s == "fall" || s == "spring" {
		// Verbs and springs: only with a determiner or a year.
		return rel != "" && rel != "early" && rel != "late" || m.g("year") != ""
	}
	if rel == "the" {
		// "the summer" is fine; "the winter Olympics" less so, but rare.
		return true
	}
	return true
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

// ---- days relative to the document date ----

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
	if p != "of" && p != "in" {
		return true
	}
	rest := f.lower[m.end:]
	return !strings.HasPrefix(rest, "'s") && !strings.HasPrefix(rest, "’s") && !(rel == "tomorrow" && p == "of")
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
		// A bare "7:15" needs a day word, or it may be a score or a ratio.
		return m.g("rel") != "" || m.g("wd") != ""
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
		case "account", "accounts", "affairs", "events", "liabilities", "assets", "":
			return false
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
	case "year":
		return ok("DATE", fmtYear(a.Year()+step))
	case "month":
		return ok("DATE", fmtMonth(addMonths(a, step)))
	case "week":
		return ok("DATE", fmtWeek(a.AddDate(0, 0, 7*step)))
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
		default:
			// "this weekend", "the weekend": the coming one when the
			// sentence speaks of the future, else the latest.
			if f.tenseAt(m.start, m.end) != tenseFuture && a.Weekday() != time.Saturday && a.Weekday() != time.Sunday && a.Weekday() != time.Friday {
				d = a.AddDate(0, 0, -int(isoDay(a.Weekday())))
			}
		}
		return ok("DATE", fmtWeek(d)+"-WE")
	case "decade":
		return ok("DATE", strconv.Itoa(a.Year()/10+step))
	case "century":
		return ok("DATE", strconv.Itoa(a.Year()/100+step))
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
	k := int(n) * sign
	a := f.anchor
	switch unit {
	case "Y":
		return ok("DATE", fmtYear(a.Year()+k))
	case "M":
		return ok("DATE", fmtMonth(addMonths(a, k)))
	case "W":
		return ok("DATE", fmtWeek(a.AddDate(0, 0, 7*k)))
	case "D":
		return ok("DATE", fmtDay(a.AddDate(0, 0, k)))
	case "Q":
		t := addMonths(a, 3*k)
		return ok("DATE", fmtYear(t.Year())+"-Q"+strconv.Itoa(quarterOf(t.Month())))
	case "E":
		return ok("DATE", strconv.Itoa(a.Year()/10+k))
	case "C":
		return ok("DATE", strconv.Itoa(a.Year()/100+k))
	case "TH", "TM", "TS":
		return Timex{Type: "TIME", Value: fmtDay(a), Resolved: true}, true
	}
	return Timex{}, false
}

// ---- durations ----

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
	if strings.HasSuffix(m.lower(), "-old") {
		return false // an age: "the 49-year-old actor"
	}
	if rest := f.lower[m.end:]; strings.HasPrefix(rest, " of ") && len(rest) >= 8 && isDigits(rest[4:8]) {
		return false // "the first two quarters of 1990": a part of that year
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
	if m.g("num2") != "" {
		// "12 to 18 months": a range, its amount left open as TimeML does.
		if strings.HasPrefix(unit, "T") {
			return ok("DURATION", "PTX"+unit[1:])
		}
		return ok("DURATION", "PX"+unit)
	}
	if prevWord(f.lower, m.start) == "in" && f.has && m.g("det") == "" && m.g("dir") == "" && m.g("mod") == "" && n == float64(int(n)) && f.tenseAt(m.start, m.end) == tenseFuture {
		// "will be redeemed in five years": a date that far ahead.
		k := int(n)
		switch unit {
		case "Y":
			return ok("DATE", fmtYear(f.anchor.Year()+k))
		case "M":
			return ok("DATE", fmtMonth(addMonths(f.anchor, k)))
		case "W":
			return ok("DATE", fmtWeek(f.anchor.AddDate(0, 0, 7*k)))
		case "D":
			return ok("DATE", fmtDay(f.anchor.AddDate(0, 0, k)))
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
