// Package ingest decides what an input is and reads it into raw documents:
// text and HTML files, JSON Lines files of articles, Reuters SGML files,
// directories of them, and article page URLs. Cleaning happens later, in the
// pipeline; this package only reads.
package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Kind is the kind of an input.
type Kind int

// Kinds of input.
const (
	KindText       Kind = iota + 1 // plain text article (.txt)
	KindHTML                       // HTML page (.html, .htm, optionally .gz)
	KindJSONL                      // JSON Lines of articles (.jsonl, .ndjson)
	KindReuters                    // Reuters-21578 SGML (.sgm)
	KindURL                        // an http(s) article page URL
	KindNewsPlease                 // one article as news-please JSON (.json)
	KindFeed                       // an RSS, Atom or RDF feed file (.rss, .atom, .rdf, .xml)
)

func (k Kind) String() string {
	switch k {
	case KindText:
		return "text"
	case KindHTML:
		return "html"
	case KindJSONL:
		return "jsonl"
	case KindReuters:
		return "reuters"
	case KindURL:
		return "url"
	case KindNewsPlease:
		return "news-please"
	case KindFeed:
		return "feed"
	}
	return "unknown"
}

// Input is one thing to read: a file or a URL.
type Input struct {
	Name string // the path or URL as the user gave it (or as found in a directory)
	Kind Kind
	Size int64 // file size in bytes; 0 for URLs
}

// ErrUnsupported marks a file whose kind cannot be told from its name.
var ErrUnsupported = errors.New("unsupported file type (want .txt, .html, .htm, .html.gz, .jsonl, .ndjson, .json, .sgm, .rss, .atom, .rdf or .xml)")

// KindOf tells an input's kind from its name alone.
func KindOf(name string) (Kind, error) {
	if u, err := url.Parse(name); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		return KindURL, nil
	}
	lower := strings.ToLower(name)
	lower = strings.TrimSuffix(lower, ".gz")
	switch filepath.Ext(lower) {
	case ".txt", ".text":
		return KindText, nil
	case ".html", ".htm", ".xhtml":
		return KindHTML, nil
	case ".jsonl", ".ndjson":
		return KindJSONL, nil
	case ".sgm", ".sgml":
		return KindReuters, nil
	case ".json":
		return KindNewsPlease, nil
	case ".rss", ".atom", ".rdf", ".xml":
		return KindFeed, nil
	}
	return 0, ErrUnsupported
}

// Expand turns command-line arguments into inputs: URLs as they are, files
// by their extension (a FIFO, device or socket named directly is an error
// wrapping ErrNotRegular), directories walked recursively (hidden entries and
// files of unknown type inside directories are skipped, in name order).
// Problems with one argument are returned as errors naming it; the other
// arguments still expand.
func Expand(args []string) ([]Input, []error) {
	var inputs []Input
	var errs []error
	for _, arg := range args {
		if k, err := KindOf(arg); err == nil && k == KindURL {
			inputs = append(inputs, Input{Name: arg, Kind: KindURL})
			continue
		}
		st, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, fmt.Errorf("input %s: %w", arg, err))
			continue
		}
		if !st.IsDir() {
			if !st.Mode().IsRegular() {
				errs = append(errs, fmt.Errorf("input %s: %w (%s)", arg, ErrNotRegular, fileType(st.Mode())))
				continue
			}
			k, err := KindOf(arg)
			if err != nil {
				errs = append(errs, fmt.Errorf("input %s: %w", arg, err))
				continue
			}
			inputs = append(inputs, Input{Name: arg, Kind: k, Size: st.Size()})
			continue
		}
		var found []Input
		walkErr := filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fmt.Errorf("input %s: %w", p, err))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if p != arg && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			k, err := KindOf(p)
			if err != nil {
				return nil // unknown files in a directory are not articles
			}
			if k == KindFeed && filepath.Ext(strings.TrimSuffix(strings.ToLower(p), ".gz")) == ".xml" {
				return nil // any XML file may sit in a folder; name a .xml feed itself to read it
			}
			info, err := os.Stat(p) // follows symbolic links to files
			if err == nil && !info.Mode().IsRegular() {
				return nil
			}
			if err != nil {
				errs = append(errs, fmt.Errorf("input %s: %w", p, err))
				return nil
			}
			found = append(found, Input{Name: p, Kind: k, Size: info.Size()})
			return nil
		})
		if walkErr != nil {
			errs = append(errs, fmt.Errorf("input %s: %w", arg, walkErr))
		}
		sort.Slice(found, func(i, j int) bool { return found[i].Name < found[j].Name })
		inputs = append(inputs, found...)
	}
	return inputs, errs
}
