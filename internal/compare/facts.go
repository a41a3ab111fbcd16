package compare

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/facts"
	"github.com/parallax-news/parallax/internal/news"
)

// storylineGap splits the articles of a storyline compared without their
// stories (Options.StoryOf unset) into stretches of reporting: figures are
// only aligned within a stretch, so that the tolls of two events of one
// storyline are not taken for one figure.
const storylineGap = 3 * 24 * time.Hour

// factsOf aligns the claims of the compared articles (see package facts).
// storyOf maps article IDs to their story; when nil and the comparison is
// of a storyline, articles are split into stretches of reporting.
func factsOf(story news.Story, cols []*column, storyOf map[string]string) []facts.Group {
	var docs []facts.Doc
	for _, col := range cols {
		for _, a := range col.arts {
			docs = append(docs, facts.Doc{ArticleID: a.ID, URL: a.URL, Outlet: col.o.Name, Language: a.Language,
				Published: a.Published, PublishedEstimated: a.PublishedEstimated, Text: a.Text, StoryID: storyOf[a.ID]})
		}
	}
	if storyOf == nil && story.ID != "" && story.ID == story.StorylineID {
		stretches(docs)
	}
	gs := facts.Align(docs)
	if gs == nil {
		gs = []facts.Group{}
	}
	return gs
}

// stretches sets each doc's StoryID to its stretch of reporting: dated
// docs in time order, a new stretch after a gap of storylineGap; undated
// docs go with the first.
func stretches(docs []facts.Doc) {
	idx := make([]int, len(docs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return docs[idx[i]].Published.Before(docs[idx[j]].Published) })
	n := 0
	var last time.Time
	for _, i := range idx {
		p := docs[i].Published
		if !p.IsZero() && !last.IsZero() && p.Sub(last) > storylineGap {
			n++
		}
		if !p.IsZero() {
			last = p
		}
		docs[i].StoryID = "stretch-" + strconv.Itoa(n)
	}
}

// FactChart is a small chart of one figure over time by outlet, for a
// group whose figure moved or differs: the geometry of a server-rendered
// SVG (viewBox 0 0 Width Height). It is not part of the JSON.
type FactChart struct {
	Subject string
	StoryID string
	Width   int
	Height  int
	Lines   []ChartLine
	// Ticks label the value axis; XLabels the first and last times.
	Ticks   []ChartTick
	XLabels []ChartTick
	// Desc says the same in words, for readers who cannot see the chart.
	Desc string
}

// ChartLine is one outlet's reports of the figure.
type ChartLine struct {
	Outlet string
	Class  string // "s0".."s5": the outlet's series
	Color  string // the series' colour, as an SVG presentation attribute
	Points string // the polyline's points
	Dots   []ChartDot
}

// ChartDot is one report.
type ChartDot struct {
	X, Y  float64
	Label string // "RT: at least 59 (27 Nov 2017)"
}

// ChartTick is a label on an axis.
type ChartTick struct {
	X, Y  float64
	Label string
}

// factCharts draws a chart for every group whose verdict is moved or
// differ and whose dated claims span at least two moments.
func factCharts(gs []facts.Group) []FactChart {
	var out []FactChart
	for _, g := range gs {
		if g.Verdict != facts.Moved && g.Verdict != facts.Differ || g.Kind != facts.KindFigure && g.Kind != "" {
			continue // days and places are read in the table, not charted
		}
		if ch, ok := factChart(g); ok {
			out = append(out, ch)
		}
	}
	return out
}

func factChart(g facts.Group) (FactChart, bool) {
	const w, h, left, right, top, bottom = 320, 140, 44, 12, 10, 24
	var dated []facts.Claim
	for _, c := range g.Claims {
		if !c.Published.IsZero() {
			dated = append(dated, c)
		}
	}
	if len(dated) < 2 {
		return FactChart{}, false
	}
	// Reports are placed in time order, one step per distinct moment:
	// the sequence reads better than a time scale on which a day of
	// reports and a late recap share a corner.
	var moments []time.Time
	v0, v1 := dated[0].Value, dated[0].Value
	for _, c := range dated {
		if len(moments) == 0 || !c.Published.Equal(moments[len(moments)-1]) {
			moments = append(moments, c.Published)
		}
		v0, v1 = math.Min(v0, c.Value), math.Max(v1, c.Value)
	}
	if v0 == v1 || len(moments) < 2 {
		return FactChart{}, false
	}
	step := map[time.Time]int{}
	for i, m := range moments {
		step[m] = i
	}
	t0, t1 := moments[0], moments[len(moments)-1]
	lo := math.Max(0, v0-(v1-v0)*0.15)
	hi := v1 + (v1-v0)*0.15
	x := func(t time.Time) float64 {
		return round1(left + float64(step[t])/float64(len(moments)-1)*float64(w-left-right))
	}
	y := func(v float64) float64 { return round1(top + (hi-v)/(hi-lo)*float64(h-top-bottom)) }
	ch := FactChart{Subject: g.Subject, StoryID: g.StoryID, Width: w, Height: h}
	byOutlet := map[string]int{}
	var descs []string
	for _, c := range dated {
		i, ok := byOutlet[c.Outlet]
		if !ok {
			i = len(ch.Lines)
			byOutlet[c.Outlet] = i
			ch.Lines = append(ch.Lines, ChartLine{Outlet: c.Outlet, Class: "s" + strconv.Itoa(i%len(seriesColors)), Color: seriesColors[i%len(seriesColors)]})
		}
		label := fmt.Sprintf("%s: %s (%s)", c.Outlet, figure(c), c.Published.Format("2 Jan 2006 15:04"))
		ch.Lines[i].Dots = append(ch.Lines[i].Dots, ChartDot{X: x(c.Published), Y: y(c.Value), Label: label})
		descs = append(descs, label)
	}
	for i := range ch.Lines {
		var pts []string
		for _, d := range ch.Lines[i].Dots {
			pts = append(pts, strconv.FormatFloat(d.X, 'f', -1, 64)+","+strconv.FormatFloat(d.Y, 'f', -1, 64))
		}
		ch.Lines[i].Points = strings.Join(pts, " ")
	}
	for _, v := range []float64{v0, v1} {
		ch.Ticks = append(ch.Ticks, ChartTick{X: left - 4, Y: y(v) + 4, Label: strconv.FormatFloat(v, 'f', -1, 64)})
	}
	ch.XLabels = []ChartTick{{X: left, Y: h - 6, Label: t0.Format("2 Jan")}, {X: w - right, Y: h - 6, Label: t1.Format("2 Jan")}}
	ch.Desc = g.Subject + " over time: " + strings.Join(descs, "; ")
	return ch, true
}

// seriesColors tell outlets apart in a chart (distinguishable in the
// common forms of colour blindness; each dot also has its label).
var seriesColors = []string{"#1f6fb2", "#c0392b", "#2e8b57", "#8e44ad", "#b7950b", "#555555"}

func figure(c facts.Claim) string {
	v := strconv.FormatFloat(c.Value, 'f', -1, 64)
	if c.Qualifier != "" {
		return c.Qualifier + " " + v
	}
	return v
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }
