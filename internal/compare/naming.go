package compare

import (
	"regexp"
	"strings"
)

// Variant is a naming choice between known alternatives for one thing.
type Variant struct {
	// Name labels the choice ("Kyiv/Kiev").
	Name string
	// Forms are the alternatives, each matched by its pattern.
	Forms []Form
}

// Form is one alternative of a Variant.
type Form struct {
	Label string
	re    *regexp.Regexp
	// not lists longer names the match must not be part of ("Kyiv
	// Independent" is an outlet's name, not a spelling choice).
	not []string
}

func form(label, pattern string, not ...string) Form {
	return Form{Label: label, re: regexp.MustCompile(pattern), not: not}
}

// Variants are the naming choices Compare counts. Transliterations are
// matched with their capital letter; terms of framing in any case.
var Variants = []Variant{
	{"Kyiv/Kiev", []Form{form("Kyiv", `\bKyiv\b`, "Kyiv Independent", "Kyiv Post"), form("Kiev", `\bKiev\b`, "Kiev Post")}},
	{"invasion/special military operation", []Form{
		form("invasion", `(?i)\b(?:full-scale |full scale )?invasion\b|\binvaded\b`),
		form("special military operation", `(?i)\bspecial military operation\b`)}},
	{"war/conflict", []Form{form("war", `(?i)\bwar\b`), form("conflict", `(?i)\bconflict\b`)}},
	{"regime/government", []Form{form("regime", `(?i)\bregimes?\b`), form("government", `(?i)\bgovernments?\b`)}},
	{"Kharkiv/Kharkov", []Form{form("Kharkiv", `\bKharkiv\b`), form("Kharkov", `\bKharkov\b`)}},
	{"Odesa/Odessa", []Form{form("Odesa", `\bOdesa\b`), form("Odessa", `\bOdessa\b`)}},
	{"Luhansk/Lugansk", []Form{form("Luhansk", `\bLuhansk\b`), form("Lugansk", `\bLugansk\b`)}},
	{"Donbas/Donbass", []Form{form("Donbas", `\bDonbas\b`), form("Donbass", `\bDonbass\b`)}},
	{"Zaporizhzhia/Zaporozhye", []Form{form("Zaporizhzhia", `\bZaporizhzhia\b`), form("Zaporozhye", `\bZaporozh(?:y|i)e\b`)}},
	{"Mykolaiv/Nikolaev", []Form{form("Mykolaiv", `\bMykolaiv\b`), form("Nikolaev", `\bNikolaev\b|\bNikolayev\b`)}},
}

// Naming is one variant choice across the story's outlets.
type Naming struct {
	Pair  string   `json:"pair"`
	Forms []string `json:"forms"`
	// Outlets lists every outlet that used one of the forms.
	Outlets []NamingOutlet `json:"outlets"`
	// Split is set when outlets prefer different forms in their own words
	// (quoted words do not count).
	Split bool `json:"split"`
}

// NamingOutlet is one outlet's use of a variant's forms.
type NamingOutlet struct {
	Outlet string `json:"outlet"`
	// Counts are uses per form (in Forms order) in the outlet's own words;
	// Quoted are uses inside quotation marks (someone else's words).
	Counts []int `json:"counts"`
	Quoted []int `json:"quoted"`
	// Prefers is the form used most in its own words, or, when it used none
	// in its own words, in the words it quotes (PrefersQuoted is then set);
	// "" on a tie.
	Prefers       string `json:"prefers,omitempty"`
	PrefersQuoted bool   `json:"prefers_quoted,omitempty"`
}

// preferred returns the label of the form with the highest count, "" when
// all are zero or the highest is tied.
func preferred(v Variant, counts []int) string {
	best, tie := -1, false
	for i, c := range counts {
		switch {
		case c == 0:
		case best < 0 || c > counts[best]:
			best, tie = i, false
		case c == counts[best]:
			tie = true
		}
	}
	if best < 0 || tie {
		return ""
	}
	return v.Forms[best].Label
}

// CountForms counts each form of v in text, split into the writer's own
// words and words inside quotation marks.
func CountForms(v Variant, text string) (own, quoted []int) {
	own, quoted = make([]int, len(v.Forms)), make([]int, len(v.Forms))
	inQuote := quotedRanges(text)
	for i, f := range v.Forms {
	match:
		for _, m := range f.re.FindAllStringIndex(text, -1) {
			for _, n := range f.not {
				if strings.HasPrefix(text[m[0]:], n) {
					continue match
				}
			}
			if inQuote(m[0]) {
				quoted[i]++
			} else {
				own[i]++
			}
		}
	}
	return own, quoted
}

// quotedRanges returns a test for whether a byte offset lies inside a
// quotation: curly quotes pair by direction, straight double quotes
// alternate within a paragraph.
func quotedRanges(text string) func(int) bool {
	type span struct{ a, b int }
	var spans []span
	open := -1
	straight := -1
	for i, r := range text {
		switch r {
		case '“', '«':
			open = i
		case '”', '»':
			if open >= 0 {
				spans = append(spans, span{open, i})
				open = -1
			}
		case '"':
			if straight < 0 {
				straight = i
			} else {
				spans = append(spans, span{straight, i})
				straight = -1
			}
		case '\n':
			open, straight = -1, -1
		}
	}
	return func(off int) bool {
		for _, s := range spans {
			if off > s.a && off < s.b {
				return true
			}
		}
		return false
	}
}

func naming(cols []*column) []Naming {
	out := []Naming{}
	for _, v := range Variants {
		n := Naming{Pair: v.Name, Outlets: []NamingOutlet{}}
		for _, f := range v.Forms {
			n.Forms = append(n.Forms, f.Label)
		}
		prefs := map[string]bool{}
		for _, col := range cols {
			no := NamingOutlet{Outlet: col.o.Name, Counts: make([]int, len(v.Forms)), Quoted: make([]int, len(v.Forms))}
			used := false
			for _, a := range col.arts {
				own, q := CountForms(v, a.Title+"\n\n"+a.Text)
				for i := range own {
					no.Counts[i] += own[i]
					no.Quoted[i] += q[i]
					used = used || own[i] > 0 || q[i] > 0
				}
			}
			if !used {
				continue
			}
			no.Prefers = preferred(v, no.Counts)
			if no.Prefers != "" {
				prefs[no.Prefers] = true
			} else if no.Prefers = preferred(v, no.Quoted); no.Prefers != "" {
				no.PrefersQuoted = true
			}
			n.Outlets = append(n.Outlets, no)
		}
		if len(n.Outlets) == 0 {
			continue
		}
		n.Split = len(prefs) > 1
		out = append(out, n)
	}
	return out
}
