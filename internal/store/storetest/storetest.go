// Package storetest is the contract suite every store.Store backend must
// pass. A backend's tests call Run with a function that opens a new, empty
// store; the suite uses only the store.Store interface.
//
// Times are compared to the microsecond, the finest precision every backend
// keeps (PostgreSQL timestamps stop there).
package storetest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store"
)

// Open returns a new, empty store for one test. It registers the store's
// Close with t.Cleanup (or otherwise releases it when the test ends).
type Open func(t *testing.T) store.Store

// Run runs the whole contract suite against the backend that open creates,
// each part as a subtest with a store of its own.
func Run(t *testing.T, open Open) {
	tests := []struct {
		name string
		fn   func(*testing.T, Open)
	}{
		{"RoundTrip", testRoundTrip},
		{"IngestedAtFilled", testIngestedAtFilled},
		{"Idempotent", testIdempotent},
		{"FillMetadata", testFillMetadata},
		{"DuplicateInBatch", testDuplicateInBatch},
		{"Rollback", testRollback},
		{"CancelAllOrNothing", testCancelAllOrNothing},
		{"EmptyBatch", testEmptyBatch},
		{"NotFound", testNotFound},
		{"Order", testOrder},
		{"Paging", testPaging},
		{"DefaultLimit", testDefaultLimit},
		{"Outlet", testOutlet},
		{"SinceUntil", testSinceUntil},
		{"Count", testCount},
		{"Search", testSearch},
		{"SearchPhrase", testSearchPhrase},
		{"SearchPrefix", testSearchPrefix},
		{"SearchRanking", testSearchRanking},
		{"SearchSyntax", testSearchSyntax},
		{"SearchLimit", testSearchLimit},
		{"SearchSeeds", testSearchSeeds},
		{"SearchCost", testSearchCost},
		{"SearchDeadline", testSearchDeadline},
		{"Bounds", testBounds},
		{"ConcurrentReaders", testConcurrentReaders},
		{"ConcurrentWriters", testConcurrentWriters},
		{"Close", testClose},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open) })
	}
}

// day returns midnight UTC of the given date plus extra.
func day(y int, m time.Month, d int, extra time.Duration) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Add(extra)
}

// article returns a valid article with the given ID and published time and
// every other field filled.
func article(id string, published time.Time) news.Article {
	return news.Article{
		ID:           id,
		Title:        "Title of " + id,
		Outlet:       "Outlet",
		OriginOutlet: "Origin",
		Republisher:  "Republisher",
		URL:          "https://example.org/" + id,
		Author:       "Author",
		Published:    published,
		Language:     "en",
		Text:         "Body of " + id + ".\n\nSecond paragraph.",
		Removed:      []string{"Share this"},
		Source:       "testdata/" + id + ".txt",
		IngestedAt:   day(2026, 1, 2, 3*time.Hour+4*time.Minute+5*time.Second+6*time.Microsecond),
	}
}

func put(t *testing.T, s store.Store, articles ...news.Article) int {
	t.Helper()
	n, err := s.PutArticles(t.Context(), articles)
	if err != nil {
		t.Fatalf("PutArticles: %v", err)
	}
	return n
}

func count(t *testing.T, s store.Store) int {
	t.Helper()
	n, err := s.CountArticles(t.Context())
	if err != nil {
		t.Fatalf("CountArticles: %v", err)
	}
	return n
}

func list(t *testing.T, s store.Store, q store.ArticleQuery) []news.Article {
	t.Helper()
	got, err := s.Articles(t.Context(), q)
	if err != nil {
		t.Fatalf("Articles(%+v): %v", q, err)
	}
	return got
}

func ids(articles []news.Article) []string {
	out := make([]string, len(articles))
	for i, a := range articles {
		out[i] = a.ID
	}
	return out
}

func hitIDs(hits []store.SearchHit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.Article.ID
	}
	return out
}

// diff describes how got differs from want, field by field, or returns "".
// Times must be the same instant to the microsecond and in UTC; an empty
// Removed list may come back nil or empty.
func diff(want, got news.Article) string {
	var d []string
	str := func(name, w, g string) {
		if w != g {
			d = append(d, fmt.Sprintf("%s: got %q, want %q", name, g, w))
		}
	}
	tm := func(name string, w, g time.Time) {
		if !w.Truncate(time.Microsecond).Equal(g.Truncate(time.Microsecond)) {
			d = append(d, fmt.Sprintf("%s: got %v, want %v", name, g, w))
		}
		if !g.IsZero() && g.Location() != time.UTC {
			d = append(d, fmt.Sprintf("%s: location %v, want UTC", name, g.Location()))
		}
	}
	str("ID", want.ID, got.ID)
	str("Title", want.Title, got.Title)
	str("Outlet", want.Outlet, got.Outlet)
	str("OriginOutlet", want.OriginOutlet, got.OriginOutlet)
	str("Republisher", want.Republisher, got.Republisher)
	str("URL", want.URL, got.URL)
	str("Author", want.Author, got.Author)
	tm("Published", want.Published, got.Published)
	if want.PublishedEstimated != got.PublishedEstimated {
		d = append(d, fmt.Sprintf("PublishedEstimated: got %v, want %v", got.PublishedEstimated, want.PublishedEstimated))
	}
	str("Language", want.Language, got.Language)
	str("Text", want.Text, got.Text)
	if !slices.Equal(want.Removed, got.Removed) {
		d = append(d, fmt.Sprintf("Removed: got %q, want %q", got.Removed, want.Removed))
	}
	str("Source", want.Source, got.Source)
	tm("IngestedAt", want.IngestedAt, got.IngestedAt)
	return strings.Join(d, "; ")
}

func testRoundTrip(t *testing.T, open Open) {
	s := open(t)
	kyiv := time.FixedZone("EEST", 3*3600)
	cases := []news.Article{
		article("plain", day(2025, 7, 3, 14*time.Hour)),
		{
			ID:                 "unicode",
			Title:              "Ушаков: «переговори тривають» — 和平 🕊",
			Outlet:             "Українська правда",
			OriginOutlet:       "ТАСС",
			Republisher:        "news.google.com",
			URL:                "https://example.org/статья?q=мир&x=1#frag",
			Author:             "Олена Ковальчук, José Ñúñez",
			Published:          time.Date(2025, 12, 4, 9, 30, 15, 123456000, kyiv),
			PublishedEstimated: true,
			Language:           "uk",
			Text:               "Перший абзац з апострофом: м'ята, ґанок, їжак.\n\nВторой абзац: ёлка, Щёлково.\n\n第三段。 Emoji 👍🏽 and tab\tend.",
			Removed:            []string{"Поділитися", "", "Читайте також: «…»", "line\nbreak"},
			Source:             "/tmp/Новини/файл (1).txt",
			IngestedAt:         time.Date(2026, 11, 23, 18, 30, 0, 999999000, time.UTC),
		},
		{
			ID:         "empty-removed",
			Text:       "Only a body.",
			Removed:    []string{},
			IngestedAt: day(2026, 1, 1, 0),
		},
		{
			ID:         "nil-removed-undated",
			Text:       "Undated body, no removed list, no title.",
			IngestedAt: day(2026, 1, 1, time.Second),
		},
		{
			ID:         "quotes-and-sql",
			Title:      `He said "no"; DROP TABLE articles; --`,
			Text:       `Text with 'single' and "double" quotes, a backslash \ and 100% _underscores_.`,
			Removed:    []string{`["json", "looking"]`},
			Published:  time.Date(1, 1, 1, 0, 0, 0, 1000, time.UTC),
			IngestedAt: day(9999, 12, 31, 0),
		},
	}
	if n := put(t, s, cases...); n != len(cases) {
		t.Fatalf("added %d, want %d", n, len(cases))
	}
	for _, want := range cases {
		t.Run(want.ID, func(t *testing.T) {
			got, err := s.Article(t.Context(), want.ID)
			if err != nil {
				t.Fatalf("Article(%q): %v", want.ID, err)
			}
			if d := diff(want, got); d != "" {
				t.Errorf("Article(%q) round trip: %s", want.ID, d)
			}
			ok, err := s.HasArticle(t.Context(), want.ID)
			if err != nil || !ok {
				t.Errorf("HasArticle(%q) = %v, %v; want true, nil", want.ID, ok, err)
			}
		})
	}
	// The listing returns the same values as Article.
	for _, got := range list(t, s, store.ArticleQuery{}) {
		i := slices.IndexFunc(cases, func(a news.Article) bool { return a.ID == got.ID })
		if i < 0 {
			t.Errorf("Articles returned unknown ID %q", got.ID)
			continue
		}
		if d := diff(cases[i], got); d != "" {
			t.Errorf("Articles entry %q: %s", got.ID, d)
		}
	}
}

func testIngestedAtFilled(t *testing.T, open Open) {
	s := open(t)
	a := article("fill", day(2025, 1, 1, 0))
	a.IngestedAt = time.Time{}
	batch := []news.Article{a}
	before := time.Now().Add(-time.Second)
	put(t, s, batch...)
	after := time.Now().Add(time.Second)
	if !batch[0].IngestedAt.IsZero() {
		t.Errorf("PutArticles changed the caller's article: IngestedAt = %v", batch[0].IngestedAt)
	}
	got, err := s.Article(t.Context(), "fill")
	if err != nil {
		t.Fatal(err)
	}
	if got.IngestedAt.Before(before) || got.IngestedAt.After(after) {
		t.Errorf("IngestedAt = %v, want the time of storing (between %v and %v)", got.IngestedAt, before, after)
	}
}

func testIdempotent(t *testing.T, open Open) {
	s := open(t)
	a := article("a", day(2025, 8, 24, 0))
	b := article("b", day(2025, 8, 25, 0))
	if n := put(t, s, a, b); n != 2 {
		t.Fatalf("first put added %d, want 2", n)
	}
	if n := put(t, s, a, b); n != 0 {
		t.Errorf("identical re-put added %d, want 0", n)
	}
	changed := a
	changed.Title = "A different title"
	changed.Text = "A different text."
	changed.Published = time.Time{}
	changed.Removed = nil
	changed.IngestedAt = time.Time{}
	c := article("c", day(2025, 8, 26, 0))
	if n := put(t, s, changed, c); n != 1 {
		t.Errorf("re-put of a changed copy with one new article added %d, want 1", n)
	}
	got, err := s.Article(t.Context(), "a")
	if err != nil {
		t.Fatal(err)
	}
	if d := diff(a, got); d != "" {
		t.Errorf("stored copy changed by re-put: %s", d)
	}
	if n := count(t, s); n != 3 {
		t.Errorf("count = %d, want 3", n)
	}
	// The search index must not hold the changed copy either.
	hits, err := s.Search(t.Context(), "different", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 0 {
		t.Errorf("search for the re-put copy's words found %v, want nothing", hitIDs(hits))
	}
}

func testDuplicateInBatch(t *testing.T, open Open) {
	s := open(t)
	first := article("dup", day(2025, 1, 1, 0))
	second := first
	second.Title = "Second copy"
	if n := put(t, s, first, second, article("other", time.Time{})); n != 2 {
		t.Errorf("added %d, want 2", n)
	}
	got, err := s.Article(t.Context(), "dup")
	if err != nil {
		t.Fatal(err)
	}
	if d := diff(first, got); d != "" {
		t.Errorf("the first copy in a batch must win: %s", d)
	}
}

func testRollback(t *testing.T, open Open) {
	bad := []struct {
		name string
		edit func(*news.Article)
	}{
		{"empty ID", func(a *news.Article) { a.ID = "" }},
		{"published after year 9999", func(a *news.Article) { a.Published = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }},
		{"published before year 1", func(a *news.Article) { a.Published = time.Date(0, 6, 1, 0, 0, 0, 0, time.UTC) }},
		{"title not UTF-8", func(a *news.Article) { a.Title = "caf\xe9" }},
		{"NUL in text", func(a *news.Article) { a.Text = "before\x00after" }},
		{"removed entry not UTF-8", func(a *news.Article) { a.Removed = []string{"ok", "\xff"} }},
		{"ingested after year 9999", func(a *news.Article) { a.IngestedAt = time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC) }},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			kept := article("kept", day(2025, 1, 1, 0))
			put(t, s, kept)

			batch := make([]news.Article, 0, 50)
			for i := range 50 {
				batch = append(batch, article(fmt.Sprintf("batch-%02d", i), day(2025, 2, 1, time.Duration(i)*time.Hour)))
			}
			changedKept := kept
			changedKept.Title = "changed"
			batch = append(batch, changedKept)
			tc.edit(&batch[25])

			n, err := s.PutArticles(t.Context(), batch)
			if err == nil {
				t.Fatalf("PutArticles with %s in the middle: no error (added %d)", tc.name, n)
			}
			if !errors.Is(err, store.ErrInvalid) {
				t.Errorf("error %v does not wrap store.ErrInvalid", err)
			}
			if n != 0 {
				t.Errorf("added = %d on error, want 0", n)
			}
			if c := count(t, s); c != 1 {
				t.Errorf("count after failed batch = %d, want 1", c)
			}
			for _, id := range []string{"batch-00", "batch-24", "batch-49"} {
				if ok, err := s.HasArticle(t.Context(), id); err != nil || ok {
					t.Errorf("HasArticle(%q) after failed batch = %v, %v; want false, nil", id, ok, err)
				}
			}
			got, err := s.Article(t.Context(), "kept")
			if err != nil {
				t.Fatal(err)
			}
			if d := diff(kept, got); d != "" {
				t.Errorf("article stored before the failed batch changed: %s", d)
			}
			hits, err := s.Search(t.Context(), "batch", 100)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) != 0 {
				t.Errorf("search index holds articles of the failed batch: %v", hitIDs(hits))
			}
			// The batch stores once the bad article is fixed.
			batch[25] = article("batch-25", day(2025, 2, 2, 0))
			if n := put(t, s, batch...); n != 50 {
				t.Errorf("fixed batch added %d, want 50", n)
			}
		})
	}
}

// testCancelAllOrNothing cancels the context while a large batch is being
// stored: the batch must be stored completely or not at all.
func testCancelAllOrNothing(t *testing.T, open Open) {
	s := open(t)
	body := strings.Repeat("Words to make the row and the index do some work. ", 40)
	for round := range 5 {
		batch := make([]news.Article, 400)
		for i := range batch {
			batch[i] = article(fmt.Sprintf("r%d-%03d", round, i), day(2025, 3, 1, time.Duration(i)*time.Minute))
			batch[i].Text = body + batch[i].ID
		}
		before := count(t, s)
		ctx, cancel := context.WithCancel(t.Context())
		go func() {
			time.Sleep(time.Duration(round) * 2 * time.Millisecond)
			cancel()
		}()
		n, err := s.PutArticles(ctx, batch)
		cancel()
		after := count(t, s)
		switch {
		case err != nil && (n != 0 || after != before):
			t.Errorf("round %d: error %v but added %d and count went %d -> %d", round, err, n, before, after)
		case err == nil && (n != len(batch) || after != before+len(batch)):
			t.Errorf("round %d: no error but added %d and count went %d -> %d, want +%d", round, n, before, after, len(batch))
		}
	}
	// Canceled before the call: an error, nothing stored.
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	before := count(t, s)
	if _, err := s.PutArticles(ctx, []news.Article{article("late", time.Time{})}); err == nil {
		t.Error("PutArticles with a canceled context: no error")
	}
	if after := count(t, s); after != before {
		t.Errorf("PutArticles with a canceled context stored %d articles", after-before)
	}
}

func testEmptyBatch(t *testing.T, open Open) {
	s := open(t)
	for _, batch := range [][]news.Article{nil, {}} {
		n, err := s.PutArticles(t.Context(), batch)
		if err != nil || n != 0 {
			t.Errorf("PutArticles(%#v) = %d, %v; want 0, nil", batch, n, err)
		}
	}
	if got := list(t, s, store.ArticleQuery{}); len(got) != 0 {
		t.Errorf("empty store lists %v", ids(got))
	}
	if c := count(t, s); c != 0 {
		t.Errorf("empty store counts %d", c)
	}
}

func testNotFound(t *testing.T, open Open) {
	s := open(t)
	put(t, s, article("present", time.Time{}))
	for _, id := range []string{"absent", "", "PRESENT", "present ", "%", "pres_nt"} {
		_, err := s.Article(t.Context(), id)
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Article(%q) error = %v, want ErrNotFound", id, err)
		}
		ok, err := s.HasArticle(t.Context(), id)
		if err != nil || ok {
			t.Errorf("HasArticle(%q) = %v, %v; want false, nil", id, ok, err)
		}
	}
}

func testOrder(t *testing.T, open Open) {
	s := open(t)
	// Stored in an order unrelated to publication.
	put(t, s,
		article("undated-1", time.Time{}),
		article("mid", day(2025, 8, 24, 0)),
		article("old", day(1987, 2, 26, 15*time.Hour)),
	)
	put(t, s,
		article("new", day(2025, 12, 4, 0)),
		article("undated-2", time.Time{}),
		article("mid-later", day(2025, 8, 24, time.Microsecond)),
	)
	got := ids(list(t, s, store.ArticleQuery{}))
	wantDated := []string{"new", "mid-later", "mid", "old"}
	if len(got) != 6 || !slices.Equal(got[:4], wantDated) {
		t.Fatalf("order = %v, want %v then the two undated", got, wantDated)
	}
	undated := got[4:]
	slices.Sort(undated)
	if !slices.Equal(undated, []string{"undated-1", "undated-2"}) {
		t.Errorf("undated tail = %v", got[4:])
	}
}

func testPaging(t *testing.T, open Open) {
	s := open(t)
	var batch []news.Article
	for i := range 23 {
		// Several articles share a time so ties must page stably.
		batch = append(batch, article(fmt.Sprintf("p%02d", i), day(2025, 1, 1+i%5, 0)))
	}
	for i := range 4 {
		batch = append(batch, article(fmt.Sprintf("u%02d", i), time.Time{}))
	}
	put(t, s, batch...)
	all := ids(list(t, s, store.ArticleQuery{Limit: 100}))
	if len(all) != len(batch) {
		t.Fatalf("listed %d, want %d", len(all), len(batch))
	}
	for _, size := range []int{1, 4, 7, 27, 30} {
		var paged []string
		for off := 0; off < len(batch)+size; off += size {
			paged = append(paged, ids(list(t, s, store.ArticleQuery{Limit: size, Offset: off}))...)
		}
		if !slices.Equal(paged, all) {
			t.Errorf("pages of %d = %v, want %v", size, paged, all)
		}
	}
	if got := list(t, s, store.ArticleQuery{Limit: 5, Offset: 100}); len(got) != 0 {
		t.Errorf("offset past the end listed %v", ids(got))
	}
	if got := ids(list(t, s, store.ArticleQuery{Limit: 3, Offset: -5})); !slices.Equal(got, all[:3]) {
		t.Errorf("negative offset listed %v, want %v", got, all[:3])
	}
}

func testDefaultLimit(t *testing.T, open Open) {
	s := open(t)
	var batch []news.Article
	for i := range 60 {
		batch = append(batch, article(fmt.Sprintf("d%02d", i), day(2025, 1, 1, time.Duration(i)*time.Hour)))
	}
	put(t, s, batch...)
	for _, limit := range []int{0, -1} {
		if got := list(t, s, store.ArticleQuery{Limit: limit}); len(got) != 50 {
			t.Errorf("Limit %d listed %d, want the default 50", limit, len(got))
		}
	}
}

func testOutlet(t *testing.T, open Open) {
	s := open(t)
	mk := func(id, outlet, origin string, d int) news.Article {
		a := article(id, day(2025, 9, d, 0))
		a.Outlet, a.OriginOutlet = outlet, origin
		return a
	}
	put(t, s,
		mk("kyiv-direct", "Kyiv Independent", "", 1),
		mk("kyiv-via-msn", "MSN", "Kyiv Independent", 2),
		mk("tass-via-msn", "MSN", "TASS", 3),
		mk("reuters", "Reuters", "Reuters", 4),
		mk("reuters-lower", "reuters", "", 5),
		mk("ap-domain", "apnews.com", "", 6),
		mk("ap-long", "Yahoo News", "The Associated Press", 7),
		mk("rt-host", "www.rt.com", "", 8),
	)
	// Any spelling of an outlet the registry knows (name, short name,
	// domain, case) finds the articles whatever spelling they carry.
	ap := []string{"ap-long", "ap-domain"}
	cases := []struct {
		outlet string
		want   []string
	}{
		{"Kyiv Independent", []string{"kyiv-via-msn", "kyiv-direct"}},
		{"MSN", []string{"tass-via-msn", "kyiv-via-msn"}},
		{"TASS", []string{"tass-via-msn"}},
		{"Reuters", []string{"reuters-lower", "reuters"}},
		{"reuters.com", []string{"reuters-lower", "reuters"}},
		{"AP", ap},
		{"apnews.com", ap},
		{"The Associated Press", ap},
		{"RT", []string{"rt-host"}},
		{"Reu", nil},
		{"Kyiv", nil},
		{"%", nil},
		{"", []string{"rt-host", "ap-long", "ap-domain", "reuters-lower", "reuters", "tass-via-msn", "kyiv-via-msn", "kyiv-direct"}},
	}
	for _, tc := range cases {
		got := ids(list(t, s, store.ArticleQuery{Outlet: tc.outlet}))
		if !slices.Equal(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
			t.Errorf("Outlet %q: got %v, want %v", tc.outlet, got, tc.want)
		}
	}
}

func testSinceUntil(t *testing.T, open Open) {
	s := open(t)
	put(t, s,
		article("jul", day(2025, 7, 3, 0)),
		article("aug-24", day(2025, 8, 24, 0)),
		article("aug-24-late", day(2025, 8, 24, 23*time.Hour+59*time.Minute)),
		article("sep", day(2025, 9, 24, 0)),
		article("undated", time.Time{}),
	)
	eest := time.FixedZone("EEST", 3*3600)
	cases := []struct {
		name         string
		since, until time.Time
		want         []string
	}{
		{"since inclusive", day(2025, 8, 24, 0), time.Time{}, []string{"sep", "aug-24-late", "aug-24"}},
		{"until exclusive", time.Time{}, day(2025, 8, 24, 0), []string{"jul"}},
		{"one day", day(2025, 8, 24, 0), day(2025, 8, 25, 0), []string{"aug-24-late", "aug-24"}},
		{"empty window", day(2025, 8, 25, 0), day(2025, 8, 25, 0), nil},
		{"inverted window", day(2025, 9, 1, 0), day(2025, 8, 1, 0), nil},
		{"other zone", time.Date(2025, 8, 25, 2, 59, 0, 0, eest), time.Time{}, []string{"sep", "aug-24-late"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ids(list(t, s, store.ArticleQuery{Since: tc.since, Until: tc.until}))
			if !slices.Equal(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
	got := ids(list(t, s, store.ArticleQuery{Outlet: "Outlet", Since: day(2025, 8, 1, 0), Limit: 2}))
	if want := []string{"sep", "aug-24-late"}; !slices.Equal(got, want) {
		t.Errorf("outlet, since and limit combined: got %v, want %v", got, want)
	}
}

func testCount(t *testing.T, open Open) {
	s := open(t)
	if c := count(t, s); c != 0 {
		t.Fatalf("new store counts %d", c)
	}
	put(t, s, article("a", time.Time{}), article("b", time.Time{}))
	put(t, s, article("b", time.Time{}), article("c", time.Time{}))
	if c := count(t, s); c != 3 {
		t.Errorf("count = %d, want 3", c)
	}
}

// searchCorpus is a small set of made-up articles for the search tests.
func searchCorpus() []news.Article {
	mk := func(id, title, text string, d int) news.Article {
		a := article(id, day(2025, 10, d, 0))
		a.Title, a.Text, a.Removed = title, text, nil
		return a
	}
	return []news.Article{
		mk("plan", "Envoys discuss the peace plan",
			"Negotiators met in Geneva to discuss a twenty-point peace plan. The peace plan was drafted in Miami.", 1),
		mk("plan-for-peace", "A plan for lasting peace?",
			"Officials said a plan for peace would need guarantees. Critics doubt any plan.", 2),
		mk("kremlin", "Kremlin aide comments on talks",
			"Yuri Ushakov, a Kremlin aide, told reporters that the talks were useful.\n\nHe gave no details.", 3),
		mk("cyrillic", "Ушаков прокоментував переговори",
			"Помічник Кремля Юрій Ушаков заявив, що переговори були корисними.", 4),
		mk("weather", "Storm hits the coast",
			"Heavy rain and wind closed roads on Tuesday; no negotiations were affected.", 5),
		mk("syntax", `Brackets (and) "quotes" * stars`,
			`A text with NEAR, AND, OR, NOT and minus-signs: co-operation, e-mail.`, 6),
	}
}

func search(t *testing.T, s store.Store, q string, limit int) []store.SearchHit {
	t.Helper()
	hits, err := s.Search(t.Context(), q, limit)
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	return hits
}

func testSearch(t *testing.T, open Open) {
	s := open(t)
	corpus := searchCorpus()
	put(t, s, corpus...)
	cases := []struct {
		query string
		want  []string // as a set
	}{
		{"Ushakov", []string{"kremlin"}},
		{"ushakov", []string{"kremlin"}},
		{"USHAKOV", []string{"kremlin"}},
		{"Ушаков", []string{"cyrillic"}},
		{"ушаков переговори", []string{"cyrillic"}},
		{"kremlin aide", []string{"kremlin"}},
		{"Kremlin Geneva", nil}, // all terms must match
		{"peace", []string{"plan", "plan-for-peace"}},
		{"storm", []string{"weather"}}, // title only
		{"  Geneva\t", []string{"plan"}},
		{"nonexistentword", nil},
		{"", nil},
		{"   \n\t", nil},
	}
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			hits := search(t, s, tc.query, 10)
			got := hitIDs(hits)
			slices.Sort(got)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("hits = %v, want %v", got, want)
			}
			for _, h := range hits {
				i := slices.IndexFunc(corpus, func(a news.Article) bool { return a.ID == h.Article.ID })
				if d := diff(corpus[i], h.Article); d != "" {
					t.Errorf("hit %q carries a different article: %s", h.Article.ID, d)
				}
				if strings.Join(strings.Fields(h.Snippet), " ") != h.Snippet {
					t.Errorf("hit %q snippet %q is not on one line with single spaces", h.Article.ID, h.Snippet)
				}
				if !markedTerm(h.Snippet, strings.Fields(tc.query)) {
					t.Errorf("hit %q snippet %q marks none of %q in [ ]", h.Article.ID, h.Snippet, tc.query)
				}
			}
		})
	}
}

// markedTerm reports whether snippet holds "[x]" where x, case folded,
// starts with one of the terms (stemming backends may mark "talks" for
// "talk").
func markedTerm(snippet string, terms []string) bool {
	rest := snippet
	for {
		i := strings.Index(rest, "[")
		if i < 0 {
			return false
		}
		j := strings.Index(rest[i:], "]")
		if j < 0 {
			return false
		}
		marked := strings.ToLower(rest[i+1 : i+j])
		for _, term := range terms {
			term = strings.ToLower(strings.Trim(term, `"*`))
			if len(term) >= 4 && strings.HasPrefix(marked, term[:4]) || marked == term {
				return true
			}
		}
		rest = rest[i+j:]
	}
}

func testSearchPhrase(t *testing.T, open Open) {
	s := open(t)
	put(t, s, searchCorpus()...)
	cases := []struct {
		query string
		want  []string
	}{
		{`"peace plan"`, []string{"plan"}},
		{`"plan for peace"`, []string{"plan-for-peace"}},
		{`"Kremlin aide" useful`, []string{"kremlin"}},
		{`"Kremlin aide" Geneva`, nil},
		{`"peace plan`, []string{"plan"}}, // unclosed quote runs to the end
		{`""`, nil},
		{`" "`, nil},
	}
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			got := hitIDs(search(t, s, tc.query, 10))
			if !slices.Equal(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
				t.Errorf("hits = %v, want %v", got, tc.want)
			}
		})
	}
}

func testSearchPrefix(t *testing.T, open Open) {
	s := open(t)
	put(t, s, searchCorpus()...)
	got := hitIDs(search(t, s, "negotiat*", 10))
	slices.Sort(got)
	if want := []string{"plan", "weather"}; !slices.Equal(got, want) {
		t.Errorf("negotiat* hits = %v, want %v", got, want)
	}
	if got := hitIDs(search(t, s, "negotiat", 10)); len(got) != 0 {
		t.Errorf("without * the word negotiat matched %v", got)
	}
}

func testSearchRanking(t *testing.T, open Open) {
	s := open(t)
	filler := strings.Repeat("The session covered budgets, schools, roads and other matters of the region. ", 20)
	mk := func(id, title, text string) news.Article {
		a := article(id, time.Time{})
		a.Title, a.Text = title, text
		return a
	}
	put(t, s,
		mk("passing", "Regional council session", filler+"One speaker mentioned sanctions in passing. "+filler),
		mk("focused", "Sanctions on oil exports", "New sanctions target oil exports. The sanctions take effect in May; sanctions experts expect more."),
		mk("middle", "Regional news", "Sanctions were discussed. "+filler),
	)
	hits := search(t, s, "sanctions", 10)
	got := hitIDs(hits)
	if len(got) != 3 || got[0] != "focused" || got[2] != "passing" {
		t.Errorf("ranking = %v, want focused first and passing last", got)
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Score > hits[i-1].Score {
			t.Errorf("scores not in decreasing order: %v then %v", hits[i-1].Score, hits[i].Score)
		}
	}
}

func testSearchSyntax(t *testing.T, open Open) {
	s := open(t)
	put(t, s, searchCorpus()...)
	queries := []string{
		`"`, `""""`, `*`, `**`, `(`, `)`, `()`, `(peace`, `peace)`, `NEAR`, `NEAR(peace plan)`,
		`NEAR(peace plan, 2)`, `-`, `-peace`, `peace -plan`, `--`, `AND`, `OR`, `NOT`, `peace AND`,
		`OR peace`, `peace NOT plan`, `:`, `title:peace`, `text:`, `^peace`, `^`, `'`, `peace'`,
		`\`, `\"`, `+`, `+peace`, `{title text}: peace`, `peace*plan`, `*peace`, `%`, `_`, `?`,
		`;`, `'; DROP TABLE articles; --`, "\x00", "peace\x00plan", "\xff\xfe", "a\u200bb", "🕊",
		`[`, `]`, `,`, `.`, `peace.`, `"peace" "`, `"peace plan" "`, `NEAR/3`, `peace NEAR/3 plan`,
		`rank:1`, `rowid`, `MATCH`, `articles_fts`, `*"peace"*`, strings.Repeat("peace ", 200),
		strings.Repeat(`"(`, 100), `co-operation`, `e-mail`, `minus-signs`,
	}
	for _, q := range queries {
		hits, err := s.Search(t.Context(), q, 5)
		if err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
		for _, h := range hits {
			if h.Article.ID == "" {
				t.Errorf("Search(%q): hit without an article", q)
			}
		}
	}
	// Operator words are plain words: "NOT" finds the article that has it.
	for _, q := range []string{"NEAR", "AND", "NOT", "OR", "co-operation", `"and) \"quotes"`} {
		got := hitIDs(search(t, s, q, 10))
		if !slices.Contains(got, "syntax") {
			t.Errorf("Search(%q) = %v, want it to find the article containing it", q, got)
		}
	}
}

func testSearchLimit(t *testing.T, open Open) {
	s := open(t)
	var batch []news.Article
	for i := range 60 {
		a := article(fmt.Sprintf("l%02d", i), time.Time{})
		a.Text = "Common word here. " + strings.Repeat("filler ", i)
		batch = append(batch, a)
	}
	put(t, s, batch...)
	for _, tc := range []struct{ limit, want int }{{3, 3}, {60, 60}, {100, 60}, {0, 50}, {-2, 50}} {
		if got := search(t, s, "common", tc.limit); len(got) != tc.want {
			t.Errorf("limit %d: %d hits, want %d", tc.limit, len(got), tc.want)
		}
	}
}

// testSearchSeeds stores the five seed articles (raw text) and checks the
// founding acceptance test: "Ushakov" finds two of them.
func testSearchSeeds(t *testing.T, open Open) {
	dir := sharedtest.Dir(t, "corpus", "seeds")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) != 5 {
		t.Fatalf("seeds: %d files, %v", len(files), err)
	}
	s := open(t)
	var batch []news.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		batch = append(batch, news.Article{ID: news.ContentID(text), Text: text, Source: filepath.Base(f)})
	}
	if n := put(t, s, batch...); n != 5 {
		t.Fatalf("added %d seeds, want 5", n)
	}
	if n := put(t, s, batch...); n != 0 {
		t.Errorf("re-ingesting the seeds added %d, want 0", n)
	}
	hits := search(t, s, "Ushakov", 10)
	var got []string
	for _, h := range hits {
		got = append(got, h.Article.Source)
		if !strings.Contains(h.Snippet, "[Ushakov]") {
			t.Errorf("%s: snippet %q lacks [Ushakov]", h.Article.Source, h.Snippet)
		}
	}
	slices.Sort(got)
	if want := []string{"003_91262211253a423d.txt", "004_1d6ada1cc2e61389.txt"}; !slices.Equal(got, want) {
		t.Errorf("Ushakov found %v, want %v", got, want)
	}
}

// testConcurrentReaders reads continuously while batches are written: no
// reader may fail or see part of a batch.
func testConcurrentReaders(t *testing.T, open Open) {
	s := open(t)
	const batches, size, readers = 20, 25, 4
	ctx := t.Context()
	var done atomic.Bool
	var wg sync.WaitGroup
	errs := make(chan error, readers*4)
	for r := range readers {
		wg.Go(func() {
			last := 0
			for i := 0; !done.Load() || i < 3; i++ {
				n, err := s.CountArticles(ctx)
				if err != nil {
					errs <- fmt.Errorf("reader %d: count: %w", r, err)
					return
				}
				if n%size != 0 || n < last {
					errs <- fmt.Errorf("reader %d: count %d after %d: a partial batch is visible", r, n, last)
					return
				}
				last = n
				list, err := s.Articles(ctx, store.ArticleQuery{Limit: 1000})
				if err != nil {
					errs <- fmt.Errorf("reader %d: list: %w", r, err)
					return
				}
				if len(list)%size != 0 {
					errs <- fmt.Errorf("reader %d: listed %d, not whole batches", r, len(list))
					return
				}
				hits, err := s.Search(ctx, "concurrent", 1000)
				if err != nil {
					errs <- fmt.Errorf("reader %d: search: %w", r, err)
					return
				}
				if len(hits)%size != 0 {
					errs <- fmt.Errorf("reader %d: search found %d, not whole batches", r, len(hits))
					return
				}
			}
		})
	}
	for b := range batches {
		batch := make([]news.Article, size)
		for i := range batch {
			batch[i] = article(fmt.Sprintf("c%02d-%02d", b, i), day(2025, 1, 1, time.Duration(b*size+i)*time.Minute))
			batch[i].Text = "A concurrent write test article."
		}
		if n, err := s.PutArticles(ctx, batch); err != nil || n != size {
			t.Errorf("batch %d: added %d, %v", b, n, err)
		}
	}
	done.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if c := count(t, s); c != batches*size {
		t.Errorf("final count %d, want %d", c, batches*size)
	}
}

// testConcurrentWriters writes from several goroutines at once, with
// overlapping batches: none may fail, and every article is counted once.
func testConcurrentWriters(t *testing.T, open Open) {
	s := open(t)
	const writers, batches, size = 4, 10, 20
	var added atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, writers*batches)
	for w := range writers {
		wg.Go(func() {
			for b := range batches {
				batch := make([]news.Article, size)
				for i := range batch {
					// Half of writer w's IDs are also writer w+1's.
					id := fmt.Sprintf("w%d-b%02d-%02d", (w+i%2)%writers, b, i-i%2)
					batch[i] = article(id, time.Time{})
				}
				n, err := s.PutArticles(t.Context(), batch)
				if err != nil {
					errs <- fmt.Errorf("writer %d batch %d: %w", w, b, err)
					return
				}
				added.Add(int64(n))
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	c := count(t, s)
	if int64(c) != added.Load() {
		t.Errorf("count %d, but the writers were told %d were added", c, added.Load())
	}
	if want := writers * batches * size / 2; c != want {
		t.Errorf("count %d, want %d distinct IDs", c, want)
	}
}

// testClose checks that Close can be called twice and that a closed store
// fails cleanly rather than panicking.
func testClose(t *testing.T, open Open) {
	s := open(t)
	put(t, s, article("a", time.Time{}))
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	ctx := t.Context()
	if _, err := s.PutArticles(ctx, []news.Article{article("b", time.Time{})}); err == nil {
		t.Error("PutArticles after Close: no error")
	}
	if _, err := s.Article(ctx, "a"); err == nil {
		t.Error("Article after Close: no error")
	}
	if _, err := s.Articles(ctx, store.ArticleQuery{}); err == nil {
		t.Error("Articles after Close: no error")
	}
	if _, err := s.CountArticles(ctx); err == nil {
		t.Error("CountArticles after Close: no error")
	}
	if _, err := s.HasArticle(ctx, "a"); err == nil {
		t.Error("HasArticle after Close: no error")
	}
	if _, err := s.Search(ctx, "title", 5); err == nil {
		t.Error("Search after Close: no error")
	}
}
