package web

import (
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

type storylineShowData struct {
	Storyline news.Storyline
	Span      string
	Stories   []news.Story // oldest first, undated last
	Timeline  *timeline    // nil when fewer than one story is dated
	Omitted   int          // stories beyond maxStorylineItems
}

// showStoryline renders GET /storylines/{id}: label, date span, an SVG
// strip of its stories by date and the stories in date order with their
// outlets. An ID folded into another storyline redirects to it.
func (s *Server) showStoryline(w http.ResponseWriter, r *http.Request) {
	l, ok := lookupPage(s, w, r, "storyline", "/storylines/", s.st.Storyline, func(l news.Storyline) string { return l.ID })
	if !ok {
		return
	}
	stories, err := s.storylineStories(r, l)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	data := storylineShowData{Storyline: l, Span: dateSpan(l.FirstSeen, l.LastSeen), Stories: stories}
	if n := len(l.StoryIDs); n > len(stories) && len(stories) == maxStorylineItems {
		data.Omitted = n - len(stories)
	}
	data.Timeline = newTimeline(stories)
	title := l.Label
	if title == "" {
		title = "Storyline"
	}
	s.render(w, r, http.StatusOK, "storyline_show", page{Title: title, Nav: "storylines", Data: data})
}

// storylineStories returns the storyline's stories oldest first.
func (s *Server) storylineStories(r *http.Request, l news.Storyline) ([]news.Story, error) {
	stories, err := s.st.Stories(r.Context(), store.StoryQuery{StorylineID: l.ID, Limit: maxStorylineItems})
	if err != nil {
		return nil, fmt.Errorf("storyline %s: stories: %w", l.ID, err)
	}
	s.nameStories(stories)
	slices.SortStableFunc(stories, func(a, b news.Story) int {
		if c := compareDates(a.FirstSeen, b.FirstSeen); c != 0 {
			return c
		}
		return compareDates(a.LastSeen, b.LastSeen)
	})
	return stories, nil
}

// timeline is a server-rendered SVG strip: one mark per dated story at its
// first day, a bar to its last day, and a tick at each month start. All
// coordinates are in the SVG's own units (timelineWidth × timelineHeight).
type timeline struct {
	Width, Height int
	Left, Right   float64 // ends of the axis
	AxisY         float64
	Marks         []timelineMark
	Ticks         []timelineTick
	Start, End    string // dates at the two ends, for readers
}

type timelineMark struct {
	Story  news.Story
	X, X2  float64 // first and last day
	Y      float64 // rows alternate so that close marks stay apart
	Span   string
	Number int // the story's position in the list below, from 1
}

// timelineTick is a month tick of a date axis: the storyline's strip and
// the timeline page's event chart.
type timelineTick struct {
	X     float64
	Label string
}

// monthTicks ticks each month start after first and before last at x(m),
// thinned to at most 12; the first tick and each January carry the year.
func monthTicks(first, last time.Time, x func(time.Time) float64) []timelineTick {
	var months []time.Time
	for m := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0); m.Before(last); m = m.AddDate(0, 1, 0) {
		months = append(months, m)
	}
	var ticks []timelineTick
	step := (len(months) + 11) / 12
	for i, m := range months {
		if step > 1 && i%step != 0 {
			continue
		}
		label := m.Format("Jan")
		if m.Month() == time.January || i == 0 {
			label = m.Format("Jan 2006")
		}
		ticks = append(ticks, timelineTick{X: x(m), Label: label})
	}
	return ticks
}

const (
	timelineWidth  = 1000
	timelineHeight = 100
	timelineMargin = 24
)

// newTimeline lays out the dated stories (oldest first); nil when none is
// dated.
func newTimeline(stories []news.Story) *timeline {
	var first, last time.Time
	for _, st := range stories {
		for _, t := range []time.Time{st.FirstSeen, st.LastSeen} {
			if t.IsZero() {
				continue
			}
			if first.IsZero() || t.Before(first) {
				first = t
			}
			if last.IsZero() || t.After(last) {
				last = t
			}
		}
	}
	if first.IsZero() {
		return nil
	}
	// Pad the range by a day each side so that marks do not sit on the ends.
	first, last = first.UTC().AddDate(0, 0, -1), last.UTC().AddDate(0, 0, 1)
	tl := &timeline{
		Width: timelineWidth, Height: timelineHeight,
		Left: timelineMargin, Right: timelineWidth - timelineMargin, AxisY: 44,
		Start: formatDate(first.AddDate(0, 0, 1)), End: formatDate(last.AddDate(0, 0, -1)),
	}
	span := last.Sub(first).Seconds()
	x := func(t time.Time) float64 {
		return tl.Left + (tl.Right-tl.Left)*t.Sub(first).Seconds()/span
	}
	for i, st := range stories {
		f, l := st.FirstSeen, st.LastSeen
		if f.IsZero() {
			f = l
		}
		if l.IsZero() {
			l = f
		}
		if f.IsZero() {
			continue
		}
		y := tl.AxisY - 12
		if len(tl.Marks)%2 == 1 {
			y = tl.AxisY + 12
		}
		tl.Marks = append(tl.Marks, timelineMark{Story: st, X: x(f), X2: x(l), Y: y, Span: dateSpan(st.FirstSeen, st.LastSeen), Number: i + 1})
	}
	tl.Ticks = monthTicks(first, last, x)
	return tl
}
