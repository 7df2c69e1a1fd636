//! The file format: numbered SQL files applied in order under
//! `PRAGMA user_version`, all in one IMMEDIATE transaction.

use std::path::Path;

use anyhow::{Context, Result};
use rusqlite::{Connection, TransactionBehavior};

use super::errors::{NewerFile, NotACaseFile};

/// Marks a SQLite file as a casefile case file ("CASE").
pub(crate) const APPLICATION_ID: i64 = 0x4341_5345;

/// The migrations, in order; the file format is how many have been applied.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_history_batches.sql"),
    include_str!("migrations/0003_stance_equivalences.sql"),
    include_str!("migrations/0004_received_as.sql"),
    include_str!("migrations/0005_originals_limit.sql"),
    include_str!("migrations/0006_request_items.sql"),
    include_str!("migrations/0007_form_drafts.sql"),
    include_str!("migrations/0008_search.sql"),
    include_str!("migrations/0009_list_indexes.sql"),
    include_str!("migrations/0010_search_symbols.sql"),
    include_str!("migrations/0011_question_wording.sql"),
    include_str!("migrations/0012_copies_and_receipts.sql"),
    include_str!("migrations/0013_stance.sql"),
    include_str!("migrations/0014_decision.sql"),
    include_str!("migrations/0015_studies.sql"),
];

/// The newest file format this casefile reads and writes.
pub fn format_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Refuses, before anything is written, a file from a newer casefile or a
/// SQLite file that belongs to another program.
pub fn refuse_foreign(conn: &Connection, path: &Path) -> Result<()> {
    let not_case_file = |why: String| NotACaseFile {
        path: path.to_path_buf(),
        why,
    };
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(|error| {
            not_case_file(if super::encryption::looks_encrypted(path) && super::encryption::AVAILABLE {
                "it cannot be read: the passphrase is wrong, or it is not a case file".to_string()
            } else if super::encryption::looks_encrypted(path) {
                format!("{error}; if it is an encrypted case file, use a casefile built with --features encryption")
            } else {
                error.to_string()
            })
        })?;
    let application_id: i64 = conn.pragma_query_value(None, "application_id", |row| row.get(0))?;
    let tables: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
        [],
        |row| row.get(0),
    )?;
    if application_id != APPLICATION_ID && (application_id != 0 || tables > 0) {
        return Err(not_case_file("it holds another program's data".into()).into());
    }
    if version > format_version() {
        return Err(NewerFile {
            path: path.to_path_buf(),
            found: version,
            known: format_version(),
        }
        .into());
    }
    Ok(())
}

/// Before a case file is brought to a newer format, a copy of it as it was
/// is kept beside it: `case.db.format-1.backup`.
fn keep_a_copy(conn: &Connection, path: &Path, format: i64) -> Result<()> {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".format-{format}.backup"));
    let copy = std::path::PathBuf::from(name);
    if copy.exists() {
        return Ok(());
    }
    super::file::prepare(&copy)?;
    conn.execute("VACUUM INTO ?1", [copy.to_string_lossy()])
        .with_context(|| {
            format!(
                "Could not keep a copy of the case file at {} before updating it",
                copy.display()
            )
        })?;
    Ok(())
}

/// Applies every migration the file has not had yet.
pub fn apply(conn: &mut Connection, path: &Path) -> Result<()> {
    // A file that is up to date is only read, so opening it never waits
    // for another copy of casefile that is saving.
    let current: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if current == format_version() {
        return Ok(());
    }
    if current > 0 {
        keep_a_copy(conn, path, current)?;
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: i64 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if version > format_version() {
        return Err(NewerFile {
            path: path.to_path_buf(),
            found: version,
            known: format_version(),
        }
        .into());
    }
    let start = usize::try_from(version).unwrap_or_default();
    for (number, migration) in MIGRATIONS.iter().enumerate().skip(start) {
        tx.execute_batch(migration)
            .with_context(|| format!("Could not update the case file to format {}", number + 1))?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", format_version())?;
    tx.commit()
        .with_context(|| format!("Could not update the case file {}", path.display()))
}
