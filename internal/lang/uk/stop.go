package uk

import "strings"

// StopWord reports whether w (lower-cased, with the apostrophe written
// as ') is a Ukrainian function word, a reporting verb or a calendar word:
// words every news article uses, which tell no story from another.
func StopWord(w string) bool {
	_, ok := stopWords[normApostrophe(w)]
	return ok
}

// normApostrophe writes the Ukrainian apostrophe (ʼ, ’) as '.
func normApostrophe(w string) string {
	if !strings.ContainsAny(w, "ʼ’") {
		return w
	}
	return strings.NewReplacer("ʼ", "'", "’", "'").Replace(w)
}

var stopWords = func() map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range strings.Fields(`і й та в у на з із зі до від за про по для не ні що це як але а або чи він вона воно вони ми
ви я ти його її їх їм їй йому нам вам нас вас був була було були є бути буде будуть який яка яке які якого якої якому якій яких
якими цей ця це ці цього цієї цьому цим цих той та те ті того тієї тому тим також вже ще так коли де там тут після через під над
між при без щоб ніж лише тільки усі все всі всіх свій своє своя свої свого своєї своєму своїй своїм своїх свою себе собі
року році роком років рік сьогодні вчора завтра раніше зокрема адже бо би б ж же теж саме може можуть має мають було
заявив заявила заявили повідомив повідомила повідомили повідомляє сказав сказала сказали зазначив зазначила наголосив
наголосила додав додала розповів розповіла пише написав уточнив словами
понеділок вівторок середа середу четвер п'ятниця п'ятницю субота суботу неділя неділю
січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня
січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень`) {
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
