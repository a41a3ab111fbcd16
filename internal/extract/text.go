package extract

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/outlet"
)

// Text cleans a plain-text article: it removes the debris feeds and
// aggregators wrap around it (see the package doc), guesses the title (a
// short first line without closing punctuation), records origin outlet and
// republisher, detects the language and estimates the date from the latest
// full date the text mentions. Each non-empty line is a paragraph. Invalid
// UTF-8 is repaired. It returns ErrBinary for text with NUL or many control
// characters and ErrEmpty when nothing is left.
func Text(text string) (Result, error) {
	return TextWith(text, Options{})
}

// TextWith is Text with options (MaxBytes and Published apply).
func TextWith(text string, opts Options) (Result, error) {
	if int64(len(text)) > opts.maxBytes() {
		return Result{}, ErrTooLarge
	}
	return textString(text, opts)
}

func textBytes(data []byte, opts Options) (Result, error) {
	return textString(string(data), opts)
}

func textString(text string, opts Options) (Result, error) {
	if err := checkBinary(text); err != nil {
		return Result{}, err
	}
	text = validUTF8(strings.TrimPrefix(text, "\xef\xbb\xbf"))
	ls := strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' })
	c := cleanText(lines(ls), "", true)
	res := Result{
		Title:        c.title,
		Author:       c.author,
		Text:         strings.Join(c.paras, "\n\n"),
		Removed:      c.removed,
		OriginOutlet: c.origin,
		Republisher:  c.republisher,
	}
	if res.Text == "" {
		return Result{}, ErrEmpty
	}
	finish(&res, opts)
	return res, nil
}

// finish fills what both inputs derive from the cleaned text: language when
// metadata gave none, the date override or estimate.
func finish(res *Result, opts Options) {
	res.SiteName = outlet.Name(res.SiteName)
	res.OriginOutlet = outlet.Name(res.OriginOutlet)
	res.Republisher = outlet.Name(res.Republisher)
	if res.Republisher == res.OriginOutlet {
		res.Republisher = ""
	}
	if res.Language == "" {
		res.Language = detectLanguage(res.Title + "\n" + res.Text)
	}
	if !opts.Published.IsZero() {
		res.Published = opts.Published.UTC()
		res.PublishedEstimated = false
		return
	}
	if res.Published.IsZero() {
		if t, ok := EstimateDate(res.Text); ok {
			res.Published = t
			res.PublishedEstimated = true
		}
	}
}

// cleaned is the outcome of the paragraph cleaner.
type cleaned struct {
	paras               []string
	removed             []string
	title               string
	author              string // from a byline at the start
	origin, republisher string
}

// cleanBlocks cleans paragraphs extracted from a page whose metadata title
// is title (may be empty).
func cleanBlocks(bs []block, title string) cleaned {
	return cleanText(bs, title, false)
}

// lines makes blocks of plain-text lines (link share unknown).
func lines(ls []string) []block {
	bs := make([]block, len(ls))
	for i, l := range ls {
		bs[i] = block{text: l, linkShare: -1}
	}
	return bs
}

// para is one paragraph under cleaning.
type para struct {
	text string
	// linkShare is the share of characters inside links, -1 when unknown.
	linkShare float64
	// heading is true for a page's section headings (h1 to h6).
	heading bool
	removed bool
	// parts replaces text in Removed when the debris splits into items.
	parts []string
}

// cleanText applies the rules in order:
//
//  1. glued sentences ("Sunday.The") are split into paragraphs;
//  2. anywhere: logo lines, tag soup, "Read also:"-style link lines, short
//     promotions ("Subscribe to our newsletter"), feed attributions;
//     repeated headlines (plain text) or copies of the page title (HTML);
//  3. at the start: bylines and date lines before the first sentence;
//  4. at the end, walking back: section labels ("Comments"), tag lines,
//     bullet link lists, runs of unpunctuated headlines (related-article
//     lists), copyright and courtesy notices, wire credits, "More from X:"
//     link blocks;
//  5. plain text only: the title is guessed from the first paragraph.
func cleanText(in []block, title string, plain bool) cleaned {
	var ps []*para
	for _, b := range in {
		s := cleanSpace(b.text)
		if s == "" {
			continue
		}
		for _, part := range unglue(s) {
			ps = append(ps, &para{text: part, linkShare: b.linkShare, heading: b.heading})
		}
	}
	ps = splitCredits(splitGallery(ps))
	var c cleaned
	var o origins

	// 2. Anywhere.
	seen := map[string]bool{}
	captions := hasProseBeside(ps, isPhotoCaption)
	for i, p := range ps {
		switch {
		case p.removed:
		case captions && isPhotoCaption(p.text):
			p.removed = true
		case isLogo(p.text):
			p.removed = true
			if name := logoName(p.text); name != "" {
				o.host = name
			}
		case isTagSoup(p.text), isLinkLine(p.text), isPromo(p.text), isMetaLine(p.text), isKeywordList(p.text):
			p.removed = true
		case o.feedAttribution(p.text):
			p.removed = true
		case !plain && i < 3 && title != "" && isTitleCopy(p.text, title):
			p.removed = true
		case plain && isHeadline(p.text) && seen[normKey(p.text)]:
			p.removed = true
		}
		if plain && isHeadline(p.text) {
			seen[normKey(p.text)] = true
		}
	}

	// 3. At the start: bylines, date lines, breadcrumbs, addresses and (on
	// a page) links before the first paragraph of prose.
	for i, p := range ps {
		if p.removed {
			continue
		}
		lead := isByline(p.text) || isDateLine(p.text) || isBreadcrumb(p.text) || isAddress(p.text) || isVideoBlurb(p.text) ||
			p.linkShare >= 0.6 && wordCount(p.text) <= 30
		if !lead && !plain && isUnpunctuated(p.text) && wordCount(p.text) <= 12 && nextIsLink(ps[i+1:]) {
			lead = true // a label over links ("Top News")
		}
		if !lead {
			break
		}
		p.removed = true
		if c.author == "" && isByline(p.text) {
			c.author = bylineAuthors(p.text)
		}
	}

	// Date lines and bylines a standfirst pushed down.
	for i, seen := 0, 0; i < len(ps) && seen < 3; i++ {
		if p := ps[i]; !p.removed {
			seen++
			if isDateLine(p.text) || isByline(p.text) {
				p.removed = true
				if c.author == "" && isByline(p.text) {
					c.author = bylineAuthors(p.text)
				}
			}
		}
	}

	// 4. At the end: walk back over debris.
	for i := len(ps) - 1; i >= 0; i-- {
		p := ps[i]
		if p.removed {
			continue
		}
		if parts, ok := o.moreFrom(p.text); ok {
			p.removed, p.parts = true, parts
			continue
		}
		if o.wireCredit(p.text) || o.notice(p.text) || isBulletList(p.text) || isSectionLabel(p.text) || isDateLine(p.text) || isByline(p.text) || isAddress(p.text) || isContact(p.text) {
			p.removed = true
			continue
		}
		if n := headlineRun(ps[:i+1]); n > 0 {
			for _, q := range ps[i+1-n : i+1] {
				q.removed = true
			}
			i -= n - 1
			continue
		}
		if before, parts, ok := o.cutMoreFrom(p.text); ok {
			p.text = before
			ps = append(ps[:i+1], append([]*para{{removed: true, parts: parts}}, ps[i+1:]...)...)
		}
		break
	}

	// Between paragraphs of prose: one to three headlines that link to
	// other articles.
	removeInlineLinks(ps)

	// Dateline credit ("KYIV (Reuters) -") names the origin without being debris.
	for _, p := range ps {
		if !p.removed {
			o.dateline(p.text)
			break
		}
	}

	// 5. Title. A page without a title in its metadata takes its first
	// heading when it comes before any prose and reads as a headline.
	if !plain && title == "" {
		for _, p := range ps {
			if p.removed {
				continue
			}
			if p.heading && isPageHeadline(p.text) && countKept(ps) > 1 {
				c.title = p.text
				p.removed = true
				p.parts = []string{} // moved to the title, not debris
			}
			break
		}
	}
	if plain {
		for _, p := range ps {
			if p.removed {
				continue
			}
			if isHeadline(p.text) && utf8.RuneCountInString(p.text) >= 10 && countKept(ps) > 1 {
				c.title = p.text
				p.removed = true
				p.parts = []string{} // moved to the title, not debris
				key := normKey(p.text)
				for _, q := range ps {
					if !q.removed && normKey(q.text) == key {
						q.removed = true
					}
				}
			}
			break
		}
	}

	for _, p := range ps {
		switch {
		case !p.removed:
			c.paras = append(c.paras, p.text)
		case p.parts != nil:
			c.removed = append(c.removed, p.parts...)
		default:
			c.removed = append(c.removed, p.text)
		}
	}
	c.origin, c.republisher = o.result()
	return c
}

// linkRunShare is the least share of link paragraphs in a trailing run
// that makes it a list of links to other articles.
const linkRunShare = 0.5

// headlineRun returns how many paragraphs at the end of ps (removed ones
// skipped and counted) form a block of links to other articles: short
// paragraphs, at least three and at least linkRunShare of them links (on a
// page: mostly link text; in plain text, where links are unknown: no
// closing punctuation), starting with a link or an unpunctuated label. In
// plain text a list announced by a colon is content. A run that is the
// whole text is not counted.
func headlineRun(ps []*para) int {
	best, items, links := 0, 0, 0
	for i := len(ps) - 1; i >= 0 && len(ps)-i <= 80; i-- {
		p := ps[i]
		if p.removed {
			continue
		}
		if wordCount(p.text) > 30 {
			break
		}
		items++
		isLink := isLinkPara(p)
		unp := isUnpunctuated(p.text)
		if isLink {
			links++
		} else if !unp {
			// A sentence in the run must be the teaser under a link.
			j := i - 1
			for j >= 0 && ps[j].removed {
				j--
			}
			if j < 0 || !isLinkPara(ps[j]) {
				break
			}
		}
		if (isLink || unp) && links >= 3 && float64(links) >= linkRunShare*float64(items) {
			if i > 0 && ps[i-1].linkShare < 0 && strings.HasSuffix(ps[i-1].text, ":") {
				continue
			}
			if i > 0 {
				best = len(ps) - i
			}
		}
	}
	return best
}

// removeInlineLinks removes groups of one to three link headlines (on a
// page: wholly link text, no closing punctuation) that sit between two
// paragraphs of prose.
func removeInlineLinks(ps []*para) {
	var kept []*para
	for _, p := range ps {
		if !p.removed {
			kept = append(kept, p)
		}
	}
	isHead := func(p *para) bool {
		n := wordCount(p.text)
		return !p.heading && p.linkShare >= 0.9 && isUnpunctuated(p.text) && n >= 3 && n <= 20
	}
	isProse := func(p *para) bool {
		return p.linkShare >= 0 && p.linkShare < 0.5 && !isUnpunctuated(p.text) && wordCount(p.text) >= 8
	}
	for i := 1; i < len(kept); i++ {
		if !isHead(kept[i]) || !isProse(kept[i-1]) {
			continue
		}
		j := i
		for j < len(kept) && j-i < 4 && isHead(kept[j]) {
			j++
		}
		if j-i <= 3 && j < len(kept) && isProse(kept[j]) {
			for _, p := range kept[i:j] {
				p.removed = true
			}
		}
		i = j
	}
}

// isLinkPara reports whether p reads as a link to another article: on a
// page, mostly link text; in plain text, a headline-shaped line. Bare
// addresses and one- or two-word links are not headlines.
func isLinkPara(p *para) bool {
	if wordCount(p.text) < 3 || strings.HasPrefix(p.text, "http") || strings.HasPrefix(p.text, "www.") {
		return false
	}
	if p.linkShare >= 0 {
		return p.linkShare >= 0.6
	}
	return isUnpunctuated(p.text)
}

// wordCount counts words, estimating them for scripts written without
// spaces (three characters a word).
func wordCount(s string) int {
	n := countFields(s)
	if est := utf8.RuneCountInString(s) / 3; n*4 < est {
		return est
	}
	return n
}

// isUnpunctuated: at most 25 words and no closing punctuation, the shape of
// a headline or teaser rather than a paragraph of prose.
func isUnpunctuated(s string) bool {
	if moreFields(s, 25) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".!?…:;\"”»)]'’。！？」』", last)
}

// isTitleCopy reports whether s repeats the page title: its words are all
// in the title and make up at least half of it (titles often carry a
// " - Site" suffix).
func isTitleCopy(s, title string) bool {
	sw, tw := words(strings.ToLower(s)), words(strings.ToLower(title))
	if len(sw) == 0 || len(sw)*2 < len(tw) || len(sw) > len(tw)+2 {
		return false
	}
	in := map[string]int{}
	for _, w := range tw {
		in[w]++
	}
	miss := 0
	for _, w := range sw {
		if in[w] > 0 {
			in[w]--
		} else {
			miss++
		}
	}
	return miss*10 <= len(sw)
}

var (
	reByline    = gate(`^(?i:by|von|par|por|di|автор:?|від)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s*(?:,|and|&|und|et|y|e)\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})*\s*$`, startsWith("bvpd"))
	reDateLabel = gate(`(?i)^(?:published|updated|posted|last updated|last modified|modified|date|publicado|atualizado|actualizado|publié|mis à jour|veröffentlicht|aktualisiert|опубликовано|обновлено|опубліковано|оновлено)(?:\s+(?:on|at|em|el|le|am))?\s*:?\s*`, startsWith("pulmdav"))
	reReadTime  = gate(`(?i)^(?:(?:(?:estimated )?read(?:ing)? time|tempo de leitura|tiempo de lectura|temps de lecture|lesezeit|tempo di lettura|время чтения|час читання)\s*:?\s*(?:about |~)?\d+|\d+\s*(?:-|–)?\s*min(?:ute)?s?\.?\s+read$)`, startsWith("ertl0123456789"))
	reNumDate   = gate(`\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b`, func(s string) bool { return strings.ContainsAny(s, "./-") })
	reClock     = gate(`\b\d{1,2}:\d\d\b`, has(":"))
	reMetaLine  = gate(`(?i)^(?:tags|tagged|tagged with|filed under|categories|category|topics|keywords|schlagwörter|теги|мітки)\s*(?::|\||$)`, startsWith("tfcks"))
	rePromo     = gate(`(?i)\b(?:click here|subscribe (?:to|now|for)|sign up (?:for|to|now)|signing up|follow [\w@'’ ]{1,40} on (?:twitter|facebook|instagram|x|telegram|youtube)|follow .{1,60} at https?://|download (?:the|our) [\w ]{0,30}app|get the [\w ]{1,30} app|log ?in to (?:post|comment|reply)|click to tweet|continue reading below|by clicking here|share this (?:article|story|post)|thanks for signing up|already a subscriber)\b`, mayBePromo)
)

// isByline: "By Jane Roe" or "By Jane Roe and John Doe", alone on a line.
func isByline(s string) bool {
	return reByline.may(s) && !moreFields(s, 10) && reByline.MatchString(s)
}

// isDateLine: a short line that is mostly a date or time ("Updated at 1:23
// p.m.", "22 de outubro de 2010 às 20:13", "05/10/2018 - Publicado por: …",
// "Sept. 24, 2025"): it parses as a date, or it has a clock time or a
// numeric date and few long words.
func isDateLine(s string) bool {
	if moreFields(s, 12) {
		return false
	}
	s = reDateLabel.ReplaceAllString(s, "")
	if _, ok := parseDate(s, 0); ok {
		return true
	}
	if t, ok := EstimateDate(s); ok && !t.IsZero() && wordCount(s) <= 6 {
		return true
	}
	if !reClock.MatchString(s) && !reNumDate.MatchString(s) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if last == '!' || last == '?' {
		return false
	}
	long := 0
	for _, w := range words(s) {
		if utf8.RuneCountInString(w) > 3 && !unicode.IsDigit([]rune(w)[0]) {
			long++
		}
	}
	return long <= 6
}

// nextIsLink reports whether the first kept paragraph of ps is a link.
func nextIsLink(ps []*para) bool {
	for _, p := range ps {
		if !p.removed {
			return p.linkShare >= 0.6
		}
	}
	return false
}

// isBreadcrumb: short items joined by "»", "›" or ">" (a navigation trail).
func isBreadcrumb(s string) bool {
	n := strings.Count(s, "»") + strings.Count(s, "›") + strings.Count(s, " > ")
	return n >= 1 && wordCount(s) <= 20 && !strings.HasSuffix(s, ".")
}

var reContact = gate(`(?i)[\w.+-]+@[\w-]+\.[\w.]+|(?:^|\s)@\w{2,}|https?://\S+|\b(?:twitter|facebook|instagram)\.com/\S+`, mayBeContact)

// isContact: a short line giving an e-mail address, a social handle or a
// web address ("Write to … at …@…", "Reach the reporter at @…", "More AP
// NBA: https://…"). Only trailing ones are removed.
func isContact(s string) bool {
	// An embedded post ends with its picture link: content, not contact.
	return wordCount(s) <= 25 && reContact.MatchString(s) && !strings.Contains(s, "pic.twitter.com")
}

// mayBeContact is false when reContact cannot match s: each alternative
// needs an "@", a "://" or a ".com/" (in any case).
func mayBeContact(s string) bool {
	return strings.IndexByte(s, '@') >= 0 || strings.Contains(s, "://") || containsFold(s, ".com/")
}

// isAddress: a web address alone on a line.
func isAddress(s string) bool {
	return !strings.ContainsAny(s, " \t") && (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www."))
}

// isKeywordList: six or more short lowercase items (at most six words)
// separated by commas, with no closing punctuation: a page's keyword or tag
// list.
func isKeywordList(s string) bool {
	if strings.Count(s, ",") < 5 {
		return false // fewer than six items
	}
	items := strings.Split(s, ",")
	if last, _ := utf8.DecodeLastRuneInString(s); len(items) < 6 || strings.ContainsRune(".!?…:;", last) {
		return false
	}
	for _, it := range items {
		it = strings.TrimSpace(it)
		if moreFields(it, 6) {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(it); unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// isMetaLine: a tag or category line ("Tags: …", "Filed under: …").
func isMetaLine(s string) bool {
	return reMetaLine.may(s) && !moreFields(s, 60) && reMetaLine.MatchString(s)
}

// isPromo: a short call to subscribe, follow, download or click, or a
// reading-time note.
func isPromo(s string) bool {
	if isASCII(s) && !reReadTime.may(s) {
		// Lower-casing ASCII goes byte by byte: the words can be looked
		// for in s, and the lower-cased text is made only when one is there.
		return !moreFields(s, 30) && promoWordSet.in(s) && rePromo.MatchString(strings.ToLower(s))
	}
	if moreFields(s, 30) {
		return false
	}
	low := strings.ToLower(s)
	if reReadTime.MatchString(low) {
		return true
	}
	// The expression is slow; run it only when one of its words is there.
	for _, w := range promoWords {
		if strings.Contains(low, w) {
			return rePromo.MatchString(low)
		}
	}
	return false
}

var promoWords = []string{"click", "subscri", "sign", "follow", "download", " app", "log", "tweet", "continue", "share", "thanks"}

var promoWordSet = newFoldSet(promoWords)

// promoLiterals are the words each alternative of rePromo starts with,
// spaces included ("share" alone is common in news, "share this " is not).
var promoLiterals = []string{
	"click ", "by clicking here", "subscribe ", "sign up ", "signing up", "follow ", "download ",
	"get the ", "login to ", "log in to ", "continue reading below", "share this ", "already a subscriber",
}

// mayBePromo is false when s cannot match rePromo: it has none of
// promoLiterals in any case (nor a letter that folds to k or s).
func mayBePromo(s string) bool {
	if hasFoldK(s) {
		return true
	}
	for _, w := range promoLiterals {
		if containsFold(s, w) {
			return true
		}
	}
	return false
}

func countKept(ps []*para) int {
	n := 0
	for _, p := range ps {
		if !p.removed {
			n++
		}
	}
	return n
}

// normKey folds a paragraph for duplicate detection.
func normKey(s string) string {
	return strings.ToLower(strings.Join(words(s), " "))
}

// isPageHeadline: a heading of 2 to 20 words that does not end like a
// sentence (a question mark is allowed, headlines ask).
func isPageHeadline(s string) bool {
	n := fieldsUpTo(s, 21)
	if n < 2 || n > 20 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".:;,•", last)
}

// isHeadline reports whether s looks like a headline: 2 to 16 words, not
// ending like a sentence.
func isHeadline(s string) bool {
	n := fieldsUpTo(s, 17)
	if n < 2 || n > 16 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	switch last {
	case '.', '!', '?', '…', ':', ';', ',', '•':
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(first) || unicode.IsDigit(first) || strings.ContainsRune("\"“‘'«", first)
}

// unglue splits a paragraph where a sentence ends and the next begins
// without a space ("broadcast Sunday.The big picture", `said."They've`),
// the trace of paragraphs joined by a feed that dropped their markup. A
// straight quote after the stop closes the sentence when one is open in it,
// else it opens the next one.
func unglue(s string) []string {
	if !mayUnglue(s) {
		return []string{strings.TrimSpace(s)}
	}
	return unglueRunes(s)
}

// unglueRunes is unglue without the gate.
func unglueRunes(s string) []string {
	var out []string
	rs := []rune(s)
	start := 0
	for i := 1; i < len(rs)-1; i++ {
		r := rs[i]
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		prev := rs[i-1]
		if !(unicode.IsLower(prev) || unicode.IsDigit(prev) || prev == ')') {
			continue
		}
		j := i + 1
		for j < len(rs) && strings.ContainsRune("”’»)", rs[j]) {
			j++
		}
		if j < len(rs) && rs[j] == '"' && openQuote(rs[start:j]) {
			j++
		}
		if j >= len(rs) {
			break
		}
		next := rs[j]
		ok := unicode.IsUpper(next)
		if !ok && strings.ContainsRune("\"“«‘", next) && j+1 < len(rs) && unicode.IsUpper(rs[j+1]) {
			ok = true
		}
		if !ok || isAbbrevBefore(rs[start:i]) {
			continue
		}
		out = append(out, strings.TrimSpace(string(rs[start:j])))
		start = j
	}
	out = append(out, strings.TrimSpace(string(rs[start:])))
	return out
}

// mayUnglue is false when unglue cannot split s: no stop after a lower-case
// letter, digit or ")" is followed by what can start a glued sentence (a closing
// bracket or quote, a quote, an upper-case letter: all non-ASCII or one of
// `)"` and A-Z). Invalid UTF-8 passes, as unglue repairs it.
func mayUnglue(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		switch s[i] {
		case '.', '!', '?':
			// The character before must be lower case, a digit or ")".
			if p := s[i-1]; p < utf8.RuneSelf && !('a' <= p && p <= 'z' || '0' <= p && p <= '9' || p == ')') {
				continue
			}
			if c := s[i+1]; c >= utf8.RuneSelf || c == ')' || c == '"' || 'A' <= c && c <= 'Z' {
				return true
			}
		}
	}
	return !utf8.ValidString(s)
}

// isAbbrevBefore reports whether the word ending at the stop is a one-letter
// or dotted abbreviation ("e.g", "a.m") rather than a sentence end.
func isAbbrevBefore(rs []rune) bool {
	k := len(rs)
	for k > 0 && !unicode.IsSpace(rs[k-1]) {
		k--
	}
	w := string(rs[k:])
	return len([]rune(w)) < 2 || strings.Contains(w, ".")
}

// openQuote reports whether seg leaves a straight double quote open. A
// quote at the start or after a space or bracket opens, any other closes.
func openQuote(seg []rune) bool {
	depth := 0
	for i, r := range seg {
		if r != '"' {
			continue
		}
		if i == 0 || unicode.IsSpace(seg[i-1]) || strings.ContainsRune("([{—–-", seg[i-1]) {
			depth++
		} else if depth > 0 {
			depth--
		}
	}
	return depth > 0
}

// A photo gallery flattened into text gives one paragraph per slide: the
// gallery's label, the caption and the viewer's counter ("Photos: Storm
// hits the coast People wade through a flooded street. Hide Caption 3 of
// 12"). The counter ends a slide; the label is the words every slide
// starts with.
var reSlideCounter = regexp.MustCompile(`\s*\b(?i:hide caption)\s+\d{1,4}\s+of\s+\d{1,4}\s*$`)

// splitGallery takes photo-gallery slides apart. Beside an article of its
// own (two or more other paragraphs) a slide is debris as a whole; when the
// gallery is the article, each caption stays as a paragraph and only the
// label and the counter go to Removed.
func splitGallery(ps []*para) []*para {
	var slides []int
	for i, p := range ps {
		if last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(p.text)); last >= '0' && last <= '9' && reSlideCounter.MatchString(p.text) {
			slides = append(slides, i)
		}
	}
	if len(slides) == 0 {
		return ps
	}
	if len(ps)-len(slides) >= 2 {
		for _, i := range slides {
			ps[i].removed = true
		}
		return ps
	}
	label := ""
	if len(slides) >= 2 {
		texts := make([]string, len(slides))
		for k, i := range slides {
			texts[k] = ps[i].text
		}
		label = commonWordPrefix(texts, 15)
	}
	out := make([]*para, 0, len(ps)+2*len(slides))
	for i, p := range ps {
		if !slices.Contains(slides, i) {
			out = append(out, p)
			continue
		}
		loc := reSlideCounter.FindStringIndex(p.text)
		body, counter := p.text[:loc[0]], strings.TrimSpace(p.text[loc[0]:])
		if label != "" && strings.HasPrefix(body, label) {
			out = append(out, &para{text: label, linkShare: p.linkShare, removed: true})
			body = body[len(label):]
		}
		if body = strings.TrimSpace(body); body != "" {
			out = append(out, &para{text: body, linkShare: p.linkShare, heading: p.heading})
		}
		out = append(out, &para{text: counter, linkShare: p.linkShare, removed: true})
	}
	return out
}

// commonWordPrefix returns the words all texts start with (at most max
// words, never all the words of a text), or "".
func commonWordPrefix(texts []string, max int) string {
	first := strings.Fields(texts[0])
	n := min(len(first)-1, max)
	for _, t := range texts[1:] {
		f := strings.Fields(t)
		m := 0
		for m < n && m < len(f)-1 && f[m] == first[m] {
			m++
		}
		n = m
	}
	if n <= 0 {
		return ""
	}
	return strings.Join(first[:n], " ")
}

// rePhotoCredit is a photo credit closing a paragraph: "(Photo: Jane Roe,
// AP)", "(Photo by Jane Roe/Getty Images)", "(Foto: dpa)", "(Фото: ТАСС)",
// optionally followed by one more short parenthesis (the agency).
var rePhotoCredit = regexp.MustCompile(`\((?i:photos?|pictures?|images?|foto|fotos|bild|фото|світлина)\s*(?::|by\b|courtesy\b|credit\s*:)[^()]{0,160}\)(?:\s*\([^()]{1,60}\))?\s*$`)

// isPhotoCaption: a paragraph of at most 80 words that ends with a photo
// credit is the caption of a picture, not prose.
func isPhotoCaption(s string) bool {
	return endsWithParen(s) && !moreFields(s, 80) && rePhotoCredit.MatchString(s)
}

// endsWithParen is the cheap test before the credit expression: a credit
// closes its paragraph with a parenthesis.
func endsWithParen(s string) bool {
	return strings.HasSuffix(strings.TrimRightFunc(s, unicode.IsSpace), ")")
}

// splitCredits cuts the photo credit off a paragraph too long to be a
// caption (a caption glued to the text that follows it): the credit goes
// to Removed, the words before it stay.
func splitCredits(ps []*para) []*para {
	var out []*para
	for i, p := range ps {
		var loc []int
		if endsWithParen(p.text) {
			loc = rePhotoCredit.FindStringIndex(p.text)
		}
		if loc == nil || p.removed || isPhotoCaption(p.text) || loc[0] == 0 {
			if out != nil {
				out = append(out, p)
			}
			continue
		}
		if out == nil {
			out = append(make([]*para, 0, len(ps)+1), ps[:i]...)
		}
		credit := p.text[loc[0]:]
		p.text = strings.TrimSpace(p.text[:loc[0]])
		out = append(out, p, &para{text: credit, linkShare: p.linkShare, removed: true})
	}
	if out == nil {
		return ps
	}
	return out
}

// hasProseBeside reports whether some paragraph not yet removed is not of
// the kind rule matches, so removing those leaves an article.
func hasProseBeside(ps []*para, rule func(string) bool) bool {
	for _, p := range ps {
		if !p.removed && !rule(p.text) {
			return true
		}
	}
	return false
}

// reVideoBlurb is the label of a video player's close button followed by
// the video's description, which a page puts before the article ("CLOSE
// Sheila E. says …").
var reVideoBlurb = gate(`^CLOSE\s+[\p{Lu}"“'‘(]`, func(s string) bool { return strings.HasPrefix(s, "CLOSE") })

// isVideoBlurb: a leading paragraph that starts with the upper-case label
// CLOSE and then a capitalised word (a lede "CLOSE to 100 people" is not
// one).
func isVideoBlurb(s string) bool {
	return reVideoBlurb.MatchString(s)
}

// isLogo: a short line (at most five words) ending or starting with "logo".
func isLogo(s string) bool {
	if moreFields(s, 5) {
		return false // lower-casing keeps the spaces: the same count
	}
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 0 || len(f) > 5 {
		return false
	}
	return strings.TrimRight(f[len(f)-1], ".:") == "logo" || f[0] == "logo" || f[0] == "logo:"
}

// logoName returns the site name a logo line carries ("cupure logo").
func logoName(s string) string {
	f := strings.Fields(s)
	if len(f) < 2 {
		return ""
	}
	if strings.EqualFold(f[0], "logo") || strings.EqualFold(f[0], "logo:") {
		return strings.Join(f[1:], " ")
	}
	return strings.Join(f[:len(f)-1], " ")
}

// isTagSoup: one long lowercase token with no spaces, made only of letters,
// the residue of a tag cloud whose links lost their separators
// ("trumpukrainegazamilitary…"). No word of a natural language runs to 20
// lowercase letters on a line of its own.
func isTagSoup(s string) bool {
	if strings.ContainsAny(s, " \t") || utf8.RuneCountInString(s) < 20 {
		return false
	}
	for _, r := range s {
		if !unicode.IsLower(r) && !unicode.IsDigit(r) && r != '-' {
			return false
		}
	}
	return true
}

// linkLabels open a line that points to another article.
var linkLabels = []string{
	"read also", "also read", "read more", "see also", "related", "related articles", "related article",
	"related stories", "related story", "related news", "related sources", "related coverage",
	"related content", "related links", "recommended", "recommended reading", "you may also like",
	"you might also like", "more on this", "more on this story", "further reading", "watch",
	"watch also", "listen", "read next", "must read", "don't miss", "editor's picks", "top stories",
	"trending", "popular", "most read", "also", "more", "see more", "explore further", "leggi anche", "ler também",
	"leia também", "veja também", "lee también", "voir aussi", "mehr zum thema", "auch interessant", "читайте також", "читайте также", "читайте тоже",
	"дивіться також", "смотрите также", "по теме", "на тему", "lesen sie auch", "lire aussi", "leer más",
}

// linkLabelStarts are the first bytes of linkLabels (non-ASCII ones pass
// mayStart anyway).
var linkLabelStarts = func() string {
	var b []byte
	for _, l := range linkLabels {
		if c := l[0]; c < utf8.RuneSelf && bytes.IndexByte(b, c) < 0 {
			b = append(b, c)
		}
	}
	return string(b)
}()

// linkLabelsBy are the link labels by first byte, in their order.
var linkLabelsBy = func() (by [utf8.RuneSelf][]string) {
	for _, l := range linkLabels {
		if c := l[0]; c < utf8.RuneSelf {
			by[c] = append(by[c], l)
		}
	}
	return by
}()

// isLinkLine: a label such as "Read also" either alone or followed by a
// colon, dash or pipe and a short rest (a headline, not a paragraph).
func isLinkLine(s string) bool {
	trimmed := strings.TrimLeft(s, "[(<»>-–—*• ")
	if !mayStart(trimmed, linkLabelStarts) || moreFields(s, 40) {
		return false
	}
	s = trimmed
	labels := linkLabels
	if s != "" && s[0] < utf8.RuneSelf {
		// Lower-casing maps an ASCII first byte to its lower case: only
		// the labels that start with it can match.
		c := s[0]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		labels = linkLabelsBy[c]
	}
	low := "" // strings.ToLower(s), made when a label may match
	for _, l := range labels {
		if len(s) < len(l) {
			// Lower-casing may lengthen s: only the lower-cased text tells.
		} else if head := s[:len(l)]; isASCII(head) {
			// An ASCII start lower-cases byte by byte.
			if !asciiEqualFold(head, l) {
				continue
			}
		}
		if low == "" {
			low = strings.ToLower(s)
		}
		if !strings.HasPrefix(low, l) {
			continue
		}
		rest := strings.TrimSpace(low[len(l):])
		if rest == "" || rest == ":" || rest == "..." || rest == "…" {
			return true
		}
		if strings.ContainsAny(rest[:1], ":|—–-»>") {
			return true
		}
		// "DON'T MISSPlague…": a capitalised label glued to a headline.
		if head := s[:len(l)]; strings.ToUpper(head) == head && strings.ToLower(head) != head {
			if r, _ := utf8.DecodeRuneInString(s[len(l):]); unicode.IsUpper(r) {
				return true
			}
		}
	}
	return false
}

// isSectionLabel: a short line (at most four words, 40 characters) with no
// sentence punctuation and no digits, such as "Comments", "Similar News",
// "World news", "Related Sources:". Only trailing ones are removed.
func isSectionLabel(s string) bool {
	if utf8.RuneCountInString(s) > 40 || moreFields(s, 4) {
		return false
	}
	for _, r := range s {
		if unicode.IsDigit(r) || strings.ContainsRune(".!?\"“”,;", r) {
			return false
		}
	}
	first, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(first)
}

// isBulletList: a line of short items separated by bullets ("• Source 1 •
// Source 2"), a list of links.
func isBulletList(s string) bool {
	if !strings.ContainsAny(s, "•·▪|") {
		return false // one item and no leading bullet
	}
	items := strings.FieldsFunc(s, func(r rune) bool { return r == '•' || r == '·' || r == '▪' || r == '|' })
	if len(items) < 2 && !strings.HasPrefix(s, "•") {
		return false
	}
	for _, it := range items {
		if moreFields(it, 8) {
			return false
		}
	}
	return true
}

// splitHeadlines splits a run of headlines glued without separators at
// each lower-to-upper case change ("guaranteesWhy the…").
func splitHeadlines(s string) []string {
	var out []string
	rs := []rune(strings.TrimSpace(s))
	start := 0
	for i := 1; i < len(rs); i++ {
		// "McDonald" stays whole: the lowercase run before must be two letters or more.
		if i >= 2 && unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i-1]) && unicode.IsLower(rs[i-2]) {
			out = append(out, strings.TrimSpace(string(rs[start:i])))
			start = i
		}
	}
	out = append(out, strings.TrimSpace(string(rs[start:])))
	res := out[:0]
	for _, h := range out {
		if h != "" {
			res = append(res, h)
		}
	}
	return res
}
