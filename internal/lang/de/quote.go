package de

import "strings"

// Resources for finding quotes in German text (package quote reads them).
// Words are lower case.

// QuoteGuillemetsReversed is true: German books and several outlets open a
// quote with » and close it with « (Swiss outlets write «…»; the marks'
// context decides first, this only when it cannot). „…“ is the common
// pair, ‚…‘ the inner one.
const QuoteGuillemetsReversed = true

// QuoteSpeechVerbs returns the German speech verbs Parallax knows, in the
// forms news text uses (present, past, participle): "sagte", "sagt",
// "erklärte", "betonte", ….
func QuoteSpeechVerbs() []string {
	var out []string
	for _, v := range quoteVerbs {
		out = append(out, v+"t", v+"te", v+"ten", v+"en")
		if !inseparable(v) {
			out = append(out, "ge"+v+"t") // gesagt, gemeint
		}
		if strings.HasSuffix(v, "t") || strings.HasSuffix(v, "d") || strings.HasSuffix(v, "gn") || strings.HasSuffix(v, "chn") {
			out = append(out, v+"et", v+"ete", v+"eten") // antwortete, bezeichnete
		}
	}
	return append(out, quoteVerbForms...)
}

// inseparable reports a stem whose participle takes no ge-: an
// unstressed prefix (betont, erklärt, verkündet) or -ieren (kommentiert).
func inseparable(v string) bool {
	for _, p := range []string{"be", "er", "ver", "ent", "zer", "ge", "emp", "miss", "wieder", "unter", "an", "mit"} {
		if strings.HasPrefix(v, p) {
			return true
		}
	}
	return strings.HasSuffix(v, "ier")
}

// quoteVerbs are weak verbs by stem: stem+t, te, ten, en.
var quoteVerbs = []string{
	"sag", "erklär", "beton", "mein", "warn", "ergänz", "antwort",
	"argumentier", "bekräftig", "versicher", "kritisier", "behaupt",
	"bestätig", "verkünd", "bericht", "twitter", "äußer", "mahn",
	"beteuer", "bilanzier", "resümier", "lob", "kommentier", "forder",
	"zitier", "klag", "beklag", "präzisier", "erinner", "insistier",
	"frag", "erwider", "entgegn", "prophezei", "bezeichn", "schilder",
	"wiederhol", "bedauer", "beschreib", "erwähn",
	"verdeutlich", "erläuter", "bemerk", "konstatier", "signalisier",
	"appellier", "dementier", "spekulier", "unterstreich", "urteil",
	"ankündig", "mitteil",
}

// quoteVerbForms are strong and irregular forms.
var quoteVerbForms = []string{
	"sagte", "gesagt", "erklärt", "schrieb", "schreibt", "geschrieben",
	"sprach", "spricht", "nannte", "nennt", "genannt", "bezeichnete",
	"bezeichnet", "unterstrich", "unterstreicht", "verwies", "verweist",
	"hieß", "heißt", "befand", "befindet", "rief", "ruft", "beschrieb",
	"beschreibt", "postete", "fügte", "fuhr", "räumte",
	// Separable verbs split in main clauses ("teilte … mit", "hob …
	// hervor", "stellte … klar") and their participles.
	"teilte", "teilt", "mitgeteilt", "hob", "hebt", "hervorgehoben",
	"stellte", "klargestellt", "angekündigt", "gestand", "gesteht",
	"eingeräumt", "hinzugefügt", "unterstrichen", "verwiesen",
	"wies", "betont", "bekräftigt", "versichert", "gewarnt", "gefordert",
}

// QuoteAfterOnlyCues act as speech verbs only right after a quote:
// „…“, so Merz; „…“, fügte er hinzu; „…“, fuhr Vance fort.
var QuoteAfterOnlyCues = []string{"so", "fügte", "fuhr", "hieß", "heißt"}

// QuoteAccordingTo open a phrase naming the source right after them
// ("laut Vance", "nach Angaben von …").
var QuoteAccordingTo = []string{"laut", "nach angaben von", "nach angaben des", "nach angaben der", "nach worten von", "nach den worten von", "nach den worten des", "nach ansicht von", "nach einschätzung von", "gemäß"}

// QuoteAccordingToPronoun name the source by a possessive pronoun, with its
// gender ("m", "f", "p").
var QuoteAccordingToPronoun = map[string]string{
	"nach seinen worten": "m", "nach ihren worten": "f", "seiner ansicht nach": "m",
	"ihrer ansicht nach": "f", "nach seiner ansicht": "m", "nach ihrer ansicht": "f",
	"seinen angaben zufolge": "m", "ihren angaben zufolge": "f",
	"ihm zufolge": "m", "ihr zufolge": "f", "ihnen zufolge": "p",
}

// QuoteAccordingAfter follow the source they name ("Vance zufolge").
var QuoteAccordingAfter = []string{"zufolge"}

// QuotePronouns are subject pronouns with their gender ("sie" is taken as
// she; a plural "sie" is rarer as a speaker of a quote).
var QuotePronouns = map[string]string{"er": "m", "sie": "f"}

// QuoteRoles are titles and roles. German writes them in capitals and as
// compounds (Bundeskanzler, Kremlsprecher, US-Vizepräsident): a word is a
// role when its last hyphenated part ends with one of these.
var QuoteRoles = []string{
	"präsident", "präsidentin", "kanzler", "kanzlerin", "minister",
	"ministerin", "sprecher", "sprecherin", "berater", "beraterin", "chef",
	"chefin", "gesandte", "gesandter", "beauftragte", "beauftragter",
	"sekretär", "sekretärin", "botschafter", "botschafterin", "diplomat",
	"diplomatin", "politiker", "politikerin", "abgeordnete", "abgeordneter",
	"senator", "senatorin", "vorsitzende", "vorsitzender", "leiter",
	"leiterin", "direktor", "direktorin", "premier", "premierministerin",
	"regierungschef", "staatschef", "kremlchef", "vize", "führer",
	"anführer", "bürgermeister", "gouverneur", "kommandeur", "general",
	"experte", "expertin", "analyst", "analystin", "schwiegersohn", "könig", "königin", "papst",
	"unterhändler", "verhandler", "vertreter", "vertreterin", "mitarbeiter",
	"funktionär", "staatssekretär", "generalsekretär", "außenminister",
	"verteidigungsminister", "kreml-berater", "kremlberater", "sondergesandter",
	"sondergesandte", "vermittler", "emissär", "oberhaupt", "vizekanzler",
	"quelle", "insider", "informant", "agentur", "zeitung", "beamte",
	"beamter", "beamtin",
}

// QuotePrepositions govern the name that follows them ("mit Putin", "im
// Kreml").
var QuotePrepositions = []string{
	"in", "im", "an", "am", "auf", "aus", "bei", "beim", "mit", "nach",
	"seit", "von", "vom", "vor", "zu", "zum", "zur", "über", "unter", "für",
	"gegen", "ohne", "um", "durch", "gegenüber", "zwischen", "neben",
	"hinter", "trotz", "während", "wegen", "ins", "ans", "aufs", "fürs",
	"bis",
}

// QuoteFunctionWords open sentences in capitals without naming anyone.
var QuoteFunctionWords = []string{
	"der", "die", "das", "dem", "den", "des", "ein", "eine", "einen",
	"einem", "einer", "eines", "dies", "diese", "dieser", "dieses", "auch",
	"wie", "als", "wenn", "dass", "ob", "und", "oder", "aber", "doch",
	"denn", "sondern", "zudem", "dazu", "dann", "danach", "davor", "jedoch",
	"allerdings", "außerdem", "trotzdem", "deshalb", "daher", "so", "nun",
	"noch", "schon", "bereits", "heute", "gestern", "morgen", "es", "man",
	"wir", "ich", "ihr", "sie", "er", "sein", "seine", "ihre", "unser",
	"ihm", "ihn", "ihnen", "uns", "euch", "mir", "mich", "dir", "dich",
	"mehr", "nicht", "kein", "keine", "damit", "darauf", "darüber",
	"hier", "dort", "da", "zunächst", "später", "zuvor", "inzwischen",
	"gleichzeitig", "zugleich", "ebenfalls", "weiter", "ferner",
	"jetzt", "immer", "bisher", "demnach", "somit", "also", "was", "wer",
	"welche", "welcher", "alle", "viele", "einige", "beide", "sowohl",
	"weder", "nur", "sogar", "vor", "nach", "seit", "laut", "am", "im",
	"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
	"sonntag", "russland", "ukraine",
}

// QuoteThisPhrases point back at the quote just before them in a sentence
// of their own ("Das sagte Merz am Montag.").
var QuoteThisPhrases = []string{"das", "dies", "so", "das sagte", "dies sagte"}

// QuoteTitleNouns are words that name a newspaper, broadcaster, party or
// operation (as a whole word or the end of a compound): marks right after
// them enclose a title ("die Zeitung „Kommersant“").
var QuoteTitleNouns = []string{
	"interview", // "в интервью «Первому каналу»": an outlet
	"zeitung", "sender", "magazin", "partei", "sendung", "programm",
	"operation", "plattform", "portal", "agentur", "nachrichtenagentur",
	"blatt", "kanal", "film", "buch", "show", "talkshow", "format",
	"initiative", "projekt", "bewegung", "gruppe", "konzern", "unternehmen",
	"firma", "bank", "dienst", "plan", "friedensplan", "abkommen", "vertrag",
	"strategie", "doktrin", "system", "rakete", "schiff", "flugzeug",
	"titel", "schlagzeile", "podcast", "app", "fonds", "kampagne",
	"aufschrift", "schriftzug", "motto", "slogan", "hashtag", "banner",
}

// QuoteRoleComplementEndings: German puts a role's complement before it or
// after an article ("Putins Berater", "der Berater Putins"), never as a
// bare name after the role, so none are needed.
var QuoteRoleComplementEndings = []string{}

// QuoteDeterminers stand before a noun: a capitalised word after one is a
// noun, not a name ("der Kanzler", "dem Sender").
var QuoteDeterminers = []string{
	"der", "die", "das", "dem", "den", "des", "ein", "eine", "einen",
	"einem", "einer", "eines", "dieser", "diese", "dieses", "diesem",
	"diesen", "sein", "seine", "seinem", "seinen", "seiner", "ihr", "ihre",
	"ihrem", "ihren", "ihrer", "kein", "keine", "jener", "jene",
}

// QuoteSoCalled are "so-called" words: marks right after them enclose a
// term, not speech. An entry ending in a period matches the whole word.
var QuoteSoCalled = []string{"sog.", "sogenannt"}

// QuoteAdjectiveEndings end adjectives, which may stand between an article
// or preposition and the title or name it governs ("mit dem russischen
// Präsidenten").
var QuoteAdjectiveEndings = []string{"e", "en", "em", "er", "es"}

// QuoteSpeechInfinitives are the German infinitives; they coincide with the
// plural forms QuoteSpeechVerbs gives (sagen), so none are listed apart.
func QuoteSpeechInfinitives() []string { return nil }

// QuoteComplementizers open the reported clause after a speech verb and a
// comma: reported speech outside quotation marks.
var QuoteComplementizers = []string{"dass"}

// QuoteAnonymousRoles are the QuoteRoles keys of unnamed sources: a quote
// attributed to one has the speaker "unnamed", never a person named
// elsewhere in the article.
var QuoteAnonymousRoles = []string{"quelle", "insider", "informant"}

// QuoteGenericRoles are QuoteRoles keys of sources a text may leave
// unnamed ("ein US-Beamter"): a description with one is the person
// introduced with the same role, else nobody named.
var QuoteGenericRoles = []string{"beamte", "beamter", "beamtin", "mitarbeiter", "vertreter", "vertreterin"}

// QuoteUnnamedMarks before or in a description leave its source unnamed:
// "ein ungenannter Beamter", "einer der Unterhändler". An entry ending in
// a period matches the whole word, others start one.
var QuoteUnnamedMarks = []string{"ungenannt", "anonym", "ein.", "eine.", "einer."}

// QuotePlacePrepositions put an institution by its seat as a source:
// "im Kanzleramt hieß es", "aus dem Kreml hieß es".
var QuotePlacePrepositions = []string{"in", "im", "aus"}

// QuotePluralCueEndings end the impersonal plural forms of speech verbs
// ("в Кремле сообщили"); German says "hieß es" instead, which package
// quote knows.
var QuotePluralCueEndings = []string{}

// QuoteFeminineEndings and QuoteMasculineEndings: German surnames show no
// gender, so a pronoun fits any name.
var QuoteFeminineEndings, QuoteMasculineEndings []string

// QuoteObliqueEndings: German names take no case endings but the
// genitive -s, which an article shows anyway.
var QuoteObliqueEndings []string

// QuotePastEndings: German past forms are not told by their ending from
// nouns and adjectives, so none are listed; the subject rule stays off.
var QuotePastEndings []string
