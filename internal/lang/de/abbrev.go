package de

// SentenceAbbreviations end with a period that does not end a sentence:
// lower case, without the final period; abbreviations of several letters
// with spaces between ("z. B.") are written joined by periods ("z.b").
var SentenceAbbreviations = []string{
	"dr", "prof", "ca", "bzw", "z.b", "u.a", "d.h", "o.ä", "u.u", "v.a",
	"s.o", "s.u", "i.d.r", "z.t", "u.s.w", "nr", "str", "hr", "hrn", "fr",
	"mio", "mrd", "abs", "vgl", "ggf", "inkl", "exkl", "evtl", "sog",
	"jh", "geb", "gest", "v.chr", "n.chr", "tsd", "bspw", "zzgl", "gem",
	"dt", "engl", "franz", "russ", "ukr", "amerik", "ehem",
	"stellv", "jun", "sen", "st", "hl", "ev", "kath", "bd", "hrsg",
	"aufl", "s", "ff", "tel", "std", "mind", "zit", "ugs", "urspr", "i.a",
	"a.d", "u.v.m", "z.hd", "betr", "bes", "allg", "sept", "okt", "nov",
	"dez", "jan", "feb", "febr", "aug", "mo", "di", "mi", "do", "sa",
}

// SentenceTerminalAbbreviations may end a sentence: a capital after them
// starts a new one ("… und Frankreich usw. Die …"), a lower-case word does
// not.
var SentenceTerminalAbbreviations = []string{"usw", "etc", "usf", "u.ä", "ff", "art", "max", "min"}

// SentenceOrdinalNouns follow an ordinal number written with a period
// ("am 2. Dezember", "im 20. Jahrhundert"): the period is the ordinal's,
// not the end of a sentence.
var SentenceOrdinalNouns = []string{
	"januar", "jänner", "februar", "feber", "märz", "april", "mai", "juni",
	"juli", "august", "september", "oktober", "november", "dezember",
	"jan", "feb", "febr", "mär", "apr", "jun", "jul", "aug", "sep", "sept",
	"okt", "nov", "dez", "jahrhundert", "jahrtausend", "jahrestag",
	"jahrestages", "geburtstag", "geburtstages", "todestag", "mal", "platz",
	"runde", "stock", "etage", "klasse", "liga", "bundesliga", "weltkrieg",
	"weltkrieges", "weltkriegs", "amtszeit", "sitzung", "tag", "woche",
	"quartal", "halbjahr", "spieltag", "legislaturperiode", "auflage",
}
