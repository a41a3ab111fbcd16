// Package engine is Parallax's use-case layer: one Engine owns the store,
// the analyser, the feed poller and the scheduler, and the command line
// and the web server call its methods (Ingest, Analyse, Poll, AddFeeds,
// RunScheduler, RunAnalyser, Status; CompareStory, CompareStoryline,
// Timeline and Brief through its Comparer) instead of wiring stages and
// store by hand. They only parse input and render.
//
// One analyser per database: the cross-article step runs in the process
// that holds the database's analysis lock (see Leader). A process that
// stores articles while another leads leaves their analysis to the leader;
// any process that can analyse looks for stored-but-unanalysed articles
// when it starts, after every ingest and after every poll, whatever the
// poll found, so no kill between storing and analysing leaves work behind.
package engine

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/postgres"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// Database is what the engine keeps its data in: articles, their analysis
// and feed subscriptions. Both backends have all of it.
type Database interface {
	store.Store
	store.Analyses
	store.FeedStore
}

// Options configure an Engine. The zero value is usable.
type Options struct {
	Logger *slog.Logger
	// Command names the process's role ("ingest", "serve", ...) in the
	// analysis lock and in PostgreSQL's list of sessions, for status.
	Command string
	// Leader overrides the analysis lock (tests); nil picks the one of the
	// backend Open opened, or a lock private to this process for New.
	Leader Leader
	// Outlets credits articles to outlets for comparisons; nil means the
	// built-in registry.
	Outlets *outlet.Registry
	// Metrics receives the engine's measurements; nil makes a new set.
	Metrics *Metrics
	// Lang is the language storyline labels and story titles are written
	// in when this engine analyses (ISO 639-1: "en", "ru", "uk", "de");
	// "" means English (pipeline.Analyzer.SetLang).
	Lang string
}

// Engine runs Parallax's use cases over one database. It is safe for
// concurrent use: analysis runs one at a time within the process, and in
// one process at a time across processes (the Leader).
type Engine struct {
	db      Database
	log     *slog.Logger
	lead    Leader
	name    string
	command string
	cmp     *Comparer
	metrics *Metrics
	closeDB bool
	jobs    *Jobs // River, on PostgreSQL (river.go); nil on SQLite

	anMu sync.Mutex // one analysis at a time in this process
	an   *pipeline.Analyzer
	hold bool // keep the lock between analyses (RunAnalyser)
}

// IsPostgres reports whether dsn names a PostgreSQL database (a
// postgres:// or postgresql:// URL); anything else is a SQLite file.
func IsPostgres(dsn string) bool { return postgres.IsURL(dsn) }

// OpenDatabase opens the database dsn names: a postgres:// or
// postgresql:// URL opens the PostgreSQL store, anything else is the path
// of a SQLite file, except values store.ParseLocation refuses (another
// URL scheme, a keyword connection string that may hold a password).
func OpenDatabase(ctx context.Context, dsn string, log *slog.Logger) (Database, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	loc, err := store.ParseLocation(dsn)
	if err != nil {
		return nil, err
	}
	if loc.Postgres {
		db, err := postgres.Open(ctx, loc.URL, postgres.WithLogger(log))
		if err != nil {
			return nil, err
		}
		return db, nil
	}
	db, err := sqlite.Open(ctx, loc.Path, sqlite.WithLogger(log))
	if err != nil {
		return nil, err
	}
	return db, nil
}

// Open opens the database dsn names (see OpenDatabase) and returns an
// Engine over it with the analysis lock of its backend: an advisory lock
// for PostgreSQL, a lock file beside a SQLite file. Close closes both.
func Open(ctx context.Context, dsn string, opts Options) (*Engine, error) {
	if opts.Command == "" {
		opts.Command = "parallax"
	}
	name := dsn
	if postgres.IsURL(dsn) {
		name = postgres.Redact(dsn)
		dsn = withApplicationName(dsn, "parallax "+opts.Command)
	}
	db, err := OpenDatabase(ctx, dsn, opts.Logger)
	if err != nil {
		return nil, err
	}
	if opts.Leader == nil {
		if postgres.IsURL(dsn) {
			opts.Leader = newPgLeader(dsn, opts.Command)
		} else {
			opts.Leader = newFileLeader(dsn, opts.Command)
		}
	}
	var jobs *Jobs
	if postgres.IsURL(dsn) {
		log := opts.Logger
		if log == nil {
			log = slog.New(slog.DiscardHandler)
		}
		if jobs, err = openJobs(ctx, dsn, log); err != nil {
			_ = opts.Leader.Close()
			_ = db.Close()
			return nil, err
		}
	}
	e := New(db, opts)
	e.name, e.closeDB = name, true
	if jobs != nil {
		e.jobs = jobs
		e.metrics.reg.MustRegister(jobCollector{jobs})
		e.an.Prepared = preparedSource{jobs}
	}
	return e, nil
}

// withApplicationName sets application_name in a PostgreSQL URL that has
// none, so that status can list the processes connected.
func withApplicationName(dsn, app string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return dsn
	}
	q := u.Query()
	if q.Get("application_name") != "" {
		return dsn
	}
	q.Set("application_name", clipName(app))
	// pgx reads a "+" in the query as itself, not a space: spell spaces
	// %20 (Encode writes a literal "+" as %2B).
	u.RawQuery = strings.ReplaceAll(q.Encode(), "+", "%20")
	return u.String()
}

// New returns an Engine over an open database. Without opts.Leader the
// analysis lock is private to this process: for databases no other
// process opens (the temporary ones of eval and bench, tests). Close does
// not close db.
func New(db Database, opts Options) *Engine {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opts.Leader == nil {
		opts.Leader = newLocalLeader()
	}
	if opts.Command == "" {
		opts.Command = "parallax"
	}
	reg := opts.Outlets
	if reg == nil {
		var err error
		if reg, err = outlet.Builtin(); err != nil {
			log.Error("built-in outlet registry", "error", err)
		}
	}
	m := opts.Metrics
	if m == nil {
		m = NewMetrics()
	}
	e := &Engine{db: db, log: log, lead: opts.Leader, command: opts.Command, metrics: m,
		an: pipeline.NewAnalyzer(log)}
	if opts.Lang != "" {
		e.an.SetLang(opts.Lang)
	}
	e.cmp = NewComparer(db, reg, log)
	m.watch(e)
	return e
}

// SetAnalysisBatch sets how many articles the analysis takes per batch
// (one transaction each); n <= 0 keeps the default (1000). Smaller
// batches commit more often: tests use them to stop a leader between
// commits. Call it before the first analysis.
func (e *Engine) SetAnalysisBatch(n int) {
	if n <= 0 {
		return
	}
	e.anMu.Lock()
	e.an.BatchSize = n
	e.anMu.Unlock()
}

// DB returns the database, for reads.
func (e *Engine) DB() Database { return e.db }

// Comparer returns the engine's comparison, timeline and brief maker.
func (e *Engine) Comparer() *Comparer { return e.cmp }

// Metrics returns the engine's measurements.
func (e *Engine) Metrics() *Metrics { return e.metrics }

// Leader returns the analysis lock.
func (e *Engine) Leader() Leader { return e.lead }

// Close releases the analysis lock and closes the database if Open opened
// it.
func (e *Engine) Close() error {
	err := e.lead.Close()
	e.jobs.Close()
	if e.closeDB {
		err = errors.Join(err, e.db.Close())
	}
	return err
}

// IngestOptions tune Engine.Ingest.
type IngestOptions struct {
	pipeline.Options
	Reader *ingest.Reader
	// Wait makes Ingest return only when what it stored is analysed: by
	// this process when it can lead, else by the leader (taking over if
	// the leader goes away).
	Wait bool
	// NoAnalysis stores only (bench measures the steps apart).
	NoAnalysis bool
}

// IngestResult reports an ingest and the analysis after it.
type IngestResult struct {
	Ingest   pipeline.Summary
	Analysis pipeline.AnalyzeSummary
	// LeftToLeader is true when another process leads the analysis and the
	// stored articles were left to it (Wait unset).
	LeftToLeader bool
	// WaitedForLeader is true when Wait waited for the leading process to
	// analyse them (Analysis then counts only what this process analysed
	// itself, after taking over).
	WaitedForLeader bool
	// Reanalysed is true when the ingest changed the date of an article
	// already analysed and the whole analysis was therefore redone (as
	// analyse --reset does): stories and storylines depend on dates.
	Reanalysed bool
	// StaleDates counts analysed articles whose date changed but whose
	// analysis could not be redone because another process leads it:
	// "parallax analyse --reset" redoes it once that process stops.
	StaleDates int
}

// Ingest reads, cleans and stores the inputs, then analyses what is
// pending when this process can lead (see Analyse); with Wait it returns
// once the articles it stored are analysed, by whichever process leads.
func (e *Engine) Ingest(ctx context.Context, inputs []ingest.Input, opts IngestOptions) (IngestResult, error) {
	r := opts.Reader
	if r == nil {
		r = &ingest.Reader{}
	}
	var res IngestResult
	if e.jobs != nil && opts.Transient == nil {
		opts.Transient = transient // PostgreSQL: ride out a restart
	}
	sum, err := pipeline.Ingest(ctx, e.db, r, inputs, opts.Options)
	res.Ingest = sum
	e.metrics.stored(sum.Added)
	if err != nil || opts.NoAnalysis {
		return res, err
	}
	stale, err := e.analysedAmong(ctx, sum.Redated)
	if err != nil {
		return res, err
	}
	if stale > 0 {
		an, err := e.AnalyseReset(ctx)
		switch {
		case err == nil:
			res.Analysis, res.Reanalysed = an, true
			return res, nil
		case errors.Is(err, ErrNotLeader):
			res.StaleDates = stale
		default:
			return res, err
		}
	}
	an, left, err := e.Analyse(ctx)
	res.Analysis = an
	if err != nil {
		return res, err
	}
	res.LeftToLeader = left
	if !left || !opts.Wait || len(sum.LastBatch) == 0 {
		return res, nil
	}
	more, err := e.waitAnalysed(ctx, sum.LastBatch)
	res.Analysis = addSummaries(res.Analysis, more)
	if err == nil {
		res.LeftToLeader, res.WaitedForLeader = false, true
	}
	return res, err
}

// analysedAmong counts the articles of ids that have been analysed.
func (e *Engine) analysedAmong(ctx context.Context, ids []string) (int, error) {
	n := 0
	for _, id := range ids {
		_, err := e.db.Analysis(ctx, id)
		switch {
		case err == nil:
			n++
		case !errors.Is(err, store.ErrNotFound):
			return 0, err
		}
	}
	return n, nil
}

// waitAnalysed waits until the articles ids (an ingest's last batch) are
// analysed, trying to lead now and then in case the leader went away (it
// then analyses itself). Batches are analysed in store order, so when the
// last batch an ingest stored is analysed, all it stored is (an article of
// it stored earlier by another process was analysed earlier).
func (e *Engine) waitAnalysed(ctx context.Context, ids []string) (pipeline.AnalyzeSummary, error) {
	var total pipeline.AnalyzeSummary
	var failingSince time.Time
	for {
		for len(ids) > 0 {
			_, err := e.db.Analysis(ctx, ids[len(ids)-1])
			if errors.Is(err, store.ErrNotFound) {
				break
			}
			if err != nil && e.jobs != nil && transient(err) && ctx.Err() == nil {
				if failingSince.IsZero() {
					failingSince = time.Now()
				}
				if time.Since(failingSince) < retryTransient {
					break // look again after the wait
				}
			}
			if err != nil {
				return total, fmt.Errorf("wait for analysis: %w", err)
			}
			failingSince = time.Time{}
			ids = ids[:len(ids)-1]
		}
		if len(ids) == 0 {
			return total, nil
		}
		select {
		case <-ctx.Done():
			return total, fmt.Errorf("wait for analysis: %w", ctx.Err())
		case <-time.After(200 * time.Millisecond):
		}
		an, _, err := e.Analyse(ctx)
		total = addSummaries(total, an)
		if err != nil {
			return total, err
		}
	}
}

func addSummaries(a, b pipeline.AnalyzeSummary) pipeline.AnalyzeSummary {
	if b.Articles == 0 && b.Replayed == 0 {
		return a
	}
	a.Articles += b.Articles
	a.Duplicates += b.Duplicates
	a.NewStories += b.NewStories
	a.Quotes += b.Quotes
	a.Replayed += b.Replayed
	a.Restored += b.Restored
	a.Prepared += b.Prepared
	a.Elapsed += b.Elapsed
	a.Stages = append(a.Stages, b.Stages...)
	return a
}

// HasPending reports whether any stored article is not analysed yet.
func (e *Engine) HasPending(ctx context.Context) (bool, error) {
	p, err := e.db.PendingArticles(ctx, 1)
	if err != nil {
		return false, err // the store's error names the query
	}
	return len(p) > 0, nil
}

// ErrNotLeader is returned by AnalyseReset when another process leads the
// analysis of the database.
var ErrNotLeader = errors.New("another process leads the analysis of this database")

// Analyse analyses every stored article not analysed yet, if this process
// can lead: it takes the analysis lock, analyses, and releases the lock
// unless the engine holds it for good (RunAnalyser). When another process
// holds the lock the work is left to it and left is true. After releasing
// it looks again: articles stored meanwhile by a process that found the
// lock taken would otherwise be nobody's (store, then try the lock, is
// what every storing process does; release, then look, is what the leader
// does).
//
// On PostgreSQL an error that a later attempt may not meet (the server
// restarting, a broken connection, the lock's connection lost) is retried
// with backoff for up to a minute: the analyser rebuilds its state from
// the store and goes on from the last committed batch.
func (e *Engine) Analyse(ctx context.Context) (sum pipeline.AnalyzeSummary, left bool, err error) {
	e.anMu.Lock()
	defer e.anMu.Unlock()
	var since time.Time
	for failures := 0; ; failures++ {
		var an pipeline.AnalyzeSummary
		an, left, err = e.analyseOnce(ctx)
		sum = addSummaries(sum, an)
		if err == nil || e.jobs == nil || !transient(err) || ctx.Err() != nil {
			return sum, left, err
		}
		if since.IsZero() || an.Articles > 0 {
			// The minute runs from the first failure since the last
			// progress: a long analysis may meet several restarts.
			since, failures = time.Now(), 0
		}
		if time.Since(since) > retryTransient {
			return sum, false, err
		}
		e.log.WarnContext(ctx, "analysis interrupted; retrying", "error", err)
		if !backoff(ctx, failures) {
			return sum, false, err
		}
	}
}

// analyseOnce is Analyse without the retries.
func (e *Engine) analyseOnce(ctx context.Context) (sum pipeline.AnalyzeSummary, left bool, err error) {
	for {
		pending, err := e.HasPending(ctx)
		if err != nil || !pending {
			return sum, false, err
		}
		ok, err := e.lead.TryAcquire(ctx)
		if err != nil {
			return sum, false, err
		}
		if !ok {
			e.log.DebugContext(ctx, "analysis left to the leading process")
			return sum, true, nil
		}
		e.wantPrepared(ctx)
		an, err := e.analyseLocked(ctx)
		sum = addSummaries(sum, an)
		if !e.hold {
			e.lead.Release()
		}
		if err != nil {
			return sum, false, err
		}
	}
}

// wantPrepared enqueues prepare jobs for the pending articles beyond the
// next two batches, when the database has a job queue and a worker that
// prepares is alive (see jobs_prepare.go). A failure costs only speed:
// the analysis prepares what no worker did.
func (e *Engine) wantPrepared(ctx context.Context) {
	if e.jobs == nil {
		return
	}
	// The analysis holds up to about two batches beyond the last one
	// committed (one deciding, one prepared, one being prepared): jobs for
	// those would only do its work twice.
	var n int
	var err error
	for try := 0; try < 3; try++ {
		if n, err = e.enqueuePrepare(ctx, 2*e.an.BatchSize, 20*e.an.BatchSize); err == nil || !transient(err) {
			break // a deadlock with a worker's write is worth another try
		}
	}
	if err != nil {
		e.log.WarnContext(ctx, "prepare jobs not enqueued; the analysis prepares the articles itself", "error", err)
		return
	}
	if n > 0 {
		e.log.DebugContext(ctx, "prepare jobs enqueued", "articles", n)
	}
}

// AnalyseReset forgets every analysis result and analyses all articles
// again; it needs the analysis lock and fails with ErrNotLeader when
// another process holds it.
func (e *Engine) AnalyseReset(ctx context.Context) (pipeline.AnalyzeSummary, error) {
	e.anMu.Lock()
	defer e.anMu.Unlock()
	ok, err := e.lead.TryAcquire(ctx)
	if err != nil {
		return pipeline.AnalyzeSummary{}, err
	}
	if !ok {
		return pipeline.AnalyzeSummary{}, ErrNotLeader
	}
	if !e.hold {
		defer e.lead.Release()
	}
	// Articles noted for re-analysis before the reset are analysed with
	// their present text by it; one noted later keeps its note.
	waiting, _, err := e.reanalysisList(ctx)
	if err != nil {
		return pipeline.AnalyzeSummary{}, err
	}
	if err := e.db.ResetAnalysis(ctx); err != nil {
		return pipeline.AnalyzeSummary{}, err
	}
	e.wantPrepared(ctx)
	sum, err := e.analyseLocked(ctx)
	if err != nil {
		return sum, err
	}
	if err := e.reanalysisDone(ctx, waiting); err != nil {
		return sum, err
	}
	return sum, nil
}

// analyseLocked runs the analyser while holding the lock; a lost lock
// cancels it.
func (e *Engine) analyseLocked(ctx context.Context) (pipeline.AnalyzeSummary, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	lost := e.lead.Lost()
	go func() {
		select {
		case <-lost:
			cancel(errLockLost)
		case <-ctx.Done():
		}
	}()
	if e.jobs != nil {
		// Keep workers ahead of the analysis as it moves through a long
		// backlog and as articles arrive.
		var wg sync.WaitGroup
		defer wg.Wait()
		defer cancel(nil)
		wg.Go(func() {
			t := time.NewTicker(2 * time.Second)
			defer t.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case <-t.C:
					e.wantPrepared(ctx)
				}
			}
		})
	}
	sum, err := e.an.Analyze(ctx, e.analysisStore())
	e.metrics.analysed(sum)
	if e.jobs != nil && sum.Articles > 0 {
		if err := e.jobs.dropPrepared(ctx); err != nil {
			e.log.WarnContext(ctx, "analysis", "error", err) // dropped after the next analysis
		}
	}
	if err != nil {
		if c := context.Cause(ctx); c != nil && !errors.Is(c, context.Canceled) && !errors.Is(err, c) {
			err = fmt.Errorf("%w (%w)", err, c)
		}
		return sum, err
	}
	return sum, nil
}

// RunAnalyser keeps this process the analyser of the database while ctx
// lives (for serve): it takes the lock when it is free, analyses what is
// pending every interval (default one second) and when kicked, and gives
// the lock back only when ctx ends. When another process leads it tries
// again every interval, so a leader that dies is replaced within seconds;
// the new leader's analyser restores the snapshot the old one kept. A lost
// lock (the connection that held it broke) is retaken when it can be.
func (e *Engine) RunAnalyser(ctx context.Context, interval time.Duration, kick <-chan struct{}) {
	if interval <= 0 {
		interval = time.Second
	}
	e.anMu.Lock()
	e.hold = true
	e.anMu.Unlock()
	defer func() {
		e.anMu.Lock()
		e.hold = false
		e.lead.Release()
		e.anMu.Unlock()
	}()
	t := time.NewTicker(interval)
	defer t.Stop()
	wasLeader := false
	for {
		if ok, err := e.lead.TryAcquire(ctx); err != nil {
			if ctx.Err() != nil {
				return
			}
			e.log.WarnContext(ctx, "analysis lock", "error", err)
		} else if ok != wasLeader {
			wasLeader = ok
			if ok {
				e.log.InfoContext(ctx, "this process now leads the analysis of the database")
			}
		}
		if wasLeader {
			if an, _, err := e.Analyse(ctx); err != nil {
				if ctx.Err() != nil {
					return
				}
				e.log.WarnContext(ctx, "analysis failed", "error", err)
			} else if an.Articles > 0 {
				e.log.InfoContext(ctx, "analysed", "articles", an.Articles, "new_stories", an.NewStories)
			}
			// Summaries analysed before their pages came, whichever
			// process stored the pages: at most hourly.
			e.reanalyseIfDue(ctx)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-kick:
		}
	}
}
