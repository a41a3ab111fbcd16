package cluster

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
)

// Stories returns every story that has not been merged away, ordered by
// first appearance (undated stories last), then ID.
func (c *Clusterer) Stories() []Story {
	var out []Story
	for si := range c.stories {
		if c.stories[si].into >= 0 {
			continue
		}
		out = append(out, c.exportStory(int32(si)))
	}
	sort.Slice(out, func(i, j int) bool { return storyLess(out[i].FirstSeen, out[j].FirstSeen, out[i].ID, out[j].ID) })
	return out
}

// Story returns one story by ID, following merges, or false if unknown.
func (c *Clusterer) Story(id string) (Story, bool) {
	si, ok := c.byID[c.Resolve(id)]
	if !ok {
		return Story{}, false
	}
	return c.exportStory(c.find(si)), true
}

func storyLess(a, b time.Time, ida, idb string) bool {
	if a.IsZero() != b.IsZero() {
		return !a.IsZero()
	}
	if !a.Equal(b) {
		return a.Before(b)
	}
	return ida < idb
}

func (c *Clusterer) exportStory(si int32) Story {
	s := &c.stories[si]
	terms, _ := c.labelTerms(s.cen, 5, 0)
	return Story{
		ID:                s.id,
		Title:             c.storyTitle(s),
		StorylineID:       c.lines[c.findLine(s.line)].id,
		ArticleIDs:        slices.Clone(s.articles),
		Outlets:           slices.Clone(s.outlets),
		FirstSeen:         s.first,
		LastSeen:          s.last,
		Terms:             orEmpty(terms),
		UndatedArticleIDs: slices.Clone(s.undated),
	}
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// storyTitle picks the member headline whose words weigh most in the story
// centroid (per word, so long headlines gain nothing), else the first
// sentence of the first article.
func (c *Clusterer) storyTitle(s *story) string {
	if len(s.titles) == 0 {
		return s.snippet
	}
	if len(s.cen.ids) == 0 {
		return s.titles[0]
	}
	weight := make(map[int32]float64, len(s.cen.ids))
	for i, id := range s.cen.ids {
		weight[id] = float64(s.cen.w[i]) * c.idf(id)
	}
	best, bestScore := s.titles[0], -1.0
	for _, t := range s.titles {
		var sum float64
		n := 0
		for _, tok := range tokenize(t, 64) {
			if !useful(tok.word) {
				continue
			}
			n++
			for _, lang := range []string{langEN, ""} {
				if id, ok := c.vocab[c.analyzer.stem.stem(lang, tok.word)]; ok {
					sum += weight[id]
					break
				}
			}
		}
		if n == 0 {
			continue
		}
		score := sum / math.Sqrt(float64(n)+2)
		if score > bestScore {
			best, bestScore = t, score
		}
	}
	return best
}

// labelTerms returns the k heaviest words and the m heaviest names of a
// centroid, as surface forms.
func (c *Clusterer) labelTerms(v sparse, k, m int) (words, names []string) {
	type tw struct {
		id int32
		s  float64
	}
	all := make([]tw, len(v.ids))
	for i, id := range v.ids {
		all[i] = tw{id, float64(v.w[i]) * c.idf(id)}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].s != all[j].s {
			return all[i].s > all[j].s
		}
		return all[i].id < all[j].id
	})
	for _, t := range all {
		if strings.HasPrefix(c.terms[t.id], entityPrefix) && len(names) < m {
			names = append(names, c.surface[t.id])
		}
	}
	for _, t := range all {
		if len(words) >= k {
			break
		}
		if !strings.HasPrefix(c.terms[t.id], entityPrefix) && !containsWord(names, c.surface[t.id]) {
			words = append(words, c.surface[t.id])
		}
	}
	return words, names
}

func containsWord(names []string, w string) bool {
	for _, n := range names {
		for _, f := range strings.Fields(n) {
			if f == w {
				return true
			}
		}
	}
	return false
}

// Storylines returns every storyline that has not been merged away,
// ordered by first appearance, then ID.
func (c *Clusterer) Storylines() []Storyline {
	var out []Storyline
	for li := range c.lines {
		if c.lines[li].into >= 0 {
			continue
		}
		if l, ok := c.exportLine(int32(li)); ok {
			out = append(out, l)
		}
	}
	sort.Slice(out, func(i, j int) bool { return StorylineLess(out[i], out[j]) })
	return out
}

// StorylineLess is the order of Storylines: by first appearance (undated
// last), then ID.
func StorylineLess(a, b Storyline) bool {
	return storyLess(a.FirstSeen, b.FirstSeen, a.ID, b.ID)
}

// Storyline returns one storyline by ID, following merges, as Storylines
// gives it, or false if unknown (or holding no story).
func (c *Clusterer) Storyline(id string) (Storyline, bool) {
	li, ok := c.lineID[c.Resolve(id)]
	if !ok {
		return Storyline{}, false
	}
	return c.exportLine(c.findLine(li))
}

// StorylineOf returns the ID of the storyline a story is in. For a story
// merged into another, it is the storyline the story was in when it was
// merged (followed through later storyline merges), not that of the story
// it went into. False if the story is unknown.
func (c *Clusterer) StorylineOf(storyID string) (string, bool) {
	si, ok := c.byID[storyID]
	if !ok {
		return "", false
	}
	return c.lines[c.findLine(c.stories[si].line)].id, true
}

// MergeCount returns the number of merge records so far: MergesSince(n)
// with this n later returns the merges made in between.
func (c *Clusterer) MergeCount() int { return len(c.merges) }

// MergesSince returns the merge records after the first n, in the order
// they happened.
func (c *Clusterer) MergesSince(n int) []Merge {
	if n < 0 || n > len(c.merges) {
		n = len(c.merges)
	}
	return slices.Clone(c.merges[n:])
}

// exportLine returns storyline li (not merged away) as Storylines gives it,
// or false when it holds no story.
func (c *Clusterer) exportLine(li int32) (Storyline, bool) {
	l := &c.lines[li]
	var ids []string
	seen := map[int32]bool{}
	for _, s := range l.stories {
		s = c.find(s)
		if seen[s] {
			continue
		}
		seen[s] = true
		ids = append(ids, c.stories[s].id)
	}
	if len(ids) == 0 {
		return Storyline{}, false
	}
	sort.Strings(ids)
	words, actors := c.labelTerms(l.cen, 4, 3)
	label := strings.Join(append(slices.Clone(actors), words...), ", ")
	return Storyline{
		ID: l.id, Label: label, StoryIDs: ids, FirstSeen: l.first, LastSeen: l.last,
		Terms: orEmpty(words), Actors: orEmpty(actors),
	}, true
}

// WriteJSONL writes items as JSON Lines: one JSON object per line, the form
// in which stories and storylines are exported.
func WriteJSONL[T any](w io.Writer, items []T) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i, it := range items {
		if err := enc.Encode(it); err != nil {
			return fmt.Errorf("write json lines item %d: %w", i, err)
		}
	}
	return nil
}
