package dedup

import (
	"strconv"
	"testing"

	"github.com/parallax-news/parallax/internal/reuters/reuterstest"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// BenchmarkAdd adds Reuters stories (replicated with distinct IDs and a
// replica line, so that copies are near-duplicates rather than exact) and
// reports articles per second.
func BenchmarkAdd(b *testing.B) {
	stories, err := reuterstest.Dir(sharedtest.Dir(b, "corpus", "reuters21578"))
	if err != nil {
		b.Fatal(err)
	}
	texts := make([]string, len(stories))
	for i, s := range stories {
		texts[i] = s.Text()
	}
	b.ResetTimer()
	ix := NewIndex(Options{})
	near := 0
	for i := range b.N {
		j := i % len(stories)
		k := strconv.Itoa(i / len(stories))
		m := ix.Add(Doc{ID: k + "-" + stories[j].ID, Title: stories[j].Title, Text: texts[j] + "\n\nReplica " + k})
		if m.DuplicateOf != "" && !m.Exact {
			near++
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(near)/float64(b.N), "near-dup-share")
}
