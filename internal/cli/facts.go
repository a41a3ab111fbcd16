package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/facts"
	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/outlet"
)

// factsCmd is "parallax facts STORY_ID|--storyline ID": the claims of a
// story's articles side by side, with verdicts.
func (a *app) factsCmd() *cobra.Command {
	var (
		asJSON    bool
		storyline string
		path      string
	)
	cmd := &cobra.Command{
		Use:   "facts STORY_ID",
		Short: "Set the figures of a story's articles side by side: agree, moved, differ, attributed, inconsistent",
		Long: `Facts reads the checkable claims of every article of a story (figures with
what they count: deaths, injured, hours of talks, meetings, calls, points of a
plan, troops, money; years placed relative to the time of writing; the day
and the place of a meeting, call, visit, signing or attack, with the people
named with it), sets the claims about the same thing side by side and gives
each group a verdict (the claims of one event: one kind of event, a person in
common, days at most three apart):

  agree         every report gives the same figure
  moved         the figure changed from report to report over time (a toll
                that rose; an announced day that changed): the sequence is
                shown with times
  differ        outlets give different figures (or days, or places) at the
                same time
  attributed    one outlet states the figure as fact, another gives it to a
                source ("according to the Kremlin")
  inconsistent  a year that contradicts the article's own date and every
                other report ("earlier in 2023" in an article of 2025)

--storyline ID reads every story of a storyline (figures story by story,
years across all). With --json one JSON object per group (kind: figure, year,
date or place; subject, verdict, reason, claims with article_id, outlet,
published, value, qualifier, sentence, attributed_to, and for days and
places event, date, place, participants).`,
		Example: `  parallax facts STORY_ID
  parallax facts --storyline SL_ID --json
  parallax eval facts ../shared/eval/news-clusters`,
		Args: storyOrStoryline(&storyline),
		RunE: func(cmd *cobra.Command, args []string) error {
			cmp, err := a.compare(cmd.Context(), path, storyline, args)
			if err != nil {
				return err
			}
			groups := cmp.Facts
			if asJSON {
				return writeLines(a.stdout, groups)
			}
			return printFacts(a.stdout, groups)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&asJSON, "json", false, "print one JSON object per group of claims")
	f.StringVar(&storyline, "storyline", "", "read every story of this storyline")
	addOutletsFlag(cmd, &path)
	return cmd
}

// printFacts writes each group with its verdict and claims.
func printFacts(w io.Writer, groups []facts.Group) error {
	if len(groups) == 0 {
		_, err := fmt.Fprintln(w, "no figures found in two or more articles, and no inconsistent year")
		return err
	}
	for i, g := range groups {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s  %s\n  %s\n", strings.ToUpper(g.Verdict), g.Subject, g.Reason)
		err := tabulate(w, "  PUBLISHED\tOUTLET\t"+claimHeader(g.Kind)+"\tSOURCE\tSENTENCE", g.Claims, func(w io.Writer, c facts.Claim) {
			fmt.Fprintf(w, "  %s\t%s\t%s\t%s\t%s\n", claimTime(c.Published), c.Outlet, claimFigure(c), dash(c.AttributedTo), clip(c.Sentence, 110))
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// claimHeader names the column of a group's figures, days or places.
func claimHeader(kind string) string {
	switch kind {
	case facts.KindDate:
		return "DAY"
	case facts.KindPlace:
		return "PLACE"
	}
	return "FIGURE"
}

// claimFigure prints what a claim states: a figure as written, the day of
// an event with its words ("2025-12-02 (вівторок)"), or a place.
func claimFigure(c facts.Claim) string {
	if c.Kind == facts.KindDate {
		return c.Date + " (" + c.Figure + ")"
	}
	return c.Figure
}

// claimTime prints a publication time with its time of day when known
// (a moved figure is read in order).
func claimTime(t time.Time) string {
	h, m, sec := t.Clock()
	if t.IsZero() || h == 0 && m == 0 && sec == 0 {
		return formatDate(t, false)
	}
	return t.Format("2006-01-02 15:04")
}

// evalFactsCmd is "parallax eval facts DIR": the facts stage on labelled
// claim groups.
func (a *app) evalFactsCmd() *cobra.Command {
	var (
		labels string
		half   int
	)
	cmd := a.evalSub("facts DIR", "Score claim groups with a difference (precision, recall) and their verdicts on labelled news",
		"  parallax eval facts ../shared/eval/news-clusters\n  parallax eval facts --labels my-labels.json DIR",
		func(ctx context.Context, dir string) (report, error) {
			b, err := factLabels(dir, labels)
			if err != nil {
				return nil, err
			}
			ls, err := facts.ReadLabels(b)
			if err != nil {
				return nil, err
			}
			reg, err := outlet.Builtin()
			if err != nil {
				return nil, err
			}
			docs, err := readFactDocs(dir, reg)
			if err != nil {
				return nil, err
			}
			if half != 0 {
				docs, ls = halfOf(docs, ls, half)
			}
			return facts.Evaluate(ls, docs), nil
		})
	cmd.Long = `Eval facts reads the articles of DIR (news-please JSON files, or JSON Lines
of such records; newsCluster.Event or .EventId groups them into events),
aligns the claims of each event and scores the groups with a difference
against labelled groups: precision and recall of "these articles differ on
this figure", and the share of right verdicts. The labels are --labels, else
DIR/facts-labels.json, else the built-in labels of news-clusters
(internal/facts/labels/news-clusters.json, whose format they follow).`
	cmd.Flags().IntVar(&half, "half", 0, "score only the events of one half (1: first, 2: second of the events in name order, alternating) to check a change on both halves")
	cmd.Flags().StringVar(&labels, "labels", "", "labelled claim groups (JSON: {\"groups\": [{\"id\", \"event\", \"subject\", \"verdict\", \"urls\"}]})")
	return cmd
}

// halfOf keeps the docs and labels of one half of the events: those at
// even (half 1) or odd (half 2) positions of the event names in order.
func halfOf(docs []facts.Doc, ls []facts.Label, half int) ([]facts.Doc, []facts.Label) {
	seen := map[string]bool{}
	var events []string
	for _, d := range docs {
		if !seen[d.StoryID] {
			seen[d.StoryID] = true
			events = append(events, d.StoryID)
		}
	}
	slices.Sort(events)
	keep := map[string]bool{}
	for i, e := range events {
		if i%2 == (half-1)%2 {
			keep[e] = true
		}
	}
	var ds []facts.Doc
	for _, d := range docs {
		if keep[d.StoryID] {
			ds = append(ds, d)
		}
	}
	var out []facts.Label
	for _, l := range ls {
		if keep[l.Event] {
			out = append(out, l)
		}
	}
	return ds, out
}

func factLabels(dir, path string) ([]byte, error) {
	if path == "" {
		p := filepath.Join(dir, "facts-labels.json")
		if _, err := os.Stat(p); err == nil {
			path = p
		}
	}
	if path == "" {
		return facts.NewsClustersLabels, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval facts: %w", err)
	}
	return b, nil
}

// newsPleaseRecord is what eval facts reads of a news-please record.
type newsPleaseRecord struct {
	Title        string `json:"title"`
	Text         string `json:"text"`
	Description  string `json:"description"`
	DatePublish  string `json:"date_publish"`
	SourceDomain string `json:"source_domain"`
	URL          string `json:"url"`
	Language     string `json:"language"`
	NewsCluster  *struct {
		Event   string          `json:"Event"`
		EventID json.RawMessage `json:"EventId"`
	} `json:"newsCluster"`
}

// readFactDocs reads the labelled articles of dir in name order.
func readFactDocs(dir string, reg *outlet.Registry) ([]facts.Doc, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json*"))
	if err != nil {
		return nil, fmt.Errorf("eval facts %s: %w", dir, err)
	}
	var docs []facts.Doc
	for _, f := range files {
		if filepath.Base(f) == "facts-labels.json" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("eval facts: %w", err)
		}
		var recs [][]byte
		if strings.HasSuffix(f, ".jsonl") {
			sc := bufio.NewScanner(bytes.NewReader(b))
			sc.Buffer(make([]byte, 1<<20), 64<<20)
			for sc.Scan() {
				if line := bytes.TrimSpace(sc.Bytes()); len(line) > 0 {
					recs = append(recs, append([]byte(nil), line...))
				}
			}
			if err := sc.Err(); err != nil {
				return nil, fmt.Errorf("eval facts %s: %w", f, err)
			}
		} else {
			recs = [][]byte{b}
		}
		for i, rb := range recs {
			var r newsPleaseRecord
			if err := json.Unmarshal(rb, &r); err != nil {
				return nil, fmt.Errorf("eval facts %s record %d: %w", f, i+1, err)
			}
			docs = append(docs, factDoc(r, filepath.Base(f)+"#"+strconv.Itoa(i), reg))
		}
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("eval facts %s: no articles (*.json, *.jsonl)", dir)
	}
	return docs, nil
}

func factDoc(r newsPleaseRecord, id string, reg *outlet.Registry) facts.Doc {
	text := r.Text
	if strings.TrimSpace(text) == "" {
		text = r.Description
	}
	event := ""
	if r.NewsCluster != nil {
		event = r.NewsCluster.Event
		if event == "" {
			event = strings.Trim(string(r.NewsCluster.EventID), `"`)
		}
	}
	name := r.SourceDomain
	if o, ok := reg.Lookup(r.URL); ok {
		name = o.Name
	} else if o, ok := reg.Lookup(r.SourceDomain); ok {
		name = o.Name
	}
	var pub time.Time
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02T15:04:05", time.RFC3339, time.DateOnly} {
		if t, err := time.Parse(layout, r.DatePublish); err == nil {
			pub = t.UTC()
			break
		}
	}
	code := r.Language
	if code == "" {
		// news-please leaves the language out of many records: the facts
		// read an article only in its own language's words.
		code = lang.Guess(text)
	}
	return facts.Doc{ArticleID: id, StoryID: event, URL: r.URL, Outlet: name, Language: code, Published: pub, Text: text}
}
