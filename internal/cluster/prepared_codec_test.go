package cluster

import (
	"reflect"
	"testing"
	"time"
)

func TestPreparedCodecRoundTrip(t *testing.T) {
	a := NewAnalyzer(DefaultConfig())
	for _, d := range []Doc{
		{ID: "empty"},
		{ID: "copy", Title: "Port expands", Text: "The port grows.", DuplicateOf: "orig"},
		{ID: "en", Title: "Harbour terminal to open in spring", URL: "https://example.org/news/harbour-terminal-opens",
			Text: "The harbour authority of Gdansk said on 12 March that the new container terminal would open in spring. " +
				"NATO officials visited the site, and Anna Kowalska, the port's director, said capacity would double.",
			Published: time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC), Language: "en", Entities: []string{"Gdansk", "Anna Kowalska", "NATO"}},
		{ID: "de", Title: "Hafen wächst", Text: "Der Hafen von Rostock soll am 3. Mai ein neues Terminal eröffnen, sagte die Behörde.", Language: "de"},
	} {
		p := a.Prepare(d)
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
	a := NewAnalyzer(DefaultConfig())
	b, _ := a.Prepare(Doc{ID: "x", Title: "Ships wait", Text: "Ships wait at the port of Gdansk on 3 May."}).AppendBinary(nil)
	f.Add(b)
	f.Add([]byte{preparedCodec, 0, 0, 0, 0})
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
