package when

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadTML(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "small.tml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := ReadTML(f)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.DCT.Format("2006-01-02"); got != "2025-12-04" {
		t.Errorf("DCT %s", got)
	}
	want := []struct{ text, typ, value string }{
		{"Tuesday", "DATE", "2025-12-02"},
		{"five hours", "DURATION", "PT5H"},
		{"next week", "DATE", "2025-W50"},
		{"now", "DATE", "PRESENT_REF"},
	}
	if len(d.Gold) != len(want) {
		t.Fatalf("%d gold expressions, want %d", len(d.Gold), len(want))
	}
	for i, w := range want {
		g := d.Gold[i]
		if g.Text != w.text || g.Type != w.typ || g.Value != w.value || d.Text[g.Start:g.End] != w.text {
			t.Errorf("gold %d: %+v, want %+v", i, g, w)
		}
	}
	if !strings.Contains(d.Text, "Tuesday & talked") {
		t.Errorf("entities not decoded or tags not stripped: %q", d.Text)
	}
}

func TestReadTMLErrors(t *testing.T) {
	cases := map[string]string{
		"no dct":    `<TimeML><TEXT>On <TIMEX3 type="DATE" value="2025">2025</TIMEX3>.</TEXT></TimeML>`,
		"bad dct":   `<TimeML><DCT><TIMEX3 value="soon" functionInDocument="CREATION_TIME">x</TIMEX3></DCT><TEXT>a</TEXT></TimeML>`,
		"truncated": `<TimeML><DCT><TIMEX3 value="2025-01-01" functionInDocument="CREATION_TIME">x</TIMEX3></DCT><TEXT>a <TIMEX3`,
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := ReadTML(strings.NewReader(in)); err == nil {
				t.Errorf("no error for %s", name)
			}
		})
	}
	_, err := ReadTML(strings.NewReader(cases["no dct"]))
	if !errors.Is(err, ErrNoDCT) {
		t.Errorf("missing DCT: %v, want ErrNoDCT", err)
	}
}

// The evaluation on the hand-made document: every gold expression is found
// with its value, and the report speaks the JSON names of the issue.
func TestEvaluateSmall(t *testing.T) {
	r, err := Evaluate(context.Background(), "testdata")
	if err != nil {
		t.Fatal(err)
	}
	if r.Documents != 1 || r.Scores.Gold != 4 {
		t.Fatalf("documents %d gold %d", r.Documents, r.Scores.Gold)
	}
	if r.ValueRecall != 1 || r.ExtentRecall != 1 || r.StrictF1 != 1 {
		var b bytes.Buffer
		r.WriteMismatches(&b)
		t.Errorf("recall value %.3f extent %.3f strict F1 %.3f:\n%s", r.ValueRecall, r.ExtentRecall, r.StrictF1, b.String())
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"extent_precision", "extent_recall", "extent_f1", "strict_f1", "value_precision", "value_recall", "value_f1", "documents", "gold_count", "system_count", "value_matches", "date_time", "duration_set"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON report lacks %q: %s", k, b)
		}
	}
	var text bytes.Buffer
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"1 documents", "DATE+TIME", "DURATION+SET", "val F1"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, text.String())
		}
	}
}

func TestEvaluateErrors(t *testing.T) {
	if _, err := Evaluate(context.Background(), filepath.Join("testdata", "does-not-exist")); err == nil {
		t.Error("no error for a missing folder")
	}
	empty := t.TempDir()
	if _, err := Evaluate(context.Background(), empty); err == nil {
		t.Error("no error for a folder without .tml files")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Evaluate(ctx, "testdata"); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

// The scorer itself, on made-up spans: one exact match, one overlap with a
// wrong value, one miss, one spurious.
func TestScore(t *testing.T) {
	d := Doc{Name: "x", Text: strings.Repeat("x", 100)}
	gold := []Timex{
		{Start: 0, End: 5, Value: "2025"},
		{Start: 10, End: 20, Value: "P1D"},
		{Start: 30, End: 35, Value: "2024"},
	}
	sys := []Timex{
		{Start: 0, End: 5, Value: "2025"},
		{Start: 12, End: 22, Value: "P2D"},
		{Start: 50, End: 55, Value: "2023"},
	}
	var c counts
	mm := score(&c, d, gold, sys, true)
	s := c.scores()
	if c.extent != 2 || c.strict != 1 || c.value != 1 {
		t.Errorf("counts %+v", c)
	}
	if s.ExtentPrecision != 2.0/3 || s.ValueRecall != 1.0/3 {
		t.Errorf("scores %+v", s)
	}
	kinds := map[string]int{}
	for _, m := range mm {
		kinds[m.Kind]++
	}
	if kinds["missed"] != 1 || kinds["value"] != 1 || kinds["spurious"] != 1 {
		t.Errorf("mismatches %v", kinds)
	}
}
