package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"

	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/reuters"
)

// Format is the markup of a raw document body.
type Format int

// Formats of a raw document body.
const (
	FormatText Format = iota + 1
	FormatHTML
)

// Doc is one raw document read from an input, before cleaning.
type Doc struct {
	Name      string // names the document in messages: path, path:line, URL
	Format    Format
	Body      []byte
	URL       string // page URL when known
	Title     string // given title (JSON Lines, Reuters), empty when none
	Outlet    string // given outlet, empty when none
	Published string // given date as written, parsed later; empty when none
	// Author is the given author field (news-please "authors", tidied by
	// extract.Authors: names joined by ", "), empty when none.
	Author string
}

// Page is a fetched article page.
type Page struct {
	Body        []byte
	URL         string // final URL after redirects
	ContentType string
}

// Fetcher fetches article pages. Implementations enforce size limits,
// timeouts and the private-address policy.
type Fetcher interface {
	FetchPage(ctx context.Context, url string) (Page, error)
}

// DefaultMaxBytes is the default size limit of one article: a file, a JSON
// line, or a decompressed page.
const DefaultMaxBytes = 32 << 20

// ErrTooLarge marks an input over the size limit.
var ErrTooLarge = errors.New("too large")

// Reader reads inputs into raw documents.
type Reader struct {
	// Fetcher fetches URL inputs; nil refuses them.
	Fetcher Fetcher
	// MaxBytes limits one article (file, JSON line, decompressed page);
	// <= 0 means DefaultMaxBytes.
	MaxBytes int64
}

func (r *Reader) maxBytes() int64 {
	if r.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return r.MaxBytes
}

// Read reads one input. It calls emit for each document (stopping if emit
// returns an error) and fail for each problem confined to one document of a
// multi-document input, such as a broken JSON line; the rest of the input is
// still read. It returns an error, naming the input, when the input as a
// whole cannot be read.
func (r *Reader) Read(ctx context.Context, in Input, emit func(Doc) error, fail func(error)) error {
	switch in.Kind {
	case KindURL:
		return r.readURL(ctx, in, emit)
	case KindJSONL:
		return r.readJSONL(in, emit, fail)
	case KindReuters:
		return r.readReuters(in, emit, fail)
	case KindNewsPlease:
		body, err := r.readFile(in.Name)
		if err != nil {
			return err
		}
		d, err := ParseNewsPlease(body, in.Name)
		if err != nil {
			return fmt.Errorf("read %s: %w", in.Name, err)
		}
		return emit(d)
	case KindFeed:
		return r.readFeed(in, emit)
	case KindText, KindHTML:
		body, err := r.readFile(in.Name)
		if err != nil {
			return err
		}
		f := FormatText
		if in.Kind == KindHTML {
			f = FormatHTML
		}
		return emit(Doc{Name: in.Name, Format: f, Body: body})
	}
	return fmt.Errorf("read %s: %w", in.Name, ErrUnsupported)
}

// readFile reads a whole file, gunzipping .gz files, within the size limit.
func (r *Reader) readFile(path string) ([]byte, error) {
	f, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var src io.Reader = f
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("read %s: gzip: %w", path, err)
		}
		defer zr.Close()
		src = zr
	}
	body, err := readLimited(src, r.maxBytes())
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return body, nil
}

// ErrNotRegular marks an input named directly that is not a regular file:
// a FIFO, a device or a socket, which could block for ever or never end.
var ErrNotRegular = errors.New("not a regular file")

// openRegular opens path for reading if it is a regular file (after
// symbolic links), else fails with ErrNotRegular naming it. It opens
// without blocking, so that a FIFO with no writer is refused, not waited
// on, and checks the open file, so that the file checked is the one read.
func openRegular(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("read %s: %w (%s)", path, ErrNotRegular, fileType(st.Mode()))
	}
	return f, nil
}

// fileType names the type of a file that is not regular, for messages.
func fileType(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.String()
}

// readLimited reads all of src, failing with ErrTooLarge past max bytes.
func readLimited(src io.Reader, max int64) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(src, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > max {
		return nil, fmt.Errorf("%w: over %d bytes", ErrTooLarge, max)
	}
	return body, nil
}

func (r *Reader) readURL(ctx context.Context, in Input, emit func(Doc) error) error {
	if r.Fetcher == nil {
		return fmt.Errorf("fetch %s: no fetcher configured", fetch.Redact(in.Name))
	}
	name := fetch.Redact(in.Name)
	page, err := r.Fetcher.FetchPage(ctx, in.Name)
	if err != nil {
		if strings.Contains(err.Error(), name) {
			return err // the fetcher's error names the URL already
		}
		return fmt.Errorf("fetch %s: %w", name, err)
	}
	f := FormatHTML
	ct := strings.ToLower(page.ContentType)
	if strings.HasPrefix(ct, "text/plain") {
		f = FormatText
	}
	u := page.URL
	if u == "" {
		u = in.Name
	}
	return emit(Doc{Name: name, Format: f, Body: page.Body, URL: fetch.Redact(u)})
}

// utf8BOM is the byte order mark some editors and exporters put at the
// start of a UTF-8 file; JSON does not allow it, so it is dropped from the
// first line.
var utf8BOM = []byte("\xef\xbb\xbf")

// Record is one line of a JSON Lines input.
type Record struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	Published string `json:"published"`
	Outlet    string `json:"outlet"`
}

// ParseRecord decodes one JSON line into a document named name.
func ParseRecord(line []byte, name string) (Doc, error) {
	var rec Record
	if err := json.Unmarshal(line, &rec); err != nil {
		return Doc{}, fmt.Errorf("invalid JSON: %w", err)
	}
	d := Doc{Name: name, URL: rec.URL, Title: rec.Title, Outlet: rec.Outlet, Published: rec.Published}
	switch {
	case strings.TrimSpace(rec.HTML) != "":
		d.Format, d.Body = FormatHTML, []byte(rec.HTML)
	case strings.TrimSpace(rec.Text) != "":
		d.Format, d.Body = FormatText, []byte(rec.Text)
	default:
		return Doc{}, errors.New(`neither "text" nor "html" is set`)
	}
	return d, nil
}

func (r *Reader) readJSONL(in Input, emit func(Doc) error, fail func(error)) error {
	f, err := openRegular(in.Name)
	if err != nil {
		return err
	}
	defer f.Close()
	var src io.Reader = f
	if strings.HasSuffix(strings.ToLower(in.Name), ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return fmt.Errorf("read %s: gzip: %w", in.Name, err)
		}
		defer zr.Close()
		src = zr
	}
	return scanLines(src, r.maxBytes(), func(n int, line []byte, lineErr error) error {
		name := fmt.Sprintf("%s:%d", in.Name, n)
		if lineErr != nil {
			fail(fmt.Errorf("read %s: %w", name, lineErr))
			return nil
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, utf8BOM)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			return nil
		}
		d, err := ParseRecord(line, name)
		if err != nil {
			fail(fmt.Errorf("read %s: %w", name, err))
			return nil
		}
		return emit(d)
	}, in.Name)
}

// scanLines calls fn for each line of src (numbered from 1). A line longer
// than max is skipped and reported to fn as an ErrTooLarge error. fn's error
// stops the scan.
func scanLines(src io.Reader, max int64, fn func(n int, line []byte, err error) error, name string) error {
	br := bufio.NewReaderSize(src, 64<<10)
	var buf []byte
	n := 0
	over := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !over {
			if int64(len(buf)+len(chunk)) > max {
				over, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if len(buf) > 0 || over || err == nil {
			n++
			var ferr error
			if over {
				ferr = fn(n, nil, fmt.Errorf("line %w: over %d bytes", ErrTooLarge, max))
			} else {
				ferr = fn(n, bytes.TrimRight(buf, "\r\n"), nil)
			}
			if ferr != nil {
				return ferr
			}
		}
		buf, over = buf[:0], false
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read %s: line %d: %w", name, n+1, err)
		}
	}
}

// readReuters streams the records of a Reuters SGML file, one in memory at
// a time; a record over the size limit is reported to fail (wrapping
// reuters.ErrTooLarge) and skipped.
func (r *Reader) readReuters(in Input, emit func(Doc) error, fail func(error)) error {
	f, err := openRegular(in.Name)
	if err != nil {
		return err
	}
	defer f.Close()
	var emitErr error
	err = reuters.Scan(f, r.maxBytes(), func(s reuters.Story) error {
		if s.Body == "" {
			return nil
		}
		emitErr = emit(ReutersDoc(in.Name, s))
		return emitErr
	}, func(err error) {
		fail(fmt.Errorf("read %s: %w", in.Name, err))
	})
	if emitErr != nil {
		return emitErr
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", in.Name, err)
	}
	return nil
}

// ReutersDoc turns a Reuters record into a raw document.
func ReutersDoc(file string, s reuters.Story) Doc {
	return Doc{
		Name:      file + "#" + s.ID,
		Format:    FormatText,
		Body:      []byte(s.Text()),
		Title:     s.Title,
		Outlet:    "Reuters",
		Published: s.Date,
	}
}

// newsPlease is the part of a news-please record (the JSON that the
// news-please crawler writes, one article a file) that ingest reads.
type newsPlease struct {
	Title        string `json:"title"`
	Text         string `json:"text"`
	Maintext     string `json:"maintext"`
	Description  string `json:"description"`
	URL          string `json:"url"`
	SourceDomain string `json:"source_domain"`
	DatePublish  string `json:"date_publish"`
	// Authors is a list of names; crawlers put job titles, outlet names
	// and page labels in it too (see extract.Authors).
	Authors authorList `json:"authors"`
}

// authorList reads "authors" as a list of names, a single name, or null;
// any other shape is ignored rather than failing the article.
type authorList []string

func (l *authorList) UnmarshalJSON(b []byte) error {
	var list []string
	if err := json.Unmarshal(b, &list); err == nil {
		*l = list
		return nil
	}
	var one string
	if err := json.Unmarshal(b, &one); err == nil && one != "" {
		*l = []string{one}
	}
	return nil
}

// ParseNewsPlease decodes one news-please JSON article into a document
// named name: the body is "maintext" (or "text", or else "description"),
// the outlet the source domain, the author the names of "authors" that
// read as people or news agencies.
func ParseNewsPlease(data []byte, name string) (Doc, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	var r newsPlease
	if err := json.Unmarshal(data, &r); err != nil {
		return Doc{}, fmt.Errorf("not a news-please article: %w", err)
	}
	body := r.Maintext
	for _, alt := range []string{r.Text, r.Description} {
		if strings.TrimSpace(body) == "" {
			body = alt
		}
	}
	if strings.TrimSpace(body) == "" {
		return Doc{}, errors.New(`not a news-please article: no "maintext", "text" or "description"`)
	}
	published := r.DatePublish
	if published == "None" {
		published = ""
	}
	return Doc{Name: name, Format: FormatText, Body: []byte(body), URL: r.URL, Title: r.Title,
		Outlet: r.SourceDomain, Published: published, Author: extract.Authors(r.Authors)}, nil
}
