package web

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/brief"
)

// briefContentSecurityPolicy is the policy of an HTML briefing: its own
// inline styles, nothing else, and never a script.
const briefContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

var briefTypes = map[string]string{
	"md":   "text/markdown; charset=utf-8",
	"html": "text/html; charset=utf-8",
	"json": "application/json; charset=utf-8",
}

// storylineBrief serves GET /storylines/{id}/brief?format=md|html|json:
// the briefing `parallax brief` writes, as a download. The format
// defaults to md; an unknown one is a 400.
func (s *Server) storylineBrief(w http.ResponseWriter, r *http.Request) {
	format := r.URL.Query().Get("format")
	if format == "" {
		format = "md"
	}
	if !slices.Contains(brief.Formats, format) {
		s.badRequest(w, r, fmt.Errorf("unknown briefing format %q: want %s", format, strings.Join(brief.Formats, ", ")))
		return
	}
	l, ok := lookupView(s, w, r, "storyline", "/storylines/", "/brief", s.st.Storyline, storylineID)
	if !ok {
		return
	}
	ctx := r.Context()
	in, err := brief.Gather(ctx, s.st, l.ID)
	if err != nil {
		s.serverError(w, r, fmt.Errorf("storyline %s: gather: %w", l.ID, err))
		return
	}
	// The same comparison as the compare page: wording weighed against the
	// whole stored corpus.
	c, err := s.compareStoryline(ctx, in.Storyline)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	in.Comparison = &c
	b := brief.New(in, brief.Options{Generated: s.opts.Now().UTC().Truncate(60e9)})
	var buf bytes.Buffer
	if err := b.Write(&buf, format); err != nil {
		s.serverError(w, r, fmt.Errorf("storyline %s: brief %s: %w", l.ID, format, err))
		return
	}
	h := w.Header()
	h.Set("Content-Type", briefTypes[format])
	// The HTML briefing opens as a page (it has a link on the storyline
	// page); Markdown and JSON, and ?download=1, are saved as files.
	disposition := "attachment"
	if format == "html" && r.URL.Query().Get("download") == "" {
		disposition = "inline"
	}
	h.Set("Content-Disposition", fmt.Sprintf(`%s; filename="briefing-%s.%s"`, disposition, in.Storyline.ID, format))
	h.Set("Cache-Control", "no-store")
	if format == "html" {
		h.Set("Content-Security-Policy", briefContentSecurityPolicy)
	}
	w.WriteHeader(http.StatusOK)
	_, _ = buf.WriteTo(w)
}
