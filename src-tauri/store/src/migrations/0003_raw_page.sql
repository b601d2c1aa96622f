-- 0004: the page each HTML version was extracted from, kept so a better extractor can
-- re-extract later (`parallax reextract`) and a suspicious change can be checked against its
-- source ("View original page"). One row per version; the page is the decoded HTML text
-- (UTF-8), compressed with zlib (`compression = 'zlib'`), `size` its length uncompressed.
CREATE TABLE raw_page (
    version_id  INTEGER PRIMARY KEY REFERENCES version (id) ON DELETE CASCADE,
    url         TEXT,
    compression TEXT NOT NULL CHECK (compression IN ('zlib')),
    size        INTEGER NOT NULL CHECK (size >= 0),
    page        BLOB NOT NULL
) STRICT;
