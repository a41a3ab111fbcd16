package web

import (
	"net/http"
	"os"
	"testing"

	"github.com/parallax-news/parallax/internal/browsertest"
)

// The checks the browser tests share.

// assertNoSideScroll opens each path of the server at base at the current
// viewport: each must answer 200 and fit the window's width.
func assertNoSideScroll(t *testing.T, b *browsertest.Browser, base string, paths []string) {
	t.Helper()
	for _, p := range paths {
		if st := b.Navigate(base + p); st != http.StatusOK {
			t.Errorf("%s: status %d", p, st)
			continue
		}
		var overflow bool
		b.Eval(`document.documentElement.scrollWidth > window.innerWidth + 1`, &overflow)
		if overflow {
			t.Errorf("%s scrolls sideways at phone width", p)
		}
	}
}

// assertScreenshots checks that every screenshot file was written and shows
// content.
func assertScreenshots(t *testing.T, shots []string) {
	t.Helper()
	for _, p := range shots {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("screenshot %s: %v", p, err)
			continue
		}
		if err := browsertest.CheckPNG(data); err != nil {
			t.Errorf("screenshot %s: %v", p, err)
		}
	}
}

// assertBrowserClean checks that the browser asked no host but the server
// at base for anything and that no page logged an error.
func assertBrowserClean(t *testing.T, b *browsertest.Browser, base string) {
	t.Helper()
	if foreign := b.ForeignRequests(base); len(foreign) != 0 {
		t.Errorf("requests to other hosts: %+v", foreign)
	}
	if errs := b.ConsoleErrors(); len(errs) != 0 {
		t.Errorf("console errors: %q", errs)
	}
}
