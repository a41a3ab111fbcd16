package cluster

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/parallax-news/parallax/internal/reuters/reuterstest"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

var genBackground = flag.Bool("background", false, "regenerate background.tsv.gz from ../shared/corpus/reuters21578")

// TestGenerateBackground rebuilds the embedded document-frequency table
// from Reuters-21578 when run with -background.
func TestGenerateBackground(t *testing.T) {
	if !*genBackground {
		t.Skip("run with -background to regenerate background.tsv.gz")
	}
	stories, err := reuterstest.Dir(sharedtest.Dir(t, "corpus", "reuters21578"))
	if err != nil {
		t.Fatal(err)
	}
	a := NewAnalyzer(DefaultConfig())
	df := make(map[string]int32)
	docs := 0
	for _, s := range stories {
		if s.Body == "" {
			continue
		}
		docs++
		p := a.Prepare(Doc{ID: s.ID, Title: s.Title, Text: s.Body, Language: "en"})
		for _, pt := range p.terms {
			df[pt.key]++
		}
	}
	var buf bytes.Buffer
	if err := writeBackground(&buf, docs, df, 3); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("background.tsv.gz", buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d documents, %d terms, %d bytes", docs, len(df), buf.Len())
}

func TestBackgroundTable(t *testing.T) {
	b, err := background()
	if err != nil {
		t.Fatal(err)
	}
	if b.docs < 10000 || len(b.df) < 5000 {
		t.Fatalf("table too small: %d docs, %d terms", b.docs, len(b.df))
	}
	stem := stemmer{}
	said, tariff, absent := b.share(stem.stem("en", "officials")), b.share(stem.stem("en", "tariffs")), b.share("zzqxv")
	if !(said > tariff && tariff > absent && absent > 0) {
		t.Errorf("shares officials %g > tariffs %g > absent %g > 0 do not hold", said, tariff, absent)
	}
}

func TestReadBackgroundRejects(t *testing.T) {
	for name, in := range map[string]string{
		"not gzip": "docs\t3\n",
	} {
		if _, err := readBackground(bytes.NewReader([]byte(in))); err == nil {
			t.Errorf("%s: want error", name)
		}
	}
	var buf bytes.Buffer
	if err := writeBackground(&buf, 0, map[string]int32{"a": 5}, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := readBackground(&buf); err == nil {
		t.Error("zero docs: want error")
	}
}
