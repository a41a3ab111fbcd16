package timeline

import (
	"strings"
	"time"
	"unicode"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sentence"
)

// inQuote reports whether byte offset off of text stands inside quotation
// marks opened in its paragraph (the text since the last line break): a
// quote may run over several sentences ("The talks lasted five hours. We
// meet again tomorrow," he wrote on Sunday).
func inQuote(text string, off int) bool {
	start := strings.LastIndexByte(text[:off], '\n') + 1
	open := false
	german := false // opened by „, closed by “
	for _, r := range text[start:off] {
		switch r {
		case '"':
			open = !open
		case '«', '„':
			open, german = true, r == '„'
		case '»', '”':
			open = false
		case '“':
			if open && german {
				open = false
			} else {
				open, german = true, false
			}
		}
	}
	return open
}

// reanchorQuoted dates a word like "tomorrow" or "завтра" inside a quote
// by the day the quote was said, when the sentence gives that day outside
// the quote ("…we meet again tomorrow", he wrote late on Sunday, 14
// December): the analysis resolved it against the publication day, which
// may be a day later. Expressions with digits ("2 June") are left as they
// are, and so is a quote whose saying the sentence does not date.
func reanchorQuoted(d *Doc, i int, sp sentence.Span) (news.Timex, bool) {
	tx := d.Timexes[i]
	text := d.Article.Text
	pub := d.Article.Published
	if pub.IsZero() || strings.IndexFunc(tx.Text, unicode.IsDigit) >= 0 || !inQuote(text, tx.Start) {
		return tx, false
	}
	own, ok := dayValue(tx)
	if !ok {
		return tx, false
	}
	pubDay := time.Date(pub.Year(), pub.Month(), pub.Day(), 0, 0, 0, 0, time.UTC)
	shift := own.Sub(pubDay)
	if shift < -7*24*time.Hour || shift > 7*24*time.Hour {
		return tx, false
	}
	for k, o := range d.Timexes {
		if k == i || o.Start < sp.Start || o.End > sp.End || o.Start < 0 || o.End > len(text) || !o.Resolved || inQuote(text, o.Start) {
			continue
		}
		said, ok := dayValue(o)
		if !ok || said.Equal(pubDay) {
			continue
		}
		day := said.Add(shift).Format("2006-01-02")
		tx.Value = day + tx.Value[10:]
		return tx, true
	}
	return tx, false
}

// dayValue is the day a DATE or TIME expression names, when it names one.
func dayValue(tx news.Timex) (time.Time, bool) {
	if tx.Type != "DATE" && tx.Type != "TIME" || !tx.Resolved || len(tx.Value) < 10 {
		return time.Time{}, false
	}
	if len(tx.Value) > 10 && tx.Value[10] != 'T' {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", tx.Value[:10])
	return t, err == nil
}
