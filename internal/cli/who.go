package cli

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

func (a *app) entitiesCmd() *cobra.Command {
	var (
		q      store.EntityQuery
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "entities",
		Short: "List people, organisations, places and countries, most mentioned first",
		Long: `Entities lists who and what the articles mention, with aliases merged across
articles and spellings (Kyiv/Kiev, Zelensky/Zelenskyy, surnames, titles). With
--json each line is an object with id, name, kind, aliases and mentions.`,
		Example: `  parallax entities --kind person
  parallax entities --name kyiv --json`,
		Args: cobra.NoArgs,
		PreRunE: func(*cobra.Command, []string) error {
			if q.Kind != "" && !slices.Contains(entityKinds, q.Kind) {
				return usagef("--kind %q: want one of %s", q.Kind, strings.Join(entityKinds, ", "))
			}
			return nil
		},
		RunE: listRun(a, &asJSON, func(ctx context.Context, db database) ([]news.Entity, error) { return db.Entities(ctx, q) },
			func(w io.Writer, list []news.Entity) error {
				return tabulate(w, "ID\tKIND\tMENTIONS\tNAME\tALIASES", list, func(w io.Writer, e news.Entity) {
					fmt.Fprintf(w, "%s\t%s\t%d\t%s\t%s\n", e.ID, e.Kind, e.Mentions, e.Name, clip(strings.Join(e.Aliases, ", "), 60))
				})
			}),
	}
	f := cmd.Flags()
	f.StringVar(&q.Kind, "kind", "", "only this kind: person, organisation, place, country")
	f.StringVar(&q.Name, "name", "", "only entities whose name or an alias contains this")
	listFlags(cmd, &q.Limit, 100, &q.Offset, &asJSON)
	return cmd
}

// entityKinds are the kinds --kind accepts, as the API's ?kind= does.
var entityKinds = []string{"person", "organisation", "place", "country"}

// quoteCue is the verb the text used ("told", "noted"), "said" when the
// extractor kept none, marked "(indirect)" for reported speech.
func quoteCue(q news.Quote) string {
	cue := strings.TrimSpace(q.Cue)
	if cue == "" {
		cue = "said"
	}
	if !q.Direct {
		cue += " (indirect)"
	}
	return cue
}

func (a *app) quotesCmd() *cobra.Command {
	var (
		q      store.QuoteQuery
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "List who said what: quotes with speaker, article and date",
		Long: `Quotes lists direct quotes and indirect speech found in the articles, newest
first, each with its speaker (resolved through pronouns and titles; "unnamed"
for anonymous sources). With --json each line is an object with article_id,
text, speaker, speaker_id, cue, direct, start and end.`,
		Example: `  parallax quotes --speaker Vance
  parallax quotes --story ST_ID --json`,
		Args: cobra.NoArgs,
		RunE: listRun(a, &asJSON, func(ctx context.Context, db database) ([]news.Quote, error) { return db.Quotes(ctx, q) },
			func(w io.Writer, list []news.Quote) error {
				for _, qu := range list {
					kind := quoteCue(qu)
					speaker := qu.Speaker
					if speaker == "" {
						speaker = "?"
					}
					date := "undated"
					if !qu.Date.IsZero() {
						date = qu.Date.Format("2006-01-02")
					}
					fmt.Fprintf(w, "%s  %s %s [%s]\n    %s\n", date, speaker, kind, qu.ArticleID, clip(qu.Text, 300))
				}
				return nil
			}),
	}
	f := cmd.Flags()
	f.StringVar(&q.Speaker, "speaker", "", "only quotes by a speaker whose name or alias contains this")
	f.StringVar(&q.ArticleID, "article", "", "only quotes from this article")
	f.StringVar(&q.StoryID, "story", "", "only quotes from this story's articles")
	listFlags(cmd, &q.Limit, 100, &q.Offset, &asJSON)
	return cmd
}
