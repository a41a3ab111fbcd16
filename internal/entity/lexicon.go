package entity

import (
	_ "embed"
	"slices"
	"strings"
)

// The gazetteer and the given-name table: see the package doc for what they
// hold and why they are this small.

//go:embed gazetteer.tsv
var gazetteerTSV string

//go:embed names.tsv
var namesTSV string

// places_iso.tsv is generated from the ISO 3166 lists of the Debian
// iso-codes package (countries and first-level regions).
//
//go:generate go run gen_places.go -o places_iso.tsv

//go:embed places_iso.tsv
var placesISOTSV string

// isoPlaces maps the gazKey of an ISO 3166 country or region the
// hand-written gazetteer lacks to its entry. The English path uses it only
// for a whole capitalised run with no sign of a person (see isoPlace).
var isoPlaces = map[string]gazEntry{}

type gazEntry struct {
	kind, canonical string
	// acronym forms ("UN", "US", "AP") match only when written in capitals,
	// so "Kim Jong Un" and "Us" stay out.
	acronym bool
}

type givenName struct {
	canonical, gender string
}

var (
	// gazetteer maps a lowercased surface form (with "the " removed) to its entry.
	gazetteer = map[string]gazEntry{}
	// gazMaxWords is the longest gazetteer form, in words.
	gazMaxWords = 1
	// givenNames maps a folded given name to its canonical form and gender.
	givenNames = map[string]givenName{}
)

func init() {
	for _, line := range strings.Split(gazetteerTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			continue
		}
		e := gazEntry{kind: f[0], canonical: f[1]}
		forms := []string{f[1]}
		if len(f) > 2 && f[2] != "" {
			forms = append(forms, strings.Split(f[2], "|")...)
		}
		for _, form := range forms {
			k := gazKey(form)
			fe := e
			fe.acronym = strings.ToUpper(form) == form && len(strings.Fields(form)) == 1
			if have, dup := gazetteer[k]; !dup {
				gazetteer[k] = fe
			} else if have.acronym && !fe.acronym {
				have.acronym = false // "NATO" and "Nato": any case matches
				gazetteer[k] = have
			}
			if n := len(strings.Fields(k)); n > gazMaxWords {
				gazMaxWords = n
			}
		}
	}
	for _, line := range strings.Split(namesTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			continue
		}
		g := givenName{canonical: f[1], gender: f[0]}
		forms := []string{f[1]}
		if len(f) > 2 && f[2] != "" {
			forms = append(forms, strings.Split(f[2], "|")...)
		}
		for _, form := range forms {
			k := Fold(form)
			if _, dup := givenNames[k]; !dup {
				givenNames[k] = g
			}
		}
	}
	loadISOPlaces()
}

// loadISOPlaces fills isoPlaces, leaving out names the gazetteer has and
// one-word names that are common words, titles or given names ("Central",
// "Centre", "Victoria").
func loadISOPlaces() {
	for _, line := range strings.Split(placesISOTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			continue
		}
		// The name without diacritics is the canonical one, as English
		// news writes it (Herat, not Herāt).
		e := gazEntry{kind: f[0], canonical: f[len(f)-1]}
		if e.canonical == "" {
			e.canonical = f[1]
		}
		for _, form := range f[1:] {
			if form == "" {
				continue
			}
			k := gazKey(form)
			if _, known := gazetteer[k]; known {
				continue
			}
			if _, given := givenNames[Fold(form)]; given && !strings.Contains(k, " ") {
				continue
			}
			if !strings.Contains(k, " ") && (stopCaps[k] || compassWords[form] || adjectives[k] || personTitles[k] || orgHeads[k] || nonPersonEnds[k] || placeHeads[k] || genericPlaceWords[k]) {
				continue
			}
			isoPlaces[k] = e
			isoFirst[strings.Fields(form)[0]] = true
		}
	}
	for k := range gazetteer {
		if w := strings.Fields(k); len(w) > 2 && slices.Contains(w[1:len(w)-1], "and") {
			gazAndFirst = append(gazAndFirst, w[0])
		}
	}
	gazAndFirst = append(gazAndFirst, "the") // "The Globe and Mail"
}

// isoFirst holds the first word of every isoPlaces name as written
// (Herat, Nizhny): a cheap test before the key is built.
var isoFirst = map[string]bool{}

// gazAndFirst holds the first words of the gazetteer names with "and"
// inside (bosnia for Bosnia and Herzegovina), for gazAcross.
var gazAndFirst []string

// genericPlaceWords are region names that are also common words.
var genericPlaceWords = setOf(`centre center central capital coast coastal highlands lowlands lakes plains mountains islands island upper lower middle northern southern eastern western north south east west river valley border frontier interior`)

// gazKey is the gazetteer lookup form: lowercase, no leading "the", single
// spaces, curly apostrophes straightened.
func gazKey(s string) string {
	if k, ok := gazKeyASCII(s); ok {
		return k
	}
	return gazKeyRunes(s)
}

// gazKeyASCII is gazKey for ASCII text in one pass; ok is false when s
// has a byte outside ASCII.
func gazKeyASCII(s string) (string, bool) {
	var arr [64]byte
	out := arr[:0]
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return "", false
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			space = len(out) > 0
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			out = append(out, ' ')
			space = false
		}
		out = append(out, c)
	}
	if len(out) >= 4 && string(out[:4]) == "the " {
		out = out[4:]
	}
	return string(out), true
}

// gazKeyRunes is gazKey for any text.
func gazKeyRunes(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimPrefix(s, "the ")
}

// stopCaps are capitalised words that start sentences or headlines but never
// start a name.
var stopCaps = setOf(`unlike did does do doing done beyond now like even just had has have was were is are be been will would could should can may might must shall let lets please thanks yet instead perhaps maybe indeed still although whatever whoever meanwhile overall currently recently again later earlier once jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun am pm the a an and but or nor so yet for if as at by in on of to from with without into onto upon over under after before during since until while when where whether why how what which who whom whose that this these those there here then than though although because however moreover meanwhile nonetheless nevertheless despite following according also still even only just not no yes it its he she his her they them their we our us i me my you your mr speaking asked read more related comments similar news world follow partial transcript update updated breaking exclusive opinion analysis watch video photo photos live editor note reporting additional source sources story stories latest top share click subscribe sign advertisement on monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december today yesterday tomorrow both each every all some many most several few another other such one two three four five six seven eight nine ten first second third last next new big zoom what's why's of note our their`)

// personTitles are capitalised words that precede a person's name as a title
// or honorific. They are not part of the name.
var personTitles = setOf(`president vice prime minister foreign defense defence secretary state treasury chancellor governor gov. senator sen. rep. representative congressman congresswoman speaker leader majority minority chairman chairwoman chair chief director general attorney ambassador envoy special spokesman spokeswoman spokesperson press adviser advisor aide commander gen. lt. col. adm. maj. sgt. capt. mayor king queen prince princess crown pope patriarch judge justice mr. mrs. ms. dr. mr mrs ms dr sir dame lord lady deputy acting commissioner nominee candidate sheriff head security interior economy finance energy health trade commerce homeland intelligence senior former executive premier colonel captain sergeant major admiral marshal lieutenant sec. supreme prosecutor minister's first host anchor correspondent professor prof.`)

// honorifics carry gender and no title.
var honorifics = map[string]string{"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "dr.": "", "dr": "", "sir": "m", "dame": "f", "lord": "m", "lady": "f"}

// adjectives are nationality and party words that qualify a title
// ("Russian President", "U.S. Secretary of State") and are dropped from it.
var adjectives = setOf(`muslim christian jewish islamic catholic hispanic latino black white african asian arab u.s. us american russian ukrainian british french german chinese israeli iranian european western eastern polish turkish indian japanese korean north south saudi belarusian republican democratic democrat gop afghan australian italian canadian syrian iraqi mexican brazilian spanish dutch swedish belgian austrian swiss greek egyptian nigerian kenyan pakistani afghani vietnamese thai filipino indonesian malaysian taiwanese irish scottish welsh english georgian armenian azerbaijani kazakh lithuanian latvian estonian finnish norwegian danish hungarian romanian bulgarian serbian croatian czech slovak israeli palestinian lebanese jordanian yemeni libyan tunisian moroccan algerian sudanese somali ethiopian cuban venezuelan colombian argentine argentinian chilean peruvian then-president then former ex- kremlin ukraine's russia's us's america's white house top new`)

// nonPersonEnds end capitalised runs that name events, laws, days and
// places rather than people ("Labor Day", "Fifth Amendment", "Wall Street").
var nonPersonEnds = setOf(`debates debate talks elections election affairs relations games show shows podcast series magazine newspaper channel day days amendment amendments street avenue road act bill plan war wars summit agreement treaty accord conference convention forum games cup prize award awards festival week month year era museum hall park square bridge station airport river lake mountain island islands coast valley county district province region state city town village tower building center centre hotel stadium arena base program programme project report index poll survey rule rules law laws code doctrine strategy policy deal order coal oil gas bank`)

// orgHeads end organisation names.
var orgHeads = setOf(`conference district strategies partners associates consulting solutions holdings capital ventures communications research analytics institution party department ministry council committee agency union assembly news times post journal independent institute university college commission court senate house congress parliament army navy forces force bank fund company corp corp. inc inc. ltd group campaign foundation organization organisation office service services administration network press media review guard police bureau center centre association federation league alliance coalition movement front corps command club org school hospital weekly magazine gazette herald tribune airlines airways reserve exchange board authority tribunal cabinet government embassy mission caucus project initiative society watch international`)

// titleHeads end lowercase title phrases ("the vice president", "the
// Kremlin's foreign policy adviser").
var titleHeads = setOf(`president minister secretary adviser advisor aide envoy spokesman spokeswoman spokesperson leader senator governor chairman chairwoman chancellor ambassador director chief congressman congresswoman premier king mayor nominee candidate commander general negotiator diplomat official`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

var foldMap = map[rune]string{
	'á': "a", 'à': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a", 'ą': "a",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ę': "e", 'ě': "e",
	'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'ı': "i",
	'ó': "o", 'ò': "o", 'ô': "o", 'ö': "o", 'õ': "o", 'ø': "o", 'ő': "o",
	'ú': "u", 'ù': "u", 'û': "u", 'ü': "u", 'ů': "u", 'ű': "u",
	'ý': "y", 'ÿ': "y", 'ç': "c", 'č': "c", 'ć': "c", 'ñ': "n", 'ń': "n",
	'š': "s", 'ś': "s", 'ş': "s", 'ž': "z", 'ź': "z", 'ż': "z", 'ł': "l",
	'ř': "r", 'ğ': "g", 'đ': "d", 'ß': "ss",
}

// Fold returns the transliteration-insensitive key of a name: lowercase,
// diacritics removed, punctuation dropped, and in each word the endings that
// transliterations disagree on unified (-yy/-iy/-ii/-yi → -i, -ey → -ei,
// final -y → -i), so Zelensky, Zelenskyy and Zelenskiy share a key, as do
// Sergey/Sergei and Yuri/Yury/Yuriy. Kiev folds to kyiv.
func Fold(s string) string {
	if f, ok := foldASCII(s); ok {
		return f
	}
	return foldRunes(s)
}

// foldRunes is Fold for any text.
func foldRunes(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if f, ok := foldMap[r]; ok {
			b.WriteString(f)
			continue
		}
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r > 127 && r != '’' && r != '‘':
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '\t':
			b.WriteByte(' ')
		}
	}
	words := strings.Fields(b.String())
	for i, w := range words {
		words[i] = foldWord(w)
	}
	return strings.Join(words, " ")
}

// foldASCII is Fold for ASCII text, without its intermediate strings; ok
// is false when s has a byte outside ASCII.
func foldASCII(s string) (string, bool) {
	var arr [64]byte
	out := arr[:0]
	ws := -1 // start of the word being written, or -1 between words
	endWord := func() {
		if ws < 0 {
			return
		}
		out = foldWordBytes(out, ws)
		ws = -1
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return "", false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			if ws < 0 {
				if len(out) > 0 {
					out = append(out, ' ')
				}
				ws = len(out)
			}
			out = append(out, c)
		case c == ' ' || c == '-' || c == '\t':
			endWord()
		}
	}
	endWord()
	return string(out), true
}

// foldWordBytes applies foldWord to the word out[ws:].
func foldWordBytes(out []byte, ws int) []byte {
	w := out[ws:]
	n := len(w)
	switch {
	case string(w) == "kiev":
		w[1] = 'y'
		w[2] = 'i'
		w[3] = 'v'
	case n < 3:
	case w[n-2] == 'i' && (w[n-1] == 'y' || w[n-1] == 'i'), w[n-2] == 'y' && (w[n-1] == 'y' || w[n-1] == 'i'):
		out = out[:len(out)-1]
		out[len(out)-1] = 'i'
	case w[n-2] == 'e' && w[n-1] == 'y':
		w[n-1] = 'i'
	case w[n-1] == 'y':
		w[n-1] = 'i'
	}
	return out
}

func foldWord(w string) string {
	if w == "kiev" {
		return "kyiv"
	}
	if len(w) < 3 {
		return w
	}
	for _, suf := range []string{"iy", "yy", "ii", "yi"} {
		if strings.HasSuffix(w, suf) {
			return w[:len(w)-2] + "i"
		}
	}
	if strings.HasSuffix(w, "ey") {
		return w[:len(w)-2] + "ei"
	}
	if strings.HasSuffix(w, "y") {
		return w[:len(w)-1] + "i"
	}
	return w
}

// GivenNameGender returns "m" or "f" when word is a given name of the
// package's table that is nearly always that gender, else "".
func GivenNameGender(word string) string {
	if g, ok := givenNames[Fold(word)]; ok && (g.gender == "m" || g.gender == "f") {
		return g.gender
	}
	return ""
}
