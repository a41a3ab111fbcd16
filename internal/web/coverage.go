package web

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/outlet"
)

// coverageBar is the "coverage at a glance" of one story: its outlets
// counted by kind and by country (the registry's fields), drawn as two
// stacked bars with the same counts in words beside them.
type coverageBar struct {
	Outlets   int
	Kinds     []coverageSeg
	Countries []coverageSeg
}

// coverageSeg is one part of a bar: X and W are in percent of its width.
type coverageSeg struct {
	Key   string // CSS class suffix: the kind, or the country's palette slot
	Label string
	Count int
	X, W  float64
}

// Text is the bar in words, for screen readers and for anyone who does not
// read colours: "3 outlets: 2 wire service, 1 private; countries: 2 US, 1 GB".
func (c *coverageBar) Text() string {
	words := func(segs []coverageSeg) string {
		parts := make([]string, len(segs))
		for i, s := range segs {
			parts[i] = fmt.Sprintf("%d %s", s.Count, s.Label)
		}
		return strings.Join(parts, ", ")
	}
	return fmt.Sprintf("%s: %s; countries: %s", plural(c.Outlets, "outlet"), words(c.Kinds), words(c.Countries))
}

// countryPalette is how many colours the country bar cycles through.
const countryPalette = 6

// coverageOf is the "coverage" template function: the bar of a story's
// outlets, nil when it has none.
func (s *Server) coverageOf(outlets []string) *coverageBar {
	if len(outlets) == 0 {
		return nil
	}
	kinds, countries := map[string]int{}, map[string]int{}
	seen := map[string]bool{}
	for _, name := range outlets {
		kind, country := string(outlet.KindUnknown), ""
		if s.reg != nil {
			if o, ok := s.reg.Lookup(name); ok {
				name = o.Name
				if o.Kind != "" {
					kind = string(o.Kind)
				}
				country = o.Country
			}
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		kinds[kind]++
		if country == "" {
			country = "unknown"
		}
		countries[country]++
	}
	c := &coverageBar{Outlets: len(seen)}
	c.Kinds = segments(kinds, c.Outlets, func(k string, _ int) (string, string) { return k, kindName(k) })
	c.Countries = segments(countries, c.Outlets, func(k string, i int) (string, string) {
		if k == "unknown" {
			return "unknown", "unknown country"
		}
		return fmt.Sprintf("c%d", i%countryPalette), k
	})
	return c
}

// segments turns counts into bar segments, the largest first (ties by
// key), each named by name(key, rank).
func segments(counts map[string]int, total int, name func(string, int) (string, string)) []coverageSeg {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	out := make([]coverageSeg, len(keys))
	x := 0.0
	for i, k := range keys {
		w := 100 * float64(counts[k]) / float64(total)
		key, label := name(k, i)
		out[i] = coverageSeg{Key: key, Label: label, Count: counts[k], X: x, W: w}
		x += w
	}
	return out
}

// articleTitleWait bounds the store lookup of one linked article's title.
const articleTitleWait = 2 * time.Second

// articleTitle is the "articleTitle" template function: the display title
// of the article with this ID (news.DisplayTitle, cut to 90 runes), or
// "article N" (i counted from 0) when it cannot be read. Lists of links to
// articles by ID (the compare columns) read as what they link to.
func (s *Server) articleTitle(id string, i int) string {
	ctx, cancel := context.WithTimeout(context.Background(), articleTitleWait)
	defer cancel()
	a, err := s.st.Article(ctx, id)
	if err != nil {
		return fmt.Sprintf("article %d", i+1)
	}
	return excerpt(news.DisplayTitle(a), 90)
}
