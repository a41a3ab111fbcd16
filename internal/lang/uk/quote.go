package uk

// Resources for finding quotes in Ukrainian text (package quote reads
// them). Words are lower case.

// QuoteGuillemetsReversed is false: Ukrainian opens a quote with « and
// closes it with »; „…“ nests inside.
const QuoteGuillemetsReversed = false

// quoteVerbStems are speech verbs by their past-tense stem: each gives the
// past forms (stem+в, ла, ло, ли) and the gerund (stem+вши);
// QuoteSpeechInfinitives gives their infinitives.
var quoteVerbStems = []string{
	"заяви", "сказа", "зазначи", "повідоми", "наголоси", "підкресли", "дода",
	"поясни", "уточни", "розпові", "написа", "відпові", "зауважи", "визна",
	"вказа", "назва", "попереди", "нагада", "запевни", "вислови", "повтори",
	"оціни", "прокоментува", "резюмува", "констатува", "пообіця", "обіця",
	"говори", "стверджува", "закли", "поскаржи", "запевня", "згада",
	"процитува", "допусти", "анонсува", "підсумува", "пригрози", "заперечи",
	"відзначи", "розказа", "висловлюва", "припусти", "описа", "описува",
	"оголоси", "підтверди", "коментува",
	// Fuller aspect pairs: both aspects of the common verbs.
	"заклика", "відреагува", "продовжи", "наполяга", "уточнюва",
	"додава", "зазнача", "наголошува", "підкреслюва", "повідомля",
	"розповіда", "відзнача", "нагадува", "визнава", "заявля", "спростува",
	"переконува", "попереджа", "пояснюва", "підсумовува", "зауважува",
	"цитува", "вигукну",
}

// quoteVerbForms are speech verbs in forms the stems do not give: present
// tense and reflexive forms.
var quoteVerbForms = []string{
	"заявляє", "заявляють", "наводить", "наводяться", "цитує", "каже", "кажуть", "говорить", "говорять",
	"зазначає", "зазначають", "наголошує", "наголошують", "підкреслює",
	"пише", "пишуть", "повідомляє", "повідомляють", "додає", "пояснює",
	"стверджує", "стверджують", "вважає", "вважають", "переконаний",
	"переконана", "упевнений", "впевнений", "поділився", "поділилася",
	"поскаржився", "поскаржилася", "сказано", "йдеться", "ідеться",
	"казав", "казала", "казали", "розповідає", "визнає", "відповідає",
	// Reflexive and present forms, gerunds of both aspects.
	"пославшись", "посилаючись", "послався", "послалася", "послались",
	"уточнює", "нагадує", "констатує", "запевняє", "попереджає", "закликає",
	"переконує", "наполягає", "підтверджує", "називає", "коментує",
	"застеріг", "застерегла", "наголошуючи", "зазначаючи", "підкреслюючи",
	"кажучи", "заявляючи", "додаючи", "пояснюючи", "говорячи",
	"стверджуючи", "називаючи", "нагадуючи", "уточнюючи", "визнаючи",
	"додавши", "наголосивши", "зазначивши", "заявивши", "сказавши",
}

// QuoteSpeechVerbs returns every form of the Ukrainian speech verbs
// Parallax knows: "заявив", "заявила", "заявили", "заявивши", "заявляє", ….
func QuoteSpeechVerbs() []string {
	out := append([]string(nil), quoteVerbForms...)
	for _, s := range quoteVerbStems {
		out = append(out, s+"в", s+"ла", s+"ло", s+"ли", s+"вши")
	}
	return out
}

// QuoteAfterOnlyCues act as speech verbs only right after a quote.
var QuoteAfterOnlyCues = []string{"цитує", "пише", "передає", "повідомляє"}

// QuoteAccordingTo open a phrase naming the source right after them
// ("за словами Ушакова, …").
var QuoteAccordingTo = []string{"за словами", "на думку", "зі слів", "як стверджує", "за оцінкою", "за заявою", "за даними", "за інформацією", "згідно з інформацією", "згідно з даними"}

// QuoteAccordingToPronoun name the source by a possessive pronoun, with its
// gender ("m", "f", "p").
var QuoteAccordingToPronoun = map[string]string{
	"за його словами": "m", "за її словами": "f", "за їхніми словами": "p", "за їх словами": "p",
	"на його думку": "m", "на її думку": "f", "на їхню думку": "p", "на їх думку": "p",
	"з його слів": "m", "з її слів": "f",
}

// QuoteAccordingAfter follow the source they name; Ukrainian has none in use.
var QuoteAccordingAfter = []string{}

// QuotePronouns are subject pronouns with their gender.
var QuotePronouns = map[string]string{"він": "m", "вона": "f", "вони": "p"}

// QuoteRoles are the stems of titles and roles that stand before a name
// ("помічник президента Юрій Ушаков") or stand for one ("речник Кремля").
var QuoteRoles = []string{
	"президент", "віцепрезидент", "віце-президент", "помічник", "помічниц",
	"глав", "голов", "міністр", "речник", "речниц", "прессекретар",
	"пресс-секретар", "прес-секретар", "спецпосланець", "спецпосланц",
	"спецпосланник", "спецпредставник", "посланець", "посланц", "посланник",
	"представник", "радник", "радниц", "прем'єр", "премʼєр", "прем’єр",
	"канцлер", "лідер", "посол", "посл", "депутат", "нардеп", "сенатор",
	"держсекретар", "генсек", "генеральн", "секретар", "директор",
	"керівник", "очільник", "спікер", "губернатор", "командувач",
	"начальник", "посадов", "дипломат", "політик", "експерт", "аналітик",
	"політолог", "зять", "король", "принц",
	"папа", "патріарх", "суддя", "прокурор", "адвокат", "диктатор",
	"очільниц", "джерел", "співрозмовник",
	"заступник", "заступниц", "високопосадов", "чиновник", "віцепрем",
	"віце-прем", "агентств", "агенці", "видання", "газет", "телеканал",
}

// QuotePrepositions govern the name that follows them.
var QuotePrepositions = []string{
	"в", "у", "на", "з", "із", "зі", "зо", "до", "від", "за", "по", "при",
	"про", "для", "без", "над", "під", "перед", "через", "між", "серед",
	"після", "біля", "навколо", "проти", "крім", "замість", "заради",
	"згідно", "завдяки", "щодо", "о", "об", "к",
}

// QuoteFunctionWords open sentences in capitals without naming anyone.
var QuoteFunctionWords = []string{
	"як", "і", "й", "а", "та", "але", "однак", "проте", "також", "так",
	"це", "цей", "ця", "ці", "цьому", "тому", "той", "та", "ті", "тим",
	"якщо", "коли", "хоча", "саме", "зараз", "сьогодні", "вчора", "раніше",
	"пізніше", "потім", "крім", "разом", "тоді", "втім", "зрештою", "ще",
	"вже", "його", "її", "їх", "їхній", "ми", "я", "ви", "ти", "що", "щоб",
	"де", "там", "тут", "не", "ні", "всі", "все", "весь", "вся", "ніхто",
	"нічого", "хто", "який", "яка", "які", "такий", "така", "такі", "дуже",
	"лише", "тільки", "навіть", "цього", "цієї", "цих", "свою", "свій",
	"своїх", "водночас", "натомість", "зокрема", "нагадаємо", "отже",
	"згодом", "напередодні", "спершу", "загалом", "відтак", "наразі", "нині",
	"росія", "україна",
}

// QuoteThisPhrases point back at the quote just before them in a sentence
// of their own ("Про це заявив Ушаков.").
var QuoteThisPhrases = []string{"про це", "це", "так", "таку думку", "таку заяву", "про це ж"}

// QuoteTitleNouns are (stems of) words that name a newspaper, channel,
// party or operation: marks right after them enclose a title.
var QuoteTitleNouns = []string{
	"соцмереж", "мереж", "платформ", // "в соцсети «Х»"
	"інтерв'ю", "інтерв’ю", "інтервʼю", "ефір", // "в интервью «Первому каналу»": an outlet
	"газет", "видан", "агенц", "агентств", "телеканал", "канал",
	"радіостанц", "компан", "концерн", "парті", "журнал", "фонд",
	"програм", "операці", "проєкт", "проект", "рух", "сайт", "портал",
	"телеграм", "telegram", "месенджер", "об'єднан", "груп", "організац",
	"банк", "завод", "корпорац", "холдинг", "фільм", "книг", "передач",
	"шоу", "форум", "комплекс", "систем", "ракет", "літак", "корабл",
	"крейсер", "сервіс", "застосунк", "табір", "формат", "угод", "договір",
	"план", "стратегі", "доктрин", "марафон", "напис", "гасл", "слоган",
	"хештег", "заголов", "назвою",
}

// QuoteRoleComplementEndings end a name in the genitive: a single name with
// one of these right after a role is the role's complement, not the
// person ("радник Путіна", "зять Трампа").
var QuoteRoleComplementEndings = []string{"а", "я", "ого", "ього", "и", "і", "ї"}

// QuoteDeterminers stand before a noun; Ukrainian has none.
var QuoteDeterminers = []string{}

// QuoteSoCalled are "so-called" words: marks right after them enclose a
// term, not speech. An entry ending in a period matches the whole word.
var QuoteSoCalled = []string{"зв.", "зван", "іменован"}

// QuoteAdjectiveEndings end adjectives, which may stand between a
// preposition and the title or name it governs ("з російським міністром").
var QuoteAdjectiveEndings = []string{"ий", "ій", "ого", "ього", "ому", "ьому", "им", "ім", "их", "іх", "ої", "ими", "іми", "ою", "ею"}

// QuoteSpeechInfinitives returns the infinitives of the speech verbs
// (stem+ти): "стал утверждать", "узявся стверджувати".
func QuoteSpeechInfinitives() []string {
	var out []string
	for _, s := range quoteVerbStems {
		out = append(out, s+"ти")
	}
	return out
}

// QuoteComplementizers open the reported clause after a speech verb and a
// comma: reported speech outside quotation marks.
var QuoteComplementizers = []string{"що"}

// QuoteAnonymousRoles are the QuoteRoles keys of unnamed sources: a quote
// attributed to one has the speaker "unnamed", never a person named
// elsewhere in the article.
var QuoteAnonymousRoles = []string{"джерел", "співрозмовник"}

// QuoteGenericRoles are QuoteRoles keys of sources a text may leave
// unnamed ("американський високопосадовець"): a description with one is
// the person introduced with the same role, else nobody named.
var QuoteGenericRoles = []string{"посадов", "високопосадов", "чиновник", "представник"}

// QuoteUnnamedMarks before or in a description leave its source unnamed:
// "неназваний посадовець", "одне з джерел". An entry ending in a period
// matches the whole word, others start one.
var QuoteUnnamedMarks = []string{"неназван", "анонімн", "один.", "одна.", "одне.", "якийсь.", "якась."}

// QuotePlacePrepositions put an institution by its seat as a source:
// "у Кремлі заявили", "в ОП повідомили".
var QuotePlacePrepositions = []string{"в", "у"}

// QuotePluralCueEndings end the impersonal plural forms of speech verbs,
// whose source may be a place standing for its institution.
var QuotePluralCueEndings = []string{"ли"}

// QuoteFeminineEndings and QuoteMasculineEndings end surnames of one
// gender: a pronoun ("она", "він") does not stand for a name of the
// other. A surname with neither (Шевченко) fits both.
var QuoteFeminineEndings = []string{"ова", "ева", "іна", "їна", "ська", "цька"}

// QuoteMasculineEndings: see QuoteFeminineEndings.
var QuoteMasculineEndings = []string{"ов", "ев", "ін", "їн", "ський", "цький", "ий"}

// QuoteObliqueEndings end names in an oblique case only (instrumental,
// dative, locative): such a name is no sentence's subject.
var QuoteObliqueEndings = []string{"им", "ом", "ем", "ові", "еві", "ою", "ому", "ьому"}

// QuotePastEndings end past-tense verbs: a name right before one is its
// subject.
var QuotePastEndings = []string{"в", "ла", "ло", "ли", "вся", "лася", "лися"}
