package timeline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/lang/de"
	"github.com/parallax-news/parallax/internal/lang/ru"
	"github.com/parallax-news/parallax/internal/lang/uk"
	"github.com/parallax-news/parallax/internal/news"
)

// eventLang is what the timeline knows of a language other than English
// to tell an event sentence: the endings of past-tense verbs, verbs and
// auxiliaries that report events, words that end like verbs but are not,
// speech verbs and words of the future (all in internal/lang/xx).
type eventLang struct {
	pastEndings []string
	// minLen is the least length in letters of a word read by its ending.
	minLen                          int
	verbs, notVerbs, speech, future map[string]bool
	// Clause openers (see clauseWords).
	subordinators, commaOpeners, report map[string]bool
	// stamp are the words of a page's publication stamp (see boilerplate).
	stamp map[string]bool
}

var eventLangs = map[string]eventLang{
	lang.Russian: {pastEndings: ru.EventPastEndings, minLen: 4, notVerbs: ru.EventNotVerbs,
		speech: ru.EventSpeechVerbs, future: ru.DateFuture,
		subordinators: ru.EventClauseOpeners, commaOpeners: ru.EventCommaOpeners, report: ru.EventReportOpeners, stamp: ru.DateStampWords},
	lang.Ukrainian: {pastEndings: uk.EventPastEndings, minLen: 5, notVerbs: uk.EventNotVerbs,
		speech: uk.EventSpeechVerbs, future: uk.DateFuture,
		subordinators: uk.EventClauseOpeners, commaOpeners: uk.EventCommaOpeners, report: uk.EventReportOpeners, stamp: uk.DateStampWords},
	lang.German: {pastEndings: de.EventPastEndings, minLen: 5, verbs: de.EventVerbs,
		notVerbs: de.EventNotVerbs, speech: de.EventSpeechVerbs, future: de.DateFuture,
		subordinators: de.EventClauseOpeners, commaOpeners: de.EventCommaOpeners, report: de.EventReportOpeners, stamp: de.DateStampWords},
}

// isEnglish reports whether an article's language gets the English rules:
// English, or unknown.
func isEnglish(code string) bool { return code == "" || code == lang.English }

// languageOf is the language an article is read in: its own, or Russian
// when it is unknown and the text is mostly Cyrillic (English rules would
// find no event in it; the Russian endings fit Ukrainian too, mostly).
func languageOf(a news.Article) string {
	if a.Language != "" {
		return a.Language
	}
	cyr, other := 0, 0
	for i, r := range a.Text {
		if i > 4096 {
			break
		}
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.IsLetter(r):
			other++
		}
	}
	if cyr > other {
		return lang.Russian
	}
	return ""
}

// eventnessIn is eventness for a language of eventLangs: a past verb read
// by its ending (written in lower case: names and German nouns are
// capitalized), an event verb or auxiliary, or a word of the future. A
// language with no resources has no event sentences: its articles add
// nothing to a timeline but what their dates say elsewhere.
func eventnessIn(toks []token, code string) verbs {
	var v verbs
	el, ok := eventLangs[code]
	if !ok {
		return v
	}
	for _, t := range toks {
		w := t.w
		if el.future[w] {
			v.future = true
		}
		isVerb := el.verbs[w] || el.speech[w]
		if !isVerb && !t.cap && !el.notVerbs[w] && utf8.RuneCountInString(w) >= el.minLen {
			for _, e := range el.pastEndings {
				if strings.HasSuffix(w, e) {
					isVerb = true
					break
				}
			}
		}
		if !isVerb {
			continue
		}
		v.event = true
		if !el.speech[w] {
			if v.stems == nil {
				v.stems = map[string]bool{}
			}
			v.stems[prefixStem(w)] = true
		}
	}
	if v.future {
		v.event = true
	}
	return v
}

// prefixStem is the stem of a word in a language the timeline has no
// stemmer for: its first five letters, which fold the case and tense
// endings of most Russian, Ukrainian and German words.
func prefixStem(w string) string {
	n := 0
	for i := range w {
		if n == 5 {
			return w[:i]
		}
		n++
	}
	return w
}
