-- The articles whose analysis is out of date because their text changed
-- after they were analysed (a feed summary that took its page's text),
-- noted in the transaction that changed the text, and when the whole
-- collection was last analysed again for them. Whichever process leads
-- the analysis reads them (store.Reanalyses), so a process stopped after
-- storing a page leaves nothing behind.

-- +goose Up
CREATE TABLE reanalysis (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT    NOT NULL,
    noted_at   TEXT    NOT NULL
);

CREATE TABLE reanalysis_done (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    at TEXT    NOT NULL
);

-- +goose Down
DROP TABLE reanalysis_done;
DROP TABLE reanalysis;
