package cluster

import (
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// readSeeds reads the five seed articles with their dates from the shared
// folder. The seeds have no metadata: the first line serves as title.
func readSeeds(t *testing.T) []Doc {
	t.Helper()
	var docs []Doc
	for _, s := range sharedtest.Seeds(t) {
		docs = append(docs, Doc{ID: s.File, Text: s.Text(t), Published: s.Published, Outlet: "seed"})
	}
	if len(docs) != 5 {
		t.Fatalf("read %d seeds, want 5", len(docs))
	}
	return docs
}

// TestSeedsStoryline checks the founding sample: five articles about four
// events of one storyline (US-brokered Russia–Ukraine peace efforts,
// July–December 2025) form four stories (Vance on 24 August, two
// articles; Vance on 24 September; the 3 July call; the 2 December Kremlin
// meeting) and one storyline, whether they arrive alone (IDF from the
// embedded background table) or after a stream of unrelated news (the
// labelled set, 2013–2018).
func TestSeedsStoryline(t *testing.T) {
	news, err := ReadLabelled(sharedtest.Dir(t, "eval", "news-clusters"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name       string
		before     []Labelled
		minStories int
	}{
		{"alone", nil, 4},
		{"after news", news, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs := readSeeds(t)
			c := New(Config{})
			for _, d := range chronological(tc.before) {
				c.Add(d.Doc)
			}
			seedIDs := map[string]bool{}
			for _, d := range chronological(labelledOf(docs)) {
				seedIDs[d.ID] = true
				c.Add(d.Doc)
			}
			checkSeeds(t, c, seedIDs, tc.minStories)
		})
	}
}

// checkSeeds checks that the seeds form at least minStories stories of their
// own and exactly one storyline holding all of them.
func checkSeeds(t *testing.T, c *Clusterer, seedIDs map[string]bool, minStories int) {
	t.Helper()
	var stories []Story
	inSeeds := map[string]bool{}
	for _, s := range c.Stories() {
		if seedIDs[s.ArticleIDs[0]] {
			for _, a := range s.ArticleIDs {
				if !seedIDs[a] {
					t.Errorf("seed story %s holds background article %s", s.ID, a)
				}
			}
			stories = append(stories, s)
			inSeeds[s.ID] = true
		}
	}
	var lines []Storyline
	for _, l := range c.Storylines() {
		if inSeeds[l.StoryIDs[0]] {
			lines = append(lines, l)
		}
	}
	for _, s := range stories {
		t.Logf("story %s %q %s..%s articles %v terms %v", s.ID, s.Title, s.FirstSeen.Format("2006-01-02"), s.LastSeen.Format("2006-01-02"), s.ArticleIDs, s.Terms)
	}
	for _, l := range lines {
		t.Logf("storyline %s %q %s..%s stories %d", l.ID, l.Label, l.FirstSeen.Format("2006-01-02"), l.LastSeen.Format("2006-01-02"), len(l.StoryIDs))
	}
	if len(stories) < minStories {
		t.Errorf("%d stories, want at least %d (the seeds report events months apart)", len(stories), minStories)
	}
	// Seeds of one event share a story, seeds of two events do not.
	storyOf := map[string]string{}
	for _, s := range stories {
		for _, a := range s.ArticleIDs {
			storyOf[a] = s.ID
		}
	}
	for a, ea := range seedEvents {
		for b, eb := range seedEvents {
			if a < b && seedIDs[a] && seedIDs[b] && (ea == eb) != (storyOf[a] == storyOf[b]) {
				t.Errorf("seeds %s (%s) and %s (%s): same story %v", a, ea, b, eb, storyOf[a] == storyOf[b])
			}
		}
	}
	if len(lines) != 1 {
		t.Fatalf("%d storylines, want 1", len(lines))
	}
	if got := len(lines[0].StoryIDs); got != len(stories) {
		t.Errorf("storyline holds %d stories, want all %d", got, len(stories))
	}
}

func labelledOf(docs []Doc) []Labelled {
	out := make([]Labelled, len(docs))
	for i, d := range docs {
		out[i] = Labelled{Doc: d}
	}
	return out
}
