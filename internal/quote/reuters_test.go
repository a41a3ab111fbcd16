package quote

import (
	"os"
	"testing"

	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/reuters/reuterstest"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// BenchmarkFindReuters runs FindLang over 1,000 Reuters wire stories
// with their entities, as the analysis does (the entities are found once,
// outside the timing).
func BenchmarkFindReuters(b *testing.B) {
	fh, err := os.Open(sharedtest.Dir(b, "corpus", "reuters21578", "0.sgm"))
	if err != nil {
		b.Fatal(err)
	}
	defer fh.Close()
	stories, err := reuterstest.File(fh)
	if err != nil {
		b.Fatal(err)
	}
	type doc struct {
		text string
		ents []entity.Entity
		ms   []entity.Mention
	}
	var docs []doc
	size := 0
	for _, s := range stories {
		t := s.Title + "\n\n" + s.Text()
		ents, ms := entity.ExtractLang(t, "en")
		docs = append(docs, doc{t, ents, ms})
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			FindLang(d.text, "en", "", d.ents, d.ms)
		}
	}
}
