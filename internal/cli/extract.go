package cli

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
)

func (a *app) extractCmd() *cobra.Command {
	var (
		asJSON    bool
		outlet    string
		published string
	)
	cmd := &cobra.Command{
		Use:   "extract [flags] PATH|URL",
		Short: "Clean one page or text file and print it, without storing it",
		Long: `Extract cleans one article (.txt, .html, .htm, .html.gz, or an http(s) URL)
the way ingest would and prints the result: the clean text, or with --json one
object with the article fields (id, title, outlet, origin_outlet, republisher,
url, published, published_estimated, language, text, removed, ...).`,
		Example: `  parallax extract page.html.gz
  parallax extract --json ../shared/corpus/seeds/001_f89702b78f56e684.txt | jq .removed`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			pub, err := optDate("--published", published)
			if err != nil {
				return err
			}
			in, err := extractInput(args[0])
			if err != nil {
				return err
			}
			var doc *ingest.Doc
			r := &ingest.Reader{Fetcher: a.fetcher()}
			err = r.Read(cmd.Context(), in, func(d ingest.Doc) error {
				doc = &d
				return nil
			}, func(error) {})
			if err != nil {
				return err
			}
			if doc == nil {
				return fmt.Errorf("extract %s: nothing to read", args[0])
			}
			art, err := pipeline.Clean(*doc, pipeline.CleanOptions{Outlet: outlet, Published: pub, Logger: a.log})
			if err != nil {
				return err
			}
			if asJSON {
				return newJSONLines(a.stdout).write(art)
			}
			var b bytes.Buffer
			if art.Title != "" {
				fmt.Fprintf(&b, "%s\n\n", art.Title)
			}
			for _, p := range news.Paragraphs(art.Text) {
				fmt.Fprintf(&b, "%s\n\n", p)
			}
			_, err = a.stdout.Write(bytes.TrimRight(b.Bytes(), "\n"))
			fmt.Fprintln(a.stdout)
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object with the article fields")
	cmd.Flags().StringVar(&outlet, "outlet", "", "outlet name to record")
	cmd.Flags().StringVar(&published, "published", "", "publication date to record")
	a.addAllowPrivate(cmd)
	return cmd
}

// extractInput accepts what ingest accepts, except directories and
// multi-article files; unknown extensions are read as text.
func extractInput(arg string) (ingest.Input, error) {
	k, err := ingest.KindOf(arg)
	if err != nil {
		k = ingest.KindText
	}
	switch k {
	case ingest.KindJSONL, ingest.KindReuters:
		return ingest.Input{}, usagef("extract takes one article; use ingest for %s", arg)
	}
	if k != ingest.KindURL && strings.HasSuffix(arg, "/") {
		return ingest.Input{}, usagef("extract takes one file, not a directory: %s", arg)
	}
	return ingest.Input{Name: arg, Kind: k}, nil
}
