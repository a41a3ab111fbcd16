package extract

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

func TestParseDate(t *testing.T) {
	utc := func(y int, m time.Month, d, hh, mm, ss, ns int) time.Time {
		return time.Date(y, m, d, hh, mm, ss, ns, time.UTC)
	}
	tests := []struct {
		in   string
		want time.Time
	}{
		{"26-FEB-1987 15:01:01.79", utc(1987, 2, 26, 15, 1, 1, 790000000)},
		{" 3-MAR-1987 09:18:21.26", utc(1987, 3, 3, 9, 18, 21, 260000000)},
		{"Sept. 24, 2025", utc(2025, 9, 24, 0, 0, 0, 0)},
		{"Sep 24, 2025", utc(2025, 9, 24, 0, 0, 0, 0)},
		{"September 24th, 2025", utc(2025, 9, 24, 0, 0, 0, 0)},
		{"Wednesday, September 24, 2025 at 10:00 a.m. EDT", utc(2025, 9, 24, 14, 0, 0, 0)},
		{"24 September 2025", utc(2025, 9, 24, 0, 0, 0, 0)},
		{"2025-09-24T10:00:00+03:00", utc(2025, 9, 24, 7, 0, 0, 0)},
		{"2025-09-24T10:00:00.123Z", utc(2025, 9, 24, 10, 0, 0, 123000000)},
		{"2025-09-24T10:00:00+0300", utc(2025, 9, 24, 7, 0, 0, 0)},
		{"2025-09-24T10:00:00", utc(2025, 9, 24, 10, 0, 0, 0)},
		{"2025-09-24 10:00", utc(2025, 9, 24, 10, 0, 0, 0)},
		{"2025-09-24", utc(2025, 9, 24, 0, 0, 0, 0)},
		{"2025/09/24", utc(2025, 9, 24, 0, 0, 0, 0)},
		{"Wed, 24 Sep 2025 10:00:00 GMT", utc(2025, 9, 24, 10, 0, 0, 0)},
		{"Wed, 24 Sep 2025 10:00:00 +0300", utc(2025, 9, 24, 7, 0, 0, 0)},
		{"Wed, 4 Sep 2025 10:00:00 EST", utc(2025, 9, 4, 15, 0, 0, 0)},
		{"Wed, 24 Sep 2025 10:00 MSK", utc(2025, 9, 24, 7, 0, 0, 0)},
		{"Wed, 24 Sep 25 10:00:00 -0000", utc(2025, 9, 24, 10, 0, 0, 0)},
		{"Wednesday, 24-Sep-25 10:00:00 UTC", utc(2025, 9, 24, 10, 0, 0, 0)},
		{"Mon Jan  2 15:04:05 2006", utc(2006, 1, 2, 15, 4, 5, 0)},
		{"24.09.2025", utc(2025, 9, 24, 0, 0, 0, 0)},
		{"24.09.2025 18:30", utc(2025, 9, 24, 18, 30, 0, 0)},
		{"09/24/2025", utc(2025, 9, 24, 0, 0, 0, 0)},
		{"24/09/2025", utc(2025, 9, 24, 0, 0, 0, 0)},
		{"1758708000", utc(2025, 9, 24, 10, 0, 0, 0)},
		{"Sep 24, 2025 3:04 PM GMT+3", utc(2025, 9, 24, 12, 4, 0, 0)},
		{"2025-09-24T10:00:00Z (UTC)", utc(2025, 9, 24, 10, 0, 0, 0)},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseDate(tc.in)
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tc.in, err)
			}
			if !got.Equal(tc.want) || got.Location() != time.UTC {
				t.Errorf("ParseDate(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
	for _, bad := range []string{"", "yesterday", "32-FEB-1987", "2025-13-01", "hello 2025", "\xff\xfe"} {
		if got, err := ParseDate(bad); !errors.Is(err, ErrDate) {
			t.Errorf("ParseDate(%q) = %v, %v; want ErrDate", bad, got, err)
		}
	}
}

func TestEstimateDate(t *testing.T) {
	tests := []struct {
		text string
		want string // "" for none
	}{
		{"It began on Sept. 3, 2025 and ended on 24 September 2025.", "2025-09-24"},
		{"Filed 2024-01-05; amended on January 9, 2024.", "2024-01-09"},
		{"The vote was on Sept. 24 and again on Aug. 15.", ""},
		{"In February 2022 the invasion began.", ""},
		{"Signed 12.03.2021 in Kyiv.", "2021-03-12"},
	}
	for _, tc := range tests {
		got, ok := EstimateDate(tc.text)
		if tc.want == "" {
			if ok {
				t.Errorf("EstimateDate(%q) = %v, want none", tc.text, got)
			}
			continue
		}
		if !ok || got.Format("2006-01-02") != tc.want {
			t.Errorf("EstimateDate(%q) = %v %v, want %s", tc.text, got, ok, tc.want)
		}
	}
}

func TestPublishedOverrideAndEstimate(t *testing.T) {
	text := "The council met on 3 March 2025 and agreed the budget after a long debate about schools.\nIt meets again soon."
	res, err := Text(text)
	if err != nil {
		t.Fatal(err)
	}
	if !res.PublishedEstimated || res.Published.Format("2006-01-02") != "2025-03-03" {
		t.Errorf("estimate = %v %v", res.Published, res.PublishedEstimated)
	}
	over := time.Date(2025, 3, 4, 8, 0, 0, 0, time.FixedZone("x", 3600))
	res, err = TextWith(text, Options{Published: over})
	if err != nil {
		t.Fatal(err)
	}
	if res.PublishedEstimated || !res.Published.Equal(over) || res.Published.Location() != time.UTC {
		t.Errorf("override = %v %v", res.Published, res.PublishedEstimated)
	}
}

// TestParseDateReuters parses the <DATE> of every story in the first files
// of ../shared/corpus/reuters21578 (all 22 with PARALLAX_FULL_EVAL=1).
func TestParseDateReuters(t *testing.T) {
	dir := sharedtest.Dir(t, "corpus", "reuters21578")
	files, _ := filepath.Glob(filepath.Join(dir, "*.sgm"))
	if len(files) == 0 {
		t.Fatal("no .sgm files")
	}
	sort.Strings(files)
	if testing.Short() || os.Getenv("PARALLAX_FULL_EVAL") != "1" {
		files = files[:min(3, len(files))]
	}
	re := regexp.MustCompile(`<DATE>([^<]*)</DATE>`)
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllSubmatch(data, -1) {
			n++
			tm, err := ParseDate(string(m[1]))
			if err != nil {
				t.Errorf("%s: %v", filepath.Base(f), err)
				continue
			}
			if tm.Year() != 1987 {
				t.Errorf("%s: %q parsed as %v", filepath.Base(f), m[1], tm)
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d dates found", n)
	}
	t.Logf("%d Reuters dates parsed", n)
}
