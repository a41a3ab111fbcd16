package fetch

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// Post sends body to rawURL with a POST (webhook deliveries), with the
// client's address rules: a private, loopback or link-local address is
// refused after DNS resolution unless Options.AllowPrivate is set. It
// follows no redirect (a redirect is returned as a *StatusError, as any
// status outside 2xx is) and reads at most 64 KB of the answer, which it
// discards. header is added to the request. It returns the status of a
// 2xx answer.
func (c *Client) Post(ctx context.Context, rawURL, contentType string, body []byte, header http.Header) (int, error) {
	name := Redact(rawURL)
	u, err := url.Parse(rawURL)
	if err != nil {
		return 0, fmt.Errorf("post %q: %w", name, redactErr(err))
	}
	if err := checkURL(u); err != nil {
		return 0, fmt.Errorf("post %q: %w", name, err)
	}
	ctx, cancel := context.WithTimeoutCause(ctx, c.opts.Timeout, ErrTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), bytes.NewReader(body))
	if err != nil {
		return 0, fmt.Errorf("post %s: %w", name, redactErr(err))
	}
	for k, vs := range header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Content-Type", contentType)
	hc := &http.Client{
		Transport:     c.transport,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	resp, err := hc.Do(req)
	if err != nil {
		return 0, c.wrapErr(ctx, name, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp.StatusCode, &StatusError{URL: name, Code: resp.StatusCode,
			RetryAfter: parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())}
	}
	return resp.StatusCode, nil
}
