package web

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/brief"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/outlet"
	tline "github.com/parallax-news/parallax/internal/timeline"
)

// Limits of the timeline page.
const (
	timelineSpeakers      = 6  // speakers in "actors over time"
	timelineSpeakerQuotes = 40 // quotes listed per speaker
	// chartLookback is how far before the storyline's first article an
	// event may lie and still be drawn; older background events ("in
	// 2014 …") are only listed, so they do not squeeze the chart.
	chartLookback = 6 // months
)

// timelineView is what storyline_timeline.html receives.
type timelineView struct {
	Storyline news.Storyline
	Span      string
	Events    []timelineEvent
	Chart     *eventChart
	Earlier   int // events listed but left off the chart as too old
	Speakers  []speakerQuotes
}

// timelineEvent is one event with its readable date and the kinds of its
// sources.
type timelineEvent struct {
	tline.Event
	When    string
	Anchor  string
	Kind    string
	Sources []eventSource
}

type eventSource struct {
	tline.Source
	Kind string
	Link string // the article's URL when it is http(s)
}

// speakerQuotes is one speaker's quotes in date order.
type speakerQuotes struct {
	Name     string
	EntityID string
	Anchor   string
	Quotes   []datedQuote
	More     int
}

type datedQuote struct {
	news.Quote
	Outlet string
	Kind   string
}

// showStorylineTimeline renders GET /storylines/{id}/timeline.
func (s *Server) showStorylineTimeline(w http.ResponseWriter, r *http.Request) {
	l, ok := lookupView(s, w, r, "storyline", "/storylines/", "/timeline", s.st.Storyline, storylineID)
	if !ok {
		return
	}
	in, events, err := s.cmp.Timeline(r.Context(), l.ID)
	if err != nil {
		s.serverError(w, r, fmt.Errorf("storyline %s: gather: %w", l.ID, err))
		return
	}
	v := s.newTimelineView(in, events)
	s.render(w, r, http.StatusOK, "storyline_timeline", page{Title: "Timeline: " + orUntitled(v.Storyline.Label, "storyline"), Nav: "storylines", Data: v})
}

// timelineAPI is the body of GET /api/storylines/{id}/timeline.
type timelineAPI struct {
	StorylineID string        `json:"storyline_id"`
	Events      []tline.Event `json:"events"`
}

// apiStorylineTimeline serves GET /api/storylines/{id}/timeline: the
// storyline's events as `parallax timeline --json` prints them, in one
// object.
func (s *Server) apiStorylineTimeline(w http.ResponseWriter, r *http.Request) {
	l, ok := apiLookupOf(s, w, r, "storyline", s.st.Storyline)
	if !ok {
		return
	}
	in, events, err := s.cmp.Timeline(r.Context(), l.ID)
	if err != nil {
		s.apiFail(w, r, http.StatusInternalServerError, fmt.Errorf("storyline %s: gather: %w", l.ID, err))
		return
	}
	if events == nil {
		events = []tline.Event{}
	}
	s.writeJSON(w, r, http.StatusOK, timelineAPI{StorylineID: in.Storyline.ID, Events: events})
}

// kindOf returns the kind of the outlet named, "unknown" when the registry
// does not know it.
func (s *Server) kindOf(name string) string {
	if s.reg == nil || name == "" {
		return string(outlet.KindUnknown)
	}
	if o, ok := s.reg.Lookup(name); ok && o.Kind != "" {
		return string(o.Kind)
	}
	return string(outlet.KindUnknown)
}

// creditOf returns the outlet an article counts for and its kind.
func (s *Server) creditOf(a news.Article) (name, kind string) {
	if s.reg == nil {
		c := articleCredit(a)
		return c.Lead, string(outlet.KindUnknown)
	}
	o := s.reg.Credit(a)
	k := string(o.Kind)
	if k == "" {
		k = string(outlet.KindUnknown)
	}
	return o.Name, k
}

// newTimelineView lays out a storyline's timeline (events as
// engine.Comparer.Timeline builds them) for the page.
func (s *Server) newTimelineView(in brief.Input, events []tline.Event) timelineView {
	l := in.Storyline
	v := timelineView{Storyline: l, Span: dateSpan(l.FirstSeen, l.LastSeen)}
	arts := make(map[string]news.Article, len(in.Docs))
	for _, d := range in.Docs {
		arts[d.Article.ID] = d.Article
	}
	kindsSeen := map[string]bool{}
	var cutoff time.Time
	if !l.FirstSeen.IsZero() {
		cutoff = l.FirstSeen.UTC().AddDate(0, -chartLookback, 0)
	}
	var marks []chartEvent
	for _, e := range events {
		te := timelineEvent{Event: e, When: tline.Readable(e.Date), Anchor: "event-" + e.ID}
		kinds := map[string]bool{}
		var outs []string
		for _, src := range e.Sources {
			kind := s.kindOf(src.Outlet)
			if a, ok := arts[src.ArticleID]; ok {
				_, kind = s.creditOf(a)
			}
			kinds[kind] = true
			te.Sources = append(te.Sources, eventSource{Source: src, Kind: kind, Link: httpURL(src.URL)})
			outs = append(outs, cmp.Or(src.Outlet, "unknown outlet"))
		}
		te.Kind = "mixed"
		if len(kinds) == 1 {
			for k := range kinds {
				te.Kind = k
			}
		}
		kindsSeen[te.Kind] = true
		v.Events = append(v.Events, te)
		if !cutoff.IsZero() && !e.End.IsZero() && e.End.Before(cutoff) {
			v.Earlier++
			continue
		}
		marks = append(marks, chartEvent{
			Start: e.Start, End: e.End, Kind: te.Kind, Anchor: te.Anchor,
			Title: te.When + ": " + excerpt(e.Text, 160) + " [" + strings.Join(outs, "; ") + "]",
		})
	}
	v.Speakers = s.topSpeakers(in.Quotes, arts)
	var lanes []chartSpeaker
	for _, sp := range v.Speakers {
		cs := chartSpeaker{Name: excerpt(sp.Name, 18), Anchor: sp.Anchor}
		for _, q := range sp.Quotes {
			kindsSeen[q.Kind] = true
			cs.Quotes = append(cs.Quotes, chartQuote{Date: q.Date, Kind: q.Kind,
				Title: formatDate(q.Date) + ", " + q.Outlet + ": " + excerpt(q.Text, 140)})
		}
		lanes = append(lanes, cs)
	}
	var legend []legendItem
	for _, k := range append(slices.Clone(kindOrder), "mixed") {
		if kindsSeen[k] {
			label := kindName(k)
			if k == "mixed" {
				label = "outlets of several kinds"
			}
			legend = append(legend, legendItem{Kind: k, Label: label})
		}
	}
	v.Chart = newEventChart(marks, lanes, legend)
	return v
}

// kindOrder is the order of outlet kinds in legends.
var kindOrder = []string{"wire", "public_broadcaster", "state_affiliated", "private", "aggregator", "unknown"}

// topSpeakers returns the most quoted named speakers with their quotes in
// date order (undated last); anonymous and unresolved speakers are left
// out.
func (s *Server) topSpeakers(quotes []news.Quote, arts map[string]news.Article) []speakerQuotes {
	type group struct {
		sq    speakerQuotes
		count int
	}
	groups := map[string]*group{}
	var order []string
	for _, q := range quotes {
		name := strings.TrimSpace(q.Speaker)
		if name == "" || strings.EqualFold(name, "unnamed") {
			continue
		}
		key := cmp.Or(q.SpeakerID, "name:"+strings.ToLower(name))
		g, ok := groups[key]
		if !ok {
			g = &group{sq: speakerQuotes{Name: name, EntityID: q.SpeakerID}}
			groups[key] = g
			order = append(order, key)
		}
		g.count++
		dq := datedQuote{Quote: q}
		if a, ok := arts[q.ArticleID]; ok {
			dq.Outlet, dq.Kind = s.creditOf(a)
			if dq.Date.IsZero() {
				dq.Date = a.Published
			}
		} else {
			dq.Kind = string(outlet.KindUnknown)
		}
		g.sq.Quotes = append(g.sq.Quotes, dq)
	}
	slices.SortStableFunc(order, func(a, b string) int {
		return cmp.Compare(groups[b].count, groups[a].count)
	})
	var out []speakerQuotes
	for i, key := range order {
		if i == timelineSpeakers {
			break
		}
		sq := groups[key].sq
		sq.Anchor = fmt.Sprintf("speaker-%d", i+1)
		slices.SortStableFunc(sq.Quotes, func(a, b datedQuote) int {
			if c := compareDates(a.Date, b.Date); c != 0 {
				return c
			}
			return cmp.Compare(a.Start, b.Start)
		})
		if n := len(sq.Quotes); n > timelineSpeakerQuotes {
			sq.More = n - timelineSpeakerQuotes
			sq.Quotes = sq.Quotes[:timelineSpeakerQuotes]
		}
		out = append(out, sq)
	}
	return out
}
