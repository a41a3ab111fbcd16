package when

import "strings"

// Tense of the sentence around an expression, read from its verbs.
type tense int

const (
	tenseNone tense = iota
	tensePast
	tenseFuture
	tensePastPerfect // only from verbTense
)

// maxSentence bounds how far sentenceBounds looks on either side: text
// without sentence punctuation still gets a bounded window.
const maxSentence = 250

// sentenceBounds returns the sentence around text[start:end]: from after
// the previous sentence end (., !, ? followed by a space and not ending an
// abbreviation, or a line break) to the next one.
func sentenceBounds(text string, start, end int) (int, int) {
	lo := start
	for lo > 0 && start-lo < maxSentence {
		c := text[lo-1]
		if c == '\n' {
			break
		}
		if (c == '.' || c == '!' || c == '?') && lo < len(text) && (text[lo] == ' ' || text[lo] == '\n') && !abbrevBefore(text, lo-1) {
			break
		}
		lo--
	}
	hi := end
	for hi < len(text) && hi-end < maxSentence {
		c := text[hi]
		if c == '\n' {
			break
		}
		if (c == '!' || c == '?' || c == '.') && (hi+1 >= len(text) || text[hi+1] == ' ' || text[hi+1] == '\n') && !abbrevBefore(text, hi) {
			break
		}
		hi++
	}
	return lo, hi
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jan": true,
	"feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "gen": true,
	"sen": true, "rep": true, "gov": true, "lt": true, "col": true, "inc": true,
	"corp": true, "co": true, "ltd": true, "jr": true, "sr": true, "no": true,
	"vs": true, "mt": true, "ft": true, "u.s": true, "u.n": true, "u.k": true,
	"a.m": true, "p.m": true, "e.u": true, "calif": true, "mass": true,
}

// abbrevBefore reports whether the period at text[dot] ends an
// abbreviation or an initial rather than a sentence.
func abbrevBefore(text string, dot int) bool {
	if text[dot] != '.' {
		return false
	}
	i := dot
	for i > 0 && (isWordByte(text[i-1]) || text[i-1] == '.') && dot-i < 12 {
		i--
	}
	w := strings.ToLower(text[i:dot])
	if len(w) == 1 {
		return true // an initial
	}
	return abbreviations[w]
}

var futureWords = map[string]bool{
	"will": true, "shall": true, "won't": true, "'ll": true, "wo": true,
	"plans": true, "plan": true, "planning": true,
	"expected": true, "expects": true, "expect": true, "scheduled": true,
	"slated": true, "upcoming": true, "next": true, "tomorrow": true,
	"intends": true, "hopes": true, "would": true, "could": true,
	"coming": true, "may": true, "might": true,
	// The present of a schedule: "the president leaves Thursday",
	// "talks resume Monday", "the vote opens Sunday".
	"leaves": true, "arrives": true, "begins": true, "starts": true, "opens": true,
	"resumes": true, "resume": true, "travels": true, "heads": true,
	"convenes": true, "reconvenes": true, "kicks": true, "expires": true,
	"takes": true, "plays": true, "hosts": true, "faces": true, "due": true,
	"remains": true,
}

var pastWords = map[string]bool{
	"said": true, "was": true, "were": true, "had": true, "did": true,
	"ago": true, "yesterday": true, "told": true, "rose": true, "fell": true,
	"came": true, "went": true, "made": true, "took": true, "gave": true,
	"met": true, "saw": true, "got": true, "began": true, "became": true,
	"left": true, "held": true, "sold": true, "bought": true, "paid": true,
	"won": true, "lost": true, "struck": true, "spoke": true, "wrote": true,
	"ran": true, "led": true, "hit": false, "found": true, "brought": true,
	"thought": true, "felt": true, "kept": true, "sent": true, "spent": true,
	"built": true, "chose": true, "drew": true, "fled": true, "flew": true,
	"grew": true, "knew": true, "meant": true, "quit": false, "rang": true,
	"sought": true, "stood": true, "swore": true, "taught": true, "threw": true,
	"tore": true, "understood": true, "wore": true, "last": true, "earlier": true,
	"has": true, "have": true, "been": true,
}

// notPast are -ed words that do not mark the past (or mark plans).
var notPast = map[string]bool{
	"expected": true, "scheduled": true, "planned": true, "slated": true,
	"proposed": true, "intended": true, "anticipated": true, "indeed": true,
	"need": true, "speed": true, "feed": true, "seed": true, "proceed": true,
	"succeed": true, "exceed": true, "based": true, "red": true, "bed": true,
	"united": true, "limited": true, "related": true, "used": true,
	"concerned": true, "interested": true, "supposed": true, "detailed": true,
	"listed": true, "owned": true, "controlled": true, "advanced": true,
	"embattled": true, "combined": true, "diversified": true, "unidentified": true,
	"named": true, "designed": true, "allied": true,
}

// tenseAt returns the tense that places text[start:end]: future after a
// deadline preposition ("by February", "until Nov. 16", "ahead of the
// weekend") unless the verb is in the past perfect, else the tense of the
// verb nearest to it in its sentence (see verbTense).
func (f *finder) tenseAt(start, end int) tense {
	if before := strings.TrimRight(f.lower[max(0, start-20):start], " "); strings.HasSuffix(before, "ahead of") || strings.HasSuffix(before, "in advance of") || strings.HasSuffix(before, "in time for") {
		return tenseFuture
	}
	t := f.verbTense(start, end)
	possessive := strings.HasPrefix(f.lower[end:], "'s") || strings.HasPrefix(f.lower[end:], "’s")
	if p := prevWord(f.lower, start); futurePrepositions[p] && t != tensePastPerfect && !possessive && !(p == "by" && f.pastVerbBefore(start)) {
		// "repay the loan by February", "extended until Nov. 16"; not
		// "hit by Friday's selloff", nor "24 inches fell by Tuesday
		// night" (a verb in the past right before "by").
		return tenseFuture
	}
	if t == tensePastPerfect {
		return tensePast
	}
	return t
}

// pastVerbBefore reports whether the word before the preposition that
// precedes text[start:] is a verb in the past: "fell by Tuesday", not
// "be repaid by Friday".
func (f *finder) pastVerbBefore(start int) bool {
	_, _, pstart := lastWordAt(f.lower, start)
	w, _, wstart := lastWordAt(f.lower, pstart)
	if w == "" {
		return false
	}
	prev, _, _ := lastWordAt(f.lower, wstart)
	return classifyPair(prev, w, "by") == tensePast
}

// lastWordAt returns the word of letters that ends at or before end
// (skipping spaces only), its end and its start.
func lastWordAt(lower string, end int) (string, int, int) {
	j := end
	for j > 0 && lower[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 && isLetterByte(lower[k-1]) {
		k--
	}
	return lower[k:j], j, k
}

// verbTense returns the tense of the verb nearest to text[start:end]
// within its sentence, looking first before the expression (where the
// governing verb of a news sentence usually stands), then after it: future
// for "will", "'ll", "plans", "is scheduled", "is to", "set to" …; past
// for "said", "was", "-ed" forms …; tensePastPerfect for "had filed"
// (where a deadline lies in the past); tenseNone when none is found.
func (f *finder) verbTense(start, end int) tense {
	lo, hi := sentenceBounds(f.text, start, end)
	var before []tense
	var words []string
	prev := ""
	scanWords(f.lower, lo, start, func(ws, we int, w string) {
		before = append(before, classifyPair(prev, w, nextWord(f.lower, we)))
		words = append(words, w)
		prev = w
	})
	for i := len(before) - 1; i >= 0; i-- {
		if before[i] == tenseFuture {
			// "was to", "had been due to", "were expected to": a plan
			// told in the past.
			for j := i - 1; j >= 0 && j >= i-3; j-- {
				switch words[j] {
				case "was", "were", "had":
					return tensePast
				}
			}
		}
		if before[i] == tensePast && (words[i] == "had" || i > 0 && words[i-1] == "had") {
			return tensePastPerfect
		}
		if before[i] != tenseNone {
			return before[i]
		}
	}
	found := tenseNone
	prev = ""
	scanWords(f.lower, end, hi, func(ws, we int, w string) {
		if found == tenseNone {
			found = classifyPair(prev, w, nextWord(f.lower, we))
		}
		prev = w
	})
	return found
}

// classifyPair classifies w with its neighbours: "is to", "set to", "going
// to" mark the future; "to" + verb after "expected" is handled by the
// word list.
func classifyPair(prev, w, next string) tense {
	if next == "to" {
		switch w {
		case "is", "are", "set", "going", "due", "poised", "slated", "scheduled", "expected", "likely", "about":
			return tenseFuture
		}
	}
	if w == "set" || w == "is" || w == "are" {
		return tenseNone
	}
	c := classifyWord(w)
	if c == tensePast && adjectiveBefore[prev] {
		// "a still unspecified date", "the proposed merger", "would be
		// paid": a participle, not a verb in the past.
		return tenseNone
	}
	return c
}

// adjectiveBefore are words after which an -ed form is an adjective.
var adjectiveBefore = map[string]bool{
	"a": true, "an": true, "the": true, "its": true, "their": true, "his": true,
	"her": true, "our": true, "this": true, "that": true, "these": true,
	"those": true, "still": true, "newly": true, "so": true, "well": true,
	"fully": true, "highly": true, "widely": true, "long": true, "much": true,
	// A passive after "be" takes its tense from the auxiliary before it:
	// "would be redeemed", "will be paid".
	"be": true, "being": true,
}

// futurePrepositions before a date make it a deadline or a start: "by
// February", "until Jan. 2", "effective Feb. 1".
var futurePrepositions = map[string]bool{
	"by": true, "until": true, "till": true, "through": true, "effective": true,
	"starting": true, "beginning": true, "before": false,
}

func classifyWord(w string) tense {
	if strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "’ll") {
		return tenseFuture
	}
	if futureWords[w] {
		return tenseFuture
	}
	if pastWords[w] {
		return tensePast
	}
	if len(w) >= 5 && strings.HasSuffix(w, "ed") && !notPast[w] {
		return tensePast
	}
	return tenseNone
}

// scanWords calls fn for each word (letters and apostrophes) of
// lower[lo:hi] with its offsets.
func scanWords(lower string, lo, hi int, fn func(start, end int, w string)) {
	i := lo
	for i < hi {
		for i < hi && !isLetterByte(lower[i]) {
			i++
		}
		j := i
		for j < hi && (isLetterByte(lower[j]) || lower[j] == '\'') {
			j++
		}
		if j > i {
			fn(i, j, lower[i:j])
		}
		i = j
	}
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
