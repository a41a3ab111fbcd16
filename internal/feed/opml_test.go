package feed

import (
	"bytes"
	"errors"
	"net/url"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestParseOPMLNestedAndBroken(t *testing.T) {
	f, err := os.Open("testdata/nested.opml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := ParseOPML(f)
	var be *BrokenEntriesError
	if !errors.As(err, &be) {
		t.Fatalf("error = %v, want *BrokenEntriesError", err)
	}
	want := []Outlet{
		{Title: "Top Level Feed", FeedURL: "https://top.example.com/rss"},
		{Title: "Wire One", FeedURL: "https://wire.example.com/feed.xml", SiteURL: "https://wire.example.com/", Country: "US", Kind: KindWire, Language: "en", Category: "News/Wires"},
		{Title: "Deep Feed", FeedURL: "https://deep.example.org/atom", Category: "News/Wires/Deeper"},
		{Title: "Lower Case Attr", FeedURL: "http://lower.example.net/rss", Country: "UA", Kind: KindPrivate, Category: "News"},
		{Title: "Bad Kind", FeedURL: "https://badkind.example.com/rss", Category: "News"},
		{Title: "Bad Country", FeedURL: "https://badcountry.example.com/rss", Kind: KindAggregator, Category: "News"},
		{Title: "after.example.com", FeedURL: "https://after.example.com/feed", Category: "Other"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("outlets:\n got %+v\nwant %+v", got, want)
	}
	wantMsgs := []string{"not an absolute http(s) URL", "feed outline without xmlUrl", "not an absolute http(s) URL", "duplicate feed URL", "kind \"tabloid\"", "country \"Ukraine\""}
	if len(be.Entries) != len(wantMsgs) {
		t.Fatalf("%d broken entries, want %d: %v", len(be.Entries), len(wantMsgs), be)
	}
	msgs := be.Error()
	for _, m := range wantMsgs {
		if !strings.Contains(msgs, m) {
			t.Errorf("broken entries %q lack %q", msgs, m)
		}
	}
	for _, e := range be.Entries {
		if e.Line <= 0 {
			t.Errorf("entry without a line: %+v", e)
		}
	}
}

func TestParseOPMLFatal(t *testing.T) {
	tests := []struct {
		name    string
		doc     string
		wantErr error
	}{
		{"not opml", `<rss version="2.0"><channel/></rss>`, ErrNotOPML},
		{"empty", ``, ErrNotOPML},
		{"entities", `<!DOCTYPE opml [<!ENTITY a "aaaa">]><opml><body><outline text="&a;" xmlUrl="https://x.example/"/></body></opml>`, ErrEntities},
		{"malformed", `<opml><body><outline text="x" xmlUrl="https://x.example/"></body></opml>`, nil},
		{"deep", `<opml><body>` + strings.Repeat(`<outline text="f">`, 100) + strings.Repeat(`</outline>`, 100) + `</body></opml>`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseOPML(strings.NewReader(tc.doc))
			if err == nil || got != nil {
				t.Fatalf("ParseOPML = %v, %v; want no outlets and an error", got, err)
			}
			var be *BrokenEntriesError
			if errors.As(err, &be) {
				t.Fatalf("error %v is not fatal", err)
			}
			if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
				t.Fatalf("error = %v, want %v", err, tc.wantErr)
			}
		})
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	in := []Outlet{
		{Title: "A & B <News>", FeedURL: "https://a.example.com/rss?x=1&y=2", SiteURL: "https://a.example.com/", Country: "GB", Kind: KindPublicBroadcaster, Language: "en", Category: "Europe"},
		{Title: "Plain", FeedURL: "https://plain.example.com/feed"},
		{Title: "Nested", FeedURL: "https://n.example.com/feed", Country: "UA", Kind: KindPrivate, Language: "uk", Category: "Europe/Ukraine"},
		{Title: "Wire", FeedURL: "https://w.example.com/feed", Kind: KindWire, Category: "Wires"},
	}
	var buf bytes.Buffer
	if err := WriteOPML(&buf, in); err != nil {
		t.Fatal(err)
	}
	out, err := ParseOPML(&buf)
	if err != nil {
		t.Fatalf("parse written OPML: %v\n%s", err, buf.String())
	}
	// Folders group their feeds: order is by first appearance of each folder.
	want := []Outlet{in[0], in[2], in[1], in[3]}
	if !reflect.DeepEqual(out, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", out, want)
	}
}

func TestBuiltin(t *testing.T) {
	if _, err := ParseOPML(bytes.NewReader(BuiltinOPML())); err != nil {
		t.Fatalf("built-in outlets.opml: %v", err)
	}
	outlets := Builtin()
	if len(outlets) < 30 {
		t.Fatalf("%d built-in outlets, want 30 or more", len(outlets))
	}
	kinds := map[Kind]int{}
	countries := map[string]bool{}
	for _, o := range outlets {
		if o.Title == "" || o.Country == "" || !o.Kind.Valid() || o.Language == "" || o.SiteURL == "" {
			t.Errorf("incomplete outlet %+v", o)
		}
		u, err := url.Parse(o.FeedURL)
		if err != nil || u.Host == "" {
			t.Errorf("%s: bad feed URL %q", o.Title, o.FeedURL)
		}
		kinds[o.Kind]++
		countries[o.Country] = true
	}
	for _, k := range Kinds {
		if kinds[k] == 0 {
			t.Errorf("no built-in outlet of kind %s", k)
		}
	}
	for _, c := range []string{"UA", "RU", "US", "GB", "DE", "FR", "QA", "CN", "JP", "IN", "IL", "TR"} {
		if !countries[c] {
			t.Errorf("no built-in outlet from %s", c)
		}
	}
	// Builtin returns a copy.
	outlets[0].Title = "changed"
	if Builtin()[0].Title == "changed" {
		t.Error("Builtin shares its slice")
	}
}

func FuzzParseOPML(f *testing.F) {
	seeds := []string{
		`<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body><outline text="a" type="rss" xmlUrl="https://a.example/rss" country="us" kind="wire"/></body></opml>`,
		`<opml><body><outline text="folder"><outline text="x" xmlUrl="http://x.example/feed"/><outline text="bad" xmlUrl="::"/></outline></body></opml>`,
		`<opml><body><outline type="rss" text="nourl"/><outline xmlUrl="https://d.example/"/><outline xmlUrl="https://d.example/"/></body></opml>`,
		`<!DOCTYPE opml [<!ENTITY a "b">]><opml/>`,
		`<opml><body><outline`,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		outlets, err := ParseOPML(bytes.NewReader(data))
		var be *BrokenEntriesError
		if err != nil && !errors.As(err, &be) {
			if outlets != nil {
				t.Fatalf("fatal error %v with %d outlets", err, len(outlets))
			}
			return
		}
		// Whatever parsed must survive a write and a re-read unchanged.
		var buf bytes.Buffer
		if err := WriteOPML(&buf, outlets); err != nil {
			t.Fatal(err)
		}
		again, err := ParseOPML(&buf)
		if err != nil {
			t.Fatalf("re-parse: %v\n%s", err, buf.String())
		}
		if len(again) != len(outlets) {
			t.Fatalf("round trip: %d outlets, then %d", len(outlets), len(again))
		}
	})
}

func TestParseOPMLEncodings(t *testing.T) {
	tests := []struct {
		name  string
		doc   []byte
		title string
	}{
		{"html entity", []byte(`<opml><body><outline text="Caf&eacute;&nbsp;News" xmlUrl="https://c.example/rss"/></body></opml>`), "Café News"},
		{"latin-1", append(append([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><opml><body><outline text="Caf`), 0xe9), []byte(`" xmlUrl="https://c.example/rss"/></body></opml>`)...), "Café"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseOPML(bytes.NewReader(tc.doc))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || got[0].Title != tc.title {
				t.Errorf("outlets = %+v, want title %q", got, tc.title)
			}
		})
	}
}
