//! Writing what leaves casefile as a file: owner-only, never over an
//! existing file; where the TUI puts a packet (the documents folder).

use std::fs::{self, OpenOptions, Permissions};
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::Document;
use super::packet::Blindness;

/// Writes `text` to a new file at `path` (owner-only: it holds medical
/// data), or to standard output when there is no path. An existing file,
/// the case file among them, is never written over.
pub fn write_out(path: Option<&Path>, text: &str, out: &mut dyn Write) -> Result<()> {
    let Some(path) = path else {
        return match out.write_all(text.as_bytes()) {
            // A reader that stopped early (`| head`) is not a failure.
            Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => Ok(other?),
        };
    };
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|error| {
            if error.kind() == std::io::ErrorKind::AlreadyExists {
                anyhow::anyhow!(
                    "{} already exists; casefile never writes over a file, so choose a new name",
                    path.display()
                )
            } else {
                anyhow::Error::new(error).context(format!("Could not write {}", path.display()))
            }
        })?;
    fs::set_permissions(path, Permissions::from_mode(0o600))
        .with_context(|| format!("Could not make {} private", path.display()))?;
    file.write_all(text.as_bytes())
        .with_context(|| format!("Could not write {}", path.display()))
}

/// A file just written, as its whole path for a message.
pub fn whole_path(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Where the TUI writes a packet: in `folder` (the documents folder),
/// named for the doctor and the day, never over an earlier one. The path
/// is whole, so that a message can show it.
pub fn packet_path(
    folder: &Path,
    today: chrono::NaiveDate,
    document: &Document,
    blindness: Blindness,
) -> PathBuf {
    let folder = whole_path(folder);
    let slug: String = document
        .title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let blind = if blindness == Blindness::Blind {
        "-blind"
    } else {
        ""
    };
    let day = today.format("%Y-%m-%d");
    let mut path = folder.join(format!("{slug}{blind}-{day}.html"));
    let mut copy = 2;
    while path.exists() {
        path = folder.join(format!("{slug}{blind}-{day}-{copy}.html"));
        copy += 1;
    }
    path
}

/// The user's documents folder, where the TUI writes packets: the XDG
/// documents folder (`~/Documents` on macOS) when it exists, else the home
/// folder; None without a home.
pub fn documents_folder() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    Some(documents_in(dirs.document_dir(), dirs.home_dir()))
}

/// The documents folder when it exists (the one the desktop names, else
/// `Documents` in the home folder), else the home folder.
fn documents_in(documents: Option<&Path>, home: &Path) -> PathBuf {
    let usual = home.join("Documents");
    documents
        .filter(|folder| folder.is_dir())
        .map(Path::to_path_buf)
        .or_else(|| usual.is_dir().then_some(usual))
        .unwrap_or_else(|| home.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packets_go_to_the_documents_folder_or_else_home() {
        let home = tempfile::tempdir().unwrap();
        let documents = home.path().join("Documents");
        assert_eq!(documents_in(Some(&documents), home.path()), home.path());
        std::fs::create_dir(&documents).unwrap();
        assert_eq!(documents_in(Some(&documents), home.path()), documents);
        assert_eq!(
            documents_in(None, home.path()),
            documents,
            "the usual Documents folder, when the desktop names none"
        );
        let bare = tempfile::tempdir().unwrap();
        assert_eq!(documents_in(None, bare.path()), bare.path());
    }
}
