package compare

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/lang/de"
	"github.com/parallax-news/parallax/internal/lang/en"
	"github.com/parallax-news/parallax/internal/lang/ru"
	"github.com/parallax-news/parallax/internal/lang/uk"
	"github.com/parallax-news/parallax/internal/news"
)

// Background holds corpus-wide term counts: the informative prior of the
// log-odds comparison, and the countries and kinds of outlets the corpus
// covers (the perspectives a story can miss). The zero value is empty and
// usable; add articles with Add.
type Background struct {
	Terms map[string]int `json:"-"`
	// Total is the sum of Terms.
	Total int `json:"total"`
	// Countries counts credited articles by outlet country.
	Countries map[string]int `json:"countries"`
	// Articles is how many articles were added.
	Articles int `json:"articles"`
}

// Add counts one article's terms under the country of the outlet it is
// credited to ("" when unknown).
func (b *Background) Add(a news.Article, country string) {
	if b.Terms == nil {
		b.Terms = map[string]int{}
		b.Countries = map[string]int{}
	}
	for _, t := range TermsLang(a.Title+"\n"+a.Text, a.Language) {
		b.Terms[t]++
		b.Total++
	}
	if country != "" {
		b.Countries[country]++
	}
	b.Articles++
}

// Terms returns the content words of text in order: lower case, letters
// (with inner apostrophes and hyphens), possessive "'s" dropped, stop words,
// numbers and one- or two-letter words left out.
func Terms(text string) []string {
	var out []string
	for _, w := range words(text) {
		w = strings.ToLower(w)
		w = strings.TrimSuffix(w, "'s")
		if len(w) < 3 || stop[w] || !hasLetter(w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// TermsLang returns the content words of text written in the language
// code: those of Terms without the stop words and the common words of
// everyday language of that language (lang/<code>.StopWord and
// CommonWord: go, want, lot, towards; page furniture such as "getty" or
// "continue"), which an outlet may use far more than the others (a
// transcript, a page layout) without that saying anything about how it
// tells the story. Text of no known language ("") is read as English;
// languages without a package keep Terms' list only.
func TermsLang(text, code string) []string {
	skip := skipFunc(code)
	if skip == nil {
		return Terms(text)
	}
	var out []string
	for _, t := range Terms(text) {
		if !skip(t) {
			out = append(out, t)
		}
	}
	return out
}

// skipFunc returns what TermsLang leaves out of the language code besides
// Terms' list, nil for a language without a package.
func skipFunc(code string) func(string) bool {
	switch code {
	case lang.English, "":
		return func(w string) bool { return en.StopWord(w) || en.CommonWord(w) }
	case lang.German:
		return func(w string) bool { return de.StopWord(w) || de.CommonWord(w) }
	case lang.Russian:
		return func(w string) bool { return ru.StopWord(w) || ru.CommonWord(w) }
	case lang.Ukrainian:
		return func(w string) bool { return uk.StopWord(w) || uk.CommonWord(w) }
	}
	return nil
}

// words splits text into word tokens: runs of letters and digits, joined
// by inner apostrophes, hyphens and periods between digits.
func words(text string) []string {
	var out []string
	start := -1
	rs := []rune(text)
	for i := 0; i <= len(rs); i++ {
		in := false
		if i < len(rs) {
			r := rs[i]
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				in = true
			case (r == '\'' || r == '’' || r == '-') && start >= 0 && i+1 < len(rs) && unicode.IsLetter(rs[i+1]):
				in = true
			}
		}
		if in && start < 0 {
			start = i
		}
		if !in && start >= 0 {
			out = append(out, strings.ReplaceAll(string(rs[start:i]), "’", "'"))
			start = -1
		}
	}
	return out
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// TermScore is one distinctive term of an outlet.
type TermScore struct {
	Term string `json:"term"`
	// Count is how often the outlet used it on this story; Others is how
	// often the other outlets did.
	Count  int `json:"count"`
	Others int `json:"others"`
	// Z is the log-odds z-score: the log-odds ratio divided by its
	// standard deviation (Monroe et al. 2008, eq. 22). Above 1.645 the
	// outlet uses the term more than the others at the 5% level
	// (one-sided). The CLI, the web page, the README and the API
	// description all call it "log-odds z-score".
	Z float64 `json:"z"`
}

// LogOdds compares term counts a (one outlet) against b (the others) with
// the informative Dirichlet prior of Monroe, Colaresi and Quinn (2008,
// "Fightin' Words", section 3.5): the prior for term w is
// alpha_w = priorSize * bg[w] / bgTotal, floored at minAlpha, and
//
//	delta_w = log((a_w+alpha_w)/(n_a+alpha_0-a_w-alpha_w)) - log((b_w+alpha_w)/(n_b+alpha_0-b_w-alpha_w))
//	var_w   ≈ 1/(a_w+alpha_w) + 1/(b_w+alpha_w)
//	z_w     = delta_w / sqrt(var_w)
//
// where alpha_0 is the sum of alpha over the vocabulary (background terms
// plus the terms of a and b). It returns every term of a or b with its
// z-score, highest first (ties by term).
func LogOdds(a, b map[string]int, bg map[string]int, bgTotal int, priorSize float64) []TermScore {
	const minAlpha = 0.01
	vocab := map[string]bool{}
	for w := range a {
		vocab[w] = true
	}
	for w := range b {
		vocab[w] = true
	}
	alpha := func(w string) float64 {
		if bgTotal <= 0 {
			return minAlpha
		}
		return math.Max(minAlpha, priorSize*float64(bg[w])/float64(bgTotal))
	}
	// alpha_0 sums the prior over the whole vocabulary: the background's
	// (which sums to priorSize, apart from the floor) and words only in a or b.
	alpha0 := 0.0
	if bgTotal > 0 {
		for _, c := range bg {
			alpha0 += math.Max(minAlpha, priorSize*float64(c)/float64(bgTotal))
		}
	}
	for w := range vocab {
		if bg[w] == 0 {
			alpha0 += minAlpha
		}
	}
	na, nb := 0, 0
	for _, c := range a {
		na += c
	}
	for _, c := range b {
		nb += c
	}
	out := make([]TermScore, 0, len(vocab))
	for w := range vocab {
		aw, bw, al := float64(a[w]), float64(b[w]), alpha(w)
		d := math.Log((aw+al)/(float64(na)+alpha0-aw-al)) - math.Log((bw+al)/(float64(nb)+alpha0-bw-al))
		v := 1/(aw+al) + 1/(bw+al)
		out = append(out, TermScore{Term: w, Count: a[w], Others: b[w], Z: d / math.Sqrt(v)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Z != out[j].Z {
			return out[i].Z > out[j].Z
		}
		return out[i].Term < out[j].Term
	})
	return out
}

// stop lists English function words and reporting verbs that say nothing
// about an outlet's framing.
var stop = setOf(`a about above after again against all also am an and any are aren't as at be because been
before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers
herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most
mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she
she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves then there
there's these they they'd they'll they're they've this those through to too under until up very was wasn't we
we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's
with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves said says say saying told
tell according also just like will one two three new now even still yet much many well may might must per via
mr mrs ms according year years time times day days week weeks month months last first next get got make made
however although though around another every within without whether since ago back`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
