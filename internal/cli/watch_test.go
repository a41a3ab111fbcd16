package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/parallax-news/parallax/internal/engine"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/watch"
)

// hookReceiver records the webhook deliveries it gets on 127.0.0.1.
type hookReceiver struct {
	*httptest.Server
	mu     sync.Mutex
	bodies [][]byte
	sigs   []string
}

func newHookReceiver(t *testing.T) *hookReceiver {
	h := &hookReceiver{}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		h.mu.Lock()
		h.bodies = append(h.bodies, body)
		h.sigs = append(h.sigs, r.Header.Get(watch.SignatureHeader))
		h.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(h.Close)
	return h
}

func (h *hookReceiver) got() ([][]byte, []string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([][]byte(nil), h.bodies...), append([]string(nil), h.sigs...)
}

func writeArticle(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestWatchSearchWebhook: a watch on a search posts the articles that
// match after it was added (not those before), signed; a loopback
// receiver is refused without --allow-private and the failure is kept
// and retried; list and remove work, and bad requests are refused.
func TestWatchSearchWebhook(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	hook := newHookReceiver(t)
	mustRun(t, "ingest", "--db", db, writeArticle(t, dir, "old.txt",
		"The harbour authority counted cracked pylons under the northern pier on Monday.\n\nRepairs begin next month, the authority said."))

	if code, _, errs := run(t, "watch", "add", "--db", filepath.Join(dir, "none.db"), "--search", "pylons", "--url", hook.URL); code != 1 || !strings.Contains(errs, "no Parallax database") {
		t.Errorf("watch add on a missing database: exit %d, %s", code, errs)
	}
	for _, args := range [][]string{
		{"--url", hook.URL},
		{"--search", "pylons", "--storyline", "l1", "--url", hook.URL},
		{"--search", "pylons", "--url", "ftp://x.example/"},
	} {
		if code, _, _ := run(t, append([]string{"watch", "add", "--db", db}, args...)...); code != 2 {
			t.Errorf("watch add %v: exit %d, want 2", args, code)
		}
	}
	if code, _, errs := run(t, "watch", "add", "--db", db, "--storyline", "lnone", "--url", hook.URL); code != 1 || !strings.Contains(errs, "not found") {
		t.Errorf("watch add for a missing storyline: exit %d, %s", code, errs)
	}

	out := mustRun(t, "watch", "add", "--db", db, "--search", "pylons", "--url", hook.URL+"/hook", "--secret", "k3y")
	if !strings.Contains(out, "added watch w") || !strings.Contains(out, "1 events there now are not sent") {
		t.Errorf("watch add: %s", out)
	}
	mustRun(t, "ingest", "--db", db, writeArticle(t, dir, "new.txt",
		"Engineers replaced four pylons at the southern quay overnight.\n\nThe ferry line to the islands runs again, the operator said."))

	// Loopback refused without --allow-private: kept, retried.
	code, out, _ := run(t, "watch", "deliver", "--db", db)
	if code != 1 || !strings.Contains(out, "1 new events, 0 delivered, 1 pending") || !strings.Contains(out, "non-public address") {
		t.Errorf("deliver to loopback without --allow-private: exit %d\n%s", code, out)
	}
	if bodies, _ := hook.got(); len(bodies) != 0 {
		t.Fatalf("%d deliveries reached a loopback receiver without --allow-private", len(bodies))
	}
	type listed struct {
		ID    string
		State watch.State
	}
	ws := decodeLines[listed](t, mustRun(t, "watch", "list", "--db", db, "--json"))
	if len(ws) != 1 || len(ws[0].State.Pending) != 1 || ws[0].State.Attempts != 1 || ws[0].State.LastError == "" {
		t.Fatalf("watch list after the refusal: %+v", ws)
	}
	// The backoff holds the next attempt for 30 s: a pass now posts nothing.
	mustRun(t, "watch", "deliver", "--db", db, "--allow-private")
	if bodies, _ := hook.got(); len(bodies) != 0 {
		t.Fatalf("delivered during the backoff")
	}
	if err := expireBackoff(t, db, ws[0].ID); err != nil {
		t.Fatal(err)
	}
	out = mustRun(t, "watch", "deliver", "--db", db, "--allow-private")
	if !strings.Contains(out, "1 delivered, 0 pending") {
		t.Errorf("deliver: %s", out)
	}
	bodies, sigs := hook.got()
	if len(bodies) != 1 || sigs[0] != watch.Sign("k3y", bodies[0]) {
		t.Fatalf("%d deliveries, signatures %q", len(bodies), sigs)
	}
	var p watch.Payload
	if err := json.Unmarshal(bodies[0], &p); err != nil {
		t.Fatal(err)
	}
	if p.Search != "pylons" || len(p.Events) != 1 || p.Events[0].Type != watch.NewArticle || !strings.Contains(p.Events[0].Title, "Engineers replaced") {
		t.Errorf("payload %+v", p)
	}
	// Nothing new: nothing posted again.
	mustRun(t, "watch", "deliver", "--db", db, "--allow-private")
	if bodies, _ := hook.got(); len(bodies) != 1 {
		t.Errorf("%d deliveries after a pass with nothing new", len(bodies))
	}
	if out := mustRun(t, "watch", "list", "--db", db); !strings.Contains(out, `search "pylons"`) || strings.Contains(out, "k3y") {
		t.Errorf("watch list (the secret must not show):\n%s", out)
	}
	mustRun(t, "watch", "remove", "--db", db, ws[0].ID)
	if code, _, errs := run(t, "watch", "remove", "--db", db, ws[0].ID); code != 1 || !strings.Contains(errs, "no such watch") {
		t.Errorf("second remove: exit %d, %s", code, errs)
	}
}

// expireBackoff makes the stored watch id due now, as if its backoff had
// passed.
func expireBackoff(t *testing.T, db, id string) error {
	t.Helper()
	s, err := engine.OpenDatabase(t.Context(), db, nil)
	if err != nil {
		return err
	}
	defer s.Close()
	ws := s.(store.WatchStore)
	recs, err := ws.Watches(t.Context())
	if err != nil {
		return err
	}
	for _, r := range recs {
		if r.ID != id {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal(r.Data, &m); err != nil {
			return err
		}
		delete(m["state"].(map[string]any), "next_attempt")
		r.Data, err = json.Marshal(m)
		if err != nil {
			return err
		}
		return ws.PutWatch(t.Context(), r)
	}
	return fmt.Errorf("no watch %s", id)
}

// TestWatchStorylineWebhook: a watch on the seeds' storyline, added after
// three of the five seeds, posts the events the other two bring (the
// same as the storyline's Atom feed: new stories, new outlet kinds).
func TestWatchStorylineWebhook(t *testing.T) {
	seeds := sharedtest.Dir(t, "corpus", "seeds")
	dates := filepath.Join(sharedtest.Dir(t, "corpus"), "seeds-dates.tsv")
	files, err := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if err != nil || len(files) != 5 {
		t.Fatalf("seeds: %v, %v", files, err)
	}
	db := filepath.Join(t.TempDir(), "p.db")
	hook := newHookReceiver(t)
	mustRun(t, append([]string{"ingest", "--db", db, "--dates", dates}, files[:3]...)...)
	type line struct{ ID string }
	ls := decodeLines[line](t, mustRun(t, "storylines", "--db", db, "--json"))
	if len(ls) != 1 {
		t.Fatalf("%d storylines after three seeds, want 1", len(ls))
	}
	mustRun(t, "watch", "add", "--db", db, "--storyline", ls[0].ID, "--url", hook.URL)
	mustRun(t, append([]string{"ingest", "--db", db, "--dates", dates}, files[3:]...)...)
	out := mustRun(t, "watch", "deliver", "--db", db, "--allow-private", "--json")
	bodies, _ := hook.got()
	if len(bodies) != 1 {
		t.Fatalf("%d deliveries, want 1: %s", len(bodies), out)
	}
	var p watch.Payload
	if err := json.Unmarshal(bodies[0], &p); err != nil {
		t.Fatal(err)
	}
	if p.Storyline != ls[0].ID || len(p.Events) == 0 {
		t.Fatalf("payload %+v", p)
	}
	for _, e := range p.Events {
		if e.StoryID == "" || !strings.HasPrefix(e.Path, "/stories/") || (e.Type != watch.NewStory && e.Type != watch.NewOutletKind && !strings.HasPrefix(e.Type, watch.FactsPrefix)) {
			t.Errorf("event %+v", e)
		}
	}
	t.Logf("events after two more seeds: %d (%s)", len(p.Events), out)
}
