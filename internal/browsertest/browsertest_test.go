package browsertest

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func pngBytes(t *testing.T, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCheckPNG(t *testing.T) {
	blank := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for i := range blank.Pix {
		blank.Pix[i] = 0xff
	}
	drawn := image.NewRGBA(image.Rect(0, 0, 40, 30))
	copy(drawn.Pix, blank.Pix)
	drawn.Set(39, 29, color.RGBA{R: 10, A: 0xff})
	tests := []struct {
		name    string
		data    []byte
		wantErr string
	}{
		{"empty", nil, "empty image"},
		{"not png", []byte("GIF89a"), "decode PNG"},
		{"blank", pngBytes(t, blank), "single colour"},
		{"drawn", pngBytes(t, drawn), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckPNG(tc.data)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Errorf("CheckPNG: %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Errorf("CheckPNG error %v, want one containing %q", err, tc.wantErr)
			}
		})
	}
}

func TestForeignRequests(t *testing.T) {
	b := &Browser{requests: []Request{
		{URL: "http://127.0.0.1:5000/", Type: "Document"},
		{URL: "http://127.0.0.1:5000/static/a.css", Type: "Stylesheet"},
		{URL: "http://127.0.0.1:5001/x.png", Type: "Image"},
		{URL: "https://fonts.example.com/f.woff2", Type: "Font"},
		{URL: "data:image/png;base64,AAAA", Type: "Image"},
		{URL: "about:blank", Type: "Document"},
	}}
	var got []string
	for _, r := range b.ForeignRequests("http://127.0.0.1:5000") {
		got = append(got, r.URL)
	}
	want := []string{"http://127.0.0.1:5001/x.png", "https://fonts.example.com/f.woff2"}
	if !slices.Equal(got, want) {
		t.Errorf("ForeignRequests = %q, want %q", got, want)
	}
	if n := len(b.ForeignRequests("127.0.0.1:5000", "127.0.0.1:5001", "fonts.example.com")); n != 0 {
		t.Errorf("%d foreign requests with every host allowed", n)
	}
}

func TestFileName(t *testing.T) {
	if got := fileName("TestX/sub test:1"); got != "TestX_sub_test_1" {
		t.Errorf("fileName = %q", got)
	}
}

// TestBrowser drives a real Chromium over two small pages, one of which
// loads an image from a second server: the recorder must see that request
// as foreign.
func TestBrowser(t *testing.T) {
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		img := image.NewRGBA(image.Rect(0, 0, 2, 2))
		img.Set(0, 0, color.Black)
		_ = png.Encode(w, img)
	}))
	defer other.Close()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!doctype html><html><head><title>Home</title><link rel="icon" href="data:,"></head><body style="background:#fff">
<h1>Hello <em>there</em></h1>
<ul><li><a class="item" href="/next?n=1">First</a></li><li><a class="item" href="/next?n=2">Second</a></li></ul>
<form action="/find" method="get"><input name="q" id="q"><button type="submit">Go</button></form>
</body></html>`)
	})
	mux.HandleFunc("GET /next", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<!doctype html><html><head><title>Next %s</title><link rel="icon" href="data:,"></head><body>
<p id="n">page %s</p><img src="%s/pixel.png" alt="">
</body></html>`, r.URL.Query().Get("n"), r.URL.Query().Get("n"), other.URL)
	})
	mux.HandleFunc("GET /find", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprintf(w, `<!doctype html><html><head><title>Find</title><link rel="icon" href="data:,"></head><body><p id="q">%d bytes</p></body></html>`, len(r.URL.Query().Get("q")))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	dir := t.TempDir()
	t.Setenv("PARALLAX_SCREENSHOTS", dir)
	b := New(t)

	if st := b.Navigate(srv.URL + "/"); st != http.StatusOK {
		t.Fatalf("navigate status %d", st)
	}
	if got := b.Title(); got != "Home" {
		t.Errorf("title %q", got)
	}
	if got := b.Text("h1"); got != "Hello there" {
		t.Errorf("h1 %q", got)
	}
	if got := b.Count("a.item"); got != 2 {
		t.Errorf("count %d", got)
	}
	links := b.Links("a.item")
	want := []Link{{"First", srv.URL + "/next?n=1"}, {"Second", srv.URL + "/next?n=2"}}
	if !slices.Equal(links, want) {
		t.Errorf("links %+v, want %+v", links, want)
	}
	if n := len(b.ForeignRequests(srv.URL)); n != 0 {
		t.Errorf("home page made %d foreign requests: %+v", n, b.ForeignRequests(srv.URL))
	}
	shot := b.Screenshot("home")
	if filepath.Dir(shot) != dir {
		t.Errorf("screenshot saved to %s, want under %s", shot, dir)
	}
	if data, err := os.ReadFile(shot); err != nil || CheckPNG(data) != nil {
		t.Errorf("saved screenshot unreadable: %v", err)
	}

	b.Fill("#q", "Ушаков")
	if st := b.Submit("#q"); st != http.StatusNotFound {
		t.Errorf("submit status %d, want the page's 404", st)
	}
	if got := b.Text("#q"); got != "12 bytes" {
		t.Errorf("form sent %q, want the UTF-8 query of 12 bytes", got)
	}

	b.Navigate(srv.URL + "/")
	if st := b.Click("a.item"); st != http.StatusOK {
		t.Errorf("click status %d", st)
	}
	if got := b.Text("#n"); got != "page 1" {
		t.Errorf("after click: %q on %s", got, b.URL())
	}
	if !strings.HasSuffix(b.URL(), "/next?n=1") {
		t.Errorf("URL %s", b.URL())
	}
	foreign := b.ForeignRequests(srv.URL)
	if len(foreign) != 1 || foreign[0].URL != other.URL+"/pixel.png" || foreign[0].Type != "Image" {
		t.Errorf("foreign requests %+v, want the one image from %s", foreign, other.URL)
	}
	if reqs := b.Requests(); len(reqs) < 4 || reqs[0].Type != "Document" {
		t.Errorf("requests %+v", reqs)
	}
	if errs := b.ConsoleErrors(); len(errs) != 1 || !strings.Contains(errs[0], "404") {
		t.Errorf("console errors %q, want the one 404 of /find", errs)
	}
}
