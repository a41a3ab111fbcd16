package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lang"
)

// genitiveAdjective reports a lower-case adjective in the genitive (or,
// for Russian, the prepositional and instrumental forms that share the
// ending): економічного, природних, державної, сельскохозяйственной.
func genitiveAdjective(w string) bool {
	if utf8.RuneCountInString(w) < 5 {
		return false
	}
	for _, s := range []string{"ого", "ього", "ої", "ьої", "их", "іх", "ых", "ей", "ой"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// nounLike reports a lower-case word that can head a noun phrase after an
// adjective: letters only (a hyphen or an apostrophe inside), three or
// more of them.
func nounLike(w string) bool {
	if utf8.RuneCountInString(w) < 3 {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
			return false
		}
	}
	return lang.HasCyrillic(w)
}

// completeOrgs runs an organisation's name on over the lower-case words
// that complete it in the genitive: Міністерства економічного розвитку і
// торгівлі, Держслужба геології та надр, Партії промисловців і
// підприємців, Государственной комиссии по атомной энергии is not (a
// preposition ends it). The name must end in an organisation noun or in
// an adjective still waiting for its noun; a conjunction joins only
// what the genitive goes on with.
func completeOrgs(toks []token, cands []mcand, res *langRes, text, code string) []mcand {
	at := make(map[int]int, len(toks)) // token end → index
	for i, t := range toks {
		at[t.end] = i
	}
	type stretch struct{ from, to int }
	var grown []stretch
	for ci := range cands {
		c := &cands[ci]
		if c.kind != KindOrganisation {
			continue
		}
		last, ok := at[c.end]
		if !ok {
			continue
		}
		lw := strings.ToLower(toks[last].text)
		needNoun := !toks[last].cap && genitiveAdjective(lw)
		// A name already running on in lower case (Міністерство доходів)
		// goes on as one ending in its noun does.
		if !needNoun && !res.orgHeads[lang.NameKey(toks[last].text)] && (toks[last].cap || !genitiveLike(lw)) {
			continue
		}
		ext, k := last+1, last+1
		for n := 0; k < len(toks) && n < 8 && joinable(toks[k]) && !toks[k].cap; n++ {
			w := toks[k].text
			switch {
			case w == "і" || w == "та" || w == "й" || w == "и":
				// Adjectives joined before their noun (продовольственной и
				// сельскохозяйственной организации), nouns after it
				// (розвитку і торгівлі).
				// Russian joins only adjectives so: Общественной палаты и
				// российско-американской группы are two.
				if k+1 >= len(toks) || !needNoun && code == lang.Russian || !joinable(toks[k+1]) || toks[k+1].cap || needNoun != genitiveAdjective(toks[k+1].text) && !(!needNoun && nounLike(toks[k+1].text)) {
					k = len(toks)
					continue
				}
				k++
				if !needNoun && !genitiveAdjective(toks[k].text) {
					needNoun = true // the noun joined: геології та надр
				}
			case genitiveAdjective(w):
				needNoun = true
				k++
			case needNoun:
				if !nounLike(w) {
					k = len(toks)
					continue
				}
				needNoun = false
				k++
				ext = k
			case genitiveLike(w):
				k++
				ext = k
			default:
				k = len(toks)
			}
		}
		if ext > last+1 {
			grown = append(grown, stretch{c.end, toks[ext-1].end})
			c.end = toks[ext-1].end
			c.name = text[c.start:c.end]
		}
	}
	// A candidate inside the words taken is part of the name now.
	kept := cands[:0]
	for _, c := range cands {
		inside := false
		for _, g := range grown {
			if g.from <= c.start && c.end <= g.to {
				inside = true
				break
			}
		}
		if !inside {
			kept = append(kept, c)
		}
	}
	return kept
}
