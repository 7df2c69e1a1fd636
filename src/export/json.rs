//! The full export: every record, note and history entry of a case, with a
//! format version, in a fixed order, so that exporting the same case twice
//! gives the same bytes.

use anyhow::{Result, bail};
use serde::{Deserialize, Serialize};

use crate::domain::{
    Author, Case, Change, ConflictState, CustodyMove, Deadline, Doctor, FollowUp, Item,
    ItemRecipient, Note, Opinion, Position, Question, RecordRequest, Topic,
};
use crate::store::WholeCase;

/// The value of the document's `format` field.
pub const FORMAT: &str = "casefile-export";
/// The newest export format this casefile writes and reads.
pub const VERSION: u64 = 1;

/// The export document, field by field in the order it is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportDocument {
    pub format: String,
    pub version: u64,
    pub authors: Vec<Author>,
    pub case: Option<Case>,
    pub doctors: Vec<Doctor>,
    pub opinions: Vec<Opinion>,
    pub topics: Vec<Topic>,
    pub positions: Vec<Position>,
    pub conflict_states: Vec<ConflictState>,
    pub questions: Vec<Question>,
    pub items: Vec<Item>,
    pub custody_moves: Vec<CustodyMove>,
    pub item_recipients: Vec<ItemRecipient>,
    pub requests: Vec<RecordRequest>,
    pub follow_ups: Vec<FollowUp>,
    pub deadlines: Vec<Deadline>,
    pub notes: Vec<Note>,
    /// Every change, oldest first.
    pub history: Vec<Change>,
}

impl ExportDocument {
    pub fn from_case(whole: WholeCase) -> Self {
        let records = whole.records;
        ExportDocument {
            format: FORMAT.into(),
            version: VERSION,
            authors: whole.authors,
            case: records.case,
            doctors: records.doctors,
            opinions: records.opinions,
            topics: records.topics,
            positions: records.positions,
            conflict_states: records.conflict_states,
            questions: records.questions,
            items: records.items,
            custody_moves: records.custody_moves,
            item_recipients: records.item_recipients,
            requests: records.requests,
            follow_ups: records.follow_ups,
            deadlines: records.deadlines,
            notes: records.notes,
            history: whole.history,
        }
    }

    pub fn into_case(self) -> WholeCase {
        WholeCase {
            authors: self.authors,
            records: crate::domain::CaseSnapshot {
                case: self.case,
                doctors: self.doctors,
                opinions: self.opinions,
                topics: self.topics,
                positions: self.positions,
                conflict_states: self.conflict_states,
                questions: self.questions,
                items: self.items,
                custody_moves: self.custody_moves,
                item_recipients: self.item_recipients,
                requests: self.requests,
                follow_ups: self.follow_ups,
                deadlines: self.deadlines,
                notes: self.notes,
            },
            history: self.history,
        }
    }

    /// The document as pretty-printed JSON, ending with a newline.
    pub fn to_json(&self) -> Result<String> {
        let mut text = serde_json::to_string_pretty(self)?;
        text.push('\n');
        Ok(text)
    }

    /// Reads an export, refusing one that is not valid JSON, not a casefile
    /// export, from a newer casefile, or not of the expected shape; the
    /// message names the place in the document where it can.
    pub fn from_json(text: &str) -> Result<Self> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|error| {
            anyhow::anyhow!(
                "it is not valid JSON (line {}, column {}: {})",
                error.line(),
                error.column(),
                error
            )
        })?;
        match value.get("format").and_then(|f| f.as_str()) {
            Some(FORMAT) => {}
            Some(other) => {
                bail!("it is not a casefile export: at $.format, \"{other}\" is not \"{FORMAT}\"")
            }
            None => bail!("it is not a casefile export: $.format is missing"),
        }
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(version) if version > VERSION => bail!(
                "it was written by a newer casefile (export format {version}; this casefile reads up to {VERSION}); update casefile to import it"
            ),
            Some(_) => {}
            None => bail!("at $.version: a whole number is required"),
        }
        serde_path_to_error::deserialize(value).map_err(|error| {
            let path = error.path().to_string();
            anyhow::anyhow!("at $.{}: {}", path, error.into_inner())
        })
    }
}
