package cluster

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"sort"
	"strings"
)

// writeBackground writes a table in the format readBackground reads, terms
// in byte order so that the file is reproducible.
func writeBackground(w io.Writer, docs int, df map[string]int32, minDF int32) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	keys := make([]string, 0, len(df))
	for k, n := range df {
		if n >= minDF && !strings.ContainsAny(k, "\t\n") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "docs\t%d\n", docs)
	for _, k := range keys {
		fmt.Fprintf(bw, "%s\t%d\n", k, df[k])
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}
