package lang

import (
	"github.com/parallax-news/parallax/internal/lang/de"
	"github.com/parallax-news/parallax/internal/lang/en"
	"github.com/parallax-news/parallax/internal/lang/ru"
	"github.com/parallax-news/parallax/internal/lang/uk"
)

// Month returns the month (1–12) that a lower-case word names in any
// supported language — a full name in any case form (декабря, грудня,
// Dezember) or a usual abbreviation written without its dot (дек, Dez,
// Sept) — or 0. English "may" and "mar" are months only as the stage
// that calls this decides: a word alone cannot tell.
func Month(word string) int {
	return allMonths[word]
}

// monthTables are the tables Month reads, the first that names a word
// winning.
var monthTables = []map[string]int{
	en.DateMonths,
	ru.DateMonths, ru.DateMonthAbbrevs,
	uk.DateMonths, uk.DateMonthAbbrevs,
	de.DateMonths, de.DateMonthAbbrevs,
}

// allMonths merges monthTables into one map, so that Month looks a word
// up once instead of once per table (it runs on every word the clustering
// compares across languages).
var allMonths = mergeMonths(monthTables)

func mergeMonths(tables []map[string]int) map[string]int {
	out := map[string]int{}
	for _, m := range tables {
		for w, n := range m {
			if _, seen := out[w]; !seen && n != 0 {
				out[w] = n
			}
		}
	}
	return out
}
