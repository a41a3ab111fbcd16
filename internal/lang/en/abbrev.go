package en

// SentenceAbbreviations end with a period that does not end a sentence
// ("Mr.", "Gov.", "U.S.", "Sept."): lower case, without the final period,
// inner periods kept ("a.m", "u.s").
var SentenceAbbreviations = []string{
	"mr", "mrs", "ms", "dr", "prof", "gov",
	"sen", "rep", "gen", "lt", "col", "sgt",
	"capt", "cmdr", "adm", "maj", "st", "jr",
	"sr", "rev", "hon", "pres", "supt",
	"no", "vs", "etc", "inc", "co", "corp",
	"ltd", "dept", "est", "approx", "fig",
	"jan", "feb", "mar", "apr", "jun", "jul",
	"aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thur",
	"thurs", "fri", "sat", "sun",
	"a.m", "p.m", "e.g", "i.e",
	"u.s", "u.k", "u.n", "e.u", "d.c",
	"ariz", "calif", "colo", "conn", "fla",
	"ill", "ind", "kan", "mass", "mich",
	"minn", "miss", "nev", "okla", "ore",
	"penn", "tenn", "tex", "va", "wash",
	"wis", "n.c", "s.c", "n.y", "n.j", "n.h",
}
