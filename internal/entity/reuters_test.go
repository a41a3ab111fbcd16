package entity

import (
	"os"
	"testing"

	"github.com/parallax-news/parallax/internal/reuters/reuterstest"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// reutersTexts reads the first Reuters-21578 file (1,000 wire stories),
// the articles the bench command analyses, title and body.
func reutersTexts(tb testing.TB) ([]string, int) {
	tb.Helper()
	fh, err := os.Open(sharedtest.Dir(tb, "corpus", "reuters21578", "0.sgm"))
	if err != nil {
		tb.Fatal(err)
	}
	defer fh.Close()
	stories, err := reuterstest.File(fh)
	if err != nil {
		tb.Fatal(err)
	}
	var texts []string
	size := 0
	for _, s := range stories {
		t := s.Title + "\n\n" + s.Text()
		texts = append(texts, t)
		size += len(t)
	}
	return texts, size
}

// BenchmarkExtractReuters runs ExtractLang over 1,000 Reuters wire
// stories.
func BenchmarkExtractReuters(b *testing.B) {
	texts, size := reutersTexts(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			ExtractLang(t, "en")
		}
	}
}
