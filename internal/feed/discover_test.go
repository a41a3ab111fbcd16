package feed

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/fetch"
)

func TestDiscover(t *testing.T) {
	tests := []struct {
		name, page, url string
		want            []string
	}{
		{
			name: "rss and atom",
			page: `<html><head><link rel="stylesheet" href="/s.css"><link rel="alternate" type="application/rss+xml" title="RSS" href="/rss.xml">
<link rel="alternate" type="application/atom+xml" href="https://other.example.com/atom"><link rel="alternate" hreflang="fr" href="/fr/"></head><body></body></html>`,
			url:  "https://news.example.com/world/",
			want: []string{"https://news.example.com/rss.xml", "https://other.example.com/atom"},
		},
		{
			name: "base href, duplicates, case",
			page: `<head><base href="https://cdn.example.org/site/"><LINK REL="Alternate" TYPE="Application/RSS+XML" HREF="feed"><link rel="alternate" type="application/rss+xml" href="feed"></head>`,
			url:  "https://news.example.com/",
			want: []string{"https://cdn.example.org/site/feed"},
		},
		{
			name: "links after body are ignored",
			page: `<head></head><body><link rel="alternate" type="application/rss+xml" href="/late.xml"></body>`,
			url:  "https://news.example.com/",
		},
		{
			name: "javascript and empty hrefs",
			page: `<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)"><link rel="alternate" type="application/rss+xml" href="">`,
			url:  "https://news.example.com/",
		},
		{name: "not html", page: "\x00\x01binary", url: "https://x.example/"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Discover([]byte(tc.page), tc.url)
			if len(got) == 0 && len(tc.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Discover = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feed.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Resolved News</title><link>http://%s/</link><language>en-GB</language><item><title>a</title><link>http://%s/a</link></item></channel></rss>`, r.Host, r.Host)
	})
	mux.HandleFunc("GET /home", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><head><link rel="alternate" type="application/rss+xml" href="/broken.xml"><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head></html>`)
	})
	mux.HandleFunc("GET /broken.xml", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(500) })
	mux.HandleFunc("GET /plain", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><head></head><body>no feeds</body></html>`)
	})
	mux.Handle("GET /moved", http.RedirectHandler("/feed.xml", http.StatusMovedPermanently))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := fetch.New(fetch.Options{AllowPrivate: true, Timeout: 5 * time.Second})

	want := Outlet{Title: "Resolved News", FeedURL: srv.URL + "/feed.xml", SiteURL: srv.URL + "/", Language: "en"}
	for _, path := range []string{"/feed.xml", "/home", "/moved"} {
		t.Run(path, func(t *testing.T) {
			got, err := Resolve(context.Background(), c, srv.URL+path)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("Resolve = %+v, want %+v", got, want)
			}
		})
	}
	t.Run("no feed", func(t *testing.T) {
		_, err := Resolve(context.Background(), c, srv.URL+"/plain")
		if !errors.Is(err, ErrNoFeed) || !strings.Contains(err.Error(), "/plain") {
			t.Errorf("error = %v, want ErrNoFeed naming the URL", err)
		}
	})
	t.Run("404", func(t *testing.T) {
		_, err := Resolve(context.Background(), c, srv.URL+"/missing")
		var se *fetch.StatusError
		if !errors.As(err, &se) || se.Code != 404 {
			t.Errorf("error = %v, want a 404 StatusError", err)
		}
	})
}

func FuzzDiscover(f *testing.F) {
	f.Add([]byte(`<head><base href="/b/"><link rel="alternate" type="application/rss+xml" href="f"></head>`))
	f.Add([]byte(`<link rel=alternate type=application/atom+xml href=//x/y>`))
	f.Fuzz(func(t *testing.T, page []byte) {
		got := Discover(page, "https://fuzz.example/dir/page")
		if len(got) > maxDiscovered {
			t.Fatalf("%d links", len(got))
		}
		for _, u := range got {
			if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
				t.Fatalf("non-http link %q", u)
			}
		}
	})
}
