package pipeline

import (
	"context"
	"errors"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Items that carry only a summary, when their page cannot be fetched for a
// passing reason (offline, a timeout, 5xx, 429), become articles at once
// from the feed's own text, marked news.TextSummary, when the store keeps
// summaries (store.SummaryKeeper; both backends do). The feed is then read
// in full at its next poll (SaveFeedState drops its validators), so that
// the item comes again; its page is fetched again and, once it arrives,
// its text replaces the summary under the same article ID. An article
// that had been analysed with its summary is reported to OnUpgrade: its
// analysis is out of date (the engine analyses again). Pages refused for
// good (4xx, robots.txt) keep the summary for good: the item is recorded
// with its article and the refusal (store.FeedItem.Error), so that its
// page is not asked for again.

// summaryItems returns, of keys, the items whose article still holds
// only its summary, with that article's ID; none without a keeper or a
// page fetcher.
func (s *FeedStore) summaryItems(ctx context.Context, keeper store.SummaryKeeper, keys []string, pages feed.Pages) (map[string]string, error) {
	if keeper == nil || pages == nil || len(keys) == 0 {
		return nil, nil
	}
	return keeper.SummaryItems(ctx, keys)
}

// summaryArticle makes an article of the item's own summary, under an ID
// drawn from the item's key and the text (two items with one blurb stay
// two articles); false when the item has no summary to keep.
func (s *FeedStore) summaryArticle(f feed.State, it feed.Item) (news.Article, bool) {
	text := strings.TrimSpace(it.Summary)
	if text == "" {
		return news.Article{}, false
	}
	d := ingest.Doc{
		Name:   it.URL,
		Format: ingest.FormatHTML,
		URL:    it.URL,
		Title:  it.Title,
		Outlet: outletName(f),
		Body: []byte("<!doctype html><html><head><meta charset=\"utf-8\"></head><body><article><p>" +
			html.EscapeString(text) + "</p></article></body></html>"),
	}
	if !it.Published.IsZero() {
		d.Published = it.Published.UTC().Format(time.RFC3339)
	}
	a, err := Clean(d, s.clean)
	if err != nil || strings.TrimSpace(a.Text) == "" {
		return news.Article{}, false
	}
	if a.Author == "" {
		a.Author = it.Author
	}
	a.ID = news.ContentID(it.Key() + "\n" + a.Text)
	a.TextSource = news.TextSummary
	return a, true
}

// upgrade fetches the page of an item stored as its summary (article id)
// and gives the article the page's text. A page that fails for a passing
// reason counts in waiting (the feed is read in full next time); one
// refused for good leaves the summary. Only a store failure or a cancelled
// context is returned.
func (s *FeedStore) upgrade(ctx context.Context, keeper store.SummaryKeeper, f feed.State, it feed.Item, id string, pages feed.Pages, waiting *int) error {
	a, err := s.article(ctx, f, it, pages)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		msg := fetch.RedactText(err.Error())
		if passing(err) {
			*waiting++
		} else if rerr := keeper.RefuseSummary(ctx, it.Key(), clipText(msg, 300)); rerr != nil {
			// Refused for good: recorded, so that the page is not asked
			// for at every poll (failing to record it costs that only).
			s.log.WarnContext(ctx, "page refusal not recorded", "item_url", fetch.Redact(it.URL), "error", rerr)
		}
		s.log.DebugContext(ctx, "summary not upgraded", "feed_url", fetch.Redact(f.URL), "item_url", fetch.Redact(it.URL),
			"article_id", id, "error", msg)
		return nil
	}
	a.TextSource = ""
	up, err := keeper.UpgradeSummary(ctx, id, a)
	if errors.Is(err, store.ErrInvalid) {
		// The page's text cannot be stored: the summary stays.
		s.log.WarnContext(ctx, "summary not upgraded", "article_id", id, "item_url", fetch.Redact(it.URL), "error", err)
		return nil
	}
	if err != nil {
		return fmt.Errorf("page of %s: %w", fetch.Redact(it.URL), err)
	}
	if up.Done {
		s.log.InfoContext(ctx, "summary replaced by its page", "article_id", id, "item_url", fetch.Redact(it.URL))
	}
	if up.Done && up.Analysed && s.OnUpgrade != nil {
		s.OnUpgrade(id)
	}
	return nil
}

// pageFailed reports whether err is the failure to fetch an item's page
// (not a page that was read and did not clean into an article).
func pageFailed(err error) bool {
	var pe *pageError
	return errors.As(err, &pe)
}
