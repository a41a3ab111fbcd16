package ru

import "strings"

// CommonWord reports whether w (lower-cased) is a word of everyday Russian
// that any kind of text uses often (идти, хотеть, много, вещь, очень),
// or the furniture news pages put around a text (фото, читайте): words
// that show how an outlet writes, not what it says. Comparisons of
// wording leave them out with the stop words (compare.TermsLang);
// clustering does not read this list.
func CommonWord(w string) bool {
	_, ok := commonWords[strings.ReplaceAll(w, "ё", "е")]
	return ok
}

var commonWords = func() map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range strings.Fields(`
идти идет идут шел шла шли пойти прийти пришел пришла пришли хотеть хочет хотят хотел хотела хотели
думать думает думаю думают знать знает знаю знают знал видеть видит видел видели смотреть смотрит
взять взял взяли брать берет дать дает дал дали давать сделать сделал сделали делать делает делают
стать стал стала стали становится нужно нужен нужна нужны надо должен должна должно должны
очень много немного мало вещь вещи дело дела образом часть части конец место место пункт
что-то кто-то что-нибудь кто-нибудь ничто никто каждый каждая каждое каждые любой весь вся всё
действительно просто довольно вообще почти всегда часто иногда наверное возможно вероятно конечно
вместе достаточно хороший хорошая хорошее плохо большой большая большое большие маленький
долго рано поздно скоро далеко близко вокруг среди внутри снаружи несмотря да нет ладно спасибо
четыре пять шесть семь восемь девять десять сто тысяча тысячи несколько различные разные
фото фотография видео читайте подробнее источник реклама
`) {
		m[w] = struct{}{}
	}
	return m
}()
