package quote

import (
	"testing"

	"github.com/parallax-news/parallax/internal/entity"
)

func TestBySpeaker(t *testing.T) {
	docs := []string{
		"“We will not give up,” Ukrainian President Volodymyr Zelensky said.",
		"“Talks must go on,” Zelenskyy said on Monday. “He just wants this over,” a senior official said.",
	}
	var reg entity.Registry
	var all []Quote
	for i, d := range docs {
		ents, ms := entity.Extract(d)
		reg.Add(string(rune('a'+i)), ents, ms)
		qs, _ := Find(d, ents, ms)
		all = append(all, qs...)
	}
	if got := BySpeaker(all, "Zelensky", &reg); len(got) != 2 {
		t.Errorf("BySpeaker(Zelensky) with registry = %d quotes, want 2: %s", len(got), dump(got))
	}
	if got := BySpeaker(all, "zelenskiy", &reg); len(got) != 2 {
		t.Errorf("BySpeaker(zelenskiy) with registry = %d quotes, want 2: %s", len(got), dump(got))
	}
	if got := BySpeaker(all, "Zelensky", nil); len(got) != 2 {
		t.Errorf("BySpeaker(Zelensky) without registry = %d quotes, want 2: %s", len(got), dump(got))
	}
	if got := BySpeaker(all, Unnamed, &reg); len(got) != 1 {
		t.Errorf("BySpeaker(unnamed) = %d quotes, want 1", len(got))
	}
	if got := BySpeaker(all, "", &reg); got != nil {
		t.Errorf("BySpeaker(\"\") = %v, want nil", got)
	}
}
