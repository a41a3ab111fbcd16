package ru

import "strings"

// Words and phrases the facts stage (internal/facts) reads figures and
// claims with. Phrases are lower case, words separated by one space; a
// word ending in "*" matches every word it begins (Russian case endings).

// FactNumberWords are the number words in their case forms.
var FactNumberWords = map[string]float64{
	"один": 1, "одна": 1, "одно": 1, "одного": 1, "одной": 1, "одному": 1, "одним": 1,
	"два": 2, "две": 2, "двух": 2, "двум": 2, "двумя": 2,
	"три": 3, "трех": 3, "трёх": 3, "трем": 3, "трём": 3, "тремя": 3,
	"четыре": 4, "четырех": 4, "четырёх": 4, "четырем": 4, "четырём": 4, "четырьмя": 4,
	"пять": 5, "пяти": 5, "пятью": 5, "шесть": 6, "шести": 6, "шестью": 6,
	"семь": 7, "семи": 7, "семью": 7, "восемь": 8, "восьми": 8, "восемью": 8, "восьмью": 8,
	"девять": 9, "девяти": 9, "девятью": 9, "десять": 10, "десяти": 10, "десятью": 10,
	"одиннадцать": 11, "одиннадцати": 11, "двенадцать": 12, "двенадцати": 12,
	"тринадцать": 13, "тринадцати": 13, "четырнадцать": 14, "четырнадцати": 14,
	"пятнадцать": 15, "пятнадцати": 15, "шестнадцать": 16, "шестнадцати": 16,
	"семнадцать": 17, "семнадцати": 17, "восемнадцать": 18, "восемнадцати": 18,
	"девятнадцать": 19, "девятнадцати": 19, "двадцать": 20, "двадцати": 20,
	"тридцать": 30, "тридцати": 30, "сорок": 40, "сорока": 40, "пятьдесят": 50, "пятидесяти": 50,
	"шестьдесят": 60, "шестидесяти": 60, "семьдесят": 70, "семидесяти": 70,
	"восемьдесят": 80, "восьмидесяти": 80, "девяносто": 90, "девяноста": 90,
	"сто": 100, "ста": 100, "полтора": 1.5, "полторы": 1.5, "полутора": 1.5,
	"десяток": 10, "дюжина": 12,
	"двое": 2, "двоих": 2, "трое": 3, "троих": 3, "четверо": 4, "четверых": 4, "пятеро": 5, "пятерых": 5,
	"шестеро": 6, "шестерых": 6, "семеро": 7, "семерых": 7, "восьмеро": 8, "девятеро": 9, "десятеро": 10,
}

// FactOrdinalWords count occurrences ("шестой разговор").
var FactOrdinalWords = ordinals(map[string]float64{
	"перв": 1, "втор": 2, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8, "девят": 9, "десят": 10,
}, "ый ой ая ое ого ую ом ым ые ых ому", map[string]float64{
	"третий": 3, "третья": 3, "третье": 3, "третьего": 3, "третьей": 3, "третью": 3, "третьем": 3, "третьим": 3,
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
	"тысяч*": 1e3, "тыс": 1e3, "миллион*": 1e6, "млн": 1e6, "миллиард*": 1e9, "млрд": 1e9, "трлн": 1e12, "триллион*": 1e12,
}

// FactQualifiers before a figure, by the qualifier Parallax reports.
var FactQualifiers = map[string]string{
	"не менее": "at least", "по меньшей мере": "at least", "как минимум": "at least", "минимум": "at least", "не меньше": "at least",
	"более": "more than", "больше": "more than", "свыше": "more than", "более чем": "more than", "больше чем": "more than", "порядка": "about",
	"около": "about", "почти": "about", "примерно": "about", "приблизительно": "about", "почти что": "about", "чуть более": "about", "чуть менее": "about", "около почти": "about",
	"до": "up to", "вплоть до": "up to",
	"менее": "less than", "меньше": "less than", "не более": "up to", "не больше": "up to",
}

// FactQualifiersAfter follow a figure.
var FactQualifiersAfter = map[string]string{"с лишним": "more than", "с небольшим": "more than"}

// FactSubjects are the things a figure can count, each with the words
// that say so near the figure.
var FactSubjects = map[string]string{
	"deaths":   "погиб* убит* убиты жертв* смерт* скончал* умер* умерл* мертв* гибел*",
	"injured":  "ранен* ранены пострадав* пострадал* травм* госпитализир*",
	"missing":  "пропавш* пропал* пропали",
	"arrested": "задержан* арестован* задержал* арестовал*",
	"hours":    "час часа часов*",
	"meetings": "встреч* саммит* переговор*",
	"calls":    "разговор* звонк* звонок телефонн*",
	"points":   "пункт* пунктов",
	"troops":   "военн* военнослужащ* солдат* бойц* войск*",
	"money":    "",
}

// FactDurationContext makes a count of hours the length of a meeting.
var FactDurationContext = "переговор* встреч* беседа беседы беседу беседовал* разговор* длил* продлил* продолжал* шл* продолжительн* заседани*"

// FactNotDuration before a count of hours makes it a point in time.
var FactNotDuration = "в во через за спустя назад после к"

// FactPlanContext makes a count of points the points of a plan.
var FactPlanContext = "план* плана предложени* проект* соглашени* рамочн* документ*"

// FactTimesWords count repeated events ("встречались пять раз").
var FactTimesWords = "раз раза"

// FactRangeJoiners join the two ends of a range ("40-50", "от 40 до 50").
var FactRangeJoiners = "до и или -"

// FactRangeOpeners start a range.
var FactRangeOpeners = "от между"

// FactClockPrepositions before a number make it a time of day.
var FactClockPrepositions = "в во к"

// FactConjunctions end the search for what a figure counts.
var FactConjunctions = "и а но или"

// FactSkipContext marks sentences of market prices, scores and ratings.
var FactSkipContext = "акци* индекс* котировк* счет счетом голов* гол очк* рейтинг* опрос* процент* курс*"

// FactAttributionSource are phrases whose source follows.
var FactAttributionSource = []string{"по данным", "по словам", "по информации", "по сведениям", "согласно", "как сообщил", "как сообщили", "как заявил", "как заявили", "со ссылкой на", "по оценкам", "по оценке"}

// FactSpeechVerbs attribute the sentence to the name beside them.
var FactSpeechVerbs = "заявил* сказал* сообщил* отметил* подчеркнул* утверждает утверждают утверждал* уточнил* рассказал* пояснил* подтвердил* заявляет заявляют сообщает сообщают передает передаёт пишет пишут"

// FactRelativeYear are phrases that place a year relative to the time of
// writing ("в текущем 2023 году").
var FactRelativeYear = []string{"ранее в", "в текущем", "в нынешнем", "в этом", "ранее в этом"}

// FactYearWords may stand after the year.
var FactYearWords = "году года"

// FactDecimalComma is true: "1,5 млн" is one and a half million.
const FactDecimalComma = true

// FactPersonWords are the nouns a toll counts people with.
var FactPersonWords = "человек человека людей граждан мирных мирного жителей пострадавших погибших раненых были было"

// FactBackground marks sentences about an earlier event.
var FactBackground = "назад прошлого прошлом предыдущ*"

// FactGenericSources are sources that are not a side of the story.
var FactGenericSources = "власти полиция очевидцы сми источники журналистам он она они"

// FactMoneyNouns are what an amount of money can be a figure of.
var FactMoneyNouns = "помощ* кредит* бюджет* сделк* штраф* контракт* компенсац* инвестиц* пакет* финансирован* выкуп*"

// FactMonths are month names in every case: a number beside one is a day
// of a date ("3 декабря"), not a count.
var FactMonths = "январ* феврал* март* апрел* мая май мае июн* июл* август* сентябр* октябр* ноябр* декабр* янв фев мар апр авг сен сент окт ноя дек"

// FactChangeVerbs before «до» make it the new value of a count («число
// погибших возросло до 15»), not a bound.
var FactChangeVerbs = "возрос* вырос* увеличил* достиг* поднял* снизил* сократил* уменьшил*"

// FactEvents name the kinds of event whose date, place and participants
// the facts stage reads ("Уиткофф встретился с Путиным 2 декабря в
// Кремле"), by kind, in the order they are tried.
var FactEvents = [][2]string{
	{"call", "созвон* звонок звонка звонке звонку телефонн* разговор*"},
	{"signing", "подписал* подписани* подпишут подпишет"},
	{"attack", "удар удара ударом удару атак* обстрел*"},
	{"meeting", "встреч* встретил* встретят* встретит* переговор* саммит*"},
	{"visit", "визит* посетил* посетит посетят прибыл* приезд* поездк*"},
	{"vote", "проголосовал* голосовани*"},
	{"arrest", "задержал* задержан* арестовал* арестован*"},
}

// FactPlacePrepositions open the place of an event ("в Кремле", "на
// Аляске").
var FactPlacePrepositions = "в во на"

// FactDateNotEvent before a date make it a bound, not the day of the
// event ("до пятницы", "с понедельника").
var FactDateNotEvent = "до с со после к начиная"

// FactSayingWords, beside the speech verbs, tell a saying: a date before
// them is the day the words were said, not the day of the event they
// tell of.
var FactSayingWords = "заявив сказав сообщив отметив говоря рассказав"

// FactMinuteWords after a count of hours add minutes to it ("two hours
// and 45 minutes").
var FactMinuteWords = "минут минуты минуту"

// FactCapitalNouns is false: only names are capitalised. Where nouns are capitalised, a
// capitalised word is read as a name only where the article also writes it
// after a first name or a title.
const FactCapitalNouns = false

// FactEventSeparators between a date and the word of an event put them in
// two clauses: "left on 12 February after the vote" dates the leaving.
var FactEventSeparators = "после перед"

// FactEventBackground mark a sentence that recalls an earlier event
// ("previously", "ранее"): its days and places are not read as those of
// the story's event.
var FactEventBackground = "назад прошлого прошлом предыдущ* ранее"

// FactAdjectiveEndings end the capitalised adjectives of peoples and
// places ("European leaders", "Russian diplomats"): such a word before a
// lower-case word is not a name.
var FactAdjectiveEndings = ""

// FactHalfAfter follow a number to add a half to it ("three and a half
// hours", "три с половиной часа").
var FactHalfAfter = []string{"с половиной"}

// FactHalfSuffix joined to a number word adds a half ("dreieinhalb",
// "three-and-a-half"); "" where the language has none.
const FactHalfSuffix = ""

// FactOneHour are the words of one hour without a number: an article that
// stands for "one" before them (none), and the words of an hour (час часа),
// which alone count as one after a qualifier ("более часа", "понад
// годину").
var (
	FactOneHourArticles = ""
	FactOneHourWords    = "час часа"
)
