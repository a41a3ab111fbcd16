package pipeline

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"log/slog"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/dedup"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/quote"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/when"
)

// AnalysisStore is what the analysis stage needs from storage. Analyze
// calls PendingArticles while a SaveAnalysis is running (never two saves at
// once), so implementations must be safe for that.
type AnalysisStore interface {
	PendingArticles(ctx context.Context, limit int) ([]news.Article, error)
	WalkAnalysed(ctx context.Context, fn func(news.Article) error) error
	SaveAnalysis(ctx context.Context, b store.AnalysisBatch) error
}

// Analyzer runs the stages that look across articles — duplicates, stories
// and storylines, entities — and the per-article ones — quotes and time
// expressions — over stored articles that have not been analysed yet. It
// keeps the cross-article state in memory; a new Analyzer rebuilds it from
// the already-analysed articles the first time it runs. It is not safe for
// concurrent use.
type Analyzer struct {
	log      *slog.Logger
	dedup    *dedup.Index
	clusters *cluster.Clusterer
	// clusterCfg is the configuration of clusters, for the Analyzers that
	// prepare articles for it on worker goroutines.
	clusterCfg cluster.Config
	entities   *entity.Registry
	// lang is the language of storyline labels and story titles
	// (SetLang); "" leaves the clusterer's default, English.
	lang string
	warm bool
	// taken counts the articles taken into the cross-article state (see
	// state.go); restored is true when that state came from the store's
	// snapshot.
	taken      int
	snapshotAt int // taken when the snapshot the store holds was made
	restored   bool
	// mark is the store's mark this Analyzer's next batch builds on (nil:
	// none yet), and fenced says the store keeps one: every batch requires
	// it (store.AnalysisBatch.Requires), so a batch built on a state the
	// store no longer holds is refused rather than mixed in (see fence).
	mark   []byte
	fenced bool
	// What the store holds, to write only what changed: a hash of each
	// saved entity and storyline, the story IDs of each saved storyline,
	// and the saved entity ID mapping.
	savedEntities map[string]uint64
	savedLines    map[string]uint64
	lineStories   map[string][]string
	savedCanon    map[string]string
	// lines finds the storylines each diff looks at (see diff).
	lines *cluster.StorylineWatch
	// fullDiffs makes every batch's diff a full one (fullDiff), the
	// reference the tests compare the per-batch diff with.
	fullDiffs bool
	// BatchSize is the number of articles analysed per transaction.
	BatchSize int
	// Workers run the per-article stages in parallel; <= 0 means GOMAXPROCS.
	Workers int
	// Prepared, when set, gives per-article results prepared by other
	// processes (see PreparedSource); the rest are prepared here.
	Prepared PreparedSource
}

// parallel calls fn(i) for every i in [0, n) on up to workers goroutines
// (GOMAXPROCS when workers <= 0) and returns when all are done.
func parallel(n, workers int, fn func(i int)) {
	parallelWorkers(n, workers, func(_, i int) { fn(i) })
}

// parallelWorkers is parallel with fn told which worker (0 to workers-1)
// runs it, for state one worker owns.
func parallelWorkers(n, workers int, fn func(w, i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range min(workers, n) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(w, i)
			}
		})
	}
	wg.Wait()
}

// MaxAnalysedChars bounds the text the analysis reads of one article: a
// longer text (a whole site or a data dump in one "article") is stored
// whole, but only its first MaxAnalysedChars characters, cut back to a
// paragraph or sentence boundary (news.CutText), are analysed: entities,
// quotes, dates, duplicates and clustering. The article's analysis says so
// (store.ArticleAnalysis.AnalysedChars). Far above any news article, it
// bounds the time and memory one article can cost the analysis.
const MaxAnalysedChars = 200_000

// AnalysedText returns the part of text the analysis reads and whether it
// is a cut prefix of it (see MaxAnalysedChars).
func AnalysedText(text string) (string, bool) {
	return news.CutText(text, MaxAnalysedChars)
}

// boundText cuts a's text to what the analysis reads and returns how many
// characters were kept, 0 when the text is whole.
func boundText(a *news.Article) int {
	t, cut := AnalysedText(a.Text)
	if !cut {
		return 0
	}
	a.Text = t
	return utf8.RuneCountInString(t)
}

// analyseAll runs the per-article stages over arts on parallel workers,
// and the parts of duplicate detection and clustering that read no shared
// state (hashing, tokenising, stemming), so that the cross-article step,
// which runs on one goroutine, only decides. An article whose result pre
// holds (prepared by another process) is decoded instead; fromPre counts
// them.
func (z *Analyzer) analyseAll(arts []news.Article, pre map[string][]byte) (found []perArticle, fromPre int) {
	workers := z.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	cas := make([]*cluster.Analyzer, workers)
	for w := range cas {
		cas[w] = cluster.NewAnalyzer(z.clusterCfg)
	}
	found = make([]perArticle, len(arts))
	var decoded atomic.Int64
	parallelWorkers(len(arts), workers, func(w, i int) {
		a := arts[i]
		if data, ok := pre[a.ID]; ok {
			p, err := decodePrepared(a, data)
			if err == nil {
				found[i] = p
				decoded.Add(1)
				return
			}
			z.log.Warn("analyse: a prepared result does not decode; preparing the article here", "article", a.ID, "error", err)
		}
		p := analyseArticle(a)
		p.dp = z.dedup.Prepare(dedupDoc(a))
		// Prepared as an original; add drops the features if duplicate
		// detection finds a copy (a copy joins its original's story).
		p.cp = cas[w].Prepare(clusterDoc(a, p.ents, ""))
		p.prepared = true
		found[i] = p
	})
	return found, int(decoded.Load())
}

// NewAnalyzer returns an Analyzer with empty state.
func NewAnalyzer(log *slog.Logger) *Analyzer {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	z := &Analyzer{log: log, BatchSize: 1000}
	z.reset()
	return z
}

// SetLang sets the language storyline labels and story titles are written
// in (an ISO 639-1 code: "en", the default, "ru", "uk", "de"; see
// cluster.Clusterer.SetLang). It changes what is shown, never which
// articles go together, and takes effect for the labels and titles the
// next analysis saves. Call it before the first Analyze.
func (z *Analyzer) SetLang(code string) {
	z.lang = code
	z.clusters.SetLang(code)
}

// reset drops the in-memory state; the next Analyze rebuilds it from the
// store.
func (z *Analyzer) reset() {
	z.dedup = dedup.NewIndex(dedup.Options{})
	z.clusterCfg = cluster.DefaultConfig()
	z.clusters = cluster.New(z.clusterCfg)
	if z.lang != "" {
		z.clusters.SetLang(z.lang)
	}
	z.entities = &entity.Registry{}
	z.warm, z.restored = false, false
	z.taken, z.snapshotAt = 0, 0
	z.mark, z.fenced = nil, false
	z.savedEntities = map[string]uint64{}
	z.savedLines = map[string]uint64{}
	z.lineStories = map[string][]string{}
	z.savedCanon = map[string]string{}
	z.lines = nil
}

// AnalyzeSummary reports one Analyze run.
type AnalyzeSummary struct {
	Articles   int `json:"articles"`
	Duplicates int `json:"duplicates"`
	NewStories int `json:"new_stories"`
	Quotes     int `json:"quotes"`
	Replayed   int `json:"replayed"`
	// Restored counts the analysed articles whose cross-article state was
	// loaded from the store's snapshot instead of replayed.
	Restored int `json:"restored"`
	// Prepared counts the articles whose per-article results another
	// process prepared (job workers on PostgreSQL; see PreparedSource).
	Prepared int           `json:"prepared"`
	Elapsed  time.Duration `json:"elapsed_ns"`
	Stages   []StageTime   `json:"stages"`
}

// perArticle is what the per-article stages found in one article.
type perArticle struct {
	ents    []entity.Entity
	ms      []entity.Mention
	quotes  []quote.Quote
	timexes []when.Timex
	// When prepared, dp and cp hold the article hashed for duplicate
	// detection and analysed for clustering (as an original).
	prepared bool
	// analysed is how many characters of the text were analysed when it
	// was cut (boundText), else 0.
	analysed int
	dp       dedup.Prepared
	cp       cluster.Prepared
}

func analyseArticle(a news.Article) perArticle {
	ents, ms := entity.ExtractLang(a.Text, a.Language)
	qs, _ := quote.FindLang(a.Text, a.Language, "", ents, ms)
	return perArticle{ents: ents, ms: ms, quotes: qs, timexes: when.FindLang(a.Text, a.Language, a.Published)}
}

func entityNames(ents []entity.Entity) []string {
	names := make([]string, 0, len(ents))
	for _, e := range ents {
		names = append(names, e.Name)
	}
	return names
}

// add feeds one article to the cross-article stages.
func (z *Analyzer) add(a news.Article, p perArticle) (dedup.Match, cluster.Assignment) {
	z.taken++
	z.entities.Add(a.ID, p.ents, p.ms)
	if !p.prepared {
		m := z.dedup.Add(dedupDoc(a))
		return m, z.clusters.Add(clusterDoc(a, p.ents, m.DuplicateOf))
	}
	m := z.dedup.AddPrepared(p.dp)
	cp := p.cp
	if m.DuplicateOf != "" {
		cp = cluster.Prepared{Doc: clusterDoc(a, p.ents, m.DuplicateOf)}
	}
	return m, z.clusters.AddPrepared(cp)
}

func dedupDoc(a news.Article) dedup.Doc {
	return dedup.Doc{ID: a.ID, Title: a.Title, Text: a.Text, Published: a.Published, HasOrigin: a.Republisher != ""}
}

func clusterDoc(a news.Article, ents []entity.Entity, duplicateOf string) cluster.Doc {
	return cluster.Doc{
		ID: a.ID, Title: a.Title, Text: a.Text, Outlet: cmp.Or(a.OriginOutlet, a.Outlet), URL: a.URL, Published: a.Published,
		Language: a.Language, Entities: entityNames(ents), DuplicateOf: duplicateOf,
	}
}

// warmUp replays the articles analysed before this Analyzer existed.
func (z *Analyzer) warmUp(ctx context.Context, st AnalysisStore) (int, error) {
	// The snapshot the store keeps covers the first articles analysed;
	// only the ones analysed after it are replayed (see state.go).
	skip := 0
	t0 := time.Now()
	if err := z.readMark(ctx, st); err != nil {
		return 0, fmt.Errorf("analyse: %w", err)
	}
	if ok, err := z.restore(ctx, st); err != nil {
		return 0, fmt.Errorf("analyse: load state: %w", err)
	} else if ok {
		z.restored, skip = true, z.taken
	}
	n, seen := 0, 0
	var batch []news.Article
	replay := func() {
		found := make([]perArticle, len(batch))
		parallel(len(batch), z.Workers, func(i int) {
			ents, ms := entity.ExtractLang(batch[i].Text, batch[i].Language)
			found[i] = perArticle{ents: ents, ms: ms}
		})
		for i, a := range batch {
			z.add(a, found[i])
		}
		n += len(batch)
		batch = batch[:0]
	}
	err := st.WalkAnalysed(ctx, func(a news.Article) error {
		if seen++; seen <= skip {
			return nil
		}
		boundText(&a) // replayed as analysed
		if batch = append(batch, a); len(batch) == 1000 {
			replay()
		}
		return nil
	})
	replay()
	if err == nil && seen < skip {
		err = fmt.Errorf("the store holds %d analysed articles, the saved state %d", seen, skip)
	}
	if err != nil {
		z.reset()
		return n, fmt.Errorf("analyse: rebuild state: %w", err)
	}
	z.warm = true
	// The replay rebuilt what the store already holds. Later diffs start
	// from here: the storylines, merges and entity IDs so far are seen.
	t1 := time.Now()
	watch, lines := z.clusters.WatchStorylines()
	z.fullDiff(&store.AnalysisBatch{}, lines).commit(z)
	z.lines = watch
	z.entities.CanonicalChanges()
	z.log.Debug("analyse: state rebuilt", "restored", z.restored, "replayed", n,
		"load_and_replay", t1.Sub(t0), "full_diff", time.Since(t1))
	return n, nil
}

// Analyze analyses every pending article, in batches, each written in one
// transaction. It returns after the last batch, or at the first store error.
//
// Each batch goes through four named steps: prepare (fetch the next
// pending articles and run the per-article stages on parallel workers),
// decide (feed them to the cross-article stages, on one goroutine, and
// collect the stories they joined), diff (the storylines, entities and
// entity IDs that changed since the last batch) and save (one
// transaction). The steps run as a pipeline so that both cores stay busy:
// batch N+1 is prepared while batch N is decided and diffed, and batch N-1
// saved meanwhile. Batches are the same as when run one after another
// (pending articles in store order, the ones already taken but not yet
// written left out), and the cross-article stages see them in the same
// order, so the results are the same. After a store error the in-memory
// state is dropped; the next run rebuilds it from the store.
func (z *Analyzer) Analyze(ctx context.Context, st AnalysisStore) (AnalyzeSummary, error) {
	start := time.Now()
	var sum AnalyzeSummary
	var tCross time.Duration
	if z.warm {
		// Another process may have analysed since (it led while this one
		// did not): the store's mark then differs from what this
		// Analyzer took in, and its memory is stale.
		if stale, err := z.stale(ctx, st); err != nil {
			return sum, fmt.Errorf("analyse: %w", err)
		} else if stale {
			z.log.Info("analyse: the store was analysed by another process; reloading the analyser's state")
			z.reset()
		}
	}
	if !z.warm {
		t0 := time.Now()
		n, err := z.warmUp(ctx, st)
		sum.Replayed = n
		if z.restored {
			sum.Restored = z.taken - n
		}
		tCross += time.Since(t0)
		if err != nil {
			return sum, err
		}
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	r := &analysisRun{z: z, st: st, size: z.BatchSize, taken: map[string]bool{}, cancel: cancel}
	if r.size <= 0 {
		r.size = 500
	}
	preps := make(chan preparedBatch, 1)
	saves := make(chan decidedBatch, 1)

	var wg sync.WaitGroup
	wg.Go(func() { // prepare
		defer close(preps)
		for ctx.Err() == nil {
			p, ok := r.prepare(ctx)
			if !ok {
				return
			}
			select {
			case preps <- p:
			case <-ctx.Done():
				return
			}
		}
	})
	wg.Go(func() { // save
		for d := range saves {
			if ctx.Err() != nil {
				continue // drain
			}
			r.save(ctx, d)
		}
	})
	for p := range preps { // decide and diff
		t0 := time.Now()
		d := r.decide(p, &sum)
		tCross += time.Since(t0)
		select {
		case saves <- d:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			for range preps { // let prepare finish
			}
			break
		}
	}
	close(saves)
	wg.Wait()
	sum.Articles = int(r.saved.Load())
	sum.Prepared = int(r.fromPre.Load())
	sum.Elapsed = time.Since(start)
	sum.Stages = []StageTime{{"analyse-article", time.Duration(r.tArticle.Load())}, {"analyse-cross", tCross}, {"analyse-store", time.Duration(r.tStore.Load())}}
	if err := context.Cause(ctx); err != nil {
		if errors.Is(err, store.ErrConflict) {
			z.log.Info("analyse: another process analysed meanwhile; batch refused, state to be rebuilt from the store", "error", err)
		}
		z.reset()
		return sum, err
	}
	if z.stateDue() {
		// Keep the state for the next process (see state.go); without it
		// the next run replays more, so a failure here loses nothing.
		t0 := time.Now()
		if err := z.saveState(ctx, st); err != nil {
			z.log.Warn("analyse: state not kept; the next run will replay", "err", err)
		}
		z.log.Debug("analyse: state kept", "elapsed", time.Since(t0))
	}
	return sum, nil
}

// analysisRun is the state of one Analyze run shared by its steps.
type analysisRun struct {
	z      *Analyzer
	st     AnalysisStore
	size   int
	cancel context.CancelCauseFunc

	// taken holds the IDs of articles handed to the pipeline and not yet
	// known to be written; prepare leaves them out. save lists the IDs of
	// each committed batch in committed, and prepare drops them from taken
	// only before its next query: a query running while a batch commits
	// may still read that batch as pending.
	takenMu   sync.Mutex
	taken     map[string]bool
	committed []string

	saved            atomic.Int64
	fromPre          atomic.Int64
	tArticle, tStore atomic.Int64
}

// preparedBatch is a batch after prepare: the articles in the order the
// cross-article stages take them, and what the per-article stages found.
type preparedBatch struct {
	arts  []news.Article
	found []perArticle
}

// decidedBatch is a batch after decide and diff: what save writes.
type decidedBatch struct {
	batch store.AnalysisBatch
	ids   []string
}

// prepare fetches the next pending articles not taken yet, orders them
// for the clusterer and runs the per-article stages over them. ok is
// false when nothing is left (or the run failed: see cancel).
func (r *analysisRun) prepare(ctx context.Context) (p preparedBatch, ok bool) {
	r.takenMu.Lock()
	for _, id := range r.committed {
		delete(r.taken, id)
	}
	r.committed = r.committed[:0]
	extra := len(r.taken)
	r.takenMu.Unlock()
	all, err := r.st.PendingArticles(ctx, r.size+extra)
	if err != nil {
		r.cancel(fmt.Errorf("analyse: %w", err))
		return p, false
	}
	arts := make([]news.Article, 0, min(r.size, len(all)))
	r.takenMu.Lock()
	for _, a := range all {
		if len(arts) == r.size {
			break
		}
		if !r.taken[a.ID] {
			r.taken[a.ID] = true
			arts = append(arts, a)
		}
	}
	r.takenMu.Unlock()
	if len(arts) == 0 {
		return p, false
	}
	// Within a batch, feed the clusterer in publication order (undated
	// last), as events unfolded, not in the order they were stored.
	slices.SortStableFunc(arts, func(a, b news.Article) int {
		switch {
		case a.Published.IsZero() != b.Published.IsZero():
			if a.Published.IsZero() {
				return 1
			}
			return -1
		}
		return a.Published.Compare(b.Published)
	})
	t0 := time.Now()
	analysed := make([]int, len(arts))
	for i := range arts {
		analysed[i] = boundText(&arts[i])
	}
	var pre map[string][]byte
	if r.z.Prepared != nil {
		ids := make([]string, len(arts))
		for i, a := range arts {
			ids[i] = a.ID
		}
		if pre, err = r.z.Prepared.LoadPrepared(ctx, ids); err != nil {
			// The results are an optimisation: prepare them all here.
			r.z.log.Warn("analyse: prepared results not loaded; preparing the batch here", "error", err)
			pre = nil
		}
	}
	found, fromPre := r.z.analyseAll(arts, pre)
	for i, n := range analysed {
		found[i].analysed = n // the same count a worker's result carries
	}
	r.fromPre.Add(int64(fromPre))
	r.tArticle.Add(int64(time.Since(t0)))
	return preparedBatch{arts, found}, true
}

// decide feeds a prepared batch to the cross-article stages (duplicates,
// stories and storylines, entities), in order, and makes the batch to
// save: the articles' results, the stories they touched, the merges, and
// (diff) what changed in storylines and entities.
func (r *analysisRun) decide(p preparedBatch, sum *AnalyzeSummary) decidedBatch {
	z := r.z
	arts, found := p.arts, p.found
	batch := store.AnalysisBatch{}
	touched := map[string]bool{}
	var lines []string // the storylines the articles joined
	lineSeen := map[string]bool{}
	ids := make([]string, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
		m, as := z.add(a, found[i])
		if m.DuplicateOf != "" {
			sum.Duplicates++
		}
		if as.New {
			sum.NewStories++
		}
		touched[as.StoryID] = true
		if !lineSeen[as.StorylineID] {
			lineSeen[as.StorylineID] = true
			lines = append(lines, as.StorylineID)
		}
		for _, from := range as.Merged {
			batch.Merges = append(batch.Merges, news.Merge{Kind: "story", From: from, Into: as.StoryID, At: a.Published})
		}
		batch.Articles = append(batch.Articles, store.ArticleAnalysis{
			ArticleID:   a.ID,
			StoryID:     as.StoryID,
			DuplicateOf: m.DuplicateOf,
			Mentions:    found[i].ms,
			Quotes:      convertQuotes(a, found[i].quotes),
			Timexes:     found[i].timexes,
			// AnalysedChars says the text was cut for analysis.
			AnalysedChars: found[i].analysed,
		})
		sum.Quotes += len(found[i].quotes)
	}
	resolved := map[string]bool{}
	for id := range touched {
		resolved[z.clusters.Resolve(id)] = true
	}
	for id := range resolved {
		if st, ok := z.clusters.Story(id); ok {
			batch.Stories = append(batch.Stories, st)
		}
	}
	slices.SortFunc(batch.Stories, func(a, b news.Story) int { return strings.Compare(a.ID, b.ID) })
	// The batch will be written before the next one (one writer, in
	// order), so the next diff starts from what it leaves.
	t1 := time.Now()
	z.diff(&batch, lines).commit(z)
	z.log.Debug("analyse: batch", "articles", len(arts), "diff", time.Since(t1),
		"storylines", len(batch.Storylines), "entities", len(batch.Entities), "entity_ids", len(batch.EntityIDs))
	batch.State = markState(z.taken)
	z.fence(&batch)
	return decidedBatch{batch, ids}
}

// save writes one decided batch in one transaction; a failure cancels the
// run.
func (r *analysisRun) save(ctx context.Context, d decidedBatch) {
	t0 := time.Now()
	if err := r.st.SaveAnalysis(ctx, d.batch); err != nil {
		r.cancel(fmt.Errorf("analyse: save batch of %d: %w", len(d.batch.Articles), err))
		return
	}
	r.tStore.Add(int64(time.Since(t0)))
	r.saved.Add(int64(len(d.batch.Articles)))
	r.takenMu.Lock()
	r.committed = append(r.committed, d.ids...)
	r.takenMu.Unlock()
}

// savedState is what the store will hold once a batch is saved.
type savedState struct {
	entities map[string]uint64
	lines    map[string]uint64
	stories  map[string][]string
	canon    map[string]string
}

func (n savedState) commit(z *Analyzer) {
	z.savedEntities, z.savedLines, z.lineStories, z.savedCanon = n.entities, n.lines, n.stories, n.canon
}

// hashJSON fingerprints a value by its JSON form.
func hashJSON(v any) uint64 {
	b, _ := json.Marshal(v) // domain values always marshal
	h := fnv.New64a()
	h.Write(b)
	return h.Sum64()
}

// diff adds to the batch the storylines, entities and entity IDs that
// differ from what the store holds, and the ones to delete, and returns
// what the store will hold after the batch. joined are the storylines the
// batch's articles joined (Assignment.StorylineID).
//
// Its cost is that of what the batch changed, not of the collection: the
// storylines looked at are those a cluster.StorylineWatch finds may have
// changed (joined, merged, lost a story, or relabelled as term weights
// moved); the entities are those the registry reports changed
// (Registry.Changes) and the entity IDs those it reports regrouped
// (Registry.CanonicalChanges). fullDiff gives the same batch from every
// storyline and entity ID; the tests hold them equal.
func (z *Analyzer) diff(b *store.AnalysisBatch, joined []string) savedState {
	if z.fullDiffs {
		return z.fullDiff(b, z.clusters.Storylines())
	}
	next := savedState{ // updated in place with the changes below
		entities: z.savedEntities,
		lines:    z.savedLines,
		stories:  z.lineStories,
		canon:    z.savedCanon,
	}
	lines, gone := z.lines.Changed(joined)
	live := make(map[string]news.Storyline, len(lines))
	for _, l := range lines {
		live[l.ID] = l
		h := hashJSON(l)
		if z.savedLines[l.ID] != h {
			b.Storylines = append(b.Storylines, l)
		}
		next.lines[l.ID], next.stories[l.ID] = h, l.StoryIDs
	}
	for _, id := range gone { // sorted
		stories, saved := z.lineStories[id]
		if !saved {
			continue
		}
		b.DeletedStorylines = append(b.DeletedStorylines, id)
		// Into the storyline that now holds the first of its stories
		// still in one, as fullDiff finds it.
		for _, sid := range stories {
			r := z.clusters.Resolve(sid)
			lid, ok := z.clusters.StorylineOf(r)
			if !ok {
				continue
			}
			l, ok := live[lid]
			if !ok {
				if l, ok = z.clusters.Storyline(lid); ok {
					live[lid] = l
				}
			}
			if _, in := slices.BinarySearch(l.StoryIDs, r); ok && in {
				b.Merges = append(b.Merges, news.Merge{Kind: "storyline", From: id, Into: lid})
				break
			}
		}
		delete(next.lines, id)
		delete(next.stories, id)
	}
	z.diffEntities(b, next.entities)
	b.EntityIDs = map[string]string{}
	for local, canon := range z.entities.CanonicalChanges() {
		if z.savedCanon[local] != canon {
			b.EntityIDs[local] = canon
		}
		next.canon[local] = canon // the same map: compared first
	}
	return next
}

// fullDiff is diff computed from every storyline (all, as Storylines gives
// them) and every entity ID: the diff after the replay, when the saved
// state is rebuilt, and the reference for diff in the tests.
func (z *Analyzer) fullDiff(b *store.AnalysisBatch, all []news.Storyline) savedState {
	next := savedState{
		entities: z.savedEntities, // updated in place with the changes below
		lines:    make(map[string]uint64, len(z.savedLines)),
		stories:  make(map[string][]string, len(z.lineStories)),
		canon:    z.entities.CanonicalIDs(),
	}
	storyLine := map[string]string{}
	for _, l := range all {
		h := hashJSON(l)
		next.lines[l.ID], next.stories[l.ID] = h, l.StoryIDs
		for _, sid := range l.StoryIDs {
			storyLine[sid] = l.ID
		}
		if z.savedLines[l.ID] != h {
			b.Storylines = append(b.Storylines, l)
		}
	}
	for id, stories := range z.lineStories {
		if _, ok := next.lines[id]; ok {
			continue
		}
		b.DeletedStorylines = append(b.DeletedStorylines, id)
		for _, sid := range stories {
			if into, ok := storyLine[z.clusters.Resolve(sid)]; ok {
				b.Merges = append(b.Merges, news.Merge{Kind: "storyline", From: id, Into: into})
				break
			}
		}
	}
	z.diffEntities(b, next.entities)
	b.EntityIDs = map[string]string{}
	for local, canon := range next.canon {
		if z.savedCanon[local] != canon {
			b.EntityIDs[local] = canon
		}
	}
	slices.Sort(b.DeletedStorylines)
	return next
}

// diffEntities adds to the batch the merged entities that changed since
// the last diff and the ones gone, updating saved (the saved hashes) in
// place. Only the groups the registry reports changed are hashed and
// compared, so a batch costs what it touched.
func (z *Analyzer) diffEntities(b *store.AnalysisBatch, saved map[string]uint64) {
	changed, gone := z.entities.Changes()
	for _, e := range changed {
		h := hashJSON(e)
		if saved[e.ID] != h {
			b.Entities = append(b.Entities, e)
		}
		saved[e.ID] = h
	}
	for _, id := range gone {
		if _, ok := saved[id]; ok {
			b.DeletedEntities = append(b.DeletedEntities, id)
		}
		delete(saved, id)
	}
	slices.Sort(b.DeletedEntities)
}

// convertQuotes stamps the quotes with their article and its date.
func convertQuotes(a news.Article, qs []quote.Quote) []news.Quote {
	for i := range qs {
		qs[i].ArticleID, qs[i].Date = a.ID, a.Published
	}
	return qs
}
