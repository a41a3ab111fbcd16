package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
	"github.com/parallax-news/parallax/internal/timeline"
)

// crossFixture is one line of crosslang.jsonl with the fields the test
// reads (the event label and language are ours; ingest ignores them).
type crossFixture struct {
	ID    string `json:"id"`
	Event string `json:"event"`
	Lang  string `json:"lang"`
	Title string `json:"title"`
}

func readCrosslang(t *testing.T) []crossFixture {
	t.Helper()
	f, err := os.Open(crosslang)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []crossFixture
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var x crossFixture
		if err := json.Unmarshal(sc.Bytes(), &x); err != nil {
			t.Fatalf("crosslang.jsonl: %v", err)
		}
		out = append(out, x)
	}
	return out
}

// TestMultilingualEndToEnd ingests the cross-language fixtures (Russian,
// Ukrainian, German and English articles of our own about the seeds'
// events) beside the dated seeds through the CLI's ingest (engine, SQLite)
// and checks what a reader of issue 12 looks for: the Kremlin meeting
// told in every language is the AFP seed's story, a look-alike meeting
// weeks later is not, and the Russian, Ukrainian and German articles'
// dated events reach parallax timeline.
func TestMultilingualEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests the seeds and the fixtures")
	}
	db := ingestCrosslang(t)
	byTitle := map[string]string{}
	bySource := map[string]string{}
	for _, a := range decodeLines[news.Article](t, mustRun(t, "articles", "--db", db, "--json", "--limit", "1000")) {
		byTitle[a.Title] = a.ID
		bySource[filepath.Base(a.Source)] = a.ID
	}
	fixtureID := map[string]string{} // fixture id -> article ID
	langOf := map[string]string{}    // article ID -> fixture language
	for _, x := range readCrosslang(t) {
		id, ok := byTitle[x.Title]
		if !ok {
			t.Fatalf("fixture %s not stored", x.ID)
		}
		fixtureID[x.ID], langOf[id] = id, x.Lang
	}
	afp := bySource["004_1d6ada1cc2e61389.txt"] // AFP, the 2 December Kremlin meeting
	if afp == "" {
		t.Fatal("AFP seed not stored")
	}

	var afpStory news.Story
	for _, s := range decodeLines[news.Story](t, mustRun(t, "stories", "--db", db, "--json", "--limit", "1000")) {
		if slices.Contains(s.ArticleIDs, afp) {
			afpStory = s
		}
	}
	for _, f := range []string{"kremlin-ru", "kremlin-uk", "kremlin-de"} {
		if !slices.Contains(afpStory.ArticleIDs, fixtureID[f]) {
			t.Errorf("%s is not in the AFP seed's story %s %v", f, afpStory.ID, afpStory.ArticleIDs)
		}
	}
	for _, f := range []string{"lookalike-ru", "lookalike-uk"} {
		if slices.Contains(afpStory.ArticleIDs, fixtureID[f]) {
			t.Errorf("%s (the January 2026 meeting) joined the AFP seed's story", f)
		}
	}

	type line struct {
		timeline.Event
		Period string `json:"period"`
	}
	dated := map[string]int{} // language -> events citing an article in it
	var kremlinLangs []string
	for _, e := range decodeLines[line](t, mustRun(t, "timeline", "--db", db, "--json")) {
		langs := map[string]bool{}
		for _, s := range e.Sources {
			l := langOf[s.ArticleID]
			if s.ArticleID == afp {
				l = "en"
			}
			if l != "" && !langs[l] {
				langs[l] = true
				dated[l]++
			}
		}
		if e.Date == "2025-12-02" {
			for l := range langs {
				kremlinLangs = append(kremlinLangs, l)
			}
		}
	}
	for _, l := range []string{"ru", "uk", "de"} {
		if dated[l] == 0 {
			t.Errorf("no dated event from a %s article on the timeline", l)
		}
	}
	if slices.Sort(kremlinLangs); len(slices.Compact(kremlinLangs)) < 2 {
		t.Errorf("the 2 December meeting cites articles in %v, want at least two languages", kremlinLangs)
	}
}

// nameFrame puts a name in a short text of a language its spelling may be
// in: Cyrillic in Russian or Ukrainian (by its letters), Latin in English
// and in German (two texts). n numbers the texts: ingest stores texts that
// differ only in case or quote marks once ("Putin's", "Putin’s").
func nameFrame(name string, n int) (texts []string) {
	if lang.HasCyrillic(name) {
		if strings.ContainsAny(name, "іїєґІЇЄҐ") || lang.Guess(name+" "+name) == lang.Ukrainian {
			return []string{fmt.Sprintf("У понеділок %s заявив журналістам, що переговори тривають. Повідомлення %d.", name, n)}
		}
		return []string{fmt.Sprintf("В понедельник %s заявил журналистам, что переговоры продолжаются. Сообщение %d.", name, n)}
	}
	return []string{
		fmt.Sprintf("On Monday %s told reporters that the talks would go on. Report %d.", name, n),
		fmt.Sprintf("Am Montag sagte %s den Journalisten, die Gespräche gingen weiter. Meldung %d.", name, n),
	}
}

// knownNameMisses are the pairs of names.tsv no key reaches (the entity
// package's test keeps the same list, with the reason).
var knownNameMisses = map[string]bool{"Juri Ignat": true}

// TestNamesTSVEndToEnd: every pair of storyline-2025's names.tsv resolves
// to one entity in a real run. Each variant, in a short text of its
// language, and each canonical name, in an English text, are ingested as
// articles of their own through the CLI; the mention of the variant must
// be in the entity of the canonical name's mention, and a name filter by
// the variant (entities --name) must find that entity.
func TestNamesTSVEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests 400 small articles")
	}
	b, err := os.ReadFile(filepath.Join(sharedtest.Dir(t, "corpus", "storyline-2025"), "names.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	type pair struct{ variant, canon string }
	var pairs []pair
	for _, ln := range strings.Split(string(b), "\n") {
		p := strings.Split(strings.TrimRight(ln, "\r"), "\t")
		if len(p) == 2 && p[0] != "variant" {
			pairs = append(pairs, pair{p[0], p[1]})
		}
	}
	if len(pairs) < 200 {
		t.Fatalf("%d pairs in names.tsv", len(pairs))
	}
	// One article per canonical name and per variant text, titled so the
	// test can find it.
	input := filepath.Join(t.TempDir(), "names.jsonl")
	f, err := os.Create(input)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(f)
	put := func(title, text string) {
		if err := enc.Encode(map[string]string{"title": title, "text": text}); err != nil {
			t.Fatal(err)
		}
	}
	canonTitle := map[string]string{}
	for i, p := range pairs {
		if _, ok := canonTitle[p.canon]; !ok {
			canonTitle[p.canon] = fmt.Sprintf("Canonical name %d", len(canonTitle))
			// Another closing sentence than the variants' texts, so that a
			// variant differing only in case ("Nato", "NATO") is not the
			// same text, which ingest would store once.
			put(canonTitle[p.canon], "On Monday "+p.canon+" told reporters that the talks would go on. More meetings are planned.")
		}
		for k, text := range nameFrame(p.variant, i) {
			put(fmt.Sprintf("Variant %d.%d", i, k), text)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "p.db")
	mustRun(t, "ingest", "--db", path, input)

	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	byTitle := map[string]news.Article{}
	arts, err := db.Articles(ctx, store.ArticleQuery{Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		byTitle[a.Title] = a
	}
	// entityAt returns the entity of the mention of name in the article
	// titled title ("" when none).
	entityAt := func(title, name string) string {
		a, ok := byTitle[title]
		if !ok {
			t.Fatalf("article %q not stored", title)
		}
		at := strings.Index(a.Text, name)
		an, err := db.Analysis(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range an.Mentions {
			if at >= 0 && m.Start <= at && at < m.End {
				return m.EntityID
			}
		}
		return ""
	}
	resolved := 0
	for i, p := range pairs {
		want := entityAt(canonTitle[p.canon], p.canon)
		if want == "" {
			t.Errorf("%s: canonical name %q not recognised", p.variant, p.canon)
			continue
		}
		got := ""
		for k := range nameFrame(p.variant, i) {
			if got = entityAt(fmt.Sprintf("Variant %d.%d", i, k), p.variant); got == want {
				break
			}
		}
		ok := got == want
		if ok {
			ents, err := db.Entities(ctx, store.EntityQuery{Name: p.variant, Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			ok = slices.ContainsFunc(ents, func(e news.Entity) bool { return e.ID == want })
			if !ok {
				t.Errorf("%s: entities --name %q does not find %s (%q)", p.variant, p.variant, want, p.canon)
			}
		} else if !knownNameMisses[p.variant] {
			t.Errorf("%s: mention in entity %q, %q is %q", p.variant, got, p.canon, want)
		}
		if ok {
			resolved++
		}
	}
	t.Logf("names.tsv: %d of %d pairs resolve to one entity in a real run", resolved, len(pairs))
}
