package extract

import "testing"

func TestLooksEnglish(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"english", "The minister said on Tuesday that the talks with the delegation would resume in the spring, and that both sides were ready to discuss the terms of the agreement which has been on the table for months.", true},
		{"german", "Der Minister sagte am Dienstag, dass die Gespräche mit der Delegation im Frühjahr wieder aufgenommen würden und dass beide Seiten bereit seien, über die Bedingungen des Abkommens zu sprechen.", false},
		{"french", "Le ministre a déclaré mardi que les discussions avec la délégation reprendraient au printemps et que les deux parties étaient prêtes à discuter des termes de l'accord qui est sur la table depuis des mois.", false},
		{"spanish", "El ministro dijo el martes que las conversaciones con la delegación se reanudarían en primavera y que ambas partes estaban dispuestas a discutir los términos del acuerdo que lleva meses sobre la mesa.", false},
		{"too short", "The talks resumed in the spring.", false},
		{"short english", "Talks with the delegation resumed in the spring and the terms were agreed.", true},
		{"short german", "Die Gespräche mit der Delegation wurden im Frühjahr wieder aufgenommen.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := looksEnglish(tc.text); got != tc.want {
				t.Errorf("looksEnglish = %v, want %v", got, tc.want)
			}
			if tc.want && detectLanguage(tc.text) != "en" {
				t.Errorf("detectLanguage = %q, want en", detectLanguage(tc.text))
			}
		})
	}
}

func TestFiguresHaveNoLanguage(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		// An earnings table written for this test in the wire's shorthand.
		{"earnings table", "Shr 41 cts vs 37 cts\n    Net 2,104,000 vs 1,890,000\n    Revs 88.6 mln vs 79.1 mln\n    Year\n    Shr 1.52 dlrs vs 1.31 dlrs\n    Net 7,720,000 vs 6,650,000", ""},
		{"prose with figures", "The company said net profit rose to 2.1 mln dlrs in the quarter from 1.9 mln dlrs a year earlier, on revenues of 88.6 mln dlrs, and that it expected the rise to continue through the year.", "en"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := detectLanguage(tc.text); got != tc.want {
				t.Errorf("detectLanguage = %q, want %q", got, tc.want)
			}
		})
	}
}
