package entity

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/lang/de"
	"github.com/parallax-news/parallax/internal/lang/ru"
	"github.com/parallax-news/parallax/internal/lang/uk"
)

// The recognizer for languages other than English. Each language takes
// its own path: Russian and Ukrainian (one Cyrillic path with the
// resources of both, so that a Russian text taken for Ukrainian or the
// reverse loses nothing) and German; a language with no resources gets
// the neutral path, which finds only gazetteer names (no capitalisation
// guesses, so no junk in Japanese or Arabic). English rules (the English
// title, stop and adjective lists) never run on them.
//
// Names are keyed by lang.NameKey, so case forms and spellings of one
// name in any script share an entity ID: "Владимира Путина" and "Vladimir
// Putin" are ID(person, "putin|volodymyr") both.

// langRes is one language's resources, read from internal/lang/<code>.
type langRes struct {
	titles, speech map[string]bool   // lowercase words
	orgHeads       map[string]bool   // NameKey of head nouns
	placeHeads     map[string]bool   // NameKey of head nouns
	placeHeadForm  map[string]bool   // the head nouns as listed (lowercase)
	orgHeadForm    map[string]bool   // the head nouns as listed (lowercase)
	legal          map[string]bool   // exact legal forms (ООО, ТОВ)
	common         map[string]bool   // lowercase capitalised non-names (German)
	given          map[string]string // NameKey of a given name → gender
	places         map[string]gazEntry
	firstForm      map[string]string // canonical → the language's first form
	maxWords       int
	// lower maps the key of a name written in lower case on purpose
	// (Ukrainian "путін") to its kind and canonical name.
	lower map[string]gazEntry
	// Cyrillic: abbreviations of common nouns (ЗМІ), and the prefixes and
	// morphemes of compound organisation names (Держпраці, Агротехбуд).
	commonAcr            map[string]bool
	stumps, orgMorphemes []string
}

func newLangRes() *langRes {
	return &langRes{titles: map[string]bool{}, speech: map[string]bool{}, orgHeads: map[string]bool{}, placeHeads: map[string]bool{}, placeHeadForm: map[string]bool{}, orgHeadForm: map[string]bool{},
		legal: map[string]bool{}, common: map[string]bool{}, given: map[string]string{}, places: map[string]gazEntry{}, firstForm: map[string]string{}, maxWords: 1, lower: map[string]gazEntry{}, commonAcr: map[string]bool{}}
}

func (r *langRes) addWords(into map[string]bool, s string, key bool) {
	for _, w := range strings.Fields(s) {
		if key {
			into[lang.NameKey(w)] = true
		} else {
			into[strings.ToLower(w)] = true
		}
	}
}

func (r *langRes) addGiven(s string) {
	g := ""
	for _, w := range strings.Fields(s) {
		if w == "m" || w == "f" {
			g = w
			continue
		}
		r.given[lang.NameKey(w)] = g
	}
}

// addPlaces reads "Canonical<TAB>form|form" lines; the kind comes from the
// English gazetteer entry of the canonical name (place when it has none).
func (r *langRes) addPlaces(s, code string) {
	for _, line := range strings.Split(s, "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 2 {
			continue
		}
		e, ok := gazetteer[gazKey(f[0])]
		if !ok {
			e = gazEntry{kind: KindPlace, canonical: f[0]}
		}
		e.acronym = false
		forms := strings.Split(f[1], "|")
		if _, ok := r.firstForm[code+":"+e.canonical]; !ok {
			r.firstForm[code+":"+e.canonical] = forms[0]
		}
		for _, form := range forms {
			k := lang.NameKey(form)
			if k == "" {
				continue
			}
			if _, dup := r.places[k]; !dup {
				r.places[k] = e
			}
			if n := len(strings.Fields(k)); n > r.maxWords {
				r.maxWords = n
			}
		}
	}
}

var cyrRes, deRes = newLangRes(), newLangRes()

func init() {
	for _, l := range []struct {
		code                                           string
		titles, speech, given, orgHeads, legal, places string
		placeHeads                                     string
	}{
		{lang.Russian, ru.NameTitles, ru.NameSpeechVerbs, ru.NameGiven, ru.NameOrgHeads, ru.NameLegalForms, ru.NamePlaces, ru.NamePlaceHeads},
		{lang.Ukrainian, uk.NameTitles, uk.NameSpeechVerbs, uk.NameGiven, uk.NameOrgHeads, uk.NameLegalForms, uk.NamePlaces, uk.NamePlaceHeads},
	} {
		cyrRes.addWords(cyrRes.titles, l.titles, false)
		cyrRes.addWords(cyrRes.speech, l.speech, false)
		cyrRes.addGiven(l.given)
		cyrRes.addWords(cyrRes.orgHeads, l.orgHeads, true)
		cyrRes.addWords(cyrRes.placeHeads, l.placeHeads, true)
		cyrRes.addWords(cyrRes.placeHeadForm, l.placeHeads, false)
		cyrRes.addWords(cyrRes.orgHeadForm, l.orgHeads, false)
		for _, w := range strings.Fields(l.legal) {
			cyrRes.legal[w] = true
		}
		cyrRes.addPlaces(l.places, l.code)
	}
	addISO(cyrRes)
	for _, w := range strings.Fields(ru.NameCommonAcronyms + " " + uk.NameCommonAcronyms) {
		cyrRes.commonAcr[w] = true
	}
	cyrRes.addWords(cyrRes.common, ru.NameStopCaps+" "+uk.NameStopCaps, false)
	cyrRes.stumps = strings.Fields(ru.NameStumpPrefixes + " " + uk.NameStumpPrefixes)
	cyrRes.orgMorphemes = strings.Fields(ru.NameOrgMorphemes + " " + uk.NameOrgMorphemes)
	for _, line := range strings.Split(uk.NameLowercased, "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 2 {
			continue
		}
		e, ok := gazetteer[gazKey(f[0])]
		if !ok {
			e = gazEntry{kind: KindPerson, canonical: f[0]}
		}
		for _, form := range strings.Split(f[1], "|") {
			for _, infl := range inflect(form) {
				cyrRes.lower[infl] = e
			}
			if strings.Contains(form, " ") {
				cyrRes.lower[lang.NameKey(form)] = e
			}
		}
	}
	deRes.addWords(deRes.titles, de.NameTitles, false)
	deRes.addWords(deRes.speech, de.NameSpeechVerbs, false)
	deRes.addGiven(de.NameGiven)
	deRes.addWords(deRes.common, de.NameCommonCaps, false)
	deRes.addPlaces(de.NamePlaces, lang.German)
	// Latin-script names in any language: the English gazetteer's forms
	// and given names (Google, NATO, Donald), by key. Forms whose keys
	// collide (Brazil, Brasil) are taken in sorted order, so that the
	// same one wins in every process, not the one the map gives first.
	for _, k := range slices.Sorted(maps.Keys(gazetteer)) {
		e := gazetteer[k]
		for _, r := range []*langRes{cyrRes, deRes} {
			nk := lang.NameKey(k)
			if _, dup := r.places[nk]; !dup && nk != "" && (len(nk) > 3 || e.acronym) {
				ee := e
				r.places[nk] = ee
			}
		}
	}
	for _, k := range slices.Sorted(maps.Keys(givenNames)) {
		g := givenNames[k]
		for _, r := range []*langRes{cyrRes, deRes} {
			nk := lang.NameKey(k)
			if _, dup := r.given[nk]; !dup {
				r.given[nk] = g.gender
			}
		}
	}
}

// mcand is one recognised name in the multilingual path.
type mcand struct {
	start, end int // byte offsets
	kind       string
	canon      string // gazetteer canonical name, or ""
	name       string // the name as written (person: without title)
	evidence   string
	weak       bool // kind guessed from shape: a person needs a second sign
}

// ExtractLang is Extract for a text in a known language (ISO 639-1 code).
// English and an empty code take the English path (an empty code first
// guesses the language from the letters, lang.Guess); Russian and
// Ukrainian the Cyrillic path; German its own; any other language the
// neutral path (gazetteer names only).
func ExtractLang(text, code string) ([]Entity, []Mention) {
	if code == "" {
		code = lang.Guess(text)
		if code == "" && !hasOtherScript(text) {
			code = lang.English
		}
	}
	switch code {
	case lang.English:
		ents, ms := extractEnglish(text)
		return annotate(ents, ms, lang.English, text)
	case lang.Russian, lang.Ukrainian:
		return extractMulti(text, code, cyrRes)
	case lang.German:
		return extractMulti(text, code, deRes)
	}
	return extractMulti(text, code, nil)
}

func hasOtherScript(text string) bool {
	n, other := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			n++
			if r >= 0x250 {
				other++
			}
		}
		if n > 2000 {
			break
		}
	}
	return other*2 > n
}

// annotate adds the cross-script key and the name in the article's
// language to entities and mentions of the English path.
func annotate(ents []Entity, ms []Mention, code, text string) ([]Entity, []Mention) {
	key := map[string]string{}
	for i := range ents {
		e := &ents[i]
		e.Key = lang.NameKey(e.Name)
		key[e.ID] = e.Key
		if e.NameByLang == nil {
			e.NameByLang = map[string]string{code: e.Name}
		}
	}
	for i := range ms {
		ms[i].Key = key[ms[i].EntityID]
	}
	return ents, ms
}

// quoteClose returns the byte offset just after the quotation mark that
// closes the one at text[i:], nested «» counted, or -1 within 200 bytes.
func quoteClose(text string, i int) int {
	open, size := utf8.DecodeRuneInString(text[i:])
	var close rune
	switch open {
	case '«':
		close = '»'
	case '„':
		close = '“'
	case '“':
		close = '”'
	case '"':
		close = '"'
	default:
		return -1
	}
	depth := 1
	lastClose := -1
	for j := i + size; j < len(text) && j < i+200; {
		r, s := utf8.DecodeRuneInString(text[j:])
		if r == '\n' {
			return lastClose
		}
		if r == open && open != close {
			depth++
		} else if r == close {
			depth--
			lastClose = j + s
			if depth == 0 {
				return j + s
			}
		}
		j += s
	}
	// "«Шляхове будівництво «Альтком»" closes once for both.
	return lastClose
}

// isAcronymAny is isAcronym for any script: two to six capital letters.
func isAcronymAny(w string) bool {
	n := 0
	for _, r := range w {
		if r == '.' || r == '-' {
			continue
		}
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 7
}

func isLatinWord(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) && r >= 0x250 {
			return false
		}
	}
	return true
}

// adjectival reports a lowercase Cyrillic adjective form (міської,
// московского, районного) that may stand between a name and its head.
func adjectival(w string) bool {
	for _, s := range []string{"ий", "ій", "ый", "ой", "ого", "ому", "ої", "ої", "ая", "яя", "ое", "ее", "ую", "юю", "ым", "им", "ім", "ом", "ей", "ою", "их", "ых", "ые", "і", "а", "е", "ську", "цьку"} {
		if strings.HasSuffix(w, s) && utf8.RuneCountInString(w) > 3 {
			return true
		}
	}
	return false
}

// personSuffix reports a surname ending of Russian and Ukrainian names in
// any case (Иванов, Петрова, Зеленского, Шевченко, Кравчук, Гачечиладзе).
func personSuffix(w string) bool {
	k := strings.ToLower(w)
	if !lang.HasCyrillic(k) || utf8.RuneCountInString(k) < 5 {
		return false
	}
	for _, s := range []string{"енко", "швили", "дзе", "ян", "янц", "чук", "щук", "юк", "ук", "ович", "евич", "івна", "ївна", "овна", "евна"} {
		if strings.HasSuffix(k, s) {
			return true
		}
	}
	for _, s := range []string{"ский", "ського", "ского", "ському", "скому", "ським", "ским", "ская", "ська", "ской", "ської", "цкий", "цький", "цкого", "цького", "цкому", "цькому", "цким", "цьким", "ськiй"} {
		if strings.HasSuffix(k, s) {
			return true // adjectival surnames; Краматорську is a place
		}
	}
	stem := []rune(k)
	// Strip a case ending made of vowels or -ым/-им/-ом/-ой/-ою.
	for _, s := range []string{"ым", "им", "ом", "ою", "ой", "ої", "ій", "ого", "ому", "а", "у", "е", "і", "ы", "и"} {
		if strings.HasSuffix(k, s) {
			stem = []rune(strings.TrimSuffix(k, s))
			break
		}
	}
	st := string(stem)
	for _, s := range []string{"ов", "ев", "ёв", "єв", "ів", "ин", "ын", "ін"} {
		if strings.HasSuffix(st, s) && len(stem) >= 4 {
			return true
		}
	}
	return false
}

// placeSuffix reports a place-name ending (Голландии, Приморья, Хабаровск,
// Тернополі, Вугледара is not one).
func placeSuffix(w string) bool {
	k := strings.ToLower(w)
	if utf8.RuneCountInString(k) < 4 {
		return false
	}
	for _, s := range []string{"ия", "ии", "ию", "ией", "ія", "ії", "ію", "ск", "ска", "ске", "ську", "ськ", "ська", "ськом", "ськові", "ську", "ську", "цьк", "цьку", "цька", "ська", "град", "града", "граде", "бург", "бурга", "бурге", "поль", "поля", "поле", "полі", "піль", "ополь", "ье", "ья", "ьи", "ів", "івка", "івки", "івці", "ївка", "ївки"} {
		if strings.HasSuffix(k, s) {
			return true
		}
	}
	return false
}

// placePrepositions introduce places ("в Москве", "у Києві", "из Пекина").
var placePrepositions = setOf(`в во у из із з зі на до под під над через по от від около біля возле in nach aus bei von`)

func isPatronymic(w string) bool {
	k := strings.ToLower(w)
	for _, s := range []string{"ович", "евич", "йович", "ьович", "овна", "евна", "івна", "ївна", "ович", "овича", "евича", "овичем", "евичем", "овни", "івни", "ївни", "овною", "івною", "овичу", "евичу", "івні", "ївні", "івну", "ївну", "овну", "евну", "овне", "евне"} {
		if strings.HasSuffix(k, s) && utf8.RuneCountInString(k) > len([]rune(s))+2 {
			return true
		}
	}
	return false
}

func isInitial(t token) bool {
	return strings.HasSuffix(t.text, ".") && utf8.RuneCountInString(t.text) == 2 && unicode.IsUpper(first(t.text))
}

// nameParticles join the parts of a name in these languages: "Урсула фон
// дер Ляйен", "Джей ді Венс", "Ахмад бин Салман".
// latinConnectors are the lower-case words inside Latin-script names of
// organisations and works (Industrial and Commercial Bank of China).
var latinConnectors = setOf(`of and della del di du des und the for to on la le`)

var nameParticles = setOf(`фон дер де ді ди ван да дель бин бен ибн ібн аль ал ла ле von der de van da al bin ibn zu`)

// multiSentenceInitial reports whether token i opens a sentence, a line or
// a quotation.
func multiSentenceInitial(toks []token, i int) bool {
	if i == 0 {
		return true
	}
	return strings.ContainsAny(toks[i].gapBefore, ".!?\n:\"“„«…—–")
}

// extractMulti is the recognizer of the Cyrillic, German and neutral
// paths; res is nil for the neutral path.
func extractMulti(text, code string, res *langRes) ([]Entity, []Mention) {
	toks := tokenize(text)
	if len(toks) == 0 {
		return nil, nil
	}
	german := res == deRes
	var cands []mcand
	claimed := make([]bool, len(toks))
	lowerOf := func(i int) string { return toks[i].lower }
	key := func(i int) string { return lang.NameKey(toks[i].text) }

	// Words the text writes capitalised in mid-sentence, and (German)
	// words it uses as common nouns: after an article or a determiner.
	mid := map[string]int{}
	nouns := map[string]bool{}
	lowerSeen := map[string]bool{}
	for i, t := range toks {
		if !t.cap {
			lowerSeen[t.text] = true
		}
		if t.cap && !multiSentenceInitial(toks, i) {
			mid[key(i)]++
		}
		if german && i > 0 && t.cap && joinable(t) {
			switch lowerOf(i - 1) {
			case "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "kein", "keine", "diese", "dieser", "dieses", "jede", "jeder", "alle", "viele", "mehrere", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn":
				nouns[lowerOf(i)] = true
			}
		}
	}

	// 1. Companies by legal form and quoted name: ТОВ «Укргеоекологія».
	if res != nil && !german {
		for i, t := range toks {
			q := t.end
			for q < len(text) && text[q] == ' ' {
				q++
			}
			// An acronym before a quoted name is a legal or
			// organisational form the list may not hold: ДГ «Відродження».
			formLike := isAcronymAny(t.text) && lang.HasCyrillic(t.text) && strings.HasPrefix(text[q:], "«")
			if !res.legal[t.text] && !formLike || formLike && claimed[i] && !res.legal[t.text] {
				continue // an acronym inside a name already taken: ДП «НАЕК «Енергоатом»
			}
			// ТОВ фірма «Київ»: lower-case words between the form and the
			// quoted name belong to the name.
			if res.legal[t.text] && i+1 < len(toks) && !toks[i+1].cap && joinable(toks[i+1]) {
				k := i + 1
				for k < len(toks) && k < i+4 && !toks[k].cap && joinable(toks[k]) && !strings.ContainsAny(toks[k].gapBefore, ",.;:") {
					k++
				}
				if k > i+1 {
					q2 := toks[k-1].end
					for q2 < len(text) && text[q2] == ' ' {
						q2++
					}
					if strings.HasPrefix(text[q2:], "«") {
						q = q2
					}
				}
			}
			end := quoteClose(text, q)
			if end < 0 {
				// ТОВ Krederi ltd: the capitalised words after the form.
				k := i + 1
				for k < len(toks) && k < i+5 && joinable(toks[k]) && (toks[k].cap || k > i+1 && strings.EqualFold(toks[k].text, "ltd")) {
					k++
				}
				if k == i+1 {
					claimed[i] = true // a legal form alone names no one
					continue
				}
				end = toks[k-1].end
			}
			// Legal forms in a row: ТОВ НПП «Укргазгеоавтоматика».
			start := t.start
			if i > 0 && res.legal[toks[i-1].text] && joinable(t) && len(cands) > 0 && cands[len(cands)-1].end == toks[i-1].end {
				continue
			}
			if i+1 < len(toks) && res.legal[toks[i+1].text] && joinable(toks[i+1]) {
				q2 := toks[i+1].end
				for q2 < len(text) && text[q2] == ' ' {
					q2++
				}
				if e2 := quoteClose(text, q2); e2 > 0 {
					end = e2
				}
			}
			cands = append(cands, mcand{start: start, end: end, kind: KindOrganisation, name: text[start:end], evidence: "legal form"})
			for k := i; k < len(toks) && toks[k].start < end; k++ {
				claimed[k] = true
			}
		}
		// A lowercase organisation noun before a quoted name: движения
		// «Солидарность» (Russian usage takes the noun into the name, as
		// factRuEval does; Ukrainian the quoted name alone, as NER-UK does).
		for i, t := range toks {
			// Фірма «Армант» opening a sentence reads as фірма «Армант».
			if t.cap && !(code == lang.Ukrainian && multiSentenceInitial(toks, i) && !isAcronymAny(t.text)) || claimed[i] || i+1 >= len(toks) || claimed[i+1] {
				continue
			}
			if code == lang.Ukrainian {
				q := t.end
				for q < len(text) && text[q] == ' ' {
					q++
				}
				if q >= len(text) || !strings.HasPrefix(text[q:], "«") {
					continue
				}
				end := quoteClose(text, q)
				if end < 0 || i+1 >= len(toks) || !toks[i+1].cap {
					continue
				}
				in, out := q+len("«"), end-len("»")
				if out <= in || strings.ContainsAny(text[in:out], ".!?") && out-in > 60 {
					continue
				}
				cands = append(cands, mcand{start: in, end: out, kind: KindOrganisation, name: text[in:out], evidence: "quoted name"})
				for k := i + 1; k < len(toks) && toks[k].start < end; k++ {
					claimed[k] = true
				}
				continue
			}
			if code == lang.Russian && ruMediaContext[t.lower] && !res.orgHeads[key(i)] {
				// сообщает «Лента.ру», корреспондентом «Голоса Америки»: a
				// short quoted name a report is attributed to is a medium.
				if c, ok := quotedMedium(text, t.end); ok {
					cands = append(cands, c)
					for k := i + 1; k < len(toks) && toks[k].start < c.end; k++ {
						claimed[k] = true
					}
				}
				continue
			}
			if !res.orgHeads[key(i)] {
				continue
			}
			q := t.end
			for q < len(text) && text[q] == ' ' {
				q++
			}
			if q >= len(text) || !strings.HasPrefix(text[q:], "«") {
				continue
			}
			end := quoteClose(text, q)
			// союз «опасен для православия ...»: a quotation, no name.
			if r, _ := utf8.DecodeRuneInString(text[q+len("«"):]); end < 0 || unicode.IsLower(r) {
				continue
			}
			cands = append(cands, mcand{start: t.start, end: end, kind: KindOrganisation, name: text[t.start:end], evidence: "organisation noun and quoted name"})
			for k := i; k < len(toks) && toks[k].start < end; k++ {
				claimed[k] = true
			}
		}
	}

	// A short quoted name opening a sentence, a verb after it:
	// «Єврогазбанк» був заснований (Ukrainian usage, as NER-UK tags).
	if res != nil && code == lang.Ukrainian {
		cands = append(cands, quotedOpeners(text, toks, claimed)...)
	}

	// 1b. Addresses (Ukrainian usage, as NER-UK tags them): a street or
	// square abbreviation, the capitalised name (initials allowed) and a
	// house number: вул. І. Федорова, 32; пл. Корятовича.
	if code == lang.Ukrainian {
		for i := 0; i+1 < len(toks); i++ {
			t := toks[i]
			if claimed[i] || t.cap || !ukAddressAbbrev[t.text] || t.end >= len(text) || text[t.end] != '.' {
				continue
			}
			j := i + 1
			for j < len(toks) && j < i+4 && toks[j].cap && !claimed[j] && isInitial(toks[j]) {
				j++
			}
			if j >= len(toks) || !toks[j].cap || claimed[j] || isInitial(toks[j]) || strings.TrimSpace(toks[j].gapBefore) != "." && strings.TrimSpace(toks[j].gapBefore) != "" {
				continue
			}
			for j+1 < len(toks) && j < i+3 && toks[j+1].cap && !claimed[j+1] && toks[j+1].gapBefore == " " {
				j++ // вул. Алішера Навої
			}
			end := toks[j].end
			if j+1 < len(toks) && toks[j+1].gapBefore == ", " && unicode.IsDigit(first(toks[j+1].text)) && utf8.RuneCountInString(toks[j+1].text) <= 5 {
				end = toks[j+1].end
			}
			cands = append(cands, mcand{start: t.start, end: end, kind: KindPlace, name: text[t.start:end], evidence: "address: " + t.text + "."})
			for k := i; k < len(toks) && toks[k].start < end; k++ {
				claimed[k] = true
			}
		}
	}

	// 2. Names of several words that the gazetteer knows, lower-case
	// words after the first included (Белого дома, Овальном кабинете), and
	// the names some outlets write in lower case (путін, кремль).
	if res != nil {
		for i := 0; i < len(toks); i++ {
			if claimed[i] {
				continue
			}
			for n := min(res.maxWords, 3); n >= 1; n-- {
				if i+n > len(toks) || toks[i].cap && n == 1 {
					continue // a capitalised single word is step 3's
				}
				words := make([]string, 0, n)
				okRun := true
				for k := i; k < i+n; k++ {
					if claimed[k] || k > i && !joinable(toks[k]) {
						okRun = false
						break
					}
					words = append(words, toks[k].text)
				}
				if !okRun {
					continue
				}
				var e gazEntry
				found := false
				if toks[i].cap && n >= 2 {
					e, found = res.places[lang.NameKey(strings.Join(words, " "))]
				} else if !toks[i].cap {
					e, found = res.lower[strings.ToLower(strings.Join(words, " "))]
					if !found && n > 1 {
						e, found = res.lower[lang.NameKey(strings.Join(words, " "))]
					}
				}
				if !found {
					continue
				}
				s, en := toks[i].start, toks[i+n-1].end
				c := mcand{start: s, end: en, kind: e.kind, canon: e.canonical, name: text[s:en], evidence: "gazetteer"}
				if e.kind == KindPerson {
					c.canon, c.name, c.evidence = "", e.canonical, "name written in lower case"
				}
				cands = append(cands, c)
				for k := i; k < i+n; k++ {
					claimed[k] = true
				}
				break
			}
		}
	}

	// 3. Capitalised runs.
	for i := 0; i < len(toks); {
		if !toks[i].cap || claimed[i] {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && !claimed[j] && joinable(toks[j]) && !toks[j-1].poss && !strings.HasSuffix(toks[j-1].text, ",") {
			// A period ends the run unless it closes an initial, and an
			// initial's period before a sentence opener ends it too
			// (NEWSru.com. Для, G. Но).
			if p := toks[j-1].text; strings.HasSuffix(p, ".") && (!isInitial(toks[j-1]) || res != nil && res.common[toks[j].lower]) {
				break
			}
			if toks[j].cap {
				j++
				continue
			}
			if p := particleRun(toks, j); p > 0 {
				j += p
				continue
			}
			// Corriere della Sera, Bank of East Asia: the small words of a
			// Latin name quoted in a Cyrillic text join it.
			if res == cyrRes && latinConnectors[toks[j].text] && isLatinWord(toks[j-1].text) && j+1 < len(toks) && toks[j+1].cap && isLatinWord(toks[j+1].text) && joinable(toks[j+1]) && !claimed[j+1] {
				j += 2
				continue
			}
			break
		}
		for j > i+1 && !toks[j-1].cap {
			j--
		}
		if b := leadingParticles(toks, i); b < i && !claimed[b] {
			s := toks[b].start
			c := classifyRun(text, toks, i, j, res, code, mid, nouns, lowerSeen, german)
			if len(c) > 0 && c[0].kind == KindPerson && c[0].start == toks[i].start {
				c[0].start, c[0].name = s, text[s:c[0].end]
			}
			cands = append(cands, c...)
			i = j
			continue
		}
		cands = append(cands, classifyRun(text, toks, i, j, res, code, mid, nouns, lowerSeen, german)...)
		i = j
	}
	if res == nil {
		kept := cands[:0]
		for _, c := range cands {
			if c.canon != "" {
				kept = append(kept, c)
			}
		}
		cands = kept
	}
	if res != nil && !german {
		cands = dropOpeners(toks, cands, mid)
		cands = completeOrgs(toks, cands, res, text, code)
		cands = dropCommonAcronyms(text, toks, cands)
		cands = coordinatedNames(text, toks, cands, res)
		cands = latinGlosses(text, cands)
		if code == lang.Ukrainian {
			cands = joinSubordinate(text, toks, cands, res)
			cands = settlementPlaces(text, toks, cands, res)
			cands = ukStreets(text, toks, cands)
		}
		cands = orgWithCountry(text, cands, code, res)
		if code == lang.Russian {
			cands = ruPrepComplement(text, toks, cands, res)
			cands = withDescriptor(text, toks, cands, res)
			cands = nestedPlaces(toks, cands, res, text)
		}
	}
	return resolveMulti(text, toks, cands, code, res, german)
}

// dropOpeners drops the organisations read from a sentence's first words
// where only the sentence made the first word capitalised: the rest is in
// lower case, nothing quoted, and the text never writes the first word
// capitalised in mid-sentence (Власником компанії, Латвійська компанія,
// Заявка громадської організації are descriptions, not names).
func dropOpeners(toks []token, cands []mcand, mid map[string]int) []mcand {
	kept := cands[:0]
	for _, c := range cands {
		i, ok := tokenAt(toks, c.start)
		quoted := c.evidence == "quoted medium" || c.evidence == "quoted name opening a sentence"
		if ok && !quoted && c.kind == KindOrganisation && c.canon == "" && multiSentenceInitial(toks, i) && mid[lang.NameKey(toks[i].text)] == 0 && !isAcronymAny(toks[i].text) {
			rest := true
			n := 0
			for k := i + 1; k < len(toks) && toks[k].start < c.end; k++ {
				n++
				if toks[k].cap || strings.ContainsAny(toks[k].gapBefore, "«\"„") {
					rest = false
					break
				}
			}
			if rest && n > 0 {
				continue
			}
		}
		kept = append(kept, c)
	}
	return kept
}

// nestedPlaces adds the known places inside an organisation's name as
// mentions of their own (Конгресса США, мэрии Москвы), as factRuEval
// marks Russian mentions.
func nestedPlaces(toks []token, cands []mcand, res *langRes, text string) []mcand {
	have := make(map[[2]int]bool, len(cands))
	for _, c := range cands {
		have[[2]int{c.start, c.end}] = true
	}
	n := len(cands)
	for _, c := range cands[:n] {
		if c.kind != KindOrganisation {
			continue
		}
		i, ok := tokenAt(toks, c.start)
		if !ok {
			continue
		}
		last := i
		for last+1 < len(toks) && toks[last+1].end <= c.end {
			last++
		}
		for k := i + 1; k <= last; k++ {
			if !toks[k].cap {
				continue
			}
			m, e, found := multiGaz(toks[k:min(last+1, k+2)], res)
			if !found || e.kind != KindPlace && e.kind != KindCountry {
				continue
			}
			s, en := toks[k].start, toks[k+m-1].end
			if !have[[2]int{s, en}] {
				cands = append(cands, mcand{start: s, end: en, kind: e.kind, canon: e.canonical, name: text[s:en], evidence: "gazetteer"})
				have[[2]int{s, en}] = true
			}
			k += m - 1
		}
	}
	if len(cands) > n {
		sort.SliceStable(cands, func(a, b int) bool { return cands[a].start < cands[b].start })
	}
	return cands
}

func lastRune(w string) rune {
	r, _ := utf8.DecodeLastRuneInString(w)
	return r
}

// descriptorAdjectives returns where the lower-case adjectives right
// before toks[i] begin (up to two: международной шахматной федерации,
// японского МИДа), toks[i].start when there are none.
func descriptorAdjectives(toks []token, i int, res *langRes) int {
	s := toks[i].start
	for k := i - 1; k >= 0 && k >= i-2 && joinable(toks[k+1]) && !toks[k].cap && (strictAdjective(toks[k].text) || adjectivalSurname(toks[k].text)) && !res.common[toks[k].text]; k-- {
		s = toks[k].start
	}
	return s
}

// tokenAt returns the index of the token starting at byte offset start.
func tokenAt(toks []token, start int) (int, bool) {
	i := sort.Search(len(toks), func(k int) bool { return toks[k].start >= start })
	return i, i < len(toks) && toks[i].start == start
}

// withDescriptor takes a lower-case descriptor noun right before a name
// into the name's span, as factRuEval marks Russian mentions: an
// organisation noun before a company written in Latin letters (компании
// Microsoft, социальной сети Facebook: one adjective before the noun
// comes too), a place noun before a place (реки Славянки). The entity's
// name stays the name (Microsoft, Славянки).
func withDescriptor(text string, toks []token, cands []mcand, res *langRes) []mcand {
	for n := range cands {
		c := &cands[n]
		i, ok := tokenAt(toks, c.start)
		if !ok || i == 0 || !joinable(toks[i]) || toks[i-1].cap || toks[i].gapBefore != " " {
			continue
		}
		k := lang.NameKey(toks[i-1].text)
		var heads map[string]bool
		switch {
		case c.kind == KindOrganisation && !toks[i].cap:
			// движения «Талибан» already opens with its noun: the
			// adjectives before it come along (радикального движения
			// «Талибан»).
			c.start = descriptorAdjectives(toks, i, res)
			continue
		case c.kind == KindOrganisation && isLatinWord(c.name):
			heads = res.orgHeads
		case c.kind == KindOrganisation && lang.HasCyrillic(c.name):
			// российского Минсельхоза, японского МИДа: a country's
			// adjective before an organisation's name.
			if i > 0 && joinable(toks[i]) && !toks[i-1].cap && adjectivalSurname(toks[i-1].text) && !res.common[toks[i-1].text] {
				c.start = toks[i-1].start
			}
			continue
		case (c.kind == KindPlace || (c.kind == "" || c.kind == KindPerson && c.weak) && !strings.ContainsRune(c.name, ' ')) && c.canon == "":
			heads = res.placeHeads
		default:
			continue
		}
		if !heads[k] {
			continue
		}
		if c.kind != KindPlace && c.kind != KindOrganisation {
			// реки Славянки, реку Славянку: a name read as no kind, or a
			// person only by default, in apposition to a place noun (the
			// same case ending) is the place; улицы Ливерпуля is a
			// genitive complement, no descriptor.
			if lastRune(toks[i-1].text) != lastRune(c.name) {
				continue
			}
			c.kind, c.weak, c.evidence = KindPlace, false, "place noun: "+toks[i-1].text
			c.start = toks[i-1].start // the noun only: пограничную реку Нарву
			continue
		}
		s := toks[i-1].start
		if i >= 2 && joinable(toks[i-1]) && !toks[i-2].cap && toks[i-1].gapBefore == " " && ruAdjective(toks[i-2].text) && !res.common[toks[i-2].text] && utf8.RuneCountInString(toks[i-2].text) > 4 {
			s = toks[i-2].start
		}
		c.start = s // the mention spans the descriptor; the name stays the name
	}
	return cands
}

// ukAddressAbbrev holds the Ukrainian abbreviations of street and square
// words that open an address (вул. = вулиця, пл. = площа). NER-UK leaves
// м. (місто) and с. (село) out of a place's span, and so do we.
var ukAddressAbbrev = map[string]bool{"вул": true, "пров": true, "просп": true, "пр": true, "пл": true, "бульв": true}

// orgWithCountry takes a country named right after an organisation into
// the organisation's name (ДАБІ України, Федеральной миграционной службы
// России): the country qualifies the organisation. Russian usage (as
// factRuEval) keeps the country as a place mention of its own inside the
// name; Ukrainian (NER-UK) does not.
//
// In Ukrainian, a place nested in an organisation's name is no mention of
// its own, and a country after a name that runs on in lower case
// (Вищий господарський суд України, Повітряного кодексу України) belongs
// to that name: an organisation where the words hold an organisation
// noun, else no place mention.
func orgWithCountry(text string, cands []mcand, code string, res *langRes) []mcand {
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].start < cands[b].start })
	drop := make([]bool, len(cands))
	if code == lang.Ukrainian {
		for i, p := range cands {
			if p.kind != KindPlace && p.kind != KindCountry {
				continue
			}
			for k := max(0, i-3); k < len(cands) && cands[k].start <= p.start; k++ {
				if k != i && cands[k].kind == KindOrganisation && cands[k].start <= p.start && p.end <= cands[k].end && cands[k].end-cands[k].start > p.end-p.start {
					drop[i] = true
				}
			}
			if drop[i] || p.kind != KindCountry || strings.ContainsRune(p.name, ' ') {
				continue
			}
			if s, org, ok := nameRunsOn(text, p.start, res); ok {
				drop[i] = true
				if org && (i == 0 || cands[i-1].end <= s) {
					cands = append(cands, mcand{start: s, end: p.end, kind: KindOrganisation, name: text[s:p.end], evidence: "organisation noun and country"})
				}
			}
		}
		kept := cands[:0]
		for i, c := range cands {
			if i >= len(drop) || !drop[i] {
				kept = append(kept, c)
			}
		}
		cands = kept
		sort.SliceStable(cands, func(a, b int) bool { return cands[a].start < cands[b].start })
		drop = make([]bool, len(cands))
	}
	if code == lang.Ukrainian {
		// ГУ ДФС у м. Києві, Службу автомобільних доріг у Херсонській
		// області, райсуду м. Києва: a place after an organisation,
		// joined by у/в and the town's abbreviation, is the seat that
		// completes its name (NER-UK marks the whole).
		for i := 0; i+1 < len(cands); i++ {
			c, p := &cands[i], cands[i+1]
			if drop[i] || c.kind != KindOrganisation || p.kind != KindPlace && p.kind != KindCountry || p.start <= c.end {
				continue
			}
			gap := strings.Fields(text[c.end:p.start])
			if strings.ContainsRune(text[c.end:p.start], '\n') || len(gap) == 0 || len(gap) > 2 {
				continue
			}
			ok := true
			for k, w := range gap {
				if !(k == 0 && (w == "у" || w == "в") || w == "м.") {
					ok = false
				}
			}
			if ok {
				c.end, c.name = p.end, text[c.start:p.end]
				drop[i+1] = true
			}
		}
	}
	for i := 0; i+1 < len(cands); i++ {
		c, p := &cands[i], cands[i+1]
		if c.kind != KindOrganisation || p.kind != KindCountry || p.start <= c.end || strings.TrimSpace(text[c.end:p.start]) != "" || strings.ContainsRune(text[c.end:p.start], '\n') {
			continue
		}
		if strings.ContainsRune(p.name, ' ') || !lang.HasCyrillic(p.name) {
			continue
		}
		c.end, c.name = p.end, text[c.start:p.end]
		if code == lang.Ukrainian {
			drop[i+1] = true
		}
	}
	kept := cands[:0]
	for i, c := range cands {
		if !drop[i] {
			kept = append(kept, c)
		}
	}
	return kept
}

// nameRunsOn looks back from byte offset at over one to four lower-case
// words (no punctuation, no preposition or conjunction) to a capitalised
// word on the same line: the start of a name the words before at run on
// into. org reports an organisation noun among those words.
func nameRunsOn(text string, at int, res *langRes) (start int, org, ok bool) {
	e := at
	for n := 0; n < 5; n++ {
		for e > 0 && text[e-1] == ' ' {
			e--
		}
		s := e
		for s > 0 && text[s-1] != ' ' && text[s-1] != '\n' {
			s--
		}
		if s == e {
			return 0, false, false
		}
		w := text[s:e]
		r, _ := utf8.DecodeRuneInString(w)
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '-' && c != '\'' && c != '’' {
				return 0, false, false
			}
		}
		k := lang.NameKey(w)
		if res.orgHeads[k] {
			org = true
		}
		if unicode.IsUpper(r) {
			if n == 0 || utf8.RuneCountInString(w) < 3 {
				return 0, false, false
			}
			return s, org, true
		}
		if utf8.RuneCountInString(w) < 3 || res.common[w] {
			return 0, false, false // в, з, та, на: a preposition ends the name
		}
		e = s
	}
	return 0, false, false
}

// classifyRun splits the capitalised run toks[i:j] into names.
func classifyRun(text string, toks []token, i, j int, res *langRes, code string, mid map[string]int, nouns, lowerSeen map[string]bool, german bool) []mcand {
	// Буча Київської області, Жмеринці Вінницької області: a run whose
	// last word is an adjective with its place noun after it is a name
	// and the region that locates it, two mentions.
	if res != nil && !german && j-i >= 2 && code == lang.Ukrainian {
		if c, ok := headCand(text, toks, j-1, j, res); ok && c.kind == KindPlace && !strictAdjective(toks[j-2].text) && !adjectivalSurname(toks[j-2].text) {
			return append(classifyRun(text, toks, i, j-1, res, code, mid, nouns, lowerSeen, german), c)
		}
	}
	var out []mcand
	titled := ""
	if res != nil && i > 0 && joinable(toks[i]) {
		// A title in lower case before the run: президент Путин.
		if lw := toks[i-1].lower; res.titles[lw] || (german && res.titles[lastHyphenPart(lw)]) {
			titled = lw
		}
	}
	for i < j {
		if res != nil && !german {
			// Кіровоградської області, Мелітопольської міської ради:
			// an adjective and its head noun, before any gazetteer reading
			// of the adjective (Донецької is not Donetsk).
			if c, ok := headCand(text, toks, i, i+1, res); ok && i+1 == j {
				out = append(out, c)
				i++
				titled = ""
				continue
			}
			// Партії регіонів, Управління Держпраці, Міністерство юстиції
			// України: an organisation noun with its complement.
			if res.orgHeads[lang.NameKey(toks[i].text)] && !(multiSentenceInitial(toks, i) && lowerSeen[toks[i].lower]) {
				c := orgCand(text, toks, i, j, res)
				if c.end > toks[i].end {
					// The noun alone ("Департаменту", "Суд") names no one,
					out = append(out, c)
				} else if code == lang.Ukrainian && !multiSentenceInitial(toks, i) && i+1 == j && res.orgHeadForm[toks[i].lower] {
					// but capitalised in mid-sentence it stands for the
					// organisation named before (Ukrainian usage, as NER-UK
					// tags it: рішення Відділення, розпорядження Кабміну).
					c.evidence = "capitalised organisation noun"
					out = append(out, c)
				}
				next := i + 1
				for next < j && toks[next].start < c.end {
					next++
				}
				i = next
				titled = ""
				continue
			}
		}
		if res != nil && !german && res.common[toks[i].lower] {
			i++ // Крім, Саме: sentence openers, never names
			titled = ""
			continue
		}
		// Южной Каролине, Восточном Иерусалиме, Західній Європі: a compass
		// adjective before a capitalised name makes a region of it.
		if res != nil && !german && i+1 < j && compassAdjective(toks[i].text) && !isAcronymAny(toks[i+1].text) && !strictAdjective(toks[i+1].text) {
			n := 1
			if m, _, ok := multiGaz(toks[i+1:j], res); ok {
				n = m
			}
			s, e := toks[i].start, toks[i+n].end
			out = append(out, mcand{start: s, end: e, kind: KindPlace, name: text[s:e], evidence: "compass adjective"})
			i += n + 1
			titled = ""
			continue
		}
		// Дніпропетровської ОДА, Кременчуцький НПЗ: a place's adjective
		// before an acronym names the organisation, before any gazetteer
		// reading of the adjective.
		if res != nil && !german && i+1 < j && isAcronymAny(toks[i+1].text) && !res.commonAcr[toks[i+1].text] && (strictAdjective(toks[i].text) || adjectivalSurname(toks[i].text)) {
			s, e := toks[i].start, toks[i+1].end
			out = append(out, mcand{start: s, end: e, kind: KindOrganisation, name: text[s:e], evidence: "adjective and acronym"})
			i += 2
			titled = ""
			continue
		}
		// Gazetteer: the longest match at i.
		if n, e, ok := multiGaz(toks[i:j], res); ok && !(n == 1 && multiSentenceInitial(toks, i) && lowerSeen[toks[i].lower]) {
			s, en := toks[i].start, toks[i+n-1].end
			c := mcand{start: s, end: en, kind: e.kind, canon: e.canonical, name: text[s:en], evidence: "gazetteer"}
			// A lowercase organisation noun before a place: мэрии Москвы.
			if res != nil && !german && i > 0 && joinable(toks[i]) && !toks[i-1].cap && res.orgHeads[lang.NameKey(toks[i-1].text)] && (e.kind == KindPlace || e.kind == KindCountry) {
				out = append(out, mcand{start: toks[i-1].start, end: en, kind: KindOrganisation, name: text[toks[i-1].start:en], evidence: "organisation noun and place"})
			}
			out = append(out, c)
			i += n
			titled = ""
			continue
		}
		lw := toks[i].lower
		// Leading title words inside the run: Bundeskanzler Merz, Президент Путин.
		if res != nil && (res.titles[lw] || german && res.titles[lastHyphenPart(lw)]) && i+1 < j {
			titled = lw
			i++
			continue
		}
		if res != nil && multiSentenceInitial(toks, i) && !toks[i].poss {
			k := lang.NameKey(toks[i].text)
			_, given := res.given[k]
			known := given || mid[k] > 0 || isAcronymAny(toks[i].text) || isInitial(toks[i])
			// Веселин Топалов opening a sentence: an unknown word before a
			// surname (-ов, -енко, ...) the text writes in mid-sentence
			// more than once is the given name.
			if !german && !known && i+2 == j && personSuffix(toks[i+1].text) && mid[lang.NameKey(toks[i+1].text)] > 1 && !adjectival(lw) {
				known = true
			}
			if german && res.common[lw] || lowerSeen[lw] {
				known = false
			}
			if !known || res.common[lw] {
				i++
				titled = ""
				continue
			}
		}
		if res != nil && res.common[lw] && !german {
			i++
			continue
		}
		if german && (res.common[lw] || nouns[lw]) && titled == "" {
			i++
			continue
		}
		// The name: up to the next gazetteer match.
		k := i + 1
		for k < j {
			// Bank of China: a place after a Latin connector is the name's.
			if _, _, ok := multiGaz(toks[k:j], res); ok && !(res == cyrRes && latinConnectors[toks[k-1].text]) {
				break
			}
			if german && (res.common[toks[k].lower] || nouns[toks[k].lower]) {
				break
			}
			k++
		}
		// An organisation before a full name: МВД Рамзана Кадырова, глава
		// NASA Майкл Гриффин. The first word is no given name and the
		// second is (or the first is an acronym or Latin and two Cyrillic
		// words follow): the first word is a name of its own.
		if res != nil && !german && k-i >= 3 && !toks[i].poss && (givenWord(toks[i+1], res) || k-i == 3 && orgBeforeName(toks[i], toks[i+1])) && !givenWord(toks[i], res) && !isInitial(toks[i]) && !isPatronymic(toks[i].text) &&
			// Філіпчук Дмитро Васильович: a surname before the given name
			// and patronymic, as official Ukrainian and Russian texts write.
			!(k-i == 3 && isPatronymic(toks[i+2].text) && !isAcronymAny(toks[i].text) && !isLatinWord(toks[i].text)) {
			out = append(out, nameCand(text, toks, i, i+1, res, "", german))
			i++
		}
		out = append(out, nameCand(text, toks, i, k, res, titled, german))
		titled = ""
		i = k
	}
	return out
}

// orgBeforeName reports a word that reads as an organisation's before a
// Cyrillic name: an acronym, or a Latin word before a Cyrillic one.
func orgBeforeName(t, next token) bool {
	return isAcronymAny(t.text) || isLatinWord(t.text) && !isLatinWord(next.text)
}

// strictAdjective reports a word with an adjective's case ending that
// nouns and names rarely have (-ого, -ої, -ному, -ною; Russian -ого, -ой,
// -ыми); the looser adjectival also takes -а, -е, -і.
func strictAdjective(w string) bool {
	lw := strings.ToLower(w)
	if utf8.RuneCountInString(lw) < 5 {
		return false
	}
	for _, s := range []string{"ого", "ього", "ому", "ої", "ою", "ний", "ної", "ною", "ним", "ними", "них", "ову", "ову", "ими", "ыми", "ных", "ной", "ную", "ный"} {
		if strings.HasSuffix(lw, s) {
			return true
		}
	}
	return false
}

// romanNumeral reports a Roman numeral of up to six letters (XXI, IV).
func romanNumeral(w string) bool {
	if w == "" || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if !strings.ContainsRune("IVXLCDM", r) {
			return false
		}
	}
	return true
}

// givenWord reports a given name of the language's list.
func givenWord(t token, res *langRes) bool {
	_, ok := res.given[lang.NameKey(t.text)]
	return ok && !isAcronymAny(t.text)
}

func lastHyphenPart(w string) string {
	if k := strings.LastIndexByte(w, '-'); k >= 0 {
		return w[k+1:]
	}
	return w
}

// multiGaz is gazMatch by cross-script key in a language's place table.
func multiGaz(toks []token, res *langRes) (int, gazEntry, bool) {
	n := len(toks)
	max := gazMaxWords
	if res != nil && res.maxWords > max {
		max = res.maxWords
	}
	if n > max {
		n = max
	}
	for ; n > 0; n-- {
		words := make([]string, n)
		for k := 0; k < n; k++ {
			words[k] = toks[k].text
		}
		joined := strings.Join(words, " ")
		if res != nil {
			if e, ok := res.places[lang.NameKey(joined)]; ok {
				if n == 1 && utf8.RuneCountInString(toks[0].text) <= 3 && !isAcronymAny(toks[0].text) {
					continue
				}
				return n, e, true
			}
		}
		if e, ok := gazetteer[gazKey(joined)]; ok && isLatinWord(joined) {
			if e.acronym && strings.ToUpper(words[0]) != words[0] {
				continue
			}
			return n, e, true
		}
	}
	return 0, gazEntry{}, false
}

// nameCand classifies the name toks[i:k] that no gazetteer knows.
func nameCand(text string, toks []token, i, k int, res *langRes, titled string, german bool) mcand {
	s, e := toks[i].start, toks[k-1].end
	c := mcand{start: s, end: e, name: text[s:e]}
	if res == nil {
		return c
	}
	name := toks[i:k]
	if !german {
		if hc, ok := headCand(text, toks, i, k, res); ok {
			return hc
		}
	}
	var given, patr, init bool
	for _, t := range name {
		if _, ok := res.given[lang.NameKey(t.text)]; ok && !isAcronymAny(t.text) {
			given = true
		}
		if isPatronymic(t.text) {
			patr = true
		}
		if isInitial(t) {
			init = true
		}
	}
	lastWord := name[len(name)-1].text
	if german && len(name) == 1 {
		// The genitive -s: Putins Sprecher, Selenskyjs Büro.
		rs := []rune(lastWord)
		if n := len(rs); n > 4 && rs[n-1] == 's' && !strings.ContainsRune("saeiouäöüxz", rs[n-2]) {
			c.name = string(rs[:n-1])
		}
	}
	speech := res.speech[prevWord(toks, i)] || k < len(toks) && res.speech[toks[k].lower] && joinable(toks[k])
	if len(name) == 1 && (romanNumeral(lastWord) || utf8.RuneCountInString(strings.TrimSuffix(lastWord, ".")) < 2) {
		return c // XXI, IV, A, G.: numbers and letters name no one
	}
	latinName := !german && isLatinWord(c.name)
	if latinName {
		if _, ok := givenNames[Fold(name[0].text)]; ok && len(name) > 1 {
			c.kind, c.evidence = KindPerson, "given name"
		} else {
			c.kind, c.evidence = KindOrganisation, "Latin-script name in Cyrillic text"
		}
		return c
	}
	switch {
	case len(name) == 1 && isAcronymAny(lastWord) && res.commonAcr[lastWord]:
		c.kind = "" // ЗМІ, ПДВ: common nouns
	case len(name) == 1 && !isAcronymAny(lastWord) && strings.ContainsAny(lastWord, "0123456789"):
		c.kind = "" // Євро-2012, Союз-7: an event's or a product's name, no place or person
	case len(name) == 1 && isAcronymAny(lastWord):
		c.kind, c.evidence = KindOrganisation, "acronym"
	case len(name) > 1 && res.orgHeads[lang.NameKey(lastWord)]:
		c.kind, c.evidence = KindOrganisation, "organisation noun: "+lastWord // Верховний Суд
	case titled != "":
		c.kind, c.evidence = KindPerson, "title: "+titled
	case given:
		c.kind, c.evidence = KindPerson, "given name"
	case patr:
		c.kind, c.evidence = KindPerson, "patronymic"
	case init:
		c.kind, c.evidence = KindPerson, "initials"
	case german:
		if speech {
			c.kind, c.evidence = KindPerson, "speech verb"
		} else {
			c.kind, c.weak = KindPerson, true // needs a second sign: a full name in the text
		}
	case isLatinWord(c.name):
		c.kind, c.evidence = KindOrganisation, "Latin-script name in Cyrillic text"
	case len(name) == 1 && stumpOrg(lastWord, res) && !strictAdjective(lastWord) && !adjectivalSurname(lastWord):
		// Мінфін заявив, у Київраді: a compound institution's name reads
		// as one before a speech verb or a preposition does.
		c.kind, c.evidence = KindOrganisation, "compound organisation name"
	case speech:
		c.kind, c.evidence = KindPerson, "speech verb"
	case len(name) > 1 && isAcronymAny(lastWord):
		c.kind, c.evidence = KindOrganisation, "acronym" // Одеської ОДА, ГУ ДФС
	case len(name) == 1 && strictAdjective(lastWord) && !adjectivalSurname(lastWord):
		c.kind = "" // Центральної, Рамкової, Єдиного: an adjective, no name
	case len(name) == 1 && placePrepositions[prevWord(toks, i)]:
		c.kind, c.evidence = KindPlace, "after a place preposition"
	case len(name) == 1 && adjectivalSurname(lastWord):
		// Млинівського, Київської: place adjectives as often as
		// surnames; a person only with a full name in the text.
		c.kind, c.evidence, c.weak = KindPerson, "surname ending", true
	case personSuffix(lastWord):
		c.kind, c.evidence = KindPerson, "surname ending"
	case len(name) == 1 && compoundOrg(lastWord, res):
		c.kind, c.evidence = KindOrganisation, "compound organisation name"
	case len(name) == 1 && (placeSuffix(lastWord) || placePrepositions[prevWord(toks, i)]):
		c.kind, c.evidence = KindPlace, "place ending or preposition"
	case len(name) == 2 && !german && (strictAdjective(name[0].text) || adjectivalSurname(name[0].text) || compassAdjective(name[0].text)) && !personSuffix(lastWord) && !adjectival(strings.ToLower(lastWord)) && !isAcronymAny(lastWord) && !strings.ContainsAny(lastWord, "0123456789"):
		// Софіївська Борщагівка, Кривого Рогу: an adjective and a noun
		// that is no surname name a place.
		c.kind, c.evidence = KindPlace, "adjective and noun"
	case len(name) >= 2 && len(name) <= 3:
		c.kind, c.evidence = KindPerson, "two capitalised words"
		c.weak = true
	default:
		c.kind, c.weak = KindPerson, true
	}
	return c
}

func prevWord(toks []token, i int) string {
	if i == 0 || !joinable(toks[i]) {
		return ""
	}
	return toks[i-1].lower
}

// personParts splits a person's name into its surname and given-name keys:
// "Філіпчук Дмитро Васильович" (surname first, as Ukrainian documents
// write it) and "Дмитро Філіпчук" give the same.
func personParts(name string, res *langRes) (surname, given string) {
	var words []string
	initials := ""
	for k, w := range strings.Fields(name) {
		if l, ok := letterNames[strings.ToLower(w)]; ok && k < 2 {
			initials += l // Джей Ди Вэнс: J. D. Vance
			continue
		}
		bare := strings.ReplaceAll(w, ".", "")
		if k == 0 && (strings.Contains(w, ".") || isAcronymAny(w)) && utf8.RuneCountInString(bare) <= 3 && len(strings.Fields(name)) > 1 {
			initials += strings.ToLower(lang.Transliterate(bare, ""))
			continue
		}
		if isPatronymic(w) || utf8.RuneCountInString(bare) == 1 || nameParticles[w] {
			if utf8.RuneCountInString(bare) == 1 && k == 0 {
				initials += strings.ToLower(lang.Transliterate(bare, ""))
			}
			continue
		}
		words = append(words, w)
	}
	if len(words) == 0 {
		return lang.NameKey(name), ""
	}
	isGiven := func(w string) bool {
		if res == nil {
			return false
		}
		_, ok := res.given[lang.NameKey(w)]
		return ok
	}
	sn, gv := words[len(words)-1], ""
	if len(words) > 1 {
		gv = words[0]
		if !isGiven(words[0]) && isGiven(words[len(words)-1]) {
			sn, gv = words[0], words[len(words)-1]
		}
	}
	surname = lang.NameKey(sn)
	switch {
	case gv != "":
		given = givenKey(gv)
	case initials != "":
		given = initials
	}
	return surname, given
}

// letterNames are Latin letters as Russian and Ukrainian spell them out in
// names ("Джей Ди Вэнс" is J. D. Vance).
var letterNames = map[string]string{"джея": "j", "джею": "j", "эй": "a", "би": "b", "бі": "b", "си": "c", "сі": "c", "ди": "d", "ді": "d", "джей": "j", "кей": "k", "эл": "l", "ел": "l", "эм": "m", "ем": "m", "пи": "p", "пі": "p", "ти": "t", "ті": "t", "джи": "g", "джі": "g"}

// givenKey is the key of a given name: its canonical form when the
// given-name table knows it (Volodymyr and Vladimir share one), else its
// NameKey.
func givenKey(w string) string {
	if bare := strings.ReplaceAll(w, ".", ""); bare != w || isAcronymAny(w) {
		if utf8.RuneCountInString(bare) <= 3 {
			return strings.ToLower(lang.Transliterate(bare, "")) // J.D., JD
		}
	}
	if gn, ok := givenNames[Fold(w)]; ok {
		return lang.NameKey(gn.canonical)
	}
	if lang.HasCyrillic(w) {
		nom := lang.NominativeName(w, lang.Russian)
		for _, code := range []string{lang.Russian, lang.Ukrainian} {
			if gn, ok := givenNames[Fold(lang.Transliterate(nom, code))]; ok {
				return lang.NameKey(gn.canonical)
			}
		}
	}
	k := lang.NameKey(w)
	if gn, ok := givenByKey[k]; ok {
		return lang.NameKey(gn)
	}
	return k
}

// givenByKey maps the NameKey of every given-name form of names.tsv to its
// canonical name, so Cyrillic forms (Владимира → vladimir) find theirs.
var givenByKey = func() map[string]string {
	m := map[string]string{}
	keys := make([]string, 0, len(givenNames))
	for k := range givenNames {
		keys = append(keys, k)
	}
	sort.Strings(keys) // the first form of a key wins, the same in every run
	for _, k := range keys {
		g := givenNames[k]
		nk := lang.NameKey(k)
		if _, dup := m[nk]; !dup {
			m[nk] = g.canonical
		}
	}
	return m
}()

// PersonKey is the key a person's entity ID is made of: the cross-script
// key of the surname and of the given name's canonical form, "putin|
// volodymyr" for Путин, Владимира Путина and Vladimir Putin alike.
func PersonKey(name string) string {
	sn, gv := personParts(name, cyrRes)
	if gv == "" {
		return sn
	}
	return sn + "|" + gv
}

// resolveMulti groups the candidates into entities.
func resolveMulti(text string, toks []token, cands []mcand, code string, res *langRes, german bool) ([]Entity, []Mention) {
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].start < cands[b].start })
	// Persons with a full name anchor the weak ones and the lone surnames.
	fullBySurname := map[string]string{} // surname key → person key
	for _, c := range cands {
		if c.kind == KindPerson && !c.weak && len(strings.Fields(c.name)) > 1 {
			sn, _ := personParts(c.name, res)
			if _, ok := fullBySurname[sn]; !ok {
				fullBySurname[sn] = PersonKey(c.name)
			}
		}
	}
	weakCount := map[string]int{}
	for _, c := range cands {
		if c.weak {
			weakCount[lang.NameKey(c.name)]++
		}
	}
	// One-word names typed with evidence somewhere in the text (a speech
	// verb, a place preposition, a company shape) type the same word where
	// it stands without evidence: Бхутто заявила ... возглавляемой Бхутто.
	typedOnce := map[string]string{}
	for _, c := range cands {
		if c.weak || c.kind == "" || c.canon != "" || strings.ContainsRune(c.name, ' ') {
			continue
		}
		k := lang.NameKey(c.name)
		if prev, ok := typedOnce[k]; ok && prev != c.kind {
			typedOnce[k] = "-" // typed two ways: no evidence either way
			continue
		}
		typedOnce[k] = c.kind
	}
	for i, c := range cands {
		if !c.weak || strings.ContainsRune(c.name, ' ') {
			continue
		}
		if sn, _ := personParts(c.name, res); fullBySurname[sn] != "" {
			continue
		}
		if k := typedOnce[lang.NameKey(c.name)]; k != "" && k != "-" {
			cands[i].kind, cands[i].weak, cands[i].evidence = k, false, "typed elsewhere in the text"
		}
	}
	type ent struct {
		Entity
		aliases map[string]bool
	}
	byKey := map[string]*ent{}
	var list []*ent
	var ms []Mention
	for _, c := range cands {
		kind, key, form := c.kind, "", "name"
		evidence := c.evidence
		switch {
		case c.canon != "":
			key = Fold(c.canon)
		case kind == KindPerson:
			sn, _ := personParts(c.name, res)
			words := len(strings.Fields(c.name))
			if full, ok := fullBySurname[sn]; ok {
				key = full
				if words == 1 {
					form = "surname"
				}
				if c.weak {
					evidence = "surname of a person named in full"
				}
			} else if c.weak {
				if german || words == 1 {
					// A lone capitalised word or an unknown German run:
					// no sign it names a person.
					continue
				}
				if weakCount[lang.NameKey(c.name)] < 1 {
					continue
				}
				key = PersonKey(c.name)
				if evidence == "" {
					evidence = "capitalised words"
				}
			} else {
				key = PersonKey(c.name)
			}
		default:
			key = lang.NameKey(c.name)
		}
		if kind == "" || key == "" {
			continue
		}
		id := ID(kind, key)
		e := byKey[kind+":"+key]
		if e == nil {
			name := c.name
			if c.canon != "" {
				name = c.canon
			} else if kind == KindPerson && !german {
				name = lang.NominativeName(name, code)
			}
			local := name
			if c.canon != "" && res != nil {
				if f, ok := res.firstForm[code+":"+c.canon]; ok {
					local = f
				} else {
					local = c.name
				}
			}
			e = &ent{Entity: Entity{ID: id, Name: name, Kind: kind, Key: lang.NameKey(name), NameByLang: map[string]string{code: local}}, aliases: map[string]bool{}}
			if code == "" {
				e.NameByLang = nil
			}
			byKey[kind+":"+key] = e
			list = append(list, e)
		} else if kind == KindPerson && form == "name" && len(strings.Fields(c.name)) > len(strings.Fields(e.Name)) {
			e.Name = lang.NominativeName(c.name, code)
			e.NameByLang[code] = e.Name
		}
		if evidence != "" && !containsStr(e.Evidence, evidence) {
			e.Evidence = append(e.Evidence, evidence)
		}
		e.Mentions++
		e.aliases[c.name] = true
		ms = append(ms, Mention{EntityID: id, Text: text[c.start:c.end], Start: c.start, End: c.end, Form: form, Key: e.Key})
	}
	if len(list) == 0 {
		return nil, nil
	}
	ents := make([]Entity, 0, len(list))
	for _, e := range list {
		for a := range e.aliases {
			if a != e.Name {
				e.Aliases = append(e.Aliases, a)
			}
		}
		sort.Strings(e.Aliases)
		ents = append(ents, e.Entity)
	}
	return ents, ms
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// particleRun returns how many lowercase name particles start at toks[j]
// and lead to a capitalised word ("фон дер Ляйен", "von der Leyen",
// "bin Salman"), or 0.
func particleRun(toks []token, j int) int {
	k := j
	for k < len(toks) && k < j+3 && nameParticles[toks[k].text] && joinable(toks[k]) {
		k++
	}
	if k > j && k < len(toks) && toks[k].cap && joinable(toks[k]) {
		return k - j
	}
	return 0
}

// inflect returns a lowercase name with the case forms of its last word
// (путін, путіна, путіну, путіним, путіні; росія, росії, росію, росією;
// кремль, кремля, кремлі, кремлем).
func inflect(form string) []string {
	out := []string{form}
	rs := []rune(form)
	n := len(rs)
	if n < 3 {
		return out
	}
	head := string(rs[:n-1])
	switch last := rs[n-1]; {
	case last == 'я':
		for _, e := range []string{"ї", "ю", "єю", "і", "и", "ей", "ии"} {
			out = append(out, head+e)
		}
	case last == 'ь':
		for _, e := range []string{"я", "ю", "і", "ем", "ем", "е"} {
			out = append(out, head+e)
		}
	case last == 'а':
		for _, e := range []string{"и", "і", "у", "ою", "ой", "е"} {
			out = append(out, head+e)
		}
	case last == 'о':
		for _, e := range []string{"а", "у", "ом", "і"} {
			out = append(out, head+e)
		}
	case isCyrLetterVowel(last):
	default:
		for _, e := range []string{"а", "у", "ом", "им", "ім", "ові", "і", "е", "ым"} {
			out = append(out, form+e)
		}
	}
	return out
}

func isCyrLetterVowel(r rune) bool { return strings.ContainsRune("аеёиоуыэюяіїє", r) }

// headCand reads toks[i:k] (capitalised) with the place or organisation
// noun after it: "Хмельницькій області", "Мелітопольської міської ради",
// "Бориспільському міжрайонному суді". The name must end in an adjective.
func headCand(text string, toks []token, i, k int, res *langRes) (mcand, bool) {
	if k >= len(toks) || !adjectival(toks[k-1].lower) {
		return mcand{}, false
	}
	// Києві площею: a known place's case form is no adjective.
	if w := toks[k-1].text; k-1 == i && !strictAdjective(w) && !adjectivalSurname(w) && !strings.HasSuffix(w, "ьке") && !strings.HasSuffix(w, "кое") {
		if _, known := res.places[lang.NameKey(w)]; known {
			return mcand{}, false
		}
	}
	h := k
	for h < len(toks) && h < k+4 && joinable(toks[h]) && !toks[h].cap && !placeHead(toks[h].text, res) && !res.orgHeads[lang.NameKey(toks[h].text)] {
		// Adjectives joined by a conjunction: Всемирной продовольственной
		// и сельскохозяйственной организации.
		if w := toks[h].text; (w == "и" || w == "і" || w == "та") && h > k && h+1 < len(toks) && joinable(toks[h+1]) && genitiveAdjective(toks[h+1].text) {
			h++
			continue
		}
		if !adjectival(toks[h].text) {
			break
		}
		h++
	}
	if h >= len(toks) || !joinable(toks[h]) || toks[h].cap {
		return mcand{}, false
	}
	s := toks[i].start
	hk := lang.NameKey(toks[h].text)
	switch {
	case placeHead(toks[h].text, res):
		e := toks[h].end
		return mcand{start: s, end: e, kind: KindPlace, name: text[s:e], evidence: "place noun: " + toks[h].text}, true
	case res.orgHeads[hk]:
		c := orgCand(text, toks, h, h+1, res)
		c.start, c.name = s, text[s:c.end]
		return c, true
	}
	return mcand{}, false
}

// placeHead reports a place noun (області, району): by key, unless the
// word is an adjective the key folds onto the noun (районна, районного).
func placeHead(w string, res *langRes) bool {
	lw := strings.ToLower(w)
	return res.placeHeads[lang.NameKey(w)] && (res.placeHeadForm[lw] || !strictAdjective(lw) && !strings.HasSuffix(lw, "нна"))
}

// orgCand is an organisation named by its head noun at toks[i] and what
// completes it: the capitalised words of its run (before j), one or two
// lower-case words in the genitive, and a country or a region (Вищий
// господарський суд України, Господарського суду Київської області).
func orgCand(text string, toks []token, i, j int, res *langRes) mcand {
	k := i + 1
	for k < j {
		k++
	}
	if k == i+1 && toks[i].cap {
		for g := 0; g < 2 && k < len(toks) && joinable(toks[k]) && !toks[k].cap && genitiveLike(toks[k].text); g++ {
			k++
		}
	}
	if k < len(toks) && joinable(toks[k]) && toks[k].cap {
		if n, e, ok := multiGaz(toks[k:], res); ok && n == 1 && e.kind == KindCountry {
			k++
		} else if k+1 < len(toks) && adjectival(toks[k].lower) && joinable(toks[k+1]) && res.placeHeads[lang.NameKey(toks[k+1].text)] && !toks[k+1].cap {
			k += 2
		}
	}
	s, e := toks[i].start, toks[k-1].end
	return mcand{start: s, end: e, kind: KindOrganisation, name: text[s:e], evidence: "organisation noun: " + toks[i].lower}
}

// genitiveLike reports a lower-case word in a genitive form that
// completes an organisation's name (регіонів, юстиції, справами is not).
func genitiveLike(w string) bool {
	if utf8.RuneCountInString(w) < 4 {
		return false
	}
	for _, s := range []string{"ів", "ій", "ей", "ої", "их", "ого", "ості", "ії", "ції", "ства", "ння", "ття", "ини", "ики", "ики", "ии", "ия", "ов", "ой", "ых", "ости"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// compassAdjective reports a Russian or Ukrainian adjective of a
// cardinal direction in any case (Северной, Восточном, Південна, Західній).
func compassAdjective(w string) bool {
	lw := strings.ToLower(w)
	for _, p := range []string{"северн", "южн", "восточн", "западн", "північн", "південн", "східн", "західн"} {
		if strings.HasPrefix(lw, p) && utf8.RuneCountInString(lw) <= utf8.RuneCountInString(p)+3 {
			return true
		}
	}
	return false
}

// stumpOrg reports a compound institution's name: a stump prefix and
// three or more letters after it (Мінфін, Нацбанку, Київради).
func stumpOrg(w string, res *langRes) bool {
	lw := strings.ToLower(w)
	if !lang.HasCyrillic(lw) || utf8.RuneCountInString(lw) < 6 {
		return false
	}
	for _, p := range res.stumps {
		if strings.HasPrefix(lw, p) && utf8.RuneCountInString(lw) > utf8.RuneCountInString(p)+2 {
			return true
		}
	}
	return false
}

// compoundOrg reports a compound organisation name: a stump prefix
// (Держпраці, Мінюст, Укрзалізниця) or a company morpheme inside the word
// (Агротехбуд, Єврогазбанк).
func compoundOrg(w string, res *langRes) bool {
	if stumpOrg(w, res) {
		return true
	}
	lw := strings.ToLower(w)
	if !lang.HasCyrillic(lw) || utf8.RuneCountInString(lw) < 6 {
		return false
	}
	for _, m := range res.orgMorphemes {
		if k := strings.Index(lw, m); k >= 6 || k > 0 && utf8.RuneCountInString(lw[:k]) >= 3 {
			return true
		}
	}
	return false
}

// adjectivalSurname reports a word in an adjectival surname form (-ський,
// -ського, -ская), which place adjectives share.
func adjectivalSurname(w string) bool {
	k := strings.ToLower(w)
	for _, s := range []string{"ський", "ського", "ському", "ським", "ська", "ської", "ській", "ську", "ский", "ского", "скому", "ским", "ская", "ской", "скую", "цький", "цького", "цька", "цької", "цькій", "цьку", "цьким", "цькому", "цкий", "цкого", "цкая", "цкой", "цкую", "цком", "цким", "цкому"} {
		if strings.HasSuffix(k, s) {
			return true
		}
	}
	return false
}
