package when

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Report is the result of an evaluation on TimeML documents (TempEval-3
// task A). Extent figures are relaxed (any overlap), strict_f1 needs the
// same span, and value figures count an expression only when its span
// overlaps a gold one and its normalized value is equal. The JSON names are
// the public interface of `parallax eval timex --json`.
type Report struct {
	Documents int `json:"documents"`
	// Scores covers all expressions; its counts (gold_count, system_count,
	// extent_matches …) sit at the top level of the JSON.
	Scores
	// DateTime scores only DATE and TIME expressions, DurationSet only
	// DURATION and SET (gold filtered by gold type, system by system type).
	DateTime    Scores `json:"date_time"`
	DurationSet Scores `json:"duration_set"`
	// Mismatches lists, per document, the gold expressions missed or given
	// another value and the system expressions with no gold counterpart
	// (WriteMismatches prints them; they stay out of the JSON figures).
	Mismatches []Mismatch `json:"-"`
}

// Scores holds precision, recall and F1 for one selection of expressions.
type Scores struct {
	Gold            int     `json:"gold_count"`
	System          int     `json:"system_count"`
	ExtentMatches   int     `json:"extent_matches"`
	StrictMatches   int     `json:"strict_matches"`
	ValueMatches    int     `json:"value_matches"`
	ExtentPrecision float64 `json:"extent_precision"`
	ExtentRecall    float64 `json:"extent_recall"`
	ExtentF1        float64 `json:"extent_f1"`
	StrictPrecision float64 `json:"strict_precision"`
	StrictRecall    float64 `json:"strict_recall"`
	StrictF1        float64 `json:"strict_f1"`
	ValuePrecision  float64 `json:"value_precision"`
	ValueRecall     float64 `json:"value_recall"`
	ValueF1         float64 `json:"value_f1"`
	ValueAccuracy   float64 `json:"value_accuracy"` // value matches / extent matches
}

// Mismatch is one disagreement with the gold annotation.
type Mismatch struct {
	Doc string `json:"doc"`
	// Kind is "missed" (gold with no overlapping system expression),
	// "spurious" (system with no overlapping gold) or "value" (overlap,
	// different value).
	Kind        string `json:"kind"`
	GoldText    string `json:"gold_text,omitempty"`
	GoldValue   string `json:"gold_value,omitempty"`
	SystemText  string `json:"system_text,omitempty"`
	SystemValue string `json:"system_value,omitempty"`
	Context     string `json:"context,omitempty"`
}

// Evaluate reads every .tml file in dir, runs Find on each text anchored at
// its creation time and scores the result against the gold expressions. It
// returns an error if dir cannot be read, holds no .tml file, or a file is
// not valid TimeML.
func Evaluate(ctx context.Context, dir string) (Report, error) {
	docs, err := LoadDir(dir)
	if err != nil {
		return Report{}, err
	}
	return EvaluateDocs(ctx, docs)
}

// LoadDir reads the .tml files of dir in name order.
func LoadDir(dir string) ([]Doc, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.tml"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	if len(names) == 0 {
		if _, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("evaluate timex: %w", err)
		}
		return nil, fmt.Errorf("evaluate timex: no .tml files in %s", dir)
	}
	sort.Strings(names)
	docs := make([]Doc, 0, len(names))
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("evaluate timex: %w", err)
		}
		d, err := ReadTML(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		d.Name = strings.TrimSuffix(filepath.Base(name), ".tml")
		docs = append(docs, d)
	}
	return docs, nil
}

// EvaluateDocs scores Find on already loaded documents. It stops early with
// ctx's error when ctx is done.
func EvaluateDocs(ctx context.Context, docs []Doc) (Report, error) {
	var r Report
	var all, dt, ds counts
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return r, fmt.Errorf("evaluate timex: %w", err)
		}
		sys := Find(d.Text, d.DCT)
		r.Documents++
		r.Mismatches = append(r.Mismatches, score(&all, d, d.Gold, sys, true)...)
		isDT := func(t Timex) bool { return t.Type == "DATE" || t.Type == "TIME" }
		score(&dt, d, filter(d.Gold, isDT), filter(sys, isDT), false)
		notDT := func(t Timex) bool { return !isDT(t) }
		score(&ds, d, filter(d.Gold, notDT), filter(sys, notDT), false)
	}
	r.Scores = all.scores()
	r.DateTime = dt.scores()
	r.DurationSet = ds.scores()
	return r, nil
}

func filter(ts []Timex, keep func(Timex) bool) []Timex {
	var out []Timex
	for _, t := range ts {
		if keep(t) {
			out = append(out, t)
		}
	}
	return out
}

type counts struct {
	gold, sys, extent, strict, value int
}

func (c counts) scores() Scores {
	s := Scores{Gold: c.gold, System: c.sys, ExtentMatches: c.extent, StrictMatches: c.strict, ValueMatches: c.value}
	s.ExtentPrecision, s.ExtentRecall, s.ExtentF1 = prf(c.extent, c.sys, c.gold)
	s.StrictPrecision, s.StrictRecall, s.StrictF1 = prf(c.strict, c.sys, c.gold)
	s.ValuePrecision, s.ValueRecall, s.ValueF1 = prf(c.value, c.sys, c.gold)
	if c.extent > 0 {
		s.ValueAccuracy = float64(c.value) / float64(c.extent)
	}
	return s
}

func prf(match, sys, gold int) (p, r, f float64) {
	if sys > 0 {
		p = float64(match) / float64(sys)
	}
	if gold > 0 {
		r = float64(match) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// score pairs gold and system expressions one to one (each gold with the
// unpaired system expression it overlaps most) and adds to c.
func score(c *counts, d Doc, gold, sys []Timex, mismatches bool) []Mismatch {
	c.gold += len(gold)
	c.sys += len(sys)
	used := make([]bool, len(sys))
	var out []Mismatch
	ctxOf := func(start, end int) string {
		a, b := max(0, start-60), min(len(d.Text), end+60)
		return strings.Join(strings.Fields(d.Text[a:b]), " ")
	}
	for _, g := range gold {
		best, bestOv := -1, 0
		for i, s := range sys {
			if used[i] {
				continue
			}
			ov := min(g.End, s.End) - max(g.Start, s.Start)
			if ov > bestOv {
				best, bestOv = i, ov
			}
		}
		if best < 0 {
			if mismatches {
				out = append(out, Mismatch{Doc: d.Name, Kind: "missed", GoldText: g.Text, GoldValue: g.Value, Context: ctxOf(g.Start, g.End)})
			}
			continue
		}
		used[best] = true
		s := sys[best]
		c.extent++
		if s.Start == g.Start && s.End == g.End {
			c.strict++
		}
		if s.Value == g.Value {
			c.value++
		} else if mismatches {
			out = append(out, Mismatch{Doc: d.Name, Kind: "value", GoldText: g.Text, GoldValue: g.Value, SystemText: s.Text, SystemValue: s.Value, Context: ctxOf(g.Start, g.End)})
		}
	}
	if mismatches {
		for i, s := range sys {
			if !used[i] {
				out = append(out, Mismatch{Doc: d.Name, Kind: "spurious", SystemText: s.Text, SystemValue: s.Value, Context: ctxOf(s.Start, s.End)})
			}
		}
	}
	return out
}

// WriteText writes the report for people: counts and a table of scores.
func (r Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "TimeML time expressions: %d documents, %d gold, %d found\n", r.Documents, r.Gold, r.System)
	fmt.Fprintf(&b, "%-14s %6s %6s %6s  %8s  %6s %6s %6s\n", "", "ext P", "ext R", "ext F1", "strictF1", "val P", "val R", "val F1")
	row := func(name string, s Scores) {
		fmt.Fprintf(&b, "%-14s %6.3f %6.3f %6.3f  %8.3f  %6.3f %6.3f %6.3f\n", name,
			s.ExtentPrecision, s.ExtentRecall, s.ExtentF1, s.StrictF1, s.ValuePrecision, s.ValueRecall, s.ValueF1)
	}
	row("all", r.Scores)
	row("DATE+TIME", r.DateTime)
	row("DURATION+SET", r.DurationSet)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMismatches writes one line per disagreement with the gold annotation.
func (r Report) WriteMismatches(w io.Writer) error {
	var b strings.Builder
	for _, m := range r.Mismatches {
		fmt.Fprintf(&b, "%-8s %-28s gold=%q %s  sys=%q %s  | %s\n", m.Kind, m.Doc, m.GoldText, m.GoldValue, m.SystemText, m.SystemValue, m.Context)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
