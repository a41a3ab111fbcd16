package timeline

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/when"
)

// fixture is one article of testdata/storyline.json: our own sentences
// about the events of ../shared/corpus/storyline-2025, written the way the
// real coverage dates them ("во вторник", "2 грудня", "am Dienstag").
type fixture struct {
	ID        string `json:"id"`
	Language  string `json:"language"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Event     string `json:"event"`
	Text      string `json:"text"`
}

// nameLinker stands in for the entity stage's cross-language registry: it
// finds the name variants of storyline-2025/names.tsv (and the canonical
// names) in a text, longest first, and gives each the canonical name as
// its entity ID.
type nameLinker struct{ variants [][2]string }

func newNameLinker(t *testing.T, path string) nameLinker {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("names: %v", err)
	}
	defer f.Close()
	var l nameLinker
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		v, c, ok := strings.Cut(sc.Text(), "\t")
		if !ok || v == "variant" {
			continue
		}
		for _, s := range []string{v, c} {
			if !seen[s] {
				seen[s] = true
				l.variants = append(l.variants, [2]string{s, c})
			}
		}
	}
	slices.SortStableFunc(l.variants, func(a, b [2]string) int { return len(b[0]) - len(a[0]) })
	return l
}

func (l nameLinker) mentions(text string) []news.Mention {
	used := make([]bool, len(text))
	var out []news.Mention
	for _, v := range l.variants {
		for from := 0; ; {
			i := strings.Index(text[from:], v[0])
			if i < 0 {
				break
			}
			s, e := from+i, from+i+len(v[0])
			from = e
			r0, _ := utf8.DecodeLastRuneInString(text[:s])
			r1, _ := utf8.DecodeRuneInString(text[e:])
			if s > 0 && unicode.IsLetter(r0) || e < len(text) && unicode.IsLetter(r1) || slices.Contains(used[s:e], true) {
				continue
			}
			for k := s; k < e; k++ {
				used[k] = true
			}
			out = append(out, news.Mention{EntityID: v[1], Text: v[0], Start: s, End: e, Form: "name"})
		}
	}
	slices.SortFunc(out, func(a, b news.Mention) int { return a.Start - b.Start })
	return out
}

// TestStorylineLanguages places every event of storyline-2025/events.json
// on its date in the timeline of our Russian, Ukrainian and German
// fixtures, each as one entry citing articles in at least two languages.
func TestStorylineLanguages(t *testing.T) {
	dir := sharedtest.Dir(t, "corpus", "storyline-2025")
	b, err := os.ReadFile(filepath.Join(dir, "events.json"))
	if err != nil {
		t.Fatal(err)
	}
	var events []struct{ ID, Date string }
	if err := json.Unmarshal(b, &events); err != nil {
		t.Fatal(err)
	}
	b, err = os.ReadFile(filepath.Join("testdata", "storyline.json"))
	if err != nil {
		t.Fatal(err)
	}
	var fx []fixture
	if err := json.Unmarshal(b, &fx); err != nil {
		t.Fatal(err)
	}
	linker := newNameLinker(t, filepath.Join(dir, "names.tsv"))
	docs := make([]Doc, 0, len(fx))
	lang := map[string]string{}
	eventOf := map[string]string{}
	for _, f := range fx {
		pub, err := time.Parse("2006-01-02", f.Published)
		if err != nil {
			t.Fatalf("%s: %v", f.ID, err)
		}
		d := Doc{Article: news.Article{ID: f.ID, Outlet: f.Outlet, Published: pub, Text: f.Text, Language: f.Language}}
		for _, tx := range when.FindLang(f.Text, f.Language, pub) {
			d.Timexes = append(d.Timexes, news.Timex(tx))
		}
		d.Mentions = linker.mentions(f.Text)
		docs = append(docs, d)
		lang[f.ID] = f.Language
		eventOf[f.ID] = f.Event
	}
	evs := Build(docs, Options{})
	if testing.Verbose() {
		for _, e := range evs {
			var src []string
			for _, s := range e.Sources {
				src = append(src, s.ArticleID+" "+s.Value)
			}
			t.Logf("%s %q %v", e.Date, e.Text, src)
		}
	}
	for _, want := range events {
		var found *Event
		for i, e := range evs {
			if e.Date != want.Date {
				continue
			}
			for _, s := range e.Sources {
				if eventOf[s.ArticleID] == want.ID {
					found = &evs[i]
				}
			}
		}
		if found == nil {
			t.Errorf("%s: no event dated %s", want.ID, want.Date)
			continue
		}
		langs := map[string]bool{}
		for _, s := range found.Sources {
			if eventOf[s.ArticleID] != want.ID {
				t.Errorf("%s: cites %s, an article about %s", want.ID, s.ArticleID, eventOf[s.ArticleID])
			}
			langs[lang[s.ArticleID]] = true
		}
		if len(langs) < 2 {
			t.Errorf("%s: event %q cites %d language(s), want at least 2", want.ID, found.Text, len(langs))
		}
	}
	// Every fixture article is cited by the entry of its event, and no
	// article lands in another event's entry.
	for _, e := range evs {
		for _, s := range e.Sources {
			if !strings.HasPrefix(eventOf[s.ArticleID], e.Date) { // event IDs begin with their date
				t.Errorf("article %s about %s cited by an event dated %s (%q)", s.ArticleID, eventOf[s.ArticleID], e.Date, s.Sentence)
			}
		}
	}
}
