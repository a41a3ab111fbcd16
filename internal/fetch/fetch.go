// Package fetch is Parallax's HTTP client for outside URLs: feeds, article
// pages and robots.txt files.
//
// It is safe against hostile servers and hostile URLs. Bodies are limited in
// size before and after decompression (gzip bombs), every request has a
// connect timeout and a total timeout that covers reading the body (servers
// that trickle), redirects are followed up to a limit, only http and https are
// spoken, and connections to loopback, private, link-local and other
// non-public addresses are refused unless Options.AllowPrivate is set. The
// address check runs on the resolved IP at connect time, so it also covers
// names that resolve to private addresses, DNS rebinding and redirects.
package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// EnvAllowPrivate is the environment variable that, set to "1", lets the
// command line turn on Options.AllowPrivate (the package itself reads no
// environment).
const EnvAllowPrivate = "PARALLAX_ALLOW_PRIVATE"

// Defaults applied by New to zero Options fields.
const (
	DefaultUserAgent      = "Parallax/0.1 (news intelligence engine; +https://github.com/parallax-news/parallax)"
	DefaultMaxBody        = 16 << 20
	DefaultConnectTimeout = 10 * time.Second
	DefaultTimeout        = 30 * time.Second
	DefaultMaxRedirects   = 5
	// DefaultAccept asks for feeds first, then pages, then anything.
	DefaultAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
)

var (
	// ErrPrivateAddress is returned when the URL's host resolves to a
	// loopback, private, link-local or otherwise non-public address and
	// Options.AllowPrivate is false.
	ErrPrivateAddress = errors.New("refused to connect to a non-public address (set --allow-private or " + EnvAllowPrivate + "=1 to allow)")
	// ErrTooLarge is returned when a body, compressed or decompressed, is
	// larger than Options.MaxBody.
	ErrTooLarge = errors.New("body too large")
	// ErrTooManyRedirects is returned when a redirect chain is longer than
	// Options.MaxRedirects or comes back to a URL it already visited.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrScheme is returned for URLs (including redirect targets) whose
	// scheme is not http or https, or which have no host.
	ErrScheme = errors.New("only http and https URLs with a host can be fetched")
	// ErrTimeout is returned when a request does not complete, body
	// included, within Options.Timeout or Options.ConnectTimeout.
	ErrTimeout = errors.New("timed out")
)

// StatusError is returned for any HTTP status other than 2xx and 304.
type StatusError struct {
	URL  string // the URL that answered with the status (after redirects)
	Code int    // the HTTP status code
	// RetryAfter is the delay the server asked for in a Retry-After header
	// (429, 503 and others), zero when it sent none or an unreadable one.
	RetryAfter time.Duration
}

func (e *StatusError) Error() string {
	msg := fmt.Sprintf("fetch %s: HTTP %d %s", e.URL, e.Code, http.StatusText(e.Code))
	if e.RetryAfter > 0 {
		msg += fmt.Sprintf(" (retry after %s)", e.RetryAfter)
	}
	return msg
}

// Options configure a Client. The zero value is usable: zero fields take the
// defaults above, and private addresses are refused.
type Options struct {
	// AllowPrivate lets the client connect to loopback, private and
	// link-local addresses: for intranet feeds and for tests.
	AllowPrivate bool
	// UserAgent is sent with every request; DefaultUserAgent when empty.
	UserAgent string
	// MaxBody limits the body in bytes, both as received and after
	// decompression; DefaultMaxBody when <= 0.
	MaxBody int64
	// ConnectTimeout limits the TCP connect and the TLS handshake;
	// DefaultConnectTimeout when <= 0.
	ConnectTimeout time.Duration
	// Timeout limits a whole Get: connect, redirects, headers and body;
	// DefaultTimeout when <= 0.
	Timeout time.Duration
	// MaxRedirects is how many redirects one Get follows; DefaultMaxRedirects
	// when 0, none when negative.
	MaxRedirects int
	// Accept is the Accept header; DefaultAccept when empty.
	Accept string
	// Logger receives debug lines for each request; nothing is logged when nil.
	Logger *slog.Logger
}

// Conditional carries validators from an earlier response, for a
// conditional GET. Empty fields are not sent.
type Conditional struct {
	ETag         string
	LastModified string
}

// Response is a successful (2xx) or not-modified (304) response.
type Response struct {
	// Status is the HTTP status code: 2xx, or 304 (see NotModified).
	Status int
	// URL is the final URL, after redirects.
	URL string
	// PermanentURL is set when the request was redirected permanently (301
	// or 308): it is the URL reached through the leading run of permanent
	// redirects, the one a stored subscription should be updated to. Empty
	// when there was no permanent redirect.
	PermanentURL string
	ETag         string
	LastModified string
	// RetryAfter is the delay asked for in a Retry-After header, if any.
	RetryAfter  time.Duration
	ContentType string
	// Body is the decompressed body, at most Options.MaxBody bytes. Empty
	// for 304.
	Body []byte
}

// NotModified reports whether the server answered 304 to a conditional GET.
func (r *Response) NotModified() bool { return r.Status == http.StatusNotModified }

// Client fetches URLs. It is safe for concurrent use.
type Client struct {
	opts      Options
	transport *http.Transport
	log       *slog.Logger
}

// New returns a client with the given options, zero fields defaulted.
func New(opts Options) *Client {
	var control func(network, address string, c syscall.RawConn) error
	if !opts.AllowPrivate {
		control = refusePrivate
	}
	return newClient(opts, control)
}

// newClient is New with the dialer's address check given explicitly.
func newClient(opts Options, control func(network, address string, c syscall.RawConn) error) *Client {
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.ConnectTimeout <= 0 {
		opts.ConnectTimeout = DefaultConnectTimeout
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxRedirects == 0 {
		opts.MaxRedirects = DefaultMaxRedirects
	} else if opts.MaxRedirects < 0 {
		opts.MaxRedirects = 0
	}
	if opts.Accept == "" {
		opts.Accept = DefaultAccept
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	dialer := &net.Dialer{
		Timeout:   opts.ConnectTimeout,
		KeepAlive: 30 * time.Second,
	}
	dialer.Control = control
	t := &http.Transport{
		// No proxy: a proxy would make the address check see the proxy's
		// address instead of the target's.
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		TLSHandshakeTimeout:   opts.ConnectTimeout,
		ResponseHeaderTimeout: opts.Timeout,
		ExpectContinueTimeout: time.Second,
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   4,
		// Decompression is done here, under the size limit.
		DisableCompression:     true,
		MaxResponseHeaderBytes: 1 << 20,
	}
	return &Client{opts: opts, transport: t, log: log}
}

// Options returns the options in force, defaults filled in.
func (c *Client) Options() Options { return c.opts }

// CloseIdleConnections closes idle keep-alive connections.
func (c *Client) CloseIdleConnections() { c.transport.CloseIdleConnections() }

// refusePrivate is the dialer's Control hook: it runs after DNS resolution,
// just before each connect, with the literal address being dialled.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	if !IsPublic(ip) {
		// net.OpError adds "dial tcp ADDRESS: " in front.
		return ErrPrivateAddress
	}
	return nil
}

func checkURL(u *url.URL) error {
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Hostname() == "" {
		return ErrScheme
	}
	return nil
}

// Get fetches rawURL with a GET, sending cond's validators.
//
// It returns a Response for 2xx and 304. Any other status returns a
// *StatusError. Other errors wrap ErrPrivateAddress, ErrTooLarge,
// ErrTooManyRedirects, ErrScheme or ErrTimeout when those are the cause; all
// errors name the URL. ctx cancellation stops the request.
func (c *Client) Get(ctx context.Context, rawURL string, cond Conditional) (*Response, error) {
	name := Redact(rawURL) // rawURL without its password, for errors and logs
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("fetch %q: %w", name, redactErr(err))
	}
	if err := checkURL(u); err != nil {
		return nil, fmt.Errorf("fetch %q: %w", name, err)
	}

	ctx, cancel := context.WithTimeoutCause(ctx, c.opts.Timeout, ErrTimeout)
	defer cancel()

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", name, redactErr(err))
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", c.opts.Accept)
	req.Header.Set("Accept-Encoding", "gzip, deflate")
	if cond.ETag != "" {
		req.Header.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", cond.LastModified)
	}

	// Per-request redirect state: whether every redirect so far was
	// permanent, and where the permanent run led.
	permanent := ""
	permanentRun := true
	hc := &http.Client{
		Transport: c.transport,
		CheckRedirect: func(next *http.Request, via []*http.Request) error {
			if err := checkURL(next.URL); err != nil {
				return fmt.Errorf("redirect to %q: %w", next.URL.Redacted(), err)
			}
			for _, v := range via {
				if v.URL.String() == next.URL.String() {
					return fmt.Errorf("redirect loop back to %s: %w", next.URL.Redacted(), ErrTooManyRedirects)
				}
			}
			if len(via) > c.opts.MaxRedirects {
				return fmt.Errorf("more than %d redirects: %w", c.opts.MaxRedirects, ErrTooManyRedirects)
			}
			if next.Response != nil && permanentRun {
				switch next.Response.StatusCode {
				case http.StatusMovedPermanently, http.StatusPermanentRedirect:
					permanent = next.URL.String()
				default:
					permanentRun = false
				}
			}
			// Validators belong to the original URL only when the server
			// redirects to the same resource; keep them, as browsers do.
			return nil
		},
	}

	start := time.Now()
	resp, err := hc.Do(req)
	if err != nil {
		return nil, c.wrapErr(ctx, name, err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL.String()

	out := &Response{
		Status:       resp.StatusCode,
		URL:          final,
		PermanentURL: permanent,
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		RetryAfter:   parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()),
		ContentType:  resp.Header.Get("Content-Type"),
	}

	switch {
	case resp.StatusCode == http.StatusNotModified:
		c.log.DebugContext(ctx, "fetch not modified", "url", name, "duration", time.Since(start))
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		// Read a little so the connection can be reused; ignore errors.
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		c.log.DebugContext(ctx, "fetch status", "url", name, "status", resp.StatusCode)
		return nil, &StatusError{URL: Redact(final), Code: resp.StatusCode, RetryAfter: out.RetryAfter}
	}

	if resp.ContentLength > c.opts.MaxBody {
		return nil, fmt.Errorf("fetch %s: Content-Length %d over the limit of %d bytes: %w", name, resp.ContentLength, c.opts.MaxBody, ErrTooLarge)
	}
	raw, err := readLimited(resp.Body, c.opts.MaxBody)
	if err != nil {
		return nil, c.wrapErr(ctx, name, err)
	}
	body, err := decode(resp.Header.Get("Content-Encoding"), raw, c.opts.MaxBody)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", name, err)
	}
	out.Body = body
	c.log.DebugContext(ctx, "fetched", "url", name, "final_url", Redact(final), "status", resp.StatusCode,
		"bytes", len(body), "duration", time.Since(start))
	return out, nil
}

// wrapErr names the URL (name, its password masked) once and turns
// deadline errors into ErrTimeout.
func (c *Client) wrapErr(ctx context.Context, name string, err error) error {
	err = redactErr(err)
	// net/http's *url.Error repeats the method and the URL this error
	// names already.
	// Only when it is the whole message: one wrapped further in keeps
	// its context.
	if ue := (*url.Error)(nil); errors.As(err, &ue) && ue.Error() == err.Error() {
		err = ue.Err
	}
	if errors.Is(context.Cause(ctx), ErrTimeout) || errors.Is(err, ErrTimeout) {
		return fmt.Errorf("fetch %s: %w after %s", name, ErrTimeout, c.opts.Timeout)
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() && !errors.Is(err, ErrTimeout) {
		return fmt.Errorf("fetch %s: %w: %w", name, ErrTimeout, err)
	}
	return fmt.Errorf("fetch %s: %w", name, err)
}

// Redact returns rawURL with the password of its user information
// replaced by "xxxxx" (as url.URL.Redacted does), for errors and logs; a
// URL that does not parse has anything between "://" and "@" after a colon
// masked the same way.
func Redact(rawURL string) string {
	if u, err := url.Parse(rawURL); err == nil {
		if _, ok := u.User.Password(); ok {
			return u.Redacted()
		}
		return rawURL
	}
	return userinfoPassword.ReplaceAllString(rawURL, "${1}xxxxx@")
}

// RedactText masks the passwords of the URLs written in s, such as an
// error message that names a URL, the way Redact does for one URL.
func RedactText(s string) string {
	if !strings.Contains(s, "@") {
		return s
	}
	return userinfoPassword.ReplaceAllString(s, "${1}xxxxx@")
}

var userinfoPassword = regexp.MustCompile(`(://[^:/@?#\s]*:)[^@/?#\s]*@`)

// redactErr masks the password of the URL a *url.Error carries (net/http
// and url.Parse put the URL in their errors).
func redactErr(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		ue.URL = Redact(ue.URL)
	}
	return err
}

// readLimited reads all of r, failing with ErrTooLarge past limit bytes.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("more than %d bytes: %w", limit, ErrTooLarge)
	}
	return b, nil
}

// decode undoes a Content-Encoding, limiting the decoded size.
func decode(encoding string, raw []byte, limit int64) ([]byte, error) {
	encoding = strings.ToLower(strings.TrimSpace(encoding))
	var r io.Reader
	switch encoding {
	case "", "identity":
		return raw, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("gzip body: %w", err)
		}
		defer zr.Close()
		r = zr
	case "deflate":
		// "deflate" is zlib-wrapped by the standard, raw by some servers.
		if zr, err := zlib.NewReader(bytes.NewReader(raw)); err == nil {
			defer zr.Close()
			r = zr
		} else {
			fr := flate.NewReader(bytes.NewReader(raw))
			defer fr.Close()
			r = fr
		}
	default:
		return nil, fmt.Errorf("unsupported Content-Encoding %q", encoding)
	}
	b, err := readLimited(r, limit)
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return nil, fmt.Errorf("decompressed %s body: %w", encoding, err)
		}
		return nil, fmt.Errorf("decompress %s body: %w", encoding, err)
	}
	return b, nil
}

// parseRetryAfter reads a Retry-After value: delay seconds or an HTTP date.
// It returns 0 for an empty, unreadable or past value, and caps the delay
// at a week.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	const maxDelay = 7 * 24 * time.Hour
	var d time.Duration
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n <= 0 {
			return 0
		}
		if n > int64(maxDelay/time.Second) {
			return maxDelay
		}
		d = time.Duration(n) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = t.Sub(now)
	}
	if d <= 0 {
		return 0
	}
	return min(d, maxDelay)
}
