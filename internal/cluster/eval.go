package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/dedup"
)

// Labelled is one article of an evaluation set with its gold event.
type Labelled struct {
	Doc
	Event string
}

// ErrNoArticles is returned when an evaluation folder holds no article files.
var ErrNoArticles = errors.New("no labelled articles")

// newsPlease is the subset of a news-please JSON record the evaluation reads.
type newsPlease struct {
	Title        string `json:"title"`
	Text         string `json:"text"`
	Description  string `json:"description"`
	DatePublish  string `json:"date_publish"`
	SourceDomain string `json:"source_domain"`
	URL          string `json:"url"`
	Language     string `json:"language"`
	NewsCluster  *struct {
		EventID json.RawMessage `json:"EventId"`
	} `json:"newsCluster"`
}

// ReadLabelled reads every *.json file of dir as a news-please record with
// a newsCluster.EventId label. The article ID is the file name. It returns
// ErrNoArticles when there is no file, and an error naming the file when one
// is not valid JSON or has no label.
func ReadLabelled(dir string) ([]Labelled, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("read labelled %s: %w", dir, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("read labelled %s: %w", dir, ErrNoArticles)
	}
	sort.Strings(files)
	out := make([]Labelled, 0, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("read labelled: %w", err)
		}
		l, err := ParseNewsPlease(b)
		if err != nil {
			return nil, fmt.Errorf("read labelled %s: %w", f, err)
		}
		l.ID = filepath.Base(f)
		out = append(out, l)
	}
	return out, nil
}

// ParseNewsPlease decodes one news-please JSON record with its
// newsCluster.EventId label (a number or a string). The body is the text,
// or the description when the text is empty. An unparseable date leaves the
// article undated.
func ParseNewsPlease(b []byte) (Labelled, error) {
	var r newsPlease
	if err := json.Unmarshal(b, &r); err != nil {
		return Labelled{}, fmt.Errorf("decode news-please json: %w", err)
	}
	if r.NewsCluster == nil || len(r.NewsCluster.EventID) == 0 || string(r.NewsCluster.EventID) == "null" {
		return Labelled{}, errors.New("no newsCluster.EventId label")
	}
	ev := strings.Trim(string(r.NewsCluster.EventID), `"`)
	text := r.Text
	if strings.TrimSpace(text) == "" {
		text = r.Description
	}
	d := Doc{Title: r.Title, Text: text, Outlet: r.SourceDomain, URL: r.URL, Language: r.Language}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02 15:04:05", time.RFC3339, "2006-01-02"} {
		if t, err := time.Parse(layout, r.DatePublish); err == nil {
			d.Published = t.UTC()
			break
		}
	}
	return Labelled{Doc: d, Event: ev}, nil
}

// Report holds clustering quality figures against gold labels.
type Report struct {
	Articles          int     `json:"articles"`
	Events            int     `json:"events"`
	BCubedPrecision   float64 `json:"bcubed_precision"`
	BCubedRecall      float64 `json:"bcubed_recall"`
	BCubedF1          float64 `json:"bcubed_f1"`
	PairwisePrecision float64 `json:"pairwise_precision"`
	PairwiseRecall    float64 `json:"pairwise_recall"`
	PairwiseF1        float64 `json:"pairwise_f1"`
	Clusters          int     `json:"clusters"`
	// Duplicates is how many articles dedup folded into a copy.
	Duplicates int `json:"duplicates"`
	Storylines int `json:"storylines"`
	// Order is filled when the evaluation also ran shuffled orders.
	Order *OrderReport `json:"order,omitempty"`
	// Errors lists, when asked for (EvalOptions.Errors), the gold events
	// split over several stories and the stories that mix events.
	Errors []EvalError `json:"errors,omitempty"`
}

// EvalError is one clustering error against the gold labels: a gold event
// whose articles went to several stories (Kind "split"), or a story holding
// articles of several events (Kind "mixed"). Groups hold the articles, one
// group per story of a split event or per event of a mixed story, largest
// first.
type EvalError struct {
	Kind   string         `json:"kind"`
	Event  string         `json:"event,omitempty"`
	Story  string         `json:"story,omitempty"`
	Groups [][]EvalMember `json:"groups"`
	// Pairs is how many article pairs the error costs: gold pairs the split
	// keeps apart, or wrong pairs the mix puts together.
	Pairs int `json:"pairs"`
}

// EvalMember is one article of an EvalError.
type EvalMember struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Outlet    string    `json:"outlet,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Event     string    `json:"event"`
	Story     string    `json:"story"`
}

// ListErrors lists the split events and mixed stories of a predicted
// clustering (pred: article ID to story ID), costliest first.
func ListErrors(docs []Labelled, pred map[string]string) []EvalError {
	byEvent := map[string]map[string][]EvalMember{}
	byStory := map[string]map[string][]EvalMember{}
	for _, d := range chronological(docs) {
		sid, ok := pred[d.ID]
		if !ok {
			sid = "single:" + d.ID
		}
		m := EvalMember{ID: d.ID, Title: d.Title, Outlet: d.Outlet, Published: d.Published, Event: d.Event, Story: sid}
		put := func(outer map[string]map[string][]EvalMember, k1, k2 string) {
			if outer[k1] == nil {
				outer[k1] = map[string][]EvalMember{}
			}
			outer[k1][k2] = append(outer[k1][k2], m)
		}
		put(byEvent, d.Event, sid)
		put(byStory, sid, d.Event)
	}
	var out []EvalError
	collect := func(kind string, outer map[string]map[string][]EvalMember) {
		for key, inner := range outer {
			if len(inner) < 2 {
				continue
			}
			e := EvalError{Kind: kind}
			if kind == "split" {
				e.Event = key
			} else {
				e.Story = key
			}
			total := 0
			for _, g := range inner {
				e.Groups = append(e.Groups, g)
				total += len(g)
			}
			sort.Slice(e.Groups, func(i, j int) bool {
				if len(e.Groups[i]) != len(e.Groups[j]) {
					return len(e.Groups[i]) > len(e.Groups[j])
				}
				return e.Groups[i][0].ID < e.Groups[j][0].ID
			})
			// Pairs across groups: all pairs less the pairs inside a group.
			e.Pairs = total * (total - 1) / 2
			for _, g := range e.Groups {
				e.Pairs -= len(g) * (len(g) - 1) / 2
			}
			out = append(out, e)
		}
	}
	collect("split", byEvent)
	collect("mixed", byStory)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Pairs != out[j].Pairs {
			return out[i].Pairs > out[j].Pairs
		}
		if out[i].Kind != out[j].Kind {
			return out[i].Kind > out[j].Kind
		}
		return out[i].Event+out[i].Story < out[j].Event+out[j].Story
	})
	return out
}

// OrderReport measures how much the result depends on ingest order: the
// BCubed F1 over several random permutations of the input.
type OrderReport struct {
	Runs       int       `json:"runs"`
	BCubedF1   []float64 `json:"bcubed_f1"`
	PairwiseF1 []float64 `json:"pairwise_f1"`
	MinF1      float64   `json:"bcubed_f1_min"`
	MaxF1      float64   `json:"bcubed_f1_max"`
	Spread     float64   `json:"bcubed_f1_spread"`
}

// WriteText writes the report for people.
func (r Report) WriteText(w io.Writer) error {
	_, err := fmt.Fprintf(w, "articles   %d (%d gold events)\nclusters   %d\nduplicates %d folded\nstorylines %d\nBCubed     P %.4f  R %.4f  F1 %.4f\npairwise   P %.4f  R %.4f  F1 %.4f\n",
		r.Articles, r.Events, r.Clusters, r.Duplicates, r.Storylines,
		r.BCubedPrecision, r.BCubedRecall, r.BCubedF1,
		r.PairwisePrecision, r.PairwiseRecall, r.PairwiseF1)
	if err != nil {
		return err
	}
	if o := r.Order; o != nil {
		if _, err = fmt.Fprintf(w, "order      %d shuffled runs: BCubed F1 min %.4f max %.4f spread %.4f\n", o.Runs, o.MinF1, o.MaxF1, o.Spread); err != nil {
			return err
		}
	}
	for _, e := range r.Errors {
		head := fmt.Sprintf("event %s split over %d stories", e.Event, len(e.Groups))
		if e.Kind == "mixed" {
			head = fmt.Sprintf("story %s mixes %d events", e.Story, len(e.Groups))
		}
		if _, err = fmt.Fprintf(w, "\n%s (%d pairs)\n", head, e.Pairs); err != nil {
			return err
		}
		for _, g := range e.Groups {
			for i, m := range g {
				lead := "   "
				if i == 0 {
					lead = " - "
				}
				label := "story " + m.Story
				if e.Kind == "mixed" {
					label = "event " + m.Event
				}
				date := "undated   "
				if !m.Published.IsZero() {
					date = m.Published.Format("2006-01-02")
				}
				if _, err = fmt.Fprintf(w, "%s%s %s %s %q (%s)\n", lead, label, date, m.Outlet, m.Title, m.ID); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// EvalOptions tune Evaluate.
type EvalOptions struct {
	Config Config
	// Shuffles is how many extra runs over random permutations of the input
	// to make for the order report (0 for none).
	Shuffles int
	// Seed seeds the permutations.
	Seed uint64
	// Limit keeps only the first Limit articles in file-name order (0 for all).
	Limit int
	// Errors fills Report.Errors with the split events and mixed stories
	// of the main (publication-order) run.
	Errors bool
}

// Evaluate clusters the labelled folder dir blind (news-please JSON with
// newsCluster.EventId, as in ../shared/eval/news-clusters) in publication
// order, through dedup and the clusterer, and scores the stories against
// the gold events.
func Evaluate(ctx context.Context, dir string, opt EvalOptions) (Report, error) {
	docs, err := ReadLabelled(dir)
	if err != nil {
		return Report{}, err
	}
	if opt.Limit > 0 && opt.Limit < len(docs) {
		docs = docs[:opt.Limit]
	}
	return EvaluateDocs(ctx, docs, opt)
}

// EvaluateDocs is Evaluate on articles already read.
func EvaluateDocs(ctx context.Context, docs []Labelled, opt EvalOptions) (Report, error) {
	if len(docs) == 0 {
		return Report{}, ErrNoArticles
	}
	ordered := chronological(docs)
	rep, pred, err := evalRun(ctx, ordered, opt.Config)
	if err != nil {
		return Report{}, err
	}
	if opt.Errors {
		rep.Errors = ListErrors(docs, pred)
	}
	if opt.Shuffles > 0 {
		rng := rand.New(rand.NewPCG(opt.Seed, 0x0de5))
		o := &OrderReport{Runs: opt.Shuffles, MinF1: math.Inf(1), MaxF1: math.Inf(-1)}
		for range opt.Shuffles {
			perm := append([]Labelled(nil), docs...)
			rng.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
			r, _, err := evalRun(ctx, perm, opt.Config)
			if err != nil {
				return Report{}, err
			}
			o.BCubedF1 = append(o.BCubedF1, r.BCubedF1)
			o.PairwiseF1 = append(o.PairwiseF1, r.PairwiseF1)
			o.MinF1 = math.Min(o.MinF1, r.BCubedF1)
			o.MaxF1 = math.Max(o.MaxF1, r.BCubedF1)
		}
		o.Spread = o.MaxF1 - o.MinF1
		rep.Order = o
	}
	return rep, nil
}

// chronological returns docs by publication time (undated last), ties by ID.
func chronological(docs []Labelled) []Labelled {
	out := append([]Labelled(nil), docs...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Published, out[j].Published
		if a.IsZero() != b.IsZero() {
			return !a.IsZero()
		}
		if !a.Equal(b) {
			return a.Before(b)
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// evalRun clusters docs in the order given and scores the stories; it also
// returns the predicted story of each article.
func evalRun(ctx context.Context, docs []Labelled, cfg Config) (Report, map[string]string, error) {
	c := New(cfg)
	run := NewRunner(dedup.NewIndex(dedup.Options{}), c, 0)
	gold := make(map[string]string, len(docs))
	in := make([]Doc, len(docs))
	for i, d := range docs {
		gold[d.ID] = d.Event
		in[i] = d.Doc
	}
	res, err := run.Run(ctx, in)
	if err != nil {
		return Report{}, nil, fmt.Errorf("evaluate: %w", err)
	}
	dups := 0
	for _, r := range res {
		if r.Assignment.Duplicate {
			dups++
		}
	}
	pred := make(map[string]string, len(docs))
	for _, s := range c.Stories() {
		for _, a := range s.ArticleIDs {
			pred[a] = s.ID
		}
	}
	r := Score(gold, pred)
	r.Duplicates = dups
	r.Storylines = len(c.Storylines())
	return r, pred, nil
}

// Score compares a predicted clustering with gold labels, both maps from
// item to cluster label, over the items of gold (an item missing from pred
// counts as a singleton). It fills the BCubed and pairwise figures and the
// counts.
func Score(gold, pred map[string]string) Report {
	items := make([]string, 0, len(gold))
	for it := range gold {
		items = append(items, it)
	}
	sort.Strings(items)
	p := make(map[string]string, len(items))
	for _, it := range items {
		if l, ok := pred[it]; ok {
			p[it] = "p:" + l
		} else {
			p[it] = "single:" + it
		}
	}
	goldSize := map[string]int{}
	predSize := map[string]int{}
	both := map[[2]string]int{}
	for _, it := range items {
		goldSize[gold[it]]++
		predSize[p[it]]++
		both[[2]string{gold[it], p[it]}]++
	}
	var r Report
	r.Articles = len(items)
	r.Events = len(goldSize)
	r.Clusters = len(predSize)
	if len(items) == 0 {
		return r
	}
	// BCubed: for each item, the share of its predicted cluster that shares
	// its gold label (precision) and of its gold cluster that shares its
	// predicted cluster (recall), averaged over items.
	for _, it := range items {
		n := float64(both[[2]string{gold[it], p[it]}])
		r.BCubedPrecision += n / float64(predSize[p[it]])
		r.BCubedRecall += n / float64(goldSize[gold[it]])
	}
	r.BCubedPrecision /= float64(len(items))
	r.BCubedRecall /= float64(len(items))
	r.BCubedF1 = f1(r.BCubedPrecision, r.BCubedRecall)
	// Pairwise: over unordered item pairs, predicted-together vs gold-together.
	pairs := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	var tp, predPairs, goldPairs float64
	for _, n := range both {
		tp += pairs(n)
	}
	for _, n := range predSize {
		predPairs += pairs(n)
	}
	for _, n := range goldSize {
		goldPairs += pairs(n)
	}
	r.PairwisePrecision = ratio(tp, predPairs)
	r.PairwiseRecall = ratio(tp, goldPairs)
	r.PairwiseF1 = f1(r.PairwisePrecision, r.PairwiseRecall)
	return r
}

// ratio is a/b, or 1 when b is 0 (no pairs predicted: no false pair either).
func ratio(a, b float64) float64 {
	if b == 0 {
		return 1
	}
	return a / b
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
