package analysisrow

import (
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/outlet"
)

// An outlet filter (stories --outlet, /stories?outlet=, /api/stories?outlet=)
// must accept any spelling of an outlet and find every story it covered,
// however each article spelled it: "AP", "apnews.com" and "The Associated
// Press" are one outlet. The stories keep their outlets as the articles
// named them; the stores keep beside them the registry name of each
// (outlet.Name, the built-in registry), and resolve the filter value the
// same way, here, for both backends.

// StoryOutlets returns what the stores keep in stories.outlet_names: the
// registry name of each outlet of s, lowered, sorted, without repeats, one
// per line with a line break at each end ("" for a story without outlets).
func StoryOutlets(s news.Story) string {
	seen := map[string]bool{}
	for _, o := range s.Outlets {
		if n := OutletKey(o); n != "" {
			seen[n] = true
		}
	}
	if len(seen) == 0 {
		return ""
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return namesSep + strings.Join(out, namesSep) + namesSep
}

// OutletKey returns the form of an outlet name kept in stories.outlet_names:
// its registry name lowered, on one line ("" for a blank name).
func OutletKey(name string) string {
	return strings.ToLower(strings.ReplaceAll(outlet.Name(name), namesSep, " "))
}

// OutletPattern returns the LIKE pattern (escape character `\`) that finds
// the outlet named by any spelling of q in a StoryOutlets column, or "" for
// a blank q.
func OutletPattern(q string) string {
	k := OutletKey(q)
	if k == "" {
		return ""
	}
	esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + namesSep + esc.Replace(k) + namesSep + "%"
}
