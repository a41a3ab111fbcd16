package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The functions below are the plain forms of rules that now take shortcuts
// (gates, lazy lower-casing, no allocation); the shortcuts must never
// change an answer.

func plainLooksEnglish(text string) bool {
	words, hits := 0, 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		words++
		if englishFunctionWords[strings.ToLower(w)] {
			hits++
		}
	}
	return words >= 30 && hits*4 >= words || words >= 10 && hits >= 3 && hits*5 >= words
}

func plainIsPromo(s string) bool {
	if countFields(s) > 30 {
		return false
	}
	low := strings.ToLower(s)
	if reReadTime.Regexp.MatchString(low) {
		return true
	}
	for _, w := range promoWords {
		if strings.Contains(low, w) {
			return rePromo.Regexp.MatchString(low)
		}
	}
	return false
}

func plainIsLinkLine(s string) bool {
	if countFields(s) > 40 {
		return false
	}
	s = strings.TrimLeft(s, "[(<»>-–—*• ")
	low := strings.ToLower(s)
	for _, l := range linkLabels {
		if !strings.HasPrefix(low, l) {
			continue
		}
		rest := strings.TrimSpace(low[len(l):])
		if rest == "" || rest == ":" || rest == "..." || rest == "…" {
			return true
		}
		if strings.ContainsAny(rest[:1], ":|—–-»>") {
			return true
		}
		if head := s[:len(l)]; strings.ToUpper(head) == head && strings.ToLower(head) != head {
			if r, _ := utf8.DecodeRuneInString(s[len(l):]); unicode.IsUpper(r) {
				return true
			}
		}
	}
	return false
}

var sameSamples = []string{
	"", "Read also: the talks", "READ MORE", "Related", "İn the news", "DON'T MISSPlague returns",
	"Watch: the video", "Subscribe now", "5 min read", "SHARE THIS STORY", "İ \u212aey",
	"Sunday.The big picture", `he said."They've gone`, "U.S. officials said", "in 1.19 dlrs.",
	"The minister said on Tuesday that the talks with the delegation would resume", "İt is the end of the",
	"bad \xff byte. The", "a.B", "CLICK HERE", "xx click", "Sign", "SHARE THIS ", " APP", "lOgIn To ", "x!Y", "é.É", "Ⱥ", "ȺȺȺ read also", "Copyright 2024 Acme. All rights reserved. COPYRIGHT", "© Acme, courtesy of X", "Privacy Policy | Terms of Use", "[", "• ", "(Read also)", "ALSO: x", "«Читайте також»", "Читайте також: x", "e.g. The", "x.Y", "X.Y", "1.Y", ").Y",
}

func checkSame(t *testing.T, s string) {
	t.Helper()
	if got, want := looksEnglish(s), plainLooksEnglish(s); got != want {
		t.Errorf("looksEnglish(%q) = %v, plain %v", s, got, want)
	}
	if got, want := isPromo(s), plainIsPromo(s); got != want {
		t.Errorf("isPromo(%q) = %v, plain %v", s, got, want)
	}
	if got, want := isLinkLine(s), plainIsLinkLine(s); got != want {
		t.Errorf("isLinkLine(%q) = %v, plain %v", s, got, want)
	}
	if got, want := unglue(s), unglueRunes(s); !slices.Equal(got, want) {
		t.Errorf("unglue(%q) = %q, plain %q", s, got, want)
	}
	if got, want := cleanSpace(s), strings.Join(strings.FieldsFunc(s, isSpace), " "); got != want {
		t.Errorf("cleanSpace(%q) = %q, plain %q", s, got, want)
	}
	if isASCII(s) {
		n := 0
		for _, sig := range noticeSignals {
			if strings.Contains(strings.ToLower(s), sig) {
				n++
			}
		}
		if got := noticeSet.count(s); got != n {
			t.Errorf("noticeSet.count(%q) = %d, want %d", s, got, n)
		}
	}
	if got, want := promoWordSet.in(s), containsAnyFold(s, promoWords); got != want {
		t.Errorf("promoWordSet.in(%q) = %v, want %v", s, got, want)
	}
	if isASCII(s) {
		low := strings.ToLower(s)
		for _, w := range append(slices.Clone(promoWords), promoLiterals...) {
			if got, want := containsFold(s, w), strings.Contains(low, w); got != want {
				t.Errorf("containsFold(%q, %q) = %v, want %v", s, w, got, want)
			}
		}
	}
	for n := 1; n < 6; n++ {
		if got, want := fieldsUpTo(s, n), min(len(strings.Fields(s)), n); got != want {
			t.Errorf("fieldsUpTo(%q, %d) = %d, want %d", s, n, got, want)
		}
	}
}

// TestSameAsPlain compares the shortcuts with the plain rules on samples
// and on every paragraph of a Reuters file.
func TestSameAsPlain(t *testing.T) {
	lines := slices.Clone(sameSamples)
	if !testing.Short() {
		for _, text := range reutersTexts(t, 1) {
			lines = append(lines, strings.Split(text, "\n\n")...)
		}
	}
	for _, s := range lines {
		checkSame(t, s)
	}
}

func FuzzSameAsPlain(f *testing.F) {
	for _, s := range sameSamples {
		f.Add(s)
	}
	f.Fuzz(checkSame)
}
