// Package entity finds the people, organisations, places and countries an
// article names, and merges their aliases: within one article a surname alone
// or a title ("the vice president", "the Kremlin's foreign policy adviser")
// after a full mention refers back to the person; across articles a Registry
// merges transliteration variants (Zelensky/Zelenskyy/Zelenskiy, Kiev/Kyiv,
// Sergei/Sergey, Yuri/Yury).
//
// Extraction is rule-based and pure Go: capitalised word runs are split into
// titles and names, classified with a small embedded gazetteer and
// organisation-name endings, and single capitalised words are kept only when
// they refer back to a known person, stand next to a speech verb, or recur
// in mid-sentence. Nothing is downloaded at run time.
//
// The two embedded lists are hand-written facts, 11 KB together:
// gazetteer.tsv (about 500 countries, regions, US states, capitals and large cities, and
// organisations, with their variant spellings: what news about the
// Russia–Ukraine war and US politics names most, and the transliteration
// pairs rule-based folding cannot reach, such as Kiev/Kyiv and
// Kharkov/Kharkiv) and names.tsv (287 common given names with their
// transliteration variants and gender, so that Vladimir/Volodymyr and
// Sergei/Sergey share a key and "he"/"she" can be checked). Names missing
// from the lists are still found from capitalisation and context; the lists
// only fix kinds, merge variants and mark gender. A third, generated table
// (places_iso.tsv, `go generate` from the ISO 3166 lists of the Debian
// iso-codes package) adds the countries and first-level regions the
// gazetteer lacks, for whole names with no sign of a person. A statistical tagger
// (jdkato/prose) was not used: it is English-only, marks "Council" a person,
// and would add its model to the binary for candidates the capitalisation
// rules already propose.
package entity

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"

	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// Kinds of entity.
const (
	KindPerson       = "person"
	KindOrganisation = "organisation"
	KindPlace        = "place"
	KindCountry      = "country"
)

// Entity is news.Entity: the domain type, so entities pass to the store and the web unchanged
type Entity = news.Entity

// Mention is news.Mention: the domain type, so entities pass to the store and the web unchanged
type Mention = news.Mention

// ID returns the stable entity ID for a kind and a normalisation key.
func ID(kind, key string) string {
	sum := sha256.Sum256([]byte(kind + ":" + key))
	return hex.EncodeToString(sum[:6])
}

// token is one word of the text.
type token struct {
	start, end int    // byte offsets of the word, possessive excluded
	text       string // the word, possessive excluded
	lower      string // strings.ToLower(text)
	poss       bool   // followed by 's / ’s
	cap        bool   // starts with an uppercase letter
	gapBefore  string // the text between the previous token and this one
}

// possessiveSuffixes are the endings tokenize strips as possessives, in
// the order it tries them.
var possessiveSuffixes = []string{"'s", "’s", "'", "’"}

// possessiveEnds returns possessiveSuffixes, or none when w's last byte
// ends none of them.
func possessiveEnds(w string) []string {
	if w == "" {
		return nil
	}
	switch w[len(w)-1] {
	case 's', '\'', "’"[2]:
		return possessiveSuffixes
	}
	return nil
}

// isASCIIAlnum reports whether the ASCII byte c is a letter or a digit.
func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// tokenize splits text into words: letters and digits with inner periods,
// apostrophes and hyphens.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5+1) // news text averages a word in six bytes
	lowered := lang.ASCIILower(text)
	prevEnd := 0
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && !isASCIIAlnum(c) {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		start := i
		j := i + size
		ascii := r < utf8.RuneSelf
		for j < len(text) {
			if c := text[j]; c < utf8.RuneSelf && isASCIIAlnum(c) {
				j++
				continue
			}
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
				ascii = false // r2 is not ASCII: ASCII letters and digits were taken above
				j += s2
				continue
			}
			if r2 == '.' || r2 == '\'' || r2 == '’' || r2 == '-' {
				n, _ := utf8.DecodeRuneInString(text[j+s2:])
				if unicode.IsLetter(n) || unicode.IsDigit(n) {
					if r2 == '’' {
						ascii = false
					}
					j += s2
					continue
				}
			}
			break
		}
		// Keep the final period of dotted acronyms and abbreviations.
		if j < len(text) && text[j] == '.' {
			w := text[start:j]
			single := utf8.RuneCountInString(w) == 1 && unicode.IsUpper(first(w))
			if single || strings.Contains(w, ".") || personTitles[strings.ToLower(w)+"."] || honorifics[strings.ToLower(w)+"."] != "" && len(w) <= 3 {
				j++
			}
		}
		t := token{start: start, end: j, text: text[start:j], gapBefore: text[prevEnd:start]}
		for _, suf := range possessiveEnds(t.text) {
			if strings.HasSuffix(t.text, suf) && len(t.text) > len(suf) {
				if suf == "'" || suf == "’" {
					if !strings.HasSuffix(strings.TrimSuffix(t.text, suf), "s") {
						continue
					}
				}
				t.text = strings.TrimSuffix(t.text, suf)
				t.end -= len(suf)
				t.poss = true
				break
			}
		}
		if !t.poss && j < len(text) && (text[j] == '\'' || strings.HasPrefix(text[j:], "’")) && strings.HasSuffix(t.text, "s") {
			// "Russians’ demands": plural possessive.
			t.poss = true
		}
		first, _ := utf8.DecodeRuneInString(t.text)
		t.cap = unicode.IsUpper(first)
		if ascii {
			t.lower = lowered[t.start:t.end] // strings.ToLower(t.text) without a copy
		} else {
			t.lower = strings.ToLower(t.text)
		}
		toks = append(toks, t)
		prevEnd = j
		i = j
	}
	return toks
}

func first(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// particles join the parts of a name: "Bill de Blasio", "Ludwig van Beethoven".
var particles = map[string]bool{"de": true, "van": true, "von": true, "da": true, "del": true, "della": true, "bin": true, "ibn": true, "al": true, "la": true, "le": true, "di": true, "du": true, "der": true, "den": true}

// sentenceInitial reports whether token i opens a sentence or a line.
func sentenceInitial(toks []token, i int) bool {
	if i == 0 {
		return true
	}
	return strings.ContainsAny(toks[i].gapBefore, ".!?\n\"“:")
}

// joinable reports whether a token continues the capitalised run of the
// token before it: only spaces between them, no line break.
func joinable(t token) bool {
	return t.gapBefore == " " || t.gapBefore == "\u00a0"
}

// candidate is a name found in a capitalised run, before resolution.
type candidate struct {
	toks   []token
	kind   string // "" when unknown (single words awaiting resolution)
	canon  string // gazetteer canonical name
	titles []string
	gender string
	// evidence says why the kind was chosen, for Entity.Evidence.
	evidence string
	// weak marks a kind guessed from shape alone (an unknown acronym, two
	// capitalised words): dropped on headline-like lines, and an unknown
	// acronym needs a second mention.
	weak bool
	// sure marks a one-word place whose kind the name around it fixes
	// ("Volgograd" in "Volgograd Arena", "Livorno" in "Municipality of
	// Livorno").
	sure bool
}

// Extract finds the entities named in one article's text and every mention
// of them. Entities come back in order of first mention; mentions in text
// order. An empty or nameless text gives nil slices. The language is
// guessed from the text (lang.Guess): English text, and Latin text of no
// known language, take the English path; Russian, Ukrainian and German
// their own; other scripts the neutral path (see ExtractLang, which
// callers that know the article's language should use).
func Extract(text string) ([]Entity, []Mention) {
	return ExtractLang(text, "")
}

// extractEnglish is the English recognizer.
func extractEnglish(text string) ([]Entity, []Mention) {
	toks := tokenize(text)
	lowerSeen := &lowerWords{toks: toks}
	cands := candidates(text, toks, lowerSeen)
	return resolve(text, toks, cands, lowerSeen)
}

// lowerWords is the set of words the text writes in lower case (tokens
// that do not start with a capital), which candidates and resolve both
// consult. Most texts ask a few questions: the first are answered by
// reading the tokens, the set is built for the rest.
type lowerWords struct {
	toks []token
	set  map[string]bool
	asks int
}

// lowerScans is how many questions lowerWords answers by reading the
// tokens before it builds its set.
const lowerScans = 16

func (l *lowerWords) has(w string) bool {
	if l.set == nil && l.asks < lowerScans {
		l.asks++
		for _, t := range l.toks {
			if !t.cap && t.text == w {
				return true
			}
		}
		return false
	}
	if l.set == nil {
		n := 0
		for _, t := range l.toks {
			if !t.cap {
				n++
			}
		}
		l.set = make(map[string]bool, n)
		for _, t := range l.toks {
			if !t.cap {
				l.set[t.text] = true
			}
		}
	}
	return l.set[w]
}

// candidates splits capitalised runs into titles and names.
// Words the text also writes in lower case (lower) are common words when
// they open a sentence ("Unlike Patriot", "Beyond Trump").
func candidates(text string, toks []token, lower *lowerWords) []candidate {
	var out []candidate
	for i := 0; i < len(toks); {
		if !toks[i].cap {
			i++
			continue
		}
		// Collect the run: capitalised tokens, "of" / "of the" connectors
		// between capitalised tokens; a possessive ends it.
		j := i + 1
		orgRun, orgAt := false, 0 // the run took "for" or "on" after an organisation word, at orgAt
		if !toks[i].poss {
			for j < len(toks) {
				t := toks[j]
				if orgRun && t.cap && t.gapBefore == " - " && toks[j-1].cap {
					j++ // "Council on American - Islamic Relations"
					continue
				}
				if !joinable(t) {
					break
				}
				if t.cap && orgRun && j-1 > orgAt+1 && (orgHeads[toks[j-1].lower] || nonPersonEnds[toks[j-1].lower]) {
					break // "Council on American - Islamic Relations Alia Salem": the name ends at Relations
				}
				if t.cap {
					j++
					if t.poss {
						break
					}
					continue
				}
				if p := englishParticleRun(toks, j); p > 0 && !toks[j-1].poss {
					j += p
					continue
				}
				if t.text == "of" && j+1 < len(toks) && joinable(toks[j+1]) {
					if toks[j+1].cap {
						j++
						continue
					}
					if toks[j+1].text == "the" && j+2 < len(toks) && joinable(toks[j+2]) && toks[j+2].cap {
						if _, e, ok := gazMatch(toks[j+2:]); ok && (e.kind == KindCountry || e.kind == KindPlace) {
							break // "University of Sheffield of the UK": the country is no part of the name
						}
						j += 2
						continue
					}
				}
				if n := gazAcross(toks, i, j); n > j {
					j = n // "Bosnia and Herzegovina", "The Globe and Mail"
					continue
				}
				if (t.text == "for" || t.text == "on") && orgHeads[toks[j-1].lower] && j+1 < len(toks) && joinable(toks[j+1]) {
					// "Joint Council for the Welfare of Immigrants",
					// "Committee on Foreign Relations".
					orgRun, orgAt = true, j
					if toks[j+1].cap && !stopCaps[toks[j+1].lower] {
						j++
						continue
					}
					if toks[j+1].text == "the" && j+2 < len(toks) && joinable(toks[j+2]) && toks[j+2].cap && !stopCaps[toks[j+2].lower] {
						j += 2
						continue
					}
					orgRun = false
				}
				break
			}
		}
		// Trim trailing connectors.
		for j > i+1 && !toks[j-1].cap {
			j--
		}
		start := i
		// Particles before a surname alone: "von der Leyen", "bin Salman".
		if b := leadingParticles(toks, i); b < i {
			out = append(out, splitRun(toks[b:j])...)
			i = j
			continue
		}
		if j-start > 1 && sentenceInitial(toks, start) && lower.has(toks[start].lower) && !personTitles[toks[start].lower] && leadWordKind(toks[start].text) == "" {
			if _, known := givenNames[Fold(toks[start].text)]; !known {
				if _, _, gaz := gazMatch(toks[start:j]); !gaz {
					start++
				}
			}
		}
		out = append(out, splitRun(toks[start:j])...)
		i = j
	}
	return out
}

// splitRun turns one capitalised run into candidates.
func splitRun(run []token) []candidate {
	var out []candidate
	i := 0
	var titles []string
	var titleWords []string
	gender := ""
	flushTitle := func() {
		if len(titleWords) > 0 {
			titles = append(titles, strings.Join(titleWords, " "))
			titleWords = nil
		}
	}
	titleStart := 0 // where the current run of title words began
	for i < len(run) {
		// A leading "The" is no part of the name: "The Church of
		// Scientology" names the Church of Scientology.
		if strings.EqualFold(run[i].text, "the") && i+1 < len(run) {
			i++
			titleStart = i
			continue
		}
		// A compass word before a known place names a region of its own
		// (South Australia, Western Australia, East Los Angeles) unless
		// the gazetteer knows the whole (South Korea) or more capitalised
		// words follow (East China Sea).
		if compassWords[run[i].text] && i+1 < len(run) {
			if _, _, whole := gazMatch(run[i:]); !whole {
				if n, e, ok := gazMatch(run[i+1:]); ok && i+1+n == len(run) && (e.kind == KindPlace || e.kind == KindCountry) {
					out = append(out, candidate{toks: run[i : i+1+n], kind: KindPlace, evidence: "compass word and place"})
					i += 1 + n
					titleStart = i
					titles, titleWords, gender = nil, nil, ""
					continue
				}
			}
		}
		// "Mount Kenya", "Team Norway": a place word or Team before a
		// known name makes a name of its own.
		if k := leadWordKind(run[i].text); k != "" && i+1 < len(run) {
			if n, _, ok := gazMatch(run[i+1:]); ok && i+1+n == len(run) {
				out = append(out, candidate{toks: run[i:], kind: k, evidence: "lead word: " + run[i].lower})
				break
			}
		}
		// Gazetteer: longest match.
		if n, e, ok := gazMatch(run[i:]); ok {
			// A place that opens an organisation's name: Colorado State
			// University, Massachusetts Institute of Technology.
			if end := placeOrgEnd(run, i, n, e); end > 0 {
				out = append(out, candidate{toks: run[i:end], kind: KindOrganisation, evidence: "organisation word: " + run[end-1].lower})
				// The place is a mention of its own inside the name
				// (United States in United States Navy).
				out = append(out, candidate{toks: run[i : i+n], kind: e.kind, canon: e.canonical})
				i = end
				titleStart = i
				titles, titleWords, gender = nil, nil, ""
				continue
			}
			// A country or organisation right before a title qualifies it
			// ("U.S. President", "White House Press Secretary").
			if i+n < len(run) && personTitles[run[i+n].lower] && !run[i+n-1].poss && e.kind != KindPlace {
				// A country that qualifies the title is still a mention
				// of the country ("U.S." in "U.S. President"); an
				// organisation is not ("Senate Minority Leader Harry
				// Reid": the quote finder would take the Senate for the
				// speaker).
				if e.kind == KindCountry {
					out = append(out, candidate{toks: run[i : i+n], kind: e.kind, canon: e.canonical})
				}
				i += n
				continue
			}
			out = append(out, candidate{toks: run[i : i+n], kind: e.kind, canon: e.canonical})
			i += n
			titleStart = i
			titles, titleWords, gender = nil, nil, ""
			continue
		}
		lw := run[i].lower
		if len(titles) == 0 && len(titleWords) == 0 && stopCaps[lw] {
			i++
			titleStart = i
			continue
		}
		_, isHonorific := honorifics[lw]
		lastAfterHonorific := i == len(run)-1 && i > 0 && !isHonorific && isHonorificTok(run[i-1].text)
		if !lastAfterHonorific && (personTitles[run[i].lower] || (lw == "of" && len(titleWords) > 0) || (lw == "the" && len(titleWords) > 0)) {
			if g, ok := honorifics[lw]; ok {
				if g != "" {
					gender = g
				}
			} else if !adjectives[lw] {
				titleWords = append(titleWords, lw)
			}
			i++
			continue
		}
		if adjectives[lw] && i+1 < len(run) && personTitles[run[i+1].lower] {
			i++
			continue
		}
		// "Director of the National Iodine Nutrition study": after a
		// title that ends in "of" or "the" comes what the holder heads,
		// not the holder's name.
		headed := len(titleWords) > 0 && (titleWords[len(titleWords)-1] == "of" || titleWords[len(titleWords)-1] == "the")
		flushTitle()
		// Name tokens run until a gazetteer match or a title word.
		j := i + 1
		ofName := orgFirst[run[i].lower]
		for j < len(run) {
			if _, _, ok := gazMatch(run[j:]); ok && !orgHeads[run[len(run)-1].lower] && !((ofName || j >= i+2 && orgHeads[run[j-2].lower]) && run[j-1].text == "of") {
				break
			}
			if personTitles[run[j].lower] && !orgHeads[run[j].lower] {
				break
			}
			j++
		}
		name := run[i:j]
		if orgHeads[name[len(name)-1].lower] && titleStart < i {
			// "Defense Department", "Democratic National Committee": the
			// words taken for a title belong to an organisation's name.
			out = append(out, candidate{toks: run[titleStart:j], kind: KindOrganisation})
			titles, titleWords, gender = nil, nil, ""
			i, titleStart = j, j
			continue
		}
		c := candidate{toks: name, titles: trimTitles(titles), gender: gender}
		if headed {
			c.titles = nil
		}
		c.kind, c.weak = classify(name, !headed && (len(titles) > 0 || gender != ""))
		if c.kind == KindPlace && len(name) > 1 && placeHeads[name[len(name)-1].lower] {
			c.evidence = "place word: " + name[len(name)-1].lower
			out = append(out, c)
			out = append(out, namesakes(name)...)
			titles, gender = nil, ""
			i, titleStart = j, j
			continue
		}
		if c.kind == KindOrganisation {
			out = append(out, c)
			if p, ok := placeAfterOf(name); ok {
				out = append(out, p)
			}
			titles, gender = nil, ""
			i, titleStart = j, j
			continue
		}
		if c.kind == KindPerson {
			// "Earl Ray Tomblin of West Virginia": the name ends before "of".
			for k, t := range name {
				if k > 0 && t.text == "of" {
					c.toks = name[:k]
					break
				}
			}
		}
		out = append(out, c)
		titles, gender = nil, ""
		i, titleStart = j, j
	}
	return out
}

// placeAfterOf returns the place an organisation's "X of Y" name holds
// ("Municipality of Livorno", "University of Texas Arlington"): a place
// the gazetteer knows right after "of", or, after the head of a local
// authority or a university, the one or two words that follow.
func placeAfterOf(name []token) (candidate, bool) {
	for k := 1; k+1 < len(name); k++ {
		if name[k].text != "of" {
			continue
		}
		rest := name[k+1:]
		if strings.EqualFold(rest[0].text, "the") {
			return candidate{}, false
		}
		if n, e, ok := gazMatch(rest); ok {
			if e.kind != KindPlace && e.kind != KindCountry {
				return candidate{}, false
			}
			return candidate{toks: rest[:n], kind: e.kind, canon: e.canonical}, true
		}
		if localHeads[name[k-1].lower] && len(rest) <= 2 && !orgHeads[rest[len(rest)-1].lower] {
			return candidate{toks: rest, kind: KindPlace, sure: true, evidence: "after " + name[k-1].lower + " of"}, true
		}
		return candidate{}, false
	}
	return candidate{}, false
}

// isoPlace types a whole name that the ISO 3166 table knows (a country
// or a first-level region the gazetteer lacks: Herat, Livorno) as that
// place, unless a sign of a person stands by it: a title or an honorific,
// a speech or human verb next to it, or a person of the text whose
// surname it is (Guerrero is a Mexican state and a surname).
func isoPlace(text string, toks []token, cands []candidate) {
	var surnames map[string]bool // built on the first ISO name
	for k, c := range cands {
		if c.canon != "" || c.sure || !(c.kind == "" || c.kind == KindPerson && c.weak) || len(c.titles) > 0 || c.gender != "" {
			continue
		}
		if !isoFirst[c.toks[0].text] {
			continue
		}
		e, ok := isoPlaces[gazKey(joinToks(text, c.toks))]
		if !ok {
			continue
		}
		if surnames == nil {
			surnames = map[string]bool{}
			for _, p := range cands {
				if p.kind == KindPerson && len(p.toks) > 1 {
					surnames[Fold(surname(p.toks).text)] = true
				}
			}
		}
		if len(c.toks) == 1 && surnames[Fold(c.toks[0].text)] {
			continue
		}
		first, last := c.toks[0], c.toks[len(c.toks)-1]
		if len(c.toks) == 1 && (!placePrepBefore(toks, first) || strings.HasPrefix(text[last.end:], ":")) {
			continue // one word needs "from Herat", and "in Batman: The Animated Series" is a title
		}
		if nextToSpeech(toks, first) || nextToSpeech(toks, last) || nextToHumanVerb(toks, first) || nextToHumanVerb(toks, last) {
			continue
		}
		cands[k].kind, cands[k].canon, cands[k].weak, cands[k].evidence = e.kind, e.canonical, false, "ISO 3166 country or region"
	}
}

// commonAcronyms are acronyms of common nouns, no organisation's name.
var commonAcronyms = setOf(`VIP IQ CEO CFO COO CTO GDP TV PC ID DNA RNA AI VR AR HIV AIDS UFO FAQ PIN ATM SUV GPS USB HD OK PR HR IT IPO LGBT LGBTQ MP MPs PhD MBA RSVP ASAP DIY FYI LOL OMG`)

// gazAcross returns where a gazetteer name that starts inside the run
// toks[i:j] and goes on across the word "and" at toks[j]
// ends, or 0.
func gazAcross(toks []token, i, j int) int {
	if toks[j].text != "and" || j+1 >= len(toks) || !toks[j+1].cap || !joinable(toks[j+1]) {
		return 0
	}
	for k := i; k < j; k++ {
		if !slices.ContainsFunc(gazAndFirst, func(w string) bool { return strings.EqualFold(w, toks[k].text) }) {
			continue
		}
		if n, _, ok := gazMatch(toks[k:]); ok && k+n > j+1 {
			for m := k + 1; m < k+n; m++ {
				if !joinable(toks[m]) {
					return 0
				}
			}
			return k + n
		}
	}
	return 0
}

// regionAfterComma reports "Irving, Texas": c, a comma, and next, a
// region or country the gazetteer knows, then no more capitalised words.
func regionAfterComma(text string, c, next candidate) bool {
	if next.canon == "" || next.kind != KindPlace && next.kind != KindCountry {
		return false
	}
	if next.toks[0].start < c.toks[0].end || text[c.toks[0].end:next.toks[0].start] != ", " {
		return false
	}
	rest := strings.TrimLeft(text[next.toks[len(next.toks)-1].end:], " ")
	return rest == "" || !unicode.IsUpper(first(rest))
}

// localHeads name the authority or school of a place: "Municipality of
// Bogliasco", "University of Sheffield".
var localHeads = setOf(`municipality university city county province region district commune borough town village diocese prefecture`)

// placeHeads end the names of venues, buildings and streets, which are
// places: "Fisht Stadium", "Constitution Hall", "Grand Mosque".
var placeHeads = setOf(`stadium arena station airport hall tower towers bridge square street avenue road boulevard mosque cathedral palace castle memorial park`)

// groupNoun reports a people or a faith in the plural: "Afghans",
// "Muslims", "Ukrainians" (a nationality or faith word and an s); party
// words (Democrats, Republicans) are organisations' members and stay out.
func groupNoun(w string) bool {
	if len(w) < 5 || !strings.HasSuffix(w, "s") || !unicode.IsUpper(first(w)) {
		return false
	}
	sing := strings.ToLower(w[:len(w)-1])
	switch sing {
	case "republican", "democrat", "democratic", "white", "black", "western", "eastern", "north", "south", "top", "new", "then", "former", "kremlin":
		return false
	}
	return adjectives[sing]
}

// namesakes returns the names inside a venue's name (its last word a
// place word): before stadium, arena or station the place it is named
// after ("Volgograd" in "Volgograd Arena"), itself a place when it ends
// in a place word ("Chiang Kai Shek Memorial Hall" in "... Hall
// Station"), and before memorial the person it honours ("Chiang Kai
// Shek").
func namesakes(name []token) []candidate {
	var out []candidate
	for len(name) > 1 && !name[len(name)-2].poss {
		head := name[len(name)-1].lower
		rest := name[:len(name)-1]
		switch {
		case head == "memorial":
			for _, t := range rest {
				if !nameLike(t) {
					return out
				}
			}
			return append(out, candidate{toks: rest, kind: KindPerson, evidence: "honoured by a memorial"})
		case placeHeads[rest[len(rest)-1].lower] && len(rest) > 1:
			out = append(out, candidate{toks: rest, kind: KindPlace, evidence: "names a " + head})
			name = rest
			continue
		case eponymHeads[head] && eponymLike(rest):
			out = append(out, candidate{toks: rest, kind: KindPlace, sure: true, evidence: "names a " + head})
		}
		return out
	}
	return out
}

// isNumber reports a word of digits only.
func isNumber(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// digitOrdinal reports an ordinal written in digits: 501st, 22nd, 3rd, 4th.
func digitOrdinal(w string) bool {
	if len(w) < 3 {
		return false
	}
	switch w[len(w)-2:] {
	case "st", "nd", "rd", "th":
		return isNumber(w[:len(w)-2])
	}
	return false
}

// eponymLike reports whether the words before a venue word name a place
// ("Volgograd", "Nizhny Novgorod"), not describe the venue
// ("International Space"): every word a possible proper name or an
// acronym.
func eponymLike(words []token) bool {
	for _, t := range words {
		if !singleNameLike(t) && !isAcronym(t.text) || personTitles[t.lower] {
			return false
		}
	}
	return true
}

// eponymHeads end venue names made of the name of a place and the venue
// word ("Volgograd Arena"): the place is a mention of its own.
var eponymHeads = setOf(`stadium arena station`)

// compassWords open the name of a region of a known place.
var compassWords = map[string]bool{"North": true, "South": true, "East": true, "West": true, "Northern": true, "Southern": true, "Eastern": true, "Western": true, "Central": true}

// trimTitles drops bare connectors left at title edges.
func trimTitles(ts []string) []string {
	var out []string
	for _, t := range ts {
		t = strings.TrimSuffix(strings.TrimSuffix(t, " the"), " of")
		if t != "" {
			out = append(out, t)
		}
	}
	return out
}

// isHonorificTok reports "Mr.", "Mrs.", "Dr." and the like: the word after
// one is a name even when it is also a title word ("Mr. King").
func isHonorificTok(w string) bool {
	_, ok := honorifics[strings.ToLower(w)]
	return ok
}

// gazMatch finds the longest gazetteer form at the start of toks.
func gazMatch(toks []token) (int, gazEntry, bool) {
	n := gazMaxWords
	if n > len(toks) {
		n = len(toks)
	}
	// A possessive inside the longest form tried ("Russia's Gazprom")
	// means no form at all.
	for k := 0; k < n-1; k++ {
		if toks[k].poss {
			return 0, gazEntry{}, false
		}
	}
	if n == 0 {
		return 0, gazEntry{}, false
	}
	// The keys of the n candidate forms are prefixes of one buffer:
	// gazKey of the words joined by spaces, built once.
	var buf [128]byte
	key := buf[:0]
	var ends [16]int
	var endsBig []int
	if n > len(ends) {
		endsBig = make([]int, n)
	}
	for k := 0; k < n; k++ {
		if k > 0 {
			key = append(key, ' ')
		}
		key = appendGazWord(key, toks[k].text)
		if endsBig != nil {
			endsBig[k] = len(key)
		} else {
			ends[k] = len(key)
		}
	}
	for ; n > 0; n-- {
		end := 0
		if endsBig != nil {
			end = endsBig[n-1]
		} else {
			end = ends[n-1]
		}
		k := key[:end]
		if len(k) > 4 && string(k[:4]) == "the " {
			k = k[4:]
		}
		if e, ok := gazetteer[string(k)]; ok {
			if e.acronym && strings.ToUpper(toks[0].text) != toks[0].text {
				continue
			}
			return n, e, true
		}
	}
	return 0, gazEntry{}, false
}

// appendGazWord appends gazKey's form of one token's text (no spaces in
// it): lower case, curly apostrophes straightened.
func appendGazWord(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return append(dst, strings.ToLower(strings.ReplaceAll(w, "’", "'"))...)
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// classify decides the kind of a name run that is not in the gazetteer.
func classify(name []token, titled bool) (kind string, weak bool) {
	last := name[len(name)-1].lower
	if len(name) >= 3 && orgFirst[name[0].lower] {
		for _, t := range name[1:] {
			if t.text == "of" || t.text == "on" || t.text == "for" {
				return KindOrganisation, false
			}
		}
	}
	if orgHeads[last] && len(name) > 1 {
		return KindOrganisation, false
	}
	for k := 1; k+1 < len(name); k++ {
		if t := name[k].text; (t == "for" || t == "on" || t == "of") && orgHeads[name[k-1].lower] {
			return KindOrganisation, false // "Australian Centre for Control of ..."
		}
	}
	if k := leadWordKind(name[0].text); k != "" && len(name) >= 2 && len(name) <= 3 {
		return k, false
	}
	if len(name) == 2 && name[0].text == "Group" && utf8.RuneCountInString(name[1].text) == 1 {
		return KindOrganisation, false // "Group F": a tournament's group of teams
	}
	if len(name) == 1 && isAcronym(name[0].text) && !titled {
		return KindOrganisation, true
	}
	if titled {
		return KindPerson, false
	}
	if placeHeads[last] && len(name) > 1 {
		return KindPlace, false // "Fisht Stadium", "Century City Towers"
	}
	if nonPersonEnds[last] && len(name) > 1 {
		return "", false // "Steve Harvey Morning Show", "Labor Day"
	}
	if _, ok := givenNames[Fold(name[0].text)]; ok && len(name) > 1 && len(name) <= 4 {
		return KindPerson, false
	}
	if len(name) >= 2 && len(name) <= 4 {
		if nonPersonEnds[last] {
			return "", false
		}
		for _, t := range name {
			if !nameLike(t) {
				return "", false
			}
		}
		return KindPerson, true
	}
	return "", false
}

// isAcronym reports an all-capitals word of two to six letters ("NATO", "FBI").
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if r == '.' {
			continue
		}
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 6
}

// nameLike reports whether the token t looks like part of a personal
// name.
func nameLike(t token) bool {
	w, lw := t.text, t.lower
	if stopCaps[lw] || orgHeads[lw] || adjectives[lw] || descriptiveWords[lw] || strings.HasSuffix(lw, "ern") || strings.HasSuffix(lw, "ean") {
		return false
	}
	if i := strings.LastIndexByte(w, '-'); i > 0 && compoundTails[w[i+1:]] {
		return false // "Prize-winner", "Atlanta-based"
	}
	for _, suf := range []string{"ful", "ous", "less"} {
		if strings.HasSuffix(lw, suf) && len(lw) > len(suf)+3 {
			return false // "Successful", "Famous", "Fearless"
		}
	}
	for _, r := range w {
		if unicode.IsDigit(r) {
			return false
		}
	}
	if isAcronym(w) && len(w) > 2 {
		return false // "HAS INVESTIGATED HIM": a shouted heading, not a name
	}
	return true
}

// leadWordKind returns the kind of a name that w opens: a place for
// Mount, Lake, Cape, Fort, Port ("Lake Tahoe", "Fort Worth"), an
// organisation for Team ("Team Estonia"), else "".
func leadWordKind(w string) string {
	switch w {
	case "Mount", "Mt.", "Lake", "Cape", "Fort", "Port":
		return KindPlace
	case "Team":
		return KindOrganisation
	}
	return ""
}

// descriptiveWords describe what a capitalised run names; they are no
// part of a person's name ("National Iodine Nutrition", "Global
// Offensive").
var descriptiveWords = setOf(`national international federal regional central royal global social medical digital natural local public united civil annual official grand`)

// compoundTails end hyphenated adjectives and nouns made from a name
// ("Prize-winner", "Kremlin-backed"), which are no names.
var compoundTails = setOf(`winner winners based born backed led owned run made style like era linked funded controlled speaking bound friendly related born-and-raised`)

// surname returns the last word of a person's name, skipping suffixes.
func surname(toks []token) token {
	for k := len(toks) - 1; k > 0; k-- {
		switch strings.ToLower(strings.TrimSuffix(toks[k].text, ".")) {
		case "jr", "sr", "ii", "iii", "iv":
			continue
		}
		return toks[k]
	}
	return toks[0]
}

// personKey is the normalisation key of a person: folded surname, and the
// canonical given name when there is one.
func personKey(toks []token) (key, given, gender string) {
	sn := lang.NameKey(surname(toks).text)
	if len(toks) > 1 {
		g := Fold(toks[0].text)
		if gn, ok := givenNames[g]; ok {
			return sn + "|" + lang.NameKey(gn.canonical), gn.canonical, gn.gender
		}
		if len(strings.ReplaceAll(toks[0].text, ".", "")) > 0 {
			return sn + "|" + givenKey(toks[0].text), toks[0].text, ""
		}
	}
	return sn, "", ""
}

type building struct {
	Entity
	surname string // folded, persons only
	aliases map[string]bool
}

func joinToks(text string, toks []token) string {
	return text[toks[0].start:toks[len(toks)-1].end]
}

// resolve links candidates to entities and adds back-references.
// lowerSeen holds the words of toks written in lower case.
func resolve(text string, toks []token, cands []candidate, lowerSeen *lowerWords) ([]Entity, []Mention) {
	headline := &lineMemo{text: text, fn: headlineIn}
	shout := &lineMemo{text: text, fn: shoutIn}
	kept := make([]candidate, 0, len(cands))
	for _, c := range cands {
		if c.weak && c.kind == KindPerson && headline.at(c.toks[0].start) {
			continue
		}
		if strings.HasSuffix(c.toks[0].gapBefore, "#") || strings.HasSuffix(c.toks[0].gapBefore, "@") {
			continue // a hashtag or a handle (#IStandWithAhmed), no name
		}
		if len(c.toks) == 1 && c.canon == "" && commonAcronyms[strings.ReplaceAll(c.toks[0].text, ".", "")] {
			continue // "VIP attention", "15 IQ points"
		}
		if shout.at(c.toks[0].start) && c.canon == "" {
			continue // a line in capitals: no guesses from its shape
		}
		if c.weak && c.kind == KindPerson && len(c.toks) > 1 && !commonWordName(c.toks, lowerSeen) {
			// Two capitalised words make a person only when none of
			// them is a word the text writes in lower case (Science Fair,
			// Internet Explorer) or an acronym (PlayStation VR).
			continue
		}
		kept = append(kept, c)
	}
	cands = kept
	teams := markTeams(text, toks, cands)
	// A one-word place the name around it types ("Municipality of
	// Livorno") is that place wherever else the text names it alone.
	// So is a word before a comma and a known region or country ("Irving,
	// Texas").
	for k, c := range cands {
		if len(c.toks) == 1 && c.canon == "" && (c.kind == "" || c.weak) && k+1 < len(cands) && regionAfterComma(text, c, cands[k+1]) {
			cands[k].kind, cands[k].sure, cands[k].weak, cands[k].evidence = KindPlace, true, false, "before a region: "+cands[k+1].canon
		}
	}
	sureAt := map[string]bool{}
	for _, c := range cands {
		if c.sure {
			sureAt[Fold(c.toks[0].text)] = true
		}
	}
	if len(sureAt) > 0 {
		var nested []candidate
		for k, c := range cands {
			if len(c.toks) == 1 && !c.sure && c.canon == "" && sureAt[Fold(c.toks[0].text)] && (c.kind == "" || c.weak) {
				cands[k].kind, cands[k].sure, cands[k].weak, cands[k].evidence = KindPlace, true, false, "named as a place elsewhere in the text"
			}
			// "Irving Police Department": the place opens the name.
			if c.kind == KindOrganisation && len(c.toks) > 1 && sureAt[Fold(c.toks[0].text)] && !c.toks[0].poss {
				nested = append(nested, candidate{toks: c.toks[:1], kind: KindPlace, sure: true, evidence: "named as a place elsewhere in the text"})
			}
		}
		if len(nested) > 0 {
			cands = append(cands, nested...)
			sort.SliceStable(cands, func(i, j int) bool { return cands[i].toks[0].start < cands[j].toks[0].start })
		}
	}
	isoPlace(text, toks, cands)
	// A person guessed from shape alone (two capitalised words, no given
	// name, no title) needs a sign in the article: the surname used alone
	// elsewhere ("Bruce Arians ... Arians said"), or a speech or human verb
	// next to the name. Gallery debris ("Hide Caption"), products
	// ("Falcon Heavy") and events ("Super Bowl") have neither.
	alone, theBefore, numberAfter := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, c := range cands {
		// "Hide Caption 1 of 8", "Figure 3": a label before a number.
		if e := c.toks[len(c.toks)-1].end; e+1 < len(text) && text[e] == ' ' && text[e+1] >= '0' && text[e+1] <= '9' {
			numberAfter[Fold(joinToks(text, c.toks))] = true
		}
		if k := sort.Search(len(toks), func(i int) bool { return toks[i].start >= c.toks[0].start }); k > 0 && joinable(c.toks[0]) && strings.EqualFold(toks[k-1].text, "the") {
			theBefore[Fold(joinToks(text, c.toks))] = true
		}
		if len(c.toks) == 1 && midSentence(c.toks[0]) {
			k := sort.Search(len(toks), func(i int) bool { return toks[i].start >= c.toks[0].start })
			if k > 0 && (strings.EqualFold(toks[k-1].text, "the") || strings.EqualFold(toks[k-1].text, "a") || englishPlacePreps[toks[k-1].text]) {
				continue // "the Cubs", "in Nice": a team, a thing, a place
			}
			alone[Fold(c.toks[0].text)] = true
		}
	}
	kept = make([]candidate, 0, len(cands))
	for _, c := range cands {
		if c.weak && c.kind == KindPerson && len(c.toks) > 1 {
			last := c.toks[len(c.toks)-1]
			if theBefore[Fold(joinToks(text, c.toks))] || participleLike(c.toks[0].text) || numberAfter[Fold(joinToks(text, c.toks))] {
				continue // "the Falcon Heavy", "Overjoyed Cubs": no person
			}
			if alone[Fold(surname(c.toks).text)] {
				c.evidence = "surname used alone"
			} else if nextToSpeech(toks, last) || nextToSpeech(toks, c.toks[0]) || nextToHumanVerb(toks, last) || nextToHumanVerb(toks, c.toks[0]) {
				c.evidence = "speech or human verb"
			} else if !headline.at(c.toks[0].start) && !shortLine(text, c.toks[0].start) {
				c.evidence = "capitalised words in running text"
			} else {
				continue
			}
		}
		kept = append(kept, c)
	}
	cands = kept
	// An unknown capitalised word used at least twice in mid-sentence is
	// taken for a surname ("Trump and Zelensky met").
	midCount := map[string]int{}
	for _, c := range cands {
		if c.kind == "" && len(c.toks) == 1 && singleNameLike(c.toks[0]) && midSentence(c.toks[0]) {
			midCount[Fold(c.toks[0].text)]++
		}
	}
	// A word that ends a longer name that is no person's (World Series,
	// Panama Papers, New Year) is no surname when it stands alone.
	endsThing := map[string]bool{}
	for _, c := range cands {
		if len(c.toks) > 1 && c.kind != KindPerson {
			endsThing[Fold(c.toks[len(c.toks)-1].text)] = true
		}
		if len(c.toks) == 1 && c.kind == "" {
			// "Panama Papers", "Chinese New Year": split off a name before it.
			k := sort.Search(len(toks), func(i int) bool { return toks[i].start >= c.toks[0].start })
			if k > 0 && joinable(c.toks[0]) && toks[k-1].cap {
				endsThing[Fold(c.toks[0].text)] = true
			}
			// "Internet Explorer 6 Countdown": a name, a number, a word;
			// "the 501st Legion": an ordinal in digits opens a name.
			if k > 1 && joinable(c.toks[0]) && joinable(toks[k-1]) && (isNumber(toks[k-1].text) && toks[k-2].cap || digitOrdinal(toks[k-1].text)) {
				endsThing[Fold(c.toks[0].text)] = true
			}
		}
	}
	// Its kind comes from how the text uses it: next to a speech verb
	// ("Zelensky said") it is a person, after "in", "at" or "from" a
	// place, after "the" nothing (the Cubs); with no sign either way a
	// person.
	votes := map[string][3]int{} // person, place, organisation
	// "Broadcom Ltd" once makes "Broadcom" alone a company.
	for _, c := range cands {
		if len(c.toks) == 2 && legalForms[strings.TrimSuffix(c.toks[1].text, ".")] && !c.toks[0].poss {
			f := Fold(c.toks[0].text)
			v := votes[f]
			v[2] += 100
			votes[f] = v
		}
	}
	for _, c := range cands {
		if c.kind != "" || len(c.toks) != 1 {
			continue
		}
		f := Fold(c.toks[0].text)
		v := votes[f]
		if afterThe(toks, c.toks[0]) {
			v[1] -= 100 // "the Cubs won": a team or a thing, never a person
		}
		if (nextToSpeech(toks, c.toks[0]) || nextToHumanVerb(toks, c.toks[0])) && !beforeTitle(toks, c.toks[0]) {
			v[0]++
		}
		if placePrepBefore(toks, c.toks[0]) {
			v[1]++
		}
		v[2] += orgContext(toks, c.toks[0])
		votes[f] = v
	}
	for k, c := range cands {
		if c.kind == "" && len(c.toks) == 1 && singleNameLike(c.toks[0]) && midCount[Fold(c.toks[0].text)] >= 2 {
			v := votes[Fold(c.toks[0].text)]
			switch {
			case v[1] < -50, endsThing[Fold(c.toks[0].text)] && v[0] == 0:
				continue
			case v[2] > 0 && v[2] >= v[0]:
				cands[k].kind, cands[k].evidence = KindOrganisation, "company words"
			case v[0] > 0 && v[0] >= v[1]:
				cands[k].kind, cands[k].evidence = KindPerson, "speech verb"
			case v[1] > 0:
				cands[k].kind, cands[k].evidence = KindPlace, "after in, at, from"
			default:
				// No sign either way: a surname used alone ("Trump and
				// Zelensky met"), as it most often is in news.
				cands[k].kind, cands[k].evidence = KindPerson, "recurring in mid-sentence"
			}
			cands[k].weak = true
		}
	}
	// Peoples and faiths in the plural (Afghans, Muslims) name groups of
	// people, which the news sets tag as persons; not when the word ends a
	// team's name elsewhere (Cleveland Indians).
	for k, c := range cands {
		if c.kind == "" && len(c.toks) == 1 && groupNoun(c.toks[0].text) && !headline.at(c.toks[0].start) && !endsThing[Fold(c.toks[0].text)] {
			cands[k].kind, cands[k].evidence = KindPerson, "people or faith in the plural"
			if t := teamOf(teams, c.toks[0].text); t != "" {
				cands[k].kind, cands[k].evidence = KindOrganisation, "national team: "+t
			}
		}
	}
	weakOrg := map[string]bool{}
	type kindKey struct{ kind, key string }
	byKey := map[kindKey]*building{}
	var list []*building
	get := func(kind, key, name string) *building {
		if b, ok := byKey[kindKey{kind, key}]; ok {
			return b
		}
		b := &building{Entity: Entity{ID: ID(kind, key), Name: name, Kind: kind}, aliases: map[string]bool{}}
		byKey[kindKey{kind, key}] = b
		list = append(list, b)
		return b
	}
	ms := make([]Mention, 0, len(cands))
	add := func(b *building, start, end int, form string) {
		ms = append(ms, Mention{EntityID: b.ID, Text: text[start:end], Start: start, End: end, Form: form})
		b.Mentions++
		b.aliases[text[start:end]] = true
	}
	// Pass 1: person names, full names first so that a lone surname attaches
	// to the full name wherever it appears.
	persons := map[string][]*building{} // folded surname → persons
	// A given name used alone ("Daniel was picked up") stands for the one
	// person of the text named in full with it.
	byGiven := map[string][]*building{}
	givenOnly := func(c candidate) *building {
		if len(c.toks) != 1 {
			return nil
		}
		f := Fold(c.toks[0].text)
		if _, known := givenNames[f]; !known || len(persons[f]) > 0 || len(byGiven[f]) != 1 {
			return nil
		}
		return byGiven[f][0]
	}
	for _, single := range []bool{false, true} {
		for _, c := range cands {
			if c.kind != KindPerson || (len(c.toks) == 1) != single {
				continue
			}
			sn := Fold(surname(c.toks).text)
			if single && (len(persons[sn]) > 0 || givenOnly(c) != nil) {
				continue
			}
			key, _, g := personKey(c.toks)
			b := get(KindPerson, key, joinToks(text, c.toks))
			if b.surname == "" {
				b.surname = sn
				persons[sn] = append(persons[sn], b)
				if !single && len(c.toks) == 2 {
					if g := Fold(c.toks[0].text); g != sn {
						byGiven[g] = append(byGiven[g], b)
					}
				}
			}
			if len(joinToks(text, c.toks)) > len(b.Name) {
				b.Name = joinToks(text, c.toks)
			}
			if b.Gender == "" {
				b.Gender = g
			}
			if b.Gender == "" {
				b.Gender = c.gender
			}
		}
	}
	// Pass 2: every candidate in text order.
	for _, c := range cands {
		start, end := c.toks[0].start, c.toks[len(c.toks)-1].end
		var b *building
		form := "name"
		var given *building
		if c.canon == "" && (c.kind == KindPerson || c.kind == "" || c.kind == KindPlace && !c.sure) {
			given = givenOnly(c)
		}
		switch {
		case c.canon != "":
			b = get(c.kind, Fold(c.canon), c.canon)
		case given != nil:
			// "lie to Daniel": a given name of the text's one Daniel
			// outweighs the place preposition before it.
			b, form = given, "given name"
		case c.kind == KindPerson && len(c.toks) > 1:
			key, _, _ := personKey(c.toks)
			b = byKey[kindKey{KindPerson, key}]
		case c.kind == KindPlace && (len(c.toks) > 1 || c.sure):
			b = get(KindPlace, lang.NameKey(joinToks(text, c.toks)), joinToks(text, c.toks)) // South Australia
		case c.kind == KindOrganisation:
			b = get(KindOrganisation, lang.NameKey(joinToks(text, c.toks)), joinToks(text, c.toks))
			if c.weak {
				weakOrg[b.ID] = true
			}
		case len(c.toks) == 1:
			sn := Fold(c.toks[0].text)
			if len(persons[sn]) == 0 && (afterThe(toks, c.toks[0]) || placePrepBefore(toks, c.toks[0]) && !c.toks[0].poss) {
				continue // "the Cubs", "in Nice" refer to no person named in full
			}
			if ps := persons[sn]; len(ps) > 0 {
				b = nearestPerson(ps, start, ms)
				form = "surname"
			} else if c.kind == KindPerson || nextToSpeech(toks, c.toks[0]) {
				if c.evidence == "" && c.kind == "" {
					c.evidence = "speech verb"
				}
				b = get(KindPerson, lang.NameKey(c.toks[0].text), c.toks[0].text)
				if b.surname == "" {
					b.surname = sn
					persons[sn] = append(persons[sn], b)
				}
			}
		}
		if b == nil {
			continue
		}
		if ev := evidenceOf(c); ev != "" && (form == "name" || c.evidence != "") && !containsStr(b.Evidence, ev) {
			b.Evidence = append(b.Evidence, ev)
		}
		if b.Kind == KindPerson {
			for _, t := range c.titles {
				b.addTitle(t)
			}
			if b.Gender == "" {
				b.Gender = c.gender
			}
		}
		add(b, start, end, form)
	}
	byID := map[string]*building{}
	for _, b := range list {
		byID[b.ID] = b
	}
	// Appositive titles: "Yuri Ushakov, the presidential advisor on
	// international policy," and "Putin, Russia's president,".
	for _, m := range ms {
		b := byID[m.EntityID]
		if b == nil || b.Kind != KindPerson {
			continue
		}
		if comparedWith(text, m.Start) {
			continue // "like Vladimir Putin, the British prime minister is…"
		}
		if t := appositive(text[m.End:min(len(text), m.End+200)]); t != "" {
			b.addTitle(t)
		}
	}
	// Title back-references: "the vice president", "the Kremlin's foreign
	// policy adviser".
	ms = append(ms, titleMentions(text, toks, list, ms)...)
	for _, m := range ms {
		if m.Form == "title" {
			b := byID[m.EntityID]
			b.Mentions++
			b.aliases[strings.ToLower(m.Text)] = true
		}
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	ents := make([]Entity, 0, len(list))
	dropped := map[string]bool{}
	for _, b := range list {
		if weakOrg[b.ID] && b.Mentions < 2 {
			dropped[b.ID] = true
		}
	}
	if len(dropped) > 0 {
		keep := ms[:0]
		for _, m := range ms {
			if !dropped[m.EntityID] {
				keep = append(keep, m)
			}
		}
		ms = keep
	}
	for _, b := range list {
		if b.Mentions == 0 || dropped[b.ID] {
			continue
		}
		for a := range b.aliases {
			if a != b.Name {
				b.Aliases = append(b.Aliases, a)
			}
		}
		sort.Strings(b.Aliases)
		ents = append(ents, b.Entity)
	}
	if len(ents) == 0 {
		return nil, nil
	}
	return ents, ms
}

func (b *building) addTitle(t string) {
	t = normTitle(t)
	if t == "" {
		return
	}
	for _, have := range b.Titles {
		if have == t {
			return
		}
	}
	b.Titles = append(b.Titles, t)
}

// normTitle lowercases a title, drops articles, possessive qualifiers and
// nationality adjectives, and unifies adviser/advisor.
func normTitle(t string) string {
	var words []string
	for _, w := range strings.Fields(strings.ToLower(t)) {
		w = strings.Trim(w, ",.;:")
		if w == "the" || w == "a" || w == "an" || adjectives[w] || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			continue
		}
		if w == "advisor" {
			w = "adviser"
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}

// nearestPerson picks, among persons sharing a surname, the one mentioned
// most recently before start (or the first one).
func nearestPerson(ps []*building, start int, ms []Mention) *building {
	if len(ps) == 1 {
		return ps[0]
	}
	for k := len(ms) - 1; k >= 0; k-- {
		if ms[k].Start >= start {
			continue
		}
		for _, p := range ps {
			if ms[k].EntityID == p.ID {
				return p
			}
		}
	}
	return ps[0]
}

// speechWords mark a single capitalised word next to them as a speaker.
var speechWords = setOf(`said says told tells added asked wrote writes stated noted argued insisted claimed declared replied responded continued warned reiterated acknowledged admitted announced confirmed tweeted recalled suggested stressed emphasized urged explained remarked`)

func nextToSpeech(toks []token, t token) bool {
	k := sort.Search(len(toks), func(i int) bool { return toks[i].start >= t.start })
	if k < len(toks) && toks[k].start == t.start {
		if k+1 < len(toks) && speechWords[toks[k+1].text] && joinable(toks[k+1]) {
			return true
		}
		if k > 0 && speechWords[toks[k-1].text] && joinable(t) {
			return true
		}
		return false
	}
	return false
}

// comparedWith reports whether the name starting at start follows "like"
// or "unlike": the phrase after its comma is then the subject of the
// sentence ("Like Vladimir Putin, the British prime minister is not
// named"), not an appositive of the name.
func comparedWith(text string, start int) bool {
	before := strings.ToLower(strings.TrimRight(text[max(0, start-8):start], " "))
	return strings.HasSuffix(before, " like") || strings.HasSuffix(before, "unlike") || before == "like"
}

// appositive returns the title in ", the presidential advisor on
// international policy," right after a name, or "".
func appositive(after string) string {
	if !strings.HasPrefix(after, ", ") {
		return ""
	}
	rest := after[2:]
	lower := strings.ToLower(rest)
	var body string
	switch {
	case strings.HasPrefix(lower, "the "):
		body = rest[4:]
	case strings.HasPrefix(lower, "a "):
		body = rest[2:]
	case strings.HasPrefix(lower, "an "):
		body = rest[3:]
	default:
		// "Putin, Russia's president," style: possessive qualifier.
		body = rest
		if sp := strings.IndexByte(body, ' '); sp < 0 || !(strings.HasSuffix(body[:sp], "'s") || strings.HasSuffix(body[:sp], "’s")) {
			return ""
		}
	}
	end := strings.IndexAny(body, ",.;:\n(")
	if end < 0 || end > 90 {
		return ""
	}
	phrase := body[:end]
	words := strings.Fields(normTitle(phrase))
	if len(words) == 0 || len(words) > 8 {
		return ""
	}
	// Keep the phrase up to and including its title head ("presidential
	// adviser on international policy" → also usable as "presidential adviser").
	for k, w := range words {
		if titleHeads[w] {
			// The head closes the phrase or a prepositional phrase
			// follows it ("adviser on international policy"); a verb
			// after it opens a new clause ("Thurman, the director told
			// Deadline"): no appositive.
			if k+1 < len(words) && !appositivePreps[words[k+1]] {
				return ""
			}
			return strings.Join(words[:k+1], " ")
		}
	}
	return ""
}

// appositivePreps may follow the head of an appositive title.
var appositivePreps = setOf(`of on for to at in from and with`)

// titleMentions finds "the <title>" phrases and ties each to the person who
// holds that title, preferring the one mentioned most recently before it.
func titleMentions(text string, toks []token, list []*building, ms []Mention) []Mention {
	var holders []*building
	for _, b := range list {
		if b.Kind == KindPerson && len(b.Titles) > 0 {
			holders = append(holders, b)
		}
	}
	if len(holders) == 0 {
		return nil
	}
	persons := map[string]bool{}
	for _, b := range list {
		if b.Kind == KindPerson {
			persons[b.ID] = true
		}
	}
	var out []Mention
	for i := 0; i < len(toks); i++ {
		if !strings.EqualFold(toks[i].text, "the") {
			continue
		}
		var phrase []string
		for k := i + 1; k < len(toks) && k <= i+6; k++ {
			t := toks[k]
			if !joinable(t) {
				break
			}
			lw := t.lower
			phrase = append(phrase, lw)
			if titleHeads[lw] && lw != "official" && lw != "diplomat" {
				fits := func(b *building) bool { return qualifierFits(text, phrase, b, ms, persons) }
				if b := titleHolder(holders, normTitle(strings.Join(phrase, " ")), toks[i].start, ms, fits); b != nil {
					out = append(out, Mention{EntityID: b.ID, Text: text[toks[i].start:t.end], Start: toks[i].start, End: t.end, Form: "title"})
				}
				i = k
				break
			}
			if t.poss && k > i+1 {
				break
			}
		}
	}
	return out
}

// titleHolder returns the person whose title matches t and whom fits
// accepts (the phrase's qualifier fits them), the most recently mentioned
// before start winning; nil when none or when the title is ambiguous among
// people never mentioned before start.
func titleHolder(holders []*building, t string, start int, ms []Mention, fits func(*building) bool) *building {
	var match []*building
	for _, b := range holders {
		for _, have := range b.Titles {
			if titleMatches(have, t) {
				if fits(b) {
					match = append(match, b)
				}
				break
			}
		}
	}
	if len(match) == 0 {
		return nil
	}
	if len(match) == 1 {
		return match[0]
	}
	return nearestPerson(match, start, ms)
}

// titleMatches reports whether a title phrase used in the text (want) names
// the title a person holds (have): the same words, or want is have's head
// noun without a rank modifier ("president" does not match "vice president").
func titleMatches(have, want string) bool {
	if have == want {
		return true
	}
	hw, ww := strings.Fields(have), strings.Fields(want)
	if len(hw) == 0 || len(ww) == 0 {
		return false
	}
	if hw[len(hw)-1] != ww[len(ww)-1] {
		return false
	}
	for _, w := range hw {
		switch w {
		case "vice", "deputy", "former", "first", "acting", "ex-president":
			return false
		}
	}
	// Every word of want must appear in have.
	for _, w := range ww {
		found := false
		for _, h := range hw {
			if h == w {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// headlineIn reports whether the line text[start:end] is written in title
// case: at least four words, seven in ten of them capitalised.
func headlineIn(text string, start, end int) bool {
	words, caps := 0, 0
	inWord, checked := false, false
	for _, r := range text[start:end] {
		if unicode.IsSpace(r) {
			inWord = false
			continue
		}
		if !inWord {
			words++
			if words > 30 {
				return false
			}
			inWord, checked = true, false
		}
		if checked || strings.ContainsRune("\"“‘'([", r) {
			continue // leading quotes and brackets do not count
		}
		checked = true
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	if words < 4 {
		return false
	}
	return caps*10 >= words*7
}

// midSentence reports whether nothing but spaces, commas and the like
// separate t from the word before it.
func midSentence(t token) bool {
	if t.gapBefore == "" {
		return false
	}
	return !strings.ContainsAny(t.gapBefore, ".!?\n:\"“”‘’'(—")
}

// singleNameLike reports whether a lone capitalised token may be a surname:
// not a stop word, title, adjective, month or plural demonym.
func singleNameLike(t token) bool {
	w, lw := t.text, t.lower
	if len(lw) < 3 || stopCaps[lw] || personTitles[lw] || adjectives[lw] || orgHeads[lw] || isAcronym(w) {
		return false
	}
	for _, suf := range []string{"ians", "ans", "ican", "icans", "ics", "ese", "ish", "ern", "ean", "ist", "ists", "ic", "al"} {
		if strings.HasSuffix(lw, suf) {
			return false
		}
	}
	for _, r := range w {
		if unicode.IsDigit(r) || r == '.' {
			return false
		}
	}
	return true
}

// englishParticleRun returns how many lowercase particles start at toks[j]
// and lead to a capitalised word ("von der Leyen", "bin Salman"), or 0.
func englishParticleRun(toks []token, j int) int {
	k := j
	for k < len(toks) && k < j+3 && particles[toks[k].text] && joinable(toks[k]) {
		k++
	}
	if k > j && k < len(toks) && toks[k].cap && joinable(toks[k]) {
		return k - j
	}
	return 0
}

// placePrepositions come before places: "in Taipei", "from Livorno".
var englishPlacePreps = setOf(`in at from near across throughout outside inside into to via`)

// placePrepBefore reports whether t follows a place preposition.
func placePrepBefore(toks []token, t token) bool {
	k := sort.Search(len(toks), func(i int) bool { return toks[i].start >= t.start })
	return k > 0 && k < len(toks) && toks[k].start == t.start && joinable(t) && englishPlacePreps[toks[k-1].text]
}

// commonWordName reports whether a name of several words has no word the
// text writes in lower case elsewhere and no acronym: true when it may be
// a person's name.
func commonWordName(name []token, lowerSeen *lowerWords) bool {
	for k, t := range name {
		if k > 0 && strings.EqualFold(t.text, name[k-1].text) {
			return false // "Equifax Equifax": a doubled word is debris
		}
		if particles[t.text] || leadParticles[t.text] {
			continue
		}
		if lowerSeen.has(t.lower) || isAcronym(t.text) && utf8.RuneCountInString(t.text) > 1 {
			return false
		}
	}
	return true
}

// shoutIn reports whether the line text[start:end] is written in
// capitals: three words or more, most letters upper case. One pass, no
// allocation.
func shoutIn(text string, start, end int) bool {
	up, low, words := 0, 0, 0
	inWord := false
	for _, r := range text[start:end] {
		if r == ' ' || r == '\t' {
			inWord = false
			continue
		}
		if !inWord {
			words++
			inWord = true
		}
		if unicode.IsUpper(r) {
			up++
		} else if unicode.IsLower(r) {
			low++
			if low*3 >= up && words >= 3 && low > 2 {
				return false
			}
		}
	}
	return words >= 3 && up > 3*low && up >= 8
}

// lineMemo answers a question about the line holding an offset (fn, as
// headlineIn or shoutIn) once per line while the offsets stay on it: the
// candidates of a text come line by line.
type lineMemo struct {
	text       string
	fn         func(text string, start, end int) bool
	start, end int
	val, valid bool
}

func (m *lineMemo) at(off int) bool {
	// Every offset from start to end (the newline or the end of the
	// text) has the same line bounds.
	if !m.valid || off < m.start || off > m.end {
		m.start, m.end = lineBounds(m.text, off)
		m.val = m.fn(m.text, m.start, m.end)
		m.valid = true
	}
	return m.val
}

// lineBounds returns the start and end of the line holding off.
func lineBounds(text string, off int) (int, int) {
	start := strings.LastIndexByte(text[:off], '\n') + 1
	end := strings.IndexByte(text[off:], '\n')
	if end < 0 {
		return start, len(text)
	}
	return start, end + off
}

// orgFirst open organisation names of the form "X of Y": University of
// Texas, Church of Scientology, Municipality of Livorno.
var orgFirst = setOf(`university church council municipality institute department ministry college school society association federation union league party court office agency commission committee board bank embassy academy museum daughters sons friends bureau center centre foundation organization organisation corps chamber house`)

// humanVerbs are what people do to or with each other in news: a lone
// capitalised word as their subject or object is a person ("Trump
// praised Zelensky", "met Zelensky").
var humanVerbs = setOf(`met meets meet praised praises thanked thanks urged urges warned warns accused accuses criticized criticised called calls invited invites hosted hosts greeted greets visited visits spoke speaks pledged vowed promised promises phoned telephoned congratulated blamed blames endorsed endorses appointed fired nominated married interviewed hugged`)

// nextToHumanVerb reports whether a human verb stands right before or
// after t.
func nextToHumanVerb(toks []token, t token) bool {
	k := sort.Search(len(toks), func(i int) bool { return toks[i].start >= t.start })
	if k >= len(toks) || toks[k].start != t.start {
		return false
	}
	if k+1 < len(toks) && joinable(toks[k+1]) && humanVerbs[toks[k+1].text] {
		return true
	}
	return k > 0 && joinable(t) && humanVerbs[toks[k-1].text]
}

// leadingParticles returns where a name starting at toks[i] begins when
// lower-case particles stand before it ("von der Leyen", "bin Salman",
// "фон дер Ляйен"), or i.
func leadingParticles(toks []token, i int) int {
	b := i
	for b > 0 && b > i-3 && leadParticles[toks[b-1].text] && joinable(toks[b]) {
		b--
	}
	if b < i && b > 0 && toks[b-1].cap && joinable(toks[b]) {
		return i // "Ursula von der Leyen": the run already holds them
	}
	return b
}

var leadParticles = setOf(`von van de der den bin ibn al ben фон дер де ван бин ибн бен аль`)

// participleLike reports a word shaped like a participle or an adverb
// (Overjoyed, Breaking, Reportedly): it does not open a person's name.
func participleLike(w string) bool {
	lw := strings.ToLower(w)
	if _, ok := givenNames[Fold(w)]; ok || len(lw) < 6 {
		return false
	}
	return strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ing") || strings.HasSuffix(lw, "ly")
}

// evidenceOf says why a candidate has its kind.
func evidenceOf(c candidate) string {
	switch {
	case c.evidence != "":
		return c.evidence
	case c.canon != "":
		return "gazetteer"
	case c.kind == KindPerson && len(c.titles) > 0:
		return "title: " + c.titles[0]
	case c.kind == KindPerson && c.gender != "" && len(c.toks) > 0:
		if _, ok := givenNames[Fold(c.toks[0].text)]; ok {
			return "given name"
		}
		return "honorific"
	case c.kind == KindPerson:
		if _, ok := givenNames[Fold(c.toks[0].text)]; ok && len(c.toks) > 1 {
			return "given name"
		}
		return "capitalised words"
	case c.kind == KindOrganisation && len(c.toks) == 1 && isAcronym(c.toks[0].text):
		return "acronym"
	case c.kind == KindOrganisation:
		return "organisation word: " + c.toks[len(c.toks)-1].lower
	}
	return ""
}

// afterThe reports whether t follows "the" directly.
func afterThe(toks []token, t token) bool {
	k := sort.Search(len(toks), func(i int) bool { return toks[i].start >= t.start })
	return k > 0 && k < len(toks) && toks[k].start == t.start && joinable(t) && strings.EqualFold(toks[k-1].text, "the")
}

// beforeTitle reports whether a title word follows t ("said Cubs manager
// Joe Maddon": Cubs qualifies the title, it is not the speaker).
func beforeTitle(toks []token, t token) bool {
	k := sort.Search(len(toks), func(i int) bool { return toks[i].start >= t.start })
	return k+1 < len(toks) && toks[k].start == t.start && joinable(toks[k+1]) && (personTitles[toks[k+1].lower] || titleHeads[toks[k+1].lower] || toks[k+1].text == "manager" || toks[k+1].text == "coach")
}

// qualifierFits reports whether the nationality or party words of a title
// phrase ("the Russian president") fit the person it would join: the same
// word, or its country, stands within 60 bytes before one of the person's
// named mentions ("Russian President Vladimir Putin") or in its appositive
// ("Yury Ushakov, the Kremlin's foreign policy adviser,"). A phrase without
// such a word fits. So "the Russian president" never joins Donald Trump
// only because he is a president.
func qualifierFits(text string, phrase []string, b *building, ms []Mention, persons map[string]bool) bool {
	var quals []string
	for _, w := range phrase {
		if adjectives[w] && w != "former" && w != "then" && w != "top" && w != "new" && w != "ex-" && w != "then-president" {
			quals = append(quals, w)
		}
	}
	if len(quals) == 0 {
		return true
	}
	for _, m := range ms {
		if m.EntityID != b.ID || m.Form == "title" {
			continue
		}
		// The words before the mention, back to 60 bytes or to the end of
		// another person's name, whichever is nearer: in "British Prime
		// Minister David Cameron and Vladimir Putin" the qualifier is
		// Cameron's, not Putin's.
		from := max(0, m.Start-60)
		for _, o := range ms {
			if o.EntityID != b.ID && persons[o.EntityID] && o.End <= m.Start && o.End > from {
				from = o.End
			}
		}
		ctx := strings.ToLower(text[from:m.Start])
		if after := text[m.End:min(len(text), m.End+120)]; strings.HasPrefix(after, ", ") && !comparedWith(text, m.Start) {
			// An appositive: "Yury Ushakov, the Kremlin's foreign policy adviser,".
			if end := strings.IndexAny(after[2:], ",.;\n"); end >= 0 {
				ctx += " " + strings.ToLower(after[:end+2])
			}
		}
		ok := true
		for _, q := range quals {
			root := strings.TrimSuffix(strings.TrimSuffix(q, "n"), "ia")
			if len(root) > 4 {
				root = root[:4]
			}
			if !strings.Contains(ctx, q) && !strings.Contains(ctx, root) {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// orgContext weighs company words around t: a legal form after it
// ("Broadcom Inc", "Equifax Ltd") or a company noun before it ("chipmaker
// Broadcom", "credit rating firm Equifax") settles it, 100; what a
// company has ("Broadcom shares", "Broadcom CEO", "Equifax executives")
// counts 1.
func orgContext(toks []token, t token) int {
	k := tokIndex(toks, t)
	if k < 0 {
		return 0
	}
	w := 0
	if k+1 < len(toks) && joinable(toks[k+1]) && !t.poss {
		next := strings.TrimSuffix(toks[k+1].text, ".")
		if legalForms[next] {
			w += 100
		} else if companyAfter[next] {
			w++
		}
	}
	if k+1 < len(toks) && joinable(toks[k+1]) && t.poss && companyOwned[toks[k+1].text] {
		w++ // "Broadcom's shareholders"
	}
	if k > 0 && joinable(t) && companyBefore[toks[k-1].text] {
		w += 100
	}
	return w
}

var legalForms = setOf(`Inc Corp Ltd Co LLC Plc PLC AG SA NV GmbH Holdings`)

var companyAfter = setOf(`shares stock shareholder shareholders executives executive CEO CFO subsidiary customers customer`)

var companyOwned = setOf(`shares stock shareholders executives CEO subsidiary customers`)

var companyBefore = setOf(`company firm chipmaker maker rival retailer startup carrier insurer lender automaker airline conglomerate giant`)

// shortLine reports whether the line holding off has fewer than four
// words: a caption, a credit, a gallery label ("Hide Caption"), not a
// sentence.
func shortLine(text string, off int) bool {
	start, end := lineBounds(text, off)
	words, inWord := 0, false
	for i := start; i < end; i++ {
		if c := text[i]; c == ' ' || c == '\t' || c == '\r' {
			inWord = false
			continue
		}
		if !inWord {
			words++
			if words >= 4 {
				return false
			}
			inWord = true
		}
	}
	return true
}

// placeOrgEnd returns where an organisation's name ends when the place
// gazetteer match run[i:i+n] opens it ("Colorado State University",
// "Irving Independent School District", "Massachusetts Institute of
// Technology"), or 0.
func placeOrgEnd(run []token, i, n int, e gazEntry) int {
	if e.kind != KindPlace && e.kind != KindCountry {
		return 0
	}
	for k := i + n; k < len(run); k++ {
		if run[k-1].poss || personTitles[run[k].lower] && !orgHeads[run[k].lower] && !(k+1 < len(run) && (orgHeads[run[k+1].lower] || orgFirst[run[k+1].lower])) {
			return 0 // "Colorado State University" goes on; "Texas Governor Greg Abbott" not
		}
		lw := run[k].lower
		if orgHeads[lw] || orgFirst[lw] {
			end := k + 1
			if end < len(run) && run[end].text == "of" {
				end = len(run)
			} else {
				for end < len(run) && (orgHeads[run[end].lower] || strings.EqualFold(run[end].text, "district")) {
					end++
				}
			}
			return end
		}
	}
	return 0
}

// markTeams types countries (and cities: clubs) that play as teams as
// organisations, as news about matches means them (and GUM tags them): in
// a text where at least two known places stand next to a score ("Sweden 1 – 0 Korea
// Republic", "Belgium defeated Panama 3 – 0"), every mention of a country
// that plays (a score or a match verb next to it) is its team, except
// where a place preposition stands before it ("in Russia").
func markTeams(text string, toks []token, cands []candidate) map[string]bool {
	scored := map[string]bool{}
	for _, c := range cands {
		if (c.kind == KindCountry || c.kind == KindPlace) && c.canon != "" && (scoreAfter(text, c.toks[len(c.toks)-1].end) || scoreBefore(text, c.toks[0].start)) {
			scored[c.canon] = true
		}
	}
	if len(scored) < 2 {
		return nil
	}
	teams := map[string]bool{}
	for _, c := range cands {
		if c.kind != KindCountry && c.kind != KindPlace || c.canon == "" {
			continue
		}
		if scored[c.canon] || matchVerbNext(toks, c.toks[len(c.toks)-1]) {
			teams[c.canon] = true
		}
	}
	for k, c := range cands {
		if c.kind != KindCountry && c.kind != KindPlace || !teams[c.canon] {
			continue
		}
		if kk := tokIndex(toks, c.toks[0]); kk > 0 && joinable(c.toks[0]) && teamPlacePreps[toks[kk-1].text] {
			continue
		}
		cands[k].kind, cands[k].evidence = KindOrganisation, "national team: match score"
	}
	return teams
}

// teamOf returns the team a people's name in the plural stands for in a
// match report ("the Belgians" for Belgium), or "".
func teamOf(teams map[string]bool, w string) string {
	lw := []rune(strings.ToLower(w))
	if len(lw) < 4 {
		return ""
	}
	// The team sharing the longest prefix ("Austrians": Austria, not
	// Australia), the first in sorted order on a tie: the same in every
	// process, whatever the map's order.
	best, bestN := "", 3
	for _, t := range slices.Sorted(maps.Keys(teams)) {
		lt := []rune(strings.ToLower(t))
		n := 0
		for n < len(lt) && n < len(lw) && lt[n] == lw[n] {
			n++
		}
		if n > bestN {
			best, bestN = t, n
		}
	}
	return best
}

// teamPlacePreps come before a country that is a place even in a match
// report ("in Russia"); "to", "for" and "against" come before teams.
var teamPlacePreps = setOf(`in at from across throughout inside near`)

// matchVerbs are what a team does in a match.
var matchVerbs = setOf(`defeated defeats beat beats faced faces drew draws thrashed edged routed trounced overcame eliminated knocked conceded equalised equalized`)

// matchVerbNext reports a match verb right after t ("Sweden defeated").
func matchVerbNext(toks []token, t token) bool {
	k := tokIndex(toks, t)
	return k >= 0 && k+1 < len(toks) && joinable(toks[k+1]) && matchVerbs[toks[k+1].text]
}

// tokIndex returns the index of t in toks, or -1.
func tokIndex(toks []token, t token) int {
	if k, ok := tokenAt(toks, t.start); ok {
		return k
	}
	return -1
}

// scoreAfter reports a match score ("1 – 0", "3-0") right after off,
// after at most one word ("Belgium defeated Panama 3 – 0" scores Panama).
func scoreAfter(text string, off int) bool {
	rest := text[off:min(len(text), off+16)]
	return isScore(strings.TrimLeft(rest, " \u00a0"))
}

// scoreBefore reports a match score ending right before off ("1 – 0 Korea
// Republic").
func scoreBefore(text string, off int) bool {
	before := strings.TrimRight(text[max(0, off-16):off], " \u00a0")
	// Walk back over the second number, the dash and the first number.
	i := len(before)
	for i > 0 && before[i-1] >= '0' && before[i-1] <= '9' {
		i--
	}
	if i == len(before) {
		return false
	}
	j := strings.LastIndexAny(before[:i], "0123456789")
	if j < 0 {
		return false
	}
	k := j
	for k > 0 && before[k-1] >= '0' && before[k-1] <= '9' {
		k--
	}
	if k > 0 && before[k-1] != ' ' && before[k-1] != '\n' && before[k-1] != '\t' {
		return false
	}
	return isScore(before[k:])
}

// isScore reports whether s opens with "N – M" (hyphen, en or em dash,
// spaces optional) followed by the end or a non-digit.
func isScore(s string) bool {
	i := 0
	for i < len(s) && i < 2 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i < len(s) && s[i] >= '0' && s[i] <= '9' {
		return false
	}
	s = strings.TrimLeft(s[i:], " ")
	switch {
	case strings.HasPrefix(s, "-"):
		s = s[1:]
	case strings.HasPrefix(s, "–"), strings.HasPrefix(s, "—"):
		s = s[len("–"):]
	default:
		return false
	}
	s = strings.TrimLeft(s, " ")
	i = 0
	for i < len(s) && i < 2 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && (i == len(s) || s[i] < '0' || s[i] > '9')
}
