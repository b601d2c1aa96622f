//! Numbered schema migrations, embedded at build time and applied on open through
//! `PRAGMA user_version`, one transaction each. Migrations only add; connection pragmas
//! (WAL, foreign keys, timeouts) are set by `open`, not here.

use rusqlite::{Connection, TransactionBehavior};

/// The migrations in order; `MIGRATIONS[i]` brings the schema from version `i` to `i + 1`.
pub(crate) const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_library", include_str!("migrations/0001_library.sql")),
    (
        "0002_library_scale",
        include_str!("migrations/0002_library_scale.sql"),
    ),
    (
        "0003_raw_page",
        include_str!("migrations/0003_raw_page.sql"),
    ),
    (
        "0004_substantive",
        include_str!("migrations/0004_substantive.sql"),
    ),
    (
        "0005_outlet_count",
        include_str!("migrations/0005_outlet_count.sql"),
    ),
];

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The `application_id` stamped into every Parallax library ("PRLX").
pub const APPLICATION_ID: i64 = 0x5052_4C58;

pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Applies every migration above the current `user_version`, each in its own immediate
/// transaction that also bumps `user_version`, so a crash leaves a whole schema version
/// or none. Re-checks the version inside the transaction: two windows opening a fresh
/// library at once must not both run a migration.
pub(crate) fn migrate(conn: &mut Connection) -> rusqlite::Result<i64> {
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current = user_version(&tx)?;
        let Some((_, sql)) = usize::try_from(current)
            .ok()
            .and_then(|i| MIGRATIONS.get(i))
        else {
            tx.commit()?;
            return Ok(current);
        };
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", current + 1)?;
        tx.commit()?;
    }
}
