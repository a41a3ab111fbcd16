package facts

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// eventCase is one fixture of testdata/events.json.
type eventCase struct {
	Name string `json:"name"`
	Docs []struct {
		ID        string `json:"id"`
		Outlet    string `json:"outlet"`
		Lang      string `json:"lang"`
		Published string `json:"published"`
		Text      string `json:"text"`
	} `json:"docs"`
	Want []struct {
		Kind     string   `json:"kind"`
		Verdict  string   `json:"verdict"`
		Articles []string `json:"articles"`
	} `json:"want"`
}

func loadEventCases(t *testing.T) []eventCase {
	t.Helper()
	b, err := os.ReadFile("testdata/events.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Cases []eventCase `json:"cases"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Cases) == 0 {
		t.Fatal("no cases")
	}
	return f.Cases
}

func (c eventCase) docs(t *testing.T) []Doc {
	var out []Doc
	for _, d := range c.Docs {
		p, err := time.Parse("2006-01-02 15:04", d.Published)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		out = append(out, Doc{ArticleID: d.ID, Outlet: d.Outlet, Language: d.Lang, Published: p, Text: d.Text})
	}
	return out
}

// TestEventGroups aligns each fixture and checks its date and place
// groups: kind, verdict and the articles in each, and nothing more.
func TestEventGroups(t *testing.T) {
	for _, c := range loadEventCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			var got []Group
			for _, g := range Align(c.docs(t)) {
				if g.Kind == KindDate || g.Kind == KindPlace {
					got = append(got, g)
				}
			}
			if len(got) != len(c.Want) {
				for _, g := range got {
					t.Logf("got %s %s %s: %s", g.Kind, g.Subject, g.Verdict, g.Reason)
				}
				t.Fatalf("%d event groups, want %d", len(got), len(c.Want))
			}
			for _, w := range c.Want {
				found := false
				for _, g := range got {
					if g.Kind != w.Kind {
						continue
					}
					found = true
					var ids []string
					for _, cl := range g.Claims {
						ids = append(ids, cl.ArticleID)
					}
					slices.Sort(ids)
					want := slices.Clone(w.Articles)
					slices.Sort(want)
					if g.Verdict != w.Verdict || !slices.Equal(ids, want) {
						t.Errorf("%s group: %s over %v (%s), want %s over %v", w.Kind, g.Verdict, ids, g.Reason, w.Verdict, want)
					}
					if !strings.HasPrefix(g.Subject, w.Kind+": ") {
						t.Errorf("subject %q does not name its kind", g.Subject)
					}
				}
				if !found {
					t.Errorf("no %s group", w.Kind)
				}
			}
		})
	}
}

// TestEventClaims checks what one sentence gives: the kind of event, its
// day resolved against the article's date, the place and the people.
func TestEventClaims(t *testing.T) {
	pub := time.Date(2025, 12, 3, 9, 0, 0, 0, time.UTC) // a Wednesday
	tests := []struct {
		lang, text         string
		event, date, place string
		people             []string
	}{
		{"en", "Steve Witkoff met Vladimir Putin in the Kremlin on Tuesday.", "meeting", "2025-12-02", "Kremlin", []string{"Witkoff", "Putin"}},
		{"en", "Donald Trump spoke to Vladimir Putin by phone on Monday, the White House said.", "call", "2025-12-01", "", []string{"Trump", "Putin"}},
		{"ru", "Владимир Путин провел переговоры со Стивом Уиткоффом 2 декабря в Кремле.", "meeting", "2025-12-02", "Кремле", []string{"Путин", "Уиткофф"}},
		{"ru", "Встреча Владимира Путина и Стива Уиткоффа состоится в четверг.", "meeting", "2025-12-04", "", []string{"Путин", "Уиткофф"}},
		{"uk", "Стів Віткофф зустрівся з Володимиром Путіним 2 грудня у Кремлі.", "meeting", "2025-12-02", "Кремлі", []string{"Віткофф", "Путін"}},
		{"de", "Der Anruf von Donald Trump bei Wladimir Putin am Donnerstag dauerte eine Stunde.", "call", "2025-11-27", "", []string{"Trump", "Putin"}},
		{"de", "Das Treffen von Steve Witkoff und Wladimir Putin fand am 2. Dezember im Kreml statt.", "meeting", "2025-12-02", "Kreml", []string{"Witkoff", "Putin"}},
		// Not events with a day: a saying, a bound, two days.
		{"en", "Yuri Ushakov said on Tuesday the meeting of Steve Witkoff and Vladimir Putin was useful.", "", "", "", nil},
		{"ru", "Дональд Трамп дал Владимиру Путину срок до пятницы, заявил Стив Уиткофф после встречи.", "", "", "", nil},
		{"en", "Steve Witkoff, who met Vladimir Putin on August 6, met him again on December 2.", "", "", "", nil},
		// A meeting whose people the sentence does not name.
		{"en", "The meeting took place on Tuesday.", "", "", "", nil},
	}
	for _, tt := range tests {
		// The names a sentence uses alone are those written in full in
		// the article: give each test sentence its full names.
		var got *Claim
		for _, c := range Extract(Doc{Language: tt.lang, Published: pub, Text: tt.text}) {
			if c.Kind == KindDate || c.Kind == KindPlace {
				got = &c
				break
			}
		}
		if tt.event == "" {
			if got != nil {
				t.Errorf("%q: got %s %s %s %v, want no event claim", tt.text, got.Event, got.Date, got.Place, got.Participants)
			}
			continue
		}
		if got == nil {
			t.Errorf("%q: no event claim", tt.text)
			continue
		}
		if got.Event != tt.event || got.Date != tt.date || got.Place != tt.place {
			t.Errorf("%q: %s %s %q, want %s %s %q", tt.text, got.Event, got.Date, got.Place, tt.event, tt.date, tt.place)
		}
		for _, p := range tt.people {
			if !slices.ContainsFunc(got.Participants, func(q string) bool { return sameName(p, q) }) {
				t.Errorf("%q: participants %v lack %s", tt.text, got.Participants, p)
			}
		}
	}
}
