package uk

// NamingForm is one form of a naming choice in Ukrainian text (see
// internal/lang/en.NamingForm: the same fields).
type NamingForm struct {
	Pair, Label, Pattern string
	Fold                 bool
	Not                  []string
}

// NamingForms are the Ukrainian forms, case endings included. «Київ» is
// the city's own name and stands with Kyiv; the Russian «Киев» in
// Ukrainian text with Kiev.
var NamingForms = []NamingForm{
	{Pair: "Kyiv/Kiev", Label: "Kyiv", Pattern: `Київ(?:а|і|у|ом|)|Києв(?:а|і|у|ом)`},
	{Pair: "invasion/special military operation", Label: "invasion", Pattern: `вторгнен(?:ня|ні|ню|ням)|вторглас[яь]|вторглис[яь]`, Fold: true},
	{Pair: "invasion/special military operation", Label: "special military operation", Pattern: `спеціальн(?:а|ої|у|ою) військов(?:а|ої|у|ою) операці(?:я|ї|ю|єю)|спецопераці(?:я|ї|ю|єю)`, Fold: true},
	{Pair: "war/conflict", Label: "war", Pattern: `війн(?:а|и|і|у|ою)`, Fold: true},
	{Pair: "war/conflict", Label: "conflict", Pattern: `конфлікт(?:у|і|ом|)`, Fold: true},
	{Pair: "regime/government", Label: "regime", Pattern: `режим(?:у|і|ом|и|)`, Fold: true},
	{Pair: "regime/government", Label: "government", Pattern: `уряд(?:у|і|ом|)`, Fold: true},
	{Pair: "Kharkiv/Kharkov", Label: "Kharkiv", Pattern: `Харків(?:а|і|у|ом|)|Харкові`},
}
