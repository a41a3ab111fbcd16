package compare

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/facts"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/outlet"
)

func art(id, outletName, url, lang, published, text string) news.Article {
	t, _ := time.Parse("2006-01-02 15:04", published)
	return news.Article{ID: id, Outlet: outletName, URL: url, Language: lang, Published: t, Text: text}
}

// TestCompareFacts: a toll that differs the same day is a facts group of
// the comparison, with the claims' fields in the JSON, and a chart.
func TestCompareFacts(t *testing.T) {
	arts := []news.Article{
		art("a", "CNN", "https://edition.cnn.com/a", "en", "2017-10-02 15:00", "At least 50 people were killed at the concert in Las Vegas."),
		art("b", "The New York Times", "https://www.nytimes.com/b", "en", "2017-10-02 09:00", "The gunman killed 59 people at the concert in Las Vegas."),
	}
	c := Compare(news.Story{ID: "s1"}, arts, nil, registry(t), Background{})
	if len(c.Facts) != 1 || c.Facts[0].Verdict != facts.Differ || c.Facts[0].Subject != "deaths" {
		t.Fatalf("facts %+v, want one differ group of deaths", c.Facts)
	}
	if len(c.FactCharts) != 1 || len(c.FactCharts[0].Lines) != 2 || c.FactCharts[0].Desc == "" {
		t.Errorf("charts %+v, want one with two outlets", c.FactCharts)
	}
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{`"facts"`, `"subject"`, `"verdict"`, `"claims"`, `"article_id"`, `"outlet"`, `"published"`, `"value"`, `"qualifier"`, `"sentence"`, `"attributed_to"`} {
		if !strings.Contains(string(b), k) {
			t.Errorf("comparison JSON lacks %s", k)
		}
	}
	if strings.Contains(string(b), "Points") {
		t.Error("charts leak into the JSON")
	}
}

// TestCompareStorylineFacts: tolls of two stories of one storyline are
// not one figure; compared as one story without the stories, the
// stretches of reporting keep them apart too.
func TestCompareStorylineFacts(t *testing.T) {
	arts := []news.Article{
		art("a", "CNN", "", "en", "2025-03-01 10:00", "A drone strike on the city killed 12 people overnight."),
		art("b", "BBC", "", "en", "2025-03-01 12:00", "A drone strike on the city killed 12 people overnight."),
		art("c", "CNN", "", "en", "2025-05-20 10:00", "Shelling of the port killed 30 people on Tuesday."),
		art("d", "BBC", "", "en", "2025-05-20 11:00", "Shelling of the port killed 30 people on Tuesday."),
	}
	l := news.Storyline{ID: "l1", Label: "war"}
	stories := []news.Story{{ID: "s1", ArticleIDs: []string{"a", "b"}}, {ID: "s2", ArticleIDs: []string{"c", "d"}}}
	c := DefaultOptions().CompareStoryline(l, stories, arts, nil, registry(t), Background{})
	if c.Scope != "storyline" || len(c.Facts) != 2 {
		t.Fatalf("scope %s, facts %+v: want two groups", c.Scope, c.Facts)
	}
	for _, g := range c.Facts {
		if g.Verdict != facts.Agree {
			t.Errorf("%s %s: %s, want agree", g.StoryID, g.Subject, g.Verdict)
		}
	}
	whole := news.Story{ID: "l1", StorylineID: "l1", ArticleIDs: []string{"a", "b", "c", "d"}}
	c = Compare(whole, arts, nil, registry(t), Background{})
	for _, g := range c.Facts {
		if g.Differs() {
			t.Errorf("without stories: %s %s", g.Subject, g.Verdict)
		}
	}
}

// TestNamingAcrossLanguages counts the Russian, Ukrainian and German forms
// with the English ones, case endings included, quoted words apart.
func TestNamingAcrossLanguages(t *testing.T) {
	find := func(name string) Variant {
		for _, v := range Variants {
			if v.Name == name {
				return v
			}
		}
		t.Fatalf("no variant %q", name)
		return Variant{}
	}
	tests := []struct {
		pair, text  string
		own, quoted map[string]int
	}{
		{"Kyiv/Kiev", "Делегация прибыла в Киев, а затем из Киева отправилась дальше.", map[string]int{"Kiev": 2}, nil},
		{"Kyiv/Kiev", "Делегація прибула до Києва; у Київі тривали переговори.", map[string]int{"Kyiv": 2}, nil},
		{"Kyiv/Kiev", "Die Delegation reiste nach Kiew, später nach Kyjiw.", map[string]int{"Kiev": 1, "Kyiv": 1}, nil},
		{"Kyiv/Kiev", "The Kyiv Independent reported from Kyiv.", map[string]int{"Kyiv": 1}, nil},
		{"в Украине/на Украине", "Ситуация на Украине обсуждалась, как и выборы в Украине.", map[string]int{"на Украине": 1, "в Украине": 1}, nil},
		{"invasion/special military operation", "Москва называет это СВО; «специальная военная операция» идет с 2022 года.", map[string]int{"special military operation": 1}, map[string]int{"special military operation": 1}},
		{"war/conflict", "Der Krieg dauert an, sagte er über den Konflikt.", map[string]int{"war": 1, "conflict": 1}, nil},
		{"war/conflict", "Війна триває.", map[string]int{"war": 1}, nil},
		{"war/conflict", "The software was not a warrant for war.", map[string]int{"war": 1}, nil},
	}
	for _, tt := range tests {
		v := find(tt.pair)
		own, quoted := CountForms(v, tt.text)
		for i, f := range v.Forms {
			if own[i] != tt.own[f.Label] || quoted[i] != tt.quoted[f.Label] {
				t.Errorf("%q: %s own %d quoted %d, want %d, %d", tt.text, f.Label, own[i], quoted[i], tt.own[f.Label], tt.quoted[f.Label])
			}
		}
	}
}

// TestCoverageByRegistry: an article whose outlet name the registry does
// not know counts by its URL's registered outlet (country, language), and
// coverage lists the languages.
func TestCoverageByRegistry(t *testing.T) {
	reg := outlet.New([]outlet.Outlet{
		{Name: "Der Spiegel", Domains: []string{"spiegel.de"}, Country: "DE", Language: "de", Kind: outlet.KindPrivate},
		{Name: "RIA Novosti", Domains: []string{"ria.ru"}, Country: "RU", Language: "ru", Kind: outlet.KindStateAffiliated},
	})
	arts := []news.Article{
		art("a", "SPIEGEL ONLINE", "https://www.spiegel.de/ausland/treffen-a-1.html", "de", "2025-12-03 10:00", "Das Treffen dauerte fünf Stunden."),
		art("b", "РИА Новости", "https://ria.ru/20251203/vstrecha.html", "ru", "2025-12-03 09:00", "Встреча длилась пять часов."),
		art("c", "Some Blog", "https://blog.example/x", "uk", "2025-12-03 09:30", "Зустріч тривала п'ять годин."),
	}
	bg := Background{Countries: map[string]int{"DE": 10, "RU": 10}}
	c := Compare(news.Story{ID: "s"}, arts, nil, reg, bg)
	if !slices.Equal(c.Coverage.Countries, []string{"DE", "RU"}) || len(c.Coverage.MissingCountries) != 0 {
		t.Errorf("countries %v, missing %v", c.Coverage.Countries, c.Coverage.MissingCountries)
	}
	if !slices.Equal(c.Coverage.Languages, []string{"de", "ru", "uk"}) {
		t.Errorf("languages %v", c.Coverage.Languages)
	}
	if len(c.Facts) != 1 || c.Facts[0].Subject != "hours" || c.Facts[0].Verdict != facts.Agree || len(c.Facts[0].Claims) != 3 {
		t.Errorf("facts %+v, want five hours agreed in three languages", c.Facts)
	}
}

// TestFactChart: reports in time order, one step per moment, the value
// axis from the lowest to the highest figure; no chart for one moment.
func TestFactChart(t *testing.T) {
	at := func(d int) time.Time { return time.Date(2017, 10, d, 12, 0, 0, 0, time.UTC) }
	g := facts.Group{Subject: "deaths", Verdict: facts.Moved, Claims: []facts.Claim{
		{Outlet: "A", Published: at(2), Value: 50, Qualifier: facts.AtLeast},
		{Outlet: "B", Published: at(3), Value: 58},
		{Outlet: "A", Published: at(4), Value: 59},
	}}
	ch, ok := factChart(g)
	if !ok || len(ch.Lines) != 2 || len(ch.Lines[0].Dots) != 2 || len(ch.Lines[1].Dots) != 1 {
		t.Fatalf("chart %+v", ch)
	}
	a0, b0, a1 := ch.Lines[0].Dots[0], ch.Lines[1].Dots[0], ch.Lines[0].Dots[1]
	if !(a0.X < b0.X && b0.X < a1.X) || !(a0.Y > b0.Y && b0.Y > a1.Y) {
		t.Errorf("dots not in order: %+v %+v %+v", a0, b0, a1)
	}
	if ch.Ticks[0].Label != "50" || ch.Ticks[1].Label != "59" || !strings.Contains(ch.Desc, "A: at least 50") {
		t.Errorf("ticks %+v, desc %q", ch.Ticks, ch.Desc)
	}
	same := g
	same.Claims = []facts.Claim{{Outlet: "A", Published: at(2), Value: 50}, {Outlet: "B", Published: at(2), Value: 59}}
	if _, ok := factChart(same); ok {
		t.Error("a chart for one moment")
	}
}

// TestFactChartsLeaveDaysOut: a group of days that differ is read in the
// table; only figures are charted.
func TestFactChartsLeaveDaysOut(t *testing.T) {
	at := func(d int) time.Time { return time.Date(2025, 12, d, 9, 0, 0, 0, time.UTC) }
	days := facts.Group{Kind: facts.KindDate, Subject: "date: meeting (Putin, Witkoff)", Verdict: facts.Differ, Claims: []facts.Claim{
		{Kind: facts.KindDate, Outlet: "A", Published: at(3), Date: "2025-12-02"},
		{Kind: facts.KindDate, Outlet: "B", Published: at(4), Date: "2025-12-03"},
	}}
	toll := facts.Group{Kind: facts.KindFigure, Subject: "deaths", Verdict: facts.Moved, Claims: []facts.Claim{
		{Outlet: "A", Published: at(2), Value: 5}, {Outlet: "B", Published: at(4), Value: 9},
	}}
	chs := factCharts([]facts.Group{days, toll})
	if len(chs) != 1 || chs[0].Subject != "deaths" {
		t.Errorf("charts %+v, want the toll's only", chs)
	}
}
