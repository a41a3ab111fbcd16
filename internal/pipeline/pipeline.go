// Package pipeline runs Parallax's stages over the store: inputs are read,
// cleaned and written in batches. It is the only package that talks to both
// the stages and the store.
//
// Stage contract: a stage takes domain values and returns domain values or
// an error. An error confined to one document is recorded against that
// document (Summary.Errors) and the run goes on; only a store failure or a
// cancelled context stops the run.
package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Store is what ingest needs from storage.
type Store interface {
	// PutArticles stores a batch in one transaction and reports how many
	// were new; on error nothing of the batch is stored.
	PutArticles(ctx context.Context, articles []news.Article) (int, error)
}

// Options tunes Ingest. The zero value is ready to use.
type Options struct {
	Clean CleanOptions
	// Workers cleaning documents in parallel; <= 0 means GOMAXPROCS.
	Workers int
	// Readers reading inputs in parallel (URL fetches wait on the network);
	// <= 0 means 4.
	Readers int
	// BatchSize is the number of articles written per transaction; <= 0
	// means 500.
	BatchSize int
	// FlushEvery bounds how long a cleaned article waits for its batch;
	// <= 0 means one second.
	FlushEvery time.Duration
	Logger     *slog.Logger
	// Progress, when set, is called after every stored batch and at the end.
	Progress func(Progress)
	// Transient, when set, reports whether a store error is worth retrying
	// (the database restarting, a broken connection): such a batch is
	// written again, with backoff, for up to a minute. Writing a batch
	// again is safe: an article already stored is not stored twice.
	Transient func(error) bool
}

// retry runs fn until it succeeds, fails with an error Transient does not
// accept, ctx ends or a minute has passed, waiting 100 ms, then twice as
// long each time up to 2 s, between attempts.
func (o Options) retry(ctx context.Context, log *slog.Logger, what string, fn func() error) error {
	err := fn()
	if err == nil || o.Transient == nil {
		return err
	}
	deadline := time.Now().Add(time.Minute)
	wait := 100 * time.Millisecond
	for err != nil && o.Transient(err) && time.Now().Add(wait).Before(deadline) {
		log.Warn("store: retrying", "what", what, "after", wait, "error", err)
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
		wait = min(2*wait, 2*time.Second)
		err = fn()
	}
	return err
}

// Progress is a snapshot of a running ingest.
type Progress struct {
	InputsDone, Inputs int
	Docs               int // documents read so far
	Added              int // new articles stored
	Failed             int // documents or inputs that failed
	Elapsed            time.Duration
}

// Summary reports a finished ingest.
type Summary struct {
	Inputs int `json:"inputs"`
	Docs   int `json:"documents"`
	Added  int `json:"added"`
	// Existing counts cleaned articles whose ID was already stored (or seen
	// earlier in the same run).
	Existing int `json:"existing"`
	// Updated counts the Existing articles whose stored copy lacked a
	// title, an author or a date that this copy brought (see
	// store.MetadataFiller); Redated names those whose date changed.
	Updated int      `json:"updated"`
	Redated []string `json:"-"`
	Failed  int      `json:"failed"`
	// Errors holds one error per failed input or document, naming it.
	Errors  []error       `json:"-"`
	Elapsed time.Duration `json:"elapsed_ns"`
	// Stages is the time spent in each stage, summed over workers.
	Stages []StageTime `json:"stages"`
	// LastBatch holds the IDs of the last batch stored (new or already
	// there), empty when nothing was stored: once they are all analysed,
	// all this run stored is (analysis goes in store order).
	LastBatch []string `json:"-"`
}

// StageTime is the time one stage took, summed over its workers.
type StageTime struct {
	Stage string        `json:"stage"`
	Time  time.Duration `json:"time_ns"`
}

// Rate returns documents per second.
func (s Summary) Rate() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Docs) / s.Elapsed.Seconds()
}

type stageClock struct{ read, clean, store atomic.Int64 }

// Ingest reads the inputs, cleans every document and stores the articles.
// Documents that fail are counted and listed in the summary; the others are
// stored, in input order (the inputs in the order given, the documents of
// each in the order read), whatever the number of workers and whichever
// finishes first: analysis follows store order, so the same inputs make
// the same stories. Cleaned articles wait in a reorder buffer for those
// before them (at most the documents of 2×Readers inputs read meanwhile). It returns an error only when storing fails or ctx is cancelled;
// batches stored before that stay stored, and rerunning completes the work
// (IDs are content-derived, so nothing is stored twice).
func Ingest(ctx context.Context, st Store, r *ingest.Reader, inputs []ingest.Input, opts Options) (Summary, error) {
	start := time.Now()
	logger := opts.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	opts.Clean.Logger = logger
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	readers := opts.Readers
	if readers <= 0 {
		readers = 4
	}
	batchSize := opts.BatchSize
	if batchSize <= 0 {
		batchSize = 500
	}
	flushEvery := opts.FlushEvery
	if flushEvery <= 0 {
		flushEvery = time.Second
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var (
		clock      stageClock
		mu         sync.Mutex
		errs       []error
		docs       atomic.Int64
		inputsDone atomic.Int64
	)
	fail := func(err error) {
		mu.Lock()
		errs = append(errs, err)
		mu.Unlock()
		logger.Debug("document failed", "err", err)
	}

	type numbered struct {
		input int
		in    ingest.Input
	}
	type seqDoc struct {
		input, doc int
		d          ingest.Doc
	}
	inputCh := make(chan numbered)
	docCh := make(chan seqDoc, 4*workers)
	artCh := make(chan cleaned, 2*batchSize)

	// ahead bounds the inputs handed to readers beyond the first one not
	// yet stored in full, so that the reorder buffer holds the articles of
	// at most that many inputs (a slow URL first among many files would
	// otherwise keep every other article waiting in memory). The writer
	// frees a slot as each input is stored.
	ahead := make(chan struct{}, 2*readers)
	go func() {
		defer close(inputCh)
		for i, in := range inputs {
			select {
			case ahead <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case inputCh <- numbered{i, in}:
			case <-ctx.Done():
				return
			}
		}
	}()

	var readWG sync.WaitGroup
	for range readers {
		readWG.Go(func() {
			for ni := range inputCh {
				t0 := time.Now()
				var waited time.Duration
				n := 0
				err := r.Read(ctx, ni.in, func(d ingest.Doc) error {
					docs.Add(1)
					w0 := time.Now()
					defer func() { waited += time.Since(w0) }()
					select {
					case docCh <- seqDoc{ni.input, n, d}:
						n++
						return nil
					case <-ctx.Done():
						return ctx.Err()
					}
				}, fail)
				clock.read.Add(int64(time.Since(t0) - waited))
				if err != nil && ctx.Err() == nil {
					fail(err)
				}
				inputsDone.Add(1)
				select { // the input's end: n documents
				case artCh <- cleaned{input: ni.input, doc: n, end: true}:
				case <-ctx.Done():
				}
			}
		})
	}
	go func() {
		readWG.Wait()
		close(docCh)
	}()

	var cleanWG sync.WaitGroup
	for range workers {
		cleanWG.Go(func() {
			for sd := range docCh {
				t0 := time.Now()
				a, err := Clean(sd.d, opts.Clean)
				clock.clean.Add(int64(time.Since(t0)))
				c := cleaned{input: sd.input, doc: sd.doc, ok: err == nil, art: a}
				if err != nil {
					fail(err)
				}
				select {
				case artCh <- c:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() {
		cleanWG.Wait()
		readWG.Wait()
		close(artCh)
	}()
	order := newReorder()

	sum := Summary{Inputs: len(inputs)}
	progress := func() {
		if opts.Progress == nil {
			return
		}
		mu.Lock()
		failed := len(errs)
		mu.Unlock()
		opts.Progress(Progress{
			InputsDone: int(inputsDone.Load()), Inputs: len(inputs),
			Docs: int(docs.Load()), Added: sum.Added, Failed: failed,
			Elapsed: time.Since(start),
		})
	}
	var storeErr error
	batch := make([]news.Article, 0, batchSize)
	stored := 0
	flush := func() {
		if len(batch) == 0 || storeErr != nil {
			return
		}
		t0 := time.Now()
		var added int
		err := opts.retry(ctx, logger, "store batch", func() (err error) {
			added, err = st.PutArticles(ctx, batch)
			return err
		})
		clock.store.Add(int64(time.Since(t0)))
		if err != nil {
			storeErr = fmt.Errorf("store batch of %d articles: %w", len(batch), err)
			cancel()
			return
		}
		sum.Added += added
		if filler, ok := st.(store.MetadataFiller); ok && added < len(batch) {
			t0 := time.Now()
			var filled []store.Filled
			err := opts.retry(ctx, logger, "update batch", func() (err error) {
				filled, err = filler.FillMetadata(ctx, batch)
				return err
			})
			clock.store.Add(int64(time.Since(t0)))
			if err != nil {
				storeErr = fmt.Errorf("update batch of %d articles: %w", len(batch), err)
				cancel()
				return
			}
			sum.Updated += len(filled)
			for _, f := range filled {
				if f.Dated {
					sum.Redated = append(sum.Redated, f.ID)
				}
			}
		}
		stored += len(batch)
		sum.LastBatch = sum.LastBatch[:0]
		for _, a := range batch {
			sum.LastBatch = append(sum.LastBatch, a.ID)
		}
		batch = batch[:0]
		progress()
	}
	ticker := time.NewTicker(flushEvery)
	defer ticker.Stop()
loop:
	for {
		select {
		case c, ok := <-artCh:
			if !ok {
				break loop
			}
			if storeErr != nil {
				continue // drain
			}
			before := order.input
			for _, a := range order.put(c) {
				batch = append(batch, a)
				if len(batch) >= batchSize {
					flush()
				}
			}
			for range order.input - before {
				<-ahead // inputs handed out in full: never blocks
			}
		case <-ticker.C:
			flush()
			if storeErr == nil {
				progress()
			}
		}
	}
	flush()

	sum.Docs = int(docs.Load())
	sum.Existing = stored - sum.Added
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	sum.Errors = errs
	sum.Failed = len(errs)
	sum.Elapsed = time.Since(start)
	sum.Stages = []StageTime{
		{"read", time.Duration(clock.read.Load())},
		{"clean", time.Duration(clock.clean.Load())},
		{"store", time.Duration(clock.store.Load())},
	}
	progress()
	if storeErr != nil {
		return sum, storeErr
	}
	if err := ctx.Err(); err != nil {
		return sum, fmt.Errorf("ingest: %w", err)
	}
	return sum, nil
}

// cleaned is what a cleaning worker made of one document (art, when ok),
// or the end of an input (end, doc being its number of documents).
type cleaned struct {
	input, doc int
	end, ok    bool
	art        news.Article
}

// reorder puts cleaned documents back in input order: the documents of
// input 0 in the order read, then those of input 1, and so on.
type reorder struct {
	input, doc int // the next document to hand out
	waiting    map[[2]int]cleaned
	ends       map[int]int // documents of each input whose end is known
}

func newReorder() *reorder {
	return &reorder{waiting: map[[2]int]cleaned{}, ends: map[int]int{}}
}

// put takes one result and returns the articles now in order.
func (r *reorder) put(c cleaned) []news.Article {
	if c.end {
		r.ends[c.input] = c.doc
	} else {
		r.waiting[[2]int{c.input, c.doc}] = c
	}
	var out []news.Article
	for {
		k := [2]int{r.input, r.doc}
		if w, ok := r.waiting[k]; ok {
			delete(r.waiting, k)
			r.doc++
			if w.ok {
				out = append(out, w.art)
			}
			continue
		}
		if n, ok := r.ends[r.input]; ok && r.doc >= n {
			delete(r.ends, r.input)
			r.input, r.doc = r.input+1, 0
			continue
		}
		return out
	}
}
