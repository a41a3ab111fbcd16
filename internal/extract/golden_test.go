package extract

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestCleanedGolden pins what cleaning makes of a fixed slice of real data
// in ../shared: the stories of the first Reuters file (as the reader joins
// them, and as their raw wrapped bodies), the texts of news-clusters and
// the first twenty pages of article-extraction (as pages, and as plain
// text, which exercises most debris rules). One hash covers every result
// (title, text, removed, origin, language, date, error), so a speed change
// that alters a single byte fails it. Only a change meant to alter the
// output may rewrite it (go test -run CleanedGolden -update), saying why.
func TestCleanedGolden(t *testing.T) {
	fixed := Options{Published: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)}
	h := sha256.New()
	n := 0
	put := func(name string, r Result, err error) {
		b, jerr := json.Marshal(r)
		if jerr != nil {
			t.Fatal(jerr)
		}
		fmt.Fprintf(h, "%s\t%v\t%s\n", name, err, b)
		n++
	}
	// Reuters dates are of 1987: the estimate is stable, so it runs.
	for i, text := range reutersTexts(t, 1) {
		r, err := Text(text)
		put(fmt.Sprint("reuters ", i), r, err)
		r, err = TextWith(strings.ReplaceAll(text, "\n\n", "\n"), fixed)
		put(fmt.Sprint("reuters lines ", i), r, err)
	}
	paths, _ := filepath.Glob(filepath.Join(sharedtest.Dir(t, "eval", "news-clusters"), "*.json"))
	sort.Strings(paths)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var rec struct{ Title, Text, Maintext string }
		if json.Unmarshal(data, &rec) != nil {
			continue
		}
		r, err := TextWith(rec.Title+"\n"+rec.Text+"\n"+rec.Maintext, fixed)
		put(filepath.Base(p), r, err)
	}
	pages, _ := filepath.Glob(filepath.Join(sharedtest.Dir(t, "eval", "article-extraction", "html"), "*.html.gz"))
	sort.Strings(pages)
	for _, p := range pages[:min(20, len(pages))] {
		data := gunzip(t, p)
		r, err := HTMLWith(bytes.NewReader(data), fixed)
		put(filepath.Base(p), r, err)
		r, err = TextWith(string(data), fixed)
		put(filepath.Base(p)+" as text", r, err)
	}
	got := fmt.Sprintf("%d results sha256 %x\n", n, h.Sum(nil))
	golden := filepath.Join("testdata", "cleaned.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("cleaning changed its output on real data: got %q, want %q", got, want)
	}
}

func gunzip(tb testing.TB, path string) []byte {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}
