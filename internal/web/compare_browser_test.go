package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/browsertest"
)

// TestBrowserCompareTimeline opens the seed storyline in headless
// Chromium and follows its links to the outlet comparison and the
// timeline: the Kiev/Kyiv split is on the comparison, the chart is an SVG
// with event marks and speaker lanes, a mark leads to its event, columns
// stack on a phone without sideways scrolling, nothing is requested from
// another host, no page logs an error and every screenshot shows content.
func TestBrowserCompareTimeline(t *testing.T) {
	db := seededDB(t)
	l := seedStoryline(t, db)
	srv := httptest.NewServer(New(db, Options{}))
	defer srv.Close()
	b := browsertest.New(t)
	var shots []string

	if st := b.Navigate(srv.URL + "/storylines/" + l.ID); st != http.StatusOK {
		t.Fatalf("storyline: status %d", st)
	}
	if st := b.Click("a.compare-link"); st != http.StatusOK {
		t.Fatalf("compare link: status %d", st)
	}
	if !strings.HasSuffix(b.URL(), "/storylines/"+l.ID+"/compare") {
		t.Errorf("compare link opened %s", b.URL())
	}
	split := strings.Join(b.Texts(".naming.split"), "\n")
	if !strings.Contains(split, "Kyiv/Kiev") || !strings.Contains(split, "“Kiev” RT") {
		t.Errorf("Kiev/Kyiv split not shown: %q", split)
	}
	cols := b.Count(".compare-col")
	if cols < 5 {
		t.Errorf("%d outlet columns, want the 5 seed outlets", cols)
	}
	var sameRow bool
	b.Eval(`(() => { const g = document.querySelectorAll(".compare-col"); return g[0].getBoundingClientRect().top === g[1].getBoundingClientRect().top })()`, &sameRow)
	if !sameRow {
		t.Error("outlet columns are not side by side on a wide screen")
	}
	shots = append(shots, b.Screenshot("storyline-compare"))

	if st := b.Click("a.back-link"); st != http.StatusOK || !strings.HasSuffix(b.URL(), "/storylines/"+l.ID) {
		t.Fatalf("back link: status %d, %s", st, b.URL())
	}
	if st := b.Click("a.timeline-link"); st != http.StatusOK {
		t.Fatalf("timeline link: status %d", st)
	}
	marks := b.Count("figure.event-chart svg a.ev")
	if marks < 5 {
		t.Errorf("%d event marks in the chart", marks)
	}
	if lanes := b.Count("figure.event-chart svg g.lane circle.qdot"); lanes == 0 {
		t.Error("no quote dots in the speaker lanes")
	}
	var height float64
	b.Eval(`document.querySelector("figure.event-chart svg").getBoundingClientRect().height`, &height)
	if height < 100 {
		t.Errorf("chart drawn %.0f px high", height)
	}
	if b.Count(".legend .legend-item") < 2 {
		t.Error("chart legend has fewer than two kinds")
	}
	shots = append(shots, b.Screenshot("storyline-timeline"))
	var target string
	b.Eval(`document.querySelector("figure.event-chart svg a.ev").getAttribute("href")`, &target)
	b.Click("figure.event-chart svg a.ev circle, figure.event-chart svg a.ev rect")
	if !strings.HasSuffix(b.URL(), target) || b.Count("li.event:target") != 1 {
		t.Errorf("chart mark went to %s, want %s with its event targeted", b.URL(), target)
	}

	// Phone: columns stack, no page scrolls sideways (the chart scrolls
	// inside its own box).
	b.SetViewport(390, 844)
	assertNoSideScroll(t, b, srv.URL, []string{"/storylines/" + l.ID + "/compare", "/storylines/" + l.ID + "/timeline", "/stories/" + l.StoryIDs[0] + "/compare", "/search?q=Kiev&kind=state_affiliated"})
	b.Navigate(srv.URL + "/storylines/" + l.ID + "/compare")
	var stacked bool
	b.Eval(`(() => { const g = document.querySelectorAll(".compare-col"); return g[1].getBoundingClientRect().top >= g[0].getBoundingClientRect().bottom })()`, &stacked)
	if !stacked {
		t.Error("outlet columns do not stack on a phone")
	}
	shots = append(shots, b.Screenshot("storyline-compare-phone"))
	b.Navigate(srv.URL + "/storylines/" + l.ID + "/timeline")
	shots = append(shots, b.Screenshot("storyline-timeline-phone"))

	assertScreenshots(t, shots)
	assertBrowserClean(t, b, srv.URL)
}
