package feed

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"text/tabwriter"
)

// Evaluate is the tests' survey of feed files: no command runs it (the
// feed figures in docs come from `go test ./internal/feed -run
// TestEvaluateSharedFeeds -v`).

// Report is the result of Evaluate: how many feed files parse, and how
// usable their items are.
type Report struct {
	Dir    string `json:"dir"`
	Files  int    `json:"files"`
	Parsed int    `json:"parsed"`
	Failed int    `json:"failed"`
	Items  int    `json:"items"`
	// ItemsWithURL have a canonical link; ItemsWithDate a publication or
	// update time.
	ItemsWithURL  int `json:"items_with_url"`
	ItemsWithDate int `json:"items_with_date"`
	// ItemsFullContent carry the article text; ItemsNeedPage only a
	// summary, so their page is fetched.
	ItemsFullContent int          `json:"items_full_content"`
	ItemsNeedPage    int          `json:"items_need_page"`
	PerFile          []FileReport `json:"per_file"`
}

// FileReport is one file of a Report.
type FileReport struct {
	File        string `json:"file"` // relative to Report.Dir
	Items       int    `json:"items"`
	WithURL     int    `json:"with_url"`
	WithDate    int    `json:"with_date"`
	FullContent int    `json:"full_content"`
	Error       string `json:"error,omitempty"`
}

// Evaluate parses every regular file under dir (for example
// ../shared/corpus/feeds) as a feed and reports what came out. A file that
// does not parse is counted and listed, not fatal. It returns an error only
// if dir cannot be walked or ctx ends.
func Evaluate(ctx context.Context, dir string) (Report, error) {
	rep := Report{Dir: dir}
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && filepath.Ext(path) != ".md" {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return rep, fmt.Errorf("evaluate feeds in %s: %w", dir, err)
	}
	slices.Sort(files)
	for _, path := range files {
		if err := ctx.Err(); err != nil {
			return rep, fmt.Errorf("evaluate feeds in %s: %w", dir, err)
		}
		rel, _ := filepath.Rel(dir, path)
		fr := FileReport{File: filepath.ToSlash(rel)}
		rep.Files++
		f, err := parseFile(path)
		if err != nil {
			fr.Error = err.Error()
			rep.Failed++
			rep.PerFile = append(rep.PerFile, fr)
			continue
		}
		rep.Parsed++
		for _, it := range f.Items {
			fr.Items++
			if it.URL != "" {
				fr.WithURL++
				if it.NeedsPage {
					rep.ItemsNeedPage++
				} else {
					fr.FullContent++
				}
			}
			if !it.Published.IsZero() {
				fr.WithDate++
			}
		}
		rep.Items += fr.Items
		rep.ItemsWithURL += fr.WithURL
		rep.ItemsWithDate += fr.WithDate
		rep.ItemsFullContent += fr.FullContent
		rep.PerFile = append(rep.PerFile, fr)
	}
	return rep, nil
}

func parseFile(path string) (*Feed, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	// The file's name stands in for the URL it would be fetched from.
	return Parse(fh, "file:"+filepath.Base(path))
}

// WriteText writes the report for people: totals, then one line a file.
func (r Report) WriteText(w io.Writer) error {
	pct := func(n, of int) float64 {
		if of == 0 {
			return 0
		}
		return 100 * float64(n) / float64(of)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "feed files in %s: %d, parsed %d, failed %d\n", r.Dir, r.Files, r.Parsed, r.Failed)
	fmt.Fprintf(tw, "items: %d; with link %d (%.1f%%); with date %d (%.1f%%); full content %d, page fetch needed %d\n\n",
		r.Items, r.ItemsWithURL, pct(r.ItemsWithURL, r.Items), r.ItemsWithDate, pct(r.ItemsWithDate, r.Items),
		r.ItemsFullContent, r.ItemsNeedPage)
	fmt.Fprintln(tw, "file\titems\tlinks\tdates\tfull\terror")
	for _, f := range r.PerFile {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\n", f.File, f.Items, f.WithURL, f.WithDate, f.FullContent, f.Error)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write feed report: %w", err)
	}
	return nil
}
