package uk

import "strings"

// Words and phrases the facts stage (internal/facts) reads figures and
// claims with. Phrases are lower case, words separated by one space; a
// word ending in "*" matches every word it begins (Ukrainian case
// endings). Apostrophes are written as ' (the stage folds ’ and ʼ to it).

// FactNumberWords are the number words in their case forms.
var FactNumberWords = map[string]float64{
	"один": 1, "одна": 1, "одне": 1, "одного": 1, "одній": 1, "одному": 1, "одним": 1,
	"два": 2, "дві": 2, "двох": 2, "двом": 2, "двома": 2,
	"три": 3, "трьох": 3, "трьом": 3, "трьома": 3,
	"чотири": 4, "чотирьох": 4, "чотирьом": 4, "чотирма": 4,
	"п'ять": 5, "п'яти": 5, "п'ятьох": 5, "п'ятьма": 5, "шість": 6, "шести": 6, "шістьох": 6, "шістьма": 6,
	"сім": 7, "семи": 7, "сімох": 7, "сьома": 7, "вісім": 8, "восьми": 8, "вісьмох": 8, "вісьма": 8,
	"дев'ять": 9, "дев'яти": 9, "дев'ятьох": 9, "десять": 10, "десяти": 10, "десятьох": 10,
	"одинадцять": 11, "одинадцяти": 11, "дванадцять": 12, "дванадцяти": 12,
	"тринадцять": 13, "тринадцяти": 13, "чотирнадцять": 14, "чотирнадцяти": 14,
	"п'ятнадцять": 15, "п'ятнадцяти": 15, "шістнадцять": 16, "шістнадцяти": 16,
	"сімнадцять": 17, "сімнадцяти": 17, "вісімнадцять": 18, "вісімнадцяти": 18,
	"дев'ятнадцять": 19, "дев'ятнадцяти": 19, "двадцять": 20, "двадцяти": 20,
	"тридцять": 30, "тридцяти": 30, "сорок": 40, "сорока": 40, "п'ятдесят": 50, "п'ятдесяти": 50,
	"шістдесят": 60, "шістдесяти": 60, "сімдесят": 70, "сімдесяти": 70,
	"вісімдесят": 80, "вісімдесяти": 80, "дев'яносто": 90, "дев'яноста": 90,
	"сто": 100, "ста": 100, "півтора": 1.5, "півтори": 1.5, "десяток": 10,
	"двоє": 2, "троє": 3, "четверо": 4, "п'ятеро": 5, "шестеро": 6, "семеро": 7, "восьмеро": 8, "дев'ятеро": 9, "десятеро": 10,
}

// FactOrdinalWords count occurrences ("шоста розмова").
var FactOrdinalWords = ordinals(map[string]float64{
	"перш": 1, "друг": 2, "четверт": 4, "п'ят": 5, "шост": 6, "сьом": 7, "восьм": 8, "дев'ят": 9, "десят": 10,
}, "ий а е ого ої у ій ому им і их ою", map[string]float64{
	"третій": 3, "третя": 3, "третє": 3, "третього": 3, "третьої": 3, "третю": 3, "третім": 3,
})

// ordinals spells every stem with every ending, plus the irregular forms.
func ordinals(stems map[string]float64, endings string, irregular map[string]float64) map[string]float64 {
	out := map[string]float64{}
	for stem, v := range stems {
		for _, e := range strings.Fields(endings) {
			out[stem+e] = v
		}
	}
	for w, v := range irregular {
		out[w] = v
	}
	return out
}

// FactScaleWords multiply the figure before them.
var FactScaleWords = map[string]float64{
	"тисяч*": 1e3, "тис": 1e3, "мільйон*": 1e6, "млн": 1e6, "мільярд*": 1e9, "млрд": 1e9, "трлн": 1e12, "трильйон*": 1e12,
}

// FactQualifiers before a figure, by the qualifier Parallax reports.
var FactQualifiers = map[string]string{
	"щонайменше": "at least", "принаймні": "at least", "не менше": "at least", "не менш як": "at least", "як мінімум": "at least", "мінімум": "at least",
	"понад": "more than", "більше": "more than", "більш ніж": "more than", "більше ніж": "more than", "більш як": "more than", "понад як": "more than",
	"близько": "about", "майже": "about", "приблизно": "about", "орієнтовно": "about", "порядку": "about", "майже що": "about",
	"до": "up to", "аж до": "up to", "не більше": "up to", "не більш як": "up to",
	"менше": "less than", "менш ніж": "less than", "менше ніж": "less than",
}

// FactQualifiersAfter follow a figure.
var FactQualifiersAfter = map[string]string{"з гаком": "more than", "з лишком": "more than"}

// FactSubjects are the things a figure can count.
var FactSubjects = map[string]string{
	"deaths":   "загинул* загинув загинуло загибл* вбит* убит* жертв* смерт* помер* померл* мертв*",
	"injured":  "поранен* поранено постраждал* травмован* шпиталізован*",
	"missing":  "зникл* безвісти",
	"arrested": "затриман* заарештован* затримал*",
	"hours":    "година години годин годину годинн*",
	"meetings": "зустріч* саміт* переговор*",
	"calls":    "розмов* дзвін* дзвінк* телефонн*",
	"points":   "пункт* пунктів",
	"troops":   "військов* військовослужбов* солдат* бійц* військ*",
	"money":    "",
}

// FactDurationContext makes a count of hours the length of a meeting.
var FactDurationContext = "переговор* зустріч* розмов* тривал* тривали тривала тривав продовжувал* засідан* бесід*"

// FactNotDuration before a count of hours makes it a point in time.
var FactNotDuration = "о об за через після тому до"

// FactPlanContext makes a count of points the points of a plan.
var FactPlanContext = "план* плану пропозиці* проєкт* проект* угод* документ* рамков*"

// FactTimesWords count repeated events.
var FactTimesWords = "раз рази разів"

// FactRangeJoiners join the two ends of a range.
var FactRangeJoiners = "до і й та або -"

// FactRangeOpeners start a range.
var FactRangeOpeners = "від між"

// FactClockPrepositions before a number make it a time of day.
var FactClockPrepositions = "о об до"

// FactConjunctions end the search for what a figure counts.
var FactConjunctions = "і й та а але або"

// FactSkipContext marks sentences of market prices, scores and ratings.
var FactSkipContext = "акці* індекс* котирув* рахунк* рахунком гол* очк* рейтинг* опитуван* відсот* курс*"

// FactAttributionSource are phrases whose source follows.
var FactAttributionSource = []string{"за даними", "за словами", "за інформацією", "згідно з", "як повідомив", "як повідомили", "як заявив", "як заявили", "з посиланням на", "за оцінками", "за оцінкою"}

// FactSpeechVerbs attribute the sentence to the name beside them.
var FactSpeechVerbs = "заявив* заявила заявили сказав* сказала сказали повідомив* повідомила повідомили зазначив* зазначила наголосив* підкреслив* стверджує стверджують уточнив* розповів* пояснив* підтвердив* заявляє повідомляє повідомляють пише пишуть"

// FactRelativeYear are phrases that place a year relative to the time of
// writing ("у поточному 2023 році").
var FactRelativeYear = []string{"раніше у", "раніше в", "у поточному", "в поточному", "цього", "у цьому", "в цьому"}

// FactYearWords may stand after the year.
var FactYearWords = "році року"

// FactDecimalComma is true: "1,5 млн" is one and a half million.
const FactDecimalComma = true

// FactPersonWords are the nouns a toll counts people with.
var FactPersonWords = "людей осіб особи людини громадян мирних мешканців жителів постраждалих загиблих поранених були було"

// FactBackground marks sentences about an earlier event.
var FactBackground = "тому минулого минулому попередн*"

// FactGenericSources are sources that are not a side of the story.
var FactGenericSources = "влада поліція очевидці змі джерела журналістам він вона вони"

// FactMoneyNouns are what an amount of money can be a figure of.
var FactMoneyNouns = "допомог* кредит* бюджет* угод* штраф* контракт* компенсац* інвестиц* пакет* фінансуван* викуп*"

// FactMonths are month names in every case: a number beside one is a day
// of a date ("2 грудня"), not a count.
var FactMonths = "січ* лют* берез* квіт* трав* черв* лип* серп* верес* жовт* листопад* груд*"

// FactChangeVerbs before «до» make it the new value of a count («кількість
// загиблих зросла до 15»), not a bound.
var FactChangeVerbs = "зрос* зріс збільшил* сягнул* досягл* знизил* зменшил* скоротил*"

// FactEvents name the kinds of event whose date, place and participants
// the facts stage reads ("Віткофф зустрівся з Путіним 2 грудня у
// Кремлі"), by kind, in the order they are tried.
var FactEvents = [][2]string{
	{"call", "дзвінок дзвінка дзвінку телефонн* зателефонув* розмов*"},
	{"signing", "підписал* підписав* підписанн* підпишуть підпише"},
	{"attack", "удар удару ударом атак* обстріл*"},
	{"meeting", "зустріч* зустрів* зустріл* зустрінуться зустрінеться переговор* саміт*"},
	{"visit", "візит* відвідав* відвідає прибув* прибули приїзд* поїздк*"},
	{"vote", "проголосува* голосуванн*"},
	{"arrest", "затримал* затриман* затримав* заарештува*"},
}

// FactPlacePrepositions open the place of an event ("у Кремлі", "на
// Алясці").
var FactPlacePrepositions = "в у на"

// FactDateNotEvent before a date make it a bound, not the day of the
// event ("до п'ятниці", "з понеділка").
var FactDateNotEvent = "до з із зі після починаючи"

// FactSayingWords, beside the speech verbs, tell a saying: a date before
// them is the day the words were said, not the day of the event they
// tell of.
var FactSayingWords = "заявивши сказавши повідомивши заявив сказав повідомив зазначивши"

// FactMinuteWords after a count of hours add minutes to it ("two hours
// and 45 minutes").
var FactMinuteWords = "хвилин хвилини хвилину"

// FactCapitalNouns is false: only names are capitalised. Where nouns are capitalised, a
// capitalised word is read as a name only where the article also writes it
// after a first name or a title.
const FactCapitalNouns = false

// FactEventSeparators between a date and the word of an event put them in
// two clauses: "left on 12 February after the vote" dates the leaving.
var FactEventSeparators = "після перед"

// FactEventBackground mark a sentence that recalls an earlier event
// ("previously", "ранее"): its days and places are not read as those of
// the story's event.
var FactEventBackground = "тому минулого минулому попередн* раніше"

// FactAdjectiveEndings end the capitalised adjectives of peoples and
// places ("European leaders", "Russian diplomats"): such a word before a
// lower-case word is not a name.
var FactAdjectiveEndings = ""

// FactHalfAfter follow a number to add a half to it ("three and a half
// hours", "три с половиной часа").
var FactHalfAfter = []string{"з половиною"}

// FactHalfSuffix joined to a number word adds a half ("dreieinhalb",
// "three-and-a-half"); "" where the language has none.
const FactHalfSuffix = ""

// FactOneHour are the words of one hour without a number: an article that
// stands for "one" before them (none), and the words of an hour (годину години),
// which alone count as one after a qualifier ("более часа", "понад
// годину").
var (
	FactOneHourArticles = ""
	FactOneHourWords    = "годину години"
)
