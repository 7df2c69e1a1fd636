//! What `update` asks the runtime to do. Effects are the only way the app
//! reaches the case file.

use crate::domain::{AnyDraft, RecordId, RecordRef};

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Save a form's draft: add it, or save it over `editing`.
    Save {
        draft: AnyDraft,
        editing: Option<(RecordId, i64)>,
    },
    /// Save an opinion's form: the opinion and its stance on each topic.
    SaveOpinion {
        opinion: crate::domain::OpinionDraft,
        stances: Vec<crate::domain::StanceEntry>,
        editing: Option<(RecordId, i64)>,
    },
    /// Work out what deleting a record would take with it.
    PlanDelete {
        target: RecordRef,
        version: i64,
    },
    /// Delete a record with what belongs to it.
    Delete {
        target: RecordRef,
        version: i64,
    },
    /// Undo the changes of one batch.
    Undo(i64),
    /// Mark a request received and move what it asked for.
    Receive {
        request_id: RecordId,
        version: i64,
        receipt: Box<crate::domain::request::Receipt>,
    },
    /// Add several questions in one transaction.
    AddQuestions(Vec<crate::domain::QuestionDraft>),
    /// Read the history of changes.
    LoadHistory,
    /// Write as someone else from now on.
    SetAuthor(String),
    None,
    /// Read the whole case from the file.
    Load,
    /// Read the records changed since the case was read.
    Refresh,
    /// Search every text in the case for what was typed.
    Search(String),
    /// Find where a note is in the Notes pane's list, to select it; if it
    /// is gone, say so when `say_if_gone` (a search result), else nothing
    /// (a note an undo just took away).
    LocateNote {
        id: RecordId,
        say_if_gone: bool,
    },
    /// See whether another copy of casefile has saved since the last look.
    LookForChanges,
    /// Keep the open form's typing in the case file, then look for changes.
    KeepDraft(Option<String>),
    /// Open (writing it first if needed) the separate demo case file.
    OpenDemo,
    /// Write a doctor's appointment packet as an HTML file.
    WritePacket {
        doctor_id: crate::domain::RecordId,
        blind: bool,
    },
    /// Open a file with the desktop's opener (xdg-open, open).
    Open(std::path::PathBuf),
}
