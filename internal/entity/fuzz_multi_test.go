package entity

import (
	"testing"
	"unicode/utf8"
)

// FuzzExtractLang: every path of the recognizer on any input: no panic,
// mentions inside the text and on rune boundaries, their text the slice
// they cover, every mention's entity among the entities.
func FuzzExtractLang(f *testing.F) {
	for _, s := range []string{
		"Президент России Владимир Путин встретился с Уиткоффом в Кремле.",
		"ТОВ «Шляхове будівництво «Альтком» уклало угоду з ПАТ «Укртрансгаз».",
		"Bundeskanzler Friedrich Merz sagte, das Treffen habe fünf Stunden gedauert.",
		"THE PRESIDENT SAID MR. O'ROURKE AND AL-ASSAD MET URSULA VON DER LEYEN.",
		"プーチン大統領は会談が有益だったと述べた。", "«", "ООО «", "вул. ", "Джей Ді", "\xff«\xfe»",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, code := range []string{"en", "ru", "uk", "de", "ja", ""} {
			ents, ms := ExtractLang(s, code)
			ids := map[string]bool{}
			for _, e := range ents {
				ids[e.ID] = true
			}
			for _, m := range ms {
				if m.Start < 0 || m.End > len(s) || m.Start >= m.End {
					t.Fatalf("%s: mention %+v outside the text (%d bytes)", code, m, len(s))
				}
				if s[m.Start:m.End] != m.Text {
					t.Fatalf("%s: mention text %q, slice %q", code, m.Text, s[m.Start:m.End])
				}
				if utf8.ValidString(s) && (!utf8.RuneStart(s[m.Start]) || m.End < len(s) && !utf8.RuneStart(s[m.End])) {
					t.Fatalf("%s: mention %+v cuts a rune", code, m)
				}
				if !ids[m.EntityID] {
					t.Fatalf("%s: mention of unknown entity %s", code, m.EntityID)
				}
			}
		}
	})
}
