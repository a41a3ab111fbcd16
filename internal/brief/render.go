package brief

import (
	"bufio"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/timeline"
)

// Formats are the names Write accepts.
var Formats = []string{"md", "html", "json"}

// Write renders the briefing in format "md", "html" or "json".
func (b Briefing) Write(w io.Writer, format string) error {
	switch format {
	case "md", "markdown":
		return b.WriteMarkdown(w)
	case "html":
		return b.WriteHTML(w)
	case "json":
		return b.WriteJSON(w)
	}
	return fmt.Errorf("brief: unknown format %q (want md, html or json)", format)
}

// WriteJSON writes the briefing as one indented JSON object.
func (b Briefing) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(b); err != nil {
		return fmt.Errorf("brief: write json: %w", err)
	}
	return nil
}

// citations numbers the articles 1.. in the order of b.Articles.
func (b Briefing) citations() map[string]int {
	m := make(map[string]int, len(b.Articles))
	for i, a := range b.Articles {
		m[a.ID] = i + 1
	}
	return m
}

// EventDate reads an event's date for people: "15 Aug 2025", "week of
// 1 Dec 2025", "Aug 2025".
func EventDate(e timeline.Event) string {
	switch e.Precision {
	case "day":
		return e.Start.Format("2 Jan 2006")
	case "week":
		return "week of " + e.Start.Format("2 Jan 2006")
	case "month":
		return e.Start.Format("Jan 2006")
	}
	return e.Date
}

func day(t time.Time) string {
	if t.IsZero() {
		return "undated"
	}
	return t.Format("2006-01-02")
}

func dateSpan(from, to time.Time) string {
	switch {
	case from.IsZero():
		return "undated"
	case day(from) == day(to):
		return day(from)
	}
	return day(from) + " – " + day(to)
}

func (b Briefing) outletCount() int {
	seen := map[string]bool{}
	for _, a := range b.Articles {
		seen[a.Outlet] = true
	}
	return len(seen)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// mdReplacer escapes the characters Markdown would read as markup.
var mdReplacer = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "#", `\#`, "|", `\|`, "\r\n", " ", "\n", " ", "\r", " ",
)

// md escapes text for Markdown: inline markup, HTML and table pipes.
func md(s string) string { return mdReplacer.Replace(strings.TrimSpace(s)) }

// mdURL keeps only http(s) links, with the characters that would end a
// Markdown link escaped.
func mdURL(u string) string {
	l := strings.ToLower(u)
	if !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
		return ""
	}
	return strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "<", "%3C", ">", "%3E", "\n", "", "\r", "").Replace(u)
}

// WriteMarkdown writes the briefing as Markdown (CommonMark with tables).
func (b Briefing) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	cite := b.citations()
	refs := func(ids []string) string {
		var s []string
		for _, id := range ids {
			if n, ok := cite[id]; ok {
				s = append(s, "["+strconv.Itoa(n)+"]")
			}
		}
		return strings.Join(s, "")
	}

	p("# Briefing: %s\n\n", md(b.Label))
	p("Storyline `%s` · %s · %s from %s · %s\n", strings.ReplaceAll(b.ID, "`", ""), dateSpan(b.From, b.To),
		plural(len(b.Articles), "article", "articles"), plural(b.outletCount(), "outlet", "outlets"),
		plural(len(b.Stories), "story", "stories"))
	if !b.Generated.IsZero() {
		p("\nGenerated %s by Parallax.\n", b.Generated.UTC().Format("2006-01-02 15:04 MST"))
	}

	p("\n## Timeline\n\n")
	if len(b.Timeline) == 0 {
		p("No dated events found.\n")
	}
	for _, e := range b.Timeline {
		var outs, ids []string
		for _, s := range e.Sources {
			outs = append(outs, md(s.Outlet))
			ids = append(ids, s.ArticleID)
		}
		planned := ""
		if e.Planned {
			planned = " (planned)"
		}
		p("- **%s**%s — %s *(%s)* %s\n", EventDate(e), planned, md(e.Text), strings.Join(outs, ", "), refs(ids))
	}
	if b.TimelineOmitted > 0 {
		p("\n%s cited by fewer articles left out; `parallax timeline --storyline %s` lists them all.\n",
			plural(b.TimelineOmitted, "more event", "more events"), strings.ReplaceAll(b.ID, "`", ""))
	}

	p("\n## Key quotes\n\n")
	if len(b.Quotes) == 0 {
		p("No attributed quotes found.\n")
	}
	for _, q := range b.Quotes {
		p("> “%s”\n>\n> — %s, %s, %s %s", md(q.Text), md(q.Speaker), md(q.Outlet), day(q.Date), refs([]string{q.ArticleID}))
		if len(q.AlsoIn) > 0 {
			var also []string
			for _, o := range q.AlsoIn {
				also = append(also, md(o))
			}
			p(" (also in %s)", strings.Join(also, ", "))
		}
		p("\n\n")
	}

	p("## Stories\n\n")
	if len(b.Stories) == 0 {
		p("No stories.\n\n")
	} else {
		p("| Dates | Story | Articles | Outlets |\n|---|---|---|---|\n")
		for _, s := range b.Stories {
			var outs []string
			for _, o := range s.Outlets {
				outs = append(outs, md(o))
			}
			p("| %s | %s | %d | %s |\n", dateSpan(s.FirstSeen, s.LastSeen), md(s.Title), s.Articles, strings.Join(outs, ", "))
		}
		p("\n")
	}

	p("## Outlets\n\n")
	if len(b.Outlets) == 0 {
		p("No outlets.\n\n")
	} else if b.Perspectives != nil {
		p("| Outlet | Kind | Country | Articles | Stories | Dates | Quotes | Most quoted |\n|---|---|---|---|---|---|---|---|\n")
		for _, o := range b.Outlets {
			p("| %s | %s | %s | %d | %d | %s | %d | %s |\n", md(o.Name)+mdVia(o.Via), md(o.Kind), md(o.Country), o.Articles, o.Stories,
				dateSpan(o.First, o.Last), o.Quotes, md(voices(o.Voices, 3)))
		}
		p("\n")
	} else {
		p("| Outlet | Articles | Stories | Dates | Quotes | Most quoted |\n|---|---|---|---|---|---|\n")
		for _, o := range b.Outlets {
			p("| %s | %d | %d | %s | %d | %s |\n", md(o.Name), o.Articles, o.Stories, dateSpan(o.First, o.Last), o.Quotes, md(voices(o.Voices, 3)))
		}
		p("\n")
	}
	if ps := b.Perspectives; ps != nil {
		p("Told by %s outlets from %s.", mdList(ps.Kinds, "unknown kinds of"), mdList(ps.Countries, "unknown countries"))
		if len(ps.MissingKinds) > 0 || len(ps.MissingCountries) > 0 {
			var miss []string
			if len(ps.MissingKinds) > 0 {
				miss = append(miss, mdList(ps.MissingKinds, "")+" outlets")
			}
			if len(ps.MissingCountries) > 0 {
				miss = append(miss, "outlets from "+mdList(ps.MissingCountries, ""))
			}
			p(" Missing: %s.", strings.Join(miss, "; "))
		}
		if ps.Blindspot {
			p(" **Blindspot:** %s.", md(ps.BlindspotReason))
		}
		p("\n\n")
	}
	if len(b.Naming) > 0 {
		p("Naming:\n\n")
		for _, n := range b.Naming {
			p("- %s — %s\n", md(n.Pair), md(namingLine(n)))
		}
		p("\n")
	}
	if len(b.Wording) > 0 {
		p("Words that set each outlet apart:\n\n")
		for _, w := range b.Wording {
			p("- %s: %s\n", md(w.Outlet), md(wordingLine(w, 8)))
		}
		p("\n")
	}

	p("## Disagreements\n\n")
	for _, d := range b.Disagreements {
		p("- **%s**\n", md(d.Topic))
		for _, c := range d.Claims {
			val := ""
			if c.Value != "" {
				val = "(" + md(c.Value) + ") "
			}
			p("  - %s: %s%s %s\n", md(c.Outlet), val, md(c.Text), refs([]string{c.ArticleID}))
		}
	}
	var note []string
	if len(b.Disagreements) == 0 {
		note = append(note, "None found.")
	} else {
		p("\n")
	}
	if len(b.Checked) > 0 {
		var cs []string
		for _, c := range b.Checked {
			cs = append(cs, md(c))
		}
		note = append(note, "Compared between outlets: "+strings.Join(cs, ", ")+".")
	}
	if len(note) > 0 {
		p("%s\n\n", strings.Join(note, " "))
	}

	p("## Sources\n\n")
	for i, a := range b.Articles {
		title := md(a.Title)
		if title == "" {
			title = "(untitled)"
		}
		if u := mdURL(a.URL); u != "" {
			title = "[" + title + "](" + u + ")"
		}
		via := ""
		if a.Republisher != "" {
			via = ", via " + md(a.Republisher)
		}
		p("%d. %s — %s%s, %s\n", i+1, title, md(a.Outlet), via, day(a.Published))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("brief: write markdown: %w", err)
	}
	return nil
}

// mdList joins escaped items, or returns none when there are none.
func mdList(items []string, none string) string {
	if len(items) == 0 {
		return none
	}
	var out []string
	for _, it := range items {
		out = append(out, md(it))
	}
	return strings.Join(out, ", ")
}

func mdVia(via []string) string {
	if len(via) == 0 {
		return ""
	}
	return " (via " + mdList(via, "") + ")"
}

// namingLine says which form each outlet prefers: "Kyiv: A, B; Kiev: C".
func namingLine(n compare.Naming) string {
	by := map[string][]string{}
	for _, o := range n.Outlets {
		if o.Prefers != "" {
			by[o.Prefers] = append(by[o.Prefers], o.Outlet)
		}
	}
	var parts []string
	for _, f := range n.Forms {
		if len(by[f]) > 0 {
			parts = append(parts, f+": "+strings.Join(by[f], ", "))
		}
	}
	return strings.Join(parts, "; ")
}

// wordingLine lists up to n of an outlet's distinctive terms.
func wordingLine(w compare.OutletWording, n int) string {
	var ts []string
	for i, t := range w.Terms {
		if i == n {
			break
		}
		ts = append(ts, t.Term)
	}
	return strings.Join(ts, ", ")
}

// voices lists up to n speakers with their counts: "Vance (4), Trump (2)".
func voices(vs []Voice, n int) string {
	var s []string
	for i, v := range vs {
		if i == n {
			break
		}
		s = append(s, fmt.Sprintf("%s (%d)", v.Speaker, v.Quotes))
	}
	return strings.Join(s, ", ")
}

//go:embed templates/brief.html.tmpl
var templateFS embed.FS

var htmlTemplate = template.Must(template.New("brief.html.tmpl").Funcs(template.FuncMap{
	"day":       day,
	"span":      dateSpan,
	"eventDate": EventDate,
	"voices":    voices,
	"naming":    namingLine,
	"wording":   func(w compare.OutletWording) string { return wordingLine(w, 8) },
	"join":      func(s []string) string { return strings.Join(s, ", ") },
	"plural":    plural,
	"url": func(u string) string {
		l := strings.ToLower(u)
		if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
			return u
		}
		return ""
	},
	"stamp": func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 MST") },
}).ParseFS(templateFS, "templates/brief.html.tmpl"))

// htmlView is what the HTML template reads.
type htmlView struct {
	Briefing
	OutletCount int
	Cite        map[string]int
}

// WriteHTML writes the briefing as one self-contained HTML page: inline
// CSS, no scripts, nothing loaded from elsewhere, every text escaped.
func (b Briefing) WriteHTML(w io.Writer) error {
	v := htmlView{Briefing: b, OutletCount: b.outletCount(), Cite: b.citations()}
	if err := htmlTemplate.Execute(w, v); err != nil {
		return fmt.Errorf("brief: write html: %w", err)
	}
	return nil
}
