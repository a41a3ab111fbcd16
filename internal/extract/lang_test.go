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
