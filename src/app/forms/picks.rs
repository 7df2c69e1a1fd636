//! The options of the pickers forms share: a fixed set of choices, or the
//! case's doctors, topics, items, opinions and requests.

use chrono::NaiveDate;

use crate::app::form::Pick;
use crate::domain::{CaseSnapshot, Choice, RecordId};

pub(super) fn choices<T: Choice>() -> Vec<Pick> {
    T::ALL
        .iter()
        .map(|value| Pick::new(value.key(), value.label()))
        .collect()
}

/// The case's doctors, after `none` (the words for nobody) when nobody
/// may be chosen.
pub(super) fn doctors(case: &CaseSnapshot, none: Option<&str>) -> Vec<Pick> {
    let mut picks: Vec<Pick> = none.map(|label| Pick::new("", label)).into_iter().collect();
    picks.extend(
        case.doctors
            .iter()
            .map(|d| Pick::new(d.id.to_string(), d.name.clone())),
    );
    picks
}

/// The case's topics, after `none` when no topic may be chosen.
pub(super) fn topics(case: &CaseSnapshot, none: Option<&str>) -> Vec<Pick> {
    let mut picks: Vec<Pick> = none.map(|label| Pick::new("", label)).into_iter().collect();
    picks.extend(
        case.topics
            .iter()
            .map(|t| Pick::new(t.id.to_string(), t.name.clone())),
    );
    picks
}

/// The options of the decision, after `none` when none may be chosen.
pub(super) fn options(case: &CaseSnapshot, none: Option<&str>) -> Vec<Pick> {
    let mut picks: Vec<Pick> = none.map(|label| Pick::new("", label)).into_iter().collect();
    picks.extend(
        case.options
            .iter()
            .map(|o| Pick::new(o.id.to_string(), o.name.clone())),
    );
    picks
}

pub(super) fn items(case: &CaseSnapshot) -> Vec<Pick> {
    case.items
        .iter()
        .map(|i| {
            Pick::new(
                i.id.to_string(),
                format!("{} ({})", i.description, i.kind.label()),
            )
        })
        .collect()
}

pub(super) fn opinions(case: &CaseSnapshot) -> Vec<Pick> {
    case.opinions
        .iter()
        .map(|o| {
            let doctor = case.doctor_name(Some(o.doctor_id));
            Pick::new(
                o.id.to_string(),
                format!("{doctor}, {}", o.given_on.format("%-d %b %Y")),
            )
        })
        .collect()
}

pub(super) fn requests(case: &CaseSnapshot) -> Vec<Pick> {
    case.requests
        .iter()
        .map(|r| Pick::new(r.id.to_string(), format!("{}: {}", r.to_whom, r.what)))
        .collect()
}

/// The key of a picker of records: the id, or empty for none.
pub(super) fn id_key(id: Option<RecordId>) -> String {
    id.map(|id| id.to_string()).unwrap_or_default()
}

/// A date as a date field shows it, empty for none.
pub(super) fn date_text(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}
