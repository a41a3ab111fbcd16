package engine

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
)

// TestMain lets a test re-run this binary as a process that holds the
// analysis lock of a database until it is killed, or one that stores a
// feed summary's page and waits to be killed.
func TestMain(m *testing.M) {
	if dsn := os.Getenv("PARALLAX_TEST_HOLD_LOCK"); dsn != "" {
		os.Exit(holdLock(dsn))
	}
	if dsn := os.Getenv("PARALLAX_TEST_UPGRADE"); dsn != "" {
		os.Exit(storeUpgrade(dsn, os.Getenv("PARALLAX_TEST_UPGRADE_FEED")))
	}
	os.Exit(m.Run())
}

// holdLock takes the analysis lock of dsn's database, says "held" on
// standard output and waits to be killed.
func holdLock(dsn string) int {
	ctx := context.Background()
	e, err := Open(ctx, dsn, Options{Command: "holder"})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ok, err := e.Leader().TryAcquire(ctx)
	if err != nil || !ok {
		fmt.Fprintln(os.Stderr, "could not take the lock:", ok, err)
		return 1
	}
	fmt.Println("held")
	time.Sleep(5 * time.Minute)
	return 0
}

// fixture articles of our own, two about one event and one about another.
func fixture() []news.Article {
	day := time.Date(2025, 9, 24, 10, 0, 0, 0, time.UTC)
	return []news.Article{
		{ID: "a1", Title: "Harbour bridge closed after ship strikes pier", Outlet: "Coast Daily", Published: day,
			Text: "The harbour bridge in Port Elling was closed on Tuesday after a cargo ship struck one of its piers, the city council said. Engineers inspected the pier overnight."},
		{ID: "a2", Title: "Cargo ship hits Port Elling bridge pier", Outlet: "Bay Times", Published: day.Add(time.Hour),
			Text: "A cargo ship struck a pier of the Port Elling harbour bridge on Tuesday and the bridge was closed, council officials said. Engineers began an inspection of the pier."},
		{ID: "a3", Title: "Orchestra announces winter season", Outlet: "Arts Weekly", Published: day.Add(48 * time.Hour),
			Text: "The city orchestra announced a winter season of twelve concerts, opening with a new symphony by a local composer in December."},
	}
}

// startHolder runs a process holding dsn's analysis lock and returns it
// once it holds it.
func startHolder(t *testing.T, dsn string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "PARALLAX_TEST_HOLD_LOCK="+dsn)
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
	if err != nil || strings.TrimSpace(line) != "held" {
		t.Fatalf("lock holder said %q, %v", line, err)
	}
	return cmd
}

// testTwoProcesses: while another process holds the lock, this one stores
// but cannot analyse (the articles stay pending, left to the holder);
// once the holder is killed with SIGKILL, this one takes the lead within
// seconds and analyses them.
func testTwoProcesses(t *testing.T, dsn string) {
	ctx := context.Background()
	holder := startHolder(t, dsn)
	e, err := Open(ctx, dsn, Options{Command: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	h, err := e.Leader().Holder(ctx)
	if err != nil || !h.Held || h.PID != holder.Process.Pid || h.Command != "holder" {
		t.Errorf("holder seen as %+v, %v; want pid %d, command holder", h, err, holder.Process.Pid)
	}
	if ok, err := e.Leader().TryAcquire(ctx); ok || err != nil {
		t.Fatalf("second process took the held lock: %v, %v", ok, err)
	}
	st, err := e.Status(ctx)
	if err != nil || st.Leader.PID != holder.Process.Pid {
		t.Errorf("status: %+v, %v", st, err)
	}
	if IsPostgres(dsn) {
		names := map[string]bool{}
		for _, p := range st.Processes {
			names[p.Name] = true
		}
		if want := fmt.Sprintf("parallax holder leader pid %d on ", holder.Process.Pid); !slices.ContainsFunc(st.Processes, func(p Process) bool {
			return strings.HasPrefix(p.Name, want)
		}) || !names["parallax test"] {
			t.Errorf("processes seen: %+v; want the holder's lock session and this process's pool", st.Processes)
		}
	}
	if _, err := e.DB().PutArticles(ctx, fixture()); err != nil {
		t.Fatal(err)
	}
	sum, left, err := e.Analyse(ctx)
	if err != nil || !left || sum.Articles != 0 {
		t.Fatalf("analyse under another leader: %+v, left %v, %v; want nothing analysed, left to the leader", sum, left, err)
	}
	if pending, _ := e.HasPending(ctx); !pending {
		t.Fatal("articles analysed although another process holds the lock")
	}
	if err := holder.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	for {
		sum, left, err = e.Analyse(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !left {
			break
		}
		if time.Since(start) > 10*time.Second {
			t.Fatal("lock of a killed process not free after 10 s")
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("took the lead %v after the kill", time.Since(start).Round(time.Millisecond))
	if sum.Articles != 3 {
		t.Errorf("analysed %d articles after taking the lead, want 3", sum.Articles)
	}
	if pending, _ := e.HasPending(ctx); pending {
		t.Error("articles left pending")
	}
	if h, _ := e.Leader().Holder(ctx); h.Held {
		t.Errorf("lock still held after a one-shot analysis: %+v", h)
	}
}

func TestTwoProcessesSQLite(t *testing.T) {
	testTwoProcesses(t, filepath.Join(t.TempDir(), "p.db"))
}

func TestTwoProcessesPostgres(t *testing.T) {
	testTwoProcesses(t, pgtest.DSN(t))
}

// testLeaderExclusive checks the lock within one process: two leaders of
// one database exclude each other, and Release frees it.
func testLeaderExclusive(t *testing.T, a, b Leader) {
	ctx := context.Background()
	defer a.Close()
	defer b.Close()
	if ok, err := a.TryAcquire(ctx); !ok || err != nil {
		t.Fatalf("first acquire: %v, %v", ok, err)
	}
	if ok, err := a.TryAcquire(ctx); !ok || err != nil {
		t.Fatalf("acquire again by the holder: %v, %v", ok, err)
	}
	if ok, err := b.TryAcquire(ctx); ok || err != nil {
		t.Fatalf("second leader took a held lock: %v, %v", ok, err)
	}
	if h, err := b.Holder(ctx); err != nil || !h.Held {
		t.Errorf("holder seen by the other: %+v, %v", h, err)
	}
	a.Release()
	if a.Held() {
		t.Error("held after Release")
	}
	if h, err := b.Holder(ctx); err != nil || h.Held {
		t.Errorf("holder after release: %+v, %v", h, err)
	}
	if ok, err := b.TryAcquire(ctx); !ok || err != nil {
		t.Fatalf("acquire after release: %v, %v", ok, err)
	}
}

func TestFileLeaderExclusive(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	testLeaderExclusive(t, newFileLeader(path, "a"), newFileLeader(path, "b"))
}

func TestPgLeaderExclusive(t *testing.T) {
	dsn := pgtest.DSN(t)
	// The schema must exist for the key: open the store once.
	e, err := Open(context.Background(), dsn, Options{})
	if err != nil {
		t.Fatal(err)
	}
	e.Close()
	testLeaderExclusive(t, newPgLeader(dsn, "a"), newPgLeader(dsn, "b"))
}

// TestHeldLeaderKeepsLead: an engine that holds the lock for good
// (RunAnalyser) analyses what another process stores, and the analyser of
// a process that did not lead reloads the state the leader wrote.
func TestRunAnalyserAnalysesOthersWork(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	path := filepath.Join(t.TempDir(), "p.db")
	leader, err := Open(ctx, path, Options{Command: "serve"})
	if err != nil {
		t.Fatal(err)
	}
	defer leader.Close()
	other, err := Open(ctx, path, Options{Command: "ingest"})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	// other analyses first, while nobody leads: its analyser is warm.
	arts := fixture()
	if _, err := other.DB().PutArticles(ctx, arts[:1]); err != nil {
		t.Fatal(err)
	}
	if sum, left, err := other.Analyse(ctx); err != nil || left || sum.Articles != 1 {
		t.Fatalf("first analysis: %+v, %v, %v", sum, left, err)
	}

	kick := make(chan struct{}, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		leader.RunAnalyser(ctx, 50*time.Millisecond, kick)
	}()
	waitFor(t, "the leader to take the lock", func() bool { return leader.Leader().Held() })
	if _, err := other.DB().PutArticles(ctx, arts[1:2]); err != nil {
		t.Fatal(err)
	}
	if _, left, err := other.Analyse(ctx); err != nil || !left {
		t.Fatalf("analysis under a leader: left %v, %v", left, err)
	}
	waitFor(t, "the leader to analyse", func() bool {
		p, err := other.HasPending(ctx)
		return err == nil && !p
	})
	cancel()
	<-done
	if leader.Leader().Held() {
		t.Error("lock held after RunAnalyser returned")
	}

	// other's analyser took in 1 article, the store's mark says 2: it
	// must reload, not add the third on stale memory.
	if _, err := other.DB().PutArticles(context.Background(), arts[2:]); err != nil {
		t.Fatal(err)
	}
	sum, left, err := other.Analyse(context.Background())
	if err != nil || left || sum.Articles != 1 {
		t.Fatalf("analysis after the leader left: %+v, left %v, %v", sum, left, err)
	}
	if sum.Restored+sum.Replayed != 2 {
		t.Errorf("stale analyser not reloaded: restored %d, replayed %d; want 2 together", sum.Restored, sum.Replayed)
	}
	a1, err := other.DB().Analysis(context.Background(), "a1")
	if err != nil {
		t.Fatal(err)
	}
	a2, err := other.DB().Analysis(context.Background(), "a2")
	if err != nil {
		t.Fatal(err)
	}
	if a1.StoryID == "" || a1.StoryID != a2.StoryID {
		t.Errorf("the two reports of one event in stories %q and %q", a1.StoryID, a2.StoryID)
	}
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// noFetch is a feed.Getter that is never expected to be called.
type noFetch struct{ t *testing.T }

func (g noFetch) Get(_ context.Context, url string, _ fetch.Conditional) (*fetch.Response, error) {
	g.t.Errorf("unexpected fetch of %s", url)
	return nil, fmt.Errorf("no fetching here")
}

// TestPollAnalysesLeftovers is issue 16's "no work left behind": articles
// stored by a poll that was killed before analysing are analysed by the
// next poll, even one that finds nothing new.
func TestPollAnalysesLeftovers(t *testing.T) {
	ctx := context.Background()
	e, err := Open(ctx, filepath.Join(t.TempDir(), "p.db"), Options{Command: "poll"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	// What a killed poll leaves: stored, not analysed.
	if _, err := e.DB().PutArticles(ctx, fixture()); err != nil {
		t.Fatal(err)
	}
	p := e.NewPoller(PollConfig{Client: noFetch{t}})
	res, err := e.Poll(ctx, p, feed.PollOptions{}, true)
	if err != nil {
		t.Fatal(err)
	}
	if res.Poll.New != 0 || res.Analysis.Articles != 3 || res.LeftToLeader {
		t.Errorf("poll that found nothing: %d new, analysed %d, left %v; want the 3 leftovers analysed",
			res.Poll.New, res.Analysis.Articles, res.LeftToLeader)
	}
	if pending, _ := e.HasPending(ctx); pending {
		t.Error("articles still pending")
	}
}
