// Package browsertest drives a headless Chromium from Go tests: open pages,
// read text and links, click and fill forms, save full-page screenshots, and
// list every network request a page made, so that a test can prove a page
// loads nothing from another host.
//
// It needs Debian's chromium package (/usr/bin/chromium), which CI installs;
// PARALLAX_CHROMIUM names another binary. A missing browser fails the test
// with a message saying so, rather than skipping it.
//
// Typical use:
//
//	b := browsertest.New(t)
//	b.Navigate(srv.URL)
//	b.Click("a.article-link")
//	title := b.Text("h1")
//	path := b.Screenshot("article")
//	if reqs := b.ForeignRequests(srv.URL); len(reqs) > 0 { t.Errorf(...) }
//
// Every method fails the test (t.Fatalf) on error, so calls read as steps.
// A Browser belongs to one test and is not safe for concurrent use.
package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// DefaultTimeout bounds each step (a navigation, a click, a read).
const DefaultTimeout = 30 * time.Second

// ErrNoBrowser is returned by Executable when no Chromium binary is found.
var ErrNoBrowser = errors.New("no chromium binary found: install Debian's chromium package (apt-get install -y chromium chromium-driver) or set PARALLAX_CHROMIUM")

// Request is one network request a page made.
type Request struct {
	URL    string
	Method string
	// Type is the resource type as Chromium names it: Document, Stylesheet,
	// Image, Script, Fetch, Other...
	Type string
}

// Link is an <a> element: its visible text and its resolved href.
type Link struct {
	Text string `json:"text"`
	Href string `json:"href"`
}

// Browser is one headless Chromium with one tab.
type Browser struct {
	tb      testing.TB
	ctx     context.Context
	timeout time.Duration

	shotOnce sync.Once
	shotDir  string
	shotErr  error

	mu       sync.Mutex
	requests []Request
	console  []string
}

// Executable returns the Chromium binary to use: $PARALLAX_CHROMIUM, else
// /usr/bin/chromium, else chromium or chromium-browser on PATH. It returns
// ErrNoBrowser when none exists.
func Executable() (string, error) {
	if p := os.Getenv("PARALLAX_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("PARALLAX_CHROMIUM=%s: %w", p, err)
		}
		return p, nil
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium", nil
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// New starts a headless Chromium with a fresh profile under tb.TempDir() and
// opens one tab. The browser is closed when the test ends. New fails the
// test if Chromium is missing or does not start.
func New(tb testing.TB) *Browser {
	tb.Helper()
	exe, err := Executable()
	if err != nil {
		tb.Fatalf("browsertest: %v", err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(tb.TempDir()),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("lang", "en-US"),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	b := &Browser{tb: tb, timeout: DefaultTimeout}
	ctx, cancelTab := chromedp.NewContext(allocCtx, chromedp.WithListener(b.record))
	b.ctx = ctx
	tb.Cleanup(func() {
		cancelTab()
		cancelAlloc()
	})
	// The first call starts the browser; it must not carry a step timeout,
	// which would close the browser when it expires.
	start := make(chan error, 1)
	go func() { start <- chromedp.Do(ctx) }()
	select {
	case err := <-start:
		if err != nil {
			tb.Fatalf("browsertest: start %s: %v", exe, err)
		}
	case <-time.After(2 * DefaultTimeout):
		tb.Fatalf("browsertest: start %s: no answer in %s", exe, 2*DefaultTimeout)
	}
	return b
}

// record runs in the tab's event loop: it must return fast.
func (b *Browser) record(ev any) {
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		if ev.Request == nil {
			return
		}
		b.mu.Lock()
		b.requests = append(b.requests, Request{URL: ev.Request.URL, Method: ev.Request.Method, Type: string(ev.Type)})
		b.mu.Unlock()
	case *network.EventWebSocketCreated:
		b.mu.Lock()
		b.requests = append(b.requests, Request{URL: ev.URL, Method: "GET", Type: "WebSocket"})
		b.mu.Unlock()
	case *log.EventEntryAdded:
		if ev.Entry != nil && ev.Entry.Level == log.EntryLevelError {
			b.mu.Lock()
			b.console = append(b.console, strings.TrimSpace(ev.Entry.Text+" "+ev.Entry.URL))
			b.mu.Unlock()
		}
	case *runtime.EventExceptionThrown:
		if ev.ExceptionDetails != nil {
			text := ev.ExceptionDetails.Text
			if ex := ev.ExceptionDetails.Exception; ex != nil && ex.Description != "" {
				text += " " + ex.Description
			}
			b.mu.Lock()
			b.console = append(b.console, "exception: "+text)
			b.mu.Unlock()
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range ev.Args {
				if a == nil {
					continue
				}
				if len(a.Value) > 0 {
					parts = append(parts, string(a.Value))
				} else {
					parts = append(parts, a.Description)
				}
			}
			b.mu.Lock()
			b.console = append(b.console, "console."+string(ev.Type)+": "+strings.Join(parts, " "))
			b.mu.Unlock()
		}
	}
}

// SetTimeout changes the time limit of each later step (default DefaultTimeout).
func (b *Browser) SetTimeout(d time.Duration) {
	if d > 0 {
		b.timeout = d
	}
}

func (b *Browser) step() (context.Context, context.CancelFunc) {
	return context.WithTimeout(b.ctx, b.timeout)
}

// Navigate opens url, waits for it to load and returns the HTTP status of
// the document.
func (b *Browser) Navigate(url string) int {
	b.tb.Helper()
	ctx, cancel := b.step()
	defer cancel()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(url))
	if err != nil {
		b.tb.Fatalf("browsertest: navigate to %s: %v", url, err)
	}
	return status(resp)
}

// Click clicks the first visible element matching the CSS selector, waits
// for the page the click opens, and returns its HTTP status. Use it for
// links and submit buttons: a click that navigates nowhere times out.
func (b *Browser) Click(selector string) int {
	b.tb.Helper()
	ctx, cancel := b.step()
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(selector), chromedp.NodeVisible))
	if err != nil {
		b.tb.Fatalf("browsertest: click %q on %s: %v", selector, b.location(), err)
	}
	return status(resp)
}

// Fill replaces the value of the input matching the CSS selector by typing
// text into it.
func (b *Browser) Fill(selector, text string) {
	b.tb.Helper()
	ctx, cancel := b.step()
	defer cancel()
	sel := chromedp.CSS(selector)
	if err := chromedp.Do(ctx, chromedp.Clear(sel, chromedp.NodeVisible), chromedp.SendKeys(sel, text, chromedp.NodeVisible)); err != nil {
		b.tb.Fatalf("browsertest: fill %q on %s: %v", selector, b.location(), err)
	}
}

// Submit submits the form that holds the element matching the CSS selector,
// waits for the resulting page and returns its HTTP status.
func (b *Browser) Submit(selector string) int {
	b.tb.Helper()
	ctx, cancel := b.step()
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.Submit(chromedp.CSS(selector)))
	if err != nil {
		b.tb.Fatalf("browsertest: submit %q on %s: %v", selector, b.location(), err)
	}
	return status(resp)
}

func status(resp *network.Response) int {
	if resp == nil {
		return 0
	}
	return int(resp.Status)
}

// eval runs a JavaScript expression in the page and decodes its JSON result
// into v.
func (b *Browser) eval(what, expr string, v any) {
	b.tb.Helper()
	ctx, cancel := b.step()
	defer cancel()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](expr))
	if err != nil {
		b.tb.Fatalf("browsertest: %s on %s: %v", what, b.location(), err)
	}
	if len(raw) == 0 {
		raw = []byte("null") // undefined
	}
	if err := json.Unmarshal(raw, v); err != nil {
		b.tb.Fatalf("browsertest: %s on %s: decode %s: %v", what, b.location(), raw, err)
	}
}

func jsString(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}

// Eval runs a JavaScript expression in the page and decodes its result,
// as JSON, into v (a pointer); undefined decodes as null. Pass new(any) to
// ignore the result.
func (b *Browser) Eval(expr string, v any) {
	b.tb.Helper()
	b.eval("evaluate", expr, v)
}

// Texts returns the rendered text (innerText, trimmed) of every element
// matching the CSS selector, in document order; none gives an empty slice.
func (b *Browser) Texts(selector string) []string {
	b.tb.Helper()
	out := []string{}
	b.eval("read text of "+selector,
		`Array.from(document.querySelectorAll(`+jsString(selector)+`), e => (e.innerText || e.textContent || "").trim())`, &out)
	return out
}

// Text returns the rendered text of the first element matching the CSS
// selector. It fails the test when nothing matches.
func (b *Browser) Text(selector string) string {
	b.tb.Helper()
	all := b.Texts(selector)
	if len(all) == 0 {
		b.tb.Fatalf("browsertest: no element matches %q on %s", selector, b.location())
	}
	return all[0]
}

// Count returns the number of elements matching the CSS selector.
func (b *Browser) Count(selector string) int {
	b.tb.Helper()
	var n int
	b.eval("count "+selector, `document.querySelectorAll(`+jsString(selector)+`).length`, &n)
	return n
}

// Links returns the <a href> elements matching the CSS selector ("a" for
// all), with their text and absolute href.
func (b *Browser) Links(selector string) []Link {
	b.tb.Helper()
	out := []Link{}
	b.eval("read links "+selector,
		`Array.from(document.querySelectorAll(`+jsString(selector)+`)).filter(e => e.hasAttribute("href")).map(e => ({text: (e.innerText || "").trim(), href: e.href}))`, &out)
	return out
}

// Title returns the document title.
func (b *Browser) Title() string {
	b.tb.Helper()
	ctx, cancel := b.step()
	defer cancel()
	t, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil {
		b.tb.Fatalf("browsertest: title: %v", err)
	}
	return t
}

// URL returns the address of the current page.
func (b *Browser) URL() string {
	b.tb.Helper()
	ctx, cancel := b.step()
	defer cancel()
	u, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		b.tb.Fatalf("browsertest: location: %v", err)
	}
	return u
}

// location is URL for error messages: it never fails.
func (b *Browser) location() string {
	ctx, cancel := context.WithTimeout(b.ctx, 2*time.Second)
	defer cancel()
	u, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		return "(unknown page)"
	}
	return u
}

// SetViewport resizes the page's viewport to width×height CSS pixels; a
// width under 600 also emulates a phone (mobile layout, touch).
func (b *Browser) SetViewport(width, height int) {
	b.tb.Helper()
	ctx, cancel := b.step()
	defer cancel()
	var opts []chromedp.EmulateViewportOption
	if width < 600 {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulateScale(2))
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(height), opts...)); err != nil {
		b.tb.Fatalf("browsertest: set viewport %dx%d: %v", width, height, err)
	}
}

// ScreenshotDir returns the folder screenshots go to: $PARALLAX_SCREENSHOTS
// when set (created if needed), else a new folder under the system temporary
// directory that outlives the test, so the images can be looked at.
func (b *Browser) ScreenshotDir() string {
	b.tb.Helper()
	b.shotOnce.Do(func() {
		if d := os.Getenv("PARALLAX_SCREENSHOTS"); d != "" {
			b.shotDir, b.shotErr = d, os.MkdirAll(d, 0o755)
			return
		}
		b.shotDir, b.shotErr = os.MkdirTemp("", "parallax-screenshots-")
	})
	if b.shotErr != nil {
		b.tb.Fatalf("browsertest: screenshot folder: %v", b.shotErr)
	}
	return b.shotDir
}

// Screenshot saves a full-page PNG of the current page as
// <ScreenshotDir>/<test name>-<name>.png and returns its path. It fails the
// test when the image is empty or a single colour (a blank page).
func (b *Browser) Screenshot(name string) string {
	b.tb.Helper()
	ctx, cancel := b.step()
	defer cancel()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100: PNG
	if err != nil {
		b.tb.Fatalf("browsertest: screenshot %s of %s: %v", name, b.location(), err)
	}
	if err := CheckPNG(buf); err != nil {
		b.tb.Fatalf("browsertest: screenshot %s of %s: %v", name, b.location(), err)
	}
	path := filepath.Join(b.ScreenshotDir(), fileName(b.tb.Name()+"-"+name)+".png")
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		b.tb.Fatalf("browsertest: save screenshot: %v", err)
	}
	b.tb.Logf("screenshot %s: %s", name, path)
	return path
}

// CheckPNG returns an error unless data is a PNG image with at least one
// pixel and more than one colour.
func CheckPNG(data []byte) error {
	if len(data) == 0 {
		return errors.New("empty image")
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("decode PNG: %w", err)
	}
	r := img.Bounds()
	if r.Empty() {
		return fmt.Errorf("image has no pixels (%v)", r)
	}
	if singleColour(img) {
		return fmt.Errorf("image is a single colour (%dx%d): the page looks blank", r.Dx(), r.Dy())
	}
	return nil
}

func singleColour(img image.Image) bool {
	r := img.Bounds()
	r0, g0, b0, a0 := img.At(r.Min.X, r.Min.Y).RGBA()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, a1 := img.At(x, y).RGBA()
			if r1 != r0 || g1 != g0 || b1 != b0 || a1 != a0 {
				return false
			}
		}
	}
	return true
}

// fileName makes s safe as a file name.
func fileName(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			return r
		}
		return '_'
	}, s)
}

// Requests returns every network request the tab has made so far, in order.
func (b *Browser) Requests() []Request {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]Request(nil), b.requests...)
}

// ForeignRequests returns the requests to hosts other than those of the
// allowed URLs ("http://127.0.0.1:41234" or a bare "127.0.0.1:41234"), host
// and port compared. Requests with no host (data:, blob:, about:) are never
// foreign: they reach no server.
func (b *Browser) ForeignRequests(allowed ...string) []Request {
	hosts := make(map[string]bool, len(allowed))
	for _, a := range allowed {
		if u, err := url.Parse(a); err == nil && u.Host != "" {
			hosts[u.Host] = true
		} else {
			hosts[a] = true
		}
	}
	var out []Request
	for _, r := range b.Requests() {
		u, err := url.Parse(r.URL)
		if err != nil {
			out = append(out, r)
			continue
		}
		switch u.Scheme {
		case "data", "blob", "about":
			continue
		}
		if !hosts[u.Host] {
			out = append(out, r)
		}
	}
	return out
}

// ConsoleErrors returns the errors the pages reported so far: uncaught
// exceptions, console.error calls and browser log errors such as failed
// loads and Content-Security-Policy violations.
func (b *Browser) ConsoleErrors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.console...)
}
