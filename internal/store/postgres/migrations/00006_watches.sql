-- Webhook watches (parallax watch): what each follows, where it posts,
-- its secret and its delivery state, kept whole as the JSON of
-- internal/watch.Watch; the store does not read it.

-- +goose Up
CREATE TABLE watches (
    id   text COLLATE "C" PRIMARY KEY CHECK (id <> ''),
    data text NOT NULL CHECK (left(data, 1) = '{')
);

-- +goose Down
DROP TABLE watches;
