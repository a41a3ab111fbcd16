-- articles.text_source is 'summary' when the article holds only the
-- summary its feed item gave (the page could not be fetched yet): the
-- pipeline's feed sink replaces the text with the page's once it is
-- fetched, keeping the article's ID, and sets it back to ''. Rows written
-- before are '' (their own text).

-- +goose Up
ALTER TABLE articles ADD COLUMN text_source TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE articles DROP COLUMN text_source;
