package cluster

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/lang/de"
	"github.com/parallax-news/parallax/internal/lang/ru"
	"github.com/parallax-news/parallax/internal/lang/uk"
)

// Days named by the week or relative to the article ("on Sunday", "в
// воскресенье", "am Donnerstag", "вчора", "heute"). Many reports of a
// meeting name its day so and no date; read against the article's
// publication they give the same date terms as "30 November" does, and the
// same evidence of which meeting the article reports (see ownDays). A
// weekday is the nearest such day to the publication (three days before
// to three after); undated articles keep none.

// Prefixes of the unresolved day terms crossTerms emits, after crossPrefix:
// a weekday (0 Sunday … 6 Saturday) and an offset in days.
const (
	crossWeekday  = "w:"
	crossRelative = "r:"
)

// weekdayWords maps weekday names of every language with a calendar, in
// the case forms news use, to Go's weekday numbers.
var weekdayWords = func() map[string]int {
	m := map[string]int{}
	for d := time.Sunday; d <= time.Saturday; d++ {
		m[strings.ToLower(d.String())] = int(d)
	}
	for _, t := range []map[string]int{ru.DateWeekdays, uk.DateWeekdays, de.DateWeekdays} {
		for w, d := range t {
			m[w] = d
		}
	}
	return m
}()

// relativeWords maps words naming a day by its distance from the
// article's ("yesterday", "вчера", "heute") to that distance. Words that
// are also something else are left out: German "morgen" (the morning),
// "накануне" and "напередодні" (also "on the eve of" an event).
var relativeWords = func() map[string]int {
	m := map[string]int{"today": 0, "yesterday": -1, "tomorrow": 1}
	for _, t := range []map[string]int{ru.DateDays, uk.DateDays, de.DateDays} {
		for w, d := range t {
			if w == "morgen" || ru.DateEveWords[w] || uk.DateEveWords[w] {
				continue
			}
			m[w] = d
		}
	}
	return m
}()

// dayWordTerm returns the unresolved day term of a word, or "".
func dayWordTerm(w string) string {
	if d, ok := weekdayWords[w]; ok {
		return crossPrefix + crossWeekday + strconv.Itoa(d)
	}
	if d, ok := relativeWords[w]; ok {
		return crossPrefix + crossRelative + strconv.Itoa(d)
	}
	return ""
}

// datesOf returns the days (month*100+day; day 0 for a month alone) that
// the date terms of cross name, sorted.
func datesOf(cross map[string]float64) []int {
	var days []int
	for k := range cross {
		if md := dayKey(k); md != 0 {
			days = append(days, int(md))
		}
	}
	slices.Sort(days)
	return days
}

// resolveDays replaces the unresolved day terms of cross by the dates
// they name from an article published at pub (added to any date term of
// the same day), or drops them when the article is undated. It returns
// the days resolved (month*100+day), sorted.
func resolveDays(cross map[string]float64, pub time.Time) []int {
	var days []int
	for k, w := range cross {
		var day time.Time
		switch {
		case strings.HasPrefix(k, crossPrefix+crossWeekday):
			n, err := strconv.Atoi(k[len(crossPrefix+crossWeekday):])
			if err != nil || pub.IsZero() {
				break
			}
			off := (n - int(pub.Weekday()) + 7) % 7 // 0 … 6 days ahead
			if off > 3 {
				off -= 7 // nearer in the past
			}
			day = pub.AddDate(0, 0, off)
		case strings.HasPrefix(k, crossPrefix+crossRelative):
			n, err := strconv.Atoi(k[len(crossPrefix+crossRelative):])
			if err != nil || pub.IsZero() {
				break
			}
			day = pub.AddDate(0, 0, n)
		default:
			continue
		}
		delete(cross, k)
		if !day.IsZero() {
			cross[crossPrefix+crossDate+pad2(int(day.Month()))+"-"+pad2(day.Day())] += w
			if md := int(day.Month())*100 + day.Day(); !slices.Contains(days, md) {
				days = append(days, md)
			}
		}
	}
	slices.Sort(days)
	return days
}
