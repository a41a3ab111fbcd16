package entity

import (
	"slices"
	"testing"
)

// TestTitleQualifierBelongsToItsName: "the British prime minister" joins
// the prime minister the article calls British, not another holder of the
// title whose name follows the qualified one ("British Prime Minister
// David Cameron and Vladimir Putin").
func TestTitleQualifierBelongsToItsName(t *testing.T) {
	tests := []struct {
		name, text, alias, want, notWant string
	}{
		{
			name: "qualifier of the name before",
			text: "Prime Minister Vladimir Putin met the press in 2010. A spokesman for British Prime Minister David Cameron and Vladimir Putin said nothing.\n\n" +
				"The British prime minister said more sanctions would follow.",
			alias: "the british prime minister", want: "David Cameron", notWant: "Vladimir Putin",
		},
		{
			name:  "a comparison is no appositive",
			text:  "Russian President Vladimir Putin was named in the leak. And like Vladimir Putin, the British Prime Minister is not named in the reports himself.",
			alias: "the british prime minister", notWant: "Vladimir Putin",
		},
		{
			name:  "qualifier of the only holder",
			text:  "British Prime Minister Theresa May spoke on Monday. Later the British prime minister left for Brussels.",
			alias: "the british prime minister", want: "Theresa May",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ents, _ := Extract(tc.text)
			found := false
			for _, e := range ents {
				has := slices.Contains(e.Aliases, tc.alias)
				switch {
				case e.Name == tc.want && has:
					found = true
				case e.Name == tc.notWant && has:
					t.Errorf("%s has the alias %q", e.Name, tc.alias)
				}
			}
			if !found && tc.want != "" {
				t.Errorf("%s lacks the alias %q: %+v", tc.want, tc.alias, ents)
			}
		})
	}
}
