package extract

import (
	"sort"
	"sync"
	"unicode"
	"unicode/utf8"
	_ "unsafe" // go:linkname, to read whatlanggo's language profiles

	"github.com/abadojack/whatlanggo"
)

// whatlanggo ranks the languages of a script by a distance between the
// text's trigrams (by frequency) and each language's profile (its 300 most
// frequent trigrams, in order). For each language it looks every profile
// trigram up in the text's: 55 Latin languages make 16,500 map lookups a
// text, more than all the cleaning of a wire story costs. detectTrigrams
// computes the same distances the other way round: an index from each
// profile trigram to the languages and ranks where it stands, so a text
// costs one lookup per trigram it has. The profiles are whatlanggo's own,
// read from the package (its version is fixed by go.mod);
// TestDetectTrigrams and FuzzDetectTrigrams compare the two on real text.

//go:linkname latinProfiles github.com/abadojack/whatlanggo.latinLangs
var latinProfiles map[whatlanggo.Lang][]string

//go:linkname cyrillicProfiles github.com/abadojack/whatlanggo.cyrillicLangs
var cyrillicProfiles map[whatlanggo.Lang][]string

// whatlanggo's distance for a profile trigram the text lacks
// (maxTrigramDistance), and the most a language can score
// (maxTotalDistance).
const (
	maxTrigramDistance = 300
	maxTotalDistance   = 90000
)

type trigram [3]rune

// profileIndex is the inverted form of one script's profiles.
type profileIndex struct {
	langs []whatlanggo.Lang
	codes []string // ISO 639-1 code of each language
	base  []int    // distance of each language to a text with no trigram of it
	at    map[trigram][]profileRank
}

type profileRank struct {
	lang int32 // index in langs
	rank int32 // position in the language's profile
}

func newProfileIndex(profiles map[whatlanggo.Lang][]string) *profileIndex {
	ix := &profileIndex{at: map[trigram][]profileRank{}}
	for l := range profiles {
		ix.langs = append(ix.langs, l)
	}
	sort.Slice(ix.langs, func(i, j int) bool { return ix.langs[i] < ix.langs[j] })
	for k, l := range ix.langs {
		ix.codes = append(ix.codes, l.Iso6391())
		ix.base = append(ix.base, maxTrigramDistance*len(profiles[l]))
		for rank, s := range profiles[l] {
			// A profile entry that is not three characters never equals a
			// text trigram: it always counts the full distance (in base).
			if utf8.RuneCountInString(s) != 3 {
				continue
			}
			var t trigram
			i := 0
			for _, r := range s {
				t[i] = r
				i++
			}
			ix.at[t] = append(ix.at[t], profileRank{int32(k), int32(rank)})
		}
	}
	return ix
}

var (
	latinIndex    = sync.OnceValue(func() *profileIndex { return newProfileIndex(latinProfiles) })
	cyrillicIndex = sync.OnceValue(func() *profileIndex { return newProfileIndex(cyrillicProfiles) })
)

// detectTrigrams returns what whatlanggo.Detect(text) returns as the ISO
// 639-1 code and confidence, and tie: whether two languages share the
// least distance, where whatlanggo's choice depends on the order it visits
// its map in (this function takes the lowest Lang). Scripts other than
// Latin and Cyrillic go to whatlanggo.
func detectTrigrams(text string) (code string, confidence float64, tie bool) {
	var ix *profileIndex
	switch whatlanggo.DetectScript(text) {
	case unicode.Latin:
		ix = latinIndex()
	case unicode.Cyrillic:
		ix = cyrillicIndex()
	default:
		info := whatlanggo.Detect(text)
		return info.Lang.Iso6391(), info.Confidence, false
	}
	pos := trigramPositions(text)
	dist := make([]int, len(ix.langs))
	copy(dist, ix.base)
	for t, n := range pos {
		for _, pr := range ix.at[t] {
			d := n - int(pr.rank)
			if d < 0 {
				d = -d
			}
			dist[pr.lang] += d - maxTrigramDistance
		}
	}
	// The two least distances, the first at the lowest index among equals.
	best, second := -1, -1
	for k, d := range dist {
		switch {
		case best < 0 || d < dist[best]:
			best, second = k, best
		case second < 0 || d < dist[second]:
			second = k
		}
	}
	tie = dist[second] == dist[best]
	score1 := maxTotalDistance - dist[best]
	score2 := maxTotalDistance - dist[second]
	switch {
	case score1 == 0:
		return whatlanggo.Lang(-1).Iso6391(), 0, tie
	case score2 == 0:
		// whatlanggo divides integers here.
		return ix.codes[best], min(float64(score1/500), 1.0), tie
	}
	rate := float64(score1-score2) / float64(score2)
	confidentRate := 12.0/float64(len(pos)) + 0.05
	if rate > confidentRate {
		return ix.codes[best], 1.0, tie
	}
	return ix.codes[best], rate / confidentRate, tie
}

// trigramPositions returns whatlanggo's ranking of the text's trigrams:
// characters lower-cased, spaces, punctuation, symbols and digits as one
// space, the text closed by a space; no trigram whose middle is a space
// next to another; ranked by count, then by the trigram, both descending.
func trigramPositions(text string) map[trigram]int {
	counts := make(map[trigram]int, len(text))
	r1, r2 := ' ', rune(-1)
	step := func(r3 rune) {
		if r2 >= 0 && !(r2 == ' ' && (r1 == ' ' || r3 == ' ')) {
			counts[trigram{r1, r2, r3}]++
		}
		if r2 >= 0 {
			r1 = r2
		}
		r2 = r3
	}
	for _, r := range text {
		if unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r) {
			r = ' '
		}
		step(unicode.ToLower(r))
	}
	step(' ')
	type tc struct {
		t trigram
		n int
	}
	all := make([]tc, 0, len(counts))
	for t, n := range counts {
		all = append(all, tc{t, n})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].n != all[j].n {
			return all[i].n > all[j].n
		}
		a, b := all[i].t, all[j].t
		for k := range a {
			if a[k] != b[k] {
				return a[k] > b[k]
			}
		}
		return false
	})
	pos := make(map[trigram]int, len(all))
	for j, x := range all {
		pos[x.t] = j
	}
	return pos
}
