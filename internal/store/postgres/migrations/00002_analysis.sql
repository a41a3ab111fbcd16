-- What the analysis stages found: per-article results (mentions, quotes,
-- time expressions), stories and storylines, cross-article entities, merge
-- records so that old story IDs keep resolving, and opaque stage state.
--
-- Rich values are stored as jsonb in data columns; the columns beside them
-- are the ones queries filter and sort on. analysed_order comes from a
-- sequence, so concurrent batches never share a number.

-- +goose Up
CREATE SEQUENCE analysis_order;

CREATE TABLE analysis (
    article_seq    bigint PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    analysed_order bigint NOT NULL DEFAULT nextval('analysis_order'),
    story_id       text   COLLATE "C" NOT NULL DEFAULT '',
    duplicate_of   text   COLLATE "C" NOT NULL DEFAULT '',
    data           jsonb  NOT NULL
);
CREATE INDEX analysis_order_idx ON analysis (analysed_order);
CREATE INDEX analysis_story ON analysis (story_id);

CREATE TABLE quotes (
    article_seq bigint  NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    idx         integer NOT NULL,
    speaker     text    NOT NULL DEFAULT '',
    speaker_id  text    COLLATE "C" NOT NULL DEFAULT '',
    direct      boolean NOT NULL DEFAULT false,
    data        jsonb   NOT NULL,
    PRIMARY KEY (article_seq, idx)
);
CREATE INDEX quotes_speaker_id ON quotes (speaker_id);

CREATE TABLE stories (
    id           text COLLATE "C" PRIMARY KEY,
    storyline_id text COLLATE "C" NOT NULL DEFAULT '',
    first_seen   timestamptz,
    last_seen    timestamptz,
    data         jsonb NOT NULL
);
CREATE INDEX stories_last_seen ON stories (last_seen DESC NULLS LAST, id);
CREATE INDEX stories_storyline ON stories (storyline_id);

CREATE TABLE storylines (
    id         text COLLATE "C" PRIMARY KEY,
    first_seen timestamptz,
    last_seen  timestamptz,
    data       jsonb NOT NULL
);

CREATE TABLE merges (
    kind    text NOT NULL,
    from_id text COLLATE "C" NOT NULL,
    into_id text COLLATE "C" NOT NULL,
    at      timestamptz,
    PRIMARY KEY (kind, from_id)
);

CREATE TABLE entities (
    id       text    COLLATE "C" PRIMARY KEY,
    name     text    NOT NULL,
    kind     text    NOT NULL DEFAULT '',
    mentions bigint  NOT NULL DEFAULT 0,
    data     jsonb   NOT NULL
);
CREATE INDEX entities_mentions ON entities (mentions DESC, name COLLATE "C");

CREATE TABLE entity_ids (
    local_id     text COLLATE "C" PRIMARY KEY,
    canonical_id text COLLATE "C" NOT NULL
);

CREATE TABLE stage_state (
    name text  PRIMARY KEY,
    data bytea NOT NULL
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
DROP SEQUENCE analysis_order;
