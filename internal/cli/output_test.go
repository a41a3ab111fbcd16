package cli

import (
	"encoding/csv"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// seedsDB ingests the five seeds into a new database and returns its path.
func seedsDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "p.db")
	mustRun(t, "ingest", "--db", db, sharedtest.Dir(t, "corpus", "seeds"))
	return db
}

func readCSV(t *testing.T, s string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	if err != nil {
		t.Fatalf("csv: %v\n%s", err, s)
	}
	return rows
}

func TestListFormats(t *testing.T) {
	db := seedsDB(t)
	jsonArts := decodeLines[news.Article](t, mustRun(t, "articles", "--db", db, "--json"))
	rows := readCSV(t, mustRun(t, "articles", "--db", db, "--format", "csv"))
	if len(rows) != len(jsonArts)+1 {
		t.Fatalf("%d csv rows for %d articles", len(rows), len(jsonArts))
	}
	header := rows[0]
	for _, col := range []string{"id", "title", "outlet", "url", "published", "text", "removed"} {
		if !slices.Contains(header, col) {
			t.Errorf("csv header %q lacks %s", header, col)
		}
	}
	id, text := slices.Index(header, "id"), slices.Index(header, "text")
	for i, a := range jsonArts {
		if rows[i+1][id] != a.ID || rows[i+1][text] != a.Text {
			t.Errorf("row %d differs from the JSON line (id %q vs %q)", i, rows[i+1][id], a.ID)
		}
	}
	same := mustRun(t, "articles", "--db", db, "--format", "json")
	if got := decodeLines[news.Article](t, same); len(got) != len(jsonArts) {
		t.Errorf("--format json gave %d lines", len(got))
	}

	out := readCSV(t, mustRun(t, "outlets", "--kind", "wire", "--format", "csv"))
	if len(out) < 2 || out[0][0] != "name" || !slices.Contains(out[0], "domains") {
		t.Errorf("outlets csv: %q", out[:min(2, len(out))])
	}
	for _, args := range [][]string{
		{"articles", "--db", db, "--format", "xml"},
		{"articles", "--db", db, "--format", "csv", "--json"},
		{"articles", "--db", db, "--limit", "-1"},
		{"entities", "--db", db, "--kind", "persn"},
	} {
		code, _, stderr := run(t, args...)
		if code != 2 || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want a usage error", args, code, stderr)
		}
	}
}

func TestListLimitZeroAndEmptyNote(t *testing.T) {
	db := seedsDB(t)
	two := decodeLines[news.Article](t, mustRun(t, "articles", "--db", db, "--json", "--limit", "2"))
	all := decodeLines[news.Article](t, mustRun(t, "articles", "--db", db, "--json", "--limit", "0"))
	if len(two) != 2 || len(all) != 5 {
		t.Errorf("--limit 2 gave %d, --limit 0 gave %d (want all 5)", len(two), len(all))
	}
	code, stdout, stderr := run(t, "quotes", "--db", db, "--speaker", "Nobody")
	if code != 0 || stdout != "" || !strings.Contains(stderr, `no quotes found matching --speaker "Nobody"`) {
		t.Errorf("quotes --speaker Nobody: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, stdout, stderr = run(t, "articles", "--db", db, "--outlet", "Nobody")
	if code != 0 || stdout != "" || !strings.Contains(stderr, "no articles found") {
		t.Errorf("articles --outlet Nobody: exit %d, stdout %q (no headers over nothing), stderr %q", code, stdout, stderr)
	}
	if _, _, stderr := run(t, "articles", "--db", db); strings.Contains(stderr, "no articles") {
		t.Errorf("a full list notes emptiness: %q", stderr)
	}
}

func TestQuoteCue(t *testing.T) {
	for _, tc := range []struct {
		q    news.Quote
		want string
	}{
		{news.Quote{Cue: "told", Direct: true}, "told"},
		{news.Quote{Cue: "noted", Direct: false}, "noted (indirect)"},
		{news.Quote{Direct: true}, "said"},
	} {
		if got := quoteCue(tc.q); got != tc.want {
			t.Errorf("quoteCue(%+v) = %q, want %q", tc.q, got, tc.want)
		}
	}
}

func TestCountNounAndWindow(t *testing.T) {
	if got := countNoun(1, "input", "inputs"); got != "1 input" {
		t.Errorf("countNoun(1) = %q", got)
	}
	if got := countNoun(0, "input", "inputs"); got != "0 inputs" {
		t.Errorf("countNoun(0) = %q", got)
	}
	all := []int{1, 2, 3, 4, 5}
	for _, tc := range []struct {
		limit, offset int
		want          []int
	}{{2, 0, []int{1, 2}}, {2, 4, []int{5}}, {0, 1, []int{2, 3, 4, 5}}, {3, 9, nil}, {allItems, 0, all}} {
		if got := window(all, tc.limit, tc.offset); !slices.Equal(got, tc.want) {
			t.Errorf("window(%d, %d) = %v, want %v", tc.limit, tc.offset, got, tc.want)
		}
	}
}

// TestUnknownStorylineAndStorylinesWindow: an unknown storyline is an
// error named once, on every command that takes one, and storylines
// takes --limit and --offset like the other lists.
func TestUnknownStorylineAndStorylinesWindow(t *testing.T) {
	db := seedsDB(t)
	for _, args := range [][]string{
		{"stories", "--storyline", "lbad"},
		{"brief", "lbad"},
		{"timeline", "--storyline", "lbad"},
		{"compare", "--storyline", "lbad"},
	} {
		code, out, errs := run(t, append(args, "--db", db)...)
		if code != 1 || out != "" {
			t.Errorf("%v: exit %d, stdout %q; want exit 1 and nothing printed", args, code, out)
		}
		if !strings.Contains(errs, "not found") || strings.Count(errs, "lbad") != 1 {
			t.Errorf("%v: stderr %q; want the storyline named once and not found", args, errs)
		}
	}
	all := decodeLines[news.Storyline](t, mustRun(t, "storylines", "--db", db, "--json"))
	if len(all) == 0 {
		t.Fatal("seeds make no storyline")
	}
	one := decodeLines[news.Storyline](t, mustRun(t, "storylines", "--db", db, "--json", "--limit", "1"))
	if len(one) != 1 || one[0].ID != all[0].ID {
		t.Errorf("--limit 1 gave %v, want [%s]", one, all[0].ID)
	}
	if past := mustRun(t, "storylines", "--db", db, "--json", "--offset", strconv.Itoa(len(all))); past != "" {
		t.Errorf("--offset past the end printed %q", past)
	}
	if n := len(decodeLines[news.Storyline](t, mustRun(t, "storylines", "--db", db, "--json", "--limit", "0"))); n != len(all) {
		t.Errorf("--limit 0 gave %d, want all %d", n, len(all))
	}
}

func TestOneInputFailed(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	code, _, errs := run(t, "ingest", "--db", db, filepath.Join(t.TempDir(), "missing.txt"))
	if code != 1 || !strings.Contains(errs, "1 input or document failed") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

// TestReingestWithDates: the tour's undated ingest of the seeds, then the
// quick start's dated one, updates the five stored articles, says so, and
// analyses them again with their dates; a third run changes nothing.
func TestReingestWithDates(t *testing.T) {
	db := seedsDB(t)
	stories := func() []news.Story {
		return decodeLines[news.Story](t, mustRun(t, "stories", "--db", db, "--json", "--limit", "0"))
	}
	before := stories()
	dates := filepath.Join(sharedtest.Dir(t, "corpus"), "seeds-dates.tsv")
	seeds := sharedtest.Dir(t, "corpus", "seeds")
	out := mustRun(t, "ingest", "--db", db, "--dates", dates, seeds)
	if !strings.Contains(out, "0 new, 5 already stored (5 updated") || !strings.Contains(out, "analysed all 5 articles again") {
		t.Errorf("dated re-ingest said:\n%s", out)
	}
	for _, a := range decodeLines[news.Article](t, mustRun(t, "articles", "--db", db, "--json")) {
		if a.Published.IsZero() || a.PublishedEstimated {
			t.Errorf("%s: published %v (estimated %v) after the dated re-ingest", a.ID, a.Published, a.PublishedEstimated)
		}
	}
	after := stories()
	if len(after) <= len(before) {
		t.Errorf("%d stories before the dates, %d after; the dates should part the undated story", len(before), len(after))
	}
	out = mustRun(t, "ingest", "--db", db, seeds)
	if strings.Contains(out, "updated") || strings.Contains(out, "again") {
		t.Errorf("undated re-ingest after the dated one:\n%s", out)
	}
	for _, a := range decodeLines[news.Article](t, mustRun(t, "articles", "--db", db, "--json")) {
		if a.Published.IsZero() {
			t.Errorf("%s: the undated re-ingest erased its date", a.ID)
		}
	}
}

func TestCreditName(t *testing.T) {
	for _, tc := range []struct {
		a    news.Article
		want string
	}{
		{news.Article{Outlet: "www.rt.com"}, "RT"},
		{news.Article{Outlet: "AP"}, "Associated Press"},
		{news.Article{Outlet: "USSANews", OriginOutlet: "The Associated Press"}, "Associated Press"},
		{news.Article{Outlet: "www.unknown-outlet.example"}, "unknown-outlet.example"},
		{news.Article{Outlet: "Kyiv Ledger"}, "Kyiv Ledger"},
	} {
		if got := creditName(tc.a); got != tc.want {
			t.Errorf("creditName(%q, origin %q) = %q, want %q", tc.a.Outlet, tc.a.OriginOutlet, got, tc.want)
		}
	}
}
