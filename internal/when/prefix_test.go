package when

import (
	"reflect"
	"testing"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// TestPrefixSetSuperset checks that no rule's prefix set rejects a word
// start where its pattern matches, on the prefilter's texts
// (prefilterTexts).
func TestPrefixSetSuperset(t *testing.T) {
	texts := prefilterTexts(t)
	withPrefix := 0
	for _, r := range rules {
		if r.prefix != nil {
			withPrefix++
		}
	}
	if withPrefix == 0 {
		t.Fatal("no rule has a prefix set")
	}
	checked := 0
	for _, text := range texts {
		lower := lang.ASCIILower(text)
		for _, p := range wordStarts(lower) {
			for _, r := range rules {
				if r.prefix == nil || p+r.prefix.k > len(lower) || r.prefix.has(lower[p:]) {
					continue
				}
				end := min(len(lower), p+maxSpan+1)
				if loc := r.re.FindStringIndex(lower[p:end]); loc != nil && loc[1] > 0 {
					t.Errorf("rule %s: prefix set rejects %q, which matches", r.name, lower[p:p+loc[1]])
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("nothing rejected: the test checks nothing")
	}
}

// TestPrefixSetSameResults checks that Find gives the same expressions on
// every TimeBank text with the prefix sets as without them.
func TestPrefixSetSameResults(t *testing.T) {
	docs, err := LoadDir(sharedtest.Dir(t, "eval", "tempeval3", "TimeBank"))
	if err != nil {
		t.Fatal(err)
	}
	saved := make([]*prefixSet, len(rules))
	for i, r := range rules {
		saved[i] = r.prefix
	}
	run := func() [][]Timex {
		var out [][]Timex
		for _, d := range docs {
			out = append(out, find(d.Text, d.DCT, false), find(d.Text, d.DCT, true))
		}
		return out
	}
	with := run()
	for _, r := range rules {
		r.prefix = nil
	}
	defer func() {
		for i, r := range rules {
			r.prefix = saved[i]
		}
	}()
	without := run()
	n := 0
	for i := range with {
		n += len(with[i])
		if !reflect.DeepEqual(with[i], without[i]) {
			t.Errorf("text %d: with prefix sets %v, without %v", i/2, with[i], without[i])
		}
	}
	if n == 0 {
		t.Fatal("no expressions found")
	}
}
