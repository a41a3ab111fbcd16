package outlet

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

func builtin(t *testing.T) *Registry {
	t.Helper()
	r, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestLookup(t *testing.T) {
	r := builtin(t)
	tests := []struct {
		in       string
		name     string
		kind     Kind
		country  string
		notFound bool
	}{
		{in: "The Kyiv Independent", name: "The Kyiv Independent", kind: KindPrivate, country: "UA"},
		{in: "Kyiv Independent", name: "The Kyiv Independent", kind: KindPrivate, country: "UA"},
		{in: "kyivindependent.com", name: "The Kyiv Independent", kind: KindPrivate, country: "UA"},
		{in: "https://kyivindependent.com/vance-trump/", name: "The Kyiv Independent", kind: KindPrivate, country: "UA"},
		{in: "RT", name: "RT", kind: KindStateAffiliated, country: "RU"},
		{in: "rt.com", name: "RT", kind: KindStateAffiliated, country: "RU"},
		{in: "www.rt.com", name: "RT", kind: KindStateAffiliated, country: "RU"},
		{in: "Russia Today", name: "RT", kind: KindStateAffiliated, country: "RU"},
		{in: "USSANews", name: "USSANews", kind: KindAggregator, country: "US"},
		{in: "USSANews.com", name: "USSANews", kind: KindAggregator, country: "US"},
		{in: "cupure", name: "cupure", kind: KindAggregator},
		{in: "Axios", name: "Axios", kind: KindPrivate, country: "US"},
		{in: "AFP", name: "AFP", kind: KindWire, country: "FR"},
		{in: "Agence France-Presse", name: "AFP", kind: KindWire, country: "FR"},
		{in: "edition.cnn.com", name: "CNN", kind: KindPrivate, country: "US"},
		{in: "money.cnn.com", name: "CNN", kind: KindPrivate, country: "US"},
		{in: "https://edition.cnn.com/world/live-news", name: "CNN World", kind: KindPrivate, country: "US"},
		{in: "usa.chinadaily.com.cn", name: "China Daily", kind: KindStateAffiliated, country: "CN"},
		{in: "https://www.bbc.com/russian/articles/x", name: "BBC News Russian", kind: KindPublicBroadcaster, country: "GB"},
		{in: "https://www.bbc.com/sport", name: "BBC News", kind: KindPublicBroadcaster, country: "GB"},
		{in: "uk.reuters.com", name: "Reuters", kind: KindWire, country: "GB"},
		{in: "sputniknews.com", name: "Sputnik", kind: KindStateAffiliated, country: "RU"},
		{in: "news.liverpool.ac.uk", name: "University of Liverpool News", kind: KindUnknown, country: "GB"},
		{in: "example.org", notFound: true},
		{in: "", notFound: true},
		{in: "The", notFound: true},
		{in: "co.uk", notFound: true},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			o, ok := r.Lookup(tc.in)
			if tc.notFound {
				if ok {
					t.Fatalf("Lookup(%q) = %q, want not found", tc.in, o.Name)
				}
				return
			}
			if !ok {
				t.Fatalf("Lookup(%q): not found", tc.in)
			}
			if o.Name != tc.name || o.Kind != tc.kind || o.Country != tc.country {
				t.Errorf("Lookup(%q) = %q %s %q, want %q %s %q", tc.in, o.Name, o.Kind, o.Country, tc.name, tc.kind, tc.country)
			}
		})
	}
}

func TestCredit(t *testing.T) {
	r := builtin(t)
	tests := []struct {
		name string
		a    news.Article
		want string
		kind Kind
	}{
		{"republished by aggregator counts for origin", news.Article{Outlet: "USSANews", OriginOutlet: "RT", Republisher: "USSANews"}, "RT", KindStateAffiliated},
		{"aggregator copy of Axios", news.Article{Outlet: "cupure", OriginOutlet: "Axios", Republisher: "cupure"}, "Axios", KindPrivate},
		{"own article", news.Article{Outlet: "The Kyiv Independent", OriginOutlet: "The Kyiv Independent"}, "The Kyiv Independent", KindPrivate},
		{"domain as outlet", news.Article{Outlet: "www.nytimes.com"}, "The New York Times", KindPrivate},
		{"unknown outlet kept", news.Article{Outlet: "Some Blog"}, "Some Blog", KindUnknown},
		{"no outlet", news.Article{}, Unattributed, KindUnknown},
		{"no outlet but URL", news.Article{URL: "https://www.rt.com/news/1/"}, "RT", KindStateAffiliated},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := r.Credit(tc.a)
			if got.Name != tc.want || got.Kind != tc.kind {
				t.Errorf("Credit = %q %s, want %q %s", got.Name, got.Kind, tc.want, tc.kind)
			}
		})
	}
}

// TestBuiltinCoversFeeds checks that every outlet of the built-in feed list
// is in the registry with the same country, kind and language.
func TestBuiltinCoversFeeds(t *testing.T) {
	r := builtin(t)
	for _, f := range feed.Builtin() {
		t.Run(f.Title, func(t *testing.T) {
			o, ok := r.Lookup(f.Title)
			if !ok {
				t.Fatalf("feed outlet %q not in registry", f.Title)
			}
			if o.Country != f.Country || string(o.Kind) != string(f.Kind) || o.Language != f.Language {
				t.Errorf("%q: registry %s/%s/%s, feed list %s/%s/%s", f.Title, o.Country, o.Kind, o.Language, f.Country, f.Kind, f.Language)
			}
			if byURL, ok := r.Lookup(f.SiteURL); !ok || byURL.Country != f.Country {
				t.Errorf("site %s: found %q (%v)", f.SiteURL, byURL.Name, ok)
			}
		})
	}
}

// TestBuiltinCoversNewsClusters checks that every source_domain of the
// news-clusters evaluation set is in the registry.
func TestBuiltinCoversNewsClusters(t *testing.T) {
	dir := sharedtest.Dir(t, "eval", "news-clusters")
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no news-clusters files: %v", err)
	}
	r := builtin(t)
	domains := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var rec struct {
			SourceDomain string `json:"source_domain"`
		}
		if err := json.Unmarshal(b, &rec); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		domains[rec.SourceDomain] = true
	}
	if len(domains) < 90 {
		t.Fatalf("only %d domains read", len(domains))
	}
	for d := range domains {
		if _, ok := r.Lookup(d); !ok {
			t.Errorf("news-clusters outlet %q not in registry", d)
		}
	}
}

func TestLoadUserFileOverridesAndExtends(t *testing.T) {
	user := []byte(`{"outlets": [
		{"name": "RT", "country": "RU", "kind": "state_affiliated", "aliases": ["RT News"]},
		{"name": "cupure", "country": "us"},
		{"name": "My Local Paper", "domains": ["https://www.mylocal.example/"], "country": "IE", "language": "EN", "kind": "private"}
	]}`)
	r, err := Load(user)
	if err != nil {
		t.Fatal(err)
	}
	if o, ok := r.Lookup("RT News"); !ok || o.Name != "RT" || !strings.Contains(strings.Join(o.Domains, ","), "rt.com") {
		t.Errorf("RT News: %+v %v", o, ok)
	}
	if o, _ := r.Lookup("cupure"); o.Country != "US" || o.Kind != KindAggregator {
		t.Errorf("cupure override: %+v (kind must survive a user entry without kind)", o)
	}
	if o, ok := r.Lookup("mylocal.example"); !ok || o.Name != "My Local Paper" || o.Language != "en" {
		t.Errorf("new outlet: %+v %v", o, ok)
	}
	if n := len(r.All()); n != len(builtin(t).All())+1 {
		t.Errorf("All: %d outlets, want built-in + 1", n)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", ``, "empty"},
		{"not json", `outlets: [x]`, "parse outlets"},
		{"no name", `[{"kind":"wire"}]`, "no name"},
		{"bad kind", `[{"name":"X","kind":"tabloid"}]`, "kind"},
		{"bad country", `[{"name":"X","country":"Russia"}]`, "country"},
		{"unknown field", `{"outlets":[], "extra": 1}`, "unknown field"},
		{"trailing", `{"outlets":[]} {}`, "after"},
		{"control char", `[{"name":"X\u0001"}]`, "control"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Parse(%q) error %v, want containing %q", tc.in, err, tc.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"outlets":[{"name":"RT","domains":["rt.com"],"country":"RU","kind":"state_affiliated"}]}`))
	f.Add([]byte(`[{"name":"X","domains":["https://x.example:8080/a?b#c"]}]`))
	f.Add([]byte(`[{"name":"The"}]`))
	f.Add(builtinJSON)
	f.Fuzz(func(t *testing.T, b []byte) {
		list, err := Parse(b)
		if err != nil {
			return
		}
		r := New(list)
		for _, o := range list {
			if o.Name == "" || !o.Kind.Valid() {
				t.Fatalf("Parse accepted %+v", o)
			}
			if _, ok := r.Lookup(o.Name); !ok {
				t.Fatalf("Lookup(%q) of a parsed outlet failed", o.Name)
			}
			for _, d := range o.Domains {
				r.Lookup(d)
			}
		}
	})
}

func FuzzLookup(f *testing.F) {
	r, err := Builtin()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"The Kyiv Independent", "https://www.bbc.com/russian/x?y#z", "edition.cnn.com", "http://[::1]:80/", "a.b.c.d.e", "www.", "://", "The"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		o, ok := r.Lookup(s)
		if !ok {
			return
		}
		again, ok := r.Lookup(o.Name)
		if !ok || again.Name != o.Name {
			t.Fatalf("Lookup(%q) = %q, but Lookup(%q) = %q, %v", s, o.Name, o.Name, again.Name, ok)
		}
		r.Credit(news.Article{Outlet: s, OriginOutlet: s, URL: s})
	})
}

// FuzzName: the resolver never fails, and a name it returns resolves to
// itself (so names stored once stay stable when resolved again).
func FuzzName(f *testing.F) {
	r, err := Builtin()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"AP", "The Associated Press", "www.rt.com", "CNN World", "https://www.dw.com/ru/x", "ТАСС", "Some  Blog", "http://[::1]:80/", "www.", " "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := r.Name(s)
		if again := r.Name(n); again != n {
			t.Fatalf("Name(%q) = %q, but Name(%q) = %q", s, n, n, again)
		}
	})
}

// TestResolveName checks the one resolver every spelling goes through:
// names, aliases, domains and URLs of one outlet give one registry name,
// sections of an outlet give the outlet, language services stay apart, and
// unknown outlets keep a tidy name of their own.
func TestResolveName(t *testing.T) {
	r := builtin(t)
	tests := []struct {
		in, want string
	}{
		{"AP", "Associated Press"},
		{"apnews.com", "Associated Press"},
		{"https://apnews.com/article/ukraine-talks-0123", "Associated Press"},
		{"The Associated Press", "Associated Press"},
		{"Associated Press", "Associated Press"},
		{"associated  press", "Associated Press"},
		{"www.rt.com", "RT"},
		{"RT", "RT"},
		{"Russia Today", "RT"},
		{"REUTERS", "Reuters"},
		{"uk.reuters.com", "Reuters"},
		{"USSANews.com", "USSANews"},
		{"cupure", "cupure"},
		{"edition.cnn.com", "CNN"},
		{"CNN World", "CNN"},
		{"https://edition.cnn.com/world/live-news/x", "CNN"},
		{"NPR World", "NPR"},
		{"Google News World", "Google News"},
		{"BBC News World", "BBC News"},
		{"https://www.bbc.com/russian/articles/x", "BBC News Russian"},
		{"BBC News Ukrainian", "BBC News Ukrainian"},
		{"Der Spiegel International", "Der Spiegel International"},
		{"www.dailymail.co.uk", "Daily Mail"},
		{"MailOnline", "Daily Mail"},
		{"africa.chinadaily.com.cn", "China Daily"},
		// Unknown outlets: a name stays as written, a domain or URL gives its host.
		{"Some Blog", "Some Blog"},
		{"  Some   Blog ", "Some Blog"},
		{"www.example.org", "example.org"},
		{"https://www.example.org:8080/news/1?x=2", "example.org"},
		{"", ""},
		{"   ", ""},
	}
	for _, tc := range tests {
		if got := r.Name(tc.in); got != tc.want {
			t.Errorf("Name(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := Name(tc.in); got != tc.want {
			t.Errorf("package Name(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestResolveSections checks the section rule on a registry of its own: a
// path entry in the same language, country and kind is a section; one in
// another language, or on a host no outlet has, is an outlet of its own.
func TestResolveSections(t *testing.T) {
	r := New([]Outlet{
		{Name: "Daily", Domains: []string{"daily.example"}, Country: "US", Language: "en", Kind: KindPrivate},
		{Name: "Daily Sport", Domains: []string{"daily.example/sport"}, Country: "US", Language: "en", Kind: KindPrivate},
		{Name: "Daily en Español", Domains: []string{"daily.example/es"}, Country: "US", Language: "es", Kind: KindPrivate},
		{Name: "Orphan Section", Domains: []string{"nohost.example/world"}, Country: "US", Language: "en", Kind: KindPrivate},
		{Name: "Two Hosts", Domains: []string{"daily.example/x", "other.example/x"}, Country: "US", Language: "en", Kind: KindPrivate},
	})
	for in, want := range map[string]string{
		"Daily Sport":                         "Daily",
		"https://daily.example/sport/match-1": "Daily",
		"Daily en Español":                    "Daily en Español",
		"Orphan Section":                      "Orphan Section",
		"Two Hosts":                           "Two Hosts",
	} {
		if got := r.Name(in); got != want {
			t.Errorf("Name(%q) = %q, want %q", in, got, want)
		}
	}
	if o, ok := r.Lookup("Daily Sport"); !ok || o.Name != "Daily Sport" {
		t.Errorf("Lookup keeps the section entry, got %q %v", o.Name, ok)
	}
	var nilReg *Registry
	if _, ok := nilReg.Resolve("Daily"); ok {
		t.Error("nil registry resolved a name")
	}
}

// TestRegistryLanguages checks the main outlets in Ukrainian, Russian and
// German: found by name, native spelling and address, with their country,
// language and kind, and their language services kept apart.
func TestRegistryLanguages(t *testing.T) {
	r := builtin(t)
	tests := []struct {
		in, name, country, lang string
		kind                    Kind
	}{
		{"Suspilne", "Suspilne", "UA", "uk", KindPublicBroadcaster},
		{"Суспільне", "Suspilne", "UA", "uk", KindPublicBroadcaster},
		{"https://suspilne.media/kyiv/123-x/", "Suspilne", "UA", "uk", KindPublicBroadcaster},
		{"УНІАН", "UNIAN", "UA", "uk", KindWire},
		{"https://www.unian.ua/politics/x.html", "UNIAN", "UA", "uk", KindWire},
		{"https://www.unian.net/politics/x.html", "UNIAN Russian", "UA", "ru", KindWire},
		{"Українська правда", "Ukrainska Pravda", "UA", "uk", KindPrivate},
		{"https://www.pravda.com.ua/news/2025/12/2/1/", "Ukrainska Pravda", "UA", "uk", KindPrivate},
		{"https://www.pravda.com.ua/eng/news/2025/12/2/1/", "Ukrainska Pravda English", "UA", "en", KindPrivate},
		{"https://interfax.com.ua/news/political/1.html", "Interfax-Ukraine", "UA", "uk", KindWire},
		{"https://ru.interfax.com.ua/news/political/1.html", "Interfax-Ukraine Russian", "UA", "ru", KindWire},
		{"24 Канал", "24 Kanal", "UA", "uk", KindPrivate},
		{"РБК", "RBC", "RU", "ru", KindPrivate},
		{"https://www.rbc.ru/politics/03/12/2025/x", "RBC", "RU", "ru", KindPrivate},
		{"Коммерсантъ", "Kommersant", "RU", "ru", KindPrivate},
		{"Интерфакс", "Interfax", "RU", "ru", KindWire},
		{"ТАСС", "TASS", "RU", "ru", KindStateAffiliated},
		{"https://tass.ru/politika/1", "TASS", "RU", "ru", KindStateAffiliated},
		{"https://tass.com/politics/1", "TASS English", "RU", "en", KindStateAffiliated},
		{"РИА Новости", "RIA Novosti", "RU", "ru", KindStateAffiliated},
		{"https://russian.rt.com/world/news/1", "RT Russian", "RU", "ru", KindStateAffiliated},
		{"https://www.spiegel.de/ausland/x", "Der Spiegel", "DE", "de", KindPrivate},
		{"https://www.spiegel.de/international/world/x", "Der Spiegel International", "DE", "en", KindPrivate},
		{"FAZ", "Frankfurter Allgemeine Zeitung", "DE", "de", KindPrivate},
		{"https://www.faz.net/aktuell/politik/x.html", "Frankfurter Allgemeine Zeitung", "DE", "de", KindPrivate},
		{"https://www.dw.com/de/x/a-1", "Deutsche Welle German", "DE", "de", KindPublicBroadcaster},
		{"https://www.dw.com/ru/x/a-1", "Deutsche Welle Russian", "DE", "ru", KindPublicBroadcaster},
		{"https://www.dw.com/en/x/a-1", "Deutsche Welle", "DE", "en", KindPublicBroadcaster},
		{"Deutsche Presse-Agentur", "dpa", "DE", "de", KindWire},
		{"https://www.radiosvoboda.org/a/1.html", "Radio Svoboda", "CZ", "uk", KindPublicBroadcaster},
	}
	for _, tc := range tests {
		o, ok := r.Resolve(tc.in)
		if !ok || o.Name != tc.name || o.Country != tc.country || o.Language != tc.lang || o.Kind != tc.kind {
			t.Errorf("Resolve(%q) = %q %s/%s/%s (%v), want %q %s/%s/%s", tc.in, o.Name, o.Country, o.Language, o.Kind, ok,
				tc.name, tc.country, tc.lang, tc.kind)
		}
	}
}

// TestRegistryStoryline2025 resolves the addresses of the labelled
// storyline articles (../shared/corpus/storyline-2025/articles.tsv): at
// least 75% of the articles' outlets must be found, and 90% of those
// found must have the article's language.
func TestRegistryStoryline2025(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(sharedtest.Dir(t, "corpus", "storyline-2025"), "articles.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	r := builtin(t)
	found, total, sameLang := 0, 0, 0
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		f := strings.Split(line, "\t")
		if i == 0 || len(f) < 3 {
			continue
		}
		total++
		o, ok := r.Resolve(f[0])
		if !ok {
			continue
		}
		found++
		if o.Language == f[1] {
			sameLang++
		} else {
			// Outlets that publish in two languages under one address
			// (LIGA.net, NV) have one main language in the registry.
			t.Logf("%s: registry says %q (%s), the article is in %s", f[0], o.Name, o.Language, f[1])
		}
	}
	t.Logf("storyline-2025: %d of %d articles' outlets in the registry, %d in the registry's language", found, total, sameLang)
	if total < 80 || found*4 < total*3 {
		t.Errorf("only %d of %d storyline articles' outlets found", found, total)
	}
	if sameLang*10 < found*9 {
		t.Errorf("only %d of %d found outlets have the article's language", sameLang, found)
	}
}
