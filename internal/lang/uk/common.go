package uk

import "strings"

// CommonWord reports whether w (lower-cased) is a word of everyday
// Ukrainian that any kind of text uses often (іти, хотіти, багато, річ,
// дуже), or the furniture news pages put around a text (фото, читайте):
// words that show how an outlet writes, not what it says. Comparisons of
// wording leave them out with the stop words (compare.TermsLang);
// clustering does not read this list.
func CommonWord(w string) bool {
	_, ok := commonWords[normApostrophe(w)]
	return ok
}

var commonWords = func() map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range strings.Fields(`
іти йти іде йде йдуть ішов пішов прийти прийшов прийшли хотіти хоче хочуть хотів хотіла хотіли
думати думає думаю думають знати знає знаю знають знав бачити бачить бачив бачили дивитися дивиться
взяти взяв взяли брати бере дати дає дав дали давати зробити зробив зробили робити робить роблять
стати став стала стали стає потрібно потрібен потрібна потрібні треба повинен повинна мають має мав
дуже багато трохи мало річ речі справа справи чином частина частини кінець місце пункт
щось хтось ніщо ніхто кожен кожна кожне кожні будь-який весь вся все
справді просто досить взагалі майже завжди часто іноді напевно можливо ймовірно звісно звичайно
разом достатньо добрий добре погано великий велика велике великі малий
довго рано пізно скоро далеко близько навколо серед всередині попри так ні гаразд дякую
чотири п'ять шість сім вісім дев'ять десять сто тисяча тисячі кілька різні
фото світлина відео читайте детальніше джерело реклама
`) {
		m[w] = struct{}{}
	}
	return m
}()
