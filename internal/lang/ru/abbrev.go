package ru

// SentenceAbbreviations end with a period that does not end a sentence:
// lower case, without the final period; abbreviations of several letters
// with spaces between ("т. н.") are written joined by periods ("т.н").
var SentenceAbbreviations = []string{
	"т.н", "т.е", "т.к", "т.ч", "т.о", "и.о", "вр.и.о", "ул", "просп",
	"пер", "пл", "наб", "д", "корп", "кв", "обл", "р-н", "с", "им", "св",
	"проф", "акад", "доц", "ген", "тов", "гр", "ст", "см", "рис", "табл",
	"стр", "гл", "прим", "ред", "млн", "млрд", "трлн", "тыс", "руб", "коп",
	"долл", "изд", "англ", "нем", "франц", "лат", "греч", "жен", "муж",
	"мин", "сек", "ч", "ок", "напр", "зам", "зав", "пом", "кн",
	"о", "г.г", "н.э", "яп", "кит", "укр", "рус", "мес", "нед",
	"янв", "фев", "февр", "апр", "авг", "сент", "окт", "нояб", "дек",
}

// SentenceTerminalAbbreviations may end a sentence: a capital after them
// starts a new one ("в 2025 г. Он …"), a lower-case word does not ("в
// 2025 г. он …").
var SentenceTerminalAbbreviations = []string{"г", "гг", "т.д", "т.п", "др", "пр", "вв", "в", "мск"}

// SentenceOrdinalNouns follow an ordinal number written with a period;
// Russian writes ordinals without one.
var SentenceOrdinalNouns = []string{}
