package facts

import (
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

func TestParseFigure(t *testing.T) {
	tests := []struct {
		lang, text string
		value      float64
		qualifier  string
		ok         bool
	}{
		{"en", "at least 59", 59, AtLeast, true},
		{"en", "more than 50", 50, MoreThan, true},
		{"en", "five hours", 5, "", true},
		{"en", "fifty-nine", 59, "", true},
		{"en", "fifty nine", 59, "", true},
		{"en", "nearly 1,000", 1000, About, true},
		{"en", "up to 32", 32, UpTo, true},
		{"en", "$1.5 billion", 0, "", false},
		{"en", "1.5 billion", 1.5e9, "", true},
		{"en", "50 or more", 50, AtLeast, true},
		{"en", "the sixth", 0, "", false},
		{"en", "sixth", 6, "", true},
		{"en", "hello", 0, "", false},
		{"en", "", 0, "", false},
		{"ru", "5 часов", 5, "", true},
		{"ru", "пять часов", 5, "", true},
		{"ru", "более пяти часов", 5, MoreThan, true},
		{"ru", "не менее 59", 59, AtLeast, true},
		{"ru", "1,5 млн", 1.5e6, "", true},
		{"ru", "1 500", 1500, "", true},
		{"ru", "около 20 тыс.", 20000, About, true},
		{"ru", "пятьдесят девять", 59, "", true},
		{"uk", "п'ять годин", 5, "", true},
		{"uk", "п’ять годин", 5, "", true},
		{"uk", "щонайменше 12", 12, AtLeast, true},
		{"uk", "понад 100", 100, MoreThan, true},
		{"de", "fünf Stunden", 5, "", true},
		{"de", "mindestens 59", 59, AtLeast, true},
		{"de", "mehr als 50", 50, MoreThan, true},
		{"de", "1.500", 1500, "", true},
		{"de", "2,5 Millionen", 2.5e6, "", true},
		{"de", "rund 20", 20, About, true},
		{"en", "three and a half", 3.5, "", true},
		{"en", "three-and-a-half", 3.5, "", true},
		{"en", "3½", 3.5, "", true},
		{"ru", "более трех с половиной", 3.5, MoreThan, true},
		{"uk", "три з половиною", 3.5, "", true},
		{"de", "dreieinhalb", 3.5, "", true},
		{"de", "mehr als 3,5", 3.5, MoreThan, true},
		{"ja", "5", 0, "", false},
		{"en", "1,50", 0, "", false},
		{"en", "007", 0, "", false},
	}
	for _, tt := range tests {
		v, q, ok := ParseFigure(tt.lang, tt.text)
		if ok != tt.ok || (ok && (v != tt.value || q != tt.qualifier)) {
			t.Errorf("ParseFigure(%s, %q) = %v, %q, %v; want %v, %q, %v", tt.lang, tt.text, v, q, ok, tt.value, tt.qualifier, tt.ok)
		}
	}
}

func FuzzParseFigure(f *testing.F) {
	for _, s := range []string{"at least 59", "1,5 млн", "п'ять годин", "mehr als 1.500", "40 to 50", "3-2", "0207 782", "fifty-nine", "99999999999999999999", "1 000 000 000 000 000 000",
		"Steve Witkoff met Vladimir Putin in the Kremlin on Tuesday.", "Стів Віткофф зустрівся з Путіним 2 грудня у Кремлі.",
		"Встреча состоится в четверг в Москве.", "Das Treffen fand am 2. Dezember im Kreml statt.", "Moldova's parliament voted on",
		"in in in on on Tuesday Tuesday met met", "«Putin» met „Trump“ in \"X\" on"} {
		f.Add("en", s)
		f.Add("ru", s)
		f.Add("de", s)
	}
	f.Fuzz(func(t *testing.T, lang, text string) {
		v, q, ok := ParseFigure(lang, text)
		if !ok && (v != 0 || q != "") {
			t.Fatalf("ParseFigure(%q, %q) = %v, %q, false", lang, text, v, q)
		}
		if ok && (v < 0 || v != v) {
			t.Fatalf("ParseFigure(%q, %q) = %v", lang, text, v)
		}
		// The whole extractor must not panic on the same text either.
		Extract(Doc{Language: lang, Text: text, Published: time.Date(2025, 7, 3, 0, 0, 0, 0, time.UTC)})
	})
}

// claimOf returns the subject, value and qualifier of the claims found in
// one sentence.
// claimsOf lists the figures and years of a text (the days and places of
// events are TestEventClaims').
func claimsOf(lang, text string) []string {
	var out []string
	for _, c := range Extract(Doc{Language: lang, Text: text, Published: time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC)}) {
		if c.Kind == KindDate || c.Kind == KindPlace {
			continue
		}
		s := c.Subject + "=" + figureText(c)
		if c.AttributedTo != "" {
			s += " @" + c.AttributedTo
		}
		out = append(out, s)
	}
	return out
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"toll after", "en", "At least 59 people were killed when a gunman opened fire on a crowd.", []string{"deaths=at least 59"}},
		{"toll before", "en", "The gunman killed 12 and wounded 40 before he was stopped.", []string{"deaths=12", "injured=40"}},
		{"toll attributed", "en", "Eleven people died in the blast, according to the regional governor.", []string{"deaths=11 @according to"}},
		{"named source", "en", "Talks with the envoy lasted five hours, Ushakov said.", []string{"hours=5 @Ushakov"}},
		{"according to name", "en", "The meeting lasted nearly five hours, according to the Kremlin.", []string{"hours=about 5 @Kremlin"}},
		{"part of toll", "en", "Two Chinese tourists were injured in the crash.", nil},
		{"one of the injured", "en", "One of the injured passengers spoke to reporters.", nil},
		{"range", "en", "Between 40 and 50 people were killed in the fighting.", nil},
		{"range to", "en", "Officials said 40 to 50 people were killed overnight.", nil},
		{"range dash", "en", "Some 40-50 people were injured in the collapse.", nil},
		{"score", "en", "The home side won 3-2 and two players were injured.", nil},
		{"stock price", "en", "Shares fell 12 percent after the company said 300 jobs would go.", nil},
		{"clock time", "en", "The talks began at 9 p.m. and lasted well into the night.", nil},
		{"hours not a duration", "en", "Within 24 hours of the meeting the envoy had left Moscow.", nil},
		{"hours ago", "en", "The talks ended two hours ago in the Kremlin.", nil},
		{"quoted", "en", "\"We lost 300 soldiers in one week,\" the commander said of the battle.", nil},
		{"table row", "en", "Florida club: 49 killed", nil},
		{"headline in the text", "en", "Seven killed as tram derails after speeding round a sharp bend", nil},
		{"title case headline", "en", "More Than 70 People Killed In Truck Attack In Nice, France, Officials Say", nil},
		{"long line without a period", "en", "A gunman killed more than 50 people at an open-air concert in Las Vegas, firing down on them from a hotel across the street", []string{"deaths=more than 50"}},
		{"other year", "en", "In 2016 an attack in the same city killed 86 people on the seafront.", nil},
		{"plan points", "en", "The envoy presented a 28-point plan to end the war.", []string{"points=28"}},
		{"points without a plan", "en", "The index rose 300 points on Tuesday as markets rallied.", nil},
		{"ordinal call", "en", "It was the sixth call between the two presidents this year.", []string{"calls=6"}},
		{"met times", "en", "The two leaders have met five times since January.", []string{"meetings=5"}},
		{"money", "en", "Broadcom raised its offer to $121 billion on Monday.", nil},
		{"money noun", "en", "Broadcom made a $121 billion offer on Monday to the chipmaker.", []string{"money: offer=121000000000"}},
		{"ru hours", "ru", "Переговоры в Кремле продолжались около пяти часов, сообщил Ушаков.", []string{"hours=about 5 @Ушаков"}},
		{"ru dash quote", "ru", "«Беседа длилась пять часов», — заявил журналистам Ушаков.", nil},
		{"ru toll", "ru", "В результате удара погибли 12 человек, еще 30 получили ранения.", []string{"deaths=12"}},
		{"ru clock", "ru", "Встреча началась в 17 часов по московскому времени.", nil},
		{"ru range", "ru", "Переговоры длились от четырех до пяти часов.", nil},
		{"uk hours", "uk", "Зустріч у Кремлі тривала майже п'ять годин, повідомили в Кремлі.", []string{"hours=about 5 @Кремлі"}},
		{"uk toll", "uk", "Унаслідок атаки загинули щонайменше 7 людей.", []string{"deaths=at least 7"}},
		{"uk clock", "uk", "Переговори почалися о 19 годині за київським часом.", nil},
		{"de hours", "de", "Das Treffen im Kreml dauerte fünf Stunden, sagte Uschakow.", []string{"hours=5 @Uschakow"}},
		{"de toll", "de", "Bei dem Angriff wurden mindestens 14 Menschen getötet.", []string{"deaths=at least 14"}},
		{"de quote", "de", "„Wir haben fünf Stunden gesprochen“, sagte der Berater nach dem Treffen.", nil},
		{"de guillemets", "de", "»Das Gespräch dauerte fünf Stunden«, sagte der Berater nach dem Treffen.", nil},
		{"de range", "de", "Zwischen 40 und 50 Menschen wurden bei dem Angriff verletzt.", nil},
		{"ru plan", "ru", "Американский мирный план из 28 пунктов обсуждался в Москве.", []string{"points=28"}},
		{"ru plan adjective", "ru", "Стороны обсудили 20-пунктный план урегулирования.", []string{"points=20"}},
		{"ru ordinal meeting", "ru", "Это была шестая встреча Путина и Уиткоффа.", []string{"meetings=6"}},
		{"ru ordinal times", "ru", "Уиткофф встречался с Путиным в шестой раз.", []string{"meetings=6"}},
		{"ru toll qualified", "ru", "При ударе погибли не менее 12 человек.", []string{"deaths=at least 12"}},
		{"ru five-hour talks", "ru", "После 5-часовых переговоров делегация уехала.", []string{"hours=5"}},
		{"uk plan", "uk", "Мирний план із 20 пунктів передали Києву.", []string{"points=20"}},
		{"uk ordinal", "uk", "Це була шоста зустріч спецпосланця з Путіним.", []string{"meetings=6"}},
		{"de plan compound", "de", "Der 28-Punkte-Plan wurde in Moskau besprochen.", []string{"points=28"}},
		{"de ordinal times", "de", "Witkoff traf Putin bereits zum sechsten Mal zu einem Treffen.", []string{"meetings=6"}},
		{"de toll before", "de", "Die Zahl der Toten stieg auf 14, teilte die Polizei mit.", []string{"deaths=14 @Polizei"}},
		{"en times met", "en", "Witkoff has met Putin five times this year.", []string{"meetings=5"}},
		{"day of a date", "en", "Shareholders will vote at the April 30 annual meeting in Dallas.", nil},
		{"day of a Russian date", "ru", "Встреча прошла 2 декабря и продолжалась пять часов.", []string{"hours=5"}},
		{"part of a name", "en", "Ministers gathered for the G-5 meeting in Washington on Friday.", nil},
		{"capitalised number word", "en", "Little came out of the Group of Seven meeting on Sunday.", nil},
		{"soldiers killed are a toll of a part", "en", "On Tuesday, 19 soldiers were killed in an ambush in the province.", nil},
		{"ru toll rose to", "ru", "Число погибших при ударе возросло до 15 человек.", []string{"deaths=15"}},
		{"ru collective numeral", "ru", "В результате обстрела погибли трое мирных жителей.", []string{"deaths=3"}},
		{"uk toll rose to", "uk", "Кількість загиблих унаслідок удару зросла до 9.", []string{"deaths=9"}},
		{"uk collective numeral", "uk", "Унаслідок обстрілу загинули троє людей.", []string{"deaths=3"}},
		{"en five-hour talks", "en", "After five-hour talks in the Kremlin the envoys flew home.", []string{"hours=5"}},
		{"ru compound hours", "ru", "После пятичасовых переговоров в Кремле делегация уехала.", []string{"hours=5"}},
		{"uk compound hours", "uk", "Після п'ятигодинних переговорів у Кремлі делегація поїхала.", []string{"hours=5"}},
		{"de compound hours", "de", "Nach dem fünfstündigen Gespräch im Kreml reisten die Gesandten ab.", []string{"hours=5"}},
		{"a ceasefire is no meeting", "en", "During the talks the sides agreed a 30-hour ceasefire.", nil},
		{"no compound without a subject", "de", "Die Fünfergruppe traf sich im Kreml zu einem Gespräch.", nil},
		{"ru one hour", "ru", "Разговор длился более часа.", []string{"hours=more than 1"}},
		{"uk one hour", "uk", "Розмова тривала понад годину.", []string{"hours=more than 1"}},
		{"de one hour", "de", "Das Telefonat dauerte fast eine Stunde.", []string{"hours=about 1"}},
		{"de one-hour compound", "de", "Nach dem fast einstündigen Telefonat reiste er ab.", []string{"hours=about 1"}},
		{"en one hour", "en", "The call lasted almost an hour.", []string{"hours=about 1"}},
		{"an hour later is a time", "en", "An hour later the talks resumed.", nil},
		{"a bare hour is no figure", "ru", "Переговоры шли час за часом.", nil},
		{"unsupported language", "ja", "At least 59 people were killed.", nil},
	}
	for _, tt := range tests {
		got := claimsOf(tt.lang, tt.text)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: claims of %q = %q, want %q", tt.name, tt.text, got, tt.want)
		}
	}
}

func doc(id, outlet, published, text string) Doc {
	t, err := time.Parse("2006-01-02 15:04", published)
	if err != nil {
		t, _ = time.Parse(time.DateOnly, published)
	}
	return Doc{ArticleID: id, Outlet: outlet, Published: t, Text: text, Language: "en"}
}

func verdicts(gs []Group) []string {
	var out []string
	for _, g := range gs {
		out = append(out, g.Subject+":"+g.Verdict)
	}
	return out
}

func TestAlign(t *testing.T) {
	tests := []struct {
		name string
		docs []Doc
		want []string
	}{
		{"toll rises over a day", []Doc{
			doc("a", "Wire A", "2017-10-02 08:00", "A gunman killed at least 20 people at a concert on Sunday night."),
			doc("b", "Paper B", "2017-10-02 14:00", "At least 50 people were killed at the concert, the police said."),
			doc("c", "Paper C", "2017-10-03 09:00", "The gunman killed 59 people at the open-air concert."),
		}, []string{"deaths:moved"}},
		{"same day, different tolls, later one lower", []Doc{
			doc("a", "Paper A", "2017-10-02 09:00", "The gunman killed 59 people at the open-air concert."),
			doc("b", "Paper B", "2017-10-02 15:00", "At least 50 people were killed at the concert."),
		}, []string{"deaths:differ"}},
		{"date only the same day", []Doc{
			doc("a", "Paper A", "2016-11-09", "At least five people are dead after a tram overturned."),
			doc("b", "Paper B", "2016-11-09", "Seven people have died after a tram overturned."),
		}, []string{"deaths:differ"}},
		{"agree", []Doc{
			doc("a", "Paper A", "2016-11-09", "Seven people have died after a tram overturned."),
			doc("b", "Paper B", "2016-11-10", "Seven people were killed when the tram came off the rails."),
		}, []string{"deaths:agree"}},
		{"about agrees with close figure", []Doc{
			doc("a", "Paper A", "2025-12-03 10:00", "The Kremlin talks lasted about five hours."),
			doc("b", "Paper B", "2025-12-03 11:00", "The Kremlin talks lasted five hours."),
		}, []string{"hours:agree"}},
		{"a bound and a figure within it agree on hours", []Doc{
			doc("a", "Paper A", "2025-12-03 10:00", "The Kremlin talks lasted more than four hours."),
			doc("b", "Paper B", "2025-12-03 11:00", "The Kremlin talks lasted five hours."),
		}, []string{"hours:agree"}},
		{"different lengths of the same talks differ", []Doc{
			doc("a", "Paper A", "2025-12-03 10:00", "The Kremlin talks lasted three hours."),
			doc("b", "Paper B", "2025-12-03 11:00", "The Kremlin talks lasted five hours."),
		}, []string{"hours:differ"}},
		{"attributed", []Doc{
			doc("a", "Paper A", "2025-12-03 10:00", "The talks in Moscow lasted five hours."),
			doc("b", "Paper B", "2025-12-03 11:00", "The talks in Moscow lasted five hours, according to the Kremlin."),
		}, []string{"hours:attributed"}},
		{"generic source is not a side", []Doc{
			doc("a", "Paper A", "2025-12-03 10:00", "Two people were injured in the collision."),
			doc("b", "Paper B", "2025-12-03 11:00", "Authorities say two people were injured in the collision."),
		}, []string{"injured:agree"}},
		{"one outlet only", []Doc{
			doc("a", "Paper A", "2025-12-03", "Two people were injured in the collision."),
		}, nil},
		{"undated copies differ: no verdict of time", []Doc{
			doc("a", "Paper A", "", "Seven people have died after a tram overturned."),
			doc("b", "Paper B", "", "Five people have died after a tram overturned."),
		}, nil},
		{"outlier counts another event", []Doc{
			doc("a", "Paper A", "2016-07-14 20:00", "At least 77 people were killed by the truck on the promenade."),
			doc("b", "Paper B", "2016-07-14 22:00", "At least 77 people were killed when the truck drove into the crowd."),
			doc("c", "Paper C", "2016-07-15 09:00", "The attack killed 130 people, the worst toll in memory of the city."),
		}, []string{"deaths:agree"}},
		{"headline corrected by the body is not read", []Doc{
			{ArticleID: "a", Outlet: "Paper A", Language: "en", Published: time.Date(2017, 10, 3, 0, 0, 0, 0, time.UTC), Text: "At least 59 people were killed at the concert."},
			{ArticleID: "b", Outlet: "Paper B", Language: "en", Published: time.Date(2017, 10, 3, 0, 0, 0, 0, time.UTC), Text: "At least 59 people were killed at the concert, the sheriff's office said."},
		}, []string{"deaths:agree"}},
	}
	for _, tt := range tests {
		got := verdicts(Align(tt.docs))
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s: verdicts %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestAlignAcrossLanguages: the length of one meeting told in four
// languages agrees; a report of the same day with another length differs.
func TestAlignAcrossLanguages(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2025, 12, 3, h, 0, 0, 0, time.UTC) }
	docs := []Doc{
		{ArticleID: "ru", Outlet: "RIA", Language: "ru", Published: at(8), Text: "Беседа в Кремле продолжалась пять часов, подтвердил Ушаков."},
		{ArticleID: "uk", Outlet: "UNIAN", Language: "uk", Published: at(9), Text: "За словами Ушакова, зустріч тривала близько п'яти годин."},
		{ArticleID: "de", Outlet: "Spiegel", Language: "de", Published: at(10), Text: "Das Treffen im Kreml dauerte rund fünf Stunden."},
		{ArticleID: "en", Outlet: "AFP", Language: "en", Published: at(11), Text: "The Kremlin talks lasted five hours, Ushakov told reporters."},
	}
	// Spiegel states as fact what RIA gives to Ushakov.
	if got := verdicts(Align(docs)); strings.Join(got, ",") != "hours:attributed" {
		t.Errorf("four languages: %q, want hours:attributed", got)
	}
	flat := []Doc{docs[2], {ArticleID: "ru2", Outlet: "RBC", Language: "ru", Published: at(9), Text: "Переговоры в Кремле длились почти пять часов."}}
	if got := verdicts(Align(flat)); strings.Join(got, ",") != "hours:agree" {
		t.Errorf("stated alike: %q, want hours:agree", got)
	}
	docs = append(docs[:1:1], Doc{ArticleID: "de2", Outlet: "Bild", Language: "de", Published: at(12), Text: "Das Treffen im Kreml dauerte drei Stunden."})
	if got := verdicts(Align(docs)); strings.Join(got, ",") != "hours:differ" {
		t.Errorf("five and three hours the same day: %q, want hours:differ", got)
	}
}

func TestInconsistentYear(t *testing.T) {
	base := []Doc{
		doc("a", "Paper A", "2025-07-03", "This was the sixth call between the two presidents since Trump returned to office earlier in 2023, the aide said."),
		doc("b", "Paper B", "2025-07-04", "Trump spoke with Putin by phone on Thursday for nearly an hour."),
	}
	gs := Align(base)
	if len(gs) != 1 || gs[0].Verdict != Inconsistent || gs[0].Claims[0].Value != 2023 || !strings.Contains(gs[0].Subject, "Trump returned to office") {
		t.Fatalf("groups %+v, want one inconsistent 2023", gs)
	}
	// Another report that names the year: no longer against every report.
	named := append(base[:2:2], doc("c", "Paper C", "2025-07-04", "The two first spoke in 2023 about a possible meeting."))
	if gs := Align(named); len(gs) != 0 {
		t.Errorf("with a report naming 2023: %q, want none", verdicts(gs))
	}
	// The right year, and a year the article told before: consistent.
	for _, text := range []string{
		"This was the sixth call since Trump returned to office earlier in 2025.",
		"Trump won the vote in 2023. He returned to office earlier in 2023, after the count.",
	} {
		if gs := Align([]Doc{doc("a", "Paper A", "2025-07-03", text), base[1]}); len(gs) != 0 {
			t.Errorf("%q: %q, want none", text, verdicts(gs))
		}
	}
	// Across a new year: written on 3 January 2024, 2023 is not wrong.
	if gs := Align([]Doc{doc("a", "Paper A", "2024-01-03", "The sixth call since Trump returned to office earlier in 2023 went on for an hour.")}); len(gs) != 0 {
		t.Errorf("new year: %q, want none", verdicts(gs))
	}
	// Russian: "в текущем 2023 году" in an article of 2025.
	ru := Doc{ArticleID: "r", Outlet: "RIA", Language: "ru", Published: time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC),
		Text: "Это уже шестая встреча сторон в текущем 2023 году, отметил собеседник агентства."}
	if gs := Align([]Doc{ru}); len(gs) != 1 || gs[0].Verdict != Inconsistent {
		t.Errorf("ru: %q, want inconsistent", verdicts(gs))
	}
}

// TestSeeds checks the storyline of the five seeds: the rewrite that
// puts Trump's return to office "earlier in 2023" (its own date is July
// 2025) is found inconsistent, and nothing else is reported as a
// difference.
func TestSeeds(t *testing.T) {
	var docs []Doc
	for _, s := range sharedtest.Seeds(t) {
		docs = append(docs, Doc{ArticleID: s.File, Outlet: s.File, Language: "en", Published: s.Published, Text: s.Text(t), StoryID: s.File})
	}
	var found bool
	for _, g := range Align(docs) {
		switch {
		case g.Verdict == Inconsistent && g.Claims[0].Value == 2023 && strings.HasPrefix(g.Claims[0].ArticleID, "003_"):
			found = true
		case g.Differs():
			t.Errorf("unexpected %s group %q: %s", g.Verdict, g.Subject, g.Reason)
		}
	}
	if !found {
		t.Error("the 2023 year of the 3 July seed was not found inconsistent")
	}
}

func TestScore(t *testing.T) {
	labels := []Label{
		{ID: "d", Event: "e1", Subject: "deaths", Verdict: Differ, URLs: []string{"u1", "u2", "u3"}},
		{ID: "m", Event: "e2", Subject: "hours", Verdict: Moved, URLs: []string{"v1", "v2"}},
		{ID: "a", Event: "e3", Subject: "injured", Verdict: Agree, URLs: []string{"w1", "w2"}},
	}
	claims := func(urls ...string) []Claim {
		var cs []Claim
		for _, u := range urls {
			cs = append(cs, Claim{URL: u})
		}
		return cs
	}
	found := []Group{
		{StoryID: "e1", Subject: "deaths", Verdict: Moved, Claims: claims("u1", "u3")},   // right group, wrong verdict
		{StoryID: "e3", Subject: "injured", Verdict: Differ, Claims: claims("w1", "w2")}, // labelled agree
		{StoryID: "e1", Subject: "injured", Verdict: Differ, Claims: claims("u1", "u2")}, // no such label
		{StoryID: "e2", Subject: "hours", Verdict: Agree, Claims: claims("v1", "v2")},    // agree: not a finding
	}
	r := Score(labels, found)
	if r.Found != 3 || r.TruePos != 1 || r.FalsePos != 2 || r.FalseNeg != 1 || r.Different != 2 || r.VerdictRight != 0 {
		t.Errorf("%+v", r)
	}
	if r.Precision != 1.0/3 || r.Recall != 0.5 {
		t.Errorf("precision %v recall %v", r.Precision, r.Recall)
	}
	for _, tt := range []struct {
		label, found string
		want         bool
	}{
		{"deaths", "deaths", true}, {"death toll", "deaths", true}, {"length of the talks", "hours", true},
		{"duration of the meeting in hours", "hours", true}, {"points of the peace plan", "points", true},
		{"people killed", "injured", false}, {"year: return to office", "year: Trump returned", true},
		{"money: offer", "money: bid", true}, {"something else", "deaths", true},
	} {
		if got := sameSubject(tt.label, tt.found); got != tt.want {
			t.Errorf("sameSubject(%q, %q) = %v", tt.label, tt.found, got)
		}
	}
	if _, err := ReadLabels([]byte(`{"groups":[{"id":"x","verdict":"maybe","urls":["a","b"]}]}`)); err == nil {
		t.Error("unknown verdict accepted")
	}
	if _, err := ReadLabels(NewsClustersLabels); err != nil {
		t.Errorf("built-in labels: %v", err)
	}
}
