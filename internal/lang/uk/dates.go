package uk

// Resources of the time-expression stage (internal/when) and of the
// timeline's event test (internal/timeline) for Ukrainian. Every key is
// lower case with apostrophes written '; an abbreviation is listed without
// its dot and matches only when a dot follows it.

// DateMonths maps month names in every case to their number (1–12).
var DateMonths = map[string]int{
	"січень": 1, "січня": 1, "січні": 1, "січнем": 1,
	"лютий": 2, "лютого": 2, "лютому": 2, "лютим": 2,
	"березень": 3, "березня": 3, "березні": 3, "березнем": 3,
	"квітень": 4, "квітня": 4, "квітні": 4, "квітнем": 4,
	"травень": 5, "травня": 5, "травні": 5, "травнем": 5,
	"червень": 6, "червня": 6, "червні": 6, "червнем": 6,
	"липень": 7, "липня": 7, "липні": 7, "липнем": 7,
	"серпень": 8, "серпня": 8, "серпні": 8, "серпнем": 8,
	"вересень": 9, "вересня": 9, "вересні": 9, "вереснем": 9,
	"жовтень": 10, "жовтня": 10, "жовтні": 10, "жовтнем": 10,
	"листопад": 11, "листопада": 11, "листопаді": 11, "листопадом": 11,
	"грудень": 12, "грудня": 12, "грудні": 12, "груднем": 12,
}

// DateMonthAbbrevs maps month abbreviations (written with a dot) to their
// number.
var DateMonthAbbrevs = map[string]int{
	"січ": 1, "лют": 2, "бер": 3, "квіт": 4, "трав": 5, "черв": 6, "лип": 7,
	"серп": 8, "вер": 9, "вересн": 9, "жовт": 10, "лист": 11, "листоп": 11, "груд": 12,
}

// DateWeekdays maps weekday names in the cases news use them in (у
// вівторок, в середу, з понеділка) to Go's weekday numbers (0 Sunday … 6
// Saturday).
var DateWeekdays = map[string]int{
	"понеділок": 1, "понеділка": 1,
	"вівторок": 2, "вівторка": 2,
	"середу": 3, "середа": 3, "середи": 3,
	"четвер": 4, "четверга": 4,
	"п'ятницю": 5, "п'ятниця": 5, "п'ятниці": 5,
	"суботу": 6, "субота": 6, "суботи": 6,
	"неділю": 0, "неділя": 0, "неділі": 0,
}

// DateDays maps words naming a day relative to the article's date to
// their offset in days.
var DateDays = map[string]int{
	"позавчора": -2, "вчора": -1, "учора": -1, "сьогодні": 0, "завтра": 1, "післязавтра": 2,
	// "Напередодні" in a news report is the day before it.
	"напередодні": -1,
}

// DateEveWords are day words that are also prepositions ("напередодні
// виборів"): a day only when no lower-case word other than a part of the
// day follows.
var DateEveWords = map[string]bool{"напередодні": true}

// DateDayParts maps parts of the day to TimeML codes.
var DateDayParts = map[string]string{
	"вранці": "MO", "зранку": "MO", "уранці": "MO", "вдень": "AF", "удень": "AF",
	"ввечері": "EV", "увечері": "EV", "ввечора": "EV", "вночі": "NI", "уночі": "NI",
}

// DateShifts maps the words that move a unit or a weekday from the
// article's date (минулого тижня, наступного року, минулої п'ятниці) to -1,
// 0 or +1.
var DateShifts = map[string]int{
	"минулого": -1, "минулому": -1, "минулої": -1, "минулій": -1, "минулий": -1, "минулу": -1,
	"попереднього": -1, "попередньому": -1, "минулих": -1, "цих": 0, "наступних": 1,
	"цього": 0, "цьому": 0, "цієї": 0, "цій": 0, "цей": 0, "цю": 0,
	"поточного": 0, "поточному": 0, "поточної": 0,
	"наступного": 1, "наступному": 1, "наступної": 1, "наступній": 1, "наступний": 1, "наступну": 1,
}

// DateUnits maps calendar unit words in every case and number to TimeML
// unit letters: Y, M, W, D, TH (hours).
var DateUnits = map[string]string{
	"рік": "Y", "року": "Y", "році": "Y", "роком": "Y", "роки": "Y", "років": "Y",
	"місяць": "M", "місяця": "M", "місяці": "M", "місяців": "M",
	"тиждень": "W", "тижня": "W", "тижні": "W", "тижнів": "W",
	"день": "D", "дня": "D", "дні": "D", "днів": "D", "доба": "D", "доби": "D", "діб": "D",
	"година": "TH", "години": "TH", "годину": "TH", "годин": "TH",
	"вихідні": "WE", "вихідних": "WE",
	"хвилина": "TM", "хвилину": "TM", "хвилини": "TM", "хвилин": "TM", "півгодини": "TH",
}

// DatePluralUnits are the forms of DateUnits that are only plural: a
// shift word never governs them.
var DatePluralUnits = map[string]bool{
	"роки": true, "років": true, "місяців": true, "тижнів": true, "днів": true, "діб": true, "годин": true, "хвилин": true,
}

// DateYearWords follow a year number: "2025 року", "у 2025 р.".
var DateYearWords = map[string]bool{"рік": true, "року": true, "році": true, "роком": true, "р": true}

// DateYearCues come before a year number written alone.
var DateYearCues = map[string]bool{}

// DateAgoAfter follow a count of units to put it in the past: "три дні
// тому"; DateAgoBefore precede it.
var DateAgoAfter = map[string]bool{"тому": true}
var DateAgoBefore = map[string]bool{}

// DateNumbers maps number words (in the forms that count units) to their
// value; -1 marks a vague count ("кілька").
var DateNumbers = map[string]int{
	"один": 1, "одна": 1, "одну": 1, "два": 2, "дві": 2, "три": 3, "чотири": 4,
	"п'ять": 5, "шість": 6, "сім": 7, "вісім": 8, "дев'ять": 9, "десять": 10,
	"кілька": -1, "декілька": -1, "кількох": -1,
	// Genitive, after "близько", "понад", "протягом": "близько п'яти годин".
	"двох": 2, "трьох": 3, "чотирьох": 4, "п'яти": 5, "шести": 6, "семи": 7, "восьми": 8,
	"дев'яти": 9, "десяти": 10,
}

// DateMonthCues come before a month named without a day or year and make
// it a date: "у грудні", "наприкінці листопада", "з серпня".
var DateMonthCues = map[string]bool{
	"у": true, "в": true, "з": true, "із": true, "до": true, "на": true, "по": true, "від": true,
	"початку": true, "кінці": true, "середині": true, "наприкінці": true, "протягом": true,
	"минулого": true, "цього": true, "середини": true, "кінця": true, "початком": true,
}

// DateFuture are words that make a sentence speak of what is to come.
var DateFuture = map[string]bool{
	"буде": true, "будуть": true, "будемо": true, "відбудеться": true, "відбудуться": true,
	"планує": true, "планують": true, "планується": true, "має": true, "мають": true,
	"очікується": true, "очікуються": true, "проведе": true, "проведуть": true,
	"збирається": true, "збираються": true, "завтра": true, "післязавтра": true,
	"майбутньої": true, "майбутньому": true, "запланована": true, "запланований": true,
}

// EventPastEndings end past-tense verbs (зустрівся, заявила, провели,
// заявив): a sentence with one reports something that happened.
var EventPastEndings = []string{"вся", "лася", "лося", "лися", "ла", "ло", "ли", "ив", "ав", "яв"}

// EventNotVerbs end like past verbs but are not.
var EventNotVerbs = map[string]bool{
	"коли": true, "або": true, "посол": true, "школи": true, "землі": true, "цілі": true,
	"ролі": true, "дні": true, "село": true, "число": true, "тіло": true, "сила": true,
	"зла": true, "кола": true, "мова": true, "голова": true, "слова": true,
	"справ": true, "прав": true, "держав": true, "вимоги": true,
}

// EventSpeechVerbs say who reported rather than what happened.
var EventSpeechVerbs = map[string]bool{
	"заявив": true, "заявила": true, "заявили": true, "сказав": true, "сказала": true,
	"сказали": true, "повідомив": true, "повідомила": true, "повідомили": true,
	"зазначив": true, "зазначила": true, "зазначили": true, "наголосив": true,
	"наголосила": true, "додав": true, "додала": true, "пояснив": true, "пояснила": true,
	"розповів": true, "розповіла": true, "написав": true, "написала": true,
	"заявляє": true, "каже": true, "повідомляє": true, "пише": true,
}

// EventClauseOpeners open a subordinate clause wherever they stand;
// EventCommaOpeners open one after a comma (relative clauses);
// EventReportOpeners open the report after a speech verb. The timeline
// dates such a clause by the date in it, apart from the main clause.
var EventClauseOpeners = map[string]bool{
	"коли": true, "поки": true, "хоча": true, "оскільки": true, "після": true, "перш": true,
}

var EventCommaOpeners = map[string]bool{
	"який": true, "яка": true, "яке": true, "які": true, "якій": true, "якому": true,
	"яку": true, "яких": true, "яким": true, "де": true,
}

var EventReportOpeners = map[string]bool{"що": true}

// DateOrdinalEndings follow a day number after a hyphen ("2-го декабря").
var DateOrdinalEndings = map[string]bool{"го": true, "ге": true, "е": true}

// DateStampWords mark a short dated line as a stamp of the page itself
// ("Опубліковано 14.12.2025", "Оновлено"), not a report of an event.
var DateStampWords = map[string]bool{
	"опубліковано": true, "оновлено": true, "публікації": true, "оновлений": true,
	"опублікований": true,
}
