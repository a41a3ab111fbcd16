package sentence

import (
	"strings"
	"testing"
)

// The sentences are written for these tests; they model how Russian,
// Ukrainian and German news use abbreviations and ordinals.
func TestSplitLang(t *testing.T) {
	tests := []struct {
		name, code, in string
		want           []string
	}{
		{"ru spaced abbreviation", "ru", "Это т. н. мирный план. Его обсуждали долго.",
			[]string{"Это т. н. мирный план.", "Его обсуждали долго."}},
		{"ru year lower case after", "ru", "Встреча прошла в 2025 г. в Москве. Затем гости уехали.",
			[]string{"Встреча прошла в 2025 г. в Москве.", "Затем гости уехали."}},
		{"ru year ends a sentence", "ru", "Договор подписали в 1997 г. Позже его продлили.",
			[]string{"Договор подписали в 1997 г.", "Позже его продлили."}},
		{"ru years and street", "ru", "В 2022–2024 гг. офис был на ул. Тверской. Теперь нет.",
			[]string{"В 2022–2024 гг. офис был на ул. Тверской.", "Теперь нет."}},
		{"ru initials", "ru", "Об этом сообщил Ю. В. Ушаков. Больше он ничего не сказал.",
			[]string{"Об этом сообщил Ю. В. Ушаков.", "Больше он ничего не сказал."}},
		{"ru etc ends", "ru", "Обсуждали границы, гарантии и т. д. Итогов нет.",
			[]string{"Обсуждали границы, гарантии и т. д.", "Итогов нет."}},
		{"ru quote and dash", "ru", "«Мы готовы говорить», — заявил он. Встреча длилась пять часов.",
			[]string{"«Мы готовы говорить», — заявил он.", "Встреча длилась пять часов."}},
		{"uk so-called", "uk", "Це т. зв. план миру. Його критикують.",
			[]string{"Це т. зв. план миру.", "Його критикують."}},
		{"uk year", "uk", "Зустріч відбулася 2 грудня 2025 р. у Москві. Вона тривала довго.",
			[]string{"Зустріч відбулася 2 грудня 2025 р. у Москві.", "Вона тривала довго."}},
		{"uk thousand", "uk", "Зібрали 5 тис. грн. на ремонт. Дякуємо.",
			[]string{"Зібрали 5 тис. грн. на ремонт.", "Дякуємо."}},
		{"de ordinal date", "de", "Das Treffen fand am 2. Dezember im Kreml statt. Es dauerte lange.",
			[]string{"Das Treffen fand am 2. Dezember im Kreml statt.", "Es dauerte lange."}},
		{"de z. B. and ca.", "de", "Einige Länder, z. B. Frankreich, boten ca. 500 Soldaten an. Andere nicht.",
			[]string{"Einige Länder, z. B. Frankreich, boten ca. 500 Soldaten an.", "Andere nicht."}},
		{"de Dr. and Prof.", "de", "Dr. Anna Berg und Prof. Jan Koch sprachen. Danach gab es Fragen.",
			[]string{"Dr. Anna Berg und Prof. Jan Koch sprachen.", "Danach gab es Fragen."}},
		{"de number ends a sentence", "de", "Die Zahl stieg auf 25. Danach sank sie.",
			[]string{"Die Zahl stieg auf 25.", "Danach sank sie."}},
		{"de low quote closes", "de", "Er sagte: „Wir reden weiter.“ Dann ging er.",
			[]string{"Er sagte: „Wir reden weiter.“", "Dann ging er."}},
		{"de reversed guillemets", "de", "»Es war gut.« Mehr sagte er nicht.",
			[]string{"»Es war gut.«", "Mehr sagte er nicht."}},
		{"de usw ends", "de", "Sie sprachen über Gas, Öl usw. Ein Ergebnis gab es nicht.",
			[]string{"Sie sprachen über Gas, Öl usw.", "Ein Ergebnis gab es nicht."}},
		{"unknown language splits as English", "ja", "Mr. Abe spoke. He left.",
			[]string{"Mr. Abe spoke.", "He left."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range SplitLang(tc.in, tc.code) {
				got = append(got, s.Text(tc.in))
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("SplitLang(%q, %s)\n got %q\nwant %q", tc.in, tc.code, got, tc.want)
			}
		})
	}
}

func FuzzSplitLang(f *testing.F) {
	f.Add("Это т. н. план. В 2025 г. Он", "ru")
	f.Add("am 2. Dezember z. B. ca. »x« „y“", "de")
	f.Add("т. зв. 5 тис. р.", "uk")
	f.Add(". . т. .", "ru")
	f.Fuzz(func(t *testing.T, s, code string) {
		prev := 0
		for _, sp := range SplitLang(s, code) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %v (prev end %d, len %d)", sp, prev, len(s))
			}
			prev = sp.End
		}
	})
}
