package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/entity"
)

// TestFindLangFixtures reads testdata/lang/<code>.txt (articles written for
// these tests, modelled on how Russian, Ukrainian and German outlets quote)
// and checks every quote listed in <code>.tsv: its first words, speaker and
// cue. A row with speaker "-" is marked text that is not a quote ("т. н.
// «…»"). Every quote found must be listed.
func TestFindLangFixtures(t *testing.T) {
	for _, code := range Languages() {
		t.Run(code, func(t *testing.T) {
			text := readFixture(t, code+".txt")
			ents, ms := entity.Extract(text)
			all, _ := FindLang(text, code, "", ents, ms)
			var qs []Quote
			for _, q := range all {
				if q.Direct {
					qs = append(qs, q)
				}
			}
			rows := strings.Split(strings.TrimSpace(readFixture(t, code+".tsv")), "\n")
			listed := 0
			for _, row := range rows {
				if strings.HasPrefix(row, "#") {
					continue
				}
				f := strings.Split(row, "\t")
				if len(f) != 3 {
					t.Fatalf("bad row %q", row)
				}
				var got *Quote
				for i := range qs {
					if strings.HasPrefix(qs[i].Text, f[0]) {
						got = &qs[i]
					}
				}
				if f[1] == "-" {
					if got != nil {
						t.Errorf("%q is not a quote, found with speaker %q", f[0], got.Speaker)
					}
					continue
				}
				listed++
				if got == nil {
					t.Errorf("quote %q not found", f[0])
					continue
				}
				if got.Speaker != f[1] || got.Cue != f[2] {
					t.Errorf("quote %q: speaker %q cue %q, want %q %q", f[0], got.Speaker, got.Cue, f[1], f[2])
				}
				if got.SpeakerText != "" && text[got.SpeakerStart:got.SpeakerEnd] != got.SpeakerText {
					t.Errorf("quote %q: speaker mention %q does not match its offsets", f[0], got.SpeakerText)
				}
			}
			if len(qs) != listed {
				for _, q := range qs {
					t.Logf("found %q (%s)", q.Text, q.Speaker)
				}
				t.Errorf("found %d quotes, %d listed", len(qs), listed)
			}
		})
	}
}

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "lang", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestFindLangPatterns(t *testing.T) {
	tests := []struct {
		name, code, text string
		want             []string // text|speaker|cue per quote
	}{
		{"ru dash after comma", "ru", "«Мы договорились», — заявил журналистам Ушаков.", []string{"Мы договорились|Ушаков|заявил"}},
		{"ru dash without comma", "ru", "«Всё решено» — сказал Песков.", []string{"Всё решено|Песков|сказал"}},
		{"ru colon before", "ru", "Лавров заявил: «Позиция прежняя».", []string{"Позиция прежняя|Лавров|заявил"}},
		{"ru according to", "ru", "По словам Дмитриева, встреча была «продуктивной».", []string{"продуктивной|Дмитриева|По словам"}},
		{"ru as noted", "ru", "Как отметил Песков, «сроков нет».", []string{"сроков нет|Песков|отметил"}},
		{"ru gerund", "ru", "Путин назвал беседу «откровенной», заявив, что «работа продолжится».",
			[]string{"откровенной|Путин|назвал", "работа продолжится|Путин|заявив"}},
		{"ru title with name", "ru", "«Мы ждём ответа», — сказал помощник президента Юрий Ушаков.", []string{"Мы ждём ответа|Юрий Ушаков|сказал"}},
		{"ru pronoun", "ru", "Ушаков провёл брифинг. «Итогов нет», — сказал он.", []string{"Итогов нет|Ушаков|сказал"}},
		{"ru newspaper is no quote", "ru", "Об этом пишет газета «Ведомости».", nil},
		{"uk dash", "uk", "«Ми готові», — заявив Зеленський.", []string{"Ми готові|Зеленський|заявив"}},
		{"uk according to", "uk", "За словами Сибіги, переговори були «складними».", []string{"складними|Сибіги|За словами"}},
		{"uk said gerund", "uk", "«Тиск має зрости», — наголосив Зеленський, додавши, що «час спливає».",
			[]string{"Тиск має зрости|Зеленський|наголосив", "час спливає|Зеленський|додавши"}},
		{"de sagte after", "de", "„Wir verhandeln weiter“, sagte Merz.", []string{"Wir verhandeln weiter|Merz|sagte"}},
		{"de so", "de", "„Es gibt keinen Deal“, so Trump.", []string{"Es gibt keinen Deal|Trump|so"}},
		{"de colon", "de", "Merz sagte: „Europa muss handeln.“", []string{"Europa muss handeln.|Merz|sagte"}},
		{"de inverted", "de", "Am Montag sagte Bundeskanzler Friedrich Merz: „Europa steht zusammen.“", []string{"Europa steht zusammen.|Friedrich Merz|sagte"}},
		{"de reversed guillemets", "de", "»Wir sind bereit«, erklärte Selenskyj.", []string{"Wir sind bereit|Selenskyj|erklärte"}},
		{"de swiss guillemets", "de", "«Wir sind bereit», erklärte Selenskyj.", []string{"Wir sind bereit|Selenskyj|erklärte"}},
		{"de laut", "de", "Die Lage sei laut Kremlsprecher Dmitri Peskow „ernst“.", []string{"ernst|Dmitri Peskow|laut"}},
		{"de title", "de", "Das berichtet die Zeitung „Die Welt“.", nil},
		{"ru verb forms", "ru", "«Мы на связи», — сообщил Песков. Лавров подчеркнул: «Диалог идёт». Он ушёл, сказав, что «всё сказано».",
			[]string{"Мы на связи|Песков|сообщил", "Диалог идёт|Лавров|подчеркнул", "всё сказано|Лавров|сказав"}},
		{"uk verb forms", "uk", "«Обмін відбудеться», — повідомив Умєров. «Усі повернуться додому», — запевнила Ірина Верещук.",
			[]string{"Обмін відбудеться|Умєров|повідомив", "Усі повернуться додому|Ірина Верещук|запевнила"}},
		{"ru attribution inside the marks", "ru", "«Мы поговорили, — заявил Трамп журналистам. — Результат будет».",
			[]string{"Мы поговорили, — заявил Трамп журналистам. — Результат будет|Трамп|заявил"}},
		{"ru next sentence points back", "ru", "«Сроки пока не определены». Об этом заявил вице-премьер Алексей Оверчук.",
			[]string{"Сроки пока не определены|Алексей Оверчук|заявил"}},
		{"uk role with its complement", "uk", "Президент України Володимир Зеленський та Президент США Дональд Трамп зустрілися. «Ми готові до миру», — сказав Президент України.",
			[]string{"Ми готові до миру|Володимир Зеленський|сказав"}},
		{"uk name set off by commas", "uk", "Очільник МЗС, Андрій Сибіга, закликав партнерів діяти. Він заявив, що потрібен «тиск на агресора».",
			[]string{"тиск на агресора|Андрій Сибіга|заявив"}},
		{"ru nested guillemets", "ru", "«Мы создали «коалицию желающих» ради мира», — сказал Макрон.",
			[]string{"Мы создали «коалицию желающих» ради мира|Макрон|сказал"}},
		{"ru so-called", "ru", "Переговоры в т. н. «стамбульском формате» не возобновились.", nil},
		{"de name opening a sentence", "de", "Lawrow stellte klar: „Wir warten auf Antworten.“",
			[]string{"Wir warten auf Antworten.|Lawrow|stellte"}},
		{"de dative pronoun before zufolge", "de", "Kremlsprecher Dmitri Peskow äußerte sich am Abend. Ihm zufolge sind die Gespräche „sehr nützlich“.",
			[]string{"sehr nützlich|Dmitri Peskow|Ihm zufolge"}},
		{"de role resolved to the person", "de", "Bundeskanzler Friedrich Merz reiste nach Kiew. „Wir stehen an eurer Seite“, sagte der Kanzler.",
			[]string{"Wir stehen an eurer Seite|Friedrich Merz|sagte"}},
		{"ru anonymous source", "ru", "Ушаков провёл встречу. «Решения нет», — сообщил источник в Кремле.",
			[]string{"Решения нет|unnamed|сообщил"}},
		{"de anonymous source", "de", "Merz reiste ab. „Es gibt Streit“, sagte ein Insider.",
			[]string{"Es gibt Streit|unnamed|sagte"}},
		{"ru one of the sources", "ru", "Делегация вернулась в Москву. «Текст почти готов», — рассказал один из источников.",
			[]string{"Текст почти готов|unnamed|рассказал"}},
		{"uk unnamed official", "uk", "Зеленський прибув до Берліна. «Документ узгоджено», — сказав неназваний американський посадовець.",
			[]string{"Документ узгоджено|unnamed|сказав"}},
		{"uk according to an official, then the same official", "uk", "Гнатов провів зустріч. За словами європейського високопосадовця, план \"потребує змін\". \"Роботи ще багато\", — додав високопосадовець.",
			[]string{"потребує змін|unnamed|За словами", "Роботи ще багато|unnamed|додав"}},
		{"uk agency named before", "uk", "Згідно з даними Bloomberg, зустріч відбудеться в Женеві. «Сторони вже погодили дату», — зазначає агентство.",
			[]string{"Сторони вже погодили дату|Bloomberg|зазначає"}},
		{"uk compound title", "uk", "Прем’єр-міністерка Юлія Свириденко відвідала Львів. Прем’єр-міністерка сказала, що \"бюджет виконано\".",
			[]string{"бюджет виконано|Юлія Свириденко|сказала"}},
		{"uk one mark both ways", "uk", "Буданов відповів журналістам.”Чекайте на результат”, – сказав він.",
			[]string{"Чекайте на результат|Буданов|сказав"}},
		{"uk imperfective past", "uk", "\"Тиск має зростати\", - закликав Сибіга.",
			[]string{"Тиск має зростати|Сибіга|закликав"}},
		{"ru gerund of a reflexive verb", "ru", "Лавров провёл переговоры. Он не стал раскрывать детали, сославшись на то, что итоги должны «остаться закрытыми».",
			[]string{"остаться закрытыми|Лавров|сославшись"}},
		{"de participle", "de", "Zuvor hatte Kremlsprecher Dmitri Peskow mitgeteilt, dass die Runde „in Kürze“ beginne.",
			[]string{"in Kürze|Dmitri Peskow|mitgeteilt"}},
		{"de separable verb", "de", "Außenminister Johann Wadephul hob hervor: „Europa muss am Tisch sitzen.“",
			[]string{"Europa muss am Tisch sitzen.|Johann Wadephul|hob"}},
		{"ru institution by its seat", "ru", "Ранее в Кремле сообщили о получении «основных параметров» плана.",
			[]string{"основных параметров|Кремле|сообщили"}},
		{"uk institution by its seat, after the verb", "uk", "\"Рішення ще не ухвалене\", - заявили у Білому домі.",
			[]string{"Рішення ще не ухвалене|Білому домі|заявили"}},
		{"de institution by its seat", "de", "Im Kanzleramt hieß es: „Wir prüfen alle Optionen.“",
			[]string{"Wir prüfen alle Optionen.|Kanzleramt|hieß"}},
		{"uk subject right after a place", "uk", "На питання про зустріч у Женеві Кислиця відповів коротко. «Усе за планом», — сказав заступник міністра.",
			[]string{"Усе за планом|Кислиця|сказав"}},
		{"de two quotes share the cue after them", "de", "Diesmal sei „der neue Gesandte“ gekommen und habe „ganz überraschend“ mit allen gesprochen, bestätigte Uschakow.",
			[]string{"der neue Gesandte|Uschakow|bestätigte", "ganz überraschend|Uschakow|bestätigte"}},
		{"ru pronoun skips a source of the other gender", "ru", "«Ответ будет», — заявила Мария Захарова. «Решение за Киевом», — добавил Дмитрий Песков. Она уточнила: «Срок — неделя».",
			[]string{"Ответ будет|Мария Захарова|заявила", "Решение за Киевом|Дмитрий Песков|добавил", "Срок — неделя|Мария Захарова|уточнила"}},
		{"ru pronoun takes a later subject", "ru", "«Сроки сдвинутся», — пишет Bloomberg. Позже Ушаков провёл брифинг в Кремле. Он подчеркнул: «Сроки прежние».",
			[]string{"Сроки сдвинутся|Bloomberg|пишет", "Сроки прежние|Ушаков|подчеркнул"}},
		{"uk pronoun takes a later subject, not an object", "uk", "«Зустріч відбудеться», — повідомляє Reuters. Водночас Умєров зустрівся з Дрісколлом. Він наголосив: «Дата ще не відома».",
			[]string{"Зустріч відбудеться|Reuters|повідомляє", "Дата ще не відома|Умєров|наголосив"}},
		{"de few words with no cue take the subject", "de", "Bundeskanzler Friedrich Merz reiste nach Paris. Merz hält einen Frieden ohne Europa für „ausgeschlossen“.",
			[]string{"ausgeschlossen|Merz|"}},
		{"ru few words with no cue and no person", "ru", "Переговоры в Женеве зашли в «тупик».", []string{"тупик||"}},
		{"uk name in marks inside its sentence", "uk", "Понад 30 країн входять до «Коаліції охочих» у Європі.", nil},
		{"ru outlet in marks after a speech verb", "ru", "Переговоры продолжатся, отмечает «Страна.ua».", nil},
		{"uk platform in marks", "uk", "Про це він написав у соцмережі \"Х\".", nil},
		{"ru capitalised quote after a colon stays", "ru", "Песков сказал: «Нет» — и ушёл.", []string{"Нет|Песков|сказал"}},
		{"ru speaker on a dash line of its own", "ru", "Рябков выступил в Женеве.\n\n\"Прогресса пока нет, но диалог идёт и будет продолжен\"\n\n– Сергей Рябков\n\nПереговоры продолжатся.",
			[]string{"Прогресса пока нет, но диалог идёт и будет продолжен|Сергей Рябков|"}},
		{"ru outlet after an acronym", "ru", "Об этом сообщило РИА «Новости» со ссылкой на дипломата.", nil},
		{"uk letter ending its line is no initial", "uk", "Про це вона написала в мережі Х.\n\nМаркарова повідомила, що \"роботу завершено\".",
			[]string{"роботу завершено|Маркарова|повідомила"}},
		{"de dateline is no subject", "de", "Guangzhou - Außenminister Johann Wadephul äußert sich skeptisch. \"Ich bin nicht sicher\", sagte der CDU-Politiker.",
			[]string{"Ich bin nicht sicher|Johann Wadephul|sagte"}},
		{"de description takes a source that spoke", "de", "„Wir warten“, sagte Außenminister Johann Wadephul. Falls Russlands Präsident Wladimir Putin nicht zustimmt, drohen Sanktionen. „Der Druck wächst“, sagte der CDU-Politiker.",
			[]string{"Wir warten|Johann Wadephul|sagte", "Der Druck wächst|Johann Wadephul|sagte"}},
		{"de according to a body", "de", "Merz trifft Selenskyj nach Angaben der Bundesregierung zu einem „Austausch über die Lage“.",
			[]string{"Austausch über die Lage|Bundesregierung|nach Angaben der"}},
		{"de verb second after a fronted phrase", "de", "Angesichts der Äußerungen des Präsidenten Wolodymyr Selenskyj zur Nato sagte Kanzler Friedrich Merz: „Das ist ein Angebot.“",
			[]string{"Das ist ein Angebot.|Friedrich Merz|sagte"}},
		{"de name right before its verb", "de", "Merz sagte der Zeitung: „Wir bleiben dabei.“",
			[]string{"Wir bleiben dabei.|Merz|sagte"}},
		{"ru reporting outlet yields to the speaker", "ru", "Захарова заявила, что переговоры «зашли в тупик», передает ТАСС.",
			[]string{"зашли в тупик|Захарова|заявила"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ents, ms := entity.Extract(tc.text)
			qs, _ := FindLang(tc.text, tc.code, "", ents, ms)
			var got []string
			for _, q := range qs {
				if q.Direct {
					got = append(got, q.Text+"|"+q.Speaker+"|"+q.Cue)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestFindLangIndirect(t *testing.T) {
	tests := []struct {
		name, code, text string
		want             []string // text|speaker|cue per reported clause
	}{
		{"ru that-clause", "ru", "Ушаков заявил журналистам, что переговоры продолжатся на следующей неделе.",
			[]string{"переговоры продолжатся на следующей неделе|Ушаков|заявил"}},
		{"ru according to", "ru", "По словам Ушакова, встреча в Кремле была полезной.",
			[]string{"встреча в Кремле была полезной|Ушакова|По словам"}},
		{"uk pronoun", "uk", "Зеленський провів нараду. Він наголосив, що партнери мають посилити тиск.",
			[]string{"партнери мають посилити тиск|Зеленський|наголосив"}},
		{"de dass", "de", "Bundeskanzler Friedrich Merz sagte, dass Europa mehr Verantwortung übernehmen müsse.",
			[]string{"Europa mehr Verantwortung übernehmen müsse|Friedrich Merz|sagte"}},
		{"no name, no quote", "ru", "В Кремле заявили, что ответа пока нет.", nil},
		{"sentence with a direct quote", "ru", "Песков заявил, что решение «ещё не принято».", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			qs, _ := FindLang(tc.text, tc.code, "", nil, nil)
			var got []string
			for _, q := range qs {
				if !q.Direct {
					got = append(got, q.Text+"|"+q.Speaker+"|"+q.Cue)
					if q.SpeakerText != "" && tc.text[q.SpeakerStart:q.SpeakerEnd] != q.SpeakerText {
						t.Errorf("mention %q does not match its offsets", q.SpeakerText)
					}
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestFindLangNoResources: a language without resources gets no quotes
// (no English rules, no unattributed marks); English and unknown keep the
// English rules.
func TestFindLangNoResources(t *testing.T) {
	for _, code := range []string{"ja", "ar", "fr"} {
		text := "«Nous sommes prêts», a dit le ministre. 「準備はできている」と彼は言った。 \"جاهزون\" قال الوزير"
		if qs, _ := FindLang(text, code, "", nil, nil); len(qs) != 0 {
			t.Errorf("%s: %d quotes, want none", code, len(qs))
		}
	}
	en := "\"We are ready,\" Vance said."
	ents, ms := entity.Extract(en)
	a, _ := FindLang(en, "en", "", ents, ms)
	b, _ := FindLang(en, "", "", ents, ms)
	c, _ := Find(en, ents, ms)
	if len(a) != 1 || len(b) != 1 || len(c) != 1 || a[0].Speaker != c[0].Speaker || b[0].Speaker != c[0].Speaker {
		t.Errorf("English path changed: %v %v %v", a, b, c)
	}
	// English cues do not attribute Russian quotes.
	ru := "«Мы готовы говорить», said Ushakov."
	if qs, _ := FindLang(ru, "ru", "", nil, nil); len(qs) != 1 || qs[0].Speaker != "" {
		t.Errorf("English cue used on Russian text: %+v", qs)
	}
}

func FuzzFindLang(f *testing.F) {
	f.Add("«Мы договорились», — заявил журналистам Ушаков. По словам Ушакова, «всё». Об этом заявил он.", "ru")
	f.Add("„Wir“, so Merz. »Ja«, sagte er. Laut Vance „x“. Peskow zufolge „y“. am 2. Dezember z. B.", "de")
	f.Add("\"Так\", - зазначив він. За його словами, «ні». Це т. зв. «план».", "uk")
	f.Add("« » „ “ » « ‚ ‘ — заявил", "ru")
	f.Add("»«»«„“‚‘ sagte so laut zufolge", "de")
	f.Add("В Кремле сообщили «x». «y», — сказал один из источников. Неназванный чиновник заявил: «z». Позже Ушаков провёл брифинг. Она уточнила: «w».", "ru")
	f.Add("Згідно з даними Reuters, «а». «б», - зазначає агентство. Прем’єр-міністерка сказала, що \"в\". .”Г”, – сказав він. у соцмережі \"Х\" до «Коаліції охочих» у", "uk")
	f.Add("der Berater von Kremlchef Wladimir Putin, Juri Uschakow, „a“ und „b“, bestätigte er. Im Kanzleramt hieß es: „c“. Merz hält das für „d“.", "de")
	f.Add("”, ”” .”, ,” – один из, — одна с в Белом", "ru")
	f.Fuzz(func(t *testing.T, s, code string) {
		qs, probs := FindLang(s, code, "", nil, nil)
		for _, q := range qs {
			if q.Start < 0 || q.End > len(s) || q.Start > q.End {
				t.Fatalf("quote offsets %d..%d out of range (len %d)", q.Start, q.End, len(s))
			}
			if q.SpeakerText == "" && (q.SpeakerStart != -1 || q.SpeakerEnd != -1) {
				t.Fatalf("no speaker mention but offsets %d..%d", q.SpeakerStart, q.SpeakerEnd)
			}
			if q.SpeakerText != "" && (q.SpeakerStart < 0 || q.SpeakerEnd > len(s) || q.SpeakerStart >= q.SpeakerEnd || s[q.SpeakerStart:q.SpeakerEnd] != q.SpeakerText) {
				t.Fatalf("speaker mention %q at %d..%d does not match the text", q.SpeakerText, q.SpeakerStart, q.SpeakerEnd)
			}
			if q.Speaker != "" && q.SpeakerText == "" {
				t.Fatalf("speaker %q without a mention", q.Speaker)
			}
		}
		for _, p := range probs {
			if p.Start < 0 || p.End > len(s) || p.Start > p.End {
				t.Fatalf("problem offsets %d..%d out of range (len %d)", p.Start, p.End, len(s))
			}
		}
	})
}
