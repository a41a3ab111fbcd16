package when

import (
	"testing"
	"time"
)

// TestFindLang checks the Russian, Ukrainian and German patterns on
// sentences of our own, anchored on Thursday 4 December 2025.
func TestFindLang(t *testing.T) {
	anchor := time.Date(2025, 12, 4, 15, 0, 0, 0, time.UTC)
	tests := []struct {
		lang, text, want, value string
	}{
		// Russian
		{"ru", "Переговоры прошли 2 декабря 2025 года в Кремле.", "2 декабря 2025 года", "2025-12-02"},
		{"ru", "Встреча состоялась 2 декабря в Москве.", "2 декабря", "2025-12-02"},
		{"ru", "Встреча назначена на 2-го декабря.", "2-го декабря", "2025-12-02"},
		{"ru", "Об этом стало известно 3 дек. из сообщения ведомства.", "3 дек.", "2025-12-03"},
		{"ru", "Документ подписан 15.08.2025 в Анкоридже.", "15.08.2025", "2025-08-15"},
		{"ru", "Посланник прилетел в Москву во вторник.", "вторник", "2025-12-02"},
		{"ru", "Помощник президента выступил в среду утром.", "среду утром", "2025-12-03TMO"},
		{"ru", "Лидеры созвонились в четверг вечером.", "четверг вечером", "2025-12-04TEV"},
		{"ru", "Делегация вернулась вчера.", "вчера", "2025-12-03"},
		{"ru", "Сегодня министр провел брифинг.", "Сегодня", "2025-12-04"},
		{"ru", "Переговоры начались на прошлой неделе.", "прошлой неделе", "2025-W48"},
		{"ru", "В прошлом году переговоров не было.", "прошлом году", "2024"},
		{"ru", "Предыдущий разговор был три дня назад.", "три дня назад", "2025-12-01"},
		{"ru", "Саммит прошел в августе.", "августе", "2025-08"},
		{"ru", "Саммит прошел в августе 2025 года.", "августе 2025 года", "2025-08"},
		{"ru", "Конфликт начался в 2022 году.", "2022 году", "2022"},
		{"ru", "Встреча длилась пять часов.", "пять часов", "PT5H"},
		{"ru", "Встреча в Кремле пройдет в пятницу.", "пятницу", "2025-12-05"},
		{"ru", "Вечером 2 декабря стороны встретились.", "Вечером 2 декабря", "2025-12-02TEV"},
		{"ru", "Переговоры прошли во вторник, 2 декабря, в Кремле.", "вторник, 2 декабря", "2025-12-02"},
		{"ru", "Переговоры пройдут в среду, 2 декабря.", "среду, 2 декабря", "2026-12-02"},
		{"ru", "Накануне Песков заявил журналистам о переговорах.", "Накануне", "2025-12-03"},
		{"ru", "В минувшее воскресенье делегации встретились.", "минувшее воскресенье", "2025-11-30"},
		{"ru", "Переговоры прошли на прошлых выходных.", "прошлых выходных", "2025-W48-WE"},
		{"ru", "Полчаса назад состоялся разговор, он длился 40 минут.", "Полчаса назад", "2025-12-04"},
		{"ru", "Полчаса назад состоялся разговор, он длился 40 минут.", "40 минут", "PT40M"},
		{"ru", "Переговоры продолжались около пяти часов.", "пяти часов", "PT5H"},
		// Ukrainian
		{"uk", "Зустріч тривала близько п'яти годин.", "п'яти годин", "PT5H"},
		{"uk", "Напередодні Пєсков заявив про зустріч.", "Напередодні", "2025-12-03"},
		{"uk", "Зустріч у Кремлі відбулася 2 грудня.", "2 грудня", "2025-12-02"},
		{"uk", "Розмова відбулася 3 липня 2025 року.", "3 липня 2025 року", "2025-07-03"},
		{"uk", "Посланці прибули до Москви у вівторок.", "вівторок", "2025-12-02"},
		{"uk", "Переговори тривали минулого тижня.", "минулого тижня", "2025-W48"},
		{"uk", "Про це президент повідомив вчора ввечері.", "вчора ввечері", "2025-12-03TEV"},
		{"uk", "Сьогодні делегація повертається.", "Сьогодні", "2025-12-04"},
		{"uk", "Зеленський прибув у п’ятницю до Вашингтона.", "п’ятницю", "2025-11-28"},
		{"uk", "Саміт відбувся в серпні.", "серпні", "2025-08"},
		{"uk", "Це сталося два тижні тому.", "два тижні тому", "2025-W47"},
		// German
		{"de", "Das Treffen fand am 2. Dezember im Kreml statt.", "2. Dezember", "2025-12-02"},
		{"de", "Am 2. Dezember 2025 trafen sich die Delegationen.", "2. Dezember 2025", "2025-12-02"},
		{"de", "Witkoff traf Putin am Dienstag.", "Dienstag", "2025-12-02"},
		{"de", "Der Anruf kam am Mittwochabend.", "Mittwochabend", "2025-12-03TEV"},
		{"de", "Die Gespräche begannen vergangene Woche.", "vergangene Woche", "2025-W48"},
		{"de", "Gestern sprach der Kanzler mit Selenskyj.", "Gestern", "2025-12-03"},
		{"de", "Heute Morgen landete die Maschine.", "Heute Morgen", "2025-12-04TMO"},
		{"de", "Der Gipfel war im August.", "August", "2025-08"},
		{"de", "Die Annexion erfolgte im Jahr 2014.", "2014", "2014"},
		{"de", "Das geschah vor drei Tagen.", "vor drei Tagen", "2025-12-01"},
		{"de", "Das Treffen soll morgen stattfinden.", "morgen", "2025-12-05"},
		{"de", "Merz reist nächste Woche nach Kiew.", "nächste Woche", "2025-W50"},
		{"de", "Am 3. Dez. gab es eine Erklärung.", "3. Dez.", "2025-12-03"},
		{"de", "Das Treffen fand am Dienstag, den 2. Dezember statt.", "Dienstag, den 2. Dezember", "2025-12-02"},
		{"de", "Der Beschluss fiel am späten Donnerstagabend.", "Donnerstagabend", "2025-12-04TEV"},
		{"de", "Es soll am 23. Januar ein Treffen geben.", "23. Januar", "2026-01-23"},
	}
	for _, tc := range tests {
		got := FindLang(tc.text, tc.lang, anchor)
		found := false
		for _, tx := range got {
			if tx.Text == tc.want {
				found = true
				if tx.Value != tc.value {
					t.Errorf("%s %q: %q = %s, want %s", tc.lang, tc.text, tc.want, tx.Value, tc.value)
				}
				if tx.Text != tc.text[tx.Start:tx.End] {
					t.Errorf("%s %q: offsets %d-%d do not hold %q", tc.lang, tc.text, tx.Start, tx.End, tx.Text)
				}
			}
		}
		if !found {
			t.Errorf("%s %q: no %q in %+v", tc.lang, tc.text, tc.want, got)
		}
	}
}

// TestFindLangMisdetected: a Russian text taken for Ukrainian (or the
// reverse), or of unknown language, still gets its dates.
func TestFindLangMisdetected(t *testing.T) {
	anchor := time.Date(2025, 12, 4, 0, 0, 0, 0, time.UTC)
	tests := []struct{ lang, text, want, value string }{
		{"uk", "Встреча состоялась 2 декабря в Кремле.", "2 декабря", "2025-12-02"},
		{"ru", "Зустріч відбулася 2 грудня у Кремлі.", "2 грудня", "2025-12-02"},
		{"", "Вице-президент заявил в воскресенье, что уступки сделаны.", "воскресенье", "2025-11-30"},
		{"", "Зустріч відбулася у вівторок.", "вівторок", "2025-12-02"},
		{"", "The talks were held on Tuesday.", "Tuesday", "2025-12-02"},
	}
	for _, tc := range tests {
		found := false
		for _, x := range FindLang(tc.text, tc.lang, anchor) {
			if x.Text == tc.want {
				found = x.Value == tc.value
			}
		}
		if !found {
			t.Errorf("%q %q: no %q = %s in %+v", tc.lang, tc.text, tc.want, tc.value, FindLang(tc.text, tc.lang, anchor))
		}
	}
}

// TestFindLangNone checks what must not be read as a date.
func TestFindLangNone(t *testing.T) {
	anchor := time.Date(2025, 12, 4, 0, 0, 0, 0, time.UTC)
	tests := []struct{ lang, text string }{
		{"ru", "Экологическая среда города ухудшилась."},
		{"ru", "Марта Иванова получила 2000 рублей."},
		{"de", "Guten Morgen, sagte August Diehl."},
		{"de", "In den letzten Jahren wuchs die Stadt."},
		{"uk", "Він написав лист президенту."},
		{"ru", "Накануне выборов министр ушел в отставку."},
		{"uk", "Стояв лютий мороз, листопад скінчився."},
		{"ja", "12月2日にモスクワで会談が行われた。"},
		// English rules never run on other languages.
		{"fr", "Le sommet a eu lieu en August, last week, on Tuesday."},
	}
	for _, tc := range tests {
		if got := FindLang(tc.text, tc.lang, anchor); len(got) != 0 {
			t.Errorf("%s %q: found %+v", tc.lang, tc.text, got)
		}
	}
	if got := FindLang("Opublikowano 2025-12-02.", "pl", anchor); len(got) != 1 || got[0].Value != "2025-12-02" {
		t.Errorf("ISO date in Polish: %+v", got)
	}
}

// FuzzFindLang: FindLang never panics, and every span is in bounds,
// non-empty, in order and equal to its Text, in every language.
func FuzzFindLang(f *testing.F) {
	seeds := []string{
		"Переговоры прошли 2 декабря 2025 года, а 3 дек. и во вторник вечером — три дня назад.",
		"Зустріч відбулася у п'ятницю 3 липня 2025 р. минулого тижня, вчора ввечері.",
		"Am 2. Dezember, Dienstagabend, vor drei Tagen, vergangene Woche, 02.12.2025.",
		"31.02.2025 99 декабря 0. Dez. 2 дек",
		"\xff\xfe2 грудня\x00 ё ʼ",
		"",
	}
	for _, s := range seeds {
		for _, l := range []string{"ru", "uk", "de", "xx"} {
			f.Add(s, l, int64(1764806400))
			f.Add(s, l, int64(0))
		}
	}
	f.Fuzz(func(t *testing.T, text, language string, unix int64) {
		if language == "" || language == "en" {
			return // FuzzFind covers English
		}
		var anchor time.Time
		if unix != 0 {
			anchor = time.Unix(unix%(1<<36), 0).UTC()
		}
		last := 0
		for _, x := range FindLang(text, language, anchor) {
			if x.Start < last || x.End > len(text) || x.Start >= x.End {
				t.Fatalf("bad span %d:%d after %d in %d bytes", x.Start, x.End, last, len(text))
			}
			if x.Text != text[x.Start:x.End] || x.Value == "" || x.Type == "" {
				t.Fatalf("bad timex %+v", x)
			}
			last = x.End
		}
	})
}
