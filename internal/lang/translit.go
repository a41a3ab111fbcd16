package lang

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Transliteration between Cyrillic and Latin script, for display and
// search: Russian and Ukrainian text to Latin letters the way English news
// spells names (a simplified BGN/PCGN: Путин → Putin, Ушаков → Ushakov,
// Зеленський → Zelenskyy, Київ → Kyiv), and Latin letters stripped of
// diacritics. The cross-script key every spelling of a name folds to is
// NameKey (names.go).

// ruLatin and ukLatin map lowercase Cyrillic letters to Latin. The two
// differ where the languages sound differently: Ukrainian г is h, и is y,
// і is i, є ye, ї yi; Russian г is g, и is i, ы is y, э is e.
var ruLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "zh", 'з': "z", 'и': "i",
	'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
	'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "",
	'э': "e", 'ю': "yu", 'я': "ya",
	// Ukrainian and Belarusian letters met in Russian-tagged text.
	'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g", 'ў': "w",
}

var ukLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d", 'е': "e", 'є': "ye", 'ж': "zh", 'з': "z",
	'и': "y", 'і': "i", 'ї': "yi", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p",
	'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ь': "", 'ю': "yu", 'я': "ya", '\'': "", '’': "", 'ʼ': "",
	// Russian letters met in Ukrainian-tagged text.
	'ё': "yo", 'ъ': "", 'ы': "y", 'э': "e",
}

// IsCyrillic reports whether r is a Cyrillic letter.
func IsCyrillic(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }

// HasCyrillic reports whether s holds a Cyrillic letter.
func HasCyrillic(s string) bool {
	for _, r := range s {
		if IsCyrillic(r) {
			return true
		}
	}
	return false
}

// Transliterate writes s in Latin letters: Cyrillic by the table of
// language code (Ukrainian for "uk", Russian for any other code), Latin
// letters without their diacritics (Selenskyj stays, Müller → Muller),
// other characters unchanged. Letter case is kept on the first letter of
// each transliterated group ("Щ" → "Shch").
func Transliterate(s, code string) string {
	table := ruLatin
	if code == Ukrainian {
		table = ukLatin
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		lr := unicode.ToLower(r)
		if lat, ok := table[lr]; ok && (IsCyrillic(lr) || code == Ukrainian && (lr == '\'' || lr == '’' || lr == 'ʼ')) {
			if lr != r && lat != "" {
				b.WriteString(strings.ToUpper(lat[:1]) + lat[1:])
			} else {
				b.WriteString(lat)
			}
			continue
		}
		if IsCyrillic(r) {
			b.WriteString(otherCyrillic(lr, lr != r))
			continue
		}
		b.WriteString(stripMarks(r))
	}
	return b.String()
}

// otherCyrillic transliterates the Cyrillic letters of neither table:
// Serbian and Macedonian letters, old letters, letters with marks (their
// base letter); letters with no Latin form are dropped.
func otherCyrillic(r rune, upper bool) string {
	out := ""
	switch r {
	case 'ј':
		out = "j"
	case 'љ':
		out = "lj"
	case 'њ':
		out = "nj"
	case 'ђ':
		out = "dj"
	case 'ћ':
		out = "c"
	case 'џ':
		out = "dz"
	case 'ѣ':
		out = "e"
	case 'ѳ':
		out = "f"
	case 'ѵ':
		out = "i"
	default:
		for _, c := range norm.NFD.String(string(r)) {
			if lat, ok := ruLatin[c]; ok {
				out = lat
				break
			}
		}
	}
	if upper && out != "" {
		return strings.ToUpper(out[:1]) + out[1:]
	}
	return out
}

// stripMarks returns r without its combining diacritics (é → e, ß → ss,
// ł → l), or r itself.
func stripMarks(r rune) string {
	if r < 128 {
		return string(r)
	}
	switch r {
	case 'ß':
		return "ss"
	case 'ł':
		return "l"
	case 'Ł':
		return "L"
	case 'ø':
		return "o"
	case 'Ø':
		return "O"
	case 'đ':
		return "d"
	case 'ı':
		return "i"
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	}
	if !unicode.IsLetter(r) {
		return string(r)
	}
	d := norm.NFD.String(string(r))
	var b strings.Builder
	for _, c := range d {
		if !unicode.Is(unicode.Mn, c) {
			b.WriteRune(c)
		}
	}
	if b.Len() == 0 {
		return string(r)
	}
	return b.String()
}
