package analysisrow

import (
	"sort"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// A name filter (entities --name, quotes --speaker, /api/entities?q=) must
// find an entity by any of its names in any script: Путин, Putin, Путін,
// Putins. SQLite's lower() folds ASCII only, and neither database knows
// Cyrillic case endings or transliteration, so the folding is done here,
// in Go, once for what is stored and once for the query, and both
// backends match the folded query against the folded names with LIKE.

// namesSep separates the forms in EntityNames; it cannot occur in a
// folded name, so a pattern never matches across two forms.
const namesSep = "\n"

// EntityNames returns what the stores keep in the entities.names column:
// every name of e (name, aliases, names by language) lowered with Unicode
// case folding, and the cross-script key of each (lang.NameKey), sorted,
// without repeats, one per line and with a line break at each end.
func EntityNames(e news.Entity) string {
	seen := map[string]bool{}
	add := func(s string) {
		s = strings.TrimSpace(strings.ReplaceAll(s, namesSep, " "))
		if s != "" {
			seen[s] = true
		}
	}
	forms := append([]string{e.Name, e.Key}, e.Aliases...)
	for _, n := range e.NameByLang {
		forms = append(forms, n)
	}
	for _, f := range forms {
		add(strings.ToLower(f))
		add(lang.NameKey(f))
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Strings(out)
	return namesSep + strings.Join(out, namesSep) + namesSep
}

// nameLike reports whether q reads as a name: letters and marks, with
// spaces, hyphens, apostrophes and dots between them.
func nameLike(q string) bool {
	return !strings.ContainsFunc(q, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsSpace(r) && !strings.ContainsRune("-'’.", r)
	})
}

// NamePatterns returns the LIKE patterns (escape character `\`) that find
// the query q in an EntityNames column: q lowered, its cross-script key
// when that differs, and the key without a final "s" when q reads as a
// German or English genitive (Putins, Trumps, Putin's: a last word of
// five letters or more ending in s, the way lang.PhoneticKey reads it).
// The lowered query matches anywhere inside one form (a part of a name
// finds it); a key matches a whole form or its last words (wholeWords). A query that does not read as a
// name (digits, "%", "_") is matched as written, lowered. It returns nil
// for a blank query.
func NamePatterns(q string) []string {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil
	}
	esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	low := strings.ToLower(q)
	out := []string{"%" + esc.Replace(low) + "%"}
	if !nameLike(q) {
		// Digits, LIKE's own characters or other signs: a literal
		// search ("100%", "kyiv_post"), which the key would widen.
		return out
	}
	k := lang.NameKey(q)
	if k != "" && k != low {
		out = append(out, wholeWords(esc.Replace(k))...)
	}
	if last := k[strings.LastIndexByte(k, ' ')+1:]; len(last) >= 5 && strings.HasSuffix(last, "s") && !lang.HasCyrillic(q) {
		out = append(out, wholeWords(esc.Replace(strings.TrimSuffix(k, "s")))...)
	}
	return out
}

// wholeWords returns the patterns that find the escaped key k as a whole
// form or as the last words of one (a surname finds the full name): a key
// is coarser than the spelling it comes from (Kyiv and Kivu both give
// "kiv"), so inside or at the start of a form it would find other names
// (Kivu Lacus).
func wholeWords(k string) []string {
	return []string{
		"%" + namesSep + k + namesSep + "%",
		"% " + k + namesSep + "%",
	}
}
