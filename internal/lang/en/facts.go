package en

// Words and phrases the facts stage (internal/facts) reads figures and
// claims with. Phrases are lower case, words separated by one space; a
// word ending in "*" matches every word it begins.

// FactNumberWords are the number words a figure can be written with.
var FactNumberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12,
}

// FactOrdinalWords count occurrences ("the sixth call").
var FactOrdinalWords = map[string]float64{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
	"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
	"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10,
}

// FactScaleWords multiply the figure before them.
var FactScaleWords = map[string]float64{
	"thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mln": 1e6,
}

// FactQualifiers before a figure, by the qualifier Parallax reports.
var FactQualifiers = map[string]string{
	"at least": "at least", "no fewer than": "at least", "a minimum of": "at least",
	"more than": "more than", "over": "more than", "upwards of": "more than", "in excess of": "more than",
	"about": "about", "around": "about", "nearly": "about", "almost": "about", "approximately": "about",
	"roughly": "about", "some": "about", "an estimated": "about", "close to": "about", "just under": "about",
	"just over": "about", "some estimated": "about",
	"up to": "up to", "as many as": "up to",
	"fewer than": "less than", "less than": "less than", "under": "less than",
}

// FactQualifiersAfter follow a figure ("50 or more").
var FactQualifiersAfter = map[string]string{"or more": "at least", "plus": "at least", "or so": "about"}

// FactSubjects are the things a figure can count, each with the words
// that say so near the figure.
var FactSubjects = map[string]string{
	"deaths":   "killed kill killing dead death deaths died die fatalities fatality lives casualties* toll",
	"injured":  "injured injuring injuries injury wounded wounding hurt hospitalized hospitalised",
	"missing":  "missing unaccounted",
	"arrested": "arrested arrests detained detentions",
	"hours":    "hour hours",
	"meetings": "meeting meetings met summit summits",
	"calls":    "call calls conversation conversations",
	"points":   "point points",
	"troops":   "troops troop soldiers servicemen",
	"money":    "",
}

// FactDurationContext makes a count of hours the length of a meeting or
// talks rather than a time ("within 24 hours").
var FactDurationContext = "talks talk meeting meetings met lasted lasting negotiations discussion discussions conversation session call took trapped search searching rescue surgery operation"

// FactNotDuration before or after a count of hours makes it a point in
// time or a deadline.
var FactNotDuration = "ago within after before past next in last every per later earlier"

// FactPlanContext makes a count of points the points of a plan.
var FactPlanContext = "plan plans proposal proposals framework draft blueprint deal document documents"

// FactTimesWords count repeated events ("met five times").
var FactTimesWords = "times"

// FactRangeJoiners join the two ends of a range ("40 to 50").
var FactRangeJoiners = "to and or -"

// FactRangeOpeners start a range ("between 40 and 50").
var FactRangeOpeners = "between from"

// FactClockPrepositions before a number make it a time of day.
var FactClockPrepositions = "at by until"

// FactConjunctions end the search for what a figure counts.
var FactConjunctions = "and but while whereas or"

// FactSkipContext marks sentences whose figures are market prices,
// scores or ratings, not counts of an event.
var FactSkipContext = "shares share stock stocks index nasdaq dow percent scored goals goal rating poll polls odds yards innings seed ranked rebounds assists"

// FactAttributionSource are phrases whose source follows ("according to
// the Kremlin").
var FactAttributionSource = []string{"according to", "citing", "cited", "quoting", "as reported by", "reported by"}

// FactSpeechVerbs attribute the sentence to the name beside them ("Ushakov
// said", "said the ministry").
var FactSpeechVerbs = "said says say told tells claimed claims claim stated states announced announces reported reports estimated estimates confirmed confirms added noted insisted alleged alleges"

// FactRelativeYear are phrases that place a year relative to the time of
// writing: "earlier in 2023" only makes sense written in 2023.
var FactRelativeYear = []string{"earlier in", "so far in", "earlier this year in", "since earlier in"}

// FactYearWords may stand between a relative phrase and the year.
var FactYearWords = ""

// FactDecimalComma is false: "1,500" is fifteen hundred.
const FactDecimalComma = false

// FactPersonWords are the nouns a toll counts people with; a toll figure
// followed by another noun ("two Chinese tourists", "one of the injured")
// counts a part, not the whole.
var FactPersonWords = "people person persons others civilians victims were are was have had more before after in at on when as during since while"

// FactBackground marks sentences about an earlier event, whose figures are
// not this event's.
var FactBackground = "ago previous previously deadliest worst former"

// FactGenericSources are sources that are not a side of the story
// ("police said", "said Monday"): a figure given to them is not a claim
// reported as someone's.
var FactGenericSources = "authorities police officials witnesses reports media sources officers investigators doctors he she they it we i monday tuesday wednesday thursday friday saturday sunday"

// FactMoneyNouns are what an amount of money can be a figure of ("a $121
// billion offer"); other amounts are not compared.
var FactMoneyNouns = "offer offers bid deal charge fine aid package loan loans budget contract settlement bill funding investment sale acquisition takeover ransom compensation damages"

// FactMonths are month names: a number beside one is a day of a date
// ("April 30 annual meeting"), not a count.
var FactMonths = "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec"

// FactChangeVerbs before "up to" make it the new value of a count ("rose
// to"), not a bound.
var FactChangeVerbs = "rose risen climbed increased grew jumped"

// FactEvents name the kinds of event whose date, place and participants
// the facts stage reads ("Trump and Putin met in Anchorage on 15
// August"), by kind, in the order they are tried.
var FactEvents = [][2]string{
	{"call", "call phone telephone phoned"},
	{"signing", "signed signing sign signs"},
	{"attack", "attack attacks attacked airstrike airstrikes strikes shelling"},
	{"meeting", "meeting meetings met meet meets summit summits talks negotiations received hosted"},
	{"visit", "visit visits visited trip arrived"},
	{"vote", "voted vote votes"},
	{"arrest", "arrested arrest detained"},
}

// FactPlacePrepositions open the place of an event ("in Anchorage", "at
// the White House").
var FactPlacePrepositions = "in at"

// FactDateNotEvent before a date make it a bound or the time of a
// saying, not the day of the event ("until Friday", "since Tuesday").
var FactDateNotEvent = "since until till by before deadline from"

// FactSayingWords, beside the speech verbs, tell a saying: a date before
// them is the day the words were said, not the day of the event they
// tell of.
var FactSayingWords = "saying quoted announced told"

// FactMinuteWords after a count of hours add minutes to it ("two hours
// and 45 minutes").
var FactMinuteWords = "minute minutes"

// FactCapitalNouns is false: only names (and the adjectives of peoples) are capitalised. Where nouns are capitalised, a
// capitalised word is read as a name only where the article also writes it
// after a first name or a title.
const FactCapitalNouns = false

// FactEventSeparators between a date and the word of an event put them in
// two clauses: "left on 12 February after the vote" dates the leaving.
var FactEventSeparators = "after following before since"

// FactEventBackground mark a sentence that recalls an earlier event
// ("previously", "ранее"): its days and places are not read as those of
// the story's event.
var FactEventBackground = "ago previous previously earlier"

// FactAdjectiveEndings end the capitalised adjectives of peoples and
// places ("European leaders", "Russian diplomats"): such a word before a
// lower-case word is not a name.
var FactAdjectiveEndings = "an ian ean ese ish"

// FactHalfAfter follow a number to add a half to it ("three and a half
// hours", "три с половиной часа").
var FactHalfAfter = []string{"and a half"}

// FactHalfSuffix joined to a number word adds a half ("dreieinhalb",
// "three-and-a-half"); "" where the language has none.
const FactHalfSuffix = "-and-a-half"

// FactOneHour are the words of one hour without a number: an article that
// stands for "one" before them (an), and the words of an hour (hour),
// which alone count as one after a qualifier ("более часа", "понад
// годину").
var (
	FactOneHourArticles = "an"
	FactOneHourWords    = "hour"
)
