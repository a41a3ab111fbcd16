package when

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// findText returns the expression whose text is want, or fails.
func findText(t *testing.T, got []Timex, want string) Timex {
	t.Helper()
	for _, x := range got {
		if x.Text == want {
			return x
		}
	}
	var texts []string
	for _, x := range got {
		texts = append(texts, x.Text+"="+x.Value)
	}
	t.Fatalf("no expression %q; found %v", want, texts)
	return Timex{}
}

// Hand-written cases, one or more per construction. The anchor is
// 2025-12-04, a Thursday, unless the case says otherwise.
func TestFind(t *testing.T) {
	const anchor = "2025-12-04"
	cases := []struct {
		name   string
		anchor string
		text   string
		expr   string // expected extent
		typ    string
		value  string
	}{
		// Absolute dates.
		{"month abbrev day", "2025-09-24", "Vance said on Sept. 24 that talks stalled.", "Sept. 24", "DATE", "2025-09-24"},
		{"month abbrev day past", "2025-09-24", "The two met on Aug. 15 in Alaska.", "Aug. 15", "DATE", "2025-08-15"},
		{"full month day", "2025-07-03", "The shipment was paused on June 14.", "June 14", "DATE", "2025-06-14"},
		{"month year", anchor, "The invasion began in February 2022.", "February 2022", "DATE", "2022-02"},
		{"full date", anchor, "He was born on May 26, 1980, in Ohio.", "May 26, 1980", "DATE", "1980-05-26"},
		{"day month year", anchor, "The summit took place on 15 August 2025.", "15 August 2025", "DATE", "2025-08-15"},
		{"weekday and date", anchor, "It opened on Saturday, April 25, 1998.", "Saturday, April 25, 1998", "DATE", "1998-04-25"},
		{"ordinal day words", "1998-03-04", "The vote is set for this coming Sunday, March eighth.", "Sunday, March eighth", "DATE", "1998-03-08"},
		{"year", anchor, "Crimea was annexed in 2014.", "2014", "DATE", "2014"},
		{"fiscal year", "1989-10-27", "Earnings for fiscal 1989 rose.", "fiscal 1989", "DATE", "1989"},
		{"spelled year", "1998-02-05", "By nineteen ninety-six the plan was dead.", "nineteen ninety-six", "DATE", "1996"},
		{"decade", anchor, "Prices fell in the 1990s.", "the 1990s", "DATE", "199"},
		{"late decade", anchor, "It was built in the late 1970s.", "the late 1970s", "DATE", "197"},
		{"century", anchor, "The worst war of the 20th century.", "the 20th century", "DATE", "19"},
		{"quarter", "1989-10-27", "Profit in the third quarter rose 5%.", "the third quarter", "DATE", "1989-Q3"},
		{"quarter adjective", "1989-10-27", "It reported third-quarter net income of $5 million.", "third-quarter", "DATE", "1989-Q3"},
		{"first quarter of year", anchor, "Sales in the first quarter of 1984 fell.", "the first quarter of 1984", "DATE", "1984-Q1"},
		{"quarter not yet begun leans back", "1998-02-05", "The company lost money in the fourth quarter.", "the fourth quarter", "DATE", "1997-Q4"},
		{"half", anchor, "Growth slowed in the first half of 2025.", "the first half of 2025", "DATE", "2025-H1"},
		{"season this", "1998-02-05", "The launch is planned for this summer.", "this summer", "DATE", "1998-SU"},
		{"season last", "1998-02-05", "Talks broke down last fall.", "last fall", "DATE", "1997-FA"},

		// Relative to the document date.
		{"weekday past", anchor, "Witkoff met Putin at the Kremlin on Tuesday.", "Tuesday", "DATE", "2025-12-02"},
		{"weekday yesterday", anchor, "On Wednesday, Trump said the talks went well.", "Wednesday", "DATE", "2025-12-03"},
		{"weekday same day", anchor, "Putin gave a Thursday interview to Indian media.", "Thursday", "DATE", "2025-12-04"},
		{"weekday future", anchor, "The envoys will meet Umerov on Monday.", "Monday", "DATE", "2025-12-08"},
		{"weekday future set to", anchor, "They are set to meet on Saturday in Florida.", "Saturday", "DATE", "2025-12-06"},
		{"weekday same day future", anchor, "They will meet on Thursday.", "Thursday", "DATE", "2025-12-04"},
		{"last weekday", anchor, "The strike hit last Friday.", "last Friday", "DATE", "2025-11-28"},
		{"next weekday", anchor, "A vote comes next Tuesday.", "next Tuesday", "DATE", "2025-12-09"},
		{"weekday evening", anchor, "He spoke Monday evening.", "Monday evening", "TIME", "2025-12-01TEV"},
		{"yesterday", anchor, "Officials said yesterday the border was shut.", "yesterday", "DATE", "2025-12-03"},
		{"today", anchor, "The court rules today.", "today", "DATE", "2025-12-04"},
		{"today's editions", anchor, "The offer, advertised in today's editions, expires Friday.", "today", "DATE", "2025-12-04"},
		{"tomorrow", anchor, "Talks resume tomorrow.", "tomorrow", "DATE", "2025-12-05"},
		{"last night", anchor, "Drones struck Kyiv last night.", "last night", "TIME", "2025-12-03TNI"},
		{"this morning", anchor, "He said this morning that it was over.", "this morning", "TIME", "2025-12-04TMO"},
		{"last week", anchor, "Rubio said last week that sanctions were off.", "last week", "DATE", "2025-W48"},
		{"this week", anchor, "The Kremlin announced this week that gains were made.", "this week", "DATE", "2025-W49"},
		{"earlier this week", anchor, "Talks held in Moscow earlier this week failed.", "earlier this week", "DATE", "2025-W49"},
		{"next week", anchor, "A delegation arrives next week.", "next week", "DATE", "2025-W50"},
		{"the weekend past", "1989-10-30", "Traders worried over the weekend.", "the weekend", "DATE", "1989-W43-WE"},
		{"last month", anchor, "Exports fell last month.", "last month", "DATE", "2025-11"},
		{"this month", anchor, "Prices rose this month.", "this month", "DATE", "2025-12"},
		{"later this month", anchor, "A summit is expected later this month.", "later this month", "DATE", "2025-12"},
		{"this year", anchor, "Growth this year will be slow.", "this year", "DATE", "2025"},
		{"earlier this year", anchor, "He visited earlier this year.", "earlier this year", "DATE", "2025"},
		{"last year", anchor, "Sales fell last year.", "last year", "DATE", "2024"},
		{"next year", anchor, "Elections are due next year.", "next year", "DATE", "2026"},
		{"early next year", anchor, "The plant opens early next year.", "early next year", "DATE", "2026"},
		{"a year ago", anchor, "Prices are higher than a year ago.", "a year ago", "DATE", "2024"},
		{"a year ago quarter", "1989-10-27", "Third-quarter profit rose to $5 million from $4 million a year ago.", "a year ago", "DATE", "1988-Q3"},
		{"years ago", anchor, "The deal collapsed two years ago.", "two years ago", "DATE", "2023"},
		{"months ago", anchor, "The line was closed five months ago.", "five months ago", "DATE", "2025-07"},
		{"days ago", anchor, "He left 10 days ago.", "10 days ago", "DATE", "2025-11-24"},
		{"the following year", anchor, "He was promoted on May 22, 1995, and the following year he left.", "the following year", "DATE", "1996"},
		{"the next day", anchor, "Troops arrived on Nov. 3 and the next day they left.", "the next day", "DATE", "2025-11-04"},
		{"month alone past", "1989-10-27", "The plant was closed in June.", "June", "DATE", "1989-06"},
		{"month alone future", "1989-10-27", "The merger will close in December.", "December", "DATE", "1989-12"},
		{"last month name", "1998-03-04", "The firm was sold last May.", "last May", "DATE", "1997-05"},
		{"mid month", "1989-10-27", "Results are due in mid-November.", "mid-November", "DATE", "1989-11"},
		{"clock with day", "1989-11-01", "The offer expires at 5 p.m. EST, Nov. 6.", "5 p.m. EST, Nov. 6", "TIME", "1989-11-06T17:00"},
		{"noon weekday", "1998-02-12", "The talks end at noon Thursday.", "noon Thursday", "TIME", "1998-02-12T12:00"},
		{"clock on the day mentioned", "2018-01-01", "Fireworks went wrong on Dec. 31. The barge caught fire at around 9 p.m. local time.", "around 9 p.m. local time", "TIME", "2017-12-31T21:00"},
		{"age is not a duration", anchor, "The 49-year-old actor spoke for two hours.", "two hours", "DURATION", "PT2H"},
		{"the year N", anchor, "The bridge was completed in the year 1995.", "the year 1995", "DATE", "1995"},

		// General references.
		{"now", anchor, "The war is now in its fourth year.", "now", "DATE", "PRESENT_REF"},
		{"currently", anchor, "The plant is currently closed.", "currently", "DATE", "PRESENT_REF"},
		{"right now", anchor, "They are impatient right now.", "right now", "DATE", "PRESENT_REF"},
		{"recently", anchor, "He recently met Zelensky.", "recently", "DATE", "PAST_REF"},
		{"in the past", anchor, "In the past, talks failed.", "the past", "DATE", "PAST_REF"},
		{"recent days", anchor, "Fighting intensified in recent days.", "recent days", "DATE", "PAST_REF"},
		{"the future", anchor, "Nobody knows the future.", "the future", "DATE", "FUTURE_REF"},
		{"the near future", anchor, "A deal may come in the near future.", "the near future", "DATE", "FUTURE_REF"},

		// Durations.
		{"three and a half years", anchor, "for the first time in three and a half years of this conflict", "three and a half years", "DURATION", "P3Y6M"},
		{"fraction digits", anchor, "He served 2 1/2 years in prison.", "2 1/2 years", "DURATION", "P2Y6M"},
		{"minute and a half", anchor, "The speech lasted a minute and a half.", "a minute and a half", "DURATION", "PT1M30S"},
		{"year and a half", anchor, "It took a year and a half.", "a year and a half", "DURATION", "P1Y6M"},
		{"the past three years", anchor, "Prices doubled over the past three years.", "the past three years", "DURATION", "P3Y"},
		{"the next two days", anchor, "Rain is forecast for the next two days.", "the next two days", "DURATION", "P2D"},
		{"hyphenated adjective", anchor, "He signed a two-year contract.", "two-year", "DURATION", "P2Y"},
		{"number words", anchor, "They talked for twenty four hours.", "twenty four hours", "DURATION", "PT24H"},
		{"nearly an hour", anchor, "The call lasted nearly an hour.", "nearly an hour", "DURATION", "PT1H"},
		{"at least 30 days", anchor, "Notice of at least 30 days is required.", "at least 30 days", "DURATION", "P30D"},
		{"decade", anchor, "It took about a decade.", "about a decade", "DURATION", "P1E"},
		{"vague several years", anchor, "It lasted several years.", "several years", "DURATION", "PXY"},
		{"recent weeks", anchor, "Attacks grew in recent weeks.", "recent weeks", "DURATION", "PXW"},
		{"the weeks ahead", anchor, "Talks continue in the weeks ahead.", "the weeks ahead", "DURATION", "PXW"},
		{"range", anchor, "Acquisitions are planned during the next 12 to 18 months.", "the next 12 to 18 months", "DURATION", "PXM"},
		{"millennia", anchor, "Glass was made here for more than two thousand years.", "more than two thousand years", "DURATION", "P2L"},
		{"year ended", "1989-10-27", "Net income for the year ended Sept. 30 rose.", "the year", "DURATION", "P1Y"},

		// Anaphora and context.
		{"the day before an event", "1989-10-30", "Eight trading days after Oct. 12, the day before the stock market plunge, prices fell.", "the day", "DATE", "1989-10-12"},
		{"later in the day", anchor, "He arrived in Philadelphia later in the day.", "the day", "DATE", "2025-12-04"},
		{"in the morning after a day", "1989-10-30", "Hopes were dashed Friday. Dealers placed buy orders in the morning.", "the morning", "TIME", "1989-10-27TMO"},
		{"nth day of an operation", "1990-08-15", "In Saudi Arabia, today is the eighth day of the operation.", "the eighth day", "DATE", "1990-08-15"},
		{"until then", "1989-10-30", "The rights terminate on Nov. 30. Until then, the stock remains convertible.", "then", "DATE", "1989-11-30"},
		{"in five years ahead", "1989-10-30", "The stock would be redeemed in five years.", "five years", "DATE", "1994"},
		{"last month name said the month after", "1998-03-01", "Two helicopters crashed last February.", "last February", "DATE", "1997-02"},
		{"deadline by", "1989-10-27", "The company must repay the loan by February.", "February", "DATE", "1990-02"},
		{"by with a possessive", "1989-10-30", "Shares were hit by Friday's selloff.", "Friday", "DATE", "1989-10-27"},
		{"deadline past perfect", "1990-08-16", "Only two members had filed reports by Wednesday.", "Wednesday", "DATE", "1990-08-15"},
		{"passive with would", "1989-10-26", "The split would be paid on a still unspecified date in January.", "January", "DATE", "1990-01"},
		{"ahead of the weekend", "1989-10-30", "Traders squared positions ahead of the weekend.", "the weekend", "DATE", "1989-W44-WE"},
		{"a while", anchor, "They will live without power for a while.", "a while", "DURATION", "PXX"},
		{"one day to come", anchor, "Islam will one day be the second largest religion.", "one day", "DATE", "FUTURE_REF"},
		{"first two quarters of a year", anchor, "Losses will last through the first two quarters of 1990.", "the first two quarters of 1990", "DATE", "1990-H1"},
		{"a day after", "2025-09-24", "The remarks come a day after Trump and Zelensky met.", "a day", "DURATION", "P1D"},
		{"a day earlier", anchor, "A day earlier, trucks streamed across the border.", "A day earlier", "DURATION", "P1D"},
		{"a day earlier after a number", anchor, "She had turned 17 only a day earlier.", "a day earlier", "DURATION", "P1D"},

		// Forms of web news (our own sentences).
		{"compound duration", anchor, "The engines burned for nine minutes and 12 seconds.", "nine minutes and 12 seconds", "DURATION", "PT9M12S"},
		{"compound duration years", anchor, "He served two years and three months in jail.", "two years and three months", "DURATION", "P2Y3M"},
		{"month day last year", anchor, "The plant closed on March 3 last year.", "March 3 last year", "DATE", "2024-03-03"},
		{"two-digit year", anchor, "The poster was signed 11/30/24 by the band.", "11/30/24", "DATE", "2024-11-30"},
		{"date at time stamp", anchor, "A clip posted on Nov 28, 2025 at 8:15pm PST drew replies.", "Nov 28, 2025 at 8:15pm PST", "TIME", "2025-11-28T20:15"},
		{"time weekday date stamp", anchor, "Stocks slid 2% 10:42 AM ET Wed, 3 Dec 2025 | 01:10", "10:42 AM ET Wed, 3 Dec 2025", "TIME", "2025-12-03T10:42"},
		{"time on date with year", anchor, "The ferry docked at 6:05 p.m. on Nov. 30, 2025.", "6:05 p.m. on Nov. 30, 2025", "TIME", "2025-11-30T18:05"},
		{"clock with seconds and zone", anchor, "The item went up at 09:41:07 EDT.", "09:41:07 EDT", "TIME", "2025-12-04T09:41:07"},
		{"curly possessive weekday", anchor, "Monday’s vote surprised nobody.", "Monday", "DATE", "2025-12-01"},
		{"overnight sentence start", anchor, "Overnight, the bank froze the accounts.", "Overnight", "TIME", "2025-12-03TNI"},
		{"by a day with a past verb", anchor, "Eight inches of rain fell by Tuesday night.", "Tuesday night", "TIME", "2025-12-02TNI"},
		{"schedule takes place", anchor, "The vote takes place on Saturday.", "Saturday", "DATE", "2025-12-06"},
		{"remains set", anchor, "The launch remains set for Sunday.", "Sunday", "DATE", "2025-12-07"},
		{"years to come", anchor, "The ruling will shape policy for years to come.", "years to come", "DATE", "FUTURE_REF"},
		{"a short time ago", anchor, "A short time ago, the index was flat.", "A short time ago", "DATE", "PAST_REF"},
		{"fiscal year abbreviation", anchor, "The FY2026 budget was approved.", "FY2026", "DATE", "2026"},
		{"unit in capitals", anchor, "He texted her an HOUR after the show.", "an HOUR", "DURATION", "PT1H"},
		{"season after in", "1998-03-04", "Sales slumped in winter, the firm said.", "winter", "DATE", "1997-WI"},
		{"last quarter of a year", anchor, "The bank expects a loss for the last quarter of 2025.", "the last quarter of 2025", "DATE", "2025-Q4"},
		{"range of years start", anchor, "Output fell in the 2016-17 season.", "2016", "DATE", "2016"},
		{"range of years end", anchor, "Prices doubled over 2010-2015 in the city.", "2015", "DATE", "2015"},
		{"week of a day", anchor, "Hearings resume the week of Jan. 12.", "the week of Jan. 12", "DATE", "2026-W03"},
		{"this weekend ahead", anchor, "Protests are planned this weekend.", "this weekend", "DATE", "2025-W49-WE"},
		{"this weekend gone", anchor, "Crowds flocked to the park this weekend.", "this weekend", "DATE", "2025-W48-WE"},
		{"holiday after on", "2026-01-05", "Stores stayed shut on Christmas this time.", "Christmas", "DATE", "2025-12-25"},

		// Sets.
		{"each month", anchor, "Prices are reviewed each month.", "each month", "SET", "P1M"},
		{"every Thursday", anchor, "The council meets every Thursday.", "every Thursday", "SET", "XXXX-WXX-4"},
		{"each July", anchor, "They march each July.", "each July", "SET", "XXXX-07"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Find(tc.text, day(tc.anchor))
			x := findText(t, got, tc.expr)
			if x.Type != tc.typ || x.Value != tc.value {
				t.Errorf("%q: got %s %s, want %s %s", tc.expr, x.Type, x.Value, tc.typ, tc.value)
			}
			if !x.Resolved {
				t.Errorf("%q: unresolved (%s)", tc.expr, x.Note)
			}
			if tc.text[x.Start:x.End] != x.Text {
				t.Errorf("offsets %d:%d do not give %q", x.Start, x.End, x.Text)
			}
		})
	}
}

// Words that look like time expressions but are not.
func TestFindRejects(t *testing.T) {
	cases := []struct{ name, text, not string }{
		{"may modal", "Kyiv may be able to return all of its territory.", "may"},
		{"march verb", "Thousands march through the capital.", "march"},
		{"amount", "The fund paid $2000 for it.", "2000"},
		{"percent", "Turnout was 1995% of target.", "1995"},
		{"age", "Mr. Reupke, 52 years old, resigned.", "52 years"},
		{"age adjective", "The 49-year-old actor resigned.", "49-year-old"},
		{"speed", "Winds reached 40 miles per hour.", "per hour"},
		{"colour", "The payload is a midnight cherry Roadster.", "midnight"},
		{"fall of", "Russia turned west after the fall of the Berlin Wall.", "the fall"},
		{"tv title", `Baker said on ABC's "This Week" that talks failed.`, "This Week"},
		{"tv show", "Holly Willoughby hosts This Morning alone.", "This Morning"},
		{"war name", "It was the first since the 1967 Six Day War.", "Six Day"},
		{"quarter-century", "Unemployment is near its quarter-century low.", "its quarter"},
		{"newspaper name", "The photo ran in USA TODAY and Florida Today on Monday.", "today"},
		{"the present age", "Paternity is easily proved in today's world.", "today"},
		{"rate", "It earns $1.76 a year per share.", "a year"},
		{"fraction", "About three-quarters of voters agreed.", "three-quarters"},
		{"adjective frequency", "The board raised its quarterly dividend.", "quarterly"},
		{"future adjective", "Future contracts fell.", "Future"},
		{"fall verb", "Prices fall when supply rises.", "fall"},
		{"holiday as a kind", "She hung Christmas lights on the porch.", "Christmas"},
		{"holiday party", "They threw a Halloween party downtown.", "Halloween"},
		{"flight number", "Passengers on Flight 1943 saw a drone.", "1943"},
		{"resolution number", "The council passed Resolution 2231 unanimously.", "2231"},
		{"year and month is no range", "The file 2017-12 was lost.", "2017"},
		{"season as a kind", "Stickers themed around winter sports went live.", "winter"},
		{"early hours of a day", "Troops entered in the early hours of Sunday.", "the early hours"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, x := range Find(tc.text, day("2025-12-04")) {
				if strings.EqualFold(x.Text, tc.not) {
					t.Errorf("found %q (%s %s) in %q", x.Text, x.Type, x.Value, tc.text)
				}
			}
		})
	}
}

// Without an anchor, relative expressions keep X placeholders and are
// marked unresolved; absolute ones and durations stay resolved.
func TestFindNoAnchor(t *testing.T) {
	cases := []struct {
		text, expr, value string
		resolved          bool
	}{
		{"They met on Tuesday.", "Tuesday", "XXXX-WXX-2", false},
		{"It happened on Sept. 24.", "Sept. 24", "XXXX-09-24", false},
		{"He left yesterday.", "yesterday", "XXXX-XX-XX", false},
		{"Sales fell last year.", "last year", "XXXX", false},
		{"The war began in February 2022.", "February 2022", "2022-02", true},
		{"It lasted three years.", "three years", "P3Y", true},
	}
	for _, tc := range cases {
		t.Run(tc.expr, func(t *testing.T) {
			x := findText(t, Find(tc.text, time.Time{}), tc.expr)
			if x.Value != tc.value || x.Resolved != tc.resolved {
				t.Errorf("%q: got %s resolved=%v, want %s resolved=%v", tc.expr, x.Value, x.Resolved, tc.value, tc.resolved)
			}
			if !x.Resolved && x.Note == "" {
				t.Errorf("%q: unresolved without a note", tc.expr)
			}
		})
	}
}

// Invalid dates are kept, unresolved, with a note saying why.
func TestFindInvalidDates(t *testing.T) {
	cases := []struct{ text, expr, value string }{
		{"The deal was signed on February 30.", "February 30", "2025-02"},
		{"The deal was signed on Sept. 99.", "Sept. 99", "2025-09"},
		{"Payment is due April 31, 2024.", "April 31, 2024", "2024-04"},
		{"The law took effect Feb. 29, 2023.", "Feb. 29, 2023", "2023-02"},
	}
	for _, tc := range cases {
		t.Run(tc.expr, func(t *testing.T) {
			x := findText(t, Find(tc.text, day("2025-12-04")), tc.expr)
			if x.Resolved {
				t.Errorf("%q resolved to %s; want unresolved", tc.expr, x.Value)
			}
			if x.Value != tc.value {
				t.Errorf("%q value %s, want %s", tc.expr, x.Value, tc.value)
			}
			if !strings.Contains(x.Note, "no such day") {
				t.Errorf("%q note %q does not say why", tc.expr, x.Note)
			}
		})
	}
	// A leap day that exists stays resolved.
	x := findText(t, Find("It took effect Feb. 29, 2024.", day("2025-12-04")), "Feb. 29, 2024")
	if !x.Resolved || x.Value != "2024-02-29" {
		t.Errorf("Feb. 29, 2024: got %s resolved=%v", x.Value, x.Resolved)
	}
}

// Bad input: unbalanced quotes, no sentence punctuation, long runs. No
// crash, spans in bounds and short.
func TestFindBadInput(t *testing.T) {
	long := strings.Repeat("the talks went on and on without end ", 400)
	cases := map[string]string{
		"unbalanced quotes": `He said "we will meet on Tuesday and the "deal" is close`,
		"no punctuation":    long + " they met on Tuesday " + long + " and again last week " + long,
		"repeated numbers":  strings.Repeat("two three four five ", 500) + "years",
		"repeated months":   strings.Repeat("Sept. ", 1000),
		"control bytes":     "On \x00Tuesday\xff\xfe Sept.\t24 \u2028 2025",
		"empty":             "",
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			for _, x := range Find(text, day("2025-12-04")) {
				checkSpan(t, text, x)
			}
		})
	}
	got := Find(cases["no punctuation"], day("2025-12-04"))
	x := findText(t, got, "Tuesday")
	if x.Value != "2025-12-02" {
		t.Errorf("Tuesday in unpunctuated text: %s, want 2025-12-02", x.Value)
	}
}

func checkSpan(t *testing.T, text string, x Timex) {
	t.Helper()
	if x.Start < 0 || x.End > len(text) || x.Start >= x.End {
		t.Fatalf("bad span %d:%d for input of %d bytes", x.Start, x.End, len(text))
	}
	if x.End-x.Start > maxSpan {
		t.Fatalf("span of %d bytes: %q", x.End-x.Start, x.Text)
	}
	if text[x.Start:x.End] != x.Text {
		t.Fatalf("Text %q differs from input[%d:%d]", x.Text, x.Start, x.End)
	}
	if x.Value == "" || x.Type == "" {
		t.Fatalf("empty value or type: %+v", x)
	}
}

// The seeds are the product's real use: their dates come from
// corpus/seeds-dates.tsv.
func TestSeeds(t *testing.T) {
	dir := sharedtest.Dir(t, "corpus", "seeds")
	dates := seedDates(t)
	cases := []struct {
		prefix string
		want   map[string][]string // expression → values in order of appearance
	}{
		{"004", map[string][]string{
			"Tuesday":   {"2025-12-02"},
			"Wednesday": {"2025-12-03", "2025-12-03", "2025-12-03"},
			"Thursday":  {"2025-12-04", "2025-12-04"},
			"this week": {"2025-W49"},
		}},
		{"000", map[string][]string{
			"Sept. 23": {"2025-09-23"},
			"Aug. 15":  {"2025-08-15"},
			"Sept. 24": {"2025-09-24", "2025-09-24"},
			"Sept. 18": {"2025-09-18"},
		}},
		{"002", map[string][]string{
			"three and a half years": {"P3Y6M"},
			"Sunday":                 {"2025-08-24"},
		}},
		{"003", map[string][]string{
			"June 14":       {"2025-06-14"},
			"February 2022": {"2022-02"},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.prefix, func(t *testing.T) {
			files, err := filepath.Glob(filepath.Join(dir, tc.prefix+"_*.txt"))
			if err != nil || len(files) != 1 {
				t.Fatalf("seed %s: %v %v", tc.prefix, files, err)
			}
			b, err := os.ReadFile(files[0])
			if err != nil {
				t.Fatal(err)
			}
			anchor, ok := dates[filepath.Base(files[0])]
			if !ok {
				t.Fatalf("no date for %s", files[0])
			}
			got := map[string][]string{}
			for _, x := range Find(string(b), anchor) {
				checkSpan(t, string(b), x)
				got[x.Text] = append(got[x.Text], x.Value)
			}
			for expr, want := range tc.want {
				if strings.Join(got[expr], " ") != strings.Join(want, " ") {
					t.Errorf("%q: got %v, want %v", expr, got[expr], want)
				}
			}
		})
	}
}

func seedDates(t *testing.T) map[string]time.Time {
	t.Helper()
	return sharedtest.SeedDates(t)
}

func TestDurationValue(t *testing.T) {
	cases := []struct {
		n    float64
		unit string
		want string
	}{
		{3, "Y", "P3Y"},
		{3.5, "Y", "P3Y6M"},
		{1.5, "TM", "PT1M30S"},
		{2.5, "TH", "PT2H30M"},
		{0.5, "Y", "P6M"},
		{1.5, "D", "P1DT12H"},
		{24, "TH", "PT24H"},
		{1.5, "Q", "P1.5Q"},
		{2, "E", "P2E"},
	}
	for _, tc := range cases {
		if got := durationValue(tc.n, tc.unit); got != tc.want {
			t.Errorf("durationValue(%v, %s) = %s, want %s", tc.n, tc.unit, got, tc.want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	cases := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"three", 3, true},
		{"twenty four", 24, true},
		{"twenty-four", 24, true},
		{"three and a half", 3.5, true},
		{"2 1/2", 2.5, true},
		{"a hundred", 100, true},
		{"two thousand", 2000, true},
		{"a couple of", 2, true},
		{"1,000", 1000, true},
		{"a", 1, true},
		{"several", 0, false},
		{"banana", 0, false},
		{"", 0, false},
	}
	for _, tc := range cases {
		got, ok := parseNumber(tc.in)
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("parseNumber(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
