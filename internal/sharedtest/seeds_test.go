package sharedtest

import (
	"os"
	"testing"
)

func TestSeeds(t *testing.T) {
	seeds := Seeds(t)
	if len(seeds) != 5 {
		t.Fatalf("%d seeds, want 5", len(seeds))
	}
	for _, s := range seeds {
		if _, err := os.Stat(s.Path); err != nil {
			t.Errorf("%s: %v", s.File, err)
		}
		if s.Published.Year() != 2025 {
			t.Errorf("%s: published %v, want a 2025 date", s.File, s.Published)
		}
		if len(s.Text(t)) < 500 {
			t.Errorf("%s: text too short", s.File)
		}
	}
	if d := SeedDates(t)["004_1d6ada1cc2e61389.txt"]; d.Format("2006-01-02") != "2025-12-04" {
		t.Errorf("seed 004 dated %v, want 2025-12-04", d)
	}
}
