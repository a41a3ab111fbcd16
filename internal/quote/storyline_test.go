package quote

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/entity"
)

// TestStorylineCheck scores FindLang on real articles of the storyline
// labelled in testdata/storyline-check.tsv. The article texts are not in
// the repository: save the pages (or their stored copies) as plain text
// under the file names of the first column in a directory and run
//
//	PARALLAX_STORYLINE_TEXTS=/path/to/texts go test -run TestStorylineCheck -v ./internal/quote/
//
// A labelled quote is found when a quote starts with its first words; its
// speaker is right when the predicted speaker has a word that starts with
// the labelled surname less its last letter (case forms: Ушаков, Ушакова,
// Ушаковым). Marked spans labelled "-" must not be quotes. The test fails
// below the targets: 0.90 found, 0.80 with the right speaker.
func TestStorylineCheck(t *testing.T) {
	storylineCheck(t, os.Getenv("PARALLAX_STORYLINE_TEXTS"), "storyline-check.tsv")
}

// TestStorylineHeldOut is TestStorylineCheck on the held-out labels
// (storyline-heldout.tsv), texts in PARALLAX_STORYLINE_HELDOUT.
func TestStorylineHeldOut(t *testing.T) {
	storylineCheck(t, os.Getenv("PARALLAX_STORYLINE_HELDOUT"), "storyline-heldout.tsv")
}

// TestStorylineFresh is TestStorylineCheck on the second held-out labels
// (storyline-fresh.tsv), texts in PARALLAX_STORYLINE_FRESH.
func TestStorylineFresh(t *testing.T) {
	storylineCheck(t, os.Getenv("PARALLAX_STORYLINE_FRESH"), "storyline-fresh.tsv")
}

// TestStorylineFresh2 is TestStorylineCheck on the third held-out labels
// (storyline-fresh2.tsv), texts in PARALLAX_STORYLINE_FRESH2.
func TestStorylineFresh2(t *testing.T) {
	storylineCheck(t, os.Getenv("PARALLAX_STORYLINE_FRESH2"), "storyline-fresh2.tsv")
}

// TestStorylineHeld4 is TestStorylineCheck on the fourth held-out labels
// (storyline-held4.tsv: mostly outlets the earlier sets did not use), texts in
// PARALLAX_STORYLINE_HELD4.
func TestStorylineHeld4(t *testing.T) {
	storylineCheck(t, os.Getenv("PARALLAX_STORYLINE_HELD4"), "storyline-held4.tsv")
}

// TestStorylineHeld5 is TestStorylineCheck on the fifth held-out labels
// (storyline-held5.tsv: built after the fixes that held-out 4's errors
// led to, from outlets no earlier set used), texts in
// PARALLAX_STORYLINE_HELD5.
func TestStorylineHeld5(t *testing.T) {
	storylineCheck(t, os.Getenv("PARALLAX_STORYLINE_HELD5"), "storyline-held5.tsv")
}

func storylineCheck(t *testing.T, dir, labels string) {
	if dir == "" {
		t.Skip("set the directory of the labelled articles' texts")
	}
	f, err := os.Open(filepath.Join("testdata", labels))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type tally struct{ gold, found, right, notQuote, falseQuote int }
	by := map[string]*tally{}
	cache := map[string][]Quote{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 5 {
			t.Fatalf("bad row %q", line)
		}
		file, code, first, want := c[0], c[2], c[3], c[4]
		qs, ok := cache[file]
		if !ok {
			b, err := os.ReadFile(filepath.Join(dir, file))
			if err != nil {
				t.Fatalf("read text: %v", err)
			}
			ents, ms := entity.Extract(string(b))
			all, _ := FindLang(string(b), code, "", ents, ms)
			qs = nil
			for _, q := range all {
				if q.Direct {
					qs = append(qs, q)
				}
			}
			cache[file] = qs
		}
		tl := by[code]
		if tl == nil {
			tl = &tally{}
			by[code] = tl
		}
		var got *Quote
		for i := range qs {
			if strings.HasPrefix(qs[i].Text, first) {
				got = &qs[i]
				break
			}
		}
		if want == "-" {
			tl.notQuote++
			if got != nil {
				tl.falseQuote++
				t.Logf("%s: %q is not a quote", file, first)
			}
			continue
		}
		tl.gold++
		if got == nil {
			t.Logf("%s: %q not found", file, first)
			continue
		}
		tl.found++
		// An unnamed source is right when its description names the
		// labelled kind of source ("один из источников": источник).
		if surnameMatches(got.Speaker, want) || got.Speaker == Unnamed && surnameMatches(got.SpeakerText, want) {
			tl.right++
		} else {
			t.Logf("%s: %q speaker %q (via %q), want %s", file, first, got.Speaker, got.SpeakerText, want)
		}
	}
	var all tally
	for _, code := range Languages() {
		tl := by[code]
		if tl == nil {
			continue
		}
		fmt.Printf("%s: %d quotes, found %d (%.2f), right speaker %d (%.2f); %d non-quotes, %d taken as quotes\n",
			code, tl.gold, tl.found, ratio(tl.found, tl.gold), tl.right, ratio(tl.right, tl.gold), tl.notQuote, tl.falseQuote)
		all.gold += tl.gold
		all.found += tl.found
		all.right += tl.right
	}
	fmt.Printf("all: %d quotes, found %.2f, right speaker %.2f\n", all.gold, ratio(all.found, all.gold), ratio(all.right, all.gold))
	if ratio(all.found, all.gold) < 0.90 || ratio(all.right, all.gold) < 0.80 {
		t.Errorf("below the targets: found %.2f (0.90), right speaker %.2f (0.80)", ratio(all.found, all.gold), ratio(all.right, all.gold))
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// surnameMatches reports whether a predicted speaker names the labelled
// surname in any case form.
func surnameMatches(got, surname string) bool {
	stem := strings.ToLower(surname)
	if n := utf8.RuneCountInString(stem); n > 4 {
		_, size := utf8.DecodeLastRuneInString(stem)
		stem = stem[:len(stem)-size]
	}
	for _, w := range strings.Fields(strings.ToLower(got)) {
		if strings.HasPrefix(w, stem) {
			return true
		}
	}
	return false
}
