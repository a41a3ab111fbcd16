package timeline

import (
	"strings"
	"testing"
)

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

// TestLeadRetoldDayBefore: a lead dated by its publication day is dropped
// when the article dates the same news on the day before, in words the
// lead shares; a day-before sentence about something else keeps it.
func TestLeadRetoldDayBefore(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"retold", "Russia and Ukraine agreed on another large prisoner exchange at their talks, the chief negotiator told reporters. " +
			"The delegations had met in Istanbul on Wednesday evening for talks on the prisoner exchange that lasted under an hour.",
			[]string{"2025-07-23: a"}},
		{"other news", "Delegations of both countries gathered for new peace talks in Geneva, officials told reporters. " +
			"On Wednesday the president hinted that the draft plan could still be changed.",
			[]string{"2025-07-23: a", "2025-07-24: a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summary(Build([]Doc{doc(t, "a", "Outlet", "2025-07-24", tt.text)}, Options{}))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
