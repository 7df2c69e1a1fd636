//! The store's errors that the app tells apart from the rest.

use std::fmt;
use std::path::PathBuf;

use crate::domain::{Choice, RecordId, RecordKind};

/// The file was written by a newer casefile; nothing in it was changed.
#[derive(Debug)]
pub struct NewerFile {
    pub path: PathBuf,
    pub found: i64,
    pub known: i64,
}

impl fmt::Display for NewerFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} was written by a newer casefile (file format {}, this casefile reads up to {}). \
             Nothing in it was changed; update casefile to open it",
            self.path.display(),
            self.found,
            self.known
        )
    }
}

impl std::error::Error for NewerFile {}

/// The file is not a casefile case file; nothing in it was changed.
#[derive(Debug)]
pub struct NotACaseFile {
    pub path: PathBuf,
    pub why: String,
}

impl fmt::Display for NotACaseFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} is not a casefile case file ({}). Nothing in it was changed; choose another file with --db",
            self.path.display(),
            self.why
        )
    }
}

impl std::error::Error for NotACaseFile {}

/// Someone else saved this record since it was read: the save was refused
/// so that their change is not lost.
#[derive(Debug)]
pub struct StaleRecord {
    pub kind: RecordKind,
    pub id: RecordId,
    pub expected: i64,
    pub found: i64,
    pub by: String,
}

impl fmt::Display for StaleRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "This {} was changed by {} while you had it open, so your save was not applied. \
             Reload it to see their change, then make yours again",
            self.kind.label(),
            self.by
        )
    }
}

impl std::error::Error for StaleRecord {}

/// The record is no longer in the case file.
#[derive(Debug)]
pub struct RecordGone {
    pub kind: RecordKind,
    pub id: RecordId,
}

impl fmt::Display for RecordGone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "There is no {} with id {} in this case file (it may have been deleted)",
            self.kind.label(),
            self.id
        )
    }
}

impl std::error::Error for RecordGone {}
