package pipeline

import (
	"cmp"
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// recordingStore keeps every batch the Analyzer saves.
type recordingStore struct {
	*sqlite.DB
	mu      sync.Mutex
	batches []store.AnalysisBatch
}

func (s *recordingStore) SaveAnalysis(ctx context.Context, b store.AnalysisBatch) error {
	s.mu.Lock()
	s.batches = append(s.batches, b)
	s.mu.Unlock()
	return s.DB.SaveAnalysis(ctx, b)
}

// normalBatch sorts what a batch holds in no particular order: the
// storylines by ID and the merges (fullDiff lists the storyline merges in
// map order).
func normalBatch(b store.AnalysisBatch) store.AnalysisBatch {
	b.Storylines = slices.Clone(b.Storylines)
	slices.SortFunc(b.Storylines, func(x, y news.Storyline) int { return strings.Compare(x.ID, y.ID) })
	b.Merges = slices.Clone(b.Merges)
	slices.SortStableFunc(b.Merges, func(x, y news.Merge) int {
		return cmp.Or(strings.Compare(x.Kind, y.Kind), strings.Compare(x.From, y.From), strings.Compare(x.Into, y.Into))
	})
	if len(b.EntityIDs) == 0 {
		b.EntityIDs = nil
	}
	return b
}

// sameState compares two snapshots of the Analyzer (stage state entries)
// as decoded state, with merged stories and storylines pointing straight
// at the one that holds them: looking up a story or storyline shortens
// the chains of merges as it follows them (path compression), and the
// full diff, which looks every storyline up, shortens more of them.
func sameState(t *testing.T, got, want map[string][]byte) bool {
	t.Helper()
	if len(got) != len(want) || string(got[stateMark]) != string(want[stateMark]) {
		return false
	}
	if want[stateName] == nil {
		return got[stateName] == nil
	}
	decode := func(b []byte) analyzerState {
		s, err := decodeState(b)
		if err != nil {
			t.Fatal(err)
		}
		for i := range s.Cluster.Stories {
			for at := s.Cluster.Stories[i].Into; at >= 0 && s.Cluster.Stories[at].Into >= 0; at = s.Cluster.Stories[i].Into {
				s.Cluster.Stories[i].Into = s.Cluster.Stories[at].Into
			}
		}
		for i := range s.Cluster.Lines {
			for at := s.Cluster.Lines[i].Into; at >= 0 && s.Cluster.Lines[at].Into >= 0; at = s.Cluster.Lines[i].Into {
				s.Cluster.Lines[i].Into = s.Cluster.Lines[at].Into
			}
		}
		return s
	}
	return reflect.DeepEqual(decode(got[stateName]), decode(want[stateName]))
}

// TestDiffMatchesFull runs a realistic stream — the news-clusters set, the
// seeds and the first Reuters file, stored one file after another and
// analysed in small batches, with a restart in the middle that restores
// the snapshot and replays the articles analysed after it — once with the
// per-batch diff and once with the full diff after every batch, and
// requires the same batches, one by one: the same stories, storylines,
// deletions, merge records, entities and entity IDs.
func TestDiffMatchesFull(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses news-clusters, a Reuters file and the seeds twice")
	}
	ctx := context.Background()
	files, err := filepath.Glob(filepath.Join(sharedtest.Dir(t, "eval", "news-clusters"), "*.json"))
	if err != nil || len(files) < 300 {
		t.Fatalf("news-clusters: %d files, %v", len(files), err)
	}
	reuters := filepath.Join(sharedtest.Dir(t, "corpus", "reuters21578"), "0.sgm")
	// In big batches first, while the collection is small: the article
	// count behind term weights moves in every batch, so every label may
	// change. Then, after the restart, in batches of 3 into a collection
	// of 1,200: most batches leave that count alone, and only the labels
	// whose terms' document frequencies moved can change.
	first := append(slices.Clone(files[:150]), reuters)
	one := files[150:151]
	second := append(slices.Clone(files[151:]), sharedtest.Dir(t, "corpus", "seeds"))

	run := func(full bool) []store.AnalysisBatch {
		db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		rs := &recordingStore{DB: db}
		put := func(paths []string) {
			inputs, errs := ingest.Expand(paths)
			if len(errs) > 0 {
				t.Fatal(errs[0])
			}
			// One worker and one reader: the same store order, hence the
			// same batches, in both runs.
			if _, err := Ingest(ctx, db, &ingest.Reader{}, inputs, Options{Workers: 1, Readers: 1}); err != nil {
				t.Fatal(err)
			}
		}
		analyse := func(z *Analyzer, size int) AnalyzeSummary {
			z.BatchSize, z.fullDiffs = size, full
			sum, err := z.Analyze(ctx, rs)
			if err != nil {
				t.Fatal(err)
			}
			return sum
		}
		put(first)
		z := NewAnalyzer(nil)
		n := analyse(z, 60).Articles
		put(one) // analysed after the snapshot: replayed after the restart
		analyse(z, 60)
		put(second)
		if sum := analyse(NewAnalyzer(nil), 3); sum.Restored != n || sum.Replayed != 1 {
			t.Fatalf("restart: %+v, want %d restored and 1 replayed", sum, n)
		}
		return rs.batches
	}
	want := run(true)
	got := run(false)
	if len(got) != len(want) {
		t.Fatalf("%d batches, full diff %d", len(got), len(want))
	}
	var lines, deleted, lineMerges, ents, regrouped int
	canon := map[string]string{}
	for i := range want {
		g, w := normalBatch(got[i]), normalBatch(want[i])
		if !reflect.DeepEqual(g.Storylines, w.Storylines) {
			t.Errorf("batch %d: %d storylines, full diff %d (or they differ)", i, len(g.Storylines), len(w.Storylines))
		}
		if !reflect.DeepEqual(g.DeletedStorylines, w.DeletedStorylines) || !reflect.DeepEqual(g.Merges, w.Merges) {
			t.Errorf("batch %d: deleted storylines %v merges %v; full diff %v %v", i, g.DeletedStorylines, g.Merges, w.DeletedStorylines, w.Merges)
		}
		if !reflect.DeepEqual(g.EntityIDs, w.EntityIDs) {
			t.Errorf("batch %d: %d entity IDs, full diff %d (or they differ)", i, len(g.EntityIDs), len(w.EntityIDs))
		}
		if !sameState(t, g.State, w.State) {
			t.Errorf("batch %d: the analyser's state differs from the full diff run's", i)
		}
		if g.State, w.State = nil, nil; !reflect.DeepEqual(g, w) {
			t.Errorf("batch %d differs from the full diff's", i)
		}
		lines += len(w.Storylines)
		deleted += len(w.DeletedStorylines)
		for _, m := range w.Merges {
			if m.Kind == "storyline" {
				lineMerges++
			}
		}
		ents += len(w.Entities)
		for local, c := range w.EntityIDs {
			if _, ok := canon[local]; ok {
				regrouped++
			}
			canon[local] = c
		}
	}
	t.Logf("%d batches: %d storylines written, %d deleted (%d merge records), %d entities, %d entity IDs regrouped",
		len(want), lines, deleted, lineMerges, ents, regrouped)
	if deleted == 0 || lineMerges == 0 || regrouped == 0 {
		t.Error("the stream does not exercise storyline deletions, their merge records or regrouped entity IDs")
	}
}
