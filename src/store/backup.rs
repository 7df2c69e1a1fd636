//! Backups through SQLite's online backup API: safe while casefile is open
//! elsewhere, and checked before they are called good.

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use rusqlite::Connection;
use rusqlite::backup::Backup;

use super::{Store, file};

/// Pages copied per step; between steps other copies of casefile may write.
const PAGES_PER_STEP: std::ffi::c_int = 256;
const PAUSE_BETWEEN_STEPS: Duration = Duration::from_millis(2);

/// What a finished backup holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupReport {
    pub bytes: u64,
}

impl Store {
    /// Copies the case file to `destination`, a new owner-only file, and
    /// checks the copy with `PRAGMA integrity_check`.
    pub fn backup_to(&self, destination: &Path) -> Result<BackupReport> {
        if destination.exists() {
            bail!(
                "{} already exists; choose a new file name for the backup",
                destination.display()
            );
        }
        file::prepare(destination)?;
        file::prepare_sidecars(destination)?;
        let mut copy = Connection::open(destination)
            .with_context(|| format!("Could not create the backup {}", destination.display()))?;
        Backup::new(&self.conn, &mut copy)?
            .run_to_completion(PAGES_PER_STEP, PAUSE_BETWEEN_STEPS, None)
            .context("The backup did not complete")?;
        let verdict: String = copy
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .context("Could not check the backup")?;
        if verdict != "ok" {
            bail!(
                "The backup {} failed its integrity check ({verdict}); keep your case file and try again",
                destination.display()
            );
        }
        drop(copy);
        let bytes = std::fs::metadata(destination)?.len();
        Ok(BackupReport { bytes })
    }
}
