//! The app: one state, one vocabulary of actions, a pure update, and the
//! effects that the runtime performs at the edge.

mod action;
pub mod disc;
mod editing;
mod effect;
pub mod events;
pub mod form;
pub mod forms;
pub mod keymap;
pub mod lists;
pub mod overlay;
mod pane;
pub mod panes;
mod runtime;
pub mod search;
mod update;

use std::path::PathBuf;

pub use action::Action;
pub use effect::Effect;
pub use pane::{Pane, TabPlace, TabSpot, tab_bar};
pub use runtime::{DiscReader, Runtime};
pub use update::update;

pub use crate::domain::NotesFilter;
use crate::domain::{CaseSnapshot, Change, Clock, RecordRef};
pub use overlay::{Overlay, Overlays};

/// Where the cursor is in each pane.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    /// The selected row of the pane's list.
    pub row: usize,
    /// The selected column, where a pane has columns (the Conflicts grid).
    pub column: usize,
    /// How far the detail is scrolled (the Opinions pane).
    pub scroll: u16,
}

/// A message for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

/// Everything the screen is drawn from.
#[derive(Debug, Clone)]
pub struct App {
    pub pane: Pane,
    pub cursors: [Cursor; Pane::ALL.len()],
    /// The case as last read from the file.
    pub case: CaseSnapshot,
    /// False until the file has been read once.
    pub loaded: bool,
    pub clock: Clock,
    /// Who is writing.
    pub author: String,
    /// The case file on screen.
    pub file: PathBuf,
    pub status: Option<Status>,
    /// What is open over the panes, bottom first: forms, questions, the
    /// help, the search, lists.
    pub overlays: Overlays,
    /// Rows in the pane's list that fit on the screen, for paging.
    pub page_rows: usize,
    /// How wide the screen is, for clicks on the tab bar.
    pub columns: u16,
    pub quitting: bool,
    /// The changes saved in this session, newest last, for undo.
    pub undo: Vec<i64>,
    /// How many of this session's changes have been undone.
    pub undone: usize,
    /// The file written last in this session (a packet), for `o` to open.
    pub written: Option<PathBuf>,
    /// Which notes the Notes pane shows.
    pub notes_filter: NotesFilter,
    /// The part of the Notes pane's list read from the file.
    pub notes_window: NotesWindow,
    /// Goes up whenever the notes in the file may have changed, so that
    /// what was read of them is read again.
    pub notes_generation: u64,
    /// A record to select once the case has been read again.
    pub pending_show: Option<RecordRef>,
    /// The Imaging pane shows who has seen what: items by doctors.
    pub seen_grid: bool,
    /// Where the Decide pane is: its section, the row in each, and the
    /// option grid.
    pub decide: panes::decide::DecideView,
    /// The open form as last kept in the case file, to keep it again only
    /// when it changed.
    pub draft_kept: Option<String>,
    /// No case file exists yet at `file`: nothing is made until a case is
    /// started there.
    pub missing_file: bool,
}

/// The Notes pane's list as read from the file: a window of rows around
/// the cursor, and how long the whole list is. A family's notes run to
/// thousands; only what is near the screen is read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NotesWindow {
    /// The filter the rows were read with.
    pub filter: NotesFilter,
    /// The row of the whole list that the first of `ids` is.
    pub offset: usize,
    /// The window's notes, in the list's order; the notes themselves are
    /// in `case.notes`.
    pub ids: Vec<crate::domain::RecordId>,
    /// How many notes the filter lets through.
    pub total: usize,
    /// How many notes the case holds.
    pub all: usize,
    /// Everyone who has written a note, in the order they first did.
    pub authors: Vec<String>,
    /// The record whose notes were read besides the window.
    pub on: Option<RecordRef>,
    /// The notes generation (see [`App::notes_generation`]) when read.
    pub generation: u64,
}

/// What the runtime read for the Notes pane and the record on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct NotesRead {
    pub window: NotesWindow,
    /// The window's notes and the notes on `window.on`.
    pub notes: Vec<crate::domain::Note>,
}

/// The records that belong to one record, listed so that each can be
/// edited or deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    pub title: String,
    pub records: Vec<RecordRef>,
    pub row: usize,
    /// Why each record is listed, where the list says (what a blind
    /// packet left out); empty otherwise.
    pub reasons: Vec<String>,
}

/// A question waiting for y or n.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub question: String,
    pub target: RecordRef,
    pub version: i64,
    /// What a yes does.
    pub then: AfterYes,
}

/// What a yes to a [`Confirm`] question leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterYes {
    /// Delete the target, at the version read.
    Delete,
    /// Open the decision's form, though some things are still open.
    RecordDecision,
}

/// The history of changes, newest first, and the selected row.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryView {
    pub changes: Vec<Change>,
    /// Each change in a few words, naming the records it links.
    pub described: Vec<String>,
    pub row: usize,
}

/// The writers to choose from at start, and a last line for someone new.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorPicker {
    pub names: Vec<String>,
    /// The name chosen; `names.len()` is "someone else".
    pub selected: usize,
    /// The new writer's name, while it is typed.
    pub new_name: Option<String>,
    /// What was wrong with the name typed.
    pub error: Option<String>,
}

impl App {
    pub fn new(author: &str, file: PathBuf, clock: Clock) -> Self {
        App {
            pane: Pane::Overview,
            cursors: [Cursor::default(); Pane::ALL.len()],
            case: CaseSnapshot::default(),
            loaded: false,
            clock,
            author: author.to_string(),
            file,
            status: None,
            overlays: Overlays::default(),
            page_rows: 10,
            columns: 120,
            quitting: false,
            undo: Vec::new(),
            undone: 0,
            written: None,
            notes_filter: NotesFilter::default(),
            notes_window: NotesWindow::default(),
            notes_generation: 0,
            pending_show: None,
            seen_grid: false,
            decide: Default::default(),
            draft_kept: None,
            missing_file: false,
        }
    }

    /// The cursor of the pane on screen.
    pub fn cursor(&self) -> Cursor {
        self.cursors[self.pane.index()]
    }

    pub fn cursor_of(&self, pane: Pane) -> Cursor {
        self.cursors[pane.index()]
    }

    pub fn cursor_mut(&mut self) -> &mut Cursor {
        &mut self.cursors[self.pane.index()]
    }

    /// No case has been started in this file: the welcome screen shows.
    pub fn shows_welcome(&self) -> bool {
        self.loaded && self.case.is_empty()
    }

    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.today()
    }
}
