package when

import (
	"fmt"
	"sort"
	"testing"
)

// TestRuleStats prints, per rule and half of TimeBank, how many
// expressions the rule produced, how many overlap a gold expression and
// how many of those have the gold value (go test ./internal/when -run
// RuleStats -v): a rule that is right on one half and wrong on the other
// is fitted, not general.
func TestRuleStats(t *testing.T) {
	if testing.Short() || !testing.Verbose() {
		t.Skip("a report, run with -v")
	}
	a, b := timeBankHalves(t)
	type st struct{ sys, ext, val int }
	stats := map[string]*[2]st{}
	for h, docs := range [][]Doc{a, b} {
		for _, d := range docs {
			f := newFinder(d.Text, d.DCT)
			for _, m := range choose(f.candidates(false), len(d.Text)) {
				x, ok := m.rule.norm(f, m)
				if !ok {
					continue
				}
				x.Start, x.End = m.start, m.end
				if !m.rule.noRef {
					f.remember(x)
				}
				s := stats[m.rule.name]
				if s == nil {
					s = &[2]st{}
					stats[m.rule.name] = s
				}
				s[h].sys++
				for _, g := range d.Gold {
					if min(g.End, x.End) > max(g.Start, x.Start) {
						s[h].ext++
						if g.Value == x.Value {
							s[h].val++
						}
						break
					}
				}
			}
		}
	}
	names := make([]string, 0, len(stats))
	for n := range stats {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		s := stats[n]
		line := fmt.Sprintf("%-15s", n)
		for _, h := range s {
			line += fmt.Sprintf("  sys %4d ext %4d val %4d (%.2f)", h.sys, h.ext, h.val, float64(h.val)/float64(max(1, h.sys)))
		}
		t.Log(line)
	}
}
