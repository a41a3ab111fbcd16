package entity

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

func TestDebugSeeds(t *testing.T) {
	if os.Getenv("DEBUG_SEEDS") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(filepath.Join(sharedtest.Dir(t, "corpus", "seeds"), "*.txt"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		ents, _ := Extract(string(b))
		fmt.Println("==", filepath.Base(f))
		for _, e := range ents {
			fmt.Printf("  %-13s %-28s %d %q %q %s\n", e.Kind, e.Name, e.Mentions, e.Aliases, e.Titles, e.Gender)
		}
	}
}
