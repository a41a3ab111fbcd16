package engine

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

// scanStore is a Reader over a growing list of articles whose full scans
// (Articles) can be made to block until released, as a large corpus's scan
// takes long; the story "s" holds the first two articles.
type scanStore struct {
	mu    sync.Mutex
	arts  []news.Article
	block chan struct{} // when set, Articles waits for it to close
	scans int
}

func (s *scanStore) add(a news.Article) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.arts = append(s.arts, a)
}

func (s *scanStore) Story(_ context.Context, id string) (news.Story, error) {
	if id != "s" {
		return news.Story{}, store.ErrNotFound
	}
	return news.Story{ID: "s", Title: "Bridge", ArticleIDs: []string{"b1", "b2"}}, nil
}

func (s *scanStore) Storyline(context.Context, string) (news.Storyline, error) {
	return news.Storyline{}, store.ErrNotFound
}

func (s *scanStore) Article(_ context.Context, id string) (news.Article, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range s.arts {
		if a.ID == id {
			return a, nil
		}
	}
	return news.Article{}, store.ErrNotFound
}

func (s *scanStore) Articles(ctx context.Context, q store.ArticleQuery) ([]news.Article, error) {
	s.mu.Lock()
	block := s.block
	s.scans++
	s.mu.Unlock()
	if block != nil {
		select {
		case <-block:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if q.Offset >= len(s.arts) {
		return nil, nil
	}
	end := min(len(s.arts), q.Offset+q.Limit)
	return append([]news.Article(nil), s.arts[q.Offset:end]...), nil
}

func (s *scanStore) CountArticles(context.Context) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.arts), nil
}

func (s *scanStore) Quotes(context.Context, store.QuoteQuery) ([]news.Quote, error) { return nil, nil }

func (s *scanStore) Analysis(context.Context, string) (store.ArticleAnalysis, error) {
	return store.ArticleAnalysis{}, store.ErrNotFound
}

func bridgeArticle(i int) news.Article {
	return news.Article{ID: fmt.Sprintf("b%d", i), Outlet: fmt.Sprintf("Outlet %d", i%3),
		Title: fmt.Sprintf("Bridge report %d", i),
		Text:  fmt.Sprintf("Engineers closed the harbour bridge after inspection number %d found cracked girders.", i)}
}

// TestComparerServesOldBackgroundDuringRebuild: while articles are added
// and the rebuild's scan of the store is stuck, comparisons return at once
// with the previous background; once the store settles the background
// equals a fresh build.
func TestComparerServesOldBackgroundDuringRebuild(t *testing.T) {
	ctx := context.Background()
	st := &scanStore{}
	for i := 1; i <= 3; i++ {
		st.add(bridgeArticle(i))
	}
	c := NewComparer(st, nil, nil)
	first, err := c.CompareStory(ctx, "s")
	if err != nil {
		t.Fatal(err)
	}
	if b, at := c.BackgroundBuilds(); b != 1 || at != 3 {
		t.Fatalf("after the first comparison: %d builds at %d articles; want 1 at 3", b, at)
	}

	// Articles arrive while every scan of the store blocks.
	block := make(chan struct{})
	st.mu.Lock()
	st.block = block
	st.mu.Unlock()
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Go(func() {
		for i := 4; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			st.add(bridgeArticle(i))
			time.Sleep(time.Millisecond)
		}
	})
	for range 20 {
		rctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		t0 := time.Now()
		got, err := c.CompareStory(rctx, "s")
		cancel()
		if err != nil {
			t.Fatalf("compare during a rebuild: %v (after %v)", err, time.Since(t0))
		}
		if d := time.Since(t0); d > time.Second {
			t.Fatalf("compare waited %v for a rebuild", d)
		}
		if !reflect.DeepEqual(got, first) {
			t.Fatalf("compare during a rebuild used another background")
		}
	}
	if b, _ := c.BackgroundBuilds(); b != 1 {
		t.Errorf("%d builds finished while the scan was blocked; want 1", b)
	}
	close(stop)
	wg.Wait()
	st.mu.Lock()
	st.block = nil
	st.mu.Unlock()
	close(block)

	got, err := c.Refresh(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := NewComparer(st, nil, nil).Background(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, fresh) {
		t.Errorf("settled background of %d articles, %d terms; a fresh build has %d, %d",
			got.Articles, len(got.Terms), fresh.Articles, len(fresh.Terms))
	}
	cmpNow, err := c.CompareStory(ctx, "s")
	if err != nil {
		t.Fatal(err)
	}
	cmpFresh, err := NewComparer(st, nil, nil).CompareStory(ctx, "s")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cmpNow, cmpFresh) {
		t.Errorf("settled comparison differs from a fresh one")
	}
}

// TestComparerReadsBoundedText: an article far longer than the analysis
// limit is compared, counted in the background and briefed on the prefix
// the analysis read, fast.
func TestComparerReadsBoundedText(t *testing.T) {
	ctx := context.Background()
	st := &scanStore{}
	st.add(bridgeArticle(1))
	huge := bridgeArticle(2)
	var b strings.Builder
	for i := 0; b.Len() < 6<<20; i++ {
		fmt.Fprintf(&b, "Inspectors logged girder %d of the harbour bridge as sound. ", i)
	}
	huge.Text = b.String() + " zebracorn"
	st.add(huge)
	c := NewComparer(st, nil, nil)
	t0 := time.Now()
	if _, err := c.CompareStory(ctx, "s"); err != nil {
		t.Fatal(err)
	}
	bg, err := c.Background(ctx)
	if err != nil {
		t.Fatal(err)
	}
	limit := 10 * time.Second
	if raceEnabled {
		limit *= 10
	}
	if d := time.Since(t0); d > limit {
		t.Errorf("comparison of a 6 MB article took %v", d)
	}
	prefix, _ := pipeline.AnalysedText(huge.Text)
	want := len(compare.TermsLang(huge.Title+"\n"+prefix, huge.Language)) + len(compare.TermsLang(st.arts[0].Title+"\n"+st.arts[0].Text, st.arts[0].Language))
	if bg.Total != want || bg.Terms["zebracorn"] != 0 {
		t.Errorf("background of %d terms (zebracorn %d); want the %d of the analysed prefixes", bg.Total, bg.Terms["zebracorn"], want)
	}
	a, err := c.r.Article(ctx, "b2")
	if err != nil || a.Text != prefix {
		t.Errorf("article read for comparison has %d bytes (%v); want the %d of the prefix", len(a.Text), err, len(prefix))
	}
}
