-- The analysis tables' data columns without CHECK (json_valid(data)).
--
-- Only SaveAnalysis writes these columns, always from encoding/json, and
-- the check parsed every JSON value again on every insert and update: 0.3–0.4 s
-- of the Reuters bench's 30 s of CPU. SQLite cannot drop a CHECK
-- constraint in place, so each table is rebuilt: created anew without it,
-- the rows copied with their rowids, the old table dropped, the new one
-- renamed and its indexes made again. On a large database this copies
-- the analysis once (about as long as reading it). Rows of analysis and
-- quotes whose article is gone cannot exist while foreign keys are on
-- (they always are); the copy leaves out any such row rather than fail.
-- articles.removed and watches.data keep their check: they are small.

-- Three indexes of articles that no query reads go: articles_url (no
-- query filters or sorts on url), articles_outlet and
-- articles_origin_outlet (the outlet filter of Articles matches
-- outlet_key and origin_key through their own indexes, and the rows
-- stored before those keys through outlet_key = ''; EXPLAIN QUERY PLAN
-- shows the planner using articles_outlet_key or articles_published for
-- it, with and without ANALYZE's statistics). Every stored article wrote
-- an entry in each.

-- +goose Up
DROP INDEX articles_url;
DROP INDEX articles_outlet;
DROP INDEX articles_origin_outlet;

CREATE TABLE analysis_new (
    article_seq    INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    analysed_order INTEGER NOT NULL,
    story_id       TEXT    NOT NULL DEFAULT '',
    duplicate_of   TEXT    NOT NULL DEFAULT '',
    data           TEXT    NOT NULL
);
INSERT INTO analysis_new (article_seq, analysed_order, story_id, duplicate_of, data)
    SELECT article_seq, analysed_order, story_id, duplicate_of, data FROM analysis
    WHERE article_seq IN (SELECT seq FROM articles);
DROP TABLE analysis;
ALTER TABLE analysis_new RENAME TO analysis;
CREATE INDEX analysis_order ON analysis (analysed_order);
CREATE INDEX analysis_story ON analysis (story_id);
CREATE INDEX analysis_seq ON analysis (article_seq);

CREATE TABLE quotes_new (
    article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    speaker     TEXT    NOT NULL DEFAULT '',
    speaker_id  TEXT    NOT NULL DEFAULT '',
    direct      INTEGER NOT NULL DEFAULT 0,
    data        TEXT    NOT NULL,
    PRIMARY KEY (article_seq, idx)
);
INSERT INTO quotes_new (rowid, article_seq, idx, speaker, speaker_id, direct, data)
    SELECT rowid, article_seq, idx, speaker, speaker_id, direct, data FROM quotes
    WHERE article_seq IN (SELECT seq FROM articles);
DROP TABLE quotes;
ALTER TABLE quotes_new RENAME TO quotes;
CREATE INDEX quotes_speaker_id ON quotes (speaker_id);

CREATE TABLE stories_new (
    id           TEXT PRIMARY KEY,
    storyline_id TEXT NOT NULL DEFAULT '',
    first_seen   TEXT,
    last_seen    TEXT,
    data         TEXT NOT NULL,
    outlet_names TEXT NOT NULL DEFAULT ''
);
INSERT INTO stories_new (rowid, id, storyline_id, first_seen, last_seen, data, outlet_names)
    SELECT rowid, id, storyline_id, first_seen, last_seen, data, outlet_names FROM stories;
DROP TABLE stories;
ALTER TABLE stories_new RENAME TO stories;
CREATE INDEX stories_last_seen ON stories (last_seen);
CREATE INDEX stories_storyline ON stories (storyline_id);

CREATE TABLE storylines_new (
    id         TEXT PRIMARY KEY,
    first_seen TEXT,
    last_seen  TEXT,
    data       TEXT NOT NULL
);
INSERT INTO storylines_new (rowid, id, first_seen, last_seen, data)
    SELECT rowid, id, first_seen, last_seen, data FROM storylines;
DROP TABLE storylines;
ALTER TABLE storylines_new RENAME TO storylines;

CREATE TABLE entities_new (
    id       TEXT PRIMARY KEY,
    name     TEXT    NOT NULL,
    kind     TEXT    NOT NULL DEFAULT '',
    mentions INTEGER NOT NULL DEFAULT 0,
    data     TEXT    NOT NULL,
    names    TEXT    NOT NULL DEFAULT ''
);
INSERT INTO entities_new (rowid, id, name, kind, mentions, data, names)
    SELECT rowid, id, name, kind, mentions, data, names FROM entities;
DROP TABLE entities;
ALTER TABLE entities_new RENAME TO entities;
CREATE INDEX entities_mentions ON entities (mentions DESC, name);

-- +goose Down
CREATE TABLE entities_old (
    id       TEXT PRIMARY KEY,
    name     TEXT    NOT NULL,
    kind     TEXT    NOT NULL DEFAULT '',
    mentions INTEGER NOT NULL DEFAULT 0,
    data     TEXT    NOT NULL CHECK (json_valid(data)),
    names    TEXT    NOT NULL DEFAULT ''
);
INSERT INTO entities_old (rowid, id, name, kind, mentions, data, names)
    SELECT rowid, id, name, kind, mentions, data, names FROM entities;
DROP TABLE entities;
ALTER TABLE entities_old RENAME TO entities;
CREATE INDEX entities_mentions ON entities (mentions DESC, name);

CREATE TABLE storylines_old (
    id         TEXT PRIMARY KEY,
    first_seen TEXT,
    last_seen  TEXT,
    data       TEXT NOT NULL CHECK (json_valid(data))
);
INSERT INTO storylines_old (rowid, id, first_seen, last_seen, data)
    SELECT rowid, id, first_seen, last_seen, data FROM storylines;
DROP TABLE storylines;
ALTER TABLE storylines_old RENAME TO storylines;

CREATE TABLE stories_old (
    id           TEXT PRIMARY KEY,
    storyline_id TEXT NOT NULL DEFAULT '',
    first_seen   TEXT,
    last_seen    TEXT,
    data         TEXT NOT NULL CHECK (json_valid(data)),
    outlet_names TEXT NOT NULL DEFAULT ''
);
INSERT INTO stories_old (rowid, id, storyline_id, first_seen, last_seen, data, outlet_names)
    SELECT rowid, id, storyline_id, first_seen, last_seen, data, outlet_names FROM stories;
DROP TABLE stories;
ALTER TABLE stories_old RENAME TO stories;
CREATE INDEX stories_last_seen ON stories (last_seen);
CREATE INDEX stories_storyline ON stories (storyline_id);

CREATE TABLE quotes_old (
    article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    speaker     TEXT    NOT NULL DEFAULT '',
    speaker_id  TEXT    NOT NULL DEFAULT '',
    direct      INTEGER NOT NULL DEFAULT 0,
    data        TEXT    NOT NULL CHECK (json_valid(data)),
    PRIMARY KEY (article_seq, idx)
);
INSERT INTO quotes_old (rowid, article_seq, idx, speaker, speaker_id, direct, data)
    SELECT rowid, article_seq, idx, speaker, speaker_id, direct, data FROM quotes;
DROP TABLE quotes;
ALTER TABLE quotes_old RENAME TO quotes;
CREATE INDEX quotes_speaker_id ON quotes (speaker_id);

CREATE TABLE analysis_old (
    article_seq    INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    analysed_order INTEGER NOT NULL,
    story_id       TEXT    NOT NULL DEFAULT '',
    duplicate_of   TEXT    NOT NULL DEFAULT '',
    data           TEXT    NOT NULL CHECK (json_valid(data))
);
INSERT INTO analysis_old (article_seq, analysed_order, story_id, duplicate_of, data)
    SELECT article_seq, analysed_order, story_id, duplicate_of, data FROM analysis;
DROP TABLE analysis;
ALTER TABLE analysis_old RENAME TO analysis;
CREATE INDEX analysis_order ON analysis (analysed_order);
CREATE INDEX analysis_story ON analysis (story_id);
CREATE INDEX analysis_seq ON analysis (article_seq);

CREATE INDEX articles_outlet ON articles (outlet, published);
CREATE INDEX articles_origin_outlet ON articles (origin_outlet, published);
CREATE INDEX articles_url ON articles (url);
