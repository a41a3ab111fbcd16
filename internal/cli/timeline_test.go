package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/timeline"
)

// ingestSeedsDated ingests the five seeds, each with the publication date
// seeds-dates.tsv gives it, and returns the database and the article ID of
// each seed file.
func ingestSeedsDated(t *testing.T) (string, map[string]string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "p.db")
	ingestDatedSeeds(t, db)
	ids := map[string]string{}
	for _, a := range decodeLines[news.Article](t, mustRun(t, "articles", "--db", db, "--json")) {
		ids[filepath.Base(a.Source)] = a.ID
	}
	return db, ids
}

func TestTimelineSeeds(t *testing.T) {
	db, ids := ingestSeedsDated(t)
	type line struct {
		StorylineID string `json:"storyline_id"`
		timeline.Event
		Period string `json:"period"`
	}
	events := decodeLines[line](t, mustRun(t, "timeline", "--db", db, "--json"))
	if len(events) == 0 {
		t.Fatal("no events")
	}

	// The Alaska summit: once, citing every seed that mentions it.
	mentioning := map[string]bool{}
	seeds := sharedtest.Dir(t, "corpus", "seeds")
	for file, id := range ids {
		b, err := os.ReadFile(filepath.Join(seeds, file))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "Alaska") {
			mentioning[id] = true
		}
	}
	if len(mentioning) < 2 {
		t.Fatalf("expected at least two seeds to mention Alaska, found %d", len(mentioning))
	}
	var alaska []line
	var tuesday bool
	for _, e := range events {
		for _, s := range e.Sources {
			if strings.Contains(s.Sentence, "Alaska") {
				alaska = append(alaska, e)
				break
			}
		}
		if e.Date == "2025-12-02" && strings.Contains(e.Text, "Witkoff") && len(e.Sources) == 1 &&
			e.Sources[0].ArticleID == ids["004_1d6ada1cc2e61389.txt"] && e.Sources[0].Timex == "Tuesday" {
			tuesday = true
		}
	}
	if len(alaska) != 1 {
		t.Fatalf("Alaska summit on the timeline %d times, want once: %+v", len(alaska), alaska)
	}
	if alaska[0].Date != "2025-08-15" {
		t.Errorf("Alaska summit dated %s, want 2025-08-15", alaska[0].Date)
	}
	cited := map[string]bool{}
	for _, s := range alaska[0].Sources {
		cited[s.ArticleID] = true
	}
	for id := range mentioning {
		if !cited[id] {
			t.Errorf("Alaska summit does not cite %s; sources %+v", id, alaska[0].Sources)
		}
	}
	if !tuesday {
		t.Error(`the Witkoff–Kushner meeting "on Tuesday" (seed 004, published 2025-12-04) is not on the timeline as 2025-12-02`)
	}
	// --json keeps the TimeML value and adds the readable period.
	for _, e := range events {
		if e.Period != timeline.Readable(e.Date) || e.Period == "" {
			t.Errorf("event %s: period %q, want %q", e.Date, e.Period, timeline.Readable(e.Date))
		}
	}
	if alaska[0].Period != "15 Aug 2025" {
		t.Errorf("Alaska summit period %q, want 15 Aug 2025", alaska[0].Period)
	}
	for i := 1; i < len(events); i++ {
		if events[i].StorylineID == events[i-1].StorylineID && events[i].Start.Before(events[i-1].Start) {
			t.Errorf("events out of date order: %s after %s", events[i].Date, events[i-1].Date)
		}
	}

	// The text view and a single storyline.
	sl := alaska[0].StorylineID
	text := mustRun(t, "timeline", "--db", db, "--storyline", sl)
	if !strings.Contains(text, "15 Aug 2025") || !strings.Contains(text, "Alaska") {
		t.Errorf("timeline text lacks the Alaska summit on 15 Aug 2025:\n%s", text)
	}
	// The table prints readable periods, never raw TimeML values.
	if raw := regexp.MustCompile(`(?m)^  \d{4}-(W\d\d|\d\d)`).FindString(text); raw != "" {
		t.Errorf("timeline text prints a raw TimeML value %q:\n%s", raw, text)
	}
	if code, _, errs := run(t, "timeline", "--db", db, "--storyline", "nosuch"); code != 1 || !strings.Contains(errs, "nosuch") {
		t.Errorf("unknown storyline: exit %d, stderr %q", code, errs)
	}

	// The briefing in each format.
	md := mustRun(t, "brief", "--db", db, "--format", "md", sl)
	for _, want := range []string{"# Briefing:", "## Timeline", "**15 Aug 2025**", "## Key quotes", "## Outlets", "Told by", "Compared between outlets: numbers", "## Sources"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown briefing lacks %q", want)
		}
	}
	page := filepath.Join(t.TempDir(), "b.html")
	mustRun(t, "brief", "--db", db, "--format", "html", "-o", page, sl)
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "Alaska") || strings.Contains(string(b), "<script") {
		t.Errorf("html briefing: missing the summit or has a script")
	}
	var obj struct {
		ID       string           `json:"id"`
		Timeline []timeline.Event `json:"timeline"`
		Quotes   []map[string]any `json:"quotes"`
		Articles []map[string]any `json:"articles"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "brief", "--db", db, "--format", "json", sl)), &obj); err != nil {
		t.Fatal(err)
	}
	if obj.ID != sl || len(obj.Timeline) == 0 || len(obj.Quotes) == 0 || len(obj.Articles) != 5 {
		t.Errorf("json briefing: id %s, %d events, %d quotes, %d articles", obj.ID, len(obj.Timeline), len(obj.Quotes), len(obj.Articles))
	}
	if code, _, _ := run(t, "brief", "--db", db, "--format", "pdf", sl); code != 2 {
		t.Errorf("--format pdf: exit %d, want 2", code)
	}
	if code, _, _ := run(t, "brief", "--db", db); code != 2 {
		t.Errorf("brief without an ID: exit %d, want 2", code)
	}
}
