package news

import "time"

// Story is a group of articles about one event. The JSON field names are a
// public interface (CLI --json output, HTTP API).
type Story struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	StorylineID string `json:"storyline_id"`
	// ArticleIDs are in the order the articles were added.
	ArticleIDs []string `json:"article_ids"`
	// Outlets are the distinct outlets, in order of first appearance.
	Outlets []string `json:"outlets"`
	// FirstSeen and LastSeen span the dated articles; zero when none is dated.
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
	// Terms are the story's most characteristic words.
	Terms []string `json:"terms"`
	// UndatedArticleIDs lists the articles that had no publication time.
	UndatedArticleIDs []string `json:"undated_article_ids,omitempty"`
}

// Storyline is an arc of stories over weeks or months.
type Storyline struct {
	ID        string    `json:"id"`
	Label     string    `json:"label"`
	StoryIDs  []string  `json:"story_ids"`
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
	// Terms and Actors are the words and names the label is made of.
	Terms  []string `json:"terms"`
	Actors []string `json:"actors"`
}

// Merge records that a story (or storyline) was folded into another, so
// that links to the old ID keep working.
type Merge struct {
	Kind string    `json:"kind"` // "story" or "storyline"
	From string    `json:"from"`
	Into string    `json:"into"`
	At   time.Time `json:"at"` // publication time of the article that caused it
}

// Entity is one person, organisation, place or country. The JSON field
// names are a public interface (CLI --json output).
type Entity struct {
	// ID is stable: a hash of the kind and the normalisation key, so the same
	// name gets the same ID in every article and every run.
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
	// Aliases are the other surface forms the entity was mentioned by,
	// including surnames and titles ("Vance", "the vice president").
	Aliases  []string `json:"aliases"`
	Mentions int      `json:"mentions"`
	// Titles are the lowercase titles tied to a person in the text
	// ("vice president", "foreign policy adviser").
	Titles []string `json:"titles,omitempty"`
	// Gender is "m" or "f" when a given name or honorific shows it, else "".
	Gender string `json:"gender,omitempty"`
	// Key is the cross-script key of the name (lang.NameKey: Путина,
	// Putin and Putins fold to "putin"), the same in every language.
	Key string `json:"key,omitempty"`
	// NameByLang is the entity's name in each language it was seen in
	// (ISO 639-1 code → name: "ru" → "Владимир Путин").
	NameByLang map[string]string `json:"name_by_lang,omitempty"`
	// Evidence says why the entity has its kind ("gazetteer", "title:
	// president", "given name", "speech verb", "surname ending", ...).
	Evidence []string `json:"evidence,omitempty"`
}

// Mention is one place in a text that refers to an entity. Start and End
// are byte offsets into the article text.
type Mention struct {
	EntityID string `json:"entity_id"`
	Text     string `json:"text"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	// Form says how the entity was named: "name" (full or gazetteer name),
	// "surname" (a back-reference), or "title" ("the vice president").
	Form string `json:"form"`
	// Key is the cross-script key of the mention's entity name
	// (lang.NameKey), for matching names across languages.
	Key string `json:"key,omitempty"`
}

// Quote is one attributed statement. The JSON field names are a public
// interface (CLI --json output).
type Quote struct {
	ArticleID string `json:"article_id"`
	// Text is the quoted words without the quotation marks (direct), or the
	// reported clause (indirect).
	Text string `json:"text"`
	// Speaker is the speaker's entity name, "unnamed" for anonymous sources,
	// the describing phrase when it names no entity, or "" when no speaker
	// could be found.
	Speaker string `json:"speaker"`
	// SpeakerID is the entity ID of the speaker, "" when not an entity.
	SpeakerID string `json:"speaker_id"`
	// SpeakerText is the mention of the speaker the quote was attributed
	// to, as written ("the president", "he", "a senior official",
	// "Vance"); SpeakerStart and SpeakerEnd are its byte offsets in the
	// article text, -1 when there is no such mention (no speaker, or a
	// transcript label). Empty and zero on quotes stored before these
	// fields existed.
	SpeakerText  string `json:"speaker_text,omitempty"`
	SpeakerStart int    `json:"speaker_start"`
	SpeakerEnd   int    `json:"speaker_end"`
	// Cue is the speech verb or phrase as written ("said", "told",
	// "according to").
	Cue    string `json:"cue"`
	Direct bool   `json:"direct"`
	// Start and End are byte offsets of the quote in the article text,
	// quotation marks included for direct quotes.
	Start int `json:"start"`
	End   int `json:"end"`
	// Sentence is the index of the sentence the quote starts in.
	Sentence int `json:"sentence"`
	// Date is the article's publication date when known.
	Date time.Time `json:"date,omitzero"`
}

// Timex is one time expression found in a text, normalized to a TimeML
// value against the article's date.
type Timex struct {
	// Text is the expression as written; Start and End are its byte offsets.
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Type is the TimeML type: DATE, TIME, DURATION or SET.
	Type string `json:"type"`
	// Value is the TimeML value: 2025-09-24, 2025-W48, P3Y6M, PAST_REF...
	Value string `json:"value"`
	// Resolved is false when the value could not be fully determined; Note
	// says why.
	Resolved bool   `json:"resolved"`
	Note     string `json:"note,omitempty"`
}
