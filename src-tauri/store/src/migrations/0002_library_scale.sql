-- 0002: a library that stays fast at 100,000 articles, and that the reader can manage.
-- Each article carries its latest version, fetch time and version count (kept by triggers on
-- version), so the library view's pages, counts and sorts are index reads, not a window
-- function over every version. Articles can be read, archived and trashed (kept 30 days);
-- a single trashed version moves to trash_version so versions stay immutable. Same-event
-- suggestions are computed at import and stored with the terms that found them.

ALTER TABLE article ADD COLUMN latest_version_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE article ADD COLUMN latest_fetched INTEGER NOT NULL DEFAULT 0;
ALTER TABLE article ADD COLUMN version_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE article ADD COLUMN read_at INTEGER;
ALTER TABLE article ADD COLUMN archived_at INTEGER;
ALTER TABLE article ADD COLUMN trashed_at INTEGER;

UPDATE article SET
    version_count = (SELECT count(*) FROM version v WHERE v.article_id = article.id),
    latest_version_id = coalesce((SELECT v.id FROM version v WHERE v.article_id = article.id
                                  ORDER BY v.fetched DESC, v.id DESC LIMIT 1), 0),
    latest_fetched = coalesce((SELECT max(v.fetched) FROM version v WHERE v.article_id = article.id), 0);

CREATE INDEX article_shelf_newest ON article (trashed_at, archived_at, latest_fetched, id);
CREATE INDEX article_shelf_revised ON article (trashed_at, archived_at, version_count, latest_fetched, id);
CREATE INDEX article_outlet_newest ON article (outlet_id, latest_fetched, id);
CREATE INDEX article_trashed ON article (trashed_at) WHERE trashed_at IS NOT NULL;

-- A new version becomes the latest when it is the newest fetch (ties go to the later row, as in
-- the library's order "fetched DESC, id DESC").
CREATE TRIGGER version_latest_insert AFTER INSERT ON version BEGIN
    UPDATE article SET
        version_count = version_count + 1,
        latest_version_id = CASE WHEN new.fetched >= latest_fetched OR latest_version_id = 0
                                 THEN new.id ELSE latest_version_id END,
        latest_fetched = max(latest_fetched, new.fetched)
    WHERE id = new.article_id;
END;

CREATE TRIGGER version_latest_delete AFTER DELETE ON version BEGIN
    UPDATE article SET
        version_count = (SELECT count(*) FROM version v WHERE v.article_id = old.article_id),
        latest_version_id = coalesce((SELECT v.id FROM version v WHERE v.article_id = old.article_id
                                      ORDER BY v.fetched DESC, v.id DESC LIMIT 1), 0),
        latest_fetched = coalesce((SELECT max(v.fetched) FROM version v
                                   WHERE v.article_id = old.article_id), 0)
    WHERE id = old.article_id;
END;

-- A version taken out of its article (undoable): the row as it was, restored with the same id.
CREATE TABLE trash_version (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    byline       TEXT,
    published    INTEGER,
    fetched      INTEGER NOT NULL,
    body         TEXT NOT NULL,
    html         TEXT,
    content_hash TEXT NOT NULL,
    source_kind  TEXT NOT NULL,
    source_ref   TEXT,
    trashed_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX trash_version_article ON trash_version (article_id);

-- The highlights of a trashed version, restored with it.
CREATE TABLE trash_highlight (
    id             INTEGER PRIMARY KEY,
    version_id     INTEGER NOT NULL REFERENCES trash_version (id) ON DELETE CASCADE,
    quote          TEXT NOT NULL,
    prefix         TEXT NOT NULL,
    suffix         TEXT NOT NULL,
    sentence_index INTEGER,
    colour         TEXT NOT NULL,
    note           TEXT,
    created        INTEGER NOT NULL
) STRICT;
CREATE INDEX trash_highlight_version ON trash_highlight (version_id);

-- Same-event suggestions, computed at import. article.suggest_at: the time the article was
-- indexed under (its publication, else first fetch); NULL until it is. suggest_df: in how many
-- indexed articles each term occurs (the IDF of the TF-IDF score), with the number of indexed
-- articles under the empty term. suggest_term: each article's rarest terms and names, an
-- inverted index keyed for a time-window range. same_event: scored pairs (a < b); dismissed
-- pairs stay, marked, so they are never suggested again.
ALTER TABLE article ADD COLUMN suggest_at INTEGER;
CREATE INDEX article_unindexed ON article (id) WHERE suggest_at IS NULL;

CREATE TABLE suggest_df (
    term TEXT PRIMARY KEY NOT NULL,
    n    INTEGER NOT NULL CHECK (n >= 0)
) STRICT, WITHOUT ROWID;

CREATE TABLE suggest_term (
    term       TEXT NOT NULL,
    at         INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    PRIMARY KEY (term, at, article_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX suggest_term_article ON suggest_term (article_id);

CREATE TABLE same_event (
    a         INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    b         INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    score     REAL NOT NULL,
    dismissed INTEGER NOT NULL DEFAULT 0 CHECK (dismissed IN (0, 1)),
    PRIMARY KEY (a, b),
    CHECK (a < b)
) STRICT;
CREATE INDEX same_event_b ON same_event (b);
