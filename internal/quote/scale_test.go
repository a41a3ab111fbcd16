package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// BenchmarkFindLarge runs Find over the seeds concatenated fifty times
// (about 750 KB in one text), to show the cost stays linear in the text.
func BenchmarkFindLarge(b *testing.B) {
	files, err := filepath.Glob(filepath.Join(sharedtest.Dir(b, "corpus", "seeds"), "*.txt"))
	if err != nil {
		b.Fatal(err)
	}
	var parts []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		parts = append(parts, string(data))
	}
	text := strings.Repeat(strings.Join(parts, "\n\n"), 50)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		find(text)
	}
}
