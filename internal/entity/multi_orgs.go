package entity

import (
	"sort"
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

// timeGenitive are the genitive words of a time after a name (минулого
// тижня, прошлого года), which never complete it.
var timeGenitive = setOf(`минулого наступного цього поточного того позаминулого прошлого этого следующего текущего того позапрошлого нинішнього нынешнего`)

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
		lw := toks[last].lower
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
			case timeGenitive[w]:
				k = len(toks) // рада минулого тижня: a time, not the name
			case w == "з" && code == lang.Ukrainian && !needNoun && k+2 < len(toks) && joinable(toks[k+1]) && joinable(toks[k+2]) && (toks[k+1].text == "питань" || genitiveAdjective(toks[k+1].text) || strings.HasSuffix(toks[k+1].text, "ння")):
				// Нацагенство з питань Євро-2012, Міністерства з питань
				// надзвичайних ситуацій: з and a genitive go on with the name.
				k++
				if toks[k].text == "питань" {
					k++
					if toks[k].cap {
						k++
						ext = k
					}
				}
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
				if nw := toks[k].text; !needNoun && !genitiveAdjective(nw) {
					if instrumental(nw) {
						k = len(toks) // облради і заступником: a new phrase
						continue
					}
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
			case genitiveLike(w) || k == last+1 && headGenitive(w, code):
				k++
				ext = k
			default:
				k = len(toks)
			}
		}
		// Господарського суду міста Києва: міста takes the city's name.
		if ext > last+1 && ext < len(toks) && (toks[ext-1].text == "міста" || toks[ext-1].text == "города") && toks[ext].cap && joinable(toks[ext]) {
			ext++
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

// joinSubordinate joins an organisation to the organisation named right
// after it in the genitive, whose unit it names (Ukrainian usage, as NER-UK
// tags them whole): Черкаське відділення АМКУ, Головне слідче управління
// Нацполіції, Регіональне відділення Фонду держмайна. The first must end
// in its organisation noun or a lower-case word, the second open with an
// acronym, a compound name (Нацполіції) or a capitalised genitive.
func joinSubordinate(text string, toks []token, cands []mcand, res *langRes) []mcand {
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].start < cands[b].start })
	at := make(map[int]int, len(toks))
	for i, t := range toks {
		at[t.start] = i
		at[-t.end-1] = i
	}
	drop := make([]bool, len(cands))
	for i := 0; i+1 < len(cands); i++ {
		a, b := &cands[i], cands[i+1]
		if drop[i] || a.kind != KindOrganisation || b.kind != KindOrganisation || b.start <= a.end || text[a.end:b.start] != " " {
			continue
		}
		la, ok1 := at[-a.end-1]
		fb, ok2 := at[b.start]
		if !ok1 || !ok2 {
			continue
		}
		if toks[la].cap && !res.orgHeads[lang.NameKey(toks[la].text)] {
			continue
		}
		f := toks[fb].text
		if res.legal[f] || strings.HasPrefix(text[b.start:], "«") {
			continue
		}
		if !(isAcronymAny(f) || compoundOrg(f, res) || genitiveAdjective(strings.ToLower(f)) || genitiveLike(strings.ToLower(f)) && res.orgHeads[lang.NameKey(f)]) {
			continue
		}
		a.end, a.name = b.end, text[a.start:b.end]
		drop[i+1] = true
		cands[i+1] = *a
		drop[i] = true
		drop[i+1] = false
	}
	kept := cands[:0]
	for i, c := range cands {
		if !drop[i] {
			kept = append(kept, c)
		}
	}
	return kept
}

// quotedOpeners finds the quoted names that open a sentence and go on with
// a lower-case word (a verb, mostly): «Аеробуд» контролюється, «Діта»
// стала. Quotations of speech go on with a comma or a dash and are longer;
// a name here has at most four words, no punctuation inside but a hyphen,
// an apostrophe or a number sign, and opens with a capital.
func quotedOpeners(text string, toks []token, claimed []bool) []mcand {
	var out []mcand
	for i, t := range toks {
		if claimed[i] || !t.cap || t.start < len("«") || text[t.start-len("«"):t.start] != "«" {
			continue
		}
		q := t.start - len("«")
		b := strings.TrimRight(text[:q], " ")
		if b != "" && !strings.HasSuffix(b, ".") && !strings.HasSuffix(b, "!") && !strings.HasSuffix(b, "?") && !strings.HasSuffix(b, "\n") {
			continue
		}
		end := quoteClose(text, q)
		if end < 0 {
			continue
		}
		in, outEnd := t.start, end-len("»")
		if outEnd <= in || strings.ContainsAny(text[in:outEnd], ",.!?:;«»\"()") || len(strings.Fields(text[in:outEnd])) > 4 {
			continue
		}
		rest := strings.TrimLeft(text[end:], " ")
		if len(rest) == len(text[end:]) {
			continue // a space must follow
		}
		if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsLower(r) {
			continue
		}
		out = append(out, mcand{start: in, end: outEnd, kind: KindOrganisation, name: text[in:outEnd], evidence: "quoted name opening a sentence"})
		for k := i; k < len(toks) && toks[k].start < outEnd; k++ {
			claimed[k] = true
		}
	}
	return out
}

// settlementMarks are the Ukrainian words and abbreviations written before
// a settlement's or a river's name: с. Рашків, смт Димер, у місті Змієві,
// річки Конка.
var settlementMarks = setOf(`с м смт сел селі села село селище селищі селища місто місті міста містом річка річки річку річці`)

// settlementPlaces types the capitalised name after a settlement mark as a
// place (the mark stays outside, as NER-UK tags it): one word, or two
// when the second is capitalised and no region's adjective (Нова
// Дофіновка; Буча Київської області is the town alone).
func settlementPlaces(text string, toks []token, cands []mcand, res *langRes) []mcand {
	byStart := make(map[int]int, len(cands))
	for i, c := range cands {
		byStart[c.start] = i
	}
	covered := func(s, e int) bool {
		for _, c := range cands {
			if c.start < e && s < c.end && (c.start != s || c.kind == KindOrganisation) {
				return true
			}
		}
		return false
	}
	for i := 0; i+1 < len(toks); i++ {
		t := toks[i]
		if t.cap || !settlementMarks[t.text] {
			continue
		}
		n := toks[i+1]
		g := n.gapBefore
		abbrev := t.text == "с" || t.text == "м" || t.text == "смт"
		if !n.cap || !(g == " " || abbrev && (g == ". " || g == ".")) || isAcronymAny(n.text) || strings.ContainsRune(g, '\n') {
			continue
		}
		if (t.text == "с" || t.text == "м") && g == " " {
			continue // с and м alone are words (з, with) only with a period
		}
		// After a period the word may open a sentence (м. for metres,
		// грн.): no stop word, no given name, no word the text writes in
		// lower case.
		lw := n.lower
		if _, given := res.given[lang.NameKey(n.text)]; given || res.common[lw] || strings.Contains(text, " "+lw+" ") {
			continue
		}
		e := n.end
		if i+2 < len(toks) && toks[i+2].cap && joinable(toks[i+2]) && !adjectivalSurname(toks[i+2].text) && !strictAdjective(toks[i+2].text) {
			e = toks[i+2].end
		}
		if covered(n.start, e) {
			continue
		}
		if k, ok := byStart[n.start]; ok {
			cands[k].kind, cands[k].end, cands[k].name, cands[k].canon = KindPlace, e, text[n.start:e], ""
			cands[k].evidence = "settlement mark: " + t.text
			continue
		}
		cands = append(cands, mcand{start: n.start, end: e, kind: KindPlace, name: text[n.start:e], evidence: "settlement mark: " + t.text})
	}
	return cands
}

// ruOrgPrepositions open the complement of a Russian organisation's name
// that factRuEval spans with it: Комитета по иностранным делам, Движения
// против нелегальной иммиграции, Следственного комитета при прокуратуре.
var ruOrgPrepositions = setOf(`по при против`)

// ruNotComplement are the words after по that make an adverbial phrase,
// not a name's complement (суд по делу, по словам, по данным).
var ruNotComplement = setOf(`делу делам словам данным мнению итогам поводу случаю причине требованию решению подозрению обвинению состоянию информации сведениям оценкам просьбе приглашению инициативе телефону словам слухам словам результатам праву сути меньшей крайней сравнению`)

// ruPrepComplement runs a Russian organisation's name on over по, при or
// против and the lower-case phrase after it (adjectives, a noun, and a
// second noun phrase after и), or по and a capitalised place (ГУ МЧС
// России по Санкт-Петербургу). The name must hold an organisation noun.
func ruPrepComplement(text string, toks []token, cands []mcand, res *langRes) []mcand {
	at := make(map[int]int, len(toks))
	for i, t := range toks {
		at[t.end] = i
	}
	for ci := range cands {
		c := &cands[ci]
		last, ok := at[c.end]
		if c.kind != KindOrganisation || !ok || last+2 >= len(toks) {
			continue
		}
		head := false
		for k := last; k >= 0 && toks[k].start >= c.start; k-- {
			if res.orgHeads[lang.NameKey(toks[k].text)] {
				head = true
				break
			}
		}
		p := toks[last+1]
		if !head || !joinable(p) || !ruOrgPrepositions[p.text] {
			continue
		}
		k := last + 2
		if !joinable(toks[k]) || ruNotComplement[toks[k].text] {
			continue
		}
		end := -1
		if toks[k].cap {
			if p.text == "по" {
				if n, e, ok := multiGaz(toks[k:], res); ok && (e.kind == KindPlace || e.kind == KindCountry) {
					end = toks[k+n-1].end
				}
			}
		} else {
			for phrase := 0; phrase < 2; phrase++ {
				adj := 0
				for k < len(toks) && adj < 3 && joinable(toks[k]) && !toks[k].cap && ruAdjective(toks[k].text) {
					k++
					adj++
				}
				if k >= len(toks) || !joinable(toks[k]) || toks[k].cap || !nounLike(toks[k].text) || ruNotComplement[toks[k].text] || ruAdjective(toks[k].text) {
					break
				}
				end = toks[k].end
				k++
				if k+1 >= len(toks) || toks[k].text != "и" || !joinable(toks[k]) || !joinable(toks[k+1]) || toks[k+1].cap {
					break
				}
				k++
			}
			// при главном архитекторе Москвы: a place closes the phrase.
			if end > 0 && k < len(toks) && toks[k].start > end && toks[k].cap && joinable(toks[k]) && text[end:toks[k].start] == " " {
				if n, e, ok := multiGaz(toks[k:], res); ok && (e.kind == KindPlace || e.kind == KindCountry) {
					end = toks[k+n-1].end
				}
			}
		}
		if end > c.end {
			c.end, c.name = end, text[c.start:end]
		}
	}
	return cands
}

// ruAdjective reports a lower-case Russian adjective in any case
// (товарным, главном, нелегальной, иностранным).
func ruAdjective(w string) bool {
	if utf8.RuneCountInString(w) < 5 {
		return false
	}
	for _, s := range []string{"ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ей", "ую", "юю", "ых", "их", "ыми", "ими"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// coordinatedNames joins two given names and the surname they share in
// the plural into one mention, as both sets mark it: Оксана і Олексій
// Кулагіни, Давида та Алли Кізіменко.
func coordinatedNames(text string, toks []token, cands []mcand, res *langRes) []mcand {
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].start < cands[b].start })
	drop := make([]bool, len(cands))
	for i := 0; i+1 < len(cands); i++ {
		a, b := cands[i], cands[i+1]
		if drop[i] || b.start <= a.end || strings.ContainsRune(a.name, ' ') || !strings.ContainsRune(b.name, ' ') {
			continue
		}
		gap := text[a.end:b.start]
		if gap != " і " && gap != " та " && gap != " и " && gap != " й " {
			continue
		}
		if _, ok := res.given[lang.NameKey(a.name)]; !ok || a.kind != KindPerson && a.kind != "" {
			continue
		}
		words := strings.Fields(b.name)
		if _, ok := res.given[lang.NameKey(words[0])]; !ok || b.kind != KindPerson || len(words) != 2 {
			continue
		}
		sur := strings.ToLower(words[1])
		plural := strings.HasSuffix(sur, "и") || strings.HasSuffix(sur, "ы") || strings.HasSuffix(sur, "ів") || strings.HasSuffix(sur, "ых") || strings.HasSuffix(sur, "их") || strings.HasSuffix(sur, "енко")
		if !plural {
			continue
		}
		cands[i+1].start, cands[i+1].name = a.start, text[a.start:b.end]
		drop[i] = true
	}
	kept := cands[:0]
	for i, c := range cands {
		if !drop[i] {
			kept = append(kept, c)
		}
	}
	return kept
}

// ukStreetNouns before a street's name: the singular ones belong to the
// mention (вулиця Московська, проспекті Карла Маркса), the plural ones
// open a list of names each a mention of its own (вулиць Космонавтів і
// Турбінної; ремонт вулиць: Різдвяна, Орджонікідзе, ...).
var ukStreetSingular = setOf(`вулиця вулиці вулицю вулицею проспект проспекту проспекті проспектом провулок провулку провулці бульвар бульвару бульварі узвіз узвозу`)
var ukStreetPlural = setOf(`вулиць вулицях вулицями`)

// ukStreets reads street names after a street noun (Ukrainian usage, as
// NER-UK tags them): a capitalised run, initials allowed, a place; a
// person read there is the street named after one.
func ukStreets(text string, toks []token, cands []mcand) []mcand {
	var add []mcand
	var streetList func(e int) []mcand
	run := func(k int) int { // the end index of a capitalised run at k
		e := k
		for e < len(toks) && toks[e].cap && (e == k || joinable(toks[e]) || isInitial(toks[e-1]) && strings.TrimSpace(toks[e].gapBefore) == ".") {
			e++
			if e-k >= 3 {
				break
			}
		}
		return e
	}
	// streetList reads the names that go on a list after a street's name
	// ending at token e: ", Name" or "та/і/й Name", each a place.
	streetList = func(e int) []mcand {
		var out []mcand
		for n := 0; n < 60 && e < len(toks); n++ {
			k := -1
			switch {
			case toks[e].gapBefore == ", " && toks[e].cap && !isAcronymAny(toks[e].text):
				k = e
			case joinable(toks[e]) && (toks[e].text == "та" || toks[e].text == "і" || toks[e].text == "й") && e+1 < len(toks) && joinable(toks[e+1]) && toks[e+1].cap:
				k = e + 1
			}
			if k < 0 {
				break
			}
			e = run(k)
			out = append(out, mcand{start: toks[k].start, end: toks[e-1].end, kind: KindPlace, name: text[toks[k].start:toks[e-1].end], evidence: "street in a list"})
		}
		return out
	}
	for i := 0; i+1 < len(toks); i++ {
		t := toks[i]
		if t.cap {
			continue
		}
		switch {
		case ukStreetSingular[t.text]:
			if !joinable(toks[i+1]) || !toks[i+1].cap || countryAt(cands, toks[i+1].start) {
				continue // головна вулиця України: the country is no street
			}
			e := run(i + 1)
			add = append(add, mcand{start: t.start, end: toks[e-1].end, kind: KindPlace, name: text[t.start:toks[e-1].end], evidence: "street: " + t.text})
			add = append(add, streetList(e)...) // вулиці Городоцьку, Коперника та ...
		case ukStreetPlural[t.text]:
			k := i + 1
			if g := toks[k].gapBefore; g != " " && g != ": " || !toks[k].cap {
				continue
			}
			e := run(k)
			add = append(add, mcand{start: toks[k].start, end: toks[e-1].end, kind: KindPlace, name: text[toks[k].start:toks[e-1].end], evidence: "street in a list"})
			add = append(add, streetList(e)...)
		}
	}
	// вул. Ковпака та Червоноармійської: the address rule's street goes
	// on as a list too.
	for _, c := range cands {
		if c.kind != KindPlace || !strings.HasPrefix(c.evidence, "address:") {
			continue
		}
		if k := sort.Search(len(toks), func(k int) bool { return toks[k].end >= c.end }); k < len(toks) && toks[k].end == c.end {
			add = append(add, streetList(k+1)...)
		}
	}
	if len(add) == 0 {
		return cands
	}
	kept := cands[:0]
	for _, c := range cands {
		over := false
		for _, a := range add {
			if c.start < a.end && a.start < c.end && c.kind != KindOrganisation {
				over = true
				break
			}
		}
		if !over {
			kept = append(kept, c)
		}
	}
	for _, a := range add {
		clash := false
		for _, c := range kept {
			if c.start < a.end && a.start < c.end {
				clash = true
				break
			}
		}
		if !clash {
			kept = append(kept, a)
		}
	}
	return kept
}

func countryAt(cands []mcand, start int) bool {
	for _, c := range cands {
		if c.start == start && c.kind == KindCountry {
			return true
		}
	}
	return false
}

// definedCommonAcronyms finds the acronyms a text defines as short for
// lower-case words, so for a common noun (багатофункціональних пристроїв
// (БФП), асфальтобетонний завод (АБЗ)): the acronym in brackets right
// after one to four lower-case words, the first of which begins with the
// acronym's first letter. An organisation's name written out is
// capitalised (Антимонопольний комітет України (АМКУ)) and stays out.
func definedCommonAcronyms(text string, toks []token) map[string]bool {
	var out map[string]bool
	for i, t := range toks {
		if i == 0 || t.gapBefore != " (" || !isAcronymAny(t.text) || i+1 < len(toks) && !strings.HasPrefix(toks[i+1].gapBefore, ")") && i+1 != len(toks) {
			continue
		}
		first, _ := utf8.DecodeRuneInString(t.text)
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			if toks[k].cap || k < i-1 && !joinable(toks[k+1]) {
				break
			}
			if r, _ := utf8.DecodeRuneInString(toks[k].text); unicode.ToLower(r) == unicode.ToLower(first) {
				if out == nil {
					out = map[string]bool{}
				}
				out[t.text] = true
				break
			}
		}
	}
	return out
}

// dropCommonAcronyms drops the organisations that are acronyms the text
// defines as common nouns, and Roman numerals written in Cyrillic letters
// (ІІ, ХХ).
func dropCommonAcronyms(text string, toks []token, cands []mcand) []mcand {
	common := definedCommonAcronyms(text, toks)
	kept := cands[:0]
	for _, c := range cands {
		if c.kind == KindOrganisation && (common[c.name] || strings.Trim(c.name, "ІХV") == "" && c.name != "") {
			continue
		}
		kept = append(kept, c)
	}
	return kept
}

// instrumental reports a noun ending in the instrumental case
// (заступником, головою, депутатами), which never continues a genitive.
func instrumental(w string) bool {
	for _, s := range []string{"ом", "ем", "ою", "ею", "ами", "ями", "єм"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// latinGlosses types a name in Latin letters in brackets right after a
// person's Cyrillic name as that person's (Гаррета Рейсмана (Garrett
// Reisman)), when the two have as many words and their surnames the same
// consonant skeleton; Latin names are organisations by default.
func latinGlosses(text string, cands []mcand) []mcand {
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].start < cands[b].start })
	for i := 0; i+1 < len(cands); i++ {
		a, b := cands[i], &cands[i+1]
		if a.kind != KindPerson || b.kind != KindOrganisation || !isLatinWord(b.name) || b.start <= a.end || text[a.end:b.start] != " (" || b.end >= len(text) || text[b.end] != ')' {
			continue
		}
		aw, bw := strings.Fields(a.name), strings.Fields(b.name)
		if len(aw) != len(bw) || len(aw) > 3 {
			continue
		}
		if lang.NameSkeleton(aw[len(aw)-1]) != lang.NameSkeleton(bw[len(bw)-1]) {
			continue
		}
		b.kind, b.evidence = KindPerson, "Latin spelling of a person's name"
	}
	return cands
}

// headGenitive reports a lower-case word right after an organisation noun
// that reads as its genitive complement (палива, оборони, молоді,
// транспорту): a singular genitive ending, and none of a verb's
// (повідомила, вирішило, мають).
func headGenitive(w, code string) bool {
	if code != lang.Ukrainian || utf8.RuneCountInString(w) < 4 || !nounLike(w) {
		return false
	}
	if notComplement[w] || strictAdjective(w) {
		return false
	}
	for _, s := range []string{"ла", "ло", "ли", "ть", "ся", "сь", "ма", "ти", "ні"} {
		if strings.HasSuffix(w, s) {
			return false
		}
	}
	// -у and -ю are as often an object's accusative (ухвалу, ділянку).
	for _, s := range []string{"и", "і", "ї", "а", "я"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// notComplement are Ukrainian prepositions and adverbs with a genitive's
// ending that follow a name without completing it.
var notComplement = setOf(`після щодо через біля поза проти серед окрім крім згідно тобто також тільки лише вже ще зокрема навіть майже тепер тоді нині понад близько`)

// ruMediaContext are the Russian words a report is attributed with before
// a medium's quoted name (сообщает «Лента.ру», в интервью «Голосу
// Америки», корреспондентом «Коммерсанта»).
var ruMediaContext = setOf(`сообщает сообщил сообщила сообщили сообщают пишет писал писала пишут передает передаёт передал передала цитирует цитируют интервью корреспонденту корреспондентом корреспондента корреспондент эфире эфир данным сообщению публикации`)

// quotedMedium reads a short quoted name right after byte offset at (a
// space, then «…»): capitalised, at most five words, no sentence
// punctuation inside; the mention is the name without the marks.
func quotedMedium(text string, at int) (mcand, bool) {
	q := at
	for q < len(text) && text[q] == ' ' {
		q++
	}
	if q == at || q >= len(text) || !strings.HasPrefix(text[q:], "«") {
		return mcand{}, false
	}
	end := quoteClose(text, q)
	if end < 0 {
		return mcand{}, false
	}
	in, out := q+len("«"), end-len("»")
	if out <= in {
		return mcand{}, false
	}
	name := text[in:out]
	r, _ := utf8.DecodeRuneInString(name)
	if !unicode.IsUpper(r) || strings.ContainsAny(name, ",!?:;«»") || strings.Contains(name, ". ") || len(strings.Fields(name)) > 5 {
		return mcand{}, false
	}
	return mcand{start: in, end: out, kind: KindOrganisation, name: name, evidence: "quoted medium"}, true
}
