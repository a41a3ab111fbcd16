// Package news holds Parallax's domain values: articles and, as later stages
// arrive, the stories, storylines, entities and quotes built from them.
//
// Values here carry no behaviour that needs a database or the network; every
// stage package takes and returns them.
package news

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode"
)

// Article is one cleaned article as Parallax stores and shows it.
//
// The JSON field names are a public interface (CLI --json output, HTTP API):
// keep them stable, add fields freely.
type Article struct {
	// ID is derived from the cleaned text (see ContentID), so ingesting the
	// same article twice yields the same ID and adds nothing.
	ID string `json:"id"`
	// Title is the headline, or empty when none could be found.
	Title string `json:"title"`
	// Outlet is the outlet the article was read from: the site that served it,
	// the feed it came through, or what the user named with --outlet. Like
	// OriginOutlet and Republisher it holds the outlet registry's name
	// (extract.Attribute).
	Outlet string `json:"outlet"`
	// OriginOutlet is the outlet that first published the text: the one the
	// article names ("From The Kyiv Independent", "Reporting by AFP"), else
	// an agency that is its only author, else Outlet; empty only when
	// nothing names an outlet.
	OriginOutlet string `json:"origin_outlet"`
	// Republisher is the outlet that carried another's text (an aggregator,
	// a feed mirror, a paper running a wire story): empty when the origin
	// published it itself, never equal to OriginOutlet.
	Republisher string `json:"republisher"`
	// URL is the canonical URL when known, else the URL the article was read from.
	URL    string `json:"url"`
	Author string `json:"author,omitempty"`
	// Published is the publication time (UTC). Zero when unknown.
	Published time.Time `json:"published"`
	// PublishedEstimated is true when Published was inferred from the text
	// rather than read from metadata or given by the user.
	PublishedEstimated bool `json:"published_estimated"`
	// Language is an ISO 639-1 code ("en"), or empty when unknown.
	Language string `json:"language"`
	// Text is the cleaned body: paragraphs separated by a blank line.
	Text string `json:"text"`
	// Removed lists the debris taken out of the text, in order, so that a
	// reader can see what cleaning dropped.
	Removed []string `json:"removed"`
	// Source names the input the article came from: a file path or URL.
	Source string `json:"source"`
	// IngestedAt is when Parallax stored the article.
	IngestedAt time.Time `json:"ingested_at"`
	// TextSource is TextSummary when Text is only the summary a feed gave
	// for the item, its page not fetched yet (offline, or the site
	// refused); the article keeps its ID when the page's text replaces it.
	// Empty for an article's own text.
	TextSource string `json:"text_source,omitempty"`
}

// TextSummary is the TextSource of an article that holds only its feed
// item's summary.
const TextSummary = "summary"

// ContentID returns the content-derived ID of an article body: the first 16
// hex digits of the SHA-256 of the text with case folded and whitespace and
// punctuation runs collapsed. Two copies that differ only in layout share an ID.
func ContentID(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	space := false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		space = true
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:8])
}

// Paragraphs splits a cleaned text into its paragraphs (blank-line separated),
// trimmed, without empty ones.
func Paragraphs(text string) []string {
	parts := strings.Split(text, "\n\n")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
