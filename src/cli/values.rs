//! Reading the flags that name records (by id, a topic also by name, a
//! note's KIND:ID), and the dates of `init`. A value that cannot be read is
//! a failure that says what was wrong and how to write it.

use anyhow::{Result, anyhow};
use chrono::NaiveDate;

use super::fields::{Flag, Reads};
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

pub fn date(flag: &str, text: &str, today: NaiveDate) -> Result<NaiveDate> {
    parse_date(text, today).map_err(|error| anyhow!("{flag}: {error}"))
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

/// A record of `kind` that is in the case: by id, and a topic also by
/// its name.
pub fn record(case: &CaseSnapshot, flag: &str, kind: RecordKind, text: &str) -> Result<RecordId> {
    if kind == RecordKind::Topic {
        let wanted = text.trim();
        if let Ok(id) = wanted.parse::<RecordId>()
            && case.topic(id).is_some()
        {
            return Ok(id);
        }
        return case
            .topics
            .iter()
            .find(|topic| topic.name.eq_ignore_ascii_case(wanted))
            .map(|topic| topic.id)
            .ok_or_else(|| {
                anyhow!("{flag}: there is no topic '{wanted}'; `casefile list topics` shows them, and `casefile add topic --name` adds one")
            });
    }
    let id = id(flag, text)?;
    if !exists(case, kind, id) {
        return Err(anyhow!(
            "{flag}: there is no {name} with id {id}; `casefile list {name}s` shows their ids",
            name = kind.key()
        ));
    }
    Ok(id)
}

fn exists(case: &CaseSnapshot, kind: RecordKind, id: RecordId) -> bool {
    case.contains(RecordRef { kind, id })
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
    if !exists(case, kind, id) {
        return Err(anyhow!("{flag}: there is no {} with id {id}", kind.label()));
    }
    Ok(Some(RecordRef { kind, id }))
}

/// A flag given, with the value its field takes, and the record it names
/// where it names one.
pub struct Given {
    pub flag: Flag,
    pub value: String,
    pub names: Option<RecordRef>,
}

/// The flags given, each read: the records they name must be in the case.
pub fn given(case: &CaseSnapshot, flags: &[(Flag, Option<&str>)]) -> Result<Vec<Given>> {
    let mut given = Vec::new();
    for (flag, text) in flags {
        let Some(text) = text else {
            continue;
        };
        let (value, names) = match flag.reads {
            Reads::AsWritten => (text.to_string(), None),
            Reads::Record {
                nobody: Some(word), ..
            } if text.trim().is_empty() || text.trim().eq_ignore_ascii_case(word) => {
                (String::new(), None)
            }
            Reads::Record { kind, .. } => {
                let id = record(case, flag.name, kind, text)?;
                (id.to_string(), Some(RecordRef { kind, id }))
            }
            Reads::On => (String::new(), record_ref(case, flag.name, text)?),
        };
        given.push(Given {
            flag: *flag,
            value,
            names,
        });
    }
    Ok(given)
}
