package extract

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Report is the score of HTML extraction on an article-extraction set, with
// the set's metric (4-token shingles of \w+ tokens, precision and recall
// averaged over pages, F1 of the two means).
type Report struct {
	F1        float64 `json:"f1"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	// Pages is the number of pages scored.
	Pages int `json:"pages"`
	// Failed counts pages where extraction returned an error (scored as an
	// empty prediction).
	Failed int `json:"failed"`
	// Worst lists the lowest-scoring pages, worst first.
	Worst []PageScore `json:"worst,omitempty"`
}

// PageScore is one page's result.
type PageScore struct {
	ID        string  `json:"id"`
	F1        float64 `json:"f1"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	Error     string  `json:"error,omitempty"`
}

// EvalOptions tunes EvaluateWith.
type EvalOptions struct {
	// Limit scores only the first Limit pages (sorted by ID); 0 means all.
	Limit int
	// Workers is the number of pages extracted at once; 0 means GOMAXPROCS.
	Workers int
	// Worst is how many lowest-scoring pages to list in the report.
	Worst int
}

// Evaluate scores HTML extraction on dir, a folder laid out like
// ../shared/eval/article-extraction: ground-truth.json mapping page IDs to
// {"articleBody", "url"}, and html/<id>.html.gz. It stops early with ctx.Err()
// when ctx is cancelled.
func Evaluate(ctx context.Context, dir string) (Report, error) {
	return EvaluateWith(ctx, dir, EvalOptions{Worst: 10})
}

// EvaluateWith is Evaluate with options.
func EvaluateWith(ctx context.Context, dir string, opts EvalOptions) (Report, error) {
	gtPath := filepath.Join(dir, "ground-truth.json")
	raw, err := os.ReadFile(gtPath)
	if err != nil {
		return Report{}, fmt.Errorf("evaluate extraction: %w", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &gt); err != nil {
		return Report{}, fmt.Errorf("evaluate extraction: parse %s: %w", gtPath, err)
	}
	ids := make([]string, 0, len(gt))
	for id := range gt {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	if opts.Limit > 0 && opts.Limit < len(ids) {
		ids = ids[:opts.Limit]
	}
	if len(ids) == 0 {
		return Report{}, fmt.Errorf("evaluate extraction: %s: no pages", gtPath)
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	scores := make([]PageScore, len(ids))
	counts := make([][3]float64, len(ids))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				id := ids[i]
				ps := PageScore{ID: id}
				pred := ""
				res, err := FileWith(filepath.Join(dir, "html", id+".html.gz"), Options{PageURL: gt[id].URL})
				if err != nil {
					ps.Error = err.Error()
				} else {
					pred = res.Text
				}
				tp, fp, fn := shingleCounts(gt[id].ArticleBody, pred)
				counts[i] = [3]float64{tp, fp, fn}
				ps.Precision, ps.Recall = prec(tp, fp, fn), rec(tp, fp, fn)
				ps.F1 = f1(ps.Precision, ps.Recall)
				scores[i] = ps
			}
		}()
	}
	var cerr error
loop:
	for i := range ids {
		select {
		case <-ctx.Done():
			cerr = ctx.Err()
			break loop
		case jobs <- i:
		}
	}
	close(jobs)
	wg.Wait()
	if cerr != nil {
		return Report{}, fmt.Errorf("evaluate extraction: %w", cerr)
	}
	var rep Report
	var psum, rsum float64
	var pn, rn int
	for i, c := range counts {
		tp, fp, fn := c[0], c[1], c[2]
		if scores[i].Error != "" {
			rep.Failed++
		}
		if fp == 0 && fn == 0 {
			psum, rsum = psum+1, rsum+1
			pn, rn = pn+1, rn+1
			continue
		}
		if tp+fp > 0 {
			psum += tp / (tp + fp)
			pn++
		}
		if tp+fn > 0 {
			rsum += tp / (tp + fn)
			rn++
		}
	}
	rep.Pages = len(ids)
	if pn > 0 {
		rep.Precision = psum / float64(pn)
	}
	if rn > 0 {
		rep.Recall = rsum / float64(rn)
	}
	rep.F1 = f1(rep.Precision, rep.Recall)
	if opts.Worst > 0 {
		sorted := append([]PageScore(nil), scores...)
		sort.SliceStable(sorted, func(a, b int) bool { return sorted[a].F1 < sorted[b].F1 })
		rep.Worst = sorted[:min(opts.Worst, len(sorted))]
	}
	return rep, nil
}

func prec(tp, fp, fn float64) float64 {
	if fp == 0 && fn == 0 {
		return 1
	}
	if tp+fp == 0 {
		return 0
	}
	return tp / (tp + fp)
}

func rec(tp, fp, fn float64) float64 {
	if fp == 0 && fn == 0 {
		return 1
	}
	if tp+fn == 0 {
		return 0
	}
	return tp / (tp + fn)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// WriteText writes the report for people: the three figures, then the
// worst pages.
func (r Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "pages      %d (extraction failed on %d)\n", r.Pages, r.Failed)
	fmt.Fprintf(&b, "F1         %.3f\n", r.F1)
	fmt.Fprintf(&b, "precision  %.3f\n", r.Precision)
	fmt.Fprintf(&b, "recall     %.3f\n", r.Recall)
	if len(r.Worst) > 0 {
		b.WriteString("worst pages (F1 precision recall id):\n")
		for _, p := range r.Worst {
			fmt.Fprintf(&b, "  %.3f %.3f %.3f %s", p.F1, p.Precision, p.Recall, p.ID)
			if p.Error != "" {
				fmt.Fprintf(&b, "  error: %s", p.Error)
			}
			b.WriteByte('\n')
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// words splits s into runs of Unicode word characters (letters, numbers,
// underscore), the benchmark's \w+ tokens.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
	})
}

// shingles counts the 4-token shingles of s; a text of 1 to 3 tokens is one
// shingle, an empty text none.
func shingles(s string) map[string]int {
	toks := words(s)
	m := map[string]int{}
	if len(toks) == 0 {
		return m
	}
	const n = 4
	if len(toks) < n {
		m[strings.Join(toks, "\x00")]++
		return m
	}
	for i := 0; i+n <= len(toks); i++ {
		m[strings.Join(toks[i:i+n], "\x00")]++
	}
	return m
}

// shingleCounts returns true positives, false positives and false negatives
// of pred against truth, as shingle counts.
func shingleCounts(truth, pred string) (tp, fp, fn float64) {
	t, p := shingles(truth), shingles(pred)
	for k, pc := range p {
		tc := t[k]
		m := min(pc, tc)
		tp += float64(m)
		fp += float64(pc - m)
	}
	for k, tc := range t {
		fn += float64(tc - min(tc, p[k]))
	}
	return tp, fp, fn
}
