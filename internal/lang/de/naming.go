package de

// NamingForm is one form of a naming choice in German text (see
// internal/lang/en.NamingForm: the same fields).
type NamingForm struct {
	Pair, Label, Pattern string
	Fold                 bool
	Not                  []string
}

// NamingForms are the German forms. «Kiew» is the usual German spelling
// and stands with Kiev; «Kyjiw» (and the English «Kyiv» in German text)
// with Kyiv.
var NamingForms = []NamingForm{
	{Pair: "Kyiv/Kiev", Label: "Kyiv", Pattern: `Kyjiw`},
	{Pair: "Kyiv/Kiev", Label: "Kiev", Pattern: `Kiews?`},
	{Pair: "invasion/special military operation", Label: "invasion", Pattern: `Invasion|Einmarsch(?:es)?|Überfall(?:s)?|Angriffskrieg(?:s|es)?`},
	{Pair: "invasion/special military operation", Label: "special military operation", Pattern: `militärische[nrm]? Spezialoperation|Spezialoperation`},
	{Pair: "war/conflict", Label: "war", Pattern: `Krieg(?:s|es|e|en)?`},
	{Pair: "war/conflict", Label: "conflict", Pattern: `Konflikt(?:s|es|e|en)?`},
	{Pair: "regime/government", Label: "regime", Pattern: `Regime?s?`},
	{Pair: "regime/government", Label: "government", Pattern: `Regierung(?:en)?`},
	{Pair: "Kharkiv/Kharkov", Label: "Kharkiv", Pattern: `Charkiw`},
	{Pair: "Kharkiv/Kharkov", Label: "Kharkov", Pattern: `Charkow`},
	{Pair: "Odesa/Odessa", Label: "Odessa", Pattern: `Odessa`},
}
