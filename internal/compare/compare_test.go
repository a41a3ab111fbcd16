package compare

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/quote"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

func registry(t testing.TB) *outlet.Registry {
	t.Helper()
	r, err := outlet.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestLogOddsHandComputed checks the Monroe et al. estimate on a case
// worked by hand. a = {x:2, y:1}, b = {x:1, y:2}, background {x:1, y:1}
// with prior size 2, so alpha_x = alpha_y = 1 and alpha_0 = 2; n_a = n_b = 3.
//
//	delta_x = log(3/(3+2-2-1)) - log(2/(3+2-1-1)) = log(3/2) - log(2/3) = 0.810930
//	var_x   = 1/3 + 1/2 = 0.833333;  z_x = 0.810930/0.912871 = 0.888330
//
// and y mirrors x. A word only in a (w:3 added to a, not in the
// background) gets the floor alpha 0.01, alpha_0 = 2.01, n_a = 6:
//
//	delta_w = log(3.01/(6+2.01-3-0.01)) - log(0.01/(3+2.01-0-0.01)) = log(3.01/5) - log(0.01/5) = 5.707110
//	var_w   = 1/3.01 + 1/0.01 = 100.332226; z_w = 0.569762
func TestLogOddsHandComputed(t *testing.T) {
	bg := map[string]int{"x": 1, "y": 1}
	got := LogOdds(map[string]int{"x": 2, "y": 1}, map[string]int{"x": 1, "y": 2}, bg, 2, 2)
	want := map[string]float64{"x": 0.888330, "y": -0.888330}
	if len(got) != 2 {
		t.Fatalf("got %d terms", len(got))
	}
	for _, ts := range got {
		if math.Abs(ts.Z-want[ts.Term]) > 1e-5 {
			t.Errorf("z(%s) = %.6f, want %.6f", ts.Term, ts.Z, want[ts.Term])
		}
	}
	if got[0].Term != "x" {
		t.Errorf("highest first: got %s", got[0].Term)
	}
	got = LogOdds(map[string]int{"x": 2, "y": 1, "w": 3}, map[string]int{"x": 1, "y": 2}, bg, 2, 2)
	for _, ts := range got {
		if ts.Term == "w" && math.Abs(ts.Z-0.569762) > 1e-5 {
			t.Errorf("z(w) = %.6f, want 0.569762", ts.Z)
		}
	}
}

func TestSelfNames(t *testing.T) {
	reg := registry(t)
	for _, tc := range []struct {
		outlet string
		self   []string
		not    []string
	}{
		{"CNN", []string{"cnn"}, []string{"edition", "money"}},
		{"China Daily", []string{"chinadaily"}, []string{"usa", "europe", "com"}},
		{"ABC News", []string{"abcnews"}, []string{"go"}},
		{"The Kyiv Independent", []string{"kyivindependent"}, []string{"kyiv"}},
	} {
		t.Run(tc.outlet, func(t *testing.T) {
			o, ok := reg.Lookup(tc.outlet)
			if !ok {
				t.Fatal("not in registry")
			}
			m := selfNames(o)
			for _, w := range tc.self {
				if !m[w] {
					t.Errorf("%q not a self name (%v)", w, m)
				}
			}
			for _, w := range tc.not {
				if m[w] {
					t.Errorf("%q is a self name (%v)", w, m)
				}
			}
		})
	}
}

func TestTerms(t *testing.T) {
	got := Terms("Kyiv's “neo-Nazi, Russophobic regime,” said Lavrov; the U.S. and 2025 talks’ end.")
	want := []string{"kyiv", "neo-nazi", "russophobic", "regime", "lavrov", "talks", "end"}
	if !slices.Equal(got, want) {
		t.Errorf("Terms = %q, want %q", got, want)
	}
}

func TestCountForms(t *testing.T) {
	v := Variants[0] // Kyiv/Kiev
	tests := []struct {
		text        string
		own, quoted []int
	}{
		{"Kiev and Moscow. Kiev's backers.", []int{0, 2}, []int{0, 0}},
		{"From The Kyiv Independent: talks in Kyiv.", []int{1, 0}, []int{0, 0}},
		{"Lavrov said “Kiev is not interested” while Kyiv disagreed.", []int{1, 0}, []int{0, 1}},
		{`He said "Kyiv will not yield" and left.`, []int{0, 0}, []int{1, 0}},
		{"Kievan Rus and kyiv", []int{0, 0}, []int{0, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			own, quoted := CountForms(v, tc.text)
			if !slices.Equal(own, tc.own) || !slices.Equal(quoted, tc.quoted) {
				t.Errorf("own %v quoted %v, want %v %v", own, quoted, tc.own, tc.quoted)
			}
		})
	}
}

// seeds reads the five seed articles as ingest cleans them, with their
// dates from seeds-dates.tsv and the quotes the quote stage finds.
func seeds(t *testing.T) ([]news.Article, []news.Quote) {
	t.Helper()
	var arts []news.Article
	var quotes []news.Quote
	for _, s := range sharedtest.Seeds(t) {
		res, err := extract.FileWith(s.Path, extract.Options{Published: s.Published})
		if err != nil {
			t.Fatal(err)
		}
		a := res.Article()
		a.Outlet = res.OriginOutlet
		if res.Republisher != "" {
			a.Outlet = res.Republisher
		}
		arts = append(arts, a)
		qs, _ := quote.FromArticle(a)
		for _, q := range qs {
			quotes = append(quotes, news.Quote(q))
		}
	}
	if len(arts) != 5 {
		t.Fatalf("read %d seeds, want 5", len(arts))
	}
	return arts, quotes
}

func background(arts []news.Article, reg *outlet.Registry) Background {
	var bg Background
	for _, a := range arts {
		bg.Add(a, reg.Credit(a).Country)
	}
	return bg
}

func compareSeeds(t *testing.T) Comparison {
	t.Helper()
	arts, quotes := seeds(t)
	reg := registry(t)
	story := news.Story{ID: "storyline", Title: "US-brokered peace efforts"}
	for _, a := range arts {
		story.ArticleIDs = append(story.ArticleIDs, a.ID)
	}
	return Compare(story, arts, quotes, reg, background(arts, reg))
}

// TestJSONFieldNames pins the public field names of the comparison JSON
// (`parallax compare --json`, the web pages).
func TestJSONFieldNames(t *testing.T) {
	b, err := json.Marshal(compareSeeds(t))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	keys := func(v any) []string {
		var ks []string
		switch x := v.(type) {
		case map[string]any:
			for k := range x {
				ks = append(ks, k)
			}
		case []any:
			if len(x) > 0 {
				if o, ok := x[0].(map[string]any); ok {
					for k := range o {
						ks = append(ks, k)
					}
				}
			}
		}
		return ks
	}
	cov := m["coverage"].(map[string]any)
	tests := []struct {
		name string
		v    any
		want []string
	}{
		{"comparison", m, []string{"story_id", "scope", "title", "articles", "outlets", "coverage", "voices", "wording", "naming", "disagreements", "facts"}},
		{"coverage", cov, []string{"outlets", "kinds", "countries", "languages", "missing_kinds", "missing_countries", "blindspot"}},
		{"coverage.outlets", cov["outlets"], []string{"name", "kind", "country", "language", "article_ids"}},
		{"voices", m["voices"], []string{"outlet", "quotes", "speakers"}},
		{"wording", m["wording"], []string{"outlet", "words", "terms"}},
		{"naming", m["naming"], []string{"pair", "forms", "outlets", "split"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := keys(tc.v)
			for _, k := range tc.want {
				if !slices.Contains(got, k) {
					t.Errorf("no %q in %v", k, got)
				}
			}
		})
	}
	d, err := json.Marshal(Disagreement{})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{`"kind"`, `"about"`, `"score"`, `"a"`, `"b"`, `"article_id"`, `"outlet"`, `"sentence"`, `"value"`} {
		if !strings.Contains(string(d), k) {
			t.Errorf("disagreement JSON %s lacks %s", d, k)
		}
	}
}

func TestSeedsCoverage(t *testing.T) {
	c := compareSeeds(t)
	want := []string{outlet.Unattributed, "Axios", "RT", "The Kyiv Independent", "AFP"}
	if !slices.Equal(c.Outlets, want) {
		t.Errorf("outlets in order of first report = %q, want %q", c.Outlets, want)
	}
	byName := map[string]OutletCoverage{}
	for _, o := range c.Coverage.Outlets {
		byName[o.Name] = o
	}
	if rt := byName["RT"]; rt.Kind != "state_affiliated" || rt.Country != "RU" || !slices.Equal(rt.Via, []string{"USSANews"}) {
		t.Errorf("RT column: %+v (want state_affiliated RU via USSANews)", rt)
	}
	if ax := byName["Axios"]; !slices.Equal(ax.Via, []string{"cupure"}) || ax.FirstReported.Format(time.DateOnly) != "2025-08-24" {
		t.Errorf("Axios column: %+v", ax)
	}
	if !slices.Equal(c.Coverage.Kinds, []string{"private", "state_affiliated", "wire"}) || !slices.Equal(c.Coverage.MissingKinds, []string{"public_broadcaster"}) {
		t.Errorf("kinds %v missing %v", c.Coverage.Kinds, c.Coverage.MissingKinds)
	}
	if c.Coverage.Blindspot || len(c.Coverage.MissingCountries) != 0 {
		t.Errorf("four countries: no blindspot expected, got %q, missing %v", c.Coverage.BlindspotReason, c.Coverage.MissingCountries)
	}
}

// TestSeedsNaming: the Russian state outlet writes Kiev, the others Kyiv.
func TestSeedsNaming(t *testing.T) {
	c := compareSeeds(t)
	var kk *Naming
	for i := range c.Naming {
		if c.Naming[i].Pair == "Kyiv/Kiev" {
			kk = &c.Naming[i]
		}
	}
	if kk == nil {
		t.Fatal("no Kyiv/Kiev naming")
	}
	if !kk.Split {
		t.Error("Kyiv/Kiev not marked split")
	}
	prefers := map[string]string{}
	for _, o := range kk.Outlets {
		prefers[o.Outlet] = o.Prefers
	}
	want := map[string]string{"RT": "Kiev", "The Kyiv Independent": "Kyiv", "Axios": "Kyiv", "AFP": "Kyiv"}
	for o, w := range want {
		if prefers[o] != w {
			t.Errorf("%s prefers %q, want %q (all: %v)", o, prefers[o], w, prefers)
		}
	}
}

// TestSeedsVoices: whom each outlet quotes.
func TestSeedsVoices(t *testing.T) {
	c := compareSeeds(t)
	top := map[string]string{}
	speakers := map[string][]string{}
	for _, v := range c.Voices {
		sum := 0.0
		for _, s := range v.Speakers {
			sum += s.Share
			speakers[v.Outlet] = append(speakers[v.Outlet], s.Speaker)
		}
		if len(v.Speakers) > 0 {
			top[v.Outlet] = v.Speakers[0].Speaker
			if math.Abs(sum-1) > 1e-9 {
				t.Errorf("%s: shares sum to %v", v.Outlet, sum)
			}
		}
	}
	tests := []struct {
		outlet, top string
		has         []string
	}{
		{"The Kyiv Independent", "JD Vance", []string{"Donald Trump"}},
		{"AFP", "Donald Trump", []string{"Yury Ushakov"}},
		{"RT", "", []string{"Sergey Lavrov"}},
		{"Axios", "", []string{"JD Vance"}},
	}
	for _, tc := range tests {
		t.Run(tc.outlet, func(t *testing.T) {
			if tc.top != "" && top[tc.outlet] != tc.top {
				t.Errorf("most quoted %q, want %q (%v)", top[tc.outlet], tc.top, speakers[tc.outlet])
			}
			for _, h := range tc.has {
				if !slices.Contains(speakers[tc.outlet], h) {
					t.Errorf("%s not among %v", h, speakers[tc.outlet])
				}
			}
		})
	}
}

func TestSeedsWording(t *testing.T) {
	c := compareSeeds(t)
	for _, w := range c.Wording {
		for i, ts := range w.Terms {
			if ts.Z < DefaultOptions().MinZ || ts.Count < DefaultOptions().MinCount || (i > 0 && ts.Z > w.Terms[i-1].Z) {
				t.Errorf("%s: bad term %+v", w.Outlet, ts)
			}
		}
	}
	terms := map[string][]string{}
	for _, w := range c.Wording {
		for _, ts := range w.Terms {
			terms[w.Outlet] = append(terms[w.Outlet], ts.Term)
		}
	}
	if !slices.Contains(terms["RT"], "kiev") {
		t.Errorf("RT's distinctive terms %v lack kiev", terms["RT"])
	}
	t.Logf("distinctive terms: %v", terms)
}

func TestBlindspot(t *testing.T) {
	reg := registry(t)
	bg := Background{Countries: map[string]int{"US": 5, "RU": 5, "UA": 5}}
	mk := func(id, o string) news.Article { return news.Article{ID: id, Outlet: o, Text: "Talks in Geneva."} }
	tests := []struct {
		name   string
		arts   []news.Article
		flag   bool
		reason string
	}{
		{"one outlet", []news.Article{mk("1", "RT")}, true, "one outlet only (RT)"},
		{"one country", []news.Article{mk("1", "RT"), mk("2", "TASS")}, true, "only by RU outlets"},
		{"one ordinary kind", []news.Article{mk("1", "Axios"), mk("2", "The Kyiv Independent")}, false, ""},
		{"state media only", []news.Article{mk("1", "RT"), mk("2", "Ukrinform")}, true, "only by state-affiliated outlets"},
		{"mixed", []news.Article{mk("1", "RT"), mk("2", "Axios")}, false, ""},
		{"wire copy counts for the wire", []news.Article{{ID: "1", Outlet: "www.huffingtonpost.com", OriginOutlet: "Reuters"}, mk("2", "Reuters")}, true, "one outlet only (Reuters)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := Compare(news.Story{ID: "s"}, tc.arts, nil, reg, bg)
			if tc.name == "wire copy counts for the wire" && (len(c.Coverage.Outlets) != 1 || !slices.Equal(c.Coverage.Outlets[0].Via, []string{"HuffPost"})) {
				t.Errorf("coverage %+v, want Reuters via HuffPost", c.Coverage.Outlets)
			}
			if c.Coverage.Blindspot != tc.flag || !strings.Contains(c.Coverage.BlindspotReason, tc.reason) {
				t.Errorf("blindspot %v %q, want %v containing %q", c.Coverage.Blindspot, c.Coverage.BlindspotReason, tc.flag, tc.reason)
			}
		})
	}
}

// TestNewsClusters compares every labelled event of the news-clusters set
// (94 outlets, 69 events): each yields one column per credited outlet with
// coverage, voices and wording, and every outlet is in the registry.
func TestNewsClusters(t *testing.T) {
	if testing.Short() {
		t.Skip("reads and analyses 383 articles")
	}
	labelled, err := cluster.ReadLabelled(sharedtest.Dir(t, "eval", "news-clusters"))
	if err != nil {
		t.Fatal(err)
	}
	reg := registry(t)
	var bg Background
	var quotes []news.Quote
	events := map[string]*news.Story{}
	var arts []news.Article
	for _, l := range labelled {
		a := news.Article{ID: l.ID, Title: l.Title, Text: l.Text, Outlet: l.Outlet, Published: l.Published, Language: l.Language}
		arts = append(arts, a)
		o := reg.Credit(a)
		if o.Kind == outlet.KindUnknown && o.Country == "" && len(o.Domains) == 0 {
			t.Errorf("outlet %q not in registry", a.Outlet)
		}
		bg.Add(a, o.Country)
		qs, _ := quote.FromArticle(a)
		for _, q := range qs {
			quotes = append(quotes, news.Quote(q))
		}
		s := events[l.Event]
		if s == nil {
			s = &news.Story{ID: "event-" + l.Event}
			events[l.Event] = s
		}
		s.ArticleIDs = append(s.ArticleIDs, a.ID)
	}
	if len(events) != 69 {
		t.Fatalf("%d events, want 69", len(events))
	}
	columns, withTerms, multi, withVoices, disagreements, blind := 0, 0, 0, 0, 0, 0
	termColumns := map[string]int{} // distinctive term: columns holding it
	for _, s := range events {
		c := Compare(*s, arts, quotes, reg, bg)
		outlets := map[string]bool{}
		for _, id := range s.ArticleIDs {
			for _, a := range arts {
				if a.ID == id {
					outlets[reg.Credit(a).Name] = true
				}
			}
		}
		if len(c.Outlets) != len(outlets) || len(c.Coverage.Outlets) != len(outlets) || len(c.Voices) != len(outlets) || len(c.Wording) != len(outlets) {
			t.Errorf("%s: %d outlets, columns: %d coverage, %d voices, %d wording", s.ID, len(outlets), len(c.Coverage.Outlets), len(c.Voices), len(c.Wording))
		}
		if c.Articles != len(s.ArticleIDs) {
			t.Errorf("%s: %d articles compared, want %d", s.ID, c.Articles, len(s.ArticleIDs))
		}
		columns += len(c.Outlets)
		if len(c.Outlets) > 1 {
			multi++
			for _, w := range c.Wording {
				if len(w.Terms) > 0 {
					withTerms++
				}
				for _, ts := range w.Terms {
					termColumns[ts.Term]++
				}
			}
		}
		for _, v := range c.Voices {
			if v.Quotes > 0 {
				withVoices++
			}
		}
		disagreements += len(c.Disagreements)
		if c.Coverage.Blindspot {
			blind++
		}
	}
	t.Logf("69 events: %d outlet columns, %d multi-outlet events, %d columns with distinctive terms, %d with quotes, %d disagreements, %d blindspots",
		columns, multi, withTerms, withVoices, disagreements, blind)
	common := slices.Collect(maps.Keys(termColumns))
	slices.SortFunc(common, func(a, b string) int { return cmp.Or(termColumns[b]-termColumns[a], strings.Compare(a, b)) })
	var top []string
	for _, w := range common[:min(20, len(common))] {
		top = append(top, fmt.Sprintf("%s %d", w, termColumns[w]))
	}
	t.Logf("the distinctive terms most columns hold: %s", strings.Join(top, ", "))
	if withTerms < columns/2 || withVoices < columns/2 {
		t.Errorf("too few columns with terms (%d) or voices (%d) of %d", withTerms, withVoices, columns)
	}
}
