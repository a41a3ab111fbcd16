package watch

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/fetch"
)

// Watch is one webhook: what it follows (a storyline, or a search), where
// it posts and how its deliveries went. The JSON field names are a public
// interface (`parallax watch list --json`).
type Watch struct {
	ID        string    `json:"id"`
	Storyline string    `json:"storyline,omitempty"`
	Search    string    `json:"search,omitempty"`
	URL       string    `json:"url"`
	Created   time.Time `json:"created"`
	// Secret signs each delivery (SignatureHeader); never shown.
	Secret string `json:"-"`
	State  State  `json:"state"`
}

// State is a watch's delivery state.
type State struct {
	// Baselined is set once the events that were there when the watch was
	// added have been taken as known: only later ones are posted.
	Baselined bool `json:"baselined"`
	// Seen are the IDs of the events known (posted, pending or there at
	// the start), the newest MaxSeen.
	Seen []string `json:"seen,omitempty"`
	// Pending are events found and not delivered yet, oldest first.
	Pending []Event `json:"pending,omitempty"`
	// Attempts counts the failed deliveries of Pending in a row;
	// NextAttempt is when the next one may be made.
	Attempts    int       `json:"attempts"`
	NextAttempt time.Time `json:"next_attempt,omitzero"`
	// Delivered counts the events posted in all; LastDelivery is when the
	// last delivery succeeded.
	Delivered    int       `json:"delivered"`
	LastDelivery time.Time `json:"last_delivery,omitzero"`
	LastStatus   int       `json:"last_status,omitempty"`
	LastError    string    `json:"last_error,omitempty"`
	// Dropped counts events given up on after MaxAttempts failures.
	Dropped int `json:"dropped,omitempty"`
}

// Limits of a watch's state and deliveries.
const (
	MaxSeen      = 5000
	MaxPerPost   = 100 // events in one delivery
	MaxPending   = 1000
	MaxAttempts  = 10
	FirstBackoff = 30 * time.Second
	MaxBackoff   = time.Hour
)

// SignatureHeader carries "sha256=" and the hex HMAC-SHA256 of the body
// under the watch's secret, when it has one.
const SignatureHeader = "X-Parallax-Signature"

// Payload is the JSON body of one delivery.
type Payload struct {
	Watch     string    `json:"watch"`
	Storyline string    `json:"storyline,omitempty"`
	Search    string    `json:"search,omitempty"`
	Events    []Event   `json:"events"`
	SentAt    time.Time `json:"sent_at"`
}

// Poster posts a delivery; *fetch.Client implements it.
type Poster interface {
	Post(ctx context.Context, rawURL, contentType string, body []byte, header http.Header) (int, error)
}

var _ Poster = (*fetch.Client)(nil)

// Check reports what is wrong with a watch a user asks for: it follows
// one storyline or one search, and posts to an http or https URL.
func (w Watch) Check() error {
	if (w.Storyline == "") == (strings.TrimSpace(w.Search) == "") {
		return errors.New("a watch follows one storyline (--storyline ID) or one search (--search Q)")
	}
	u, err := url.Parse(w.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("webhook URL %q: want an http or https URL", fetch.Redact(w.URL))
	}
	return nil
}

// Sign returns the SignatureHeader value of body under secret.
func Sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Backoff is the wait after the n-th failed delivery in a row: 30 s,
// doubling, at most an hour.
func Backoff(n int) time.Duration {
	d := FirstBackoff
	for i := 1; i < n && d < MaxBackoff; i++ {
		d *= 2
	}
	return min(d, MaxBackoff)
}

// Take adds the events not seen yet to Pending and reports how many. The
// first call only takes the events as known (Baselined): a new watch
// posts what happens after it was added, not the storyline's history.
func (w *Watch) Take(events []Event) int {
	seen := make(map[string]bool, len(w.State.Seen))
	for _, id := range w.State.Seen {
		seen[id] = true
	}
	fresh := 0
	slices.SortStableFunc(events, func(a, b Event) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	for _, e := range events {
		if seen[e.ID] {
			continue
		}
		seen[e.ID] = true
		w.State.Seen = append(w.State.Seen, e.ID)
		if w.State.Baselined {
			w.State.Pending = append(w.State.Pending, e)
			fresh++
		}
	}
	w.State.Baselined = true
	if n := len(w.State.Seen) - MaxSeen; n > 0 {
		w.State.Seen = slices.Delete(w.State.Seen, 0, n)
	}
	if n := len(w.State.Pending) - MaxPending; n > 0 {
		w.State.Pending = slices.Delete(w.State.Pending, 0, n)
		w.State.Dropped += n
	}
	return fresh
}

// Due reports whether the watch has events to post and may post now.
func (w *Watch) Due(now time.Time) bool {
	return len(w.State.Pending) > 0 && !now.Before(w.State.NextAttempt)
}

// Deliver posts the oldest pending events (at most MaxPerPost) when the
// watch is due, and records the outcome in its state: on success they
// leave Pending; on failure the next attempt waits Backoff (or the
// receiver's Retry-After, if longer), and after MaxAttempts failures in a
// row the pending events are dropped. It returns how many events were
// posted and the delivery's error.
func (w *Watch) Deliver(ctx context.Context, p Poster, now time.Time) (int, error) {
	if !w.Due(now) {
		return 0, nil
	}
	batch := w.State.Pending[:min(len(w.State.Pending), MaxPerPost)]
	body, err := json.Marshal(Payload{Watch: w.ID, Storyline: w.Storyline, Search: w.Search, Events: batch, SentAt: now.UTC()})
	if err != nil {
		return 0, fmt.Errorf("watch %s: %w", w.ID, err)
	}
	h := http.Header{}
	h.Set("X-Parallax-Watch", w.ID)
	if w.Secret != "" {
		h.Set(SignatureHeader, Sign(w.Secret, body))
	}
	status, err := p.Post(ctx, w.URL, "application/json", body, h)
	w.State.LastStatus = status
	if err != nil {
		if ctx.Err() != nil {
			return 0, fmt.Errorf("watch %s: %w", w.ID, ctx.Err())
		}
		w.State.Attempts++
		w.State.LastError = fetch.RedactText(err.Error())
		wait := Backoff(w.State.Attempts)
		var se *fetch.StatusError
		if errors.As(err, &se) && se.RetryAfter > wait {
			wait = min(se.RetryAfter, 24*time.Hour)
		}
		w.State.NextAttempt = now.Add(wait)
		if w.State.Attempts >= MaxAttempts {
			w.State.Dropped += len(w.State.Pending)
			w.State.Pending = nil
			w.State.Attempts = 0
			w.State.LastError += fmt.Sprintf(" (gave up after %d attempts)", MaxAttempts)
		}
		return 0, fmt.Errorf("watch %s: %w", w.ID, err)
	}
	n := len(batch)
	w.State.Pending = slices.Delete(w.State.Pending, 0, n)
	w.State.Attempts, w.State.NextAttempt, w.State.LastError = 0, time.Time{}, ""
	w.State.Delivered += n
	w.State.LastDelivery = now.UTC()
	return n, nil
}
