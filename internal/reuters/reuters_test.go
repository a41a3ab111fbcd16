package reuters

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
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
	got, err := Parse(strings.NewReader(doc))
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

func TestReadDirCounts(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole collection")
	}
	stories, err := ReadDir(sharedtest.Dir(t, "corpus", "reuters21578"))
	if err != nil {
		t.Fatal(err)
	}
	withBody := 0
	for _, s := range stories {
		if s.Body != "" {
			withBody++
		}
	}
	// The collection's README: 21,578 records, 19,043 with a body.
	if len(stories) != 21578 || withBody != 19043 {
		t.Errorf("got %d records, %d with body; want 21578, 19043", len(stories), withBody)
	}
}
