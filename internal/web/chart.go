package web

import (
	"time"
)

// eventChart is the server-rendered SVG chart of a storyline's timeline:
// a date axis, one mark per event coloured by the kind of the outlets
// citing it, and below it one strip per top speaker with a dot for each of
// their quotes. Coordinates are in the SVG's own units.
type eventChart struct {
	Width, Height int
	Left, Right   float64
	AxisY         float64
	Ticks         []timelineTick
	Marks         []eventMark
	Lanes         []speakerLane
	LaneTop       float64 // y of the first speaker lane
	Legend        []legendItem
	Start, End    string // dates at the two ends, for readers
}

// eventMark is one event: a dot for a day, a bar for a week or a month.
type eventMark struct {
	X, X2  float64
	Y      float64
	Kind   string // CSS class suffix: an outlet kind or "mixed"
	Title  string // accessible title: date, text, outlets
	Anchor string // the event's entry in the list
	Wide   bool   // a week or month: drawn as a bar
}

// speakerLane is one speaker's strip of quote dots.
type speakerLane struct {
	Y      float64
	Label  string
	Anchor string
	Dots   []quoteDot
}

type quoteDot struct {
	X     float64
	Kind  string
	Title string
}

type legendItem struct {
	Kind  string
	Label string
}

const (
	chartWidth     = 1000
	chartMargin    = 24
	chartLaneLeft  = 150 // room for speaker names left of the strips
	chartEventRows = 6
	chartRowGap    = 14
	chartLaneGap   = 26
)

// chartEvent and chartQuote are the inputs of newEventChart: dates already
// resolved to ranges, kinds already looked up.
type chartEvent struct {
	Start, End time.Time // [Start, End) in UTC days
	Kind       string
	Title      string
	Anchor     string
}

type chartQuote struct {
	Date  time.Time
	Kind  string
	Title string
}

type chartSpeaker struct {
	Name   string
	Anchor string
	Quotes []chartQuote
}

// newEventChart lays out events and speakers on one date axis; nil when
// nothing is dated.
func newEventChart(events []chartEvent, speakers []chartSpeaker, legend []legendItem) *eventChart {
	var first, last time.Time
	see := func(t time.Time) {
		if t.IsZero() {
			return
		}
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if last.IsZero() || t.After(last) {
			last = t
		}
	}
	for _, e := range events {
		see(e.Start)
		see(e.End)
	}
	for _, sp := range speakers {
		for _, q := range sp.Quotes {
			see(q.Date)
		}
	}
	if first.IsZero() {
		return nil
	}
	first = first.UTC().AddDate(0, 0, -2)
	last = last.UTC().AddDate(0, 0, 2)
	left := float64(chartMargin)
	if len(speakers) > 0 {
		left = chartLaneLeft
	}
	c := &eventChart{
		Width: chartWidth, Left: left, Right: chartWidth - chartMargin,
		AxisY:  float64(20 + chartEventRows*chartRowGap + 10),
		Legend: legend,
		Start:  formatDate(first.AddDate(0, 0, 2)), End: formatDate(last.AddDate(0, 0, -2)),
	}
	span := last.Sub(first).Seconds()
	x := func(t time.Time) float64 {
		return c.Left + (c.Right-c.Left)*t.Sub(first).Seconds()/span
	}
	// Events fill rows from the top; a mark takes the first row whose
	// previous mark ends far enough to its left.
	rowEnd := make([]float64, chartEventRows)
	for i := range rowEnd {
		rowEnd[i] = -1e9
	}
	for _, e := range events {
		if e.Start.IsZero() {
			continue
		}
		end := e.End
		if end.IsZero() || !end.After(e.Start) {
			end = e.Start.AddDate(0, 0, 1)
		}
		x1, x2 := x(e.Start), x(end)
		wide := end.Sub(e.Start) > 36*time.Hour
		if !wide {
			x1 = (x1 + x2) / 2
			x2 = x1
		}
		row := 0
		for r := range rowEnd {
			if x1-rowEnd[r] >= 10 {
				row = r
				break
			}
			if rowEnd[r] < rowEnd[row] {
				row = r
			}
		}
		rowEnd[row] = x2
		c.Marks = append(c.Marks, eventMark{
			X: x1, X2: x2, Y: float64(20 + row*chartRowGap), Kind: e.Kind,
			Title: e.Title, Anchor: e.Anchor, Wide: wide,
		})
	}
	c.LaneTop = c.AxisY + 40
	for i, sp := range speakers {
		lane := speakerLane{Y: c.LaneTop + float64(i*chartLaneGap), Label: sp.Name, Anchor: sp.Anchor}
		for _, q := range sp.Quotes {
			if q.Date.IsZero() {
				continue
			}
			lane.Dots = append(lane.Dots, quoteDot{X: x(q.Date.UTC().Truncate(24 * time.Hour).Add(12 * time.Hour)), Kind: q.Kind, Title: q.Title})
		}
		c.Lanes = append(c.Lanes, lane)
	}
	c.Height = int(c.LaneTop) + len(speakers)*chartLaneGap
	if len(speakers) == 0 {
		c.Height = int(c.AxisY) + 30
	}
	c.Ticks = monthTicks(first, last, x)
	return c
}
