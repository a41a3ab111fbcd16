// Package timeline builds a storyline's timeline: dated events drawn from the
// sentences of its articles, the same event reported by several articles
// folded into one entry that lists every source, ordered by the date the
// event happened (not the date it was published).
//
// Build is pure: it takes articles with the time expressions (and, when
// known, the entity mentions) found in them and returns events. An event is
// a sentence holding a resolved DATE expression of day, week or month
// precision and an event verb; durations, sets, vague references ("recent",
// "now") and bare years are left out. Two mentions fold when their dates
// agree (the same value, or a coarser one that contains the finer: "this
// month" and "Aug. 15") and their key words and entities overlap enough,
// weighted so that names every sentence shares count for little.
package timeline

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sentence"
)

// Doc is one article with what the analysis found in it.
type Doc struct {
	Article news.Article
	// Timexes are the article's time expressions with byte offsets into
	// Article.Text; those with offsets outside the text are ignored.
	Timexes []news.Timex
	// Mentions are the article's entity mentions (cross-article IDs), used
	// to tell whether two sentences speak of the same people and places.
	// May be nil.
	Mentions []news.Mention
	// Quotes are the article's quotes with their speakers, used to name
	// who "he said" is in an event text. May be nil.
	Quotes []news.Quote
}

// Event is one dated event. The JSON field names are a public interface
// (CLI --json output, HTTP API).
type Event struct {
	// ID names the event for links: derived from its date and its first
	// source's article and sentence, so it is the same in every run over
	// the same articles.
	ID string `json:"id"`
	// Date is the TimeML value of the event's date at its finest known
	// precision: 2025-08-15, 2025-W49 or 2025-08.
	Date string `json:"date"`
	// Precision is "day", "week" or "month".
	Precision string `json:"precision"`
	// Start and End bound the date as a half-open range of UTC days
	// [Start, End): one day, seven days from a Monday, or a calendar month.
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	// Text is the event sentence of the first source at that precision,
	// trimmed of labels and trailing attribution.
	Text string `json:"text"`
	// Planned is true when the sentence announces the event rather than
	// reports it ("are set to meet on Thursday").
	Planned bool `json:"planned,omitempty"`
	// Sources are the articles that mention the event, one entry each, in
	// order of publication (undated last).
	Sources []Source `json:"sources"`
}

// Source is one article's mention of an event.
type Source struct {
	ArticleID string `json:"article_id"`
	// Outlet is the origin outlet when the article names one, else the
	// outlet it was read from.
	Outlet    string    `json:"outlet"`
	Title     string    `json:"title,omitempty"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published,omitzero"`
	// Sentence is the sentence as the article wrote it.
	Sentence string `json:"sentence"`
	// Timex is the time expression as written ("this month") and Value its
	// normalized value in this article ("2025-08").
	Timex string `json:"timex"`
	Value string `json:"value"`
	// DatedBy says how an event without a date of its own was dated:
	// "published" (the article's lead, by its publication day; Timex is
	// empty) or "relative" (a clause a span of days from the date before
	// it: "a day after Trump and Zelensky met") or "quoted" (a word like
	// "tomorrow" inside a quote, counted from the day the sentence says
	// the quote was said rather than from publication). Empty when the
	// sentence names the date.
	DatedBy string `json:"dated_by,omitempty"`
}

// Options tune Build. The zero value uses the defaults.
type Options struct {
	// Fold is the least weighted overlap of key words and entities for two
	// mentions with the same date value to be one event; 0 means 0.3.
	Fold float64
	// FoldCoarser is the least overlap for a coarser date ("this month") to
	// join an event dated inside it; 0 means 0.45.
	FoldCoarser float64
	// MaxText is the longest event text in bytes before it is cut to the
	// clause holding the date; 0 means 280.
	MaxText int
	// Dispute is the least overlap for two events dated on different days
	// to be reported as one event the sources date differently; 0 means
	// 0.6. DisputeDays is the most days apart they may be; 0 means 3.
	Dispute     float64
	DisputeDays int
}

func (o Options) withDefaults() Options {
	if o.Fold <= 0 {
		o.Fold = 0.3
	}
	if o.FoldCoarser <= 0 {
		o.FoldCoarser = 0.45
	}
	if o.MaxText <= 0 {
		o.MaxText = 280
	}
	if o.Dispute <= 0 {
		o.Dispute = 0.6
	}
	if o.DisputeDays <= 0 {
		o.DisputeDays = 3
	}
	return o
}

// maxCompared is how many members of an event a new mention is compared
// with.
const maxCompared = 32

// disputeCompared is how many members of each of two events are compared
// when looking for a date dispute between them.
const disputeCompared = 4

// group is an event being folded.
type group struct {
	date    period
	members []*mention
	event   *Event // the event made of it, once made
}

// mention is one candidate event sentence in one article.
type mention struct {
	doc     int
	art     *news.Article
	date    period
	timex   news.Timex
	text    string // the sentence, as written
	offset  int    // byte offset of text in the article
	terms   map[string]bool
	vec     []term          // terms sorted, with weights (see vectorize)
	total   float64         // sum of the weights of vec
	verbs   map[string]bool // stems of the event verbs
	planned bool
	// clause is the subordinate clause the event is, when it is not the
	// whole sentence, and clauseOff its byte offset in the article.
	clause    string
	clauseOff int
	how       string // Source.DatedBy
	lang      string // the article's language ("en" when unknown)
	// names are the entity terms of vec ("@" + ID) and nameTotal their
	// weight: what two mentions in different languages can share.
	names     []term
	nameTotal float64
	// context are the entities ("@" + ID) of the sentences just before
	// and after, not in terms: who a short sentence in another language
	// speaks of ("they met in Istanbul on Sunday", the names in the next
	// sentence). Only the overlap across languages reads them.
	context map[string]bool
}

// Build returns the events the documents report, ordered by event date
// (then by end of the date range, then text). It never fails: articles
// without usable dates add nothing, and an empty input gives nil.
func Build(docs []Doc, opts Options) []Event {
	evs, _ := BuildWithDisputes(docs, opts)
	return evs
}

// Dispute is an event whose sources disagree on its date: accounts from
// different articles that read alike (weighted overlap at least
// Options.Dispute) but put the event on different days at most
// Options.DisputeDays apart. The JSON field names are a public interface.
type Dispute struct {
	// Text is the event as the first account tells it.
	Text string `json:"text"`
	// Dates are the dates given, earliest first.
	Dates []string `json:"dates"`
	// Accounts are the sources, each with the date it gives (Value).
	Accounts []Source `json:"accounts"`
}

// BuildWithDisputes is Build that also returns the date disputes it found
// between the events, in date order.
func BuildWithDisputes(docs []Doc, opts Options) ([]Event, []Dispute) {
	opts = opts.withDefaults()
	var ms []*mention
	for i := range docs {
		ms = append(ms, candidates(i, &docs[i])...)
	}
	if len(ms) == 0 {
		return nil, nil
	}
	vectorize(ms, weights(ms))
	ms = dropRetoldLeads(ms, opts.Fold)

	// Finest precision first, then the order of publication, so each event
	// is founded by its most precise, earliest report.
	slices.SortStableFunc(ms, func(a, b *mention) int {
		if c := cmp.Compare(a.date.prec, b.date.prec); c != 0 {
			return c
		}
		if c := comparePublished(a.art.Published, b.art.Published); c != 0 {
			return c
		}
		if c := cmp.Compare(a.doc, b.doc); c != 0 {
			return c
		}
		return cmp.Compare(a.timex.Start, b.timex.Start)
	})

	var groups []*group
	byValue := map[string][]*group{} // groups by date value
	for _, m := range ms {
		var best *group
		bestScore := 0.0
		consider := func(g *group, need float64) {
			s := 0.0
			// The first members found the event; comparing with a bounded
			// number keeps a much-cited event from costing quadratic time.
			for _, o := range g.members[:min(len(g.members), maxCompared)] {
				s = max(s, overlap(m, o))
			}
			if s >= need && s > bestScore {
				best, bestScore = g, s
			}
		}
		for _, g := range byValue[m.date.value] {
			consider(g, opts.Fold)
		}
		for _, v := range m.date.finer() {
			for _, g := range byValue[v] {
				consider(g, opts.FoldCoarser)
			}
		}
		if best == nil {
			g := &group{date: m.date, members: []*mention{m}}
			groups = append(groups, g)
			byValue[m.date.value] = append(byValue[m.date.value], g)
			continue
		}
		best.members = append(best.members, m)
	}

	disputes := findDisputes(groups, opts)
	events := make([]Event, 0, len(groups))
	for _, g := range groups {
		first := g.members[0]
		ev := Event{
			ID:        eventID(g.date.value, first.art.ID, first.timex.Start),
			Date:      g.date.value,
			Precision: g.date.precision(),
			Start:     g.date.start,
			End:       g.date.end,
			Text:      eventText(first, docs[first.doc].Quotes, opts.MaxText),
			Planned:   first.planned,
		}
		seen := map[int]bool{}
		for _, m := range g.members {
			if seen[m.doc] {
				continue
			}
			seen[m.doc] = true
			ev.Sources = append(ev.Sources, Source{
				ArticleID: m.art.ID,
				Outlet:    outletOf(*m.art),
				Title:     m.art.Title,
				URL:       m.art.URL,
				Published: m.art.Published,
				Sentence:  m.text,
				Timex:     m.timex.Text,
				Value:     m.timex.Value,
				DatedBy:   m.how,
			})
		}
		slices.SortStableFunc(ev.Sources, func(a, b Source) int { return comparePublished(a.Published, b.Published) })
		events = append(events, ev)
		g.event = &events[len(events)-1]
	}
	var ds []Dispute
	for _, p := range disputes {
		a, b := p[0].event, p[1].event
		d := Dispute{Text: a.Text, Dates: []string{a.Date, b.Date}}
		d.Accounts = append(append(d.Accounts, a.Sources...), b.Sources...)
		ds = append(ds, d)
	}
	slices.SortStableFunc(events, func(a, b Event) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		if c := a.End.Compare(b.End); c != 0 {
			return c
		}
		return strings.Compare(a.Text, b.Text)
	})
	return events, ds
}

// findDisputes pairs day-precision events a few days apart whose accounts
// read alike and come from different articles, earliest pair first.
func findDisputes(groups []*group, opts Options) [][2]*group {
	var days []*group
	for _, g := range groups {
		if g.date.prec == day {
			days = append(days, g)
		}
	}
	slices.SortStableFunc(days, func(a, b *group) int { return a.date.start.Compare(b.date.start) })
	var out [][2]*group
	for i, a := range days {
		for _, b := range days[i+1:] {
			if b.date.start.Sub(a.date.start) > time.Duration(opts.DisputeDays)*24*time.Hour {
				break
			}
			if b.date.value == a.date.value || sharesDoc(a, b) {
				continue
			}
			// Alike: the same event verb ("returned", "met") and enough
			// of the same words and names.
			s := 0.0
			for _, x := range a.members[:min(len(a.members), disputeCompared)] {
				for _, y := range b.members[:min(len(b.members), disputeCompared)] {
					if sharesKey(x.verbs, y.verbs) {
						s = max(s, overlap(x, y))
					}
				}
			}
			if s >= opts.Dispute {
				out = append(out, [2]*group{a, b})
			}
		}
	}
	return out
}

func sharesKey(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// sharesDoc reports whether an article reports both events: then they
// are two events it tells apart, not one event dated twice.
func sharesDoc(a, b *group) bool {
	for _, x := range a.members {
		for _, y := range b.members {
			if x.doc == y.doc {
				return true
			}
		}
	}
	return false
}

// eventID hashes what founds an event into a short stable ID.
func eventID(date, articleID string, offset int) string {
	sum := sha256.Sum256([]byte(date + "\x00" + articleID + "\x00" + strconv.Itoa(offset)))
	return "e" + hex.EncodeToString(sum[:6])
}

// comparePublished orders dated times first, earliest first.
func comparePublished(a, b time.Time) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

// outletOf names the outlet an article's text comes from.
func outletOf(a news.Article) string {
	if a.OriginOutlet != "" {
		return a.OriginOutlet
	}
	return a.Outlet
}

// candidates returns the event mentions of one document: at most one per
// sentence (clause), the finest usable date in it.
func candidates(di int, d *Doc) []*mention {
	text := d.Article.Text
	if text == "" {
		return nil
	}
	code := languageOf(d.Article)
	spans := splitGlued(text, sentence.SplitLang(text, code))
	en := isEnglish(code)
	// One mention per clause: the sentence itself (clause start -1), or a
	// subordinate clause that holds a date of its own.
	type key struct{ si, clause int }
	byClause := map[key]*mention{}
	var order []key
	dated := map[int]bool{} // sentences holding a date of day, week or month
	for i, tx := range d.Timexes {
		evLo, evHi := -1, -1 // the event's clause in text, when not the sentence
		how := ""
		if en && tx.Type == "DURATION" {
			if si := sentence.Index(spans, tx.Start); si < len(spans) {
				if dtx, clause, ok := derivedDate(d, i, spans[si].Start); ok {
					tx, evLo, how = dtx, clause, "relative"
				}
			}
		}
		if tx.Type != "DATE" && tx.Type != "TIME" || !tx.Resolved || tx.Start < 0 || tx.End > len(text) || tx.Start >= tx.End {
			continue
		}
		si := sentence.Index(spans, tx.Start)
		if si >= len(spans) || spans[si].Start > tx.Start || spans[si].End < tx.End {
			continue
		}
		sp := spans[si]
		if how == "" {
			if qtx, ok := reanchorQuoted(d, i, sp); ok {
				tx, how = qtx, "quoted"
			}
		}
		p, ok := parsePeriod(dayOfTime(tx))
		if !ok {
			continue
		}
		dated[si] = true
		s := text[sp.Start:sp.End]
		if evLo >= 0 {
			if evLo >= sp.End {
				continue
			}
			evHi = sp.End
			if k := strings.IndexAny(text[evLo:sp.End], ",;—"); k >= 0 {
				evHi = evLo + k
			}
		} else if cl, ok := clausesOf(code); ok {
			if lo, hi, ok := subClause(s, tx.Start-sp.Start, tx.End-sp.Start, datesIn(d.Timexes, sp) > 1, cl); ok {
				evLo, evHi = sp.Start+lo, sp.Start+hi
			}
		}
		evText, evOff := s, sp.Start
		if evLo >= 0 {
			evText, evOff = text[evLo:evHi], evLo
		}
		// The clause is the event's text; its key terms stay those of the
		// whole sentence, which tell more about what it is (folding on a
		// clause's few words joins background events across stories).
		toks := words(evText)
		sentRest := wordsOutside(s, tx.Start-sp.Start, tx.End-sp.Start)
		if boilerplate(words(s), sentRest, code) {
			continue
		}
		var ev verbs
		if en {
			ev = eventness(toks)
		} else {
			ev = eventnessIn(toks, code)
		}
		if !ev.event {
			continue
		}
		k := key{si, evLo}
		if old, ok := byClause[k]; ok && old.date.prec <= p.prec {
			continue
		}
		m := &mention{
			doc:     di,
			art:     &d.Article,
			date:    p,
			timex:   tx,
			text:    s,
			offset:  sp.Start,
			terms:   keyTerms(sentRest, d.Mentions, sp.Start, sp.End, en),
			lang:    langOf(code),
			verbs:   ev.stems,
			how:     how,
			context: contextNames(d.Mentions, spans, si),
		}
		if evLo >= 0 {
			m.clause, m.clauseOff = evText, evOff
		}
		m.planned = planned(ev.future, p, d.Article.Published)
		if _, ok := byClause[k]; !ok {
			order = append(order, k)
		}
		byClause[k] = m
	}
	out := make([]*mention, 0, len(order)+1)
	for _, k := range order {
		out = append(out, byClause[k])
	}
	if m := leadMention(di, d, spans, dated); m != nil {
		out = append(out, m)
	}
	return out
}

// dropRetoldLeads drops a lead dated by its publication day when its
// article dates an event on that very day, or tells the same event again
// with a date of its own in the week before publication (the lead "Putin
// received Witkoff", the third sentence "the meeting on Tuesday"): the
// dated account is the better one.
func dropRetoldLeads(ms []*mention, need float64) []*mention {
	byDoc := map[int][]*mention{}
	for _, m := range ms {
		byDoc[m.doc] = append(byDoc[m.doc], m)
	}
	out := ms[:0]
	for _, m := range ms {
		if m.how == "published" && retold(m, byDoc[m.doc], need) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// retold reports whether another mention of the lead's article (same)
// tells its event with a date of its own.
func retold(lead *mention, same []*mention, need float64) bool {
	for _, o := range same {
		if o == lead || o.how == "published" {
			continue
		}
		if o.date.prec == day && o.date.start.Equal(lead.date.start) {
			// The article dates an event on its own publication day: the
			// news its lead tells, with the date it gives.
			return true
		}
		if o.date.prec == day && !o.planned && o.date.start.Equal(lead.date.start.AddDate(0, 0, -1)) && overlap(lead, o) >= need/2 {
			// Or on the day before, in words the lead shares (the lead
			// "Russia and Ukraine agreed a new exchange", later "the
			// negotiators met on Wednesday in Turkey"): yesterday's news,
			// which the lead tells again. A sentence of that day about
			// something else ("on Saturday Trump hinted...") keeps the lead.
			return true
		}
		if o.date.end.After(lead.date.end) || lead.date.start.Sub(o.date.start) > 7*24*time.Hour {
			continue
		}
		if overlap(lead, o) >= need {
			return true
		}
	}
	return false
}

// leadSentences is how many sentences from the top leadMention looks at.
const leadSentences = 3

// leadMention dates the article's lead by its publication day: the first
// of its first sentences that reports an event (a past or headline verb),
// when it holds no time expression of its own. A news report's lead tells what
// happened on or just before the day it was published ("Trump expressed
// his dissatisfaction with the call", "X has reported"); without this the
// very event an article reports is the one its timeline misses. Nil for
// an undated article or a lead that is dated, planned or boilerplate.
func leadMention(di int, d *Doc, spans []sentence.Span, dated map[int]bool) *mention {
	pub := d.Article.Published
	if pub.IsZero() {
		return nil
	}
	text := d.Article.Text
	code := languageOf(d.Article)
	en := isEnglish(code)
	for si := 0; si < len(spans) && si < leadSentences; si++ {
		sp := spans[si]
		s := text[sp.Start:sp.End]
		toks := words(s)
		var ev verbs
		if en {
			ev = eventness(toks)
		} else {
			ev = eventnessIn(toks, code)
		}
		if !ev.event || len(toks) < 6 {
			continue
		}
		if dated[si] || ev.future || boilerplate(toks, toks, code) || hasTime(d.Timexes, sp) {
			return nil
		}
		day := time.Date(pub.Year(), pub.Month(), pub.Day(), 0, 0, 0, 0, time.UTC)
		v := day.Format("2006-01-02")
		p, _ := parsePeriod(v)
		return &mention{
			doc:     di,
			art:     &d.Article,
			date:    p,
			timex:   news.Timex{Start: sp.Start, End: sp.Start, Type: "DATE", Value: v, Resolved: true},
			text:    s,
			offset:  sp.Start,
			terms:   keyTerms(toks, d.Mentions, sp.Start, sp.End, en),
			lang:    langOf(code),
			verbs:   ev.stems,
			how:     "published",
			context: contextNames(d.Mentions, spans, si),
		}
	}
	return nil
}

// contextNames returns the entities ("@" + ID) named in the sentences just
// before and after sentence si.
func contextNames(ms []news.Mention, spans []sentence.Span, si int) map[string]bool {
	var out map[string]bool
	for _, k := range []int{si - 1, si + 1} {
		if k < 0 || k >= len(spans) {
			continue
		}
		for _, m := range ms {
			if m.EntityID != "" && m.Start >= spans[k].Start && m.End <= spans[k].End {
				if out == nil {
					out = map[string]bool{}
				}
				out["@"+m.EntityID] = true
			}
		}
	}
	return out
}

// datesIn counts the expressions of a sentence that could date an event.
func datesIn(txs []news.Timex, sp sentence.Span) int {
	n := 0
	for _, tx := range txs {
		if tx.Start >= sp.Start && tx.End <= sp.End && tx.Resolved && (tx.Type == "DATE" || tx.Type == "TIME") {
			if _, ok := parsePeriod(dayOfTime(tx)); ok {
				n++
			}
		}
	}
	return n
}

// hasTime reports whether a sentence holds a time expression other than a
// vague reference ("recently", "now"): a lead that says "three years" or
// "in 2014" tells its own time.
func hasTime(txs []news.Timex, sp sentence.Span) bool {
	for _, tx := range txs {
		if tx.Start >= sp.Start && tx.End <= sp.End && !strings.HasSuffix(tx.Value, "_REF") {
			return true
		}
	}
	return false
}

// dayOfTime returns the value of a DATE expression, or the day of a TIME
// expression that names one ("в четверг вечером", 2025-12-04TEV: the event
// happened that day).
func dayOfTime(tx news.Timex) string {
	if tx.Type == "TIME" {
		if len(tx.Value) > 10 && tx.Value[10] == 'T' {
			return tx.Value[:10]
		}
		return ""
	}
	return tx.Value
}

// langOf is an article's language, English when unknown.
func langOf(code string) string {
	if code == "" {
		return "en"
	}
	return code
}

// planned reports whether an event dated p, in an article published at
// pub, had not happened yet when the article was written: its date lies
// after the publication day, or the sentence announces it ("set to meet
// on Thursday") for a date not before that day. Unknown when pub is zero.
func planned(future bool, p period, pub time.Time) bool {
	if pub.IsZero() {
		return false
	}
	pubDay := time.Date(pub.Year(), pub.Month(), pub.Day(), 0, 0, 0, 0, time.UTC)
	if p.start.After(pubDay) {
		return true
	}
	return future && !p.end.Before(pubDay.AddDate(0, 0, 1))
}

// splitGlued splits sentences further where an aggregator glued two
// together without a space ("broadcast Sunday.The big picture: ...").
func splitGlued(text string, spans []sentence.Span) []sentence.Span {
	var out []sentence.Span
	for _, sp := range spans {
		start := sp.Start
		quotes := 0 // straight double quotes seen in the current piece
		if text[sp.Start] == '"' {
			quotes = 1
		}
		for i := sp.Start + 1; i+1 < sp.End; i++ {
			c := text[i]
			if c == '"' {
				quotes++
			}
			if c != '.' && c != '?' && c != '!' {
				continue
			}
			prev, next := text[i-1], text[i+1]
			if !(prev >= 'a' && prev <= 'z' || prev == '"') {
				continue
			}
			cut := i + 1
			if next == '"' && quotes%2 == 1 {
				// The quote mark closes the quotation the sentence is in.
				cut = i + 2
				if cut >= sp.End {
					continue
				}
				next = text[cut]
			}
			if !(next >= 'A' && next <= 'Z' || next == '"') {
				continue
			}
			// Lower-case letter, stop, capital: not an abbreviation ("U.S.")
			// nor a decimal; a new sentence begins at cut.
			out = append(out, sentence.Span{Start: start, End: cut})
			start = cut
			quotes = 0
			i = cut - 1
		}
		out = append(out, sentence.Span{Start: start, End: sp.End})
	}
	return out
}

// eventText is the text of an event founded by m: its clause, when the
// event is a subordinate clause, else its sentence with a "he said" named;
// trimmed by cleanText.
func eventText(m *mention, quotes []news.Quote, maxLen int) string {
	if m.clause != "" {
		c := strings.TrimLeft(m.clause, " ")
		c = strings.TrimPrefix(c, "that ")
		off := m.clauseOff + len(m.clause) - len(c)
		c = strings.TrimRight(c, " ,;:—")
		if !strings.HasSuffix(c, ".") && !strings.HasSuffix(c, "?") && !strings.HasSuffix(c, "!") && !strings.HasSuffix(c, "”") && !strings.HasSuffix(c, `"`) {
			c += "."
		}
		return cleanText(upperFirst(c), m.timex.Start-off, m.timex.End-off, maxLen)
	}
	return cleanText(nameSpeaker(m, quotes), m.timex.Start-m.offset, m.timex.End-m.offset, maxLen)
}

// cleanText trims an event sentence for display: a leading label ("The big
// picture:"), a leading "According to X," and a trailing ", X said." go;
// a sentence longer than max bytes is cut to the clause holding most of it.
func cleanText(s string, from, to, maxLen int) string {
	date := ""
	if from >= 0 && to <= len(s) && from < to {
		date = s[from:to]
	}
	if len(s) > maxLen {
		s = shortenQuotes(s, from, to, len(s)-maxLen)
	}
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, `"`) && strings.Count(s, `"`)%2 == 1 {
		s = strings.TrimSpace(s[1:]) // the closing mark of the sentence before
	}
	if i := strings.Index(s, ": "); i > 0 && i < 40 && isLabel(s[:i]) && len(s)-i > 40 {
		s = strings.TrimSpace(s[i+2:])
	}
	if strings.HasPrefix(strings.ToLower(s), "according to ") {
		if i := strings.Index(s, ", "); i > 0 && i < 80 && len(s)-i > 40 {
			s = upperFirst(strings.TrimSpace(s[i+2:]))
		}
	}
	s = trimAttribution(s, date)
	if len(s) > maxLen {
		cut := maxLen
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		if sp := strings.LastIndexByte(s[:cut], ' '); sp > maxLen/2 {
			cut = sp
		}
		s = strings.TrimRight(s[:cut], " ,;:") + "…"
	}
	return s
}

// pronounCue matches "he said" and the like: a pronoun speaker right
// before a speech verb.
var pronounCue = regexp.MustCompile(`\b([Hh]e|[Ss]he)\s+(said|says|told|added|wrote|stated|noted|remarked)\b`)

// nameSpeaker returns the mention's sentence with the pronoun of a "he
// said" after a direct quote replaced by the speaker the quote stage
// attributed that quote to, when it is a named entity. Otherwise the
// sentence is returned as written.
func nameSpeaker(m *mention, quotes []news.Quote) string {
	s := m.text
	for _, q := range quotes {
		if !q.Direct || q.SpeakerID == "" || q.Speaker == "" || q.End <= m.offset || q.End > m.offset+len(s) {
			continue
		}
		after := q.End - m.offset
		loc := pronounCue.FindStringSubmatchIndex(s[after:])
		if loc == nil || loc[0] > 3 { // the cue follows the closing mark: ”, he said
			continue
		}
		return s[:after+loc[2]] + q.Speaker + s[after+loc[3]:]
	}
	return s
}

// isLabel reports whether the text before a colon is a section label
// ("The big picture", "Zoom in", "Why it matters"): two to four words, some
// after the first in lower case, no quotation marks or commas. A name
// ("Vladimir Putin", "SHAPIRO") says who speaks and is not a label.
func isLabel(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 || len(f) > 4 || strings.ContainsAny(s, "\"“”,") {
		return false
	}
	for _, w := range f[1:] {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// trimAttribution drops a trailing ", Vance said." or ", according to
// two officials." when what precedes is not itself a quotation and the
// attribution does not hold the event's date.
func trimAttribution(s, date string) string {
	i := strings.LastIndex(s, ", ")
	if i < 0 {
		return s
	}
	tail := strings.TrimRight(s[i+2:], ".")
	head := s[:i]
	if strings.ContainsAny(head, "“”\"") {
		return s // the sentence is a quotation: keep who said it
	}
	if date != "" && strings.Contains(tail, date) {
		return s // the date belongs to the attribution ("Vance said on Sept. 24")
	}
	f := strings.Fields(tail)
	switch {
	case len(f) >= 3 && len(f) <= 10 && strings.EqualFold(f[0], "according") && strings.EqualFold(f[1], "to"):
	case len(f) > 0 && len(f) <= 5 && speechVerbs[strings.ToLower(f[len(f)-1])]:
	default:
		return s
	}
	return head + "."
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return strings.ToUpper(string(r)) + s[n:]
}

// quoteWords is how many words of a long quotation shortenQuotes keeps.
const quoteWords = 10

// shortenQuotes cuts quotations that do not hold the date [from, to) to
// their first words, longest first, until the sentence is at least excess
// bytes shorter or no quotation is left to cut.
func shortenQuotes(s string, from, to, excess int) string {
	type span struct{ start, end int } // quotation content, marks excluded
	var spans []span
	for i := 0; i < len(s); {
		open, n := utf8.DecodeRuneInString(s[i:])
		if open != '“' && open != '"' {
			i += n
			continue
		}
		closer := "”"
		if open == '"' {
			closer = `"`
		}
		j := strings.Index(s[i+n:], closer)
		if j < 0 {
			break
		}
		sp := span{i + n, i + n + j}
		if !(from < sp.end && to > sp.start) {
			spans = append(spans, sp)
		}
		i = sp.end + len(closer)
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(b.end-b.start, a.end-a.start) })
	cut := map[int]int{} // start → new end of the kept words
	comma := map[int]bool{}
	saved := 0
	for _, sp := range spans {
		if saved >= excess {
			break
		}
		f := 0
		end := sp.end
		inWord := false
		for k := sp.start; k < sp.end; k++ {
			space := s[k] == ' '
			if !space && !inWord {
				f++
				if f > quoteWords {
					end = k
					break
				}
			}
			inWord = !space
		}
		if end >= sp.end {
			continue
		}
		end = sp.start + len(strings.TrimRight(s[sp.start:end], " ,;:"))
		cut[sp.start] = end
		if strings.HasSuffix(s[sp.start:sp.end], ",") {
			comma[sp.start] = true
		}
		saved += sp.end - end - len("…")
	}
	if len(cut) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	starts := make([]int, 0, len(cut))
	for st := range cut {
		starts = append(starts, st)
	}
	slices.Sort(starts)
	for _, st := range starts {
		e := cut[st]
		b.WriteString(s[last:e])
		b.WriteString("…")
		if comma[st] {
			b.WriteString(",")
		}
		// skip to the end of the quotation content
		for _, sp := range spans {
			if sp.start == st {
				last = sp.end
			}
		}
	}
	b.WriteString(s[last:])
	return b.String()
}
