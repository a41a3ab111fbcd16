package dedup

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var day0 = time.Date(2025, 11, 3, 9, 0, 0, 0, time.UTC)

func TestNearCopies(t *testing.T) {
	wire := readFixture(t, "wire.txt")
	other := readFixture(t, "other.txt")
	paras := news.Paragraphs(wire)

	cases := []struct {
		name    string
		text    string
		dup     bool
		exact   bool
		minSim  float64
		comment string
	}{
		{name: "layout and case only", text: strings.ToUpper(strings.ReplaceAll(wire, "\n\n", "\n")), dup: true, exact: true, minSim: 1},
		{name: "new headline", text: "Harbourville shuts northern terminal for crane repairs\n\n" + wire, dup: true, minSim: 0.8},
		{name: "last two paragraphs trimmed", text: strings.Join(paras[:len(paras)-2], "\n\n"), dup: true, minSim: 0.8},
		{name: "debris around the text", text: "Home | World | Business\n\nAdvertisement\n\n" + wire + "\n\nShare this article\n\nRead more: port news\n\nSign up for our newsletter", dup: true, minSim: 0.8},
		{name: "one paragraph dropped and words changed", text: strings.Replace(strings.Join(append(append([]string{}, paras[:2]...), paras[3:]...), "\n\n"), "on Tuesday", "on Nov. 3", 1), dup: true, minSim: 0.7},
		{name: "lead paragraph only", text: paras[0], dup: false},
		{name: "other story, same port", text: other, dup: false},
		{name: "empty", text: "", dup: false},
		{name: "one word", text: "Harbourville", dup: false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ix := NewIndex(Options{})
			ix.Add(Doc{ID: "wire", Text: wire, Published: day0})
			m := ix.Add(Doc{ID: "copy", Text: tc.text, Published: day0.Add(time.Hour)})
			if got := m.DuplicateOf == "wire"; got != tc.dup {
				t.Fatalf("duplicate = %v (%+v), want %v", got, m, tc.dup)
			}
			if !tc.dup {
				if m.Group != "copy" || !m.Original {
					t.Errorf("new text: got %+v, want its own group", m)
				}
				return
			}
			if m.Exact != tc.exact {
				t.Errorf("exact = %v, want %v", m.Exact, tc.exact)
			}
			if m.Similarity < tc.minSim {
				t.Errorf("similarity %.3f < %.3f", m.Similarity, tc.minSim)
			}
			if m.Group != "wire" {
				t.Errorf("group %q, want wire", m.Group)
			}
		})
	}
}

func TestOriginal(t *testing.T) {
	wire := readFixture(t, "wire.txt")
	trimmed := strings.Join(news.Paragraphs(wire)[:4], "\n\n")
	cases := []struct {
		name string
		docs []Doc
		want string
	}{
		{"earliest wins", []Doc{
			{ID: "b", Text: wire, Published: day0.Add(2 * time.Hour)},
			{ID: "a", Text: trimmed, Published: day0},
			{ID: "c", Text: wire, Published: day0.Add(time.Hour)},
		}, "a"},
		{"named origin wins over earlier", []Doc{
			{ID: "a", Text: wire, Published: day0},
			{ID: "b", Text: "From Harbour Wire. " + wire, Published: day0.Add(time.Hour), HasOrigin: true},
		}, "b"},
		{"dated wins over undated", []Doc{
			{ID: "a", Text: wire},
			{ID: "b", Text: wire, Published: day0.Add(time.Hour)},
		}, "b"},
		{"first wins a tie", []Doc{
			{ID: "a", Text: wire, Published: day0},
			{ID: "b", Text: wire, Published: day0},
		}, "a"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ix := NewIndex(Options{})
			var last Match
			for _, d := range tc.docs {
				last = ix.Add(d)
			}
			g, ok := ix.GroupOf(tc.docs[0].ID)
			if !ok {
				t.Fatal("group not found")
			}
			if g.Original != tc.want {
				t.Errorf("original %q, want %q", g.Original, tc.want)
			}
			if len(g.Copies) != len(tc.docs) {
				t.Errorf("%d copies, want %d", len(g.Copies), len(tc.docs))
			}
			if g.ID != tc.docs[0].ID {
				t.Errorf("group ID %q, want the first article %q", g.ID, tc.docs[0].ID)
			}
			wantDup := tc.want
			if tc.docs[len(tc.docs)-1].ID == tc.want {
				wantDup = ""
			}
			if last.DuplicateOf != wantDup {
				t.Errorf("last match duplicate_of %q, want %q", last.DuplicateOf, wantDup)
			}
		})
	}
}

func TestAddSameIDTwice(t *testing.T) {
	wire := readFixture(t, "wire.txt")
	ix := NewIndex(Options{})
	ix.Add(Doc{ID: "a", Text: wire, Published: day0})
	m1 := ix.Add(Doc{ID: "b", Text: wire, Published: day0.Add(time.Hour)})
	m2 := ix.Add(Doc{ID: "b", Text: "something else entirely", Published: day0})
	if m1 != m2 {
		t.Errorf("re-adding changed the match: %+v then %+v", m1, m2)
	}
	if ix.Len() != 2 {
		t.Errorf("Len %d, want 2", ix.Len())
	}
}

func TestManyIdenticalCopies(t *testing.T) {
	wire := readFixture(t, "wire.txt")
	other := readFixture(t, "other.txt")
	ix := NewIndex(Options{})
	const n = 5000
	for i := range n {
		ix.Add(Doc{ID: fmt.Sprintf("c%d", i), Text: wire, Published: day0.Add(time.Duration(i) * time.Second)})
	}
	m := ix.Add(Doc{ID: "other", Text: other, Published: day0.Add(2 * time.Hour)})
	if m.DuplicateOf != "" {
		t.Fatalf("unrelated story folded into %q", m.DuplicateOf)
	}
	groups := ix.Groups()
	if len(groups) != 1 || len(groups[0].Copies) != n || groups[0].Original != "c0" {
		t.Fatalf("got %d groups, want one of %d copies with original c0", len(groups), n)
	}
}

func TestWindowEviction(t *testing.T) {
	wire := readFixture(t, "wire.txt")
	trimmed := strings.Join(news.Paragraphs(wire)[:4], "\n\n")
	other := readFixture(t, "other.txt")
	ix := NewIndex(Options{Window: 48 * time.Hour})
	ix.Add(Doc{ID: "a", Text: wire, Published: day0})
	ix.Add(Doc{ID: "x", Text: other, Published: day0.Add(72 * time.Hour)})
	if len(ix.bucket) == 0 || ix.docs[0].sig != nil {
		t.Fatalf("old signature kept after the window passed")
	}
	// The near copy no longer matches, the exact copy still does.
	if m := ix.Add(Doc{ID: "b", Text: trimmed, Published: day0.Add(73 * time.Hour)}); m.DuplicateOf != "" {
		t.Errorf("near copy matched an evicted signature: %+v", m)
	}
	if m := ix.Add(Doc{ID: "c", Text: wire, Published: day0.Add(74 * time.Hour)}); m.DuplicateOf != "a" || !m.Exact {
		t.Errorf("exact copy after the window: %+v, want exact copy of a", m)
	}
}

// readNewsClusters reads the labelled set as dedup docs in file order, with
// each article's event.
func readNewsClusters(t *testing.T) ([]Doc, map[string]string) {
	t.Helper()
	dir := sharedtest.Dir(t, "eval", "news-clusters")
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no eval files in %s: %v", dir, err)
	}
	type rec struct {
		Title       string `json:"title"`
		Text        string `json:"text"`
		DatePublish string `json:"date_publish"`
		Cluster     struct {
			EventID json.Number `json:"EventId"`
		} `json:"newsCluster"`
	}
	event := map[string]string{}
	var docs []Doc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var r rec
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		id := filepath.Base(f)
		event[id] = r.Cluster.EventID.String()
		at, _ := time.Parse("2006-01-02T15:04:05", r.DatePublish)
		docs = append(docs, Doc{ID: id, Title: r.Title, Text: r.Text, Published: at})
	}
	return docs, event
}

// TestNewsClusters checks precision on real text: every duplicate group
// found in the labelled set must lie inside one event.
func TestNewsClusters(t *testing.T) {
	docs, event := readNewsClusters(t)
	ix := NewIndex(Options{})
	for _, d := range docs {
		ix.Add(d)
	}
	groups := ix.Groups()
	pairs := 0
	for _, g := range groups {
		for _, c := range g.Copies {
			if event[c.ID] != event[g.ID] {
				t.Errorf("group %s mixes events %s and %s", g.ID, event[g.ID], event[c.ID])
			}
		}
		pairs += len(g.Copies) - 1
	}
	t.Logf("news-clusters: %d articles, %d duplicate groups, %d copies folded", len(docs), len(groups), pairs)
	if len(groups) == 0 {
		t.Errorf("no duplicate groups found; the set has wire copies (e.g. AP stories on several sites)")
	}
}

func FuzzAdd(f *testing.F) {
	f.Add("The port will close.", "The port will close!")
	f.Add("", "x")
	f.Add("Привіт світ, як справи у вас сьогодні", "Привіт світ")
	f.Add("\xff\xfe bad utf8 \x00", "a b c d e f g h i j k l m n o p")
	f.Fuzz(func(t *testing.T, a, b string) {
		ix := NewIndex(Options{MinShingles: 2})
		ma := ix.Add(Doc{ID: "a", Text: a})
		mb := ix.Add(Doc{ID: "b", Text: b + " " + a})
		if ma.Group != "a" || !ma.Original {
			t.Fatalf("first doc: %+v", ma)
		}
		if mb.Similarity < 0 || mb.Similarity > 1 {
			t.Fatalf("similarity out of range: %v", mb.Similarity)
		}
		if mb.DuplicateOf != "" && mb.DuplicateOf != "a" {
			t.Fatalf("duplicate of unknown doc: %+v", mb)
		}
	})
}

func TestSnapshotContinues(t *testing.T) {
	docs, _ := readNewsClusters(t)
	whole := NewIndex(Options{Window: 7 * 24 * time.Hour})
	var want []Match
	for _, d := range docs {
		want = append(want, whole.Add(d))
	}
	first := NewIndex(Options{Window: 7 * 24 * time.Hour})
	half := len(docs) / 2
	for _, d := range docs[:half] {
		first.Add(d)
	}
	b, err := json.Marshal(first.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	var st State
	if err := json.Unmarshal(b, &st); err != nil {
		t.Fatal(err)
	}
	second, err := Restore(st)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range docs[half:] {
		if got := second.Add(d); got != want[half+i] {
			t.Fatalf("article %s after restore: %+v, uninterrupted: %+v", d.ID, got, want[half+i])
		}
	}
	if !reflect.DeepEqual(second.Groups(), whole.Groups()) {
		t.Errorf("groups differ after restore")
	}
	for _, spoil := range []func(*State){
		func(s *State) { s.Version = 0 },
		func(s *State) { s.Docs[0].Group = -1 },
		func(s *State) { s.Docs[1].ID = s.Docs[0].ID },
		func(s *State) { s.Queue = append(s.Queue, 1<<20) },
		func(s *State) { s.Options.Bands = 0 },
	} {
		var bad State
		if err := json.Unmarshal(b, &bad); err != nil {
			t.Fatal(err)
		}
		spoil(&bad)
		if _, err := Restore(bad); !errors.Is(err, ErrBadState) {
			t.Errorf("spoilt state: %v, want ErrBadState", err)
		}
	}
}

// TestFoldASCII holds the ASCII shortcut of fold to the rune-by-rune way.
func TestFoldASCII(t *testing.T) {
	for _, w := range []string{"Reuters", "NATO", "x", "A1B2", "already", "Über", "МОСКВА", "İstanbul", "K\u212a", "ǅemal", "\xff\xfeA"} {
		rs := []rune(w)
		for i, r := range rs {
			rs[i] = unicode.ToLower(r)
		}
		if got, want := fold(w, false), string(rs); got != want {
			t.Errorf("fold(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestTextHashFNV holds textHash to hash/fnv's FNV-1a of each word and a
// zero byte.
func TestTextHashFNV(t *testing.T) {
	for _, ws := range [][]string{nil, {""}, {"a"}, {"reuters", "said", "on", "tuesday"}, {"x\x00", "Über"}} {
		h := fnv.New64a()
		for _, w := range ws {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		if got, want := textHash(ws), h.Sum64(); got != want {
			t.Errorf("textHash(%q) = %x, want %x", ws, got, want)
		}
	}
}

// TestShinglesDistinct holds shingles to the set of k-gram hashes the
// index first kept (in text order, through a map): the same hashes, each
// once, and so the same count and signature.
func TestShinglesDistinct(t *testing.T) {
	ix := NewIndex(Options{})
	texts := []string{"", "one", "a b", "the cat sat on the mat the cat sat on the mat again and again and again",
		strings.Repeat("wire copy repeats itself ", 40), "Reuters said on Tuesday that the talks would go on"}
	for _, text := range texts {
		ws := words(text)
		if len(ws) == 0 {
			continue
		}
		got := ix.shingles(ws)
		k := ix.opt.Shingle
		n := len(ws) - k + 1
		if n < 1 {
			n, k = 1, len(ws)
		}
		seen := map[uint64]bool{}
		var want []uint64
		for i := 0; i < n; i++ {
			h := uint64(14695981039346656037)
			for _, w := range ws[i : i+k] {
				for j := 0; j < len(w); j++ {
					h ^= uint64(w[j])
					h *= 1099511628211
				}
				h *= 1099511628211
			}
			if !seen[h] {
				seen[h] = true
				want = append(want, h)
			}
		}
		if len(got) >= ix.opt.MinShingles && !slices.Equal(ix.signature(got), ix.signature(want)) {
			t.Errorf("%q: signatures differ from those of the shingles in text order", text)
		}
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q: shingles %v, want %v", text, got, want)
		}
	}
}
