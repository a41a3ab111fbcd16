package cluster

import (
	"fmt"
	"testing"
	"time"
)

func TestBursts(t *testing.T) {
	day := 24 * time.Hour
	at := func(d int) time.Time { return t0.Add(time.Duration(d) * day) }
	show := func(b []span) string {
		s := ""
		for _, x := range b {
			s += fmt.Sprintf("[%d,%d]", int(x.first.Sub(t0)/day), int(x.last.Sub(t0)/day))
		}
		return s
	}
	for _, tc := range []struct {
		name string
		days []int
		want string
	}{
		{"one", []int{5}, "[5,5]"},
		{"close ones join", []int{0, 3, 9}, "[0,9]"},
		{"far ones stay apart", []int{0, 30}, "[0,0][30,30]"},
		{"out of order", []int{30, 0, 3}, "[0,3][30,30]"},
		{"a late article bridges two", []int{0, 20, 10}, "[0,20]"},
		{"repeat", []int{4, 4, 4}, "[4,4]"},
	} {
		var b []span
		for _, d := range tc.days {
			b = addTime(b, at(d), 10*day)
		}
		if got := show(b); got != tc.want {
			t.Errorf("%s: bursts %s, want %s", tc.name, got, tc.want)
		}
	}

	var b []span
	for i := range 3 * maxBursts {
		b = addTime(b, at(100*i), 10*day)
	}
	if len(b) != maxBursts || !b[0].first.Equal(at(0)) || !b[len(b)-1].last.Equal(at(100*(3*maxBursts-1))) {
		t.Errorf("capped bursts: %d from %s to %s", len(b), b[0].first, b[len(b)-1].last)
	}

	b = []span{{at(0), at(2)}, {at(400), at(401)}}
	for _, tc := range []struct {
		t    time.Time
		want int
	}{{at(1), 0}, {at(10), 8}, {at(200), 198}, {at(390), 10}, {at(500), 99}, {time.Time{}, 0}} {
		if got := int(burstGap(tc.t, b) / day); got != tc.want {
			t.Errorf("gap from day %v: %d days, want %d", tc.t.Sub(t0)/day, got, tc.want)
		}
	}
	if got := burstsGap(b, []span{{at(180), at(220)}}) / day; got != 178 {
		t.Errorf("gap between bursts: %d days, want 178", got)
	}
}

// TestDecayFromNearestBurst: a story whose articles came a year apart is
// not active in between, so an article halfway is damped as far from both;
// measured from the whole span it would not be damped at all.
func TestDecayFromNearestBurst(t *testing.T) {
	day := 24 * time.Hour
	s := &story{first: t0, last: t0.Add(400 * day)}
	s.bursts = addTime(addTime(nil, s.first, 90*day), s.last, 90*day)
	mid := t0.Add(200 * day)
	if d := New(Config{BurstGap: -1}).decayTo(mid, s); d != 1 {
		t.Errorf("whole-span decay inside the span = %.3f, want 1", d)
	}
	c := New(Config{})
	if d, want := c.decayTo(mid, s), c.damp(200*day); d != want || d > 0.5 {
		t.Errorf("burst decay halfway = %.3f, want %.3f (200 days)", d, want)
	}
	if d := c.decayTo(t0.Add(day), s); d != c.damp(day) {
		t.Errorf("decay a day after the first burst = %.3f, want %.3f", d, c.damp(day))
	}
}
