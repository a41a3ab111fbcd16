package en

import "strings"

// StopWord reports whether w (lower-cased) is an English function word or
// one of the reporting and calendar words every news article uses: words
// that tell no story from another.
func StopWord(w string) bool {
	_, ok := stopWords[w]
	return ok
}

var stopWords = wordSet(`a about above after again against all also am an and any are aren't as at be because been before being
below between both but by can could did do does doing don't down during each few for from further had has have having he her
here hers herself him himself his how i if in into is isn't it its itself just let me more most much my myself no nor not now
of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up upon very was wasn't we were what when where which
while who whom why will with won't would you your yours yourself yourselves said says say saying told tell according
one two three new also year years week weeks day days time times last first next just like get got make made may might must
mr mrs ms dr people since still yet even though however around across within without back well via per its it's
image images photo photos caption copyright reuters ap afp advertisement share read more click here sign subscribe
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec`)

func wordSet(words string) map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range strings.Fields(words) {
		m[w] = struct{}{}
	}
	return m
}

// StopWordList returns the stop words (in no particular order), for
// callers that index several languages' lists at once.
func StopWordList() []string {
	out := make([]string, 0, len(stopWords))
	for w := range stopWords {
		out = append(out, w)
	}
	return out
}
