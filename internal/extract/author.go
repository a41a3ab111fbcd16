package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/outlet"
)

// maxAuthors bounds how many names one article credits.
const maxAuthors = 12

// Authors turns the author names a crawler or a page's metadata gives
// (news-please "authors", meta author) into the article's author field:
// names joined by ", ", in order, each once; an entry holding several names
// separated by commas or semicolons is split. Crawlers fill the list with
// whatever sits near the byline, so an entry is kept only when it reads as
// a person's name or a news agency:
//
//   - "By", "Written by" and "More stories" are cut from the front, and "for
//     <outlet>" ("Jane Roe For Mailonline") and "is a …" ("Jane Roe Is A
//     Staff Reporter") from the back;
//   - a news agency of the registry ("Associated Press", "The Associated
//     Press") is kept under its registry name: an agency byline says who
//     wrote the text (see Attribute);
//   - dropped: other outlet names and entries starting with one ("Abc
//     News", "Reuters In Berlin", "Telegraph View"), web and e-mail
//     addresses, job titles and page labels (an entry with a word such as
//     reporter, editor, staff, published, image: "Technology
//     Correspondent", "Published P.M. Et Nov.", "Getty Images"), single
//     words ("Jan", "Image"), entries of more than five words or ending
//     like a sentence, entries with digits, and an entry that only glues
//     two others together ("Neil Callanan Michael J Moore").
func Authors(names []string) string {
	var split []string
	for _, raw := range names {
		split = append(split, strings.FieldsFunc(raw, func(r rune) bool { return r == ',' || r == ';' })...)
	}
	var kept []string
	seen := map[string]bool{}
	for _, raw := range split {
		n := authorName(raw)
		if n == "" {
			continue
		}
		k := strings.ToLower(n)
		if seen[k] {
			continue
		}
		seen[k] = true
		kept = append(kept, n)
	}
	out := kept[:0]
	for _, n := range kept {
		if !gluesTwo(n, kept) {
			out = append(out, n)
		}
	}
	if len(out) > maxAuthors {
		out = out[:maxAuthors]
	}
	return strings.Join(out, ", ")
}

var (
	reAuthorLead = regexp.MustCompile(`(?i)^(?:(?:written|analysis|commentary|opinion|story|text|words|reporting|report)\s+by|more\s+stories(?:\s+from)?|by|von|par|por|автор:?|від)\s+`)
	reAuthorIs   = regexp.MustCompile(`(?i)\s+(?:is|was|ist|ist\s+ein)\s+.*$`)
	reAuthorFor  = regexp.MustCompile(`(?i)\s+(?:for|für|для)\s+(\S+(?:\s+\S+){0,3})$`)
	reAuthorAddr = regexp.MustCompile(`(?i)@|\b[\p{L}\d-]+\.(?:com|org|net|co|uk|de|ru|ua|io|info|news|tv)\b`)
)

// notNameWords are words that mark an entry as a job title, a page label or
// an organisation rather than a person's name.
var notNameWords = map[string]bool{
	"reporter": true, "reporters": true, "correspondent": true, "editor": true, "editors": true, "editorial": true,
	"writer": true, "writers": true, "staff": true, "author": true, "authors": true, "columnist": true,
	"contributor": true, "contributors": true, "manager": true, "producer": true, "photographer": true,
	"image": true, "images": true, "photo": true, "photos": true, "getty": true, "shutterstock": true,
	"published": true, "updated": true, "posted": true, "read": true, "min": true, "opinion": true,
	"view": true, "views": true, "news": true, "sport": true, "sports": true, "desk": true, "team": true,
	"agency": true, "service": true, "services": true, "corporation": true, "science": true,
	"technology": true, "digital": true, "money": true, "your": true, "our": true, "more": true,
	"stories": true, "about": true, "chief": true, "senior": true, "special": true, "feature": true,
	"features": true, "media": true, "press": true, "online": true, "reader": true, "by": true, "written": true,
	"redaktion": true, "korrespondent": true, "редакция": true, "редакція": true, "корреспондент": true,
	"кореспондент": true,
}

// authorName tidies one entry, or returns "" when it is not a name.
func authorName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, " ,;:|·•-–—")
	if s == "" || !utf8.ValidString(s) || len(s) > 200 {
		return ""
	}
	s = reAuthorLead.ReplaceAllString(s, "")
	// An agency byline keeps its registry name.
	if o, ok := outlet.Default().Resolve(s); ok {
		if o.Kind == outlet.KindWire {
			return o.Name
		}
		return ""
	}
	s = reAuthorIs.ReplaceAllString(s, "")
	s = cutTrailingNotName(s)
	if m := reAuthorFor.FindStringSubmatchIndex(s); m != nil {
		tail := s[m[2]:m[3]]
		if _, ok := outlet.Default().Resolve(tail); ok || reAuthorAddr.MatchString(tail) {
			s = s[:m[0]]
		}
	}
	if reAuthorAddr.MatchString(s) {
		return ""
	}
	f := strings.Fields(s)
	if len(f) < 2 || len(f) > 5 {
		return ""
	}
	if last, _ := utf8.DecodeLastRuneInString(s); last == '.' && !isInitial(f[len(f)-1]) || last == '!' || last == '?' {
		return ""
	}
	for i, w := range f {
		if strings.ContainsFunc(w, unicode.IsDigit) {
			return ""
		}
		if notNameWords[strings.ToLower(strings.Trim(w, ".,"))] {
			return ""
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !particle(w, i, len(f)) {
			return ""
		}
	}
	if strings.EqualFold(f[0], "the") || strings.EqualFold(f[0], "a") || strings.EqualFold(f[0], "an") {
		return ""
	}
	// An entry that starts with an outlet's name is a desk or a label
	// ("Reuters In Berlin", "Telegraph View", "Fox Sports Wisconsin").
	for n := len(f) - 1; n >= 1; n-- {
		if _, ok := outlet.Default().Resolve(strings.Join(f[:n], " ")); ok {
			return ""
		}
	}
	return titleCaseShouting(s)
}

// dateWords are weekday and month names a page glues to a byline ("Jane
// Roe Monday", "Jane Roe November"); May and March are left out, they end
// names too.
var dateWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "april": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true,
}

// cutTrailingNotName cuts what a page glues after a name: weekday and month
// names ("Jane Roe Monday") and a news agency ("Jane Roe Associated
// Press"), as long as two words are left.
func cutTrailingNotName(s string) string {
	f := strings.Fields(s)
	for len(f) > 2 && dateWords[strings.ToLower(strings.Trim(f[len(f)-1], ".,"))] {
		f = f[:len(f)-1]
	}
	for n := min(3, len(f)-2); n >= 1; n-- {
		if o, ok := outlet.Default().Resolve(strings.Join(f[len(f)-n:], " ")); ok && o.Kind == outlet.KindWire {
			f = f[:len(f)-n]
			break
		}
	}
	return strings.Join(f, " ")
}

// titleCaseShouting writes a name set in capitals ("JANE ROE") in title
// case ("Jane Roe"); initials ("J.K.") and mixed-case names stay.
func titleCaseShouting(s string) string {
	if strings.ToUpper(s) != s || strings.ToLower(s) == s {
		return s
	}
	f := strings.Fields(s)
	for i, w := range f {
		if isInitial(w) {
			continue
		}
		rs := []rune(strings.ToLower(w))
		up := true
		for j, r := range rs {
			if up && unicode.IsLetter(r) {
				rs[j] = unicode.ToUpper(r)
			}
			up = r == '-' || r == '\'' || r == '’'
		}
		f[i] = string(rs)
	}
	return strings.Join(f, " ")
}

// isInitial reports whether w is an initial ("E.", "K.K.").
func isInitial(w string) bool {
	w = strings.ReplaceAll(w, ".", "")
	return w != "" && utf8.RuneCountInString(w) <= 2 && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsUpper(r) }) < 0
}

// particle reports whether a lower-case word inside a name is a name
// particle ("de", "van", "bin"), never first or last.
func particle(w string, i, n int) bool {
	if i == 0 || i == n-1 {
		return false
	}
	switch w {
	case "de", "da", "del", "della", "der", "den", "van", "von", "le", "la", "du", "bin", "al", "ibn", "y", "e", "zu", "ter":
		return true
	}
	return false
}

// gluesTwo reports whether n is two other kept names written one after
// the other.
func gluesTwo(n string, all []string) bool {
	for _, a := range all {
		if a == n || !strings.HasPrefix(n, a+" ") {
			continue
		}
		rest := strings.TrimPrefix(n, a+" ")
		for _, b := range all {
			if b == rest {
				return true
			}
		}
	}
	return false
}

// bylineAuthors reads the names of a byline line ("By Jane Roe and John
// Doe"), or "" when it names none.
func bylineAuthors(s string) string {
	s = reAuthorLead.ReplaceAllString(strings.TrimSpace(s), "")
	s = strings.NewReplacer(" and ", ",", " & ", ",", " und ", ",", " et ", ",", " y ", ",", " і ", ",", " и ", ",").Replace(s)
	return Authors(strings.Split(s, ","))
}
