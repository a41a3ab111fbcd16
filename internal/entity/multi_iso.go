package entity

import (
	_ "embed"
	"strings"

	"github.com/parallax-news/parallax/internal/lang"
)

//go:generate go run ./internal/isogen -o multi_iso3166.tsv

// isoNames holds the Russian and Ukrainian names of the countries of ISO
// 3166-1 and of the cities ISO 3166-2 lists as subdivisions, generated from
// the Debian iso-codes package (see internal/isogen).
//
//go:embed multi_iso3166.tsv
var isoNames string

// addISO adds the generated country and city names to the Cyrillic
// resources, after the hand-written lists (which keep their readings).
func addISO(r *langRes) {
	for _, line := range strings.Split(isoNames, "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 4 || strings.HasPrefix(line, "#") {
			continue
		}
		e, ok := gazetteer[gazKey(f[0])]
		if !ok {
			kind := KindPlace
			if f[1] == "country" {
				kind = KindCountry
			}
			e = gazEntry{kind: kind, canonical: f[0]}
		}
		e.acronym = false
		for li, code := range []string{lang.Russian, lang.Ukrainian} {
			if f[2+li] == "" {
				continue
			}
			forms := strings.Split(f[2+li], "|")
			if _, ok := r.firstForm[code+":"+e.canonical]; !ok {
				r.firstForm[code+":"+e.canonical] = forms[0]
			}
			for _, form := range forms {
				k := lang.NameKey(form)
				// Case endings fold to short stems that common words and
				// names share (Самоа and сама, Палау and Палій, Гана and
				// Ганна): a one-word name keyed that short is left out.
				if _, given := r.given[k]; k == "" || given || !strings.Contains(k, " ") && len(k) < 5 {
					continue
				}
				if _, dup := r.places[k]; !dup {
					r.places[k] = e
				}
				if n := len(strings.Fields(k)); n > r.maxWords {
					r.maxWords = n
				}
			}
		}
	}
}
