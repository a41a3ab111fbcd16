package timeline

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// subordinators open a clause inside a sentence wherever they stand;
// commaOpeners open one after a comma (", with the last call taking
// place on June 14", ", who said on Monday").
var (
	subordinators = map[string]bool{
		"after": true, "before": true, "since": true, "until": true, "when": true,
		"while": true, "because": true, "although": true, "though": true,
		"whereas": true, "once": true,
	}
	commaOpeners = map[string]bool{"with": true, "as": true, "which": true, "who": true, "where": true}
)

// subClause returns the subordinate clause that holds the date [from, to)
// of sentence s, as byte offsets into s: from the subordinator before the
// date (exclusive) to the next comma, semicolon or dash after it, or the
// end of the sentence. ok is false when the date is in the main clause,
// when the clause reports no event of its own, or when the rest of the
// sentence reports none (then both parts tell one event, as in "was
// welcomed in Alaska as the two met on Aug. 15"). Only English sentences
// are split.
//
// A relative date belongs to its clause: in "Welker asked Vance ... after
// Rubio said last week that ...", "last week" dates Rubio's remark, not
// the question.
//
// With reported true (the sentence holds another date), the report after
// a speech verb ("said on Wednesday that the talks were held on Tuesday")
// is a clause too: the saying and the reported event are two events.
func subClause(s string, from, to int, reported bool, cl clauseWords) (lo, hi int, ok bool) {
	toks := words(s)
	lo = -1
	spoken := false // a speech verb came before
	for i, t := range toks {
		if t.start >= from {
			break
		}
		spoken = spoken || cl.speech[t.w]
		if reported && cl.report[t.w] && spoken {
			lo = t.start + len(t.w)
			continue
		}
		if cl.subordinators[t.w] && i > 0 {
			lo = t.start + len(t.w)
			continue
		}
		if cl.commaOpeners[t.w] && i > 0 && strings.HasSuffix(strings.TrimRight(s[:t.start], " "), ",") {
			lo = t.start + len(t.w)
		}
		// A comma, semicolon or dash between the subordinator and the date
		// closes the clause: the date lies in what follows it.
		if lo >= 0 && strings.ContainsAny(s[lo:min(from, t.start+len(t.w)+2)], ",;—") && t.start > lo {
			lo = -1
		}
	}
	if lo < 0 {
		return 0, 0, false
	}
	hi = len(s)
	if k := strings.IndexAny(s[to:], ",;—"); k >= 0 {
		hi = to + k
	}
	clause := wordsOutside(s[lo:hi], from-lo, to-lo)
	rest := append(words(s[:lo]), words(s[hi:])...)
	if !cl.eventness(clause).event || !cl.eventness(rest).event {
		return 0, 0, false
	}
	return lo, hi, true
}

// clauseWords are what subClause needs of a language: words that open a
// subordinate clause anywhere, after a comma, or (after a speech verb, in
// a sentence with two dates) a report; the speech verbs; the event test.
type clauseWords struct {
	subordinators, commaOpeners, report, speech map[string]bool
	eventness                                   func([]token) verbs
}

var englishClauses = clauseWords{subordinators: subordinators, commaOpeners: commaOpeners,
	report: map[string]bool{"that": true}, speech: speechVerbs, eventness: eventness}

// clausesOf returns the clause words of a language; ok is false for a
// language with none.
func clausesOf(code string) (clauseWords, bool) {
	if isEnglish(code) {
		return englishClauses, true
	}
	el, ok := eventLangs[code]
	if !ok || el.subordinators == nil {
		return clauseWords{}, false
	}
	return clauseWords{subordinators: el.subordinators, commaOpeners: el.commaOpeners, report: el.report,
		speech: el.speech, eventness: func(toks []token) verbs { return eventnessIn(toks, code) }}, true
}

// durationSignal matches a duration's signal word right after it: "a day
// after", "two weeks before".
var durationSignal = regexp.MustCompile(`^\s+(after|before)\s`)

// derivedDate dates the clause a duration points to from the date of the
// main clause before it: "The remarks come a day after Trump and Zelensky
// met" in a report of Sept. 24 dates the meeting Sept. 23. The main
// clause's date is the last day-precision date between the start of the
// sentence (from) and the duration; without one, the publication day when
// the main clause is in the present ("the remarks come"), since a report's
// present is its day. ok is false for anything else than a count of days
// or weeks followed by "after" or "before", or a main clause in the past
// with no date of its own.
func derivedDate(d *Doc, i, from int) (news.Timex, int, bool) {
	tx := d.Timexes[i]
	text := d.Article.Text
	if tx.Type != "DURATION" || tx.End > len(text) || from > tx.Start {
		return news.Timex{}, 0, false
	}
	m := durationSignal.FindStringSubmatchIndex(text[tx.End:])
	if m == nil {
		return news.Timex{}, 0, false
	}
	v := tx.Value
	if len(v) < 3 || v[0] != 'P' || (v[len(v)-1] != 'D' && v[len(v)-1] != 'W') {
		return news.Timex{}, 0, false
	}
	n, err := strconv.Atoi(v[1 : len(v)-1])
	if err != nil || n <= 0 || n > 60 {
		return news.Timex{}, 0, false
	}
	if v[len(v)-1] == 'W' {
		n *= 7
	}
	ref := time.Time{}
	for j := i - 1; j >= 0; j-- {
		o := d.Timexes[j]
		if o.End > tx.Start {
			continue
		}
		if o.Start < from {
			break
		}
		if p, ok := parsePeriod(dayOfTime(o)); ok && o.Resolved && p.prec == day {
			ref = p.start
			break
		}
	}
	if ref.IsZero() {
		pub := d.Article.Published
		if pub.IsZero() || pastTense(words(text[from:tx.Start])) {
			return news.Timex{}, 0, false
		}
		ref = time.Date(pub.Year(), pub.Month(), pub.Day(), 0, 0, 0, 0, time.UTC)
	}
	// The clause after "after" happened n days before the reference.
	if text[tx.End+m[2]:tx.End+m[3]] == "after" {
		n = -n
	}
	out := tx
	out.Type = "DATE"
	out.End = tx.End + m[3]
	out.Text = text[tx.Start:out.End]
	out.Value = ref.AddDate(0, 0, n).Format("2006-01-02")
	return out, tx.End + m[1], true
}

// pastTense reports whether English words hold a verb in the past.
func pastTense(toks []token) bool {
	for _, t := range toks {
		if irregularPast[t.w] != "" || !t.cap && len(t.w) >= 5 && strings.HasSuffix(t.w, "ed") && !notVerb[t.w] {
			return true
		}
	}
	return false
}
