package compare

import (
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

// TestWordingLeavesCommonWords: an outlet that talks the story through
// (a transcript full of "going", "lot", "want") uses everyday words far
// more than the others; only the words that tell its story apart count as
// distinctive, in each language with a word list.
func TestWordingLeavesCommonWords(t *testing.T) {
	tests := []struct {
		lang       string
		talky      string // an outlet's chatty telling, repeated
		plain      string // the others' telling
		want       []string
		notWanted  []string
		talkyOut   string
		plainOuts  []string
		repeatings int
	}{
		{
			lang:      "en",
			talky:     "We are going to see a lot of people who want to move towards the blockade, going and going. The junta really wants a lot. ",
			plain:     "The harbour closure left ships waiting at anchor while the council met. ",
			want:      []string{"blockade", "junta"},
			notWanted: []string{"going", "lot", "want", "wants", "towards", "really", "see"},
			talkyOut:  "RT", plainOuts: []string{"Axios", "The Kyiv Independent"}, repeatings: 4,
		},
		{
			lang:      "de",
			talky:     "Wir wollen wirklich viel sehen, die Blockade geht weiter, die Junta will viel. ",
			plain:     "Die Schließung des Hafens ließ Schiffe vor Anker warten, während der Rat tagte. ",
			want:      []string{"blockade", "junta"},
			notWanted: []string{"wollen", "wirklich", "viel", "will", "geht"},
			talkyOut:  "RT", plainOuts: []string{"Axios", "The Kyiv Independent"}, repeatings: 4,
		},
		{
			lang:      "ru",
			talky:     "Мы очень хотим много видеть, блокада идет, хунта хочет много. ",
			plain:     "Закрытие гавани оставило суда на якоре, пока совет заседал. ",
			want:      []string{"блокада", "хунта"},
			notWanted: []string{"очень", "много", "идет"},
			talkyOut:  "RT", plainOuts: []string{"Axios", "The Kyiv Independent"}, repeatings: 4,
		},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			arts := []news.Article{
				{ID: "a1", Outlet: tc.talkyOut, Language: tc.lang, Text: strings.Repeat(tc.talky, tc.repeatings)},
			}
			for i, o := range tc.plainOuts {
				arts = append(arts, news.Article{ID: "p" + string(rune('1'+i)), Outlet: o, Language: tc.lang, Text: strings.Repeat(tc.plain, tc.repeatings)})
			}
			var bg Background
			for _, a := range arts {
				bg.Add(a, "")
			}
			story := news.Story{ID: "s"}
			for _, a := range arts {
				story.ArticleIDs = append(story.ArticleIDs, a.ID)
			}
			c := Compare(story, arts, nil, registry(t), bg)
			var got []string
			for _, w := range c.Wording {
				if w.Outlet == tc.talkyOut {
					for _, ts := range w.Terms {
						got = append(got, ts.Term)
					}
				}
			}
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("%s's distinctive terms %q lack %q", tc.talkyOut, got, w)
				}
			}
			for _, w := range tc.notWanted {
				if slices.Contains(got, w) {
					t.Errorf("%s's distinctive terms %q hold the common word %q", tc.talkyOut, got, w)
				}
			}
		})
	}
}

func TestTermsLang(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []string
	}{
		{"en", "Going towards a lot of sanctions, Getty Images", []string{"sanctions"}},
		{"", "Going towards a lot of sanctions", []string{"sanctions"}},
		{"de", "Viele Sanktionen gehen wirklich weiter", []string{"sanktionen", "weiter"}},
		{"uk", "Дуже багато санкцій", []string{"санкцій"}},
		{"fr", "Going towards sanctions", []string{"going", "towards", "sanctions"}},
	}
	for _, tc := range tests {
		if got := TermsLang(tc.text, tc.lang); !slices.Equal(got, tc.want) {
			t.Errorf("TermsLang(%q, %q) = %q, want %q", tc.text, tc.lang, got, tc.want)
		}
	}
}
