package ru

// Resources for finding quotes in Russian text (package quote reads them).
// Words are lower case.

// QuoteGuillemetsReversed is false: Russian opens a quote with « and
// closes it with »; „…“ nests inside.
const QuoteGuillemetsReversed = false

// quoteVerbStems are speech verbs by their past-tense stem: each gives the
// past forms (stem+л, ла, ло, ли) and the perfective gerund (stem+в);
// QuoteSpeechInfinitives gives their infinitives.
var quoteVerbStems = []string{
	"заяви", "сказа", "отмети", "сообщи", "подчеркну", "добави", "поясни",
	"уточни", "рассказа", "написа", "ответи", "замети", "констатирова",
	"призна", "указа", "назва", "предупреди", "вырази", "напомни",
	"пообеща", "резюмирова", "прокомментирова", "объясни", "высказа",
	"повтори", "охарактеризова", "оцени", "завери", "утвержда", "говори",
	"заверя", "признава", "упомяну", "призва", "подытожи", "пожалова",
	"посетова", "возрази", "парирова", "сформулирова",
	"процитирова", "обеща", "допусти", "акцентирова", "анонсирова",
	"сообща", "отмеча", "заявля", "подчеркива", "подчёркива",
	"выступи", "пригрози", "предположи", "описа", "описыва", "объяви",
	"сообщи", "заключи", "высказыва",
	// Fuller aspect pairs: both aspects of the common verbs.
	"отреагирова", "подтверди", "подтвержда", "продолжи", "настаива",
	"настоя", "добавля", "уточня", "объясня", "поясня", "напомина",
	"указыва", "называ", "оценива", "замеча", "комментирова", "рассказыва",
	"обрати", "воскликну", "призыва", "предупрежда", "уверя", "опроверга",
	"отверга", "цитирова", "посоветова", "разъясни",
	"разъясня", "сетова", "провозгласи",
}

// quoteVerbForms are speech verbs in forms the stems do not give: present
// tense, reflexive and irregular past forms.
var quoteVerbForms = []string{
	"заявляет", "заявляют", "приводятся", "приводит", "цитирует", "говорит", "говорят", "отмечает", "отмечают",
	"подчеркивает", "подчёркивает", "утверждает", "утверждают", "пишет",
	"пишут", "сообщает", "сообщают", "поясняет", "уточняет", "рассказывает",
	"добавляет", "указывает", "признает", "признаёт", "считает", "полагает",
	"уверен", "уверена", "убежден", "убеждён", "убеждена", "подытожил",
	"поделился", "поделилась", "пожаловался", "пожаловалась", "сослался",
	"отрезал", "отрезала", "возразил", "возразила", "сказано",
	"говорится", "добавив", "отметив", "подчеркнув", "сказав", "заявив",
	"пояснив", "уточнив", "напомнив", "признав", "указав", "назвав",
	// Reflexive, irregular and present forms, imperfective gerunds.
	"сославшись", "ссылаясь", "сослалась", "сослались", "опроверг",
	"опровергла", "опровергли", "подчеркнула", "признался", "призналась",
	"добавляют", "уточняют", "напоминает", "констатирует", "объясняет",
	"признается", "признаётся", "уверяет", "настаивает", "призывает",
	"предупреждает", "заверяет", "резюмирует", "подтверждает", "называет",
	"оценивает", "замечает", "комментирует", "рассказывают", "считают",
	"заявляя", "отмечая", "подчеркивая", "подчёркивая", "говоря",
	"утверждая", "добавляя", "поясняя", "называя", "уточняя", "напоминая",
	"указывая", "объясняя", "признавая", "предупреждая",
}

// QuoteSpeechVerbs returns every form of the Russian speech verbs Parallax
// knows: "заявил", "заявила", "заявили", "заявив", "заявляет", ….
func QuoteSpeechVerbs() []string {
	out := append([]string(nil), quoteVerbForms...)
	for _, s := range quoteVerbStems {
		out = append(out, s+"л", s+"ла", s+"ло", s+"ли", s+"в")
	}
	return out
}

// QuoteAfterOnlyCues act as speech verbs only right after a quote.
var QuoteAfterOnlyCues = []string{"цитирует", "пишет", "передает", "передаёт", "сообщает"}

// QuoteAccordingTo open a phrase naming the source right after them
// ("по словам Ушакова, …").
var QuoteAccordingTo = []string{"по словам", "по мнению", "со слов", "по утверждению", "по оценке", "по заявлению", "по данным", "по информации", "согласно информации", "согласно данным"}

// QuoteAccordingToPronoun name the source by a possessive pronoun, with its
// gender ("m", "f", "p").
var QuoteAccordingToPronoun = map[string]string{
	"по его словам": "m", "по ее словам": "f", "по её словам": "f", "по их словам": "p",
	"по его мнению": "m", "по ее мнению": "f", "по её мнению": "f", "по их мнению": "p",
	"по его оценке": "m", "по ее оценке": "f", "по её оценке": "f", "по их оценке": "p",
}

// QuoteAccordingAfter follow the source they name; Russian has none in use.
var QuoteAccordingAfter = []string{}

// QuotePronouns are subject pronouns with their gender.
var QuotePronouns = map[string]string{"он": "m", "она": "f", "они": "p"}

// QuoteRoles are the stems of titles and roles that stand before a name
// ("помощник президента Юрий Ушаков") or stand for one ("пресс-секретарь
// Кремля"). A word is a role when it starts with one of them.
var QuoteRoles = []string{
	"президент", "вице-президент", "помощник", "помощниц", "глав", "министр",
	"замминистр", "пресс-секретар", "спецпосланник", "спецпредставител",
	"посланник", "представител", "советник", "премьер", "канцлер", "лидер",
	"посол", "депутат", "сенатор", "госсекретар", "генсек", "генеральн",
	"секретар", "директор", "руководител", "председател", "спикер",
	"губернатор", "мэр", "командующ", "начальник", "официальн", "дипломат",
	"политик", "эксперт", "аналитик", "политолог",
	"зять", "король", "королев", "принц", "папа", "патриарх", "судья",
	"прокурор", "адвокат", "сотрудник", "чиновник", "источник", "собеседник",
	"замглав", "заместител", "зампред", "вице-премьер", "вице-спикер",
	"агентств", "издани", "газет", "телеканал",
}

// QuotePrepositions govern the name that follows them: a name after one is
// not a speaker ("в Кремле", "с Путиным").
var QuotePrepositions = []string{
	"в", "во", "на", "с", "со", "у", "к", "ко", "о", "об", "обо", "от", "до",
	"из", "за", "по", "при", "про", "для", "без", "над", "под", "перед",
	"через", "между", "среди", "после", "около", "вокруг", "против", "кроме",
	"помимо", "вместо", "ради", "вслед", "согласно", "благодаря",
}

// QuoteFunctionWords open sentences in capitals without naming anyone.
var QuoteFunctionWords = []string{
	"как", "и", "а", "но", "однако", "также", "так", "это", "этот", "эта",
	"эти", "этом", "том", "тот", "та", "те", "тем", "если", "когда", "хотя",
	"поэтому", "именно", "сейчас", "сегодня", "вчера", "ранее", "позднее",
	"затем", "потом", "кроме", "помимо", "вместе", "тогда", "впрочем",
	"позже", "вскоре", "впоследствии", "накануне", "сначала", "итак", "теперь", "ныне",
	"кстати", "наконец", "вместе", "еще", "ещё", "уже", "его", "ее", "её",
	"их", "мы", "я", "вы", "ты", "что", "чтобы", "где", "там", "здесь",
	"по", "при", "после", "во", "в", "на", "с", "о", "об", "не", "ни",
	"все", "всё", "весь", "вся", "никто", "ничего", "кто", "который",
	"которая", "которые", "такой", "такая", "такие", "очень", "лишь",
	"только", "даже", "при", "этого", "этой", "этих", "свою", "свой",
	"своих", "таким", "такого", "этим", "этому", "россия", "украина",
}

// QuoteThisPhrases point back at the quote just before them in a sentence
// of their own ("Об этом заявил Ушаков.").
var QuoteThisPhrases = []string{"об этом", "это", "так", "такое мнение", "такое заявление", "об этом же"}

// QuoteTitleNouns are (stems of) words that name a newspaper, channel,
// party or operation: marks right after them enclose a title, not a quote
// ("газета «Коммерсантъ»").
var QuoteTitleNouns = []string{
	"соцсет", "платформ", // "в соцсети «Х»"
	"интервью", "эфир", // "в интервью «Первому каналу»": an outlet
	"газет", "издани", "агентств", "телеканал", "канал", "радиостанц",
	"компани", "концерн", "парти", "журнал", "фонд", "программ", "операци",
	"проект", "движени", "сайт", "портал", "телеграм", "telegram",
	"мессенджер", "объединени", "групп", "организаци", "банк", "завод",
	"корпораци", "холдинг", "фильм", "книг", "передач", "шоу", "форум",
	"комплекс", "систем", "ракет", "самолет", "самолёт", "корабл", "крейсер",
	"подлодк", "ток-шоу", "проекта", "сервис", "приложени", "лагер",
	"формат", "соглашени", "договор", "план", "стратеги", "доктрин",
	"надпис", "лозунг", "слоган", "хештег", "хэштег", "заголов", "названи",
}

// QuoteRoleComplementEndings end a name in the genitive: a single name with
// one of these right after a role is the role's complement, not the
// person ("помощник Путина", "зять Трампа").
var QuoteRoleComplementEndings = []string{"а", "я", "ого", "его", "и", "ы"}

// QuoteDeterminers stand before a noun; Russian has none.
var QuoteDeterminers = []string{}

// QuoteSoCalled are "so-called" words: marks right after them enclose a
// term, not speech. An entry ending in a period matches the whole word.
var QuoteSoCalled = []string{"н.", "называем", "именуем"}

// QuoteAdjectiveEndings end adjectives, which may stand between a
// preposition and the title or name it governs ("с российским министром").
var QuoteAdjectiveEndings = []string{"ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им", "ых", "их", "ую", "юю", "ыми", "ими"}

// QuoteSpeechInfinitives returns the infinitives of the speech verbs
// (stem+ть): "стал утверждать", "узявся стверджувати".
func QuoteSpeechInfinitives() []string {
	var out []string
	for _, s := range quoteVerbStems {
		out = append(out, s+"ть")
	}
	return out
}

// QuoteComplementizers open the reported clause after a speech verb and a
// comma: reported speech outside quotation marks.
var QuoteComplementizers = []string{"что"}

// QuoteAnonymousRoles are the QuoteRoles keys of unnamed sources: a quote
// attributed to one has the speaker "unnamed", never a person named
// elsewhere in the article.
var QuoteAnonymousRoles = []string{"источник", "собеседник"}

// QuoteGenericRoles are QuoteRoles keys of sources a text may leave
// unnamed ("американский чиновник"): a description with one is the person
// introduced with the same role, else nobody named.
var QuoteGenericRoles = []string{"чиновник", "сотрудник", "представител", "официальн"}

// QuoteUnnamedMarks before or in a description leave its source unnamed:
// "неназванный чиновник", "один из источников". An entry ending in a
// period matches the whole word, others start one.
var QuoteUnnamedMarks = []string{"неназванн", "анонимн", "один.", "одна.", "одно.", "некий.", "некая.", "некто."}

// QuotePlacePrepositions put an institution by its seat as a source:
// "в Кремле сообщили", "в Белом доме заявили".
var QuotePlacePrepositions = []string{"в", "во"}

// QuotePluralCueEndings end the impersonal plural forms of speech verbs,
// whose source may be a place standing for its institution.
var QuotePluralCueEndings = []string{"ли"}

// QuoteFeminineEndings and QuoteMasculineEndings end surnames of one
// gender: a pronoun ("она", "він") does not stand for a name of the
// other. A surname with neither (Шевченко) fits both.
var QuoteFeminineEndings = []string{"ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ая"}

// QuoteMasculineEndings: see QuoteFeminineEndings.
var QuoteMasculineEndings = []string{"ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ой", "ий"}

// QuoteObliqueEndings end names in an oblique case only (instrumental,
// dative, locative): such a name is no sentence's subject.
var QuoteObliqueEndings = []string{"ым", "им", "ом", "ем", "ому", "ему", "ой", "ою"}

// QuotePastEndings end past-tense verbs: a name right before one is its
// subject.
var QuotePastEndings = []string{"л", "ла", "ло", "ли", "лся", "лась", "лись"}
