// Package when finds time expressions in English news text and normalizes
// them to TimeML values against the article's date: "Sept. 24" becomes
// 2025-09-24, "last week" 2025-W48, "three and a half years" P3Y6M.
//
// The rules follow HeidelTime and SUTime in spirit: patterns for the
// surface forms (months, weekdays, numbers as words, quarters, seasons,
// fiscal years, durations, vague references) and normalization functions
// that anchor relative expressions on the document date, lean weekday and
// month names to the past unless the sentence speaks of the future, and
// resolve anaphoric expressions ("the quarter", "a year earlier") against
// the last date mentioned.
//
// FindLang dispatches on the article's language: Russian, Ukrainian and
// German get their own patterns over the words of internal/lang/{ru,uk,de}
// (local.go), other languages only ISO dates; English rules never run on
// them.
package when

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// Timex is news.Timex: the domain type, so time expressions pass to the store unchanged
type Timex = news.Timex

// maxSpan bounds the length of an expression in bytes; no rule can match
// more, whatever the input.
const maxSpan = 100

// Find returns the time expressions of text in order of position, each
// normalized against anchor, the article's date. With a zero anchor,
// relative expressions ("yesterday", "on Tuesday", "Sept. 24") are left
// unresolved with X placeholders. Find never fails: input it cannot make
// sense of yields fewer expressions, and expressions that name impossible
// dates are returned unresolved with a Note. Find is safe for concurrent
// use.
func Find(text string, anchor time.Time) []Timex {
	return find(text, anchor, false)
}

// find is Find; everywhere runs every rule at every word start, ignoring
// trigger words (tests check that the triggers lose nothing).
func find(text string, anchor time.Time, everywhere bool) []Timex {
	f := newFinder(text, anchor)
	cands := f.candidates(everywhere)
	chosen := choose(cands, len(text))
	out := make([]Timex, 0, len(chosen))
	kept := make([]*match, 0, len(chosen))
	for _, m := range chosen {
		t, ok := m.rule.norm(f, m)
		if !ok {
			continue
		}
		t.Text, t.Start, t.End = text[m.start:m.end], m.start, m.end
		if t.Type == "" {
			t.Type = m.rule.typ
		}
		if !t.Resolved && t.Note == "" {
			t.Note = "no anchor date"
		}
		if !m.rule.noRef {
			f.remember(t)
		}
		out = append(out, t)
		kept = append(kept, m)
	}
	return joinStamps(text, out, kept)
}

// joinStamps joins a full date and a clock time that stand side by side
// into one time stamp: "Feb 4, 2018 at 9:50pm PST", "11:03 AM ET Fri, 29
// Dec 2017" (a web page's dateline) is one TIME on that day. Only dates
// with a year join, so that "Tuesday at 3 p.m." stays as TimeBank marks
// it.
func joinStamps(text string, out []Timex, ms []*match) []Timex {
	res := out[:0] // in place: a joined pair shrinks the list
	for i := 0; i < len(out); i++ {
		if i+1 < len(out) {
			a, b := out[i], out[i+1]
			var d, c Timex
			var cm *match
			switch {
			case fullDate[ms[i].rule.name] && ms[i+1].rule.name == "clock":
				d, c, cm = a, b, ms[i+1]
			case ms[i].rule.name == "clock" && fullDate[ms[i+1].rule.name]:
				d, c, cm = b, a, ms[i]
			}
			if cm != nil && d.Resolved && c.Resolved && len(d.Value) == 10 && len(c.Value) > 11 && c.Value[10] == 'T' && isDigit(c.Value[11]) &&
				cm.g("rel") == "" && cm.g("wd") == "" && cm.g("mon") == "" && stampGap(text[a.End:b.Start]) {
				res = append(res, Timex{Text: text[a.Start:b.End], Start: a.Start, End: b.End, Type: "TIME", Value: d.Value + c.Value[10:], Resolved: true})
				i++
				continue
			}
		}
		res = append(res, out[i])
	}
	return res
}

var fullDate = map[string]bool{"date-mdy": true, "date-dmy": true, "date-iso": true, "date-us": true}

// stampGap reports whether gap, the text between a date and a clock time,
// joins them: spaces, a comma, "at" or "on", a short weekday ("Fri,").
func stampGap(gap string) bool {
	g := strings.ToLower(strings.TrimSpace(gap))
	g = strings.TrimSpace(strings.TrimPrefix(g, ","))
	for _, w := range []string{"at", "on"} {
		if g == w {
			return true
		}
	}
	if g == "" {
		return gap != ""
	}
	g = strings.TrimSuffix(strings.TrimSuffix(g, ","), ".")
	for _, w := range []string{"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"} {
		if g == w {
			return true
		}
	}
	_, isDay := weekdayNames[g]
	return isDay
}

// choose keeps the longest candidates that do not overlap, earlier rules
// winning ties, and returns them in text order.
func choose(cands []*match, n int) []*match {
	sort.SliceStable(cands, func(i, j int) bool {
		li, lj := cands[i].end-cands[i].start, cands[j].end-cands[j].start
		if li != lj {
			return li > lj
		}
		if cands[i].rule.prio != cands[j].rule.prio {
			return cands[i].rule.prio < cands[j].rule.prio
		}
		return cands[i].start < cands[j].start
	})
	used := make([]bool, n) // bytes covered by a kept candidate
	var kept []*match
	for _, c := range cands {
		free := true
		for i := c.start; i < c.end; i++ {
			if used[i] {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		for i := c.start; i < c.end; i++ {
			used[i] = true
		}
		kept = append(kept, c)
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	return kept
}

// finder holds the state of one Find call: the text, the anchor and the
// expressions resolved so far (for anaphora such as "the quarter").
type finder struct {
	text   string
	lower  string
	anchor time.Time
	has    bool
	refs   []refValue
}

type refValue struct {
	value string
	end   int
}

func newFinder(text string, anchor time.Time) *finder {
	f := &finder{text: text, lower: lang.ASCIILower(text), anchor: anchor, has: !anchor.IsZero()}
	if f.has {
		y, m, d := anchor.Date()
		f.anchor = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	return f
}

func (f *finder) candidates(everywhere bool) []*match {
	var out []*match
	starts := wordStarts(f.lower)
	hits := triggerHits(f.lower)
	var buf []int // the starts of one rule, reused by the next
	for i, r := range rules {
		if r.numberBefore && !everywhere {
			hits[i] = withNumberBefore(f.lower, hits[i])
		}
		var from []int
		if r.always || everywhere {
			from = starts
		} else {
			buf = startsBefore(buf[:0], starts, hits[i])
			from = buf
		}
		h := hits[i]
		if everywhere {
			h = nil
		}
		out = f.matchFrom(out, r, from, h)
	}
	return out
}

// wordStarts returns the offsets where a word (or a "'80s"-style
// abbreviation) begins.
func wordStarts(lower string) []int {
	out := make([]int, 0, len(lower)/5+1) // news text averages a word in six bytes
	for i := 0; i < len(lower); i++ {
		c := lower[i]
		if (isAlnum(c) || c == '\'') && (i == 0 || !isAlnum(lower[i-1])) {
			out = append(out, i)
		}
	}
	return out
}

// startsBefore appends to out the word starts that may begin a match
// containing one of hits: those at most maxSpan bytes before a hit's start.
func startsBefore(out, starts []int, hits []span) []int {
	j := 0
	last := -1
	for _, h := range hits {
		lo := h.start - maxSpan
		for j < len(starts) && starts[j] < lo {
			j++
		}
		for k := j; k < len(starts) && starts[k] <= h.start; k++ {
			if starts[k] > last {
				out = append(out, starts[k])
				last = starts[k]
			}
		}
	}
	return out
}

// matchFrom tries rule r at each start offset in order, as a leftmost
// scan would: a match must be short, sit on word boundaries, contain one of
// hits (when r has triggers) and pass r.accept; the scan resumes after it.
func (f *finder) matchFrom(out []*match, r *rule, from []int, hits []span) []*match {
	next := 0
	for _, p := range from {
		if p < next || !r.first[f.lower[p]] {
			continue
		}
		if r.prefix != nil && p+r.prefix.k <= len(f.lower) && !r.prefix.has(f.lower[p:]) {
			continue
		}
		end := min(len(f.lower), p+maxSpan+1)
		if r.pre != nil && !r.pre.mayMatch(f.lower[p:end]) {
			continue
		}
		loc := r.re.FindStringSubmatchIndex(f.lower[p:end])
		if loc == nil || loc[1] == 0 {
			continue
		}
		for k := range loc {
			if loc[k] >= 0 {
				loc[k] += p
			}
		}
		start, stop := loc[0], loc[1]
		if stop-start > maxSpan || !wordBoundary(f.text, start, stop) {
			continue
		}
		if !r.always && hits != nil && !containsHit(hits, start, stop) {
			continue
		}
		m := &match{rule: r, start: start, end: stop, idx: loc, f: f}
		if r.accept != nil && !r.accept(f, m) {
			continue
		}
		out = append(out, m)
		next = stop
	}
	return out
}

// wordBoundary reports whether text[start:end] neither starts nor ends in
// the middle of a word. Non-ASCII letters are word characters, non-ASCII
// punctuation is not: "Sunday’s incident", "“Now I know”".
func wordBoundary(text string, start, end int) bool {
	if start > 0 && isWordByte(text[start]) && wordRuneBefore(text, start) {
		return false
	}
	if end < len(text) && isWordByte(text[end-1]) && wordRuneAt(text, end) {
		return false
	}
	return true
}

// wordRuneAt reports whether the character at text[i] is a letter or a
// digit.
func wordRuneAt(text string, i int) bool {
	if c := text[i]; c < utf8.RuneSelf {
		return isWordByte(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r == utf8.RuneError || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordRuneBefore reports whether the character ending at text[i] is a
// letter or a digit.
func wordRuneBefore(text string, i int) bool {
	if c := text[i-1]; c < utf8.RuneSelf {
		return isWordByte(c)
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r == utf8.RuneError || unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// remember records a resolved date-like value as the reference for later
// anaphoric expressions.
func (f *finder) remember(t Timex) {
	if !t.Resolved || (t.Type != "DATE" && t.Type != "TIME") {
		return
	}
	v := t.Value
	if len(v) < 4 || v[0] < '0' || v[0] > '9' {
		return
	}
	f.refs = append(f.refs, refValue{value: v, end: t.End})
}

// lastRef returns the latest remembered value ending before pos and within
// maxDist bytes of it that satisfies keep.
func (f *finder) lastRef(pos, maxDist int, keep func(string) bool) (string, bool) {
	for i := len(f.refs) - 1; i >= 0; i-- {
		r := f.refs[i]
		if r.end > pos {
			continue
		}
		if pos-r.end > maxDist {
			return "", false
		}
		if keep == nil || keep(r.value) {
			return r.value, true
		}
	}
	return "", false
}
