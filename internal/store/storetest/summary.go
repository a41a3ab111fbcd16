package storetest

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// testSummaryUpgrade: an article stored from a feed item's summary keeps
// its mark, is found by its item's key, and takes its page's text once,
// keeping its ID; the upgrade says whether it had been analysed, and the
// search finds the new text.
func testSummaryUpgrade(t *testing.T, open OpenFeeds) {
	db := open(t)
	ctx := t.Context()
	s, ok1 := db.(store.Store)
	k, ok2 := db.(store.SummaryKeeper)
	an, ok3 := db.(interface {
		SaveAnalysis(ctx context.Context, b store.AnalysisBatch) error
	})
	if !ok1 || !ok2 || !ok3 {
		t.Fatalf("%T does not store articles, keep summaries and analyses", db)
	}
	when := day(2026, 3, 4, 5*time.Hour)
	summary := article("sum1", when)
	summary.Title, summary.Author = "Summary title", ""
	summary.Text, summary.TextSource = "A short blurb about the harbour.", news.TextSummary
	second := article("sum2", when)
	second.TextSource = news.TextSummary
	refused := article("sum3", when)
	refused.TextSource = news.TextSummary
	full := article("full1", when)
	put(t, s, summary, second, refused, full)
	if _, err := db.RecordItems(ctx, "https://x.example/rss", []store.FeedItem{
		{Key: "https://x.example/1", ArticleID: "sum1"},
		{Key: "https://x.example/2", ArticleID: "sum2"},
		{Key: "https://x.example/3", ArticleID: "full1"},
		{Key: "https://x.example/4", Error: "gone"},
		{Key: "https://x.example/6", ArticleID: "sum3", Error: "page refused: HTTP 403"},
	}); err != nil {
		t.Fatal(err)
	}
	if err := an.SaveAnalysis(ctx, store.AnalysisBatch{Articles: []store.ArticleAnalysis{{ArticleID: "sum2"}}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, "sum1")
	if err != nil || got.TextSource != news.TextSummary {
		t.Fatalf("stored summary: %+v, %v; want text_source %q", got, err, news.TextSummary)
	}
	counts, err := db.FeedItemCounts(ctx)
	if want := (store.ItemCounts{Stored: 4, Failed: 1}); err != nil || counts["https://x.example/rss"] != want {
		t.Errorf("FeedItemCounts = %v, %v; want %+v (a summary kept for good is stored, not failed)", counts, err, want)
	}
	items, err := k.SummaryItems(ctx, []string{"https://x.example/1", "https://x.example/2", "https://x.example/3", "https://x.example/4", "https://x.example/5", "https://x.example/6"})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"https://x.example/1": "sum1", "https://x.example/2": "sum2"}; !reflect.DeepEqual(items, want) {
		t.Errorf("SummaryItems = %v, want %v", items, want)
	}

	page := article("ignored-id", day(2030, 1, 1, 0))
	page.Title, page.Author, page.Language = "Page title", "Page author", "de"
	page.Text, page.Removed, page.TextSource = "The whole article about the harbour closure.\n\nA second paragraph.", []string{"Teilen"}, ""
	up, err := k.UpgradeSummary(ctx, "sum1", page)
	if err != nil || up != (store.Upgraded{Done: true}) {
		t.Fatalf("UpgradeSummary(sum1) = %+v, %v; want done, not analysed", up, err)
	}
	got, err = s.Article(ctx, "sum1")
	if err != nil {
		t.Fatal(err)
	}
	want := summary
	want.Title, want.Author, want.Language, want.Text, want.Removed, want.TextSource = page.Title, page.Author, page.Language, page.Text, page.Removed, ""
	if !got.Published.Equal(want.Published) || !got.IngestedAt.Equal(want.IngestedAt) {
		t.Errorf("upgrade moved dates: %v %v, want %v %v", got.Published, got.IngestedAt, want.Published, want.IngestedAt)
	}
	got.Published, got.IngestedAt, want.Published, want.IngestedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("upgraded article\n got %+v\nwant %+v", got, want)
	}
	hits, err := s.Search(ctx, "closure", 10)
	if err != nil || len(hits) != 1 || hits[0].Article.ID != "sum1" {
		t.Errorf("search for the page's word: %+v, %v", hits, err)
	}

	// Once only; an article that never was a summary is left alone.
	for _, id := range []string{"sum1", "full1", "unknown"} {
		if up, err := k.UpgradeSummary(ctx, id, page); err != nil || up.Done {
			t.Errorf("UpgradeSummary(%s) = %+v, %v; want nothing done", id, up, err)
		}
	}
	if a, _ := s.Article(ctx, "full1"); a.Text != full.Text {
		t.Errorf("full1 changed: %q", a.Text)
	}
	// A page refused for good on the upgrade path: the item leaves
	// SummaryItems (its page is not asked for again); a second refusal
	// keeps the first reason, an unknown key is no error.
	for _, reason := range []string{"HTTP 404", "HTTP 410"} {
		if err := k.RefuseSummary(ctx, "https://x.example/2", reason); err != nil {
			t.Fatal(err)
		}
	}
	if err := k.RefuseSummary(ctx, "https://x.example/never", "HTTP 404"); err != nil {
		t.Errorf("RefuseSummary of an unknown key: %v", err)
	}
	if items, err := k.SummaryItems(ctx, []string{"https://x.example/2"}); err != nil || len(items) != 0 {
		t.Errorf("SummaryItems after the refusal = %v, %v; want none", items, err)
	}
	up, err = k.UpgradeSummary(ctx, "sum2", page)
	if err != nil || up != (store.Upgraded{Done: true, Analysed: true}) {
		t.Errorf("UpgradeSummary(sum2) = %+v, %v; want done, analysed", up, err)
	}
	items, err = k.SummaryItems(ctx, []string{"https://x.example/1", "https://x.example/2"})
	if err != nil || len(items) != 0 {
		t.Errorf("SummaryItems after the upgrades = %v, %v; want none", items, err)
	}
	bad := page
	bad.Text = "bad\x00text"
	if _, err := k.UpgradeSummary(ctx, "sum2", bad); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("UpgradeSummary with a NUL: %v, want ErrInvalid", err)
	}
}

// testReanalysis: an upgrade of an analysed summary notes the article for
// re-analysis in the store (one not analysed is not noted);
// ReanalysisDone clears the notes up to the mark read before the
// re-analysis, keeps a later one and records when it was done.
func testReanalysis(t *testing.T, open OpenFeeds) {
	db := open(t)
	ctx := t.Context()
	s, ok1 := db.(store.Store)
	k, ok2 := db.(store.SummaryKeeper)
	r, ok3 := db.(store.Reanalyses)
	an, ok4 := db.(interface {
		SaveAnalysis(ctx context.Context, b store.AnalysisBatch) error
	})
	if !ok1 || !ok2 || !ok3 || !ok4 {
		t.Fatalf("%T does not store articles, keep summaries, keep the re-analysis list and analyses", db)
	}
	got, err := r.Reanalysis(ctx)
	if err != nil || got != (store.Reanalysis{}) {
		t.Fatalf("Reanalysis of a new store = %+v, %v; want nothing", got, err)
	}
	when := day(2026, 3, 4, 5*time.Hour)
	var sums []news.Article
	for _, id := range []string{"r1", "r2", "r3"} {
		a := article(id, when)
		a.Text, a.TextSource = "A short blurb about "+id+".", news.TextSummary
		sums = append(sums, a)
	}
	put(t, s, sums...)
	if err := an.SaveAnalysis(ctx, store.AnalysisBatch{Articles: []store.ArticleAnalysis{{ArticleID: "r1"}, {ArticleID: "r3"}}}); err != nil {
		t.Fatal(err)
	}
	page := article("ignored", when)
	page.Text, page.TextSource = "The whole page of the article, longer than its summary.", ""
	for _, id := range []string{"r1", "r2"} {
		if up, err := k.UpgradeSummary(ctx, id, page); err != nil || !up.Done {
			t.Fatalf("UpgradeSummary(%s) = %+v, %v", id, up, err)
		}
	}
	first, err := r.Reanalysis(ctx)
	if err != nil || first.Waiting != 1 || first.Mark <= 0 || !first.Last.IsZero() {
		t.Fatalf("Reanalysis after upgrading one analysed summary = %+v, %v; want 1 waiting, a mark, never done", first, err)
	}
	// r3 is upgraded while the re-analysis runs: it keeps its note.
	if up, err := k.UpgradeSummary(ctx, "r3", page); err != nil || !up.Analysed {
		t.Fatalf("UpgradeSummary(r3) = %+v, %v", up, err)
	}
	done := time.Date(2026, 3, 5, 6, 7, 8, 0, time.UTC)
	if err := r.ReanalysisDone(ctx, first.Mark, done); err != nil {
		t.Fatal(err)
	}
	got, err = r.Reanalysis(ctx)
	if err != nil || got.Waiting != 1 || got.Mark <= first.Mark || !got.Last.Equal(done) {
		t.Fatalf("Reanalysis after the re-analysis = %+v, %v; want r3 waiting past mark %d, done at %v", got, err, first.Mark, done)
	}
	later := done.Add(time.Hour)
	if err := r.ReanalysisDone(ctx, got.Mark, later); err != nil {
		t.Fatal(err)
	}
	if got, err := r.Reanalysis(ctx); err != nil || got.Waiting != 0 || !got.Last.Equal(later) {
		t.Errorf("Reanalysis after the second = %+v, %v; want none waiting, done at %v", got, err, later)
	}
	if err := r.ReanalysisDone(ctx, 0, time.Time{}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("ReanalysisDone at the zero time: %v, want ErrInvalid", err)
	}

	// NoteUpgraded: of articles the analysis read as summaries, those
	// holding a summary no more (r1 took its page) are noted, once each
	// in the count however often noted; r4 still a summary is not.
	r4 := article("r4", when)
	r4.Text, r4.TextSource = "A short blurb about r4.", news.TextSummary
	put(t, s, r4)
	if n, err := r.NoteUpgraded(ctx, []string{"r4", "r1", "unknown"}); err != nil || n != 1 {
		t.Errorf("NoteUpgraded = %d, %v; want r1 noted", n, err)
	}
	if n, err := r.NoteUpgraded(ctx, []string{"r1"}); err != nil || n != 1 {
		t.Errorf("NoteUpgraded again = %d, %v; want r1 noted", n, err)
	}
	if n, err := r.NoteUpgraded(ctx, nil); err != nil || n != 0 {
		t.Errorf("NoteUpgraded of nothing = %d, %v", n, err)
	}
	if got, err := r.Reanalysis(ctx); err != nil || got.Waiting != 1 {
		t.Errorf("Reanalysis after NoteUpgraded = %+v, %v; want r1 waiting", got, err)
	}
}
