package storetest

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// AnalysisStore is a backend that keeps articles and their analysis.
type AnalysisStore interface {
	store.Store
	store.Analyses
}

// OpenAnalyses returns a new, empty store for one test.
type OpenAnalyses func(t *testing.T) AnalysisStore

// RunAnalyses runs the contract suite of store.Analyses.
func RunAnalyses(t *testing.T, open OpenAnalyses) {
	tests := []struct {
		name string
		fn   func(*testing.T, AnalysisStore)
	}{
		{"PendingAndWalk", testPendingAndWalk},
		{"StoriesAndMerges", testStoriesAndMerges},
		{"Storylines", testStorylines},
		{"QuotesAndEntities", testQuotesAndEntities},
		{"NamesInAnyScript", testNamesInAnyScript},
		{"OutletSpellings", testOutletSpellings},
		{"AllOrNothing", testAnalysisAllOrNothing},
		{"StateAndReset", testStateAndReset},
		{"RequiredState", testRequiredState},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open(t)) })
	}
}

var summit = time.Date(2025, 8, 15, 12, 0, 0, 0, time.UTC)

// putN stores n small articles a0..a(n-1), one summit apart.
func putN(t *testing.T, s AnalysisStore, n int) []news.Article {
	t.Helper()
	var arts []news.Article
	for i := range n {
		arts = append(arts, news.Article{
			ID: "a" + string(rune('0'+i)), Title: "Article " + string(rune('0'+i)),
			Outlet: []string{"Kyiv Independent", "RT", "Axios"}[i%3], Text: "Body text.",
			Published: summit.AddDate(0, 0, i), Removed: []string{},
		})
	}
	if _, err := s.PutArticles(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	return arts
}

func testPendingAndWalk(t *testing.T, s AnalysisStore) {
	ctx := context.Background()
	putN(t, s, 4)
	p, err := s.PendingArticles(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(p); !slices.Equal(got, []string{"a0", "a1", "a2", "a3"}) {
		t.Fatalf("pending = %v, want all four in stored order", got)
	}
	// Analyse a2 then a0: the walk follows analysis order.
	for _, id := range []string{"a2", "a0"} {
		if err := s.SaveAnalysis(ctx, store.AnalysisBatch{Articles: []store.ArticleAnalysis{{ArticleID: id}}}); err != nil {
			t.Fatal(err)
		}
	}
	p, err = s.PendingArticles(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(p); !slices.Equal(got, []string{"a1", "a3"}) {
		t.Errorf("pending after analysing a2, a0 = %v", got)
	}
	var walked []string
	if err := s.WalkAnalysed(ctx, func(a news.Article) error { walked = append(walked, a.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(walked, []string{"a2", "a0"}) {
		t.Errorf("walk = %v, want [a2 a0]", walked)
	}
	stop := errors.New("stop")
	if err := s.WalkAnalysed(ctx, func(news.Article) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("walk error = %v, want fn's error", err)
	}
	if _, err := s.Analysis(ctx, "a1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("analysis of unanalysed article: err = %v, want ErrNotFound", err)
	}
}

func testStoriesAndMerges(t *testing.T, s AnalysisStore) {
	ctx := context.Background()
	putN(t, s, 3)
	st1 := news.Story{ID: "s1", Title: "Alaska summit", StorylineID: "l1", ArticleIDs: []string{"a0"}, Outlets: []string{"Kyiv Independent"},
		FirstSeen: summit, LastSeen: summit, Terms: []string{"alaska"}}
	st2 := news.Story{ID: "s2", Title: "Talks", StorylineID: "l1", ArticleIDs: []string{"a1"}, Outlets: []string{"RT"},
		FirstSeen: summit.AddDate(0, 0, 1), LastSeen: summit.AddDate(0, 0, 1), Terms: []string{"talks"}}
	err := s.SaveAnalysis(ctx, store.AnalysisBatch{
		Articles: []store.ArticleAnalysis{{ArticleID: "a0", StoryID: "s1"}, {ArticleID: "a1", StoryID: "s2"}},
		Stories:  []news.Story{st1, st2},
	})
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.Stories(ctx, store.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != "s2" {
		t.Fatalf("stories = %+v, want s2 (newest) first", list)
	}
	if got, _ := s.Stories(ctx, store.StoryQuery{Outlet: "RT"}); len(got) != 1 || got[0].ID != "s2" {
		t.Errorf("stories by outlet RT = %+v", got)
	}
	// a2 bridges the two: s2 folds into s1.
	st1.ArticleIDs = []string{"a0", "a1", "a2"}
	st1.Outlets = []string{"Kyiv Independent", "RT", "Axios"}
	err = s.SaveAnalysis(ctx, store.AnalysisBatch{
		Articles: []store.ArticleAnalysis{{ArticleID: "a2", StoryID: "s1"}},
		Stories:  []news.Story{st1},
		Merges:   []news.Merge{{Kind: "story", From: "s2", Into: "s1", At: summit}},
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Story(ctx, "s2")
	if err != nil {
		t.Fatalf("old story ID no longer resolves: %v", err)
	}
	if got.ID != "s1" || len(got.ArticleIDs) != 3 || !got.FirstSeen.Equal(summit) {
		t.Errorf("Story(s2) = %+v, want the merged s1", got)
	}
	if list, _ := s.Stories(ctx, store.StoryQuery{}); len(list) != 1 {
		t.Errorf("after merge %d stories listed, want 1", len(list))
	}
	an, err := s.Analysis(ctx, "a1")
	if err != nil || an.StoryID != "s1" {
		t.Errorf("analysis of a1: story %q, err %v; want s1 through the merge", an.StoryID, err)
	}
	if _, err := s.Story(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown story: err = %v", err)
	}
}

func testStorylines(t *testing.T, s AnalysisStore) {
	ctx := context.Background()
	putN(t, s, 2)
	err := s.SaveAnalysis(ctx, store.AnalysisBatch{
		Stories: []news.Story{{ID: "s1", StorylineID: "l1", ArticleIDs: []string{"a0"}}, {ID: "s2", StorylineID: "l2", ArticleIDs: []string{"a1"}}},
		Storylines: []news.Storyline{
			{ID: "l1", Label: "one", StoryIDs: []string{"s1"}, FirstSeen: summit, LastSeen: summit},
			{ID: "l2", Label: "two", StoryIDs: []string{"s2"}, FirstSeen: summit.AddDate(0, 1, 0), LastSeen: summit.AddDate(0, 1, 0)},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	lines, err := s.Storylines(ctx)
	if err != nil || len(lines) != 2 || lines[0].ID != "l2" {
		t.Fatalf("storylines = %+v, %v; want l2 first", lines, err)
	}
	// The storylines merge: l1 is replaced, l2 deleted, and every story
	// follows its storyline.
	err = s.SaveAnalysis(ctx, store.AnalysisBatch{
		Storylines:        []news.Storyline{{ID: "l1", Label: "both", StoryIDs: []string{"s1", "s2"}, FirstSeen: summit, LastSeen: summit.AddDate(0, 1, 0)}},
		DeletedStorylines: []string{"l2"},
		Merges:            []news.Merge{{Kind: "storyline", From: "l2", Into: "l1"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if lines, _ := s.Storylines(ctx); len(lines) != 1 || lines[0].Label != "both" {
		t.Errorf("storylines after merge = %+v", lines)
	}
	if l, err := s.Storyline(ctx, "l2"); err != nil || l.ID != "l1" {
		t.Errorf("Storyline(l2) = %+v, %v; want l1", l, err)
	}
	stories, err := s.Stories(ctx, store.StoryQuery{StorylineID: "l2"})
	if err != nil || len(stories) != 2 {
		t.Errorf("stories of l2 (now l1) = %+v, %v; want both", stories, err)
	}
	for _, st := range stories {
		if st.StorylineID != "l1" {
			t.Errorf("story %s has storyline %q, want l1", st.ID, st.StorylineID)
		}
	}
}

func testQuotesAndEntities(t *testing.T, s AnalysisStore) {
	ctx := context.Background()
	putN(t, s, 2)
	err := s.SaveAnalysis(ctx, store.AnalysisBatch{
		Articles: []store.ArticleAnalysis{
			{ArticleID: "a0", StoryID: "s1",
				Mentions: []news.Mention{{EntityID: "local-zelenskyy", Text: "Zelenskyy", Start: 0, End: 9, Form: "name"}},
				Quotes:   []news.Quote{{Text: "We want peace", Speaker: "Zelenskyy", SpeakerID: "local-zelenskyy", Cue: "said", Direct: true, Start: 10, End: 25}},
				Timexes:  []news.Timex{{Text: "on Tuesday", Start: 30, End: 40, Type: "DATE", Value: "2025-08-12", Resolved: true}}},
			{ArticleID: "a1", StoryID: "s1",
				Quotes: []news.Quote{{Text: "No deal", Speaker: "a senior official", Cue: "said", Direct: true}}},
		},
		Stories: []news.Story{{ID: "s1", ArticleIDs: []string{"a0"}}},
		Entities: []news.Entity{
			{ID: "e-zelensky", Name: "Volodymyr Zelensky", Kind: "person", Aliases: []string{"Zelenskyy", "Zelensky"}, Mentions: 3},
			{ID: "e-kyiv", Name: "Kyiv", Kind: "place", Aliases: []string{"Kiev"}, Mentions: 5},
		},
		EntityIDs: map[string]string{"local-zelenskyy": "e-zelensky"},
	})
	if err != nil {
		t.Fatal(err)
	}
	qs, err := s.Quotes(ctx, store.QuoteQuery{Speaker: "zelensky"})
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 1 || qs[0].SpeakerID != "e-zelensky" || qs[0].Speaker != "Volodymyr Zelensky" || qs[0].ArticleID != "a0" {
		t.Fatalf("quotes by zelensky = %+v; want one, with the canonical speaker", qs)
	}
	if qs, _ := s.Quotes(ctx, store.QuoteQuery{Speaker: "e-zelensky"}); len(qs) != 1 {
		t.Errorf("quotes by entity ID e-zelensky = %+v", qs)
	}
	if qs, _ := s.Quotes(ctx, store.QuoteQuery{}); len(qs) != 2 || qs[0].ArticleID != "a1" {
		t.Errorf("all quotes = %+v; want 2, newest article first", qs)
	}
	if qs, _ := s.Quotes(ctx, store.QuoteQuery{StoryID: "s1"}); len(qs) != 1 {
		t.Errorf("quotes of story s1 (articles [a0]) = %+v", qs)
	}
	ents, err := s.Entities(ctx, store.EntityQuery{Name: "kiev"})
	if err != nil || len(ents) != 1 || ents[0].ID != "e-kyiv" {
		t.Errorf("entities named kiev = %+v, %v", ents, err)
	}
	if e, err := s.Entity(ctx, "local-zelenskyy"); err != nil || e.ID != "e-zelensky" {
		t.Errorf("Entity(local id) = %+v, %v", e, err)
	}
	an, err := s.Analysis(ctx, "a0")
	if err != nil {
		t.Fatal(err)
	}
	if len(an.Mentions) != 1 || an.Mentions[0].EntityID != "e-zelensky" || len(an.Timexes) != 1 || an.Timexes[0].Value != "2025-08-12" || len(an.Quotes) != 1 {
		t.Errorf("analysis of a0 = %+v", an)
	}
	// A later batch replaces one entity and deletes the other.
	if err := s.SaveAnalysis(ctx, store.AnalysisBatch{
		Entities:        []news.Entity{{ID: "e-kyiv", Name: "Kyiv", Kind: "place", Mentions: 6}},
		DeletedEntities: []string{"e-zelensky"},
	}); err != nil {
		t.Fatal(err)
	}
	if ents, _ := s.Entities(ctx, store.EntityQuery{}); len(ents) != 1 || ents[0].Mentions != 6 {
		t.Errorf("entities after replace and delete = %+v", ents)
	}
}

// testNamesInAnyScript checks that a name filter finds an entity by any
// of its names, whatever the script or the case ending: the query is
// folded the way the stored names are (Unicode case, lang.NameKey), not by
// the database's lower(), which folds ASCII only on SQLite.
func testNamesInAnyScript(t *testing.T, s AnalysisStore) {
	ctx := context.Background()
	putN(t, s, 1)
	err := s.SaveAnalysis(ctx, store.AnalysisBatch{
		Articles: []store.ArticleAnalysis{{ArticleID: "a0", StoryID: "s1",
			Quotes: []news.Quote{{Text: "Мы готовы", Speaker: "Путин", SpeakerID: "local-putin", Cue: "заявил", Direct: true}}}},
		Stories: []news.Story{{ID: "s1", ArticleIDs: []string{"a0"}}},
		Entities: []news.Entity{
			{ID: "e-putin", Name: "Vladimir Putin", Kind: "person", Aliases: []string{"Путина", "Putin"}, Mentions: 9,
				Key: "vladimir putin", NameByLang: map[string]string{"ru": "Владимир Путин", "uk": "Володимир Путін", "de": "Wladimir Putin"}},
			{ID: "e-zelensky", Name: "Volodymyr Zelensky", Kind: "person", Mentions: 7,
				Key: "volodimir selensk", NameByLang: map[string]string{"uk": "Володимир Зеленський"}},
			{ID: "e-ushakov", Name: "Юрий Ушаков", Kind: "person", Mentions: 2},
			{ID: "e-pct", Name: "100% Club", Kind: "organization", Mentions: 1},
		},
		EntityIDs: map[string]string{"local-putin": "e-putin"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"Путин", []string{"e-putin"}},
		{"путин", []string{"e-putin"}},
		{"ПУТИН", []string{"e-putin"}},
		{"Putin", []string{"e-putin"}},
		{"Путін", []string{"e-putin"}},
		{"Путиным", []string{"e-putin"}},
		{"Putins", []string{"e-putin"}},
		{"Wladimir", []string{"e-putin"}},
		{"Зеленський", []string{"e-zelensky"}},
		{"Зеленский", []string{"e-zelensky"}},
		{"Selenskyj", []string{"e-zelensky"}},
		{"zelensky", []string{"e-zelensky"}},
		{"ушаков", []string{"e-ushakov"}},
		{"Ushakov", []string{"e-ushakov"}},
		{"100%", []string{"e-pct"}},
		{"%", []string{"e-pct"}},
		{"_", nil},
		{"Medvedev", nil},
	} {
		ents, err := s.Entities(ctx, store.EntityQuery{Name: tc.name})
		if err != nil {
			t.Fatalf("entities named %q: %v", tc.name, err)
		}
		var got []string
		for _, e := range ents {
			got = append(got, e.ID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("entities named %q = %v, want %v", tc.name, got, tc.want)
		}
	}
	for _, speaker := range []string{"Путин", "Putin", "Путін", "ПУТИН"} {
		qs, err := s.Quotes(ctx, store.QuoteQuery{Speaker: speaker})
		if err != nil {
			t.Fatalf("quotes by %q: %v", speaker, err)
		}
		if len(qs) != 1 || qs[0].SpeakerID != "e-putin" {
			t.Errorf("quotes by %q = %+v, want the one of e-putin", speaker, qs)
		}
	}
}

// testOutletSpellings checks that a story filter by outlet accepts any
// spelling of the outlet the registry knows (name, short name, domain, URL,
// case) and finds the stories whose articles spelled it any other way.
func testOutletSpellings(t *testing.T, s AnalysisStore) {
	ctx := context.Background()
	putN(t, s, 1)
	story := func(id string, day int, outlets ...string) news.Story {
		at := summit.AddDate(0, 0, day)
		return news.Story{ID: id, ArticleIDs: []string{"a0"}, Outlets: outlets, FirstSeen: at, LastSeen: at}
	}
	err := s.SaveAnalysis(ctx, store.AnalysisBatch{Stories: []news.Story{
		story("s-ap1", 1, "The Associated Press"),
		story("s-ap2", 2, "AP", "Reuters"),
		story("s-ap3", 3, "apnews.com"),
		story("s-rt1", 4, "www.rt.com"),
		story("s-rt2", 5, "RT", "cupure"),
		story("s-none", 6),
	}})
	if err != nil {
		t.Fatal(err)
	}
	ap := []string{"s-ap3", "s-ap2", "s-ap1"}
	for _, tc := range []struct {
		outlet string
		want   []string
	}{
		{"AP", ap},
		{"Associated Press", ap},
		{"The Associated Press", ap},
		{"apnews.com", ap},
		{"https://apnews.com/article/x", ap},
		{"RT", []string{"s-rt2", "s-rt1"}},
		{"rt.com", []string{"s-rt2", "s-rt1"}},
		{"cupure", []string{"s-rt2"}},
		{"CUPURE", []string{"s-rt2"}},
		{"reuters", []string{"s-ap2"}},
		{"Press", nil},
		{"%", nil},
	} {
		sts, err := s.Stories(ctx, store.StoryQuery{Outlet: tc.outlet})
		if err != nil {
			t.Fatalf("stories of %q: %v", tc.outlet, err)
		}
		var got []string
		for _, st := range sts {
			got = append(got, st.ID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("stories of outlet %q = %v, want %v", tc.outlet, got, tc.want)
		}
	}
}

func testAnalysisAllOrNothing(t *testing.T, s AnalysisStore) {
	ctx := context.Background()
	putN(t, s, 1)
	err := s.SaveAnalysis(ctx, store.AnalysisBatch{
		Articles: []store.ArticleAnalysis{{ArticleID: "a0", StoryID: "s1"}, {ArticleID: "missing"}},
		Stories:  []news.Story{{ID: "s1", ArticleIDs: []string{"a0"}}},
	})
	if err == nil {
		t.Fatal("a batch naming an unknown article was accepted")
	}
	if p, _ := s.PendingArticles(ctx, 10); len(p) != 1 {
		t.Errorf("a0 was marked analysed by a failed batch")
	}
	if list, _ := s.Stories(ctx, store.StoryQuery{}); len(list) != 0 {
		t.Errorf("a failed batch stored stories: %+v", list)
	}
}

func testStateAndReset(t *testing.T, s AnalysisStore) {
	ctx := context.Background()
	putN(t, s, 1)
	if st, err := s.LoadState(ctx, "cluster"); err != nil || st != nil {
		t.Fatalf("state before saving = %q, %v; want nil, nil", st, err)
	}
	err := s.SaveAnalysis(ctx, store.AnalysisBatch{
		Articles: []store.ArticleAnalysis{{ArticleID: "a0", StoryID: "s1"}},
		Stories:  []news.Story{{ID: "s1", ArticleIDs: []string{"a0"}}},
		State:    map[string][]byte{"cluster": []byte("snapshot-1")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := s.LoadState(ctx, "cluster"); string(st) != "snapshot-1" {
		t.Errorf("state = %q", st)
	}
	if err := s.ResetAnalysis(ctx); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.PendingArticles(ctx, 10); len(p) != 1 {
		t.Errorf("after reset %d pending, want 1", len(p))
	}
	if st, _ := s.LoadState(ctx, "cluster"); st != nil {
		t.Errorf("state survived reset: %q", st)
	}
	if n, _ := s.CountArticles(ctx); n != 1 {
		t.Errorf("reset lost articles: %d left", n)
	}
}

// testRequiredState checks AnalysisBatch.Requires: a batch made on a state
// the store no longer holds writes nothing and fails with ErrConflict, and
// of two writers that started from the same state exactly one writes.
func testRequiredState(t *testing.T, s AnalysisStore) {
	ctx := context.Background()
	putN(t, s, 4)
	batch := func(id, mark string, requires []byte) store.AnalysisBatch {
		return store.AnalysisBatch{
			Articles: []store.ArticleAnalysis{{ArticleID: id, StoryID: "s-" + id}},
			Stories:  []news.Story{{ID: "s-" + id, ArticleIDs: []string{id}}},
			State:    map[string][]byte{"mark": []byte(mark)},
			Requires: map[string][]byte{"mark": requires},
		}
	}
	analysed := func(id string) bool {
		t.Helper()
		_, err := s.Analysis(ctx, id)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			t.Fatal(err)
		}
		return err == nil
	}
	steps := []struct {
		id, mark string
		requires []byte // nil: no mark yet
		conflict bool
	}{
		{"a0", "1", nil, false},
		{"a1", "2", nil, true},          // made before the first batch
		{"a1", "2", []byte("2"), true},  // made on a state nobody wrote
		{"a1", "2", []byte("1"), false}, // on the last batch
		{"a2", "3", []byte("1"), true},  // a second writer of the same batch
	}
	for i, st := range steps {
		err := s.SaveAnalysis(ctx, batch(st.id, st.mark, st.requires))
		if st.conflict != errors.Is(err, store.ErrConflict) || !st.conflict && err != nil {
			t.Fatalf("step %d (%s on %q): err = %v, want conflict %v", i, st.id, st.requires, err, st.conflict)
		}
		if st.conflict && st.id == "a2" && analysed("a2") {
			t.Errorf("step %d: a refused batch was written", i)
		}
	}
	if m, _ := s.LoadState(ctx, "mark"); string(m) != "2" {
		t.Errorf("mark = %q after the refused batches, want 2", m)
	}
	if !analysed("a0") || !analysed("a1") {
		t.Error("an accepted batch is missing")
	}

	// Two writers at once, both made on mark 2: one writes, one conflicts.
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, id := range []string{"a2", "a3"} {
		wg.Go(func() { errs[i] = s.SaveAnalysis(ctx, batch(id, "3", []byte("2"))) })
	}
	wg.Wait()
	ok, conflicts := 0, 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case errors.Is(err, store.ErrConflict):
			conflicts++
		default:
			t.Fatal(err)
		}
	}
	if ok != 1 || conflicts != 1 {
		t.Fatalf("two writers on one state: %d written, %d conflicts; want 1 and 1", ok, conflicts)
	}
	if analysed("a2") == analysed("a3") {
		t.Error("both or neither of the concurrent batches were written")
	}
}
