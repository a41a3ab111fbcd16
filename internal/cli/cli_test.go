package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// run executes the command line in-process and returns exit code, stdout
// and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := run(t, args...)
	if code != 0 {
		t.Fatalf("parallax %s: exit %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

func decodeLines[T any](t *testing.T, s string) []T {
	t.Helper()
	var out []T
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("bad JSON line %q: %v", sc.Text(), err)
		}
		out = append(out, v)
	}
	return out
}

func TestSeedsEndToEnd(t *testing.T) {
	seeds := sharedtest.Dir(t, "corpus", "seeds")
	db := filepath.Join(t.TempDir(), "p.db")

	out := mustRun(t, "ingest", "--db", db, "--json", seeds)
	type summary struct {
		Documents, Added, Existing, Failed int
	}
	sum := decodeLines[summary](t, out)
	if len(sum) != 1 || sum[0].Documents != 5 || sum[0].Added != 5 || sum[0].Failed != 0 {
		t.Fatalf("first ingest summary = %s", out)
	}
	out = mustRun(t, "ingest", "--db", db, "--json", seeds)
	sum = decodeLines[summary](t, out)
	if sum[0].Added != 0 || sum[0].Existing != 5 {
		t.Fatalf("second ingest added something: %s", out)
	}

	arts := decodeLines[news.Article](t, mustRun(t, "articles", "--db", db, "--json"))
	if len(arts) != 5 {
		t.Fatalf("articles: got %d, want 5", len(arts))
	}
	byFile := map[string]news.Article{}
	for _, a := range arts {
		byFile[filepath.Base(a.Source)] = a
		if a.ID == "" || a.Text == "" || a.Removed == nil {
			t.Errorf("%s: incomplete article %+v", a.Source, a)
		}
	}
	wantOrigin := map[string]string{
		"000_770eb5dd6f5eb60c.txt": "kyiv independent",
		"001_f89702b78f56e684.txt": "rt",
		"002_84fede33de64a8b3.txt": "axios",
		"004_1d6ada1cc2e61389.txt": "afp",
	}
	for file, want := range wantOrigin {
		a, ok := byFile[file]
		if !ok {
			t.Errorf("%s not ingested", file)
			continue
		}
		if !strings.Contains(strings.ToLower(a.OriginOutlet), want) {
			t.Errorf("%s: origin_outlet = %q, want %q", file, a.OriginOutlet, want)
		}
	}
	if r := byFile["001_f89702b78f56e684.txt"].Republisher; !strings.Contains(strings.ToLower(r), "ussanews") {
		t.Errorf("001: republisher = %q, want USSANews", r)
	}

	hits := decodeLines[struct {
		Article news.Article `json:"article"`
		Snippet string       `json:"snippet"`
	}](t, mustRun(t, "search", "--db", db, "--json", "Ushakov"))
	if len(hits) != 2 {
		t.Errorf("search Ushakov: %d hits, want 2", len(hits))
	}

	id := arts[0].ID
	shown := mustRun(t, "show", "--db", db, id)
	if !strings.Contains(shown, id) {
		t.Errorf("show %s does not print the ID:\n%s", id, shown)
	}
	if code, _, errs := run(t, "show", "--db", db, "nosuchid"); code != 1 || !strings.Contains(errs, "nosuchid") {
		t.Errorf("show unknown: exit %d, stderr %q", code, errs)
	}
}

func TestExtractJSON(t *testing.T) {
	seed := filepath.Join(sharedtest.Dir(t, "corpus", "seeds"), "001_f89702b78f56e684.txt")
	arts := decodeLines[map[string]any](t, mustRun(t, "extract", "--json", seed))
	if len(arts) != 1 {
		t.Fatalf("extract --json printed %d objects, want 1", len(arts))
	}
	for _, k := range []string{"id", "title", "outlet", "origin_outlet", "republisher", "url", "published", "published_estimated", "language", "text", "removed"} {
		if _, ok := arts[0][k]; !ok {
			t.Errorf("extract --json lacks field %q", k)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"unknown command", []string{"frobnicate"}, 1},
		{"unknown flag", []string{"articles", "--nope"}, 2},
		{"bad date", []string{"ingest", "--db", filepath.Join(t.TempDir(), "x.db"), "--published", "someday", "x.txt"}, 2},
		{"ingest without input", []string{"ingest"}, 2},
		{"serve with a mistyped dates file", []string{"serve", "--db", filepath.Join(t.TempDir(), "s.db"), "--addr", "127.0.0.1:0",
			"--dates", filepath.Join(t.TempDir(), "no-such-dates.tsv"), "x.txt"}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := run(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, errs)
			}
			if errs == "" {
				t.Error("no message on stderr")
			}
		})
	}
}

// TestServeAddressTaken: a taken port fails before anything is ingested,
// naming --addr.
func TestServeAddressTaken(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	db := filepath.Join(t.TempDir(), "s.db")
	code, _, errs := run(t, "serve", "--db", db, "--addr", ln.Addr().String(), sharedtest.Dir(t, "corpus", "seeds"))
	if code == 0 || !strings.Contains(errs, "--addr") {
		t.Fatalf("exit %d, stderr %q; want a failure that names --addr", code, errs)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("the database was created (and the seeds ingested) before the address was checked")
	}
}

// TestIngestCountsInOneInput: "1 input", not "1 inputs".
func TestIngestCountsInOneInput(t *testing.T) {
	seeds := sharedtest.Dir(t, "corpus", "seeds")
	out := mustRun(t, "ingest", "--db", filepath.Join(t.TempDir(), "p.db"), filepath.Join(seeds, "004_1d6ada1cc2e61389.txt"))
	if !strings.Contains(out, "ingested 1 article from 1 input:") {
		t.Errorf("summary %q does not count one article from one input", out)
	}
}

func TestHelpMentionsEveryCommand(t *testing.T) {
	out := mustRun(t, "--help")
	for _, c := range []string{"ingest", "extract", "articles", "show", "search", "serve", "eval", "bench",
		"stories", "storylines", "entities", "quotes", "analyse", "feeds", "poll", "outlets", "compare", "timeline", "brief"} {
		if !strings.Contains(out, c) {
			t.Errorf("--help does not list %q", c)
		}
	}
}

// TestBadInputsKeepStoredData ingests the seeds, then a batch of broken
// inputs mixed with a good one: each broken input is named in an error, the
// good one is stored, and the stored seeds are unchanged.
func TestBadInputsKeepStoredData(t *testing.T) {
	seeds := sharedtest.Dir(t, "corpus", "seeds")
	db := filepath.Join(t.TempDir(), "p.db")
	mustRun(t, "ingest", "--db", db, seeds)
	before := mustRun(t, "articles", "--db", db, "--json")

	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("empty.txt", nil)
	write("binary.txt", []byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0})
	big := write("huge.txt", nil)
	if err := os.Truncate(big, 200<<20); err != nil { // sparse: 200 MB on paper
		t.Fatal(err)
	}
	deep := strings.Repeat("<div>", 100000) + "<p>deep text</p>" + strings.Repeat("</div>", 100000)
	write("deep.html", []byte("<html><body>"+deep+"</body></html>"))
	write("lines.jsonl", []byte(`{"title":"Good line","text":"A perfectly good article body about ports and shipping in the Baltic, long enough to keep.","outlet":"Testwire","published":"2024-03-01"}
{"title":"broken", "text": 
`))
	write("invalid-utf8.txt", append([]byte("Valid start of an article about grain exports. "), 0xff, 0xfe, 0xfd, '\n', 'e', 'n', 'd', '.'))

	code, _, errs := run(t, "ingest", "--db", db, dir)
	if code != 1 {
		t.Errorf("exit code %d, want 1 (some inputs failed)", code)
	}
	for _, name := range []string{"empty.txt", "binary.txt", "huge.txt", "lines.jsonl:2"} {
		if !strings.Contains(errs, name) {
			t.Errorf("no error naming %s in:\n%s", name, errs)
		}
	}
	arts := decodeLines[news.Article](t, mustRun(t, "articles", "--db", db, "--json", "--limit", "100"))
	titles := map[string]bool{}
	for _, a := range arts {
		titles[a.Title] = true
	}
	if !titles["Good line"] {
		t.Errorf("the good JSON line was not stored")
	}
	// Every seed article is still there, byte for byte.
	stored := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(mustRun(t, "articles", "--db", db, "--json", "--limit", "100")), "\n") {
		var a news.Article
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatal(err)
		}
		stored[a.ID] = line
	}
	for _, line := range strings.Split(strings.TrimSpace(before), "\n") {
		var a news.Article
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatal(err)
		}
		if stored[a.ID] != line {
			t.Errorf("seed %s changed or lost:\nbefore %s\nafter  %s", a.ID, line, stored[a.ID])
		}
	}
}

// TestEvalClusterErrors lists the clustering errors on a slice of the
// labelled news set, in text and in JSON; the pairs they cost add up to
// the pairs the pairwise figures miss.
func TestEvalClusterErrors(t *testing.T) {
	src := sharedtest.Dir(t, "eval", "news-clusters")
	var rep struct {
		PairwisePrecision float64 `json:"pairwise_precision"`
		PairwiseRecall    float64 `json:"pairwise_recall"`
		Errors            []struct {
			Kind   string `json:"kind"`
			Groups [][]struct {
				ID    string `json:"id"`
				Event string `json:"event"`
				Story string `json:"story"`
			} `json:"groups"`
			Pairs int `json:"pairs"`
		} `json:"errors"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "eval", "cluster", "--errors", "--json", src)), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) == 0 {
		t.Fatal("no errors listed on news-clusters")
	}
	split, mixed := 0, 0
	for _, e := range rep.Errors {
		if len(e.Groups) < 2 || e.Pairs <= 0 {
			t.Errorf("error %+v: want two groups or more and a cost", e)
		}
		switch e.Kind {
		case "split":
			split += e.Pairs
		case "mixed":
			mixed += e.Pairs
		default:
			t.Errorf("error kind %q", e.Kind)
		}
	}
	// precision = tp/(tp+mixed), recall = tp/(tp+split): both give tp.
	tpFromP := float64(mixed) * rep.PairwisePrecision / (1 - rep.PairwisePrecision)
	tpFromR := float64(split) * rep.PairwiseRecall / (1 - rep.PairwiseRecall)
	if d := tpFromP - tpFromR; d > 0.5 || d < -0.5 {
		t.Errorf("errors cost %d split and %d mixed pairs: true pairs %.1f from precision, %.1f from recall", split, mixed, tpFromP, tpFromR)
	}
	text := mustRun(t, "eval", "cluster", "--errors", src)
	if !strings.Contains(text, "split over") || !strings.Contains(text, "pairs)") {
		t.Errorf("text report lacks the error listing:\n%s", text)
	}
}

// TestEvalClusterIngest scores the ingest pipeline's stories on a slice of
// the labelled news set: the same figures and JSON fields as the clusterer's
// own evaluation.
func TestEvalClusterIngest(t *testing.T) {
	src := sharedtest.Dir(t, "eval", "news-clusters")
	files, err := filepath.Glob(filepath.Join(src, "*.json"))
	if err != nil || len(files) < 60 {
		t.Fatalf("news-clusters: %d files, %v", len(files), err)
	}
	dir := t.TempDir()
	for _, f := range files[:60] {
		if err := os.Symlink(f, filepath.Join(dir, filepath.Base(f))); err != nil {
			t.Fatal(err)
		}
	}
	var rep struct {
		Articles   int     `json:"articles"`
		BCubedF1   float64 `json:"bcubed_f1"`
		PairwiseF1 float64 `json:"pairwise_f1"`
		Clusters   int     `json:"clusters"`
		Duplicates int     `json:"duplicates"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "eval", "cluster", "--ingest", "--json", dir)), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Articles+rep.Duplicates != 60 || rep.Clusters == 0 || rep.BCubedF1 < 0.8 || rep.BCubedF1 > 1 {
		t.Errorf("report %+v: want 60 articles stored or folded, stories, BCubed F1 in [0.8, 1]", rep)
	}
}

// TestReadWithoutDatabase checks that read commands on a path with no
// database say so and exit non-zero instead of creating an empty file,
// that a directory given as --db gets a clear message, and that commands
// that store still create the database.
func TestReadWithoutDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "none.db")
	for _, args := range [][]string{
		{"articles"}, {"stories"}, {"storylines"}, {"entities"}, {"quotes"},
		{"search", "x"}, {"show", "a1"}, {"compare", "s1"}, {"timeline"},
		{"facts", "s1"}, {"brief", "l1"},
		{"status"}, {"analyse"}, {"feeds", "list"}, {"feeds", "export"},
	} {
		t.Run(strings.Join(args, "_"), func(t *testing.T) {
			code, out, errs := run(t, append(args, "--db", db)...)
			if code == 0 {
				t.Fatalf("exit 0, want non-zero; stdout %q", out)
			}
			if out != "" {
				t.Errorf("stdout %q, want nothing", out)
			}
			if !strings.Contains(errs, "no Parallax database at "+db) {
				t.Errorf("stderr %q, want the no-database message", errs)
			}
			if _, err := os.Stat(db); err == nil {
				t.Fatalf("%s created", db)
			}
		})
	}
	t.Run("directory", func(t *testing.T) {
		for _, args := range [][]string{{"articles"}, {"ingest", "-"}} {
			code, _, errs := run(t, append(args, "--db", dir)...)
			if code == 0 || !strings.Contains(errs, "is a directory") || strings.Contains(errs, "(14)") {
				t.Errorf("%v: exit %d, stderr %q", args, code, errs)
			}
		}
	})
	t.Run("feeds add creates", func(t *testing.T) {
		mustRun(t, "feeds", "add", "--builtin", "--db", db)
		if _, err := os.Stat(db); err != nil {
			t.Fatal(err)
		}
		mustRun(t, "feeds", "list", "--db", db)
	})
}
