package fetch

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestRedact(t *testing.T) {
	cases := []struct{ in, want string }{
		{"https://example.org/a", "https://example.org/a"},
		{"https://user:s3cret@example.org/a?x=1", "https://user:xxxxx@example.org/a?x=1"},
		{"https://user@example.org/", "https://user@example.org/"},
		{"http://u:p%40ss@h/", "http://u:xxxxx@h/"},
		{"http://u:s3cret@bad host/%zz", "http://u:xxxxx@bad host/%zz"},
		{"not a url", "not a url"},
	}
	for _, tc := range cases {
		if got := Redact(tc.in); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestErrorsMaskPassword fetches URLs with a password in every way that
// fails (an HTTP error, a redirect loop, a refused connection, a timeout, a
// private address, a bad URL, a body too large) and checks that neither
// the error nor any log line holds the password.
func TestErrorsMaskPassword(t *testing.T) {
	const secret = "Hunter2secret"
	mux := http.NewServeMux()
	mux.HandleFunc("/404", http.NotFound)
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) { w.Write(bytes.Repeat([]byte("x"), 4096)) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	withPass := strings.Replace(srv.URL, "http://", "http://user:"+secret+"@", 1)

	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	loopback := local(Options{Timeout: 300 * time.Millisecond, MaxBody: 1024, Logger: logger})
	strict := New(Options{Logger: logger})
	for _, tc := range []struct {
		name string
		c    *Client
		url  string
	}{
		{"404", loopback, withPass + "/404"},
		{"redirect loop", loopback, withPass + "/loop"},
		{"timeout", loopback, withPass + "/slow"},
		{"too large", loopback, withPass + "/big"},
		{"connection refused", loopback, "http://user:" + secret + "@127.0.0.1:1/"},
		{"private address", strict, withPass + "/404"},
		{"bad URL", loopback, "http://user:" + secret + "@host/%zz"},
		{"bad scheme", loopback, "ftp://user:" + secret + "@host/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.c.Get(context.Background(), tc.url, Conditional{})
			if err == nil {
				t.Fatal("no error")
			}
			if strings.Contains(err.Error(), secret) {
				t.Errorf("error shows the password: %v", err)
			}
		})
	}
	if strings.Contains(logs.String(), secret) {
		t.Errorf("a log line shows the password:\n%s", logs.String())
	}
}

func TestRedactText(t *testing.T) {
	in := `feed "https://u:s3cret@example.org/rss": parse "http://a:b@c/%zz": invalid; mail me@example.org`
	want := `feed "https://u:xxxxx@example.org/rss": parse "http://a:xxxxx@c/%zz": invalid; mail me@example.org`
	if got := RedactText(in); got != want {
		t.Errorf("RedactText = %q\nwant          %q", got, want)
	}
}
