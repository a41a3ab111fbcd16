package en

// NamingForm is one form of a naming choice Parallax counts in English
// text: Pair names the choice across languages ("Kyiv/Kiev"), Label the
// side the form stands for ("Kyiv"), Pattern the form (a regular
// expression matched as a whole word; Fold ignores case), and Not the
// longer names a match must not begin (an outlet's name is no choice).
type NamingForm struct {
	Pair, Label, Pattern string
	Fold                 bool
	Not                  []string
}

// NamingForms are the English forms, in the order the pairs are shown.
var NamingForms = []NamingForm{
	{Pair: "Kyiv/Kiev", Label: "Kyiv", Pattern: `Kyiv`, Not: []string{"Kyiv Independent", "Kyiv Post"}},
	{Pair: "Kyiv/Kiev", Label: "Kiev", Pattern: `Kiev`, Not: []string{"Kiev Post"}},
	{Pair: "invasion/special military operation", Label: "invasion", Pattern: `(?:full-scale |full scale )?invasion|invaded`, Fold: true},
	{Pair: "invasion/special military operation", Label: "special military operation", Pattern: `special military operation`, Fold: true},
	{Pair: "war/conflict", Label: "war", Pattern: `war`, Fold: true},
	{Pair: "war/conflict", Label: "conflict", Pattern: `conflict`, Fold: true},
	{Pair: "regime/government", Label: "regime", Pattern: `regimes?`, Fold: true},
	{Pair: "regime/government", Label: "government", Pattern: `governments?`, Fold: true},
	{Pair: "Kharkiv/Kharkov", Label: "Kharkiv", Pattern: `Kharkiv`},
	{Pair: "Kharkiv/Kharkov", Label: "Kharkov", Pattern: `Kharkov`},
	{Pair: "Odesa/Odessa", Label: "Odesa", Pattern: `Odesa`},
	{Pair: "Odesa/Odessa", Label: "Odessa", Pattern: `Odessa`},
	{Pair: "Luhansk/Lugansk", Label: "Luhansk", Pattern: `Luhansk`},
	{Pair: "Luhansk/Lugansk", Label: "Lugansk", Pattern: `Lugansk`},
	{Pair: "Donbas/Donbass", Label: "Donbas", Pattern: `Donbas`},
	{Pair: "Donbas/Donbass", Label: "Donbass", Pattern: `Donbass`},
	{Pair: "Zaporizhzhia/Zaporozhye", Label: "Zaporizhzhia", Pattern: `Zaporizhzhia`},
	{Pair: "Zaporizhzhia/Zaporozhye", Label: "Zaporozhye", Pattern: `Zaporozh(?:y|i)e`},
	{Pair: "Mykolaiv/Nikolaev", Label: "Mykolaiv", Pattern: `Mykolaiv`},
	{Pair: "Mykolaiv/Nikolaev", Label: "Nikolaev", Pattern: `Nikolaev|Nikolayev`},
}
