-- 0004: "has substantive changes", kept per article so the library view filters on it in SQL.
-- article.substantive: 1 when some version differs from the one before it by a substantive
-- change (a number, a name, a quote, a negation... as the engine labels it), 0 when every
-- change is cosmetic, NULL while unknown: a single version, or not yet compared. The store
-- cannot compare texts (that is the engine's job, run by ingest when a version is added), so
-- any change to an article's versions sets it back to unknown here, and ingest fills it in;
-- older libraries are filled the same way, a few articles at a time.

ALTER TABLE article ADD COLUMN substantive INTEGER CHECK (substantive IN (0, 1));

-- The filter's first page is a walk of this index, newest first, like the unfiltered list.
CREATE INDEX article_substantive_newest ON article (trashed_at, archived_at, latest_fetched, id)
    WHERE substantive = 1;
-- Articles waiting to be compared (revised, unknown).
CREATE INDEX article_substantive_pending ON article (id)
    WHERE substantive IS NULL AND version_count > 1;

CREATE TRIGGER version_substantive_insert AFTER INSERT ON version BEGIN
    UPDATE article SET substantive = NULL WHERE id = new.article_id;
END;

CREATE TRIGGER version_substantive_delete AFTER DELETE ON version BEGIN
    UPDATE article SET substantive = NULL WHERE id = old.article_id;
END;
