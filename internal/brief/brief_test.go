package brief

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/timeline"
	"github.com/parallax-news/parallax/internal/when"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func date(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// fixture is a small storyline written for these tests: three articles
// from three outlets (one republished by an aggregator, one with markup in
// its title and a script URL), two stories, quotes.
func fixture(t *testing.T) Input {
	t.Helper()
	arts := []news.Article{
		{
			ID: "a1", Title: "Ministers meet in Geneva", Outlet: "Daily Example", URL: "https://daily.example/geneva",
			Published: date(t, "2025-03-11"),
			Text: "The foreign ministers met in Geneva on March 10 and agreed a prisoner exchange.\n\n" +
				"Officials in Kyiv welcomed the deal, and Kyiv said the lists were ready.\n\n" +
				"“We have agreed to exchange all the prisoners we hold, and we will do it before the summer,” Minister Anna Berg said after the talks.",
		},
		{
			ID: "a2", Title: `Exchange <script>alert("x")</script> & talks`, Outlet: "Aggregator Hub", OriginOutlet: "Wire Service",
			Republisher: "Aggregator Hub", URL: "javascript:alert(1)", Published: date(t, "2025-03-20"),
			Text: "The foreign ministers met in Geneva this month and agreed a prisoner exchange.\n\n" +
				"The exchange took place at the border on March 18, officials said.\n\n" +
				"“We have agreed to exchange all the prisoners we hold, and we will do it before the summer,” Berg said.",
		},
		{
			ID: "a3", Title: "Summit | planned *soon*", Outlet: "Evening Post", URL: "https://post.example/summit?a=1&b=(2)",
			Published: date(t, "2025-03-25"),
			Text: "The presidents are set to meet in Vienna on March 28 to sign the agreement.\n\n" +
				"The exchange of prisoners took place at the border on March 19, the ministry said.\n\n" +
				"Kiev has not commented on the summit, and Kiev officials declined to speak.\n\n" +
				"“Nothing is settled until the signatures are dry, and we are not there yet,” said Viktor Hale, a spokesman.",
		},
	}
	var docs []timeline.Doc
	for _, a := range arts {
		d := timeline.Doc{Article: a}
		for _, tx := range when.Find(a.Text, a.Published) {
			d.Timexes = append(d.Timexes, news.Timex(tx))
		}
		docs = append(docs, d)
	}
	quote := func(a news.Article, speaker, id, text string) news.Quote {
		i := strings.Index(a.Text, text)
		if i < 0 {
			t.Fatalf("quote %q not in %s", text, a.ID)
		}
		return news.Quote{ArticleID: a.ID, Text: text, Speaker: speaker, SpeakerID: id, Cue: "said", Direct: true,
			Start: i - len("“"), End: i + len(text) + len("”"), Date: a.Published}
	}
	return Input{
		Storyline: news.Storyline{ID: "l1", Label: "geneva, prisoner exchange, berg", StoryIDs: []string{"s1", "s2"},
			FirstSeen: arts[0].Published, LastSeen: arts[2].Published},
		Stories: []news.Story{
			{ID: "s2", Title: "Presidents to sign in Vienna", StorylineID: "l1", ArticleIDs: []string{"a3"}, Outlets: []string{"Evening Post"},
				FirstSeen: arts[2].Published, LastSeen: arts[2].Published},
			{ID: "s1", Title: "Prisoner exchange agreed", StorylineID: "l1", ArticleIDs: []string{"a1", "a2"},
				Outlets: []string{"Daily Example", "Aggregator Hub"}, FirstSeen: arts[0].Published, LastSeen: arts[1].Published},
		},
		Docs: docs,
		Quotes: []news.Quote{
			quote(arts[0], "Anna Berg", "e-berg", "We have agreed to exchange all the prisoners we hold, and we will do it before the summer,"),
			quote(arts[1], "Anna Berg", "e-berg", "We have agreed to exchange all the prisoners we hold, and we will do it before the summer,"),
			quote(arts[2], "Viktor Hale", "e-hale", "Nothing is settled until the signatures are dry, and we are not there yet,"),
			{ArticleID: "a2", Text: "the exchange took place", Speaker: "unnamed", Cue: "said"},
		},
	}
}

func TestNew(t *testing.T) {
	gen := time.Date(2025, 4, 1, 9, 30, 0, 0, time.UTC)
	b := New(fixture(t), Options{Generated: gen})
	if b.ID != "l1" || !b.From.Equal(date(t, "2025-03-11")) || !b.To.Equal(date(t, "2025-03-25")) {
		t.Errorf("header: %s %v..%v", b.ID, b.From, b.To)
	}
	if len(b.Stories) != 2 || b.Stories[0].ID != "s1" {
		t.Errorf("stories not in date order: %+v", b.Stories)
	}
	var geneva *timeline.Event
	for i, e := range b.Timeline {
		if e.Date == "2025-03-10" {
			geneva = &b.Timeline[i]
		}
	}
	if geneva == nil || len(geneva.Sources) != 2 {
		t.Fatalf("Geneva meeting should be one event with two sources: %+v", b.Timeline)
	}
	if geneva.Sources[1].Outlet != "Wire Service" {
		t.Errorf("republished source should cite its origin: %+v", geneva.Sources[1])
	}
	if len(b.Quotes) != 2 {
		t.Fatalf("quotes: %+v", b.Quotes)
	}
	if q := b.Quotes[0]; q.Speaker != "Anna Berg" || q.Outlet != "Daily Example" || len(q.AlsoIn) != 1 || q.AlsoIn[0] != "Wire Service" || strings.HasSuffix(q.Text, ",") {
		t.Errorf("first quote: %+v", q)
	}
	if len(b.Disagreements) != 1 || b.Disagreements[0].Kind != "date" || len(b.Disagreements[0].Claims) != 2 ||
		b.Disagreements[0].Claims[0].Value != "2025-03-18" || b.Disagreements[0].Claims[1].Value != "2025-03-19" {
		t.Errorf("the exchange dated 18 and 19 March should be one date disagreement: %+v", b.Disagreements)
	}
	if len(b.Outlets) != 3 {
		t.Fatalf("outlets: %+v", b.Outlets)
	}
	for _, o := range b.Outlets {
		if o.Articles != 1 || o.Stories != 1 || o.Quotes != 1 || len(o.Voices) != 1 {
			t.Errorf("outlet %+v", o)
		}
	}
}

func TestNewEmpty(t *testing.T) {
	b := New(Input{Storyline: news.Storyline{ID: "l0"}}, Options{})
	var buf bytes.Buffer
	for _, f := range Formats {
		buf.Reset()
		if err := b.Write(&buf, f); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	var got map[string]any
	if err := b.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	_ = b.WriteJSON(&buf)
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"stories", "timeline", "quotes", "outlets", "disagreements", "articles"} {
		if v, ok := got[k].([]any); !ok || len(v) != 0 {
			t.Errorf("%s = %v, want []", k, got[k])
		}
	}
	if err := b.Write(&buf, "pdf"); err == nil {
		t.Error("unknown format accepted")
	}
}

// registry credits the fixture's outlets.
func registry() *outlet.Registry {
	return outlet.New([]outlet.Outlet{
		{Name: "Daily Example", Domains: []string{"daily.example"}, Country: "GB", Language: "en", Kind: outlet.KindPrivate},
		{Name: "Wire Service", Domains: []string{"wire.example"}, Country: "FR", Language: "en", Kind: outlet.KindWire},
		{Name: "Evening Post", Domains: []string{"post.example"}, Country: "US", Language: "en", Kind: outlet.KindPrivate},
		{Name: "Aggregator Hub", Domains: []string{"hub.example"}, Language: "en", Kind: outlet.KindAggregator},
	})
}

func TestCompared(t *testing.T) {
	in := fixture(t)
	c := compareStoryline(in, registry())
	if c.Scope != "storyline" || c.Articles != 3 {
		t.Fatalf("comparison scope %s over %d articles", c.Scope, c.Articles)
	}
	in.Comparison = &c
	b := New(in, Options{Generated: time.Date(2025, 4, 1, 9, 30, 0, 0, time.UTC)})
	if b.Perspectives == nil || len(b.Perspectives.Countries) != 3 {
		t.Errorf("perspectives %+v", b.Perspectives)
	}
	kinds := map[string]string{}
	for _, o := range b.Outlets {
		kinds[o.Name] = o.Kind
	}
	if kinds["Wire Service"] != "wire" || kinds["Daily Example"] != "private" {
		t.Errorf("outlet kinds %v", kinds)
	}
	if len(b.Naming) != 1 || b.Naming[0].Pair == "" {
		t.Errorf("naming: outlets split on Kyiv/Kiev, got %+v", b.Naming)
	}
	if !slices.Contains(b.Checked, "numbers") {
		t.Errorf("checked %v lacks the comparison's checks", b.Checked)
	}
	for _, f := range Formats {
		t.Run(f, func(t *testing.T) { golden(t, b, "brief_compared."+f+".golden", f) })
	}
}

// golden renders b in format f and compares it with testdata/name,
// rewriting the file under -update.
func golden(t *testing.T, b Briefing, name, f string) {
	t.Helper()
	var buf bytes.Buffer
	if err := b.Write(&buf, f); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("%s differs from %s (run with -update after checking):\n%s", f, path, buf.String())
	}
}

func TestGolden(t *testing.T) {
	b := New(fixture(t), Options{
		Generated: time.Date(2025, 4, 1, 9, 30, 0, 0, time.UTC),
		Disagreements: []Disagreement{{Kind: "fact", Topic: "Date of the exchange", Claims: []Claim{
			{Outlet: "Wire Service", Text: "took place on March 18", ArticleID: "a2"},
			{Outlet: "Daily Example", Text: "to happen before the summer", ArticleID: "a1"},
		}}},
	})
	for _, f := range Formats {
		t.Run(f, func(t *testing.T) { golden(t, b, "brief."+f+".golden", f) })
	}
}

// TestHTMLSelfContained parses the page and checks that it loads nothing,
// runs nothing, links only to http(s) sources and in-page anchors, and
// shows the markup in a title as text.
func TestHTMLSelfContained(t *testing.T) {
	var buf bytes.Buffer
	if err := New(fixture(t), Options{}).WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "link", "img", "iframe", "object", "embed", "base", "form":
				t.Errorf("page has a <%s> element", n.Data)
			}
			for _, a := range n.Attr {
				switch {
				case a.Key == "src" || strings.HasPrefix(a.Key, "on"):
					t.Errorf("<%s %s=%q>", n.Data, a.Key, a.Val)
				case a.Key == "href" && !strings.HasPrefix(a.Val, "#") && !strings.HasPrefix(a.Val, "https://"):
					t.Errorf("<%s href=%q>", n.Data, a.Val)
				}
			}
		}
		if n.Type == html.TextNode {
			text.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if !strings.Contains(text.String(), `Exchange <script>alert("x")</script> & talks`) {
		t.Error("the title with markup is not shown as text")
	}
	if strings.Contains(buf.String(), "javascript:") {
		t.Error("a javascript: URL reached the page")
	}
}

func TestMarkdownEscapes(t *testing.T) {
	var buf bytes.Buffer
	if err := New(fixture(t), Options{}).WriteMarkdown(&buf); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	for _, bad := range []string{"<script>", "javascript:", "Summit | planned *soon*"} {
		if strings.Contains(md, bad) {
			t.Errorf("markdown contains %q unescaped", bad)
		}
	}
	if !strings.Contains(md, `Summit \| planned \*soon\*`) {
		t.Error("title not escaped as expected")
	}
	if !strings.Contains(md, "(https://post.example/summit?a=1&b=%282%29)") {
		t.Error("link parentheses not escaped")
	}
}

// fakeReader serves a storyline from memory.
type fakeReader struct {
	storylines map[string]news.Storyline
	stories    map[string]news.Story
	articles   map[string]news.Article
	analyses   map[string]store.ArticleAnalysis
	fail       string
}

func (f fakeReader) Storyline(_ context.Context, id string) (news.Storyline, error) {
	if l, ok := f.storylines[id]; ok {
		return l, nil
	}
	return news.Storyline{}, store.ErrNotFound
}

func (f fakeReader) Story(_ context.Context, id string) (news.Story, error) {
	if s, ok := f.stories[id]; ok {
		return s, nil
	}
	return news.Story{}, store.ErrNotFound
}

func (f fakeReader) Article(_ context.Context, id string) (news.Article, error) {
	if id == f.fail {
		return news.Article{}, errors.New("disk on fire")
	}
	if a, ok := f.articles[id]; ok {
		return a, nil
	}
	return news.Article{}, store.ErrNotFound
}

func (f fakeReader) Analysis(_ context.Context, id string) (store.ArticleAnalysis, error) {
	if a, ok := f.analyses[id]; ok {
		return a, nil
	}
	return store.ArticleAnalysis{}, store.ErrNotFound
}

func TestGather(t *testing.T) {
	in := fixture(t)
	r := fakeReader{
		storylines: map[string]news.Storyline{"l1": in.Storyline, "old": in.Storyline},
		stories:    map[string]news.Story{},
		articles:   map[string]news.Article{},
		analyses:   map[string]store.ArticleAnalysis{},
	}
	for _, s := range in.Stories {
		r.stories[s.ID] = s
	}
	// s1 also lists an article that is gone; a3 was never analysed.
	s1 := r.stories["s1"]
	s1.ArticleIDs = append(s1.ArticleIDs, "gone")
	r.stories["s1"] = s1
	for _, d := range in.Docs {
		r.articles[d.Article.ID] = d.Article
		if d.Article.ID != "a3" {
			r.analyses[d.Article.ID] = store.ArticleAnalysis{ArticleID: d.Article.ID, Timexes: d.Timexes, Quotes: []news.Quote{{ArticleID: d.Article.ID, Text: "q"}}}
		}
	}
	got, err := Gather(context.Background(), r, "old")
	if err != nil {
		t.Fatal(err)
	}
	if got.Storyline.ID != "l1" || len(got.Stories) != 2 || len(got.Docs) != 3 || len(got.Quotes) != 2 {
		t.Fatalf("gathered %s: %d stories, %d docs, %d quotes", got.Storyline.ID, len(got.Stories), len(got.Docs), len(got.Quotes))
	}
	var order []string
	for _, d := range got.Docs {
		order = append(order, d.Article.ID)
	}
	if strings.Join(order, ",") != "a1,a2,a3" {
		t.Errorf("docs in order %v, want by publication", order)
	}
	if len(got.Docs[2].Timexes) != 0 {
		t.Error("unanalysed article carries time expressions")
	}

	if _, err := Gather(context.Background(), r, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown storyline: err = %v, want ErrNotFound", err)
	}
	r.fail = "a2"
	if _, err := Gather(context.Background(), r, "l1"); err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("store failure: err = %v", err)
	}
}

func TestKeyEvents(t *testing.T) {
	ev := func(date, prec string, sources int) timeline.Event {
		return timeline.Event{Date: date, Precision: prec, Sources: make([]timeline.Source, sources)}
	}
	evs := []timeline.Event{
		ev("2025-01", "month", 3), ev("2025-01-05", "day", 1), ev("2025-01-06", "day", 2),
		ev("2025-01-07", "day", 1), ev("2025-W02", "week", 1), ev("2025-01-20", "day", 1),
	}
	tests := []struct {
		max     int
		want    string
		omitted int
	}{
		{10, "2025-01 2025-01-05 2025-01-06 2025-01-07 2025-W02 2025-01-20", 0},
		{6, "2025-01 2025-01-05 2025-01-06 2025-01-07 2025-W02 2025-01-20", 0},
		{3, "2025-01 2025-01-06 2025-01-20", 3},
		{4, "2025-01 2025-01-06 2025-01-07 2025-01-20", 2},
	}
	for _, tc := range tests {
		t.Run(strconv.Itoa(tc.max), func(t *testing.T) {
			got, omitted := keyEvents(slices.Clone(evs), tc.max)
			var dates []string
			for _, e := range got {
				dates = append(dates, e.Date)
			}
			if strings.Join(dates, " ") != tc.want || omitted != tc.omitted {
				t.Errorf("kept %v (%d omitted), want %s (%d)", dates, omitted, tc.want, tc.omitted)
			}
		})
	}
	b := New(fixture(t), Options{MaxEvents: 2})
	var buf bytes.Buffer
	if err := b.WriteMarkdown(&buf); err != nil {
		t.Fatal(err)
	}
	if b.TimelineOmitted != 2 || len(b.Timeline) != 2 || !strings.Contains(buf.String(), "2 more events cited by fewer articles left out") {
		t.Errorf("omitted %d, kept %d:\n%s", b.TimelineOmitted, len(b.Timeline), buf.String())
	}
}
