package extract

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/parallax-news/parallax/internal/reuters"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// reutersTexts returns the plain texts of the stories with a body in the
// first files of the Reuters collection, as the ingest reader makes them.
func reutersTexts(tb testing.TB, files int) []string {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(sharedtest.Dir(tb, "corpus", "reuters21578"), "*.sgm"))
	sort.Strings(paths)
	if len(paths) > files {
		paths = paths[:files]
	}
	var texts []string
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			tb.Fatal(err)
		}
		err = reuters.Scan(f, 0, func(s reuters.Story) error {
			if s.Body != "" {
				texts = append(texts, s.Text())
			}
			return nil
		}, nil)
		f.Close()
		if err != nil {
			tb.Fatal(err)
		}
	}
	return texts
}

// BenchmarkTextReuters cleans the stories of two Reuters files (about
// 1,800 plain-text wire stories) per iteration: the bench's common path.
func BenchmarkTextReuters(b *testing.B) {
	texts := reutersTexts(b, 2)
	var size int64
	for _, s := range texts {
		size += int64(len(s))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			if _, err := Text(s); err != nil && !errors.Is(err, ErrEmpty) {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkText cleans the five seed articles per iteration.
func BenchmarkText(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(sharedtest.Dir(b, "corpus", "seeds"), "*.txt"))
	var texts []string
	var size int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			if _, err := Text(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkHTML extracts ten pages of the article-extraction set per
// iteration.
func BenchmarkHTML(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(sharedtest.Dir(b, "eval", "article-extraction", "html"), "*.html.gz"))
	sort.Strings(paths)
	if len(paths) > 10 {
		paths = paths[:10]
	}
	var pages [][]byte
	var size int64
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			b.Fatal(err)
		}
		data, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, data)
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			if _, err := HTML(bytes.NewReader(p), ""); err != nil {
				b.Fatal(err)
			}
		}
	}
}
