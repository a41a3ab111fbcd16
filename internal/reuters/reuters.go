// Package reuters reads the Reuters-21578 collection (SGML files of
// <REUTERS> records), used for throughput and memory benchmarks at scale.
package reuters

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
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

// ErrTooLarge marks a record over Scan's size limit.
var ErrTooLarge = errors.New("record too large")

var (
	recordOpen = []byte("<REUTERS")
	recordEnd  = []byte("</REUTERS>")
)

// Scan reads the records of one SGML file one at a time, calling fn for
// each (fn's error stops the scan and is returned), holding no more than
// one record in memory. A record longer than limit bytes (<= 0: no limit)
// is skipped and reported to tooLarge (when not nil) with an error wrapping
// ErrTooLarge that gives its position; the records after it are still
// read. Text outside records and an unclosed record at the end are
// ignored. It returns an error only when fn fails or r does.
func Scan(r io.Reader, limit int64, fn func(Story) error, tooLarge func(error)) error {
	const chunk = 64 << 10
	var (
		buf     []byte
		readErr error
		inRec   bool  // buf starts with recordOpen
		skip    bool  // inside a record over limit, being dropped
		scanned int   // bytes of buf already searched for recordEnd
		offset  int64 // input offset of buf[0]
		n       int   // records seen, for messages
	)
	for {
		progressed := true
		for progressed {
			progressed = false
			switch {
			case skip:
				if j := bytes.Index(buf, recordEnd); j >= 0 {
					drop := j + len(recordEnd)
					buf, offset, skip = buf[drop:], offset+int64(drop), false
					progressed = true
				} else if keep := len(recordEnd) - 1; len(buf) > keep {
					offset += int64(len(buf) - keep)
					buf = append(buf[:0], buf[len(buf)-keep:]...)
				}
			case !inRec:
				if i := bytes.Index(buf, recordOpen); i >= 0 {
					buf, offset, inRec, scanned = buf[i:], offset+int64(i), true, 0
					progressed = true
				} else if keep := len(recordOpen) - 1; len(buf) > keep {
					offset += int64(len(buf) - keep)
					buf = append(buf[:0], buf[len(buf)-keep:]...)
				}
			default:
				from := max(scanned-len(recordEnd)+1, 0)
				j := bytes.Index(buf[from:], recordEnd)
				if j >= 0 {
					j += from
					n++
					if limit > 0 && int64(j+len(recordEnd)) > limit {
						if tooLarge != nil {
							tooLarge(fmt.Errorf("record %d at byte %d: %w: over %d bytes", n, offset, ErrTooLarge, limit))
						}
					} else if err := fn(parseRecord(buf[len(recordOpen):j])); err != nil {
						return err
					}
					drop := j + len(recordEnd)
					buf, offset, inRec = buf[drop:], offset+int64(drop), false
					progressed = true
					continue
				}
				scanned = len(buf)
				if limit > 0 && int64(len(buf)) > limit {
					n++
					if tooLarge != nil {
						tooLarge(fmt.Errorf("record %d at byte %d: %w: over %d bytes", n, offset, ErrTooLarge, limit))
					}
					// Keep the tail, which may hold the start of the end tag.
					keep := len(recordEnd) - 1
					offset += int64(len(buf) - keep)
					buf = append(buf[:0], buf[len(buf)-keep:]...)
					inRec, skip = false, true
					progressed = true
				}
			}
		}
		if readErr != nil {
			if readErr == io.EOF {
				return nil
			}
			return readErr
		}
		// Compact, then read the next chunk.
		if cap(buf)-len(buf) < chunk {
			grown := make([]byte, len(buf), 2*len(buf)+chunk)
			copy(grown, buf)
			buf = grown
		}
		m, err := r.Read(buf[len(buf) : len(buf)+chunk])
		buf = buf[:len(buf)+m]
		readErr = err
	}
}

// parseRecord reads one record: what follows "<REUTERS" up to its end
// tag, the attributes first.
func parseRecord(data []byte) Story {
	var s Story
	gt := bytes.IndexByte(data, '>')
	if gt < 0 {
		return s
	}
	attrs, rec := data[:gt], data[gt+1:]
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
	return s
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
