package entity

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

func byName(ents []Entity, name string) (Entity, bool) {
	for _, e := range ents {
		if e.Name == name {
			return e, true
		}
	}
	return Entity{}, false
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		in   string
		// want maps an entity name to its kind.
		want map[string]string
		// aliases maps an entity name to aliases it must carry.
		aliases map[string][]string
		// absent lists names that must not come out as entities.
		absent []string
	}{
		{
			name:    "surname back-reference",
			in:      "U.S. Vice President JD Vance spoke in North Carolina. Vance said the talks would go on.",
			want:    map[string]string{"JD Vance": KindPerson, "North Carolina": KindPlace},
			aliases: map[string][]string{"JD Vance": {"Vance"}},
		},
		{
			name:    "title back-reference",
			in:      "U.S. Vice President JD Vance spoke on Sunday. The vice president's remarks came a day later.",
			want:    map[string]string{"JD Vance": KindPerson},
			aliases: map[string][]string{"JD Vance": {"the vice president"}},
		},
		{
			name:    "appositive title back-reference",
			in:      "Yury Ushakov, a foreign policy adviser to the Kremlin, spoke. Later the Kremlin's foreign policy adviser said more.",
			want:    map[string]string{"Yury Ushakov": KindPerson, "Kremlin": KindOrganisation},
			aliases: map[string][]string{"Yury Ushakov": {"the kremlin's foreign policy adviser"}},
		},
		{
			name: "president does not match vice president",
			in:   "U.S. Vice President JD Vance spoke. The president was not there.",
			want: map[string]string{"JD Vance": KindPerson},
		},
		{
			name:    "gazetteer variants within an article",
			in:      "Troops left Kiev for Kharkov. Kyiv said the EU and NATO would help.",
			want:    map[string]string{"Kyiv": KindPlace, "Kharkiv": KindPlace, "European Union": KindOrganisation, "NATO": KindOrganisation},
			aliases: map[string][]string{"Kyiv": {"Kiev"}},
		},
		{
			name: "countries and possessives",
			in:   "Russia's Foreign Minister Sergey Lavrov met Ukraine’s negotiators in Turkey.",
			want: map[string]string{"Russia": KindCountry, "Ukraine": KindCountry, "Turkey": KindCountry, "Sergey Lavrov": KindPerson},
		},
		{
			name:   "sentence-initial words are not names",
			in:     "However, the talks stalled. Despite this, Moscow said nothing. Read also: more news.",
			want:   map[string]string{"Moscow": KindPlace},
			absent: []string{"However", "Despite", "Read"},
		},
		{
			name: "organisation by its ending",
			in:   "The Center for Media Justice and the Democratic Party sent a letter.",
			want: map[string]string{"Democratic Party": KindOrganisation},
		},
		{
			name:   "headline in title case gives no invented people",
			in:     "Trump's Frustration Over Ukraine Peace Talks with Putin\nPresident Donald Trump spoke.",
			want:   map[string]string{"Donald Trump": KindPerson},
			absent: []string{"Peace Talks"},
		},
		{
			name:    "repeated surname without a given name",
			in:      "Trump and Zelensky met at the U.N. After the talks, Trump praised Zelensky.",
			want:    map[string]string{"Zelensky": KindPerson},
			aliases: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ents, ms := Extract(tc.in)
			for name, kind := range tc.want {
				e, ok := byName(ents, name)
				if !ok {
					t.Errorf("no entity %q in %+v", name, ents)
					continue
				}
				if e.Kind != kind {
					t.Errorf("%q: kind %q, want %q", name, e.Kind, kind)
				}
				if e.ID == "" || e.Mentions == 0 {
					t.Errorf("%q: empty ID or no mentions: %+v", name, e)
				}
			}
			for name, als := range tc.aliases {
				e, _ := byName(ents, name)
				for _, a := range als {
					if !slices.ContainsFunc(e.Aliases, func(s string) bool { return strings.EqualFold(s, a) }) {
						t.Errorf("%q: aliases %q lack %q", name, e.Aliases, a)
					}
				}
			}
			for _, name := range tc.absent {
				if _, ok := byName(ents, name); ok {
					t.Errorf("%q came out as an entity", name)
				}
			}
			for _, m := range ms {
				if m.Start < 0 || m.End > len(tc.in) || tc.in[m.Start:m.End] != m.Text {
					t.Errorf("mention %+v does not match the text", m)
				}
			}
		})
	}
}

func TestFold(t *testing.T) {
	groups := [][]string{
		{"Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskii"},
		{"Sergei", "Sergey"},
		{"Yuri", "Yury", "Yuriy", "Yurii"},
		{"Kiev", "Kyiv"},
		{"Dmitry", "Dmitri"},
		{"Gonzàlez", "Gonzalez"},
	}
	for _, g := range groups {
		for _, v := range g[1:] {
			if Fold(v) != Fold(g[0]) {
				t.Errorf("Fold(%q) = %q, Fold(%q) = %q; want equal", v, Fold(v), g[0], Fold(g[0]))
			}
		}
	}
	if Fold("Putin") == Fold("Zelensky") || Fold("Lavrov") == Fold("Ushakov") {
		t.Error("different names share a key")
	}
}

func TestRegistry(t *testing.T) {
	var r Registry
	docs := []string{
		"Ukrainian President Volodymyr Zelensky met Donald Trump. Zelensky said little. Hillary Clinton watched.",
		"Ukraine's Vladimir Zelenskyy spoke in Kiev. Bill Clinton listened.",
		"Trump and Zelenskiy met again in Kyiv and Trump praised Zelenskiy.",
		"Foreign Minister Sergei Lavrov spoke. Yury Ushakov, a Kremlin adviser, agreed.",
		"Foreign Minister Sergey Lavrov spoke. Yuri Ushakov, a Kremlin adviser, agreed.",
	}
	for i, d := range docs {
		ents, ms := Extract(d)
		r.Add(string(rune('a'+i)), ents, ms)
	}
	ents := r.Entities()
	count := func(key string) (n int, e Entity) {
		for _, x := range ents {
			toks := tokenize(x.Name)
			if len(toks) > 0 && Fold(surname(toks).text) == key {
				n++
				e = x
			}
		}
		return n, e
	}
	for _, key := range []string{"zelenski", "lavrov", "ushakov", "kyiv"} {
		n, e := count(key)
		if n != 1 {
			t.Errorf("%s: %d entities, want 1: %+v", key, n, ents)
			continue
		}
		if len(e.Aliases) == 0 {
			t.Errorf("%s: no aliases merged: %+v", key, e)
		}
	}
	if n, _ := count("clinton"); n != 2 {
		t.Errorf("Hillary and Bill Clinton: %d entities, want 2", n)
	}
	// Canonical maps an article-level ID to the merged one.
	e1, _ := Extract(docs[2])
	z, ok := byName(e1, "Zelenskiy")
	if !ok {
		t.Fatalf("no Zelenskiy in %+v", e1)
	}
	_, merged := count("zelenski")
	if got := r.Canonical(z.ID); got != merged.ID {
		t.Errorf("Canonical(%s) = %s, want %s", z.ID, got, merged.ID)
	}
}

// TestSeeds: across the five seeds, Zelensky, Ushakov, Lavrov and Kyiv are
// one entity each despite the spellings the seeds use.
func TestSeeds(t *testing.T) {
	dir := sharedtest.Dir(t, "corpus", "seeds")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("seeds: %v", err)
	}
	var r Registry
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ents, ms := Extract(string(b))
		r.Add(filepath.Base(f), ents, ms)
	}
	ents := r.Entities()
	want := map[string][]string{ // folded surname → spellings that must be aliases or the name
		"zelenski": {"Zelensky", "Volodymyr Zelensky", "Vladimir Zelensky"},
		"ushakov":  {"Yuri Ushakov", "Yury Ushakov", "Ushakov"},
		"lavrov":   {"Sergey Lavrov", "Sergei Lavrov"},
		"kyiv":     {"Kyiv", "Kiev"},
		"vance":    {"JD Vance", "Vance", "the vice president"},
	}
	for key, forms := range want {
		var found []Entity
		for _, e := range ents {
			toks := tokenize(e.Name)
			if len(toks) > 0 && Fold(surname(toks).text) == key {
				found = append(found, e)
			}
		}
		if len(found) != 1 {
			t.Errorf("%s: %d entities, want 1: %+v", key, len(found), found)
			continue
		}
		all := append([]string{found[0].Name}, found[0].Aliases...)
		for _, f := range forms {
			if !slices.Contains(all, f) {
				t.Errorf("%s: %q missing from %q", key, f, all)
			}
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("U.S. Vice President JD Vance said. The vice president's remarks.")
	f.Add("Yury Ushakov, a foreign policy adviser to the Kremlin, said")
	f.Add("Kiev’s Zelenskyy met Trump-Putin in St. Petersburg, D.C.")
	f.Add("the ’s '' . . Mr. A")
	f.Add("Group F — Sweden 1 – 0 Korea Republic\nSpain beat Italy 2-1 at the Kazan Arena in Kazan, Texas. #Win @Fans 3 –")
	f.Add("The Municipality of Livorno of the UK and the Afghans, from Herāt, VIP. Daniel Smith; to Daniel 9-")
	f.Fuzz(func(t *testing.T, s string) {
		ents, ms := Extract(s)
		ids := map[string]bool{}
		for _, e := range ents {
			ids[e.ID] = true
		}
		for _, m := range ms {
			if m.Start < 0 || m.End > len(s) || m.Start > m.End || s[m.Start:m.End] != m.Text {
				t.Fatalf("bad mention %+v", m)
			}
			if !ids[m.EntityID] {
				t.Fatalf("mention %+v refers to no entity", m)
			}
		}
		var r Registry
		r.Add("x", ents, ms)
		r.Entities()
	})
}

func BenchmarkExtract(b *testing.B) {
	dir := sharedtest.Dir(b, "corpus", "seeds")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Extract(t)
		}
	}
}

func TestAcronymsNeedCapitals(t *testing.T) {
	ents, _ := Extract("North Korean leader Kim Jong Un met the UN envoy. Nato and NATO agreed.")
	if _, ok := byName(ents, "United Nations"); !ok {
		t.Errorf("UN not found: %+v", ents)
	}
	for _, e := range ents {
		if e.Name == "United Nations" && e.Mentions != 1 {
			t.Errorf("United Nations mentioned %d times, want 1 (\"Un\" in Kim Jong Un is not the UN)", e.Mentions)
		}
		if e.Name == "NATO" && e.Mentions != 2 {
			t.Errorf("NATO mentioned %d times, want 2", e.Mentions)
		}
	}
}

func TestRegistryLookup(t *testing.T) {
	var r Registry
	for i, d := range []string{
		"Ukrainian President Volodymyr Zelensky met Donald Trump.",
		"Zelenskyy spoke. Zelenskyy left. Hillary Clinton and Bill Clinton watched.",
	} {
		ents, ms := Extract(d)
		r.Add(string(rune('a'+i)), ents, ms)
	}
	for _, name := range []string{"zelenskyy", "Volodymyr Zelensky", "ZELENSKIY"} {
		e, ok := r.Lookup(name)
		if !ok || !strings.HasSuffix(e.Name, "Zelensky") {
			t.Errorf("Lookup(%q) = %+v, %v; want Volodymyr Zelensky", name, e, ok)
		}
	}
	if e, ok := r.Lookup("Trump"); !ok || e.Name != "Donald Trump" {
		t.Errorf("Lookup(Trump) = %+v, %v", e, ok)
	}
	if _, ok := r.Lookup("Clinton"); ok {
		t.Error("Lookup(Clinton) should be ambiguous")
	}
	if _, ok := r.Lookup(""); ok {
		t.Error("Lookup(\"\") found something")
	}
}

func TestCanonicalIDsIsACopy(t *testing.T) {
	var r Registry
	ents, ms := Extract("Ukrainian President Volodymyr Zelensky spoke. Zelensky left.")
	r.Add("a", ents, ms)
	ids := r.CanonicalIDs()
	if len(ids) == 0 {
		t.Fatal("no IDs")
	}
	for k := range ids {
		ids[k] = "changed"
	}
	for _, e := range ents {
		if got := r.Canonical(e.ID); got == "changed" {
			t.Fatalf("changing the returned map changed the registry")
		}
	}
}

// TestRegistryDisplayName: the display name is the full-name spelling the
// most articles use, not the one a single article repeats most.
func TestRegistryDisplayName(t *testing.T) {
	for _, tc := range []struct {
		name string
		docs []string
		want string
	}{
		{"most articles win over most mentions", []string{
			"Vladimir Zelensky spoke. Vladimir Zelensky spoke again. Vladimir Zelensky left. Zelensky returned.",
			"President Volodymyr Zelensky spoke in Kyiv.",
			"Volodymyr Zelensky met reporters.",
		}, "Volodymyr Zelensky"},
		{"full name over surname alone", []string{
			"Zelensky spoke.", "Zelensky spoke.", "Zelensky spoke.", "Volodymyr Zelensky met reporters.",
		}, "Volodymyr Zelensky"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var r Registry
			for i, d := range tc.docs {
				ents, ms := Extract(d)
				r.Add(string(rune('a'+i)), ents, ms)
			}
			e, ok := r.Lookup("Zelensky")
			if !ok {
				t.Fatalf("no Zelensky in %+v", r.Entities())
			}
			if e.Name != tc.want {
				t.Errorf("name %q, want %q (aliases %v)", e.Name, tc.want, e.Aliases)
			}
		})
	}
}

func TestGivenNameGender(t *testing.T) {
	tests := map[string]string{"Barack": "m", "Hillary": "f", "Sergey": "m", "Trump": "", "": ""}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			if got := GivenNameGender(in); got != want {
				t.Errorf("GivenNameGender(%q) = %q, want %q", in, got, want)
			}
		})
	}
}

// TestRegistryChanges: after every batch of Adds, the previous Entities with
// Changes applied are exactly the current Entities (the seeds cut into
// paragraphs, so that surnames meet their full names in later batches).
func TestRegistryChanges(t *testing.T) {
	parts := seedParagraphs(t)
	for _, batch := range []int{1, 3, 17, len(parts)} {
		t.Run(fmt.Sprintf("batch %d", batch), func(t *testing.T) {
			var r Registry
			have := map[string]Entity{}
			for i := 0; i < len(parts); i += batch {
				for j := i; j < min(i+batch, len(parts)); j++ {
					ents, ms := Extract(parts[j])
					r.Add(fmt.Sprint("p", j), ents, ms)
				}
				changed, gone := r.Changes()
				for _, id := range gone {
					if _, ok := have[id]; !ok {
						t.Fatalf("batch at %d: gone %s was never reported", i, id)
					}
					delete(have, id)
				}
				for _, e := range changed {
					have[e.ID] = e
				}
				want := r.Entities()
				if len(want) != len(have) {
					t.Fatalf("batch at %d: %d entities after changes, want %d", i, len(have), len(want))
				}
				for _, e := range want {
					if !reflect.DeepEqual(have[e.ID], e) {
						t.Fatalf("batch at %d: entity %s after changes %+v, want %+v", i, e.ID, have[e.ID], e)
					}
				}
			}
			if c, g := r.Changes(); len(c)+len(g) != 0 {
				t.Errorf("no adds since the last call, yet %d changed and %d gone", len(c), len(g))
			}
		})
	}
}

// TestCompassRegions: a compass word before a known place names a region
// of its own, unless the gazetteer knows the whole or more name follows.
func TestCompassRegions(t *testing.T) {
	tests := []struct {
		text, want string
		kind       string
	}{
		{"Iodine levels were low in South Australia, officials said.", "South Australia", KindPlace},
		{"Flights to South Korea resumed on Monday.", "South Korea", KindCountry},
	}
	for _, tc := range tests {
		ents, _ := ExtractLang(tc.text, "en")
		found := false
		for _, e := range ents {
			if e.Name == tc.want && e.Kind == tc.kind {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no %s %q in %+v", tc.text, tc.kind, tc.want, ents)
		}
	}
}

// TestGivenNameAlone: a given name alone stands for the one person of the
// text named in full with it, and for no one when two share it.
func TestGivenNameAlone(t *testing.T) {
	tests := []struct {
		text string
		want int // mentions of the person named first
	}{
		{"Daniel Montalvo left the group in May. Friends said that Daniel was questioned for hours.", 2},
		{"Daniel Montalvo and Daniel Brooks left the group in May. Friends said that Daniel was questioned.", 1},
		// After a place preposition, and opening a sentence.
		{"Daniel Montalvo left the group in May. Friends lied to Daniel that day. Daniel was questioned.", 3},
	}
	for _, tc := range tests {
		ents, _ := ExtractLang(tc.text, "en")
		got := -1
		for _, e := range ents {
			if e.Name == "Daniel Montalvo" {
				got = e.Mentions
			}
		}
		if got != tc.want {
			t.Errorf("%q: Daniel Montalvo has %d mentions, want %d (%+v)", tc.text, got, tc.want, ents)
		}
	}
}

// TestPlaceInsideOrganisation: a known place that opens an organisation's
// name is a mention of its own inside it.
func TestPlaceInsideOrganisation(t *testing.T) {
	text := "The ship was handed to the United States Navy on Friday."
	got := map[string]string{}
	for _, m := range Predict(EvalDoc{ID: "t", Lang: "en", Text: text}) {
		got[m.Text] = m.Type
	}
	if got["United States Navy"] != "organization" || got["United States"] != "place" {
		t.Errorf("mentions %v: want the navy and the United States inside it", got)
	}
}
