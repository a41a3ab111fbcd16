package timeline

import "testing"

func TestReadable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025-12-02", "2 Dec 2025"},
		{"2025-W33", "week of 11 Aug 2025"},
		{"2026-W01", "week of 29 Dec 2025"},
		{"2025-08", "August 2025"},
		{"2025", "2025"},
		{"2025-Q3", "Q3 2025"},
		{"2025-SU", "summer 2025"},
		{"2025-H1", "first half of 2025"},
		{"2025-12-04TEV", "4 Dec 2025, evening"},
		{"2025-12-04T14:30", "4 Dec 2025, 14:30"},
		{"2025-W49-WE", "weekend of 6 Dec 2025"},
		{"201", "the 2010s"},
		{"PAST_REF", "the past"},
		{"PRESENT_REF", "now"},
		{"FUTURE_REF", "the future"},
		{"P3Y", "P3Y"},
		{"XXXX-12", "XXXX-12"},
		{"2025-13", "2025-13"},
		{"2025-02-30", "2025-02-30"},
		{"", ""},
		{"20", "20"},
	}
	for _, tc := range tests {
		if got := Readable(tc.in); got != tc.want {
			t.Errorf("Readable(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzReadable: Readable never panics and never returns empty for a
// non-empty value.
func FuzzReadable(f *testing.F) {
	for _, s := range []string{"2025-12-02", "2025-W33", "2025-12-04TEV", "2025-W49-WE", "201", "2025-Q", "XXXX"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if got := Readable(v); v != "" && got == "" {
			t.Fatalf("Readable(%q) is empty", v)
		}
	})
}
