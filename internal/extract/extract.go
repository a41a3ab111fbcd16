// Package extract cleans articles. From an HTML page it takes the main text
// and the metadata (title, author, site name, canonical URL, language,
// publication time) with go-trafilatura, whose readability and dom-distiller
// fallbacks stand in when its own pass finds too little. From plain text,
// and again from the extractor's output, it removes the debris that feeds,
// aggregators and page templates wrap around an article, records the outlet
// the text says it comes from, and dates it.
//
// Every removal comes from a rule that can be explained from the shape of
// the text, never from a list of known texts:
// logo lines ("acme logo"), tag soup (one long lowercase token), link lines
// ("Read also: …"), promotions ("Subscribe to …"), feed attributions ("From
// X via this RSS feed", "The post … appeared first on X"), repeated
// headlines, bylines and date lines at the top, and at the end section
// labels ("Comments"), tag lines, bullet link lists, runs of related-article
// headlines, contact lines, copyright and courtesy notices and wire credits
// ("Reporting by AFP"). What is taken out is kept, in order, in
// Result.Removed. Paragraphs glued without a space after the full stop
// ("Sunday.The big picture") are split again. No word is lost: each ends up
// in Title, Text or Removed.
//
// Input limits: DefaultMaxBytes (32 MiB, Options.MaxBytes) for any input,
// gzip included; element nesting is bounded at 256 before parsing; pages of
// more than 15,000 elements or 1 MiB of text skip the extractor, whose time
// grows faster than the page, and take a linear paragraph pass. Invalid UTF-8 is repaired:
// each invalid byte sequence becomes U+FFFD. Input that is not text returns
// ErrBinary; input with nothing left after cleaning, ErrEmpty.
package extract

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// Sentinel errors the ingest pipeline can branch on. Functions in this
// package return them wrapped or bare; test with errors.Is.
var (
	// ErrEmpty means nothing was left after cleaning (or the input was empty).
	ErrEmpty = errors.New("no article text")
	// ErrBinary means the input is not text (NUL bytes, control characters,
	// or a known binary signature).
	ErrBinary = errors.New("input is binary, not text")
	// ErrTooLarge means the input exceeds the size limit (Options.MaxBytes).
	ErrTooLarge = errors.New("input too large")
)

// DefaultMaxBytes is the size limit used when Options.MaxBytes is zero.
const DefaultMaxBytes = 32 << 20

// Result is what cleaning found; the pipeline copies it into news.Article.
type Result struct {
	Title        string `json:"title"`
	Author       string `json:"author,omitempty"`
	SiteName     string `json:"site_name,omitempty"`
	CanonicalURL string `json:"canonical_url,omitempty"`
	// Language is an ISO 639-1 code, or empty when unknown.
	Language string `json:"language"`
	// Published is the publication time in UTC, zero when unknown.
	Published time.Time `json:"published"`
	// PublishedEstimated is true when Published was inferred from dates the
	// text mentions rather than read from metadata.
	PublishedEstimated bool `json:"published_estimated"`
	// Text is the cleaned body, paragraphs separated by "\n\n".
	Text string `json:"text"`
	// Removed lists the debris taken out of the text, in order.
	Removed []string `json:"removed"`
	// OriginOutlet is the outlet the text says it comes from ("From The
	// Kyiv Independent", "Reporting by AFP"), empty when it names none.
	OriginOutlet string `json:"origin_outlet,omitempty"`
	// Republisher is the outlet that republished the text when the text
	// names one that differs from the origin (a feed mirror, an aggregator).
	Republisher string `json:"republisher,omitempty"`
}

// Article returns the cleaned article as a news.Article: ID from the text
// (news.ContentID), URL from the canonical URL. Outlet, Source and
// IngestedAt are the caller's to set.
func (r Result) Article() news.Article {
	removed := r.Removed
	if removed == nil {
		removed = []string{}
	}
	return news.Article{
		ID:                 news.ContentID(r.Text),
		Title:              r.Title,
		OriginOutlet:       r.OriginOutlet,
		Republisher:        r.Republisher,
		URL:                r.CanonicalURL,
		Author:             r.Author,
		Published:          r.Published,
		PublishedEstimated: r.PublishedEstimated,
		Language:           r.Language,
		Text:               r.Text,
		Removed:            removed,
	}
}

// Options tunes FileWith, HTMLWith and TextWith. The zero value is ready to use.
type Options struct {
	// MaxBytes caps the input size (decompressed, for .gz); 0 means
	// DefaultMaxBytes. Larger input returns ErrTooLarge.
	MaxBytes int64
	// PageURL is the address the page was read from; it resolves relative
	// links and is the fallback for CanonicalURL.
	PageURL string
	// Published, when not zero, overrides any date found (--published).
	Published time.Time
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// FileWith cleans one file without storing it: .html, .htm, .xhtml
// (optionally gzip-compressed, .html.gz) are read as pages, anything else
// as plain text, unless its content sniffs as HTML. It returns
// ErrTooLarge, ErrBinary or ErrEmpty (wrapped with the path) for such
// input.
func FileWith(path string, opts Options) (Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return Result{}, fmt.Errorf("extract %s: %w", path, err)
	}
	defer f.Close()
	limit := opts.maxBytes()
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return Result{}, fmt.Errorf("extract %s: is a directory", path)
		}
		if st.Mode().IsRegular() && st.Size() > limit {
			return Result{}, fmt.Errorf("extract %s: %d bytes (limit %d): %w", path, st.Size(), limit, ErrTooLarge)
		}
	}
	var r io.Reader = bufio.NewReader(f)
	name := strings.ToLower(path)
	br := r.(*bufio.Reader)
	if head, _ := br.Peek(2); len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return Result{}, fmt.Errorf("extract %s: gzip: %v: %w", path, err, ErrBinary)
		}
		defer zr.Close()
		r = zr
		name = strings.TrimSuffix(name, ".gz")
	}
	data, err := readLimited(r, limit)
	if err != nil {
		if r != io.Reader(br) && !errors.Is(err, ErrTooLarge) {
			err = fmt.Errorf("%w: %w", ErrBinary, err) // corrupt gzip stream
		}
		return Result{}, fmt.Errorf("extract %s: %w", path, err)
	}
	var res Result
	switch ext := filepath.Ext(name); {
	case ext == ".html" || ext == ".htm" || ext == ".xhtml" || looksHTML(data):
		res, err = htmlBytes(data, opts)
	default:
		res, err = textBytes(data, opts)
	}
	if err != nil {
		return Result{}, fmt.Errorf("extract %s: %w", path, err)
	}
	return res, nil
}

// readLimited reads all of r, or returns ErrTooLarge once more than limit
// bytes arrive.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("more than %d bytes: %w", limit, ErrTooLarge)
	}
	return data, nil
}

// looksHTML reports whether data starts (after whitespace and a BOM) like an
// HTML document.
func looksHTML(data []byte) bool {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.ToLower(bytes.TrimSpace(head))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<?xml version"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return p != "<?xml version" || bytes.Contains(head, []byte("<html"))
		}
	}
	return false
}

// checkBinary returns ErrBinary when data does not look like text: a known
// binary signature, a NUL byte, or many control characters in its first 8 KiB.
func checkBinary[T string | []byte](data T) error {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	for _, sig := range []string{"%PDF-", "PK\x03\x04", "\x89PNG", "GIF8", "\xff\xd8\xff", "\x7fELF", "\x1f\x8b"} {
		if len(head) >= len(sig) && string(head[:len(sig)]) == sig {
			return ErrBinary
		}
	}
	ctrl := 0
	for i := range len(head) {
		b := head[i]
		switch {
		case b == 0:
			return ErrBinary
		case b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != '\v':
			ctrl++
		}
	}
	if len(head) > 0 && ctrl*20 > len(head) {
		return ErrBinary
	}
	return nil
}

// validUTF8 repairs invalid UTF-8 by replacing each bad sequence with U+FFFD.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}
