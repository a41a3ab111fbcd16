package de

// Words and phrases the facts stage (internal/facts) reads figures and
// claims with. Phrases are lower case, words separated by one space; a
// word ending in "*" matches every word it begins.

// FactNumberWords are the number words a figure can be written with.
var FactNumberWords = map[string]float64{
	"eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
	"sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
	"fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20,
	"dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
	"hundert": 100, "einhundert": 100, "anderthalb": 1.5, "eineinhalb": 1.5, "dutzend": 12,
}

// FactOrdinalWords count occurrences ("das sechste Telefonat").
var FactOrdinalWords = ordinals(map[string]float64{
	"erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7, "acht": 8, "neunt": 9, "zehnt": 10,
})

// ordinals spells every stem with every ending.
func ordinals(stems map[string]float64) map[string]float64 {
	out := map[string]float64{}
	for stem, v := range stems {
		for _, e := range []string{"e", "en", "er", "es", "em"} {
			out[stem+e] = v
		}
	}
	return out
}

// FactScaleWords multiply the figure before them.
var FactScaleWords = map[string]float64{
	"tausend": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6, "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "billionen": 1e12,
}

// FactQualifiers before a figure, by the qualifier Parallax reports.
var FactQualifiers = map[string]string{
	"mindestens": "at least", "wenigstens": "at least", "zumindest": "at least",
	"mehr als": "more than", "über": "more than", "weit über": "more than",
	"etwa": "about", "rund": "about", "fast": "about", "knapp": "about", "ungefähr": "about", "circa": "about", "ca": "about", "beinahe": "about", "annähernd": "about", "gut": "about",
	"bis zu": "up to", "höchstens": "up to",
	"weniger als": "less than", "unter": "less than",
}

// FactQualifiersAfter follow a figure.
var FactQualifiersAfter = map[string]string{"oder mehr": "at least"}

// FactSubjects are the things a figure can count.
var FactSubjects = map[string]string{
	"deaths":   "tote toten getötet getötete getöteten todesopfer* starben gestorben ums leben opfer tod",
	"injured":  "verletzte verletzten verletzt verwundete verwundeten verwundet",
	"missing":  "vermisste vermissten vermisst",
	"arrested": "festgenommen festnahmen verhaftet",
	"hours":    "stunde stunden stündig* stündige*",
	"meetings": "treffen treffens gipfel* begegnung* zusammenkunft",
	"calls":    "telefonat* gespräch* gespräche telefongespräch*",
	"points":   "punkte punkten punkt",
	"troops":   "soldaten truppen militärs",
	"money":    "",
}

// FactDurationContext makes a count of hours the length of a meeting.
var FactDurationContext = "gespräch* treffen verhandlung* dauerte dauerten gedauert lang stündig* beratung* unterredung* telefonat* sitzung*"

// FactNotDuration before a count of hours makes it a point in time.
var FactNotDuration = "um vor nach binnen innerhalb in seit ab"

// FactPlanContext makes a count of points the points of a plan.
var FactPlanContext = "plan* plans entwurf* vorschlag* vorschläge* friedensplan* rahmen* abkommen* dokument*"

// FactTimesWords count repeated events ("fünf Mal").
var FactTimesWords = "mal"

// FactRangeJoiners join the two ends of a range.
var FactRangeJoiners = "bis und oder -"

// FactRangeOpeners start a range.
var FactRangeOpeners = "zwischen von"

// FactClockPrepositions before a number make it a time of day.
var FactClockPrepositions = "um gegen"

// FactConjunctions end the search for what a figure counts.
var FactConjunctions = "und aber oder während sowie"

// FactSkipContext marks sentences of market prices, scores and ratings.
var FactSkipContext = "aktie* index* dax kurs* tore tor punktestand* umfrage* prozent*"

// FactAttributionSource are phrases whose source follows.
var FactAttributionSource = []string{"laut", "nach angaben", "zufolge", "unter berufung auf", "nach schätzungen"}

// FactSpeechVerbs attribute the sentence to the name beside them.
var FactSpeechVerbs = "sagte sagten sagt erklärte erklärten erklärt mitteilte mitteilten mitgeteilt teilte teilten berichtete berichteten berichtet meldete meldeten behauptete behauptet bestätigte betonte"

// FactRelativeYear are phrases that place a year relative to the time of
// writing ("im laufenden Jahr 2023").
var FactRelativeYear = []string{"im laufenden jahr", "in diesem jahr", "früher im jahr", "anfang dieses jahres"}

// FactYearWords may stand after the year.
var FactYearWords = ""

// FactDecimalComma is true: "1,5 Millionen" is one and a half million.
const FactDecimalComma = true

// FactPersonWords are the nouns a toll counts people with.
var FactPersonWords = "menschen personen zivilisten opfer tote toten verletzte verletzten sind wurden waren"

// FactBackground marks sentences about an earlier event.
var FactBackground = "damals vorigen vorherigen früheren"

// FactGenericSources are sources that are not a side of the story.
var FactGenericSources = "behörden polizei augenzeugen medien quellen er sie es montag dienstag mittwoch donnerstag freitag samstag sonntag"

// FactMoneyNouns are what an amount of money can be a figure of.
var FactMoneyNouns = "hilfe* hilfspaket* kredit* haushalt* angebot* deal* strafe* vertrag* entschädigung* investition* paket* finanzierung* übernahme*"

// FactMonths are month names: a number beside one is a day of a date
// ("2. Dezember"), not a count.
var FactMonths = "januar jänner februar märz april mai juni juli august september oktober november dezember jan feb mär apr jun jul aug sep sept okt nov dez"

// FactChangeVerbs before "bis zu" make it the new value of a count, not a
// bound.
var FactChangeVerbs = "stieg stiegen gestiegen erhöhte erhöhten wuchs"

// FactEvents name the kinds of event whose date, place and participants
// the facts stage reads ("Trump und Putin trafen sich am 15. August in
// Anchorage"), by kind, in the order they are tried.
var FactEvents = [][2]string{
	{"call", "telefonat* anruf* telefoniert* telefongespräch*"},
	{"signing", "unterzeichn* unterschrieb* unterschrift*"},
	{"attack", "angriff* anschlag* attacke* beschuss"},
	{"meeting", "treffen traf trafen getroffen trifft gipfel* gespräch* verhandlung* zusammenkunft empfing empfangen"},
	{"visit", "besuch* reise* eingetroffen"},
	{"vote", "stimmte* abgestimmt abstimmung*"},
	{"arrest", "festgenommen verhaftet festnahme* verhaftung*"},
}

// FactPlacePrepositions open the place of an event ("in Anchorage", "im
// Kreml").
var FactPlacePrepositions = "in im auf"

// FactDateNotEvent before a date make it a bound, not the day of the
// event ("bis Freitag", "seit Dienstag").
var FactDateNotEvent = "bis seit ab vor nach frist"

// FactSayingWords, beside the speech verbs, tell a saying: a date before
// them is the day the words were said, not the day of the event they
// tell of.
var FactSayingWords = "sagend zitiert kündigte angekündigt"

// FactMinuteWords after a count of hours add minutes to it ("two hours
// and 45 minutes").
var FactMinuteWords = "minute minuten"

// FactCapitalNouns is true: every noun is capitalised. Where nouns are capitalised, a
// capitalised word is read as a name only where the article also writes it
// after a first name or a title.
const FactCapitalNouns = true

// FactEventSeparators between a date and the word of an event put them in
// two clauses: "left on 12 February after the vote" dates the leaving.
var FactEventSeparators = "nach vor seit"

// FactEventBackground mark a sentence that recalls an earlier event
// ("previously", "ранее"): its days and places are not read as those of
// the story's event.
var FactEventBackground = "damals vorigen vorherigen früheren zuvor zuletzt"

// FactAdjectiveEndings end the capitalised adjectives of peoples and
// places ("European leaders", "Russian diplomats"): such a word before a
// lower-case word is not a name.
var FactAdjectiveEndings = ""

// FactHalfAfter follow a number to add a half to it ("three and a half
// hours", "три с половиной часа").
var FactHalfAfter = []string{"und ein halb"}

// FactHalfSuffix joined to a number word adds a half ("dreieinhalb",
// "three-and-a-half"); "" where the language has none.
const FactHalfSuffix = "einhalb"

// FactOneHour are the words of one hour without a number: an article that
// stands for "one" before them (eine einer), and the words of an hour (stunde),
// which alone count as one after a qualifier ("более часа", "понад
// годину").
var (
	FactOneHourArticles = "ein eine einer"
	FactOneHourWords    = "stunde"
)
