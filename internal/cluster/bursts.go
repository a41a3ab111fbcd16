package cluster

import (
	"slices"
	"time"
)

// span is one burst of a story's activity: the publication times of a run
// of its articles, each within Config.BurstGap of the next.
type span struct {
	first, last time.Time
}

// maxBursts caps the bursts kept per story; past it the two closest
// neighbours are joined, so a story seen on many scattered days still costs
// a few dozen times.
const maxBursts = 32

// addTime records a publication time in the bursts b (sorted, disjoint,
// further apart than join) and returns the updated list.
func addTime(b []span, t time.Time, join time.Duration) []span {
	return addSpan(b, span{t, t}, join)
}

// addSpan merges s into the bursts b.
func addSpan(b []span, s span, join time.Duration) []span {
	i, _ := slices.BinarySearchFunc(b, s.first, func(x span, t time.Time) int { return x.first.Compare(t) })
	b = slices.Insert(b, i, s)
	// Join neighbours closer than join, around the insertion point.
	lo := max(0, i-1)
	out := b[:lo]
	cur := b[lo]
	for _, x := range b[lo+1:] {
		if x.first.Sub(cur.last) <= join {
			if x.last.After(cur.last) {
				cur.last = x.last
			}
			continue
		}
		out = append(out, cur)
		cur = x
	}
	out = append(out, cur)
	for len(out) > maxBursts {
		best, bg := 0, time.Duration(1<<62)
		for k := 0; k+1 < len(out); k++ {
			if g := out[k+1].first.Sub(out[k].last); g < bg {
				best, bg = k, g
			}
		}
		out[best].last = out[best+1].last
		out = slices.Delete(out, best+1, best+2)
	}
	return out
}

// burstGap is the time from t to the nearest burst (0 inside one, or when
// either side is undated).
func burstGap(t time.Time, b []span) time.Duration {
	if t.IsZero() || len(b) == 0 {
		return 0
	}
	g := time.Duration(1 << 62)
	for _, s := range b {
		g = min(g, gap(t, s.first, s.last))
		if g == 0 {
			return 0
		}
	}
	return g
}

// burstsGap is the least time between a burst of a and one of b.
func burstsGap(a, b []span) time.Duration {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	g := time.Duration(1 << 62)
	for _, x := range a {
		for _, y := range b {
			g = min(g, spanGap(x.first, x.last, y.first, y.last))
			if g == 0 {
				return 0
			}
		}
	}
	return g
}
