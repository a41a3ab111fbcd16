package when

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/lang/de"
	"github.com/parallax-news/parallax/internal/lang/ru"
	"github.com/parallax-news/parallax/internal/lang/uk"
)

// FindLang is Find for an article written in language (an ISO 639-1 code):
// English, or an unknown language (""), gets the English rules; Russian,
// Ukrainian and German get the rules of localFinder with the words of
// internal/lang/{ru,uk,de}; any other language only numeric ISO dates
// (2025-12-02), so that English rules never run on text they do not fit.
// The values follow the same TimeML conventions and past-leaning rules as
// English.
func FindLang(text, language string, anchor time.Time) []Timex {
	switch language {
	case "":
		if mostlyCyrillic(text) {
			// Unknown, but written in Cyrillic: English rules would find
			// nothing but numbers; the Russian words (with the Ukrainian
			// ones) fit.
			return findLocal(text, localResources[lang.Russian], anchor)
		}
		return Find(text, anchor)
	case lang.English:
		return Find(text, anchor)
	}
	if res, ok := localResources[language]; ok {
		return findLocal(text, res, anchor)
	}
	return findISO(text)
}

// mostlyCyrillic reports whether most letters of the first few kilobytes
// of text are Cyrillic.
func mostlyCyrillic(text string) bool {
	cyr, other := 0, 0
	for i, r := range text {
		if i > 4096 {
			break
		}
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.IsLetter(r):
			other++
		}
	}
	return cyr > other
}

// withFallback returns the words of a with those of b added where a has
// none: Russian and Ukrainian share a script, one is often detected as the
// other, and their date words barely overlap ("2 декабря", "2 грудня"), so
// each reads the other's too.
func withFallback(a, b *words) *words {
	str := func(x, y map[string]string) map[string]string {
		m := make(map[string]string, len(x)+len(y))
		for k, v := range y {
			m[k] = v
		}
		for k, v := range x {
			m[k] = v
		}
		return m
	}
	num := func(x, y map[string]int) map[string]int {
		m := make(map[string]int, len(x)+len(y))
		for k, v := range y {
			m[k] = v
		}
		for k, v := range x {
			m[k] = v
		}
		return m
	}
	set := func(x, y map[string]bool) map[string]bool {
		m := make(map[string]bool, len(x)+len(y))
		for k, v := range y {
			m[k] = v
		}
		for k, v := range x {
			m[k] = v
		}
		return m
	}
	return &words{
		months: num(a.months, b.months), monthAbbrevs: num(a.monthAbbrevs, b.monthAbbrevs),
		weekdays: num(a.weekdays, b.weekdays), days: num(a.days, b.days), shifts: num(a.shifts, b.shifts),
		numbers: num(a.numbers, b.numbers), dayParts: str(a.dayParts, b.dayParts), units: str(a.units, b.units),
		pluralUnits: set(a.pluralUnits, b.pluralUnits), yearWords: a.yearWords, // "р." is a rouble in Russian
		yearCues: set(a.yearCues, b.yearCues), agoAfter: set(a.agoAfter, b.agoAfter),
		agoBefore: set(a.agoBefore, b.agoBefore), monthCues: set(a.monthCues, b.monthCues),
		future: set(a.future, b.future), eve: set(a.eve, b.eve),
		ordinalEndings: set(a.ordinalEndings, b.ordinalEndings),
	}
}

func init() {
	r, u := localResources[lang.Russian], localResources[lang.Ukrainian]
	localResources[lang.Russian], localResources[lang.Ukrainian] = withFallback(r, u), withFallback(u, r)
}

// words is one language's date vocabulary (see internal/lang/ru/dates.go
// for what each field holds).
type words struct {
	months, monthAbbrevs, weekdays, days, shifts, numbers map[string]int
	dayParts, units                                       map[string]string
	pluralUnits, yearWords, yearCues, agoAfter, agoBefore map[string]bool
	monthCues, future, eve, ordinalEndings                map[string]bool
}

var localResources = map[string]*words{
	lang.Russian: {months: ru.DateMonths, monthAbbrevs: ru.DateMonthAbbrevs, weekdays: ru.DateWeekdays,
		days: ru.DateDays, shifts: ru.DateShifts, numbers: ru.DateNumbers, dayParts: ru.DateDayParts,
		units: ru.DateUnits, pluralUnits: ru.DatePluralUnits, yearWords: ru.DateYearWords,
		yearCues: ru.DateYearCues, agoAfter: ru.DateAgoAfter, agoBefore: ru.DateAgoBefore,
		monthCues: ru.DateMonthCues, future: ru.DateFuture, eve: ru.DateEveWords,
		ordinalEndings: ru.DateOrdinalEndings},
	lang.Ukrainian: {months: uk.DateMonths, monthAbbrevs: uk.DateMonthAbbrevs, weekdays: uk.DateWeekdays,
		days: uk.DateDays, shifts: uk.DateShifts, numbers: uk.DateNumbers, dayParts: uk.DateDayParts,
		units: uk.DateUnits, pluralUnits: uk.DatePluralUnits, yearWords: uk.DateYearWords,
		yearCues: uk.DateYearCues, agoAfter: uk.DateAgoAfter, agoBefore: uk.DateAgoBefore,
		monthCues: uk.DateMonthCues, future: uk.DateFuture, eve: uk.DateEveWords,
		ordinalEndings: uk.DateOrdinalEndings},
	lang.German: {months: de.DateMonths, monthAbbrevs: de.DateMonthAbbrevs, weekdays: de.DateWeekdays,
		days: de.DateDays, shifts: de.DateShifts, numbers: de.DateNumbers, dayParts: de.DateDayParts,
		units: de.DateUnits, pluralUnits: de.DatePluralUnits, yearWords: de.DateYearWords,
		yearCues: de.DateYearCues, agoAfter: de.DateAgoAfter, agoBefore: de.DateAgoBefore,
		monthCues: de.DateMonthCues, future: de.DateFuture, eve: de.DateEveWords,
		ordinalEndings: de.DateOrdinalEndings},
}

// ltok is one word or number of a text in a language other than English.
type ltok struct {
	w          string // lower case, ё as е, apostrophes as '
	start, end int    // byte offsets in the text
	num        int    // the value of a run of digits, else -1
	digits     int    // how many digits
	upper      bool   // written with a capital first letter
}

// localTokens splits text into runs of letters (with apostrophes between
// letters) and runs of digits.
func localTokens(text string) []ltok {
	var out []ltok
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsDigit(r) && r < 0x80:
			j := i
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			v := -1
			if j-i <= 4 {
				v, _ = strconv.Atoi(text[i:j])
			}
			out = append(out, ltok{w: text[i:j], start: i, end: j, num: v, digits: j - i})
			i = j
		case unicode.IsLetter(r):
			j := i
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) {
					j += n2
					continue
				}
				if isApostrophe(r2) && j+n2 < len(text) {
					if r3, _ := utf8.DecodeRuneInString(text[j+n2:]); unicode.IsLetter(r3) {
						j += n2
						continue
					}
				}
				break
			}
			out = append(out, ltok{w: foldWord(text[i:j]), start: i, end: j, num: -1, upper: unicode.IsUpper(r)})
			i = j
		default:
			i += n
		}
	}
	return out
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '`' }

// foldWord lower-cases a word, writes ё as е and every apostrophe as '.
func foldWord(s string) string {
	var b strings.Builder
	for _, r := range s {
		r = unicode.ToLower(r)
		switch {
		case r == 'ё':
			r = 'е'
		case isApostrophe(r):
			r = '\''
		}
		b.WriteRune(r)
	}
	return b.String()
}

// localFinder matches the date patterns of one language over the tokens of
// one text.
type localFinder struct {
	*finder
	res  *words
	toks []ltok
}

// findLocal finds time expressions with a language's words. Patterns, in
// the order they are tried at each word (the first that matches takes its
// words): numeric dates (02.12.2025); day and month with an optional year
// (2 декабря 2025 года, 3 дек., 2. Dezember); a count of units ago (три
// дня назад, vor zwei Wochen); a shift and a unit or weekday (на прошлой
// неделе, минулого тижня, vergangene Woche, letzten Dienstag); a day word
// with an optional part of the day (вчера вечером, heute Morgen); a
// weekday with an optional part of the day (в четверг вечером,
// Dienstagabend); a month with an optional year (в декабре, im August
// 2025); a year with its year word or cue (2025 года, seit 2014); a count
// of units (пять часов).
func findLocal(text string, res *words, anchor time.Time) []Timex {
	lf := &localFinder{finder: newFinder(text, anchor), res: res, toks: localTokens(text)}
	var out []Timex
	for i := 0; i < len(lf.toks); {
		t, n := lf.at(i)
		if n == 0 {
			i++
			continue
		}
		if !t.Resolved && t.Note == "" {
			t.Note = "no anchor date"
		}
		out = append(out, t)
		i += n
	}
	return out
}

// gap returns the text between tokens i and i+1.
func (lf *localFinder) gap(i int) string {
	return lf.text[lf.toks[i].end:lf.toks[i+1].start]
}

// spaced reports whether tokens i and i+1 are separated by white space
// only (at most a few bytes of it).
func (lf *localFinder) spaced(i int) bool {
	if i+1 >= len(lf.toks) {
		return false
	}
	g := lf.gap(i)
	return g != "" && len(g) <= 3 && strings.TrimSpace(g) == ""
}

// dotted reports whether token i is followed directly by a dot.
func (lf *localFinder) dotted(i int) bool {
	e := lf.toks[i].end
	return e < len(lf.text) && lf.text[e] == '.'
}

// after reports whether tokens i and i+1 are separated by a dot and white
// space ("2. Dezember", "дек. 2025").
func (lf *localFinder) afterDot(i int) bool {
	if i+1 >= len(lf.toks) {
		return false
	}
	g := lf.gap(i)
	return strings.HasPrefix(g, ".") && len(g) <= 4 && strings.TrimSpace(g[1:]) == "" && len(g) > 1
}

func (lf *localFinder) tok(i int) ltok {
	if i < 0 || i >= len(lf.toks) {
		return ltok{num: -1}
	}
	return lf.toks[i]
}

// mk returns a Timex over tokens [i, j) and the number of tokens it takes.
func (lf *localFinder) mk(i, j int, t Timex) (Timex, int) {
	end := lf.toks[j-1].end
	if j-1 > i && lf.toks[j-1].digits == 0 && lf.dotted(j-1) && (lf.res.yearWords[lf.toks[j-1].w] && utf8.RuneCountInString(lf.toks[j-1].w) <= 2 || lf.res.monthAbbrevs[lf.toks[j-1].w] > 0 && lf.res.months[lf.toks[j-1].w] == 0) {
		end++ // "2025 г.", "3 дек."
	}
	t.Start, t.End = lf.toks[i].start, end
	t.Text = lf.text[t.Start:t.End]
	return t, j - i
}

// tense returns the tense of the sentence around [start, end): future when
// it holds one of the language's future words, else none (which leans to
// the past, as for English).
func (lf *localFinder) tense(start, end int) tense {
	lo, hi := sentenceBounds(lf.text, start, end)
	for _, t := range lf.toks {
		if t.start >= lo && t.end <= hi && lf.res.future[t.w] && (t.start < start || t.start >= end) {
			return tenseFuture
		}
	}
	return tenseNone
}

// month returns the month token i names and whether it is an abbreviation.
func (lf *localFinder) month(i int) (time.Month, bool, bool) {
	t := lf.tok(i)
	if m, ok := lf.res.months[t.w]; ok {
		return time.Month(m), false, true
	}
	if m, ok := lf.res.monthAbbrevs[t.w]; ok && lf.dotted(i) {
		return time.Month(m), true, true
	}
	return 0, false, false
}

// year reads token i as a year number (1000–2999).
func (lf *localFinder) year(i int) (int, bool) {
	t := lf.tok(i)
	if t.digits == 4 && t.num >= 1000 && t.num < 3000 {
		// Not part of a larger number ("2025,5", "1.000").
		if t.end < len(lf.text)-1 && (lf.text[t.end] == ',' || lf.text[t.end] == '.') && lf.text[t.end+1] >= '0' && lf.text[t.end+1] <= '9' {
			return 0, false
		}
		return t.num, true
	}
	return 0, false
}

// withYear extends a match ending at token j-1 over a year ("2025") and
// its year word ("года", "р."), returning the new end and the year.
func (lf *localFinder) withYear(j int) (int, int) {
	if !(lf.spaced(j-1) || lf.afterDot(j-1) || (j < len(lf.toks) && lf.gap(j-1) == ", ")) {
		return j, 0
	}
	y, ok := lf.year(j)
	if !ok {
		return j, 0
	}
	j++
	if lf.spaced(j-1) && lf.res.yearWords[lf.tok(j).w] {
		j++
	}
	return j, y
}

// count reads token i as a count of units: digits or a number word; vague
// counts give -1.
func (lf *localFinder) count(i int) (int, bool) {
	t := lf.tok(i)
	if t.digits > 0 && t.digits <= 3 {
		return t.num, true
	}
	n, ok := lf.res.numbers[t.w]
	return n, ok
}

// at tries the patterns at token i; n is 0 when none matches.
func (lf *localFinder) at(i int) (Timex, int) {
	res := lf.res
	t := lf.toks[i]

	// 02.12.2025
	if t.digits >= 1 && t.digits <= 2 && i+2 < len(lf.toks) && lf.gap(i) == "." && lf.gap(i+1) == "." {
		mt, yt := lf.toks[i+1], lf.toks[i+2]
		if mt.digits >= 1 && mt.digits <= 2 && yt.digits == 4 && validDay(yt.num, time.Month(mt.num), t.num) && mt.num >= 1 && mt.num <= 12 {
			j := i + 3
			if lf.spaced(j-1) && res.yearWords[lf.tok(j).w] {
				j++
			}
			return lf.mk(i, j, Timex{Type: "DATE", Value: fmtDay(date(yt.num, time.Month(mt.num), t.num)), Resolved: true})
		}
	}

	// 2 декабря [2025 [года]], 2. Dezember, 3 дек.
	if x, n := lf.dayMonth(i); n > 0 {
		return x, n
	}

	// вечером 2 декабря: a part of the day before a date.
	if part := res.dayParts[t.w]; part != "" && lf.spaced(i) {
		if x, n := lf.dayMonth(i + 1); n > 0 && x.Resolved && len(x.Value) == 10 {
			x.Type, x.Value = "TIME", x.Value+"T"+part
			x.Start, x.Text = t.start, lf.text[t.start:x.End]
			return x, n + 1
		}
	}

	// во вторник, 2 декабря; Dienstag, den 2. Dezember: the weekday
	// joins the date and, when the year is not written, chooses it.
	if wd, _, ok := lf.weekday(i); ok && i+1 < len(lf.toks) && strings.TrimSpace(lf.gap(i)) == "," {
		k := i + 1
		if (lf.tok(k).w == "den" || lf.tok(k).w == "dem") && lf.spaced(k) {
			k++
		}
		if x, n := lf.dayMonth(k); n > 0 && x.Resolved && len(x.Value) == 10 {
			if d, err := time.Parse("2006-01-02", x.Value); err == nil && d.Weekday() != wd && !lf.yearWritten(k, n) {
				for _, dy := range []int{-1, 1} {
					if o := d.AddDate(dy, 0, 0); o.Weekday() == wd && o.Day() == d.Day() {
						x.Value = fmtDay(o)
						break
					}
				}
			}
			x.Start, x.Text = t.start, lf.text[t.start:x.End]
			return x, n + k - i
		}
	}

	// три дня назад, vor zwei Wochen, неделю назад
	if res.agoBefore[t.w] && lf.spaced(i) {
		if n, ok := lf.count(i + 1); ok && lf.spaced(i+1) {
			if u := res.units[lf.tok(i+2).w]; u != "" {
				return lf.mk(i, i+3, lf.agoValue(n, u))
			}
		}
	}
	if n, ok := lf.count(i); ok && lf.spaced(i) && lf.spaced(i+1) {
		if u := res.units[lf.tok(i+1).w]; u != "" && res.agoAfter[lf.tok(i+2).w] {
			return lf.mk(i, i+3, lf.agoValue(n, u))
		}
	}
	if u := res.units[t.w]; u != "" && !res.pluralUnits[t.w] && lf.spaced(i) && res.agoAfter[lf.tok(i+1).w] {
		return lf.mk(i, i+2, lf.agoValue(1, u))
	}

	// на прошлой неделе, vergangenen Dienstag
	if k, ok := res.shifts[t.w]; ok && lf.spaced(i) {
		next := lf.tok(i + 1)
		if u := res.units[next.w]; u != "" && !res.pluralUnits[next.w] && u != "TH" {
			return lf.mk(i, i+2, lf.shiftValue(u, k))
		}
		if wd, part, ok := lf.weekday(i + 1); ok {
			j := i + 2
			if part == "" && lf.spaced(i+1) {
				if p := res.dayParts[lf.tok(j).w]; p != "" {
					part = p
					j++
				}
			}
			rel := [...]string{"last", "this", "next"}[k+1]
			return lf.mk(i, j, lf.weekdayValue(wd, rel, part, t.start, lf.toks[j-1].end))
		}
	}

	// вчера [вечером], heute Morgen
	// A capitalized day word that also names a part of the day is the
	// part of the day: German "Morgen" is the morning, "morgen" tomorrow.
	if d, ok := res.days[t.w]; ok && !(t.upper && res.dayParts[t.w] != "" && i > 0) {
		j := i + 1
		part := ""
		if lf.spaced(i) {
			if p := res.dayParts[lf.tok(j).w]; p != "" {
				part = p
				j++
			}
		}
		if next := lf.tok(i + 1); res.eve[t.w] && part == "" && lf.spaced(i) && next.digits == 0 && !next.upper {
			return Timex{}, 0 // "накануне выборов": on the eve of
		}
		return lf.mk(i, j, lf.dayRelValue(d, part))
	}

	// в четверг [вечером], Dienstagabend
	if wd, part, ok := lf.weekday(i); ok {
		j := i + 1
		if part == "" && lf.spaced(i) {
			if p := res.dayParts[lf.tok(j).w]; p != "" {
				part = p
				j++
			}
		}
		return lf.mk(i, j, lf.weekdayValue(wd, "", part, t.start, lf.toks[j-1].end))
	}

	// в декабре, im August 2025
	if mon, abbr, ok := lf.month(i); ok {
		j, y := lf.withYear(i + 1)
		if y > 0 {
			return lf.mk(i, j, Timex{Type: "DATE", Value: fmt7(y, mon), Resolved: true})
		}
		cue := i > 0 && res.monthCues[lf.tok(i-1).w] && lf.spaced(i-1)
		// A month alone needs a cue: Ukrainian "лютий" is also "fierce",
		// "листопад" leaf fall, German "August" a first name.
		if !abbr && cue {
			if !lf.has {
				return lf.mk(i, i+1, Timex{Type: "DATE", Value: "XXXX-" + twoDigits(int(mon)), Resolved: false})
			}
			y := lf.pickYear(mon, 0, lf.tense(t.start, t.end))
			return lf.mk(i, i+1, Timex{Type: "DATE", Value: fmt7(y, mon), Resolved: true})
		}
	}

	// 2025 года, seit 2014
	if y, ok := lf.year(i); ok {
		if lf.spaced(i) && res.yearWords[lf.tok(i+1).w] {
			return lf.mk(i, i+2, Timex{Type: "DATE", Value: fmtYear(y), Resolved: true})
		}
		if i > 0 && lf.spaced(i-1) && res.yearCues[lf.tok(i-1).w] {
			return lf.mk(i, i+1, Timex{Type: "DATE", Value: fmtYear(y), Resolved: true})
		}
	}

	// пять часов, zwei Wochen
	if n, ok := lf.count(i); ok && n > 0 && lf.spaced(i) {
		if u := res.units[lf.tok(i+1).w]; u != "" && u != "WE" {
			return lf.mk(i, i+2, Timex{Type: "DURATION", Value: durationValue(float64(n), u), Resolved: true})
		}
	}
	return Timex{}, 0
}

// dayMonth matches a day and a month at token i, with an optional year
// and year word: "2 декабря 2025 года", "2. Dezember", "3 дек.".
func (lf *localFinder) dayMonth(i int) (Timex, int) {
	t := lf.tok(i)
	if t.digits < 1 || t.digits > 2 || t.num < 1 || t.num > 31 {
		return Timex{}, 0
	}
	k := i + 1
	switch {
	case lf.spaced(i) || lf.afterDot(i):
	case i+1 < len(lf.toks) && lf.gap(i) == "-" && lf.res.ordinalEndings[lf.tok(i+1).w] && lf.spaced(i+1):
		k = i + 2 // "2-го декабря"
	default:
		return Timex{}, 0
	}
	if mon, _, ok := lf.month(k); ok {
		j, y := lf.withYear(k + 1)
		return lf.mk(i, j, lf.dayValue(y, mon, t.num, t.start, lf.toks[j-1].end))
	}
	return Timex{}, 0
}

// yearWritten reports whether the n tokens from i hold a year number.
func (lf *localFinder) yearWritten(i, n int) bool {
	for k := i; k < i+n; k++ {
		if _, ok := lf.year(k); ok {
			return true
		}
	}
	return false
}

// weekday reads token i as a weekday, alone or joined with a part of the
// day ("dienstagabend").
func (lf *localFinder) weekday(i int) (time.Weekday, string, bool) {
	w := lf.tok(i).w
	if wd, ok := lf.res.weekdays[w]; ok {
		return time.Weekday(wd), "", true
	}
	for name, wd := range lf.res.weekdays {
		if strings.HasPrefix(w, name) {
			if p := lf.res.dayParts[w[len(name):]]; p != "" {
				return time.Weekday(wd), p, true
			}
		}
	}
	return 0, "", false
}

func (lf *localFinder) dayValue(y int, mon time.Month, d, start, end int) Timex {
	if y > 0 {
		if !validDay(y, mon, d) {
			return Timex{Type: "DATE", Value: fmt7(y, mon), Note: "no such day: " + strconv.Itoa(d) + " " + mon.String()}
		}
		return Timex{Type: "DATE", Value: fmtDay(date(y, mon, d)), Resolved: true}
	}
	if !validDay(0, mon, d) {
		return Timex{Type: "DATE", Value: "XXXX-" + twoDigits(int(mon)), Note: "no such day: " + strconv.Itoa(d) + " " + mon.String()}
	}
	if !lf.has {
		return Timex{Type: "DATE", Value: "XXXX-" + twoDigits(int(mon)) + "-" + twoDigits(d)}
	}
	y = lf.pickYear(mon, d, lf.tense(start, end))
	if !validDay(y, mon, d) {
		return Timex{Type: "DATE", Value: fmt7(y, mon), Note: "no such day: " + strconv.Itoa(d) + " " + mon.String() + " " + strconv.Itoa(y)}
	}
	return Timex{Type: "DATE", Value: fmtDay(date(y, mon, d)), Resolved: true}
}

func (lf *localFinder) agoValue(n int, unit string) Timex {
	if n < 0 {
		return Timex{Type: "DATE", Value: "PAST_REF", Resolved: true}
	}
	if !lf.has {
		return Timex{Type: "DATE", Value: "XXXX"}
	}
	if v, ok := shifted(lf.anchor, unit, -n); ok {
		return Timex{Type: "DATE", Value: v, Resolved: true}
	}
	return Timex{Type: "TIME", Value: fmtDay(lf.anchor), Resolved: true} // hours ago: that day
}

func (lf *localFinder) shiftValue(unit string, k int) Timex {
	if !lf.has {
		return Timex{Type: "DATE", Value: "XXXX"}
	}
	if unit == "WE" {
		return Timex{Type: "DATE", Value: fmtWeek(lf.anchor.AddDate(0, 0, 7*k)) + "-WE", Resolved: true}
	}
	v, _ := shifted(lf.anchor, unit, k)
	return Timex{Type: "DATE", Value: v, Resolved: true}
}

func (lf *localFinder) dayRelValue(d int, part string) Timex {
	if !lf.has {
		if part != "" {
			return Timex{Type: "TIME", Value: "XXXX-XX-XXT" + part}
		}
		return Timex{Type: "DATE", Value: "XXXX-XX-XX"}
	}
	v := fmtDay(lf.anchor.AddDate(0, 0, d))
	if part != "" {
		return Timex{Type: "TIME", Value: v + "T" + part, Resolved: true}
	}
	return Timex{Type: "DATE", Value: v, Resolved: true}
}

func (lf *localFinder) weekdayValue(wd time.Weekday, rel, part string, start, end int) Timex {
	if !lf.has {
		v := "XXXX-WXX-" + strconv.Itoa(isoDay(wd))
		if part != "" {
			return Timex{Type: "TIME", Value: v + "T" + part}
		}
		return Timex{Type: "DATE", Value: v}
	}
	v := fmtDay(lf.weekdayDate(wd, rel, lf.tense(start, end)))
	if part != "" {
		return Timex{Type: "TIME", Value: v + "T" + part, Resolved: true}
	}
	return Timex{Type: "DATE", Value: v, Resolved: true}
}

var isoDate = regexp.MustCompile(`\b((?:19|20)\d\d)-([01]\d)-([0-3]\d)\b`)

// findISO finds the numeric ISO dates of a text in a language without
// resources.
func findISO(text string) []Timex {
	var out []Timex
	for _, loc := range isoDate.FindAllStringSubmatchIndex(text, -1) {
		y, m, d := atoi(text[loc[2]:loc[3]]), atoi(text[loc[4]:loc[5]]), atoi(text[loc[6]:loc[7]])
		if m < 1 || m > 12 || !validDay(y, time.Month(m), d) {
			continue
		}
		out = append(out, Timex{Text: text[loc[0]:loc[1]], Start: loc[0], End: loc[1], Type: "DATE",
			Value: fmtDay(date(y, time.Month(m), d)), Resolved: true})
	}
	return out
}
