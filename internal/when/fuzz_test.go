package when

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// FuzzFind: Find never panics, and every span is in bounds, non-empty,
// short and equal to its Text, whatever the input and anchor.
func FuzzFind(f *testing.F) {
	seeds := []string{
		"On Tuesday, Sept. 24, officials said the talks of three and a half years would resume next week.",
		`He said "we will meet on Thursday`,
		"February 30 Sept. 99 April 31, 2024 the 45th century 99:99 p.m.",
		"the past two quarters a year ago the year-ago quarter third-quarter fiscal 1989",
		"twenty twenty-four twenty-five twenty-six years and a half",
		"noon Saturday 5 p.m. EST, Nov. 6 midnight Friday this morning last night",
		strings.Repeat("Sept. ", 30),
		"\xff\xfeMay\x00 5 İstanbul ß 1999",
		"",
	}
	for _, s := range seeds {
		f.Add(s, int64(1764806400)) // 2025-12-04
		f.Add(s, int64(0))
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var anchor time.Time
		if unix != 0 {
			anchor = time.Unix(unix%(1<<36), 0).UTC()
		}
		for _, x := range Find(text, anchor) {
			if x.Start < 0 || x.End > len(text) || x.Start >= x.End {
				t.Fatalf("bad span %d:%d in %d bytes", x.Start, x.End, len(text))
			}
			if x.End-x.Start > maxSpan {
				t.Fatalf("span of %d bytes", x.End-x.Start)
			}
			if text[x.Start:x.End] != x.Text {
				t.Fatalf("Text %q is not input[%d:%d]", x.Text, x.Start, x.End)
			}
			if x.Type == "" || x.Value == "" {
				t.Fatalf("empty type or value: %+v", x)
			}
			if !x.Resolved && x.Note == "" {
				t.Fatalf("unresolved without a note: %+v", x)
			}
		}
	})
}

// FuzzReadTML: the TimeML reader never panics and its gold offsets hold.
func FuzzReadTML(f *testing.F) {
	b, err := os.ReadFile(filepath.Join("testdata", "small.tml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Add(`<TimeML><DCT><TIMEX3 value="2025-01-01" functionInDocument="CREATION_TIME">x</TIMEX3></DCT><TEXT><TIMEX3 value="x"><TIMEX3>a</TIMEX3></TIMEX3></TEXT></TimeML>`)
	f.Add(`<TEXT>&amp;&lt;<TIMEX3>`)
	f.Fuzz(func(t *testing.T, in string) {
		d, err := ReadTML(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, g := range d.Gold {
			if g.Start < 0 || g.End > len(d.Text) || g.Start >= g.End || d.Text[g.Start:g.End] != g.Text {
				t.Fatalf("bad gold span %+v in %d bytes", g, len(d.Text))
			}
		}
	})
}

// BenchmarkFind runs Find over the five seed articles.
func BenchmarkFind(b *testing.B) {
	files, err := filepath.Glob(filepath.Join(sharedtest.Dir(b, "corpus", "seeds"), "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("seeds: %v", err)
	}
	var texts []string
	size := 0
	for _, fn := range files {
		t, err := os.ReadFile(fn)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		size += len(t)
	}
	anchor := time.Date(2025, 12, 4, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Find(t, anchor)
		}
	}
}

// BenchmarkFindTimeBank runs Find over the 183 TimeBank texts.
func BenchmarkFindTimeBank(b *testing.B) {
	docs, err := LoadDir(sharedtest.Dir(b, "eval", "tempeval3", "TimeBank"))
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			Find(d.Text, d.DCT)
		}
	}
}
