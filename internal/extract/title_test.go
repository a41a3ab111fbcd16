package extract

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// TestTitleFromHeading: a page whose metadata has no title takes its first
// heading when the heading comes before the prose; otherwise the title
// stays empty (display fallbacks are the pages' business, not extraction's).
func TestTitleFromHeading(t *testing.T) {
	prose := "<p>The council approved the new budget on Tuesday after a debate that lasted well into the night, officials said.</p>" +
		"<p>Members voted nine to four in favour of the plan, which raises spending on roads and schools next year.</p>" +
		"<p>The mayor said the plan would be reviewed in the spring, once the first figures for the year are known.</p>"
	tests := []struct {
		name, page, want string
	}{
		{"heading first, no title tag", "<html><body><article><h1>Council passes budget after long night</h1>" + prose + "</article></body></html>", "Council passes budget after long night"},
		{"question heading", "<html><body><article><h1>Will the budget pass tonight?</h1>" + prose + "</article></body></html>", "Will the budget pass tonight?"},
		{"no heading", "<html><body><article>" + prose + "</article></body></html>", ""},
		// The extractor prefers the page's h1 to its <title>.
		{"title tag and heading", "<html><head><title>Budget approved | Example</title></head><body><article><h1>Council passes budget after long night</h1>" + prose + "</article></body></html>", "Council passes budget after long night"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := HTML(strings.NewReader(tc.page), "https://example.org/news/1")
			if err != nil {
				t.Fatal(err)
			}
			if res.Title != tc.want {
				t.Errorf("title %q, want %q (text %q)", res.Title, tc.want, res.Text)
			}
			if tc.want != "" && strings.Contains(res.Text, tc.want) {
				t.Errorf("title left in the text: %q", res.Text)
			}
		})
	}
}

// TestSeedTitles: of the five seeds, two open with a headline line; the
// other three begin with their first paragraph of prose or a standfirst
// (a 20-word summary sentence) and carry no headline anywhere, so their
// title stays empty rather than guessed.
func TestSeedTitles(t *testing.T) {
	for _, tc := range []struct {
		prefix string
		titled bool
	}{{"000", false}, {"001", false}, {"002", true}, {"003", true}, {"004", false}} {
		t.Run(tc.prefix, func(t *testing.T) {
			res, err := Text(seedText(t, tc.prefix))
			if err != nil {
				t.Fatal(err)
			}
			if (res.Title != "") != tc.titled {
				t.Errorf("title %q, want titled=%v", res.Title, tc.titled)
			}
		})
	}
}

func seedText(t *testing.T, prefix string) string {
	t.Helper()
	for _, s := range sharedtest.Seeds(t) {
		if strings.HasPrefix(s.File, prefix) {
			return s.Text(t)
		}
	}
	t.Fatalf("no seed %s", prefix)
	return ""
}

// TestCleanBlocksHeadingTitle exercises the rule itself, below the
// extractor (which finds an h1 on its own): the first heading becomes the
// title only when no title is known and it comes before any prose.
func TestCleanBlocksHeadingTitle(t *testing.T) {
	prose := []block{
		{text: "The council approved the new budget on Tuesday after a long debate, officials said.", linkShare: 0},
		{text: "Members voted nine to four in favour of the plan.", linkShare: 0},
	}
	head := block{text: "Council passes budget after long night", heading: true}
	tests := []struct {
		name   string
		blocks []block
		title  string
		want   string
	}{
		{"heading first", append([]block{head}, prose...), "", head.text},
		{"heading after prose", append(append([]block{}, prose[0], head), prose[1]), "", ""},
		{"known title", append([]block{head}, prose...), "Budget approved", ""},
		{"sentence heading", append([]block{{text: "The council met.", heading: true}}, prose...), "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := cleanBlocks(tc.blocks, tc.title)
			if c.title != tc.want {
				t.Errorf("title %q, want %q", c.title, tc.want)
			}
			if c.title != "" && strings.Contains(strings.Join(c.paras, "\n"), c.title) {
				t.Errorf("title left in the text: %q", c.paras)
			}
		})
	}
}
