//! Overview: the lines that need attention, and where each one leads.

use chrono::NaiveDate;

use super::{locate, questions, requests};
use crate::app::editing::show;
use crate::app::keymap::Scope::Overview;
use crate::app::keymap::{Binding, DOWN, ENTER, UP, ch, help, hint};
use crate::app::{Action, App, Pane};
use crate::domain::{CaseSnapshot, Item, RecordId, RecordKind, RecordRef, RecordRequest};

fn reference(kind: RecordKind, id: RecordId) -> RecordRef {
    RecordRef { kind, id }
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

/// Enter on a line of the Overview's "Needs attention": its pane, on the
/// first record it counts.
pub fn open_attention(app: &mut App) {
    let lines = attention_lines(&app.case, app.today());
    let Some(line) = lines.get(app.cursor().row) else {
        return;
    };
    let (pane, first) = (line.pane, line.first);
    match first {
        Some(record) if locate(app, record).is_some() => show(app, record),
        _ => app.pane = pane,
    }
}

/// The keys of this pane, a line each.
#[rustfmt::skip]
pub static KEYS: &[Binding] = &[
    help(Overview, &[ch('j'), DOWN], Action::Down, "next line that needs attention"),
    help(Overview, &[ch('k'), UP], Action::Up, "previous line"),
    hint(Overview, &[ENTER], Action::Open, "go to what the line counts", "go there"),
    hint(Overview, &[ch('e')], Action::Edit, "edit the case", "edit the case"),
    help(Overview, &[ch('n')], Action::Note, "add a note on the case"),
    hint(Overview, &[ch('h')], Action::History, "history of every change", "history"),
    help(Overview, &[ch('u')], Action::Undo, "undo your last change"),
];
