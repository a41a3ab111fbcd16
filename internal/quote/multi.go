package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/sentence"
)

// This file attributes direct quotes in languages with resources in
// internal/lang (Russian, Ukrainian, German). The rules are the shapes
// news in those languages uses, with the words read from the resources:
//
//	«…», — заявил X.            „…“, sagte X.      „…“, so X.
//	X заявил: «…»               X sagte: „…“       Dazu sagte X: „…“
//	По словам X, … «…».         Laut X … „…“.      X zufolge … „…“.
//	«…». Об этом заявил X.      „…“ Das sagte X.
//	X назвал переговоры «…».    Wie er erklärte, … „…“.
//
// A speaker is a run of capitalised words not governed by a preposition,
// titles and roles before the name stripped ("помощник президента России
// Юрий Ушаков" gives "Юрий Ушаков"; "Bundeskanzler Friedrich Merz" gives
// "Friedrich Merz"); it is returned as written, in whatever case the
// sentence puts it ("по словам Ушакова" gives "Ушакова"): linking case
// forms and scripts to one person is the entity registry's work. A pronoun
// takes the latest named source before it; a role without a name ("заявил
// помощник главы государства", "der Vizepräsident") takes the latest
// person introduced with the same role, else stays a description. A quote
// with no cue of its own continues the quote before it in its paragraph,
// or the one closing the paragraph before when it opens its own, or the
// source of a sentence ending in a colon just before it.

// ltok is one token of the text: a word (letters, digits, inner hyphens
// and apostrophes; an initial keeps its period) or one punctuation rune.
type ltok struct {
	s, e    int
	lw      string // lower case
	word    bool
	cap     bool // starts with an upper-case letter
	quoted  bool // inside a direct quote
	initial bool // "J.", "Ю."
}

func tokenizeLang(text string) []ltok {
	var out []ltok
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			out = append(out, ltok{s: i, e: i + size, lw: string(r)})
			i += size
			continue
		}
		j := i
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.Is(unicode.Mn, r2) {
				j += s2
				continue
			}
			if strings.ContainsRune("-‐'’ʼ", r2) && j+s2 < len(text) {
				if n, _ := utf8.DecodeRuneInString(text[j+s2:]); unicode.IsLetter(n) || unicode.IsDigit(n) {
					j += s2
					continue
				}
			}
			break
		}
		t := ltok{s: i, e: j, word: true, cap: unicode.IsUpper(r)}
		if t.cap && utf8.RuneCountInString(text[i:j]) == 1 && j < len(text) && text[j] == '.' && (j+1 == len(text) || text[j+1] != '\n' && text[j+1] != '\r') {
			// (A capital letter ending its line is a word ending its
			// sentence: "допису на Х.", not an initial.)
			t.e, t.initial = j+1, true
		}
		t.lw = strings.ToLower(text[t.s:t.e])
		out = append(out, t)
		i = t.e
	}
	return out
}

// who is a source found for a quote.
type who struct {
	name    string // as written, or the resolved name of a pronoun or role
	id      string // entity ID when the name is a person entity's mention
	s, e    int    // the mention the quote was attributed through
	pronoun bool
	desc    bool   // a role or description without a name
	acc     bool   // found by an according phrase ("по словам чиновника")
	place   bool   // an institution by its seat ("в Кремле сообщили")
	role    string // role key of the description or of the name's title
	ok      bool
}

// lsaid is one named source met in the text, in text order.
type lsaid struct {
	pos    int
	w      who
	roles  []string
	ctx    []string // lower-case words of the title phrase before the name
	speech bool     // attributed speech, not only introduced with a title
}

type langAttr struct {
	d      *doc
	r      *langRes
	toks   []ltok
	proper map[string]bool // capitalised words seen inside sentences
	nouns  map[string]bool // capitalised words seen after a determiner
	lower  map[string]bool // words the text writes in lower case
	upper  map[string]bool // words the text writes in capitals only (МИД)
	stems  map[string]bool // prefixes of proper words (properStem)
	hist   []lsaid
	sentOf []int  // sentence index of each token
	prevQ  *Quote // the quote attributed last with a speaker
	// floor is the first token governed may look back to: an according
	// phrase ("по данным", "згідно з інформацією") governs nothing.
	floor int
}

// attributeLang gives every direct quote of a document in a language with
// resources a speaker.
func (d *doc) attributeLang() {
	a := &langAttr{d: d, r: d.res, toks: tokenizeLang(d.text), proper: map[string]bool{}, nouns: map[string]bool{}, lower: map[string]bool{}, upper: map[string]bool{}}
	spi := 0
	for k := range a.toks {
		for spi < len(d.spans) && d.spans[spi].end <= a.toks[k].s {
			spi++
		}
		if spi < len(d.spans) && a.toks[k].s >= d.spans[spi].start && a.toks[k].e <= d.spans[spi].end {
			a.toks[k].quoted = true
		}
	}
	a.sentOf = make([]int, len(a.toks))
	for k, t := range a.toks {
		a.sentOf[k] = sentence.Index(d.sents, t.s)
	}
	for k, t := range a.toks {
		if t.word && !t.cap {
			a.lower[t.lw] = true
		}
		if t.word && isAcronym(a.d.text[t.s:t.e]) {
			a.upper[t.lw] = true
		}
		if !t.word || !t.cap || t.quoted || k == 0 || !a.toks[k-1].word || a.sentOf[k-1] != a.sentOf[k] {
			continue
		}
		prev := a.toks[k-1]
		if a.r.dets[prev.lw] {
			a.nouns[t.lw] = true
			continue
		}
		if !a.r.nounCaps {
			a.proper[t.lw] = true // inside a sentence, only names take capitals
			continue
		}
		// German capitalises nouns too: a name shows by a given name
		// before it, a title before it, or a speech verb beside it.
		_, role := a.r.isRole(prev.lw)
		next := k+1 < len(a.toks) && a.toks[k+1].word && a.r.verbs[a.toks[k+1].lw]
		if prev.cap && a.nameish(k-1) && !a.r.dets[a.tokLw(k-2)] || role || a.r.verbs[prev.lw] || next {
			a.proper[t.lw] = true
		}
	}
	a.collect()
	var prev *Quote
	for i, sp := range d.spans {
		q := Quote{Text: sp.text, Direct: true, Start: sp.start, End: sp.end, Sentence: sentence.Index(d.sents, sp.start), SpeakerStart: -1, SpeakerEnd: -1}
		w, cue := a.speakerOf(i, sp, prev)
		if w.ok {
			q.Speaker, q.SpeakerID = w.name, w.id
			q.SpeakerText, q.SpeakerStart, q.SpeakerEnd = d.text[w.s:w.e], w.s, w.e
		} else {
			d.problem(sp.start, sp.end, "no speaker found for quote")
		}
		q.Cue = cue
		d.quotes = append(d.quotes, q)
		prev = &d.quotes[len(d.quotes)-1]
		if q.Speaker != "" {
			qq := q
			a.prevQ = &qq
		}
	}
	// Several quotes share the cue after the last of them: „…“ … „…“,
	// bestätigte Uschakow; «…» и «…», — заявил Песков.
	for i := len(d.quotes) - 2; i >= 0; i-- {
		q, n := &d.quotes[i], d.quotes[i+1]
		if q.Speaker == "" && n.Speaker != "" && n.Sentence == q.Sentence && n.SpeakerStart >= n.End && !d.headlineAt(q.Start) {
			q.Speaker, q.SpeakerID, q.SpeakerText, q.SpeakerStart, q.SpeakerEnd, q.Cue = n.Speaker, n.SpeakerID, n.SpeakerText, n.SpeakerStart, n.SpeakerEnd, n.Cue
		}
	}
	a.indirect()
	sort.SliceStable(d.quotes, func(i, j int) bool { return d.quotes[i].Start < d.quotes[j].Start })
}

// headlineAt reports whether offset off stands in a headline paragraph.
func (d *doc) headlineAt(off int) bool {
	pi := d.paraIndex(off)
	return pi < len(d.headline) && d.headline[pi]
}

// indirect finds reported speech outside quotation marks, one per
// sentence with no direct quote: "По словам X, <clause>" and "X заявил,
// что <clause>" / "X sagte, dass <clause>". The speaker must resolve to a
// name.
func (a *langAttr) indirect() {
	d := a.d
	for si, sent := range d.sents {
		if pi := d.paraIndex(sent.Start); pi < len(d.headline) && d.headline[pi] {
			continue
		}
		lo, hi := a.sentToks(si)
		if hi-lo < 5 {
			continue
		}
		quoted := false
		for x := lo; x < hi; x++ {
			quoted = quoted || a.toks[x].quoted
		}
		if quoted {
			continue
		}
		var w who
		cue, from := "", -1
		// "По словам X, …" opening the sentence.
		if aw, c := a.according(lo, min(hi, lo+4+3)); aw.ok {
			for x := a.tokAt(aw.e); x < hi; x++ {
				if a.toks[x].lw == "," {
					w, cue, from = aw, c, x+1
					break
				}
				if a.barrier(x) {
					break
				}
			}
		}
		// "X заявил, что …".
		for k := lo; from < 0 && k < hi; k++ {
			if !a.isCue(k, false) || a.r.infinitives[a.toks[k].lw] {
				continue
			}
			for x := k + 1; x < hi && x <= k+5; x++ {
				if a.toks[x].lw == "," && x+1 < hi && a.r.complementizers[a.toks[x+1].lw] {
					w, cue, from = a.cueSource(k, lo, x), a.d.text[a.toks[k].s:a.toks[k].e], x+2
					break
				}
				if a.barrier(x) && a.toks[x].lw != "," {
					break
				}
			}
			break // the first cue of the sentence only
		}
		if from < 0 || hi-from < 3 || !w.ok {
			continue
		}
		w = a.resolve(w)
		if !w.ok || w.name == "" || w.desc || w.place {
			continue // reported speech needs a person ("В Кремле заявили, что …" is no quote)
		}
		start, end := a.toks[from].s, sent.End
		for end > start {
			r, size := utf8.DecodeLastRuneInString(d.text[:end])
			if !strings.ContainsRune(".!?… ", r) {
				break
			}
			end -= size
		}
		q := Quote{Text: d.text[start:end], Speaker: w.name, SpeakerID: w.id, Cue: cue, Start: start, End: end, Sentence: si, SpeakerStart: -1, SpeakerEnd: -1}
		if w.e > w.s {
			q.SpeakerText, q.SpeakerStart, q.SpeakerEnd = d.text[w.s:w.e], w.s, w.e
		}
		d.quotes = append(d.quotes, q)
	}
}

// tokRange returns the first token at or after off.
func (a *langAttr) tokAt(off int) int {
	return sort.Search(len(a.toks), func(k int) bool { return a.toks[k].s >= off })
}

// sentToks returns the token range [lo, hi) of sentence si.
func (a *langAttr) sentToks(si int) (int, int) {
	if si < 0 || si >= len(a.d.sents) {
		return 0, 0
	}
	s := a.d.sents[si]
	return a.tokAt(s.Start), a.tokAt(s.End)
}

func (a *langAttr) isCue(k int, afterQuote bool) bool {
	t := a.toks[k]
	if !t.word || t.quoted {
		return false
	}
	if t.cap {
		// A capitalised form is a cue only opening its sentence (German
		// nouns: "Antworten").
		if lo, _ := a.sentToks(a.sentOf[k]); lo != k {
			return false
		}
	}
	return a.r.verbs[t.lw] || afterQuote && a.r.afterOnly[t.lw]
}

// barrier reports tokens a noun phrase does not cross.
func (a *langAttr) barrier(k int) bool {
	t := a.toks[k]
	if t.quoted {
		return true
	}
	if t.word {
		return false
	}
	return !strings.ContainsRune("-‐'’", rune(t.lw[0]))
}

func (a *langAttr) isDash(k int) bool {
	return !a.toks[k].word && strings.ContainsRune("—–-―‒", []rune(a.toks[k].lw)[0])
}

// governed reports whether the capitalised word at k stands after a
// preposition, across determiners and titles ("с президентом Путиным", "im
// Kreml", "gegenüber dem Sender NBC").
func (a *langAttr) governed(k int) bool {
	for j, n := k-1, 0; j >= a.floor && n < 4; j, n = j-1, n+1 {
		t := a.toks[j]
		if !t.word || a.r.verbs[t.lw] {
			return false // a preposition does not govern across a verb ("zur Nato sagte Kanzler Merz")
		}
		if a.r.preps[t.lw] {
			return true
		}
		if _, role := a.r.isRole(t.lw); role || a.r.dets[t.lw] || t.cap && !a.r.funcs[t.lw] {
			continue
		}
		if !t.cap && a.r.adjective(t.lw) {
			continue // "mit dem russischen Präsidenten", "с российским министром"
		}
		return false
	}
	return false
}

// nameish reports whether the capitalised word at k may be part of a name.
func (a *langAttr) nameish(k int) bool {
	t := a.toks[k]
	if !t.word || t.quoted || !t.cap {
		return false
	}
	if a.r.funcs[t.lw] || a.r.preps[t.lw] || a.r.dets[t.lw] || a.r.verbs[t.lw] {
		return false
	}
	if _, ok := a.r.pronouns[t.lw]; ok {
		return false
	}
	return true
}

// run returns the end (exclusive) of the run of name-like words from k.
func (a *langAttr) run(k, lim int) int {
	j := k
	for j < lim && (a.nameish(j) || a.toks[j].initial || j > k && j+1 < lim && a.particle(j) && a.nameish(j+1) && !a.roleTok(j-1)) {
		if j > k && a.sentOf[j] != a.sentOf[k] {
			break // a name does not run across sentences
		}
		j++
	}
	return j
}

// roleTok reports a title or role word at k: "von" after one is a
// preposition ("Berater von Kremlchef Putin"), not a name particle.
func (a *langAttr) roleTok(k int) bool {
	_, ok := a.r.isRole(a.toks[k].lw)
	return ok
}

// appositive returns the name set off by a comma after a description:
// "der Berater von Kremlchef Wladimir Putin, Juri Uschakow, dem …",
// "помощник президента, Юрий Ушаков, …". The name must close its clause.
func (a *langAttr) appositive(c, lim int) (who, bool) {
	k := c + 1
	if k >= lim || a.toks[c].lw != "," || !(a.nameish(k) || a.toks[k].initial) || a.governed(k) {
		return who{}, false
	}
	j := a.run(k, lim)
	if j < lim && a.toks[j].word {
		return who{}, false
	}
	b, e, r := a.nameIn(k, j)
	if e <= b || e-b < 2 && !a.proper[a.toks[b].lw] && a.personID(a.toks[b].s, a.toks[b].e) == "" {
		return who{}, false
	}
	return a.named(b, e, r), true
}

// particle reports name particles written in lower case ("von der Leyen").
func (a *langAttr) particle(k int) bool {
	switch a.toks[k].lw {
	case "von", "van", "der", "de", "da", "di", "фон", "ван", "де", "ді", "ал", "аль", "бен":
		return true
	}
	return false
}

func isAcronym(s string) bool {
	n, latin := 0, true
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			if r > unicode.MaxLatin1 {
				latin = false
			}
			n++
		}
	}
	return n >= 3 || n == 2 && !latin
}

func patronymic(lw string) bool {
	for _, suf := range []string{"вич", "вна", "ична", "івна", "ївна", "вича", "вичу", "вичем", "вны", "вною", "вні", "вною"} {
		if strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

// nameIn takes the name out of the run [k, j): past the last title or role
// in it, past leading acronyms (МИД, NBC), the surname with a given name,
// initials and a patronymic before it. It returns the name's token range
// and the role key of the title standing in or just before the run.
func (a *langAttr) nameIn(k, j int) (int, int, string) {
	role := ""
	for b := k - 1; b >= 0 && b >= k-3 && a.toks[b].word && !a.toks[b].quoted; b-- {
		if key, ok := a.r.isRole(a.toks[b].lw); ok {
			role = key
			break
		}
		if !a.toks[b].word || a.r.preps[a.toks[b].lw] {
			break
		}
	}
	start := k
	for x := k; x < j; x++ {
		if key, ok := a.r.isRole(a.toks[x].lw); ok {
			role, start = key, x+1
		}
	}
	for start < j && (isAcronym(a.d.text[a.toks[start].s:a.toks[start].e]) || a.particle(start)) {
		start++
	}
	end := j
	for end > start && (a.toks[end-1].initial || a.particle(end-1)) {
		end--
	}
	if end <= start || end-start == 1 && a.tooShort(start, end) {
		return 0, 0, role
	}
	// The surname, then back over a patronymic, one given name and
	// initials.
	b := end - 1
	given := false
	for b > start {
		p := a.toks[b-1]
		switch {
		case p.initial || a.particle(b-1):
			b--
			continue
		case patronymic(a.toks[b].lw) && !given:
			b--
			continue
		case !given && !isAcronym(a.d.text[p.s:p.e]):
			given = true
			b--
			continue
		}
		break
	}
	return b, end, role
}

// personID returns the ID of a person entity whose mention overlaps
// [s, e), or "".
func (a *langAttr) personID(s, e int) string {
	for _, m := range a.d.ms {
		if m.Start < e && s < m.End {
			if ent, ok := a.d.ents[m.EntityID]; ok && ent.Kind == "person" {
				return ent.ID
			}
		}
	}
	return ""
}

// complement reports a lone name in the genitive right after a role: the
// role's complement ("помощник Путина"), not the person who holds it.
func (a *langAttr) complement(b, e int) bool {
	if e-b != 1 || b == 0 || len(a.r.complement) == 0 {
		return false
	}
	// The role may stand a few words before, past acronyms and other
	// genitives: "глава МИД Украины", "секретарь СНБО Украины".
	r := b - 1
	for r > 0 && r > b-4 && a.toks[r].word && a.toks[r].cap && !a.r.verbs[a.toks[r].lw] {
		if _, ok := a.r.isRole(a.toks[r].lw); ok {
			break
		}
		r--
	}
	if _, ok := a.r.isRole(a.toks[r].lw); !ok || !a.toks[r].word {
		return false
	}
	if e < len(a.toks) && (a.nameish(e) || a.toks[e].initial) {
		return false
	}
	for _, end := range a.r.complement {
		if strings.HasSuffix(a.toks[b].lw, end) {
			return true
		}
	}
	return false
}

func (a *langAttr) tokLw(k int) string {
	if k < 0 || k >= len(a.toks) {
		return ""
	}
	return a.toks[k].lw
}

func (a *langAttr) sentStart(k int) int {
	lo, _ := a.sentToks(a.sentOf[k])
	return lo
}

// tooShort reports a one-letter "name" (the platform Х, a list letter).
func (a *langAttr) tooShort(b, e int) bool {
	return e-b == 1 && utf8.RuneCountInString(a.d.text[a.toks[b].s:a.toks[b].e]) < 2
}

func (a *langAttr) named(b, e int, role string) who {
	s, end := a.toks[b].s, a.toks[e-1].e
	return who{name: a.d.text[s:end], id: a.personID(s, end), s: s, e: end, role: role, ok: true}
}

// weak reports a lone capitalised word that may be a common noun: opening
// its sentence, or (German) capitalised as every noun is, and never seen
// where only a name stands.
func (a *langAttr) weak(k, j int) bool {
	lw := a.toks[k].lw
	if a.r.nounCaps && j-k == 1 && a.nouns[lw] {
		return true // "den Frieden": a noun, whatever a tagger says
	}
	if j-k > 1 || a.personID(a.toks[k].s, a.toks[k].e) != "" {
		return false
	}
	if a.r.nounCaps {
		// A bare capitalised word opening a sentence, a lower-case verb
		// after it, is a name: nouns there take an article ("Peskow
		// stellte klar" against "Der Kreml hat").
		if n := k + 1; a.sentStart(k) == k && n < len(a.toks) && a.toks[n].word && !a.toks[n].cap && !a.nouns[lw] && !a.r.preps[a.toks[n].lw] && !a.r.funcs[a.toks[n].lw] {
			return false
		}
		return a.nouns[lw] || !a.proper[lw] && !a.properStem(lw)
	}
	lo, _ := a.sentToks(a.sentOf[k])
	return lo == k && !a.proper[lw] && !a.properStem(lw)
}

// properStem reports a capitalised word whose other case forms were seen
// inside sentences ("Ушаков" opening one, "Ушакова" inside another).
func (a *langAttr) properStem(lw string) bool {
	r := []rune(lw)
	if len(r) < 5 {
		return false
	}
	stem := string(r[:len(r)-2])
	if a.stems == nil {
		// Every proper word's prefixes, once: the stem of another case
		// form is one of them.
		a.stems = map[string]bool{}
		for p := range a.proper {
			if a.nouns[p] {
				continue
			}
			pr := []rune(p)
			for n := 3; n <= len(pr); n++ {
				a.stems[string(pr[:n])] = true
			}
		}
	}
	return a.stems[stem]
}

// rightNP finds the source written after a cue, from token k up to lim:
// a pronoun, a name (titles before it stripped), else a role.
func (a *langAttr) rightNP(k, lim int) who {
	words, desc, descEnd, role := 0, -1, -1, ""
	for x := k; x < lim && (words < 7 || desc >= 0 && words < 12); x++ {
		t := a.toks[x]
		if !t.word {
			if a.isDash(x) && words == 0 {
				continue
			}
			if t.quoted || a.barrier(x) {
				if desc >= 0 && !t.quoted {
					if w, ok := a.appositive(x, lim); ok {
						return w
					}
				}
				break
			}
			continue
		}
		words++
		if g, ok := a.r.pronouns[t.lw]; ok && words <= 2 && (!t.cap || x == k) {
			return who{s: t.s, e: t.e, pronoun: true, ok: true, role: g}
		}
		if key, ok := a.oneOf(x, lim); ok && desc < 0 {
			desc, role, descEnd = x, key, x+3
			x += 2
			continue
		}
		if a.nameish(x) || t.initial {
			j := a.run(x, lim)
			if a.governed(x) || a.r.nounCaps && x > a.floor && a.r.dets[a.toks[x-1].lw] && j-x == 1 && !a.proper[t.lw] {
				if key, ok := a.r.isRole(t.lw); ok && !a.governed(x) {
					if desc < 0 {
						desc, role = x, key
					}
					descEnd = j
				}
				x = j - 1
				continue
			}
			b, e, r := a.nameIn(x, j)
			if e > b && a.complement(b, e) {
				if desc < 0 {
					desc, role = b-1, r
				}
				descEnd = e
				x = j - 1
				continue
			}
			if e > b {
				w := a.named(b, e, r)
				return w
			}
			if r != "" {
				if desc < 0 {
					desc, role = x, r
				}
				descEnd = j
			}
			x = j - 1
			continue
		}
		if key, ok := a.r.isRole(t.lw); ok && !a.governed(x) {
			if desc < 0 {
				desc, role = x, key
			}
			descEnd = x + 1
			continue
		}
		if a.r.verbs[t.lw] || a.r.funcs[t.lw] && desc >= 0 {
			break
		}
	}
	if desc >= 0 {
		// The description runs to the end of its genitive tail ("помощник
		// главы государства").
		e := descEnd
		for e < lim && e-desc < 4 && a.toks[e].word && !a.toks[e].quoted && !a.r.verbs[a.toks[e].lw] && !a.r.preps[a.toks[e].lw] && !a.r.funcs[a.toks[e].lw] {
			if _, ok := a.r.pronouns[a.toks[e].lw]; ok {
				break
			}
			e++
		}
		return who{s: a.toks[desc].s, e: a.toks[e-1].e, desc: true, role: role, ok: true}
	}
	return who{}
}

// leftNP finds the source written before the cue at hi, from token lo: the
// first pronoun or name of the clause not governed by a preposition, else a
// role.
func (a *langAttr) leftNP(lo, hi int) who {
	// The clause holding the cue first, then the whole range.
	clause := lo
	for x := hi - 1; x > lo; x-- {
		if !a.toks[x].word && strings.ContainsRune(",;:", rune(a.toks[x].lw[0])) {
			clause = x + 1
			break
		}
	}
	if w := a.leftIn(clause, hi); w.ok {
		return w
	}
	if clause > lo {
		return a.leftIn(lo, hi)
	}
	return who{}
}

func (a *langAttr) leftIn(lo, hi int) who {
	desc, descEnd, role := -1, -1, ""
	for x := lo; x < hi; x++ {
		t := a.toks[x]
		if !t.word {
			continue
		}
		if t.quoted {
			continue
		}
		if g, ok := a.r.pronouns[t.lw]; ok {
			return who{s: t.s, e: t.e, pronoun: true, ok: true, role: g}
		}
		if key, ok := a.oneOf(x, hi); ok && desc < 0 {
			desc, descEnd, role = x, x+3, key
			x += 2
			continue
		}
		if a.nameish(x) || t.initial {
			j := a.run(x, hi)
			if x == a.sentStart(x) && j < hi && a.isDash(j) && j+1 < hi && a.toks[j+1].word {
				x = j // a dateline: "Guangzhou - Außenminister Wadephul äußert sich"
				continue
			}
			if a.governed(x) && j-x > 1 && !a.r.nounCaps && a.r.isCueTok(a.toks, j) && !a.toks[x+1].initial {
				// "в Абу-Дабі Буданов відповів": the place ends where the
				// subject of the verb right after the run starts.
				if b, e, r := a.nameIn(x+1, j); e > b && !a.complement(b, e) {
					return a.named(b, e, r)
				}
			}
			if a.governed(x) || a.r.nounCaps && x > 0 && a.r.dets[a.toks[x-1].lw] && j-x == 1 && !a.proper[t.lw] {
				if key, ok := a.r.isRole(t.lw); ok && !a.governed(x) {
					if desc < 0 {
						desc = x
					}
					descEnd, role = j, key
				}
				x = j - 1
				continue
			}
			b, e, r := a.nameIn(x, j)
			if e > b && a.complement(b, e) {
				if desc < 0 {
					desc, descEnd, role = b-1, e, r
				}
				x = j - 1
				continue
			}
			if e > b && (j < hi && !a.weak(b, e) || a.onlyFuncs(j, hi) || a.r.isCueTok(a.toks, j)) {
				return a.named(b, e, r)
			}
			if r != "" && desc < 0 {
				desc, descEnd, role = x, j, r
			}
			x = j - 1
			continue
		}
		if key, ok := a.r.isRole(t.lw); ok && desc < 0 && !a.governed(x) {
			desc, descEnd, role = x, x+1, key
		}
	}
	if desc >= 0 {
		e := descEnd
		for e < hi && e-desc < 4 && a.toks[e].word && !a.toks[e].quoted && !a.r.verbs[a.toks[e].lw] && !a.r.preps[a.toks[e].lw] && !a.r.funcs[a.toks[e].lw] {
			e++
		}
		return who{s: a.toks[desc].s, e: a.toks[e-1].e, desc: true, role: role, ok: true}
	}
	return who{}
}

// onlyFuncs reports whether tokens [j, hi) are all lower-case function
// words and adverbs ("Сибига также отметил"): a name before them stands
// right before its verb.
func (a *langAttr) onlyFuncs(j, hi int) bool {
	for x := j; x < hi; x++ {
		if t := a.toks[x]; !t.word || t.cap || !a.r.funcs[t.lw] {
			return false
		}
	}
	return true
}

func (r *langRes) isCueTok(toks []ltok, k int) bool {
	return k < len(toks) && toks[k].word && r.verbs[toks[k].lw]
}

// cueSource finds the source of the cue at k within tokens [lo, hi): before
// it in its clause, else after it (inverted order: "Dazu sagte Merz", "как
// отметил Ушаков").
func (a *langAttr) cueSource(k, lo, hi int) who {
	if k > lo && !a.toks[k-1].word && (a.toks[k-1].lw == "," || a.isDash(k-1)) && !a.apposition(k-1, lo) {
		// ", заявил Песков", ", meinte Selenskyj": the cue opens its
		// clause, and its source follows it.
		if w := a.rightNP(k+1, hi); w.ok {
			return w
		}
	}
	// The subject before the cue, named or described ("российский
	// министр оценил работу президента Трампа": the министр), then the
	// source after it.
	w := a.leftNP(lo, k)
	if a.r.nounCaps && w.ok && a.tokAt(w.e) < k-1 {
		// German puts the verb second: after a fronted phrase ("Mit
		// Blick auf … Selenskyj … sagt der CDU-Politiker") the subject
		// follows the verb; a name before it stands right before it
		// ("Merz sagte").
		if r := a.rightNP(k+1, hi); r.ok && !r.pronoun || r.ok && r.pronoun && a.tokAt(r.s) == k+1 {
			if rs := a.tokAt(r.s); rs <= k+3 {
				return r
			}
		}
	}
	if w.ok {
		return w
	}
	if w := a.rightNP(k+1, hi); w.ok {
		return w
	}
	return a.placeSource(k, lo, hi)
}

// impersonal reports an impersonal cue at k: a plural form ("сообщили",
// "заявили") or German "hieß es".
func (a *langAttr) impersonal(k int) bool {
	lw := a.toks[k].lw
	if (lw == "hieß" || lw == "heißt") && a.tokLw(k+1) == "es" {
		return true
	}
	for _, e := range a.r.pluralEnds {
		if strings.HasSuffix(lw, e) {
			return true
		}
	}
	return false
}

// placeSource finds an institution named by its seat as the source of an
// impersonal cue at k: "в Кремле сообщили", "у Білому домі заявили", "im
// Kanzleramt hieß es". The place stands in its clause before the cue, or
// right after it ("сообщили в Кремле").
func (a *langAttr) placeSource(k, lo, hi int) who {
	if !a.impersonal(k) {
		return who{}
	}
	clause := lo
	for x := k - 1; x > lo; x-- {
		if !a.toks[x].word && strings.ContainsRune(",;:", rune(a.toks[x].lw[0])) {
			clause = x + 1
			break
		}
	}
	try := func(x, lim int) (who, bool) {
		if !a.toks[x].word || a.toks[x].quoted || !a.r.placePreps[a.toks[x].lw] {
			return who{}, false
		}
		y := x + 1
		for y < lim && y < x+3 && a.toks[y].word && (a.r.dets[a.toks[y].lw] || !a.toks[y].cap && a.r.adjective(a.toks[y].lw)) {
			y++
		}
		if y >= lim || !a.nameish(y) {
			return who{}, false
		}
		j := a.run(y, lim)
		if lw := a.toks[y].lw; j == y+1 && j < lim && a.toks[j].word && !a.toks[j].cap && !a.toks[j].quoted && !a.r.verbs[a.toks[j].lw] &&
			(a.r.adjective(lw) || strings.HasSuffix(lw, "ом") || strings.HasSuffix(lw, "ем")) {
			j++ // "в Белом доме", "у Білому домі": an adjective and its noun
		}
		w := a.named(y, j, "")
		w.place = true
		return w, true
	}
	for x := clause; x < k; x++ {
		if w, ok := try(x, k); ok {
			return w
		}
	}
	for x := k + 1; x < hi && x <= k+3; x++ {
		if a.barrier(x) {
			break
		}
		if w, ok := try(x, hi); ok {
			return w
		}
	}
	return who{}
}

// apposition reports a comma at c that closes a name set off by commas
// ("Очільник МЗС України, Андрій Сибіга, закликав"): the cue after it has
// its subject before it.
func (a *langAttr) apposition(c, lo int) bool {
	n := 0
	for x := c - 1; x >= lo; x-- {
		t := a.toks[x]
		if !t.word {
			return t.lw == "," && n > 0
		}
		if !a.nameish(x) && !t.initial {
			return false
		}
		n++
	}
	return false
}

// according finds "по словам X", "laut X", "по его словам", "X zufolge" in
// tokens [lo, hi).
func (a *langAttr) according(lo, hi int) (who, string) {
	for x := lo; x < hi; x++ {
		if a.toks[x].quoted {
			continue
		}
		for pi, p := range a.r.accPron {
			if a.match(x, hi, p) {
				t := a.toks[x+len(p)-1]
				w := who{s: a.toks[x].s, e: t.e, pronoun: true, ok: true, role: a.r.accGender[pi]}
				return w, a.d.text[a.toks[x].s:t.e]
			}
		}
		for _, p := range a.r.according {
			if a.match(x, hi, p) {
				floor := a.floor
				a.floor = x + len(p)
				w := a.rightNP(x+len(p), hi)
				a.floor = floor
				if w.ok && !w.pronoun {
					w.acc = true
					return w, a.d.text[a.toks[x].s:a.toks[x+len(p)-1].e]
				}
			}
		}
		if a.r.accAfter[a.toks[x].lw] && x > lo {
			b := x
			for b > lo && (a.nameish(b-1) || a.toks[b-1].initial) {
				b--
			}
			if b < x {
				if nb, ne, r := a.nameIn(b, x); ne > nb {
					return a.named(nb, ne, r), a.d.text[a.toks[x].s:a.toks[x].e]
				}
			}
			if g, ok := a.r.pronouns[a.toks[x-1].lw]; ok {
				t := a.toks[x-1]
				return who{s: t.s, e: t.e, pronoun: true, ok: true, role: g}, a.d.text[a.toks[x].s:a.toks[x].e]
			}
		}
	}
	return who{}, ""
}

func (a *langAttr) match(x, hi int, p []string) bool {
	if x+len(p) > hi {
		return false
	}
	for i, w := range p {
		t := a.toks[x+i]
		if !t.word || t.quoted || t.lw != w {
			return false
		}
	}
	return true
}

// collect records, in text order, the named sources of every cue and
// according phrase outside quotes, and every person introduced with a
// title, so pronouns and roles can be resolved.
func (a *langAttr) collect() {
	for si := range a.d.sents {
		lo, hi := a.sentToks(si)
		if w, _ := a.according(lo, hi); w.ok && !w.pronoun && !w.desc {
			a.remember(w, true)
		}
		for k := lo; k < hi; k++ {
			if a.isCue(k, false) && !a.r.infinitives[a.toks[k].lw] {
				// (An infinitive's subject is another verb's: "закликав
				// Росію перестати говорити".)
				if w := a.cueSource(k, lo, hi); w.ok && !w.pronoun && !w.desc {
					a.remember(w, true)
				} else if w.ok && w.desc {
					// "российский министр оценил": the person the role
					// stands for speaks here.
					if r := a.byRole(w); r.ok {
						a.insert(lsaid{pos: w.s, w: who{name: r.name, id: r.id, s: w.s, e: w.e, ok: true}, speech: true})
					}
				}
			}
			t := a.toks[k]
			if key, ok := a.r.isRole(t.lw); ok && !t.quoted {
				j := k + 1
				for j < hi && j < k+4 && a.toks[j].word && !a.nameish(j) && !a.toks[j].initial && !a.r.preps[a.toks[j].lw] && !a.r.verbs[a.toks[j].lw] && !a.r.funcs[a.toks[j].lw] {
					j++
				}
				if j < hi && (a.nameish(j) || a.toks[j].initial) {
					e := a.run(j, hi)
					if b, ne, _ := a.nameIn(j, e); ne > b && !a.complement(b, ne) {
						w := a.named(b, ne, key)
						a.remember(w, false)
					}
				}
			}
		}
	}
	sort.SliceStable(a.hist, func(i, j int) bool { return a.hist[i].pos < a.hist[j].pos })
}

func (a *langAttr) remember(w who, speech bool) {
	h := lsaid{pos: w.s, w: w, speech: speech}
	// The title is the head of the phrase before the name, its first
	// role word: "помощник президента России Юрий Ушаков" is a
	// помощник; "президента" is the complement.
	// Every title standing before the name: "помощник президента России
	// Юрий Ушаков" is both помощник and президент.
	k := a.tokAt(w.s)
	for b, n := k-1, 0; b >= 0 && n < 8 && !a.toks[b].quoted && !a.r.verbs[a.toks[b].lw]; b-- {
		t := a.toks[b]
		if !t.word {
			if t.lw == "(" || t.lw == ")" {
				continue // "секретарь Совета … (СНБО) Рустем Умеров"
			}
			break
		}
		n++
		h.ctx = append(h.ctx, t.lw)
		key, ok := a.r.isRole(t.lw)
		if ok {
			h.roles = []string{key}
			continue
		}
		// German: only articles and adjectives stand between a title
		// and its name; another name or noun ends the title.
		if a.r.nounCaps && (t.cap || !a.r.dets[t.lw] && !a.r.adjective(t.lw)) {
			break
		}
		if _, pron := a.r.pronouns[t.lw]; pron || a.r.funcs[t.lw] && !a.r.preps[t.lw] {
			break // "Президент України Володимир Зеленський та …": a new phrase
		}
	}
	a.insert(h)
}

// insert adds h to the history in text order (it arrives nearly sorted).
func (a *langAttr) insert(h lsaid) {
	a.hist = append(a.hist, h)
	for i := len(a.hist) - 1; i > 0 && a.hist[i].pos < a.hist[i-1].pos; i-- {
		a.hist[i], a.hist[i-1] = a.hist[i-1], a.hist[i]
	}
}

// resolve turns a pronoun into a name: the first name earlier in its own
// sentence ("Für Vance …: Wie er erklärte", "Віткофф описував, як, на
// його думку"), else the latest named source before it, else the subject
// of a sentence shortly before. A role becomes the person introduced with
// the same role (before it, else right after it: leads name the role
// first), else the speaker of the quote just before when it is near.
func (a *langAttr) resolve(w who) who {
	switch {
	case w.pronoun:
		// A pronoun's role is its gender. Names in an according phrase
		// are genitive ("по словам Ушакова"), which looks feminine: the
		// gender check reads subjects only.
		g := w.role
		agrees := func(h who) bool { return h.acc || a.r.agrees(g, h.name) }
		if b, e, ok := a.firstName(a.tokAt(w.s)); ok {
			n := a.named(b, e, "")
			return who{name: n.name, id: n.id, s: w.s, e: w.e, ok: true}
		}
		// The person the sentence just before is about ("… bedankte
		// sich der ukrainische Präsident Wolodymyr Selenskyj … In einer
		// Nachricht sagte er").
		si := sentence.Index(a.d.sents, w.s)
		if h, ok := a.namedIn(si - 1); ok && agrees(h.w) {
			return who{name: h.w.name, id: h.w.id, s: w.s, e: w.e, ok: true}
		}
		lo, hi := a.histRange(w.s-histWindow, w.s)
		for i := hi - 1; i >= lo; i-- {
			h := a.hist[i]
			if !h.speech || !agrees(h.w) {
				continue
			}
			// A person who is the subject of a sentence after that
			// source's is nearer: "… пишет New York Post. Однако сам
			// Умеров опроверг это. Он подчеркнул: «…»".
			if b, e, ok := a.subjectAfter(si, h.pos); ok {
				if n := a.named(b, e, ""); a.r.agrees(g, n.name) {
					return who{name: n.name, id: n.id, s: w.s, e: w.e, ok: true}
				}
			}
			return who{name: h.w.name, id: h.w.id, s: w.s, e: w.e, ok: true}
		}
		// No named source yet: the subject of a sentence shortly before.
		if b, e, ok := a.subjectBefore(w.s); ok {
			n := a.named(b, e, "")
			return who{name: n.name, id: n.id, s: w.s, e: w.e, ok: true}
		}
		if hi > lo {
			h := a.hist[hi-1]
			return who{name: h.w.name, id: h.w.id, s: w.s, e: w.e, ok: true}
		}
		// Nobody named yet: a lead that names its source later ("Der
		// Sprecher … Er betonte … Peskow stellte klar").
		flo, fhi := a.histRange(w.e+1, w.e+histWindow)
		for _, h := range a.hist[flo:fhi] {
			if a.d.paraIndex(h.pos)-a.d.paraIndex(w.s) <= 2 {
				return who{name: h.w.name, id: h.w.id, s: w.s, e: w.e, ok: true}
			}
		}
		return who{}
	case w.desc:
		if a.r.anonymous[w.role] || a.unnamedDesc(w) {
			// "сообщил источник", "так Insider aus Regierungskreisen",
			// "сказал неназванный чиновник": nobody named, as in English.
			w.name = Unnamed
			return w
		}
		if q := a.prevQ; q != nil && q.Speaker == Unnamed && q.End <= w.s && q.SpeakerEnd > q.SpeakerStart {
			// "за словами американського високопосадовця, …" then
			// "— сказав високопосадовець": the same unnamed source.
			if key, ok := a.r.isRole(strings.ToLower(firstWordOf(q.SpeakerText))); ok && key == w.role {
				w.name = Unnamed
				return w
			}
		}
		if r := a.byRole(w); r.ok {
			return r
		}
		if a.r.generic[w.role] && w.acc {
			// "по словам американского чиновника" with no чиновник
			// named before: an unnamed source, not the last person
			// named ("— сказал кремлёвский чиновник" after Ushakov's
			// quote is still Ushakov).
			w.name = Unnamed
			return w
		}
		if a.r.isTitleNoun(w.role) {
			// "сообщает агентство", "зазначає видання": the outlet
			// named last, never a person.
			lo, hi := a.histRange(w.s-histWindow, w.s)
			for i := hi - 1; i >= lo; i-- {
				if h := a.hist[i]; h.speech && a.personID(h.w.s, h.w.e) == "" {
					return who{name: h.w.name, id: h.w.id, s: w.s, e: w.e, ok: true}
				}
			}
		}
		// The person its own sentence names first ("Президент США Дональд
		// Трамп и …, хотя американский лидер назвал …").
		if b, e, ok := a.firstName(a.tokAt(w.s)); ok {
			n := a.named(b, e, "")
			return who{name: n.name, id: n.id, s: w.s, e: w.e, ok: true}
		}
		// The person named last before it, near ("… глава МИДа Андрей
		// Сибига рассказал … «…», — сказал министр").
		// A source that spoke comes before one only introduced ("…, falls
		// Russlands Präsident Wladimir Putin nicht … „…“, sagte der
		// CDU-Politiker" after Wadephul spoke).
		// A description naming a body ("глава Белого дома") skips a
		// source titled by another body ("глава МИД РФ").
		if lo, hi := a.histRange(w.s-histWindow, w.s); hi > lo {
			words := strings.Fields(strings.ToLower(a.d.text[w.s:w.e]))
			for i := hi - 1; i >= lo && a.d.paraIndex(w.s)-a.d.paraIndex(a.hist[i].pos) <= 3; i-- {
				h := a.hist[i]
				if !h.speech || len(words) > 1 && a.capsIn(words[1:]) && (len(h.ctx) == 0 || a.capsIn(h.ctx) && shared(words[1:], h.ctx) == 0) {
					continue
				}
				return who{name: h.w.name, id: h.w.id, s: w.s, e: w.e, ok: true}
			}
			if h := a.hist[hi-1]; a.d.paraIndex(w.s)-a.d.paraIndex(h.pos) <= 3 {
				return who{name: h.w.name, id: h.w.id, s: w.s, e: w.e, ok: true}
			}
		}
		if q := a.prevQ; q != nil && q.Speaker != "" && q.End <= w.s && a.d.paraIndex(w.s)-a.d.paraIndex(q.Start) <= 3 {
			return who{name: q.Speaker, id: q.SpeakerID, s: w.s, e: w.e, ok: true}
		}
		w.name = a.d.text[w.s:w.e]
		return w
	}
	return w
}

// firstWordOf returns the first word of a description ("американського
// високопосадовця" gives "американського"), for the role check of its
// caller.
func firstWordOf(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '’' && r != '\'' })
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// unnamedDesc reports a description marked as unnamed: a mark word in it
// or among the three words before it ("неназванный украинский чиновник",
// "один из источников", "ein ungenannter Beamter").
func (a *langAttr) unnamedDesc(w who) bool {
	k := a.tokAt(w.s)
	from := max(0, k-3)
	for x := k - 1; x >= from; x-- {
		if !a.toks[x].word && a.barrier(x) {
			from = x + 1 // a mark before a comma or dash is another clause's
			break
		}
	}
	for x := from; x < len(a.toks) && a.toks[x].s < w.e; x++ {
		if t := a.toks[x]; t.word && !t.quoted && a.r.isUnnamedMark(t.lw) {
			return true
		}
	}
	return false
}

// oneOf reports "один из источников", "одне з джерел", "einer der
// Unterhändler" at x: an unnamed-mark quantifier, a preposition or
// article, a role. It returns the role key.
func (a *langAttr) oneOf(x, lim int) (string, bool) {
	if x+2 >= lim || !a.r.isUnnamedMark(a.toks[x].lw) || a.toks[x].cap && a.sentStart(x) != x {
		return "", false
	}
	p, n := a.toks[x+1], a.toks[x+2]
	if !p.word || !n.word || p.quoted || n.quoted || !a.r.preps[p.lw] && !a.r.dets[p.lw] {
		return "", false
	}
	return a.r.isRole(n.lw)
}

// firstName returns the first name of the sentence holding token k, before
// k: governed or not, it is what a pronoun or a role later in the same
// sentence most often stands for.
func (a *langAttr) firstName(k int) (int, int, bool) {
	if k >= len(a.toks) {
		return 0, 0, false
	}
	for x := a.sentStart(k); x < k; x++ {
		if a.toks[x].quoted || !(a.nameish(x) || a.toks[x].initial) || a.r.nounCaps && x > 0 && a.r.dets[a.toks[x-1].lw] {
			continue
		}
		j := a.run(x, k)
		if b, e, _ := a.nameIn(x, j); e > b && !a.complement(b, e) && !a.weak(b, e) {
			return b, e, true
		}
		x = j - 1
	}
	return 0, 0, false
}

// lastMention returns the offset of the last mention of the person's
// surname (in any case form: the same first letters) before offset before.
func (a *langAttr) lastMention(w who, before int) int {
	f := strings.Fields(w.name)
	if len(f) == 0 {
		return w.s
	}
	stem := []rune(strings.ToLower(f[len(f)-1]))
	if len(stem) > 4 {
		stem = stem[:len(stem)-2]
	}
	last := w.s
	for k := a.tokAt(max(w.s, before-histWindow)); k < len(a.toks) && a.toks[k].s < before; k++ {
		if t := a.toks[k]; t.cap && strings.HasPrefix(t.lw, string(stem)) {
			last = t.s
		}
	}
	return last
}

// capsIn reports whether a title phrase (lower-cased words) names an
// organisation or a country: a word the text writes capitalised.
func (a *langAttr) capsIn(words []string) bool {
	for _, w := range words {
		if _, role := a.r.isRole(w); !role && (a.proper[w] || isAcronym(strings.ToUpper(w)) && a.upper[w]) {
			return true
		}
	}
	return false
}

// shared counts the words of a description (its role aside) that share
// their first four letters with a word of a title phrase.
func shared(desc, ctx []string) int {
	n := 0
	for _, d := range desc {
		dr := []rune(d)
		if len(dr) < 4 {
			continue
		}
		for _, c := range ctx {
			if strings.HasPrefix(c, string(dr[:4])) {
				n++
				break
			}
		}
	}
	return n
}

// byRole resolves a role description to the person introduced with the
// same role: of several, the one whose title shares most words with the
// description ("Президент України"), then the one mentioned last ("Die
// Ansage erwischte Trump …, antwortete der US-Präsident"); else one
// introduced right after it (leads name the role first).
func (a *langAttr) byRole(w who) who {
	if w.role == "" {
		return who{}
	}
	words := strings.Fields(strings.ToLower(a.d.text[w.s:w.e]))
	for _, exact := range []bool{true, false} {
		best, bestScore, bestAt := -1, -1, -1
		lo, hi := a.histRange(w.s-histWindow, w.s)
		for i := hi - 1; i >= lo; i-- {
			h := a.hist[i]
			if !a.sameRole(h.roles, w.role, exact) {
				continue
			}
			score, at := shared(words[min(1, len(words)-1):], h.ctx), a.lastMention(h.w, w.s)
			if score == 0 && a.capsIn(words[1:]) && a.capsIn(h.ctx) {
				continue // "глава Белого дома" is not "глава МИД РФ"
			}
			if score > bestScore || score == bestScore && at > bestAt {
				best, bestScore, bestAt = i, score, at
			}
		}
		if best >= 0 {
			h := a.hist[best]
			return who{name: h.w.name, id: h.w.id, s: w.s, e: w.e, ok: true}
		}
	}
	flo, fhi := a.histRange(w.e+1, w.e+histWindow)
	for _, h := range a.hist[flo:fhi] {
		if a.sameRole(h.roles, w.role, true) && a.d.paraIndex(h.pos)-a.d.paraIndex(w.s) <= 2 {
			return who{name: h.w.name, id: h.w.id, s: w.s, e: w.e, ok: true}
		}
	}
	return who{}
}

// sameRole matches a description's role against a person's titles: the
// same key, or (German compounds, exact false) a title ending in it
// ("Kanzler" for "Bundeskanzler").
func (a *langAttr) sameRole(roles []string, role string, exact bool) bool {
	for _, r := range roles {
		if r == role || !exact && a.r.roleSuffix && strings.HasSuffix(r, role) {
			return true
		}
	}
	return false
}

// before finds the source of a cue before the quote in its sentence
// (tokens [blo, first)): the cue nearest the quote whose source is a name
// or a pronoun (an inner "что не считает" has none of its own), else the
// nearest. cue is "" when there is no cue.
func (a *langAttr) before(blo, first, sBefore int) (who, string) {
	var fallback who
	fallbackCue := ""
	for x := first - 1; x >= blo; x-- {
		if !a.isCue(x, false) {
			continue
		}
		w := a.cueSource(x, blo, first)
		if slo, _ := a.sentToks(sBefore); !w.ok && slo < blo {
			// A participle after an earlier quote takes the sentence's
			// subject: X назвал «…», заявив, что «…».
			w = a.cueSource(x, slo, first)
		}
		cue := a.d.text[a.toks[x].s:a.toks[x].e]
		if w.ok && !w.desc {
			return w, cue
		}
		if fallbackCue == "" {
			fallback, fallbackCue = w, cue
		}
	}
	return fallback, fallbackCue
}

// inner finds an attribution written inside the marks between dashes, as
// Russian and Ukrainian interrupt a quote: «…, — заявил Трамп на
// пресс-конференции. — …».
func (a *langAttr) inner(first, last int) (who, string) {
	if a.r.nounCaps {
		return who{}, ""
	}
	for x := first + 1; x+1 < last; x++ {
		if !a.isDash(x) || a.toks[x-1].word || !strings.ContainsAny(a.toks[x-1].lw, ",.!?…") {
			continue
		}
		k := x + 1
		if !a.toks[k].word || !a.r.verbs[a.toks[k].lw] {
			continue
		}
		end := k + 1
		for end < last && !a.isDash(end) {
			end++
		}
		if end >= last {
			return who{}, ""
		}
		for y := k; y < end; y++ {
			a.toks[y].quoted = false
		}
		w := a.rightNP(k+1, end)
		for y := k; y < end; y++ {
			a.toks[y].quoted = true
		}
		if w.ok {
			return w, a.d.text[a.toks[k].s:a.toks[k].e]
		}
	}
	return who{}, ""
}

// subjectBefore finds the subject of one of the three sentences before
// offset pos: the first name of the sentence not governed by a preposition
// ("Ушаков провёл брифинг. «…», — сказал он."). A lone capitalised word
// opening the sentence counts when the text never writes it in lower case.
func (a *langAttr) subjectBefore(pos int) (int, int, bool) {
	si := sentence.Index(a.d.sents, pos)
	for s := si - 1; s >= 0 && s >= si-3; s-- {
		if b, e, ok := a.subjectIn(s); ok {
			return b, e, true
		}
	}
	return 0, 0, false
}

// dashLine finds a speaker named on a line of its own right after a quote
// that closes its paragraph: a dash, then a name (titles allowed), and
// nothing else.
func (a *langAttr) dashLine(sp span) (who, bool) {
	d := a.d
	pi := d.paraIndex(max(sp.start, sp.end-1))
	if pi+1 >= len(d.paras) || strings.TrimSpace(d.text[sp.end:d.paras[pi].End]) != "" {
		return who{}, false
	}
	next := d.paras[pi+1]
	lo, hi := a.tokAt(next.Start), a.tokAt(next.End)
	if hi-lo < 2 || hi-lo > 7 || !a.isDash(lo) {
		return who{}, false
	}
	for x := lo + 1; x < hi; x++ {
		if !a.toks[x].word && !strings.ContainsRune(".,", rune(a.toks[x].lw[0])) {
			return who{}, false
		}
	}
	w := a.rightNP(lo+1, hi)
	return w, w.ok && !w.pronoun && !w.desc
}

// subjectAfter returns the subject of the latest of the two sentences
// before sentence si that start after offset pos: a person named, not
// governed, in no oblique case, and the subject of its own verb.
func (a *langAttr) subjectAfter(si, pos int) (int, int, bool) {
	for s := si - 1; s >= 0 && s >= si-2 && a.d.sents[s].Start > pos; s-- {
		b, e, ok := a.subjectIn(s)
		if !ok || a.r.oblique(a.d.text[a.toks[b].s:a.toks[e-1].e]) || !a.beforeVerb(e) {
			continue
		}
		if a.personID(a.toks[b].s, a.toks[e-1].e) == "" && !a.proper[a.toks[e-1].lw] {
			continue
		}
		return b, e, true
	}
	return 0, 0, false
}

// beforeVerb reports a past-tense verb right after token e, past adverbs
// and particles ("Умеров опроверг", "Сибіга також наголосив"): the name
// before it is the verb's subject, not an object in a case that looks
// like the nominative ("работу президента Дональда Трампа").
func (a *langAttr) beforeVerb(e int) bool {
	for x := e; x < len(a.toks) && x < e+3; x++ {
		t := a.toks[x]
		if !t.word || t.cap || t.quoted {
			return false
		}
		if a.r.verbs[t.lw] {
			return true
		}
		for _, end := range a.r.pastEnds {
			if strings.HasSuffix(t.lw, end) && utf8.RuneCountInString(t.lw) > utf8.RuneCountInString(end)+2 {
				return true
			}
		}
		if !a.r.funcs[t.lw] && !strings.HasSuffix(t.lw, "о") && !strings.HasSuffix(t.lw, "е") {
			return false // not an adverb ("сам", "также", "позже")
		}
	}
	return false
}

// namedIn returns the person sentence si names as a source (the last
// one), else (German) the last one it introduces with a title.
func (a *langAttr) namedIn(si int) (lsaid, bool) {
	if si < 0 || si >= len(a.d.sents) {
		return lsaid{}, false
	}
	sp := a.d.sents[si]
	var intro *lsaid
	lo, hi := a.histRange(sp.Start, sp.End)
	for i := hi - 1; i >= lo; i-- {
		h := a.hist[i]
		if h.speech {
			return h, true
		}
		if intro == nil {
			intro = &a.hist[i]
		}
	}
	// An introduced person only in German, where an article shows the
	// subject ("bedankte sich der ukrainische Präsident Wolodymyr
	// Selenskyj"); Russian and Ukrainian introduce objects the same way
	// ("объявленное президентом России Владимиром Путиным").
	if intro != nil && a.r.nounCaps {
		return *intro, true
	}
	return lsaid{}, false
}

// subjectIn finds the subject of sentence s (see subjectBefore), when it
// is not all quote.
func (a *langAttr) subjectIn(s int) (int, int, bool) {
	lo, hi := a.sentToks(s)
	for x := lo; x < hi; x++ {
		t := a.toks[x]
		if !t.word || t.quoted {
			continue
		}
		if _, ok := a.r.pronouns[t.lw]; ok {
			break
		}
		if !a.nameish(x) || a.governed(x) || a.r.nounCaps && x > 0 && a.r.dets[a.toks[x-1].lw] {
			continue
		}
		j := a.run(x, hi)
		b, e, _ := a.nameIn(x, j)
		if e > b && !a.complement(b, e) && (!a.weak(b, e) || !a.lower[a.toks[b].lw] && !a.r.nounCaps) {
			return b, e, true
		}
		x = j - 1
	}
	return 0, 0, false
}

// histWindow bounds, in bytes, how far back (and, for leads, forward)
// pronouns and roles look for the person they stand for: a long article
// costs in proportion to its length.
const histWindow = 8000

// histRange returns the indexes [lo, hi) of the named sources with
// positions in [from, to).
func (a *langAttr) histRange(from, to int) (int, int) {
	lo := sort.Search(len(a.hist), func(i int) bool { return a.hist[i].pos >= from })
	hi := sort.Search(len(a.hist), func(i int) bool { return a.hist[i].pos >= to })
	return lo, hi
}

// speakerOf attributes the direct quote sp (the i-th span); prev is the
// quote before it.
func (a *langAttr) speakerOf(i int, sp span, prev *Quote) (who, string) {
	d := a.d
	first := a.tokAt(sp.start)
	last := a.tokAt(sp.end) // first token after the quote
	sBefore := sentence.Index(d.sents, sp.start)
	sAfter := sentence.Index(d.sents, max(sp.start, sp.end-1))
	blo, _ := a.sentToks(sBefore)
	_, ahi := a.sentToks(sAfter)
	if ahi < last {
		ahi = last
	}
	// Stop at the next quote and at the paragraph's end.
	pEnd := len(d.text)
	if pi := d.paraIndex(max(sp.start, sp.end-1)); pi < len(d.paras) {
		pEnd = d.paras[pi].End
	}
	for x := last; x < ahi; x++ {
		if a.toks[x].quoted || a.toks[x].s >= pEnd {
			ahi = x
			break
		}
	}
	if i > 0 {
		if pe := a.tokAt(d.spans[i-1].end); pe > blo && pe <= first {
			blo = pe
		}
	}
	done := func(w who, cue string) (who, string) {
		w = a.resolve(w)
		if w.ok && w.name == "" {
			return who{}, ""
		}
		return w, cue
	}
	// 0. An attribution inside the marks: «…, — заявил X. — …».
	if w, cue := a.inner(first, last); w.ok {
		return done(w, cue)
	}
	// 1. A cue right after the quote: «…», — заявил X; „…“, so X; «…», —
	// X заявил.
	words := 0
	for x := last; x < ahi && words < 4; x++ {
		if !a.toks[x].word {
			if words > 0 && a.barrier(x) && !a.isDash(x) {
				break
			}
			continue
		}
		words++
		if a.isCue(x, words == 1) {
			cue := d.text[a.toks[x].s:a.toks[x].e]
			if !a.r.verbs[a.toks[x].lw] {
				// "…, где заявила, что «…», передает Диалог.UA": a
				// reporting outlet after the quote yields to a speaker
				// before it.
				if w, c := a.before(blo, first, sBefore); w.ok && !w.desc {
					return done(w, c)
				}
			}
			if w := a.rightNP(x+1, ahi); w.ok {
				return done(w, cue)
			}
			if w := a.leftNP(last, x); w.ok {
				return done(w, cue)
			}
			if w := a.placeSource(x, last, ahi); w.ok {
				return done(w, cue)
			}
			break
		}
	}
	// 2. An according phrase or a cue before the quote in its sentence.
	if w, cue := a.according(blo, first); w.ok {
		return done(w, cue)
	}
	if w, cue := a.before(blo, first, sBefore); cue != "" {
		return done(w, cue)
	}
	// A colon with no cue before it: "Doch dann wurde er deutlich: „…“".
	if first > blo && first-1 >= 0 && !a.toks[first-1].word && a.toks[first-1].lw == ":" {
		if w := a.leftNP(blo, first-1); w.ok && !w.desc {
			return done(w, "")
		}
	}
	// 3. A cue later in the sentence: «…» и «…», — заявил X.
	if w, cue := a.according(last, ahi); w.ok {
		return done(w, cue)
	}
	// The first cue whose source is a name or pronoun ("«Wir wissen
	// nicht», ob Russland es ernst meint, räumte Rubio ein"), else the
	// first cue's.
	var later who
	laterCue := ""
	for x := last; x < ahi; x++ {
		if !a.isCue(x, x > 0 && a.toks[x-1].lw == ",") {
			continue
		}
		cue := d.text[a.toks[x].s:a.toks[x].e]
		w := a.rightNP(x+1, ahi)
		if !w.ok {
			w = a.leftNP(last, x)
		}
		if !w.ok {
			// A verb-final clause: "das Trump als „sehr produktiv“
			// beschrieb".
			w = a.leftNP(blo, first)
		}
		if w.ok && !w.desc {
			return done(w, cue)
		}
		if laterCue == "" {
			later, laterCue = w, cue
		}
	}
	if laterCue != "" && later.ok {
		return done(later, laterCue)
	}
	// A paragraph of its own naming the speaker after a dash: «…» ¶ –
	// Сергей Рябков.
	if w, ok := a.dashLine(sp); ok {
		return done(w, "")
	}
	// 4. The next sentence points back: «…». Об этом заявил X.
	if nlo, nhi := a.sentToks(sAfter + 1); nhi > nlo && a.toks[nlo].s < pEnd+1 && !a.toks[nlo].quoted {
		for _, p := range a.r.this {
			if !a.match(nlo, nhi, p) {
				continue
			}
			for x := nlo + len(p); x < nhi && x < nlo+len(p)+3; x++ {
				if a.isCue(x, false) || a.toks[x].cap && a.r.verbs[a.toks[x].lw] {
					if w := a.rightNP(x+1, nhi); w.ok {
						return done(w, d.text[a.toks[x].s:a.toks[x].e])
					}
				}
			}
		}
	}
	// 5. Continuation: the sentence before ends in a colon; the quote
	// before in this paragraph, or closing the paragraph before when this
	// one opens with the quote.
	para := d.paraIndex(sp.start)
	if sBefore > 0 {
		plo, phi := a.sentToks(sBefore - 1)
		if phi > plo && phi <= first && !a.toks[phi-1].word && a.toks[phi-1].lw == ":" {
			for x := phi - 1; x >= plo; x-- {
				if a.isCue(x, false) {
					if w := a.cueSource(x, plo, phi); w.ok {
						return done(w, d.text[a.toks[x].s:a.toks[x].e])
					}
				}
			}
		}
	}
	if prev != nil && prev.Speaker != "" && d.paraIndex(max(prev.Start, prev.End-1)) == para {
		return who{name: prev.Speaker, id: prev.SpeakerID, s: prev.SpeakerStart, e: prev.SpeakerEnd, ok: prev.SpeakerStart >= 0}, prev.Cue
	}
	// The sentence before, in the same paragraph, reports speech: "…,
	// sagte Vance. „Der Präsident …“"; "Der Vizepräsident bekräftigte …
	// „…“".
	if sBefore > 0 && d.paraIndex(d.sents[sBefore-1].Start) == para {
		plo, phi := a.sentToks(sBefore - 1)
		for x := phi - 1; x >= plo; x-- {
			if a.isCue(x, false) {
				if w := a.cueSource(x, plo, phi); w.ok {
					return done(w, d.text[a.toks[x].s:a.toks[x].e])
				}
				break
			}
		}
	}
	if prev != nil && prev.Speaker != "" {
		pp := d.paraIndex(max(prev.Start, prev.End-1))
		opens := para < len(d.paras) && strings.TrimLeft(d.text[d.paras[para].Start:sp.start], " \t") == ""
		if pp == para || pp == para-1 && opens {
			return who{name: prev.Speaker, id: prev.SpeakerID, s: prev.SpeakerStart, e: prev.SpeakerEnd, ok: prev.SpeakerStart >= 0}, prev.Cue
		}
	}
	// 6. A few words quoted inside a sentence with no cue at all take its
	// subject when that is a person: "Merz hält eine Entscheidung ohne
	// die Ukraine für „undenkbar“" (words of the person the sentence is
	// about, as a verb of opinion puts them).
	if r, _ := utf8.DecodeRuneInString(sp.text); unicode.IsLower(r) && len(strings.Fields(sp.text)) <= 6 && first > blo {
		if w := a.leftNP(blo, first); w.ok && !w.desc && !w.pronoun && (w.id != "" || a.spoke(w)) {
			return done(w, "")
		}
	}
	return who{}, ""
}

// spoke reports whether the person named by w is a named source near it
// in the text (a surname with the same first letters, within histWindow).
func (a *langAttr) spoke(w who) bool {
	f := strings.Fields(strings.ToLower(w.name))
	if len(f) == 0 {
		return false
	}
	stem := []rune(f[len(f)-1])
	if len(stem) > 4 {
		stem = stem[:len(stem)-2]
	}
	lo, hi := a.histRange(w.s-histWindow, w.e+histWindow)
	for _, h := range a.hist[lo:hi] {
		if !h.speech {
			continue
		}
		hf := strings.Fields(strings.ToLower(h.w.name))
		if len(hf) > 0 && strings.HasPrefix(hf[len(hf)-1], string(stem)) {
			return true
		}
	}
	return false
}

// lastWord returns the last run of letters of s, as written.
func lastWord(s string) string {
	s = strings.TrimRight(s, " ")
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= size
	}
	return s[i:]
}

// sentencePunct reports punctuation that ends or splits a sentence in t;
// a dot inside a word ("Страна.ua", "Dialog.UA") does neither.
func sentencePunct(t string) bool {
	prev := rune(0)
	for i, r := range t {
		if r == '.' {
			next, _ := utf8.DecodeRuneInString(t[i+1:])
			if !unicode.IsLetter(prev) || !unicode.IsLetter(next) {
				return true
			}
		} else if strings.ContainsRune("!?,:;…", r) {
			return true
		}
		prev = r
	}
	return false
}

// midSentence reports a capitalised span standing inside its sentence as
// a noun does: right after a lower-case word, no colon or dash before it,
// and a lower-case word or a number right after it ("входять до
// «Коаліції охочих» у четвер", "отмечает «Страна.ua». После …" after a
// speech verb names the outlet). Quotes that open with a capital stand
// after a colon or at a sentence's start, and a comma or dash follows
// them.
func (d *doc) midSentence(sp span, pw string) bool {
	before := strings.TrimRight(d.text[max(0, sp.start-40):sp.start], " ")
	if len(before) == len(d.text[max(0, sp.start-40):sp.start]) {
		return false // no space before the mark
	}
	b, _ := utf8.DecodeLastRuneInString(before)
	if !unicode.IsLower(b) {
		return false
	}
	if d.res.verbs[pw] || d.res.afterOnly[pw] {
		// After a speech verb with no colon: the outlet or person that
		// says it ("отмечает «Страна.ua»", "підтвердила "Радіо
		// Свобода""), when the span closes its clause.
		rest := strings.TrimLeft(d.text[sp.end:], " ")
		r, _ := utf8.DecodeRuneInString(rest)
		return rest == "" || strings.ContainsRune(".,;", r)
	}
	rest := d.text[sp.end:]
	if !strings.HasPrefix(rest, " ") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
	return unicode.IsLower(r) || unicode.IsDigit(r)
}

// isTitleLang reports marks that enclose a name rather than speech: a short
// span after a "so-called" word, a short capitalised span after a word naming a newspaper, channel, party or the
// like, or after a preposition ("в «Коммерсанте»", "im „Spiegel“"), or one
// with no speech verb anywhere in its sentence.
func (d *doc) isTitleLang(sp span) bool {
	t := strings.TrimSpace(sp.text)
	words := strings.Fields(t)
	if len(words) == 0 || len(words) > 5 || sentencePunct(t) {
		return false
	}
	pw := ""
	if before := strings.Fields(strings.ToLower(d.text[max(0, sp.start-60):sp.start])); len(before) > 0 {
		pw = strings.Trim(before[len(before)-1], ",;:()\"«»„“")
	}
	if pw != "" && d.res.isSoCalled(pw) {
		return true // "т. н. «мирный план»", "sogenannte „Koalition“"
	}
	if r, _ := utf8.DecodeRuneInString(t); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(pw); pw != "" && (d.res.isTitleNoun(pw) || d.res.preps[pw] && !d.res.nounCaps) && unicode.IsLetter(r) {
		return true
	}
	if !d.res.nounCaps && len(words) <= 4 && d.midSentence(sp, pw) {
		return true
	}
	// After an acronym naming the body: РИА «Новости», ИА «Регнум».
	if raw := lastWord(d.text[max(0, sp.start-20):sp.start]); len(words) <= 3 && isAcronym(raw) && !d.res.nounCaps {
		return true
	}
	// Names in marks with no speech around them: «Газпром», „Nord Stream“.
	caps := 0
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	if caps < len(words) || len(words) > 3 {
		return false
	}
	lo, hi := sp.start, sp.end
	if si := sentence.Index(d.sents, sp.start); si < len(d.sents) && d.sents[si].Start <= sp.start {
		lo, hi = d.sents[si].Start, max(d.sents[si].End, sp.end)
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(d.text[lo:sp.start]+" "+d.text[sp.end:hi]), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if d.res.verbs[w] || d.res.afterOnly[w] {
			return false
		}
	}
	return true
}
