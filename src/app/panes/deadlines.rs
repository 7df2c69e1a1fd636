//! Deadlines: the agenda, overdue first.

use chrono::NaiveDate;

use crate::domain::{AgendaEntry, CaseSnapshot};

pub fn agenda(case: &CaseSnapshot, today: NaiveDate) -> Vec<AgendaEntry> {
    case.agenda(today)
}
