package reuters

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

func TestParseSmall(t *testing.T) {
	const doc = `<REUTERS TOPICS="YES" NEWID="7">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TOPICS><D>cocoa</D><D>grain</D></TOPICS>
<PLACES><D>usa</D></PLACES>
<TEXT>&#2;
<TITLE>A &amp; B REVIEW</TITLE>
<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>First line
wraps here.
    Second paragraph.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS NEWID="8"><DATE>1-MAR-1987</DATE><TEXT>no body</TEXT></REUTERS>`
	got, err := parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d stories, want 2", len(got))
	}
	s := got[0]
	if s.ID != "7" || s.Title != "A & B REVIEW" || s.Date != "26-FEB-1987 15:01:01.79" {
		t.Errorf("fields: %+v", s)
	}
	if strings.Join(s.Topics, ",") != "cocoa,grain" || strings.Join(s.Places, ",") != "usa" {
		t.Errorf("lists: %v %v", s.Topics, s.Places)
	}
	if want := "First line wraps here.\n\nSecond paragraph."; s.Text() != want {
		t.Errorf("Text() = %q, want %q", s.Text(), want)
	}
	if got[1].Body != "" {
		t.Errorf("second story body = %q, want empty", got[1].Body)
	}
}

// record writes one Reuters record with the given ID and body.
func record(id, body string) string {
	return `<REUTERS NEWID="` + id + `"><DATE>1-MAR-1987</DATE><TEXT><TITLE>T` + id +
		`</TITLE><BODY>` + body + "</BODY></TEXT></REUTERS>\n"
}

func TestScanLimit(t *testing.T) {
	doc := record("1", "small one") + record("2", strings.Repeat("big ", 50_000)) + record("3", "after the big one") +
		"<REUTERS NEWID=\"4\"><BODY>unclosed"
	for _, tc := range []struct {
		name  string
		r     func() io.Reader
		limit int64
		ids   string
		large int
	}{
		{"no limit", func() io.Reader { return strings.NewReader(doc) }, 0, "1,2,3", 0},
		{"limit", func() io.Reader { return strings.NewReader(doc) }, 4096, "1,3", 1},
		{"limit, one byte a read", func() io.Reader { return iotest.OneByteReader(strings.NewReader(doc)) }, 4096, "1,3", 1},
		{"limit, half reads", func() io.Reader { return iotest.HalfReader(strings.NewReader(doc)) }, 4096, "1,3", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ids []string
			var large []error
			err := Scan(tc.r(), tc.limit, func(s Story) error {
				ids = append(ids, s.ID)
				return nil
			}, func(err error) { large = append(large, err) })
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(ids, ","); got != tc.ids {
				t.Errorf("records %s, want %s", got, tc.ids)
			}
			if len(large) != tc.large {
				t.Errorf("too-large reports %v, want %d", large, tc.large)
			}
			for _, err := range large {
				if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "record 2") {
					t.Errorf("report %v, want record 2 and ErrTooLarge", err)
				}
			}
		})
	}
}

// TestScanStops checks that fn's error ends the scan and is returned.
func TestScanStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Scan(strings.NewReader(record("1", "a")+record("2", "b")), 0, func(Story) error {
		n++
		return stop
	}, nil)
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Scan = %v after %d records, want stop after 1", err, n)
	}
}

// FuzzScan checks that Scan reads the same records however the input is
// cut into reads, and with a limit only drops records, never mixes them.
func FuzzScan(f *testing.F) {
	f.Add(record("1", "a") + record("2", "b"))
	f.Add("<REUTERS<REUTERS></REUTERS></REUTERS>")
	f.Add("</REUTERS><REUTERS NEWID=\"9\">x")
	f.Add(record("1", strings.Repeat("x", 300)) + "junk" + record("2", "y"))
	f.Fuzz(func(t *testing.T, doc string) {
		scan := func(r io.Reader, limit int64) []Story {
			var out []Story
			if err := Scan(r, limit, func(s Story) error { out = append(out, s); return nil }, nil); err != nil {
				t.Fatal(err)
			}
			return out
		}
		whole := scan(strings.NewReader(doc), 0)
		if bytewise := scan(iotest.OneByteReader(strings.NewReader(doc)), 0); !reflect.DeepEqual(whole, bytewise) {
			t.Errorf("one byte a read: %+v, whole: %+v", bytewise, whole)
		}
		limited := scan(iotest.HalfReader(strings.NewReader(doc)), 200)
		i := 0
		for _, s := range limited {
			for i < len(whole) && !reflect.DeepEqual(whole[i], s) {
				i++
			}
			if i == len(whole) {
				t.Fatalf("limited scan read %+v, not among %+v", s, whole)
			}
			i++
		}
	})
}

// parse reads every record of one file.
func parse(r io.Reader) ([]Story, error) {
	var out []Story
	err := Scan(r, 0, func(s Story) error {
		out = append(out, s)
		return nil
	}, nil)
	return out, err
}
