package de

import "strings"

// StopWord reports whether w (lower-cased) is a German function word, a
// reporting verb or a calendar word: words every news article uses, which
// tell no story from another.
func StopWord(w string) bool {
	_, ok := stopWords[w]
	return ok
}

var stopWords = func() map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range strings.Fields(`aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei bin
bis bist da damit dann das dass daß dein deine dem den der des dich die dies diese diesem diesen dieser dieses dir doch dort du
durch ein eine einem einen einer eines er es etwas euch euer für gegen gewesen hab habe haben hat hatte hatten hier hin hinter
ich ihm ihn ihnen ihr ihre ihrem ihren ihrer im in indem ins ist jede jedem jeden jeder jedes jetzt kann kein keine keinen
können könne könnte machen man manche mein mich mir mit muss müsse müssen nach nicht nichts noch nun nur ob oder ohne sehr sein
seine seinem seinen seiner sei seien sich sie sind so solche soll solle sollte sondern sonst über um und uns unser unter viel
vom von vor während war waren warum was weil welche welcher welches wenn wer werden wie wieder will wir wird wo wollen würde
würden worden wurde wurden zu zum zur zwar zwischen bereits schon zudem sowie etwa laut demnach jahr jahre jahren heute
gestern morgen sagte sagt sagten erklärte erklärt teilte betonte fügte hinzu hieß heißt berichtete berichtet schrieb
montag dienstag mittwoch donnerstag freitag samstag sonntag
januar februar märz april mai juni juli august september oktober november dezember`) {
		m[w] = struct{}{}
	}
	return m
}()

// StopWordList returns the stop words (in no particular order), for
// callers that index several languages' lists at once.
func StopWordList() []string {
	out := make([]string, 0, len(stopWords))
	for w := range stopWords {
		out = append(out, w)
	}
	return out
}
