//! Each pane's behaviour, in a file of its own: the order it lists its
//! records in, what is selected, where a record is shown, its commands
//! and its keys. This file routes to them by pane.

pub mod conflicts;
pub mod deadlines;
pub mod decide;
pub mod doctors;
pub mod imaging;
pub mod notes;
pub mod opinions;
pub mod overview;
pub mod questions;
pub mod requests;

use super::keymap::Binding;
use super::{App, Pane};
use crate::domain::{AgendaSource, RecordId, RecordKind, RecordRef};

pub use deadlines::agenda;
pub use doctors::doctors;
pub use imaging::items;
pub use notes::note_at;
pub use opinions::opinions;
pub use questions::questions;
pub use requests::requests;

/// The keys of every pane, each pane's in its own file.
pub static KEYS: &[&[Binding]] = &[
    overview::KEYS,
    opinions::KEYS,
    conflicts::KEYS,
    questions::KEYS,
    imaging::KEYS,
    requests::KEYS,
    notes::KEYS,
    doctors::KEYS,
    decide::KEYS,
];

/// Enter on the selected row: what it leads to in its pane.
pub fn open(app: &mut App) {
    match app.pane {
        Pane::Overview => overview::open_attention(app),
        Pane::Conflicts => conflicts::open_conflict(app),
        Pane::Imaging => imaging::open_parts(app),
        Pane::Requests => requests::open_parts(app),
        Pane::Notes => notes::open(app),
        Pane::Decide => decide::open_selected(app),
        Pane::Opinions | Pane::Questions | Pane::Deadlines | Pane::Doctors => {}
    }
}

/// How many rows the pane's cursor moves over.
pub fn row_count(app: &App, pane: Pane) -> usize {
    let case = &app.case;
    match pane {
        Pane::Overview => overview::attention_lines(case, app.today()).len(),
        Pane::Opinions => 0,
        Pane::Conflicts => case.topics.len(),
        Pane::Questions => case.questions.len(),
        Pane::Imaging => case.items.len(),
        Pane::Requests => case.requests.len(),
        Pane::Deadlines => agenda(case, app.today()).len(),
        Pane::Notes => app.notes_window.total,
        Pane::Doctors => case.doctors.len(),
        Pane::Decide => decide::row_count(app),
    }
}

/// How many columns the pane's cursor moves over.
pub fn column_count(app: &App, pane: Pane) -> usize {
    match pane {
        Pane::Opinions | Pane::Conflicts => app.case.opinions.len(),
        Pane::Imaging if app.seen_grid => app.case.doctors.len(),
        _ => 0,
    }
}

fn reference(kind: RecordKind, id: RecordId) -> RecordRef {
    RecordRef { kind, id }
}

/// The record the cursor is on in the pane on screen.
pub fn selected(app: &App) -> Option<RecordRef> {
    if let Some(parts) = app.overlays.parts() {
        return parts.records.get(parts.row).copied();
    }
    selected_in_pane(app)
}

/// The record the pane's own cursor is on, whatever is open over it.
fn selected_in_pane(app: &App) -> Option<RecordRef> {
    let case = &app.case;
    let cursor = app.cursor();
    match app.pane {
        Pane::Overview => case
            .case
            .as_ref()
            .map(|c| reference(RecordKind::Case, c.id)),
        Pane::Opinions => opinions(case)
            .get(cursor.column)
            .map(|o| reference(RecordKind::Opinion, o.id)),
        Pane::Conflicts => {
            let grid = case.grid();
            let row = grid.rows.get(cursor.row)?;
            match row.cells.get(cursor.column).cloned().flatten() {
                Some(cell) => Some(reference(RecordKind::Stance, cell.position_id)),
                None => Some(reference(RecordKind::Topic, row.topic_id)),
            }
        }
        Pane::Questions => questions(case)
            .get(cursor.row)
            .map(|q| reference(RecordKind::Question, q.id)),
        Pane::Imaging => items(case)
            .get(cursor.row)
            .map(|i| reference(RecordKind::Item, i.id)),
        Pane::Requests => requests(case, app.today())
            .get(cursor.row)
            .map(|r| reference(RecordKind::Request, r.id)),
        Pane::Deadlines => {
            let agenda = agenda(case, app.today());
            match agenda.get(cursor.row)?.source {
                AgendaSource::Case => case
                    .case
                    .as_ref()
                    .map(|c| reference(RecordKind::Case, c.id)),
                AgendaSource::Deadline(id) => Some(reference(RecordKind::Deadline, id)),
                AgendaSource::Request(id) => Some(reference(RecordKind::Request, id)),
            }
        }
        Pane::Notes => note_at(app, cursor.row).map(|n| reference(RecordKind::Note, n.id)),
        Pane::Doctors => doctors(case)
            .get(cursor.row)
            .map(|d| reference(RecordKind::Doctor, d.id)),
        Pane::Decide => decide::selected_here(app),
    }
}

/// What `a` adds in a pane.
pub fn adds(pane: Pane) -> Option<RecordKind> {
    match pane {
        Pane::Overview => None,
        Pane::Opinions => Some(RecordKind::Opinion),
        Pane::Conflicts => Some(RecordKind::Topic),
        Pane::Questions => Some(RecordKind::Question),
        Pane::Imaging => Some(RecordKind::Item),
        Pane::Requests => Some(RecordKind::Request),
        Pane::Deadlines => Some(RecordKind::Deadline),
        Pane::Notes => Some(RecordKind::Note),
        Pane::Doctors => Some(RecordKind::Doctor),
        Pane::Decide => Some(RecordKind::DecisionOption),
    }
}

/// Where a record is shown: its pane, and the row or column that selects it.
pub fn locate(app: &App, record: RecordRef) -> Option<(Pane, usize, usize)> {
    let case = &app.case;
    let id = record.id;
    let row_of = |ids: Vec<RecordId>| ids.iter().position(|x| *x == id);
    match record.kind {
        RecordKind::Case => Some((Pane::Overview, 0, 0)),
        RecordKind::Doctor => Some((
            Pane::Doctors,
            row_of(doctors(case).iter().map(|d| d.id).collect())?,
            0,
        )),
        RecordKind::Opinion => Some((
            Pane::Opinions,
            0,
            row_of(opinions(case).iter().map(|o| o.id).collect())?,
        )),
        RecordKind::Topic => Some((
            Pane::Conflicts,
            case.grid().rows.iter().position(|r| r.topic_id == id)?,
            0,
        )),
        RecordKind::Stance => {
            let grid = case.grid();
            grid.rows.iter().enumerate().find_map(|(row, cells)| {
                let column = cells
                    .cells
                    .iter()
                    .position(|c| c.as_ref().is_some_and(|c| c.position_id == id))?;
                Some((Pane::Conflicts, row, column))
            })
        }
        // A conflict's status is shown on its topic's row.
        RecordKind::ConflictState => {
            let topic = case.conflict_states.iter().find(|c| c.id == id)?.topic_id;
            locate(app, reference(RecordKind::Topic, topic))
        }
        RecordKind::Equivalence => {
            let topic = case.equivalences.iter().find(|e| e.id == id)?.topic_id;
            locate(app, reference(RecordKind::Topic, topic))
        }
        RecordKind::RequestItem => {
            let request = case.request_items.iter().find(|r| r.id == id)?.request_id;
            locate(app, reference(RecordKind::Request, request))
        }
        RecordKind::Question => Some((
            Pane::Questions,
            row_of(questions(case).iter().map(|q| q.id).collect())?,
            0,
        )),
        RecordKind::Item => Some((
            Pane::Imaging,
            row_of(items(case).iter().map(|i| i.id).collect())?,
            0,
        )),
        // A study is shown under its disc.
        RecordKind::Study => {
            let item = case.studies.iter().find(|s| s.id == id)?.item_id;
            locate(app, reference(RecordKind::Item, item))
        }
        RecordKind::CustodyMove | RecordKind::ItemRecipient => {
            let item = case
                .custody_moves
                .iter()
                .find(|m| record.kind == RecordKind::CustodyMove && m.id == id)
                .map(|m| m.item_id)
                .or_else(|| {
                    case.item_recipients
                        .iter()
                        .find(|r| record.kind == RecordKind::ItemRecipient && r.id == id)
                        .map(|r| r.item_id)
                })?;
            locate(app, reference(RecordKind::Item, item))
        }
        RecordKind::Request => Some((
            Pane::Requests,
            row_of(requests(case, app.today()).iter().map(|r| r.id).collect())?,
            0,
        )),
        RecordKind::FollowUp => {
            let request = case.follow_ups.iter().find(|f| f.id == id)?.request_id;
            locate(app, reference(RecordKind::Request, request))
        }
        RecordKind::Deadline => Some((
            Pane::Deadlines,
            agenda(case, app.today())
                .iter()
                .position(|e| e.source == AgendaSource::Deadline(id))?,
            0,
        )),
        RecordKind::Note => Some((
            Pane::Notes,
            app.notes_window.offset + row_of(app.notes_window.ids.clone())?,
            0,
        )),
        RecordKind::DecisionOption
        | RecordKind::Factor
        | RecordKind::View
        | RecordKind::Leaning
        | RecordKind::ReadinessCheck
        | RecordKind::Decision => decide::locate(app, record),
    }
}
