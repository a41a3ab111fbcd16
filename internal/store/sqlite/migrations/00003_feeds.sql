-- Feed subscriptions and the items already seen in them.
--
-- feeds holds every field of feed.State; url is the feed's identity and
-- changes after a permanent redirect. Times use the same fixed-width UTC
-- text as articles (NULL when never); interval is in nanoseconds.
--
-- feed_items remembers each item key (the item's canonical URL, or
-- "guid:" and its GUID) once, whichever feed brought it first, so that a
-- later poll of any feed can tell new items. article_id is the article the
-- item became ('' when it was not stored), error why not ('' when stored).
-- Item rows are not removed with their feed: unsubscribing and subscribing
-- again must not ingest the same articles twice.

-- +goose Up
CREATE TABLE feeds (
    url           TEXT    PRIMARY KEY CHECK (url <> ''),
    title         TEXT    NOT NULL DEFAULT '',
    site_url      TEXT    NOT NULL DEFAULT '',
    country       TEXT    NOT NULL DEFAULT '',
    kind          TEXT    NOT NULL DEFAULT '',
    language      TEXT    NOT NULL DEFAULT '',
    category      TEXT    NOT NULL DEFAULT '',
    etag          TEXT    NOT NULL DEFAULT '',
    last_modified TEXT    NOT NULL DEFAULT '',
    last_fetch    TEXT,
    last_success  TEXT,
    next_poll     TEXT,
    interval_ns   INTEGER NOT NULL DEFAULT 0,
    last_status   INTEGER NOT NULL DEFAULT 0,
    error_count   INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT    NOT NULL DEFAULT '',
    warning       TEXT    NOT NULL DEFAULT '',
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    items_last    INTEGER NOT NULL DEFAULT 0,
    new_last      INTEGER NOT NULL DEFAULT 0,
    items_total   INTEGER NOT NULL DEFAULT 0,
    added_at      TEXT    NOT NULL
);

CREATE TABLE feed_items (
    key        TEXT PRIMARY KEY CHECK (key <> ''),
    feed_url   TEXT NOT NULL,
    article_id TEXT NOT NULL DEFAULT '',
    error      TEXT NOT NULL DEFAULT '',
    first_seen TEXT NOT NULL
);
CREATE INDEX feed_items_feed ON feed_items (feed_url);

-- +goose Down
DROP TABLE feed_items;
DROP TABLE feeds;
