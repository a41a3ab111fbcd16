package when

import (
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// prefilterTexts are hand-written phrases, every TimeBank text, the seed
// articles and 1,000 Reuters stories.
func prefilterTexts(t *testing.T) []string {
	t.Helper()
	texts := []string{
		"on jan. 5, 2024 at 9:30 p.m. the '90s ended; three and a half years later, in the fourth quarter of fiscal 1998",
		"a couple of weeks ago, earlier this month, the past 12 months, mid-2019, 2019-03-04, 3/4/2019, noon, midnight",
		"the twenties, nineteen ninety-eight, christmas eve, this weekend, tonight, yesterday morning, now, x",
		"two\nyears, may 1987, the end of the year, year-end, some time, a while, the year-ago quarter, café 1990s",
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
	reuters, _, _ := reutersDocs(t)
	return append(texts, reuters...)
}

// TestPrefilterSuperset checks that no rule's prefilter rejects a word
// start where its pattern has a non-empty match, and that it rejects some.
func TestPrefilterSuperset(t *testing.T) {
	rejected, tried := 0, 0
	for _, text := range prefilterTexts(t) {
		lower := lang.ASCIILower(text)
		for _, p := range wordStarts(lower) {
			end := min(len(lower), p+maxSpan+1)
			for _, r := range rules {
				tried++
				if r.pre.mayMatch(lower[p:end]) {
					continue
				}
				rejected++
				if loc := r.re.FindStringIndex(lower[p:end]); loc != nil && loc[1] > 0 {
					t.Errorf("rule %s: prefilter rejects %q, which matches", r.name, lower[p:p+loc[1]])
				}
			}
		}
	}
	if rejected == 0 || rejected == tried {
		t.Fatalf("prefilter rejected %d of %d starts: it tests nothing", rejected, tried)
	}
}

// TestPrefilterSameResults checks that Find gives the same expressions
// with the prefilters as without them, on TimeBank and Reuters.
func TestPrefilterSameResults(t *testing.T) {
	docs, err := LoadDir(sharedtest.Dir(t, "eval", "tempeval3", "TimeBank"))
	if err != nil {
		t.Fatal(err)
	}
	texts, dates, _ := reutersDocs(t)
	run := func() [][]Timex {
		var out [][]Timex
		for _, d := range docs {
			out = append(out, find(d.Text, d.DCT, false), find(d.Text, d.DCT, true))
		}
		for i, text := range texts[:300] {
			out = append(out, find(text, dates[i], false))
		}
		return out
	}
	with := run()
	saved := make([]*prefilter, len(rules))
	for i, r := range rules {
		saved[i], r.pre = r.pre, nil
	}
	defer func() {
		for i, r := range rules {
			r.pre = saved[i]
		}
	}()
	without := run()
	n := 0
	for i := range with {
		n += len(with[i])
		if !reflect.DeepEqual(with[i], without[i]) {
			t.Errorf("text %d: with prefilters %v, without %v", i, with[i], without[i])
		}
	}
	if n == 0 {
		t.Fatal("no expressions found")
	}
}

// TestPrefilterConcurrent builds one prefilter's states from several
// goroutines at once (run with -race) and checks their answers agree.
func TestPrefilterConcurrent(t *testing.T) {
	var r *rule
	for _, x := range rules {
		if x.name == "duration" {
			r = x
		}
	}
	d, err := newPrefilter(r.re.String())
	if err != nil {
		t.Fatal(err)
	}
	inputs := []string{"three and a half years", "the past two weeks", "thereafter", "a 10-day", "twenty-five minutes", "the company"}
	want := make([]bool, len(inputs))
	for i, s := range inputs {
		want[i] = r.pre.mayMatch(s)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Go(func() {
			for i, s := range inputs {
				if got := d.mayMatch(s); got != want[i] {
					t.Errorf("mayMatch(%q) = %v, want %v", s, got, want[i])
				}
			}
		})
	}
	wg.Wait()
}
