package cluster

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// background.tsv.gz holds document frequencies of clustering terms (stemmed
// words and "\x00"-prefixed names, as Analyzer.Prepare keys them) over the
// 19,043 Reuters-21578 wire stories that have a body, terms seen in at least
// three stories only: about 15,000 terms, 70 KB compressed. It is statistics,
// not text. It is regenerated from ../shared/corpus/reuters21578 with
//
//	go test ./internal/cluster -run TestGenerateBackground -background
//
// and lets a young corpus tell common news words ("said", "talks",
// "officials") from rare ones before it has seen enough articles to learn
// that itself: five articles on one subject share most of their words, and
// IDF learned from five alone makes them all look alike. The prior weighs
// as PriorDocs pseudo-articles, so it fades as the corpus grows.
//
//go:embed background.tsv.gz
var backgroundGz []byte

type backgroundDF struct {
	docs int
	df   map[string]int32
}

var (
	bgOnce sync.Once
	bg     backgroundDF
	bgErr  error
)

// background returns the embedded document-frequency table.
func background() (backgroundDF, error) {
	bgOnce.Do(func() { bg, bgErr = readBackground(bytes.NewReader(backgroundGz)) })
	return bg, bgErr
}

// readBackground parses a gzipped table: a first line "docs<TAB>N", then
// "term<TAB>df" lines.
func readBackground(r io.Reader) (backgroundDF, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return backgroundDF{}, fmt.Errorf("read background df: %w", err)
	}
	defer zr.Close()
	out := backgroundDF{df: make(map[string]int32, 16384)}
	sc := bufio.NewScanner(zr)
	line := 0
	for sc.Scan() {
		line++
		k, v, ok := strings.Cut(sc.Text(), "\t")
		n, err := strconv.Atoi(v)
		if !ok || err != nil || n < 0 {
			return backgroundDF{}, fmt.Errorf("read background df: line %d: want term<TAB>count", line)
		}
		if line == 1 {
			if k != "docs" || n == 0 {
				return backgroundDF{}, fmt.Errorf("read background df: line 1: want docs<TAB>N")
			}
			out.docs = n
			continue
		}
		out.df[k] = int32(n)
	}
	if err := sc.Err(); err != nil {
		return backgroundDF{}, fmt.Errorf("read background df: %w", err)
	}
	if out.docs == 0 {
		return backgroundDF{}, fmt.Errorf("read background df: empty table")
	}
	return out, nil
}

// share returns the smoothed share of background documents holding key.
func (b backgroundDF) share(key string) float32 {
	if b.docs == 0 {
		return 0
	}
	return (float32(b.df[key]) + 0.5) / float32(b.docs+1)
}
