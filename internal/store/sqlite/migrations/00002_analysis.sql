-- What the analysis stages found: per-article results (mentions, quotes,
-- time expressions), stories and storylines, cross-article entities, merge
-- records so that old story IDs keep resolving, and opaque stage state.
--
-- Rich values are stored as JSON in data columns; the columns beside them
-- are the ones queries filter and sort on.

-- +goose Up
CREATE TABLE analysis (
    article_seq    INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    analysed_order INTEGER NOT NULL,
    story_id       TEXT    NOT NULL DEFAULT '',
    duplicate_of   TEXT    NOT NULL DEFAULT '',
    data           TEXT    NOT NULL CHECK (json_valid(data))
);
CREATE INDEX analysis_order ON analysis (analysed_order);
CREATE INDEX analysis_story ON analysis (story_id);

CREATE TABLE quotes (
    article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    speaker     TEXT    NOT NULL DEFAULT '',
    speaker_id  TEXT    NOT NULL DEFAULT '',
    direct      INTEGER NOT NULL DEFAULT 0,
    data        TEXT    NOT NULL CHECK (json_valid(data)),
    PRIMARY KEY (article_seq, idx)
);
CREATE INDEX quotes_speaker_id ON quotes (speaker_id);

CREATE TABLE stories (
    id           TEXT PRIMARY KEY,
    storyline_id TEXT NOT NULL DEFAULT '',
    first_seen   TEXT,
    last_seen    TEXT,
    data         TEXT NOT NULL CHECK (json_valid(data))
);
CREATE INDEX stories_last_seen ON stories (last_seen);
CREATE INDEX stories_storyline ON stories (storyline_id);

CREATE TABLE storylines (
    id         TEXT PRIMARY KEY,
    first_seen TEXT,
    last_seen  TEXT,
    data       TEXT NOT NULL CHECK (json_valid(data))
);

CREATE TABLE merges (
    kind    TEXT NOT NULL,
    from_id TEXT NOT NULL,
    into_id TEXT NOT NULL,
    at      TEXT,
    PRIMARY KEY (kind, from_id)
);

CREATE TABLE entities (
    id       TEXT PRIMARY KEY,
    name     TEXT    NOT NULL,
    kind     TEXT    NOT NULL DEFAULT '',
    mentions INTEGER NOT NULL DEFAULT 0,
    data     TEXT    NOT NULL CHECK (json_valid(data))
);
CREATE INDEX entities_mentions ON entities (mentions DESC, name);

CREATE TABLE entity_ids (
    local_id     TEXT PRIMARY KEY,
    canonical_id TEXT NOT NULL
);

CREATE TABLE stage_state (
    name TEXT PRIMARY KEY,
    data BLOB NOT NULL
);

-- +goose Down
DROP TABLE stage_state;
DROP TABLE entity_ids;
DROP TABLE entities;
DROP TABLE merges;
DROP TABLE storylines;
DROP TABLE stories;
DROP TABLE quotes;
DROP TABLE analysis;
