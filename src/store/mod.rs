//! The case file: the only module that talks to SQLite.
//!
//! Every write runs in a transaction that begins IMMEDIATE, records its
//! author, and writes its history entry in the same transaction. Reads and
//! writes take drafts and return domain types.

mod backup;
mod cascade;
mod drafts;
pub mod encryption;
mod errors;
mod exchange;
mod file;
mod kinds;
mod migrate;
mod notes;
mod records;
mod save;
mod search;
mod sql;
mod tables;
mod undo;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::domain::{Case, CaseDraft, CaseSnapshot, Change, Clock, Kind, RecordKind};

pub use backup::BackupReport;
pub use cascade::DeletePlan;
pub use errors::{NewerFile, NotACaseFile, RecordGone, StaleRecord};
pub use exchange::WholeCase;
pub use records::{Batch, Fields, Table};

/// Past this many changed records, the case is read again whole.
const MOST_CHANGES_READ_ONE_BY_ONE: usize = 500;

/// How many more times a write tries when the file stays busy.
const BUSY_TRIES: u32 = 3;

fn is_busy(error: &rusqlite::Error) -> bool {
    matches!(
        error,
        rusqlite::Error::SqliteFailure(failure, _)
            if matches!(failure.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// How long a write waits for another copy of casefile to finish its own.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// An open case file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    author: String,
    clock: Clock,
    /// The batch of the last write this store made that changed anything.
    last_batch: Option<i64>,
    /// SQLite's count of other connections' commits, at the last look.
    seen_version: i64,
    /// True while the case file does not exist yet: the store reads an
    /// empty case held in memory, and the file is made by the first save.
    unborn: bool,
    /// The file was made only to keep what is typed in the form that
    /// starts the case: putting that form away removes it again.
    made_for_draft: bool,
}

impl Store {
    /// Opens the case file at `path`, creating it (owner-only) if it does
    /// not exist, and brings its format up to date. `author` is the name
    /// recorded on every write.
    pub fn open(path: &Path, author: &str, clock: Clock) -> Result<Store> {
        Store::open_with(path, author, clock, None)
    }

    /// Opens an encrypted case file with its passphrase (or a plain one,
    /// with None).
    pub fn open_with(
        path: &Path,
        author: &str,
        clock: Clock,
        passphrase: Option<&str>,
    ) -> Result<Store> {
        file::prepare(path)?;
        let mut conn = Connection::open(path)
            .with_context(|| format!("Could not open the case file {}", path.display()))?;
        if let Some(passphrase) = passphrase {
            encryption::unlock(&conn, passphrase)?;
        }
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "foreign_keys", true)?;
        migrate::refuse_foreign(&conn, path)?;
        file::prepare_sidecars(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .with_context(|| format!("Could not switch {} to WAL mode", path.display()))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        migrate::apply(&mut conn, path)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            author: author.trim().to_string(),
            clock,
            last_batch: None,
            seen_version: 0,
            unborn: false,
            made_for_draft: false,
        })
    }

    /// A store for a case file that does not exist yet at `path`: nothing
    /// is created until the first save (starting the case), so that a
    /// mistyped path leaves nothing behind.
    pub fn not_yet_created(path: &Path, author: &str, clock: Clock) -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", true)?;
        migrate::apply(&mut conn, path)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            author: author.trim().to_string(),
            clock,
            last_batch: None,
            seen_version: 0,
            unborn: true,
            made_for_draft: false,
        })
    }

    /// False until the case file exists on disk.
    pub fn exists(&self) -> bool {
        !self.unborn
    }

    /// Creates the case file at last, for its first save.
    fn create_file(&mut self) -> Result<()> {
        let born = Store::open(&self.path, &self.author, self.clock)?;
        self.conn = born.conn;
        self.seen_version = 0;
        self.unborn = false;
        Ok(())
    }

    /// Removes the file made only to keep a draft, once the draft is put
    /// away with no case started: the path is as it was.
    fn remove_file_made_for_draft(&mut self) -> Result<()> {
        if !self.made_for_draft || self.case()?.is_some() {
            return Ok(());
        }
        let empty = Store::not_yet_created(&self.path, &self.author, self.clock)?;
        self.conn = empty.conn;
        self.unborn = true;
        self.made_for_draft = false;
        file::remove(&self.path);
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The name recorded on every write.
    pub fn author(&self) -> &str {
        &self.author
    }

    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// True when another connection (another copy of casefile, the command
    /// line) has saved to the file since the last look.
    pub fn changed_elsewhere(&mut self) -> Result<bool> {
        let version: i64 = self
            .conn
            .pragma_query_value(None, "data_version", |row| row.get(0))?;
        let changed = version != self.seen_version;
        self.seen_version = version;
        Ok(changed)
    }

    /// Runs SQLite's integrity check and foreign-key check; returns every
    /// problem found, in words (none when the file is sound).
    pub fn check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let mut integrity = self.conn.prepare("PRAGMA integrity_check")?;
        for line in integrity.query_map([], |row| row.get::<_, String>(0))? {
            let line = line?;
            if line != "ok" {
                problems.push(format!("integrity: {line}"));
            }
        }
        let mut links = self.conn.prepare("PRAGMA foreign_key_check")?;
        for row in links.query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, Option<i64>>(1)?,
                row.get::<_, String>(2)?,
            ))
        })? {
            let (table, id, parent) = row?;
            problems.push(format!(
                "link: a row of {table} (id {}) points at a missing row of {parent}",
                id.map_or_else(|| "?".to_string(), |id| id.to_string())
            ));
        }
        Ok(problems)
    }

    /// The batch number of the last change this store saved, for undo.
    pub fn last_batch(&self) -> Option<i64> {
        self.last_batch
    }

    /// Runs `work` in one IMMEDIATE transaction: it all lands or none of it.
    fn write<T>(
        &mut self,
        work: impl FnOnce(&Transaction<'_>, &Writer<'_>) -> Result<T>,
    ) -> Result<T> {
        if self.unborn {
            self.create_file()?;
        }
        // A save makes the file the case's, draft or not.
        self.made_for_draft = false;
        // Another copy's save holds the file for milliseconds; the busy
        // timeout waits for it, and a few more tries cover a long one.
        let mut tries = 0;
        let tx = loop {
            match self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
            {
                Ok(tx) => break tx,
                Err(error) if tries < BUSY_TRIES && is_busy(&error) => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(200));
                }
                Err(error) => {
                    return Err(error).context(
                        "The case file is busy: another copy of casefile has been saving for a long time. \
                         Nothing was changed; try again in a moment",
                    );
                }
            }
        };
        let batch: i64 = tx.query_row(
            "SELECT coalesce(max(batch), 0) + 1 FROM history",
            [],
            |row| row.get(0),
        )?;
        let writer = Writer {
            author: &self.author,
            now: self.clock.now(),
            batch,
        };
        records::register_author(&tx, &writer)?;
        let result = work(&tx, &writer)?;
        let changed: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM history WHERE batch = ?1)",
            [batch],
            |row| row.get(0),
        )?;
        tx.commit().map_err(|error| {
            records::disk_full(&error).unwrap_or_else(|| {
                anyhow::Error::new(error).context("Could not save to the case file")
            })
        })?;
        if changed {
            self.last_batch = Some(batch);
        }
        Ok(result)
    }

    /// The case, if one has been started in this file.
    pub fn case(&self) -> Result<Option<Case>> {
        Ok(self.all::<CaseDraft>()?.into_iter().next())
    }

    /// Everyone who has written to this case, in the order they first did.
    pub fn authors(&self) -> Result<Vec<String>> {
        let mut statement = self
            .conn
            .prepare("SELECT name FROM authors ORDER BY first_seen, rowid")?;
        let names = statement
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(names)
    }

    /// Every change to the case, newest first.
    pub fn history(&self) -> Result<Vec<Change>> {
        records::history(&self.conn)
    }

    /// The whole case, read in one transaction so it is consistent.
    pub fn snapshot(&mut self) -> Result<CaseSnapshot> {
        self.read_case(true)
    }

    /// The case as the screen holds it: every record but the notes, which
    /// it reads a screenful at a time (see [`Store::notes_page`]).
    pub fn snapshot_for_screen(&mut self) -> Result<CaseSnapshot> {
        self.read_case(false)
    }

    /// The records changed since change `since` (see
    /// [`CaseSnapshot::as_of`]), as the file now holds them, and the newest
    /// change: None when so much changed that reading the case again is
    /// quicker.
    pub fn changes_since(
        &mut self,
        since: i64,
    ) -> Result<Option<(Vec<crate::domain::Fresh>, i64)>> {
        self.seen_version = self
            .conn
            .pragma_query_value(None, "data_version", |row| row.get(0))?;
        let tx = self.conn.transaction()?;
        let changes = records::changes_since(&tx, since, MOST_CHANGES_READ_ONE_BY_ONE)?;
        tx.commit()?;
        Ok(changes)
    }

    fn read_case(&mut self, with_notes: bool) -> Result<CaseSnapshot> {
        // What is read now counts as seen: only later commits elsewhere
        // are changes to look for.
        self.seen_version = self
            .conn
            .pragma_query_value(None, "data_version", |row| row.get(0))?;
        let tx = self.conn.transaction()?;
        let mut snapshot = CaseSnapshot::default();
        kinds::each_draft_type!(D => {
            // The screen reads the notes a screenful at a time.
            if with_notes || D::KIND != RecordKind::Note {
                D::fill(&mut snapshot, records::all_by_id::<D>(&tx)?);
            }
        });
        snapshot.as_of = records::last_change(&tx)?;
        tx.commit()?;
        // Read in the order rows are kept, which is quickest, then put in
        // each list's order.
        snapshot.keep_in_order();
        Ok(snapshot)
    }
}

/// Who is writing, and when: stamped on every row a write touches.
pub(crate) struct Writer<'a> {
    pub author: &'a str,
    pub now: chrono::DateTime<chrono::Utc>,
    /// The number every change of this transaction is recorded under.
    pub batch: i64,
}
