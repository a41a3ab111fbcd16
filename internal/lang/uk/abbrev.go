package uk

// SentenceAbbreviations end with a period that does not end a sentence:
// lower case, without the final period; abbreviations of several letters
// with spaces between ("т. зв.") are written joined by periods ("т.зв").
var SentenceAbbreviations = []string{
	"т.зв", "т.б", "т.ч", "т.с", "в.о", "вул", "просп", "пров", "пл", "наб",
	"буд", "корп", "кв", "обл", "р-н", "м", "с", "смт", "ім", "св", "проф",
	"акад", "доц", "ген", "гр", "див", "мал", "табл", "стор", "с",
	"розд", "прим", "ред", "млн", "млрд", "трлн", "тис", "грн", "коп",
	"дол", "вид", "англ", "нім", "франц", "лат", "грец", "хв", "сек", "год",
	"бл", "напр", "заст", "зав", "пом", "кн", "н.е", "укр", "рос",
	"січ", "лют", "бер", "квіт", "трав", "черв", "лип", "серп", "вер", "жовт",
	"лист", "груд",
}

// SentenceTerminalAbbreviations may end a sentence: a capital after them
// starts a new one, a lower-case word does not.
var SentenceTerminalAbbreviations = []string{"р", "рр", "т.д", "т.п", "ін", "ст", "вв"}

// SentenceOrdinalNouns follow an ordinal number written with a period;
// Ukrainian writes ordinals without one.
var SentenceOrdinalNouns = []string{}
