package sharedtest

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Seed is one of the five founding articles in corpus/seeds, with the
// publication date corpus/seeds-dates.tsv gives it (the seeds themselves
// carry no metadata).
type Seed struct {
	File      string    // file name, e.g. "000_770eb5dd6f5eb60c.txt"
	Path      string    // absolute path of the file
	Published time.Time // UTC midnight of the listed date
}

// Text returns the seed's text as stored in the shared folder.
func (s Seed) Text(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(s.Path)
	if err != nil {
		tb.Fatalf("read seed: %v", err)
	}
	return string(b)
}

// Seeds reads corpus/seeds-dates.tsv (columns file, published, basis; a
// header line) and returns the seeds in the order it lists them. A
// malformed line fails the test.
func Seeds(tb testing.TB) []Seed {
	tb.Helper()
	dir := Dir(tb, "corpus", "seeds")
	f, err := os.Open(Dir(tb, "corpus", "seeds-dates.tsv"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []Seed
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		cols := strings.Split(sc.Text(), "\t")
		if line == 1 && cols[0] == "file" || strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		if len(cols) < 2 {
			tb.Fatalf("seeds-dates.tsv line %d: want file<TAB>date", line)
		}
		pub, err := time.Parse(time.DateOnly, cols[1])
		if err != nil {
			tb.Fatalf("seeds-dates.tsv line %d: %v", line, err)
		}
		out = append(out, Seed{File: cols[0], Path: filepath.Join(dir, cols[0]), Published: pub})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// SeedDates returns the seeds' publication dates by file name, the map
// `ingest --dates` builds from the same file.
func SeedDates(tb testing.TB) map[string]time.Time {
	tb.Helper()
	out := map[string]time.Time{}
	for _, s := range Seeds(tb) {
		out[s.File] = s.Published
	}
	return out
}
