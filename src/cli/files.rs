//! Exports, imports and backups: what goes to or comes from a file.

use std::fs::{self};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::export::Document;
pub use crate::export::files::{documents_folder, packet_path, whole_path, write_out};
use crate::export::json::ExportDocument;
use crate::export::packet::{self, Blindness};
use crate::store::{Store, WholeCase};

/// `export json`: the whole case.
pub fn export_json(store: &mut Store) -> Result<String> {
    ExportDocument::from_case(store.whole_case()?).to_json()
}

/// Reads and checks an export written by `export json`.
pub fn read_export(file: &Path) -> Result<WholeCase> {
    let bytes = fs::read(file).with_context(|| format!("Could not read {}", file.display()))?;
    let text = String::from_utf8(bytes).map_err(|error| {
        anyhow::anyhow!(
            "{} was not imported, and nothing was written: it is not UTF-8 text (at byte {}); \
             a file written by casefile export json always is",
            file.display(),
            error.utf8_error().valid_up_to()
        )
    })?;
    let document = ExportDocument::from_json(&text).with_context(|| {
        format!(
            "{} was not imported, and nothing was written",
            file.display()
        )
    })?;
    Ok(document.into_case())
}

/// Removes a case file that this run created and could not fill.
pub fn remove_case_file(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = fs::remove_file(PathBuf::from(name));
    }
}

/// `export packet`: the appointment packet for one doctor.
pub fn packet(store: &mut Store, doctor: i64, blindness: Blindness) -> Result<Document> {
    let case = store.snapshot()?;
    let today = store.clock().today();
    packet::packet(&case, doctor, blindness, today)
}

/// The questions a blind packet for `doctor` leaves out, each in a line
/// that says why and what to do.
pub fn left_out_of_blind(store: &mut Store, doctor: i64) -> Result<Vec<String>> {
    let case = store.snapshot()?;
    let today = store.clock().today();
    Ok(packet::left_out_of_blind(&case, doctor, today)
        .iter()
        .map(|left| match left.record.kind {
            crate::domain::RecordKind::Deadline => format!(
                "Left out of the blind packet: the title of {}. Reword it (casefile edit deadline {} --title ...) to have it in.",
                left.describe(),
                left.record.id
            ),
            _ => format!(
                "Left out of the blind packet: {}. Reword it (casefile edit question {} --text ...) to have it in.",
                left.describe(),
                left.record.id
            ),
        })
        .collect())
}

/// `export questions`: one doctor's open questions, with room for answers.
pub fn question_sheet(store: &mut Store, doctor: i64) -> Result<Document> {
    let case = store.snapshot()?;
    let today = store.clock().today();
    packet::question_sheet(&case, doctor, today)
}
