package when

import (
	"regexp/syntax"
	"strconv"
	"strings"
)

// Every match of a rule contains at least one of its trigger words (or, for
// "#", a token with a digit). Find runs a rule's pattern only in windows of
// maxSpan bytes around its triggers: the patterns are large alternations
// that Go's linear-time matcher would otherwise step through at every byte
// of the text.
const (
	trigMonths   = "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec"
	trigWeekdays = "monday tuesday wednesday thursday friday saturday sunday"
	trigUnits    = "year years month months week weeks day days hour hours minute minutes second seconds decade decades century centuries quarter quarters night nights"
)

var ruleTriggers = map[string]string{
	"date-mdy":       trigMonths,
	"date-dmy":       trigMonths,
	"date-iso":       "#",
	"date-us":        "#",
	"date-md":        trigMonths,
	"date-dm":        trigMonths,
	"week-of":        trigMonths,
	"month-year":     trigMonths,
	"month-rel":      trigMonths,
	"year":           "#",
	"year-spelled":   "nineteen eighteen thousand",
	"half":           "half quarters",
	"quarter":        "quarter qtr",
	"quarter-ref":    "quarter period",
	"year-ago":       "year months quarter period time",
	"season":         "spring summer fall autumn winter",
	"decade":         "# twenties thirties forties fifties sixties seventies eighties nineties",
	"century":        "century",
	"day-rel":        "today yesterday tomorrow tonight",
	"tod-rel":        "morning afternoon evening night overnight",
	"tod-alone":      "morning afternoon midmorning midafternoon",
	"day-ana":        "day",
	"the-day":        "day",
	"then":           "then",
	"nth-day":        "day",
	"tod-ana":        "morning afternoon evening",
	"holiday":        "christmas year easter friday thanksgiving independence halloween valentine day",
	"weekday":        trigWeekdays + " mondays tuesdays wednesdays thursdays fridays saturdays sundays",
	"weekday-set":    trigWeekdays + " " + trigMonths,
	"clock":          "# noon midnight",
	"present":        "now currently current present presently days nowadays moment time",
	"past":           "recently recent past ago earlier lately days current",
	"future":         "future term months years quarters decades date possible come eventually soon",
	"unit-rel":       "year month week weekend decade century date",
	"ago":            "ago now hence",
	"duration":       trigUnits,
	"duration-vague": "years months weeks days hours minutes decades centuries quarters year month week day hour", // its units: plurals, or singular after "several-"
	"duration-open":  "period time while stretch",
	"set":            trigUnits,
}

// digitShape narrows the "#" trigger of a rule: the tokens with a digit
// that its matches must contain have a shape the function recognises in
// lower[i:j] and the bytes after it. Wire copy is full of figures, and
// the clock and decade patterns are dear to try at each one.
type digitShape func(lower string, i, j int) bool

var ruleDigitShapes = map[string]digitShape{
	"decade": decadeToken,
	"clock":  clockToken,
	"year":   yearToken,
}

// yearToken: "1987", "mid-2025", "mid1990": a token ending in a year of
// {YEAR}, or two digits after an apostrophe ("'87").
func yearToken(lower string, i, j int) bool {
	if j-i == 2 {
		return i > 0 && lower[i-1] == '\'' && isDigit(lower[i]) && isDigit(lower[i+1])
	}
	if j-i < 4 {
		return false
	}
	y := lower[j-4 : j]
	if !isDigit(y[2]) || !isDigit(y[3]) {
		return false
	}
	return y[0] == '1' && y[1] >= '5' && y[1] <= '9' || y[0] == '2' && y[1] == '0'
}

// decadeToken: "1980s", "1980's", "80s", "'80's": two or four digits
// ending in 0, then "s" ending the token or "'s" right after it.
func decadeToken(lower string, i, j int) bool {
	d := i
	for d < j && lower[d] >= '0' && lower[d] <= '9' {
		d++
	}
	if n := d - i; n != 2 && n != 4 || lower[d-1] != '0' {
		return false
	}
	if d < j {
		return d+1 == j && lower[d] == 's'
	}
	return strings.HasPrefix(lower[j:], "'s")
}

// clockToken: the hour of "5:30", "10.15 am", "5 pm", "5p.m.", "11am":
// one or two digits, then ':', or "a.", "am", "p." or "pm" after optional
// spaces, or '.', two digits and those.
func clockToken(lower string, i, j int) bool {
	d := i
	for d < j && d < i+2 && lower[d] >= '0' && lower[d] <= '9' {
		d++
	}
	if d == i {
		return false
	}
	if d < j {
		return ampmAt(lower, d)
	}
	if d < len(lower) && lower[d] == ':' {
		return true
	}
	if d+2 < len(lower) && lower[d] == '.' && isDigit(lower[d+1]) && isDigit(lower[d+2]) {
		d += 3
	}
	for d < len(lower) && isSpace(lower[d]) {
		d++
	}
	return ampmAt(lower, d)
}

// ampmAt reports whether "a.", "am", "p." or "pm" starts at lower[k].
func ampmAt(lower string, k int) bool {
	return k+1 < len(lower) && (lower[k] == 'a' || lower[k] == 'p') && (lower[k+1] == '.' || lower[k+1] == 'm')
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isSpace is regexp's \s.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// triggerIndex maps a trigger word to the rules it wakes; digitRules are
// the rules woken by a token with a digit (of the shape in digitShapes,
// when the rule has one).
var (
	triggerIndex map[string][]int
	digitRules   []int
	digitShapes  map[int]digitShape
)

func buildTriggers() {
	triggerIndex = map[string][]int{}
	digitShapes = map[int]digitShape{}
	for i, r := range rules {
		spec, ok := ruleTriggers[r.name]
		if !ok {
			r.always = true
			continue
		}
		for _, w := range strings.Fields(spec) {
			if w == "#" {
				digitRules = append(digitRules, i)
				if shape, ok := ruleDigitShapes[r.name]; ok {
					digitShapes[i] = shape
				}
				continue
			}
			triggerIndex[w] = append(triggerIndex[w], i)
		}
	}
}

type span struct{ start, end int }

// triggerHits returns, per rule, the spans of its trigger tokens in lower.
func triggerHits(lower string) [][]span {
	hits := make([][]span, len(rules))
	i := 0
	for i < len(lower) {
		for i < len(lower) && !isAlnum(lower[i]) {
			i++
		}
		j := i
		digit := false
		for j < len(lower) && isAlnum(lower[j]) {
			if lower[j] >= '0' && lower[j] <= '9' {
				digit = true
			}
			j++
		}
		if j > i {
			sp := span{i, j}
			if digit {
				for _, r := range digitRules {
					if shape := digitShapes[r]; shape != nil && !shape(lower, i, j) {
						continue
					}
					hits[r] = append(hits[r], sp)
				}
				// Letters glued to a figure ("Sept.24" is two tokens,
				// "sept24" one): the letters may still be a trigger.
				k := i
				for k < j && lower[k] >= 'a' && lower[k] <= 'z' {
					k++
				}
				if k > i {
					for _, r := range triggerIndex[lower[i:k]] {
						hits[r] = append(hits[r], span{i, k})
					}
				}
			} else {
				for _, r := range triggerIndex[lower[i:j]] {
					hits[r] = append(hits[r], sp)
				}
			}
		}
		i = j
	}
	return hits
}

// withNumberBefore keeps the hits that a number word stands right before,
// past the words a duration allows between them ("three more years",
// "two fiscal years", "five-year", "a half"): what {NUM}[\s-]+unit needs.
func withNumberBefore(lower string, hits []span) []span {
	out := hits[:0:0]
	for _, h := range hits {
		end := h.start
		for k := 0; k < 2; k++ {
			w, start := wordBefore(lower, end)
			if w == "" {
				break
			}
			if numberWord(w) {
				out = append(out, h)
				break
			}
			if !durationFiller[w] {
				break
			}
			end = start
		}
	}
	return out
}

// wordBefore returns the token of letters and digits (with '.', '/' and
// ',' inside figures) that ends before end once spaces and hyphens are
// skipped, and its start.
func wordBefore(lower string, end int) (string, int) {
	i := end
	for i > 0 && (lower[i-1] == ' ' || lower[i-1] == '-' || lower[i-1] == '\n' || lower[i-1] == '\t') {
		i--
	}
	j := i
	for j > 0 {
		c := lower[j-1]
		if isAlnum(c) {
			j--
			continue
		}
		// '.', '/' and ',' belong to a figure ("2.5", "1,000", "3/4")
		// only between digits: in ",0 century" and "word,0 minute" the
		// number is "0", as the pattern reads it from its word start.
		if (c == '.' || c == '/' || c == ',') && j >= 2 && j < i && isDigit(lower[j-2]) && isDigit(lower[j]) {
			j--
			continue
		}
		break
	}
	return lower[j:i], j
}

var durationFiller = map[string]bool{"more": true, "additional": true, "full": true, "straight": true,
	"consecutive": true, "long": true, "odd": true, "fiscal": true, "trading": true, "business": true}

// numTail are words that end a {NUM} and are not in numberWords.
var numTail = map[string]bool{"half": true, "hundred": true, "thousand": true, "of": true}

// numberWord reports whether w can end the {NUM} of a duration: figures,
// number words, "a"/"an", "half", "couple of".
func numberWord(w string) bool {
	if w[0] >= '0' && w[0] <= '9' {
		return true
	}
	_, ok := numberWords[w]
	return ok || numTail[w]
}

func isAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// containsHit reports whether [start,end) contains one of the sorted hits.
func containsHit(hits []span, start, end int) bool {
	for _, h := range hits {
		if h.start >= start && h.end <= end {
			return true
		}
		if h.start >= end {
			break
		}
	}
	return false
}

// firstBytes returns the bytes that can begin a match of pattern: a cheap
// test before running the pattern at a word start. It follows the
// compiled program from its start through empty-width steps; a pattern
// that can match the empty string accepts every byte.
func firstBytes(pattern string) (*[256]bool, error) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, err
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil, err
	}
	var set [256]bool
	all := func() {
		for i := range set {
			set[i] = true
		}
	}
	addRange := func(lo, hi rune, fold bool) {
		if hi >= 0x80 {
			for b := 0x80; b < 256; b++ {
				set[b] = true
			}
			hi = 0x7f
		}
		for r := lo; r <= hi; r++ {
			set[r] = true
			if fold {
				if r >= 'a' && r <= 'z' {
					set[r-'a'+'A'] = true
				} else if r >= 'A' && r <= 'Z' {
					set[r-'A'+'a'] = true
				}
			}
		}
	}
	seen := make([]bool, len(prog.Inst))
	var walk func(pc uint32)
	walk = func(pc uint32) {
		if seen[pc] {
			return
		}
		seen[pc] = true
		in := prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			walk(in.Out)
			walk(in.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			walk(in.Out)
		case syntax.InstMatch, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			all()
		case syntax.InstRune1:
			addRange(in.Rune[0], in.Rune[0], false)
		case syntax.InstRune:
			fold := syntax.Flags(in.Arg)&syntax.FoldCase != 0
			if len(in.Rune) == 1 {
				addRange(in.Rune[0], in.Rune[0], fold)
				return
			}
			for i := 0; i+1 < len(in.Rune); i += 2 {
				addRange(in.Rune[i], in.Rune[i+1], fold)
			}
		default:
			all()
		}
	}
	walk(uint32(prog.Start))
	return &set, nil
}

// prefixSet holds the first bytes every non-empty match of an anchored
// pattern can begin with, k bytes at a time: full holds the k-byte
// prefixes, short the whole matches shorter than k. It is a superset (the
// walk ignores assertions such as \b), so a text that begins with none of
// them cannot match and the pattern need not run there.
type prefixSet struct {
	k     int
	full  map[string]struct{}
	short map[string]struct{}
	// two has a bit for the first two bytes of every key of full (all
	// ASCII): most starts fail on it without a map lookup.
	two [1 << 14 / 64]uint64
}

// has reports whether s (at least k bytes) may begin a match.
func (ps *prefixSet) has(s string) bool {
	if c0, c1 := s[0], s[1]; c0|c1 < 0x80 && ps.two[twoKey(c0, c1)/64]&(1<<(twoKey(c0, c1)%64)) != 0 {
		if _, ok := ps.full[s[:ps.k]]; ok {
			return true
		}
	}
	for l := 1; l < ps.k && len(ps.short) > 0; l++ {
		if _, ok := ps.short[s[:l]]; ok {
			return true
		}
	}
	return false
}

// maxPrefixes bounds a prefix set: a pattern whose first bytes are too
// varied keeps the one-byte filter only.
const maxPrefixes = 4096

// prefixesOf returns the prefix set of pattern for the longest k of 3, 2
// that stays exact and within maxPrefixes, or nil. Only ASCII runes
// matched without case folding are followed: anything else (a non-ASCII
// range, any character, a folded rune whose fold may be non-ASCII) gives
// up on that k.
func prefixesOf(pattern string) (*prefixSet, error) {
	prog, err := compileProg(pattern)
	if err != nil {
		return nil, err
	}
	for k := 3; k >= 2; k-- {
		if ps, ok := walkPrefixes(prog, k); ok {
			return ps, nil
		}
	}
	return nil, nil
}

func walkPrefixes(prog *syntax.Prog, k int) (*prefixSet, bool) {
	ps := &prefixSet{k: k, full: map[string]struct{}{}, short: map[string]struct{}{}}
	seen := map[string]bool{}
	failed := false
	var visit func(pc uint32, pre string)
	visit = func(pc uint32, pre string) {
		if failed {
			return
		}
		key := strconv.Itoa(int(pc)) + "\x00" + pre
		if seen[key] {
			return
		}
		seen[key] = true
		in := prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			visit(in.Out, pre)
			visit(in.Arg, pre)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			visit(in.Out, pre)
		case syntax.InstMatch:
			if pre != "" {
				ps.short[pre] = struct{}{}
			}
		case syntax.InstFail:
		case syntax.InstRune1, syntax.InstRune:
			if in.Op == syntax.InstRune && syntax.Flags(in.Arg)&syntax.FoldCase != 0 {
				failed = true // a folded rune may match non-ASCII forms
				return
			}
			ranges := in.Rune
			if len(ranges) == 1 {
				ranges = []rune{ranges[0], ranges[0]}
			}
			for i := 0; i+1 < len(ranges); i += 2 {
				lo, hi := ranges[i], ranges[i+1]
				if hi >= 0x80 {
					failed = true
					return
				}
				for r := lo; r <= hi; r++ {
					np := pre + string(byte(r))
					if len(np) == k {
						ps.full[np] = struct{}{}
						if len(ps.full) > maxPrefixes {
							failed = true
							return
						}
					} else {
						visit(in.Out, np)
					}
				}
			}
		default:
			failed = true
		}
	}
	visit(uint32(prog.Start), "")
	for p := range ps.full {
		key := twoKey(p[0], p[1])
		ps.two[key/64] |= 1 << (key % 64)
	}
	return ps, !failed
}

// twoKey packs two ASCII bytes into 14 bits.
func twoKey(c0, c1 byte) uint { return uint(c0)<<7 | uint(c1) }
