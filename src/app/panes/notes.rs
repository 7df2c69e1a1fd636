//! Notes: the family's notes, read a screenful at a time, filtered by author or record.

use super::selected_in_pane;
use crate::app::editing::{say, show};
use crate::app::keymap::Scope::Notes;
use crate::app::keymap::{Binding, ENTER, ch, hint};
use crate::app::lists::title;
use crate::app::{Action, App, Effect, NotesFilter, Pane};
use crate::domain::{Choice, Note, RecordKind, RecordRef};

/// The note at `row` of the Notes pane's list (newest first, after its
/// filter), when that row has been read.
pub fn note_at(app: &App, row: usize) -> Option<&Note> {
    let window = &app.notes_window;
    let id = *window.ids.get(row.checked_sub(window.offset)?)?;
    app.case.notes.iter().find(|note| note.id == id)
}

/// The notes of the Notes pane's list that have been read, with the row of
/// the first.
pub fn notes_read(app: &App) -> (usize, Vec<&Note>) {
    let window = &app.notes_window;
    let notes = window
        .ids
        .iter()
        .filter_map(|id| app.case.notes.iter().find(|note| note.id == *id))
        .collect();
    (window.offset, notes)
}

/// What the screen needs read of the notes: the Notes pane's list around
/// its cursor, and the notes on the record on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotesWanted {
    pub filter: NotesFilter,
    pub row: usize,
    pub on: Option<RecordRef>,
}

pub fn notes_wanted(app: &App) -> NotesWanted {
    // The record of the pane's own cursor: a list of its parts opened
    // over it still shows its notes behind.
    let on = match app.pane {
        Pane::Notes => None,
        _ => selected_in_pane(app).filter(|r| r.kind != RecordKind::Note),
    };
    NotesWanted {
        filter: app.notes_filter.clone(),
        row: app.cursor_of(Pane::Notes).row,
        on,
    }
}

/// Rows read on each side of the cursor, and how near the edge of what was
/// read the cursor may come before more is read.
pub const NOTES_AROUND: usize = 120;

pub const NOTES_MARGIN: usize = 60;

/// True when what was read of the notes still serves `wanted`.
pub fn notes_read_serve(app: &App, wanted: &NotesWanted) -> bool {
    window_serves(app, wanted) && app.notes_window.on == wanted.on
}

/// True when the Notes pane's window still serves `wanted`, whatever the
/// record on screen.
pub fn window_serves(app: &App, wanted: &NotesWanted) -> bool {
    let window = &app.notes_window;
    let end = window.offset + window.ids.len();
    window.generation == app.notes_generation
        && window.filter == wanted.filter
        && (window.offset == 0 || wanted.row >= window.offset + NOTES_MARGIN)
        && (end >= window.total || wanted.row + NOTES_MARGIN < end)
}

/// `f` in Notes: everyone's notes, then each author's in turn.
pub fn filter_notes_by_author(app: &mut App) {
    let authors = app.notes_window.authors.clone();
    let next = match &app.notes_filter.author {
        None => authors.first().cloned(),
        Some(current) => authors
            .iter()
            .position(|a| a == current)
            .and_then(|i| authors.get(i + 1).cloned()),
    };
    app.notes_filter.author = next;
    app.cursors[Pane::Notes.index()] = Default::default();
    say(
        app,
        match &app.notes_filter.author {
            Some(author) => format!("Showing {author}'s notes (f for the next author)"),
            None => "Showing everyone's notes".into(),
        },
    );
}

/// `r` in Notes: only the notes on the selected note's record, or all.
pub fn filter_notes_by_record(app: &mut App) {
    if app.notes_filter.on.is_some() {
        app.notes_filter.on = None;
        say(app, "Showing notes on every record");
    } else {
        let Some(note) = note_at(app, app.cursor().row) else {
            return;
        };
        let on = note.on;
        app.notes_filter.on = Some(on);
        let what = match on {
            Some(on) => title(&app.case, on),
            None => "the case".into(),
        };
        say(app, format!("Showing only the notes on {what} (r for all)"));
    }
    app.cursors[Pane::Notes.index()] = Default::default();
}

/// Enter on a note: the record it is on.
pub fn open(app: &mut App) {
    let Some(note) = note_at(app, app.cursor().row) else {
        return;
    };
    match note.on {
        Some(on) if super::locate(app, on).is_some() => show(app, on),
        Some(on) => say(
            app,
            format!(
                "The {} this note is on is no longer in the case",
                on.kind.label()
            ),
        ),
        None => show(
            app,
            RecordRef {
                kind: RecordKind::Case,
                id: app.case.case.as_ref().map_or(0, |c| c.id),
            },
        ),
    }
}

/// What the screen needs read of the notes, when what was read no longer
/// serves: asked for after every action, so that the reading is an effect.
pub fn settle(app: &App) -> Effect {
    if !app.loaded {
        return Effect::None;
    }
    let wanted = notes_wanted(app);
    if notes_read_serve(app, &wanted) {
        Effect::None
    } else {
        Effect::ReadNotes(wanted)
    }
}

/// The keys of this pane, a line each.
#[rustfmt::skip]
pub static KEYS: &[Binding] = &[
    hint(Notes, &[ch('f')], Action::FilterNotesByAuthor, "one author's notes at a time", "by author"),
    hint(Notes, &[ch('r')], Action::FilterNotesByRecord, "only the notes on this record", "this record's"),
    hint(Notes, &[ENTER], Action::Open, "go to the record the note is on", "go to its record"),
];
