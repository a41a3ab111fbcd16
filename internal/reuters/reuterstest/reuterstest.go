// Package reuterstest reads the Reuters-21578 collection whole, for tests
// and benchmarks (the commands stream it record by record with
// reuters.Scan).
package reuterstest

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/parallax-news/parallax/internal/reuters"
)

// File reads every record of one Reuters-21578 SGML file.
func File(r io.Reader) ([]reuters.Story, error) {
	var out []reuters.Story
	err := reuters.Scan(r, 0, func(s reuters.Story) error {
		out = append(out, s)
		return nil
	}, nil)
	return out, err
}

// Dir reads every *.sgm file in dir (the shared corpus's
// reuters21578), in numeric file order, for tests and benchmarks.
func Dir(dir string) ([]reuters.Story, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.sgm"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("read reuters %s: no .sgm files", dir)
	}
	sort.Slice(files, func(i, j int) bool {
		a, b := filepath.Base(files[i]), filepath.Base(files[j])
		if len(a) != len(b) {
			return len(a) < len(b)
		}
		return a < b
	})
	var out []reuters.Story
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, fmt.Errorf("read reuters: %w", err)
		}
		stories, err := File(fh)
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("read reuters %s: %w", f, err)
		}
		out = append(out, stories...)
	}
	return out, nil
}
