//! The order each pane lists its records in. `update` uses it to keep the
//! cursor on a record; the views draw the same rows.

use chrono::NaiveDate;

use super::{App, Pane};
use crate::domain::{
    AgendaEntry, CaseSnapshot, Doctor, Item, Note, Opinion, Question, RecordId, RecordRequest,
};

/// Questions grouped by doctor (doctors by name, then questions for any
/// doctor), outstanding first within each group.
pub fn questions(case: &CaseSnapshot) -> Vec<&Question> {
    let mut groups: Vec<Option<RecordId>> = case.doctors.iter().map(|d| Some(d.id)).collect();
    groups.push(None);
    groups
        .into_iter()
        .flat_map(|doctor| case.questions_for(doctor))
        .collect()
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
    let mut requests: Vec<&RecordRequest> = case.requests.iter().collect();
    requests.sort_by_key(|request| match request.days_left(today) {
        Some(days) => (0, days, request.id),
        None => (
            1,
            -request.requested_on.num_days_from_ce() as i64,
            request.id,
        ),
    });
    requests
}

pub fn agenda(case: &CaseSnapshot, today: NaiveDate) -> Vec<AgendaEntry> {
    case.agenda(today)
}

pub fn notes(case: &CaseSnapshot) -> Vec<&Note> {
    case.notes.iter().collect()
}

pub fn doctors(case: &CaseSnapshot) -> Vec<&Doctor> {
    case.doctors.iter().collect()
}

use chrono::Datelike;

/// How many rows the pane's cursor moves over.
pub fn row_count(app: &App, pane: Pane) -> usize {
    let case = &app.case;
    match pane {
        Pane::Overview | Pane::Opinions => 0,
        Pane::Conflicts => case.topics.len(),
        Pane::Questions => case.questions.len(),
        Pane::Imaging => case.items.len(),
        Pane::Requests => case.requests.len(),
        Pane::Deadlines => agenda(case, app.today()).len(),
        Pane::Notes => case.notes.len(),
        Pane::Doctors => case.doctors.len(),
    }
}

/// How many columns the pane's cursor moves over.
pub fn column_count(app: &App, pane: Pane) -> usize {
    match pane {
        Pane::Opinions | Pane::Conflicts => app.case.opinions.len(),
        _ => 0,
    }
}
