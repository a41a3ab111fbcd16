package when

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// newsDocs reads our own TIMEX3 labels on news-clusters articles
// (testdata/news-timex.tsv) and joins them with the articles' texts from
// the shared folder, in the order the file lists the articles, with the
// batch ("# batch N" lines) of each. A label whose span no longer reads
// its text fails the test.
func newsDocs(t *testing.T) (docs []Doc, batch []int) {
	t.Helper()
	dir := sharedtest.Dir(t, "eval", "news-clusters")
	f, err := os.Open(filepath.Join("testdata", "news-timex.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	index := map[string]int{}
	cur := 0
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if b, isBatch := strings.CutPrefix(line, "# batch "); isBatch {
			if cur, err = strconv.Atoi(b); err != nil {
				t.Fatalf("news-timex.tsv:%d: %v", n, err)
			}
			continue
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 7 {
			t.Fatalf("news-timex.tsv:%d: %d columns, want 7", n, len(c))
		}
		i, ok := index[c[0]]
		if !ok {
			b, err := os.ReadFile(filepath.Join(dir, c[0]+".json"))
			if err != nil {
				t.Fatal(err)
			}
			var a struct {
				Text string `json:"text"`
			}
			if err := json.Unmarshal(b, &a); err != nil {
				t.Fatalf("%s: %v", c[0], err)
			}
			dct, err := time.Parse("2006-01-02", c[6])
			if err != nil {
				t.Fatalf("news-timex.tsv:%d: %v", n, err)
			}
			i = len(docs)
			index[c[0]] = i
			docs = append(docs, Doc{Name: c[0][:12], DCT: dct, Text: a.Text})
			batch = append(batch, cur)
		}
		start, err1 := strconv.Atoi(c[1])
		end, err2 := strconv.Atoi(c[2])
		d := &docs[i]
		if err1 != nil || err2 != nil || start < 0 || end > len(d.Text) || start >= end || d.Text[start:end] != c[3] {
			t.Fatalf("news-timex.tsv:%d: span %s-%s does not read %q", n, c[1], c[2], c[3])
		}
		d.Gold = append(d.Gold, Timex{Start: start, End: end, Text: c[3], Type: c[4], Value: c[5], Resolved: true})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs, batch
}

// TestNewsTimex scores Find on our labelled news articles, unseen when
// the rules were first written (go test ./internal/when -run NewsTimex
// -v), as `eval timex` scores TimeBank, in two halves: even- and
// odd-numbered articles, and by batch (batch 2 was labelled after the
// first rule changes). PARALLAX_MISMATCHES=file writes the mismatches of
// all articles.
func TestNewsTimex(t *testing.T) {
	docs, batch := newsDocs(t)
	var a, b, b1, b2 []Doc
	for i, d := range docs {
		if i%2 == 0 {
			a = append(a, d)
		} else {
			b = append(b, d)
		}
		if batch[i] == 2 {
			b2 = append(b2, d)
		} else {
			b1 = append(b1, d)
		}
	}
	for _, h := range []struct {
		name  string
		docs  []Doc
		floor float64
	}{{"A", a, 0.80}, {"B", b, 0.80}, {"batch 1", b1, 0.80}, {"batch 2", b2, 0.75}, {"all", docs, 0.80}} {
		r, err := EvaluateDocs(context.Background(), h.docs)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("news %s: %d documents, %d gold, %d found: value F1 %.3f (P %.3f R %.3f), extent F1 %.3f, strict F1 %.3f; DATE+TIME value F1 %.3f, DURATION+SET value F1 %.3f",
			h.name, len(h.docs), r.Gold, r.System, r.ValueF1, r.ValuePrecision, r.ValueRecall, r.ExtentF1, r.StrictF1, r.DateTime.ValueF1, r.DurationSet.ValueF1)
		if p := os.Getenv("PARALLAX_MISMATCHES"); p != "" && h.name == "all" {
			f, err := os.Create(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := r.WriteMismatches(f); err != nil {
				t.Error(err)
			}
			f.Close()
		}
		if r.ValueF1 < h.floor {
			t.Errorf("news %s: value F1 %.3f below the floor %.2f", h.name, r.ValueF1, h.floor)
		}
	}
}
