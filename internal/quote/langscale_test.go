package quote

import (
	"strings"
	"testing"
	"time"
)

// TestFindLangScale bounds the cost of a long article: the resolution of
// pronouns and roles looks back over a window, not the whole text.
func TestFindLangScale(t *testing.T) {
	if testing.Short() {
		t.Skip("long input")
	}
	for _, code := range Languages() {
		one := readFixture(t, code+".txt")
		text := strings.Repeat(one+"\n\n", 400) // about 1 MB
		start := time.Now()
		qs, _ := FindLang(text, code, "", nil, nil)
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: %d bytes took %v", code, len(text), d)
		}
		if len(qs) == 0 {
			t.Errorf("%s: no quotes", code)
		}
		t.Logf("%s: %d bytes, %d quotes, %v", code, len(text), len(qs), time.Since(start))
	}
}
