//! Schema migrations: applied on open, recorded in user_version, idempotent.

use parallax_store::{APPLICATION_ID, Library, SCHEMA_VERSION};
use rusqlite::Connection;

/// Every object the code relies on; a migration that forgets one must fail here.
const EXPECTED: &[(&str, &str)] = &[
    ("table", "meta"),
    ("table", "outlet"),
    ("table", "article"),
    ("table", "version"),
    ("table", "story"),
    ("table", "story_article"),
    ("table", "highlight"),
    ("table", "feed"),
    ("table", "feed_item"),
    ("table", "version_fts"),
    ("index", "outlet_name"),
    ("index", "outlet_domain"),
    ("index", "article_url"),
    ("index", "article_outlet"),
    ("index", "version_article_hash"),
    ("index", "version_article_fetched"),
    ("index", "version_hash"),
    ("index", "story_article_article"),
    ("index", "highlight_version"),
    ("index", "feed_next_poll"),
    ("index", "feed_item_guid"),
    ("index", "feed_item_article"),
    ("trigger", "version_fts_insert"),
    ("trigger", "version_fts_delete"),
    ("trigger", "version_immutable"),
    ("table", "trash_version"),
    ("table", "trash_highlight"),
    ("table", "suggest_term"),
    ("table", "same_event"),
    ("index", "article_shelf_newest"),
    ("index", "article_shelf_revised"),
    ("index", "article_outlet_newest"),
    ("trigger", "version_latest_insert"),
    ("trigger", "version_latest_delete"),
    ("trigger", "article_outlet_count_insert"),
    ("trigger", "article_outlet_count_delete"),
    ("trigger", "article_outlet_count_update"),
];

fn schema(conn: &Connection) -> Vec<(String, String, String)> {
    let mut stmt = conn
        .prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn migrations_build_the_whole_schema_on_a_fresh_file() {
    // A fresh library must end at this build's schema version with every table, index and
    // trigger present, or later code fails on a user's machine instead of here.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let lib = Library::open(&path).unwrap();
    assert_eq!(lib.schema_version().unwrap(), SCHEMA_VERSION);
    drop(lib);

    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        version, SCHEMA_VERSION,
        "user_version records the applied migrations"
    );
    let app_id: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        app_id, APPLICATION_ID,
        "the file is stamped as a Parallax library"
    );
    let found = schema(&conn);
    for (kind, name) in EXPECTED {
        assert!(
            found.iter().any(|(k, n, _)| k == kind && n == name),
            "{kind} {name} missing after migrations"
        );
    }
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn opening_again_is_a_no_op() {
    // Every launch runs the migrator; a second run must change nothing (no duplicate
    // objects, no version bump, data kept).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let mut lib = Library::open(&path).unwrap();
    lib.set_meta("probe", "kept").unwrap();
    drop(lib);
    let before = schema(&Connection::open(&path).unwrap());

    let lib = Library::open(&path).unwrap();
    assert_eq!(lib.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(lib.meta("probe").unwrap().as_deref(), Some("kept"));
    drop(lib);
    assert_eq!(schema(&Connection::open(&path).unwrap()), before);
}

#[test]
fn open_sets_wal_and_foreign_keys() {
    // WAL lets the reader keep reading while an import writes; foreign keys keep versions
    // from outliving their article. Both are per-connection and must be set on open.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let _lib = Library::open(&path).unwrap();
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        mode, "wal",
        "WAL is persistent once set, so a second connection sees it"
    );
}

#[test]
fn fts5_is_compiled_in() {
    // rusqlite's bundled SQLite must include FTS5, or search cannot exist at all.
    let conn = Connection::open_in_memory().unwrap();
    let yes: i64 = conn
        .query_row("SELECT sqlite_compileoption_used('ENABLE_FTS5')", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(yes, 1);
}

#[test]
fn a_library_from_before_outlet_counts_gets_them_counted() {
    // Migration 0005 fills the outlet counts of a library that had articles already.
    use crate::common::{article, text};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let mut lib = Library::open(&path).unwrap();
    for k in 0..5 {
        let outlet = if k < 3 { "Wren Courier" } else { "Lark Ledger" };
        lib.add_article(
            &article(outlet, None),
            &text(&format!("T{k}"), &[&format!("Words {k}.")], k),
        )
        .unwrap();
    }
    let trashed = lib.list_articles().unwrap()[0].id;
    lib.trash_articles(&[trashed], 10).unwrap();
    let counted = lib.list_outlets().unwrap();
    drop(lib);
    // Back to schema 4, as a library written by the previous release.
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP TRIGGER article_outlet_count_insert; DROP TRIGGER article_outlet_count_delete;
         DROP TRIGGER article_outlet_count_update; ALTER TABLE outlet DROP COLUMN article_count;
         PRAGMA user_version = 4;",
    )
    .unwrap();
    drop(conn);
    let lib = Library::open(&path).unwrap();
    assert_eq!(lib.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(lib.list_outlets().unwrap(), counted);
    let counts: Vec<i64> = counted.iter().map(|o| o.article_count).collect();
    assert_eq!(counts.iter().sum::<i64>(), 4, "{counted:?}");
}
