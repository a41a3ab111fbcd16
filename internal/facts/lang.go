package facts

import (
	"maps"
	"strings"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/lang/de"
	"github.com/parallax-news/parallax/internal/lang/en"
	"github.com/parallax-news/parallax/internal/lang/ru"
	"github.com/parallax-news/parallax/internal/lang/uk"
)

// words is a set of lower-case words, some of them prefixes ("погиб*").
type words struct {
	exact    map[string]bool
	prefixes []string
}

func wordSet(list string) words {
	w := words{exact: map[string]bool{}}
	for _, f := range strings.Fields(list) {
		if p, ok := strings.CutSuffix(f, "*"); ok && p != "" {
			w.prefixes = append(w.prefixes, p)
		} else {
			w.exact[f] = true
		}
	}
	return w
}

func (w words) has(s string) bool {
	if w.exact[s] {
		return true
	}
	for _, p := range w.prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// phrases maps multi-word phrases (split into words) to a value.
type phrase struct {
	words []string
	value string
}

func phraseList(m map[string]string) []phrase {
	var out []phrase
	for k, v := range m {
		out = append(out, phrase{strings.Fields(k), v})
	}
	// Longest first, then by text, so matching is deterministic.
	sortPhrases(out)
	return out
}

// resources is one language's words for the facts stage.
type resources struct {
	code          string
	numbers       map[string]float64
	ordinals      map[string]float64
	scales        map[string]float64
	scalePrefixes map[string]float64
	qualBefore    []phrase
	qualAfter     []phrase
	subjects      []subjectWords
	duration      words
	notDuration   words
	plan          words
	times         words
	rangeJoin     words
	rangeOpen     words
	clock         words
	conj          words
	skip          words
	source        []phrase
	speech        words
	relYear       []phrase
	yearWords     words
	decimalComma  bool
	persons       words
	background    words
	generic       words
	money         words
	months        words
	change        words
	events        []eventKind
	placePreps    words
	dateNot       words
	saying        words
	minutes       words
	capitalNouns  bool
	separators    words
	eventBack     words
	adjEndings    []string
	halfAfter     []phrase
	halfSuffix    string
	oneArticles   words
	oneHour       words
	// compoundNumbers are the number words a compound may begin with:
	// the numbers and the articles that stand for one ("einstündig").
	compoundNumbers map[string]float64
	stop            func(string) bool
}

type subjectWords struct {
	subject string
	w       words
}

// subjectOrder fixes the order subjects are tried in.
var subjectOrder = []string{"deaths", "injured", "missing", "arrested", "hours", "meetings", "calls", "points", "troops"}

func build(code string, numbers, ordinals, scales map[string]float64, qualBefore, qualAfter, subjects map[string]string,
	duration, notDuration, plan, times, rangeJoin, rangeOpen, clock, conj, skip string, source []string, speech string,
	relYear []string, yearWords string, decimalComma bool, persons, background, generic, money, months, change string) *resources {
	r := &resources{
		code: code, numbers: numbers, ordinals: ordinals, scales: map[string]float64{}, scalePrefixes: map[string]float64{},
		qualBefore: phraseList(qualBefore), qualAfter: phraseList(qualAfter),
		duration: wordSet(duration), notDuration: wordSet(notDuration), plan: wordSet(plan), times: wordSet(times),
		rangeJoin: wordSet(rangeJoin), rangeOpen: wordSet(rangeOpen), clock: wordSet(clock), conj: wordSet(conj),
		skip: wordSet(skip), speech: wordSet(speech), yearWords: wordSet(yearWords), decimalComma: decimalComma,
		persons: wordSet(persons), background: wordSet(background), generic: wordSet(generic), money: wordSet(money), months: wordSet(months), change: wordSet(change),
	}
	for k, v := range scales {
		if p, ok := strings.CutSuffix(k, "*"); ok {
			r.scalePrefixes[p] = v
		} else {
			r.scales[k] = v
		}
	}
	for _, s := range subjectOrder {
		if subjects[s] != "" {
			r.subjects = append(r.subjects, subjectWords{s, wordSet(subjects[s])})
		}
	}
	src := map[string]string{}
	for _, s := range source {
		src[s] = s
	}
	r.source = phraseList(src)
	rel := map[string]string{}
	for _, s := range relYear {
		rel[s] = s
	}
	r.relYear = phraseList(rel)
	return r
}

var (
	resEN = build(lang.English, en.FactNumberWords, en.FactOrdinalWords, en.FactScaleWords, en.FactQualifiers, en.FactQualifiersAfter, en.FactSubjects,
		en.FactDurationContext, en.FactNotDuration, en.FactPlanContext, en.FactTimesWords, en.FactRangeJoiners, en.FactRangeOpeners,
		en.FactClockPrepositions, en.FactConjunctions, en.FactSkipContext, en.FactAttributionSource, en.FactSpeechVerbs,
		en.FactRelativeYear, en.FactYearWords, en.FactDecimalComma, en.FactPersonWords, en.FactBackground, en.FactGenericSources, en.FactMoneyNouns, en.FactMonths, en.FactChangeVerbs)
	resRU = build(lang.Russian, ru.FactNumberWords, ru.FactOrdinalWords, ru.FactScaleWords, ru.FactQualifiers, ru.FactQualifiersAfter, ru.FactSubjects,
		ru.FactDurationContext, ru.FactNotDuration, ru.FactPlanContext, ru.FactTimesWords, ru.FactRangeJoiners, ru.FactRangeOpeners,
		ru.FactClockPrepositions, ru.FactConjunctions, ru.FactSkipContext, ru.FactAttributionSource, ru.FactSpeechVerbs,
		ru.FactRelativeYear, ru.FactYearWords, ru.FactDecimalComma, ru.FactPersonWords, ru.FactBackground, ru.FactGenericSources, ru.FactMoneyNouns, ru.FactMonths, ru.FactChangeVerbs)
	resUK = build(lang.Ukrainian, uk.FactNumberWords, uk.FactOrdinalWords, uk.FactScaleWords, uk.FactQualifiers, uk.FactQualifiersAfter, uk.FactSubjects,
		uk.FactDurationContext, uk.FactNotDuration, uk.FactPlanContext, uk.FactTimesWords, uk.FactRangeJoiners, uk.FactRangeOpeners,
		uk.FactClockPrepositions, uk.FactConjunctions, uk.FactSkipContext, uk.FactAttributionSource, uk.FactSpeechVerbs,
		uk.FactRelativeYear, uk.FactYearWords, uk.FactDecimalComma, uk.FactPersonWords, uk.FactBackground, uk.FactGenericSources, uk.FactMoneyNouns, uk.FactMonths, uk.FactChangeVerbs)
	resDE = build(lang.German, de.FactNumberWords, de.FactOrdinalWords, de.FactScaleWords, de.FactQualifiers, de.FactQualifiersAfter, de.FactSubjects,
		de.FactDurationContext, de.FactNotDuration, de.FactPlanContext, de.FactTimesWords, de.FactRangeJoiners, de.FactRangeOpeners,
		de.FactClockPrepositions, de.FactConjunctions, de.FactSkipContext, de.FactAttributionSource, de.FactSpeechVerbs,
		de.FactRelativeYear, de.FactYearWords, de.FactDecimalComma, de.FactPersonWords, de.FactBackground, de.FactGenericSources, de.FactMoneyNouns, de.FactMonths, de.FactChangeVerbs)
)

func init() {
	resEN.setMore(en.FactMinuteWords, en.FactCapitalNouns, en.FactEventSeparators, en.FactEventBackground,
		en.FactAdjectiveEndings, en.FactOneHourArticles, en.FactOneHourWords, en.FactHalfAfter, en.FactHalfSuffix)
	resEN.setEvents(en.FactEvents, en.FactPlacePrepositions, en.FactDateNotEvent, en.FactSayingWords, en.StopWord)
	resRU.setMore(ru.FactMinuteWords, ru.FactCapitalNouns, ru.FactEventSeparators, ru.FactEventBackground,
		ru.FactAdjectiveEndings, ru.FactOneHourArticles, ru.FactOneHourWords, ru.FactHalfAfter, ru.FactHalfSuffix)
	resRU.setEvents(ru.FactEvents, ru.FactPlacePrepositions, ru.FactDateNotEvent, ru.FactSayingWords, ru.StopWord)
	resUK.setMore(uk.FactMinuteWords, uk.FactCapitalNouns, uk.FactEventSeparators, uk.FactEventBackground,
		uk.FactAdjectiveEndings, uk.FactOneHourArticles, uk.FactOneHourWords, uk.FactHalfAfter, uk.FactHalfSuffix)
	resUK.setEvents(uk.FactEvents, uk.FactPlacePrepositions, uk.FactDateNotEvent, uk.FactSayingWords, uk.StopWord)
	resDE.setMore(de.FactMinuteWords, de.FactCapitalNouns, de.FactEventSeparators, de.FactEventBackground,
		de.FactAdjectiveEndings, de.FactOneHourArticles, de.FactOneHourWords, de.FactHalfAfter, de.FactHalfSuffix)
	resDE.setEvents(de.FactEvents, de.FactPlacePrepositions, de.FactDateNotEvent, de.FactSayingWords, de.StopWord)
	for _, r := range []*resources{resEN, resRU, resUK, resDE} {
		r.compoundNumbers = maps.Clone(r.numbers)
		for a := range r.oneArticles.exact {
			r.compoundNumbers[a] = 1
		}
	}
}

// setMore sets the resources added after build's list: minutes after
// hours, capitalised nouns, event separators and background words,
// adjective endings, one hour without a number and halves.
func (r *resources) setMore(minutes string, capitalNouns bool, separators, eventBack, adjEndings, oneArticles, oneHour string, halfAfter []string, halfSuffix string) {
	r.minutes = wordSet(minutes)
	r.capitalNouns = capitalNouns
	r.separators = wordSet(separators)
	r.eventBack = wordSet(eventBack)
	r.adjEndings = strings.Fields(adjEndings)
	r.oneArticles, r.oneHour = wordSet(oneArticles), wordSet(oneHour)
	r.halfAfter, r.halfSuffix = halves(halfAfter), halfSuffix
}

func halves(ps []string) []phrase {
	m := map[string]string{}
	for _, p := range ps {
		m[p] = p
	}
	return phraseList(m)
}

// resourcesFor returns the words of a language, English for an unknown
// (empty) code, and nil for a language Parallax has no facts words for:
// its articles give no claims rather than English guesses.
func resourcesFor(code string) *resources {
	switch code {
	case lang.English, "":
		return resEN
	case lang.Russian:
		return resRU
	case lang.Ukrainian:
		return resUK
	case lang.German:
		return resDE
	}
	return nil
}

func (r *resources) scale(w string) float64 {
	if v, ok := r.scales[w]; ok {
		return v
	}
	for p, v := range r.scalePrefixes {
		if strings.HasPrefix(w, p) {
			return v
		}
	}
	return 0
}

func (r *resources) subjectOf(w string) string {
	for _, s := range r.subjects {
		if s.w.has(w) {
			return s.subject
		}
	}
	return ""
}
