package timeline

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/parallax-news/parallax/internal/news"
)

// token is one word of a sentence.
type token struct {
	w     string // lower-cased
	cap   bool   // written with a capital first letter
	start int    // byte offset in the text split
}

// words splits s into letter/digit runs (apostrophes and hyphens between
// letters stay inside a word), lower-cased.
func words(s string) []token {
	var out []token
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
				j += n2
				continue
			}
			if r2 == '\'' || r2 == '’' || r2 == '-' {
				r3, _ := utf8.DecodeRuneInString(s[j+n2:])
				if j+n2 < len(s) && unicode.IsLetter(r3) {
					j += n2
					continue
				}
			}
			break
		}
		out = append(out, token{w: strings.ToLower(s[i:j]), cap: unicode.IsUpper(r), start: i})
		i = j
	}
	return out
}

// wordsOutside returns the words of s outside the byte range [from, to).
func wordsOutside(s string, from, to int) []token {
	from = min(max(from, 0), len(s))
	to = min(max(to, from), len(s))
	after := words(s[to:])
	for i := range after {
		after[i].start += to
	}
	return append(words(s[:from]), after...)
}

// boilerplate reports whether a dated sentence is a dateline or a
// publication stamp rather than a report of something that happened; an
// article in language code reads the stamp words of that language too.
func boilerplate(all, rest []token, code string) bool {
	if len(rest) < 3 {
		return true
	}
	if len(all) < 12 {
		stamp := eventLangs[code].stamp
		for _, t := range all {
			switch t.w {
			case "published", "updated", "posted", "copyright", "©":
				return true
			}
			if stamp[t.w] {
				return true
			}
		}
	}
	return false
}

type verbs struct {
	event  bool // a verb that reports something happening
	future bool // the sentence announces it ("will", "set to")
	// stems are the stems of the event verbs other than speech verbs.
	stems map[string]bool
}

// eventness looks for event verbs: past tense (regular or irregular),
// present-tense headline verbs, and announcements of what is to come.
func eventness(toks []token) verbs {
	var v verbs
	past := false
	for i, t := range toks {
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].w
		}
		// A future marker after a past verb is reported speech ("Putin
		// reaffirmed that Russia will not withdraw"), not an announcement.
		switch {
		case past:
		case t.w == "will" || t.w == "scheduled":
			v.future = true
		case (t.w == "set" || t.w == "expected" || t.w == "plans" || t.w == "due") && next == "to":
			v.future = true
		}
		verb := t.w
		switch {
		case irregularPast[t.w] != "":
			verb = irregularPast[t.w]
			past = true
		case presentEvent[t.w]:
		case !t.cap && len(t.w) >= 5 && strings.HasSuffix(t.w, "ed") && !notVerb[t.w]:
			past = true
		default:
			continue
		}
		v.event = true
		if !speechVerbs[t.w] {
			if v.stems == nil {
				v.stems = map[string]bool{}
			}
			v.stems[english.Stem(verb, false)] = true
		}
	}
	if v.future {
		v.event = true
	}
	return v
}

// keyTerms returns the words and entities that identify what a sentence
// (at offset base of the text) reports: content words stemmed (irregular
// verbs to their base form), and for each entity mentioned, "@" + its ID
// and the last word of its name, so that "South Korea" counts as one name
// and "Vladimir Putin" matches "Putin" even under another ID.
//
// In a language other than English (en false) words are cut to their
// first letters (prefixStem) instead of stemmed, and English stop words
// and irregular verbs do not apply.
func keyTerms(rest []token, mentions []news.Mention, base int, end int, en bool) map[string]bool {
	terms := map[string]bool{}
	var inName []news.Mention
	for _, m := range mentions {
		if m.EntityID != "" && m.Start >= base && m.End <= end {
			inName = append(inName, m)
			terms["@"+m.EntityID] = true
		}
	}
	for _, t := range rest {
		w := t.w
		if !en {
			if isNumber(w) || utf8.RuneCountInString(w) < 4 {
				continue
			}
			if m, ok := covering(inName, base+t.start); ok && base+t.start+len(t.w) < m.End {
				continue
			}
			terms[prefixStem(w)] = true
			continue
		}
		if stopwords[w] || speechVerbs[w] || calendarWords[w] || isNumber(w) || utf8.RuneCountInString(w) < 2 {
			continue
		}
		if root := irregularPast[w]; root != "" {
			w = root
		}
		// Possessives fold with the plain word: "Putin’s" is "putin".
		w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
		if m, ok := covering(inName, base+t.start); ok && base+t.start+len(t.w) < m.End {
			continue // a name's leading words: the name counts once
		}
		terms[english.Stem(w, false)] = true
	}
	return terms
}

// covering returns the mention that holds byte offset off.
func covering(ms []news.Mention, off int) (news.Mention, bool) {
	for _, m := range ms {
		if off >= m.Start && off < m.End {
			return m, true
		}
	}
	return news.Mention{}, false
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// weights gives each term the log inverse of the share of mentions that
// hold it, so that names every sentence of a storyline carries count for
// little.
func weights(ms []*mention) map[string]float64 {
	df := map[string]int{}
	for _, m := range ms {
		for t := range m.terms {
			df[t]++
		}
	}
	n := float64(len(ms))
	w := make(map[string]float64, len(df))
	for t, d := range df {
		w[t] = math.Log(1 + n/float64(d))
	}
	return w
}

// term is one key term with its weight.
type term struct {
	t string
	w float64
}

// vectorize gives each mention its terms sorted with their weights and
// their total weight, so that overlaps are computed by a merge, in a fixed
// order (the same sums, bit for bit, in every run).
func vectorize(ms []*mention, w map[string]float64) {
	for _, m := range ms {
		m.vec = make([]term, 0, len(m.terms))
		for t := range m.terms {
			m.vec = append(m.vec, term{t, w[t]})
		}
		slices.SortFunc(m.vec, func(a, b term) int { return strings.Compare(a.t, b.t) })
		m.total, m.nameTotal, m.names = 0, 0, nil
		for _, x := range m.vec {
			m.total += x.w
			if strings.HasPrefix(x.t, "@") {
				m.names = append(m.names, x)
				m.nameTotal += x.w
			}
		}
		// The names of the sentences around count across languages at
		// their weight, or as rare as can be when no sentence holds them.
		for t := range m.context {
			if m.terms[t] {
				continue
			}
			x, ok := w[t]
			if !ok {
				x = math.Log(1 + float64(len(ms)))
			}
			m.names = append(m.names, term{t, x})
			m.nameTotal += x
		}
		slices.SortFunc(m.names, func(a, b term) int { return strings.Compare(a.t, b.t) })
	}
}

// largerShare is how much the larger set's weight counts in the overlap's
// denominator: 0 is the overlap coefficient (a short sentence wholly
// inside a long one scores 1), 0.5 the Dice coefficient. Chosen on the
// news-clusters set (go test ./internal/timeline -run NewsClusters -v).
const largerShare = 0.2

// overlap is the weight of the shared terms over a blend of the two sets'
// weights, mostly the smaller's; 0 unless at least two terms are shared.
//
// Mentions in different languages share no words, only what crosses
// languages: there the overlap is that of their entities alone, and at
// least two must be shared.
func overlap(a, b *mention) float64 {
	if a.lang != b.lang {
		return overlapNames(a, b)
	}
	var shared float64
	n, names := 0, 0
	for i, j := 0, 0; i < len(a.vec) && j < len(b.vec); {
		switch c := strings.Compare(a.vec[i].t, b.vec[j].t); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			shared += a.vec[i].w
			n++
			if strings.HasPrefix(a.vec[i].t, "@") {
				names++
			}
			i++
			j++
		}
	}
	// Two words alone ("seasonally adjusted") are too little: two
	// sentences about one event share a name, or three words.
	if n < 2 || (names == 0 && n < 3) {
		return 0
	}
	lo, hi := min(a.total, b.total), max(a.total, b.total)
	return shared / (lo*(1-largerShare) + hi*largerShare)
}

// irregularPast maps irregular past forms that report events to their base.
var irregularPast = map[string]string{
	"met": "meet", "said": "say", "told": "tell", "wrote": "write", "spoke": "speak",
	"held": "hold", "made": "make", "took": "take", "gave": "give", "began": "begin",
	"won": "win", "lost": "lose", "went": "go", "came": "come", "sent": "send",
	"left": "leave", "led": "lead", "fought": "fight", "struck": "strike", "shot": "shoot",
	"sought": "seek", "brought": "bring", "thought": "think", "found": "find", "saw": "see",
	"became": "become", "broke": "break", "chose": "choose", "drew": "draw", "fell": "fall",
	"flew": "fly", "froze": "freeze", "grew": "grow", "knew": "know", "paid": "pay",
	"rose": "rise", "sat": "sit", "sold": "sell", "stood": "stand", "swore": "swear",
	"threw": "throw", "withdrew": "withdraw", "upheld": "uphold", "undertook": "undertake",
	"overtook": "overtake", "hit": "hit", "quit": "quit", "spent": "spend", "bought": "buy",
	"built": "build", "caught": "catch", "drove": "drive", "forgot": "forget", "heard": "hear",
	"kept": "keep", "meant": "mean", "ran": "run", "rang": "ring", "shook": "shake",
	"slid": "slide", "spoken": "speak", "stole": "steal", "taught": "teach", "understood": "understand",
	"woke": "wake", "wore": "wear", "beat": "beat", "bid": "bid", "cut": "cut", "let": "let",
	"put": "put", "read": "read", "shut": "shut", "split": "split", "spread": "spread",
}

// presentEvent are present-tense verbs headlines and leads use for events.
var presentEvent = map[string]bool{
	"says": true, "meets": true, "visits": true, "announces": true, "signs": true,
	"holds": true, "calls": true, "tells": true, "warns": true, "agrees": true,
	"launches": true, "attacks": true, "hosts": true, "rejects": true, "approves": true,
	"vows": true, "urges": true, "threatens": true, "kills": true, "strikes": true,
}

// notVerb are words ending in -ed that are not past verbs.
var notVerb = map[string]bool{
	"hundred": true, "indeed": true, "speed": true, "breed": true, "creed": true,
	"greed": true, "seed": true, "steed": true, "weed": true, "embed": true, "united": true,
	"need": true, "bleed": true, "sacred": true, "naked": true, "wicked": true, "kindred": true,
	"shred": true, "sled": true, "wed": true, "bed": true, "red": true, "fed": true,
}

// speechVerbs are attribution verbs: they say who reported, not what
// happened, so they neither identify an event nor keep it apart.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "added": true,
	"claimed": true, "claims": true, "reported": true, "reports": true, "according": true,
	"stated": true, "noted": true, "remarked": true, "explained": true, "insisted": true,
	"argued": true, "wrote": true, "asked": true, "responded": true, "replied": true,
	"announced": true, "confirmed": true, "reportedly": true, "stating": true, "saying": true,
}

// calendarWords name dates; the date itself is compared separately.
var calendarWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "week": true, "month": true, "year": true, "day": true,
	"today": true, "yesterday": true, "tomorrow": true, "earlier": true, "later": true,
	"last": true, "next": true, "this": true, "ago": true, "weekend": true,
}

var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but if then than that this these those
		of in on at to for from by with without about as into onto over under after before
		during since until while between among through against upon within across around
		is are was were be been being am has have had having do does did doing done
		will would shall should can could may might must not no nor so too very just also
		i me my we us our you your he him his she her it its they them their who whom whose
		which what when where why how all any both each few more most other some such only own
		same there here again further once one two three four five six seven eight nine ten
		first second third new mr mrs ms dr st us u.s s t re ve ll d m o y
		however although though because while despite even still yet already now ever never
		up down out off away back well much many lot lots per via
		pct percent cent dlrs dollars mln million billion bln trillion cts stg units`) {
		m[w] = true
	}
	return m
}()

// overlapNames is overlap over the entities of two mentions alone: the
// weight of the shared ones over a blend of the two sets' weights; 0
// unless two are shared.
func overlapNames(a, b *mention) float64 {
	var shared float64
	n := 0
	for i, j := 0, 0; i < len(a.names) && j < len(b.names); {
		switch c := strings.Compare(a.names[i].t, b.names[j].t); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			shared += a.names[i].w
			n++
			i++
			j++
		}
	}
	if n < 2 {
		return 0
	}
	lo, hi := min(a.nameTotal, b.nameTotal), max(a.nameTotal, b.nameTotal)
	return shared / (lo*(1-largerShare) + hi*largerShare)
}
