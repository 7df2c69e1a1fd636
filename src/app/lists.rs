//! The order each pane lists its records in. `update` uses it to keep the
//! cursor on a record; the views draw the same rows.

use chrono::NaiveDate;

use super::{App, Pane};
use crate::domain::{
    AgendaEntry, AgendaSource, CaseSnapshot, Choice, Doctor, Item, Note, Opinion, Question,
    RecordId, RecordKind, RecordRef, RecordRequest,
};

/// Questions grouped by doctor (doctors by name, then questions for any
/// doctor), outstanding first within each group.
pub fn questions(case: &CaseSnapshot) -> Vec<&Question> {
    case.questions_by_doctor()
}

/// Opinions as tabs, oldest first.
pub fn opinions(case: &CaseSnapshot) -> Vec<&Opinion> {
    let mut opinions: Vec<&Opinion> = case.opinions.iter().collect();
    opinions.sort_by_key(|opinion| (opinion.given_on, opinion.id));
    opinions
}

pub fn items(case: &CaseSnapshot) -> Vec<&Item> {
    case.items.iter().collect()
}

/// Overdue requests first, then those waiting by due date, then the rest
/// (answered, drafts, closed) newest first.
pub fn requests(case: &CaseSnapshot, today: NaiveDate) -> Vec<&RecordRequest> {
    case.requests_in_order(today)
}

pub fn agenda(case: &CaseSnapshot, today: NaiveDate) -> Vec<AgendaEntry> {
    case.agenda(today)
}

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
    pub filter: super::NotesFilter,
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

pub fn doctors(case: &CaseSnapshot) -> Vec<&Doctor> {
    case.doctors.iter().collect()
}

/// One line under "Needs attention" in the Overview: how many, in words,
/// and where Enter on it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttentionLine {
    pub count: usize,
    pub words: String,
    pub pane: Pane,
    /// The first record the line counts, selected when it is opened.
    pub first: Option<RecordRef>,
}

fn attention(
    count: usize,
    one: &str,
    many: &str,
    pane: Pane,
    first: Option<RecordRef>,
) -> AttentionLine {
    AttentionLine {
        count,
        words: if count == 1 { one } else { many }.to_string(),
        pane,
        first,
    }
}

/// The lines under "Needs attention", in the order they are drawn.
pub fn attention_lines(case: &CaseSnapshot, today: NaiveDate) -> Vec<AttentionLine> {
    let counts = case.counts(today);
    let first_item = |wanted: &dyn Fn(&Item) -> bool| {
        case.items
            .iter()
            .find(|item| wanted(item))
            .map(|item| reference(RecordKind::Item, item.id))
    };
    let requests = requests(case, today);
    let first_request = |wanted: &dyn Fn(&RecordRequest) -> bool| {
        requests
            .iter()
            .find(|request| wanted(request))
            .map(|request| reference(RecordKind::Request, request.id))
    };
    let limit = case.originals_away_days();
    let decide_by = case.case.as_ref().and_then(|c| c.decide_by);
    let mut lines = vec![
        attention(
            counts.open_conflicts,
            "open conflict between doctors",
            "open conflicts between doctors",
            Pane::Conflicts,
            case.conflicts()
                .iter()
                .find(|c| c.needs_attention())
                .map(|c| reference(RecordKind::Topic, c.topic_id)),
        ),
        attention(
            counts.open_questions,
            "question waiting for an answer",
            "questions waiting for an answer",
            Pane::Questions,
            questions(case)
                .iter()
                .find(|q| q.status.is_outstanding())
                .map(|q| reference(RecordKind::Question, q.id)),
        ),
        attention(
            counts.overdue_requests,
            "record request overdue",
            "record requests overdue",
            Pane::Requests,
            first_request(&|r| r.is_overdue(today)),
        ),
        attention(
            counts.items_not_with_doctor,
            "scan or slide set not yet with the doctor who needs it",
            "scans or slide sets not yet with the doctors who need them",
            Pane::Imaging,
            first_item(&|item| case.waiting_for(item) > 0),
        ),
        attention(
            counts.originals_away,
            &format!("original away from its owner over {limit} days"),
            &format!("originals away from their owners over {limit} days"),
            Pane::Imaging,
            first_item(&|item| case.away_too_long(item, today).is_some()),
        ),
    ];
    let due_after = case
        .requests
        .iter()
        .filter(|r| r.due_after(decide_by))
        .count();
    if due_after > 0 {
        lines.push(attention(
            due_after,
            "record request due after the decision date",
            "record requests due after the decision date",
            Pane::Requests,
            first_request(&|r| r.due_after(decide_by)),
        ));
    }
    if counts.retention_near > 0 {
        lines.push(attention(
            counts.retention_near,
            "block or slide set near the end of the lab's keeping time",
            "blocks or slide sets near the end of the lab's keeping time",
            Pane::Imaging,
            first_item(&|item| crate::domain::item::retention_warning(item, today).is_some()),
        ));
    }
    lines
}

/// How many rows the pane's cursor moves over.
pub fn row_count(app: &App, pane: Pane) -> usize {
    let case = &app.case;
    match pane {
        Pane::Overview => attention_lines(case, app.today()).len(),
        Pane::Opinions => 0,
        Pane::Conflicts => case.topics.len(),
        Pane::Questions => case.questions.len(),
        Pane::Imaging => case.items.len(),
        Pane::Requests => case.requests.len(),
        Pane::Deadlines => agenda(case, app.today()).len(),
        Pane::Notes => app.notes_window.total,
        Pane::Doctors => case.doctors.len(),
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
    }
}

/// A record in a few words, for questions and messages.
pub fn title(case: &CaseSnapshot, record: RecordRef) -> String {
    let id = record.id;
    let words = match record.kind {
        RecordKind::Case => case.case.as_ref().map(|c| c.patient.clone()),
        RecordKind::Doctor => case.doctor(id).map(|d| d.name.clone()),
        RecordKind::Opinion => case.opinion(id).map(|o| {
            format!(
                "{}, {}",
                case.doctor_name(Some(o.doctor_id)),
                o.given_on.format("%-d %b %Y")
            )
        }),
        RecordKind::Topic => case.topic(id).map(|t| t.name.clone()),
        RecordKind::Stance => case
            .stances
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.stance.clone()),
        RecordKind::ConflictState => None,
        RecordKind::Question => case
            .questions
            .iter()
            .find(|q| q.id == id)
            .map(|q| q.text.clone()),
        RecordKind::Item => case.item(id).map(|i| i.description.clone()),
        RecordKind::CustodyMove => case
            .custody_moves
            .iter()
            .find(|m| m.id == id)
            .map(|m| format!("to {}", m.to)),
        RecordKind::ItemRecipient => None,
        RecordKind::Request => case
            .requests
            .iter()
            .find(|r| r.id == id)
            .map(|r| format!("to {}", r.to_whom)),
        RecordKind::FollowUp => case
            .follow_ups
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.said.clone()),
        RecordKind::Deadline => case
            .deadlines
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.title.clone()),
        RecordKind::Note => case
            .notes
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.body.clone()),
        RecordKind::Equivalence => case
            .equivalences
            .iter()
            .find(|e| e.id == id)
            .map(|e| format!("{} = {}", e.stance, e.same_as)),
        RecordKind::RequestItem => case
            .request_items
            .iter()
            .find(|r| r.id == id)
            .and_then(|r| case.item(r.item_id))
            .map(|item| item.description.clone()),
    };
    let text = words.unwrap_or_default();
    // One line: the text's lines joined with spaces, cut with ….
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let short: String = line.chars().take(48).collect();
    let short = if short.chars().count() < line.chars().count() {
        format!("{short}…")
    } else {
        short
    };
    if short.is_empty() {
        record.kind.label().to_string()
    } else {
        format!(
            "{} \"{}\"",
            record.kind.label(),
            crate::domain::text::inert(&short)
        )
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
    }
}
