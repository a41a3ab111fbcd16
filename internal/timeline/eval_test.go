package timeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/when"
)

// TestNewsClustersFolding measures how often folding joins mentions from
// articles about different events. All 383 articles of the news-clusters
// set (69 labelled events, 94 outlets) go into one timeline — far harder
// than a storyline, where every article is on one topic — and each pair of
// articles cited by one folded event is checked against the labels: a pair
// from two different labelled events is a wrong fold. (A pair from the same
// labelled event may still join two different moments of it, so precision
// here is an upper bound on fold precision.) Run with -v for the figures.
func TestNewsClustersFolding(t *testing.T) {
	if testing.Short() {
		t.Skip("reads and analyses 383 articles")
	}
	docs, label := newsClusterDocs(t)
	start := time.Now()
	evs, disputes := BuildWithDisputes(docs, Options{})
	elapsed := time.Since(start)
	dsame := 0
	for _, d := range disputes {
		ok := true
		for _, a := range d.Accounts[1:] {
			ok = ok && label[a.ArticleID] == label[d.Accounts[0].ArticleID]
		}
		if ok {
			dsame++
		}
		if testing.Verbose() {
			var acc []string
			for _, a := range d.Accounts {
				acc = append(acc, a.Value+" "+a.Outlet+": "+a.Sentence)
			}
			t.Logf("dispute %v:\n  %s", d.Dates, strings.Join(acc, "\n  "))
		}
	}
	t.Logf("news-clusters: %d date disputes, %d within one labelled event", len(disputes), dsame)

	folded, pairs, same := 0, 0, 0
	var wrong []string
	for _, e := range evs {
		if len(e.Sources) < 2 {
			continue
		}
		folded++
		for i := range e.Sources {
			for j := i + 1; j < len(e.Sources); j++ {
				pairs++
				if label[e.Sources[i].ArticleID] == label[e.Sources[j].ArticleID] {
					same++
				} else if len(wrong) < 10 {
					wrong = append(wrong, e.Date+": "+e.Sources[i].Sentence+" || "+e.Sources[j].Sentence)
				}
			}
		}
	}
	if pairs == 0 {
		t.Fatal("no event folded across articles")
	}
	if again := Build(docs, Options{}); !reflect.DeepEqual(again, evs) {
		t.Error("two runs over the same articles built different timelines")
	}
	precision := float64(same) / float64(pairs)
	t.Logf("news-clusters: %d articles, %d events (%.0f ms), %d folded across articles, %d source pairs, %d from one labelled event: pair precision %.3f",
		len(docs), len(evs), elapsed.Seconds()*1000, folded, pairs, same, precision)
	for _, w := range wrong {
		t.Logf("wrong fold: %s", w)
	}
	if precision < 0.9 {
		t.Errorf("pair precision %.3f below the floor 0.9", precision)
	}

	// Each labelled event as a storyline of its own: how many of them get
	// at least one timeline entry that several outlets' articles share.
	byEvent := map[json.Number][]Doc{}
	for _, d := range docs {
		byEvent[label[d.Article.ID]] = append(byEvent[label[d.Article.ID]], d)
	}
	withShared, events, shared := 0, 0, 0
	for _, group := range byEvent {
		evs := Build(group, Options{})
		events += len(evs)
		n := 0
		for _, e := range evs {
			outlets := map[string]bool{}
			for _, s := range e.Sources {
				outlets[s.Outlet] = true
			}
			if len(outlets) > 1 {
				n++
			}
		}
		shared += n
		if n > 0 {
			withShared++
		}
	}
	t.Logf("news-clusters per labelled event: %d of %d events have an entry cited by several outlets; %d entries, %d of them cross-outlet",
		withShared, len(byEvent), events, shared)
	if withShared == 0 {
		t.Error("no labelled event has an entry cited by several outlets")
	}
}

// newsClusterDocs reads the news-clusters articles, analyses them the way
// ingest does, and returns them with each article's labelled event.
func newsClusterDocs(tb testing.TB) ([]Doc, map[string]json.Number) {
	tb.Helper()
	dir := sharedtest.Dir(tb, "eval", "news-clusters")
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no articles in %s: %v", dir, err)
	}
	label := map[string]json.Number{}
	var docs []Doc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var raw struct {
			Text        string `json:"text"`
			Title       string `json:"title"`
			Domain      string `json:"source_domain"`
			DatePublish string `json:"date_publish"`
			Cluster     struct {
				EventID json.Number `json:"EventId"`
			} `json:"newsCluster"`
		}
		if err := json.Unmarshal(b, &raw); err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		pub, _ := time.Parse("2006-01-02T15:04:05", raw.DatePublish)
		id := strings.TrimSuffix(filepath.Base(f), ".json")
		label[id] = raw.Cluster.EventID
		d := Doc{Article: news.Article{ID: id, Title: raw.Title, Outlet: raw.Domain, Published: pub, Text: raw.Text}}
		_, ms := entity.Extract(raw.Text)
		for _, m := range ms {
			d.Mentions = append(d.Mentions, news.Mention(m))
		}
		for _, tx := range when.Find(raw.Text, pub) {
			d.Timexes = append(d.Timexes, news.Timex(tx))
		}
		docs = append(docs, d)
	}
	return docs, label
}

func BenchmarkBuild(b *testing.B) {
	docs, _ := newsClusterDocs(b)
	b.ResetTimer()
	for b.Loop() {
		Build(docs, Options{})
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(len(docs)), "µs/article")
}
