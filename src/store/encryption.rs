//! Encryption at rest, in builds with the `encryption` feature (SQLCipher).
//! The default build is plain SQLite and says so when it meets an
//! encrypted file.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use rusqlite::Connection;

use super::{Store, file, migrate};

/// The first bytes of every plain SQLite file.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// True when the file exists, is not empty and is not plain SQLite: an
/// encrypted case file, or something else entirely.
pub fn looks_encrypted(path: &Path) -> bool {
    let Ok(bytes) = fs::read(path).map(|b| b.into_iter().take(16).collect::<Vec<u8>>()) else {
        return false;
    };
    bytes.len() == 16 && bytes.as_slice() != PLAIN_HEADER
}

/// True in builds that can read and write encrypted case files.
pub const AVAILABLE: bool = cfg!(feature = "encryption");

/// Gives SQLCipher the passphrase, before anything is read.
pub(crate) fn unlock(conn: &Connection, passphrase: &str) -> Result<()> {
    if !AVAILABLE {
        bail!(
            "this casefile was built without encryption; build it with `cargo build --release --features encryption`"
        );
    }
    // SQLCipher writes its own errors to stderr unless told not to; a wrong
    // passphrase is reported once, in casefile's words.
    let _ = conn.execute_batch("PRAGMA cipher_log_level = NONE;");
    conn.pragma_update(None, "key", passphrase)?;
    Ok(())
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

impl Store {
    /// Writes this case, encrypted with `passphrase` (or in plain SQLite for
    /// an empty passphrase), to a new file beside it, then puts that file
    /// in its place. The store is closed; open the file again to go on.
    pub fn convert(self, passphrase: &str) -> Result<PathBuf> {
        if !AVAILABLE {
            bail!(
                "this casefile was built without encryption; build it with `cargo build --release --features encryption`"
            );
        }
        let path = self.path.clone();
        let mut name = path.as_os_str().to_owned();
        name.push(".converting");
        let target = PathBuf::from(name);
        if target.exists() {
            fs::remove_file(&target)?;
        }
        file::prepare(&target)?;
        // Everything in the write-ahead log goes into the file first.
        self.conn
            .pragma_update(None, "wal_checkpoint", "TRUNCATE")
            .context("Could not settle the case file before converting it")?;
        let format = migrate::format_version();
        self.conn
            .execute(
                "ATTACH DATABASE ?1 AS converted KEY ?2",
                rusqlite::params![target.to_string_lossy(), passphrase],
            )
            .context("Could not start the converted copy")?;
        self.conn
            .query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))
            .context("Could not copy the case into the converted file")?;
        self.conn
            .execute_batch(&format!(
                "PRAGMA converted.user_version = {format};
                 PRAGMA converted.application_id = {};
                 DETACH DATABASE converted;",
                migrate::APPLICATION_ID
            ))
            .context("Could not finish the converted copy")?;
        drop(self.conn);
        for suffix in ["-wal", "-shm"] {
            let _ = fs::remove_file(sidecar(&path, suffix));
        }
        fs::rename(&target, &path).with_context(|| {
            format!(
                "Could not put the converted file in place of {}",
                path.display()
            )
        })?;
        let _ = file::prepare_sidecars(&path);
        Ok(path)
    }
}
