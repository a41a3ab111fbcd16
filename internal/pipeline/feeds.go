package pipeline

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// FeedDB is what FeedStore needs from storage: feed state, item keys and
// articles.
type FeedDB interface {
	FeedStates(ctx context.Context) ([]feed.State, error)
	SaveFeedState(ctx context.Context, oldURL string, st feed.State) error
	SeenItems(ctx context.Context, keys []string) (map[string]bool, error)
	RecordItems(ctx context.Context, feedURL string, items []store.FeedItem) (int, error)
	PutArticles(ctx context.Context, articles []news.Article) (int, error)
}

// PageFetcher fetches the article page of a feed item; *feed.Poller
// implements it (same robots.txt rules and per-host limits as feeds) and
// hands itself to TakeItems.
type PageFetcher = feed.Pages

// FeedStore is the feed.Sink behind `parallax poll` and the scheduler of
// `parallax serve` (the engine makes it): it turns the new items of a poll
// into cleaned, stored articles. Items with full content are cleaned from it; items that carry
// only a summary (feed.Item.NeedsPage) have their page fetched and
// extracted. It is safe for concurrent use.
//
// Failure contract: an item that cannot become an article for a lasting
// reason (HTTP 4xx, robots.txt, not an article) is recorded with its error
// and not tried again; one that failed for a passing reason (5xx, 429,
// timeout, network) is not recorded, so it is tried again the next time its
// feed is read in full. Either way the poll goes on, and the failures are
// summed up in the feed's Warning. Only a store failure or a cancelled
// context fails PutItems; the Poller then keeps the feed's validators, so
// the same items come again.
type FeedStore struct {
	db    FeedDB
	log   *slog.Logger
	clean CleanOptions

	// OnUpgrade, when set, hears of every article whose summary took its
	// page's text after it had been analysed (summary.go).
	OnUpgrade func(articleID string)

	mu       sync.Mutex
	failures map[string]itemFailures // by feed URL, for the poll in progress
	waiting  map[string]int          // by feed URL: summaries whose page is still to come
}

// itemFailures sums up the items of one poll that did not become articles.
type itemFailures struct {
	lasting, passing int
	kept             int    // items stored with their summary only, the page refused
	first            string // the first error, as an example
}

// NewFeedStore returns a FeedStore over db.
func NewFeedStore(db FeedDB, log *slog.Logger) *FeedStore {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &FeedStore{db: db, log: log, clean: CleanOptions{Logger: log}, failures: map[string]itemFailures{}, waiting: map[string]int{}}
}

// FeedStates implements feed.Store.
func (s *FeedStore) FeedStates(ctx context.Context) ([]feed.State, error) {
	return s.db.FeedStates(ctx)
}

// SaveFeedState implements feed.Store. It adds the item failures of the
// poll that PutItems saw to the feed's Warning.
func (s *FeedStore) SaveFeedState(ctx context.Context, oldURL string, st feed.State) error {
	s.mu.Lock()
	// PutItems saw the feed under its new URL after a permanent redirect.
	f, ok := s.failures[st.URL]
	if !ok {
		f, ok = s.failures[oldURL]
	}
	delete(s.failures, oldURL)
	delete(s.failures, st.URL)
	waiting := s.waiting[st.URL] + s.waiting[oldURL]
	delete(s.waiting, oldURL)
	delete(s.waiting, st.URL)
	s.mu.Unlock()
	if waiting > 0 {
		// Read the feed in full next time, so that the items whose page
		// did not come yet come again (summary.go).
		st.ETag, st.LastModified = "", ""
	}
	if ok && st.LastError == "" {
		var parts []string
		if f.lasting > 0 {
			parts = append(parts, fmt.Sprintf("%d items could not be stored", f.lasting))
		}
		if f.passing > 0 {
			parts = append(parts, fmt.Sprintf("%d item pages failed and will be retried", f.passing))
		}
		if f.kept > 0 {
			parts = append(parts, fmt.Sprintf("%d items kept with the feed's summary only, their pages refused", f.kept))
		}
		msg := strings.Join(parts, ", ") + " (first: " + f.first + ")"
		if st.Warning != "" {
			msg = st.Warning + "; " + msg
		}
		st.Warning = msg
	}
	return s.db.SaveFeedState(ctx, oldURL, st)
}

// PutItems implements feed.Store: TakeItems without a page fetcher, so
// items that carry only a summary fail (and are tried again).
func (s *FeedStore) PutItems(ctx context.Context, f feed.State, items []feed.Item) (int, error) {
	return s.TakeItems(ctx, f, items, nil)
}

var _ feed.Sink = (*FeedStore)(nil)

// TakeItems implements feed.Sink: the items whose keys are not recorded
// yet become articles, stored in one transaction, and their keys are
// recorded; pages fetches the pages of items that carry only a summary.
// It returns how many new items became articles (an article already
// stored from another item counts too).
func (s *FeedStore) TakeItems(ctx context.Context, f feed.State, items []feed.Item, pages feed.Pages) (int, error) {
	keys := make([]string, 0, len(items))
	for _, it := range items {
		if k := it.Key(); k != "" {
			keys = append(keys, k)
		}
	}
	seen, err := s.db.SeenItems(ctx, keys)
	if err != nil {
		return 0, fmt.Errorf("items of %s: %w", f.URL, err)
	}
	keeper, _ := s.db.(store.SummaryKeeper)
	summaries, err := s.summaryItems(ctx, keeper, keys, pages)
	if err != nil {
		return 0, fmt.Errorf("items of %s: %w", f.URL, err)
	}
	var (
		arts  []news.Article
		owner []int // index in recs of each article's item
		recs  []store.FeedItem
		fails itemFailures
	)
	waiting := 0
	for _, it := range items {
		k := it.Key()
		if id, ok := summaries[k]; ok {
			delete(summaries, k)
			if err := s.upgrade(ctx, keeper, f, it, id, pages, &waiting); err != nil {
				return 0, fmt.Errorf("items of %s: %w", f.URL, err)
			}
			continue
		}
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		a, err := s.article(ctx, f, it, pages)
		refused := "" // why the item keeps its summary for good
		if err != nil && keeper != nil && pageFailed(err) && ctx.Err() == nil {
			// Keep the feed's own text: meanwhile when the page may come
			// later, for good when it was refused (summary.go).
			if sa, ok := s.summaryArticle(f, it); ok {
				if passing(err) {
					waiting++
				} else {
					refused = clipText(fetch.RedactText(err.Error()), 300)
					fails.kept++
					if fails.first == "" {
						fails.first = refused
					}
				}
				a, err = sa, nil
			}
		}
		if err != nil {
			if ctx.Err() != nil {
				return 0, fmt.Errorf("items of %s: %w", f.URL, ctx.Err())
			}
			// Item and feed URLs may carry a user:password; neither the
			// log nor the stored failure repeats the password.
			msg := fetch.RedactText(err.Error())
			s.log.DebugContext(ctx, "feed item failed", "feed_url", fetch.Redact(f.URL), "item_url", fetch.Redact(it.URL), "error", msg)
			if fails.first == "" {
				fails.first = clipText(msg, 300)
			}
			if passing(err) {
				fails.passing++
				continue
			}
			fails.lasting++
			recs = append(recs, store.FeedItem{Key: k, Error: msg})
			continue
		}
		owner = append(owner, len(recs))
		recs = append(recs, store.FeedItem{Key: k, ArticleID: a.ID, Error: refused})
		arts = append(arts, a)
	}
	// Concurrent batches of one feed are stored in feed order.
	release, err := feed.WaitTurn(ctx)
	if err != nil {
		return 0, fmt.Errorf("items of %s: %w", fetch.Redact(f.URL), err)
	}
	defer release()
	if err := s.putArticles(ctx, f, arts, owner, recs, &fails); err != nil {
		return 0, err
	}
	if _, err := s.db.RecordItems(ctx, f.URL, recs); err != nil {
		return 0, fmt.Errorf("items of %s: %w", f.URL, err)
	}
	added := 0
	for _, r := range recs {
		if r.ArticleID != "" {
			added++
		}
	}
	if waiting > 0 {
		s.mu.Lock()
		s.waiting[f.URL] += waiting
		s.mu.Unlock()
	}
	if fails.lasting+fails.passing+fails.kept > 0 {
		s.mu.Lock()
		// A poll may hand its items over in several calls (feed.putItems).
		prev := s.failures[f.URL]
		fails.lasting, fails.passing, fails.kept = fails.lasting+prev.lasting, fails.passing+prev.passing, fails.kept+prev.kept
		fails.first = cmp.Or(prev.first, fails.first)
		s.failures[f.URL] = fails
		s.mu.Unlock()
	}
	return added, nil
}

// putArticles stores arts in one transaction. If the store refuses one of
// them as invalid, they are stored one by one and the refused ones are
// recorded as failed items instead of failing the whole poll.
func (s *FeedStore) putArticles(ctx context.Context, f feed.State, arts []news.Article, owner []int, recs []store.FeedItem, fails *itemFailures) error {
	if len(arts) == 0 {
		return nil
	}
	_, err := s.db.PutArticles(ctx, arts)
	if err == nil {
		return nil
	}
	if !errors.Is(err, store.ErrInvalid) {
		return fmt.Errorf("articles of %s: %w", f.URL, err)
	}
	for i, a := range arts {
		if _, err := s.db.PutArticles(ctx, []news.Article{a}); err != nil {
			if !errors.Is(err, store.ErrInvalid) {
				return fmt.Errorf("articles of %s: %w", f.URL, err)
			}
			r := &recs[owner[i]]
			r.ArticleID, r.Error = "", err.Error()
			fails.lasting++
			if fails.first == "" {
				fails.first = clipText(err.Error(), 300)
			}
		}
	}
	return nil
}

// article turns one item into a cleaned article: from its content, or from
// its page when the feed carries only a summary.
func (s *FeedStore) article(ctx context.Context, f feed.State, it feed.Item, pages feed.Pages) (news.Article, error) {
	d := ingest.Doc{
		Name:   it.URL,
		Format: ingest.FormatHTML,
		URL:    it.URL,
		Title:  it.Title,
		Outlet: outletName(f),
	}
	if !it.Published.IsZero() {
		d.Published = it.Published.UTC().Format(time.RFC3339)
	}
	if it.NeedsPage || it.Content == "" {
		if pages == nil {
			return news.Article{}, fmt.Errorf("item %s: %w", it.URL, errNoPages)
		}
		resp, err := pages.FetchPage(ctx, it.URL)
		if err != nil {
			return news.Article{}, &pageError{err: err}
		}
		if ct := strings.ToLower(resp.ContentType); ct != "" && !strings.Contains(ct, "html") && !strings.HasPrefix(ct, "text/") {
			return news.Article{}, fmt.Errorf("item page %s: %w: %s", resp.URL, errNotPage, resp.ContentType)
		}
		d.Body = resp.Body
	} else {
		d.Body = []byte("<!doctype html><html><head><meta charset=\"utf-8\"></head><body><article>" +
			it.Content + "</article></body></html>")
	}
	a, err := Clean(d, s.clean)
	if err != nil {
		return news.Article{}, err
	}
	if a.Author == "" {
		a.Author = it.Author
	}
	return a, nil
}

var (
	errNoPages = errors.New("no page fetcher to read the linked page")
	errNotPage = errors.New("linked page is not HTML or text")
)

// passing reports whether an item's failure may go away by itself: a
// server error, a rate limit, a timeout or a network error.
func passing(err error) bool {
	var se *fetch.StatusError
	if errors.As(err, &se) {
		return se.Code >= 500 || se.Code == http.StatusTooManyRequests || se.Code == http.StatusRequestTimeout
	}
	switch {
	case errors.Is(err, feed.ErrRobots), errors.Is(err, fetch.ErrScheme), errors.Is(err, fetch.ErrTooLarge),
		errors.Is(err, fetch.ErrPrivateAddress), errors.Is(err, fetch.ErrTooManyRedirects):
		return false
	}
	// A page that could not be fetched for another reason (timeout, refused
	// connection) may come later; a page that was read but did not clean
	// into an article will not.
	var pe *pageError
	return errors.As(err, &pe)
}

// pageError is the failure to fetch an item's page.
type pageError struct{ err error }

func (e *pageError) Error() string { return "item page: " + e.err.Error() }
func (e *pageError) Unwrap() error { return e.err }

// outletName is the outlet credited for a feed's articles: the feed's
// title, else its site's or feed's host.
func outletName(f feed.State) string {
	if t := strings.TrimSpace(f.Title); t != "" {
		return t
	}
	if h := host(f.SiteURL); h != "" {
		return h
	}
	return host(f.URL)
}

// clipText shortens s to at most n bytes on a rune boundary, with "…".
func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
