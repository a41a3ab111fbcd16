-- The articles whose analysis is out of date because their text changed
-- after they were analysed (a feed summary that took its page's text),
-- noted in the transaction that changed the text, and when the whole
-- collection was last analysed again for them. Whichever process leads
-- the analysis reads them (store.Reanalyses), so a process stopped after
-- storing a page leaves nothing behind.

-- +goose Up
CREATE TABLE reanalysis (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id text COLLATE "C" NOT NULL,
    noted_at   timestamptz NOT NULL
);

CREATE TABLE reanalysis_done (
    id integer PRIMARY KEY CHECK (id = 1),
    at timestamptz NOT NULL
);

-- +goose Down
DROP TABLE reanalysis_done;
DROP TABLE reanalysis;
