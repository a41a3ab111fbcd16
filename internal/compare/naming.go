package compare

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/facts"
	"github.com/parallax-news/parallax/internal/lang/de"
	"github.com/parallax-news/parallax/internal/lang/en"
	"github.com/parallax-news/parallax/internal/lang/ru"
	"github.com/parallax-news/parallax/internal/lang/uk"
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

// namingForm is one language's form of a choice (the fields of
// internal/lang/*/naming.go's NamingForm).
type namingForm struct {
	pair, label, pattern string
	fold                 bool
	not                  []string
}

// Variants are the naming choices Compare counts, in every language
// Parallax has words for (internal/lang/{en,ru,uk,de}/naming.go): the
// forms of one side of a choice in all languages count together
// ("Kyiv": Kyiv, Київ, Kyjiw). Matches are whole words.
var Variants = buildVariants()

func buildVariants() []Variant {
	var all []namingForm
	for _, f := range en.NamingForms {
		all = append(all, namingForm{f.Pair, f.Label, f.Pattern, f.Fold, f.Not})
	}
	for _, f := range ru.NamingForms {
		all = append(all, namingForm{f.Pair, f.Label, f.Pattern, f.Fold, f.Not})
	}
	for _, f := range uk.NamingForms {
		all = append(all, namingForm{f.Pair, f.Label, f.Pattern, f.Fold, f.Not})
	}
	for _, f := range de.NamingForms {
		all = append(all, namingForm{f.Pair, f.Label, f.Pattern, f.Fold, f.Not})
	}
	type side struct {
		pats []string
		not  []string
	}
	var pairs []string
	labels := map[string][]string{}
	sides := map[string]*side{}
	for _, f := range all {
		if labels[f.pair] == nil {
			pairs = append(pairs, f.pair)
		}
		k := f.pair + "\x00" + f.label
		if sides[k] == nil {
			sides[k] = &side{}
			labels[f.pair] = append(labels[f.pair], f.label)
		}
		p := "(?:" + f.pattern + ")"
		if f.fold {
			p = "(?i:" + f.pattern + ")"
		}
		sides[k].pats = append(sides[k].pats, p)
		sides[k].not = append(sides[k].not, f.not...)
	}
	out := make([]Variant, 0, len(pairs))
	for _, pair := range pairs {
		v := Variant{Name: pair}
		for _, l := range labels[pair] {
			sd := sides[pair+"\x00"+l]
			v.Forms = append(v.Forms, Form{Label: l, re: regexp.MustCompile(strings.Join(sd.pats, "|")), not: sd.not})
		}
		out = append(out, v)
	}
	return out
}

// wordAt reports whether text[a:b] stands as a whole word: no letter or
// digit right before or after it.
func wordAt(text string, a, b int) bool {
	if a > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:a])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
			return false
		}
	}
	if b < len(text) {
		r, _ := utf8.DecodeRuneInString(text[b:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
			return false
		}
	}
	return true
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
	inQuote := facts.QuotedRanges(text)
	for i, f := range v.Forms {
	match:
		for _, m := range f.re.FindAllStringIndex(text, -1) {
			if !wordAt(text, m[0], m[1]) {
				continue
			}
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
