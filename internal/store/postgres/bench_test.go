package postgres

import (
	"testing"

	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/storetest"
)

// BenchmarkPutArticles stores batches of 500 new articles of realistic size
// into a growing database (storetest.BenchPutArticles, as for sqlite), in a
// fresh schema on the PARALLAX_TEST_POSTGRES server.
func BenchmarkPutArticles(b *testing.B) {
	storetest.BenchPutArticles(b, func(b *testing.B) store.Store { return open(b) })
}

// BenchmarkSearch runs a two-word query over a few thousand articles.
func BenchmarkSearch(b *testing.B) {
	storetest.BenchSearch(b, func(b *testing.B) store.Store { return open(b) })
}
