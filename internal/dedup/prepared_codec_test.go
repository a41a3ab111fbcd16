package dedup

import (
	"reflect"
	"testing"
	"time"
)

func TestPreparedCodecRoundTrip(t *testing.T) {
	ix := NewIndex(Options{})
	long := "The harbour authority said on Tuesday that the new container terminal would open in spring, " +
		"doubling the port's capacity, after two years of dredging and a dispute over the tender that went to court."
	for _, d := range []Doc{
		{ID: "empty"},
		{ID: "short", Title: "Short note", Text: "Ships wait."},
		{ID: "long", Title: "Port expands", Text: long, Published: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)},
	} {
		p := ix.Prepare(d)
		b, err := p.AppendBinary(nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := UnmarshalPrepared(d, b)
		if err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		if !reflect.DeepEqual(got, p) {
			t.Errorf("%s: round trip gives %+v, want %+v", d.ID, got, p)
		}
		for cut := range len(b) {
			if _, err := UnmarshalPrepared(d, b[:cut]); err == nil {
				t.Errorf("%s: %d of %d bytes read without error", d.ID, cut, len(b))
			}
		}
	}
}

func FuzzUnmarshalPrepared(f *testing.F) {
	ix := NewIndex(Options{})
	b, _ := ix.Prepare(Doc{ID: "x", Text: "one two three four five six seven eight nine ten eleven twelve"}).AppendBinary(nil)
	f.Add(b)
	f.Add([]byte{preparedCodec, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := UnmarshalPrepared(Doc{ID: "x"}, data)
		if err != nil {
			return
		}
		again, err := p.AppendBinary(nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := UnmarshalPrepared(Doc{ID: "x"}, again); err != nil {
			t.Fatalf("re-encoded value does not read: %v", err)
		}
	})
}
