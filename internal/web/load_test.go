package web

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/reuters"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/postgres"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
	"github.com/parallax-news/parallax/internal/store/sqlite"
	"github.com/parallax-news/parallax/internal/store/storetest"
)

var (
	loadDuration = flag.Duration("load-duration", 20*time.Second, "how long TestLoad sends requests")
	loadHeavy    = flag.Int("load-heavy", 4, "TestLoad: clients sending the worst searches")
	loadIngest   = flag.Bool("load-ingest", true, "TestLoad: run an ingest during the load")
	loadPostgres = flag.Bool("load-postgres", false, "TestLoad: on the PostgreSQL server of PARALLAX_TEST_POSTGRES instead of SQLite")
)

// loadStore is what TestLoad needs of a backend.
type loadStore interface {
	store.Store
	store.Analyses
}

// TestLoad is the load test of docs/reliability.md: on loopback, over a
// SQLite store holding Reuters stories, 20 clients read light pages
// (health, article lists and pages, stories, the API) while 4 clients send
// the worst searches (storetest.WorstSearches) and an ingest of further
// Reuters files runs. It reports the light paths' latency percentiles and
// error rate and what became of the heavy requests, and fails when a light
// request fails or times out, when the light p99 passes a bound loose
// enough for a busy shared machine (3 s; the target, 100 ms, with
// PARALLAX_LOAD_STRICT set), or when a heavy request is answered more than
// 4 s (scheduling on a loaded machine) after its deadline. Before the limits, light requests waited up to
// 25 s behind the searches.
//
//	go test ./internal/web/ -run TestLoad -v [-load-duration 20s] [-load-heavy 4] [-load-ingest=true]
//	PARALLAX_TEST_POSTGRES=postgres://… go test ./internal/web/ -run TestLoad -v -args -load-postgres
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test: stores ~12,000 articles and runs for -load-duration")
	}
	dir := sharedtest.Dir(t, "corpus", "reuters21578")
	ctx := t.Context()
	var db loadStore
	if *loadPostgres {
		pg, err := postgres.Open(ctx, pgtest.DSN(t))
		if err != nil {
			t.Fatal(err)
		}
		db = pg
	} else {
		lite, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "load.db"))
		if err != nil {
			t.Fatal(err)
		}
		db = lite
	}
	t.Cleanup(func() { db.Close() })

	// The standing corpus: files 0–11 stored as they are (no cleaning).
	start := time.Now()
	stored := 0
	for i := range 12 {
		n, err := putReuters(ctx, db, filepath.Join(dir, fmt.Sprintf("%d.sgm", i)))
		if err != nil {
			t.Fatal(err)
		}
		stored += n
	}
	t.Logf("stored %d Reuters stories in %v", stored, time.Since(start).Round(time.Millisecond))
	recent, err := db.Articles(ctx, store.ArticleQuery{Limit: 50})
	if err != nil || len(recent) == 0 {
		t.Fatalf("articles: %d, %v", len(recent), err)
	}

	// The server, with the limits `serve` applies.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	const timeout = 5 * time.Second
	srv := &http.Server{
		Handler:           New(db, Options{Limits: Limits{Addr: ln.Addr().String(), Timeout: timeout}}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	base := "http://" + ln.Addr().String()
	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: 64, MaxConnsPerHost: 64},
	}

	var light []string
	light = append(light, "/healthz", "/", "/?page=3", "/api/articles?limit=20", "/stories", "/api/stories", "/storylines")
	for _, a := range recent[:10] {
		light = append(light, "/articles/"+url.PathEscape(a.ID), "/api/articles/"+url.PathEscape(a.ID))
	}
	var heavy []string
	worst := storetest.WorstSearches()
	names := make([]string, 0, len(worst))
	for name := range worst {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		heavy = append(heavy, "/search?q="+url.QueryEscape(worst[name]), "/api/search?q="+url.QueryEscape(worst[name]))
	}

	// Each worst search alone, on the store directly, before the load.
	for _, name := range names {
		began := time.Now()
		hits, err := db.Search(ctx, worst[name], 50)
		t.Logf("search %-20s alone: %3d hits in %v, %v", name, len(hits), time.Since(began).Round(100*time.Microsecond), err)
	}

	loadCtx, stop := context.WithTimeout(ctx, *loadDuration)
	defer stop()

	// The ingest: files 12–16 through the pipeline, while the clients run.
	var ingestSum pipeline.Summary
	var ingestErr error
	ingestDone := make(chan struct{})
	go func() {
		defer close(ingestDone)
		if !*loadIngest {
			return
		}
		var args []string
		for i := 12; i <= 16; i++ {
			args = append(args, filepath.Join(dir, fmt.Sprintf("%d.sgm", i)))
		}
		inputs, errs := ingest.Expand(args)
		if len(errs) > 0 {
			ingestErr = errors.Join(errs...)
			return
		}
		ingestSum, ingestErr = pipeline.Ingest(loadCtx, db, &ingest.Reader{}, inputs, pipeline.Options{})
	}()

	type result struct {
		path   string
		status int
		took   time.Duration
		err    error
	}
	var (
		mu                  sync.Mutex
		lightRes, heavyRes  []result
		wg                  sync.WaitGroup
		lightN, heavyN      = 20, *loadHeavy
		lightPaths, heavyPs = light, heavy
	)
	run := func(paths []string, offset int, out *[]result) {
		for i := offset; loadCtx.Err() == nil; i++ {
			p := paths[i%len(paths)]
			began := time.Now()
			resp, err := client.Get(base + p)
			status := 0
			if err == nil {
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				status = resp.StatusCode
			}
			if loadCtx.Err() != nil && err != nil {
				return // the run ended during this request
			}
			mu.Lock()
			*out = append(*out, result{path: p, status: status, took: time.Since(began), err: err})
			mu.Unlock()
		}
	}
	for c := range lightN {
		wg.Go(func() { run(lightPaths, c, &lightRes) })
	}
	for c := range heavyN {
		wg.Go(func() { run(heavyPs, c*3, &heavyRes) })
	}
	wg.Wait()
	<-ingestDone
	if ingestErr != nil && !errors.Is(ingestErr, context.DeadlineExceeded) && !errors.Is(ingestErr, context.Canceled) {
		t.Errorf("ingest: %v", ingestErr)
	}

	var lat []time.Duration
	lightErrs := 0
	for _, r := range lightRes {
		lat = append(lat, r.took)
		if r.err != nil || r.status != http.StatusOK {
			lightErrs++
			if lightErrs <= 5 {
				t.Errorf("light %s: status %d, %v", r.path, r.status, r.err)
			}
		}
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))]
	}
	answered, refused, other := 0, 0, 0
	var heavyMax time.Duration
	for _, r := range heavyRes {
		heavyMax = max(heavyMax, r.took)
		switch {
		case r.err == nil && r.status == http.StatusOK:
			answered++
		case r.err == nil && r.status == http.StatusServiceUnavailable:
			refused++
		default:
			other++
			if other <= 5 {
				t.Errorf("heavy %s: status %d, %v", r.path, r.status, r.err)
			}
		}
	}
	t.Logf("light: %d requests (%.0f/s), %d errors (%.2f%%); p50 %v, p90 %v, p99 %v, max %v",
		len(lat), float64(len(lat))/loadDuration.Seconds(), lightErrs, 100*float64(lightErrs)/float64(max(1, len(lat))),
		pct(0.50).Round(100*time.Microsecond), pct(0.90).Round(100*time.Microsecond), pct(0.99).Round(100*time.Microsecond),
		pct(1).Round(100*time.Microsecond))
	t.Logf("heavy: %d requests, %d answered, %d refused (503), %d other; slowest %v (deadline %v)",
		len(heavyRes), answered, refused, other, heavyMax.Round(time.Millisecond), timeout)
	t.Logf("ingest during the load: %d new articles stored, %d failed", ingestSum.Added, ingestSum.Failed)
	if os.Getenv("PARALLAX_LOAD_STRICT") != "" {
		if p99 := pct(0.99); p99 > 100*time.Millisecond {
			t.Errorf("light p99 %v, target under 100ms", p99)
		}
	} else if p99 := pct(0.99); p99 > 3*time.Second {
		t.Errorf("light p99 %v, want under 3s even on a busy shared machine (target 100ms on a quiet one)", p99)
	}
	if heavyMax > timeout+4*time.Second {
		t.Errorf("a heavy request took %v, past its %v deadline", heavyMax, timeout)
	}
	if answered == 0 && heavyN > 0 {
		t.Error("no heavy request was answered")
	}
	if ingestSum.Added == 0 && *loadIngest {
		t.Error("the ingest stored nothing during the load")
	}
}

// putReuters stores the stories of one Reuters file as they are.
func putReuters(ctx context.Context, db store.Store, path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var batch []news.Article
	err = reuters.Scan(f, 0, func(s reuters.Story) error {
		if s.Body == "" {
			return nil
		}
		text := s.Text()
		published, _ := time.Parse("2-JAN-2006 15:04:05.00", s.Date)
		batch = append(batch, news.Article{ID: news.ContentID(text), Title: s.Title, Outlet: "Reuters",
			Published: published, Language: "en", Text: text, Source: path + "#" + s.ID})
		return nil
	}, nil)
	if err != nil {
		return 0, err
	}
	return db.PutArticles(ctx, batch)
}
