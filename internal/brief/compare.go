package brief

import (
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/timeline"
)

// Perspectives says which kinds of outlets and countries the storyline was
// told from, and which are missing (from the outlet comparison).
type Perspectives struct {
	Kinds            []string `json:"kinds"`
	Countries        []string `json:"countries"`
	MissingKinds     []string `json:"missing_kinds"`
	MissingCountries []string `json:"missing_countries"`
	Blindspot        bool     `json:"blindspot"`
	BlindspotReason  string   `json:"blindspot_reason,omitempty"`
}

// comparisonChecks are what the comparison's disagreement finder looks at.
var comparisonChecks = []string{"numbers", "dates", "who said a quote", "opposite statements", "figures over time and years (facts)"}

// fromComparison fills the parts of the briefing the comparison decides:
// outlet kinds and countries, perspectives, naming splits, distinctive
// wording and disagreements.
func (b *Briefing) fromComparison(c compare.Comparison) {
	cov := c.Coverage
	b.Perspectives = &Perspectives{
		Kinds: kindNames(cov.Kinds), Countries: nonNil(cov.Countries),
		MissingKinds: kindNames(cov.MissingKinds), MissingCountries: nonNil(cov.MissingCountries),
		Blindspot: cov.Blindspot, BlindspotReason: cov.BlindspotReason,
	}
	byName := map[string]compare.OutletCoverage{}
	for _, oc := range cov.Outlets {
		byName[oc.Name] = oc
	}
	for i := range b.Outlets {
		if oc, ok := byName[b.Outlets[i].Name]; ok {
			b.Outlets[i].Kind, b.Outlets[i].Country, b.Outlets[i].Via = kindName(oc.Kind), oc.Country, oc.Via
		}
	}
	for _, n := range c.Naming {
		if n.Split {
			b.Naming = append(b.Naming, n)
		}
	}
	for _, w := range c.Wording {
		if len(w.Terms) > 0 {
			b.Wording = append(b.Wording, w)
		}
	}
	for _, d := range c.Disagreements {
		b.Disagreements = append(b.Disagreements, Disagreement{
			Kind: d.Kind, Topic: d.About,
			Claims: []Claim{
				{Outlet: d.A.Outlet, Text: d.A.Sentence, ArticleID: d.A.ArticleID, Value: d.A.Value},
				{Outlet: d.B.Outlet, Text: d.B.Sentence, ArticleID: d.B.ArticleID, Value: d.B.Value},
			},
		})
	}
	for _, g := range c.Facts {
		if !g.Differs() {
			continue
		}
		d := Disagreement{Kind: g.Verdict, Topic: g.Subject + ": " + g.Reason}
		for _, cl := range g.Claims {
			v := cl.Figure
			if !cl.Published.IsZero() {
				v += " (" + cl.Published.Format("2 Jan 2006") + ")"
			}
			if cl.AttributedTo != "" {
				v += ", according to " + cl.AttributedTo
			}
			d.Claims = append(d.Claims, Claim{Outlet: cl.Outlet, Text: cl.Sentence, ArticleID: cl.ArticleID, Value: v})
		}
		b.Disagreements = append(b.Disagreements, d)
	}
	b.Checked = append(b.Checked, comparisonChecks...)
}

// credited rewrites the articles to name the outlet the comparison credits
// them to (as OriginOutlet) and the aggregator they were read through (as
// Republisher, when the comparison lists it), so that every section of
// the briefing names outlets alike.
func credited(docs []timeline.Doc, c *compare.Comparison) []timeline.Doc {
	if c == nil {
		return docs
	}
	name := map[string]string{}
	via := map[string][]string{}
	for _, oc := range c.Coverage.Outlets {
		for _, id := range oc.ArticleIDs {
			name[id] = oc.Name
			via[id] = oc.Via
		}
	}
	out := make([]timeline.Doc, len(docs))
	for i, d := range docs {
		a := d.Article
		if n, ok := name[a.ID]; ok {
			if a.Republisher == "" && a.Outlet != n && slices.Contains(via[a.ID], a.Outlet) {
				a.Republisher = a.Outlet
			}
			if a.Republisher == n {
				a.Republisher = ""
			}
			a.OriginOutlet = n
		}
		d.Article = a
		out[i] = d
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// kindName reads an outlet kind for people: "public broadcaster".
func kindName(k string) string { return strings.ReplaceAll(k, "_", " ") }

func kindNames(ks []string) []string {
	out := make([]string, 0, len(ks))
	for _, k := range ks {
		out = append(out, kindName(k))
	}
	return out
}
