package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/parallax-news/parallax/internal/store"
)

type quoteListData struct {
	Quotes  []quoteRow
	Speaker string
	Page    int
	PrevURL string
	NextURL string
}

// parseSpeaker reads ?speaker=, the quote list's filter.
func parseSpeaker(q url.Values) (string, error) {
	speaker := strings.TrimSpace(q.Get("speaker"))
	if len(speaker) > maxQueryLen {
		return "", fmt.Errorf("speaker is longer than %d bytes", maxQueryLen)
	}
	return speaker, nil
}

// showQuoteList renders GET /quotes: every quote with its speaker, outlet
// and date, newest article first, filtered by ?speaker= (a name, an alias
// or an entity ID, case-insensitive).
func (s *Server) showQuoteList(w http.ResponseWriter, r *http.Request) {
	size := 2 * s.opts.PageSize
	speaker, pageNo, ok := listRequest(s, w, r, size, parseSpeaker)
	if !ok {
		return
	}
	qs, err := s.st.Quotes(r.Context(), store.QuoteQuery{Speaker: speaker, Limit: size + 1, Offset: (pageNo - 1) * size})
	if err != nil {
		s.serverError(w, r, fmt.Errorf("list quotes: %w", err))
		return
	}
	qs, more := pageOf(qs, size)
	rows, err := newLookups(s.st).quoteRows(r.Context(), qs)
	if err != nil {
		s.serverError(w, r, fmt.Errorf("list quotes: %w", err))
		return
	}
	data := quoteListData{Quotes: rows, Speaker: speaker, Page: pageNo}
	v := url.Values{}
	if speaker != "" {
		v.Set("speaker", speaker)
	}
	data.PrevURL, data.NextURL = pageLinks("/quotes", v, pageNo, more)
	title := "Quotes"
	if speaker != "" {
		title = "Quotes: " + speaker
	}
	s.render(w, r, http.StatusOK, "quote_list", page{Title: pageTitle(title, pageNo), Nav: "quotes", Data: data})
}
