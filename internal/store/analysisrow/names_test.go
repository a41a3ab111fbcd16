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
		{"ПУТИН", []string{"%путин%", "%putin%"}},
		{"50%_off", []string{`%50\%\_off%`}},
		{"kyiv_post", []string{`%kyiv\_post%`}},
		{"Putins", []string{"%putins%", "%putin%"}},
		{"Putin's", []string{"%putin's%", "%putin%"}},
		{"Mars", []string{"%mars%"}},
	} {
		if got := NamePatterns(tc.q); !slices.Equal(got, tc.want) {
			t.Errorf("NamePatterns(%q) = %q, want %q", tc.q, got, tc.want)
		}
	}
}
