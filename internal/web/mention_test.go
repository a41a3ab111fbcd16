package web

import "testing"

func TestMentionAs(t *testing.T) {
	for _, tc := range []struct{ name, mention, want string }{
		{"JD Vance", "the vice president", "the vice president"},
		{"JD Vance", "Vance", ""},
		{"JD Vance", "he", ""},
		{"Kremlin", "The Kremlin", ""},
		{"Sergey Lavrov", "Sergei Lavrov", "Sergei Lavrov"},
		{"unnamed", "a senior official", "a senior official"},
		{"Donald Trump", "", ""},
	} {
		if got := mentionAs(tc.name, tc.mention); got != tc.want {
			t.Errorf("mentionAs(%q, %q) = %q, want %q", tc.name, tc.mention, got, tc.want)
		}
	}
}
