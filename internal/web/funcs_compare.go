package web

import (
	"fmt"
	"math"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/watch"
)

// kindName names an outlet kind ("state_affiliated" → "state-affiliated").
func kindName(k string) string { return watch.KindName(k) }

// percent renders a share in [0, 1] as "40%".
func percent(share float64) string {
	if math.IsNaN(share) || share < 0 {
		share = 0
	}
	return fmt.Sprintf("%.0f%%", 100*share)
}

// pctStep rounds a share to a multiple of 10 in [0, 100], naming one of the
// CSS width classes (.w0 … .w100): no inline style is needed.
func pctStep(share float64) int {
	if math.IsNaN(share) || share <= 0 {
		return 0
	}
	if share >= 1 {
		return 100
	}
	return int(math.Round(share*10)) * 10
}

// claims returns both sides of a disagreement, for ranging over.
func claims(d compare.Disagreement) []compare.Claim { return []compare.Claim{d.A, d.B} }
