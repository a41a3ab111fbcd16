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
		{ID: "weekday", Title: "Talks in Geneva", Text: "Delegations from Kyiv and Washington met in Geneva on Sunday, officials said on 24 November.",
			Published: time.Date(2025, 11, 24, 0, 0, 0, 0, time.UTC), Language: "en", Entities: []string{"Geneva", "Kyiv", "Washington"}},
	} {
		p := a.Prepare(d)
		// Every field of Prepared must survive the trip: the fixtures
		// together fill each one (a new field left out of the codec
		// fails here).
		filled(t, p)
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

var seenFields = map[string]bool{}

// filled notes which fields of Prepared some fixture filled, and checks at
// the last fixture that all were.
func filled(t *testing.T, p Prepared) {
	t.Helper()
	v := reflect.ValueOf(p)
	for i := range v.NumField() {
		if !v.Field(i).IsZero() {
			seenFields[v.Type().Field(i).Name] = true
		}
	}
	if p.Doc.ID != "weekday" {
		return
	}
	for i := range v.NumField() {
		if name := v.Type().Field(i).Name; !seenFields[name] {
			t.Errorf("no fixture fills Prepared.%s: the round trip does not check it", name)
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
