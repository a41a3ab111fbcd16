package quote

import (
	"fmt"
	"os"
	"testing"

	"github.com/parallax-news/parallax/internal/entity"
)

func TestScratch(t *testing.T) {
	text := os.Getenv("SCRATCH")
	if text == "" {
		t.Skip()
	}
	ents, ms := entity.Extract(text)
	for _, e := range ents {
		fmt.Printf("ENT %s %s %q\n", e.Kind, e.Name, e.Titles)
	}
	qs, probs := Find(text, ents, ms)
	for _, q := range qs {
		fmt.Printf("Q %v %q %q %q\n", q.Direct, q.Speaker, q.Cue, q.Text)
	}
	for _, p := range probs {
		fmt.Printf("P %s\n", p.Reason)
	}
}
