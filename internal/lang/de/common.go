package de

import "strings"

// CommonWord reports whether w (lower-cased) is a word of everyday German
// that any kind of text uses often (gehen, wollen, viel, Sache, wirklich),
// or the furniture news pages put around a text (Foto, weiterlesen):
// words that show how an outlet writes, not what it says. Comparisons of
// wording leave them out with the stop words (compare.TermsLang);
// clustering does not read this list.
func CommonWord(w string) bool {
	_, ok := commonWords[w]
	return ok
}

var commonWords = commonSet(`
gehen geht ging gegangen kommen kommt kam gekommen wollen will willst wollte wollten gewollt denken denkt dachte
wissen weiß wusste sehen sieht sah gesehen nehmen nimmt nahm genommen geben gibt gab gegeben lassen lässt ließ
machen macht machte gemacht finden findet fand gefunden stehen steht stand bleiben bleibt blieb sollen soll sollte
sollten müssen muss musste mussten können kann konnte konnten dürfen darf durfte brauchen braucht heißt hieß
viel viele vielen vieles mehr wenig wenige sache sachen ding dinge art weise teil teile punkt ende stelle
etwas nichts alles jemand niemand jeder jede jedes jeden jedem man
wirklich eigentlich ziemlich fast schon immer nie oft manchmal vielleicht wahrscheinlich sicher einfach zusammen
genug sonst gut gute guten besser groß große großen klein kleine lang lange richtig ganz ganze ganzen früh spät bald
weit nah gegenüber trotz innerhalb außerhalb ja nein okay bitte danke
vier fünf sechs sieben acht neun zehn hundert tausend mehrere verschiedene
foto fotos bild bilder video videos weiterlesen lesen mehr anzeige
`)

func commonSet(words string) map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range strings.Fields(words) {
		m[w] = struct{}{}
	}
	return m
}
