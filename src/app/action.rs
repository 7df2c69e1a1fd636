//! Everything that can happen to the app, whether from a key, a mouse, the
//! store, or a test.

use ratatui_textarea::Input;

use super::Pane;
use crate::domain::{CaseSnapshot, Change, RecordKind, RecordRef};
use crate::store::DeletePlan;

#[derive(Debug, Clone)]
pub enum Action {
    /// `a`: add a record of the kind the pane lists.
    Add,
    /// Add a record of a given kind that belongs to the selected one (a
    /// custody move for an item, a follow-up for a request).
    AddTo(RecordKind),
    /// `e`: edit the selected record.
    Edit,
    /// `e` in the grid: the stance in the selected cell, or a new one.
    EditStance,
    /// `d` in the grid: delete the stance in the selected cell.
    DeleteStance,
    /// `t` in the grid: rename the selected topic.
    EditTopic,
    /// `D` in the grid: delete the selected row's topic.
    DeleteTopic,
    /// `r` in the grid: ask each doctor in the row's disagreement about it.
    RaiseQuestions,
    /// `x` in the grid: the stances declared the same on the row's topic.
    ListSame,
    /// `c` in Opinions: compare the selected opinion with another.
    Compare,
    /// Close the comparison.
    CloseCompare,
    /// `w` in Imaging: who has seen what, or the list of items.
    ToggleSeenGrid,
    /// Esc in who has seen what: back to the list of items.
    CloseSeenGrid,
    /// `b` in Questions: the standard questions, for the selected doctor.
    AddQuestionBank,
    /// `s` in Questions: the selected question was asked today.
    MarkAsked,
    /// `R` in Requests: the selected request was answered, its items came.
    MarkReceived,
    /// `x` in Requests: the provider extended in writing, today.
    RecordExtension,
    /// `o` in Decide: add every option the opinions offer, and waiting.
    OfferOptions,
    /// `f` in Decide: a factor for the selected option, or for the
    /// selected cell of the option grid.
    AddFactor,
    /// `q` in Decide on a factor not known yet: a question for a doctor,
    /// linked to it.
    AskAboutFactor,
    /// `g` in Decide: the option grid, or the lists.
    ToggleOptionGrid,
    /// Add a record of this kind from the Decide pane, with the selected
    /// record as what it was opened from (a view, the leaning, a check).
    AddHere(RecordKind),
    /// `D` in Decide: record or revise the decision, after showing what is
    /// still open.
    RecordDecision,
    /// `d`: delete the selected record, after asking.
    Delete,
    /// `n`: a note on the selected record.
    Note,
    /// `u`: undo the last change made in this session.
    Undo,
    /// Open the history of changes.
    History,
    /// Close the history of changes.
    CloseHistory,
    /// Start the case, from the welcome screen.
    StartCase,
    /// A key typed into the open form.
    FormKey(Input),
    /// Letters typed one key after another into the open form's text,
    /// put in at once (a paste that arrived as keys).
    FormText(String),
    /// Text pasted into the open form.
    Paste(String),
    NextField,
    PreviousField,
    /// Ctrl-U in a form: empty the focused field.
    ClearField,
    /// In the open list of a choice: move the highlight by this much.
    ChoiceMove(isize),
    /// ...pick the highlighted option.
    ChoicePick,
    /// ...close the list.
    ChoiceClose,
    /// `Q`: a question for the doctor on screen.
    AskDoctor,
    /// Ctrl-S in a form.
    SaveForm,
    /// Esc in a form: close it, asking first if it has changes.
    CancelForm,
    /// The answer to a yes/no question.
    Yes,
    No,
    /// Enter: open what the selection points at.
    Open,
    /// Close the list of a record's parts.
    CloseParts,
    /// Notes: show one author's notes at a time.
    FilterNotesByAuthor,
    /// Notes: show only the notes on the selected note's record.
    FilterNotesByRecord,
    /// A form was saved.
    Saved {
        record: RecordRef,
        batch: Option<i64>,
        message: String,
    },
    /// A form could not be saved; the form stays open with this message.
    SaveFailed(String),
    /// Someone else saved the record while the form was open: their
    /// version, to set beside what was typed.
    SavedElsewhere {
        by: String,
        version: i64,
        theirs: Vec<(String, String)>,
        /// The other records the form changes, as they saved them.
        linked: Vec<super::form::Linked>,
    },
    /// After a save refused for someone else's change: save what was
    /// typed over it.
    KeepMine,
    /// ...or drop what was typed and take their version.
    TakeTheirs,
    /// ...or take their changes where nothing was typed, and review.
    MergeTheirs,
    /// What a delete would take with it, for the question before it.
    DeletePlanned {
        target: RecordRef,
        version: i64,
        plan: DeletePlan,
    },
    /// A record was deleted.
    Deleted {
        batch: Option<i64>,
        message: String,
    },
    /// A change was undone; `record` is the one it was about.
    Undone {
        message: String,
        record: Option<RecordRef>,
    },
    /// The history of changes, newest first.
    HistoryLoaded(Vec<Change>),
    /// The writer was chosen in the picker at start.
    AuthorChosen(String),
    /// The picker at start was closed without a choice (or, while a new
    /// name is typed, goes back to the names).
    KeepAuthor,
    /// A key typed into the new writer's name.
    AuthorNameKey(Input),
    /// Jump to a record's pane and row (from a note, after a save).
    Show(RecordRef),
    Quit,
    ToggleHelp,
    CloseHelp,
    NextPane,
    PreviousPane,
    GoTo(Pane),
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Left,
    Right,
    /// Scrolls the selected record's detail, when it is longer than its box.
    ScrollDetailDown,
    ScrollDetailUp,
    /// Writes the selected doctor's appointment packet beside the case file.
    WritePacket {
        blind: bool,
    },
    /// Writes the decision summary to the documents folder.
    WriteSummary,
    /// Something finished; the text says what.
    Done(String),
    /// A file was written (a packet): where, and what to say about it; a
    /// warning when something was left out of it.
    Written {
        path: std::path::PathBuf,
        message: String,
        /// What a blind packet left out (a question, a deadline's title),
        /// and why, to be listed.
        left_out: Vec<(RecordRef, String)>,
    },
    /// Opens the file written last with the desktop's opener.
    OpenWritten,
    /// Opens the separate demo case file from the welcome screen.
    OpenDemo,
    /// A mouse click at a screen position.
    Click {
        column: u16,
        row: u16,
    },
    /// The terminal changed size: `columns` wide, `rows` high.
    Resize {
        columns: u16,
        rows: u16,
    },
    /// Read the case file again.
    Reload,
    /// Every action's effects are done: read what the screen now needs and
    /// has not read yet (the notes in view).
    Settle,
    /// Time passed with no key: look for another copy's changes, and keep
    /// what is being typed.
    Tick,
    /// A form left unsaved when casefile last stopped, kept as JSON.
    DraftFound {
        saved_at: chrono::DateTime<chrono::Utc>,
        json: String,
    },
    /// Another copy of casefile saved changes to the case file.
    ChangedElsewhere,
    /// The case as read from the file.
    Loaded(Box<CaseSnapshot>),
    /// The records changed since the case was read, and the newest change.
    Refreshed {
        changes: Vec<crate::domain::Fresh>,
        as_of: i64,
    },
    /// A screenful of the Notes pane's list, and the notes on the record on
    /// screen, as read from the file.
    NotesRead(Box<super::NotesRead>),
    /// Open the search over every text in the case.
    OpenSearch,
    /// Close the search.
    CloseSearch,
    /// A key typed into the search box.
    SearchKey(Input),
    /// What a search for `query` found.
    SearchResults {
        query: String,
        hits: Vec<crate::domain::SearchHit>,
    },
    /// One note read from the file, for a form restored on it.
    NoteRead(Box<crate::domain::Note>),
    /// Where a note is in the Notes pane's list, under `filter`.
    NoteLocated {
        row: usize,
        filter: crate::domain::NotesFilter,
    },
    /// A different case file is now open.
    Switched {
        file: std::path::PathBuf,
        note: String,
    },
    /// `I` in Imaging: import an imaging disc.
    ImportDisc,
    /// The places where a disc was found on this computer, for the form
    /// that asks where the disc is.
    DiscPlaces(Vec<String>),
    /// How far the reading of a disc has come.
    DiscProgress(crate::disc::Progress),
    /// The disc was read, or could not be.
    DiscRead(Box<Result<crate::disc::Catalogue, crate::disc::DiscError>>),
    /// The disc's import was written, in the undo batch `batch`.
    DiscImported {
        written: crate::disc::import::Written,
        batch: Option<i64>,
    },
    /// Something went wrong; the text says what and what to do.
    Failed(String),
}
