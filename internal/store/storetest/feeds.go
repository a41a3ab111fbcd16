package storetest

import (
	"errors"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/subscription"
)

// OpenFeeds returns a new, empty feed store for one test, closed by
// t.Cleanup.
type OpenFeeds func(t *testing.T) store.FeedStore

// RunFeeds runs the store.FeedStore contract suite against the backend that
// open creates, each part as a subtest with a store of its own.
func RunFeeds(t *testing.T, open OpenFeeds) {
	tests := []struct {
		name string
		fn   func(*testing.T, OpenFeeds)
	}{
		{"AddListRemove", testFeedsAddListRemove},
		{"StateRoundTrip", testFeedStateRoundTrip},
		{"RedirectRename", testFeedRedirectRename},
		{"RecordItems", testRecordItems},
		{"Concurrent", testFeedsConcurrent},
		{"SummaryUpgrade", testSummaryUpgrade},
		{"Reanalysis", testReanalysis},
		{"Watches", testWatches},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open) })
	}
}

func testFeedsAddListRemove(t *testing.T, open OpenFeeds) {
	db := open(t)
	ctx := t.Context()
	outlets := []subscription.Outlet{
		{Title: "Beta", FeedURL: "https://b.example/rss", Country: "UA", Kind: "public", Language: "uk", Category: "Europe/East"},
		{Title: "alpha", FeedURL: "https://a.example/atom"},
	}
	n, err := db.AddFeeds(ctx, outlets)
	if err != nil || n != 2 {
		t.Fatalf("AddFeeds = %d, %v; want 2, nil", n, err)
	}
	n, err = db.AddFeeds(ctx, outlets)
	if err != nil || n != 0 {
		t.Fatalf("AddFeeds again = %d, %v; want 0, nil", n, err)
	}
	states, err := db.FeedStates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(states) != 2 || states[0].Title != "alpha" || states[1].Title != "Beta" {
		t.Fatalf("FeedStates = %+v; want alpha then Beta", states)
	}
	if got, want := states[1].Outlet(), outlets[0]; got != want {
		t.Errorf("stored outlet %+v, want %+v", got, want)
	}
	if err := db.RemoveFeed(ctx, "https://a.example/atom"); err != nil {
		t.Fatal(err)
	}
	if err := db.RemoveFeed(ctx, "https://a.example/atom"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("RemoveFeed twice: %v, want ErrNotFound", err)
	}
	if _, err := db.FeedState(ctx, "https://a.example/atom"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("FeedState of removed feed: %v, want ErrNotFound", err)
	}
	if _, err := db.AddFeeds(ctx, []subscription.Outlet{{Title: "x"}}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("AddFeeds without URL: %v, want ErrInvalid", err)
	}
}

func testFeedStateRoundTrip(t *testing.T, open OpenFeeds) {
	db := open(t)
	ctx := t.Context()
	u := "https://a.example/rss"
	if _, err := db.AddFeeds(ctx, []subscription.Outlet{{Title: "A", FeedURL: u}}); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 1, 10, 0, 0, 123456789, time.UTC)
	st := subscription.State{
		URL: u, Title: "A", SiteURL: "https://a.example/", Country: "US", Kind: "private",
		Language: "en", Category: "World", ETag: `"v1"`, LastModified: "Sun, 01 Mar 2026 09:00:00 GMT",
		LastFetch: now, LastSuccess: now.Add(-time.Hour), NextPoll: now.Add(30 * time.Minute),
		Interval: 30 * time.Minute, LastStatus: 200, ErrorCount: 2, LastError: "boom",
		Warning: "3 of 10 items have no date", Disabled: true, ItemsLast: 10, NewLast: 4, ItemsTotal: 40,
	}
	if err := db.SaveFeedState(ctx, u, st); err != nil {
		t.Fatal(err)
	}
	got, err := db.FeedState(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(toMicros(got), toMicros(st)) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, st)
	}
	for _, tm := range []time.Time{got.LastFetch, got.LastSuccess, got.NextPoll} {
		if tm.Location() != time.UTC {
			t.Errorf("time %v comes back in %v, want UTC", tm, tm.Location())
		}
	}
	// Re-adding a disabled feed enables it and makes it due.
	if n, err := db.AddFeeds(ctx, []subscription.Outlet{{FeedURL: u}}); err != nil || n != 0 {
		t.Fatalf("re-add = %d, %v", n, err)
	}
	got, _ = db.FeedState(ctx, u)
	if got.Disabled || got.ErrorCount != 0 || got.LastError != "" || !got.NextPoll.IsZero() || got.ETag != st.ETag {
		t.Errorf("after re-add: %+v; want enabled, no error, due now, validators kept", got)
	}
	// Feed text from outside is stored even when it is not valid UTF-8.
	st.Title = "bad \xff title\x00"
	if err := db.SaveFeedState(ctx, u, st); err != nil {
		t.Fatalf("save with invalid UTF-8: %v", err)
	}
	if got, _ := db.FeedState(ctx, u); got.Title != "bad \uFFFD title" {
		t.Errorf("title %q", got.Title)
	}
	if err := db.SaveFeedState(ctx, "https://nope.example/", st); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("save of unknown feed: %v, want ErrNotFound", err)
	}
}

// toMicros returns st with its times truncated to the microsecond, the
// precision the suite asks of every backend (see the package comment).
func toMicros(st subscription.State) subscription.State {
	st.LastFetch = st.LastFetch.Truncate(time.Microsecond)
	st.LastSuccess = st.LastSuccess.Truncate(time.Microsecond)
	st.NextPoll = st.NextPoll.Truncate(time.Microsecond)
	return st
}

func testFeedRedirectRename(t *testing.T, open OpenFeeds) {
	tests := []struct {
		name        string
		targetFirst bool // the new URL is already subscribed
	}{
		{"rename", false},
		{"merge into existing", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := open(t)
			ctx := t.Context()
			oldURL, newURL := "http://a.example/rss", "https://a.example/feed"
			outlets := []subscription.Outlet{{Title: "Old", FeedURL: oldURL}}
			if tc.targetFirst {
				outlets = append(outlets, subscription.Outlet{Title: "New", FeedURL: newURL})
			}
			if _, err := db.AddFeeds(ctx, outlets); err != nil {
				t.Fatal(err)
			}
			if _, err := db.RecordItems(ctx, oldURL, []store.FeedItem{{Key: "https://a.example/1", ArticleID: "x"}}); err != nil {
				t.Fatal(err)
			}
			st, _ := db.FeedState(ctx, oldURL)
			st.URL, st.ItemsTotal = newURL, 1
			if err := db.SaveFeedState(ctx, oldURL, st); err != nil {
				t.Fatal(err)
			}
			states, _ := db.FeedStates(ctx)
			if len(states) != 1 || states[0].URL != newURL || states[0].Title != "Old" || states[0].ItemsTotal != 1 {
				t.Fatalf("after redirect: %+v; want one feed under %s with the saved values", states, newURL)
			}
			seen, err := db.SeenItems(ctx, []string{"https://a.example/1"})
			if err != nil || !seen["https://a.example/1"] {
				t.Errorf("item lost after redirect: %v %v", seen, err)
			}
		})
	}
}

func testRecordItems(t *testing.T, open OpenFeeds) {
	db := open(t)
	ctx := t.Context()
	items := []store.FeedItem{
		{Key: "https://x.example/1", ArticleID: "a1"},
		{Key: "https://x.example/2", Error: "HTTP 404"},
		{Key: "https://x.example/1", ArticleID: "other"}, // repeated: first wins
	}
	n, err := db.RecordItems(ctx, "https://x.example/rss", items)
	if err != nil || n != 2 {
		t.Fatalf("RecordItems = %d, %v; want 2", n, err)
	}
	// Another feed offering the same item adds nothing.
	n, err = db.RecordItems(ctx, "https://y.example/rss", items[:1])
	if err != nil || n != 0 {
		t.Fatalf("RecordItems from another feed = %d, %v; want 0", n, err)
	}
	// A bad key fails the batch and records nothing of it.
	if _, err := db.RecordItems(ctx, "https://x.example/rss", []store.FeedItem{{Key: "https://x.example/3"}, {}}); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("empty key: %v, want ErrInvalid", err)
	}
	keys := []string{"https://x.example/1", "https://x.example/2", "https://x.example/3"}
	seen, err := db.SeenItems(ctx, keys)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]bool{keys[0]: true, keys[1]: true}; !reflect.DeepEqual(seen, want) {
		t.Errorf("SeenItems = %v, want %v", seen, want)
	}
	counts, err := db.FeedItemCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]store.ItemCounts{"https://x.example/rss": {Stored: 1, Failed: 1}}; !reflect.DeepEqual(counts, want) {
		t.Errorf("FeedItemCounts = %v, want %v", counts, want)
	}
	// Many keys cross the chunk size of one query.
	var many []store.FeedItem
	var manyKeys []string
	for i := range 1203 {
		k := "https://z.example/" + time.Duration(i).String()
		many = append(many, store.FeedItem{Key: k, ArticleID: "a"})
		manyKeys = append(manyKeys, k)
	}
	if n, err := db.PutItems(ctx, subscription.State{URL: "https://z.example/rss"}, []subscription.Item{{URL: "https://z.example/0s"}}); err != nil || n != 1 {
		t.Fatalf("PutItems = %d, %v", n, err)
	}
	if n, err := db.RecordItems(ctx, "https://z.example/rss", many); err != nil || n != len(many)-1 {
		t.Fatalf("RecordItems(many) = %d, %v; want %d", n, err, len(many)-1)
	}
	seen, err = db.SeenItems(ctx, manyKeys)
	if err != nil || len(seen) != len(manyKeys) {
		t.Errorf("SeenItems(many) = %d keys, %v; want %d", len(seen), err, len(manyKeys))
	}
	// A key RecordItems stores in another form (a NUL dropped, bad UTF-8
	// replaced) is found by the key as given, on every backend.
	odd := "https://x.example/\x00odd\xff"
	if _, err := db.RecordItems(ctx, "https://x.example/rss", []store.FeedItem{{Key: odd, ArticleID: "a9"}}); err != nil {
		t.Fatal(err)
	}
	if seen, err := db.SeenItems(ctx, []string{odd}); err != nil || !seen[odd] {
		t.Errorf("SeenItems(%q) = %v, %v; want it seen", odd, seen, err)
	}
}

func testFeedsConcurrent(t *testing.T, open OpenFeeds) {
	db := open(t)
	ctx := t.Context()
	var outlets []subscription.Outlet
	for i := range 8 {
		outlets = append(outlets, subscription.Outlet{FeedURL: "https://c.example/" + time.Duration(i).String()})
	}
	if _, err := db.AddFeeds(ctx, outlets); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 2*len(outlets))
	for _, o := range outlets {
		wg.Go(func() {
			st := subscription.NewState(o)
			st.ItemsTotal = 7
			errs <- db.SaveFeedState(ctx, o.FeedURL, st)
			_, err := db.PutItems(ctx, st, []subscription.Item{{URL: o.FeedURL + "/item"}})
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	states, _ := db.FeedStates(ctx)
	for _, st := range states {
		if st.ItemsTotal != 7 {
			t.Errorf("%s: items_total %d, want 7", st.URL, st.ItemsTotal)
		}
	}
}
