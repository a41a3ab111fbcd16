package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/engine"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/quote"
	"github.com/parallax-news/parallax/internal/store"
)

func (a *app) compareCmd() *cobra.Command {
	var (
		asJSON    bool
		storyline string
		path      string
		top       int
	)
	cmd := &cobra.Command{
		Use:   "compare STORY_ID",
		Short: "Compare the outlets of one story side by side",
		Long: `Compare puts the outlets that carried a story side by side:

  coverage       which outlets and kinds carried it, when each first reported
                 it, the kinds and countries missing (a story carried by one
                 country's or one kind's outlets is flagged as a blindspot);
                 republished articles count for their origin outlet
  voices         whom each outlet quotes, with counts and shares
  wording        the terms that set each outlet apart, by their log-odds
                 z-score: the log-odds ratio of the word in this outlet
                 against the others, with the whole corpus as prior (Monroe
                 et al. 2008), over its standard error; 1.645 or more (the 5%
                 level) counts; stop words and everyday words (going, lot,
                 want) of the article's language are left out
  naming         Kyiv/Kiev, invasion/"special military operation",
                 regime/government and other variant pairs, per outlet
  disagreements  statements that conflict across outlets (numbers, dates,
                 opposite predicates, quotes given to different speakers),
                 each with both sentences; few and sure rather than many

--storyline ID compares all the stories of a storyline together. With --json
the comparison is printed as one JSON object (story_id, scope, outlets,
coverage, voices, wording, naming, disagreements).

"parallax compare eval FILE" measures the disagreement finder on hand-labelled
pairs (see internal/compare/testdata/disagreements.json).`,
		Example: `  parallax stories
  parallax compare STORY_ID
  parallax compare --storyline SL_ID --json`,
		Args: storyOrStoryline(&storyline),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := a.compare(cmd.Context(), path, storyline, args)
			if err != nil {
				return err
			}
			if asJSON {
				return newJSONLines(a.stdout).write(c)
			}
			return printComparison(a.stdout, c, top)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&asJSON, "json", false, "print the comparison as one JSON object")
	f.StringVar(&storyline, "storyline", "", "compare every story of this storyline together")
	f.IntVar(&top, "top", 6, "rows per outlet in the text output (speakers, terms)")
	addOutletsFlag(cmd, &path)
	cmd.AddCommand(a.compareEvalCmd())
	return cmd
}

func (a *app) compareEvalCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "eval FILE",
		Short: "Measure disagreement detection on hand-labelled article pairs",
		Long: `Eval runs the disagreement finder on each pair of excerpts in FILE ({"pairs":
[{"id", "label": "conflicting"|"different", "kind", "a": {"outlet",
"published", "text"}, "b": {...}}]}), with quotes found as ingest finds them,
and reports precision and recall of "this pair disagrees".`,
		Example: `  parallax compare eval internal/compare/testdata/disagreements.json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("want one FILE of labelled pairs")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := os.ReadFile(args[0])
			if err != nil {
				return err
			}
			pairs, err := compare.ReadPairs(b)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			r := compare.Evaluate(pairs, findQuotes)
			if asJSON {
				return newJSONLines(a.stdout).write(r)
			}
			fmt.Fprintf(a.stdout, "pairs %d (%d conflicting): precision %.3f, recall %.3f, F1 %.3f\n", r.Pairs, r.Conflicting, r.Precision, r.Recall, r.F1)
			fmt.Fprintf(a.stdout, "true positives %d, false positives %d, false negatives %d, true negatives %d; kind right on %d of %d\n",
				r.TruePos, r.FalsePos, r.FalseNeg, r.TrueNeg, r.KindCorrect, r.TruePos)
			for _, e := range r.Errors {
				if e.Found != nil {
					fmt.Fprintf(a.stdout, "  false positive %s: %s %q\n", e.ID, e.Found.Kind, e.Found.About)
				} else {
					fmt.Fprintf(a.stdout, "  missed %s\n", e.ID)
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as one JSON object")
	return cmd
}

// findQuotes finds a text's quotes as the analysis stage does.
func findQuotes(text string) []news.Quote {
	qs, _ := quote.FromArticle(news.Article{Text: text})
	out := make([]news.Quote, len(qs))
	for i, q := range qs {
		out[i] = news.Quote(q)
	}
	return out
}

// storyOrStoryline checks the arguments of a command about one story
// (STORY_ID) or one storyline (--storyline ID).
func storyOrStoryline(storyline *string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case *storyline != "" && len(args) > 0:
			return usagef("give a STORY_ID or --storyline, not both")
		case *storyline == "" && len(args) != 1:
			return usagef("want one STORY_ID (or --storyline ID)")
		}
		return nil
	}
}

// compare opens the database and the outlet registry (--outlets path) and
// compares the storyline given or the story args names.
func (a *app) compare(ctx context.Context, path, storyline string, args []string) (compare.Comparison, error) {
	reg, err := outletRegistry(path)
	if err != nil {
		return compare.Comparison{}, err
	}
	db, err := a.openStore(ctx)
	if err != nil {
		return compare.Comparison{}, err
	}
	defer db.Close()
	return comparison(ctx, engine.NewComparer(db, reg, a.log), storyline, args)
}

// comparison compares the storyline given or the story args names, with
// the same messages for unknown IDs as before the engine made them.
func comparison(ctx context.Context, c *engine.Comparer, storyline string, args []string) (compare.Comparison, error) {
	if storyline != "" {
		cmp, err := c.CompareStoryline(ctx, storyline)
		if errors.Is(err, store.ErrNotFound) {
			return cmp, fmt.Errorf("storyline %s: not found (see parallax storylines)", storyline)
		}
		return cmp, err
	}
	cmp, err := c.CompareStory(ctx, args[0])
	if errors.Is(err, store.ErrNotFound) {
		return cmp, fmt.Errorf("story %s: not found (see parallax stories)", args[0])
	}
	return cmp, err
}

// printComparison writes the comparison as tables with one column per
// outlet.
func printComparison(w io.Writer, c compare.Comparison, top int) error {
	if top <= 0 {
		top = 6
	}
	const colWidth = 22
	head := func(title string) { fmt.Fprintf(w, "\n%s\n", title) }
	fmt.Fprintf(w, "%s %s: %s\n", c.Scope, c.StoryID, clip(c.Title, 90))
	fmt.Fprintf(w, "%d articles from %d outlets\n", c.Articles, len(c.Outlets))

	head("COVERAGE")
	err := tabulate(w, "OUTLET\tKIND\tCOUNTRY\tFIRST REPORTED\tARTICLES\tVIA", c.Coverage.Outlets, func(w io.Writer, o compare.OutletCoverage) {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\t%s\n", o.Name, o.Kind, dash(o.Country), formatDate(o.FirstReported, false), len(o.ArticleIDs), dash(strings.Join(o.Via, ", ")))
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "kinds: %s; missing: %s\n", list(c.Coverage.Kinds), list(c.Coverage.MissingKinds))
	fmt.Fprintf(w, "countries: %s; missing: %s\n", list(c.Coverage.Countries), list(c.Coverage.MissingCountries))
	if c.Coverage.Blindspot {
		fmt.Fprintf(w, "BLINDSPOT: %s\n", c.Coverage.BlindspotReason)
	}

	cols := c.Outlets
	row := func(tw *tabwriter.Writer, label string, cells []string) {
		fmt.Fprint(tw, label)
		for _, s := range cells {
			fmt.Fprint(tw, "\t", clip(s, colWidth))
		}
		fmt.Fprintln(tw)
	}
	header := func(tw *tabwriter.Writer, label string) {
		row(tw, label, cols)
	}
	// ranked prints rows 1 to top of the outlets' rankings, cell(i, r)
	// being outlet i's entry of rank r (false when it has none), up to the
	// first rank no outlet has.
	ranked := func(tw *tabwriter.Writer, outlets int, cell func(i, r int) (string, bool)) {
		for r := 0; r < top; r++ {
			cells, any := make([]string, len(cols)), false
			for i := 0; i < outlets; i++ {
				if s, ok := cell(i, r); ok {
					cells[i] = s
					any = true
				}
			}
			if !any {
				break
			}
			row(tw, fmt.Sprint(r+1), cells)
		}
	}

	head("VOICES (quotes by speaker: count, share)")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	header(tw, "")
	totals := make([]string, len(cols))
	for i, v := range c.Voices {
		totals[i] = fmt.Sprintf("%d quotes", v.Quotes)
	}
	row(tw, "", totals)
	ranked(tw, len(c.Voices), func(i, r int) (string, bool) {
		if r >= len(c.Voices[i].Speakers) {
			return "", false
		}
		s := c.Voices[i].Speakers[r]
		return fmt.Sprintf("%s %d (%.0f%%)", shortName(s.Speaker), s.Count, 100*s.Share), true
	})
	if err := tw.Flush(); err != nil {
		return err
	}

	head("WORDING (distinctive terms, log-odds z-score)")
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	header(tw, "")
	ranked(tw, len(c.Wording), func(i, r int) (string, bool) {
		if r >= len(c.Wording[i].Terms) {
			return "", false
		}
		t := c.Wording[i].Terms[r]
		return fmt.Sprintf("%s %.1f", t.Term, t.Z), true
	})
	if err := tw.Flush(); err != nil {
		return err
	}

	head("NAMING (own words; quoted in brackets)")
	if len(c.Naming) == 0 {
		fmt.Fprintln(w, "none of the known variants used")
	} else {
		tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		header(tw, "")
		index := map[string]int{}
		for i, o := range cols {
			index[o] = i
		}
		for _, n := range c.Naming {
			for f, form := range n.Forms {
				cells := make([]string, len(cols))
				for _, no := range n.Outlets {
					if no.Counts[f] > 0 || no.Quoted[f] > 0 {
						cells[index[no.Outlet]] = fmt.Sprintf("%d [%d]", no.Counts[f], no.Quoted[f])
					}
				}
				label := form
				if f == 0 && n.Split {
					label += " (split)"
				}
				row(tw, label, cells)
			}
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}

	head("DISAGREEMENTS")
	if len(c.Disagreements) == 0 {
		fmt.Fprintln(w, "none found")
	}
	for _, d := range c.Disagreements {
		fmt.Fprintf(w, "[%s] %s (score %.2f)\n", d.Kind, d.About, d.Score)
		fmt.Fprintf(w, "  %s (%s): %s\n", d.A.Outlet, d.A.Value, clip(d.A.Sentence, 300))
		fmt.Fprintf(w, "  %s (%s): %s\n", d.B.Outlet, d.B.Value, clip(d.B.Sentence, 300))
	}
	return nil
}

func list(xs []string) string {
	if len(xs) == 0 {
		return "none"
	}
	return strings.Join(xs, ", ")
}

// shortName keeps a speaker's last word when the full name is long.
func shortName(s string) string {
	if len([]rune(s)) <= 14 {
		return s
	}
	f := strings.Fields(s)
	return f[len(f)-1]
}
