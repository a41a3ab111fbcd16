package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// TestSeeds checks every direct quote of the five seed articles: found, and
// attributed to the speaker the text gives.
func TestSeeds(t *testing.T) {
	dir := sharedtest.Dir(t, "corpus", "seeds")
	tests := []struct {
		file   string
		quotes map[string]string // quote text fragment → speaker (surname, or Unnamed)
		absent []string          // fragments that must not be direct quotes
	}{
		{"000_770eb5dd6f5eb60c.txt", map[string]string{
			"I believe the president is growing":             "Vance",
			"After getting to know and fully understand":     "Trump",
			"in incredibly good faith negotiations":          "Vance",
			"(Trump) wants this war to end":                  "Vance",
			"an acknowledgment of the reality on the ground": "Vance",
			"Number two, the president has grown":            "Vance",
			"let him down.":                                  "Trump",
			"The one that I thought would be the easiest":    "Trump",
			"He’s really let me down":                        "Trump",
			"the killing":                                    "Rubio",
		}, nil},
		{"001_f89702b78f56e684.txt", map[string]string{
			"some frustration":             Unnamed,
			"He just wants this over":      Unnamed,
			"impossible,":                  "Trump",
			"to show some flexibility":     "Trump",
			"neo-Nazi, Russophobic regime": "Lavrov",
		}, nil},
		{"002_84fede33de64a8b3.txt", map[string]string{
			"a lot of cards left to play to apply pressure":          "Vance",
			"I think the Russians have made significant concessions": "Vance",
			"They've actually been willing":                          "Vance",
			"They've recognized":                                     "Vance",
			"No, sanctions aren't off the table":                     "Vance",
			"But we're going to make these determinations":           "Vance",
			"If you look at the way the Russians":                    "Vance",
			"We, of course, have pushed for a ceasefire":             "Vance",
			"enraged":           "Welker",
			"I don't like it":   "Vance",
			"But this is a war": "Vance",
		}, []string{"Meet the Press"}},
		{"003_91262211253a423d.txt", map[string]string{
			"We had a call":                      "Trump",
			"No, we didn't make any progress":    "Trump",
			"Russia will not deviate":            "Ushakov",
			"We are giving weapons, but we have": "Trump",
		}, nil},
		{"004_1d6ada1cc2e61389.txt", map[string]string{
			"useful":                                  "Ushakov",
			"constructive":                            "Ushakov",
			"reasonably good meeting":                 "Trump",
			"it does take two to tango":               "Trump",
			"That would have been a much better time": "Trump",
			"He would like to end the war":            "Trump",
			"The world now clearly feels":             "Zelensky",
		}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			qs, _ := find(string(b))
			direct := 0
			for _, q := range qs {
				if q.Direct {
					direct++
				}
			}
			if direct != len(tc.quotes) {
				t.Errorf("%d direct quotes, want %d:%s", direct, len(tc.quotes), dump(qs))
			}
			for frag, who := range tc.quotes {
				q, ok := lookup(qs, frag, true)
				if !ok {
					t.Errorf("quote %q not found", frag)
					continue
				}
				if who == Unnamed {
					if q.Speaker != Unnamed {
						t.Errorf("quote %q: speaker %q, want %q", frag, q.Speaker, Unnamed)
					}
				} else if !strings.HasSuffix(q.Speaker, who) || q.SpeakerID == "" {
					t.Errorf("quote %q: speaker %q (id %q), want the entity %s", frag, q.Speaker, q.SpeakerID, who)
				}
			}
			for _, frag := range tc.absent {
				if _, ok := lookup(qs, frag, true); ok {
					t.Errorf("%q came out as a quote", frag)
				}
			}
		})
	}
}
