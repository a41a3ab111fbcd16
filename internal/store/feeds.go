package store

import (
	"context"
	"strings"

	"github.com/parallax-news/parallax/internal/subscription"
)

// FeedItem records what became of one feed item.
type FeedItem struct {
	Key string `json:"key"` // subscription.Item.Key()
	// ArticleID is the stored article the item became, empty when none.
	ArticleID string `json:"article_id,omitempty"`
	// Error says why the item was not stored, empty when it was; with an
	// ArticleID, why the article holds only the feed's summary for good
	// (its page was refused: 4xx, robots.txt), so that it is not fetched
	// again (SummaryKeeper.SummaryItems leaves it out).
	Error string `json:"error,omitempty"`
}

// ItemCounts counts the recorded items of one feed.
type ItemCounts struct {
	Stored int `json:"stored"` // items that became articles
	Failed int `json:"failed"` // items recorded with an error and no article
}

// FeedStore keeps feed subscriptions and the keys of the items already seen
// in them. It is a separate interface from Store: a backend implements both.
// Implementations are safe for concurrent use.
type FeedStore interface {
	// FeedStates, SaveFeedState and PutItems follow the contract written on
	// feed.Store (the feed poller's storage, which a FeedStore satisfies).
	// PutItems only records the items' keys; articles are stored through
	// Store.PutArticles by the pipeline's sink.
	FeedStates(ctx context.Context) ([]subscription.State, error)
	SaveFeedState(ctx context.Context, oldURL string, st subscription.State) error
	PutItems(ctx context.Context, feed subscription.State, items []subscription.Item) (added int, err error)

	// AddFeeds subscribes to the outlets' feeds and reports how many were
	// new. A feed already subscribed keeps its state, except that a disabled
	// one is enabled again and due at once. An outlet with an empty FeedURL
	// is refused with an error wrapping ErrInvalid; on error nothing is
	// stored.
	AddFeeds(ctx context.Context, outlets []subscription.Outlet) (added int, err error)
	// RemoveFeed unsubscribes from the feed at url; the articles and item
	// keys it brought stay stored. Returns an error wrapping ErrNotFound if
	// no such feed is subscribed.
	RemoveFeed(ctx context.Context, url string) error
	// FeedState returns one feed's state, or an error wrapping ErrNotFound.
	FeedState(ctx context.Context, url string) (subscription.State, error)
	// SeenItems reports which of keys are already recorded, from any feed.
	SeenItems(ctx context.Context, keys []string) (map[string]bool, error)
	// RecordItems remembers items of one poll of the feed at feedURL in one
	// transaction and reports how many keys were new; a key already
	// recorded keeps its first record. An empty key is refused with an error
	// wrapping ErrInvalid; on error nothing is recorded.
	RecordItems(ctx context.Context, feedURL string, items []FeedItem) (added int, err error)
	// FeedItemCounts returns, per feed URL, the counts of its recorded
	// items. Feeds without recorded items are absent.
	FeedItemCounts(ctx context.Context) (map[string]ItemCounts, error)
}

// FeedText makes a string from a feed storable: invalid UTF-8 is replaced
// and NUL bytes dropped. Feed fields come from outside and must not make a
// poll fail, so a FeedStore stores them so instead of refusing them.
func FeedText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.ReplaceAll(s, "\x00", "")
}

// FeedKeys maps item keys to the form RecordItems stores them in
// (FeedText): stored lists each stored form once, in the order given, and
// given maps a stored form back to the keys that were asked for, so that a
// lookup reports the keys as its caller gave them.
func FeedKeys(keys []string) (stored []string, given map[string][]string) {
	given = make(map[string][]string, len(keys))
	stored = make([]string, 0, len(keys))
	for _, k := range keys {
		s := FeedText(k)
		if _, ok := given[s]; !ok {
			stored = append(stored, s)
		}
		given[s] = append(given[s], k)
	}
	return stored, given
}

// ItemKeys returns what a FeedStore's PutItems records of items: the key of
// each item that has one, and nothing else (the pipeline stores the
// articles).
func ItemKeys(items []subscription.Item) []FeedItem {
	recs := make([]FeedItem, 0, len(items))
	for _, it := range items {
		if k := it.Key(); k != "" {
			recs = append(recs, FeedItem{Key: k})
		}
	}
	return recs
}
