package extract

import (
	"strings"
	"testing"
	"time"
)

// gateSamples are lines each gate must let through when its expression
// matches: every expression's own shape, in odd cases and with the
// letters case folding maps to ASCII (the Kelvin sign, the long s).
var gateSamples = []string{
	"By Jane Roe", "BY JANE ROE and John Doe", "von Hans Meier", "автор: Іван Петренко",
	"Published: 12 March 2024", "UPDATED on March 3", "Опубликовано 3 марта",
	"Reading time: 5", "ESTIMATED READ TIME 4", "5 min read", "время чтения 3",
	"12.03.2024", "3/12/24", "10:45", "at 9:05 p.m.",
	"Tags: politics", "FILED UNDER | news", "Keywords", "Schlagwörter: a", "ſchlagwörter: a", "\u212aeywords: x",
	"Click here to read more", "SUBSCRIBE NOW", "ſubſcribe now", "cli\u212a here", "Follow Jane on Twitter",
	"follow us at https://example.org", "Download the Acme app", "Get the free news app",
	"Log in to comment", "login to reply", "Click to tweet", "Continue reading below",
	"By clicking here", "Share this article", "Thanks for signing up", "Already a subscriber?",
	"Write to jane@example.com", "Reach her at @jane_roe", "See https://example.org/x",
	"TWITTER.COM/acme", "CLOSE Sheila E. says", "From Kyiv Post via this RSS feed.",
	"The post Something happened appeared first on Example News.",
	"This article was originally published on The Conversation.",
	"Reporting by AFP", "(Additional reporting by Jane Roe; Editing by John Doe)",
	"The Associated Press contributed to this report.", "AP CONTRIBUTED REPORTING.",
	"With AFP", "Source: Reuters", "— AP", "- dpa", "(Editing by Jane Roe)", "Translated by Jo Doe.",
	"More from Acme: One headline Two headline", "", "x", "1", " By Jane",
	"KYIV (Reuters) - The talks resumed", "ÉVRY (AFP)\t— Police said", "МОСКВА, 3 декабря. /ТАСС/. Текст",
	"КИЇВ, 2 грудня — УНІАН. Текст", "Москва. 3 декабря. INTERFAX.RU - Текст",
	"Monday, 3 March", "Sept 3 (Eastern Time)", "3 March at 10:00", "3rd", "Jan. 3", "Sept. 3", "10 p.m.", "10:00 GMT+2", "10:00 MSK",
	"on March 3, 2024 and", "the 3rd of March 2024", "since 2024-03-12", "from 12.3.2024 on",
}

// TestGates checks every gate against its expression on the samples, on
// the same samples in upper and lower case, and on the paragraphs of real
// Reuters stories: a gate may only say no when the expression does not
// match.
func TestGates(t *testing.T) {
	var lines []string
	for _, s := range gateSamples {
		lines = append(lines, s, strings.ToUpper(s), strings.ToLower(s))
	}
	if !testing.Short() {
		for _, text := range reutersTexts(t, 1) {
			lines = append(lines, strings.Split(text, "\n\n")...)
		}
	}
	matched := make([]int, len(allGated))
	for _, s := range lines {
		for i, g := range allGated {
			if g.Regexp.MatchString(s) {
				matched[i]++
				if !g.may(s) {
					t.Errorf("gate of %s refuses %q, which matches", g, s)
				}
			}
		}
	}
	for i, g := range allGated {
		if matched[i] == 0 {
			t.Errorf("no sample matches %s: the gate is untested", g)
		}
	}
}

// FuzzGates checks that no gate refuses a string its expression matches.
func FuzzGates(f *testing.F) {
	for _, s := range gateSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, g := range allGated {
			if g.Regexp.MatchString(s) && !g.may(s) {
				t.Errorf("gate of %s refuses %q, which matches", g, s)
			}
		}
	})
}

func TestMayStartDate(t *testing.T) {
	for _, s := range []string{
		"2024-03-12", "12 March 2024", "March 12, 2024", "MARCH 12, 2024", "Sept. 24, 2025",
		"Tuesday, March 12, 2024", "TUE, 12 Mar 2024 10:00:00 GMT", "sun 2 jan 2006",
	} {
		if !mayStartDate(s) {
			t.Errorf("mayStartDate(%q) = false", s)
		}
		if _, ok := parseDate(s, 0); !ok {
			t.Errorf("parseDate(%q) fails", s)
		}
	}
	for _, s := range []string{"Shr 34 cts vs 1.19 dlrs", "GMT+3 12 March 2024", "a.m. 12 March 2024", "(UTC) 2024"} {
		if mayStartDate(s) {
			t.Errorf("mayStartDate(%q) = true", s)
		}
	}
}

// FuzzParseDateGate checks that parseDate without the gate parses nothing
// the gate refuses.
func FuzzParseDateGate(f *testing.F) {
	for _, s := range []string{"12 March 2024", "GMT+3 12 March 2024", "Mon, 2 Jan 2006", "x 2006", "am 2 Jan 2006", "ſun 2 jan 2006"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = cleanSpace(s)
		if mayStartDate(s) {
			return
		}
		n := normalizeDate(s)
		for _, layout := range dateLayouts {
			if _, err := time.Parse(layout, n); err == nil {
				t.Errorf("gate refuses %q, which parses as %q", s, layout)
			}
		}
	})
}

func TestContainsFold(t *testing.T) {
	for _, c := range []struct {
		s, sub string
		want   bool
	}{
		{"CONTRIBUTED", "contributed", true},
		{"x.Com/y", ".com/", true},
		{"contribute", "contributed", false},
		{"", "a", false},
		{"abc", "", true},
	} {
		if got := containsFold(c.s, c.sub); got != c.want {
			t.Errorf("containsFold(%q, %q) = %v", c.s, c.sub, got)
		}
	}
}

func TestSpaceClean(t *testing.T) {
	for _, s := range []string{"", "a", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "a\u200bb", "é ü", "\xff x", "x\u2028y"} {
		if got, want := spaceClean(s), strings.Join(strings.FieldsFunc(s, isSpace), " ") == s; got != want {
			t.Errorf("spaceClean(%q) = %v, want %v", s, got, want)
		}
	}
}
