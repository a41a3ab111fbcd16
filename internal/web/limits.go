package web

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Limits bound what one request may cost, so that no mix of requests stalls
// the server: every request runs under a deadline that reaches the store
// through its context and is answered by then (a 503 when the work is not
// done); expensive reads (search, compare, brief, exports) run a few at a
// time and are refused with a 503 and Retry-After past that; and the Host
// header is checked against the names the server answers to, against DNS
// rebinding. The zero value applies the defaults below and no Host check.
type Limits struct {
	// Timeout is the deadline of a page or API request; <= 0 means
	// DefaultTimeout.
	Timeout time.Duration
	// ExportTimeout is the deadline of an export (a briefing download, a
	// CSV or feed file); <= 0 means DefaultExportTimeout.
	ExportTimeout time.Duration
	// Heavy is how many expensive reads run at once; <= 0 means
	// DefaultHeavy.
	Heavy int
	// HeavyWait is how long an expensive read waits for its turn before it
	// is refused; <= 0 means DefaultHeavyWait.
	HeavyWait time.Duration
	// Addr is the address the server listens on ("127.0.0.1:8080"). When
	// it or Hosts is set, requests whose Host header names neither it (a
	// loopback address also as "localhost"; any IP address when listening
	// on all interfaces) nor one of Hosts are refused with 403.
	Addr string
	// Hosts are further names the server answers to: host names or URLs
	// such as the --public-url ("https://news.example.org"), whose host is
	// taken. "*" turns the Host check off.
	Hosts []string
}

// Defaults of Limits.
const (
	DefaultTimeout       = 5 * time.Second
	DefaultExportTimeout = 60 * time.Second
	DefaultHeavy         = 2
	DefaultHeavyWait     = 500 * time.Millisecond
)

// requestClass sorts requests by what they may cost.
type requestClass int

const (
	classFree   requestClass = iota // static files: no store, no deadline
	classLight                      // pages, API reads, health
	classHeavy                      // search, compare, brief
	classExport                     // files to download
)

// classify tells a request's class from its path alone, before routing.
func classify(r *http.Request) requestClass {
	p := r.URL.Path
	switch {
	case strings.HasPrefix(p, "/static/") || p == "/favicon.ico":
		return classFree
	case strings.HasSuffix(p, ".csv") || strings.HasSuffix(p, ".atom") || strings.HasSuffix(p, "/export") ||
		(strings.HasSuffix(p, "/brief") && r.URL.Query().Get("format") != "" && r.URL.Query().Get("format") != "html"):
		return classExport
	case p == "/search" || p == "/api/search" || strings.HasSuffix(p, "/compare") || strings.HasSuffix(p, "/brief") ||
		strings.HasPrefix(p, "/search/"):
		return classHeavy
	}
	return classLight
}

// limiter is Limits made ready for requests.
type limiter struct {
	s                      *Server
	timeout, exportTimeout time.Duration
	heavyWait              time.Duration
	heavy                  chan struct{} // one token per expensive read running
	hostCheck              bool
	anyIP                  bool            // listening on all interfaces
	hosts                  map[string]bool // lower-case host names and IP addresses
}

// newLimiter applies the defaults to l and collects the allowed hosts.
func newLimiter(s *Server, l Limits) *limiter {
	lm := &limiter{s: s, timeout: l.Timeout, exportTimeout: l.ExportTimeout, heavyWait: l.HeavyWait, hosts: map[string]bool{}}
	if lm.timeout <= 0 {
		lm.timeout = DefaultTimeout
	}
	if lm.exportTimeout <= 0 {
		lm.exportTimeout = DefaultExportTimeout
	}
	if lm.heavyWait <= 0 {
		lm.heavyWait = DefaultHeavyWait
	}
	n := l.Heavy
	if n <= 0 {
		n = DefaultHeavy
	}
	lm.heavy = make(chan struct{}, n)
	lm.hostCheck = l.Addr != "" || len(l.Hosts) > 0
	if l.Addr != "" {
		host, _, err := net.SplitHostPort(l.Addr)
		if err != nil {
			host = l.Addr
		}
		host = strings.ToLower(strings.Trim(host, "[]"))
		ip := net.ParseIP(host)
		switch {
		case host == "" || (ip != nil && ip.IsUnspecified()):
			lm.anyIP = true
			lm.hosts["localhost"] = true
		case host == "localhost" || (ip != nil && ip.IsLoopback()):
			for _, h := range []string{"localhost", "127.0.0.1", "::1"} {
				lm.hosts[h] = true
			}
			lm.hosts[host] = true
		default:
			lm.hosts[host] = true
		}
	}
	for _, h := range l.Hosts {
		h = strings.TrimSpace(h)
		if h == "*" {
			lm.hostCheck = false
			continue
		}
		if u, err := url.Parse(h); err == nil && u.Host != "" {
			h = u.Hostname()
		} else if host, _, err := net.SplitHostPort(h); err == nil {
			h = host
		}
		if h = strings.ToLower(strings.Trim(h, "[]")); h != "" {
			lm.hosts[h] = true
		}
	}
	return lm
}

// allowedHost reports whether the Host header names this server.
func (lm *limiter) allowedHost(hostport string) bool {
	if !lm.hostCheck {
		return true
	}
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	if lm.hosts[host] {
		return true
	}
	return lm.anyIP && net.ParseIP(host) != nil
}

// wrap returns next behind the limits.
func (lm *limiter) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !lm.allowedHost(r.Host) {
			lm.s.log.InfoContext(r.Context(), "request refused: unknown host", "host", r.Host, "path", r.URL.Path)
			lm.refuse(w, r, http.StatusForbidden, 0, "Unknown host",
				"This server does not answer to that host name. Use the address it listens on or its configured public URL.")
			return
		}
		class := classify(r)
		if class == classFree {
			next.ServeHTTP(w, r)
			return
		}
		timeout := lm.timeout
		if class == classExport {
			timeout = lm.exportTimeout
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		release := func() {}
		if class == classHeavy || class == classExport {
			wait := time.NewTimer(min(lm.heavyWait, timeout))
			select {
			case lm.heavy <- struct{}{}:
				wait.Stop()
				release = func() { <-lm.heavy }
			case <-wait.C:
				lm.s.log.InfoContext(ctx, "request refused: busy", "path", r.URL.Path, "running", cap(lm.heavy))
				lm.refuse(w, r, http.StatusServiceUnavailable, lm.retryAfter(), "Busy",
					"The server is answering as many searches and comparisons as it can at once. Try again in a few seconds.")
				return
			case <-ctx.Done():
				wait.Stop()
				return // the client went away
			}
		}
		lm.serve(w, r.WithContext(ctx), next, release, timeout)
	})
}

// retryAfter is the Retry-After of a refusal for being busy, in seconds:
// about the time a heavy request takes at most.
func (lm *limiter) retryAfter() int {
	return max(1, int(lm.timeout/time.Second))
}

// serve runs next in a goroutine of its own into a buffer and sends what
// it wrote, or a 503 when the request's deadline passes first: a handler
// that does not stop at once when its context ends (work in memory after
// the store answered) cannot hold the answer past the deadline. release
// runs when the handler has returned, whenever that is, so that a slot of
// the expensive reads is held as long as the work goes on.
func (lm *limiter) serve(w http.ResponseWriter, r *http.Request, next http.Handler, release func(), timeout time.Duration) {
	bw := &bufferedWriter{header: http.Header{}}
	done := make(chan struct{})
	panicked := make(chan any, 1)
	go func() {
		defer close(done)
		defer release() // before done, so that the next request finds the slot free
		defer func() {
			if p := recover(); p != nil {
				panicked <- p
			}
		}()
		next.ServeHTTP(bw, r)
	}()
	select {
	case <-done:
		select {
		case p := <-panicked:
			panic(p) // net/http logs it and closes the connection, as without limits
		default:
		}
		bw.mu.Lock()
		defer bw.mu.Unlock()
		bw.finished = true
		if bw.status >= 500 && r.Context().Err() == context.DeadlineExceeded {
			// The store gave up at the deadline and the handler reported
			// the error: say what happened.
			lm.timedOut(w, r, timeout)
			return
		}
		dst := w.Header()
		for k, vv := range bw.header {
			dst[k] = vv
		}
		status := bw.status
		if status == 0 {
			status = http.StatusOK
		}
		w.WriteHeader(status)
		_, _ = w.Write(bw.body.Bytes())
	case <-r.Context().Done():
		bw.mu.Lock()
		bw.finished = true
		bw.mu.Unlock()
		if r.Context().Err() == context.DeadlineExceeded {
			lm.timedOut(w, r, timeout)
		}
	}
}

// timedOut answers a request whose deadline passed.
func (lm *limiter) timedOut(w http.ResponseWriter, r *http.Request, timeout time.Duration) {
	lm.s.log.WarnContext(r.Context(), "request timed out", "method", r.Method, "path", r.URL.Path, "timeout", timeout)
	lm.refuse(w, r, http.StatusServiceUnavailable, lm.retryAfter(), "Timed out",
		fmt.Sprintf("The server could not answer within %s. Try a narrower search or try again later.", timeout))
}

// refuse answers with status and a message: JSON under /api/, an HTML page
// elsewhere. A positive retry sets Retry-After in seconds.
func (lm *limiter) refuse(w http.ResponseWriter, r *http.Request, status, retry int, heading, msg string) {
	if retry > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(retry))
	}
	w.Header().Set("Cache-Control", "no-store")
	if strings.HasPrefix(r.URL.Path, "/api/") {
		lm.s.writeJSON(w, r, status, apiError{Error: strings.ToLower(heading) + ": " + msg})
		return
	}
	lm.s.errorPage(w, r, status, heading, msg)
}

// bufferedWriter holds a handler's response until serve sends it. Writes
// after the request was answered (it timed out) are dropped.
type bufferedWriter struct {
	mu       sync.Mutex
	header   http.Header
	status   int
	body     bytes.Buffer
	finished bool
}

func (b *bufferedWriter) Header() http.Header { return b.header }

func (b *bufferedWriter) WriteHeader(code int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.status == 0 && !b.finished {
		b.status = code
	}
}

func (b *bufferedWriter) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.finished {
		return 0, http.ErrHandlerTimeout
	}
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.body.Write(p)
}
