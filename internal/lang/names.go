package lang

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Names across scripts and cases.
//
// NameKey folds every spelling of a name to one key: the scripts (Путин,
// Putin), the transliteration conventions (Zelensky, Zelenskyy, Zelenskiy,
// Selenskyj, Зеленский, Зеленський; Ushakov, Uschakow; Lavrov, Lawrow;
// Witkoff, Уиткофф, Віткофф) and the Russian and Ukrainian case endings of
// names (Путина, Путиным, Путіним → putin; Зеленского, Зеленському →
// selensk). It keeps the vowels, so Putin and Patton stay apart.
//
// NameSkeleton is coarser: the consonants of the key. English names written
// by ear in Cyrillic change their vowels (Trump → Трамп, Vance → Венс), and
// only the skeleton matches them; callers use it to join names of
// different scripts, never names of one script (Putin and Patton share a
// skeleton).
//
// NominativeName undoes the case endings of a Russian or Ukrainian name for
// display (Владимира Путина → Владимир Путин, Ушакова → Ушаков, Путіна →
// Путін) and leaves nominatives alone (Песков stays Песков).

// keyCyr maps lowercase Cyrillic to the Latin letters of the key: one
// table for both languages, every i-like letter i, е/є/э e, х h, ж sh.
var keyCyr = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'ґ': "g", 'д': "d", 'е': "e", 'ё': "e", 'є': "e", 'ж': "sh",
	'з': "z", 'и': "i", 'і': "i", 'ї': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "h", 'ц': "ts", 'ч': "ch", 'ш': "sh",
	'щ': "sh", 'ъ': "", 'ы': "i", 'ь': "", 'э': "e", 'ю': "iu", 'я': "ia", 'ў': "v",
}

// NameKey returns the cross-script key of a name: see the comment above.
// Words are kept in order, separated by single spaces; punctuation is
// dropped; a text with no letters gives "".
func NameKey(name string) string {
	nameKeys.mu.RLock()
	k, ok := nameKeys.m[name]
	nameKeys.mu.RUnlock()
	if ok {
		return k
	}
	k = nameKey(name)
	// Names are often slices of an article's text: a copy keeps the cache
	// from holding the text alive.
	name = strings.Clone(name)
	nameKeys.mu.Lock()
	if len(nameKeys.m) >= nameKeyCacheMax {
		clear(nameKeys.m)
	}
	nameKeys.m[name] = k
	nameKeys.mu.Unlock()
	return k
}

// nameKeys caches NameKey: the entity stages key the same names in article
// after article. It is safe for concurrent use and starts again when it
// holds nameKeyCacheMax names.
var nameKeys = struct {
	mu sync.RWMutex
	m  map[string]string
}{m: make(map[string]string, 1024)}

const nameKeyCacheMax = 1 << 16

// nameKey computes NameKey.
func nameKey(name string) string {
	var words []string
	for _, w := range splitName(name) {
		if k := wordKey(w); k != "" {
			words = append(words, k)
		}
	}
	return strings.Join(words, " ")
}

// NameSkeleton returns the consonants of NameKey, with the first letter of
// each word kept: Trump and Трамп → "trmp", Vance and Венс → "vns".
func NameSkeleton(name string) string {
	words := strings.Fields(NameKey(name))
	for i, w := range words {
		var b strings.Builder
		for k, r := range w {
			if k > 0 && strings.ContainsRune("aeiou", r) {
				continue
			}
			b.WriteRune(r)
		}
		words[i] = b.String()
	}
	return strings.Join(words, " ")
}

// splitName splits a name into lowercase words at spaces, hyphens and
// punctuation; apostrophes inside a word are dropped (O'Rourke → orourke,
// Ukrainian м'ясо), a final possessive 's too.
func splitName(name string) []string {
	name = strings.ToLower(name)
	var words []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			w := b.String()
			words = append(words, w)
			b.Reset()
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case (r == '\'' || r == '’' || r == 'ʼ') && i+1 < len(rs) && unicode.IsLetter(rs[i+1]):
			if rs[i+1] == 's' && (i+2 == len(rs) || !unicode.IsLetter(rs[i+2])) {
				flush() // possessive: "Putin's"
				return append(words, splitName(string(rs[i+2:]))...)
			}
		case unicode.Is(unicode.Mn, r):
		default:
			flush()
		}
	}
	flush()
	return words
}

// wordKey is NameKey of one lowercase word.
func wordKey(w string) string {
	if HasCyrillic(w) {
		w = cyrStem(w)
		var b strings.Builder
		rs := []rune(w)
		for i, r := range rs {
			// English W written by ear: Уиткофф, Уильям, Уэльс.
			if i == 0 && r == 'у' && len(rs) > 2 && strings.ContainsRune("иэо", rs[1]) {
				b.WriteString("v")
				continue
			}
			if r == 'д' && i+1 < len(rs) && rs[i+1] == 'ж' {
				b.WriteString("j")
				continue
			}
			if r == 'ж' && i > 0 && rs[i-1] == 'д' {
				continue
			}
			if s, ok := keyCyr[r]; ok {
				b.WriteString(s)
			} else {
				b.WriteString(stripMarks(r))
			}
		}
		w = b.String()
	} else {
		var b strings.Builder
		for _, r := range w {
			b.WriteString(strings.ToLower(stripMarks(r)))
		}
		w = b.String()
	}
	return latinKey(w)
}

// latinReplacements unify the Latin spellings of one sound, in order:
// German (sch, tsch, w, z), English (ph, ck, x, kh), Polish and Czech
// diacritics already stripped.
var latinReplacements = strings.NewReplacer(
	// Italian gi before a vowel is j (Giorgia, Джорджа).
	"gia", "ja", "gio", "jo", "giu", "ju",
	"tsch", "ch", "sch", "sh", "zh", "sh", "kh", "h", "ch", "h", "ph", "f", "ck", "k", "qu", "kv",
	"x", "ks", "w", "v", "tz", "s", "ts", "s", "z", "s", "dj", "j",
)

func latinKey(w string) string {
	w = latinReplacements.Replace(w)
	rs := []rune(w)
	var out []rune
	for i, r := range rs {
		switch r {
		case 'c':
			if i+1 < len(rs) && strings.ContainsRune("eiy", rs[i+1]) {
				r = 's'
			} else {
				r = 'k'
			}
		case 'y':
			r = 'i'
		case 'j':
			// A glide anywhere but first (Sergej, Selenskyj, Dmitrijew,
			// Podoljak); a consonant first (Jared, Джаред).
			if i > 0 {
				r = 'i'
			}
		}
		if r > 127 && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if len(out) > 0 && out[len(out)-1] == r && !unicode.IsDigit(r) {
			continue // doubled letters: Witkoff, Уиткофф, Rutte
		}
		out = append(out, r)
	}
	// Vowels at the end carry case and transliteration (Путина, Путіну,
	// Obama/Обамы, Yuri/Yurii, Sergei/Сергей): drop them while three
	// letters are left.
	n := len(out)
	for n > 3 && isVowel(out[n-1]) {
		n--
	}
	return string(out[:n])
}

func isVowel(r rune) bool { return strings.ContainsRune("aeiouy", r) }

// cyrStem removes the case endings of a lowercase Cyrillic name word that
// carry a consonant (instrumental -ом, -ем, -ым; adjectival -ого, -ому,
// -ским; feminine -ою); endings made of vowels and й are dropped later by
// the key's vowel rule. A stem keeps three letters at least.
func cyrStem(w string) string {
	rs := []rune(w)
	n := len(rs)
	has := func(suf string) bool {
		s := []rune(suf)
		if n-len(s) < 3 || n < len(s) {
			return false
		}
		return string(rs[n-len(s):]) == suf
	}
	for _, suf := range []string{"ого", "его", "ому", "ему", "ою", "ею"} {
		if has(suf) {
			return string(rs[:n-len([]rune(suf))])
		}
	}
	for _, suf := range []string{"ым", "им"} {
		// Путиным, Ушаковым, Зеленским, Путіним; not Максим, Вадим.
		if has(suf) && strings.ContainsRune("нвк", rs[n-3]) {
			return string(rs[:n-2])
		}
	}
	if has("ом") && !isCyrVowel(rs[n-3]) {
		return string(rs[:n-2])
	}
	if has("ем") && (isCyrVowel(rs[n-3]) || strings.ContainsRune("цжшчщй", rs[n-3])) {
		return string(rs[:n-2]) // Мерцем, Сергеем; not Артем
	}
	return w
}

func isCyrVowel(r rune) bool { return strings.ContainsRune("аеёиоуыэюяіїє", r) }

// NominativeName returns a Russian or Ukrainian name with the case endings
// of its words undone where the ending is unambiguous: surnames in
// -ов/-ев/-ин/-ін/-ын (Путина, Путиным, Ушакова, Путіним → Путин, Ушаков,
// Путін), adjectival surnames (Зеленского → Зеленский, Зеленського →
// Зеленський), instrumental and dative of names ending in a consonant
// (Трампом, Кушнеру, Владимиром → Трамп, Кушнер, Владимир). A nominative
// (Песков, Лавров, Обама) and any non-Cyrillic word are returned as they
// are; the first letter keeps its case.
func NominativeName(name, code string) string {
	words := strings.Fields(name)
	for i, w := range words {
		words[i] = nominativeWord(w, code)
	}
	return strings.Join(words, " ")
}

func nominativeWord(w, code string) string {
	if !HasCyrillic(w) {
		return w
	}
	rs := []rune(w)
	lw := []rune(strings.ToLower(w))
	n := len(lw)
	if n < 4 {
		return w
	}
	ends := func(suf string) bool { return strings.HasSuffix(string(lw), suf) }
	cut := func(k int, add string) string {
		return string(rs[:n-k]) + add
	}
	// Adjectival surnames.
	for _, s := range []string{"ського", "ському", "ським", "ськім"} {
		if ends(s) {
			return cut(utf8.RuneCountInString(s), "ський")
		}
	}
	for _, s := range []string{"ского", "скому", "ским", "ском"} {
		if ends(s) {
			if code == Ukrainian {
				return cut(utf8.RuneCountInString(s), "ський")
			}
			return cut(utf8.RuneCountInString(s), "ский")
		}
	}
	// Surnames with a possessive suffix: -ов, -ев, -ёв, -ин, -ын, -ін, -ів, -єв.
	for _, suf := range []string{"ым", "им", "ом", "ою", "ой", "ові", "ою", "а", "у", "е", "і", "ої", "ій"} {
		if !ends(suf) {
			continue
		}
		k := utf8.RuneCountInString(suf)
		stem := lw[:n-k]
		if len(stem) < 3 {
			continue
		}
		tail := string(stem[len(stem)-2:])
		switch tail {
		case "ов", "ев", "ёв", "ин", "ын", "ін", "ів", "єв", "їн":
			if suf == "ом" || suf == "ою" || suf == "ой" || suf == "ої" || suf == "ій" {
				continue // Ивановой is feminine; not undone
			}
			return cut(k, "")
		}
	}
	// Names ending in a consonant: instrumental, dative, genitive.
	for _, suf := range []string{"ом", "ем", "ові", "еві", "у", "ю", "а", "я"} {
		if !ends(suf) {
			continue
		}
		k := utf8.RuneCountInString(suf)
		stem := lw[:n-k]
		if len(stem) < 3 {
			continue
		}
		last := stem[len(stem)-1]
		if isCyrVowel(last) || last == 'ь' || last == 'й' {
			continue
		}
		switch suf {
		case "а", "я", "у", "ю":
			// Genitive and dative only where the stem ends in a consonant
			// cluster or a consonant that nominatives in -а rarely end on
			// before it: Трампа, Кушнера, Владимира, but not Обама, Москва.
			prev := stem[len(stem)-2]
			if !isCyrVowel(prev) && !strings.ContainsRune("нрлмтфсп", last) {
				continue
			}
			if strings.ContainsRune("мв", last) {
				continue
			}
			if suf == "я" || suf == "ю" {
				if last != 'л' {
					continue
				}
				return cut(k, "ь")
			}
		}
		return cut(k, "")
	}
	return w
}
