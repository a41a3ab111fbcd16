package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/outlet"
)

// origins collects what a text says about where it comes from. Each field
// is filled by one kind of evidence; result ranks them.
type origins struct {
	feed       string // "From X via this RSS feed", "The post … appeared first on X"
	noticeBy   string // first outlet named in a courtesy/copyright notice
	noticeAlt  string // another outlet the notice names (the republisher)
	wire       string // "Reporting by AFP", "The Associated Press contributed"
	more       string // "More from X:"
	datelineBy string // "KYIV (Reuters) -"
	host       string // the site whose logo heads the text
}

// result returns the origin outlet and, where a different one is named,
// the republisher.
func (o *origins) result() (origin, republisher string) {
	for _, s := range []string{o.feed, o.noticeBy, o.wire, o.more, o.datelineBy} {
		if s != "" {
			origin = s
			break
		}
	}
	if origin == "" {
		return "", ""
	}
	for _, s := range []string{o.noticeAlt, o.host} {
		if s != "" && !sameOutlet(s, origin) {
			return origin, s
		}
	}
	return origin, ""
}

func sameOutlet(a, b string) bool {
	na, nb := normKey(a), normKey(b)
	na, nb = strings.TrimPrefix(na, "the "), strings.TrimPrefix(nb, "the ")
	return na == nb || strings.ReplaceAll(na, " ", "") == strings.ReplaceAll(nb, " ", "")
}

var (
	reFromRSS      = gate(`(?i)^from\s+(.{2,120}?)\s+via\s+(?:this|the|their|its|an?)\s+(?:rss|atom)?\s*feed\.?$`, func(s string) bool { return mayStart(s, "f") && containsFold(s, "via") && containsFold(s, "feed") })
	rePostAppeared = gate(`(?i)^the post\s+.{1,400}?\s+appeared first on\s+(.{2,80}?)\.?$`, func(s string) bool { return mayStart(s, "t") && (hasFoldK(s) || containsFold(s, "appeared first on")) })
	reOriginally   = gate(`(?i)^(?:this|the)\s+(?:article|story|post|piece|report|content)\s+(?:was\s+)?(?:originally\s+|first\s+)?(?:published|appeared|posted)\s+(?:on|in|by|at)\s+(.{2,80}?)(?:\s+on\s+.{2,40})?\.?$`, func(s string) bool {
		return mayStart(s, "t") && (hasFoldK(s) || containsFold(s, "published") || containsFold(s, "appeared") || containsFold(s, "posted"))
	})
	reReportingBy = gate(`(?i)^\(?\s*(?:additional\s+)?reporting\s+by\s+(.{2,200}?)(?:\s+(?:also\s+)?contributed\b.*|\s*[;)].*|\.)?$`, startsWith("( \t\n\f\rar"))
	reContributed = gate(`(?i)^(?:the\s+)?(.{2,300}?)\s+(?:also\s+)?contributed\s+(?:reporting|(?:reporting\s+)?to\s+(?:this|the)\s+(?:report|article|story))\b.{0,80}$`, func(s string) bool { return containsFold(s, "contributed") })
	reWithAgency  = gate(`(?i)^(?:with|source:?|—|–|-)\s*(.{2,40}?)\.?$`, startsWith("ws-"))
	reEditingBy   = gate(`(?i)^\(?\s*(?:editing|writing|compiled|additional reporting|translated|translation)\s+by\s+.{2,120}\)?\.?$`, startsWith("( \t\n\f\rewcat"))
	reMoreFrom    = gate(`^More (?:from|stories from|news from) (\p{Lu}[\p{L}\p{N}&.'’ -]{0,40}?)\s*:\s*(.*)$`, func(s string) bool { return strings.HasPrefix(s, "More ") })
	reMoreFromIn  = regexp.MustCompile(`More (?:from|stories from|news from) \p{Lu}[\p{L}\p{N}&.'’ -]{0,40}?\s*:`)
	reDateline    = gate(`^\p{Lu}[\p{L} .,'’/-]{1,60}?\s*\(([\p{L}&.' -]{2,40})\)\s*[-–—]`, mayBeDateline)
	reDomain      = regexp.MustCompile(`(?i)\b(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+(?:com|org|net|ru|ua|uk|news|info|io|co|de|fr|eu|us|tv|ca|au|in|media|online|today|press))\b`)
	reCopyrightBy = regexp.MustCompile(`(?i)(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?,?\s*(\p{Lu}[\p{L}\p{N}&.'’ -]{1,40}?)(?:[.,;]|\s+all rights|$)`)
)

// feedAttribution recognises a line that says which outlet's feed the text
// came through and records that outlet.
func (o *origins) feedAttribution(s string) bool {
	if len(s) > 600 {
		return false
	}
	for _, re := range []*gated{reFromRSS, rePostAppeared, reOriginally} {
		if m := re.FindStringSubmatch(s); m != nil {
			if name := outletName(m[1]); name != "" && o.feed == "" {
				o.feed = name
			}
			return true
		}
	}
	return false
}

// noticeSignals mark copyright, courtesy and republication notices.
var noticeSignals = []string{
	"©", "copyright", "all rights reserved", "courtesy of", "rss feed", "educational purposes",
	"fair use", "may not be published", "may not be reproduced", "may not be redistributed",
	"without permission", "without prior", "owned by", "made available", "content removed",
	"terms of use", "terms of service", "privacy policy", "republished", "reproduced with",
	"subscribe", "newsletter", "sign up",
}

var noticeSet = newFoldSet(noticeSignals)

// notice recognises a trailing copyright or courtesy notice: two different
// signals, or one in a short line. The first outlet it names is the origin,
// a second one the republisher.
func (o *origins) notice(s string) bool {
	var low string
	n := 0
	if isASCII(s) {
		// Lower-casing ASCII goes byte by byte: count the signals in s.
		n = noticeSet.count(s)
	} else {
		low = strings.ToLower(s)
		for _, sig := range noticeSignals {
			if strings.Contains(low, sig) {
				n++
			}
		}
	}
	if !(n >= 2 || n == 1 && !moreFields(s, 20)) {
		return false
	}
	if low == "" {
		low = strings.ToLower(s)
	}
	if strings.Contains(low, "©") || strings.Contains(low, "copyright") || strings.Contains(low, "courtesy") || strings.Contains(low, "rss") {
		var names []string
		for _, m := range reDomain.FindAllStringSubmatch(s, -1) {
			if name := outletName(m[1]); name != "" {
				names = append(names, name)
			}
		}
		if len(names) == 0 {
			if m := reCopyrightBy.FindStringSubmatch(s); m != nil {
				if name := outletName(m[1]); name != "" {
					names = append(names, name)
				}
			}
		}
		if len(names) > 0 && o.noticeBy == "" {
			o.noticeBy = names[0]
			for _, n := range names[1:] {
				if !sameOutlet(n, names[0]) {
					o.noticeAlt = n
					break
				}
			}
		}
	}
	return true
}

// wireCredit recognises a short credit line ("Reporting by AFP also
// contributed to this article.", "(Editing by …)") and records a news agency
// it names.
func (o *origins) wireCredit(s string) bool {
	if moreFields(s, 40) {
		return false
	}
	for _, re := range []*gated{reReportingBy, reContributed} {
		if m := re.FindStringSubmatch(s); m != nil {
			for _, name := range splitNames(m[1]) {
				if a := agencyIn(name); a != "" && o.wire == "" {
					o.wire = a
				}
			}
			return true
		}
	}
	if m := reWithAgency.FindStringSubmatch(s); m != nil && isAgency(strings.TrimSpace(m[1])) {
		if o.wire == "" {
			o.wire = strings.TrimSpace(m[1])
		}
		return true
	}
	return reEditingBy.MatchString(s)
}

// moreFrom recognises a "More from X:" block of related headlines; X is
// the outlet the text comes from.
func (o *origins) moreFrom(s string) ([]string, bool) {
	m := reMoreFrom.FindStringSubmatch(s)
	if m == nil {
		return nil, false
	}
	if o.more == "" {
		o.more = strings.TrimSpace(m[1])
	}
	parts := []string{strings.TrimSpace(strings.TrimSuffix(s, m[2]))}
	if rest := strings.TrimSpace(m[2]); rest != "" {
		parts = append(parts, splitHeadlines(rest)...)
	}
	return parts, true
}

// cutMoreFrom splits a last paragraph that has a "More from X:" block glued
// to its end: the paragraph before it, and the block's items.
func (o *origins) cutMoreFrom(s string) (before string, parts []string, ok bool) {
	loc := reMoreFromIn.FindStringIndex(s)
	if loc == nil || loc[0] == 0 {
		return "", nil, false
	}
	before = strings.TrimSpace(s[:loc[0]])
	parts, ok = o.moreFrom(s[loc[0]:])
	if !ok || before == "" {
		return "", nil, false
	}
	return before, parts, true
}

// dateline records the agency of a wire dateline ("KYIV (Reuters) -").
func (o *origins) dateline(s string) {
	if m := reDateline.FindStringSubmatch(s); m != nil && isAgency(strings.TrimSpace(m[1])) {
		o.datelineBy = strings.TrimSpace(m[1])
		return
	}
	if m := reDatelineDated.FindStringSubmatch(s); m != nil {
		for _, g := range m[1:] {
			if g = strings.TrimSpace(g); g != "" && isAgency(g) {
				o.datelineBy = g
				return
			}
		}
	}
}

// reDatelineDated is the dateline of agencies that put the date before
// their name, as Russian and Ukrainian agencies do: "МОСКВА, 3 дек — РИА
// Новости.", "МОСКВА, 3 декабря. /ТАСС/.", "КИЇВ, 2 грудня — УНІАН.",
// "Москва. 3 декабря. INTERFAX.RU -". The place is in capitals or
// capitalised, the date is a day and a month name.
var reDatelineDated = gate(`^\p{Lu}[\p{L} .'’-]{1,40}?[,.]\s+\d{1,2}\s+\p{L}{3,10}\.?(?:\s+\d{4})?(?:\s*[—–-]\s*([\p{L} .-]{2,30}?)\s*[.:]|[.,]?\s*/([\p{L} .-]{2,30})/|[.,]?\s+(INTERFAX)\.RU\b)`, func(s string) bool {
	return startsUpper(s) && strings.ContainsAny(s, "0123456789")
})

// startsUpper reports whether s starts with an upper-case letter (\p{Lu}).
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// mayBeDateline is the gate of reDateline: an upper-case letter first and
// a closing parenthesis followed by spaces and a dash.
func mayBeDateline(s string) bool {
	if !startsUpper(s) {
		return false
	}
	for i := strings.IndexByte(s, ')'); i >= 0; {
		rest := strings.TrimLeft(s[i+1:], " \t\n\f\r")
		if strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "—") {
			return true
		}
		j := strings.IndexByte(s[i+1:], ')')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// agencies are the news agencies a credit line may name.
var agencies = map[string]bool{
	"afp": true, "agence france-presse": true, "agence france presse": true, "ap": true,
	"associated press": true, "the associated press": true, "reuters": true, "thomson reuters": true,
	"bloomberg": true, "dpa": true, "deutsche presse-agentur": true, "ansa": true, "efe": true,
	"xinhua": true, "tass": true, "ria novosti": true, "interfax": true, "ukrinform": true,
	"unian": true, "kyodo": true, "kyodo news": true, "yonhap": true, "pti": true, "ani": true,
	"ians": true, "upi": true, "anadolu": true, "anadolu agency": true, "pap": true, "ctk": true,
	"apa": true, "belga": true, "риа новости": true, "интерфакс": true, "интерфакс-украина": true,
	"інтерфакс-україна": true, "уніан": true, "укрінформ": true, "укринформ": true, "тасс": true,
}

// isAgency reports whether name is a known agency or an all-capital
// acronym of two to six letters (AFP, AP, UNIAN).
func isAgency(name string) bool {
	name = strings.TrimSpace(name)
	if agencies[strings.ToLower(name)] {
		return true
	}
	if n := len([]rune(name)); n < 2 || n > 6 {
		return false
	}
	for _, r := range name {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// agencyIn returns the agency a credited name is or starts with
// ("Associated Press writers Alan Fram" → "Associated Press"), or "".
func agencyIn(name string) string {
	if isAgency(name) {
		return name
	}
	f := strings.Fields(name)
	for n := min(len(f), 4); n >= 1; n-- {
		if cand := strings.Join(f[:n], " "); agencies[strings.ToLower(cand)] {
			return cand
		}
	}
	return ""
}

// splitNames splits "AFP and Reuters" or "Jane Doe, John Roe" into names.
func splitNames(s string) []string {
	s = strings.NewReplacer(" and ", ",", " & ", ",", ";", ",").Replace(s)
	var out []string
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(strings.Trim(strings.TrimSpace(p), ".()"))
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// outletName tidies an outlet as a text names it: a tagline after a dash or
// bar is cut ("The Kyiv Independent - News from Ukraine" → "The Kyiv
// Independent"), and a web address becomes the registry name of its site
// ("https://www.rt.com" → "RT", "USSANews.com" → "USSANews") or, for a site
// the registry does not know, its host ("news.example.org"): a guessed
// short name could be taken for another outlet's alias.
func outletName(s string) string {
	s = strings.TrimSpace(s)
	for _, sep := range []string{" - ", " – ", " — ", " | ", ": "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	s = strings.Trim(s, " .,;:\"'“”")
	if m := reDomain.FindStringSubmatch(s); m != nil && fieldsUpTo(s, 2) == 1 {
		return outlet.Name(strings.ToLower(m[1]))
	}
	if moreFields(s, 8) {
		return ""
	}
	return s
}

// Attribute settles who published an article and who wrote it, by the
// outlet registry's names (outlet.Name: "AP", "apnews.com" and "The
// Associated Press" are all "Associated Press"; an outlet the registry does
// not know keeps its name, a bare domain becomes its host without "www.").
// The caller sets Outlet (the site that served this copy, the feed, or the
// user's --outlet) before calling; afterwards:
//
//   - Outlet is the registry name of who published this copy;
//   - OriginOutlet is who wrote the text first: the outlet the text names
//     (a feed line, a notice, a wire credit or dateline), else a news
//     agency that is the article's only author ("Associated Press" on a
//     Daily Mail page), else Outlet itself; empty only when the article
//     names no outlet at all;
//   - Republisher is the outlet that carried another's text: the one the
//     text names as republisher, else Outlet when it differs from the
//     origin; empty when the origin published it itself. It never equals
//     OriginOutlet, so no page shows "X via X".
func Attribute(a news.Article) news.Article {
	reg := outlet.Default()
	a.Outlet = reg.Name(a.Outlet)
	a.OriginOutlet = reg.Name(a.OriginOutlet)
	a.Republisher = reg.Name(a.Republisher)
	if a.OriginOutlet == "" {
		a.OriginOutlet = agencyAuthor(reg, a.Author)
	}
	if a.OriginOutlet == "" {
		a.OriginOutlet = a.Outlet
	}
	if a.Republisher == a.OriginOutlet {
		a.Republisher = ""
	}
	if a.Republisher == "" && a.Outlet != a.OriginOutlet {
		a.Republisher = a.Outlet
	}
	return a
}

// agencyAuthor returns the news agency an author field consists of
// ("Associated Press", "AFP, Reuters": the first), or "" when any name in
// it is not an agency.
func agencyAuthor(reg *outlet.Registry, author string) string {
	if strings.TrimSpace(author) == "" {
		return ""
	}
	first := ""
	for _, n := range strings.Split(author, ",") {
		o, ok := reg.Resolve(strings.TrimSpace(n))
		if !ok || o.Kind != outlet.KindWire {
			return ""
		}
		if first == "" {
			first = o.Name
		}
	}
	return first
}
