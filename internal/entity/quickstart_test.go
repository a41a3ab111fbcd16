package entity_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/entity"
)

// quickStart reads the quick start's corpus from ../shared: the five seeds
// and the news-clusters articles, as texts with their languages.
func quickStart(t *testing.T) (texts, langs []string) {
	t.Helper()
	seeds, _ := filepath.Glob("../../../shared/corpus/seeds/*.txt")
	news, _ := filepath.Glob("../../../shared/eval/news-clusters/*.json")
	if len(seeds) == 0 || len(news) == 0 {
		t.Skip("no quick-start corpus in ../shared")
	}
	sort.Strings(seeds)
	sort.Strings(news)
	for _, f := range seeds {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts, langs = append(texts, string(b)), append(langs, "en")
	}
	for _, f := range news {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := cluster.ParseNewsPlease(b)
		if err != nil {
			t.Fatal(err)
		}
		text := d.Text
		if d.Title != "" {
			text = d.Title + "\n" + text
		}
		texts, langs = append(texts, text), append(langs, d.Language)
	}
	return texts, langs
}

// judgement is one line of testdata/quickstart-top50.tsv: an entity name
// as the registry shows it, its kind, and whether it is a real name of that
// kind ("ok") or not ("junk").
type judgement struct{ kind, verdict string }

func readJudgements(t *testing.T) map[string]judgement {
	t.Helper()
	f, err := os.Open("testdata/quickstart-top50.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]judgement{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p := strings.Split(line, "\t")
		if len(p) != 3 {
			t.Fatalf("bad line %q", line)
		}
		out[p[0]+"\t"+p[1]] = judgement{p[1], p[2]}
	}
	return out
}

// TestQuickStartTop50: the 50 entities with the most mentions on the quick
// start's corpus (seeds and news-clusters, through entity.ExtractLang and a
// Registry, no store) are at least 47 real names of their stated kind, as
// judged in testdata/quickstart-top50.tsv. An entity missing from that
// list fails the test: judge it and add it.
func TestQuickStartTop50(t *testing.T) {
	texts, langs := quickStart(t)
	var r entity.Registry
	for i, text := range texts {
		ents, ms := entity.ExtractLang(text, langs[i])
		r.Add(fmt.Sprint("a", i), ents, ms)
	}
	ents := r.Entities()
	if len(ents) > 50 {
		ents = ents[:50]
	}
	judged := readJudgements(t)
	ok := 0
	for i, e := range ents {
		j, found := judged[e.Name+"\t"+e.Kind]
		if !found {
			t.Errorf("%d. %s (%s, %d mentions): not judged in testdata/quickstart-top50.tsv", i+1, e.Name, e.Kind, e.Mentions)
			continue
		}
		if j.verdict == "ok" {
			ok++
		} else {
			t.Logf("junk %d. %s (%s, %d mentions; evidence %v)", i+1, e.Name, e.Kind, e.Mentions, e.Evidence)
		}
	}
	t.Logf("%d of the top %d are real names of their kind", ok, len(ents))
	if ok < 47 {
		t.Errorf("%d of the top 50 are real names of their kind, want at least 47", ok)
	}
}
