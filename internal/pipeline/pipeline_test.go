package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
)

// memStore keeps articles in memory and can fail a chosen batch.
type memStore struct {
	mu      sync.Mutex
	byID    map[string]news.Article
	batches int
	failOn  int // 1-based batch number that fails; 0 never
}

func (m *memStore) PutArticles(_ context.Context, arts []news.Article) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.batches++
	if m.batches == m.failOn {
		return 0, errors.New("disk full")
	}
	if m.byID == nil {
		m.byID = map[string]news.Article{}
	}
	added := 0
	for _, a := range arts {
		if _, ok := m.byID[a.ID]; !ok {
			m.byID[a.ID] = a
			added++
		}
	}
	return added, nil
}

func writeJSONL(t *testing.T, n int) ingest.Input {
	t.Helper()
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"title":"Story %d","text":"Harbour officials in port number %d reported that shipments of grain resumed after a pause of several days, according to a statement.","outlet":"Testwire","published":"2024-03-%02d"}`+"\n", i, i, i%28+1)
	}
	p := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return ingest.Input{Name: p, Kind: ingest.KindJSONL}
}

func TestIngestCountsAndIdempotence(t *testing.T) {
	in := writeJSONL(t, 120)
	st := &memStore{}
	var last Progress
	sum, err := Ingest(context.Background(), st, &ingest.Reader{}, []ingest.Input{in, in}, Options{
		BatchSize: 25, Progress: func(p Progress) { last = p },
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Docs != 240 || sum.Added != 120 || sum.Existing != 120 || sum.Failed != 0 {
		t.Errorf("summary = %+v", sum)
	}
	if last.Docs != 240 || last.InputsDone != 2 || last.Added != 120 {
		t.Errorf("last progress = %+v", last)
	}
	a := st.byID[news.ContentID(st.byID[firstKey(st.byID)].Text)]
	if a.Outlet != "Testwire" || a.Published.IsZero() || a.PublishedEstimated {
		t.Errorf("stored article lost given fields: %+v", a)
	}
}

func firstKey(m map[string]news.Article) string {
	for k := range m {
		return k
	}
	return ""
}

func TestIngestStoreFailureStops(t *testing.T) {
	in := writeJSONL(t, 200)
	st := &memStore{failOn: 2}
	sum, err := Ingest(context.Background(), st, &ingest.Reader{}, []ingest.Input{in}, Options{BatchSize: 50, FlushEvery: time.Hour})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v, want the store's error", err)
	}
	if sum.Added != 50 || len(st.byID) != 50 {
		t.Errorf("added %d, stored %d; want the first batch (50) kept", sum.Added, len(st.byID))
	}
}

func TestIngestCancelled(t *testing.T) {
	in := writeJSONL(t, 50)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Ingest(ctx, &memStore{}, &ingest.Reader{}, []ingest.Input{in}, Options{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestCleanOverrides(t *testing.T) {
	d := ingest.Doc{Name: "x.txt", Format: ingest.FormatText, Published: "26-FEB-1987 15:01:01.79",
		Body: []byte("Showers continued throughout the week in the cocoa zone, alleviating the drought since early January, the review said.")}
	a, err := Clean(d, CleanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(1987, 2, 26, 15, 1, 1, 790000000, time.UTC); !a.Published.Equal(want) || a.PublishedEstimated {
		t.Errorf("published = %v (estimated %v), want %v", a.Published, a.PublishedEstimated, want)
	}
	pub := time.Date(2025, 12, 4, 0, 0, 0, 0, time.UTC)
	a, err = Clean(d, CleanOptions{Outlet: "Given", Published: pub})
	if err != nil {
		t.Fatal(err)
	}
	if a.Outlet != "Given" || !a.Published.Equal(pub) || a.ID != news.ContentID(a.Text) || a.Source != "x.txt" {
		t.Errorf("overrides not applied: %+v", a)
	}
	if _, err := Clean(ingest.Doc{Name: "empty.txt", Format: ingest.FormatText}, CleanOptions{}); err == nil || !strings.Contains(err.Error(), "empty.txt") {
		t.Errorf("empty doc: err = %v, want an error naming it", err)
	}
}
