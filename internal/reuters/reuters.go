// Package reuters reads the Reuters-21578 collection (SGML files of
// <REUTERS> records), used for throughput and memory benchmarks at scale.
package reuters

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Story is one Reuters record.
type Story struct {
	ID       string // NEWID attribute
	Date     string // as written, e.g. "26-FEB-1987 15:01:01.79"
	Title    string
	Dateline string
	Body     string
	Topics   []string
	Places   []string
}

var (
	newIDRe = regexp.MustCompile(`NEWID="(\d+)"`)
	dRe     = regexp.MustCompile(`(?s)<D>(.*?)</D>`)
	ctrlRe  = regexp.MustCompile(`&#\d+;`)
)

func field(rec []byte, tag string) string {
	open := []byte("<" + tag + ">")
	i := bytes.Index(rec, open)
	if i < 0 {
		return ""
	}
	rest := rec[i+len(open):]
	j := bytes.Index(rest, []byte("</"+tag+">"))
	if j < 0 {
		return ""
	}
	return string(rest[:j])
}

func clean(s string) string {
	s = ctrlRe.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	return strings.TrimSpace(s)
}

func list(rec []byte, tag string) []string {
	var out []string
	for _, m := range dRe.FindAllStringSubmatch(field(rec, tag), -1) {
		out = append(out, clean(m[1]))
	}
	return out
}

// Parse reads all records from one SGML file.
func Parse(r io.Reader) ([]Story, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var out []Story
	open, end := []byte("<REUTERS"), []byte("</REUTERS>")
	for {
		i := bytes.Index(data, open)
		if i < 0 {
			break
		}
		data = data[i+len(open):]
		gt := bytes.IndexByte(data, '>')
		if gt < 0 {
			break
		}
		attrs := data[:gt]
		data = data[gt+1:]
		j := bytes.Index(data, end)
		if j < 0 {
			break
		}
		rec := data[:j]
		data = data[j+len(end):]
		var s Story
		if id := newIDRe.FindSubmatch(attrs); id != nil {
			s.ID = string(id[1])
		}
		s.Date = clean(field(rec, "DATE"))
		s.Title = clean(field(rec, "TITLE"))
		s.Dateline = clean(field(rec, "DATELINE"))
		body := clean(field(rec, "BODY"))
		body = strings.TrimSuffix(body, "Reuter")
		s.Body = strings.TrimSpace(body)
		s.Topics = list(rec, "TOPICS")
		s.Places = list(rec, "PLACES")
		out = append(out, s)
	}
	return out, nil
}

// Text returns the story body as paragraphs separated by blank lines: the
// wire format starts each paragraph with an indent and wraps lines at ~65
// columns.
func (s Story) Text() string {
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(s.Body, "\n") {
		if strings.HasPrefix(line, "    ") || strings.TrimSpace(line) == "" {
			flush()
		}
		if t := strings.TrimSpace(line); t != "" {
			cur = append(cur, t)
		}
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// ReadDir reads every *.sgm file in dir, in numeric file order.
func ReadDir(dir string) ([]Story, error) {
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
	var out []Story
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, fmt.Errorf("read reuters: %w", err)
		}
		stories, err := Parse(fh)
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("read reuters %s: %w", f, err)
		}
		out = append(out, stories...)
	}
	return out, nil
}
