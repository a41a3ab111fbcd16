package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// TestEvaluateNewsClusters runs the full labelled set (383 articles, about
// a second) and holds the figures to floors just under those measured.
func TestEvaluateNewsClusters(t *testing.T) {
	dir := sharedtest.Dir(t, "eval", "news-clusters")
	rep, err := Evaluate(context.Background(), dir, EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", b.String())
	if rep.Articles != 383 || rep.Events != 69 {
		t.Errorf("read %d articles, %d events; want 383, 69", rep.Articles, rep.Events)
	}
	// Measured 2026-12-02: BCubed F1 0.969, pairwise F1 0.951, 76 clusters.
	if rep.BCubedF1 < 0.96 {
		t.Errorf("BCubed F1 %.4f < 0.96", rep.BCubedF1)
	}
	if rep.PairwiseF1 < 0.945 {
		t.Errorf("pairwise F1 %.4f < 0.945", rep.PairwiseF1)
	}
	js, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"bcubed_precision", "bcubed_recall", "bcubed_f1", "pairwise_precision", "pairwise_recall", "pairwise_f1", "clusters"} {
		if !strings.Contains(string(js), `"`+key+`":`) {
			t.Errorf("report JSON lacks %q: %s", key, js)
		}
	}
}

// halves splits a labelled set in two by a hash of the event label, so
// that every event falls wholly in one half: a change to the clusterer is
// kept only when it helps both.
func halves(docs []Labelled) (a, b []Labelled) {
	for _, d := range docs {
		h := fnv.New32a()
		h.Write([]byte(d.Event))
		if h.Sum32()%2 == 0 {
			a = append(a, d)
		} else {
			b = append(b, d)
		}
	}
	return a, b
}

// TestEvaluateHalves scores the two halves of news-clusters apart (200 and
// 183 articles) and holds each to a floor under its measured figures.
func TestEvaluateHalves(t *testing.T) {
	docs, err := ReadLabelled(sharedtest.Dir(t, "eval", "news-clusters"))
	if err != nil {
		t.Fatal(err)
	}
	a, b := halves(docs)
	// Measured 2026-12-02: A 0.941 / 0.916, B 0.987 / 0.982 (BCubed / pairwise F1).
	for _, h := range []struct {
		name             string
		docs             []Labelled
		bcubed, pairwise float64
	}{{"A", a, 0.93, 0.905}, {"B", b, 0.98, 0.975}} {
		rep, err := EvaluateDocs(context.Background(), h.docs, EvalOptions{})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("half %s: %d articles, %d events: BCubed F1 %.4f, pairwise F1 %.4f, %d clusters", h.name, rep.Articles, rep.Events, rep.BCubedF1, rep.PairwiseF1, rep.Clusters)
		if rep.BCubedF1 < h.bcubed || rep.PairwiseF1 < h.pairwise {
			t.Errorf("half %s: BCubed F1 %.4f, pairwise F1 %.4f; floors %.3f, %.3f", h.name, rep.BCubedF1, rep.PairwiseF1, h.bcubed, h.pairwise)
		}
	}
}

func TestEvaluateErrors(t *testing.T) {
	empty := t.TempDir()
	if _, err := Evaluate(context.Background(), empty, EvalOptions{}); !errors.Is(err, ErrNoArticles) {
		t.Errorf("empty folder: %v, want ErrNoArticles", err)
	}
	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "x.json"), []byte(`{"title": "no label"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Evaluate(context.Background(), bad, EvalOptions{}); err == nil || !strings.Contains(err.Error(), "x.json") {
		t.Errorf("unlabelled file: %v, want an error naming x.json", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Evaluate(ctx, sharedtest.Dir(t, "eval", "news-clusters"), EvalOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v, want context.Canceled", err)
	}
}

func TestParseNewsPlease(t *testing.T) {
	cases := []struct {
		name, in string
		event    string
		dated    bool
		text     string
		wantErr  bool
	}{
		{"number label", `{"title":"T","text":"body","date_publish":"2017-12-27T06:57:28","newsCluster":{"EventId":2}}`, "2", true, "body", false},
		{"string label, description", `{"title":"T","text":"","description":"desc","date_publish":null,"newsCluster":{"EventId":"ev"}}`, "ev", false, "desc", false},
		{"bad date", `{"text":"b","date_publish":"yesterday","newsCluster":{"EventId":1}}`, "1", false, "b", false},
		{"no label", `{"text":"b"}`, "", false, "", true},
		{"null label", `{"text":"b","newsCluster":{"EventId":null}}`, "", false, "", true},
		{"not json", `<html>`, "", false, "", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l, err := ParseNewsPlease([]byte(tc.in))
			if (err != nil) != tc.wantErr {
				t.Fatalf("err %v, want error %v", err, tc.wantErr)
			}
			if err != nil {
				return
			}
			if l.Event != tc.event || l.Published.IsZero() == tc.dated || l.Text != tc.text {
				t.Errorf("got event %q dated %v text %q", l.Event, !l.Published.IsZero(), l.Text)
			}
		})
	}
}

func FuzzParseNewsPlease(f *testing.F) {
	f.Add([]byte(`{"title":"T","text":"body","date_publish":"2017-12-27T06:57:28","newsCluster":{"EventId":2}}`))
	f.Add([]byte(`{"newsCluster":{"EventId":"x"},"text":null}`))
	f.Add([]byte(`{"newsCluster":null}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := ParseNewsPlease(b)
		if err != nil {
			return
		}
		c := New(Config{})
		c.Add(l.Doc)
		c.Stories()
		c.Storylines()
	})
}

func FuzzAdd(f *testing.F) {
	f.Add("Port closes terminal", portA1, "en", int64(0))
	f.Add("", "", "", int64(1e9))
	f.Add("\xff", "Порт закриває термінал. Шторм пошкодив крани.", "uk", int64(-5))
	f.Add("A B C", "U.S. Mr. X. Y. Z... ???", "de", int64(86400))
	f.Fuzz(func(t *testing.T, title, text, lang string, sec int64) {
		c := New(Config{})
		c.Add(Doc{ID: "seed", Title: "Harbourville port", Text: portA1, Published: t0})
		var at = t0
		if sec != 0 {
			at = t0.Add(timeSeconds(sec))
		} else {
			at = at.AddDate(-3000, 0, 0) // far outside any window
		}
		a := c.Add(Doc{ID: "x", Title: title, Text: text, Language: lang, Published: at})
		if a.StoryID == "" || a.StorylineID == "" {
			t.Fatalf("empty assignment %+v", a)
		}
		if a.Score < 0 || a.Score > 1.0001 {
			t.Fatalf("score %v out of range", a.Score)
		}
		for _, s := range c.Stories() {
			if s.Title == "" && len(s.ArticleIDs) > 0 && strings.TrimSpace(title+text) != "" && s.ID == a.StoryID && len(s.ArticleIDs) == 1 && strings.TrimSpace(firstSentence(text)) != "" && strings.TrimSpace(title) == "" {
				t.Fatalf("story without a title although the text has a sentence: %+v", s)
			}
		}
	})
}

// TestListErrors checks the error listing on a hand-made case: gold events
// 1 = {a, b, c}, 2 = {d, e}; predicted X = {a, b}, Y = {c, d}, Z = {e}.
func TestListErrors(t *testing.T) {
	var docs []Labelled
	for _, x := range []struct{ id, ev string }{{"a", "1"}, {"b", "1"}, {"c", "1"}, {"d", "2"}, {"e", "2"}} {
		docs = append(docs, Labelled{Doc: Doc{ID: x.id, Title: "title " + x.id}, Event: x.ev})
	}
	pred := map[string]string{"a": "X", "b": "X", "c": "Y", "d": "Y", "e": "Z"}
	got := ListErrors(docs, pred)
	type row struct {
		kind, key string
		groups    string
		pairs     int
	}
	var rows []row
	for _, e := range got {
		var gs []string
		for _, g := range e.Groups {
			var ids []string
			for _, m := range g {
				ids = append(ids, m.ID)
			}
			gs = append(gs, strings.Join(ids, ","))
		}
		rows = append(rows, row{e.Kind, e.Event + e.Story, strings.Join(gs, " | "), e.Pairs})
	}
	want := []row{
		{"split", "1", "a,b | c", 2}, // c is kept apart from a and b
		{"split", "2", "d | e", 1},
		{"mixed", "Y", "c | d", 1}, // c and d wrongly together
	}
	if !slices.Equal(rows, want) {
		t.Errorf("ListErrors =\n%v\nwant\n%v", rows, want)
	}
	// The pairs they cost are the pairs the scores miss: gold pairs 4 (3+1),
	// predicted 2, true 1.
	rep := Score(map[string]string{"a": "1", "b": "1", "c": "1", "d": "2", "e": "2"}, pred)
	if rep.PairwiseRecall != 1.0/4 || rep.PairwisePrecision != 1.0/2 {
		t.Errorf("pairwise P %.3f R %.3f, want 0.5, 0.25", rep.PairwisePrecision, rep.PairwiseRecall)
	}
	if ListErrors(docs, map[string]string{"a": "X", "b": "X", "c": "X", "d": "Y", "e": "Y"}) != nil {
		t.Error("a perfect clustering lists errors")
	}
}
