package sqlite

import (
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/storetest"
)

func TestFeedStore(t *testing.T) {
	storetest.RunFeeds(t, func(t *testing.T) store.FeedStore {
		return open(t, filepath.Join(t.TempDir(), "parallax.db"))
	})
}
