package facts

import (
	"strconv"
	"strings"
	"unicode"
)

// clauseStart are words that open the clause a dated event is told in;
// the subject of a year claim stops there.
var clauseStart = wordSet(`since when after before as that which who because while where
с после когда как что который которая пока
з після коли як що який яка поки
seit als nachdem wenn dass der die das welche während`)

// attribution returns the source a sentence gives its statements to: the
// name after "according to" (or its equivalent), else the name beside a
// speech verb ("Ushakov said", "said Ushakov", "заявил журналистам
// Ушаков"), else the word before the verb ("police said"). "" when the
// sentence attributes nothing.
func (r *resources) attribution(toks []tok) string {
	for k := range toks {
		for _, p := range r.source {
			if matchAt(toks, k, p.words) {
				if n := nameAfter(toks, k+len(p.words)); n != "" {
					return n
				}
				if n := nameBefore(toks, k-1); n != "" { // "dem Kreml zufolge"
					return n
				}
				return p.value
			}
		}
	}
	for k, t := range toks {
		if !r.speech.has(t.low) {
			continue
		}
		if n := nameBefore(toks, k-1); n != "" {
			return n
		}
		if n := nameAfter(toks, k+1); n != "" {
			return n
		}
		if k > 0 && !isPunct(toks[k-1]) && !isDigit(toks[k-1].low[0]) {
			return toks[k-1].low
		}
		return t.low
	}
	return ""
}

func capital(t tok) bool {
	r := []rune(t.raw)
	return len(r) > 0 && unicode.IsUpper(r[0])
}

// nameAfter returns the run of capitalised words starting at token i,
// skipping up to two lower-case words ("the Kremlin", "журналистам
// Ушаков").
func nameAfter(toks []tok, i int) string {
	skipped := 0
	for i < len(toks) && !capital(toks[i]) {
		if isPunct(toks[i]) || skipped == 2 {
			return ""
		}
		skipped++
		i++
	}
	var ws []string
	for ; i < len(toks) && capital(toks[i]) && len(ws) < 4; i++ {
		ws = append(ws, toks[i].raw)
	}
	return strings.Join(ws, " ")
}

// nameBefore returns the run of capitalised words ending at token i.
func nameBefore(toks []tok, i int) string {
	var ws []string
	for ; i >= 0 && capital(toks[i]) && len(ws) < 4; i-- {
		ws = append([]string{toks[i].raw}, ws...)
	}
	return strings.Join(ws, " ")
}

// yearClaims finds years placed relative to the time of writing
// ("earlier in 2023", "в текущем 2023 году"): such a year must be the
// year the article was written.
func (r *resources) yearClaims(toks []tok, s, source string) []Claim {
	var out []Claim
	for k := range toks {
		for _, p := range r.relYear {
			if !matchAt(toks, k, p.words) {
				continue
			}
			j := k + len(p.words)
			if j >= len(toks) || len(toks[j].low) != 4 {
				continue
			}
			y, err := strconv.Atoi(toks[j].low)
			if err != nil || y < 1900 || y > 2100 {
				continue
			}
			var ws []string
			for b := k - 1; b >= 0 && len(ws) < 7; b-- {
				if isPunct(toks[b]) || clauseStart.has(toks[b].low) {
					break
				}
				ws = append([]string{toks[b].raw}, ws...)
			}
			subject := "year"
			if len(ws) > 0 {
				subject += ": " + strings.Join(ws, " ")
			}
			out = append(out, Claim{Kind: KindYear, Subject: subject, Value: float64(y), Figure: s[toks[k].off:toks[j].end],
				Offset: toks[j].off, AttributedTo: source})
		}
	}
	return out
}

// QuotedRanges returns a test for whether a byte offset of text lies
// inside quotation marks: “…”, „…“, «…» and »…« pair by direction,
// straight double quotes alternate within a paragraph. Compare's naming
// counts use it too, to leave other people's words out.
func QuotedRanges(text string) func(int) bool {
	type span struct{ a, b int }
	var spans []span
	open, closer := -1, rune(0)
	straight := -1
	for i, c := range text {
		switch {
		case c == '\n':
			open, straight = -1, -1
		case open >= 0 && c == closer:
			spans = append(spans, span{open, i})
			open = -1
		case open < 0 && (c == '“' || c == '„' || c == '«' || c == '»'):
			open = i
			closer = map[rune]rune{'“': '”', '„': '“', '«': '»', '»': '«'}[c]
		case c == '"':
			if straight < 0 {
				straight = i
			} else {
				spans = append(spans, span{straight, i})
				straight = -1
			}
		}
	}
	return func(off int) bool {
		for _, s := range spans {
			if off > s.a && off < s.b {
				return true
			}
		}
		return false
	}
}
