package extract

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

func TestShingleCounts(t *testing.T) {
	tests := []struct {
		truth, pred string
		tp, fp, fn  float64
	}{
		{"a b c d e", "a b c d e", 2, 0, 0},
		{"a b c d e", "a b c d", 1, 0, 1},
		{"a b c d", "x a b c d y", 1, 2, 0},
		{"one two", "one two", 1, 0, 0},
		{"a b c d", "", 0, 0, 1},
		{"", "", 0, 0, 0},
		{"Ab, cd; ef-gh!", "ab cd ef gh", 0, 1, 1}, // case is kept
		{"über straße 1 2", "über, straße: 1 (2)", 1, 0, 0},
	}
	for _, tc := range tests {
		tp, fp, fn := shingleCounts(tc.truth, tc.pred)
		if tp != tc.tp || fp != tc.fp || fn != tc.fn {
			t.Errorf("shingleCounts(%q, %q) = %v %v %v, want %v %v %v", tc.truth, tc.pred, tp, fp, fn, tc.tp, tc.fp, tc.fn)
		}
	}
}

// writeSet writes a tiny evaluation folder: two pages with known scores.
func writeSet(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "html"), 0o755); err != nil {
		t.Fatal(err)
	}
	body := strings.Repeat("The council met on Tuesday and agreed the budget after a long debate about schools and roads. ", 4)
	page := "<html><head><title>Budget</title></head><body><article><p>" + body + "</p></article></body></html>"
	for _, id := range []string{"a", "b"} {
		os.WriteFile(filepath.Join(dir, "html", id+".html"), []byte(page), 0o644)
		var b bytes.Buffer
		gzipTo(t, &b, []byte(page))
		os.WriteFile(filepath.Join(dir, "html", id+".html.gz"), b.Bytes(), 0o644)
	}
	gt := map[string]map[string]string{
		"a": {"articleBody": body, "url": "http://example.com/a"},
		"b": {"articleBody": "Something else entirely that the page does not say at all.", "url": "http://example.com/b"},
	}
	raw, _ := json.Marshal(gt)
	os.WriteFile(filepath.Join(dir, "ground-truth.json"), raw, 0o644)
	return dir
}

func TestEvaluateSmallSet(t *testing.T) {
	rep, err := Evaluate(context.Background(), writeSet(t))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Pages != 2 {
		t.Fatalf("pages = %d", rep.Pages)
	}
	// Page a is perfect, page b entirely wrong: both means are 1/2.
	if math.Abs(rep.Precision-0.5) > 1e-9 || math.Abs(rep.Recall-0.5) > 1e-9 || math.Abs(rep.F1-0.5) > 1e-9 {
		t.Errorf("report = %+v, want 0.5 all round", rep)
	}
	var buf bytes.Buffer
	if err := rep.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"F1         0.500", "precision  0.500", "recall     0.500", "pages      2"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("WriteText output lacks %q:\n%s", want, buf.String())
		}
	}
	raw, _ := json.Marshal(rep)
	for _, key := range []string{`"f1":`, `"precision":`, `"recall":`, `"pages":`} {
		if !bytes.Contains(raw, []byte(key)) {
			t.Errorf("JSON lacks %s: %s", key, raw)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Evaluate(ctx, writeSet(t)); err == nil {
		t.Error("cancelled evaluation returned no error")
	}
	if _, err := Evaluate(context.Background(), t.TempDir()); err == nil {
		t.Error("folder without ground truth returned no error")
	}
}

// TestEvaluateArticleExtraction scores the first 20 pages of
// ../shared/eval/article-extraction (all 181 with PARALLAX_FULL_EVAL=1 and
// without -short). The floors are what the slice reaches, minus a margin.
func TestEvaluateArticleExtraction(t *testing.T) {
	dir := sharedtest.Dir(t, "eval", "article-extraction")
	opts := EvalOptions{Limit: 20, Worst: 5}
	floor := 0.97
	if !testing.Short() && os.Getenv("PARALLAX_FULL_EVAL") == "1" {
		opts.Limit, floor = 0, 0.965
	}
	rep, err := EvaluateWith(context.Background(), dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	rep.WriteText(&buf)
	t.Logf("article-extraction, %d pages:\n%s", rep.Pages, buf.String())
	if rep.F1 < floor {
		t.Errorf("F1 = %.3f, below the floor %.3f", rep.F1, floor)
	}
	if rep.Failed > 0 {
		t.Errorf("%d pages failed", rep.Failed)
	}
}

func gzipTo(t *testing.T, w *bytes.Buffer, data []byte) {
	t.Helper()
	zw := gzip.NewWriter(w)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}
