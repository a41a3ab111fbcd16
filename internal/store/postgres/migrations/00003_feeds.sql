-- Feed subscriptions and the items already seen in them.
--
-- feeds holds every field of feed.State; url is the feed's identity and
-- changes after a permanent redirect. Times are timestamptz (NULL when
-- never); interval is in nanoseconds.
--
-- feed_items remembers each item key (the item's canonical URL, or
-- "guid:" and its GUID) once, whichever feed brought it first, so that a
-- later poll of any feed can tell new items. article_id is the article the
-- item became ('' when it was not stored), error why not ('' when stored).
-- Item rows are not removed with their feed: unsubscribing and subscribing
-- again must not ingest the same articles twice.

-- +goose Up
CREATE TABLE feeds (
    url           text        COLLATE "C" PRIMARY KEY CHECK (url <> ''),
    title         text        NOT NULL DEFAULT '',
    site_url      text        NOT NULL DEFAULT '',
    country       text        NOT NULL DEFAULT '',
    kind          text        NOT NULL DEFAULT '',
    language      text        NOT NULL DEFAULT '',
    category      text        NOT NULL DEFAULT '',
    etag          text        NOT NULL DEFAULT '',
    last_modified text        NOT NULL DEFAULT '',
    last_fetch    timestamptz,
    last_success  timestamptz,
    next_poll     timestamptz,
    interval_ns   bigint      NOT NULL DEFAULT 0,
    last_status   integer     NOT NULL DEFAULT 0,
    error_count   bigint      NOT NULL DEFAULT 0,
    last_error    text        NOT NULL DEFAULT '',
    warning       text        NOT NULL DEFAULT '',
    disabled      boolean     NOT NULL DEFAULT false,
    items_last    bigint      NOT NULL DEFAULT 0,
    new_last      bigint      NOT NULL DEFAULT 0,
    items_total   bigint      NOT NULL DEFAULT 0,
    added_at      timestamptz NOT NULL
);

CREATE TABLE feed_items (
    key        text        COLLATE "C" PRIMARY KEY CHECK (key <> ''),
    feed_url   text        COLLATE "C" NOT NULL,
    article_id text        NOT NULL DEFAULT '',
    error      text        NOT NULL DEFAULT '',
    first_seen timestamptz NOT NULL
);
CREATE INDEX feed_items_feed ON feed_items (feed_url);

-- +goose Down
DROP TABLE feed_items;
DROP TABLE feeds;
