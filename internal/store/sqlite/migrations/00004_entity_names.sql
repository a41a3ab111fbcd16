-- The names an entity is found by (analysisrow.EntityNames): every name,
-- alias and name by language, lowered by Unicode rules and keyed across
-- scripts (Путин, Путін, Putin → putin), one per line. SQLite's lower()
-- folds ASCII only, so a name filter matches the query folded the same
-- way in Go against this column. Rows written before it are '' until the
-- analysis saves them again; the queries fall back to the old match for them.

-- +goose Up
ALTER TABLE entities ADD COLUMN names TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE entities DROP COLUMN names;
