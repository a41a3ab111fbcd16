-- The names an entity is found by (analysisrow.EntityNames): every name,
-- alias and name by language, lowered by Unicode rules and keyed across
-- scripts (Путин, Путін, Putin → putin), one per line. The same column as
-- SQLite's, so both backends match a name filter the same way: the query
-- folded in Go, matched with LIKE. Rows written before it are '' until the
-- analysis saves them again; the queries fall back to the old match for them.

-- +goose Up
ALTER TABLE entities ADD COLUMN names text NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE entities DROP COLUMN names;
