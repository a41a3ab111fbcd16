package feed

import (
	"errors"
	"testing"
)

func TestCanonicalURL(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"https://example.com/a/b", "https://example.com/a/b"},
		{"HTTPS://Example.COM/A/b", "https://example.com/A/b"},
		{"https://example.com", "https://example.com/"},
		{"https://example.com:443/x", "https://example.com/x"},
		{"http://example.com:80/x", "http://example.com/x"},
		{"http://example.com:8080/x", "http://example.com:8080/x"},
		{"https://example.com./x", "https://example.com/x"},
		{"https://user:pw@example.com/x", "https://example.com/x"},
		{"https://example.com/x#section-2", "https://example.com/x"},
		{"https://example.com/a/./b/../c", "https://example.com/a/c"},
		{"https://example.com/x?utm_source=rss&utm_medium=feed", "https://example.com/x"},
		{"https://example.com/x?id=3&utm_campaign=c&fbclid=abc&gclid=d", "https://example.com/x?id=3"},
		{"https://example.com/x?b=2&a=1&a=0", "https://example.com/x?a=1&a=0&b=2"},
		{"https://example.com/x?UTM_Source=a&CMP=share_btn_tw&page=2", "https://example.com/x?page=2"},
		{"https://example.com/x?", "https://example.com/x"},
		{"https://example.com/path/", "https://example.com/path/"},
		{"https://example.com/caf%C3%A9?q=a%20b", "https://example.com/caf%C3%A9?q=a%20b"},
		{"  https://example.com/x  ", "https://example.com/x"},
		{"https://[2001:DB8::1]:443/x", "https://[2001:db8::1]/x"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := CanonicalURL(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("CanonicalURL(%q) = %q, want %q", tc.in, got, tc.want)
			}
			again, err := CanonicalURL(got)
			if err != nil || again != got {
				t.Errorf("not idempotent: %q -> %q (%v)", got, again, err)
			}
		})
	}
	for _, bad := range []string{"", "/relative/path", "ftp://example.com/x", "mailto:a@b.c", "javascript:alert(1)", "https://", "http://:80/", "https://exa mple.com/%zz"} {
		t.Run("bad "+bad, func(t *testing.T) {
			if got, err := CanonicalURL(bad); !errors.Is(err, ErrBadURL) {
				t.Errorf("CanonicalURL(%q) = %q, %v; want ErrBadURL", bad, got, err)
			}
		})
	}
}

func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{"https://e.com/a?utm_x=1&b=2#f", "http://E.com:80", "https://[::1]:443/", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := CanonicalURL(s)
		if err != nil {
			return
		}
		again, err := CanonicalURL(got)
		if err != nil || again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q (%v)", s, got, again, err)
		}
	})
}
