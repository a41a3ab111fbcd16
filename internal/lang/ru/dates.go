package ru

// Resources of the time-expression stage (internal/when) and of the
// timeline's event test (internal/timeline) for Russian. Every key is lower
// case, with ё written е and apostrophes written '; an abbreviation is
// listed without its dot and matches only when a dot follows it.

// DateMonths maps month names in every case to their number (1–12).
var DateMonths = map[string]int{
	"январь": 1, "января": 1, "январе": 1, "январем": 1,
	"февраль": 2, "февраля": 2, "феврале": 2, "февралем": 2,
	"март": 3, "марта": 3, "марте": 3, "мартом": 3,
	"апрель": 4, "апреля": 4, "апреле": 4, "апрелем": 4,
	"май": 5, "мая": 5, "мае": 5, "маем": 5,
	"июнь": 6, "июня": 6, "июне": 6, "июнем": 6,
	"июль": 7, "июля": 7, "июле": 7, "июлем": 7,
	"август": 8, "августа": 8, "августе": 8, "августом": 8,
	"сентябрь": 9, "сентября": 9, "сентябре": 9, "сентябрем": 9,
	"октябрь": 10, "октября": 10, "октябре": 10, "октябрем": 10,
	"ноябрь": 11, "ноября": 11, "ноябре": 11, "ноябрем": 11,
	"декабрь": 12, "декабря": 12, "декабре": 12, "декабрем": 12,
}

// DateMonthAbbrevs maps month abbreviations (written with a dot) to their
// number.
var DateMonthAbbrevs = map[string]int{
	"янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7,
	"авг": 8, "сен": 9, "сент": 9, "окт": 10, "ноя": 11, "нояб": 11, "дек": 12,
}

// DateWeekdays maps weekday names in the cases news use them in (в среду,
// во вторник, с понедельника) to Go's weekday numbers (0 Sunday … 6
// Saturday). The nominative and genitive of Wednesday (среда, среды) are
// left out: they also mean "environment".
var DateWeekdays = map[string]int{
	"понедельник": 1, "понедельника": 1,
	"вторник": 2, "вторника": 2,
	"среду":   3,
	"четверг": 4, "четверга": 4,
	"пятницу": 5, "пятница": 5, "пятницы": 5,
	"субботу": 6, "суббота": 6, "субботы": 6,
	"воскресенье": 0, "воскресенья": 0,
}

// DateDays maps words naming a day relative to the article's date to
// their offset in days.
var DateDays = map[string]int{
	"позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2,
	// "Накануне" in a news report is the day before it.
	"накануне": -1,
}

// DateEveWords are day words that are also prepositions ("накануне
// выборов", on the eve of the elections): a day only when no lower-case
// word other than a part of the day follows.
var DateEveWords = map[string]bool{"накануне": true}

// DateDayParts maps parts of the day to TimeML codes.
var DateDayParts = map[string]string{
	"утром": "MO", "днем": "AF", "вечером": "EV", "ночью": "NI",
}

// DateShifts maps the words that move a unit or a weekday from the
// article's date (на прошлой неделе, в следующем году, в прошлый вторник)
// to -1, 0 or +1.
var DateShifts = map[string]int{
	"прошлой": -1, "прошлом": -1, "прошлого": -1, "прошлую": -1, "прошлый": -1,
	"прошедшей": -1, "прошедшем": -1, "прошедшую": -1, "прошедший": -1,
	"минувшей": -1, "минувшем": -1, "минувшего": -1, "минувшую": -1, "минувший": -1, "минувшее": -1,
	"прошлых": -1, "минувших": -1, "этих": 0, "следующих": 1,
	"этой": 0, "этом": 0, "этого": 0, "эту": 0, "этот": 0,
	"текущей": 0, "текущем": 0, "текущего": 0, "текущую": 0, "текущий": 0,
	"нынешнем": 0, "нынешнего": 0,
	"следующей": 1, "следующем": 1, "следующего": 1, "следующую": 1, "следующий": 1,
	"будущей": 1, "будущем": 1, "будущего": 1, "будущую": 1,
}

// DateUnits maps calendar unit words in every case and number to TimeML
// unit letters: Y, M, W, D, TH (hours).
var DateUnits = map[string]string{
	"год": "Y", "года": "Y", "году": "Y", "годом": "Y", "лет": "Y", "годы": "Y", "годах": "Y",
	"месяц": "M", "месяца": "M", "месяце": "M", "месяцев": "M", "месяцы": "M",
	"неделя": "W", "неделю": "W", "недели": "W", "неделе": "W", "недель": "W",
	"день": "D", "дня": "D", "дней": "D", "дни": "D", "сутки": "D", "суток": "D",
	"час": "TH", "часа": "TH", "часов": "TH",
	"выходные": "WE", "выходных": "WE",
	"минута": "TM", "минуту": "TM", "минуты": "TM", "минут": "TM", "полчаса": "TH",
}

// DatePluralUnits are the forms of DateUnits that are only plural: a
// shift word never governs them ("в последние годы" is no date).
var DatePluralUnits = map[string]bool{
	"лет": true, "годы": true, "годах": true, "месяцев": true, "месяцы": true,
	"недель": true, "дней": true, "дни": true, "часов": true, "минут": true,
}

// DateYearWords follow a year number: "2025 года", "в 2025 г.".
var DateYearWords = map[string]bool{"год": true, "года": true, "году": true, "годом": true, "г": true}

// DateYearCues come before a year number written alone.
var DateYearCues = map[string]bool{}

// DateAgoAfter follow a count of units to put it in the past: "три дня
// назад"; DateAgoBefore precede it.
var DateAgoAfter = map[string]bool{"назад": true}
var DateAgoBefore = map[string]bool{}

// DateNumbers maps number words (in the forms that count units) to their
// value; -1 marks a vague count ("несколько").
var DateNumbers = map[string]int{
	"один": 1, "одна": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4,
	"пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
	"несколько": -1, "нескольких": -1,
	// Genitive, after "около", "более", "в течение": "около пяти часов".
	"двух": 2, "трех": 3, "четырех": 4, "пяти": 5, "шести": 6, "семи": 7, "восьми": 8,
	"девяти": 9, "десяти": 10,
}

// DateMonthCues come before a month named without a day or year and make
// it a date: "в декабре", "в начале декабря", "с августа".
var DateMonthCues = map[string]bool{
	"в": true, "во": true, "с": true, "со": true, "до": true, "к": true, "по": true,
	"начале": true, "конце": true, "середине": true, "течение": true, "прошлого": true,
	"этого": true, "минувшего": true, "середины": true, "конца": true, "начала": true,
}

// DateFuture are words that make a sentence speak of what is to come.
var DateFuture = map[string]bool{
	"будет": true, "будут": true, "будем": true, "состоится": true, "состоятся": true,
	"планирует": true, "планируют": true, "планируется": true, "намерен": true,
	"намерена": true, "намерены": true, "собирается": true, "собираются": true,
	"ожидается": true, "ожидаются": true, "предстоит": true, "предстоящей": true,
	"предстоящем": true, "проведет": true, "проведут": true, "пройдет": true,
	"пройдут": true, "завтра": true, "послезавтра": true,
}

// EventPastEndings end past-tense verbs (встретился, заявила, провели): a
// sentence with one reports something that happened.
var EventPastEndings = []string{"лся", "лась", "лось", "лись", "ла", "ло", "ли", "л"}

// EventNotVerbs end like past verbs but are not: they never make a
// sentence an event.
var EventNotVerbs = map[string]bool{
	"если": true, "или": true, "посол": true, "пол": true, "стол": true, "угол": true,
	"котел": true, "мысли": true, "власти": true, "ли": true,
	"земли": true, "роли": true, "воли": true, "цели": true, "модели": true, "недели": true,
	"число": true, "село": true, "дело": true, "тело": true, "зло": true, "весло": true,
	"мало": true, "сила": true, "села": true, "дела": true, "бала": true, "школа": true,
	"стола": true, "посла": true, "числа": true,
}

// EventSpeechVerbs say who reported rather than what happened.
var EventSpeechVerbs = map[string]bool{
	"заявил": true, "заявила": true, "заявили": true, "сказал": true, "сказала": true,
	"сказали": true, "сообщил": true, "сообщила": true, "сообщили": true, "отметил": true,
	"отметила": true, "отметили": true, "подчеркнул": true, "подчеркнула": true,
	"добавил": true, "добавила": true, "пояснил": true, "пояснила": true, "рассказал": true,
	"рассказала": true, "написал": true, "написала": true, "признал": true, "заявляет": true,
	"говорит": true, "сообщает": true, "пишет": true, "передает": true,
}

// EventClauseOpeners open a subordinate clause wherever they stand;
// EventCommaOpeners open one after a comma (relative clauses);
// EventReportOpeners open the report after a speech verb. The timeline
// dates such a clause by the date in it, apart from the main clause.
var EventClauseOpeners = map[string]bool{
	"когда": true, "пока": true, "хотя": true, "поскольку": true, "после": true, "прежде": true,
}

var EventCommaOpeners = map[string]bool{
	"который": true, "которая": true, "которое": true, "которые": true, "которой": true,
	"котором": true, "которую": true, "которых": true, "которым": true, "где": true,
}

var EventReportOpeners = map[string]bool{"что": true}

// DateOrdinalEndings follow a day number after a hyphen ("2-го декабря").
var DateOrdinalEndings = map[string]bool{"го": true, "е": true, "ого": true}

// DateStampWords mark a short dated line as a stamp of the page itself
// ("Опубликовано 14.12.2025", "Дата публикации"), not a report of an
// event.
var DateStampWords = map[string]bool{
	"опубликовано": true, "обновлено": true, "публикации": true, "обновлен": true,
	"опубликован": true,
}
