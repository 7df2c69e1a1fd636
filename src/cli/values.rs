//! Reading flag values: dates, choices, yes/no, ids. A value that cannot be
//! read is a failure that says what was wrong and how to write it.

use anyhow::{Result, anyhow};
use chrono::NaiveDate;

use crate::domain::dates::parse_date;
use crate::domain::{CaseSnapshot, Choice, RecordId, RecordKind, RecordRef};

/// A command line that cannot work as typed: exits 2, like clap's own.
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// The value of a flag that must be given when adding.
pub fn required<'a>(value: &'a Option<String>, flag: &str, kind: &str) -> Result<&'a str> {
    match value.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => Ok(text),
        _ => Err(UsageError(format!(
            "adding a {kind} needs {flag} (see casefile add {kind} --help)"
        ))
        .into()),
    }
}

pub fn date(flag: &str, text: &str, today: NaiveDate) -> Result<NaiveDate> {
    parse_date(text, today).map_err(|error| anyhow!("{flag}: {error}"))
}

/// A date, or nothing when the text is empty or `none`.
pub fn optional_date(flag: &str, text: &str, today: NaiveDate) -> Result<Option<NaiveDate>> {
    if text.trim().is_empty() || text.trim().eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    date(flag, text, today).map(Some)
}

/// One of a fixed set, by its key or its label, in any case.
pub fn choice<T: Choice>(flag: &str, text: &str) -> Result<T> {
    let wanted = text.trim().to_lowercase().replace(['-', ' '], "_");
    T::ALL
        .iter()
        .copied()
        .find(|value| {
            value.key() == wanted || value.label().to_lowercase().replace(['-', ' '], "_") == wanted
        })
        .ok_or_else(|| {
            let keys: Vec<&str> = T::ALL.iter().map(|value| value.key()).collect();
            anyhow!(
                "{flag}: '{}' is not one of {}",
                text.trim(),
                keys.join(", ")
            )
        })
}

pub fn yes_no(flag: &str, text: &str) -> Result<bool> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" => Ok(true),
        "no" | "n" | "false" | "0" => Ok(false),
        _ => Err(anyhow!("{flag}: '{}' is not yes or no", text.trim())),
    }
}

pub fn id(flag: &str, text: &str) -> Result<RecordId> {
    text.trim()
        .parse::<RecordId>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| {
            anyhow!(
                "{flag}: '{}' is not a record id (a whole number, as `casefile list` shows)",
                text.trim()
            )
        })
}

/// Whole days, for a limit such as a local deadline for records, read by
/// the same rule as the form's; `none` is no limit.
pub fn days(flag: &str, text: &str) -> Result<Option<i64>> {
    if text.trim().eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    crate::domain::validate::optional_days(text).map_err(|error| anyhow!("{flag}: {error}"))
}

/// A doctor by id, who must be in the case.
pub fn doctor(case: &CaseSnapshot, flag: &str, text: &str) -> Result<RecordId> {
    let id = id(flag, text)?;
    case.doctor(id).map(|doctor| doctor.id).ok_or_else(|| {
        anyhow!("{flag}: there is no doctor with id {id}; `casefile list doctors` shows their ids")
    })
}

/// A doctor by id, or nobody for `any`.
pub fn doctor_or_any(case: &CaseSnapshot, flag: &str, text: &str) -> Result<Option<RecordId>> {
    if text.trim().eq_ignore_ascii_case("any") || text.trim().is_empty() {
        return Ok(None);
    }
    doctor(case, flag, text).map(Some)
}

/// A topic by id or by name.
pub fn topic(case: &CaseSnapshot, flag: &str, text: &str) -> Result<RecordId> {
    let wanted = text.trim();
    if let Ok(id) = wanted.parse::<RecordId>()
        && case.topic(id).is_some()
    {
        return Ok(id);
    }
    case.topics
        .iter()
        .find(|topic| topic.name.eq_ignore_ascii_case(wanted))
        .map(|topic| topic.id)
        .ok_or_else(|| {
            anyhow!("{flag}: there is no topic '{wanted}'; `casefile list topics` shows them, and `casefile add topic --name` adds one")
        })
}

/// A record of some kind, written KIND:ID, that must exist; `case` for the
/// case itself.
pub fn record_ref(case: &CaseSnapshot, flag: &str, text: &str) -> Result<Option<RecordRef>> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("case") || text.is_empty() {
        return Ok(None);
    }
    let (kind, id_text) = text.split_once(':').ok_or_else(|| {
        anyhow!("{flag}: write the record as KIND:ID, for example opinion:3, or `case`")
    })?;
    let kind = choice::<RecordKind>(flag, kind)?;
    let id = id(flag, id_text)?;
    let exists = case.contains(RecordRef { kind, id });
    if !exists {
        return Err(anyhow!("{flag}: there is no {} with id {id}", kind.label()));
    }
    Ok(Some(RecordRef { kind, id }))
}
