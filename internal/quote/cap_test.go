package quote

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/entity"
)

// TestQuoteCap: a text with more quotes than MaxPerArticle gives the first
// MaxPerArticle, in text order, and a problem naming the cap, in every
// language with quote rules.
func TestQuoteCap(t *testing.T) {
	line := map[string]string{
		"en": "\"We will rebuild pier %d,\" said Mayor Anna Berg.\n\n",
		"ru": "«Мы восстановим причал %d», — заявил мэр Иван Петров.\n\n",
		"de": "„Wir bauen Pier %d wieder auf“, sagte Bürgermeisterin Anna Berg.\n\n",
	}
	for code, l := range line {
		for _, n := range []int{MaxPerArticle - 1, MaxPerArticle + 100} {
			t.Run(fmt.Sprintf("%s/%d", code, n), func(t *testing.T) {
				var b strings.Builder
				for i := range n {
					fmt.Fprintf(&b, l, i)
				}
				text := b.String()
				ents, ms := entity.ExtractLang(text, code)
				qs, probs := FindLang(text, code, "", ents, ms)
				want := min(n, MaxPerArticle)
				if code == "en" && len(qs) < want {
					// English carries the whole load; the others may
					// attribute fewer, but never more than the cap.
					t.Fatalf("%d quotes of %d; want %d", len(qs), n, want)
				}
				if len(qs) > MaxPerArticle {
					t.Fatalf("%d quotes; cap %d", len(qs), MaxPerArticle)
				}
				capped := false
				for _, p := range probs {
					capped = capped || strings.HasPrefix(p.Reason, "quote cap:")
				}
				if capped != (n > MaxPerArticle && len(qs) == MaxPerArticle) {
					t.Errorf("cap problem %v with %d quotes of %d", capped, len(qs), n)
				}
				for i := 1; i < len(qs); i++ {
					if qs[i].Start < qs[i-1].Start {
						t.Fatalf("quote %d out of text order", i)
					}
				}
			})
		}
	}
}
