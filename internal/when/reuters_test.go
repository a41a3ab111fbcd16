package when

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/reuters/reuterstest"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// reutersDocs reads the first Reuters-21578 file (1,000 wire stories) as
// texts with their dates, the articles the bench command analyses.
func reutersDocs(tb testing.TB) ([]string, []time.Time, int) {
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
	var dates []time.Time
	size := 0
	for _, s := range stories {
		t := s.Title + "\n\n" + s.Text()
		d := time.Time{}
		if f := strings.Fields(s.Date); len(f) > 0 {
			d, _ = time.Parse("2-Jan-2006", f[0])
		}
		texts = append(texts, t)
		dates = append(dates, d)
		size += len(t)
	}
	return texts, dates, size
}

// BenchmarkFindReuters runs Find over 1,000 Reuters wire stories.
func BenchmarkFindReuters(b *testing.B) {
	texts, dates, size := reutersDocs(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, t := range texts {
			Find(t, dates[i])
		}
	}
}
