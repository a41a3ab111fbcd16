package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// Fixtures in our own words, shaped like the debris news-please texts
// carry: a photo gallery flattened into slides, a video blurb before the
// article, photo captions between paragraphs.
func TestDebrisRules(t *testing.T) {
	body := "The council approved the new budget on Tuesday after a long debate.\nMembers voted nine to four in favour of the plan."
	tests := []struct {
		name    string
		in      string
		text    []string // must stay
		gone    []string // must not be in Text
		removed []string // must be in Removed
	}{
		{
			name:    "gallery slide beside an article is removed whole",
			in:      body + "\nPhotos: Budget night A councillor speaks in the chamber. Hide Caption 2 of 9\nThe mayor said the plan would be reviewed next year.",
			text:    []string{"approved the new budget", "reviewed next year"},
			gone:    []string{"Hide Caption", "A councillor speaks"},
			removed: []string{"Photos: Budget night A councillor speaks in the chamber. Hide Caption 2 of 9"},
		},
		{
			name: "gallery that is the article keeps its captions",
			in: "Photos: Harbour storm Waves break over the sea wall at dawn. Hide Caption 1 of 3\n" +
				"Photos: Harbour storm Fishing boats stay tied up in the port. Hide Caption 2 of 3\n" +
				"Photos: Harbour storm Hide Caption 3 of 3",
			text:    []string{"Waves break over the sea wall at dawn.", "Fishing boats stay tied up in the port."},
			gone:    []string{"Hide Caption", "Photos: Harbour storm"},
			removed: []string{"Photos: Harbour storm", "Hide Caption 1 of 3", "Hide Caption 3 of 3"},
		},
		{
			name:    "video blurb at the start",
			in:      "CLOSE The mayor explains the new budget in a short clip. (Feb. 6) AP\n" + body,
			text:    []string{"approved the new budget"},
			gone:    []string{"CLOSE", "short clip"},
			removed: []string{"CLOSE The mayor explains the new budget in a short clip. (Feb. 6) AP"},
		},
		{
			name: "capitalised lede word is not a blurb",
			in:   "CLOSE to two hundred people attended the meeting on Tuesday.\nMembers voted nine to four in favour of the plan.",
			text: []string{"CLOSE to two hundred people"},
		},
		{
			name:    "photo captions anywhere",
			in:      "The old bridge seen from the river bank. (Photo: Jane Roe, City Archive)\n" + body + "\nWorkers repair the road on Monday. (Photo by John Doe/Agency Images) (Agency)\nDie Brücke am Montag. (Foto: dpa)",
			text:    []string{"approved the new budget"},
			gone:    []string{"(Photo", "Workers repair", "(Foto"},
			removed: []string{"The old bridge seen from the river bank. (Photo: Jane Roe, City Archive)"},
		},
		{
			name:    "credit cut from a caption glued to the text",
			in:      body + "\nFILE - The bridge in a file photo. " + strings.Repeat("The council says the repairs will take longer than planned. ", 8) + "(Photo by Jane Roe/Agency) (Agency)",
			text:    []string{"take longer than planned."},
			gone:    []string{"(Photo by"},
			removed: []string{"(Photo by Jane Roe/Agency) (Agency)"},
		},
		{
			name: "a credit inside prose is not a caption",
			in:   body + "\nThe photo (Photo: archive) was later withdrawn, and the council apologised for using it without asking the family, which had complained twice.",
			text: []string{"approved the new budget"},
		},
		{
			name: "caption alone is kept",
			in:   "Workers repair the road on Monday near the station. (Photo: John Doe)",
			text: []string{"Workers repair the road"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Text(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			all := res.Title + "\n" + res.Text
			for _, s := range tc.text {
				if !strings.Contains(all, s) {
					t.Errorf("text lost %q:\n%s", s, all)
				}
			}
			for _, s := range tc.gone {
				if strings.Contains(res.Text, s) {
					t.Errorf("text still has %q:\n%s", s, res.Text)
				}
			}
			for _, s := range tc.removed {
				found := false
				for _, r := range res.Removed {
					found = found || r == s
				}
				if !found {
					t.Errorf("removed lacks %q: %q", s, res.Removed)
				}
			}
		})
	}
}

// TestDebrisNewsClusters counts the three kinds of debris in the
// news-please texts of ../shared/eval/news-clusters before and after
// cleaning: none may be left, and no article may be lost.
func TestDebrisNewsClusters(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(sharedtest.Dir(t, "eval", "news-clusters"), "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no news-clusters files: %v", err)
	}
	kinds := []struct {
		name string
		re   *regexp.Regexp
	}{
		{"gallery counter", regexp.MustCompile(`(?i)hide caption \d+ of \d+`)},
		{"video blurb at the start", regexp.MustCompile(`^CLOSE\s+\p{Lu}`)},
		{"photo caption", regexp.MustCompile(`\((?:Photo|Photos)\s*(?::|by\b)`)},
	}
	before := make([]int, len(kinds))
	after := make([]int, len(kinds))
	articlesBefore := make([]int, len(kinds))
	var half [2][3]int // debris lines before cleaning, by half of the set (files in name order)
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var rec struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(b, &rec); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if strings.TrimSpace(rec.Text) == "" {
			continue
		}
		res, err := Text(rec.Text)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		for k, kind := range kinds {
			nb := count(kind.re, rec.Text, k == 1)
			before[k] += nb
			half[i*2/len(files)][k] += nb
			if nb > 0 {
				articlesBefore[k]++
			}
			after[k] += count(kind.re, res.Text, k == 1)
		}
	}
	t.Logf("by half of the set, lines before cleaning (gallery, blurb, caption): %v and %v; none left in either", half[0], half[1])
	for k, kind := range kinds {
		t.Logf("%-24s before %3d lines in %2d articles, after %d", kind.name, before[k], articlesBefore[k], after[k])
		if before[k] == 0 {
			t.Errorf("%s: none found before cleaning; the data or the pattern changed", kind.name)
		}
		if after[k] != 0 {
			t.Errorf("%s: %d left after cleaning", kind.name, after[k])
		}
	}
}

// count counts the paragraphs of s that re matches (only the first when
// first is set).
func count(re *regexp.Regexp, s string, first bool) int {
	n := 0
	for i, l := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' }) {
		if first && i > 0 {
			break
		}
		if re.MatchString(strings.TrimSpace(l)) {
			n++
		}
	}
	return n
}

// TestAuthorsNewsClusters tidies the "authors" lists of the news-please
// files of ../shared/eval/news-clusters: on each half of the set at least
// 80% of the lists yield an author, and no kept name other than a news
// agency's carries a job title, a page label or an address.
func TestAuthorsNewsClusters(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(sharedtest.Dir(t, "eval", "news-clusters"), "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no news-clusters files: %v", err)
	}
	var lists, named, names [2]int
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var rec struct {
			Authors []string `json:"authors"`
		}
		if err := json.Unmarshal(b, &rec); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if len(rec.Authors) == 0 {
			continue
		}
		h := i * 2 / len(files)
		lists[h]++
		got := Authors(rec.Authors)
		if got == "" {
			continue
		}
		named[h]++
		for _, n := range strings.Split(got, ", ") {
			names[h]++
			if o, ok := outlet.Default().Resolve(n); ok && o.Kind == outlet.KindWire {
				continue // an agency byline
			}
			if reAuthorAddr.MatchString(n) {
				t.Errorf("%s: address kept as a name: %q", filepath.Base(f), n)
			}
			for _, w := range strings.Fields(n) {
				if notNameWords[strings.ToLower(w)] {
					t.Errorf("%s: %q kept, %q is not a name word", filepath.Base(f), n, w)
				}
			}
		}
	}
	for h := range 2 {
		t.Logf("half %d: %d of %d author lists give an author (%d names)", h+1, named[h], lists[h], names[h])
		if lists[h] == 0 || named[h]*100 < lists[h]*80 {
			t.Errorf("half %d: only %d of %d author lists give an author", h+1, named[h], lists[h])
		}
	}
}
