package watch

import (
	"crypto/hmac"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/news"
)

// receiver is a webhook receiver on 127.0.0.1 that fails the first
// fails deliveries with 500 and records the rest.
type receiver struct {
	*httptest.Server
	mu       sync.Mutex
	fails    int
	bodies   [][]byte
	sigs     []string
	requests int
}

func newReceiver(t *testing.T, fails int) *receiver {
	r := &receiver{fails: fails}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		defer r.mu.Unlock()
		r.requests++
		if req.Method != http.MethodPost || req.Header.Get("Content-Type") != "application/json" {
			http.Error(w, "want a JSON POST", http.StatusBadRequest)
			return
		}
		if r.fails > 0 {
			r.fails--
			http.Error(w, "busy", http.StatusInternalServerError)
			return
		}
		r.bodies = append(r.bodies, body)
		r.sigs = append(r.sigs, req.Header.Get(SignatureHeader))
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.requests
}

func event(id string, at time.Time) Event {
	return Event{ID: id, Type: NewStory, Title: "Story " + id, At: at, Path: "/stories/" + id}
}

// TestDeliverRetriesWithBackoff: the events there when a watch starts are
// known, not posted; new ones are posted signed; a failing receiver gets
// them again after a growing wait, and once it answers they are delivered
// once.
func TestDeliverRetriesWithBackoff(t *testing.T) {
	rec := newReceiver(t, 2)
	client := fetch.New(fetch.Options{AllowPrivate: true})
	t0 := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	w := Watch{ID: "w1", Storyline: "l1", URL: rec.URL + "/hook", Secret: "s3cret"}
	if n := w.Take([]Event{event("old", t0)}); n != 0 || len(w.State.Pending) != 0 {
		t.Fatalf("baseline: %d new, %d pending; want none", n, len(w.State.Pending))
	}
	if n := w.Take([]Event{event("old", t0), event("b", t0.Add(2*time.Hour)), event("a", t0.Add(time.Hour))}); n != 2 {
		t.Fatalf("%d new events, want 2", n)
	}
	now := t0.Add(3 * time.Hour)
	var waits []time.Duration
	for range 2 {
		if _, err := w.Deliver(t.Context(), client, now); err == nil {
			t.Fatal("delivery to a failing receiver succeeded")
		}
		waits = append(waits, w.State.NextAttempt.Sub(now))
		if n, err := w.Deliver(t.Context(), client, now); n != 0 || err != nil {
			t.Fatalf("delivery before the backoff ended: %d, %v", n, err)
		}
		now = w.State.NextAttempt
	}
	if waits[0] != FirstBackoff || waits[1] != 2*FirstBackoff || w.State.Attempts != 2 || w.State.LastStatus != 500 {
		t.Errorf("waits %v, attempts %d, status %d; want 30s then 1m, 2 attempts, 500", waits, w.State.Attempts, w.State.LastStatus)
	}
	if n, err := w.Deliver(t.Context(), client, now); n != 2 || err != nil {
		t.Fatalf("delivery once the receiver answers: %d, %v", n, err)
	}
	if n, err := w.Deliver(t.Context(), client, now.Add(time.Hour)); n != 0 || err != nil || rec.count() != 3 {
		t.Errorf("nothing pending, yet %d posted (%v), %d requests", n, err, rec.count())
	}
	if len(rec.bodies) != 1 || !verify("s3cret", rec.bodies[0], rec.sigs[0]) || verify("other", rec.bodies[0], rec.sigs[0]) {
		t.Fatalf("%d deliveries received; signature %q", len(rec.bodies), rec.sigs)
	}
	var p Payload
	if err := json.Unmarshal(rec.bodies[0], &p); err != nil {
		t.Fatal(err)
	}
	if p.Watch != "w1" || p.Storyline != "l1" || len(p.Events) != 2 || p.Events[0].ID != "a" || p.Events[1].ID != "b" {
		t.Errorf("payload %+v; want events a then b of w1", p)
	}
	if w.State.Delivered != 2 || w.State.Attempts != 0 || w.State.LastError != "" || len(w.State.Pending) != 0 {
		t.Errorf("state after delivery %+v", w.State)
	}
}

// TestDeliverRefusesLoopback: like every fetch, a webhook on a loopback
// address is refused unless private addresses are allowed; the failure is
// recorded and retried later.
func TestDeliverRefusesLoopback(t *testing.T) {
	rec := newReceiver(t, 0)
	w := Watch{ID: "w2", Search: "harbour", URL: rec.URL}
	w.Take(nil)
	w.Take([]Event{event("x", time.Now())})
	now := time.Now()
	_, err := w.Deliver(t.Context(), fetch.New(fetch.Options{}), now)
	if !errors.Is(err, fetch.ErrPrivateAddress) || rec.count() != 0 {
		t.Fatalf("delivery to 127.0.0.1: %v, %d requests; want ErrPrivateAddress, none", err, rec.count())
	}
	if w.State.Attempts != 1 || w.State.LastError == "" || len(w.State.Pending) != 1 || !w.State.NextAttempt.After(now) {
		t.Errorf("state after the refusal %+v", w.State)
	}
}

func TestGiveUpAfterMaxAttempts(t *testing.T) {
	rec := newReceiver(t, MaxAttempts)
	client := fetch.New(fetch.Options{AllowPrivate: true})
	w := Watch{ID: "w3", Storyline: "l", URL: rec.URL}
	w.Take(nil)
	w.Take([]Event{event("x", time.Now())})
	now := time.Now()
	for range MaxAttempts {
		if _, err := w.Deliver(t.Context(), client, now); err == nil {
			t.Fatal("delivery succeeded")
		}
		now = w.State.NextAttempt
	}
	if len(w.State.Pending) != 0 || w.State.Dropped != 1 {
		t.Errorf("after %d failures: %d pending, %d dropped; want 0, 1", MaxAttempts, len(w.State.Pending), w.State.Dropped)
	}
	if Backoff(1) != 30*time.Second || Backoff(3) != 2*time.Minute || Backoff(20) != MaxBackoff {
		t.Errorf("backoff %v %v %v", Backoff(1), Backoff(3), Backoff(20))
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		w  Watch
		ok bool
	}{
		{Watch{Storyline: "l1", URL: "https://hooks.example/x"}, true},
		{Watch{Search: "harbour", URL: "http://hooks.example/x"}, true},
		{Watch{URL: "https://hooks.example/x"}, false},
		{Watch{Storyline: "l1", Search: "q", URL: "https://hooks.example/x"}, false},
		{Watch{Storyline: "l1", URL: "ftp://hooks.example/x"}, false},
		{Watch{Storyline: "l1", URL: "hooks.example"}, false},
	}
	for _, tc := range tests {
		if err := tc.w.Check(); (err == nil) != tc.ok {
			t.Errorf("Check(%+v) = %v, want ok %v", tc.w, err, tc.ok)
		}
	}
}

// TestStoryEvents: a story's events are its start, each new kind of
// outlet (in time order) and nothing for a kind seen before.
func TestStoryEvents(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	arts := []news.Article{
		{ID: "a2", Outlet: "RT", Title: "Later", Published: t0.Add(2 * time.Hour), Text: "x"},
		{ID: "a1", Outlet: "Reuters", Title: "First", Published: t0, Text: "y"},
		{ID: "a3", Outlet: "TASS", Title: "Again state", Published: t0.Add(3 * time.Hour), Text: "z"},
	}
	kinds := map[string]string{"Reuters": "wire", "RT": "state", "TASS": "state"}
	o := Outlets{
		Credit:   func(a news.Article) string { return a.Outlet },
		Name:     func(s string) string { return s },
		Kind:     func(s string) string { return kinds[s] },
		KindName: func(s string) string { return s + " outlets" },
	}
	got := StoryEvents(news.Story{ID: "s1", Title: "Harbour"}, arts, o)
	if len(got) != 2 || got[0].Type != NewStory || got[0].ArticleID != "a1" || got[1].Type != NewOutletKind || got[1].ArticleID != "a2" || got[1].ID != "urn:parallax:story:s1:kind:state" {
		t.Errorf("events %+v", got)
	}
}

// verify reports whether sig is body's signature under secret, as a
// receiver checks it.
func verify(secret string, body []byte, sig string) bool {
	return hmac.Equal([]byte(Sign(secret, body)), []byte(sig))
}
