package de

// German resources for recognising names (internal/entity). Written by
// hand for Parallax: facts of the language and of the world, not copied
// text. German capitalises every noun, so a capitalised word is a name
// only with evidence: a title before it, a known given name, a gazetteer
// form, or a word the text never uses as a common noun.

// NameTitles stand before a person's name ("Bundeskanzler Friedrich
// Merz", "Kremlchef Wladimir Putin", "US-Präsident Donald Trump").
const NameTitles = `präsident präsidenten präsidentin bundeskanzler bundeskanzlerin kanzler kanzlerin minister ministerin
außenminister außenministerin verteidigungsminister finanzminister innenminister ministerpräsident premierminister
premier regierungschef staatschef kremlchef kremlsprecher sprecher sprecherin berater beraterin sondergesandter
sondergesandten sondergesandte gesandter botschafter botschafterin vizepräsident vizepräsidenten generalsekretär
senator senatorin abgeordneter abgeordnete vorsitzende vorsitzender chef chefin generalstabschef general bürgermeister
gouverneur schwiegersohn unterhändler investor unternehmer außenamtschef papst könig königin prinz herr frau dr prof
us-präsident us-präsidenten us-außenminister us-vizepräsident us-sondergesandter us-sondergesandten`

// NameSpeechVerbs mark the word next to them as a speaker.
const NameSpeechVerbs = `sagte sagt erklärte erklärt betonte betont sprach schrieb teilte fügte warnte meinte kündigte bestätigte`

// NameGiven are given names met in German news (nominative), m or f.
const NameGiven = `m friedrich olaf wladimir wolodymyr donald jared steve steven marco emmanuel keir sergej dmitri dmitrij juri jurij kirill andrij
mychajlo alexander joe jd j.d. boris xi recep viktor karl hans peter klaus wolfgang michael thomas andreas stefan markus jens lars robert
f ursula angela annalena giorgia kaja maria anna claudia`

// NameGenitiveS: in German a name takes -s in the genitive ("Putins
// Sprecher", "Selenskyjs Büro"); the entity package strips it from a name
// the text or the gazetteer also knows without it.
const NameGenitiveS = "s"

// NamePlaces are places and organisations in their German spelling, by
// canonical English name, "|" between forms.
const NamePlaces = `Russia	Russland|Russlands
Ukraine	Ukraine|der Ukraine
United States	USA|Vereinigte Staaten|Vereinigten Staaten
United Kingdom	Großbritannien|Vereinigtes Königreich
Belarus	Weißrussland|Belarus
Germany	Deutschland|Deutschlands|Bundesrepublik
France	Frankreich
Italy	Italien
Spain	Spanien
Netherlands	Niederlande
Belgium	Belgien
Switzerland	Schweiz
Austria	Österreich
Hungary	Ungarn
Poland	Polen
Czech Republic	Tschechien
Turkey	Türkei
Greece	Griechenland
China	China|Volksrepublik China
Japan	Japan
Saudi Arabia	Saudi-Arabien
United Arab Emirates	Vereinigte Arabische Emirate|VAE
Kyiv	Kiew|Kyjiw
Kharkiv	Charkiw
Odesa	Odessa
Lviv	Lwiw
Dnipro	Dnipro
Zaporizhzhia	Saporischschja
Crimea	Krim
Moscow	Moskau
Warsaw	Warschau
Brussels	Brüssel
Geneva	Genf
Rome	Rom
Vienna	Wien
Europe	Europa
Kremlin	Kreml|Kremls
White House	Weißes Haus|Weißen Haus|Weißen Hauses
Oval Office	Oval Office
NATO	Nato
European Union	EU|Europäische Union|Europäischen Union
United Nations	Vereinte Nationen|Vereinten Nationen|UN|UNO
Verkhovna Rada	Werchowna Rada
Duma	Staatsduma`

// NameCommonCaps are capitalised German words that start names of no one:
// frequent nouns and sentence openers news text capitalises ("Treffen",
// "Stunden", "Gespräche"). The entity package also learns nouns from each
// text (a word after an article or adjective is a noun).
const NameCommonCaps = `treffen gespräch gespräche gesprächen stunden stunde tage tag woche wochen monat monate jahr jahre jahren
fünf vier drei zwei sechs sieben acht neun zehn krieg frieden friedensplan plan verhandlungen angaben zeit ende anfang
regierung seite seiten land länder welt frage fragen antwort ergebnis ergebnisse punkt punkte lage journalisten
sprecher präsident kanzler minister berater die der das den dem des ein eine einer eines einem einen im am vom zum zur
nach vor bei mit von aus für über unter auch aber doch noch nun dann denn wie wenn als ob dass weil während trotz laut
es er sie wir ihr ich man dies diese dieser dieses jene jener was wer wo wann warum montag dienstag mittwoch donnerstag
freitag samstag sonntag januar februar märz april mai juni juli august september oktober november dezember heute
gestern morgen bislang bisher zudem außerdem demnach damit daher deshalb dabei dazu hier dort später zuvor zunächst
nachdem bevor seit bis um ab gegen ohne durch sowie sondern weder entweder`
