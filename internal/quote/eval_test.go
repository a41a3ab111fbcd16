package quote

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// TestEvaluateSlice scores the first annotation files of the PolNeAR dev
// split and holds the figures above floors they reach; the full split runs
// with PARALLAX_FULL_EVAL=1 (and not -short), and from the CLI.
func TestEvaluateSlice(t *testing.T) {
	dir := sharedtest.Dir(t, "eval", "polnear", "dev")
	limit := 20
	floors := map[string]float64{"detection_f1": 0.92, "speaker_accuracy": 0.80, "all_detection_precision": 0.93}
	if os.Getenv("PARALLAX_FULL_EVAL") == "1" && !testing.Short() {
		limit = 0
		floors = map[string]float64{"detection_f1": 0.95, "speaker_accuracy": 0.90, "all_detection_precision": 0.93}
	}
	rep, err := EvaluateN(t.Context(), dir, limit)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rep.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + buf.String())
	if rep.GoldDirect == 0 || rep.PredictedDirect == 0 {
		t.Fatalf("nothing to score: %+v", rep)
	}
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]float64
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"detection_precision", "detection_recall", "detection_f1", "speaker_accuracy",
		"all_detection_precision", "all_detection_recall", "all_detection_f1", "all_speaker_accuracy"} {
		if _, ok := m[k]; !ok {
			t.Errorf("report JSON lacks %q", k)
		}
	}
	for k, floor := range floors {
		if m[k] < floor {
			t.Errorf("%s = %.3f, below the floor %.2f", k, m[k], floor)
		}
	}
}

func TestEvaluateErrors(t *testing.T) {
	if _, err := Evaluate(t.Context(), t.TempDir()); err == nil || !strings.Contains(err.Error(), "no attributions") {
		t.Errorf("empty folder: err = %v, want one naming the missing annotations", err)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(dir+"/attributions", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir+"/text", 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(dir+"/text/a.txt", []byte(`"Hello," he said.`), 0o644)
	os.WriteFile(dir+"/attributions/a_x.ann", []byte("T1\tContent 0 oops\tHello\n"), 0o644)
	if _, err := Evaluate(t.Context(), dir); err == nil || !strings.Contains(err.Error(), "a_x.ann") {
		t.Errorf("bad offsets: err = %v, want one naming the file", err)
	}
}

func TestSpeakerMatches(t *testing.T) {
	tests := []struct {
		pred, gold string
		want       bool
	}{
		{"Donald Trump", "Trump", true},
		{"Mike Pence", "Republican vice-presidential nominee Gov. Mike Pence (R-IN)", true},
		{"Hillary Clinton", "Trump", false},
		{Unnamed, "a senior official", true},
		{Unnamed, "Trump", false},
		{Unnamed, "one Democratic source on the panel", true},
		{Unnamed, "a senior White House official", true},
		{Unnamed, "Kremlin spokesman Dmitry Peskov", false},
		{Unnamed, "Protesters", true},
		{Unnamed, "Officials", true},
		{"the ruling", "the ruling", true},
		{"", "Trump", false},
		{"Volodymyr Zelenskyy", "Zelensky", true},
	}
	for _, tc := range tests {
		got := speakerMatches(tc.pred, goldAttr{source: tc.gold, hasSrc: true})
		if got != tc.want {
			t.Errorf("speakerMatches(%q, %q) = %v, want %v", tc.pred, tc.gold, got, tc.want)
		}
	}
	// Without an annotated source only "no speaker" is right.
	if !speakerMatches("", goldAttr{}) || speakerMatches("Trump", goldAttr{}) {
		t.Error("a gold attribution without a source must match only an empty speaker")
	}
}

func BenchmarkFind(b *testing.B) {
	dir := sharedtest.Dir(b, "corpus", "seeds")
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	size := 0
	for _, e := range entries {
		data, err := os.ReadFile(dir + "/" + e.Name())
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			find(t)
		}
	}
}

func TestPersonLike(t *testing.T) {
	for src, want := range map[string]bool{
		"Republican vice-presidential nominee Gov. Mike Pence (R-IN)": true,
		"Dean, a medical doctor,":                                     true,
		"the 34-year-old mother of three":                             true,
		"a Donald Trump tweet":                                        false,
		"a raft of new emissions rules":                               false,
		"The Republican presidential nominee":                         true,
	} {
		if got := personLike(src); got != want {
			t.Errorf("personLike(%q) = %v, want %v", src, got, want)
		}
	}
}

func TestSpeakerMatchesDescriptions(t *testing.T) {
	for _, tc := range []struct {
		pred, gold string
		want       bool
	}{
		{"The senator", "The senator", true},
		{"the president", "The president", true},
		{"The senator", "the governor", false},
	} {
		if got := speakerMatches(tc.pred, goldAttr{source: tc.gold, hasSrc: true}); got != tc.want {
			t.Errorf("speakerMatches(%q, %q) = %v, want %v", tc.pred, tc.gold, got, tc.want)
		}
	}
}

func TestAntecedent(t *testing.T) {
	text := []rune("Patti LaBelle and Stevie Wonder, who joked of the museum, said more. the company which reported it")
	who := strings.Index(string(text), "who")
	if got := antecedent(text, len([]rune(string(text)[:who]))); got != "Stevie Wonder" {
		t.Errorf("antecedent of who = %q, want Stevie Wonder", got)
	}
	which := strings.Index(string(text), "which")
	if got := antecedent(text, len([]rune(string(text)[:which]))); got != "" {
		t.Errorf("antecedent of which = %q, want none (no capitalised words)", got)
	}
}

func TestInitials(t *testing.T) {
	if got := initials("International Monetary Fund"); got != "IMF" {
		t.Errorf("initials = %q, want IMF", got)
	}
	if !speakerMatches("International Monetary Fund", goldAttr{source: "the IMF", hasSrc: true}) {
		t.Error("International Monetary Fund should match the IMF")
	}
	if speakerMatches("International Monetary Fund", goldAttr{source: "the World Bank", hasSrc: true}) {
		t.Error("International Monetary Fund should not match the World Bank")
	}
}

func TestPointsAtSource(t *testing.T) {
	gold := goldAttr{hasSrc: true, source: "the Republican presidential nominee", srcSegs: []seg{{10, 45}}}
	tests := []struct {
		name string
		p    predicted
		g    goldAttr
		want bool
	}{
		{"mention overlaps the description", predicted{speaker: "Donald Trump", srcStart: 14, srcEnd: 45}, gold, true},
		{"mention elsewhere", predicted{speaker: "Donald Trump", srcStart: 50, srcEnd: 62}, gold, false},
		{"no mention", predicted{speaker: "Donald Trump", srcStart: -1, srcEnd: -1}, gold, false},
		{"no speaker", predicted{srcStart: 14, srcEnd: 20}, gold, false},
		{"a name inside the description is not its head", predicted{speaker: "Democratic Party", srcStart: 30, srcEnd: 40}, goldAttr{hasSrc: true, srcSegs: []seg{sourceHead("the former secretary of state and current Democratic presidential nominee", seg{10, 83})}}, false},
		{"the head of a possessed description", predicted{speaker: "Keith Lamont Scott", srcStart: 0, srcEnd: 18}, goldAttr{hasSrc: true, srcSegs: []seg{sourceHead("Keith Lamont Scott's wife", seg{0, 25})}}, false},
		{"the name heading an appositive", predicted{speaker: "Bernie Sanders", srcStart: 5, srcEnd: 19}, goldAttr{hasSrc: true, srcSegs: []seg{sourceHead("Sen. Bernie Sanders (Vt.), who lost", seg{0, 35})}}, true},
		{"pronoun source has no span", predicted{speaker: "Obama", srcStart: 10, srcEnd: 12}, goldAttr{hasSrc: true, source: "Trump", raw: "he"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := pointsAtSource(tc.p, tc.g); got != tc.want {
				t.Errorf("pointsAtSource = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestEvaluateHalves scores the two halves of the dev split's annotation
// files (in name order) apart, to check that a change generalizes. It runs
// with PARALLAX_FULL_EVAL=1.
func TestEvaluateHalves(t *testing.T) {
	if os.Getenv("PARALLAX_FULL_EVAL") != "1" || testing.Short() {
		t.Skip("set PARALLAX_FULL_EVAL=1")
	}
	dir := sharedtest.Dir(t, "eval", "polnear", "dev")
	const half = 47 // of 94 annotation files
	for _, r := range []struct {
		name     string
		from, to int
	}{{"first", 0, half}, {"second", half, 0}} {
		t.Run(r.name, func(t *testing.T) {
			rep, err := EvaluateRange(t.Context(), dir, r.from, r.to)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s half (%d files): direct P %.3f R %.3f F1 %.3f speaker %.3f | all P %.3f R %.3f F1 %.3f speaker %.3f",
				r.name, rep.AnnotationFiles, rep.DetectionPrecision, rep.DetectionRecall, rep.DetectionF1, rep.SpeakerAccuracy,
				rep.AllDetectionPrecision, rep.AllDetectionRecall, rep.AllDetectionF1, rep.AllSpeakerAccuracy)
			if rep.DetectionF1 < 0.93 || rep.SpeakerAccuracy < 0.87 || rep.AllDetectionPrecision < 0.93 {
				t.Errorf("%s half below the floors (direct F1 0.93, speaker 0.87, all precision 0.93)", r.name)
			}
		})
	}
}

func TestSourceHead(t *testing.T) {
	tests := []struct {
		src  string
		want string
	}{
		{"Keith Lamont Scott's wife", "wife"},
		{"Sen. Bernie Sanders (Vt.), who lost the primaries", "Sanders"},
		{"the former secretary of state", "secretary"},
		{"Donald Trump’s", "Trump"},
		{"The Republican presidential nominee", "nominee"},
	}
	for _, tc := range tests {
		t.Run(tc.src, func(t *testing.T) {
			h := sourceHead(tc.src, seg{100, 100 + len([]rune(tc.src))})
			if got := string([]rune(tc.src)[h.start-100 : h.end-100]); got != tc.want {
				t.Errorf("head %q, want %q", got, tc.want)
			}
		})
	}
}
