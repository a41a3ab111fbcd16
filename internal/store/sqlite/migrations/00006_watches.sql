-- Webhook watches (parallax watch): what each follows, where it posts,
-- its secret and its delivery state, kept whole as the JSON of
-- internal/watch.Watch; the store does not read it.

-- +goose Up
CREATE TABLE watches (
    id   TEXT PRIMARY KEY CHECK (id <> ''),
    data TEXT NOT NULL CHECK (json_valid(data))
);

-- +goose Down
DROP TABLE watches;
