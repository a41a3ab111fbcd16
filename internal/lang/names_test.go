package lang

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNameKey(t *testing.T) {
	same := [][]string{
		{"Путин", "Путина", "Путиным", "Путіна", "Путіним", "Putin", "Putin's"},
		{"Ушаков", "Ушакова", "Ushakov", "Uschakow", "Ушакові"},
		{"Зеленский", "Зеленского", "Зеленський", "Зеленському", "Zelensky", "Zelenskyy", "Zelenskiy", "Selenskyj"},
		{"Lavrov", "Lawrow", "Лавров", "Лаврова"},
		{"Witkoff", "Уиткофф", "Віткофф", "Виткоффа", "Віткоффом"},
		{"Dmitriev", "Dmitrijew", "Дмитриев", "Дмитрієв", "Дмитриевым"},
		{"Podolyak", "Podoljak", "Подоляк"},
		{"Merz", "Мерц", "Мерцем"},
		{"Giorgia", "Джорджа", "Джорджія"},
	}
	for _, group := range same {
		want := NameKey(group[0])
		for _, n := range group[1:] {
			if got := NameKey(n); got != want {
				t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q: want one key", n, got, group[0], want)
			}
		}
	}
	apart := [][2]string{{"Putin", "Patton"}, {"Песков", "Пескова Ирина"}, {"Максим", "Макс"}, {"Артем", "Арт"}}
	for _, p := range apart {
		if NameKey(p[0]) == NameKey(p[1]) {
			t.Errorf("NameKey(%q) = NameKey(%q) = %q: want them apart", p[0], p[1], NameKey(p[0]))
		}
	}
	skel := [][2]string{{"Trump", "Трамп"}, {"Vance", "Венс"}, {"Vance", "Вэнса"}, {"Rutte", "Рютте"}}
	for _, p := range skel {
		if NameSkeleton(p[0]) != NameSkeleton(p[1]) {
			t.Errorf("NameSkeleton(%q) = %q, NameSkeleton(%q) = %q: want one", p[0], NameSkeleton(p[0]), p[1], NameSkeleton(p[1]))
		}
	}
}

func TestNominativeName(t *testing.T) {
	tests := []struct{ in, code, want string }{
		{"Путина", "ru", "Путин"},
		{"Путиным", "ru", "Путин"},
		{"Ушакова", "ru", "Ушаков"},
		{"Путіна", "uk", "Путін"},
		{"Путіним", "uk", "Путін"},
		{"Песков", "ru", "Песков"},
		{"Лавров", "ru", "Лавров"},
		{"Владимира Путина", "ru", "Владимир Путин"},
		{"Зеленского", "ru", "Зеленский"},
		{"Зеленського", "uk", "Зеленський"},
		{"Трампом", "ru", "Трамп"},
		{"Кушнера", "ru", "Кушнер"},
		{"Обама", "ru", "Обама"},
		{"Москва", "ru", "Москва"},
		{"Trump", "en", "Trump"},
	}
	for _, tc := range tests {
		if got := NominativeName(tc.in, tc.code); got != tc.want {
			t.Errorf("NominativeName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTransliterate(t *testing.T) {
	tests := []struct{ in, code, want string }{
		{"Путин", "ru", "Putin"},
		{"Ушаков", "ru", "Ushakov"},
		{"Зеленський", "uk", "Zelenskyy"},
		{"Київ", "uk", "Kyyiv"},
		{"Щербина", "ru", "Shcherbina"},
		{"Müller", "de", "Muller"},
		{"Straße", "de", "Strasse"},
	}
	for _, tc := range tests {
		if got := Transliterate(tc.in, tc.code); got != tc.want {
			t.Errorf("Transliterate(%q, %s) = %q, want %q", tc.in, tc.code, got, tc.want)
		}
	}
}

func TestGuess(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Президент России Владимир Путин заявил, что встреча была полезной.", Russian},
		{"Президент України Володимир Зеленський заявив, що зустріч була корисною.", Ukrainian},
		{"Der Kremlchef sagte nach dem Treffen, die Gespräche seien nützlich gewesen.", German},
		{"The president said the meeting was useful for both sides.", English},
		{"プーチン大統領は会談が有益だったと述べた。", ""},
		{"قال الرئيس إن الاجتماع كان مفيدا", ""},
	}
	for _, tc := range tests {
		if got := Guess(tc.text); got != tc.want {
			t.Errorf("Guess(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func FuzzTransliterate(f *testing.F) {
	for _, s := range []string{"Путин", "Зеленський", "Selenskyj", "Ъ", "", "Щ'ї", "\xff\xfe", "日本", "Джей Ди Вэнс"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, code := range []string{Russian, Ukrainian, ""} {
			out := Transliterate(s, code)
			if utf8.ValidString(s) && HasCyrillic(out) {
				t.Errorf("Transliterate(%q, %q) = %q keeps Cyrillic", s, code, out)
			}
		}
		k := NameKey(s)
		if strings.Contains(k, "  ") || strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") {
			t.Errorf("NameKey(%q) = %q: bad spacing", s, k)
		}
		_ = NameSkeleton(s)
		_ = NominativeName(s, Russian)
		_ = NominativeName(s, Ukrainian)
		_ = Guess(s)
	})
}
