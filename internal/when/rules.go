package when

import (
	"regexp"
	"strconv"
	"strings"
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
	// prefix, when not nil, holds the first two or three bytes a match
	// can begin with: a finer filter than first.
	prefix *prefixSet
	// pre, when not nil, rejects most starts where re cannot match.
	pre *prefilter
	// numberBefore marks rules whose every match has a number right before
	// its trigger word ("three and a half years", "a 10-day"): a trigger
	// without one is not worth running the pattern for.
	numberBefore bool
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
		prefix, err := prefixesOf(src)
		if err != nil {
			panic("when: rule " + d.name + ": " + err.Error())
		}
		pre, err := newPrefilter(src)
		if err != nil {
			panic("when: rule " + d.name + ": " + err.Error())
		}
		rules = append(rules, &rule{name: d.name, typ: d.typ, prio: i, re: re, names: re.SubexpNames(), accept: d.accept, norm: d.norm, noRef: d.noRef, first: first, prefix: prefix, pre: pre,
			numberBefore: d.name == "duration"})
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
	if m.end-m.start == len(m.g("mon")) {
		if groupPossessive(f.text, m.start) {
			return false // a name: "the Women's March"
		}
		if capitalizedBefore(f.text, m.start) && !monthCue[prevWord(f.lower, m.start)] && !possessiveWord(f.text, m.start) {
			return false // a name: "a Long March rocket"
		}
	}
	if m.g("mon") == "may" && m.end-m.start == 3 {
		// A bare "May" is a month only after a preposition or before a year.
		return monthCue[prevWord(f.lower, m.start)]
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

// monthCue are the words after which a bare month name is a month.
var monthCue = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "through": true, "of": true,
	"from": true, "to": true, "during": true, "before": true, "after": true, "early": true,
	"late": true, "mid": true, "last": true, "this": true, "next": true, "and": true,
	"or": true, "between": true, "till": true, "on": true,
}

// possessiveWord reports whether the word before position i ends in 's
// ("Trump's March visit").
func possessiveWord(text string, i int) bool {
	before := strings.TrimRight(text[:i], " ")
	return strings.HasSuffix(before, "'s") || strings.HasSuffix(before, "’s")
}

// capitalizedAfter reports whether the word right after position i (one
// space away) starts with a capital.
func capitalizedAfter(text string, i int) bool {
	return i+1 < len(text) && text[i] == ' ' && text[i+1] >= 'A' && text[i+1] <= 'Z'
}

// groupPossessive reports whether the word right before position i is a
// capitalized group noun in the possessive, which with a month makes a
// name ("the Women's March"), where a person's or a day's possessive
// does not ("Trump's March visit", "Monday's March deadline").
func groupPossessive(text string, i int) bool {
	before := strings.TrimRight(text[:i], " ")
	for _, suf := range []string{"'s", "’s", "s'", "s’"} {
		if strings.HasSuffix(before, suf) {
			w := before[strings.LastIndexAny(before, " \n\t")+1 : len(before)-len(suf)]
			return w != "" && w[0] >= 'A' && w[0] <= 'Z' && groupNouns[strings.ToLower(w)]
		}
	}
	return false
}

var groupNouns = map[string]bool{
	"women": true, "men": true, "children": true, "people": true, "veteran": true,
	"veterans": true, "worker": true, "workers": true, "mother": true, "mothers": true,
	"father": true, "fathers": true, "citizen": true, "citizens": true, "farmer": true,
	"farmers": true, "student": true, "students": true, "teacher": true, "teachers": true,
	"youth": true, "nation": true, "nations": true,
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
			pattern: `(?P<monn>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>{YEAR}|\d\d)\b`,
			norm:    normFullDate},
		// Month and day without a year.
		{name: "date-md", typ: "DATE",
			pattern: `(?:(?P<wd>{WD}),?\s+)?(?:(?P<pre>early|late)\s+)?(?P<mon>{MON})\s*(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?|(?:the\s+)?(?P<dayw>{DAYORD}))\b(?:,?\s+(?P<yrel>last|this|next)\s+year)?`,
			accept:  monthAccept, norm: normMonthDay},
		{name: "date-dm", typ: "DATE",
			pattern: `(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?|(?P<dayw>{DAYORD}))\s+(?:of\s+)?(?P<mon>{MON})`,
			accept:  monthAccept, norm: normMonthDay},
		// The week of a day: "the week of Dec. 4".
		{name: "week-of", typ: "DATE",
			pattern: `the\s+week\s+of\s+(?:(?P<mon>{MON})\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?|(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon>{MON}))(?:,?\s+(?P<year>{YEAR}))?\b`,
			accept:  monthAccept, norm: normWeekOf},
		// Month and year.
		{name: "month-year", typ: "DATE",
			pattern: `(?:(?:early|mid|late|the\s+(?:beginning|start|end|middle|close)\s+of)[\s-]*)?(?P<mon>{MON}),?\s+(?:of\s+)?(?P<year>{YEAR}|'\d\d|(?:nineteen|twenty)[\s-]+{NUMW}(?:[\s-]+{NUMW})?)`,
			accept:  monthAccept, norm: normMonthYear},
		{name: "month-rel", typ: "DATE",
			pattern: `(?:(?P<pos>early|mid|late|the\s+(?:beginning|start|end|middle|close)\s+of)[\s-]*)?(?:(?P<rel>last|this|next|this\s+past|this\s+coming|the\s+previous|the\s+following|coming)\s+)?(?P<mon>{MON})(?:\s+(?P<yrel>last|this|next)\s+year)?`,
			accept:  monthAccept, norm: normMonth},
		// Years, fiscal years, halves and quarters.
		{name: "year", typ: "DATE",
			pattern: `(?:the\s+year\s+|(?:fiscal|calendar|model)(?:\s+year)?[\s-]+|fy\s?|(?:(?:early|mid|late|the\s+(?:beginning|start|end|middle|close|rest|remainder|course)\s+of)[\s-]*(?:fiscal\s+)?))?(?P<year>{YEAR}|'\d\d)(?:\s+and\s+beyond|\s+or\s+later)?`,
			accept:  yearAccept, norm: normYear},
		{name: "year-spelled", typ: "DATE",
			pattern: `(?:the\s+year\s+)?(?P<year>(?:nineteen|eighteen)[\s-]+{NUMW}(?:[\s-]+{NUMW})?|two\s+thousand(?:\s+and\s+{NUMW})?)`,
			accept:  spelledYearAccept, norm: normYear},
		{name: "half", typ: "DATE",
			pattern: `(?:the\s+)?(?P<h>first|second|last|latter)\s+(?:half|two\s+quarters)(?:\s+of\s+(?:(?P<yrel>this|last|next|the)\s+year|(?:fiscal\s+)?(?P<year>{YEAR})))?`,
			norm:    normHalf},
		{name: "quarter", typ: "DATE",
			pattern: `(?:(?:the|its|this|that|a)\s+)?(?:(?P<yrel>this|last|next)\s+year's\s+|(?P<year>{YEAR})\s+|(?:fiscal|calendar)[\s-]+)?(?:(?:fiscal|calendar)[\s-]+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|last|final)[\s-]+(?:fiscal[\s-]+)?(?:quarter|qtr)(?:\s+(?:of|in)\s+(?:(?:fiscal|calendar)\s+)?(?:(?P<year>{YEAR})|(?P<yrel>this|last|next)\s+year))?(?:\s+(?P<yrel>this|last|next)\s+year)?`,
			accept: func(f *finder, m *match) bool {
				// "the last quarter of 2017" is its fourth; "the last
				// quarter" alone is the one before (quarter-ref).
				q := m.g("q")
				return q != "last" && q != "final" || m.g("year") != "" || m.g("yrel") != ""
			},
			norm: normQuarter},
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
			accept:  func(f *finder, m *match) bool { return !capitalized(m, "tod") || m.g("rel") == "" }, // ITV's "This Morning"; "Overnight, …" stays
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
		// Holidays.
		{name: "holiday", typ: "DATE",
			pattern: `(?:(?P<rel>last|this|next)\s+)?(?P<hol>christmas(?:\s+(?:day|eve))?|new\s+year['’]s(?:\s+(?:day|eve))?|boxing\s+day|easter(?:\s+(?:sunday|monday))?|good\s+friday|thanksgiving(?:\s+day)?|independence\s+day|halloween|valentine['’]s\s+day|labor\s+day|memorial\s+day|veterans\s+day|armistice\s+day)(?:,?\s+(?P<year>{YEAR}))?`,
			accept:  holidayAccept, norm: normHoliday},
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
			pattern: `(?:(?:about|around|approximately|at\s+about|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(?:(?P<hh>\d{1,2})(?:[:.](?P<mm>\d\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am|pm)|(?P<hh>\d{1,2}):(?P<mm>\d\d)(?::(?P<ss>[0-5]\d))?|(?P<named>noon|midnight))(?:\s+(?P<tz>est|edt|cst|cdt|mst|mdt|pst|pdt|gmt|utc|bst|cet|cest|msk|eet|eest|et|pt|ct|mt|local\s+time|moscow\s+time|kyiv\s+time|eastern\s+time|pacific\s+time))?(?:,?\s+(?:on\s+)?(?:(?P<rel>today|yesterday|tomorrow)|(?P<wd>{WD})|(?P<mon>{MON})\s*(?P<day>\d{1,2})(?:,?\s+(?P<year>{YEAR}))?))?`,
			accept:  clockAccept, norm: normClock},
		// General references.
		{name: "present", typ: "DATE",
			pattern: `(?:right\s+now|just\s+now|now|currently|at\s+present|presently|these\s+days|nowadays|at\s+the\s+moment|at\s+this\s+time|current)`,
			accept:  presentAccept, norm: constValue("PRESENT_REF")},
		{name: "past", typ: "DATE",
			pattern: `(?:more\s+|most\s+|until\s+|only\s+|very\s+)?recently|recent(?:\s+(?:days|years|times))?|the\s+past|in\s+years\s+past|then[\s-]current|(?:{VAGUE}\s+)?(?:years|decades|months|weeks)\s+ago|(?:some\s+time|long|a\s+while|a\s+(?:long|short)\s+time|not\s+long)\s+ago|earlier|lately|in\s+the\s+old\s+days`,
			accept:  pastAccept, norm: constValue("PAST_REF")},
		{name: "future", typ: "DATE",
			pattern: `(?:the\s+)?(?:coming|future|upcoming)\s+(?:months|years|quarters|decades)|(?:very\s+|fairly\s+|quite\s+)?soon|(?:the\s+)?(?:(?:near|foreseeable|distant|immediate)\s+)?future|the\s+(?:near|short|long|medium|longer|shorter)\s+term|(?:a|some)\s+later\s+date|as\s+soon\s+as\s+possible|(?:in\s+)?(?:the\s+)?(?:days|weeks|months|years)\s+to\s+come|eventually|one\s+day\s+soon`,
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
			pattern: `(?:(?P<mod>about|around|roughly|approximately|nearly|almost|some|at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than|over|under|up\s+to|no\s+more\s+than|no\s+less\s+than|not\s+more\s+than|just|only|another|an\s+additional|within|a\s+full|the\s+full|all|each\s+of)\s+)?(?:(?P<det>the|these|those|its|their|his|her|our|a)\s+)?(?:(?P<dir>past|last|next|previous|coming|following|first|final|latest|initial|remaining|year-earlier|same|prior|ensuing|succeeding|preceding)\s+)?(?P<num>{NUM})(?:\s+to\s+(?P<num2>{NUM}))?[\s-]+(?:(?:more|additional|full|straight|consecutive|long|odd)\s+)?(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?(?:,?\s+and\s+(?P<num3>\d+|{NUMW}(?:[\s-]+{NUMW})?)[\s-]+(?P<unit3>years?|months?|weeks?|days?|hours?|minutes?|seconds?))?(?:-old|-long|\s+(?:period|span|stretch)|\s+or\s+so|\s+ahead|\s+(?P<rel>earlier|later))?`,
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
