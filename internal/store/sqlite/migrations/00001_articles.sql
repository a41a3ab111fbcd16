-- Articles and their full-text index.
--
-- seq is the integer row key that the FTS5 external-content table and later
-- tables (story membership, entity mentions, quotes) can reference cheaply;
-- VACUUM never renumbers it because it is an INTEGER PRIMARY KEY. id is the
-- content-derived article ID that the rest of Parallax uses.
--
-- Times are fixed-width RFC 3339 UTC text with nanoseconds
-- (2006-01-02T15:04:05.000000000Z), so text order is time order; NULL when
-- unknown. removed is a JSON array of strings.
--
-- The full-text index folds case and diacritics but does not stem: stemming
-- would only serve English, and it breaks prefix queries ("negotiat*").

-- +goose Up
CREATE TABLE articles (
    seq                 INTEGER PRIMARY KEY,
    id                  TEXT    NOT NULL UNIQUE CHECK (id <> ''),
    title               TEXT    NOT NULL DEFAULT '',
    outlet              TEXT    NOT NULL DEFAULT '',
    origin_outlet       TEXT    NOT NULL DEFAULT '',
    republisher         TEXT    NOT NULL DEFAULT '',
    url                 TEXT    NOT NULL DEFAULT '',
    author              TEXT    NOT NULL DEFAULT '',
    published           TEXT,
    published_estimated INTEGER NOT NULL DEFAULT 0 CHECK (published_estimated IN (0, 1)),
    language            TEXT    NOT NULL DEFAULT '',
    text                TEXT    NOT NULL DEFAULT '',
    removed             TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(removed)),
    source              TEXT    NOT NULL DEFAULT '',
    ingested_at         TEXT    NOT NULL
);

-- Listing: newest first, undated (NULL sorts lowest) last; seq breaks ties.
CREATE INDEX articles_published ON articles (published, seq);
CREATE INDEX articles_outlet ON articles (outlet, published);
CREATE INDEX articles_origin_outlet ON articles (origin_outlet, published);
CREATE INDEX articles_url ON articles (url);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title,
    text,
    content = 'articles',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- +goose StatementBegin
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER articles_fts_update;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_insert;
DROP TABLE articles_fts;
DROP TABLE articles;
