// Package quote finds who said what in an article: direct quotes in
// quotation marks and indirect speech ("X said that …", "according to X"),
// each tied to a speaker, a cue verb and its place in the text.
//
// Direct quotes are found by pairing quotation marks (straight and curly
// double marks, guillemets, curly single marks) by their position against
// the words around them, across paragraphs when a paragraph ends inside a
// quote and the next one reopens it, and in interview transcripts
// ("PENCE: …"). Marks around headline fragments and titles of shows or songs
// ("Meet the Press") do not make quotes. Speakers come from speech-verb
// patterns ("X said", "said X", "X, the Y, said", "according to X", "X
// told reporters, …", "― Name"); a quote with no cue of its own continues
// the speaker of the quote or attribution just before it in its paragraph.
// Pronouns resolve to the speaker, else the subject, of the nearest earlier
// sentence that is not all quote, checked against gender where known;
// titles ("the vice president") resolve through package entity; anonymous
// sources ("a senior official") become Unnamed.
//
// Bad input is bounded: a quote is cut at MaxQuoteLen bytes, an unclosed
// mark ends its quote at the end of the paragraph, and every such repair is
// reported as a Problem rather than an error.
//
// Evaluate scores the package on the PolNeAR attribution corpus; README.md
// beside this file gives the figures and how they are measured.
package quote

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sentence"
)

// Unnamed is the Speaker of quotes from anonymous sources ("a senior
// official said", "sources said").
const Unnamed = "unnamed"

// MaxQuoteLen bounds a quote's span in bytes; longer quotes are cut and
// reported as a Problem.
const MaxQuoteLen = 6000

// maxParagraphs bounds how many paragraphs one quote may span.
const maxParagraphs = 12

// Quote is news.Quote: the domain type, so quotes pass to the store and the web unchanged
type Quote = news.Quote

// Problem records something in the text that could not be resolved cleanly:
// an unclosed quotation mark, a quote cut for length, a quote without a
// speaker. Offsets are bytes into the article text.
type Problem struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Reason string `json:"reason"`
}

// FromArticle extracts the article's entities and finds its quotes by the
// rules of its language (entity.ExtractLang, FindLang), with ArticleID and
// Date filled in. The article's author, when known, is the speaker of its
// first-person attributions ("I wrote", "we said").
func FromArticle(a news.Article) ([]Quote, []Problem) {
	ents, ms := entity.ExtractLang(a.Text, a.Language)
	qs, probs := FindLang(a.Text, a.Language, a.Author, ents, ms)
	for i := range qs {
		qs[i].ArticleID = a.ID
		qs[i].Date = a.Published
	}
	return qs, probs
}

// FindByAuthor returns the direct and indirect quotes of one article's text
// in text order, given the entities and mentions entity.Extract found in the
// same text, and the problems met on the way, for a text written by
// author: "I" and "we" outside quotation marks, as the source of a cue,
// are the author (op-eds, first-person reports); an empty author leaves
// them unresolved. It never fails: text without quotes gives no quotes.
func FindByAuthor(text, author string, ents []entity.Entity, ms []entity.Mention) ([]Quote, []Problem) {
	d := newDoc(text, ents, ms)
	d.author = strings.TrimSpace(author)
	d.findSpans()
	d.attribute()
	d.capQuotes()
	return d.quotes, d.problems
}

// MaxPerArticle caps the quotes Find, FindByAuthor and FindLang return for
// one text: the first MaxPerArticle in text order are kept and one Problem
// says how many more were dropped. A news article has tens of quotes; a
// text with hundreds is a transcript or a dump, and thousands of "quotes"
// from it would crowd out every other article's on the quote and speaker
// pages.
const MaxPerArticle = 500

// capQuotes applies MaxPerArticle.
func (d *doc) capQuotes() {
	if len(d.quotes) <= MaxPerArticle {
		return
	}
	first := d.quotes[MaxPerArticle]
	d.problems = append(d.problems, Problem{Start: first.Start, End: first.End,
		Reason: fmt.Sprintf("quote cap: %d quotes after the first %d dropped", len(d.quotes)-MaxPerArticle, MaxPerArticle)})
	d.quotes = d.quotes[:MaxPerArticle:MaxPerArticle]
}

// span is a raw direct quote before attribution.
type span struct {
	start, end  int    // with marks
	inStart     int    // first byte inside the opening mark
	inEnd       int    // last byte before the closing mark (or the cut)
	text        string // inner text with continuation marks removed
	speakerHint string // transcript speaker label, e.g. "PENCE"
}

type doc struct {
	text     string
	ents     map[string]entity.Entity
	ms       []entity.Mention
	sents    []sentence.Span
	paras    []sentence.Span
	spans    []span
	quotes   []Quote
	problems []Problem
	headline []bool // per paragraph
	// history of attributed speakers, in text order.
	history []said
	// pronDepth bounds chains of pronouns resolved through each other.
	pronDepth int
	// author wrote the text; "" when unknown.
	author string
	// res are the language's resources; nil for English.
	res *langRes
}

type said struct {
	pos              int
	speaker, id, cue string
	gender           string
	sentence         int
	start, end       int // the speaker's mention
}

func newDoc(text string, ents []entity.Entity, ms []entity.Mention) *doc {
	d := &doc{text: text, ents: map[string]entity.Entity{}, ms: ms}
	for _, e := range ents {
		d.ents[e.ID] = e
	}
	d.sents = sentence.Split(text)
	d.paras = sentence.Paragraphs(text)
	return d
}

func (d *doc) problem(start, end int, reason string) {
	d.problems = append(d.problems, Problem{Start: start, End: end, Reason: reason})
}

// markKind classifies a quotation mark in context.
type markKind int

const (
	notMark markKind = iota
	openMark
	closeMark
	eitherMark // straight mark between two words: decided by state
	floatMark  // straight mark between two spaces: closes an open quote, else nothing
)

// family groups marks that pair with each other.
type family int

const (
	famNone     family = iota
	famStraight        // "
	famCurly           // “ ” „
	famGuill           // « »
	famSingle          // ‘ ’
)

func classifyMark(text string, i int) (markKind, family, int) {
	r, size := utf8.DecodeRuneInString(text[i:])
	if r == '\'' {
		// Two apostrophes stand for a double mark in some archives
		// (''We've shown the world,'' Mr. Obama said).
		if !strings.HasPrefix(text[i:], "''") || strings.HasPrefix(text[i:], "'''") {
			return notMark, famNone, size
		}
		r, size = '"', 2
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	atStart := i == 0
	atEnd := i+size >= len(text)
	prevSpace := atStart || unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/", prev)
	nextSpace := atEnd || unicode.IsSpace(next)
	switch r {
	case '“', '„':
		if !prevSpace && nextSpace {
			return closeMark, famCurly, size
		}
		return openMark, famCurly, size
	case '”':
		if prevSpace && !nextSpace && (unicode.IsLetter(next) || unicode.IsDigit(next) || next == '(' || next == '[' || next == '.') {
			return openMark, famCurly, size
		}
		return closeMark, famCurly, size
	case '«':
		return openMark, famGuill, size
	case '»':
		return closeMark, famGuill, size
	case '"':
		switch {
		case prevSpace && !nextSpace:
			return openMark, famStraight, size
		case !prevSpace && nextSpace:
			return closeMark, famStraight, size
		case !prevSpace && !nextSpace:
			if unicode.IsLetter(prev) && unicode.IsLetter(next) {
				return notMark, famNone, size // inch marks, typos inside words
			}
			return eitherMark, famStraight, size
		}
		// Spaces on both sides (`outreach,' " he told`): it can only close.
		if !atStart && !atEnd {
			return floatMark, famStraight, size
		}
		return notMark, famNone, size
	case '‘':
		if prevSpace || prev == '"' || prev == '“' || prev == '(' {
			if unicode.IsLetter(next) {
				return openMark, famSingle, size
			}
		}
		return notMark, famNone, size
	case '’':
		if !prevSpace && !unicode.IsLetter(next) && !unicode.IsDigit(next) {
			return closeMark, famSingle, size
		}
		return notMark, famNone, size
	}
	return notMark, famNone, 0
}

// isQuoteRune reports the runes classifyMark looks at.
func isQuoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‘', '’', '\'':
		return true
	}
	return false
}

// transcriptLabel returns the speaker label of a transcript turn at the
// start of a paragraph ("PENCE: …", "\"WALLACE: …") and the offset where the
// turn's words begin; ok is false for other paragraphs.
func transcriptLabel(p string) (label string, body int, ok bool) {
	i := 0
	if r, size := utf8.DecodeRuneInString(p); r == '"' || r == '“' {
		i = size
	}
	j := i
	letters := 0
	for j < len(p) && j-i <= 40 {
		c := p[j]
		switch {
		case c >= 'A' && c <= 'Z':
			letters++
		case c == ' ' || c == '.' || c == '\'' || c == '-':
		case c == ':':
			label := strings.TrimSpace(p[i:j])
			if letters >= 2 && j+1 < len(p) && p[j+1] == ' ' && !notLabels[strings.ToLower(label)] {
				return label, j + 1, true
			}
			return "", 0, false
		default:
			return "", 0, false
		}
		j++
	}
	return "", 0, false
}

// notLabels are upper-case line openers that are not speakers.
var notLabels = map[string]bool{"clarification": true, "correction": true, "update": true, "updated": true,
	"editor's note": true, "note": true, "related": true, "read more": true, "watch": true, "breaking": true,
	"exclusive": true, "source": true, "sources": true, "photo": true, "video": true, "full text": true,
	"abstract": true, "letters": true, "opinion": true, "analysis": true, "q": false, "a": false}

// findSpans pairs quotation marks into direct quote spans.
func (d *doc) findSpans() {
	text := d.text
	headline := d.headlineParas()
	d.headline = headline
	inTurn := make([]bool, len(d.paras))
	// Transcript turns first: a labelled paragraph and the unlabelled
	// paragraphs that reopen a quote right after it.
	for pi := 0; pi < len(d.paras); pi++ {
		p := d.paras[pi]
		label, body, ok := transcriptLabel(p.Text(text))
		if !ok || headline[pi] {
			continue
		}
		sp := span{start: p.Start + body, inStart: p.Start + body, speakerHint: label}
		for sp.inStart < p.End && text[sp.inStart] == ' ' {
			sp.inStart++
		}
		sp.start = sp.inStart
		end := max(sp.inStart, trimClosing(text, p.Start, p.End))
		parts := []string{text[sp.inStart:end]}
		inTurn[pi] = true
		last := pi
		for k := pi + 1; k < len(d.paras) && k-pi < maxParagraphs; k++ {
			q := d.paras[k].Text(text)
			if _, _, lab := transcriptLabel(q); lab {
				break
			}
			r, size := utf8.DecodeRuneInString(q)
			if r != '"' && r != '“' {
				break
			}
			rest := strings.TrimSpace(q[size:])
			if strings.HasPrefix(rest, "(") || strings.HasPrefix(strings.ToLower(rest), "follow ") {
				break
			}
			inTurn[k] = true
			last = k
			segStart := d.paras[k].Start + size
			parts = append(parts, text[segStart:max(segStart, trimClosing(text, d.paras[k].Start, d.paras[k].End))])
		}
		sp.inEnd = max(sp.inStart, trimClosing(text, d.paras[last].Start, d.paras[last].End))
		sp.end = d.paras[last].End
		sp.text = strings.TrimSpace(strings.Join(parts, "\n\n"))
		pi = last
		if sp.text != "" {
			d.bound(&sp)
			d.spans = append(d.spans, sp)
		}
	}
	// Quotation marks, paragraph by paragraph.
	type open struct {
		pos, in int
		fam     family
		para    int
		parts   []string
		segIn   int
	}
	var cur *open
	var single *open
	nested := 0        // depth of inner quotes of another family
	sameNested := 0    // depth of inner guillemets inside guillemets (ru, uk)
	straightInner := 0 // straight marks opened inside a curly quote
	reopen, reopenPara, reopenMark := -1, -1, -1
	emit := func(o *open, closeAt, closeEnd int, unclosed bool) {
		parts := append(o.parts, text[o.segIn:closeAt])
		sp := span{start: o.pos, end: closeEnd, inStart: o.in, inEnd: closeAt,
			text: strings.TrimSpace(strings.Join(parts, "\n\n"))}
		if headline[o.para] {
			return
		}
		if unclosed {
			d.problem(o.pos, closeEnd, "unclosed quotation mark: quote ended at the end of its paragraph")
		}
		if d.res == nil && isTitle(sp, text) || d.res != nil && d.isTitleLang(sp) {
			return
		}
		if strings.TrimFunc(sp.text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) == "" {
			return
		}
		if strings.HasPrefix(sp.text, "(") && strings.HasSuffix(strings.TrimRight(sp.text, ". "), ")") {
			return // "(CROSSTALK.)", stage directions
		}
		d.bound(&sp)
		d.spans = append(d.spans, sp)
	}
	for pi := 0; pi < len(d.paras); pi++ {
		p := d.paras[pi]
		if inTurn[pi] {
			continue
		}
		if reopen >= 0 && reopenPara == pi-1 && cur == nil && trimBack(text, d.paras[pi-1].Start, d.paras[pi-1].End) == reopen {
			// The glued mark ended its paragraph and the cleaner (or the
			// outlet) broke the line after it: `…basis."` / `If you look
			// …," he added.` The quote opens at this paragraph's start.
			reopen, reopenPara, reopenMark = p.Start, pi, p.Start
		}
		for i := p.Start; i < p.End; {
			if c := text[i]; c < utf8.RuneSelf && c != '<' && c != '"' && c != '\'' {
				i++ // no mark, no markup
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if r == '<' && i+1 < p.End && (text[i+1] == '/' || text[i+1] >= 'a' && text[i+1] <= 'z') {
				// Markup left in the text (<tweet pic="…">): its attribute
				// values are not quotes.
				if k := strings.IndexByte(text[i:p.End], '>'); k > 0 {
					i += k + 1
					continue
				}
			}
			if !d.isQuoteRune(r) {
				i += size
				continue
			}
			kind, fam, msize := d.classify(i)
			if msize > 0 {
				size = msize
			}
			switch {
			case kind == notMark, kind == floatMark && cur == nil:
			case fam == famSingle:
				if cur != nil {
					break // nested single quotes belong to the outer quote
				}
				if kind == openMark && single == nil {
					single = &open{pos: i, in: i + size, fam: fam, para: pi, segIn: i + size}
				} else if kind == closeMark && single != nil && i > single.in {
					emit(single, i, i+size, false)
					single = nil
				}
			case cur == nil:
				if kind == openMark || kind == eitherMark {
					cur = &open{pos: i, in: i + size, fam: fam, para: pi, segIn: i + size}
					single = nil
				} else if reopen >= 0 && reopenPara == pi {
					// Joined paragraphs lost an opening mark: `…basis."If
					// you look …," he added.` The glued mark closed one
					// quote and opened the next.
					d.problem(reopen, i+size, "missing opening quotation mark: quote reopened after a glued closing mark")
					emit(&open{pos: reopenMark, in: reopen, fam: fam, para: pi, segIn: reopen}, i, i+size, false)
					reopen = -1
				} else {
					d.problem(i, i+size, "closing quotation mark without an opening one")
				}
			case fam != cur.fam && fam != famStraight && kind == openMark:
				nested++
			case fam != cur.fam && fam != famStraight && kind == closeMark && nested > 0:
				nested--
			case fam != cur.fam && cur.fam != famStraight && fam == famStraight && kind == openMark:
				straightInner++
			case fam != cur.fam && cur.fam != famStraight && fam == famStraight && (straightInner > 0 || kind == eitherMark):
				// A straight pair nested inside curly quotes.
				if straightInner > 0 {
					straightInner--
				}
			case kind == openMark && fam == cur.fam && fam == famGuill && d.res != nil && !d.res.reversed:
				// «…«…»…»: Russian and Ukrainian writers nest guillemets.
				sameNested++
			case kind == closeMark && fam == cur.fam && sameNested > 0:
				sameNested--
			case kind == openMark && fam == cur.fam && fam != famStraight:
				// Same-family opener while open: the previous quote lost its
				// closing mark. End it before this mark.
				emit(cur, trimBack(text, cur.in, i), trimBack(text, cur.in, i), true)
				cur = &open{pos: i, in: i + size, fam: fam, para: pi, segIn: i + size}
				nested = 0
			case kind == openMark && fam == famStraight && cur.fam == famStraight && i > cur.in:
				// `"A "B`: a clear opening mark while a straight quote is
				// open means the previous quote lost its closing mark.
				emit(cur, trimBack(text, cur.in, i), trimBack(text, cur.in, i), true)
				cur = &open{pos: i, in: i + size, fam: fam, para: pi, segIn: i + size}
				nested = 0
			default:
				// A closing (or either) mark: it closes the open quote, even
				// when the writer mixed straight and curly marks.
				emit(cur, i, i+size, false)
				cur = nil
				nested, straightInner, sameNested = 0, 0, 0
				reopen = -1
				if i > 0 && strings.ContainsRune(".?!", rune(text[i-1])) {
					if n, _ := utf8.DecodeRuneInString(text[i+size:]); kind == eitherMark && unicode.IsUpper(n) {
						reopen, reopenPara, reopenMark = i+size, pi, i
					} else if i+size == trimBack(text, p.Start, p.End) {
						reopen, reopenPara, reopenMark = i+size, pi, i // see the next paragraph
					}
				}
			}
			i += size
		}
		// End of paragraph.
		single = nil
		if cur == nil {
			continue
		}
		// Continuation: the next paragraph reopens the quote.
		if pi+1 < len(d.paras) && pi+1-cur.para < maxParagraphs && !inTurn[pi+1] {
			np := d.paras[pi+1]
			if kind, fam, size := d.classify(np.Start); (kind == openMark && fam != famSingle) || kind == eitherMark {
				cur.parts = append(cur.parts, text[cur.segIn:trimBack(text, cur.segIn, p.End)])
				cur.segIn = np.Start + size
				// The reopening mark is consumed: skip it.
				d.paras[pi+1].Start = np.Start + size
				nested = 0
				continue
			}
		}
		emit(cur, p.End, p.End, true)
		cur = nil
		nested, sameNested = 0, 0
	}
	if cur != nil {
		emit(cur, len(text), len(text), true)
	}
	sortSpans(d.spans)
}

// trimBack moves end back over spaces, never before min.
func trimBack(text string, min, end int) int {
	for end > min {
		r, size := utf8.DecodeLastRuneInString(text[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return end
}

// trimClosing returns the end of a paragraph without a trailing closing
// quotation mark.
func trimClosing(text string, start, end int) int {
	end = trimBack(text, start, end)
	r, size := utf8.DecodeLastRuneInString(text[start:end])
	if r == '"' || r == '”' {
		end -= size
	}
	return end
}

// bound cuts a span longer than MaxQuoteLen.
func (d *doc) bound(sp *span) {
	if sp.end-sp.start <= MaxQuoteLen {
		return
	}
	cut := sp.start + MaxQuoteLen
	for cut > sp.start && !utf8.RuneStart(d.text[cut]) {
		cut--
	}
	if k := strings.LastIndexByte(d.text[sp.start:cut], ' '); k > 0 {
		cut = sp.start + k
	}
	d.problem(sp.start, sp.end, "quote longer than the limit: cut")
	sp.end = cut
	if sp.inEnd > cut {
		sp.inEnd = cut
	}
	if len(sp.text) > cut-sp.inStart && cut > sp.inStart {
		t := sp.text[:cut-sp.inStart]
		for len(t) > 0 && !utf8.ValidString(t) {
			t = t[:len(t)-1]
		}
		sp.text = strings.TrimSpace(t)
	}
}

func sortSpans(s []span) {
	// insertion sort: spans are nearly sorted already
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].start < s[j-1].start; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// headlineParas marks paragraphs that read as headlines or debris: short and
// either without sentence punctuation at the end or in title case.
// dashAttribution reports a short line opening with a dash: the speaker of
// the quote above it ("– Сергей Рябков").
func dashAttribution(t string) bool {
	t = strings.TrimSpace(t)
	r, size := utf8.DecodeRuneInString(t)
	if !strings.ContainsRune("—–-―", r) {
		return false
	}
	n := len(strings.Fields(t[size:]))
	return n >= 1 && n <= 6
}

func (d *doc) headlineParas() []bool {
	out := make([]bool, len(d.paras))
	for i, p := range d.paras {
		t := p.Text(d.text)
		// A full stop inside the line makes it prose, not a headline.
		inner := strings.TrimRight(t, "\"”’'»)] .")
		prose := strings.Contains(inner, ". ") || strings.Contains(inner, ".”") || strings.Contains(inner, ".\"") || strings.Contains(inner, ",''") || strings.Contains(inner, ",\" ") || strings.Contains(inner, ",” ") ||
			strings.Contains(inner, "?”") || strings.Contains(inner, "!”") || strings.ContainsRune(t, '―')
		if prose {
			continue
		}
		n, caps := fieldCaps(t, 31)
		if n == 0 || n > 30 {
			continue
		}
		closers := "\"”’'»)] "
		if d.res != nil {
			closers += "“«‘"
		}
		last := strings.TrimRight(t, closers)
		r, _ := utf8.DecodeLastRuneInString(last)
		terminal := strings.ContainsRune(".!?:;…", r)
		// German capitalises every noun: title case says nothing there.
		titleCase := d.res == nil && n >= 4 && caps*10 >= n*7
		// (Languages with resources:) a quote followed by a line naming
		// its speaker after a dash is no headline: «…» ¶ – Сергей Рябков.
		if d.res != nil && i+1 < len(d.paras) && dashAttribution(d.paras[i+1].Text(d.text)) {
			continue
		}
		if !terminal || titleCase {
			// A body paragraph that merely lacks a final stop is long; a
			// headline is short.
			if n <= 25 {
				out[i] = true
			}
		}
	}
	return out
}

// firstAfterOpeners returns the first rune of strings.TrimLeft(w,
// "\"“‘'(["), or utf8.RuneError when nothing is left.
func firstAfterOpeners(w string) rune {
	for len(w) > 0 {
		r, size := rune(w[0]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(w)
		}
		switch r {
		case '"', '“', '‘', '\'', '(', '[':
			w = w[size:]
			continue
		}
		return r
	}
	return utf8.RuneError
}

// fieldCaps returns the number of words of s (as strings.Fields splits
// them), counting no further than max, and how many of them begin, past
// opening quotes and brackets, with a capital or a digit.
func fieldCaps(s string, max int) (n, caps int) {
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r2, s2 := rune(s[j]), 1
			if r2 >= utf8.RuneSelf {
				r2, s2 = utf8.DecodeRuneInString(s[j:])
			}
			if unicode.IsSpace(r2) {
				break
			}
			j += s2
		}
		n++
		if c := firstAfterOpeners(s[i:j]); unicode.IsUpper(c) || unicode.IsDigit(c) {
			caps++
		}
		if n >= max {
			return n, caps
		}
		i = j
	}
	return n, caps
}
