package timeline

import (
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/when"
)

func TestInQuote(t *testing.T) {
	tests := []struct {
		text, at string
		want     bool
	}{
		{`He said "we meet tomorrow" on Sunday.`, "tomorrow", true},
		{`He said "we meet" on Sunday.`, "Sunday", false},
		{`«Встретимся завтра», — сказал он.`, "завтра", true},
		{`«Встретимся», — сказал он завтра.`, "завтра", false},
		{`Er sagte: „Wir treffen uns morgen“ am Sonntag.`, "morgen", true},
		{`Er sagte: „Wir treffen uns“ am Sonntag.`, "Sonntag", false},
		{"\"Long talks. We meet again tomorrow,\" he wrote.", "tomorrow", true},
		{"\"An open quote ends with its paragraph.\nTomorrow is outside.", "Tomorrow", false},
	}
	for _, tt := range tests {
		off := strings.Index(tt.text, tt.at)
		if got := inQuote(tt.text, off); got != tt.want {
			t.Errorf("inQuote(%q at %q) = %v, want %v", tt.text, tt.at, got, tt.want)
		}
	}
}

// docLang is doc for an article in language code, its time expressions
// found by when.FindLang.
func docLang(t *testing.T, id, code, published, text string) Doc {
	t.Helper()
	pub, err := time.Parse("2006-01-02", published)
	if err != nil {
		t.Fatal(err)
	}
	d := Doc{Article: news.Article{ID: id, Outlet: "outlet-" + id, Published: pub, Text: text, Language: code}}
	for _, tx := range when.FindLang(text, code, pub) {
		d.Timexes = append(d.Timexes, news.Timex(tx))
	}
	return d
}

// TestQuotedDeictic: "tomorrow" inside a quote counts from the day the
// sentence says the quote was said, not from publication; without such a
// day it counts from publication.
func TestQuotedDeictic(t *testing.T) {
	tests := []struct {
		name, code, published, text, word string
		want, how                         string
	}{
		{"uk saying dated", "uk", "2025-12-15",
			`"Делегації говорили понад п'ять годин. Вони зустрінуться знову завтра вранці", - написав посланець пізно ввечері у неділю, 14 грудня.`,
			"завтра", "2025-12-15", "quoted"},
		{"en saying dated", "en", "2025-12-15",
			`"The delegations will meet again tomorrow," the envoy wrote late on Sunday.`,
			"tomorrow", "2025-12-15", "quoted"},
		{"ru saying undated", "ru", "2025-12-15",
			`«Делегации встретятся снова завтра», — заявил посланник журналистам.`,
			"завтра", "2025-12-16", ""},
		{"en date with digits kept", "en", "2025-12-15",
			`"The delegations met on December 12," the envoy wrote on Sunday.`,
			"December 12", "2025-12-12", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := Build([]Doc{docLang(t, "a", tt.code, tt.published, tt.text)}, Options{})
			var found bool
			for _, e := range evs {
				for _, s := range e.Sources {
					if strings.Contains(s.Timex, tt.word) {
						found = true
						if e.Date != tt.want || s.DatedBy != tt.how {
							t.Errorf("%q dated %s (%q), want %s (%q)", tt.word, e.Date, s.DatedBy, tt.want, tt.how)
						}
					}
				}
			}
			if !found {
				t.Errorf("no event dated by %q in %v", tt.word, summary(evs))
			}
		})
	}
}

// mentionsOf gives each listed name found in text the entity ID id.
func mentionsOf(text string, names map[string]string) []news.Mention {
	var out []news.Mention
	for name, id := range names {
		for from := 0; ; {
			i := strings.Index(text[from:], name)
			if i < 0 {
				break
			}
			s := from + i
			out = append(out, news.Mention{EntityID: id, Text: name, Start: s, End: s + len(name), Form: "name"})
			from = s + len(name)
		}
	}
	return out
}

// TestContextNames: a short sentence in one language joins the report of
// the same day in another by the names of the sentence after it; a report
// of another day, or one whose neighbours name other people, stays apart.
func TestContextNames(t *testing.T) {
	names := map[string]string{
		"Стамбуле": "ist", "Istanbul": "ist", "Мединский": "med", "Medinski": "med",
		"Умеров": "ume", "Umerow": "ume", "Фидан": "fid", "Fidan": "fid",
		"Berlin": "ber", "Merz": "mrz",
	}
	ru := docLang(t, "ru", "ru", "2025-05-16",
		"Глава делегации Мединский заявил, что встреча с делегацией, которую возглавлял Умеров, завершилась в Стамбуле 16 мая.")
	de := docLang(t, "de", "de", "2025-05-17",
		"Die Delegationen trafen sich am 16. Mai in Istanbul zu direkten Gesprächen. Geleitet wurden sie von Medinski und Umerow.")
	other := docLang(t, "uk", "uk", "2025-05-17",
		"Міністри зустрілися 16 травня у Istanbul на вечері. Серед гостей був канцлер Merz, який прилетів з Berlin.")
	for _, d := range []*Doc{&ru, &de, &other} {
		d.Mentions = mentionsOf(d.Article.Text, names)
	}
	evs := Build([]Doc{ru, de, other}, Options{})
	got := summary(evs)
	want := []string{"2025-05-16: ru,de", "2025-05-16: uk"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %v, want %v", got, want)
	}
}
