-- 0001: the library. Outlets, articles, immutable versions, stories, highlights, feeds,
-- and FTS5 over every version. Times are integer unix seconds (UTC).
-- A version body is its paragraphs of plain text joined by a blank line ("\n\n"); no
-- paragraph contains a blank line (the store folds those on insert), so the split is exact.

-- Marks the file as a Parallax library ('PRLX'), so open() can tell it from other SQLite files.
PRAGMA application_id = 1347570776;

CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE outlet (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL CHECK (length(trim(name)) > 0),
    domain TEXT CHECK (domain IS NULL OR length(domain) > 0)
) STRICT;
CREATE UNIQUE INDEX outlet_name ON outlet (name COLLATE NOCASE);
CREATE UNIQUE INDEX outlet_domain ON outlet (domain) WHERE domain IS NOT NULL;

CREATE TABLE article (
    id         INTEGER PRIMARY KEY,
    outlet_id  INTEGER NOT NULL REFERENCES outlet (id) ON DELETE RESTRICT,
    url        TEXT CHECK (url IS NULL OR length(url) > 0),
    first_seen INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX article_url ON article (url) WHERE url IS NOT NULL;
CREATE INDEX article_outlet ON article (outlet_id);

CREATE TABLE version (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    byline       TEXT,
    published    INTEGER,
    fetched      INTEGER NOT NULL,
    body         TEXT NOT NULL,
    html         TEXT,
    content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
    source_kind  TEXT NOT NULL CHECK (source_kind IN ('sample', 'paste', 'file', 'url', 'feed')),
    source_ref   TEXT
) STRICT;
-- The dedupe guarantee: one article never holds the same normalised text twice.
CREATE UNIQUE INDEX version_article_hash ON version (article_id, content_hash);
CREATE INDEX version_article_fetched ON version (article_id, fetched, id);
CREATE INDEX version_hash ON version (content_hash);

CREATE TABLE story (
    id      INTEGER PRIMARY KEY,
    title   TEXT NOT NULL CHECK (length(trim(title)) > 0),
    created INTEGER NOT NULL
) STRICT;

CREATE TABLE story_article (
    story_id   INTEGER NOT NULL REFERENCES story (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    added      INTEGER NOT NULL,
    PRIMARY KEY (story_id, article_id)
) STRICT;
CREATE INDEX story_article_article ON story_article (article_id);

CREATE TABLE highlight (
    id             INTEGER PRIMARY KEY,
    version_id     INTEGER NOT NULL REFERENCES version (id) ON DELETE CASCADE,
    quote          TEXT NOT NULL CHECK (length(quote) > 0),
    prefix         TEXT NOT NULL DEFAULT '',
    suffix         TEXT NOT NULL DEFAULT '',
    sentence_index INTEGER CHECK (sentence_index IS NULL OR sentence_index >= 0),
    colour         TEXT NOT NULL CHECK (colour IN ('yellow', 'green', 'blue', 'pink', 'purple')),
    note           TEXT,
    created        INTEGER NOT NULL
) STRICT;
CREATE INDEX highlight_version ON highlight (version_id);

CREATE TABLE feed (
    id             INTEGER PRIMARY KEY,
    url            TEXT NOT NULL UNIQUE CHECK (length(url) > 0),
    title          TEXT,
    etag           TEXT,
    last_modified  TEXT,
    interval_secs  INTEGER NOT NULL CHECK (interval_secs > 0),
    created        INTEGER NOT NULL,
    last_polled    INTEGER,
    next_poll      INTEGER NOT NULL,
    polling_until  INTEGER,
    last_error     TEXT,
    error_count    INTEGER NOT NULL DEFAULT 0 CHECK (error_count >= 0)
) STRICT;
CREATE INDEX feed_next_poll ON feed (next_poll);

CREATE TABLE feed_item (
    id           INTEGER PRIMARY KEY,
    feed_id      INTEGER NOT NULL REFERENCES feed (id) ON DELETE CASCADE,
    guid         TEXT NOT NULL CHECK (length(guid) > 0),
    url          TEXT,
    article_id   INTEGER REFERENCES article (id) ON DELETE SET NULL,
    first_seen   INTEGER NOT NULL,
    last_checked INTEGER
) STRICT;
CREATE UNIQUE INDEX feed_item_guid ON feed_item (feed_id, guid);
CREATE INDEX feed_item_article ON feed_item (article_id);

-- Full-text index over every version (external content: the text lives once, in version).
-- Porter stemming so "evacuate" finds "evacuated"; diacritics folded so "cafe" finds "café".
-- Versions are immutable, so only inserts and deletes need mirroring.
CREATE VIRTUAL TABLE version_fts USING fts5 (
    title,
    body,
    content = 'version',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER version_fts_insert AFTER INSERT ON version BEGIN
    INSERT INTO version_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER version_fts_delete AFTER DELETE ON version BEGIN
    INSERT INTO version_fts (version_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, old.body);
END;

-- Versions are immutable: a new text is a new version, never an edit of an old one.
CREATE TRIGGER version_immutable BEFORE UPDATE ON version BEGIN
    SELECT RAISE(ABORT, 'versions are immutable');
END;
