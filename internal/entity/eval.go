package entity

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"sort"

	"github.com/parallax-news/parallax/internal/sentence"
)

// Evaluation of named-entity mentions against a labelled set
// (../shared/eval/ner-en, ner-ru, ner-uk). The metric is the one their
// READMEs define: mention-level precision, recall and F1, micro-averaged,
// a predicted mention correct only when document, start, end (exact span,
// Unicode code points) and type equal a gold mention; identical predictions
// count once. The same figures are given ignoring type.
//
// Reading the folder is the caller's (internal/cli); everything here works
// on values.

// EvalMention is one labelled or predicted mention: code point offsets into
// its document, end exclusive. Type is "person", "organization" or "place"
// (the sets' names); Entity groups mentions of one entity in a document.
type EvalMention struct {
	Doc        string
	Start, End int
	Type       string
	Entity     string
	Text       string
}

// EvalDoc is one labelled document: its text, its language and its gold
// mentions. Full holds the untrimmed gold spans where the set has them
// (ner-en's mentions-full.tsv), and Identity the entity → Wikipedia title
// links, both used for alias precision only.
type EvalDoc struct {
	ID, Lang, Text string
	Gold           []EvalMention
	Full           []EvalMention
	Identity       map[string]string
	// Coref is true when the gold entity ids group coreferent mentions
	// (ner-en, ner-ru), false when each mention has its own id (ner-uk):
	// alias precision needs it.
	Coref bool
}

// PRF is precision, recall and F1 with the counts they come from.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Correct   int     `json:"correct"`
	Predicted int     `json:"predicted"`
	Gold      int     `json:"gold"`
}

func newPRF(correct, predicted, gold int) PRF {
	p := PRF{Correct: correct, Predicted: predicted, Gold: gold}
	if predicted > 0 {
		p.Precision = float64(correct) / float64(predicted)
	}
	if gold > 0 {
		p.Recall = float64(correct) / float64(gold)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
	return p
}

// EvalReport holds the figures of one evaluation. The top-level precision,
// recall and f1 are the typed micro-averaged figures; untyped ignores the
// type; by_type splits the typed figures by gold/predicted type. Aliases is
// alias precision (pairs of mentions one predicted entity joins that the
// gold keeps apart count against it), set where the set has entity ids
// that span a document (ner-en, ner-ru).
type EvalReport struct {
	Docs      int            `json:"docs"`
	Precision float64        `json:"precision"`
	Recall    float64        `json:"recall"`
	F1        float64        `json:"f1"`
	Typed     PRF            `json:"typed"`
	Untyped   PRF            `json:"untyped"`
	ByType    map[string]PRF `json:"by_type"`
	Aliases   *AliasScore    `json:"aliases,omitempty"`
	// Errors lists the typed errors by class, most frequent first, when
	// asked for (EvaluateErrors; `eval entities --errors`).
	Errors *ErrorList `json:"errors,omitempty"`
}

// ErrorList groups the typed errors of an evaluation by class, each a
// list of (text, count) most frequent first: false positives (a predicted
// span that is no gold span), misses (a gold span nothing predicted),
// boundaries (a prediction that overlaps a gold mention of the same type
// with another span: "pred ⟶ gold") and type confusions (the right span
// with the wrong type: "text pred→gold").
type ErrorList struct {
	FalsePositives []ErrorCount `json:"false_positives"`
	Misses         []ErrorCount `json:"misses"`
	Boundaries     []ErrorCount `json:"boundaries"`
	Confusions     []ErrorCount `json:"confusions"`
	// Totals counts the errors of each class (before truncation).
	Totals map[string]int `json:"totals"`
}

// ErrorCount is one error text and how often it occurs.
type ErrorCount struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
}

// AliasScore is the precision of the pairs of differently written mentions
// a system puts in one entity, over the pairs whose two mentions both align
// to gold mentions.
type AliasScore struct {
	Precision float64 `json:"precision"`
	Pairs     int     `json:"pairs"`
	Correct   int     `json:"correct"`
	// Wrong lists up to 20 wrong pairs as "doc: A = B" for reading.
	Wrong []string `json:"wrong,omitempty"`
}

// WriteText prints the report for a person.
func (r EvalReport) WriteText(w io.Writer) error {
	var err error
	pf := func(format string, args ...any) {
		if err == nil {
			_, err = fmt.Fprintf(w, format, args...)
		}
	}
	pf("documents: %d\n", r.Docs)
	line := func(name string, p PRF) {
		pf("%-14s P %.3f  R %.3f  F1 %.3f  (correct %d, predicted %d, gold %d)\n", name, p.Precision, p.Recall, p.F1, p.Correct, p.Predicted, p.Gold)
	}
	line("typed", r.Typed)
	line("untyped", r.Untyped)
	types := make([]string, 0, len(r.ByType))
	for t := range r.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		line("  "+t, r.ByType[t])
	}
	if r.Errors != nil {
		for _, c := range []struct {
			name string
			list []ErrorCount
		}{{"false_positives", r.Errors.FalsePositives}, {"misses", r.Errors.Misses}, {"boundaries", r.Errors.Boundaries}, {"confusions", r.Errors.Confusions}} {
			pf("%s (%d):\n", c.name, r.Errors.Totals[c.name])
			for _, e := range c.list {
				pf("  %4d  %s\n", e.Count, e.Text)
			}
		}
	}
	if r.Aliases != nil {
		pf("alias precision %.3f (%d of %d pairs)\n", r.Aliases.Precision, r.Aliases.Correct, r.Aliases.Pairs)
		for _, s := range r.Aliases.Wrong {
			pf("  wrong: %s\n", s)
		}
	}
	return err
}

// ScoreMentions scores predicted mentions against gold ones as the sets'
// READMEs define. Duplicate predictions count once.
func ScoreMentions(gold, pred []EvalMention) EvalReport {
	type span struct {
		doc        string
		start, end int
	}
	type typed struct {
		span
		typ string
	}
	goldT, predT := map[typed]bool{}, map[typed]bool{}
	goldU, predU := map[span]bool{}, map[span]bool{}
	docs := map[string]bool{}
	for _, m := range gold {
		s := span{m.Doc, m.Start, m.End}
		goldT[typed{s, m.Type}] = true
		goldU[s] = true
		docs[m.Doc] = true
	}
	for _, m := range pred {
		s := span{m.Doc, m.Start, m.End}
		predT[typed{s, m.Type}] = true
		predU[s] = true
	}
	rep := EvalReport{Docs: len(docs), ByType: map[string]PRF{}}
	type counts struct{ c, p, g int }
	by := map[string]*counts{}
	at := func(t string) *counts {
		if by[t] == nil {
			by[t] = &counts{}
		}
		return by[t]
	}
	correct := 0
	for k := range predT {
		at(k.typ).p++
		if goldT[k] {
			correct++
			at(k.typ).c++
		}
	}
	for k := range goldT {
		at(k.typ).g++
	}
	rep.Typed = newPRF(correct, len(predT), len(goldT))
	cu := 0
	for k := range predU {
		if goldU[k] {
			cu++
		}
	}
	rep.Untyped = newPRF(cu, len(predU), len(goldU))
	for t, c := range by {
		rep.ByType[t] = newPRF(c.c, c.p, c.g)
	}
	rep.Precision, rep.Recall, rep.F1 = rep.Typed.Precision, rep.Typed.Recall, rep.Typed.F1
	return rep
}

// EvalType maps an entity kind to the sets' type names: organisation →
// organization, country → place; "" for kinds the sets do not score.
func EvalType(kind string) string {
	switch kind {
	case KindPerson:
		return "person"
	case KindOrganisation:
		return "organization"
	case KindPlace, KindCountry:
		return "place"
	}
	return ""
}

// Predict runs the recognizer over one document in its language and
// returns its named mentions in the sets' form (title back-references such
// as "the president" are descriptions, not names, and are left out).
func Predict(d EvalDoc) []EvalMention {
	ents, ms := ExtractLang(d.Text, d.Lang)
	kind := make(map[string]string, len(ents))
	for _, e := range ents {
		kind[e.ID] = e.Kind
	}
	cp := sentence.RuneOffsets(d.Text)
	var out []EvalMention
	for _, m := range ms {
		if m.Form == "title" {
			continue
		}
		t := EvalType(kind[m.EntityID])
		if t == "" {
			continue
		}
		out = append(out, EvalMention{Doc: d.ID, Start: cp(m.Start), End: cp(m.End), Type: t, Entity: m.EntityID, Text: m.Text})
	}
	return out
}

// EvaluateErrors predicts every document and scores the predictions (alias
// precision over the documents whose gold entity ids are shared by several
// mentions), listing the errors up to top of each class (none when top
// is 0).
func EvaluateErrors(docs []EvalDoc, top int) EvalReport {
	var gold, pred []EvalMention
	var al aliasTally
	for _, d := range docs {
		p := Predict(d)
		gold = append(gold, d.Gold...)
		pred = append(pred, p...)
		al.add(d, p)
	}
	rep := ScoreMentions(gold, pred)
	rep.Docs = len(docs)
	if al.pairs > 0 {
		rep.Aliases = &AliasScore{Precision: float64(al.correct) / float64(al.pairs), Pairs: al.pairs, Correct: al.correct, Wrong: al.wrong}
	}
	if top > 0 {
		rep.Errors = listErrors(gold, pred, top)
	}
	return rep
}

// listErrors classifies the typed errors of pred against gold.
func listErrors(gold, pred []EvalMention, top int) *ErrorList {
	type span struct {
		doc        string
		start, end int
	}
	goldAt := map[span][]EvalMention{}
	byDoc := map[string][]EvalMention{}
	for _, g := range gold {
		goldAt[span{g.Doc, g.Start, g.End}] = append(goldAt[span{g.Doc, g.Start, g.End}], g)
		byDoc[g.Doc] = append(byDoc[g.Doc], g)
	}
	predAt := map[span][]EvalMention{}
	for _, p := range pred {
		predAt[span{p.Doc, p.Start, p.End}] = append(predAt[span{p.Doc, p.Start, p.End}], p)
	}
	has := func(ms []EvalMention, typ string) bool {
		for _, m := range ms {
			if m.Type == typ {
				return true
			}
		}
		return false
	}
	tally := map[string]map[string]int{"false_positives": {}, "misses": {}, "boundaries": {}, "confusions": {}}
	totals := map[string]int{}
	add := func(class, text string) {
		tally[class][text]++
		totals[class]++
	}
	seen := map[span]bool{}
	for _, p := range pred {
		s := span{p.Doc, p.Start, p.End}
		if seen[s] {
			continue
		}
		seen[s] = true
		g := goldAt[s]
		if has(g, p.Type) {
			continue
		}
		if len(g) > 0 {
			add("confusions", fmt.Sprintf("%s %s→%s", p.Text, p.Type, g[0].Type))
			continue
		}
		var over *EvalMention
		for i, m := range byDoc[p.Doc] {
			if m.Type == p.Type && m.Start < p.End && p.Start < m.End {
				over = &byDoc[p.Doc][i]
				break
			}
		}
		if over != nil {
			add("boundaries", fmt.Sprintf("%s ⟶ %s (%s)", p.Text, over.Text, p.Type))
			continue
		}
		add("false_positives", fmt.Sprintf("%s (%s)", p.Text, p.Type))
	}
	for _, g := range gold {
		s := span{g.Doc, g.Start, g.End}
		if len(predAt[s]) > 0 {
			continue // right, or counted as a confusion
		}
		overlapped := false
		for _, p := range pred {
			if p.Doc == g.Doc && p.Type == g.Type && p.Start < g.End && g.Start < p.End {
				overlapped = true
				break
			}
		}
		if !overlapped {
			add("misses", fmt.Sprintf("%s (%s)", g.Text, g.Type))
		}
	}
	sorted := func(m map[string]int) []ErrorCount {
		out := make([]ErrorCount, 0, len(m))
		for t, n := range m {
			out = append(out, ErrorCount{t, n})
		}
		slices.SortFunc(out, func(a, b ErrorCount) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return cmp.Compare(a.Text, b.Text)
		})
		if len(out) > top {
			out = out[:top]
		}
		return out
	}
	return &ErrorList{
		FalsePositives: sorted(tally["false_positives"]),
		Misses:         sorted(tally["misses"]),
		Boundaries:     sorted(tally["boundaries"]),
		Confusions:     sorted(tally["confusions"]),
		Totals:         totals,
	}
}

type aliasTally struct {
	pairs, correct int
	wrong          []string
}

// add counts the pairs of predicted mentions of one document that share a
// predicted entity under different names (aliases: "Tom Devocht" and
// "Devocht", "America" and "US") and both align to a gold mention (exact span first,
// else the gold mention, trimmed or full, that overlaps most). A pair is
// correct when the two gold mentions share an entity id or a linked
// identity.
func (a *aliasTally) add(d EvalDoc, pred []EvalMention) {
	if !d.Coref {
		return
	}
	gold := append(append([]EvalMention(nil), d.Gold...), d.Full...)
	if len(gold) == 0 {
		return
	}
	type aligned struct {
		m    EvalMention
		gold EvalMention
	}
	var al []aligned
	for _, p := range pred {
		best, bestOv := -1, 0
		for k, g := range gold {
			if g.Start == p.Start && g.End == p.End {
				best = k
				break
			}
			ov := min(g.End, p.End) - max(g.Start, p.Start)
			if ov > bestOv {
				best, bestOv = k, ov
			}
		}
		if best >= 0 {
			al = append(al, aligned{p, gold[best]})
		}
	}
	slices.SortFunc(al, func(x, y aligned) int { return cmp.Compare(x.m.Start, y.m.Start) })
	same := func(x, y EvalMention) bool {
		if x.Entity == y.Entity {
			return true
		}
		ix, iy := d.Identity[x.Entity], d.Identity[y.Entity]
		return ix != "" && ix == iy
	}
	for i := range al {
		for j := i + 1; j < len(al); j++ {
			if al[i].m.Entity != al[j].m.Entity {
				continue
			}
			if Fold(al[i].m.Text) == Fold(al[j].m.Text) {
				continue // the same name twice: not an alias
			}
			a.pairs++
			if same(al[i].gold, al[j].gold) {
				a.correct++
			} else if len(a.wrong) < 20 {
				a.wrong = append(a.wrong, fmt.Sprintf("%s: %q = %q", d.ID, al[i].m.Text, al[j].m.Text))
			}
		}
	}
}
