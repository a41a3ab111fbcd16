package extract

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// checkDetect compares detectTrigrams with whatlanggo.Detect on text. Where
// two languages tie for the least distance whatlanggo's choice depends on
// its map order, so only the confidence is compared.
func checkDetect(t *testing.T, text string) {
	t.Helper()
	code, conf, tie := detectTrigrams(text)
	info := whatlanggo.Detect(text)
	if conf != info.Confidence || !tie && code != info.Lang.Iso6391() {
		t.Errorf("detectTrigrams(%.60q) = %q %v (tie %v), whatlanggo %q %v", text, code, conf, tie, info.Lang.Iso6391(), info.Confidence)
	}
}

// TestDetectTrigrams compares detectTrigrams with whatlanggo on the texts
// detectLanguage hands it (the first 600 bytes) from Reuters stories, the
// NER sets in Russian and Ukrainian and the PolNEAR texts, and on samples.
func TestDetectTrigrams(t *testing.T) {
	texts := []string{
		"", "a", "12 34", "Ça va très bien, merci beaucoup à vous tous.", "Добрий день, як справи у вас сьогодні?",
		"Guten Tag, wie geht es Ihnen heute? Mir geht es gut.", "שלום עולם", "日本語のテキスト", "Shr 41 cts vs 37 cts Net 2,104,000",
	}
	cut := func(s string) string { // as detectLanguage does
		n := len(s)
		if n > 600 {
			n = 600
			for n > 0 && !utf8.RuneStart(s[n]) {
				n--
			}
		}
		return s[:n]
	}
	for _, s := range reutersTexts(t, 1) {
		texts = append(texts, cut(s))
	}
	for _, g := range [][]string{{"eval", "ner-ru", "texts"}, {"eval", "ner-uk", "texts"}, {"eval", "polnear", "dev", "text"}} {
		paths, _ := filepath.Glob(filepath.Join(sharedtest.Dir(t, g...), "*"))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, cut(string(data)))
		}
	}
	for _, s := range texts {
		checkDetect(t, s)
	}
}

func FuzzDetectTrigrams(f *testing.F) {
	for _, s := range []string{"The talks resumed in the spring.", "Добрий день", "Ça va", "Net 2,104,000 vs"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkDetect(t, s)
	})
}
