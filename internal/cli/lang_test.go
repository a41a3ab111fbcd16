package cli

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// crosslang is the cluster engineer's fixture set: short articles in
// Russian, Ukrainian, German and English about events of the seeds'
// storyline, written by us (internal/cluster/testdata/README.md).
var crosslang = filepath.Join("..", "cluster", "testdata", "crosslang.jsonl")

// ingestCrosslang ingests the dated seeds and the cross-language fixtures
// into a new database with the given global flags and returns its path.
func ingestCrosslang(t *testing.T, flags ...string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "p.db")
	args := append([]string{"--db", db}, flags...)
	mustRun(t, append(args, "ingest", "--dates", filepath.Join(sharedtest.Dir(t, "corpus"), "seeds-dates.tsv"),
		sharedtest.Dir(t, "corpus", "seeds"), crosslang)...)
	return db
}

func cyrillic(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) })
}

// TestLangLabels checks that --lang chooses the language of storyline
// labels and story titles, and nothing else: the same articles go together
// whatever the language.
func TestLangLabels(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests the seeds twice")
	}
	en := ingestCrosslang(t)
	ru := ingestCrosslang(t, "--lang", "ru")
	stories := func(db string) map[string]news.Story {
		out := map[string]news.Story{}
		for _, s := range decodeLines[news.Story](t, mustRun(t, "stories", "--db", db, "--json", "--limit", "1000")) {
			out[s.ID] = s
		}
		return out
	}
	enStories, ruStories := stories(en), stories(ru)
	if len(enStories) != len(ruStories) {
		t.Fatalf("%d stories in English, %d in Russian", len(enStories), len(ruStories))
	}
	ruTitles := 0
	for id, s := range enStories {
		r, ok := ruStories[id]
		if !ok || !slices.Equal(s.ArticleIDs, r.ArticleIDs) {
			t.Errorf("story %s: articles %v in English, %v in Russian", id, s.ArticleIDs, r.ArticleIDs)
		}
		if cyrillic(r.Title) {
			ruTitles++
		}
	}
	if ruTitles < len(ruStories)/2 {
		t.Errorf("--lang ru: %d of %d story titles in Cyrillic", ruTitles, len(ruStories))
	}
	lines := func(db string) []news.Storyline {
		return decodeLines[news.Storyline](t, mustRun(t, "storylines", "--db", db, "--json"))
	}
	for _, l := range lines(en) {
		if cyrillic(l.Label) {
			t.Errorf("English label of %s in Cyrillic: %q", l.ID, l.Label)
		}
	}
	for _, l := range lines(ru) {
		if !cyrillic(l.Label) {
			t.Errorf("--lang ru: label of %s has no Russian: %q", l.ID, l.Label)
		}
	}
	if code, _, errs := run(t, "--lang", "not a language", "stories", "--db", en); code != 2 || !strings.Contains(errs, "--lang") {
		t.Errorf("--lang 'not a language': exit %d, stderr %q", code, errs)
	}
}
