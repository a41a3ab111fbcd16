package when

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// TestPrefixSetSuperset checks that no rule's prefix set rejects a word
// start where its pattern matches, on hand-written phrases, every TimeBank
// text and the seed articles.
func TestPrefixSetSuperset(t *testing.T) {
	texts := []string{
		"on jan. 5, 2024 at 9:30 p.m. the '90s ended; three and a half years later, in the fourth quarter of fiscal 1998",
		"a couple of weeks ago, earlier this month, the past 12 months, mid-2019, 2019-03-04, 3/4/2019, noon, midnight",
		"the twenties, nineteen ninety-eight, christmas eve, this weekend, tonight, yesterday morning, now, x",
	}
	docs, err := LoadDir(sharedtest.Dir(t, "eval", "tempeval3", "TimeBank"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		texts = append(texts, d.Text)
	}
	files, err := filepath.Glob(filepath.Join(sharedtest.Dir(t, "corpus", "seeds"), "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, fn := range files {
		b, err := os.ReadFile(fn)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
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
