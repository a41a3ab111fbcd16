package entity

import (
	"strings"
	"testing"
)

// TestExtractLanguages: each language takes its own path. The sentences
// are written for this test, modelled on what Russian, Ukrainian and
// German news say about a Kremlin meeting.
func TestExtractLanguages(t *testing.T) {
	tests := []struct {
		name, code, text string
		want             map[string]string // name as shown → kind
		not              []string          // surface forms that must not be persons
	}{
		{"russian titles and cases", "ru",
			"Помощник президента России Юрий Ушаков заявил журналистам, что встреча в Кремле длилась пять часов. Визит Уиткоффа в Москву готовили неделю. По словам Ушакова, Владимир Путин передал ответ.",
			map[string]string{"Юрий Ушаков": KindPerson, "Владимир Путин": KindPerson, "Kremlin": KindOrganisation, "Moscow": KindPlace, "Russia": KindCountry},
			[]string{"Визит", "Визит Уиткоффа"}},
		{"ukrainian lowercase and cases", "uk",
			"У Москві путін прийняв спецпосланця Стіва Віткоффа. Речник кремля Дмитро Пєсков повідомив, що розмова була корисною.",
			map[string]string{"Moscow": KindPlace, "Vladimir Putin": KindPerson, "Дмитро Пєсков": KindPerson, "Kremlin": KindOrganisation},
			[]string{"Москві"}},
		{"german nouns are no persons", "de",
			"Nach dem Treffen im Kreml sagte Bundeskanzler Friedrich Merz, die Gespräche hätten Fünf Stunden gedauert. Kremlchef Wladimir Putin empfing die Gäste in Moskau.",
			map[string]string{"Friedrich Merz": KindPerson, "Wladimir Putin": KindPerson, "Moscow": KindPlace, "Kremlin": KindOrganisation},
			[]string{"Treffen", "Fünf Stunden", "Gespräche"}},
		{"japanese gets no junk", "ja", "プーチン大統領は会談が有益だったと述べた。", nil, nil},
		{"arabic gets no junk", "ar", "قال الرئيس إن الاجتماع كان مفيدا", nil, nil},
		{"english in capitals", "en", "THE PRESIDENT SAID THE TALKS WITH MOSCOW WENT WELL AND MORE TALKS WILL FOLLOW", map[string]string{"Moscow": KindPlace}, []string{"THE PRESIDENT", "THE TALKS"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ents, ms := ExtractLang(tc.text, tc.code)
			kinds := map[string]string{}
			for _, e := range ents {
				kinds[e.Name] = e.Kind
				if e.Key == "" && e.Kind != "" {
					t.Errorf("%s: no cross-script key", e.Name)
				}
			}
			for n, k := range tc.want {
				if kinds[n] != k {
					t.Errorf("%s: kind %q, want %q (entities %v)", n, kinds[n], k, kinds)
				}
			}
			if tc.want == nil && len(ents) > 0 {
				t.Errorf("want no entities, got %v", kinds)
			}
			persons := map[string]bool{}
			for _, e := range ents {
				if e.Kind == KindPerson {
					persons[e.ID] = true
				}
			}
			for _, m := range ms {
				for _, bad := range tc.not {
					if persons[m.EntityID] && strings.EqualFold(m.Text, bad) {
						t.Errorf("%q is a person", bad)
					}
				}
			}
		})
	}
}

// TestSpanConventions: what a mention spans in Russian and Ukrainian news,
// as factRuEval and NER-UK mark it. The sentences are written for this test.
func TestSpanConventions(t *testing.T) {
	tests := []struct {
		name, code, text string
		want             map[string]string // mention text → set type ("" = no mention)
	}{
		{"acronym form before a quoted name", "uk",
			"Договір підписало ДП «Лісовий край» минулого тижня.",
			map[string]string{"ДП «Лісовий край»": "organization", "ДП": ""}},
		{"country after an organisation (uk)", "uk",
			"Перевірку провела ДАБІ України у березні.",
			map[string]string{"ДАБІ України": "organization", "України": ""}},
		{"country after an organisation (ru keeps the place)", "ru",
			"Об этом сообщили в ФСБ России во вторник.",
			map[string]string{"ФСБ России": "organization", "России": "place"}},
		{"street address with a house number", "uk",
			"Офіс фірми розташований на вул. Садовій, 12 у центрі.",
			map[string]string{"вул. Садовій, 12": "place"}},
		{"capitalised organisation noun ends the name", "uk",
			"Позов розглянув Верховний Суд у травні.",
			map[string]string{"Верховний Суд": "organization"}},
		{"descriptor noun before a Latin company (ru)", "ru",
			"Об этом сообщили в компании Microsoft в среду.",
			map[string]string{"компании Microsoft": "organization", "Microsoft": ""}},
		{"organisation before a full name", "ru",
			"Об этом рассказал глава NASA Майкл Гриффин на встрече.",
			map[string]string{"NASA": "organization", "Майкл Гриффин": "person"}},
		{"a lone adjective is no name", "uk",
			"Рішення ухвалили на засіданні Центральної виборчої комісії.",
			map[string]string{"Центральної": ""}},
		{"nested quoted names count once", "uk",
			"Контракт отримало ДП «ЕНК «Світло» у травні.",
			map[string]string{"ДП «ЕНК «Світло»": "organization", "ЕНК «Світло»": ""}},
		{"lower-case words between a legal form and a quoted name", "uk",
			"Засновником є ТОВ фірма «Явір» з Полтави.",
			map[string]string{"ТОВ фірма «Явір»": "organization"}},
		{"a period ends a capitalised run", "ru",
			"Об этом написал сайт NEWSru.com. Для читателей это стало новостью.",
			map[string]string{"NEWSru.com. Для": ""}},
		{"an organisation's seat completes its name (uk)", "uk",
			"Скаргу подали до ГУ ДФС у Херсонській області минулого року.",
			map[string]string{"ГУ ДФС у Херсонській області": "organization", "Херсонській області": ""}},
		{"known place nested in an organisation (ru)", "ru",
			"Законопроект внесли в Палату представителей Конгресса США вчера.",
			map[string]string{"США": "place"}},
		{"an organisation's genitive words complete its name (uk)", "uk",
			"Проект погодило Міністерство аграрної політики та продовольства ще взимку.",
			map[string]string{"Міністерство аграрної політики та продовольства": "organization", "Міністерство аграрної": ""}},
		{"adjectives joined before the noun (ru)", "ru",
			"Доклад подготовили эксперты Всемирной метеорологической и гидрологической организации весной.",
			map[string]string{"Всемирной метеорологической и гидрологической организации": "organization"}},
		{"two organisations joined by и stay two (ru)", "ru",
			"В работе участвовали члены Общественной палаты и городской избирательной комиссии.",
			map[string]string{"Общественной палаты": "organization", "Общественной палаты и городской избирательной комиссии": ""}},
		{"a unit and the organisation it belongs to (uk)", "uk",
			"Справу розглянуло Полтавське відділення АМКУ наприкінці року.",
			map[string]string{"Полтавське відділення АМКУ": "organization", "АМКУ": ""}},
		{"a town and its region are two mentions (uk)", "uk",
			"Компанію зареєстровано в Ірпені Київської області два роки тому.",
			map[string]string{"Ірпені": "place", "Київської області": "place", "Ірпені Київської області": ""}},
		{"a country from ISO 3166 in a case form", "ru",
			"Делегация прилетела из Уругвая в понедельник.",
			map[string]string{"Уругвая": "place"}},
		{"an adjective of район before an organisation noun (uk)", "uk",
			"Рішення ухвалила Богуславська районна рада минулого тижня.",
			map[string]string{"Богуславська районна рада": "organization", "Богуславська районна": ""}},
		{"a quoted name after a sentence's first word (uk)", "uk",
			"Тендер завершився. Фірма «Зорепад» виграла його без конкурентів.",
			map[string]string{"Зорепад": "organization"}},
		{"a quoted name opening a sentence, a verb after it (uk)", "uk",
			"Тендер завершився. «Гармонія-Буд» отримала замовлення на ремонт.",
			map[string]string{"Гармонія-Буд": "organization"}},
		{"a quotation opening a sentence is no name (uk)", "uk",
			"Тендер завершився. «Ми нічого не знали», – сказав директор.",
			map[string]string{"Ми нічого не знали": ""}},
		{"a settlement after its mark (uk)", "uk",
			"Склад збудують у с. Вербівка та в смт Гориця до осені.",
			map[string]string{"Вербівка": "place", "Гориця": "place", "с. Вербівка": ""}},
		{"a metre's period is no settlement mark (uk)", "uk",
			"Площа ділянки 40 м. Вони планують добудову, вони вже мають дозвіл.",
			map[string]string{"Вони": ""}},
		{"adjectives before an organisation noun (ru)", "ru",
			"Листовки распространяли активисты радикального движения «Северный ветер» в субботу.",
			map[string]string{"радикального движения «Северный ветер»": "organization"}},
		{"a country's adjective before an organisation (ru)", "ru",
			"Об этом сообщили в пресс-службе финского Минтранса в пятницу.",
			map[string]string{"финского Минтранса": "organization"}},
		{"по and its phrase complete an organisation (ru)", "ru",
			"Заявку рассмотрит Федеральная служба по ценным бумагам и фондовым рынкам в мае.",
			map[string]string{"Федеральная служба по ценным бумагам и фондовым рынкам": "organization"}},
		{"по as an adverbial is no complement (ru)", "ru",
			"Приговор вынес Тверской суд по делу о краже.",
			map[string]string{"Тверской суд": "organization"}},
		{"surname, given name and patronymic are one person (uk)", "uk",
			"Власником фірми є Гончарук Петро Іванович з Житомира.",
			map[string]string{"Гончарук Петро Іванович": "person", "Петро Іванович": ""}},
		{"two given names share a plural surname (uk)", "uk",
			"Будинок купили Ірина та Павло Шевчуки минулого року.",
			map[string]string{"Ірина та Павло Шевчуки": "person", "Ірина": ""}},
		{"a street after its noun (uk)", "uk",
			"Новий сквер відкриють на проспекті Лесі Українки восени.",
			map[string]string{"проспекті Лесі Українки": "place", "Лесі Українки": ""}},
		{"streets listed after вулиць (uk)", "uk",
			"Підрядник відремонтує дороги вулиць: Садова, Івана Богуна, Липова та Шкільна.",
			map[string]string{"Садова": "place", "Івана Богуна": "place", "Липова": "place", "Шкільна": "place"}},
		{"a country after вулиця is no street (uk)", "uk",
			"Хрещатик називають головною вулицею України багато років.",
			map[string]string{"вулицею України": ""}},
		{"an acronym the text defines for common words is no organisation (uk)", "uk",
			"Школа купила мультимедійні дошки (МД) для класів. Усі МД встановили у вересні.",
			map[string]string{"МД": ""}},
		{"an acronym defined for an organisation's name stays (uk)", "uk",
			"Справу веде Державне бюро розслідувань (ДБР). ДБР відкрило провадження.",
			map[string]string{"ДБР": "organization"}},
		{"a capitalised organisation noun alone in mid-sentence (uk)", "uk",
			"Скаргу розглянуло Полтавське відділення АМКУ. Згодом рішення Відділення скасував суд.",
			map[string]string{"Відділення": "organization"}},
		{"a compound court name heads an organisation (uk)", "uk",
			"Позов задовольнив Шевченківський райсуд минулого року.",
			map[string]string{"Шевченківський райсуд": "organization"}},
		{"a compound institution before a speech verb (uk)", "uk",
			"Минулого тижня Мінагро заявило про нові правила.",
			map[string]string{"Мінагро": "organization"}},
		{"a place adjective before an acronym is one organisation (uk)", "uk",
			"Розпорядження підписав голова Черкаської ОДА у вівторок.",
			map[string]string{"Черкаської ОДА": "organization", "Черкаської": ""}},
		{"an instrumental after і ends an organisation (uk)", "uk",
			"Він був депутатом Полтавської облради і заступником мера.",
			map[string]string{"Полтавської облради": "organization"}},
		{"a compass adjective before a name is a region (ru)", "ru",
			"Самолёт совершил посадку в Северной Дакоте ночью.",
			map[string]string{"Северной Дакоте": "place"}},
		{"a compass adjective before a known place (uk)", "uk",
			"Компанія працює у Західній Європі вже десять років.",
			map[string]string{"Західній Європі": "place", "Європі": ""}},
		{"a former country is a place (ru)", "ru",
			"Завод построили ещё в СССР по старому проекту.",
			map[string]string{"СССР": "place"}},
		{"a Latin gloss of a person's name is the person (ru)", "ru",
			"Об этом рассказал профессор Мартин Фогель (Martin Vogel) на конференции.",
			map[string]string{"Martin Vogel": "person"}},
		{"a Latin company in brackets stays an organisation (ru)", "ru",
			"Контракт получил концерн Сименс (Siemens AG) в марте.",
			map[string]string{"Siemens AG": "organization"}},
		{"a genitive complement after an organisation noun (uk)", "uk",
			"Лист надіслали до Міністерства палива та енергетики України вчора.",
			map[string]string{"Міністерства палива та енергетики України": "organization"}},
		{"a verb after an organisation noun is no complement (uk)", "uk",
			"Позов подало Міністерство юстиції. Міністерство вирішило оскаржити рішення.",
			map[string]string{"Міністерство юстиції": "organization", "Міністерство вирішило": ""}},
		{"a court of a city takes the city (uk)", "uk",
			"Справу розглянув Господарський суд міста Одеси у травні.",
			map[string]string{"Господарський суд міста Одеси": "organization"}},
		{"a name with a number is no place (uk)", "uk",
			"Стадіон добудували до Мундіалю-2030 із запізненням.",
			map[string]string{"Мундіалю-2030": ""}},
		{"a street list goes on after a singular street noun (uk)", "uk",
			"Ремонтують вулиці Липову, Садову та Лесі Українки.",
			map[string]string{"вулиці Липову": "place", "Садову": "place", "Лесі Українки": "place"}},
		{"a quoted medium a report is attributed to (ru)", "ru",
			"Об этом в интервью «Северному вестнику» сообщил губернатор.",
			map[string]string{"Северному вестнику": "organization"}},
		{"a quotation after an organisation noun is no name (ru)", "ru",
			"Он назвал этот союз «опасным для всех нас» в своей речи.",
			map[string]string{"союз «опасным для всех нас»": ""}},
		{"an unknown given name opening a sentence before a known surname (ru)", "ru",
			"Партию выиграл Карпенков. Затем Карпенков дал интервью. Здравко Карпенков признался, что устал.",
			map[string]string{"Здравко Карпенков": "person"}},
		{"a known place before a place noun is no adjective (uk)", "uk",
			"Він має квартиру у Львові площею 60 кв м.",
			map[string]string{"Львові": "place", "Львові площею": ""}},
		{"an accusative place adjective before an organisation noun (uk)", "uk",
			"Він балотувався у Бердичівську міськраду торік.",
			map[string]string{"Бердичівську міськраду": "organization"}},
		{"a name in apposition to a place noun is the place (ru)", "ru",
			"Отходы снова слили в реку Вязовку ночью.",
			map[string]string{"реку Вязовку": "place"}},
		{"a genitive after a place noun is no apposition (ru)", "ru",
			"Демонстранты вышли на улицы Ливорно в субботу.",
			map[string]string{"улицы Ливорно": ""}},
		{"small words inside a Latin name join it (ru)", "ru",
			"Статью перепечатала газета Gazzetta del Nord на первой полосе.",
			map[string]string{"газета Gazzetta del Nord": "organization", "перепечатала газета Gazzetta del Nord": ""}},
		{"a place after a Latin connector stays in the name (ru)", "ru",
			"Ставку снова повысил Bank of Canada в среду.",
			map[string]string{"Bank of Canada": "organization"}},
		{"an adjective and a noun that is no surname are a place (uk)", "uk",
			"Ділянка розташована у селі Вишнева Балка біля траси.",
			map[string]string{"Вишнева Балка": "place"}},
		{"street with initials", "uk",
			"Будинок стоїть на вул. І. Франка біля парку.",
			map[string]string{"вул. І. Франка": "place"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := map[string]string{}
			for _, m := range Predict(EvalDoc{ID: "t", Lang: tc.code, Text: tc.text}) {
				got[m.Text] = m.Type
			}
			for text, typ := range tc.want {
				if got[text] != typ {
					t.Errorf("%q: type %q, want %q (all: %v)", text, got[text], typ, got)
				}
			}
		})
	}
}

// TestTypedOnceKeepsItsType: a one-word name typed with evidence once (a
// speech verb) is the same kind where it stands with none.
func TestTypedOnceKeepsItsType(t *testing.T) {
	text := "Вчера Бхутто заявила журналистам о протесте. Сторонники партии, которую возглавляет Бхутто, вышли на улицы."
	n := 0
	for _, m := range Predict(EvalDoc{ID: "t", Lang: "ru", Text: text}) {
		if m.Text == "Бхутто" && m.Type == "person" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("Бхутто as a person %d times, want 2", n)
	}
}
