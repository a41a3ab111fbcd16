package engine

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
)

func TestReanalysisDue(t *testing.T) {
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		r    store.Reanalysis
		gap  time.Duration
		want bool
	}{
		{"nothing waits", store.Reanalysis{}, UpgradeReanalysisGap, false},
		{"first upgrade", store.Reanalysis{Waiting: 1, Mark: 1}, UpgradeReanalysisGap, true},
		{"last re-analysis recent", store.Reanalysis{Waiting: 1, Mark: 3, Last: now.Add(-10 * time.Minute)}, UpgradeReanalysisGap, false},
		{"last re-analysis recent, at once", store.Reanalysis{Waiting: 1, Mark: 3, Last: now.Add(-10 * time.Minute)}, 0, true},
		{"last re-analysis an hour old", store.Reanalysis{Waiting: 2, Mark: 3, Last: now.Add(-time.Hour)}, UpgradeReanalysisGap, true},
		{"nothing waits after an old re-analysis", store.Reanalysis{Mark: 3, Last: now.Add(-2 * time.Hour)}, UpgradeReanalysisGap, false},
		{"nothing waits, at once", store.Reanalysis{}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := reanalysisDue(tt.r, now, tt.gap); got != tt.want {
				t.Errorf("due = %v, want %v", got, tt.want)
			}
		})
	}
}

// upgradeSite serves a feed of one summary-only item and its page, which
// answers 503 until pagesUp is set.
type upgradeSite struct {
	srv     *httptest.Server
	pagesUp atomic.Bool
}

func newUpgradeSite(t *testing.T) *upgradeSite {
	s := &upgradeSite{}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feed.xml", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour news</title><link>%[1]s/</link><description>test</description>
<item><title>Harbour pier to reopen</title><link>%[1]s/page/pier</link><guid>pier</guid><pubDate>Mon, 02 Mar 2026 12:00:00 +0000</pubDate><description>The harbour pier of Port Elling is to reopen.</description></item>
</channel></rss>
`, s.srv.URL)
	})
	mux.HandleFunc("GET /page/pier", func(w http.ResponseWriter, r *http.Request) {
		if !s.pagesUp.Load() {
			http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html lang="en"><head><title>Harbour pier to reopen</title></head><body><article><h1>Harbour pier to reopen</h1>
<p>The harbour pier of Port Elling, closed since a cargo ship struck it in February, is to reopen in May, the port authority said on Monday.</p>
<p>"The repairs are ahead of schedule and the pier will take ships again from the first of May," said Hilda Varga, the harbour master.</p>
<p>Engineers replaced two of the damaged piles and are now testing the new deck, according to the authority.</p>
</article></body></html>`)
	})
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.srv.Close)
	return s
}

func (s *upgradeSite) feedURL() string { return s.srv.URL + "/feed.xml" }

func upgradePoller(e *Engine) *feed.Poller {
	return e.NewPoller(PollConfig{Client: fetch.New(fetch.Options{AllowPrivate: true}),
		PollerOptions: feed.PollerOptions{HostRate: rate.Inf}})
}

// storeUpgrade is the process TestUpgradeOutlivesItsProcess kills: it
// polls the feed, whose page now answers, without analysing (as a
// scheduler that leaves the re-analysis for later would), so that the
// stored summary takes the page's text; it says "upgraded" and waits to
// be killed.
func storeUpgrade(dsn, feedURL string) int {
	ctx := context.Background()
	e, err := Open(ctx, dsn, Options{Command: "upgrader"})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	res, err := e.Poll(ctx, upgradePoller(e), feed.PollOptions{Force: true, URLs: []string{feedURL}}, false)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if res.Poll.Failed > 0 {
		fmt.Fprintln(os.Stderr, "poll failed:", res.Poll.Results)
		return 1
	}
	fmt.Println("upgraded")
	time.Sleep(5 * time.Minute)
	return 0
}

// testUpgradeOutlivesItsProcess: a summary analysed before its page came
// takes the page's text in another process, which is SIGKILLed before it
// analyses again; the next process to lead (RunAnalyser) finds the
// article in the database's re-analysis list and analyses everything
// again, so the article's analysis is its page's (the quote only the page
// holds), and the list is empty afterwards.
func testUpgradeOutlivesItsProcess(t *testing.T, dsn string) {
	ctx := context.Background()
	site := newUpgradeSite(t)
	first, err := Open(ctx, dsn, Options{Command: "poll"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := first.AddFeeds(ctx, []feed.Outlet{{FeedURL: site.feedURL(), Title: "Harbour news"}}); err != nil {
		t.Fatal(err)
	}
	res, err := first.Poll(ctx, upgradePoller(first), feed.PollOptions{}, true)
	if err != nil || res.Poll.New != 1 || res.Analysis.Articles != 1 {
		t.Fatalf("first poll: %+v, %v; want the summary stored and analysed", res, err)
	}
	arts, err := first.DB().Articles(ctx, store.ArticleQuery{})
	if err != nil || len(arts) != 1 || arts[0].TextSource != news.TextSummary {
		t.Fatalf("stored: %+v, %v; want one summary", arts, err)
	}
	id := arts[0].ID
	if an, err := first.DB().Analysis(ctx, id); err != nil || len(an.Quotes) != 0 {
		t.Fatalf("the summary's analysis: %+v, %v; want no quote", an, err)
	}
	first.Close()

	site.pagesUp.Store(true)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "PARALLAX_TEST_UPGRADE="+dsn, "PARALLAX_TEST_UPGRADE_FEED="+site.feedURL())
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "upgraded" {
		t.Fatalf("upgrading process said %q, %v", line, err)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()

	e, err := Open(ctx, dsn, Options{Command: "serve"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	if a, err := e.DB().Article(ctx, id); err != nil || a.TextSource != "" || !strings.Contains(a.Text, "Hilda Varga") {
		t.Fatalf("article after the killed process's poll: %+v, %v; want the page's text", a, err)
	}
	st, err := e.Status(ctx)
	if err != nil || st.Reanalysis.Waiting != 1 || !st.Reanalysis.Last.IsZero() {
		t.Fatalf("status before the leader runs: %+v, %v; want one article waiting for re-analysis", st.Reanalysis, err)
	}
	actx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		e.RunAnalyser(actx, 50*time.Millisecond, nil)
	}()
	defer func() {
		stop()
		<-done
	}()
	deadline := time.Now().Add(30 * time.Second)
	for {
		st, err = e.Status(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Reanalysis.Waiting == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the leader did not analyse the upgraded article again: %+v", st.Reanalysis)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if st.Reanalysis.Last.IsZero() {
		t.Errorf("re-analysis done but not dated: %+v", st.Reanalysis)
	}
	an, err := e.DB().Analysis(ctx, id)
	if err != nil || !slices.ContainsFunc(an.Quotes, func(q news.Quote) bool { return strings.Contains(q.Text, "ahead of schedule") }) {
		t.Errorf("analysis after the re-analysis: quotes %+v, %v; want the page's quote", an.Quotes, err)
	}
}

func TestUpgradeOutlivesItsProcessSQLite(t *testing.T) {
	testUpgradeOutlivesItsProcess(t, filepath.Join(t.TempDir(), "p.db"))
}

func TestUpgradeOutlivesItsProcessPostgres(t *testing.T) {
	testUpgradeOutlivesItsProcess(t, pgtest.DSN(t))
}

// testUpgradeDuringAnalysis: a page that comes while the analysis holds
// its article's summary (read, not saved yet) finds no analysis row, so
// the upgrade notes nothing; the run's store notes it after saving the
// batch. A summary still a summary when saved is not noted.
func testUpgradeDuringAnalysis(t *testing.T, dsn string) {
	ctx := context.Background()
	e, err := Open(ctx, dsn, Options{Command: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	when := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	var arts []news.Article
	for _, id := range []string{"upgraded-midway", "still-summary"} {
		arts = append(arts, news.Article{ID: id, Title: "Ferry timetable " + id, Outlet: "Lakeside", Published: when,
			Text: "The ferry adds crossings, " + id + ".", TextSource: news.TextSummary})
	}
	if _, err := e.DB().PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	st := e.analysisStore()
	read, err := st.PendingArticles(ctx, 10)
	if err != nil || len(read) != 2 {
		t.Fatalf("pending: %d, %v", len(read), err)
	}
	page := arts[0]
	page.Text, page.TextSource = "The ferry company adds crossings for the summer, its timetable note says.", ""
	up, err := e.DB().(store.SummaryKeeper).UpgradeSummary(ctx, "upgraded-midway", page)
	if err != nil || !up.Done || up.Analysed {
		t.Fatalf("upgrade during the analysis: %+v, %v; want done, not analysed yet", up, err)
	}
	if err := st.SaveAnalysis(ctx, store.AnalysisBatch{Articles: []store.ArticleAnalysis{
		{ArticleID: "upgraded-midway"}, {ArticleID: "still-summary"}}}); err != nil {
		t.Fatal(err)
	}
	r, _, err := e.reanalysisList(ctx)
	if err != nil || r.Waiting != 1 {
		t.Fatalf("re-analysis list after the save: %+v, %v; want the article upgraded midway", r, err)
	}
	if err := e.reanalysisDone(ctx, r); err != nil {
		t.Fatal(err)
	}
	if r, _, err := e.reanalysisList(ctx); err != nil || r.Waiting != 0 {
		t.Errorf("re-analysis list after done: %+v, %v; want empty (still-summary never noted)", r, err)
	}
}

func TestUpgradeDuringAnalysisSQLite(t *testing.T) {
	testUpgradeDuringAnalysis(t, filepath.Join(t.TempDir(), "p.db"))
}

func TestUpgradeDuringAnalysisPostgres(t *testing.T) {
	testUpgradeDuringAnalysis(t, pgtest.DSN(t))
}
