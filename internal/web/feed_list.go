package web

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/feed"
)

// Feeds is what the feeds page needs: the subscribed feeds, and adding one
// from a URL the way `parallax feeds add` does (the URL may be a feed or a
// page announcing one).
type Feeds interface {
	FeedStates(ctx context.Context) ([]feed.State, error)
	// AddFeed subscribes to the feed at or behind rawURL and returns it.
	// Its errors are shown to the user.
	AddFeed(ctx context.Context, rawURL string) (feed.Outlet, error)
}

// Limits of the add-feed form.
const (
	maxFormBytes  = 16 << 10
	maxFeedURLLen = 2000
	addFeedWait   = 45 * time.Second
)

// feedRow is one feed as the feeds page shows it.
type feedRow struct {
	Title, URL, SiteURL   string
	Kind, Country         string
	Status                string // ok, failing, disabled, never
	LastFetch, NextPoll   string // readable, relative to now
	LastFetchISO          string
	LastError, Warning    string
	ItemsLast, ItemsTotal int
	NewLast               int
}

type feedListData struct {
	Feeds []feedRow
	// Added is the URL of a feed just added, for the confirmation.
	Added string
	// Form state after a failed add.
	FormURL string
	Error   string
	// NeedToken shows the token field: writes need it here.
	NeedToken bool
	// CanWrite is false when this server refuses writes altogether.
	CanWrite bool
	Failing  int
}

// FeedStatus sums up a feed's state in one word: "disabled", "never" (not
// polled yet), "failing" or "ok"; the status of /feeds, GET /api/feeds and
// `parallax feeds list`.
func FeedStatus(st feed.State) string {
	switch {
	case st.Disabled:
		return "disabled"
	case st.LastFetch.IsZero():
		return "never"
	case st.ErrorCount > 0:
		return "failing"
	}
	return "ok"
}

// relative renders t against now: "5 min ago", "in 2 h", or zero's text.
func relative(t, now time.Time, zero string) string {
	if t.IsZero() {
		return zero
	}
	d := now.Sub(t)
	future := d < 0
	if future {
		d = -d
	}
	var s string
	switch {
	case d < time.Minute:
		s = "under a minute"
	case d < time.Hour:
		s = fmt.Sprintf("%d min", int(d.Minutes()))
	case d < 48*time.Hour:
		s = fmt.Sprintf("%d h", int(d.Hours()))
	default:
		s = fmt.Sprintf("%d days", int(d.Hours()/24))
	}
	if future {
		return "in " + s
	}
	return s + " ago"
}

// showFeeds renders GET /feeds: every subscribed feed with its status, last
// error and next poll, and the form to add one.
func (s *Server) showFeeds(w http.ResponseWriter, r *http.Request) {
	s.renderFeeds(w, r, http.StatusOK, feedListData{Added: r.URL.Query().Get("added")})
}

func (s *Server) renderFeeds(w http.ResponseWriter, r *http.Request, status int, data feedListData) {
	if s.opts.Feeds == nil {
		s.notFound(w, r, "This server does not manage feeds.")
		return
	}
	states, err := s.opts.Feeds.FeedStates(r.Context())
	if err != nil {
		s.serverError(w, r, fmt.Errorf("list feeds: %w", err))
		return
	}
	now := s.opts.Now()
	for _, st := range states {
		row := feedRow{
			Title: st.Title, URL: st.URL, SiteURL: st.SiteURL, Kind: string(st.Kind), Country: st.Country,
			Status: FeedStatus(st), LastFetch: relative(st.LastFetch, now, "never"),
			LastError: st.LastError, Warning: st.Warning,
			ItemsLast: st.ItemsLast, ItemsTotal: st.ItemsTotal, NewLast: st.NewLast,
		}
		if !st.LastFetch.IsZero() {
			row.LastFetchISO = st.LastFetch.UTC().Format(time.RFC3339)
		}
		switch {
		case st.Disabled:
			row.NextPoll = "not polled (disabled)"
		case !st.NextPoll.After(now):
			row.NextPoll = "due now"
		default:
			row.NextPoll = relative(st.NextPoll, now, "")
		}
		if row.Status == "failing" || row.Status == "disabled" {
			data.Failing++
		}
		data.Feeds = append(data.Feeds, row)
	}
	data.CanWrite = !s.opts.RequireToken || s.opts.Token != ""
	data.NeedToken = s.opts.RequireToken && s.opts.Token != ""
	if data.Added != "" && len(data.Added) > maxFeedURLLen {
		data.Added = ""
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, status, "feeds", page{Title: "Feeds", Nav: "feeds", Data: data})
}

// errForbidden marks write requests refused for want of a token or for
// coming from another site.
var errForbidden = errors.New("forbidden")

// checkWrite allows a state-changing request: never from another site
// (CSRF), and, when the server requires one, only with the right token in
// the form field "token" or an "Authorization: Bearer" header.
func (s *Server) checkWrite(r *http.Request) error {
	if err := http.NewCrossOriginProtection().Check(r); err != nil {
		return fmt.Errorf("%w: cross-origin request refused", errForbidden)
	}
	if !s.opts.RequireToken {
		return nil
	}
	if s.opts.Token == "" {
		return fmt.Errorf("%w: this server listens beyond loopback and was started without --token, so it accepts no changes", errForbidden)
	}
	given := r.PostFormValue("token")
	if auth := r.Header.Get("Authorization"); given == "" && strings.HasPrefix(auth, "Bearer ") {
		given = strings.TrimPrefix(auth, "Bearer ")
	}
	if subtle.ConstantTimeCompare([]byte(given), []byte(s.opts.Token)) != 1 {
		return fmt.Errorf("%w: a valid token is required to change feeds", errForbidden)
	}
	return nil
}

// addFeed handles POST /feeds: subscribe to the URL in the form field
// "url", then redirect to the feeds page (303). Errors re-render the page
// with the message: 403 without the token or from another site, 400 for a
// missing or bad URL, 422 when no feed can be read there.
func (s *Server) addFeed(w http.ResponseWriter, r *http.Request) {
	if s.opts.Feeds == nil {
		s.notFound(w, r, "This server does not manage feeds.")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		s.badRequest(w, r, errors.New("the form could not be read"))
		return
	}
	if err := s.checkWrite(r); err != nil {
		s.log.InfoContext(r.Context(), "write refused", "path", r.URL.Path, "error", err)
		s.renderFeeds(w, r, http.StatusForbidden, feedListData{Error: strings.TrimPrefix(err.Error(), "forbidden: ")})
		return
	}
	raw := strings.TrimSpace(r.PostFormValue("url"))
	form := feedListData{FormURL: raw}
	if len(raw) > maxFeedURLLen {
		form.FormURL = truncate(raw, 200)
		form.Error = fmt.Sprintf("The address is longer than %d characters.", maxFeedURLLen)
		s.renderFeeds(w, r, http.StatusBadRequest, form)
		return
	}
	if u, err := url.Parse(raw); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		form.Error = "Give the address of a feed or of a site that has one, starting with http:// or https://."
		s.renderFeeds(w, r, http.StatusBadRequest, form)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), addFeedWait)
	defer cancel()
	o, err := s.opts.Feeds.AddFeed(ctx, raw)
	if err != nil {
		if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
			return
		}
		s.log.InfoContext(r.Context(), "add feed failed", "feed_url", raw, "error", err)
		form.Error = "No feed could be added: " + err.Error()
		s.renderFeeds(w, r, http.StatusUnprocessableEntity, form)
		return
	}
	http.Redirect(w, r, "/feeds?added="+url.QueryEscape(o.FeedURL), http.StatusSeeOther)
}

// apiFeed is one feed in GET /api/feeds: the feed's state with its
// interval in seconds and the times it does not know left out.
type apiFeed struct {
	URL             string     `json:"url"`
	Title           string     `json:"title"`
	SiteURL         string     `json:"site_url,omitempty"`
	Country         string     `json:"country,omitempty"`
	Kind            string     `json:"kind,omitempty"`
	Language        string     `json:"language,omitempty"`
	Category        string     `json:"category,omitempty"`
	LastFetch       *time.Time `json:"last_fetch,omitempty"`
	LastSuccess     *time.Time `json:"last_success,omitempty"`
	NextPoll        *time.Time `json:"next_poll,omitempty"`
	IntervalSeconds float64    `json:"interval_seconds,omitempty"`
	LastStatus      int        `json:"last_status,omitempty"`
	ErrorCount      int        `json:"error_count"`
	LastError       string     `json:"last_error,omitempty"`
	Warning         string     `json:"warning,omitempty"`
	Disabled        bool       `json:"disabled"`
	ItemsLast       int        `json:"items_last"`
	NewLast         int        `json:"new_last"`
	ItemsTotal      int        `json:"items_total"`
	Status          string     `json:"status"`
}

// knownTime is t, or nil when t is zero (unknown).
func knownTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func newAPIFeed(st feed.State) apiFeed {
	return apiFeed{
		URL: st.URL, Title: st.Title, SiteURL: st.SiteURL, Country: st.Country, Kind: string(st.Kind),
		Language: st.Language, Category: st.Category,
		LastFetch: knownTime(st.LastFetch), LastSuccess: knownTime(st.LastSuccess), NextPoll: knownTime(st.NextPoll),
		IntervalSeconds: st.Interval.Seconds(), LastStatus: st.LastStatus, ErrorCount: st.ErrorCount,
		LastError: st.LastError, Warning: st.Warning, Disabled: st.Disabled,
		ItemsLast: st.ItemsLast, NewLast: st.NewLast, ItemsTotal: st.ItemsTotal, Status: FeedStatus(st),
	}
}

// apiFeeds serves GET /api/feeds?limit=&offset=: every subscribed feed's
// state (interval_seconds omitted for the poller's default, times omitted
// when unknown). /api/v0/feeds keeps the old array of the objects `parallax
// feeds list --json` prints, with the interval in nanoseconds.
func (s *Server) apiFeeds(w http.ResponseWriter, r *http.Request) {
	if s.opts.Feeds == nil {
		s.apiFail(w, r, http.StatusNotFound, errors.New("this server does not manage feeds"))
		return
	}
	limit, offset, err := apiPage(r.URL.Query())
	if err != nil {
		s.apiFail(w, r, http.StatusBadRequest, err)
		return
	}
	states, err := s.opts.Feeds.FeedStates(r.Context())
	if err != nil {
		s.apiFail(w, r, http.StatusInternalServerError, fmt.Errorf("list feeds: %w", err))
		return
	}
	if legacyAPI(r) {
		type legacyFeed struct {
			feed.State
			Status string `json:"status"`
		}
		out := make([]legacyFeed, len(states))
		for i, st := range states {
			out[i] = legacyFeed{State: st, Status: FeedStatus(st)}
		}
		s.writeJSON(w, r, http.StatusOK, out)
		return
	}
	out := make([]apiFeed, len(states))
	for i, st := range states {
		out[i] = newAPIFeed(st)
	}
	apiWhole(s, w, r, out, limit, offset)
}
