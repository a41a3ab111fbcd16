package ru

// NamingForm is one form of a naming choice in Russian text (see
// internal/lang/en.NamingForm: the same fields).
type NamingForm struct {
	Pair, Label, Pattern string
	Fold                 bool
	Not                  []string
}

// NamingForms are the Russian forms, case endings included. «Киев» is the
// Russian name of the city and stands with Kiev; the Ukrainian-derived
// spelling («Киив», «Кыив») with Kyiv. «На Украине» is the usage of Russian
// state media, «в Украине» the one Ukraine asks for.
var NamingForms = []NamingForm{
	{Pair: "Kyiv/Kiev", Label: "Kyiv", Pattern: `Ки[иы]в(?:а|е|у|ом|)`},
	{Pair: "Kyiv/Kiev", Label: "Kiev", Pattern: `Киев(?:а|е|у|ом|)`},
	{Pair: "в Украине/на Украине", Label: "в Украине", Pattern: `(?:в|из) Украин[еы]`, Fold: true},
	{Pair: "в Украине/на Украине", Label: "на Украине", Pattern: `(?:на|с) Украин[еы]`, Fold: true},
	{Pair: "invasion/special military operation", Label: "invasion", Pattern: `вторжени(?:е|я|ю|ем|и)|вторгл(?:ась|ись|ся)`, Fold: true},
	{Pair: "invasion/special military operation", Label: "special military operation", Pattern: `СВО|специальн(?:ая|ой|ую|ою) военн(?:ая|ой|ую|ою) операци(?:я|и|ю|ей)|спецоперац(?:ия|ии|ию|ией)`, Fold: true},
	{Pair: "war/conflict", Label: "war", Pattern: `войн(?:а|ы|е|у|ой)`, Fold: true},
	{Pair: "war/conflict", Label: "conflict", Pattern: `конфликт(?:а|е|у|ом|)`, Fold: true},
	{Pair: "regime/government", Label: "regime", Pattern: `режим(?:а|е|у|ом|ы|)`, Fold: true},
	{Pair: "regime/government", Label: "government", Pattern: `правительств(?:о|а|е|у|ом)`, Fold: true},
	{Pair: "Kharkiv/Kharkov", Label: "Kharkov", Pattern: `Харьков(?:а|е|у|ом|)`},
	{Pair: "Odesa/Odessa", Label: "Odessa", Pattern: `Одесс(?:а|ы|е|у|ой)`},
	{Pair: "Odesa/Odessa", Label: "Odesa", Pattern: `Одес(?:а|ы|і|у|ою)`},
}
