package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/lang/de"
	"github.com/parallax-news/parallax/internal/lang/ru"
	"github.com/parallax-news/parallax/internal/lang/uk"
	"github.com/parallax-news/parallax/internal/sentence"
)

// langRes are one language's resources for quotes, read from
// internal/lang/<code>/quote.go. English keeps its own rules (attrib.go).
type langRes struct {
	code  string
	verbs map[string]bool // speech verbs, every form
	// infinitives are the verbs' infinitives: cues for a quote, but their
	// subject is another verb's, so they name no source of their own.
	infinitives map[string]bool
	afterOnly   map[string]bool // cues only right after a quote ("so")
	according   [][]string      // "по словам" + source
	accPron     [][]string      // "по его словам": the source is a pronoun
	accGender   []string        // gender of each accPron phrase
	accAfter    map[string]bool // source + "zufolge"
	pronouns    map[string]string
	roles       []string
	// roleSuffix: roles and title nouns end compounds (German) rather than
	// start inflected words (Russian, Ukrainian).
	roleSuffix bool
	preps      map[string]bool
	funcs      map[string]bool
	dets       map[string]bool
	this       [][]string
	titleNouns []string
	soCalled   []string
	complement []string // genitive endings of a role's complement
	adjEnds    []string // adjective endings
	// anonymous are the role keys of unnamed sources ("источник").
	anonymous map[string]bool
	// complementizers open a reported clause after a cue ("что", "dass").
	complementizers map[string]bool
	reversed        bool // » opens and « closes when context cannot tell
	// nounCaps: common nouns are capitalised (German), so a capitalised
	// word is a name only with more evidence.
	nounCaps bool
	// generic are role keys of sources a text may leave unnamed
	// ("чиновник"): the person introduced with the role, else nobody.
	generic map[string]bool
	// unnamedMarks before or in a description leave it unnamed
	// ("неназванный", "один из").
	unnamedMarks []string
	// placePreps put an institution by its seat ("в Кремле сообщили");
	// pluralEnds end the impersonal plural cues that allow it.
	placePreps map[string]bool
	pluralEnds []string
	// femEnds, mascEnds end surnames of one gender; obliqueEnds end names
	// in an oblique case only.
	femEnds, mascEnds, obliqueEnds []string
	// pastEnds end past-tense verb forms (ru "-ла", uk "-в").
	pastEnds []string
}

// with adds the resources newLangRes does not take.
func (r *langRes) with(generic, unnamedMarks, placePreps, pluralEnds []string) *langRes {
	r.generic, r.unnamedMarks = setOf(generic), unnamedMarks
	r.placePreps, r.pluralEnds = setOf(placePreps), pluralEnds
	return r
}

// withNames adds the surname endings of gender and case.
func (r *langRes) withNames(fem, masc, oblique, past []string) *langRes {
	r.femEnds, r.mascEnds, r.obliqueEnds, r.pastEnds = fem, masc, oblique, past
	return r
}

// gender returns "f" or "m" for a name whose surname ends like one
// gender's only, else "".
func (r *langRes) gender(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return ""
	}
	last := f[len(f)-1]
	if utf8.RuneCountInString(last) < 4 {
		return ""
	}
	// Feminine endings first: "-ова" also ends in "-а", not in "-ов".
	for _, e := range r.femEnds {
		if strings.HasSuffix(last, e) {
			return "f"
		}
	}
	for _, e := range r.mascEnds {
		if strings.HasSuffix(last, e) {
			return "m"
		}
	}
	return ""
}

// agrees reports whether a pronoun of gender g ("m", "f", "p") may stand
// for name.
func (r *langRes) agrees(g, name string) bool {
	if g != "m" && g != "f" {
		return true
	}
	ng := r.gender(name)
	return ng == "" || ng == g
}

// oblique reports a name in an oblique case only ("Путиным", "Зеленському").
func (r *langRes) oblique(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return false
	}
	last := f[len(f)-1]
	for _, e := range r.obliqueEnds {
		if strings.HasSuffix(last, e) && utf8.RuneCountInString(last) > utf8.RuneCountInString(e)+2 {
			return true
		}
	}
	return false
}

// isUnnamedMark reports words that leave a description's source unnamed:
// entries ending in a period match the whole word, others start it.
func (r *langRes) isUnnamedMark(lw string) bool {
	for _, t := range r.unnamedMarks {
		if strings.HasSuffix(t, ".") && lw == t[:len(t)-1] || !strings.HasSuffix(t, ".") && strings.HasPrefix(lw, t) {
			return true
		}
	}
	return false
}

func setOf(ws []string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func phrases(ps []string) [][]string {
	var out [][]string
	for _, p := range ps {
		out = append(out, strings.Fields(p))
	}
	return out
}

func newLangRes(code string, verbs, infinitives, after, according []string, accPron map[string]string, accAfter []string,
	pronouns map[string]string, roles []string, roleSuffix bool, preps, funcs, dets, this, titles, soCalled, complement, adjEnds, complementizers, anonymous []string, reversed, nounCaps bool) *langRes {
	r := &langRes{code: code, verbs: setOf(append(append([]string(nil), verbs...), infinitives...)), infinitives: setOf(infinitives), afterOnly: setOf(after), according: phrases(according),
		accAfter: setOf(accAfter), pronouns: pronouns, roles: roles, roleSuffix: roleSuffix, preps: setOf(preps),
		funcs: setOf(funcs), dets: setOf(dets), this: phrases(this), titleNouns: titles, soCalled: soCalled, complement: complement, adjEnds: adjEnds, complementizers: setOf(complementizers), anonymous: setOf(anonymous), reversed: reversed, nounCaps: nounCaps}
	// Longest phrases first, so "по его словам" wins over shorter ones.
	for p, g := range accPron {
		r.accPron = append(r.accPron, strings.Fields(p))
		r.accGender = append(r.accGender, g)
	}
	sortPhrases(r.accPron, r.accGender)
	return r
}

// sortPhrases orders phrases by length then text, keeping genders beside
// them, so matching is deterministic.
func sortPhrases(ps [][]string, gs []string) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && phraseLess(ps[j], ps[j-1]); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
			gs[j], gs[j-1] = gs[j-1], gs[j]
		}
	}
}

func phraseLess(a, b []string) bool {
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return strings.Join(a, " ") < strings.Join(b, " ")
}

var langs = map[string]*langRes{
	lang.Russian: newLangRes(lang.Russian, ru.QuoteSpeechVerbs(), ru.QuoteSpeechInfinitives(), ru.QuoteAfterOnlyCues, ru.QuoteAccordingTo,
		ru.QuoteAccordingToPronoun, ru.QuoteAccordingAfter, ru.QuotePronouns, ru.QuoteRoles, false,
		ru.QuotePrepositions, ru.QuoteFunctionWords, ru.QuoteDeterminers, ru.QuoteThisPhrases, ru.QuoteTitleNouns, ru.QuoteSoCalled, ru.QuoteRoleComplementEndings, ru.QuoteAdjectiveEndings, ru.QuoteComplementizers, ru.QuoteAnonymousRoles,
		ru.QuoteGuillemetsReversed, false).with(ru.QuoteGenericRoles, ru.QuoteUnnamedMarks, ru.QuotePlacePrepositions, ru.QuotePluralCueEndings).withNames(ru.QuoteFeminineEndings, ru.QuoteMasculineEndings, ru.QuoteObliqueEndings, ru.QuotePastEndings),
	lang.Ukrainian: newLangRes(lang.Ukrainian, uk.QuoteSpeechVerbs(), uk.QuoteSpeechInfinitives(), uk.QuoteAfterOnlyCues, uk.QuoteAccordingTo,
		uk.QuoteAccordingToPronoun, uk.QuoteAccordingAfter, uk.QuotePronouns, uk.QuoteRoles, false,
		uk.QuotePrepositions, uk.QuoteFunctionWords, uk.QuoteDeterminers, uk.QuoteThisPhrases, uk.QuoteTitleNouns, uk.QuoteSoCalled, uk.QuoteRoleComplementEndings, uk.QuoteAdjectiveEndings, uk.QuoteComplementizers, uk.QuoteAnonymousRoles,
		uk.QuoteGuillemetsReversed, false).with(uk.QuoteGenericRoles, uk.QuoteUnnamedMarks, uk.QuotePlacePrepositions, uk.QuotePluralCueEndings).withNames(uk.QuoteFeminineEndings, uk.QuoteMasculineEndings, uk.QuoteObliqueEndings, uk.QuotePastEndings),
	lang.German: newLangRes(lang.German, de.QuoteSpeechVerbs(), de.QuoteSpeechInfinitives(), de.QuoteAfterOnlyCues, de.QuoteAccordingTo,
		de.QuoteAccordingToPronoun, de.QuoteAccordingAfter, de.QuotePronouns, de.QuoteRoles, true,
		de.QuotePrepositions, de.QuoteFunctionWords, de.QuoteDeterminers, de.QuoteThisPhrases, de.QuoteTitleNouns, de.QuoteSoCalled, de.QuoteRoleComplementEndings, de.QuoteAdjectiveEndings, de.QuoteComplementizers, de.QuoteAnonymousRoles,
		de.QuoteGuillemetsReversed, true).with(de.QuoteGenericRoles, de.QuoteUnnamedMarks, de.QuotePlacePrepositions, de.QuotePluralCueEndings).withNames(de.QuoteFeminineEndings, de.QuoteMasculineEndings, de.QuoteObliqueEndings, de.QuotePastEndings),
}

// FindLang is FindByAuthor for a text in the language with ISO 639-1 code
// code. English, and text whose language is unknown (""), take the English
// rules; Russian, Ukrainian and German take their own quotation marks,
// speech verbs, dash attributions («…», — заявил X; „…“, sagte X) and
// sentence rules from internal/lang; the English rules never run on them.
// A language with no resources gives no quotes: its marks are paired by no
// rule Parallax can vouch for, and a quote without a speaker is noise.
func FindLang(text, code, author string, ents []entity.Entity, ms []entity.Mention) ([]Quote, []Problem) {
	code = strings.ToLower(strings.TrimSpace(code))
	if code == "" || code == lang.English {
		return FindByAuthor(text, author, ents, ms)
	}
	res, ok := langs[code]
	if !ok {
		return nil, nil
	}
	d := newDoc(text, ents, ms)
	d.res = res
	d.author = strings.TrimSpace(author)
	d.sents = sentence.SplitLang(text, code)
	d.findSpans()
	d.attributeLang()
	d.capQuotes()
	return d.quotes, d.problems
}

// isRole reports whether lw (lower case) is a title or role word, and the
// key that identifies the role for matching a later description to the
// named person it stands for.
func (r *langRes) isRole(lw string) (string, bool) {
	if r.roleSuffix {
		part := lw
		if k := strings.LastIndexAny(part, "-‐"); k >= 0 {
			part = part[k+1:]
		}
		for _, cut := range []string{"", "en", "n", "s", "es"} {
			p := strings.TrimSuffix(part, cut)
			if cut != "" && p == part {
				continue
			}
			for _, role := range r.roles {
				if strings.HasSuffix(p, role) {
					return p, true
				}
			}
		}
		return "", false
	}
	for _, role := range r.roles {
		if strings.HasPrefix(lw, role) && len(lw)-len(role) <= 8 {
			return role, true
		}
	}
	// A compound title is its first part: "прем’єр-міністерка",
	// "экс-министр" aside.
	if k := strings.IndexAny(lw, "-‐"); k > 0 && k+1 < len(lw) {
		if key, ok := r.isRole(lw[:k]); ok {
			return key, true
		}
	}
	return "", false
}

// isTitleNoun reports whether lw names a newspaper, channel, party or the
// like, after which marks enclose a title.
func (r *langRes) isTitleNoun(lw string) bool {
	if k := strings.LastIndexAny(lw, "-‐"); k >= 0 && k+1 < len(lw) && r.isTitleNoun(lw[k+1:]) {
		return true // "telegram-каналу"
	}
	for _, t := range r.titleNouns {
		if r.roleSuffix {
			if strings.HasSuffix(lw, t) || strings.HasSuffix(strings.TrimSuffix(strings.TrimSuffix(lw, "s"), "e"), t) {
				return true
			}
		} else if strings.HasPrefix(lw, t) && len(lw)-len(t) <= 8 {
			return true
		}
	}
	return false
}

// adjective reports a lower-case word with an adjective ending.
func (r *langRes) adjective(lw string) bool {
	for _, e := range r.adjEnds {
		if strings.HasSuffix(lw, e) && len(lw) > len(e)+2 {
			return true
		}
	}
	return false
}

// isSoCalled reports "so-called" words ("т. н.", "sogenannte"): entries
// ending in a period match the whole word, others start it.
func (r *langRes) isSoCalled(lw string) bool {
	for _, t := range r.soCalled {
		if strings.HasSuffix(t, ".") && lw == t || !strings.HasSuffix(t, ".") && strings.HasPrefix(lw, t) {
			return true
		}
	}
	return false
}

// classifyMarkLang is classifyMark for a language with resources: the
// marks' context decides first; guillemets fall back on the language's
// direction (» opens in German), „ and ‚ always open, and “ ‘ close unless
// they stand where only an opening mark can.
func classifyMarkLang(text string, i int, res *langRes) (markKind, family, int) {
	r, size := utf8.DecodeRuneInString(text[i:])
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	atStart := i == 0
	atEnd := i+size >= len(text)
	prevSpace := atStart || unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/", prev)
	nextSpace := atEnd || unicode.IsSpace(next)
	nextPunct := atEnd || strings.ContainsRune(",.;:!?—–-)]…", next)
	switch r {
	case '«', '»':
		opens := r == '«' != res.reversed
		switch {
		case prevSpace && !nextSpace && !nextPunct:
			opens = true
		case !prevSpace && (nextSpace || nextPunct):
			opens = false
		}
		if opens {
			return openMark, famGuill, size
		}
		return closeMark, famGuill, size
	case '„':
		return openMark, famCurly, size
	case '“':
		if prevSpace && !nextSpace && !nextPunct {
			return openMark, famCurly, size
		}
		return closeMark, famCurly, size
	case '”':
		// ”…” (one mark both ways, as some Ukrainian and Russian sites
		// type it): opening where a word starts after a space or a
		// sentence's end ("конфіденційності.”Усі").
		if (prevSpace || strings.ContainsRune(".,:;!?", prev)) && unicode.IsLetter(next) {
			return openMark, famCurly, size
		}
		return closeMark, famCurly, size
	case '‚':
		if prevSpace && unicode.IsLetter(next) {
			return openMark, famSingle, size
		}
		return notMark, famNone, size
	case '‘':
		if prevSpace && unicode.IsLetter(next) {
			return openMark, famSingle, size
		}
		if !prevSpace && !unicode.IsLetter(next) && !unicode.IsDigit(next) {
			return closeMark, famSingle, size
		}
		return notMark, famNone, size
	}
	return classifyMark(text, i)
}

// classify is classifyMark by the rules of the document's language.
func (d *doc) classify(i int) (markKind, family, int) {
	if d.res != nil {
		return classifyMarkLang(d.text, i, d.res)
	}
	return classifyMark(d.text, i)
}

// isQuoteRuneLang adds the marks only other languages use.
func (d *doc) isQuoteRune(r rune) bool {
	return isQuoteRune(r) || d.res != nil && r == '‚'
}
