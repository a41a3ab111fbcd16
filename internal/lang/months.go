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
	for _, m := range monthTables {
		if n := m[word]; n != 0 {
			return n
		}
	}
	return 0
}

var monthTables = []map[string]int{
	en.DateMonths,
	ru.DateMonths, ru.DateMonthAbbrevs,
	uk.DateMonths, uk.DateMonthAbbrevs,
	de.DateMonths, de.DateMonthAbbrevs,
}
