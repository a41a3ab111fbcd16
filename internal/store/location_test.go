package store

import (
	"errors"
	"strings"
	"testing"
)

func TestParseLocation(t *testing.T) {
	cases := []struct {
		in       string
		postgres bool
		path     string
		err      bool
	}{
		{"parallax.db", false, "parallax.db", false},
		{"/tmp/x/parallax.db", false, "/tmp/x/parallax.db", false},
		{"./data base.db", false, "./data base.db", false},
		{"postgres://parallax:pw@localhost/parallax", true, "", false},
		{"PostgreSQL://parallax@/db?host=/tmp", true, "", false},
		{" postgres://h/db ", true, "", false},
		{"host=db.internal user=parallax password=S3cret dbname=parallax", false, "", true},
		{"password=S3cret", false, "", true},
		{"mysql://root:S3cret@localhost/db", false, "", true},
		{"sqlite://x.db", false, "", true},
		{"", false, "", true},
		{"  ", false, "", true},
	}
	for _, tc := range cases {
		got, err := ParseLocation(tc.in)
		if tc.err {
			if !errors.Is(err, ErrLocation) {
				t.Errorf("ParseLocation(%q) = %+v, %v; want ErrLocation", tc.in, got, err)
			} else if strings.Contains(err.Error(), "S3cret") {
				t.Errorf("ParseLocation(%q): error shows the password: %v", tc.in, err)
			}
			continue
		}
		if err != nil || got.Postgres != tc.postgres || got.Path != tc.path || (tc.postgres && got.URL != strings.TrimSpace(tc.in)) {
			t.Errorf("ParseLocation(%q) = %+v, %v", tc.in, got, err)
		}
	}
}

// FuzzParseLocation checks that a value ParseLocation accepts as a file
// holds no "=" and names no other URL scheme, and that a refusal never
// repeats the value.
func FuzzParseLocation(f *testing.F) {
	for _, s := range []string{"p.db", "postgres://u:p@h/d", "host=h password=p", "mysql://x", " ", "a=b.db"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		loc, err := ParseLocation(s)
		if err != nil {
			// What follows the scheme or the first "=" may be a password.
			rest := s
			if i := strings.Index(s, "://"); i >= 0 {
				rest = s[i+3:]
			} else if i := strings.Index(s, "="); i >= 0 {
				rest = s[i+1:]
			}
			if len(rest) >= 12 && strings.Contains(err.Error(), rest) {
				t.Errorf("error repeats the value: %v", err)
			}
			return
		}
		if !loc.Postgres && (strings.Contains(loc.Path, "=") || strings.Contains(loc.Path, "://") && schemeRe.MatchString(strings.TrimSpace(loc.Path))) {
			t.Errorf("ParseLocation(%q) = file %q", s, loc.Path)
		}
	})
}
