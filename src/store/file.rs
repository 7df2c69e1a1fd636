//! The case file on disk: created owner-only, whatever the umask.

use std::fs::{self, DirBuilder, OpenOptions, Permissions};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

const OWNER_ONLY_FILE: u32 = 0o600;
const OWNER_ONLY_DIR: u32 = 0o700;

/// Makes sure the case file exists and only its owner can read it,
/// creating the folder (owner-only) if it is missing. Files and folders
/// that already exist keep the permissions their owner gave them.
pub fn prepare(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty())
        && !dir.exists()
    {
        DirBuilder::new()
            .recursive(true)
            .mode(OWNER_ONLY_DIR)
            .create(dir)
            .with_context(|| format!("Could not create the folder {}", dir.display()))?;
        fs::set_permissions(dir, Permissions::from_mode(OWNER_ONLY_DIR))
            .with_context(|| format!("Could not make {} private", dir.display()))?;
    }
    create_private(path)?;
    // casefile writes to the file it opens; say so plainly when it cannot.
    if let Err(error) = OpenOptions::new().append(true).open(path)
        && matches!(
            error.kind(),
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
        )
    {
        return Err(read_only(path));
    }
    Ok(())
}

/// Why casefile cannot go on where it may not write.
fn read_only(file: &Path) -> anyhow::Error {
    anyhow::anyhow!(
        "casefile may not write in {}: the file or its folder is read-only. Nothing was changed; \
         copy the case file to a folder you can write to, or open it from there with --db",
        file.parent()
            .map_or_else(|| file.display().to_string(), |d| d.display().to_string())
    )
}

/// Makes sure the write-ahead log and shared-memory files that SQLite
/// keeps beside the case file are owner-only too, by creating them before
/// SQLite does. Called once the file is known to be a case file.
pub fn prepare_sidecars(path: &Path) -> Result<()> {
    create_private(&sidecar(path, "-wal"))?;
    create_private(&sidecar(path, "-shm"))
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Creates `file` empty and owner-only, if it does not exist yet.
fn create_private(file: &Path) -> Result<()> {
    match OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(OWNER_ONLY_FILE)
        .open(file)
    {
        Ok(_) => fs::set_permissions(file, Permissions::from_mode(OWNER_ONLY_FILE))
            .with_context(|| format!("Could not make {} private", file.display())),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(error)
            if matches!(
                error.kind(),
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
            ) =>
        {
            Err(read_only(file))
        }
        Err(error) => Err(error).with_context(|| format!("Could not create {}", file.display())),
    }
}

/// Removes a case file and SQLite's files beside it, as far as they exist.
pub fn remove(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = fs::remove_file(PathBuf::from(name));
    }
}
