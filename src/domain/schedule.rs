//! Deadlines and appointments, and the agenda that joins them with the
//! decision date and the record requests' due dates.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::choice::choice;
use super::dates::days_between;
use super::{Case, Deadline, RecordId, RecordRequest};

choice! {
    /// What kind of date a deadline is.
    DeadlineKind {
        Decision => "decision", "decision";
        Appointment => "appointment", "appointment";
        RequestDue => "request_due", "request due";
        Insurance => "insurance", "insurance";
        TreatmentStart => "treatment_start", "treatment start";
        Custom => "custom", "other";
    }
}

/// A date the family must not miss.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeadlineDraft {
    pub title: String,
    pub kind: DeadlineKind,
    pub due_on: NaiveDate,
    /// The doctor an appointment is with.
    pub doctor_id: Option<RecordId>,
    pub done: bool,
    pub notes: String,
}

/// Where an agenda entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaSource {
    /// The case's decision date.
    Case,
    Deadline(RecordId),
    /// A record request's due date, derived from the request.
    Request(RecordId),
}

/// Which part of the agenda an entry falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AgendaBucket {
    Overdue,
    Today,
    ThisWeek,
    Later,
    Done,
}

impl AgendaBucket {
    pub fn label(self) -> &'static str {
        match self {
            Self::Overdue => "Overdue",
            Self::Today => "Today",
            Self::ThisWeek => "This week",
            Self::Later => "Later",
            Self::Done => "Done",
        }
    }
}

/// One line of the agenda.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaEntry {
    pub date: NaiveDate,
    pub title: String,
    pub kind: DeadlineKind,
    pub doctor_id: Option<RecordId>,
    pub done: bool,
    pub source: AgendaSource,
}

impl AgendaEntry {
    pub fn bucket(&self, today: NaiveDate) -> AgendaBucket {
        if self.done {
            return AgendaBucket::Done;
        }
        match days_between(today, self.date) {
            days if days < 0 => AgendaBucket::Overdue,
            0 => AgendaBucket::Today,
            1..=6 => AgendaBucket::ThisWeek,
            _ => AgendaBucket::Later,
        }
    }
}

/// The whole agenda: the decision date, every deadline, and the due date
/// of every request still waiting for an answer; overdue first, then by
/// date, with done items last. Once the patient has `decided`, the
/// decision deadlines are done.
pub fn agenda(
    case: Option<&Case>,
    deadlines: &[Deadline],
    requests: &[RecordRequest],
    decided: Option<NaiveDate>,
    today: NaiveDate,
) -> Vec<AgendaEntry> {
    let mut entries = Vec::new();
    if let Some(date) = case.and_then(|case| case.decide_by) {
        entries.push(AgendaEntry {
            date,
            title: match decided {
                Some(on) => format!("Decision deadline: decided on {}", on.format("%-d %b %Y")),
                None => "Decision deadline".into(),
            },
            kind: DeadlineKind::Decision,
            doctor_id: None,
            done: decided.is_some(),
            source: AgendaSource::Case,
        });
    }
    entries.extend(deadlines.iter().map(|deadline| AgendaEntry {
        date: deadline.due_on,
        title: deadline.title.clone(),
        kind: deadline.kind,
        doctor_id: deadline.doctor_id,
        done: deadline.done || (deadline.kind == DeadlineKind::Decision && decided.is_some()),
        source: AgendaSource::Deadline(deadline.id),
    }));
    entries.extend(
        requests
            .iter()
            .filter(|request| request.status.is_waiting())
            .map(|request| AgendaEntry {
                date: request.due_by(),
                title: format!("Records due from {}", request.to_whom),
                kind: DeadlineKind::RequestDue,
                doctor_id: None,
                done: false,
                source: AgendaSource::Request(request.id),
            }),
    );
    entries.sort_by_key(|entry| (entry.bucket(today), entry.date, entry.title.clone()));
    entries
}
