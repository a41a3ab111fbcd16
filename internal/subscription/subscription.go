// Package subscription holds the values of feed subscriptions that the
// feed poller and the stores share: the outlet a feed belongs to, the state
// kept between polls, and the items of a feed. It imports nothing of
// Parallax, so that store (which keeps them) does not depend on feed (which
// fetches them); feed names them by aliases.
package subscription

import "time"

// Kind is what sort of outlet a feed belongs to.
type Kind string

// The outlet kinds.
const (
	KindWire              Kind = "wire"
	KindPublicBroadcaster Kind = "public_broadcaster"
	KindStateAffiliated   Kind = "state_affiliated"
	KindPrivate           Kind = "private"
	KindAggregator        Kind = "aggregator"
)

// Kinds lists the valid kinds.
var Kinds = []Kind{KindWire, KindPublicBroadcaster, KindStateAffiliated, KindPrivate, KindAggregator}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

// Outlet is one feed subscription: an OPML outline with an xmlUrl.
//
// In OPML, Country, Kind and Language are the outline attributes "country"
// (ISO 3166-1 alpha-2), "kind" (one of Kinds) and "language" (ISO 639-1);
// Category is the path of enclosing outlines' titles, joined with "/".
type Outlet struct {
	Title    string `json:"title"`
	FeedURL  string `json:"feed_url"`
	SiteURL  string `json:"site_url,omitempty"`
	Country  string `json:"country,omitempty"`
	Kind     Kind   `json:"kind,omitempty"`
	Language string `json:"language,omitempty"`
	Category string `json:"category,omitempty"`
}

// State is what Parallax keeps about one subscribed feed between polls. The
// Poller reads it from a Store and writes it back after each attempt.
type State struct {
	// URL is the feed's address and its identity in the Store. A permanent
	// redirect changes it (see feed.Store.SaveFeedState).
	URL      string `json:"url"`
	Title    string `json:"title"`
	SiteURL  string `json:"site_url,omitempty"`
	Country  string `json:"country,omitempty"`
	Kind     Kind   `json:"kind,omitempty"`
	Language string `json:"language,omitempty"`
	Category string `json:"category,omitempty"`

	// Validators from the last successful fetch, sent as If-None-Match and
	// If-Modified-Since.
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`

	// LastFetch is the time of the last attempt, successful or not; zero
	// when never polled.
	LastFetch time.Time `json:"last_fetch"`
	// LastSuccess is the time of the last attempt that got a feed or a 304.
	LastSuccess time.Time `json:"last_success"`
	// NextPoll is when the feed is next due; zero means now.
	NextPoll time.Time `json:"next_poll"`
	// Interval is the current polling interval, adapted to how often the
	// feed changes; zero means feed.PollerOptions.DefaultInterval.
	Interval time.Duration `json:"interval"`

	// LastStatus is the HTTP status of the last attempt, 0 when no response
	// was received.
	LastStatus int `json:"last_status"`
	// ErrorCount counts consecutive failed attempts; 0 after a success.
	ErrorCount int `json:"error_count"`
	// LastError describes the last failure; empty after a success.
	LastError string `json:"last_error,omitempty"`
	// Warning describes problems of the last successful poll that did not
	// stop it (items without links or dates); empty when there were none.
	Warning string `json:"warning,omitempty"`
	// Disabled feeds are not polled (410 Gone). Clearing it is up to the
	// user (re-adding the feed).
	Disabled bool `json:"disabled"`

	// ItemsLast is the number of items in the last document fetched.
	ItemsLast int `json:"items_last"`
	// NewLast is the number of new items stored by the last poll.
	NewLast int `json:"new_last"`
	// ItemsTotal is the number of new items stored over the feed's life.
	ItemsTotal int `json:"items_total"`
}

// NewState returns the state of a newly subscribed feed: due now.
func NewState(o Outlet) State {
	return State{
		URL:      o.FeedURL,
		Title:    o.Title,
		SiteURL:  o.SiteURL,
		Country:  o.Country,
		Kind:     o.Kind,
		Language: o.Language,
		Category: o.Category,
	}
}

// Outlet returns the subscription part of the state.
func (s State) Outlet() Outlet {
	return Outlet{Title: s.Title, FeedURL: s.URL, SiteURL: s.SiteURL, Country: s.Country,
		Kind: s.Kind, Language: s.Language, Category: s.Category}
}

// Item is one entry of a feed.
type Item struct {
	// GUID is the item's identifier in the feed: its guid/id, else its URL.
	GUID string
	// URL is the canonical URL of the linked article (see feed.CanonicalURL), or
	// empty when the item has no usable link.
	URL   string
	Title string
	// Summary is the item's description or summary as plain text.
	Summary string
	// Content is the item's full content as HTML, or empty when the feed
	// carries only a summary. A description long enough to be the article
	// (feed.FullContentRunes) is taken as content.
	Content string
	// Published is the publication time in UTC, else the update time, else
	// zero.
	Published time.Time
	Author    string
	// NeedsPage is true when the feed carries less than the full text
	// (content shorter than feed.FullContentRunes runes of text) and the linked
	// page should be fetched and extracted. False when there is no URL.
	NeedsPage bool
}

// Key identifies an item across polls and feeds: its canonical URL when it
// has one, else "guid:" and its GUID. Two feeds carrying the same article
// give it the same key.
func (it Item) Key() string {
	if it.URL != "" {
		return it.URL
	}
	if it.GUID != "" {
		return "guid:" + it.GUID
	}
	return ""
}
