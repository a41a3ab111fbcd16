package feed

import (
	"context"
	"fmt"
	"sync"
)

// Defaults of the item bounds of PollerOptions.
const (
	// DefaultMaxItems is how many items of one feed a poll takes at most.
	DefaultMaxItems = 300
	// DefaultPageWorkers is how many batches of summary-only items are
	// handed to the store at once, each fetching its pages.
	DefaultPageWorkers = 4
	// pageBatch is how many summary-only items go to the store in one
	// PutItems call: small, so that articles are stored as their pages
	// arrive rather than after the whole feed.
	pageBatch = 8
)

// capItems keeps the first max items of a feed document (feeds list the
// newest first) and says how many it left out.
func capItems(items []Item, max int) ([]Item, int) {
	if max <= 0 || len(items) <= max {
		return items, 0
	}
	return items[:max], len(items) - max
}

// putItems hands the items of one poll of a feed to the store. Items with
// their full text go first, in one call, as before. Items that carry only a
// summary need their page fetched by the store (through FetchPage, under
// the per-host limits); they go in small batches, in feed order, several
// batches at once (PageWorkers), so that pages of a long summary-only feed
// are fetched concurrently, up to the host's limits, and each batch is
// stored as soon as its pages have arrived. The first store error stops
// the batches not yet started and is returned with the count of what was
// stored before it. A Sink that calls WaitTurn before it stores a batch
// stores the batches in feed order, whatever order their pages arrive in,
// so that the store order (and the analysis, which follows it) does not
// depend on timing.
func (p *Poller) putItems(ctx context.Context, st State, items []Item) (int, error) {
	var full, summary []Item
	for _, it := range items {
		if it.NeedsPage || it.Content == "" {
			summary = append(summary, it)
		} else {
			full = append(full, it)
		}
	}
	if len(summary) <= pageBatch {
		return p.store.PutItems(ctx, st, items)
	}
	added := 0
	if len(full) > 0 {
		n, err := p.store.PutItems(ctx, st, full)
		if err != nil {
			return 0, err
		}
		added = n
	}
	// Items with the same key go in the same batch, so that two batches
	// never both find a key new and fetch its page twice.
	batches := batchByKey(summary, pageBatch)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
	)
	type job struct {
		items []Item
		turn  *storeTurn
	}
	jobs := make(chan job)
	for range min(p.opts.PageWorkers, len(batches)) {
		wg.Go(func() {
			for j := range jobs {
				n, err := p.store.PutItems(context.WithValue(ctx, turnKey{}, j.turn), st, j.items)
				j.turn.release()
				mu.Lock()
				added += n
				if err != nil && firstErr == nil {
					firstErr = err
					cancel()
				}
				mu.Unlock()
			}
		})
	}
	var prev <-chan struct{}
	for _, b := range batches {
		t := &storeTurn{prev: prev, done: make(chan struct{})}
		prev = t.done
		select {
		case jobs <- job{b, t}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	close(jobs)
	wg.Wait()
	if firstErr != nil {
		return added, firstErr
	}
	if err := ctx.Err(); err != nil {
		return added, fmt.Errorf("items of %s: %w", st.URL, err)
	}
	return added, nil
}

// batchByKey cuts items into batches of about size, in order, with every
// item whose key appeared before placed in the batch of its first
// occurrence.
func batchByKey(items []Item, size int) [][]Item {
	var batches [][]Item
	where := map[string]int{}
	for _, it := range items {
		k := it.Key()
		if i, ok := where[k]; ok && k != "" {
			batches[i] = append(batches[i], it)
			continue
		}
		if len(batches) == 0 || len(batches[len(batches)-1]) >= size {
			batches = append(batches, nil)
		}
		where[k] = len(batches) - 1
		batches[len(batches)-1] = append(batches[len(batches)-1], it)
	}
	return batches
}

// storeTurn orders the store writes of the concurrent batches of one
// poll: a batch's turn comes when the batch before it has been stored.
type storeTurn struct {
	prev <-chan struct{} // closed when the batch before is stored; nil for the first
	done chan struct{}
	once sync.Once
}

func (t *storeTurn) release() { t.once.Do(func() { close(t.done) }) }

type turnKey struct{}

// WaitTurn is for a Sink's TakeItems, right before it stores the articles
// of the items it was given (their pages fetched): when the Poller hands
// a feed's summary-only items over in concurrent batches, it waits until
// the batches before this one are stored, so that articles are stored in
// feed order. Call release once stored (the Poller also releases the turn
// when TakeItems returns). Outside such a batch it returns at once.
func WaitTurn(ctx context.Context) (release func(), err error) {
	t, _ := ctx.Value(turnKey{}).(*storeTurn)
	if t == nil {
		return func() {}, nil
	}
	if t.prev != nil {
		select {
		case <-t.prev:
		case <-ctx.Done():
			return func() {}, fmt.Errorf("wait for the batches before: %w", context.Cause(ctx))
		}
	}
	return t.release, nil
}
