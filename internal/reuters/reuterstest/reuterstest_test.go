package reuterstest

import (
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

func TestDirCounts(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole collection")
	}
	stories, err := Dir(sharedtest.Dir(t, "corpus", "reuters21578"))
	if err != nil {
		t.Fatal(err)
	}
	withBody := 0
	for _, s := range stories {
		if s.Body != "" {
			withBody++
		}
	}
	// The collection's README: 21,578 records, 19,043 with a body.
	if len(stories) != 21578 || withBody != 19043 {
		t.Errorf("got %d records, %d with body; want 21578, 19043", len(stories), withBody)
	}
}
