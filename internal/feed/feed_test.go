package feed

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

func openShared(t testing.TB, elem ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(sharedtest.Dir(t, append([]string{"corpus", "feeds"}, elem...)...))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseSharedFeeds(t *testing.T) {
	tests := []struct {
		file      string
		feedURL   string
		title     string
		items     int
		firstURL  string
		firstDate string // RFC 3339, UTC
		wantErr   error
	}{
		{file: "node-feedparser/rss2sample.xml", feedURL: "http://liftoff.msfc.nasa.gov/rss.xml", title: "Liftoff News", items: 4,
			firstURL: "http://liftoff.msfc.nasa.gov/news/2003/news-starcity.asp", firstDate: "2003-06-03T09:39:21Z"},
		{file: "rss-parser/guardian.rss", title: "The Guardian", items: 55},
		{file: "rss-parser/heise.atom", title: "heise developer neueste Meldungen", items: 15},
		{file: "node-feedparser/iconv.xml", title: "Новости Оренбурга и области / Раздел Новости", items: 10},
		// The same document gzip-compressed.
		{file: "node-feedparser/compressed.xml", title: "Новости Оренбурга и области / Раздел Новости", items: 10},
		// ISO 8859-1 without an encoding declaration.
		{file: "rss-parser/uolNoticias.rss", title: "UOL Noticias"},
		{file: "node-feedparser/rss-with-relative-urls.xml", feedURL: "https://www.arcgames.com/en/games/neverwinter/news/rss", title: "Neverwinter", items: 2,
			firstURL: "https://www.arcgames.com/en/games/neverwinter/news/detail/10743874-neverwinter-%26-jingle-jam-humble-bundle%21"},
		{file: "node-feedparser/notafeed.html", wantErr: ErrNotFeed},
		{file: "rss-parser/unrecognized.rss", wantErr: ErrNotFeed},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			feedURL := tc.feedURL
			if feedURL == "" {
				feedURL = "https://feeds.example.org/" + filepath.Base(tc.file)
			}
			f, err := Parse(bytes.NewReader(openShared(t, tc.file)), feedURL)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) || !strings.Contains(err.Error(), feedURL) {
					t.Fatalf("error = %v, want %v naming %s", err, tc.wantErr, feedURL)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tc.title {
				t.Errorf("title = %q, want %q", f.Title, tc.title)
			}
			if tc.items > 0 && len(f.Items) != tc.items {
				t.Errorf("%d items, want %d", len(f.Items), tc.items)
			}
			if len(f.Items) == 0 {
				t.Fatal("no items")
			}
			if tc.firstURL != "" && f.Items[0].URL != tc.firstURL {
				t.Errorf("first URL = %q, want %q", f.Items[0].URL, tc.firstURL)
			}
			if tc.firstDate != "" && f.Items[0].Published.Format(time.RFC3339) != tc.firstDate {
				t.Errorf("first date = %s, want %s", f.Items[0].Published.Format(time.RFC3339), tc.firstDate)
			}
			for i, it := range f.Items {
				if !utf8.ValidString(it.Title) || !utf8.ValidString(it.Summary) {
					t.Errorf("item %d: invalid UTF-8 in %q", i, it.Title)
				}
				if it.URL != "" {
					if c, err := CanonicalURL(it.URL); err != nil || c != it.URL {
						t.Errorf("item %d: URL %q not canonical (%q, %v)", i, it.URL, c, err)
					}
				}
			}
		})
	}
}

// TestParseAllSharedFeeds parses every shared feed file: each must parse or
// fail with an error naming the feed, never panic or hang.
func TestParseAllSharedFeeds(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(sharedtest.Dir(t, "corpus", "feeds"), "*", "*"))
	if err != nil || len(files) < 20 {
		t.Fatalf("shared feeds: %d files, %v", len(files), err)
	}
	parsed := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(bytes.NewReader(data), "https://example.org/"+filepath.Base(file))
		if err != nil {
			if !strings.Contains(err.Error(), filepath.Base(file)) {
				t.Errorf("%s: error %q does not name the feed", file, err)
			}
			continue
		}
		parsed++
		for _, it := range f.Items {
			if it.NeedsPage && it.URL == "" {
				t.Errorf("%s: item %q needs a page but has no URL", file, it.Title)
			}
		}
	}
	// Two of the files are not feeds at all; everything else parses.
	if parsed < len(files)-2 {
		t.Errorf("parsed %d of %d files", parsed, len(files))
	}
}

func TestParseSmall(t *testing.T) {
	long := strings.Repeat("Words of a full article body. ", 40) // > FullContentRunes
	tests := []struct {
		name string
		doc  string
		want Item
		site string
	}{
		{
			name: "rss summary only",
			doc: `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><link>https://news.example.com/</link>
<item><title>A &amp; B</title><link>/world/story-1?utm_source=rss&amp;id=7#top</link><guid isPermaLink="false">abc-1</guid>
<description>&lt;p&gt;Short &lt;b&gt;summary&lt;/b&gt;.&lt;/p&gt;</description><pubDate>Mon, 02 Jun 2025 10:00:00 +0200</pubDate><dc:creator>Jane Roe</dc:creator></item></channel></rss>`,
			want: Item{GUID: "abc-1", URL: "https://news.example.com/world/story-1?id=7", Title: "A & B", Summary: "Short summary.",
				Published: time.Date(2025, 6, 2, 8, 0, 0, 0, time.UTC), Author: "Jane Roe", NeedsPage: true},
			site: "https://news.example.com/",
		},
		{
			name: "rss full content",
			doc: `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>
<item><title>Full</title><link>https://news.example.com/full</link><description>Teaser.</description>
<content:encoded><![CDATA[<p>` + long + `</p>]]></content:encoded></item></channel></rss>`,
			want: Item{GUID: "https://news.example.com/full", URL: "https://news.example.com/full", Title: "Full", Summary: "Teaser.",
				Content: "<p>" + long + "</p>"},
		},
		{
			name: "atom updated only, relative link",
			doc: `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><link href="https://site.example.net/"/>
<entry><id>urn:x:1</id><title type="html">Hello &lt;i&gt;world&lt;/i&gt;</title><link rel="alternate" href="https://site.example.net/a/1"/>
<updated>2025-01-05T12:00:00Z</updated><summary>Sum</summary><author><name>Ann</name></author></entry></feed>`,
			want: Item{GUID: "urn:x:1", URL: "https://site.example.net/a/1", Title: "Hello world", Summary: "Sum",
				Published: time.Date(2025, 1, 5, 12, 0, 0, 0, time.UTC), Author: "Ann", NeedsPage: true},
			site: "https://site.example.net/",
		},
		{
			name: "json feed",
			doc: `{"version":"https://jsonfeed.org/version/1.1","title":"J","home_page_url":"https://j.example.com/",
"items":[{"id":"j1","url":"https://j.example.com/p/1?fbclid=zz","title":"JSON item","content_html":"<p>` + long + `</p>","summary":"S","date_published":"2025-03-01T00:00:00Z"}]}`,
			want: Item{GUID: "j1", URL: "https://j.example.com/p/1", Title: "JSON item", Summary: "S", Content: "<p>" + long + "</p>",
				Published: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)},
			site: "https://j.example.com/",
		},
		{
			name: "no link no date",
			doc:  `<rss version="2.0"><channel><title>T</title><item><title>Lonely</title><description>x</description></item></channel></rss>`,
			want: Item{Title: "Lonely", Summary: "x"},
		},
		{
			name: "full text in description",
			doc:  `<rss version="2.0"><channel><title>T</title><item><title>D</title><link>https://d.example.com/1</link><description>` + long + `</description></item></channel></rss>`,
			want: Item{GUID: "https://d.example.com/1", URL: "https://d.example.com/1", Title: "D", Summary: strings.TrimSpace(long), Content: strings.TrimSpace(long)},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse(strings.NewReader(tc.doc), "https://feeds.example.com/feed")
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Items) != 1 {
				t.Fatalf("%d items", len(f.Items))
			}
			got := f.Items[0]
			if got != tc.want {
				t.Errorf("item\n got %+v\nwant %+v", got, tc.want)
			}
			if tc.site != "" && f.SiteURL != tc.site {
				t.Errorf("SiteURL = %q, want %q", f.SiteURL, tc.site)
			}
		})
	}
}

func TestItemKey(t *testing.T) {
	tests := []struct {
		it   Item
		want string
	}{
		{Item{URL: "https://a/x", GUID: "g"}, "https://a/x"},
		{Item{GUID: "g"}, "guid:g"},
		{Item{}, ""},
	}
	for _, tc := range tests {
		if got := tc.it.Key(); got != tc.want {
			t.Errorf("%+v.Key() = %q, want %q", tc.it, got, tc.want)
		}
	}
}

// zeros is an endless reader of one byte value.
type repeatReader byte

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

func TestParseHostile(t *testing.T) {
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	if _, err := io.CopyN(zw, repeatReader(' '), MaxFeedSize+10); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	billionLaughs := `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>&lol3;</title></item></channel></rss>`
	external := `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title></channel></rss>`

	tests := []struct {
		name    string
		r       io.Reader
		wantErr error // nil: any error
	}{
		{"entity bomb", strings.NewReader(billionLaughs), ErrEntities},
		{"external entity", strings.NewReader(external), ErrEntities},
		{"gzip bomb", bytes.NewReader(bomb.Bytes()), ErrTooLarge},
		{"huge body", io.LimitReader(repeatReader('a'), MaxFeedSize+100), ErrTooLarge},
		{"malformed xml", strings.NewReader(`<rss version="2.0"><channel><title>x</title><item><title>y</item></channel>`), nil},
		{"truncated gzip", bytes.NewReader(bomb.Bytes()[:100]), nil},
		{"empty", strings.NewReader(""), ErrNotFeed},
		{"html", strings.NewReader("<!doctype html><html><body>hi</body></html>"), ErrNotFeed},
		{"binary", bytes.NewReader([]byte{0, 1, 2, 3, 0xff, 0xfe}), ErrNotFeed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse(tc.r, "https://bad.example/feed")
			if err == nil {
				// A lenient parser may recover a malformed document; that
				// is fine as long as the result is usable.
				if tc.wantErr != nil || f == nil {
					t.Fatalf("Parse succeeded (%+v), want error %v", f, tc.wantErr)
				}
				return
			}
			if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
				t.Fatalf("error = %v, want %v", err, tc.wantErr)
			}
			if !strings.Contains(err.Error(), "https://bad.example/feed") {
				t.Errorf("error %q does not name the feed", err)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	seeds := []string{
		`<rss version="2.0"><channel><title>T</title><link>https://e.com/</link><item><title>I</title><link>/a?utm_x=1</link><pubDate>Mon, 02 Jan 2006 15:04:05 GMT</pubDate><description>&lt;p&gt;s&lt;/p&gt;</description></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>1</id><link href="x"/><content type="html">&lt;b&gt;c&lt;/b&gt;</content></entry></feed>`,
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>R</title></channel><item><title>i</title><link>http://r.example/1</link></item></rdf:RDF>`,
		`{"version":"https://jsonfeed.org/version/1","title":"J","items":[{"id":"1","url":"https://j/1","content_text":"t"}]}`,
		`<!DOCTYPE rss [<!ENTITY a "b">]><rss><channel><title>&a;</title></channel></rss>`,
		"\x1f\x8b\x08\x00",
		`<rss><channel><item><title>unterminated`,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse(bytes.NewReader(data), "https://fuzz.example/feed")
		if err != nil {
			return
		}
		for _, it := range feed.Items {
			if it.URL != "" {
				if c, err := CanonicalURL(it.URL); err != nil || c != it.URL {
					t.Fatalf("item URL %q is not canonical: %q, %v", it.URL, c, err)
				}
			}
			if it.NeedsPage && it.URL == "" {
				t.Fatalf("item needs a page but has no URL")
			}
		}
	})
}

func TestParseHTTPCharset(t *testing.T) {
	// "Привет" in Windows-1251, in a document that declares no encoding.
	doc := append([]byte(`<rss version="2.0"><channel><title>`), 0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2)
	doc = append(doc, []byte(`</title></channel></rss>`)...)
	tests := []struct {
		contentType, want string
	}{
		{"application/rss+xml; charset=windows-1251", "Привет"},
		{"application/rss+xml", "Ïðèâåò"}, // no charset: read as Windows-1252
		{"text/xml; charset=nonsense", "Ïðèâåò"},
	}
	for _, tc := range tests {
		t.Run(tc.contentType, func(t *testing.T) {
			f, err := ParseHTTP(doc, "https://ru.example/feed", tc.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tc.want {
				t.Errorf("title = %q, want %q", f.Title, tc.want)
			}
		})
	}
}
