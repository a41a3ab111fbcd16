package timeline

import "testing"

// TestStampLines: a short dated line that stamps the page itself is no
// event in any language; a report of the same length is one.
func TestStampLines(t *testing.T) {
	tests := []struct {
		code, text string
		event      bool
	}{
		{"de", "Diese Nachricht wurde am 14.12.2025 im Programm gesendet.", false},
		{"de", "Aktualisiert am 14.12.2025 um 22:11 Uhr von der Redaktion.", false},
		{"de", "Die Delegationen trafen sich am 14.12.2025 im Kanzleramt.", true},
		{"ru", "Опубликовано 14 декабря 2025 года в разделе политика.", false},
		{"ru", "Делегации встретились 14 декабря 2025 года в Берлине.", true},
		{"uk", "Оновлено 14 грудня 2025 року о 22:11 редакцією сайту.", false},
		{"uk", "Делегації зустрілися 14 грудня 2025 року в Берліні.", true},
	}
	for _, tt := range tests {
		evs := Build([]Doc{docLang(t, "a", tt.code, "2025-12-15", tt.text)}, Options{})
		if got := len(evs) > 0; got != tt.event {
			t.Errorf("%s %q: event %v, want %v (%v)", tt.code, tt.text, got, tt.event, summary(evs))
		}
	}
}
