package quote

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/entity"
)

// find runs entity extraction and Find on text.
func find(text string) ([]Quote, []Problem) {
	ents, ms := entity.Extract(text)
	return Find(text, ents, ms)
}

type want struct {
	text    string // substring of the quote text
	speaker string // "" means no speaker
	cue     string
	direct  bool
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []want
		// notQuoted lists substrings that must not appear in any quote.
		notQuoted []string
	}{
		{
			name: "straight quotes, speaker after",
			in:   `"We had a call. It was quite long," President Donald Trump said on Friday.`,
			want: []want{{"We had a call", "Donald Trump", "said", true}},
		},
		{
			name: "curly quotes, inverted cue",
			in:   "“He stepped in when no one else would,” said Robert McAtee, a coal industry veteran.",
			want: []want{{"He stepped in", "Robert McAtee", "said", true}},
		},
		{
			name: "guillemets",
			in:   "Foreign Minister Sergei Lavrov said: «Russia will not deviate from its goals.»",
			want: []want{{"Russia will not deviate", "Sergei Lavrov", "said", true}},
		},
		{
			name: "speaker before with comma",
			in:   "Yuri Ushakov, the presidential adviser, remarked, \"Russia will not deviate from its goals,\" in a briefing.",
			want: []want{{"Russia will not deviate", "Yuri Ushakov", "remarked", true}},
		},
		{
			name: "opening mark lost where joined paragraphs were split again",
			in:   "\"No, sanctions are not off the table,\" Vance said. \"We will decide case by case.\"\n\nIf you look at how they fight, they do not want a ceasefire,\" he added.\n\n\"We have pushed for a ceasefire.\"",
			want: []want{
				{"No, sanctions", "Vance", "said", true},
				{"We will decide", "Vance", "said", true},
				{"If you look", "Vance", "added", true},
				{"We have pushed", "Vance", "added", true},
			},
		},
		{
			name: "split quote around he said",
			in:   "Vice President JD Vance spoke on Sunday. “I don't like it,” he said. “But this is a war.”",
			want: []want{
				{"I don't like it", "JD Vance", "said", true},
				{"But this is a war", "JD Vance", "said", true},
			},
		},
		{
			name: "split quote inside one sentence",
			in:   "Marco Rubio met reporters. “The one that I thought would be the easiest,” he said, “was this one.”",
			want: []want{
				{"The one that I thought", "Marco Rubio", "said", true},
				{"was this one", "Marco Rubio", "said", true},
			},
		},
		{
			name: "multi-paragraph quote without closing mark on the first paragraph",
			in:   "Senator Jane Smith said:\n\n“The first paragraph goes on without a closing mark.\n\n“The second paragraph closes it.”\n\nThen the story went on.",
			want: []want{{"The first paragraph goes on without a closing mark.\n\nThe second paragraph closes it.", "Jane Smith", "said", true}},
		},
		{
			name: "partial quote inside a sentence",
			in:   "On Sept. 18, speaking with Prime Minister Keir Starmer, President Donald Trump said that Vladimir Putin had “let him down.”",
			want: []want{
				{"let him down", "Donald Trump", "said", true},
			},
		},
		{
			name: "indirect speech with said that",
			in:   "Russian Foreign Minister Sergey Lavrov said that no meeting between the leaders had been planned.",
			want: []want{{"no meeting between the leaders had been planned", "Sergey Lavrov", "said", false}},
		},
		{
			name: "indirect speech, sentence-final attribution",
			in:   "Kiev is not interested in peace but in forming military alliances, Russian Foreign Minister Sergey Lavrov said last week.",
			want: []want{{"Kiev is not interested in peace", "Sergey Lavrov", "said", false}},
		},
		{
			name: "according to",
			in:   "According to Ukrainian President Volodymyr Zelensky, the talks will resume in Geneva next week.",
			want: []want{{"the talks will resume in Geneva", "Volodymyr Zelensky", "according to", false}},
		},
		{
			name: "anonymous source",
			in:   "Donald Trump has complained in private. ”He just wants this over. It almost doesn’t matter how,” a senior official said.",
			want: []want{{"He just wants this over", Unnamed, "said", true}},
		},
		{
			name: "indirect speech, clause without that opening with a noun phrase",
			in:   "Vice President Mike Pence says too much is made of the candidate's late-night posts.",
			want: []want{{"too much is made", "Mike Pence", "says", false}},
		},
		{
			name: "object of a call, not a clause",
			in:   "Former DNC chairman Donald Fowler called for a special meeting to vote on a replacement nominee.",
			want: []want{{"a special meeting to vote", "Donald Fowler", "called for", false}},
		},
		{
			name: "what X called something",
			in:   "Senator Elizabeth Warren called the bank's practices a massive fraud on its own customers.",
			want: []want{{"the bank's practices a massive fraud", "Elizabeth Warren", "called", false}},
		},
		{
			name: "X told Y a clause: the speaker is X",
			in:   "President Donald Trump told Vladimir Putin the sanctions would stay in place for now.",
			want: []want{{"the sanctions would stay", "Donald Trump", "told", false}},
		},
		{
			name: "passive: was quoted as saying",
			in:   "Senator Bernie Sanders was quoted as saying the program had failed working families.",
			want: []want{{"the program had failed", "Bernie Sanders", "quoted as saying", false}},
		},
		{
			name: "anonymous sources, indirect",
			in:   "Trump has privately complained that his diplomacy produced nothing, some officials close to the White House told the magazine.",
			want: []want{{"Trump has privately complained", Unnamed, "told", false}},
		},
		{
			name: "title resolved to a person",
			in:   "U.S. Vice President JD Vance visited North Carolina. “We want the killing to stop,” the vice president said.",
			want: []want{{"We want the killing to stop", "JD Vance", "said", true}},
		},
		{
			name:      "show title is not a quote",
			in:        "Vice President JD Vance said on NBC News' \"Meet the Press\" that he did not think Moscow was stalling.",
			want:      []want{{"he did not think Moscow was stalling", "JD Vance", "said", false}},
			notQuoted: []string{"Meet the Press"},
		},
		{
			name:      "headline fragment is not a quote",
			in:        "Russia \"made significant concessions\" to Trump on Ukraine talks, Vance says\n\nThe vice president spoke on Sunday.",
			want:      nil,
			notQuoted: []string{"made significant concessions"},
		},
		{
			name: "transcript turns",
			in:   "Partial transcript as follows:\n\n\"WALLACE: Will Gennifer Flowers be there?\n\n\"PENCE: Gennifer Flowers will not be attending the debate.\n\n\"(CROSSTALK.)",
			want: []want{
				{"Will Gennifer Flowers be there?", "Wallace", ":", true},
				{"Gennifer Flowers will not be attending", "Pence", ":", true},
			},
			notQuoted: []string{"CROSSTALK"},
		},
		{
			name: "nested quotes stay inside the outer quote",
			in:   "“He told me ‘never again’ and left,” Senator Jane Smith said.",
			want: []want{{"He told me ‘never again’ and left", "Jane Smith", "said", true}},
		},
		{
			name: "quote ending in a question mark",
			in:   "“Does anybody know what the platform is?” Graham asked.",
			want: []want{{"Does anybody know", "Graham", "asked", true}},
		},
		{
			name: "dash attribution",
			in:   "“Maybe we can build a wall around him.” ― Steve Quinlan",
			want: []want{{"Maybe we can build a wall", "Steve Quinlan", "―", true}},
		},
		{
			name: "straight closing mark between spaces",
			in:   "Rep. Bobby Scott spoke on Monday. \"I've always been insulted with the term 'outreach,' \" he told the group.",
			want: []want{{"I've always been insulted", "Bobby Scott", "told", true}},
		},
		{
			name: "colon after a sentence without a speech verb",
			in:   "The New York Times reports:\n\n\"Just 24 percent of the contributors have given $200 or less.\"",
			want: []want{{"Just 24 percent", "The New York Times", "reports", true}},
		},
		{
			name: "unknown name before its cue, with an adverb",
			in:   "Lamenting their luck, Mexicans often say, \"Poor Mexico, so far from God.\"",
			want: []want{{"Poor Mexico", "Mexicans", "say", true}},
		},
		{
			name: "object after a later verb is not the source",
			in:   "Even China, North Korea's only ally, said it was \"resolutely opposed\" to the test and warned North Korea to refrain.",
			want: []want{{"resolutely opposed", "China", "said", true}},
		},
		{
			name: "possessor of a speech noun",
			in:   "Politifact checked Donald Trump's claim that there have been \"thousands of shootings\" in Chicago.",
			want: []want{{"thousands of shootings", "Donald Trump", "claim", true}},
		},
		{
			name: "describing phrases as sources",
			in:   "\"We see charter schools offering hope,\" the letter reads. \"We live in Satan's kingdom,\" my father often said. \"A state cannot avoid the conclusion,\" said the ruling.",
			want: []want{
				{"We see charter schools", "the letter", "reads", true},
				{"We live in Satan's kingdom", "my father", "said", true},
				{"A state cannot avoid", "the ruling", "said", true},
			},
		},
		{
			name: "a possessive name opens a describing source",
			in:   "Barack Obama spoke. “That was outrageous,” Obama’s former campaign strategist said. Hillary Clinton’s campaign said it was “a disgrace.”",
			want: []want{
				{"That was outrageous", "Obama’s former campaign strategist", "said", true},
				{"a disgrace", "Hillary Clinton’s campaign", "said", true},
			},
		},
		{
			name: "pronoun after a describing subject in its own sentence",
			in:   "Lloyd Newton spoke first. The GOP candidate gave no estimate, though he said \"budget reforms\" would pay for it.",
			want: []want{{"budget reforms", "The GOP candidate", "said", true}},
		},
		{
			name: "doubled apostrophes as quotation marks",
			in:   "''We've shown the world we can float like butterflies,'' Mr. Barack Obama said.",
			want: []want{{"We've shown the world", "Barack Obama", "said", true}},
		},
		{
			name:      "title after a title noun",
			in:        "In his 2002 book, \"Make Your Kid a Millionaire,\" Kevin McKinley suggested saving more.",
			notQuoted: []string{"Make Your Kid"},
		},
		{
			name:      "markup attributes are not quotes",
			in:        `<tweet tweet-id="783499116076687360"><tweet/>.`,
			want:      nil,
			notQuoted: []string{"783499116076687360"},
		},
		{
			name:      "nickname is not a quote",
			in:        `In a tradition he has kept for 40 years, Rep. Robert C. "Bobby" Scott threw open his back yard.`,
			notQuoted: []string{"Bobby"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			qs, _ := find(tc.in)
			for _, w := range tc.want {
				q, ok := lookup(qs, w.text, w.direct)
				if !ok {
					t.Errorf("no %s quote containing %q; got %s", kind(w.direct), w.text, dump(qs))
					continue
				}
				if q.Speaker != w.speaker {
					t.Errorf("quote %q: speaker %q, want %q", w.text, q.Speaker, w.speaker)
				}
				if q.Cue != w.cue {
					t.Errorf("quote %q: cue %q, want %q", w.text, q.Cue, w.cue)
				}
				if q.Start < 0 || q.End > len(tc.in) || q.Start >= q.End {
					t.Errorf("quote %q: bad offsets %d..%d", w.text, q.Start, q.End)
				}
			}
			for _, s := range tc.notQuoted {
				for _, q := range qs {
					if q.Direct && strings.Contains(q.Text, s) {
						t.Errorf("%q came out as a direct quote: %s", s, dump(qs))
					}
				}
			}
		})
	}
}

func lookup(qs []Quote, text string, direct bool) (Quote, bool) {
	for _, q := range qs {
		if q.Direct == direct && strings.Trim(q.Text, ",.") == strings.Trim(text, ",.") {
			return q, true
		}
	}
	for _, q := range qs {
		if q.Direct == direct && strings.Contains(q.Text, text) {
			return q, true
		}
	}
	return Quote{}, false
}

func kind(direct bool) string {
	if direct {
		return "direct"
	}
	return "indirect"
}

func dump(qs []Quote) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString("\n  ")
		b.WriteString(kind(q.Direct))
		b.WriteString(" [" + q.Speaker + "|" + q.Cue + "] ")
		b.WriteString(q.Text)
	}
	return b.String()
}

func TestFindBadInput(t *testing.T) {
	long := "“" + strings.Repeat("word ", 5000) + "end,” Jane Smith said."
	tests := []struct {
		name    string
		in      string
		problem string // substring of an expected Problem reason
		check   func(t *testing.T, qs []Quote)
	}{
		{
			name:    "unbalanced opening mark ends at its paragraph",
			in:      "Senator Jane Smith said: “This never closes.\n\nThe reporter's own words follow here.",
			problem: "unclosed",
			check: func(t *testing.T, qs []Quote) {
				for _, q := range qs {
					if q.Direct && strings.Contains(q.Text, "reporter") {
						t.Errorf("unclosed quote ran into the next paragraph: %q", q.Text)
					}
				}
			},
		},
		{
			name:    "stray closing mark",
			in:      "Nothing opens here,” he said.",
			problem: "closing quotation mark without an opening one",
		},
		{
			name:    "5,000-word quote is cut",
			in:      long,
			problem: "longer than the limit",
			check: func(t *testing.T, qs []Quote) {
				if len(qs) == 0 {
					t.Fatal("no quote")
				}
				for _, q := range qs {
					if q.End-q.Start > MaxQuoteLen {
						t.Errorf("quote spans %d bytes, limit %d", q.End-q.Start, MaxQuoteLen)
					}
				}
			},
		},
		{
			name:    "no sentence punctuation at all",
			in:      strings.Repeat("the talks went on and nobody said anything about it ", 400),
			problem: "",
		},
		{
			name:    "quote without a speaker is recorded",
			in:      "The weather was fine.\n\n“Nobody knows who said this.”",
			problem: "no speaker",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			qs, probs := find(tc.in)
			for _, q := range qs {
				if q.Start < 0 || q.End > len(tc.in) || q.Start > q.End {
					t.Fatalf("bad offsets %d..%d (len %d)", q.Start, q.End, len(tc.in))
				}
			}
			if tc.problem != "" {
				found := false
				for _, p := range probs {
					if strings.Contains(p.Reason, tc.problem) {
						found = true
					}
				}
				if !found {
					t.Errorf("no problem containing %q in %+v", tc.problem, probs)
				}
			}
			if tc.check != nil {
				tc.check(t, qs)
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	f.Add("“I believe it,” Vance told reporters.")
	f.Add("\"A,\" he said. \"B.\"")
	f.Add("«Non» — dit-il. ‘single’ quotes’ and \"unbalanced")
	f.Add("\"WALLACE: question?\n\n\"PENCE: answer.\n\n\"(CROSSTALK.)")
	f.Add("According to two U.S. officials, the meeting was useful.")
	f.Add("<tweet id=\"1\">\"x\"</tweet> ― Name")
	f.Add("a \"lawful source,\" as a memo put it. Pence says too much is made of it; Fowler called for a vote.")
	f.Add("Trump told Putin the sanctions would stay. Sanders was quoted as saying it had failed.")
	f.Add("Rawlings, 59, of Ashton, Md., who watched, said ''all.'' With X worried, Y is out: \"me.\"")
	f.Fuzz(func(t *testing.T, s string) {
		qs, probs := find(s)
		for _, q := range qs {
			if q.Start < 0 || q.End > len(s) || q.Start > q.End {
				t.Fatalf("quote offsets %d..%d out of range (len %d)", q.Start, q.End, len(s))
			}
			if q.SpeakerText == "" && (q.SpeakerStart != -1 || q.SpeakerEnd != -1) {
				t.Fatalf("no speaker mention but offsets %d..%d", q.SpeakerStart, q.SpeakerEnd)
			}
			if q.SpeakerText != "" && (q.SpeakerStart < 0 || q.SpeakerEnd > len(s) || q.SpeakerStart >= q.SpeakerEnd || s[q.SpeakerStart:q.SpeakerEnd] != q.SpeakerText) {
				t.Fatalf("speaker mention %q at %d..%d does not match the text", q.SpeakerText, q.SpeakerStart, q.SpeakerEnd)
			}
			if q.End-q.Start > MaxQuoteLen+8 && q.Direct {
				t.Fatalf("direct quote of %d bytes exceeds the limit", q.End-q.Start)
			}
		}
		for _, p := range probs {
			if p.Start < 0 || p.End > len(s) || p.Start > p.End {
				t.Fatalf("problem offsets %d..%d out of range (len %d)", p.Start, p.End, len(s))
			}
		}
	})
}

func TestFindSpeakerGuards(t *testing.T) {
	tests := []struct {
		name, in, quote, speaker string
	}{
		{"name opening a clause after the cue is not the source; a share of people is unnamed",
			"Voters were asked. However, 63 percent said Hillary Clinton was \"justified\" in keeping quiet.", "justified", Unnamed},
		{"a dash before a clause names nobody",
			"Senate Minority Leader Harry Reid has been pounding Trump as a “con artist” ― just as he did with Mitt Romney in 2012.", "con artist", "Harry Reid"},
		{"a group opening the clause speaks; a name governed by a preposition does not",
			"Small groups of marchers continued to ask about the death of Ralph Edward Owens, while chanting, \"We want answers.\"", "We want answers", "Small groups of marchers"},
		{"a quote opening its sentence follows on from the person the sentence before is about",
			"On Sunday, Sen. Bernie Sanders (Vt.), who lost the primaries, named exhaustion with bigotry as a reason to vote. \"The younger people are sick and tired of discrimination.\"", "younger people", "Bernie Sanders"},
		{"a long appositive between the name and the cue",
			"WASHINGTON -- President Obama, dedicating the National Museum of African American History and Culture on Saturday, said it would tell ''a story of hope.''", "story of hope", "Obama"},
		{"an appositive of several parts",
			"Donna Sampson Rawlings, 59, of Ashton, Md., who watched the ceremony on a screen on the Mall, said it brought back ''all the people who weren't here.''", "all the people", "Donna Sampson Rawlings"},
		{"the subject after an opening adverbial clause",
			"With party leaders increasingly worried about a lack of passion for Hillary Clinton among young voters, President Obama is rolling out a new message: \"It's about me.\"", "about me", "Obama"},
		{"as X put it",
			"He has not escaped being seen, as The New Yorker put it in a lengthy expose, “the operator.”", "the operator", "The New Yorker"},
		{"as X put it, after the quote",
			"The main requirement is a \"lawful source of investment income,\" as a Homeland Security memo put it.", "lawful source", "a Homeland Security memo"},
		{"a quantified description before the cue",
			"At a forum in Virginia on Monday, one questioner claimed that the “forces of political correctness” were harming the military.", "forces of political", "one questioner"},
		{"the name a participle hangs on; a cue past a subordinator is another clause's",
			"The spot ends with footage of Donald Trump saying during the debate, “That makes me smart,” when Hillary Clinton blasted him.", "makes me smart", "Donald Trump"},
		{"an opening participle phrase is no source",
			"Following a swiftly called, late-afternoon meeting, the Security Council issued a statement calling the test \"a clear violation\" of its resolutions.", "clear violation", "U.N. Security Council"},
		{"a name used as a modifier is not the pronoun's referent; the unknown name speaking before is",
			"Hillary Clinton spoke in Miami on Monday.\n\nWimes believes that the Clinton campaign took black voters for granted this year.\n\n\"They have a big problem,\" she said.", "big problem", "Wimes"},
		{"a chain of the same pronoun, past a name in an appositive",
			"Attorney General Loretta Lynch spoke on Monday.\n\nShe has faced controversies since meeting Bill Clinton while the department was investigating his wife, Democratic presidential nominee Hillary Clinton.\n\nShe said she was not aware of a backlash against her.\n\n\"People tend not to say those things to the attorney general,\" she said.", "People tend", "Loretta Lynch"},
		{"a bare surname after an opening phrase is the subject a pronoun chain ends at",
			"Brian Fallon spoke first about Clinton.\n\nOn Monday night, Clinton leaned in heavy and often. She started off with economic fairness. She then peppered him with attacks on his biography.\n\n\"Why won't he release his tax returns?\" she said.", "tax returns", "Clinton"},
		{"according to X at the end of the sentence",
			"More than 100,000 people took part in a nationwide “walk-in” at more than 2,000 schools, according to the event organizer.", "walk-in", "the event organizer"},
		{"a document opening the clause speaks",
			"The memo warned of delays, calling the plan \"unworkable in practice.\"", "unworkable", "The memo"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			qs, _ := find(tc.in)
			q, ok := lookup(qs, tc.quote, true)
			if !ok {
				t.Fatalf("quote %q not found: %s", tc.quote, dump(qs))
			}
			if q.Speaker != tc.speaker {
				t.Errorf("speaker %q, want %q", q.Speaker, tc.speaker)
			}
		})
	}
}

// TestSpeakerMention checks that each quote points at the mention of its
// speaker in the text: a name, a description, a pronoun, an anonymous noun.
func TestSpeakerMention(t *testing.T) {
	tests := []struct {
		name, in, quote, speaker, mention string
	}{
		{"name after the quote", `"We had a call," President Donald Trump said on Friday.`, "We had a call", "Donald Trump", "Donald Trump"},
		{"pronoun points at the pronoun", "Vice President JD Vance spoke on Sunday. \"No, sanctions are not off the table,\" he said.", "No, sanctions", "JD Vance", "he"},
		{"anonymous source", `"The talks are stalled," a senior official said.`, "talks are stalled", Unnamed, "official"},
		{"describing phrase", `"The claim is false," the ruling said.`, "claim is false", "the ruling", "the ruling"},
		{"split quote keeps the first part's mention", "\"A long answer,\" Vance said. \"Another one.\"", "Another one", "Vance", "Vance"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			qs, _ := find(tc.in)
			q, ok := lookup(qs, tc.quote, true)
			if !ok {
				t.Fatalf("quote %q not found: %s", tc.quote, dump(qs))
			}
			if q.Speaker != tc.speaker || q.SpeakerText != tc.mention {
				t.Errorf("speaker %q via %q, want %q via %q", q.Speaker, q.SpeakerText, tc.speaker, tc.mention)
			}
			if q.SpeakerText != "" && tc.in[q.SpeakerStart:q.SpeakerEnd] != q.SpeakerText {
				t.Errorf("offsets %d..%d give %q, not %q", q.SpeakerStart, q.SpeakerEnd, tc.in[q.SpeakerStart:q.SpeakerEnd], q.SpeakerText)
			}
		})
	}
}

// TestFindNothing lists texts with no attribution in them.
func TestFindNothing(t *testing.T) {
	tests := []struct{ name, in string }{
		{"a capitalised word inside a name is no cue", "The agreement between China and the United States resulted in the most significant climate deal in history."},
		{"a plural noun is no cue", "She then peppered him with attacks on his biography and his platform."},
		{"a title word is no cue", "Mexico Could Say No. In 2007, the trucks were allowed over the border for a pilot program."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if qs, _ := find(tc.in); len(qs) > 0 {
				t.Errorf("found %s", dump(qs))
			}
		})
	}
}

func TestFindByAuthor(t *testing.T) {
	text := "My father was a simple man. \"Terrorism is never the answer,\" I wrote to him in 1999."
	ents, ms := entity.Extract(text)
	tests := []struct {
		name, author, speaker, mention string
	}{
		{"the author speaks in the first person", "Jane Doe", "Jane Doe", "I"},
		{"no author, no speaker", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			qs, _ := FindByAuthor(text, tc.author, ents, ms)
			q, ok := lookup(qs, "never the answer", true)
			if !ok {
				t.Fatalf("quote not found: %s", dump(qs))
			}
			if q.Speaker != tc.speaker || q.SpeakerText != tc.mention {
				t.Errorf("speaker %q via %q, want %q via %q", q.Speaker, q.SpeakerText, tc.speaker, tc.mention)
			}
		})
	}
}
