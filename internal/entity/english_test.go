package entity

import "testing"

// kindsOf returns the kind of every entity by name.
func kindsOf(text string) map[string]string {
	ents, _ := extractEnglish(text)
	out := map[string]string{}
	for _, e := range ents {
		out[e.Name] = e.Kind
	}
	return out
}

func TestTeamsAreOrganisations(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want map[string]string
	}{
		{
			name: "match report",
			in:   "Spain beat Italy 2 – 1 in Russia on Sunday.\nGroup B — Spain 2 – 1 Italy\nSpain had more of the ball, and Italy scored late.",
			want: map[string]string{"Spain": KindOrganisation, "Italy": KindOrganisation, "Russia": KindCountry},
		},
		{
			name: "one score is no match report",
			in:   "Spain said 3-0 was a fair vote. Italy and France agreed.",
			want: map[string]string{"Spain": KindCountry, "Italy": KindCountry, "France": KindCountry},
		},
		{
			name: "no score",
			in:   "Sweden and Finland joined NATO after Russia invaded Ukraine.",
			want: map[string]string{"Sweden": KindCountry, "Finland": KindCountry, "Russia": KindCountry},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := kindsOf(tt.in)
			for name, kind := range tt.want {
				if got[name] != kind {
					t.Errorf("%s: kind %q, want %q (all: %v)", name, got[name], kind, got)
				}
			}
		})
	}
}

func TestIsScore(t *testing.T) {
	for in, want := range map[string]bool{
		"1 – 0": true, "3-0;": true, "2 — 1 up": true, "10-9": true,
		"2019-20": false, "1 to 0": false, "": false, "5 - ": false, "123-4": false,
	} {
		if got := isScore(in); got != want {
			t.Errorf("isScore(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestVenuesArePlaces(t *testing.T) {
	text := "The teams met at the Kazan Arena on Monday, and fans gathered at Liberty Square before the match."
	ents, ms := extractEnglish(text)
	kinds := map[string]string{}
	for _, e := range ents {
		kinds[e.Name] = e.Kind
	}
	for name, kind := range map[string]string{"Kazan Arena": KindPlace, "Kazan": KindPlace, "Liberty Square": KindPlace} {
		if kinds[name] != kind {
			t.Errorf("%s: kind %q, want %q (all: %v)", name, kinds[name], kind, kinds)
		}
	}
	if _, ok := kinds["Liberty"]; ok {
		t.Errorf("Liberty is no place of its own: %v", ms)
	}
}

func TestPlaceInsideOfName(t *testing.T) {
	tests := []struct {
		name, in string
		want     map[string]string
		absent   []string
	}{
		{
			name: "local authority",
			in:   "The Municipality of Pescara asked for the money. Schools in Pescara refused.",
			want: map[string]string{"Municipality of Pescara": KindOrganisation, "Pescara": KindPlace},
		},
		{
			name: "university of a known place",
			in:   "Researchers at the University of Ohio of the US wrote the study.",
			want: map[string]string{"University of Ohio": KindOrganisation, "Ohio": KindPlace, "United States": KindCountry},
		},
		{
			name:   "no place in a society's name",
			in:     "The Society of Friends met on Sunday.",
			want:   map[string]string{"Society of Friends": KindOrganisation},
			absent: []string{"Friends"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := kindsOf(tt.in)
			for name, kind := range tt.want {
				if got[name] != kind {
					t.Errorf("%s: kind %q, want %q (all: %v)", name, got[name], kind, got)
				}
			}
			for _, name := range tt.absent {
				if _, ok := got[name]; ok {
					t.Errorf("%s found: %v", name, got)
				}
			}
		})
	}
}

func TestTownBeforeRegion(t *testing.T) {
	got := kindsOf("A boy from Plano, Texas, built the clock. The Plano Police Department said little.")
	for name, kind := range map[string]string{"Plano": KindPlace, "Texas": KindPlace, "Plano Police Department": KindOrganisation} {
		if got[name] != kind {
			t.Errorf("%s: kind %q, want %q (all: %v)", name, got[name], kind, got)
		}
	}
	// A surname before a comma and a state stays out of places.
	got = kindsOf("Senator John Smith, Texas Republican, said no.")
	if got["Smith"] == KindPlace || got["John Smith"] != KindPerson {
		t.Errorf("John Smith: %v", got)
	}
}

func TestCompanyWordsSettleTheKind(t *testing.T) {
	text := "The offer came from Zentrix Ltd on Monday. Zentrix said the bid was final.\n" +
		"Zentrix said it would wait. Analysts doubted Zentrix would win, and Zentrix shares fell."
	if got := kindsOf(text); got["Zentrix"] != KindOrganisation {
		t.Errorf("Zentrix: kind %q, want organisation (all: %v)", got["Zentrix"], got)
	}
	text = "The offer came from the chipmaker Zentrix on Monday, and analysts expect Zentrix to win. Later Zentrix said the bid was final."
	if got := kindsOf(text); got["Zentrix"] != KindOrganisation {
		t.Errorf("chipmaker Zentrix: kind %q, want organisation (all: %v)", got["Zentrix"], got)
	}
	// Speech verbs alone still make a person.
	text = "Moreno said the plan was ready. Later Moreno said it again, and Moreno left."
	if got := kindsOf(text); got["Moreno"] != KindPerson {
		t.Errorf("Moreno: kind %q, want person (all: %v)", got["Moreno"], got)
	}
}

func TestClauseAfterCommaIsNoAppositive(t *testing.T) {
	text := "The actress Anna Marlow spoke about the film by Peter Lenz. In the scene Lenz was choking Marlow, the director told Variety it was her idea. Later the director said more."
	ents, _ := extractEnglish(text)
	for _, e := range ents {
		if e.Name != "Anna Marlow" {
			continue
		}
		for _, a := range e.Aliases {
			if a == "the director" {
				t.Errorf("Anna Marlow carries %q: %v", a, e.Aliases)
			}
		}
		if len(e.Titles) > 0 && e.Titles[0] == "director" {
			t.Errorf("Anna Marlow holds the title director: %v", e.Titles)
		}
		return
	}
	t.Errorf("Anna Marlow not found: %v", ents)
}

func TestAppositive(t *testing.T) {
	for in, want := range map[string]string{
		", the presidential adviser on international policy, said": "presidential adviser",
		", the director, said":                          "director",
		", the director told Deadline it was her idea.": "",
		", Russia's president, said":                    "president",
	} {
		if got := appositive(in); got != want {
			t.Errorf("appositive(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVenueDescriptionsAreNoPlaces(t *testing.T) {
	got := kindsOf("Astronauts on the International Space Station saw it. Researchers at Colorado State University agreed.")
	for _, name := range []string{"International Space", "State University"} {
		if _, ok := got[name]; ok {
			t.Errorf("%s found: %v", name, got)
		}
	}
	if got["Colorado State University"] != KindOrganisation {
		t.Errorf("Colorado State University: %v", got)
	}
}

func TestGroupNouns(t *testing.T) {
	tests := []struct {
		name, in, word, want string
	}{
		{"a people", "The visas were denied to the girls, and critics said Afghans deserved better.", "Afghans", KindPerson},
		{"a faith", "The policy targets Muslims traveling to the country.", "Muslims", KindPerson},
		{"party members are no group noun", "The bill passed after Democrats agreed.", "Democrats", ""},
		{"a team's name", "The Cleveland Indians lost. Fans of the Indians wept as Indians fans left.", "Indians", ""},
		{"a national team", "Belgium beat Panama 3 – 0.\nGroup G — Belgium 3 – 0 Panama\nA late goal put the Belgians in the lead.", "Belgians", KindOrganisation},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := kindsOf(tt.in); got[tt.word] != tt.want {
				t.Errorf("%s: kind %q, want %q (all: %v)", tt.word, got[tt.word], tt.want, got)
			}
		})
	}
}

func TestOrganisationShapes(t *testing.T) {
	for in, want := range map[string]map[string]string{
		"He left the Sea Org in May, and the Sea Org said nothing.": {"Sea Org": KindOrganisation},
		"In the first game of Group F, the teams drew.":             {"Group F": KindOrganisation},
		"The LA Weekly and the Medford Gazette ran the story.":      {"LA Weekly": KindOrganisation, "Medford Gazette": KindOrganisation},
	} {
		got := kindsOf(in)
		for name, kind := range want {
			if got[name] != kind {
				t.Errorf("%q: %s kind %q, want %q (all: %v)", in, name, got[name], kind, got)
			}
		}
	}
}

func TestISOPlaces(t *testing.T) {
	for k, want := range map[string]bool{"herat": true, "herāt": true, "livorno": true, "central": false, "victoria": false, "texas": false /* in the gazetteer */} {
		if _, got := isoPlaces[k]; got != want {
			t.Errorf("isoPlaces[%q] = %v, want %v", k, got, want)
		}
	}
	tests := []struct {
		in, word, want string
	}{
		{"The team travelled from Herat to the capital.", "Herat", KindPlace},
		{"Guerrero said the team travelled far, and Guerrero smiled.", "Guerrero", KindPerson},
		{"The voice of Batman in Batman: The Animated Series spoke.", "Batman", ""},
	}
	for _, tt := range tests {
		if got := kindsOf(tt.in); got[tt.word] != tt.want {
			t.Errorf("%q: %s kind %q, want %q (all: %v)", tt.in, tt.word, got[tt.word], tt.want, got)
		}
	}
}

func TestNoHashtagsOrCommonAcronyms(t *testing.T) {
	got := kindsOf("The hashtag #StandWithMaria spread, and #StandWithMaria trended. She got VIP treatment, and VIP guests came; her IQ tests and IQ scores were high. NATO said so.")
	for _, name := range []string{"StandWithMaria", "VIP", "IQ"} {
		if _, ok := got[name]; ok {
			t.Errorf("%s found: %v", name, got)
		}
	}
	if got["NATO"] != KindOrganisation {
		t.Errorf("NATO: %v", got)
	}
}

func TestGazetteerNamesWithAnd(t *testing.T) {
	got := kindsOf("Troops from Bosnia and Herzegovina arrived, wrote Anna Berg of The Globe and Mail. Smith and Jones left.")
	for name, kind := range map[string]string{"Bosnia and Herzegovina": KindCountry, "The Globe and Mail": KindOrganisation, "Anna Berg": KindPerson} {
		if got[name] != kind {
			t.Errorf("%s: kind %q, want %q (all: %v)", name, got[name], kind, got)
		}
	}
	if _, ok := got["Smith and Jones"]; ok {
		t.Errorf("Smith and Jones joined: %v", got)
	}
}

func TestOrganisationNamesWithForAndOn(t *testing.T) {
	got := kindsOf("Mara Lind spoke for the Joint Council for the Welfare of Migrants, and the Council on Arab - Latin Relations Tom Berg agreed.")
	for name, kind := range map[string]string{
		"Joint Council for the Welfare of Migrants": KindOrganisation,
		"Council on Arab - Latin Relations":         KindOrganisation,
		"Mara Lind":                                 KindPerson,
	} {
		if got[name] != kind {
			t.Errorf("%s: kind %q, want %q (all: %v)", name, got[name], kind, got)
		}
	}
	// "for" after a person's name joins nothing.
	got = kindsOf("Anna Berg voted for Tom Smith on Monday.")
	if got["Anna Berg"] != KindPerson || got["Tom Smith"] != KindPerson {
		t.Errorf("for between persons: %v", got)
	}
}

func TestShapesThatAreNoPersons(t *testing.T) {
	got := kindsOf("The Booker Prize-winner spoke. Successful Stormtroopers posed, and the National Iodine Nutrition study ended. Climbers left Mount Kenya for Lake Tahoe.\nTeam Norway won, and the team went home.")
	for _, name := range []string{"Booker Prize-winner", "Successful Stormtroopers", "National Iodine Nutrition"} {
		if got[name] == KindPerson {
			t.Errorf("%s is a person: %v", name, got)
		}
	}
	for name, kind := range map[string]string{"Mount Kenya": KindPlace, "Lake Tahoe": KindPlace, "Team Norway": KindOrganisation} {
		if got[name] != kind {
			t.Errorf("%s: kind %q, want %q (all: %v)", name, got[name], kind, got)
		}
	}
}

func TestTitleOfTheHeadsNoName(t *testing.T) {
	ents, _ := extractEnglish("Professor Ann Holt, Director of the National Salt Survey, spoke. Secretary of State Marco Rubio agreed.")
	for _, e := range ents {
		if e.Kind == KindPerson && e.Name != "Ann Holt" && e.Name != "Marco Rubio" {
			t.Errorf("%q is a person (%v)", e.Name, e.Evidence)
		}
		if e.Name == "Marco Rubio" && len(e.Titles) == 0 {
			t.Errorf("Marco Rubio lost his title")
		}
	}
}

func TestNamesakesInsideVenues(t *testing.T) {
	got := kindsOf("We met at the Chen Tian Hua Memorial Hall Station before the game.")
	for name, kind := range map[string]string{
		"Chen Tian Hua Memorial Hall Station": KindPlace,
		"Chen Tian Hua Memorial Hall":         KindPlace,
		"Chen Tian Hua Memorial":              KindPlace,
		"Chen Tian Hua":                       KindPerson,
	} {
		if got[name] != kind {
			t.Errorf("%s: kind %q, want %q (all: %v)", name, got[name], kind, got)
		}
	}
}

func TestOrganisationWordOfPlace(t *testing.T) {
	got := kindsOf("The study ran in the Medical Journal of Australia this week.")
	for name, kind := range map[string]string{"Medical Journal of Australia": KindOrganisation, "Australia": KindCountry} {
		if got[name] != kind {
			t.Errorf("%s: kind %q, want %q (all: %v)", name, got[name], kind, got)
		}
	}
}

func TestWordAfterANumberedName(t *testing.T) {
	got := kindsOf(`Microsoft opened "The Internet Explorer 6 Countdown" site, and users read Countdown pages, since Countdown tracks usage. In 2016 Obama spoke, and Obama left.`)
	if _, ok := got["Countdown"]; ok {
		t.Errorf("Countdown found: %v", got)
	}
	if got["Obama"] != KindPerson {
		t.Errorf("Obama: %v", got)
	}
	got = kindsOf("The 501st Legion brought costumes, and fans of the Legion posed while Legion members smiled.")
	if got["Legion"] == KindPerson {
		t.Errorf("Legion is a person: %v", got)
	}
	for w, want := range map[string]bool{"501st": true, "22nd": true, "3rd": true, "4th": true, "first": false, "st": false, "1x": false} {
		if digitOrdinal(w) != want {
			t.Errorf("digitOrdinal(%q) != %v", w, want)
		}
	}
}
