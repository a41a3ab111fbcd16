package when

import (
	"testing"
	"time"
)

func TestHolidays(t *testing.T) {
	anchor := time.Date(2013, 3, 14, 0, 0, 0, 0, time.UTC) // a Thursday
	tests := []struct{ text, want, value string }{
		{"He left on Christmas Day.", "Christmas Day", "2012-12-25"},
		{"She returned on New Year's Eve.", "New Year's Eve", "2012-12-31"},
		{"Stores were crowded over Thanksgiving.", "Thanksgiving", "2012-11-22"},
		{"Next Thanksgiving he will be home.", "Next Thanksgiving", "2013-11-28"},
		{"The pope will speak on Easter Sunday.", "Easter Sunday", "2013-03-31"},
		{"Good Friday 2012 was quiet.", "Good Friday 2012", "2012-04-06"},
		{"The parade is held on Memorial Day.", "Memorial Day", "2013-05-27"},
		{"Offices closed on Labor Day, 2012.", "Labor Day, 2012", "2012-09-03"},
		{"The attack took place at 3:45 p.m. ET on Tuesday.", "3:45 p.m. ET on Tuesday", "2013-03-12T15:45"},
		// The weekday tells the year of a month and day: Dec. 3 is a
		// Tuesday in 2013, a Monday in 2012.
		{"The store opens Tuesday, Dec. 3.", "Tuesday, Dec. 3", "2013-12-03"},
		{"The store opened Monday, Dec. 3.", "Monday, Dec. 3", "2012-12-03"},
		// The present of a schedule points ahead.
		{"The president leaves Friday for Asia.", "Friday", "2013-03-15"},
		{"Talks resume Monday in Geneva.", "Monday", "2013-03-18"},
		{"The president left Friday for Asia.", "Friday", "2013-03-08"},
	}
	for _, tc := range tests {
		found := false
		for _, x := range Find(tc.text, anchor) {
			if x.Text == tc.want {
				found = true
				if x.Value != tc.value {
					t.Errorf("%q: %s, want %s", tc.text, x.Value, tc.value)
				}
			}
		}
		if !found {
			t.Errorf("%q: no %q in %+v", tc.text, tc.want, Find(tc.text, anchor))
		}
	}
	// Names that hold a month or a season are no dates; a person's
	// possessive before a month is.
	for _, s := range []string{"She joined the Women's March in Washington.", "Athletes left for the Winter Olympics."} {
		if got := Find(s, anchor); len(got) != 0 {
			t.Errorf("%q: %+v", s, got)
		}
	}
	for _, s := range []string{"A Long March rocket lifted off.", "Fears soon grew across the city.", "He left as soon as he could.", "Twelve current or former leaders were named."} {
		if got := Find(s, anchor); len(got) != 0 {
			t.Errorf("%q: %+v", s, got)
		}
	}
	if got := Find("The results will be known soon.", anchor); len(got) != 1 || got[0].Value != "FUTURE_REF" {
		t.Errorf("soon: %+v", got)
	}
	if got := Find("Trump's March visit was cancelled.", anchor); len(got) != 1 || got[0].Value != "2013-03" {
		t.Errorf("Trump's March visit: %+v", got)
	}
	// Lower case is no holiday: "a christmas tree" is still a date word
	// only when capitalized, and "independence day" in lower case is not.
	if got := Find("They fought for independence day after day.", anchor); len(got) != 0 {
		t.Errorf("lower-case independence: %+v", got)
	}
	for y, want := range map[int]string{2024: "2024-03-31", 2025: "2025-04-20", 2000: "2000-04-23"} {
		if got := fmtDay(easter(y)); got != want {
			t.Errorf("easter(%d) = %s, want %s", y, got, want)
		}
	}
}
