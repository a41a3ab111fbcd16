package engine

import (
	"testing"
	"time"
)

func TestUpgradesDue(t *testing.T) {
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		ids  []string
		last time.Time
		want bool
	}{
		{"nothing waits", nil, time.Time{}, false},
		{"first upgrade", []string{"a"}, time.Time{}, true},
		{"last re-analysis recent", []string{"a"}, now.Add(-10 * time.Minute), false},
		{"last re-analysis an hour old", []string{"a"}, now.Add(-time.Hour), true},
		{"nothing waits after an old re-analysis", nil, now.Add(-2 * time.Hour), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := upgrades{ids: tt.ids, last: tt.last}
			if got := u.due(now, UpgradeReanalysisGap); got != tt.want {
				t.Errorf("due = %v, want %v", got, tt.want)
			}
		})
	}
}
