package cluster

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// fixture is one article of testdata/crosslang.jsonl (see testdata/README.md).
type fixture struct {
	ID        string `json:"id"`
	Event     string `json:"event"`
	Lang      string `json:"lang"`
	Published string `json:"published"`
	Title     string `json:"title"`
	Text      string `json:"text"`
}

func readFixtures(t *testing.T) []Labelled {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "crosslang.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []Labelled
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var x fixture
		if err := json.Unmarshal(sc.Bytes(), &x); err != nil {
			t.Fatalf("crosslang.jsonl: %v", err)
		}
		d := Doc{ID: x.ID, Title: x.Title, Text: x.Text, Language: x.Lang, Outlet: x.ID}
		if x.Published != "" {
			if d.Published, err = time.Parse(time.DateOnly, x.Published); err != nil {
				t.Fatalf("crosslang.jsonl %s: %v", x.ID, err)
			}
		}
		out = append(out, Labelled{Doc: d, Event: x.Event})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// seedEvents labels the five seeds by the events a reader counts in them
// (issue 14): Vance on Meet the Press on 24 August (two seeds), Vance's
// remarks of 24 September, the 3 July call, the 2 December Kremlin meeting.
var seedEvents = map[string]string{
	"000_770eb5dd6f5eb60c.txt": "2025-09-24-vance-unga",
	"001_f89702b78f56e684.txt": "2025-08-24-vance-nbc",
	"002_84fede33de64a8b3.txt": "2025-08-24-vance-nbc",
	"003_91262211253a423d.txt": "2025-07-03-call",
	"004_1d6ada1cc2e61389.txt": "2025-12-02-kremlin",
}

// crossSet is the fixtures and the dated seeds, labelled, in date order.
func crossSet(t *testing.T) []Labelled {
	docs := readFixtures(t)
	for _, d := range readSeeds(t) {
		ev, ok := seedEvents[d.ID]
		if !ok {
			t.Fatalf("seed %s has no event label", d.ID)
		}
		docs = append(docs, Labelled{Doc: d, Event: ev})
	}
	return chronological(docs)
}

// TestCrossLanguageStories streams our own Russian, Ukrainian, German and
// English articles about six events of the seeds' storyline (and a
// look-alike meeting weeks later) beside the dated seeds: every article
// lands in the story of its event, the Kremlin-meeting articles of every
// language in the AFP seed's story, the look-alike apart.
func TestCrossLanguageStories(t *testing.T) {
	docs := crossSet(t)
	c := New(Config{})
	pred := map[string]string{}
	gold := map[string]string{}
	for _, d := range docs {
		a := c.Add(d.Doc)
		if testing.Verbose() {
			t.Logf("add %s %s: %s new=%v score=%.3f merged=%v", d.ID, d.Published.Format(time.DateOnly), a.StoryID, a.New, a.Score, a.Merged)
		}
		gold[d.ID] = d.Event
	}
	for _, d := range docs {
		pred[d.ID], _ = c.StoryOf(d.ID)
	}
	rep := Score(gold, pred)
	byStory := map[string][]string{}
	for _, d := range docs {
		byStory[pred[d.ID]] = append(byStory[pred[d.ID]], d.ID+" ("+d.Event+")")
	}
	var keys []string
	for k := range byStory {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%s: %v", k, byStory[k])
	}
	t.Logf("BCubed P/R/F1 %.3f/%.3f/%.3f, %d stories for %d events", rep.BCubedPrecision, rep.BCubedRecall, rep.BCubedF1, rep.Clusters, rep.Events)
	afp := pred["004_1d6ada1cc2e61389.txt"]
	for _, id := range []string{"kremlin-ru", "kremlin-uk", "kremlin-de"} {
		if pred[id] != afp {
			t.Errorf("%s in story %s, want the AFP seed's story %s", id, pred[id], afp)
		}
	}
	for _, id := range []string{"lookalike-ru", "lookalike-uk"} {
		if pred[id] == afp {
			t.Errorf("%s (January 2026) joined the 2 December story", id)
		}
	}
	if rep.BCubedF1 < 0.9 {
		t.Errorf("BCubed F1 %.3f < 0.9", rep.BCubedF1)
	}
}

func TestNameKey(t *testing.T) {
	same := [][]string{
		{"Witkoff", "Уиткофф", "Виткофф", "Віткофф", "Witkoffs"},
		{"Ushakov", "Uschakow", "Ушаков", "Ушакова", "Ушаковым"},
		{"Zelensky", "Selenskyj", "Зеленский", "Зеленського", "Зеленським", "Zelenskiy"},
		{"Putin", "Путин", "Путина", "Путіним", "Putins"},
		{"Kushner", "Kuschner", "Кушнер", "Кушнером"},
		{"Dmitriev", "Dmitrijew", "Дмитриев", "Дмитрієв"},
		{"Moscow", "Москва", "Москві", "Москвой"},
	}
	keys := map[string]string{}
	for _, g := range same {
		want := nameKey(g[0])
		if want == "" {
			t.Errorf("nameKey(%q) is empty", g[0])
		}
		for _, w := range g[1:] {
			if got := nameKey(w); got != want {
				t.Errorf("nameKey(%q) = %q, want %q (as %q)", w, got, want, g[0])
			}
		}
		if o, ok := keys[want]; ok {
			t.Errorf("%q and %q share the key %q", o, g[0], want)
		}
		keys[want] = g[0]
	}
	// Surnames ending like a case ending keep it; short words give no key.
	if nameKey("Песков") != nameKey("Peskov") || nameKey("Песков") == nameKey("Песк") {
		t.Errorf("Песков %q, Peskov %q", nameKey("Песков"), nameKey("Peskov"))
	}
	for _, w := range []string{"", "Ли", "US", "ab", "Kyiv"} {
		if k := nameKey(w); k != "" {
			t.Errorf("nameKey(%q) = %q, want none", w, k)
		}
	}
}

// TestNameKeyVariants folds every variant of storyline-2025/names.tsv with
// its canonical English name (the last word of each, the surname) and
// holds the share that meet to a floor under the one measured.
func TestNameKeyVariants(t *testing.T) {
	f, err := os.Open(filepath.Join(sharedtest.Dir(t, "corpus", "storyline-2025"), "names.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	ok, all := 0, 0
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 2 || cols[0] == "variant" {
			continue
		}
		v, c := strings.Fields(cols[0]), strings.Fields(cols[1])
		if len(v) == 0 || len(c) == 0 {
			continue
		}
		all++
		// The tokenizer drops possessive 's before names are folded.
		if nameKey(foldWord(v[len(v)-1])) == nameKey(c[len(c)-1]) {
			ok++
		} else {
			t.Logf("apart: %s / %s", cols[0], cols[1])
		}
	}
	// Measured 2026-12-06: 199 of 212 (the rest are places whose names
	// translate rather than transliterate: Kreml/Kremlin, Oval Office).
	t.Logf("%d of %d variants meet their canonical name", ok, all)
	if all == 0 || float64(ok) < 0.93*float64(all) {
		t.Errorf("%d of %d variants meet their canonical name, want 93%%", ok, all)
	}
}

func TestCrossTerms(t *testing.T) {
	toks := tokenize("Переговоры в Кремле 2 декабря продолжались пять часов, сообщил Юрий Ушаков. План из 28 пунктов.", 0)
	got := crossTerms(toks, langRU, nil)
	for _, k := range []string{crossDate + "12-02", crossNumber + "28", crossName + nameKey("Ушаков"), crossName + nameKey("Кремле")} {
		if got[crossPrefix+k] == 0 {
			t.Errorf("no %q in %v", k, got)
		}
	}
	if got[crossPrefix+crossName+nameKey("Переговоры")] != 0 {
		t.Errorf("a sentence's first word is a name: %v", got)
	}
	toks = tokenize("Das Treffen endete nach fünf Stunden. Ende November war ein Plan bekannt geworden.", 0)
	if got := crossTerms(toks, langDE, nil); got[crossPrefix+crossDate+"11-00"] == 0 {
		t.Errorf("no month alone in %v", got)
	}
	toks = tokenize("It may rain in May, they said.", 0)
	if got := crossTerms(toks, langEN, nil); got[crossPrefix+crossDate+"05-00"] != 1 {
		t.Errorf("English may/May: %v", got)
	}
	toks = tokenize("Vance said on Sept. 24 that Moscow was stalling; the 2. Dezember meeting.", 0)
	got = crossTerms(toks, langEN, nil)
	for _, k := range []string{crossDate + "09-24", crossDate + "12-02"} {
		if got[crossPrefix+k] == 0 {
			t.Errorf("no %q in %v", k, got)
		}
	}
}

func TestOwnDays(t *testing.T) {
	pub := time.Date(2025, 12, 3, 10, 0, 0, 0, time.UTC)
	got := ownDays([]int{1202, 1203, 1128, 811, 101}, pub)
	if !slices.Equal(got, []int{1202, 1203}) {
		t.Errorf("ownDays = %v, want [1202 1203]", got)
	}
	// Across a new year: 30 December reported on 1 January.
	if got := ownDays([]int{1230}, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); !slices.Equal(got, []int{1230}) {
		t.Errorf("ownDays across the year = %v", got)
	}
	if got := ownDays([]int{1202}, time.Time{}); got != nil {
		t.Errorf("undated: %v", got)
	}
	// Months alone (day 0) are no days of their own, but own months.
	if got := ownDays([]int{1100, 1202}, pub); !slices.Equal(got, []int{1202}) {
		t.Errorf("ownDays with a month alone = %v", got)
	}
	if got := ownMonths([]int{1100, 1202, 806, 1000}, pub); !slices.Equal(got, []int{11, 12}) {
		t.Errorf("ownMonths = %v, want [11 12]", got)
	}
	if got := ownMonths([]int{1200}, time.Date(2026, 1, 3, 0, 0, 0, 0, time.UTC)); !slices.Equal(got, []int{12}) {
		t.Errorf("ownMonths across the year = %v", got)
	}
	if g := mentionGap([]int{1100}, []span{{pub, pub}}); g != 0 {
		t.Errorf("mentionGap of a month alone = %v, want 0", g)
	}
}

func FuzzNameKey(f *testing.F) {
	for _, s := range []string{"Уиткофф", "Selenskyjs", "shchуkа", "Ґ", "\xff\xfe", "ß", "Mc'Donald-Smith"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		k := nameKey(w)
		if k != nameKey(w) {
			t.Fatalf("nameKey(%q) not stable", w)
		}
		toks := tokenize(w+" 2 "+w+" "+w, 0)
		_ = crossTerms(toks, "", []string{w})
	})
}

// TestLabelsInLanguage checks storyline labels and story titles on the
// multilingual fixtures: proper-cased names, in English by default and in
// the language asked for with SetLang.
func TestLabelsInLanguage(t *testing.T) {
	docs := crossSet(t)
	c := New(Config{})
	for _, d := range docs {
		c.Add(d.Doc)
	}
	kremlin, _ := c.StoryOf("kremlin-de")
	for _, tc := range []struct {
		lang   string
		script func(rune) bool
	}{
		{"", nil},
		{"en", func(r rune) bool { return r < 0x400 }},
		{"de", func(r rune) bool { return r < 0x400 }},
		{"ru", func(r rune) bool { return r >= 0x400 || r < 0x80 }},
	} {
		c.SetLang(tc.lang)
		lines := c.Storylines()
		for _, l := range lines {
			t.Logf("%s: storyline %s %q actors %v", tc.lang, l.ID, l.Label, l.Actors)
			for _, a := range l.Actors {
				if !isCapitalised(a) {
					t.Errorf("%s: actor %q is not capitalised", tc.lang, a)
				}
			}
			if tc.script != nil {
				for _, r := range l.Label {
					if unicode.IsLetter(r) && !tc.script(r) {
						t.Errorf("%s: label %q is not in the language asked for", tc.lang, l.Label)
						break
					}
				}
			}
		}
		s, _ := c.Story(kremlin)
		t.Logf("%s: Kremlin story title %q", tc.lang, s.Title)
		if tc.lang != "" && titleLang(s.Title) != tc.lang && !(tc.lang == "en" && s.Title != "" && titleLang(s.Title) == "") {
			t.Errorf("%s: Kremlin story title %q", tc.lang, s.Title)
		}
	}
}
