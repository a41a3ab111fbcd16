package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/store"
)

func (a *app) articlesCmd() *cobra.Command {
	var (
		q      store.ArticleQuery
		since  string
		until  string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "articles",
		Short: "List stored articles, newest first",
		Example: `  parallax articles
  parallax articles --outlet RT --json | jq .title`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if q.Since, err = optDate("--since", since); err != nil {
				return err
			}
			if q.Until, err = optDate("--until", until); err != nil {
				return err
			}
			return listRun(a, &asJSON, func(ctx context.Context, db database) ([]news.Article, error) { return db.Articles(ctx, q) },
				func(w io.Writer, list []news.Article) error {
					return tabulate(w, "ID\tPUBLISHED\tOUTLET\tTITLE", list, func(w io.Writer, art news.Article) {
						fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", art.ID, formatDate(art.Published, art.PublishedEstimated),
							clip(creditName(art), 24), clip(titleOf(art), 70))
					})
				})(cmd, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&q.Outlet, "outlet", "", "only articles from this outlet (or origin outlet)")
	f.StringVar(&since, "since", "", "only articles published on or after this date")
	f.StringVar(&until, "until", "", "only articles published before this date")
	listFlags(cmd, &q.Limit, 50, &q.Offset, &asJSON)
	return cmd
}

func optDate(flag, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := extract.ParseDate(s)
	if err != nil {
		return time.Time{}, usagef("%s %q: %v", flag, s, err)
	}
	return t, nil
}

func (a *app) showCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show one stored article: metadata, clean text and removed debris",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := a.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			art, err := db.Article(cmd.Context(), args[0])
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("no article with ID %q", args[0])
			}
			if err != nil {
				return err
			}
			if asJSON {
				return newJSONLines(a.stdout).write(art)
			}
			printArticle(a, art)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	return cmd
}

func printArticle(a *app, art news.Article) {
	w := a.stdout
	fmt.Fprintf(w, "%s\n%s\n\n", titleOf(art), strings.Repeat("=", min(len([]rune(titleOf(art))), 78)))
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(w, "%-13s %s\n", k+":", v)
		}
	}
	field("ID", art.ID)
	field("Outlet", art.Outlet)
	field("Origin", art.OriginOutlet)
	field("Republisher", art.Republisher)
	pub := formatDate(art.Published, false)
	if art.PublishedEstimated {
		pub += " (estimated from the text)"
	}
	field("Published", pub)
	field("Language", art.Language)
	field("Author", art.Author)
	field("URL", art.URL)
	field("Source", art.Source)
	fmt.Fprintln(w)
	for _, p := range news.Paragraphs(art.Text) {
		fmt.Fprintf(w, "%s\n\n", p)
	}
	if len(art.Removed) > 0 {
		fmt.Fprintf(w, "Removed by cleaning (%d):\n", len(art.Removed))
		for _, r := range art.Removed {
			fmt.Fprintf(w, "  - %s\n", clip(r, 120))
		}
	}
}

func (a *app) searchCmd() *cobra.Command {
	var (
		limit  int
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Full-text search over titles and texts, best match first",
		Long: `Search finds articles containing all the words of QUERY (any order);
"double quotes" make a phrase. With --json each line is
{"article": {...}, "snippet": "...", "score": ...}.`,
		Example: `  parallax search Ushakov
  parallax search '"security guarantees" Rubio' --json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := a.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			hits, err := db.Search(cmd.Context(), strings.Join(args, " "), limit)
			if err != nil {
				return err
			}
			if asJSON {
				return writeLines(a.stdout, hits)
			}
			if len(hits) == 0 {
				fmt.Fprintln(a.stdout, "no matches")
				return nil
			}
			for _, h := range hits {
				fmt.Fprintf(a.stdout, "%s  %s  %s\n    %s\n", h.Article.ID, formatDate(h.Article.Published, h.Article.PublishedEstimated),
					clip(creditName(h.Article)+": "+titleOf(h.Article), 90), strings.Join(strings.Fields(h.Snippet), " "))
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&limit, "limit", 20, "at most this many hits")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines")
	return cmd
}

// titleOf returns the article's title, or its first sentence when it has
// none: news.DisplayTitle, the one the pages and feeds show too.
func titleOf(a news.Article) string { return news.DisplayTitle(a) }

// clip shortens s to at most n runes, marking the cut with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// creditName is the outlet an article is listed under, as the web pages
// and the coverage columns name it: the registry's name of its origin
// outlet when it was republished, else of the outlet it was read from
// ("www.rt.com" is RT, "AP" is Associated Press).
func creditName(a news.Article) string {
	if a.OriginOutlet != "" {
		return outlet.Name(a.OriginOutlet)
	}
	return outlet.Name(a.Outlet)
}
