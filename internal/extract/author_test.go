package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// The author lists below are modelled on what crawlers put in
// news-please's "authors" field; the names are made up.
func TestAuthors(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want string
	}{
		{"plain names", []string{"Jane Roe", "John Q. Doe"}, "Jane Roe, John Q. Doe"},
		{"outlet suffix cut", []string{"Jane Roe For Mailonline", "John Doe For Dailymail.Com"}, "Jane Roe, John Doe"},
		{"job title dropped", []string{"Jane Roe", "Technology Correspondent"}, "Jane Roe"},
		{"page label dropped", []string{"Jane Roe", "Published P.M. Et Nov."}, "Jane Roe"},
		{"outlet name dropped", []string{"Abc News", "Jane Roe"}, "Jane Roe"},
		{"outlet domain dropped", []string{"Deutsche Welle", "Www.Dw.Com", "Author", "Jana Grün"}, "Jana Grün"},
		{"agency kept under registry name", []string{"The Associated Press"}, "Associated Press"},
		{"agency alias", []string{"Agence France-Presse", "Jane Roe"}, "AFP, Jane Roe"},
		{"press association", []string{"Press Association"}, "PA Media"},
		{"desk of an outlet dropped", []string{"Reuters In Berlin", "Jane Roe"}, "Jane Roe"},
		{"more stories prefix and duplicate", []string{"Jane Roe", "More Stories Jane Roe"}, "Jane Roe"},
		{"glued pair dropped", []string{"Jane Roe", "John Doe", "Jane Roe John Doe"}, "Jane Roe, John Doe"},
		{"is-a description cut", []string{"Jane Roe Is A General Assignment Reporter"}, "Jane Roe"},
		{"single words dropped", []string{"Jan", "Image", "Dec."}, ""},
		{"sentence dropped", []string{"You Will Find Her Reading About Space."}, ""},
		{"written by alone", []string{"Written By"}, ""},
		{"address dropped", []string{"jane.roe@example.com", "Jane.Roe Wsj.Com"}, ""},
		{"particles", []string{"Tess de la Mare", "Michael J. De La Merced"}, "Tess de la Mare, Michael J. De La Merced"},
		{"lower-case start dropped", []string{"staff report"}, ""},
		{"article start dropped", []string{"An Avid Reader"}, ""},
		{"capitals", []string{"JANE ROE; JOHN O'DOE-SMITH"}, "Jane Roe, John O'Doe-Smith"},
		{"agency glued after a name", []string{"JANE ROE; JOHN DOE Associated Press"}, "Jane Roe, John Doe"},
		{"date words glued after a name", []string{"Jane Roe Monday; November"}, "Jane Roe"},
		{"analysis by", []string{"Analysis by Jane Roe; CNN Editor-at-large"}, "Jane Roe"},
		{"empty", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Authors(tc.in); got != tc.want {
				t.Errorf("Authors(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	many := make([]string, 30)
	for i := range many {
		many[i] = "Jane Roe" + strings.Repeat("x", i)
	}
	if n := len(strings.Split(Authors(many), ", ")); n != maxAuthors {
		t.Errorf("%d authors kept, want at most %d", n, maxAuthors)
	}
}

func TestBylineAuthor(t *testing.T) {
	res, err := Text("Talks resume in Geneva next week\nBy Jane Roe and John Doe\nDelegations from both sides will meet on Monday, officials said.\nThe talks are the first since March.")
	if err != nil {
		t.Fatal(err)
	}
	if res.Author != "Jane Roe, John Doe" {
		t.Errorf("author %q, want the byline's names", res.Author)
	}
	if strings.Contains(res.Text, "By Jane") {
		t.Errorf("byline left in the text: %q", res.Text)
	}
}

// TestAttribute checks the outlet identity of an article after cleaning:
// registry names everywhere, the origin falls back to an agency author and
// then to the outlet itself, and the republisher is never the origin.
func TestAttribute(t *testing.T) {
	tests := []struct {
		name                      string
		in                        news.Article
		outlet, origin, republish string
	}{
		{"own article, domain as outlet", news.Article{Outlet: "www.rt.com"}, "RT", "RT", ""},
		{"aggregator copy named in text", news.Article{Outlet: "USSANews", OriginOutlet: "https://www.rt.com", Republisher: "USSANews"}, "USSANews", "RT", "USSANews"},
		{"logo names the aggregator", news.Article{Outlet: "cupure", OriginOutlet: "Axios", Republisher: "cupure"}, "cupure", "Axios", "cupure"},
		{"dateline in capitals on the agency's site", news.Article{Outlet: "Reuters", OriginOutlet: "REUTERS"}, "Reuters", "Reuters", ""},
		{"spellings of one agency", news.Article{Outlet: "apnews.com", OriginOutlet: "The Associated Press", Republisher: "AP"}, "Associated Press", "Associated Press", ""},
		{"agency author on a paper's site", news.Article{Outlet: "www.dailymail.co.uk", Author: "Associated Press"}, "Daily Mail", "Associated Press", "Daily Mail"},
		{"agency and staff author", news.Article{Outlet: "www.dailymail.co.uk", Author: "Jane Roe, Associated Press"}, "Daily Mail", "Daily Mail", ""},
		{"wire credit on a paper", news.Article{Outlet: "www.nytimes.com", OriginOutlet: "AP"}, "The New York Times", "Associated Press", "The New York Times"},
		{"feed section", news.Article{Outlet: "CNN World"}, "CNN", "CNN", ""},
		{"unknown outlet", news.Article{Outlet: "www.example-news.org"}, "example-news.org", "example-news.org", ""},
		{"nothing named", news.Article{}, "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := Attribute(tc.in)
			if a.Outlet != tc.outlet || a.OriginOutlet != tc.origin || a.Republisher != tc.republish {
				t.Errorf("Attribute = outlet %q origin %q republisher %q, want %q %q %q",
					a.Outlet, a.OriginOutlet, a.Republisher, tc.outlet, tc.origin, tc.republish)
			}
			if b := Attribute(a); b.Outlet+b.OriginOutlet+b.Republisher != a.Outlet+a.OriginOutlet+a.Republisher {
				t.Errorf("Attribute is not idempotent: %+v then %+v", a, b)
			}
		})
	}
}

// FuzzAuthors: any list gives valid UTF-8 names joined by ", ", each a
// few words, at most maxAuthors of them, and tidying twice changes nothing.
func FuzzAuthors(f *testing.F) {
	f.Add("Jane Roe|Technology Correspondent|John Doe For Mailonline")
	f.Add("The Associated Press|Published P.M. Et Nov.")
	f.Add("Tess de la Mare|Www.Dw.Com|More Stories Jane Roe")
	f.Add("\xff\xfe|By|  ")
	f.Fuzz(func(t *testing.T, joined string) {
		got := Authors(strings.Split(joined, "|"))
		if got == "" {
			return
		}
		names := strings.Split(got, ", ")
		if len(names) > maxAuthors {
			t.Fatalf("%d names", len(names))
		}
		for _, n := range names {
			if !utf8.ValidString(n) || n == "" || len(strings.Fields(n)) > 5 {
				t.Fatalf("bad name %q in %q", n, got)
			}
		}
		if again := Authors(names); again != got {
			t.Fatalf("Authors(%q) = %q, again %q", joined, got, again)
		}
	})
}

// TestDatelineDated: agencies that write the date before their name in the
// dateline (Russian and Ukrainian style) are the text's origin. The
// sentences are our own.
func TestDatelineDated(t *testing.T) {
	body := "\nУчастники встречи обсудили график следующих переговоров и договорились продолжить контакты.\nДругих подробностей пока нет."
	tests := []struct {
		lead, want string
	}{
		{"МОСКВА, 3 дек — РИА Новости. Переговоры в Кремле продолжались около пяти часов, сообщил помощник президента.", "RIA Novosti"},
		{"МОСКВА, 3 декабря. /ТАСС/. Переговоры в Кремле продолжались около пяти часов, сообщил помощник президента.", "TASS"},
		{"Москва. 3 декабря. INTERFAX.RU - Переговоры в Кремле продолжались около пяти часов, сообщил помощник президента.", "Interfax"},
		{"КИЇВ, 2 грудня — УНІАН. Переговори тривали близько п'яти годин, повідомив помічник президента.", "UNIAN"},
		{"МОСКВА, 3 декабря — переговоры в Кремле продолжались около пяти часов, сообщил помощник президента.", ""},
	}
	for _, tc := range tests {
		res, err := Text(tc.lead + body)
		if err != nil {
			t.Fatal(err)
		}
		if res.OriginOutlet != tc.want {
			t.Errorf("%q: origin %q, want %q", tc.lead[:30], res.OriginOutlet, tc.want)
		}
	}
}
