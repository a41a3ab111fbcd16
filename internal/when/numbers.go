package when

import (
	"strconv"
	"strings"
)

// Number words as they appear in news text. numberRE (rules.go) must accept
// every spelling parseNumber understands.
var numberWords = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
	"a": 1, "an": 1, "single": 1, "couple": 2, "dozen": 12,
}

var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
	"twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
	"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "thirtieth": 30,
}

// parseNumber reads a cardinal number written with digits ("18", "2.5",
// "2 1/2", "1,000") or words ("twenty four", "twenty-four", "a hundred",
// "two thousand", "three and a half"). ok is false if s is not a number.
func parseNumber(s string) (n float64, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return 0, false
	}
	// Fractions: "2 1/2", "1/2", "and a half".
	half := 0.0
	for _, suf := range []string{" and a half", " and one half", "-and-a-half", " and a quarter", " 1/2", " ½", "½"} {
		if strings.HasSuffix(s, suf) {
			if strings.Contains(suf, "quarter") {
				half = 0.25
			} else {
				half = 0.5
			}
			s = strings.TrimSpace(strings.TrimSuffix(s, suf))
			break
		}
	}
	if s == "1/2" || s == "half" || s == "a half" || s == "half a" || s == "half an" {
		return 0.5 + half, true
	}
	if s == "" {
		return 0, false
	}
	if c := s[0]; c >= '0' && c <= '9' {
		v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
		if err != nil {
			return 0, false
		}
		return v + half, true
	}
	if s == "a couple" || s == "couple" || s == "a couple of" || s == "couple of" {
		return 2 + half, true
	}
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' })
	total, cur := 0.0, 0.0
	seen := false
	for _, w := range words {
		switch w {
		case "and":
			continue
		case "hundred":
			if cur == 0 {
				cur = 1
			}
			cur *= 100
		case "thousand":
			if cur == 0 {
				cur = 1
			}
			total += cur * 1000
			cur = 0
		default:
			v, ok := numberWords[w]
			if !ok {
				return 0, false
			}
			cur += v
		}
		seen = true
	}
	if !seen {
		return 0, false
	}
	return total + cur + half, true
}

// parseOrdinal reads "3rd", "21st", "third", "twenty-first". ok is false if
// s is not an ordinal.
func parseOrdinal(s string) (int, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(s, suf) {
			if n, err := strconv.Atoi(strings.TrimSuffix(s, suf)); err == nil {
				return n, true
			}
		}
	}
	if n, ok := ordinalWords[s]; ok {
		return n, true
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' })
	if len(parts) == 2 {
		tens, ok1 := numberWords[parts[0]]
		unit, ok2 := ordinalWords[parts[1]]
		if ok1 && ok2 && tens >= 20 && unit < 10 {
			return int(tens) + unit, true
		}
	}
	return 0, false
}

// parseSpelledYear reads years said aloud, as broadcast transcripts write
// them: "nineteen ninety-six", "nineteen eighty", "two thousand",
// "the year two thousand", "two thousand and five".
func parseSpelledYear(s string) (int, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the year ")
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' })
	if len(words) >= 2 && (words[0] == "two" && words[1] == "thousand") {
		rest := 0.0
		if len(words) > 2 {
			v, ok := parseNumber(strings.Join(words[2:], " "))
			if !ok {
				return 0, false
			}
			rest = v
		}
		return 2000 + int(rest), true
	}
	if len(words) < 2 {
		return 0, false
	}
	century, ok := numberWords[words[0]]
	if !ok || century < 10 || century > 20 {
		return 0, false
	}
	rest, ok := parseNumber(strings.Join(words[1:], " "))
	if !ok || rest < 10 || rest > 99 {
		return 0, false
	}
	return int(century)*100 + int(rest), true
}
