package web

import (
	"net/http"

	"github.com/parallax-news/parallax/internal/feed"
)

// feedsSummary tells a first-time user of an empty site what the feeds
// are doing: none subscribed, waiting for their first poll, or failing
// (with the last error, so that "offline" or "refused" shows).
type feedsSummary struct {
	Count     int
	Never     int // not polled yet
	Failing   int // failing or disabled
	LastError string
}

// AllFailing reports whether every polled feed failed: nothing can be fetched.
func (f *feedsSummary) AllFailing() bool { return f.Count > 0 && f.Never == 0 && f.Failing == f.Count }

// summariseFeeds reads the feed states for the empty home page; nil when
// they cannot be read (the page then says what it says without feeds).
func (s *Server) summariseFeeds(r *http.Request) *feedsSummary {
	states, err := s.opts.Feeds.FeedStates(r.Context())
	if err != nil {
		s.log.WarnContext(r.Context(), "feed states for the empty home page", "error", err)
		return nil
	}
	sum := &feedsSummary{Count: len(states)}
	for _, st := range states {
		switch FeedStatus(st) {
		case "never":
			sum.Never++
		case "failing", "disabled":
			sum.Failing++
			if sum.LastError == "" {
				sum.LastError = lastError(st)
			}
		}
	}
	return sum
}

func lastError(st feed.State) string {
	if st.LastError != "" {
		return truncate(st.LastError, 200)
	}
	return ""
}
