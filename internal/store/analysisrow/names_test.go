package analysisrow

import (
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

func TestEntityNames(t *testing.T) {
	got := EntityNames(news.Entity{Name: "Vladimir Putin", Aliases: []string{"Путина", "putin"},
		NameByLang: map[string]string{"uk": "Володимир Путін"}})
	for _, want := range []string{"\nvladimir putin\n", "\nпутина\n", "\nputin\n", "\nволодимир путін\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("EntityNames = %q, lacks %q", got, want)
		}
	}
	if strings.Count(got, "\nputin\n") != 1 {
		t.Errorf("EntityNames = %q repeats a form", got)
	}
}

func TestNamePatterns(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"", nil},
		{"  ", nil},
		{"putin", []string{"%putin%"}},
		{"ПУТИН", []string{"%путин%", "%\nputin\n%", "% putin\n%"}},
		{"50%_off", []string{`%50\%\_off%`}},
		{"kyiv_post", []string{`%kyiv\_post%`}},
		{"Putins", []string{"%putins%", "%\nputin\n%", "% putin\n%"}},
		{"Putin's", []string{"%putin's%", "%\nputin\n%", "% putin\n%"}},
		{"Mars", []string{"%mars%"}},
	} {
		if got := NamePatterns(tc.q); !slices.Equal(got, tc.want) {
			t.Errorf("NamePatterns(%q) = %q, want %q", tc.q, got, tc.want)
		}
	}
}

// FuzzNamePatterns: any query, in any script or none, gives patterns that
// start and end with % and leave no % or _ of the query unescaped, and
// never panics; EntityNames of any name never panics.
func FuzzNamePatterns(f *testing.F) {
	for _, s := range []string{"Путин", "Putin's", "100%", "kyiv_post", `\`, "Ж", "a\nb", "\xff", "Володимиром Путіним"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, p := range NamePatterns(q) {
			if len(p) < 2 || p[0] != '%' || p[len(p)-1] != '%' {
				t.Fatalf("NamePatterns(%q): %q", q, p)
			}
			inner := p[1 : len(p)-1]
			for i := 0; i < len(inner); i++ {
				switch inner[i] {
				case '\\':
					i++ // an escaped character
				case '%', '_':
					t.Fatalf("NamePatterns(%q): %q leaves a wildcard of the query", q, p)
				}
			}
		}
		_ = EntityNames(news.Entity{Name: q, Aliases: []string{q}, NameByLang: map[string]string{"ru": q}})
		_ = OutletPattern(q)
	})
}
