package extract

import (
	"math/bits"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The line rules ask regular expressions about every paragraph, and most
// paragraphs cannot match: an expression anchored at the start needs one
// of a few first letters, an unanchored one a literal word. Go's matcher
// pays in proportion to the paragraph even for a miss (the backtracker
// clears a bit set as large as the input times the program), so each
// expression on the common path has a gate: a cheap test that is false
// only when the expression cannot match. The gates never decide a match;
// TestGates and FuzzGates check them against the expressions.

// gated is a regular expression with its gate.
type gated struct {
	*regexp.Regexp
	may func(string) bool
}

// allGated lists every gated expression, for the tests.
var allGated []*gated

// gate compiles expr with the gate may.
func gate(expr string, may func(string) bool) *gated {
	g := &gated{regexp.MustCompile(expr), may}
	allGated = append(allGated, g)
	return g
}

// startsWith is the gate of an expression anchored at the start: see
// mayStart.
func startsWith(set string) func(string) bool {
	return func(s string) bool { return mayStart(s, set) }
}

// has is the gate of an expression that needs the byte sequence sub.
func has(sub string) func(string) bool {
	return func(s string) bool { return strings.Contains(s, sub) }
}

func (g *gated) MatchString(s string) bool {
	return g.may(s) && g.Regexp.MatchString(s)
}

func (g *gated) FindStringSubmatch(s string) []string {
	if !g.may(s) {
		return nil
	}
	return g.Regexp.FindStringSubmatch(s)
}

func (g *gated) ReplaceAllString(s, repl string) string {
	if !g.may(s) {
		return s
	}
	return g.Regexp.ReplaceAllString(s, repl)
}

func (g *gated) ReplaceAllStringFunc(s string, repl func(string) string) string {
	if !g.may(s) {
		return s
	}
	return g.Regexp.ReplaceAllStringFunc(s, repl)
}

func (g *gated) FindAllStringSubmatch(s string, n int) [][]string {
	if !g.may(s) {
		return nil
	}
	return g.Regexp.FindAllStringSubmatch(s, n)
}

// mayStart reports whether s could match an expression anchored at its
// start whose first character is, ignoring ASCII case, one of the ASCII
// bytes in set (written in lower case), or any non-ASCII character. Case
// folding maps a few non-ASCII letters to ASCII ones (the Kelvin sign to k,
// the long s to s), so a non-ASCII first byte always passes.
func mayStart(s, set string) bool {
	if s == "" {
		return true
	}
	c := s[0]
	if c >= utf8.RuneSelf {
		return true
	}
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return strings.IndexByte(set, c) >= 0
}

// containsFold reports whether s contains sub ignoring ASCII case; sub is
// lower-case ASCII. Case folding also matches k with the Kelvin sign and s
// with the long s (ſ): a gate for an expression with either letter tests
// for those itself (see hasFoldK).
func containsFold(s, sub string) bool {
	if sub == "" {
		return true
	}
	c := sub[0]
	if indexFold(s, sub, c) {
		return true
	}
	return 'a' <= c && c <= 'z' && indexFold(s, sub, c-('a'-'A'))
}

// indexFold reports whether sub occurs in s, ignoring ASCII case, at a
// place where s has the byte c.
func indexFold(s, sub string, c byte) bool {
	for i := 0; ; i++ {
		j := strings.IndexByte(s[i:], c)
		if j < 0 || i+j+len(sub) > len(s) {
			return false
		}
		i += j
		if asciiEqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
}

// asciiEqualFold reports whether a and b (of equal length) are equal
// ignoring ASCII case.
func asciiEqualFold(a, b string) bool {
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// foldSet finds any of a few lower-case ASCII words in a text ignoring
// ASCII case in one pass, where containsAnyFold makes one pass a word.
type foldSet struct {
	by [256][]foldWord // words by first byte, in both cases
}

type foldWord struct {
	w string
	k int // index in the list
}

// newFoldSet makes the set of at most 64 words.
func newFoldSet(words []string) *foldSet {
	f := &foldSet{}
	for k, w := range words {
		c := w[0]
		f.by[c] = append(f.by[c], foldWord{w, k})
		if 'a' <= c && c <= 'z' {
			f.by[c-('a'-'A')] = append(f.by[c-('a'-'A')], foldWord{w, k})
		}
	}
	return f
}

// in is containsAnyFold(s, words).
func (f *foldSet) in(s string) bool {
	for i := 0; i < len(s); i++ {
		for _, w := range f.by[s[i]] {
			if len(s)-i >= len(w.w) && asciiEqualFold(s[i:i+len(w.w)], w.w) {
				return true
			}
		}
	}
	return false
}

// count is how many of the words s contains, ignoring ASCII case.
func (f *foldSet) count(s string) int {
	var seen uint64
	for i := 0; i < len(s); i++ {
		for _, w := range f.by[s[i]] {
			if len(s)-i >= len(w.w) && asciiEqualFold(s[i:i+len(w.w)], w.w) {
				seen |= 1 << w.k
			}
		}
	}
	return bits.OnesCount64(seen)
}

// containsAnyFold reports whether s contains one of subs ignoring ASCII
// case (see containsFold).
func containsAnyFold(s string, subs []string) bool {
	for _, sub := range subs {
		if containsFold(s, sub) {
			return true
		}
	}
	return false
}

// isASCII reports whether s is all ASCII: then strings.ToLower(s) lowers
// it byte by byte.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// hasFoldK reports whether s has a non-ASCII letter that case folding
// matches with an ASCII one: the Kelvin sign (k) or the long s (ſ).
func hasFoldK(s string) bool {
	return strings.Contains(s, "ſ") || strings.Contains(s, "\u212a")
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// countFields is len(strings.Fields(s)) without building the slice: the
// line rules ask it of every paragraph. ASCII bytes are tested without
// decoding.
func countFields(s string) int {
	return fieldsUpTo(s, len(s)+1)
}

// moreFields reports whether s has more than n fields, reading no further
// than the field that tells.
func moreFields(s string, n int) bool {
	return fieldsUpTo(s, n+1) > n
}

// fieldsUpTo is min(countFields(s), limit), which stops reading at the
// limit: the rules compare the count with a bound far below a paragraph's
// length.
func fieldsUpTo(s string, limit int) int {
	n := 0
	in := false
	for i := 0; i < len(s); {
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			in = false
		} else if !in {
			in = true
			if n++; n >= limit {
				return n
			}
		}
	}
	return n
}
