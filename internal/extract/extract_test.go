package extract

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// seedLines returns the non-empty, space-normalized lines of a seed file.
func seedLines(t *testing.T, path string) (string, []string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = cleanSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return string(b), lines
}

// TestSeeds cleans the five founding articles from ../shared/corpus/seeds.
// Expectations point at lines of each seed by index (no article text is
// copied here): debris lines must end up in Removed, the first and last
// body lines must come through whole, origin outlets must be found, and
// cleaning must only move words between title, text and removed.
func TestSeeds(t *testing.T) {
	dir := sharedtest.Dir(t, "corpus", "seeds")
	tests := []struct {
		prefix      string
		origin      string
		republisher string
		title       int   // seed line that is the title, -1 for none
		first, last int   // seed lines holding the first and last body paragraphs
		removed     []int // seed lines that are debris, whole
		// removedPrefix are the starts of debris glued inside a line.
		removedPrefix []string
	}{
		{prefix: "000_", origin: "Kyiv Independent", title: -1, first: 0, last: 14, removed: []int{15, 16}},
		{prefix: "001_", origin: "RT", republisher: "USSANews", title: -1, first: 0, last: 10, removed: []int{11}},
		{prefix: "002_", origin: "Axios", title: 2, first: 4, last: 4, removed: []int{0, 1, 3, 5, 6, 7}, removedPrefix: []string{"More from Axios:"}},
		{prefix: "003_", origin: "", title: 0, first: 1, last: 8, removed: []int{9, 10}},
		{prefix: "004_", origin: "AFP", title: -1, first: 0, last: 10, removed: []int{11}},
	}
	for _, tc := range tests {
		t.Run(tc.prefix, func(t *testing.T) {
			matches, _ := filepath.Glob(filepath.Join(dir, tc.prefix+"*.txt"))
			if len(matches) != 1 {
				t.Fatalf("seed %s*: found %d files", tc.prefix, len(matches))
			}
			raw, lines := seedLines(t, matches[0])
			res, err := File(matches[0])
			if err != nil {
				t.Fatalf("File: %v", err)
			}
			if !strings.Contains(res.OriginOutlet, tc.origin) || (tc.origin == "") != (res.OriginOutlet == "") {
				t.Errorf("origin = %q, want %q", res.OriginOutlet, tc.origin)
			}
			if res.Republisher != tc.republisher && !(tc.republisher == "" && tc.prefix == "002_") {
				t.Errorf("republisher = %q, want %q", res.Republisher, tc.republisher)
			}
			if tc.title >= 0 && res.Title != lines[tc.title] {
				t.Errorf("title = %q, want line %d %q", res.Title, tc.title, lines[tc.title])
			}
			if tc.title < 0 && res.Title != "" {
				t.Errorf("title = %q, want none", res.Title)
			}
			for _, i := range tc.removed {
				if !slices.Contains(res.Removed, lines[i]) {
					t.Errorf("line %d %q not in Removed %q", i, lines[i], res.Removed)
				}
			}
			for _, p := range tc.removedPrefix {
				if !slices.ContainsFunc(res.Removed, func(s string) bool { return strings.HasPrefix(s, p) }) {
					t.Errorf("no Removed item starts with %q: %q", p, res.Removed)
				}
				if strings.Contains(res.Text, p) {
					t.Errorf("text still contains %q", p)
				}
			}
			paras := news.Paragraphs(res.Text)
			if len(paras) < 3 {
				t.Fatalf("only %d paragraphs", len(paras))
			}
			// First paragraph: the whole line, or (for glued lines) its start.
			if first := paras[0]; !strings.HasPrefix(lines[tc.first], first) || len(words(first)) < 10 {
				t.Errorf("first paragraph %q is not the start of line %d %q", first, tc.first, lines[tc.first])
			}
			if last := paras[len(paras)-1]; !strings.Contains(lines[tc.last], last) || len(words(last)) < 10 {
				t.Errorf("last paragraph %q is not inside line %d %q", last, tc.last, lines[tc.last])
			} else if tc.first != tc.last && last != lines[tc.last] {
				t.Errorf("last paragraph %q, want whole line %d %q", last, tc.last, lines[tc.last])
			}
			for _, i := range tc.removed {
				if strings.Contains(res.Text, lines[i]) {
					t.Errorf("debris line %d %q still in text", i, lines[i])
				}
			}
			// Nothing lost, nothing invented: word characters only move
			// (glued words may be split, so compare characters).
			got := []rune(strings.Join(words(res.Title+" "+res.Text+" "+strings.Join(res.Removed, " ")), ""))
			want := []rune(strings.Join(words(raw), ""))
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("word characters differ: %d after cleaning, %d in the seed", len(got), len(want))
			}
			if res.Language != "en" {
				t.Errorf("language = %q, want en", res.Language)
			}
		})
	}
}

func TestTextRules(t *testing.T) {
	body := "The council met on Tuesday and agreed the budget after a long debate about schools and roads.\n" +
		"Members said the vote was close, and the mayor promised a review of spending next spring.\n"
	tests := []struct {
		name        string
		in          string
		removed     []string
		origin      string
		republisher string
		title       string
	}{
		{name: "logo and tag soup", in: "acme news logo\nbudgetcouncilschoolsroadsmayor\n" + body,
			removed: []string{"acme news logo", "budgetcouncilschoolsroadsmayor"}},
		{name: "read also in the middle", in: "The council met on Tuesday and agreed the budget after a long debate.\nRead also: Why the roads cost more this year\n" + body,
			removed: []string{"Read also: Why the roads cost more this year"}},
		{name: "feed attribution", in: body + "From The Daily Example - Local news for everyone via this RSS feed\n",
			removed: []string{"From The Daily Example - Local news for everyone via this RSS feed"}, origin: "The Daily Example"},
		{name: "post appeared first", in: body + "The post Council agrees budget appeared first on Example Times.\n",
			removed: []string{"The post Council agrees budget appeared first on Example Times."}, origin: "Example Times"},
		{name: "wire credit", in: body + "(Reporting by Reuters; editing by Jane Roe)\n",
			removed: []string{"(Reporting by Reuters; editing by Jane Roe)"}, origin: "Reuters"},
		{name: "contributed", in: body + "The Associated Press contributed to this report.\n",
			removed: []string{"The Associated Press contributed to this report."}, origin: "Associated Press"},
		{name: "person credit is removed but no origin", in: body + "Reporting by Jane Roe; Editing by John Doe\n",
			removed: []string{"Reporting by Jane Roe; Editing by John Doe"}},
		{name: "copyright notice with two sites", in: body + "This story is courtesy of https://example.org and copyrighted by it; reposted via the RSS feed of Mirror.net.\n",
			removed: []string{"This story is courtesy of https://example.org and copyrighted by it; reposted via the RSS feed of Mirror.net."}, origin: "example.org", republisher: "mirror.net"},
		{name: "trailing labels and bullets", in: body + "Related:\n• One • Two • Three\nComments\nMost Popular\n",
			removed: []string{"Related:", "• One • Two • Three", "Comments", "Most Popular"}},
		{name: "title and repeated headline", in: "Council Agrees Budget After Long Debate\nCouncil Agrees Budget After Long Debate\n" + body,
			removed: []string{"Council Agrees Budget After Long Debate"}, title: "Council Agrees Budget After Long Debate"},
		{name: "dateline names agency", in: "KYIV (Reuters) - The council met on Tuesday and agreed the budget after a long debate.\n" + body,
			origin: "Reuters"},
		{name: "more from glued to last paragraph", in: body + "The mayor left early.More from Example:Roads cost moreSchools get new roofs\n",
			removed: []string{"More from Example:", "Roads cost more", "Schools get new roofs"}, origin: "Example"},
		{name: "more from glued without a stop", in: body + "The mayor left early More from Example: Roads cost moreSchools get new roofs\n",
			removed: []string{"More from Example:", "Roads cost more", "Schools get new roofs"}, origin: "Example"},
		{name: "trailing contact and promo", in: body + "Write to Jane Roe at jane@example.org\nSubscribe to our newsletter for more local news.\n",
			removed: []string{"Write to Jane Roe at jane@example.org", "Subscribe to our newsletter for more local news."}},
		{name: "clean text untouched", in: body},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Text(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(res.Removed, tc.removed) && !(len(res.Removed) == 0 && len(tc.removed) == 0) {
				t.Errorf("removed = %q, want %q", res.Removed, tc.removed)
			}
			if res.OriginOutlet != tc.origin {
				t.Errorf("origin = %q, want %q", res.OriginOutlet, tc.origin)
			}
			if res.Republisher != tc.republisher {
				t.Errorf("republisher = %q, want %q", res.Republisher, tc.republisher)
			}
			if res.Title != tc.title {
				t.Errorf("title = %q, want %q", res.Title, tc.title)
			}
			for _, l := range strings.Split(strings.TrimSpace(body), "\n") {
				if !strings.Contains(res.Text, l) {
					t.Errorf("body line %q lost; text %q", l, res.Text)
				}
			}
		})
	}
}

func TestUnglue(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"It rained Sunday.The roads flooded.", []string{"It rained Sunday.", "The roads flooded."}},
		{`"We won," she said."It was hard," she added.`, []string{`"We won," she said.`, `"It was hard," she added.`}},
		{`"It was hard."Then they left.`, []string{`"It was hard."`, `Then they left.`}},
		{"The U.S. and the U.K. agreed.", []string{"The U.S. and the U.K. agreed."}},
		{"Version 2.5 is out. Prices rose 3.5%.", []string{"Version 2.5 is out. Prices rose 3.5%."}},
		{"Visit example.com today.", []string{"Visit example.com today."}},
		{"He works at 10 a.m.Then he rests.", []string{"He works at 10 a.m.Then he rests."}},
	}
	for _, tc := range tests {
		if got := unglue(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("unglue(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	gz := func(data []byte) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write(data)
		w.Close()
		return b.Bytes()
	}
	para := "The council met on Tuesday and agreed the budget after a long debate about schools and roads. "
	tests := []struct {
		name    string
		path    string
		opts    Options
		wantErr error
	}{
		{name: "empty", path: write("empty.txt", nil), wantErr: ErrEmpty},
		{name: "blank", path: write("blank.txt", []byte(" \n\n\t\n")), wantErr: ErrEmpty},
		{name: "empty html", path: write("empty.html", []byte("<html><body></body></html>")), wantErr: ErrEmpty},
		{name: "binary", path: write("bin.txt", []byte("abc\x00\x01\x02def")), wantErr: ErrBinary},
		{name: "png as html", path: write("img.html", []byte("\x89PNG\r\n\x1a\n....")), wantErr: ErrBinary},
		{name: "too large", path: write("big.txt", bytes.Repeat([]byte("word "), 300)), opts: Options{MaxBytes: 1000}, wantErr: ErrTooLarge},
		{name: "gzip bomb", path: write("bomb.html.gz", gz(bytes.Repeat([]byte("a"), 5000))), opts: Options{MaxBytes: 1000}, wantErr: ErrTooLarge},
		{name: "invalid utf8 repaired", path: write("bad.txt", []byte(para+"\xff\xfe broken "+para))},
		{name: "html gz", path: write("page.html.gz", gz([]byte("<html><head><title>T</title></head><body><article><p>"+strings.Repeat(para, 5)+"</p></article></body></html>")))},
		{name: "html sniffed in .txt", path: write("page.txt", []byte("<!DOCTYPE html><html><body><article><p>"+strings.Repeat(para, 5)+"</p></article></body></html>"))},
		{name: "bad gzip", path: write("bad.html.gz", []byte("\x1f\x8b\x08garbage")), wantErr: ErrBinary},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := FileWith(tc.path, tc.opts)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				if !strings.Contains(err.Error(), filepath.Base(tc.path)) {
					t.Errorf("error %q does not name the input", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(res.Text, "council met on Tuesday") {
				t.Errorf("text = %q", res.Text)
			}
			if !strings.Contains(res.Text, "\uFFFD") && tc.name == "invalid utf8 repaired" {
				t.Errorf("invalid bytes not replaced: %q", res.Text)
			}
		})
	}
}

// TestHugeFile checks that a file over the limit is refused from its size,
// without reading it (the file is sparse: 200 MB that take no disk).
func TestHugeFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := File(p); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	// A reader over the limit is cut off, not read to the end.
	r := newRepeatReader('a', 200<<20)
	if _, err := HTML(r, ""); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("HTML err = %v, want ErrTooLarge", err)
	}
	if r.n > DefaultMaxBytes+1 {
		t.Errorf("read %d bytes, want at most %d", r.n, DefaultMaxBytes+1)
	}
}

type repeatReader struct {
	b    byte
	left int64
	n    int64
}

func newRepeatReader(b byte, n int64) *repeatReader { return &repeatReader{b: b, left: n} }

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.left == 0 {
		return 0, io.EOF
	}
	n := min(int64(len(p)), r.left)
	for i := range p[:n] {
		p[i] = r.b
	}
	r.left -= n
	r.n += n
	return int(n), nil
}

// TestDeepHTML feeds pages nested 100,000 elements deep (closed and
// unclosed, block and formatting elements): each must come back quickly
// with its text, not overflow the stack.
func TestDeepHTML(t *testing.T) {
	const depth = 100000
	para := "The council met on Tuesday and agreed the budget after a long debate about schools and roads. "
	for _, tc := range []struct {
		name       string
		open, shut string
	}{
		{"div", "<div>", "</div>"},
		{"unclosed div", "<div>", ""},
		{"bold", "<b>", ""},
		{"table", "<table><tr><td>", ""},
		{"anchor", "<a href=x>", "</a>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("<html><body>")
			for range depth {
				b.WriteString(tc.open)
			}
			b.WriteString("<p>" + strings.Repeat(para, 5) + "</p>")
			for range depth {
				b.WriteString(tc.shut)
			}
			b.WriteString("</body></html>")
			start := time.Now()
			res, err := HTML(strings.NewReader(b.String()), "")
			if err != nil {
				t.Fatalf("HTML: %v", err)
			}
			if !strings.Contains(res.Text, "council met on Tuesday") {
				t.Errorf("text lost: %.200q", res.Text)
			}
			t.Logf("%d-deep page (%d bytes) cleaned in %v", depth, b.Len(), time.Since(start))
		})
	}
}

func TestBoundDepth(t *testing.T) {
	in := []byte("<div><div><div><span>x</span></div></div></div><p>y")
	if got := boundDepth(in, 10); !bytes.Equal(got, in) {
		t.Errorf("shallow page changed: %q", got)
	}
	got := string(boundDepth(in, 2))
	if want := "<div><div>x</div></div><p>y"; got != want {
		t.Errorf("boundDepth = %q, want %q", got, want)
	}
}

func TestSiteName(t *testing.T) {
	tests := map[string]string{
		"https://www.rt.com": "RT", "USSANews.com": "USSANews", "www.bbc.co.uk": "BBC News",
		"kyivindependent.com": "The Kyiv Independent", "news.example.org": "news.example.org",
		"Mirror.net": "mirror.net",
	}
	for in, want := range tests {
		if got := outletName(in); got != want {
			t.Errorf("outletName(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzText(f *testing.F) {
	f.Add("cupboard logo\nabcdefghijklmnopqrstuvwxyz\nHello there.World\nRead also: x\nComments")
	f.Add("From X via this RSS feed")
	f.Add("\"a\"\"b.\"C.\"D")
	f.Add("More from A:BcDe\n• x • y")
	f.Add("\xff\xfe\x00")
	f.Add("Title Here\nTitle Here\nSome text on Sept. 24, 2025 and 2025-09-30.")
	f.Fuzz(func(t *testing.T, s string) {
		res, err := Text(s)
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if res.Text == "" {
			t.Fatal("empty text without ErrEmpty")
		}
		if !utf8.ValidString(res.Text) {
			t.Fatal("invalid UTF-8 in output")
		}
	})
}

func FuzzHTML(f *testing.F) {
	f.Add("<html><body><article><p>Hello there, this is a paragraph.</p></article></body></html>")
	f.Add("<div><div><b><i><p>x</div>")
	f.Add("<meta charset=koi8-r><p>\xc1\xc2</p>")
	f.Fuzz(func(t *testing.T, s string) {
		res, err := HTML(strings.NewReader(s), "http://example.com/a")
		if err == nil && res.Text == "" {
			t.Fatal("empty text without error")
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"26-FEB-1987 15:01:01.79", "Sept. 24, 2025", "Mon, 02 Jan 2006 15:04:05 MST", "1758700800", "2025-09-24T10:00:00+03:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, err := ParseDate(s)
		if err == nil && tm.Location() != time.UTC {
			t.Fatalf("ParseDate(%q) not UTC", s)
		}
	})
}

// TestHTMLFixture extracts a small page written for this test: metadata
// from the head, the article body whole, the debris listed as removed.
func TestHTMLFixture(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := HTML(f, "https://gazette.example.org/news/council-budget?utm=x")
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ name, got, want string }{
		{"title", res.Title, "Council agrees budget after long debate"},
		{"author", res.Author, "Jane Roe"},
		{"site", res.SiteName, "The Example Gazette"},
		{"canonical", res.CanonicalURL, "https://gazette.example.org/news/council-budget"},
		{"language", res.Language, "en"},
		{"published", res.Published.Format(time.RFC3339), "2025-09-24T07:00:00Z"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if res.PublishedEstimated {
		t.Error("metadata date flagged as estimated")
	}
	paras := news.Paragraphs(res.Text)
	if len(paras) != 5 {
		t.Errorf("got %d paragraphs, want 5:\n%s", len(paras), res.Text)
	}
	if len(paras) > 0 && !strings.HasPrefix(paras[0], "The town council agreed") {
		t.Errorf("first paragraph = %q", paras[0])
	}
	if len(paras) > 0 && !strings.HasPrefix(paras[len(paras)-1], "The budget now goes") {
		t.Errorf("last paragraph = %q", paras[len(paras)-1])
	}
	for _, junk := range []string{"Read also", "Write to", "Library opening hours", "All rights reserved", "By Jane Roe"} {
		if strings.Contains(res.Text, junk) {
			t.Errorf("text still contains %q", junk)
		}
	}
	if !slices.ContainsFunc(res.Removed, func(s string) bool { return strings.HasPrefix(s, "Read also") }) {
		t.Errorf("removed = %q, want the Read also line", res.Removed)
	}
}

func TestBlockRules(t *testing.T) {
	prose := func(s string) block {
		return block{text: s + " met on Tuesday and agreed the budget after a long debate."}
	}
	link := func(s string) block { return block{text: s, linkShare: 1} }
	tests := []struct {
		name    string
		in      []block
		title   string
		removed []string
	}{
		{name: "title copy and byline at the top",
			in:      []block{{text: "Council Agrees Budget"}, {text: "By Jane Roe"}, prose("The council"), prose("Members")},
			title:   "Council Agrees Budget - The Example Gazette",
			removed: []string{"Council Agrees Budget", "By Jane Roe"}},
		{name: "date line and breadcrumb at the top",
			in:      []block{{text: "Home » News » Local"}, {text: "Updated: Sept. 24, 2025 10:15"}, prose("The council"), prose("Members")},
			removed: []string{"Home » News » Local", "Updated: Sept. 24, 2025 10:15"}},
		{name: "trailing related links with teasers",
			in: []block{prose("The council"), prose("Members"), {text: "Most Popular"},
				link("Library opening hours extended this winter"), {text: "The library will open late on Thursdays."},
				link("New bus timetable starts on Monday"), link("School sports day moved because of rain")},
			removed: []string{"Most Popular", "Library opening hours extended this winter", "The library will open late on Thursdays.",
				"New bus timetable starts on Monday", "School sports day moved because of rain"}},
		{name: "content list is kept",
			in: []block{prose("The council"), {text: "The plan funds:"}, {text: "New roofs for two schools"},
				{text: "Longer library hours"}, {text: "A review of bus routes"}},
			removed: nil},
		{name: "inline related link between prose",
			in:      []block{prose("The council"), link("Why the roads cost more this year"), prose("Members")},
			removed: []string{"Why the roads cost more this year"}},
		{name: "linked section heading is kept",
			in:      []block{prose("The council"), {text: "Why the roads cost more this year", linkShare: 1, heading: true}, prose("Members")},
			removed: nil},
		{name: "keyword list",
			in:      []block{prose("The council"), {text: "council budget 2025, town hall, schools, roads, library hours, bus routes"}, prose("Members")},
			removed: []string{"council budget 2025, town hall, schools, roads, library hours, bus routes"}},
		{name: "a sentence with commas is kept",
			in:      []block{prose("The council"), {text: "It funds schools, roads, libraries, parks, buses, and the pool, all at once."}, prose("Members")},
			removed: nil},
		{name: "trailing contact, promo and tags",
			in: []block{prose("The council"), prose("Members"), {text: "Write to Jane Roe at jane@example.org"},
				{text: "Follow The Gazette on Twitter for more local news."}, {text: "Tags: budget, council, schools"}},
			removed: []string{"Write to Jane Roe at jane@example.org", "Follow The Gazette on Twitter for more local news.", "Tags: budget, council, schools"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := cleanBlocks(tc.in, tc.title)
			if !slices.Equal(c.removed, tc.removed) {
				t.Errorf("removed = %q\nwant      %q", c.removed, tc.removed)
			}
			if len(c.paras) == 0 || !strings.Contains(c.paras[0], "The council met") {
				t.Errorf("paragraphs = %q", c.paras)
			}
		})
	}
}

// TestManyElements checks that a page over maxElements takes the simple
// path and still yields its text and metadata.
func TestManyElements(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><head><title>Budget</title><meta property="article:published_time" content="2025-09-24T10:00:00Z"></head><body><nav><p>Home</p></nav><article>`)
	for i := range maxElements + 10 {
		fmt.Fprintf(&b, "<p>Paragraph %d says the council met on Tuesday and agreed the budget.</p>\n", i)
	}
	b.WriteString("</article></body></html>")
	res, err := HTML(strings.NewReader(b.String()), "")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(news.Paragraphs(res.Text)); n != maxElements+10 {
		t.Errorf("got %d paragraphs, want %d", n, maxElements+10)
	}
	if strings.Contains(res.Text, "Home") {
		t.Error("navigation kept")
	}
	if res.Title != "Budget" || res.Published.IsZero() {
		t.Errorf("title %q, published %v", res.Title, res.Published)
	}
}

func TestResultArticle(t *testing.T) {
	res, err := Text("Council Agrees Budget\nThe council met on Tuesday and agreed the budget after a long debate.\nReporting by AFP also contributed to this article.")
	if err != nil {
		t.Fatal(err)
	}
	a := res.Article()
	if a.ID != news.ContentID(res.Text) || a.Title != "Council Agrees Budget" || a.OriginOutlet != "AFP" || a.Text != res.Text || len(a.Removed) != 1 {
		t.Errorf("article = %+v", a)
	}
}

// TestLongParagraph checks that a page with more than maxTextBytes of text
// in one paragraph takes the simple path and keeps its text.
func TestLongParagraph(t *testing.T) {
	body := strings.Repeat("The council met on Tuesday and agreed the budget after a long debate. ", maxTextBytes/70+100)
	res, err := HTML(strings.NewReader("<html><body><article><p>"+body+"</p></article></body></html>"), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Text) < maxTextBytes {
		t.Errorf("text has %d bytes, want over %d", len(res.Text), maxTextBytes)
	}
}
