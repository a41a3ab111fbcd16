package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// PhoneticKey folds one word of a name to a coarse key that its spellings
// in any script and case share, or "" when the word is too short to tell
// names apart; the clusterer matches names across languages with it.
// Coarser than NameKey (which keeps an entity's identity): Cyrillic case endings are cut (Путиным → Путин, Ушакова → Ушаков; a bare
// -ов or -ин is a surname, not an ending), the word is transliterated to
// Latin letters, and the Latin spelling is reduced to a consonant skeleton
// in which the letters that transliteration systems and languages render
// differently fall together (w/v/f, z/s/ts, sch/sh/zh, g/h, c/k): Witkoff,
// Уиткофф, Виткофф and Віткофф all give "ftkf"; Selenskyj, Zelensky and
// Зеленський give "slnsk". A leading vowel is kept as one mark.
func PhoneticKey(w string) string {
	if utf8.RuneCountInString(w) < 3 {
		return ""
	}
	w = strings.ToLower(w)
	cyr := false
	for _, r := range w {
		if unicode.Is(unicode.Cyrillic, r) {
			cyr = true
			break
		}
	}
	if cyr {
		w = latinOf(cutCaseEnding(w))
	} else {
		w = foldLatin(w)
	}
	k := skeleton(w)
	if len(k) >= 4 && k[len(k)-1] == 's' {
		// German and English genitives (Putins, Trumps, Selenskyjs).
		k = k[:len(k)-1]
	}
	if len(k) < 3 {
		return "" // too few letters to tell names apart (Kyiv, Rubio, US)
	}
	return k
}

// nameEndings are the case endings of Russian and Ukrainian nouns and
// adjectival surnames (Зеленского, Зеленським), longest first; a vowel
// ending needs no cutting because the skeleton drops vowels.
var nameEndings = []string{"ого", "ому", "ими", "ыми", "ами", "ями", "ові", "еві", "ым", "им", "ом", "ем", "ой", "ою", "ею", "ей", "ий", "ій", "ых", "их", "ах", "ях", "ам", "ям", "ь"}

func cutCaseEnding(w string) string {
	for _, e := range nameEndings {
		if strings.HasSuffix(w, e) && utf8.RuneCountInString(w)-utf8.RuneCountInString(e) >= 3 {
			return strings.TrimSuffix(w, e)
		}
	}
	return w
}

// cyrLatin transliterates Russian and Ukrainian letters for PhoneticKey (a
// simplified BGN/PCGN; the skeleton forgives the differences between
// systems).
var cyrLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'ґ': "g", 'д': "d", 'е': "e", 'ё': "e", 'є': "ye", 'ж': "zh", 'з': "z",
	'и': "i", 'і': "i", 'ї': "yi", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y",
	'ь': "", 'э': "e", 'ю': "yu", 'я': "ya", '\'': "", 'ʼ': "", '’': "",
}

func latinOf(w string) string {
	var b strings.Builder
	for i, r := range w {
		// У before a vowel at the start renders an English W (Уиткофф,
		// Уолтц, Уильям).
		if i == 0 && r == 'у' {
			if n, _ := utf8.DecodeRuneInString(w[len("у"):]); strings.ContainsRune("иоаэе", n) {
				b.WriteString("w")
				continue
			}
		}
		if s, ok := cyrLatin[r]; ok {
			b.WriteString(s)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// foldLatin strips diacritics of Latin letters (ü → u, ß → ss, š → sh).
func foldLatin(w string) string {
	var b strings.Builder
	for _, r := range w {
		switch r {
		case 'ä', 'à', 'á', 'â', 'ã', 'å', 'ą':
			b.WriteByte('a')
		case 'ö', 'ò', 'ó', 'ô', 'õ', 'ø':
			b.WriteByte('o')
		case 'ü', 'ù', 'ú', 'û', 'ů':
			b.WriteByte('u')
		case 'é', 'è', 'ê', 'ë', 'ě', 'ę':
			b.WriteByte('e')
		case 'í', 'ì', 'î', 'ï', 'ı':
			b.WriteByte('i')
		case 'ß':
			b.WriteString("ss")
		case 'š', 'ś':
			b.WriteString("sh")
		case 'ž', 'ż', 'ź':
			b.WriteString("zh")
		case 'č', 'ć', 'ç':
			b.WriteString("ch")
		case 'ł':
			b.WriteByte('l')
		case 'ñ', 'ń':
			b.WriteByte('n')
		case 'ř':
			b.WriteByte('r')
		case 'ý':
			b.WriteByte('y')
		case '\'', '’', '-':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// skeleton reduces a lower-case Latin spelling to its consonant classes.
func skeleton(w string) string {
	// Digraphs first, longest first: German tsch and sch, English and
	// BGN sh, ch, kh, zh, ts.
	for _, p := range [][2]string{
		{"shch", "x"}, {"tsch", "c"}, {"sch", "x"}, {"dzh", "g"}, {"sh", "x"}, {"zh", "x"}, {"ch", "c"},
		{"kh", "k"}, {"ts", "s"}, {"tz", "s"}, {"ck", "k"}, {"ph", "f"}, {"th", "t"}, {"qu", "kv"},
	} {
		w = strings.ReplaceAll(w, p[0], p[1])
	}
	var b strings.Builder
	var last byte
	for i := 0; i < len(w); i++ {
		ch := w[i]
		var k byte
		switch ch {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'j':
			if i == 0 {
				k = 'a' // a leading vowel is kept as one mark
			}
		case 'w', 'v', 'f':
			k = 'f'
		case 'z', 's':
			k = 's'
		case 'c':
			if i+1 < len(w) && strings.IndexByte("eiy", w[i+1]) >= 0 {
				k = 's'
			} else {
				k = 'k'
			}
		case 'q', 'k':
			k = 'k'
		case 'g', 'h':
			k = 'g'
		case 'x':
			k = 'x'
		case 'b', 'd', 'l', 'm', 'n', 'p', 'r', 't':
			k = ch
		default:
			if ch >= 0x80 {
				// A letter of another script: the word is kept as it is,
				// which only matches the same spelling.
				return w
			}
		}
		if k != 0 && k != last {
			b.WriteByte(k)
		}
		if k != 0 {
			last = k
		}
	}
	return b.String()
}
