package ingest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

func TestKindOf(t *testing.T) {
	tests := []struct {
		name string
		want Kind
		err  bool
	}{
		{"a.txt", KindText, false},
		{"A.HTML", KindHTML, false},
		{"page.html.gz", KindHTML, false},
		{"x.htm", KindHTML, false},
		{"items.jsonl", KindJSONL, false},
		{"article.json", KindNewsPlease, false},
		{"items.ndjson.gz", KindJSONL, false},
		{"reut2-000.sgm", KindReuters, false},
		{"world.rss", KindFeed, false},
		{"news.atom", KindFeed, false},
		{"feed.xml", KindFeed, false},
		{"https://example.org/news/1", KindURL, false},
		{"http://example.org", KindURL, false},
		{"ftp://example.org/a.txt", KindText, false}, // not a URL we fetch: a file name
		{"photo.jpg", 0, true},
		{"noext", 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := KindOf(tc.name)
			if (err != nil) != tc.err || got != tc.want {
				t.Fatalf("KindOf(%q) = %v, %v; want %v, err=%v", tc.name, got, err, tc.want, tc.err)
			}
		})
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, body string) {
		t.Helper()
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("b.txt", "b")
	write("a.html", "<p>a</p>")
	write("sub/c.jsonl", "{}")
	write("sub/image.png", "x")
	write("sub/e.rss", "<rss/>")
	write("sub/sitemap.xml", "<urlset/>") // any XML may sit in a folder: not read as a feed
	write(".hidden/d.txt", "d")
	write(".e.txt", "e")

	inputs, errs := Expand([]string{dir, filepath.Join(dir, "missing.txt"), "https://example.org/x", filepath.Join(dir, "sub", "image.png")})
	var names []string
	for _, in := range inputs {
		rel, err := filepath.Rel(dir, in.Name)
		if err != nil || strings.HasPrefix(rel, "..") {
			rel = in.Name
		}
		names = append(names, rel+"="+in.Kind.String())
	}
	want := "a.html=html b.txt=text sub/c.jsonl=jsonl sub/e.rss=feed https://example.org/x=url"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("inputs = %s\nwant     %s", got, want)
	}
	if len(errs) != 2 {
		t.Fatalf("errs = %v, want 2 (missing file, unsupported type)", errs)
	}
	for _, e := range errs {
		if !strings.Contains(e.Error(), dir) {
			t.Errorf("error %q does not name the input", e)
		}
	}
}

func collect(t *testing.T, r *Reader, in Input) ([]Doc, []error, error) {
	t.Helper()
	var docs []Doc
	var fails []error
	err := r.Read(context.Background(), in, func(d Doc) error {
		docs = append(docs, d)
		return nil
	}, func(err error) { fails = append(fails, err) })
	return docs, fails, err
}

func TestReadJSONLKeepsGoodLines(t *testing.T) {
	r := &Reader{}
	docs, fails, err := collect(t, r, Input{Name: "testdata/mixed.jsonl", Kind: KindJSONL})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d docs, want 2", len(docs))
	}
	if docs[0].Title != "First" || docs[0].Format != FormatText || docs[0].Outlet != "Example Daily" || docs[0].Published != "2025-09-24" {
		t.Errorf("doc 0 = %+v", docs[0])
	}
	if docs[1].Format != FormatHTML || docs[1].Name != "testdata/mixed.jsonl:5" {
		t.Errorf("doc 1 = %+v", docs[1])
	}
	if len(fails) != 2 {
		t.Fatalf("fails = %v, want 2", fails)
	}
	if !strings.Contains(fails[0].Error(), "mixed.jsonl:2") || !strings.Contains(fails[1].Error(), "mixed.jsonl:3") {
		t.Errorf("failures do not name file and line: %v", fails)
	}
}

func TestReadJSONLLongLine(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "long.jsonl")
	long := `{"text":"` + strings.Repeat("x", 5000) + `"}`
	body := `{"text":"short one"}` + "\n" + long + "\n" + `{"text":"short two"}`
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, fails, err := collect(t, &Reader{MaxBytes: 1000}, Input{Name: p, Kind: KindJSONL})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || string(docs[1].Body) != "short two" || docs[1].Name != p+":3" {
		t.Fatalf("docs = %+v", docs)
	}
	if len(fails) != 1 || !errors.Is(fails[0], ErrTooLarge) || !strings.Contains(fails[0].Error(), ":2") {
		t.Fatalf("fails = %v", fails)
	}
}

func TestReadFileLimits(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, bytes.Repeat([]byte("word "), 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := collect(t, &Reader{MaxBytes: 100}, Input{Name: big, Kind: KindText})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), big) {
		t.Fatalf("err = %v, want ErrTooLarge naming %s", err, big)
	}
	_, _, err = collect(t, &Reader{}, Input{Name: filepath.Join(dir, "nope.txt"), Kind: KindText})
	if err == nil || !strings.Contains(err.Error(), "nope.txt") {
		t.Fatalf("missing file: err = %v", err)
	}
	_, _, err = collect(t, &Reader{}, Input{Name: "https://example.org/", Kind: KindURL})
	if err == nil {
		t.Fatal("URL without fetcher: want error")
	}
}

type fakeFetcher map[string]Page

func (f fakeFetcher) FetchPage(_ context.Context, url string) (Page, error) {
	p, ok := f[url]
	if !ok {
		return Page{}, errors.New("404")
	}
	return p, nil
}

func TestReadURL(t *testing.T) {
	r := &Reader{Fetcher: fakeFetcher{"https://example.org/a": {Body: []byte("<p>x</p>"), URL: "https://example.org/a?x", ContentType: "text/html"}}}
	docs, _, err := collect(t, r, Input{Name: "https://example.org/a", Kind: KindURL})
	if err != nil || len(docs) != 1 || docs[0].URL != "https://example.org/a?x" || docs[0].Format != FormatHTML {
		t.Fatalf("docs=%+v err=%v", docs, err)
	}
	_, _, err = collect(t, r, Input{Name: "https://example.org/b", Kind: KindURL})
	if err == nil || !strings.Contains(err.Error(), "https://example.org/b") {
		t.Fatalf("err = %v", err)
	}
}

// FuzzReadJSONL feeds arbitrary bytes to the JSON Lines reader: it must not
// panic, and every document it emits has a body.
func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"text":"a"}` + "\n" + `{"html":"<p>b</p>","title":"t"}`))
	f.Add([]byte("{\n}\n\n\r\n{\"text\":1}"))
	f.Add([]byte(`{"text":"\ud800"}`))
	f.Add([]byte{0xff, 0xfe, '\n', 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "f.jsonl")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		r := &Reader{MaxBytes: 256}
		err := r.Read(context.Background(), Input{Name: p, Kind: KindJSONL}, func(d Doc) error {
			if len(d.Body) == 0 {
				t.Errorf("empty body emitted for %s", d.Name)
			}
			return nil
		}, func(error) {})
		if err != nil {
			t.Fatalf("whole-input error on bytes: %v", err)
		}
	})
}

func TestParseNewsPlease(t *testing.T) {
	tests := []struct {
		name, json string
		wantBody   string
		wantErr    bool
	}{
		{"maintext", `{"title":"T","maintext":"Body one.","source_domain":"example.org","date_publish":"2017-09-15 10:00:00","url":"http://example.org/a"}`, "Body one.", false},
		{"text when no maintext", `{"title":"T","text":"Body two.","date_publish":"None"}`, "Body two.", false},
		{"description as last resort", `{"title":"T","description":"Lead only."}`, "Lead only.", false},
		{"no body", `{"title":"T"}`, "", true},
		{"not json", `<html>`, "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ParseNewsPlease([]byte(tc.json), "x.json")
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error %v", err, tc.wantErr)
			}
			if err != nil {
				return
			}
			if string(d.Body) != tc.wantBody || d.Title != "T" || d.Published == "None" {
				t.Errorf("doc = %+v", d)
			}
		})
	}
	d, _ := ParseNewsPlease([]byte(tests[0].json), "x.json")
	if d.Outlet != "example.org" || d.Published != "2017-09-15 10:00:00" || d.URL != "http://example.org/a" {
		t.Errorf("fields lost: %+v", d)
	}
}

// TestParseNewsPleaseAuthors: the "authors" field in any shape a crawler
// writes it, tidied into the document's author; a shape that is not a name
// or list leaves the author empty and the article readable.
func TestParseNewsPleaseAuthors(t *testing.T) {
	tests := []struct {
		name, authors, want string
	}{
		{"list", `["Jane Roe", "Technology Correspondent", "John Doe For Mailonline"]`, "Jane Roe, John Doe"},
		{"agency", `["The Associated Press"]`, "Associated Press"},
		{"one string", `"Jane Roe"`, "Jane Roe"},
		{"null", `null`, ""},
		{"empty list", `[]`, ""},
		{"number", `42`, ""},
		{"object", `{"name": "Jane Roe"}`, ""},
		{"mixed list", `["Jane Roe", 7]`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ParseNewsPlease([]byte(`{"title":"T","maintext":"Body.","authors":`+tc.authors+`}`), "x.json")
			if err != nil {
				t.Fatalf("authors %s failed the article: %v", tc.authors, err)
			}
			if d.Author != tc.want {
				t.Errorf("author %q, want %q", d.Author, tc.want)
			}
		})
	}
}

func FuzzParseNewsPlease(f *testing.F) {
	for _, s := range []string{
		`{"title":"T","maintext":"Body.","authors":["Jane Roe"]}`,
		`{"maintext":"Body.","authors":"Jane Roe For Dailymail.Com"}`,
		`{"maintext":"Body.","authors":[null, "x"]}`,
		`{"text":"B","authors":{}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ParseNewsPlease(b, "x.json")
		if err != nil {
			return
		}
		if len(d.Body) == 0 {
			t.Fatal("document without a body")
		}
		if !utf8.ValidString(d.Author) || strings.ContainsAny(d.Author, "\n\r") {
			t.Fatalf("author %q", d.Author)
		}
	})
}

func TestReadFeedFile(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		titles  []string
		outlet  string
		wantErr error
	}{
		// Written for this test: one item with its full text, one with a
		// summary only (left out: its page is for poll to fetch).
		{"full text and summary", "testdata/feed-mixed.rss", []string{"Talks resume in Geneva"}, "Example Wire", nil},
		{"summaries only", "testdata/feed-summaries.atom", nil, "", ErrSummariesOnly},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, _, err := collect(t, &Reader{}, Input{Name: tc.in, Kind: KindFeed})
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("err = %v, want %v", err, tc.wantErr)
			}
			if err != nil && !strings.Contains(err.Error(), tc.in) {
				t.Errorf("error %q does not name the file", err)
			}
			var titles []string
			for _, d := range docs {
				titles = append(titles, d.Title)
				if d.Outlet != tc.outlet || d.Format != FormatHTML || d.Published == "" || !strings.HasPrefix(d.URL, "https://") {
					t.Errorf("doc %+v: want outlet %q, HTML, a date and the item link", d, tc.outlet)
				}
			}
			if strings.Join(titles, "|") != strings.Join(tc.titles, "|") {
				t.Errorf("titles %q, want %q", titles, tc.titles)
			}
		})
	}
}

// TestReadSharedFeed reads a real feed that carries full text: every item
// becomes a document.
func TestReadSharedFeed(t *testing.T) {
	in := sharedtest.Dir(t, "corpus", "feeds", "rss-parser", "guardian.rss")
	docs, _, err := collect(t, &Reader{}, Input{Name: in, Kind: KindFeed})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 5 {
		t.Fatalf("%d documents from the Guardian feed, want its items", len(docs))
	}
	for _, d := range docs {
		if d.Title == "" || d.URL == "" || d.Published == "" || len(d.Body) < 200 {
			t.Errorf("thin document %s: title %q url %q date %q, %d bytes", d.Name, d.Title, d.URL, d.Published, len(d.Body))
		}
	}
}
