package cluster

import (
	"maps"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/french"
	"github.com/kljensen/snowball/russian"
	"github.com/kljensen/snowball/spanish"
)

// token is one word of a text after folding.
type token struct {
	word string // lower-cased surface form
	cap  bool   // started with an upper-case letter
	// start is true for the first word of a sentence or line.
	start bool
}

// tokenize splits text into Unicode letter/digit runs (an apostrophe or
// hyphen between letters stays inside the word), lower-cased, marking
// capitalised words and sentence starts. It stops after max words (0 for
// no limit).
func tokenize(text string, max int) []token {
	var out []token
	start := true
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			switch r {
			case '.', '!', '?', '\n', ':', ';', '"', '“', '”', '|', '—', '–':
				start = true
			}
			i += size
			continue
		}
		j := i
		simple := true
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
				if r2 >= utf8.RuneSelf || ('A' <= r2 && r2 <= 'Z') {
					simple = false
				}
				j += s2
				continue
			}
			if r2 == '\'' || r2 == '’' || r2 == '-' {
				r3, _ := utf8.DecodeRuneInString(text[j+s2:])
				if j+s2 < len(text) && unicode.IsLetter(r3) {
					simple = false
					j += s2
					continue
				}
			}
			break
		}
		w := text[i:j]
		t := token{start: start, cap: unicode.IsUpper(r)}
		if simple {
			t.word = w
		} else {
			t.word = foldWord(w)
		}
		out = append(out, t)
		start = false
		i = j
		if max > 0 && len(out) >= max {
			break
		}
	}
	return out
}

func foldWord(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		if r == '’' {
			r = '\''
		}
		b.WriteRune(unicode.ToLower(r))
	}
	s := b.String()
	// Possessive and contracted endings carry no topic.
	for _, suf := range []string{"'s", "'"} {
		s = strings.TrimSuffix(s, suf)
	}
	return s
}

// Languages with stopword lists and, where the snowball module has one, a
// stemmer. Unknown languages get neither: words are compared as folded.
const (
	langEN = "en"
	langDE = "de"
	langFR = "fr"
	langES = "es"
	langRU = "ru"
	langUK = "uk"
)

// stopwords are short lists written for this project: function words and
// the reporting verbs every news article uses.
var stopwords = map[string]map[string]struct{}{
	langEN: set(`a about above after again against all also am an and any are aren't as at be because been before being
below between both but by can could did do does doing don't down during each few for from further had has have having he her
here hers herself him himself his how i if in into is isn't it its itself just let me more most much my myself no nor not now
of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up upon very was wasn't we were what when where which
while who whom why will with won't would you your yours yourself yourselves said says say saying told tell according
one two three new also year years week weeks day days time times last first next just like get got make made may might must
mr mrs ms dr people since still yet even though however around across within without back well via per its it's
image images photo photos caption copyright reuters ap afp advertisement share read more click here sign subscribe
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec`),
	langDE: set(`aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei bin bis bist da damit dann
das dass dein deine dem den der des dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem einen
einer eines er es etwas euch euer für gegen gewesen hab habe haben hat hatte hier hin hinter ich ihm ihn ihnen ihr ihre im in
indem ins ist jede jedem jeden jeder jedes jetzt kann kein keine können machen man manche mein mich mir mit muss nach nicht
nichts noch nun nur ob oder ohne sehr sein seine sich sie sind so solche soll sondern sonst über um und uns unser unter viel
vom von vor während war waren warum was weil welche wenn wer werden wie wieder will wir wird wo wollen würde zu zum zur zwar
zwischen sagte sagt laut jahr jahre heute gestern`),
	langFR: set(`au aux avec ce ces cet cette dans de des du elle elles en est et être eu il ils je la le les leur leurs lui ma
mais me même mes moi mon ne nos notre nous on ont ou où par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une
vos votre vous été était sont plus selon a dit déclaré an ans après avant aussi comme entre`),
	langES: set(`a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el ella ellas ellos en
entre era es esa ese eso esta este esto estos fue ha han hasta hay la las le les lo los más me mi muy ni no nos o otra otro
para pero por que quien se ser si sin sobre su sus también te tiene todo tras un una uno unos y ya dijo según año años`),
	langRU: set(`и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от
меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом
себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж
тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех
никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя
впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между заявил сообщил также
года году это`),
	langUK: set(`і й та в у на з із зі до від за про по для не що це як але а або чи він вона воно вони ми ви я ти його її їх
їм нам вам був була було були є бути буде який яка яке які цей ця ці той та те також вже ще так тому коли де там тут після
через під над між при без щоб ніж лише тільки усі все всі свій своє своя свої заявив повідомив року році`),
}

func set(words string) map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range strings.Fields(words) {
		m[w] = struct{}{}
	}
	return m
}

var langOrder = []string{langEN, langDE, langFR, langES, langRU, langUK}

// stopLangs maps each stopword to the set of languages (bit i for
// langOrder[i]) whose list holds it.
var stopLangs = func() map[string]uint8 {
	m := map[string]uint8{}
	for i, lang := range langOrder {
		for w := range stopwords[lang] {
			m[w] |= 1 << i
		}
	}
	return m
}()

// guessLanguage picks the language whose stopwords are most frequent among
// the first words of a text, or "" when none stands out.
func guessLanguage(toks []token) string {
	cyr := 0
	n := min(len(toks), 200)
	var counts [8]int
	for _, t := range toks[:n] {
		r, _ := utf8.DecodeRuneInString(t.word)
		if r >= 0x400 && unicode.Is(unicode.Cyrillic, r) {
			cyr++
		}
		if bits, ok := stopLangs[t.word]; ok {
			for i := range langOrder {
				if bits&(1<<i) != 0 {
					counts[i]++
				}
			}
		}
	}
	best, bestN := "", 0
	for i, lang := range langOrder {
		c := counts[i]
		if lang == langRU || lang == langUK {
			if cyr*2 < n {
				continue
			}
		} else if cyr*2 >= n && n > 0 {
			continue
		}
		if c > bestN {
			best, bestN = lang, c
		}
	}
	if bestN < 2 && n >= 10 {
		return ""
	}
	return best
}

func normLang(l string) string {
	l = strings.ToLower(l)
	if i := strings.IndexAny(l, "-_"); i > 0 {
		l = l[:i]
	}
	if _, ok := stopwords[l]; ok {
		return l
	}
	return ""
}

// stemmer folds words to stems, caching results; it is not safe for
// concurrent use.
type stemmer struct {
	cache map[string]map[string]string // language -> word -> stem
	size  int
}

const stemCacheMax = 1 << 18

func (s *stemmer) stem(lang, w string) string {
	switch lang {
	case langEN, langFR, langES, langRU, langUK:
	default:
		return w
	}
	m := s.cache[lang]
	if st, ok := m[w]; ok {
		return st
	}
	if s.cache == nil || s.size >= stemCacheMax {
		s.cache = make(map[string]map[string]string)
		s.size = 0
	}
	if m = s.cache[lang]; m == nil {
		m = make(map[string]string, 1024)
		s.cache[lang] = m
	}
	var st string
	switch lang {
	case langEN:
		st = english.Stem(w, false)
	case langFR:
		st = french.Stem(w, false)
	case langES:
		st = spanish.Stem(w, false)
	case langRU, langUK:
		st = russian.Stem(w, false)
	}
	if st == "" {
		st = w
	}
	m[w] = st
	s.size++
	return st
}

// isStop reports whether w is a stopword in lang, or (for unknown
// languages) in English, the lingua franca of debris.
func isStop(lang, w string) bool {
	sw := stopwords[lang]
	if sw == nil {
		sw = stopwords[langEN]
	}
	_, ok := sw[w]
	return ok
}

// slugWords returns the words of the slugs of an article URL: the path
// segments and query values that read as a phrase of at least three words
// joined by '-', '_' or '+' ("kim-offers-olympics-talks.html"), lower-cased,
// with numbers and file extensions left out. Section names ("world",
// "technology") and IDs are no slug.
func slugWords(raw string) []string {
	if raw == "" || len(raw) > 2048 {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil
	}
	parts := strings.Split(u.Path, "/")
	q := u.Query()
	// Query values in key order: the words' order decides the article's
	// term order, and a map's order changes from run to run.
	for _, k := range slices.Sorted(maps.Keys(q)) {
		parts = append(parts, q[k]...)
	}
	var out []string
	for _, seg := range parts {
		if i := strings.LastIndexByte(seg, '.'); i > 0 && len(seg)-i <= 5 {
			seg = seg[:i] // .html, .php, .amp
		}
		words := strings.FieldsFunc(strings.ToLower(seg), func(r rune) bool {
			return r == '-' || r == '_' || r == '+' || r == ' ' || r == '.' || r == ','
		})
		var keep []string
		for _, w := range words {
			if isWord(w) {
				keep = append(keep, w)
			}
		}
		if len(keep) >= 3 {
			out = append(out, keep...)
		}
		if len(out) > 32 {
			return out[:32]
		}
	}
	return out
}

// isWord reports whether w is made of letters only (not an ID or a number).
func isWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
