package store

import (
	"fmt"
	"strings"
	"testing"
)

func TestSearchTerms(t *testing.T) {
	// Each term is shown as its text, in quotes for a phrase, with "*" for
	// a prefix.
	cases := []struct{ in, want string }{
		{"", ""},
		{" \t\n", ""},
		{"Ushakov", "Ushakov"},
		{"peace plan", "peace | plan"},
		{`"peace plan" Geneva`, `"peace plan" | Geneva`},
		{`"peace plan`, `"peace plan"`},
		{`negotiat** talk*`, "negotiat* | talk*"},
		{`"negotiat*"`, `"negotiat*"`},
		{`*`, ""},
		{`"*"`, ""},
		{`- ( ) : ^ +`, ""},
		{`NEAR(a b)`, "NEAR(a | b)"},
		{`a"b"c`, `a | "b" | c`},
		{`""`, ""},
		{"a\x00b", "a | b"},
		{"\"a\x00b\xffc\"", `"a b c"`},
		{"Ушаков\u00a0мир", "Ушаков | мир"},
		{"co-oper*", "co-oper*"},
	}
	for _, tc := range cases {
		var got []string
		for _, term := range SearchTerms(tc.in) {
			s := term.Text
			if term.Phrase {
				s = fmt.Sprintf("%q", s)
			}
			if term.Prefix {
				s += "*"
			}
			got = append(got, s)
		}
		if g := strings.Join(got, " | "); g != tc.want {
			t.Errorf("SearchTerms(%q) = %s, want %s", tc.in, g, tc.want)
		}
	}
}
