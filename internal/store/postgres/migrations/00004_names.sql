-- The names an entity is found by (analysisrow.EntityNames): every name,
-- alias and name by language, lowered by Unicode rules and keyed across
-- scripts (Путин, Путін, Putin → putin), one per line. The same column as
-- SQLite's, so both backends match a name filter the same way: the query
-- folded in Go, matched with LIKE. Rows written before it are '' until the
-- analysis saves them again; the queries fall back to the old match for them.

-- stories.outlet_names keeps the registry name of each outlet of the story
-- (analysisrow.StoryOutlets: outlet.Name, lowered), one per line, so that
-- a filter by any spelling of an outlet ("AP", "apnews.com", "The
-- Associated Press") finds every story it covered, however each article
-- spelled it. Rows written before are '' and matched by the raw name.

-- articles.outlet_key and origin_key keep the registry name of the
-- article's outlet and origin outlet (analysisrow.OutletKey), indexed, so
-- that a filter by any spelling of an outlet is one indexed match. Rows
-- written before are '' and matched by the names as written.

-- +goose Up
ALTER TABLE entities ADD COLUMN names text NOT NULL DEFAULT '';

ALTER TABLE stories ADD COLUMN outlet_names text NOT NULL DEFAULT '';

ALTER TABLE articles ADD COLUMN outlet_key text NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN origin_key text NOT NULL DEFAULT '';
CREATE INDEX articles_outlet_key ON articles (outlet_key, published);
CREATE INDEX articles_origin_key ON articles (origin_key, published);

-- +goose Down
DROP INDEX articles_origin_key;
DROP INDEX articles_outlet_key;
ALTER TABLE articles DROP COLUMN origin_key;
ALTER TABLE articles DROP COLUMN outlet_key;
ALTER TABLE stories DROP COLUMN outlet_names;
ALTER TABLE entities DROP COLUMN names;
