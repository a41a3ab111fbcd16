package feed_test

import (
	"context"
	"fmt"
	"sync"

	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/feed/feedtest"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/subscription"
	"golang.org/x/time/rate"
)

// mapStore is the smallest Store: feeds and item keys in maps.
type mapStore struct {
	mu    sync.Mutex
	feeds map[string]feed.State
	seen  map[string]bool
}

func (s *mapStore) FeedStates(ctx context.Context) ([]feed.State, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []feed.State
	for _, st := range s.feeds {
		out = append(out, st)
	}
	return out, nil
}

func (s *mapStore) SaveFeedState(ctx context.Context, oldURL string, st feed.State) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.feeds, oldURL)
	s.feeds[st.URL] = st
	return nil
}

func (s *mapStore) PutItems(ctx context.Context, f feed.State, items []feed.Item) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	added := 0
	for _, it := range items {
		if !s.seen[it.Key()] {
			s.seen[it.Key()] = true
			added++
		}
	}
	return added, nil
}

// Example shows how `parallax poll` wires the poller: a fetch client (here
// allowed to reach the local test server), a Store, and two passes.
func Example() {
	srv := feedtest.NewServer(3, 10)
	defer srv.Close()

	store := &mapStore{feeds: map[string]feed.State{}, seen: map[string]bool{}}
	for _, u := range srv.URLs() {
		store.feeds[u] = subscription.NewState(feed.Outlet{FeedURL: u})
	}
	client := fetch.New(fetch.Options{AllowPrivate: true})
	p := feed.NewPoller(client, store, feed.PollerOptions{HostRate: rate.Inf})

	for range 2 {
		sum, err := p.Poll(context.Background(), feed.PollOptions{Force: true})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("fetched %d, not modified %d, failed %d, new items %d\n", sum.Fetched, sum.NotModified, sum.Failed, sum.New)
	}
	// Output:
	// fetched 3, not modified 0, failed 0, new items 30
	// fetched 0, not modified 3, failed 0, new items 0
}
