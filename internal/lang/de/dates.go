package de

// Resources of the time-expression stage (internal/when) and of the
// timeline's event test (internal/timeline) for German. Every key is lower
// case; an abbreviation is listed without its dot and matches only when a
// dot follows it.

// DateMonths maps month names to their number (1–12), with the Austrian
// and Swiss forms.
var DateMonths = map[string]int{
	"januar": 1, "jänner": 1, "februar": 2, "feber": 2, "märz": 3, "april": 4,
	"mai": 5, "juni": 6, "juli": 7, "august": 8, "september": 9, "oktober": 10,
	"november": 11, "dezember": 12,
}

// DateMonthAbbrevs maps month abbreviations (written with a dot) to their
// number.
var DateMonthAbbrevs = map[string]int{
	"jan": 1, "jän": 1, "feb": 2, "febr": 2, "mär": 3, "apr": 4, "jun": 6, "jul": 7,
	"aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dez": 12,
}

// DateWeekdays maps weekday names to Go's weekday numbers (0 Sunday … 6
// Saturday). A weekday joined with a part of the day ("Dienstagabend") is
// read as the weekday and DateDayParts.
var DateWeekdays = map[string]int{
	"montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5,
	"samstag": 6, "sonnabend": 6, "sonntag": 0,
}

// DateDays maps words naming a day relative to the article's date to
// their offset in days. "morgen" counts only written in lower case and
// not after "heute" or "gestern" (where it is the morning).
var DateDays = map[string]int{
	"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2,
	// "Am Vortag" in a news report is the day before it.
	"vortag": -1,
}

// DateEveWords are day words that are also prepositions (none in
// German).
var DateEveWords = map[string]bool{}

// DateDayParts maps parts of the day to TimeML codes.
var DateDayParts = map[string]string{
	"morgen": "MO", "früh": "MO", "vormittag": "MO", "mittag": "MI",
	"nachmittag": "AF", "abend": "EV", "nacht": "NI",
}

// DateShifts maps the words that move a unit or a weekday from the
// article's date (vergangene Woche, nächstes Jahr, letzten Dienstag) to
// -1, 0 or +1.
var DateShifts = map[string]int{
	"vergangene": -1, "vergangenen": -1, "vergangener": -1, "vergangenes": -1,
	"letzte": -1, "letzten": -1, "letzter": -1, "letztes": -1,
	"vorige": -1, "vorigen": -1, "voriger": -1, "voriges": -1,
	"diese": 0, "diesen": 0, "dieser": 0, "dieses": 0,
	"nächste": 1, "nächsten": 1, "nächster": 1, "nächstes": 1,
	"kommende": 1, "kommenden": 1, "kommender": 1, "kommendes": 1,
}

// DateUnits maps calendar unit words in every case and number to TimeML
// unit letters: Y, M, W, WE (weekend), D, TH (hours).
var DateUnits = map[string]string{
	"jahr": "Y", "jahres": "Y", "jahre": "Y", "jahren": "Y",
	"monat": "M", "monats": "M", "monate": "M", "monaten": "M",
	"woche": "W", "wochen": "W", "wochenende": "WE",
	"tag": "D", "tage": "D", "tagen": "D", "tages": "D",
	"stunde": "TH", "stunden": "TH", "minute": "TM", "minuten": "TM",
}

// DatePluralUnits are the forms of DateUnits that are only plural: a
// shift word never governs them ("in den letzten Jahren" is no date).
var DatePluralUnits = map[string]bool{
	"jahre": true, "jahren": true, "monate": true, "monaten": true, "wochen": true,
	"tage": true, "tagen": true, "stunden": true, "minuten": true,
}

// DateYearWords follow a year number (none in German).
var DateYearWords = map[string]bool{}

// DateYearCues come before a year number written alone: "im Jahr 2025",
// "seit 2014".
var DateYearCues = map[string]bool{
	"jahr": true, "jahre": true, "jahres": true, "seit": true, "bis": true, "ab": true,
	"anfang": true, "ende": true, "mitte": true, "frühjahr": true, "sommer": true,
	"herbst": true, "winter": true,
}

// DateAgoBefore precede a count of units to put it in the past: "vor drei
// Tagen"; DateAgoAfter follow it.
var DateAgoBefore = map[string]bool{"vor": true}
var DateAgoAfter = map[string]bool{}

// DateNumbers maps number words (in the forms that count units) to their
// value; -1 marks a vague count ("einigen").
var DateNumbers = map[string]int{
	"ein": 1, "eine": 1, "einem": 1, "einer": 1, "einen": 1, "zwei": 2, "drei": 3,
	"vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
	"einigen": -1, "mehreren": -1, "wenigen": -1,
}

// DateMonthCues come before a month named without a day or year and make
// it a date: "im Dezember", "Anfang August", "seit Juli".
var DateMonthCues = map[string]bool{
	"im": true, "in": true, "seit": true, "bis": true, "ab": true, "vom": true, "zum": true,
	"anfang": true, "ende": true, "mitte": true, "von": true, "nach": true, "vor": true,
	"des": true, "den": true, "diesen": true, "letzten": true, "vergangenen": true,
}

// DateFuture are words that make a sentence speak of what is to come.
var DateFuture = map[string]bool{
	"wird": true, "werden": true, "soll": true, "sollen": true, "will": true, "wollen": true,
	"plant": true, "planen": true, "geplant": true, "kommenden": true, "nächsten": true,
	"bevorstehenden": true, "morgen": true, "übermorgen": true,
}

// EventPastEndings end verbs in the past (sagte, erklärten, getroffen is
// caught by EventVerbs' auxiliaries): a sentence with one reports
// something that happened. Only words written in lower case count.
var EventPastEndings = []string{"te", "ten"}

// EventVerbs are auxiliaries of the perfect and passive and strong past
// forms that report events.
var EventVerbs = map[string]bool{
	"hat": true, "haben": true, "hatte": true, "hatten": true, "ist": true, "sind": true,
	"war": true, "waren": true, "wurde": true, "wurden": true, "traf": true, "trafen": true,
	"sprach": true, "sprachen": true, "kam": true, "kamen": true, "gab": true, "gaben": true,
	"fand": true, "fanden": true, "hielt": true, "hielten": true, "flog": true, "flogen": true,
	"ging": true, "gingen": true, "nahm": true, "nahmen": true, "empfing": true, "rief": true,
	"telefoniert": true, "trifft": true, "reist": true, "beginnt": true,
	// The subjunctive of reported speech: "das Treffen habe stattgefunden".
	"sei": true, "seien": true, "habe": true, "hätte": true, "hätten": true,
	"wäre": true, "wären": true,
}

// EventNotVerbs end like past verbs but are not.
var EventNotVerbs = map[string]bool{
	"heute": true, "letzte": true, "letzten": true, "erste": true, "ersten": true,
	"zweite": true, "zweiten": true, "dritte": true, "dritten": true, "nächste": true,
	"gute": true, "guten": true, "beste": true, "besten": true, "weite": true, "weiten": true,
	"konkrete": true, "konkreten": true, "rote": true, "roten": true, "mitte": true,
	"bereits": true, "bitte": true, "hunderte": true, "hunderten": true, "rechte": true,
	"rechten": true, "harte": true, "harten": true, "seiten": true, "achte": true,
	"fünfte": true, "vierte": true, "sechste": true, "siebte": true, "mächtige": true,
}

// EventSpeechVerbs say who reported rather than what happened.
var EventSpeechVerbs = map[string]bool{
	"sagte": true, "sagten": true, "erklärte": true, "erklärten": true, "betonte": true,
	"betonten": true, "teilte": true, "teilten": true, "berichtete": true, "berichteten": true,
	"meldete": true, "meldeten": true, "fügte": true, "schrieb": true, "sagt": true,
	"erklärt": true, "betont": true, "berichtet": true, "meldet": true, "schreibt": true,
}

// EventClauseOpeners open a subordinate clause wherever they stand;
// EventCommaOpeners open one after a comma (relative clauses);
// EventReportOpeners open the report after a speech verb. The timeline
// dates such a clause by the date in it, apart from the main clause.
var EventClauseOpeners = map[string]bool{
	"nachdem": true, "als": true, "bevor": true, "während": true, "weil": true,
	"obwohl": true, "seit": true, "seitdem": true,
}

var EventCommaOpeners = map[string]bool{
	"der": true, "die": true, "das": true, "den": true, "dem": true, "wo": true,
}

var EventReportOpeners = map[string]bool{"dass": true}

// DateOrdinalEndings follow a day number after a hyphen ("2-го декабря").
var DateOrdinalEndings = map[string]bool{}

// DateStampWords mark a short dated line as a stamp of the page itself
// ("Aktualisiert am 14.12.2025", "Diese Nachricht wurde am … gesendet"),
// not a report of an event.
var DateStampWords = map[string]bool{
	"aktualisiert": true, "veröffentlicht": true, "gesendet": true, "erschienen": true,
	"zuletzt": true,
}
