package export

import (
	"bytes"
	"testing"
	"time"
)

func TestWriteCSV(t *testing.T) {
	type inner struct {
		ID   string `json:"id"`
		Hide string `json:"hidden"`
	}
	type item struct {
		inner
		Hide    int           `json:"hidden"`
		When    time.Time     `json:"when"`
		Tags    []string      `json:"tags"`
		Wait    time.Duration `json:"wait"`
		Skip    string        `json:"-"`
		Ptr     *int          `json:"ptr,omitempty"`
		private string
	}
	n := 7
	var buf bytes.Buffer
	err := CSV(&buf, []item{
		{inner: inner{ID: "a,1", Hide: "x"}, Hide: 3, When: time.Date(2025, 8, 24, 10, 0, 0, 0, time.UTC), Tags: []string{"x", "y"}, Wait: 90 * time.Second, Ptr: &n},
		{inner: inner{ID: "b\"2"}, private: "no"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "hidden,when,tags,wait,ptr,id\n3,2025-08-24T10:00:00Z,x; y,90,7,\"a,1\"\n0,,,0,,\"b\"\"2\"\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}
