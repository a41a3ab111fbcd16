// Package facts finds the checkable claims of news articles (figures with
// what they count, years placed relative to the time of writing) and sets
// the claims of several articles about the same thing side by side, with a
// verdict a reader can check: agree, moved (a figure that changed from
// report to report over time), differ (outlets giving different figures at
// the same time), attributed (a figure one outlet states as fact and
// another attributes to a source) and inconsistent (a year that contradicts
// the article's own date and every other report).
//
// Everything is pure: articles in, claims and groups out. The words of each
// language come from internal/lang/{en,ru,uk,de}/facts.go; an article in a
// language with no words there gives no claims. Precision comes first: a
// figure is only read where its sentence says what it counts, and figures
// inside quotation marks, tables, ranges, scores, prices and headlines are
// left out.
package facts

import (
	"sort"
	"time"
)

// Verdicts of a group of claims. The strings are a public interface
// (`parallax facts --json`, `parallax compare --json`).
const (
	Agree        = "agree"
	Moved        = "moved"
	Differ       = "differ"
	Attributed   = "attributed"
	Inconsistent = "inconsistent"
)

// Qualifiers of a figure; "" is a figure stated exactly.
const (
	AtLeast  = "at least"
	MoreThan = "more than"
	About    = "about"
	UpTo     = "up to"
	LessThan = "less than"
)

// Doc is one article as the facts stage reads it.
type Doc struct {
	ArticleID string
	// StoryID groups articles of one event; claims are aligned within a
	// story (a storyline's stories are aligned one by one, and its years
	// checked across all of them). Empty puts every Doc in one story.
	StoryID string
	URL     string
	Outlet  string
	// Language is an ISO 639-1 code; empty reads as English.
	Language string
	// Published is zero when unknown. Estimated dates are not used to
	// judge a year.
	Published          time.Time
	PublishedEstimated bool
	// Text is the body; the headline is not read (headlines round
	// figures and the body corrects them).
	Text string
}

// Claim is one checkable statement of an article. The JSON field names are
// a public interface.
type Claim struct {
	ArticleID string    `json:"article_id"`
	Outlet    string    `json:"outlet"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published,omitzero"`
	// Subject is what the figure counts ("deaths", "hours", "money: offer")
	// or, for a year, "year: " and the words of the event it dates.
	Subject string `json:"subject"`
	// Value is the figure normalized to a number (59, 5, 1.5e6, 2023).
	Value float64 `json:"value"`
	// Qualifier is "at least", "more than", "about", "up to", "less than",
	// or "" for a figure stated exactly.
	Qualifier string `json:"qualifier"`
	// Figure is the figure as written ("at least 59", "пять часов").
	Figure   string `json:"figure"`
	Sentence string `json:"sentence"`
	// AttributedTo names the source the article gives the claim to ("the
	// Kremlin", "Ushakov"), or "" when the outlet states it itself.
	AttributedTo string `json:"attributed_to"`
	// Offset is the byte offset of the figure in the article's text.
	Offset int `json:"offset"`
	// Language is the article's language code.
	Language string `json:"language,omitempty"`
	// Kind is "figure", "year", "date" (the day of an event) or "place"
	// (the place of an event).
	Kind string `json:"kind,omitempty"`
	// Event is the kind of event a date or place claim tells of
	// ("meeting", "call", "visit", "signing", "attack").
	Event string `json:"event,omitempty"`
	// Date is the day of the event as a TimeML value (2025-12-02),
	// resolved against the article's date.
	Date string `json:"date,omitempty"`
	// Place is the place of the event as written ("Anchorage", "Кремле").
	Place string `json:"place,omitempty"`
	// Participants are the people the sentence names with the event, in
	// the nominative where the language has cases.
	Participants []string `json:"participants,omitempty"`
	// weak are capitalised words that open the sentence alone ("Putin
	// met…", "Police arrested…"): names only if another claim names them.
	weak []string
	// relative is set on a date claim whose day moves with the article's
	// date ("yesterday"): see shiftable.
	relative bool
}

// Group is the claims of several articles about one thing, with a
// verdict. The JSON field names are a public interface.
type Group struct {
	// Kind is what the claims state: "figure", "year", "date" or "place".
	Kind    string `json:"kind"`
	Subject string `json:"subject"`
	StoryID string `json:"story_id,omitempty"`
	Verdict string `json:"verdict"`
	// Reason says in words why the verdict was given.
	Reason string  `json:"reason"`
	Claims []Claim `json:"claims"`
}

// Differs reports whether a group's verdict is a difference a reader
// should see (anything but agree).
func (g Group) Differs() bool { return g.Verdict != Agree && g.Verdict != "" }

// Values returns the distinct values of the group's claims in the order
// of the claims.
func (g Group) Values() []float64 {
	var out []float64
	seen := map[float64]bool{}
	for _, c := range g.Claims {
		if !seen[c.Value] {
			seen[c.Value] = true
			out = append(out, c.Value)
		}
	}
	return out
}

func sortPhrases(ps []phrase) {
	sort.Slice(ps, func(i, j int) bool {
		if len(ps[i].words) != len(ps[j].words) {
			return len(ps[i].words) > len(ps[j].words)
		}
		return joinWords(ps[i].words) < joinWords(ps[j].words)
	})
}

func joinWords(ws []string) string {
	s := ""
	for i, w := range ws {
		if i > 0 {
			s += " "
		}
		s += w
	}
	return s
}
