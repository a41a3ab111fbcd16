package ru

// Russian resources for recognising names (internal/entity). Written by
// hand for Parallax: facts of the language and of the world (titles,
// given names, place names in their Russian spelling), not copied text.
// Every list is space- or line-separated lowercase words unless said
// otherwise; inflected forms are not listed where the entity package's
// case folding (lang.NameKey) reaches them.

// NameTitles are roles and titles that stand before a person's name
// ("президент Владимир Путин", "помощник президента Юрий Ушаков"): a
// capitalised word after one is a person.
const NameTitles = `президент президента президентом президенту премьер премьер-министр премьер-министра министр министра министром министру
помощник помощника помощником советник советника советником спецпосланник спецпосланника спецпосланником посланник посланника
пресс-секретарь пресс-секретаря представитель представителя официальный глава главы главой губернатор губернатора мэр мэра
канцлер канцлера госсекретарь госсекретаря генсек генсека генеральный директор директора председатель председателя
депутат депутата сенатор сенатора спикер спикера лидер лидера посол посла командующий командующего генерал генерала
вице-президент вице-президента зять зятя бизнесмен бизнесмена журналист журналиста эксперт эксперта политолог политолога
адвокат адвоката судья судьи прокурор прокурора патриарх патриарха король короля королева принц премьера
замминистра заместитель заместителя руководитель руководителя основатель основателя тренер тренера игрок игрока
писатель писателя певец певица актер актриса режиссер художник ученый профессор академик гроссмейстер чемпион чемпионка
господин госпожа г-н г-жа`

// NameSpeechVerbs mark the word next to them as a speaker, and so a person.
const NameSpeechVerbs = `заявил заявила сказал сказала отметил отметила сообщил сообщила подчеркнул подчеркнула добавил добавила
пояснил пояснила уточнил уточнила признал признала считает рассказал рассказала ответил ответила написал написала`

// NameGiven are common Russian given names (nominative), m or f; forms in
// other cases fold to them.
const NameGiven = `m александр алексей анатолий андрей антон аркадий арсений артем артём борис вадим валентин валерий василий виктор виталий владимир владислав вячеслав геннадий георгий герман глеб григорий даниил денис дмитрий евгений егор иван игорь илья кирилл константин лев леонид максим марат марк матвей михаил никита николай олег павел петр пётр роман руслан рамзан сергей станислав степан тимур федор фёдор эдуард юрий яков ярослав ахмат рустам джаред стив стивен дональд джо джозеф барак хиллари джордж билл марко эммануэль фридрих олаф ангела кир борис реджеп нурсултан мустафа
f анна алла алена алёна алина алла анастасия валентина валерия вера виктория галина дарья евгения екатерина елена елизавета жанна зоя инна ирина карина кира ксения лариса лидия любовь людмила маргарита марина мария надежда наталья наталия нина оксана ольга полина светлана софья софия тамара татьяна ульяна юлия яна урсула ангела джорджа хиллари мишель`

// NameOrgHeads are nouns that head an organisation's name or description
// ("мэрии Москвы", "движения «Солидарность»", "Исламского комитета").
const NameOrgHeads = `партия министерство правительство мэрия администрация компания корпорация концерн холдинг движение комитет совет суд
служба агентство банк фонд университет институт академия палата дума собрание союз федерация организация ассоциация клуб
команда сборная театр музей церковь парламент сенат конгресс посольство консульство министерства правительства мэрии
отдел управление департамент центр издание газета журнал телеканал радиостанция агентства партии компании корпорации
движения комитета совета суда службы банка фонда университета института академии палаты думы союза федерации
организации ассоциации клуба команды сборной театра музея церкви парламента сената конгресса посольства отдела управления
департамента центра издания газеты журнала телеканала кабинет миссия группа объединение общество фракция прокуратура полиция`

// NameLegalForms are the legal forms written before a company's quoted
// name ("ОАО «Газпром»").
const NameLegalForms = `ООО ОАО ЗАО АО ПАО НКО ФГУП ГУП МУП ИП НАО`

// NamePlaceHeads are nouns that follow a place's adjective ("Московской
// области", "Красносельском районе").
const NamePlaceHeads = `область области областью областей край края крае краем район района районе районом округ округа округе
республика республики республике море моря морe река реки реке озеро озера площадь площади улица улицы улице проспект
проспекта переулок шоссе бульвар побережье побережья побережье остров острова острове полуостров полуострова залив
залива пустыня горы реку рекой штат штата штате штату`

// NamePlaces are places and organisations in their Russian spelling, by
// canonical English name (as the entity gazetteer writes it), "|" between
// forms; other cases fold to the nominative through lang.NameKey.
const NamePlaces = `Russia	Россия|РФ|Российская Федерация|Российской Федерации
Donetsk People's Republic	ДНР
Luhansk People's Republic	ЛНР
Soviet Union	СССР|Советский Союз
Ukraine	Украина|Украины|Украине|Украину
United States	США|Соединенные Штаты|Соединённые Штаты|Америка|Соединенных Штатов
United Kingdom	Великобритания|Британия|Соединенное Королевство
Belarus	Белоруссия|Беларусь|Беларуси
Moldova	Молдавия|Молдова
Georgia	Грузия
Poland	Польша
Germany	Германия|ФРГ
France	Франция
Italy	Италия
Spain	Испания
Portugal	Португалия
Netherlands	Нидерланды|Голландия
Belgium	Бельгия
Switzerland	Швейцария
Austria	Австрия
Hungary	Венгрия
Romania	Румыния
Bulgaria	Болгария
Slovakia	Словакия
Czech Republic	Чехия
Lithuania	Литва
Latvia	Латвия
Estonia	Эстония
Finland	Финляндия
Sweden	Швеция
Norway	Норвегия
Denmark	Дания
Ireland	Ирландия
Greece	Греция
Turkey	Турция
Serbia	Сербия
Croatia	Хорватия
Kazakhstan	Казахстан
Armenia	Армения
Azerbaijan	Азербайджан
China	Китай|КНР
Japan	Япония
North Korea	КНДР|Северная Корея
South Korea	Южная Корея
India	Индия
Pakistan	Пакистан
Afghanistan	Афганистан
Iran	Иран
Iraq	Ирак
Syria	Сирия
Israel	Израиль
Lebanon	Ливан
Jordan	Иордания
Egypt	Египет
Saudi Arabia	Саудовская Аравия
Qatar	Катар
United Arab Emirates	ОАЭ|Объединенные Арабские Эмираты
Yemen	Йемен
Libya	Ливия
Canada	Канада
Mexico	Мексика
Cuba	Куба
Venezuela	Венесуэла
Brazil	Бразилия
Argentina	Аргентина
Colombia	Колумбия
Australia	Австралия
South Africa	ЮАР
Nigeria	Нигерия
Vietnam	Вьетнам
Indonesia	Индонезия
Philippines	Филиппины
Taiwan	Тайвань
Kyiv	Киев|Киеве|Киева
Kharkiv	Харьков
Odesa	Одесса
Lviv	Львов
Dnipro	Днепр
Zaporizhzhia	Запорожье
Donetsk	Донецк
Luhansk	Луганск
Kherson	Херсон
Crimea	Крым
Donbas	Донбасс
Sevastopol	Севастополь
Mariupol	Мариуполь
Kursk	Курск
Moscow	Москва
St. Petersburg	Санкт-Петербург|Петербург
Minsk	Минск
Washington	Вашингтон
New York	Нью-Йорк
London	Лондон
Paris	Париж
Berlin	Берлин
Brussels	Брюссель
Warsaw	Варшава
Geneva	Женева
Istanbul	Стамбул
Ankara	Анкара
Beijing	Пекин
Tehran	Тегеран
Riyadh	Эр-Рияд
Doha	Доха
Abu Dhabi	Абу-Даби
Alaska	Аляска
Anchorage	Анкоридж|Анкоридже
Gaza	Газа|сектор Газа
Europe	Европа
Asia	Азия
Africa	Африка
Middle East	Ближний Восток|Ближнем Востоке
Chicago	Чикаго
Los Angeles	Лос-Анджелес
Jerusalem	Иерусалим
Tokyo	Токио
Rome	Рим
Vienna	Вена
Tbilisi	Тбилиси
Yerevan	Ереван
Baku	Баку
Kremlin	Кремль
White House	Белый дом|Белого дома|Белом доме
Pentagon	Пентагон
Oval Office	Овальный кабинет|Овальном кабинете
NATO	НАТО
European Union	ЕС|Евросоюз|Европейский союз
United Nations	ООН
Verkhovna Rada	Верховная рада|Рада
Duma	Госдума|Государственная дума
Federal Bureau of Investigation	ФБР
Central Intelligence Agency	ЦРУ
Congress	Конгресс
TASS	ТАСС
RIA Novosti	РИА Новости
Interfax	Интерфакс
Gazprom	Газпром
Reuters	Рейтер|Рейтерс
Associated Press	Ассошиэйтед Пресс
Facebook	Фейсбук
Google	Гугл
Microsoft	Майкрософт`

// NameCommonAcronyms are capitalised abbreviations of common nouns, not
// names of organisations (СМИ "media", НДС "VAT").
const NameCommonAcronyms = `СМИ НДС ВВП ЖКХ ДТП ТЦ АЗС ФИО ИНН ЧП СНГ`

// NameStumpPrefixes begin compound names of Russian institutions
// (Минобороны, Росгвардия, Госдума, Мосгорсуд).
const NameStumpPrefixes = `мин рос гос энерго нефте`

// NameOrgMorphemes end or sit inside company names (Газпром, Сбербанк).
const NameOrgMorphemes = `банк пром газ нефть трейд инвест строй торг транс холдинг групп лизинг атом экспорт`

// NameStopCaps are words that open Russian sentences capitalised and never
// name anyone (Кроме, Тогда, Поэтому).
const NameStopCaps = `кроме тогда теперь поэтому также однако впрочем кстати именно сейчас ранее позднее затем итак зато причем притом помимо сам сама сами само там тут здесь было`
