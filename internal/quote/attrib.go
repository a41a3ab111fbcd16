package quote

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/sentence"
)

// cues maps speech verbs (every inflection written out) to whether the form
// is a participle, whose subject is the clause's subject rather than the
// words right before it.
var cues = map[string]bool{}

// indirectCues are the verbs that introduce reported speech without
// quotation marks ("X said that …").
var indirectCues = map[string]bool{}

func init() {
	add := func(m map[string]bool, part bool, words string) {
		for _, w := range strings.Fields(words) {
			m[w] = part
		}
	}
	finite := `say says said tell tells told add adds added ask asks asked write writes wrote stated noted argue
		argues argued insist insists insisted claimed declare declares declared reply replied respond
		responds responded continued warn warns warned reiterate reiterates reiterated acknowledge
		acknowledges acknowledged admit admits admitted announce announces announced confirm confirms
		confirmed tweeted posted recalled suggest suggests suggested stressed emphasize emphasizes
		emphasized emphasise emphasises emphasised urge urges urged explain explains explained remarked
		describe describes described called predict predicts predicted vows vowed promised boast boasts
		boasted complain complains complained charged conclude concludes concluded observe observes observed
		jokes joked quip quips quipped concede concedes conceded maintain maintains maintained assert
		asserts asserted contend contends contended allege alleges alleged testify testifies testified
		characterize characterizes characterized characterise characterised sings sang blasts blasted slams
		slammed criticize criticizes criticized accuse accuses accused deny denies denied praised reported
		mentioned indicated clarify clarifies clarified reminded agree agrees agreed touted lamented shouts
		shouted yell yells yelled cried exclaim exclaimed muse mused scoff scoffed quoted likened dubbed
		labeled labelled branded wondered demanded pledged hinted retort retorts retorted summarized
		cautioned proclaim proclaimed insisting`
	finite += ` chant chants chanted commented read condemn condemns condemned denounce denounces denounced
		hailed hails dismissed mocked mocks ruled rated decried derided lauded scolded admonished termed terms
		lambasted criticised chided berated`
	finite = strings.Join(slices.DeleteFunc(strings.Fields(finite), func(w string) bool {
		switch w {
		case "tweet", "tweets", "stress", "stresses", "pledge", "terms", "recall", "recalls", "shout":
			return true // nouns as often as verbs
		}
		return false
	}), " ")
	participles := `condemning denouncing dismissing mocking calling hailing chanting saying telling adding asking writing stating noting arguing claiming declaring replying responding
		warning reiterating acknowledging admitting announcing confirming tweeting recalling suggesting stressing
		emphasizing emphasising urging explaining remarking describing calling predicting vowing promising
		boasting complaining charging concluding observing joking conceding maintaining asserting contending
		alleging testifying characterizing bemoaning lamenting touting cautioning labeling labelling dubbing
		insisting accusing praising criticizing denying quoting`
	add(cues, false, finite)
	add(cues, true, participles)
	cues["according"] = false
	add(indirectCues, false, `said says say told tells stated states claimed claims argued argues noted notes added adds
		warned warns insisted insists acknowledged acknowledges explained explains announced announces suggested suggests
		reported reports wrote writes confirmed confirms admitted admits predicted predicts believes believed
		contended contends asserted asserts maintained maintains alleged alleges conceded concedes testified
		reiterated reiterates recalled recalls indicated indicates complained complains stressed stresses emphasized
		emphasizes denied denies promised promises vowed vows according`)
	add(indirectCues, true, `believe believes believed think thinks thought hope hopes hoped expect expects expected
		fear fears feared know knows knew assume assumes assumed shows showed shown find finds found
		estimate estimates estimated agree agrees agreed conclude concludes concluded predicted feel feels felt
		suspect suspects suspected worry worries worried`)
	for w := range indirectCues {
		if n := len(w); n > 0 && n < 16 && isLowerASCII(w[0]) && isLowerASCII(w[n-1]) {
			indirectShape[n][w[0]-'a'] |= 1 << (w[n-1] - 'a')
		} else {
			indirectShapeOff = true // a cue the shapes cannot hold: look every word up
		}
	}
}

// indirectShape has a bit for the length, first and last letter of every
// word of indirectCues: most words of a text lack theirs and are no cue,
// found without hashing them.
var (
	indirectShape    [16][26]uint32
	indirectShapeOff bool
)

func isLowerASCII(c byte) bool { return c >= 'a' && c <= 'z' }

// indirectCue is indirectCues[w] with the comma-ok.
func indirectCue(w string) (thatOnly, ok bool) {
	if n := len(w); !indirectShapeOff && n > 0 && n < 16 && isLowerASCII(w[0]) && isLowerASCII(w[n-1]) {
		if indirectShape[n][w[0]-'a']&(1<<(w[n-1]-'a')) == 0 {
			return false, false
		}
	}
	thatOnly, ok = indirectCues[w]
	return thatOnly, ok
}

// nameBefore returns the capitalised words (up to four) standing right
// before the cue at hi, adverbs aside, when they are not governed by a
// preposition and are not function words.
func (d *doc) nameBefore(ws []word, lo, hi int) speaker {
	j := hi - 1
	for j >= lo && hi-j <= 2 && adverb(ws[j].lw) {
		j--
	}
	end := j
	for j >= lo && end-j < 4 {
		w := ws[j]
		r, _ := utf8.DecodeRuneInString(d.text[w.start:])
		if !unicode.IsUpper(r) || w.quoted || functionWords[w.lw] {
			break
		}
		if j < end && strings.ContainsAny(d.text[w.end:ws[j+1].start], ",.;:!?\"“”()") {
			break
		}
		j--
	}
	start := j + 1
	if start > end || end < lo {
		return speaker{}
	}
	if start > lo && prepositions[ws[start-1].lw] {
		return speaker{}
	}
	if start > lo && !strings.ContainsAny(d.text[ws[start-1].end:ws[start].start], ",.;:!?\"“”()—–-") {
		// Only a whole noun phrase counts: "Lamenting their luck, Mexicans
		// often say" yes, "the Chicago Police Department which" no.
		switch ws[start-1].lw {
		case "the", "a", "an":
		default:
			return speaker{}
		}
	}
	return d.textSpeaker(ws[start].start, ws[end].end)
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// adverb reports words that may stand between a source and its cue.
func adverb(w string) bool {
	switch w {
	case "then", "also", "later", "now", "again", "still", "once", "often", "recently", "previously", "repeatedly", "had", "has", "have", "was":
		return true
	}
	return strings.HasSuffix(w, "ly")
}

// functionWords open sentences in capitals without naming anyone.
var functionWords = map[string]bool{"after": true, "before": true, "but": true, "and": true, "when": true, "while": true,
	"if": true, "as": true, "in": true, "on": true, "at": true, "the": true, "a": true, "an": true, "this": true,
	"that": true, "then": true, "so": true, "still": true, "yet": true, "since": true, "for": true, "with": true,
	"it": true, "its": true, "there": true, "here": true, "we": true, "they": true, "he": true, "she": true, "i": true}

// speechNouns name something said; their possessor is its source.
var speechNouns = map[string]bool{"claim": true, "claims": true, "statement": true, "statements": true,
	"remarks": true, "comments": true, "words": true, "assertion": true, "allegation": true, "allegations": true,
	"promise": true, "pledge": true, "warning": true, "tweet": true, "tweets": true, "message": true,
	"argument": true, "insistence": true, "description": true, "prediction": true, "vow": true}

// possessive reports whether the word ending at end carries 's.
func possessive(text string, end int) bool {
	rest := text[end:min(len(text), end+4)]
	return strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "' ") || strings.HasPrefix(rest, "’ ")
}

// invertible cues may come before their source ("said Hester").
var invertible = map[string]bool{"said": true, "says": true, "added": true, "adds": true, "asked": true, "wrote": true,
	"writes": true, "continued": true, "explained": true, "recalled": true, "noted": true, "replied": true,
	"responded": true, "insisted": true, "argued": true, "warned": true, "declared": true, "told": true,
	"tweeted": true, "concluded": true, "according": true}

// afterCues act as speech verbs only right after a quote, where they cannot
// be nouns (`," the letter reads.`).
var afterCues = map[string]bool{"reads": true, "notes": true, "states": true, "writes": true, "posted": true, "tweets": true, "claims": true, "reports": true}

// colonCues introduce a quote after a colon even though, elsewhere, they
// are too often nouns to count as speech verbs ("The Times reports:").
var colonCues = map[string]bool{"reports": true, "notes": true, "states": true, "writes": true, "explains": true, "put": true, "posted": true, "commented": true, "tweeted": true, "wrote": true}

// anonymous head nouns mark unnamed sources when no name stands with them.
var anonymous = map[string]bool{
	"official": true, "officials": true, "source": true, "sources": true, "aide": true, "aides": true,
	"insider": true, "insiders": true, "person": true, "people": true, "diplomat": true, "diplomats": true,
	"spokesperson": true, "spokesman": true, "spokeswoman": true, "adviser": true, "advisers": true,
	"advisor": true, "advisors": true, "staffer": true, "staffers": true, "officer": true, "officers": true,
	"analyst": true, "analysts": true, "expert": true, "experts": true, "witness": true, "witnesses": true,
	"resident": true, "residents": true, "lawmaker": true, "lawmakers": true, "observers": true, "critics": true,
	"supporters": true, "voters": true, "protesters": true, "demonstrators": true,
	"percent": true, "majority": true, "respondents": true,
}

var abbrev = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "gov": true, "sen": true, "rep": true, "st": true, "jr": true, "sr": true, "gen": true, "lt": true, "col": true, "sgt": true, "capt": true, "prof": true, "rev": true, "sept": true, "jan": true, "feb": true, "aug": true, "oct": true, "nov": true, "dec": true, "no": false}

var prepositions = map[string]bool{"with": true, "to": true, "of": true, "by": true, "for": true, "from": true, "about": true, "against": true, "on": true, "at": true, "and": true, "between": true, "like": true, "than": true,
	"through": true, "into": true, "across": true, "over": true, "under": true, "near": true, "inside": true, "outside": true,
	"around": true, "behind": true, "toward": true, "towards": true, "via": true, "within": true, "among": true, "amid": true, "in": true}

var pronouns = map[string]string{"he": "m", "she": "f", "they": "p", "him": "m", "her": "f"}

// word is one word of the text with its offsets.
type word struct {
	start, end int
	lw         string // lowercased, possessive and edge punctuation removed
	quoted     bool   // inside a direct quote
	mention    int    // index into d.ms of a mention covering the word, or -1
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isASCIIAlnum reports whether the ASCII byte c is a letter or a digit.
func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func (d *doc) tokenizeWords() []word {
	ws := make([]word, 0, len(d.text)/5+1) // news text averages a word in six bytes
	text := d.text
	lowered := lang.ASCIILower(text)
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
		j := i + size
		for j < len(text) {
			if c := text[j]; c < utf8.RuneSelf && isASCIIAlnum(c) {
				j++
				continue
			}
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
				j += s2
				continue
			}
			if r2 == '.' || r2 == '\'' || r2 == '’' || r2 == '-' {
				n, _ := utf8.DecodeRuneInString(text[j+s2:])
				if unicode.IsLetter(n) || unicode.IsDigit(n) {
					j += s2
					continue
				}
			}
			break
		}
		if j < len(text) && text[j] == '.' {
			w := strings.ToLower(text[i:j])
			if strings.Contains(w, ".") || abbrev[w] {
				j++ // "U.S.", "Gov.": the period belongs to the word
			}
		}
		var lw string
		if isASCII(text[i:j]) {
			lw = strings.TrimSuffix(lowered[i:j], ".") // strings.ToLower without a copy
		} else {
			lw = strings.ToLower(strings.TrimSuffix(text[i:j], "."))
		}
		lw = strings.TrimSuffix(strings.TrimSuffix(lw, "'s"), "’s")
		ws = append(ws, word{start: i, end: j, lw: lw, mention: -1})
		i = j
	}
	// Quoted flags.
	k := 0
	for wi := range ws {
		for k < len(d.spans) && d.spans[k].end <= ws[wi].start {
			k++
		}
		for kk := k; kk < len(d.spans) && d.spans[kk].start <= ws[wi].start; kk++ {
			if ws[wi].start >= d.spans[kk].start && ws[wi].end <= d.spans[kk].end {
				ws[wi].quoted = true
				break
			}
		}
	}
	// Mentions.
	m := 0
	for wi := range ws {
		for m < len(d.ms) && d.ms[m].End <= ws[wi].start {
			m++
		}
		if m < len(d.ms) && d.ms[m].Start <= ws[wi].start {
			ws[wi].mention = m
		}
	}
	return ws
}

// wordIndex returns the index of the first word starting at or after off.
func wordIndex(ws []word, off int) int {
	return sort.Search(len(ws), func(i int) bool { return ws[i].start >= off })
}

// speaker is a resolved source.
type speaker struct {
	name, id, gender string
	ok               bool
	// start and end are the byte offsets of the mention the speaker was
	// found through ("he", "the president", "Vance"); end == 0 when none.
	start, end int
}

// at returns who with its mention set to text[start:end].
func (who speaker) at(start, end int) speaker {
	who.start, who.end = start, end
	return who
}

// mention returns the speaker's mention as written and its offsets, or
// "", -1, -1 when it was not found through a mention.
func (who speaker) mention(text string) (string, int, int) {
	if who.end <= who.start || who.start < 0 || who.end > len(text) {
		return "", -1, -1
	}
	return text[who.start:who.end], who.start, who.end
}

// textSpeaker is an unresolved source written as text[start:end].
func (d *doc) textSpeaker(start, end int) speaker {
	return speaker{name: d.text[start:end], ok: true, start: start, end: end}
}

func (d *doc) fromMention(mi int) speaker {
	m := d.ms[mi]
	e, ok := d.ents[m.EntityID]
	if !ok {
		return speaker{name: m.Text, ok: true, start: m.Start, end: m.End}
	}
	return speaker{name: e.Name, id: e.ID, gender: e.Gender, ok: true, start: m.Start, end: m.End}
}

func (d *doc) kindOf(mi int) string {
	if e, ok := d.ents[d.ms[mi].EntityID]; ok {
		return e.Kind
	}
	return ""
}

// attribute gives every direct quote a speaker, then finds indirect speech.
func (d *doc) attribute() {
	ws := d.tokenizeWords()
	usedCue := map[int]bool{} // word index of cues used by direct quotes
	si := 0
	spi := 0
	var prevQuote *Quote
	prevQuoteEndSent := -10
	prevQuotePara := -10
	for si < len(d.sents) || spi < len(d.spans) {
		// Direct quotes starting in this sentence, then indirect speech.
		sEnd := len(d.text)
		if si < len(d.sents) {
			sEnd = d.sents[si].End
		}
		for spi < len(d.spans) && d.spans[spi].start < sEnd {
			sp := d.spans[spi]
			spi++
			q := Quote{Text: sp.text, Direct: true, Start: sp.start, End: sp.end, Sentence: sentence.Index(d.sents, sp.start), SpeakerStart: -1, SpeakerEnd: -1}
			var who speaker
			cue, cueAt := "", -1
			if sp.speakerHint != "" {
				who = d.resolveLabel(sp.speakerHint)
				cue = ":"
			} else {
				who, cue, cueAt = d.directSpeaker(ws, sp)
			}
			startSent := q.Sentence
			para := d.paraIndex(sp.start)
			if !who.ok && prevQuote != nil && prevQuote.Speaker != "" && startSent-prevQuoteEndSent <= 1 && para-prevQuotePara <= 1 {
				// "A," he said. "B." — the second part continues the first.
				who = speaker{name: prevQuote.Speaker, id: prevQuote.SpeakerID, ok: true, start: prevQuote.SpeakerStart, end: max(0, prevQuote.SpeakerEnd)}
				cue = prevQuote.Cue
			}
			if !who.ok && len(d.history) > 0 {
				// A quote standing alone right after an attribution in the
				// same paragraph continues that speaker.
				h := d.history[len(d.history)-1]
				if startSent-h.sentence <= 2 && d.paraIndex(h.pos) == para {
					who = speaker{name: h.speaker, id: h.id, gender: h.gender, ok: true, start: h.start, end: h.end}
					cue = h.cue
				}
			}
			if !who.ok {
				who = d.introducedBy(ws, sp, startSent, para)
			}
			if cueAt >= 0 {
				usedCue[cueAt] = true
			}
			if who.ok {
				q.Speaker, q.SpeakerID = who.name, who.id
				q.SpeakerText, q.SpeakerStart, q.SpeakerEnd = who.mention(d.text)
				d.remember(sp.start, who, cue, startSent)
			} else {
				d.problem(sp.start, sp.end, "no speaker found for quote")
			}
			q.Cue = cue
			d.quotes = append(d.quotes, q)
			prevQuote = &d.quotes[len(d.quotes)-1]
			prevQuoteEndSent = sentence.Index(d.sents, max(sp.start, sp.end-1))
			prevQuotePara = d.paraIndex(max(sp.start, sp.end-1))
		}
		if si < len(d.sents) {
			d.indirect(ws, si, usedCue)
		}
		si++
	}
	sort.SliceStable(d.quotes, func(i, j int) bool { return d.quotes[i].Start < d.quotes[j].Start })
}

// introducedBy returns the person a quote opening its sentence follows on
// from: the subject of the sentence before it in the same paragraph, when
// that sentence is not itself a quote ("Sen. Bernie Sanders … identified
// young voters' exhaustion … \"The younger people are …\"").
func (d *doc) introducedBy(ws []word, sp span, si, para int) speaker {
	if si <= 0 || si >= len(d.sents) || strings.TrimSpace(d.text[d.sents[si].Start:sp.start]) != "" {
		return speaker{}
	}
	prev := d.sents[si-1]
	if d.paraIndex(prev.Start) != para || d.allQuoted(prev) {
		return speaker{}
	}
	who := d.subjectNP(ws, wordIndex(ws, prev.Start), wordIndex(ws, prev.End))
	if !who.ok || who.id == "" || d.ents[who.id].Kind != entity.KindPerson {
		return speaker{}
	}
	return who
}

func (d *doc) paraIndex(off int) int {
	return sort.Search(len(d.paras), func(i int) bool { return d.paras[i].End > off })
}

func (d *doc) remember(pos int, who speaker, cue string, sent int) {
	d.history = append(d.history, said{pos: pos, speaker: who.name, id: who.id, cue: cue, gender: who.gender, sentence: sent, start: who.start, end: who.end})
}

// resolveLabel maps a transcript label ("PENCE") to a person.
func (d *doc) resolveLabel(label string) speaker {
	key := entity.Fold(label)
	parts := strings.Fields(key)
	if len(parts) == 0 {
		return speaker{}
	}
	last := parts[len(parts)-1]
	for _, e := range d.ents {
		if e.Kind != entity.KindPerson {
			continue
		}
		f := strings.Fields(entity.Fold(e.Name))
		if len(f) > 0 && f[len(f)-1] == last {
			return speaker{name: e.Name, id: e.ID, gender: e.Gender, ok: true}
		}
	}
	// Unknown label: keep it in title case.
	return speaker{name: titleCase(label), ok: true}
}

// sentRange returns the byte range of the sentence holding off.
func (d *doc) sentRange(off int) (int, int, int) {
	i := sentence.Index(d.sents, off)
	if i >= len(d.sents) {
		return off, off, i
	}
	return d.sents[i].Start, d.sents[i].End, i
}

// directSpeaker finds the source of a direct quote; cueAt is the word index
// of the cue used, or -1.
func (d *doc) directSpeaker(ws []word, sp span) (speaker, string, int) {
	ss, _, _ := d.sentRange(sp.start)
	_, se, _ := d.sentRange(max(sp.start, sp.inEnd-1))
	// 1. Right after the quote: `," Vance said`, `," said Vance`. A quote
	// ending in a full stop ends its sentence; one ending in "?" or "!"
	// continues only with a lowercase word (`?" he asked`).
	after := wordIndex(ws, sp.end)
	inner := strings.TrimRight(d.text[sp.inStart:max(sp.inStart, sp.inEnd)], " ")
	last, _ := utf8.DecodeLastRuneInString(inner)
	afterOK := after < len(ws) && ws[after].start < se && !strings.ContainsAny(d.text[sp.end:ws[after].start], "()[]\n")
	if afterOK && (last == '.' || last == '…') {
		afterOK = false
	}
	window := 9
	if (last == '?' || last == '!') && after < len(ws) && !strings.ContainsAny(d.text[sp.end:ws[after].start], "()[]\n") {
		// `?" Vitter demanded.`: the splitter ended the sentence at the
		// mark; the attribution is the next one.
		window = 5
		_, se, _ = d.sentRange(ws[after].start)
		afterOK = true
	}
	if afterOK && ws[after].mention >= 0 && d.kindOf(ws[after].mention) == entity.KindPerson {
		// `," Scott Pruitt, the attorney general of Oklahoma, one of …, said`
		if m := d.ms[ws[after].mention]; strings.HasPrefix(strings.TrimLeft(d.text[m.End:], "’'s"), ",") {
			window = 24
		}
	}
	if afterOK && after < len(ws) && ws[after].lw == "as" {
		// `," as a Homeland Security memo put it.`
		for k := after + 2; k < len(ws) && k <= after+7 && ws[k].start < se && !ws[k].quoted; k++ {
			if ws[k].lw == "put" && k+1 < len(ws) && ws[k+1].lw == "it" {
				if who := d.leftNP(ws, after+1, k); who.ok {
					return who, "put it", k
				}
				break
			}
		}
	}
	if afterOK {
		for k := after; k < len(ws) && k < after+window && ws[k].start < se && !ws[k].quoted; k++ {
			part, isCue := cues[ws[k].lw]
			if !isCue && afterCues[ws[k].lw] && k <= after+4 {
				isCue = true // `," the letter reads.`
			}
			if !isCue || part {
				continue
			}
			if ws[k].lw == "according" {
				if who := d.rightNP(ws, k+2, se); who.ok {
					return who, "according to", k
				}
				break
			}
			between := ws[after:k]
			if window == 24 {
				// `," Leonard E. Burman, director of … and a professor at …,
				// said`: the name the appositive hangs on is the source.
				return d.fromMention(ws[after].mention), d.text[ws[k].start:ws[k].end], k
			}
			if slices.ContainsFunc(between, func(w word) bool { return w.lw == "and" || w.lw == "but" || w.lw == "to" || subordinators[w.lw] }) {
				break // `" to the test and warned North Korea`: another clause
			}
			if k > after {
				if who := d.leftNP(ws, after, k); who.ok {
					return who, d.text[ws[k].start:ws[k].end], k
				}
			}
			if k <= after+1 && invertible[ws[k].lw] {
				// `," said Robert McAtee`: the source follows the cue.
				if who := d.rightNP(ws, k+1, se); who.ok {
					return who, d.text[ws[k].start:ws[k].end], k
				}
			}
			break
		}
	}
	// 1b. A dash after the quote names the source: `" ― Sonya Herridge`.
	if rest := strings.TrimLeft(d.text[sp.end:min(len(d.text), sp.end+12)], " \u00a0"); strings.HasPrefix(rest, "―") || strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "–") {
		if after < len(ws) && !ws[after].quoted && unicode.IsUpper(firstRune(d.text[ws[after].start:])) {
			// Only a name right after the dash ("― Sonya Herridge"), not a
			// clause ("― just as he did with Romney").
			if who := d.rightNP(ws, after, len(d.text)); who.ok {
				return who, "―", -1
			}
			if who := d.capitalised(ws, after); who.ok {
				return who, "―", -1
			}
		}
	}
	// 1c. A name right before a dash that opens the quote: `the former
	// candidate Mitt Romney -- "It is disqualifying …"`.
	if b := wordIndex(ws, sp.start) - 1; b >= 0 && ws[b].mention >= 0 && d.kindOf(ws[b].mention) == entity.KindPerson {
		gap := strings.TrimSpace(d.text[ws[b].end:sp.start])
		if gap == "--" || gap == "—" || gap == "–" || gap == "-" {
			return d.fromMention(ws[b].mention), "", -1
		}
	}
	// 2. Before the quote in its sentence: `Vance told reporters, "`,
	// `Trump said that Putin had "let him down."`.
	before := wordIndex(ws, sp.start) - 1
	for k := before; k >= 0 && ws[k].start >= ss; k-- {
		if ws[k].quoted {
			continue
		}
		if speechNouns[ws[k].lw] && k > 0 && k-1 >= wordIndex(ws, ss) && k+1 < len(ws) && ws[k+1].lw == "that" {
			// "Trump's claim that there have been "thousands of
			// shootings"": the possessor of a speech noun is the source.
			if p := ws[k-1]; !p.quoted && strings.ContainsAny(d.text[p.end:ws[k].start], " \u00a0") {
				if w := d.text[p.start:p.end]; p.mention >= 0 && (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || possessive(d.text, p.end)) {
					return d.fromMention(p.mention), d.text[ws[k].start:ws[k].end], k
				}
				if p.lw == "his" || p.lw == "her" {
					return d.resolvePronoun(p.start, map[string]string{"his": "he", "her": "she"}[p.lw]), d.text[ws[k].start:ws[k].end], k
				}
			}
		}
		if ws[k].lw == "put" && k+1 < len(ws) && ws[k+1].lw == "it" {
			// "as The New Yorker put it in a lengthy expose, “the operator.”"
			for a := k - 1; a >= wordIndex(ws, ss) && a >= k-6; a-- {
				if ws[a].lw == "as" {
					if who := d.leftNP(ws, a+1, k); who.ok {
						return who, "put it", k
					}
					break
				}
			}
		}
		part, isCue := cues[ws[k].lw]
		if !isCue || k > 0 && ws[k-1].lw == "to" && !ws[k-1].quoted {
			continue // "she wanted to speak": an infinitive reports nothing
		}
		if ws[k].lw == "according" {
			if who := d.rightNP(ws, k+2, sp.start); who.ok {
				return who, "according to", k
			}
			continue
		}
		lo := wordIndex(ws, ss)
		var who speaker
		coordinated := k > lo && (ws[k-1].lw == "and" || ws[k-1].lw == "but" || ws[k-1].lw == "then" || ws[k-1].lw == "also" || ws[k-1].lw == "later")
		if part && k > lo && ws[k-1].mention >= 0 && d.kindOf(ws[k-1].mention) == entity.KindPerson && !strings.ContainsAny(d.text[ws[k-1].end:ws[k].start], ",;:") {
			// "footage of Trump saying …": the name the participle hangs on.
			who = d.fromMention(ws[k-1].mention)
		} else if part || coordinated {
			// "…, stating …" and "… and said …" take the clause's subject.
			who = d.subject(ws, lo, k)
		} else {
			who = d.leftNP(ws, lo, k)
		}
		if gap := strings.TrimSpace(d.text[ws[k].end:sp.start]); !who.ok && (strings.HasSuffix(gap, ",") || strings.HasSuffix(gap, ":")) && invertible[ws[k].lw] {
			// `said Mr. Burman: "…"`: the source between cue and quote. Not
			// `said Clinton was "justified"`, where the name opens a clause.
			who = d.rightNP(ws, k+1, sp.start)
		}
		if who.ok {
			return who, d.text[ws[k].start:ws[k].end], k
		}
	}
	// 3. At the end of the sentence: `… "an acknowledgment of the reality"
	// as Washington continues …, Vance said.`
	if afterOK || (after < len(ws) && ws[after].start < se && last != '.') {
		for k := after; k < len(ws) && ws[k].start < se; k++ {
			if ws[k].quoted {
				break
			}
			if ws[k].lw == "according" && k+1 < len(ws) && ws[k+1].lw == "to" {
				// `… “walk-in” at 2,000 schools, according to the event
				// organizer Alliance to Reclaim Our Schools.`
				if who := d.rightNP(ws, k+2, se); who.ok {
					return who, "according to", k
				}
				continue
			}
			part, isCue := cues[ws[k].lw]
			if !isCue || part || !sentenceFinal(ws, k, se, d.text) {
				continue
			}
			lo := k
			for lo > after && !strings.Contains(d.text[ws[lo-1].end:ws[lo].start], ",") {
				lo--
			}
			if who := d.leftNP(ws, lo, k); who.ok {
				return who, d.text[ws[k].start:ws[k].end], k
			}
		}
	}
	// 4. A sentence ending in a colon introduces the quote: `Trump said:`.
	if si := sentence.Index(d.sents, sp.start); si > 0 {
		prev := d.sents[si-1]
		pt := strings.TrimSpace(prev.Text(d.text))
		if strings.HasSuffix(pt, ":") && sp.start-prev.End < 4 {
			lo, hi := wordIndex(ws, prev.Start), wordIndex(ws, prev.End)
			for k := hi - 1; k >= lo; k-- {
				if _, isCue := cues[ws[k].lw]; (isCue || colonCues[ws[k].lw]) && !ws[k].quoted {
					if who := d.leftNP(ws, lo, k); who.ok {
						return who, d.text[ws[k].start:ws[k].end], k
					}
				}
			}
			// No speech verb: the introducing sentence's subject ("The
			// piece used one of her quotes as its headline:").
			if hi-lo <= 14 {
				if who := d.subjectNP(ws, lo, hi); who.ok {
					return who, ":", -1
				}
				if who := d.openingPhrase(ws, lo, hi); who.ok {
					return who, ":", -1
				}
			}
		}
	}
	// 5. A quote inside a sentence belongs to the sentence's subject:
	// `Trump openly admires Putin as a "strong leader,"`.
	if lo := wordIndex(ws, ss); before-lo >= 2 {
		if who := d.subjectNP(ws, lo, before+1); who.ok {
			return who, "", -1
		}
	}
	return speaker{}, "", -1
}

// subjectNP finds the subject of the clause in words lo..hi: the first
// person, organisation or pronoun not governed by a preposition, else a
// short phrase opening the sentence ("The piece").
func (d *doc) subjectNP(ws []word, lo, hi int) speaker {
	if who := d.subjectFrom(ws, lo, hi); who.ok {
		return who
	}
	// "With Democratic leaders increasingly worried about …, President
	// Obama is rolling out …": past an opening adverbial clause.
	if lo < hi && (prepositions[ws[lo].lw] || openers[ws[lo].lw]) {
		for k := lo + 1; k < hi && k < lo+30; k++ {
			if ws[k].quoted {
				break
			}
			if strings.Contains(d.text[ws[k-1].end:ws[k].start], ",") {
				return d.subjectFrom(ws, k, hi)
			}
		}
	}
	return speaker{}
}

// subordinators open a clause of their own after a quote (`," when
// Clinton blasted him`): a cue past one is not the quote's.
var subordinators = map[string]bool{"when": true, "while": true, "because": true, "after": true, "before": true,
	"until": true, "since": true, "whereas": true}

// openers open an adverbial clause before a sentence's subject.
var openers = map[string]bool{"after": true, "as": true, "while": true, "although": true, "though": true,
	"when": true, "despite": true, "since": true, "because": true, "before": true, "following": true,
	"during": true, "unlike": true, "if": true, "once": true}

// subjectFrom is subjectNP without looking past an opening clause.
func (d *doc) subjectFrom(ws []word, lo, hi int) speaker {
	for k := lo; k < hi && k < lo+12; k++ {
		w := ws[k]
		if w.quoted {
			break
		}
		if k > lo && prepositions[ws[k-1].lw] || d.governed(ws, k, lo) {
			continue
		}
		if w.mention >= 0 {
			if e, ok := d.ents[d.ms[w.mention].EntityID]; ok && weak(e) {
				continue
			}
			return d.fromMention(w.mention)
		}
		if g, ok := pronouns[w.lw]; ok && w.lw != "him" && w.lw != "her" {
			if g == "m" || g == "f" {
				return d.resolvePronoun(w.start, w.lw)
			}
		}
	}
	return speaker{}
}

// openingPhrase returns a determiner and the one or two words after it at
// the start of a sentence ("The piece", "A friend") as a describing source.
func (d *doc) openingPhrase(ws []word, lo, hi int) speaker {
	if lo >= hi || lo+1 >= hi {
		return speaker{}
	}
	switch ws[lo].lw {
	case "the", "a", "an", "this", "one":
	default:
		return speaker{}
	}
	end := lo + 1
	if end+1 < hi && !strings.ContainsAny(d.text[ws[end].end:ws[end+1].start], ",;:") && !cueWord(ws[end+1].lw) && len(ws[end+1].lw) > 2 && !strings.HasSuffix(ws[end+1].lw, "ed") {
		if r, _ := utf8.DecodeRuneInString(d.text[ws[end+1].start:]); unicode.IsUpper(r) {
			end++
		}
	}
	return d.textSpeaker(ws[lo].start, ws[end].end)
}

// capitalised takes the capitalised words starting at word k as a name
// ("― Edwin G. Monroy").
func (d *doc) capitalised(ws []word, k int) speaker {
	start, end := -1, -1
	if k < len(ws) && functionWords[ws[k].lw] {
		return speaker{}
	}
	for j := k; j < len(ws) && j < k+5; j++ {
		r, _ := utf8.DecodeRuneInString(d.text[ws[j].start:])
		if !unicode.IsUpper(r) {
			break
		}
		if j > k && strings.ContainsAny(d.text[ws[j-1].end:ws[j].start], ",;:\n") {
			break
		}
		if start < 0 {
			start = ws[j].start
		}
		end = ws[j].end
	}
	if start < 0 {
		return speaker{}
	}
	return d.textSpeaker(start, start+len(strings.TrimRight(d.text[start:end], ".")))
}

// leftNP resolves the source written just before a cue word, between word
// lo and the cue at hi: the person mention nearest the cue, a pronoun, an
// anonymous source, an organisation, or a short describing phrase.
func (d *doc) leftNP(ws []word, lo, hi int) speaker {
	if who, ok := d.appositiveSource(ws, lo, hi); ok {
		return who
	}
	var org speaker
	anon := false
	var anonWord word
	for k, n := hi-1, 0; k >= lo && (n < 12 || org.ok && n < 22); k, n = k-1, n+1 {
		w := ws[k]
		if w.quoted {
			break
		}
		if k < hi-1 && strings.ContainsAny(d.text[w.end:ws[k+1].start], ".;:!?\"“”") {
			break
		}
		if k < hi-1 && !org.ok && !anon && strings.Contains(d.text[w.end:ws[k+1].start], ",") {
			// `…, the 34-year-old mother of three replied`: a description
			// between a comma and the cue is the source.
			if who := d.phrase(ws, k+1, hi); who.ok {
				return who
			}
		}
		if w.mention >= 0 {
			switch d.kindOf(w.mention) {
			case entity.KindPerson:
				if e := d.ents[d.ms[w.mention].EntityID]; weak(e) && (n > 0 || hi < len(ws) && strings.Contains(d.text[w.end:ws[hi].start], ",")) {
					continue // a repeated capitalised word far from the cue ("on the Mall, said")
				}
				if anon && n > 0 && !d.apposed(ws, k, hi) {
					return speaker{name: Unnamed, ok: true, start: anonWord.start, end: anonWord.end}
				}
				if head, ok := d.appositionHead(ws, lo, k); ok {
					return head
				}
				if desc, ok := d.possessedSource(ws, k, hi); ok {
					return desc
				}
				return d.fromMention(w.mention)
			default:
				if !org.ok {
					org = d.fromMention(w.mention)
				}
			}
			continue
		}
		if g, ok := pronouns[w.lw]; ok && !anon && !org.ok {
			if g == "m" || g == "f" || g == "p" {
				return d.resolvePronoun(w.start, w.lw)
			}
		}
		if anonymous[w.lw] && !anon {
			anon, anonWord = true, w
		}
		if (w.lw == "the" || w.lw == "a" || w.lw == "an") && !anon && hi > 0 && ws[hi-1].mention < 0 {
			// "The former first lady and U.S. senator said": the
			// description, not the country inside it, is the source.
			if ph := d.phrase(ws, k, hi); ph.ok {
				return ph
			}
		}
		if (w.lw == "i" || w.lw == "we") && !org.ok && !anon {
			if d.author != "" {
				// The writer of an op-ed: "I wrote", "we said".
				return speaker{name: d.author, ok: true, start: w.start, end: w.end}
			}
			return speaker{}
		}
		if part, isCue := cues[w.lw]; (isCue && !part) || w.lw == "that" || w.lw == "and" && n > 3 {
			break // a finite speech verb or "that" opens another clause
		}
	}
	if anon {
		return speaker{name: Unnamed, ok: true, start: anonWord.start, end: anonWord.end}
	}
	if org.ok {
		return org
	}
	// Names the entity pass did not keep, right before the cue: `?" Vitter
	// demanded`, `Politifact then ruled`, `Mexicans often say`.
	if who := d.nameBefore(ws, lo, hi); who.ok {
		return who
	}
	return d.phrase(ws, lo, hi)
}

// appositiveSource handles "X, <appositive>, said": a comma right before
// the cue, another within ten words before it, and a name right before that
// one ("Even China, North Korea's only ally, said").
func (d *doc) appositiveSource(ws []word, lo, hi int) (speaker, bool) {
	if hi <= lo || hi >= len(ws) || !strings.Contains(d.text[ws[hi-1].end:ws[hi].start], ",") {
		return speaker{}, false
	}
	// The first comma back may follow any name; further ones (a long or
	// several-part appositive: "Donna Sampson Rawlings, 59, of Ashton, Md.,
	// who watched …, said") only a person's. The window is long enough for
	// "President Obama, dedicating the National Museum of African American
	// History and Culture on Saturday, said".
	first := true
	for j := hi - 1; j > lo && hi-j <= 24; j-- {
		if ws[j].quoted {
			return speaker{}, false
		}
		gap := d.text[ws[j-1].end:ws[j].start]
		if strings.ContainsAny(gap, ";:!?\"“”") || strings.Contains(gap, ".") && !strings.HasSuffix(d.text[ws[j-1].start:ws[j-1].end], ".") && !strings.Contains(gap, ".,") {
			return speaker{}, false
		}
		if !strings.Contains(gap, ",") {
			if first && hi-j > 16 {
				return speaker{}, false
			}
			continue
		}
		wasFirst := first
		first = false
		p := ws[j-1]
		if p.mention < 0 || p.quoted || !wasFirst && d.kindOf(p.mention) != entity.KindPerson {
			if wasFirst && p.mention >= 0 {
				return speaker{}, false
			}
			continue
		}
		if e, ok := d.ents[d.ms[p.mention].EntityID]; ok && weak(e) {
			return speaker{}, false
		}
		// The name must not itself sit after a preposition ("in Kyiv, …").
		m := d.ms[p.mention]
		k := wordIndex(ws, m.Start)
		if k > lo && prepositions[ws[k-1].lw] {
			return speaker{}, false
		}
		return d.fromMention(p.mention), true
	}
	return speaker{}, false
}

// possessedSource handles "Obama's former campaign strategist said" and
// "Clinton's campaign said": a possessive name followed by the noun that
// really speaks. The description, not the possessor, is the source.
func (d *doc) possessedSource(ws []word, k, hi int) (speaker, bool) {
	w := d.text[ws[k].start:ws[k].end]
	if !(strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")) || k+1 >= hi {
		return speaker{}, false
	}
	rest := ws[k+1 : hi]
	for len(rest) > 0 && adverb(rest[len(rest)-1].lw) {
		rest = rest[:len(rest)-1]
	}
	if len(rest) == 0 || len(rest) > 4 {
		return speaker{}, false
	}
	for j := k + 1; j < k+1+len(rest); j++ {
		if ws[j].quoted || strings.ContainsAny(d.text[ws[j-1].end:ws[j].start], ",.;:!?\"“”()") {
			return speaker{}, false
		}
	}
	m := d.ms[ws[k].mention]
	return d.textSpeaker(m.Start, rest[len(rest)-1].end), true
}

// appositionHead handles a person named inside an appositive ("Flynn, a
// top Trump surrogate, said"): when the words from the last comma before
// word k open with a determiner and a person stands right before that comma,
// that person is the source.
func (d *doc) appositionHead(ws []word, lo, k int) (speaker, bool) {
	j := k
	for j > lo && !strings.Contains(d.text[ws[j-1].end:ws[j].start], ",") {
		j--
	}
	if j <= lo || k-j > 8 {
		return speaker{}, false
	}
	switch ws[j].lw {
	case "a", "an", "the", "his", "her", "their", "one":
	default:
		return speaker{}, false
	}
	p := ws[j-1]
	if p.mention >= 0 && d.kindOf(p.mention) == entity.KindPerson && !p.quoted {
		return d.fromMention(p.mention), true
	}
	return speaker{}, false
}

// apposed reports whether a person mention at k is described by an
// anonymous-sounding appositive before hi ("Ryan Ellis, a Republican tax
// consultant, said"): a comma follows the name.
func (d *doc) apposed(ws []word, k, hi int) bool {
	return k+1 < hi && strings.Contains(d.text[ws[k].end:ws[k+1].start], ",")
}

func cueWord(w string) bool {
	_, ok := cues[w]
	return ok
}

// rightNP resolves the source written after a cue ("said Robert McAtee, one
// of …", "according to two U.S. officials").
func (d *doc) rightNP(ws []word, lo, limit int) speaker {
	anon := false
	var anonWord word
	var org speaker
	for k, n := lo, 0; k < len(ws) && ws[k].start < limit && n < 10; k, n = k+1, n+1 {
		w := ws[k]
		if w.quoted {
			break
		}
		if w.mention >= 0 {
			if d.kindOf(w.mention) == entity.KindPerson {
				return d.fromMention(w.mention)
			}
			if !org.ok {
				org = d.fromMention(w.mention)
			}
		} else if g, ok := pronouns[w.lw]; ok && n == 0 && g != "" && w.lw != "him" && w.lw != "her" {
			return d.resolvePronoun(w.start, w.lw)
		}
		if anonymous[w.lw] && !anon {
			anon, anonWord = true, w
		}
		if k+1 < len(ws) && strings.ContainsAny(d.text[w.end:ws[k+1].start], ",.;:!?\"“”()") {
			break
		}
	}
	if anon {
		return speaker{name: Unnamed, ok: true, start: anonWord.start, end: anonWord.end}
	}
	if !org.ok && lo < len(ws) && ws[lo].start < limit {
		// `," said the ruling.`: a short describing phrase after the cue.
		switch ws[lo].lw {
		case "the", "a", "an", "this", "my", "his", "her", "their", "our":
			end := lo
			for end+1 < len(ws) && end+1-lo < 4 && ws[end+1].start < limit && !ws[end+1].quoted &&
				!strings.ContainsAny(d.text[ws[end].end:ws[end+1].start], ",.;:!?\"“”()") {
				end++
			}
			if end > lo {
				return d.textSpeaker(ws[lo].start, ws[end].end)
			}
		}
	}
	return org
}

// subject finds the subject of a participle cue ("…, stating …"): the first
// person or pronoun of the clause.
func (d *doc) subject(ws []word, lo, hi int) speaker {
	if lo < len(ws) && len(d.history) > 0 {
		h := d.history[len(d.history)-1]
		if h.pos >= ws[lo].start && h.pos < ws[hi].start {
			return speaker{name: h.speaker, id: h.id, gender: h.gender, ok: true, start: h.start, end: h.end}
		}
	}
	if who := d.openingNP(ws, lo, hi); who.ok {
		return who
	}
	for k := lo; k < hi; k++ {
		if k > lo && prepositions[ws[k-1].lw] || d.governed(ws, k, lo) {
			continue
		}
		w := ws[k]
		if w.quoted {
			continue
		}
		if w.mention >= 0 && d.kindOf(w.mention) == entity.KindPerson {
			return d.fromMention(w.mention)
		}
		if g, ok := pronouns[w.lw]; ok && (g == "m" || g == "f") && w.lw != "him" && w.lw != "her" {
			return d.resolvePronoun(w.start, w.lw)
		}
	}
	// No person: an organisation standing as the subject ("the Security
	// Council issued a statement calling …").
	for k := lo; k < hi; k++ {
		if w := ws[k]; !w.quoted && w.mention >= 0 && (k == lo || !prepositions[ws[k-1].lw]) && !d.governed(ws, k, lo) {
			if kind := d.kindOf(w.mention); kind == entity.KindOrganisation || kind == entity.KindCountry {
				return d.fromMention(w.mention)
			}
		}
	}
	return d.leftNP(ws, lo, hi)
}

// governed reports whether word k lies in a mention that a preposition
// governs ("the shooting of Keith Lamont Scott": Lamont and Scott too).
func (d *doc) governed(ws []word, k, lo int) bool {
	if ws[k].mention < 0 {
		return false
	}
	ks := wordIndex(ws, d.ms[ws[k].mention].Start)
	return ks > lo && ks < k && prepositions[ws[ks-1].lw]
}

// verbLike marks words that end a clause-opening noun phrase: auxiliaries
// and common finite verbs.
var verbLike = map[string]bool{"is": true, "are": true, "was": true, "were": true, "has": true, "have": true,
	"had": true, "will": true, "would": true, "can": true, "could": true, "did": true, "do": true, "does": true,
	"may": true, "might": true, "should": true, "must": true, "kept": true, "began": true, "took": true, "gave": true,
	"made": true, "went": true, "came": true, "held": true, "stood": true, "ran": true}

// openingNP returns the noun phrase opening a clause when it names no entity
// and no pronoun, and a verb follows it ("Small groups of protesters
// continued …, chanting"; "The letter, signed by …" is not one): a
// document or a group can speak.
func (d *doc) openingNP(ws []word, lo, hi int) speaker {
	if lo >= hi || ws[lo].quoted || !unicode.IsUpper(firstRune(d.text[ws[lo].start:])) {
		return speaker{}
	}
	if lo > 0 && !strings.ContainsAny(d.text[ws[lo-1].end:ws[lo].start], ".!?\n") {
		return speaker{}
	}
	switch ws[lo].lw {
	case "i", "we", "you", "it", "this", "that", "there", "here", "but", "and", "so", "then", "when", "while",
		"if", "as", "after", "before", "since", "because", "although", "though", "yet", "still", "now", "also":
		return speaker{}
	}
	if prepositions[ws[lo].lw] || openers[ws[lo].lw] || strings.HasSuffix(ws[lo].lw, "ing") || adverb(ws[lo].lw) ||
		functionWords[ws[lo].lw] && ws[lo].lw != "the" && ws[lo].lw != "a" && ws[lo].lw != "an" {
		return speaker{}
	}
	for k := lo; k < hi && k < lo+7; k++ {
		w := ws[k]
		if w.quoted || w.mention >= 0 && d.kindOf(w.mention) == entity.KindPerson {
			return speaker{}
		}
		if _, ok := pronouns[w.lw]; ok {
			return speaker{}
		}
		if k > lo && strings.ContainsAny(d.text[ws[k-1].end:w.start], ",;:()\"“”—–") {
			return speaker{}
		}
		if k >= lo+2 && !unicode.IsUpper(firstRune(d.text[w.start:])) && (verbLike[w.lw] || strings.HasSuffix(w.lw, "ed") && !prepositions[ws[k-1].lw]) {
			if !personHeads[ws[k-1].lw] && ws[k-1].mention < 0 {
				return d.textSpeaker(ws[lo].start, ws[k-1].end)
			}
			return speaker{}
		}
	}
	return speaker{}
}

// phrase returns a short describing phrase before a cue ("the ruling", "The
// statement", "the 34-year-old mother of three") as an unresolved speaker.
// A phrase governed by a preposition ("at a later press gaggle") or holding
// a clause ("a comment that …") is not a source.
func (d *doc) phrase(ws []word, lo, hi int) speaker {
	start := -1
	for k := hi - 1; k >= lo && hi-k <= 7; k-- {
		if ws[k].quoted || (k < hi-1 && strings.ContainsAny(d.text[ws[k].end:ws[k+1].start], ",.;:!?\"“”")) {
			break
		}
		switch ws[k].lw {
		case "that", "who", "which", "what", "when", "where", "while", "as", "if", "it":
			return speaker{}
		case "the", "a", "an", "this", "my", "his", "her", "their", "our", "one":
			start = k
		default:
			// A possessive name opens a description too: "Obama's former
			// campaign strategist", "Clinton's campaign".
			if w := d.text[ws[k].start:ws[k].end]; k < hi-1 && unicode.IsUpper(firstRune(w)) && (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")) {
				start = k
			}
		}
		if start >= 0 {
			break
		}
	}
	// Trailing auxiliaries, adverbs and prepositions are not part of the
	// phrase: "The Republican presidential nominee has repeatedly".
	for hi > start+1 && (adverb(ws[hi-1].lw) || prepositions[ws[hi-1].lw]) {
		hi--
	}
	if start < 0 || hi-start < 2 || strings.Trim(ws[start+1].lw, "0123456789.,%") == "" {
		return speaker{} // "a 3 to 1 margin" is no source
	}
	if start > 0 && prepositions[ws[start-1].lw] && !strings.ContainsAny(d.text[ws[start-1].end:ws[start].start], ",.;:") {
		return speaker{}
	}
	if start > 0 && (ws[start-1].lw == "in" || ws[start-1].lw == "at" || ws[start-1].lw == "during" || ws[start-1].lw == "per") {
		return speaker{}
	}
	return d.textSpeaker(ws[start].start, ws[hi-1].end)
}

// resolvePronoun resolves he/she/they at pos to the most recent compatible
// speaker of the last few sentences, else the most recent compatible person
// mentioned outside quotes.
func (d *doc) resolvePronoun(pos int, pron string) speaker {
	who := d.pronounReferent(pos, pron)
	if !who.ok {
		return who
	}
	end := pos
	for end < len(d.text) && unicode.IsLetter(rune(d.text[end])) {
		end++
	}
	return who.at(pos, end)
}

// pronounReferent is the speaker resolvePronoun finds, with the mention it
// was resolved to.
func (d *doc) pronounReferent(pos int, pron string) speaker {
	g := pronouns[pron]
	si := sentence.Index(d.sents, pos)
	if g == "p" {
		for k := len(d.history) - 1; k >= 0; k-- {
			h := d.history[k]
			if h.pos > pos {
				continue
			}
			if si-h.sentence > 4 {
				break
			}
			if h.speaker == Unnamed || (h.id != "" && d.ents[h.id].Kind != entity.KindPerson) {
				return speaker{name: h.speaker, id: h.id, ok: true, start: h.start, end: h.end}
			}
			return speaker{}
		}
		return speaker{}
	}
	compatible := func(gender string) bool { return gender == "" || gender == g }
	// The subject of the pronoun's own sentence, before it: "Ban Ki-moon
	// condemned what he called a …".
	if si < len(d.sents) && d.sents[si].Start < pos {
		if who := d.sentenceSubject(sentence.Span{Start: d.sents[si].Start, End: pos}, compatible); who.ok {
			return who
		}
		// "The GOP candidate did not say, though he said …": a sentence
		// opening with a description of a person that names no entity.
		if who := d.describedSubject(d.sents[si].Start, pos); who.ok {
			return who
		}
	}
	// The speaker, else the subject, of the nearest earlier sentence that is
	// not all quote.
	for k := si - 1; k >= 0 && k >= si-3; k-- {
		if d.allQuoted(d.sents[k]) {
			continue
		}
		if who, ok := d.samePronoun(d.sents[k], pron); ok {
			return who
		}
		if who := d.sentenceSpeaker(d.sents[k], compatible); who.ok {
			return who
		}
		if who := d.sentenceSubject(d.sents[k], compatible); who.ok {
			return who
		}
		// A name the entity pass did not keep, found as that sentence's
		// speaker ("Wines believes that …").
		for j := len(d.history) - 1; j >= 0 && d.history[j].sentence >= k; j-- {
			if h := d.history[j]; h.sentence == k && h.id == "" && h.speaker != Unnamed && h.end > h.start && unicode.IsUpper(firstRune(h.speaker)) && !strings.Contains(h.speaker, " ") {
				return speaker{name: h.speaker, ok: true, start: h.start, end: h.end}
			}
		}
		break
	}
	for k := len(d.history) - 1; k >= 0; k-- {
		h := d.history[k]
		if h.pos > pos {
			continue
		}
		if si-h.sentence > 6 {
			break
		}
		if h.id != "" && d.ents[h.id].Kind == entity.KindPerson && compatible(d.ents[h.id].Gender) {
			return speaker{name: h.speaker, id: h.id, gender: h.gender, ok: true, start: h.start, end: h.end}
		}
	}
	// Most recent person mentioned outside quotes.
	for k := len(d.ms) - 1; k >= 0; k-- {
		m := d.ms[k]
		if m.Start >= pos {
			continue
		}
		e, ok := d.ents[m.EntityID]
		if !ok || e.Kind != entity.KindPerson || weak(e) || !compatible(e.Gender) || d.inQuote(m.Start) {
			continue
		}
		return speaker{name: e.Name, id: e.ID, gender: e.Gender, ok: true, start: m.Start, end: m.End}
	}
	return speaker{}
}

// samePronoun follows a chain of pronouns: when sentence s opens with the
// same personal pronoun ("She has faced … She said …"), the pronoun means
// whom that one means. ok is false when s does not open so or the chain is
// too long.
func (d *doc) samePronoun(s sentence.Span, pron string) (speaker, bool) {
	fields := strings.Fields(d.text[s.Start:min(s.End, s.Start+12)])
	if len(fields) == 0 || d.pronDepth >= 4 {
		return speaker{}, false
	}
	first := strings.ToLower(strings.Trim(fields[0], ",.;:"))
	if first != pron || pronouns[first] != "m" && pronouns[first] != "f" {
		return speaker{}, false
	}
	off := s.Start + strings.Index(d.text[s.Start:], fields[0])
	d.pronDepth++
	who := d.pronounReferent(off, first)
	d.pronDepth--
	return who, who.ok
}

// personHeads end descriptions of a person ("The GOP candidate", "the
// 34-year-old mother of three").
var personHeads = map[string]bool{"candidate": true, "nominee": true, "senator": true, "governor": true,
	"president": true, "mayor": true, "congressman": true, "congresswoman": true, "spokesman": true,
	"spokeswoman": true, "official": true, "mother": true, "father": true, "woman": true, "man": true,
	"lawmaker": true, "leader": true, "chairman": true, "director": true, "secretary": true, "minister": true,
	"ambassador": true, "adviser": true, "advisor": true, "aide": true, "lawyer": true, "attorney": true,
	"doctor": true, "economist": true, "analyst": true, "strategist": true, "founder": true, "executive": true}

// describedSubject returns the description opening the text from start to
// pos ("The GOP candidate …") when it is headed by a person noun.
func (d *doc) describedSubject(start, pos int) speaker {
	words := strings.Fields(d.text[start:pos])
	if len(words) < 2 {
		return speaker{}
	}
	switch strings.ToLower(words[0]) {
	case "the", "a", "an":
	default:
		return speaker{}
	}
	for k := 1; k < len(words) && k <= 5; k++ {
		w := strings.ToLower(strings.Trim(words[k], ",.;:"))
		if personHeads[w] {
			name := strings.Trim(strings.Join(words[:k+1], " "), ",.;:")
			if at := strings.Index(d.text[start:pos], name); at >= 0 {
				return d.textSpeaker(start+at, start+at+len(name))
			}
			return speaker{name: name, ok: true}
		}
		if strings.ContainsAny(words[k], ",.;:") {
			break
		}
	}
	return speaker{}
}

// weak reports a person known only from a repeated capitalised word: no
// given name, no title, no gender.
func weak(e entity.Entity) bool {
	return e.Kind == entity.KindPerson && len(strings.Fields(e.Name)) == 1 && len(e.Titles) == 0 && e.Gender == ""
}

// allQuoted reports whether every word of a sentence lies inside a quote.
func (d *doc) allQuoted(s sentence.Span) bool {
	for i := s.Start; i < s.End; {
		r, size := utf8.DecodeRuneInString(d.text[i:])
		if (unicode.IsLetter(r) || unicode.IsDigit(r)) && !d.inQuote(i) {
			return false
		}
		i += size
	}
	return true
}

func (d *doc) inQuote(off int) bool {
	i := sort.Search(len(d.spans), func(i int) bool { return d.spans[i].end > off })
	for ; i < len(d.spans) && d.spans[i].start <= off; i++ {
		if off >= d.spans[i].start && off < d.spans[i].end {
			return true
		}
	}
	return false
}

// indirect finds reported speech without quotation marks in sentence si.
func (d *doc) indirect(ws []word, si int, usedCue map[int]bool) {
	s := d.sents[si]
	if pi := d.paraIndex(s.Start); pi < len(d.headline) && d.headline[pi] {
		return
	}
	lo, hi := wordIndex(ws, s.Start), wordIndex(ws, s.End)
	for k := lo; k < hi; k++ {
		w := ws[k]
		if n := objectCue(ws, k, hi); n > 0 && !w.quoted && !usedCue[k] && hi-(k+n) >= 3 && !ws[k+n].quoted && (k == lo || !toldObjects[ws[k-1].lw] && !prepositions[ws[k-1].lw]) {
			// "Clinton called for a special meeting", "Pence cited …".
			who := d.leftNP(ws, lo, k)
			if who.ok && (who.id != "" || who.name == Unnamed) && (k == lo || !strings.ContainsAny(d.text[ws[k-1].end:w.start], ",;:")) {
				cStart, cEnd := trimSpan(d.text, ws[k+n].start, s.End)
				if cEnd-cStart >= 12 && d.quotedShare(cStart, cEnd) <= 0.5 {
					cue := d.text[w.start:ws[k+n-1].end]
					q := Quote{Text: d.text[cStart:cEnd], Speaker: who.name, SpeakerID: who.id, Cue: cue, Start: cStart, End: cEnd, Sentence: si}
					q.SpeakerText, q.SpeakerStart, q.SpeakerEnd = who.mention(d.text)
					d.quotes = append(d.quotes, q)
					d.remember(w.start, who, cue, si)
					usedCue[k] = true
				}
			}
			continue
		}
		if w.lw == "quoted" && k+3 < hi && ws[k+1].lw == "as" && (ws[k+2].lw == "saying" || ws[k+2].lw == "telling") && !w.quoted && !usedCue[k] {
			// "Sanders was quoted as saying the program had failed".
			if who := d.leftNP(ws, lo, k); who.ok && (who.id != "" || who.name == Unnamed) {
				start := k + 3
				if ws[start].lw == "that" {
					start++
				}
				if start < hi {
					cStart, cEnd := trimSpan(d.text, ws[start].start, s.End)
					if cEnd-cStart >= 12 && d.quotedShare(cStart, cEnd) <= 0.5 {
						q := Quote{Text: d.text[cStart:cEnd], Speaker: who.name, SpeakerID: who.id, Cue: "quoted as saying", Start: cStart, End: cEnd, Sentence: si}
						q.SpeakerText, q.SpeakerStart, q.SpeakerEnd = who.mention(d.text)
						d.quotes = append(d.quotes, q)
						d.remember(w.start, who, q.Cue, si)
						usedCue[k] = true
					}
				}
			}
			continue
		}
		thatOnly, ok := indirectCue(w.lw)
		if w.quoted || usedCue[k] || !ok || k > lo && unicode.IsUpper(firstRune(d.text[w.start:])) {
			continue // "United States" holds no cue
		}
		if thatOnly && !(k+1 < hi && (ws[k+1].lw == "that" || beliefVerbs[w.lw] && clauseStart(ws[k+1].lw) && ws[k+1].lw != "a" && ws[k+1].lw != "an")) {
			// Belief and finding verbs report speech only with a clause:
			// "the poll shows that …", "he thinks the Russians …".
			continue
		}
		var who speaker
		var cStart, cEnd int
		cue := d.text[w.start:w.end]
		if w.lw == "according" {
			if k+1 >= hi || ws[k+1].lw != "to" {
				continue
			}
			who = d.rightNP(ws, k+2, s.End)
			cue = "according to"
			// Content: the sentence without the "according to X" phrase.
			comma := strings.IndexByte(d.text[w.start:s.End], ',')
			if k == lo || strings.TrimSpace(d.text[s.Start:w.start]) == "" {
				if comma < 0 {
					continue
				}
				cStart, cEnd = w.start+comma+1, s.End
			} else {
				cStart, cEnd = s.Start, w.start
			}
		} else {
			who = d.leftNP(ws, lo, k)
			if !who.ok {
				who = d.rightNP(ws, k+1, s.End)
			}
			if !who.ok {
				continue
			}
			// Where does the reported clause lie?
			before := strings.TrimSpace(d.text[s.Start:w.start])
			tail := hi - k
			switch {
			case thatWithin(ws, k, hi) >= 0:
				t := thatWithin(ws, k, hi)
				cStart, cEnd = ws[t].end, s.End
			case tail <= 6 && strings.Contains(before, ","):
				// "Kiev is not interested in peace, … Lavrov said last week."
				cStart, cEnd = s.Start, s.Start+strings.LastIndexByte(before, ',')
			case tail > 3 && w.lw != "told" && w.lw != "tells" && (clauseStart(ws[k+1].lw) || d.capitalisedWord(ws[k+1])):
				cStart, cEnd = ws[k+1].start, s.End
			case (w.lw == "told" || w.lw == "tells") && d.toldClause(ws, k, hi) > 0:
				// "Trump told Putin the sanctions would stay": the object,
				// then the clause.
				cStart, cEnd = ws[d.toldClause(ws, k, hi)].start, s.End
			case tail > 4 && sayVerbs[w.lw] && bareClause(ws, k+1, hi):
				// "Pence says too much is made of Trump's tweets": a clause
				// without "that" opening with any noun phrase.
				cStart, cEnd = ws[k+1].start, s.End
			default:
				continue
			}
		}
		cStart, cEnd = trimSpan(d.text, cStart, cEnd)
		if cEnd-cStart < 12 || !who.ok {
			continue
		}
		if d.quotedShare(cStart, cEnd) > 0.5 {
			continue
		}
		q := Quote{Text: d.text[cStart:cEnd], Speaker: who.name, SpeakerID: who.id, Cue: cue, Start: cStart, End: cEnd, Sentence: si}
		q.SpeakerText, q.SpeakerStart, q.SpeakerEnd = who.mention(d.text)
		d.quotes = append(d.quotes, q)
		d.remember(w.start, who, cue, si)
		usedCue[k] = true
	}
}

// objectCue returns the length in words of a cue at k that reports its
// object rather than a clause ("called for", "cited", "urged"), or 0.
func objectCue(ws []word, k, hi int) int {
	switch ws[k].lw {
	case "called", "calls", "call", "calling":
		if k+1 < hi && ws[k+1].lw == "for" && ws[k].lw != "calling" {
			return 2
		}
		if k+1 < hi && ws[k].lw == "called" && !prepositions[ws[k+1].lw] && ws[k+1].lw != "off" && ws[k+1].lw != "up" && ws[k+1].lw != "back" {
			return 1 // "Clinton called Trump's plan a tax cut for the rich"
		}
	case "described", "describes", "attacked", "questioned", "mentioned", "pledged":
		return 1 // not "attacks", "questions", "pledges": mostly nouns
	case "cited", "cites", "urged", "urges", "echoed", "echoes", "demanded", "praised", "criticized", "denounced", "condemned":
		return 1
	}
	return 0
}

// toldObjects are listeners named without an entity ("told reporters").
var toldObjects = map[string]bool{"him": true, "her": true, "them": true, "us": true, "me": true, "reporters": true,
	"journalists": true, "supporters": true, "voters": true, "lawmakers": true, "colleagues": true, "listeners": true,
	"viewers": true, "students": true, "aides": true, "officials": true}

// toldClause returns the index of the word opening the clause after "told
// <listener>" at k, or 0 when no clause follows a listener.
func (d *doc) toldClause(ws []word, k, hi int) int {
	j := k + 1
	if j >= hi || ws[j].quoted {
		return 0
	}
	switch {
	case ws[j].mention >= 0:
		m := ws[j].mention
		for j < hi && ws[j].mention == m {
			j++
		}
	case toldObjects[ws[j].lw]:
		j++
	default:
		return 0
	}
	if j >= hi || hi-j < 4 || strings.ContainsAny(d.text[ws[j-1].end:ws[j].start], ",;:") {
		return 0
	}
	if ws[j].lw == "that" {
		return 0 // thatWithin has it
	}
	if clauseStart(ws[j].lw) && ws[j].lw != "a" && ws[j].lw != "an" || bareClause(ws, j, hi) {
		return j
	}
	return 0
}

// sayVerbs take a reported clause without "that".
var sayVerbs = map[string]bool{"say": true, "says": true, "said": true}

// finiteVerbs mark the verb of a reported clause.
var finiteVerbs = map[string]bool{"is": true, "are": true, "was": true, "were": true, "has": true, "have": true,
	"had": true, "will": true, "would": true, "can": true, "could": true, "should": true, "must": true, "may": true,
	"might": true, "did": true, "does": true, "do": true, "won't": true, "isn't": true, "wasn't": true}

// bareClause reports whether the words from lo look like a clause: they open
// with a word that is no preposition, adverb, "to" or conjunction, and a
// finite verb follows within six words, with no punctuation before it.
func bareClause(ws []word, lo, hi int) bool {
	if lo >= hi {
		return false
	}
	switch first := ws[lo].lw; {
	case prepositions[first], adverb(first), first == "to", first == "and", first == "but", first == "or",
		first == "that", first == "what", first == "so", first == "as", first == "when", first == "if":
		return false
	}
	for j := lo + 1; j < hi && j <= lo+6; j++ {
		if ws[j].quoted {
			return false
		}
		if finiteVerbs[ws[j].lw] {
			return true
		}
	}
	return false
}

// beliefVerbs report a clause even without "that" ("he thinks the
// Russians …"); other belief and finding verbs need the "that".
var beliefVerbs = map[string]bool{"believe": true, "believes": true, "believed": true, "think": true, "thinks": true,
	"thought": true, "feel": true, "feels": true, "felt": true}

// thatWithin returns the index of a "that" (or "if"/"whether") opening the
// reported clause within a few words after the cue at k, or -1.
func thatWithin(ws []word, k, hi int) int {
	for j := k + 1; j < hi && j <= k+10; j++ {
		if ws[j].quoted {
			return -1
		}
		switch ws[j].lw {
		case "that":
			return j
		case "said", "says", "told":
			return -1
		}
	}
	return -1
}

// clauseStart reports words that begin a reported clause right after a cue
// ("said the war", "says Russia").
func clauseStart(w string) bool {
	switch w {
	case "the", "a", "an", "he", "she", "it", "they", "we", "i", "there", "this", "these", "those", "his", "her",
		"their", "its", "our", "some", "many", "most", "no", "none", "nobody", "everyone", "both", "all":
		return true
	}
	return false
}

// capitalisedWord reports a capitalised word that can open a reported clause
// ("says Hillary Clinton is lying"): not a weekday or month, which open
// time adverbials ("said Monday").
func (d *doc) capitalisedWord(w word) bool {
	r, _ := utf8.DecodeRuneInString(d.text[w.start:])
	if !unicode.IsUpper(r) {
		return false
	}
	switch w.lw {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "jan", "feb", "aug", "sept", "oct", "nov", "dec":
		return false
	}
	return true
}

func trimSpan(text string, s, e int) (int, int) {
	if s > e {
		return s, s
	}
	t := text[s:e]
	lt := len(t) - len(strings.TrimLeft(t, " ,;:—–-"))
	rt := len(t) - len(strings.TrimRight(t, " ,;:.—–-"))
	if lt+rt >= len(t) {
		return s, s
	}
	return s + lt, e - rt
}

// quotedShare is the share of [s, e) covered by direct quotes.
func (d *doc) quotedShare(s, e int) float64 {
	if e <= s {
		return 0
	}
	n := 0
	for _, sp := range d.spans {
		a, b := max(s, sp.start), min(e, sp.end)
		if b > a {
			n += b - a
		}
	}
	return float64(n) / float64(e-s)
}

// isTitle reports marks around a title or a name rather than speech: a
// short title-case phrase ("Meet the Press", "Face the Nation,") that no cue
// attributes, a one-word title after "'s", "on", "titled", or a nickname
// between names (Robert C. "Bobby" Scott).
func isTitle(sp span, text string) bool {
	if sp.speakerHint != "" {
		return false
	}
	t := strings.TrimRight(sp.text, ",.!?;: ")
	words := strings.Fields(t)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	caps := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "(['‘"))
		switch strings.ToLower(w) {
		case "the", "a", "an", "of", "and", "in", "on", "to", "for", "at", "with", "by", "or", "&":
			if len(words) > 1 {
				caps++
			}
			continue
		}
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	if caps < len(words) {
		return false
	}
	// A title noun right before names what follows: `his 2002 book, "Make
	// Your Kid a Millionaire,"`, `Mr. King's show, "Politicking."`.
	lead := strings.ToLower(strings.TrimRight(text[max(0, sp.start-40):sp.start], " ,:\u00a0"))
	for _, noun := range []string{"book", "show", "song", "film", "movie", "anthem", "program", "programme", "series", "documentary", "album", "article", "column", "headline", "titled", "called", "named", "dubbed", "episode", "podcast", "play", "novel", "memoir", "slogan", "hashtag", "nickname", "moniker"} {
		if strings.HasSuffix(lead, " "+noun) {
			return true
		}
	}
	// An attribution right after the quote makes it speech: `"Impossible,"
	// he said`, `"Not Now," Trump said`.
	after := strings.Fields(strings.ToLower(text[sp.end:min(len(text), sp.end+60)]))
	for i, w := range after {
		if i >= 4 {
			break
		}
		if cueWord(strings.Trim(w, ".,;:")) {
			return false
		}
	}
	if len(words) > 1 {
		return true
	}
	before := strings.TrimSpace(text[max(0, sp.start-16):sp.start])
	lb := strings.ToLower(before)
	for _, suf := range []string{"'s", "’s", " on", " of", " titled", " called", " named", " dubbed", " show", " film", " book", " song", " documentary"} {
		if strings.HasSuffix(lb, suf) {
			return true
		}
	}
	// Nickname: capitalised words on both sides.
	prevWord := ""
	if f := strings.Fields(before); len(f) > 0 {
		prevWord = f[len(f)-1]
	}
	nextWord := ""
	if f := strings.Fields(text[sp.end:min(len(text), sp.end+30)]); len(f) > 0 {
		nextWord = f[0]
	}
	pr, _ := utf8.DecodeRuneInString(prevWord)
	nr, _ := utf8.DecodeRuneInString(nextWord)
	return unicode.IsUpper(pr) && unicode.IsUpper(nr) && !strings.HasSuffix(prevWord, ".") || (unicode.IsUpper(pr) && strings.HasSuffix(prevWord, ".") && len(prevWord) <= 3 && unicode.IsUpper(nr))
}

// titleCase writes an upper-case label as a name: "MIKE PENCE" → "Mike Pence".
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}

// sentenceFinal reports whether the cue at k closes its sentence, with at
// most a few words (an object, a time) after it.
func sentenceFinal(ws []word, k, se int, text string) bool {
	n := 0
	for j := k + 1; j < len(ws) && ws[j].start < se; j++ {
		if ws[j].quoted || strings.ContainsAny(text[ws[j-1].end:ws[j].start], ",;:") {
			return false
		}
		n++
	}
	return n <= 5
}

// sentenceSubject returns the first person mentioned outside quotes in a
// sentence, not governed by a preposition ("with Zelensky").
func (d *doc) sentenceSubject(s sentence.Span, compatible func(string) bool) speaker {
	i := sort.Search(len(d.ms), func(i int) bool { return d.ms[i].Start >= s.Start })
	for ; i < len(d.ms) && d.ms[i].Start < s.End; i++ {
		m := d.ms[i]
		e, ok := d.ents[m.EntityID]
		if !ok || e.Kind != entity.KindPerson || d.inQuote(m.Start) {
			continue
		}
		if lead := strings.TrimSpace(d.text[s.Start:m.Start]); weak(e) && lead != "" && !(strings.HasSuffix(lead, ",") && len(strings.Fields(lead)) <= 6) {
			continue // a repeated capitalised word counts only as the opening subject ("On Monday night, Clinton leaned in")
		}
		before := strings.Fields(strings.ToLower(d.text[max(s.Start, m.Start-40):m.Start]))
		if len(before) > 0 {
			prev := strings.Trim(before[len(before)-1], ",.;:")
			if prepositions[prev] || strings.HasSuffix(prev, "'s") || strings.HasSuffix(prev, "’s") {
				continue
			}
			if (prev == "the" || prev == "a" || prev == "an") && !strings.HasPrefix(strings.TrimLeft(d.text[m.End:], " "), ",") {
				continue // a name used as a modifier: "the Clinton campaign"
			}
		}
		if !compatible(e.Gender) {
			continue
		}
		return speaker{name: e.Name, id: e.ID, gender: e.Gender, ok: true, start: m.Start, end: m.End}
	}
	return speaker{}
}

// sentenceSpeaker returns a person who speaks in a sentence: a name right
// before or after a speech verb ("Tompkins said", "said Hester"), outside
// quotes.
func (d *doc) sentenceSpeaker(s sentence.Span, compatible func(string) bool) speaker {
	i := sort.Search(len(d.ms), func(i int) bool { return d.ms[i].Start >= s.Start })
	for ; i < len(d.ms) && d.ms[i].Start < s.End; i++ {
		m := d.ms[i]
		e, ok := d.ents[m.EntityID]
		if !ok || e.Kind != entity.KindPerson || !compatible(e.Gender) || d.inQuote(m.Start) {
			continue
		}
		next := strings.Fields(strings.ToLower(d.text[m.End:min(s.End, m.End+20)]))
		if len(next) > 0 {
			if part, ok := cues[strings.Trim(next[0], ",.;:")]; ok && !part {
				return speaker{name: e.Name, id: e.ID, gender: e.Gender, ok: true, start: m.Start, end: m.End}
			}
		}
		// "said Hester", "noted NBC's Dante Chinni", "said 9/11 widow Terry
		// Strada": a cue right before the name, or before a short lowercase
		// description of it.
		prev := strings.Fields(d.text[max(s.Start, m.Start-40):m.Start])
		for j := len(prev) - 1; j >= 0 && j >= len(prev)-4; j-- {
			w := strings.ToLower(strings.Trim(prev[j], ",.;:"))
			if part, ok := cues[w]; ok && !part {
				return speaker{name: e.Name, id: e.ID, gender: e.Gender, ok: true, start: m.Start, end: m.End}
			}
			r, _ := utf8.DecodeRuneInString(prev[j])
			if strings.ContainsAny(prev[j], ",.;:\"“”") || (unicode.IsUpper(r) && !strings.HasSuffix(w, "'s") && !strings.HasSuffix(w, "’s")) ||
				prepositions[w] || functionWords[w] || w == "or" || w == "but" {
				break // "agreed with Matthews": Matthews is not the speaker
			}
		}
	}
	return speaker{}
}
