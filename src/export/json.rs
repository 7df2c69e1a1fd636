//! The full export: every record, note and history entry of a case, with a
//! format version, in a fixed order, so that exporting the same case twice
//! gives the same bytes.

use std::collections::HashSet;

use anyhow::{Result, bail};
use serde::{Deserialize, Serialize};

use crate::domain::Equivalence;
use crate::domain::{
    Author, Case, Change, Choice, ConflictState, CustodyMove, Deadline, Doctor, FollowUp, Item,
    ItemRecipient, Note, Opinion, Question, RecordId, RecordKind, RecordRequest, Stamp, Stance,
    Stored, Topic,
};
use crate::store::WholeCase;

/// The value of the document's `format` field.
pub const FORMAT: &str = "casefile-export";
/// The newest export format this casefile writes and reads.
pub const VERSION: u64 = 1;

/// The export document, field by field in the order it is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportDocument {
    pub format: String,
    pub version: u64,
    pub authors: Vec<Author>,
    pub case: Option<Case>,
    pub doctors: Vec<Doctor>,
    pub opinions: Vec<Opinion>,
    pub topics: Vec<Topic>,
    /// What each opinion says on each topic (written "positions" by
    /// casefile before it called them stances).
    #[serde(alias = "positions")]
    pub stances: Vec<Stance>,
    pub conflict_states: Vec<ConflictState>,
    pub questions: Vec<Question>,
    pub items: Vec<Item>,
    pub custody_moves: Vec<CustodyMove>,
    pub item_recipients: Vec<ItemRecipient>,
    pub requests: Vec<RecordRequest>,
    pub follow_ups: Vec<FollowUp>,
    pub deadlines: Vec<Deadline>,
    pub notes: Vec<Note>,
    /// Stances declared to mean the same (absent from exports written
    /// before casefile knew them).
    #[serde(default)]
    pub equivalences: Vec<Equivalence>,
    /// The items each request asks for (absent from older exports).
    #[serde(default)]
    pub request_items: Vec<crate::domain::RequestItem>,
    /// Every change, oldest first.
    pub history: Vec<Change>,
}

impl ExportDocument {
    pub fn from_case(whole: WholeCase) -> Self {
        let records = whole.records;
        ExportDocument {
            format: FORMAT.into(),
            version: VERSION,
            authors: whole.authors,
            case: records.case,
            doctors: records.doctors,
            opinions: records.opinions,
            topics: records.topics,
            stances: records.stances,
            conflict_states: records.conflict_states,
            questions: records.questions,
            items: records.items,
            custody_moves: records.custody_moves,
            item_recipients: records.item_recipients,
            requests: records.requests,
            follow_ups: records.follow_ups,
            deadlines: records.deadlines,
            notes: records.notes,
            equivalences: records.equivalences,
            request_items: records.request_items,
            history: whole.history,
        }
    }

    pub fn into_case(self) -> WholeCase {
        WholeCase {
            authors: self.authors,
            records: crate::domain::CaseSnapshot {
                case: self.case,
                doctors: self.doctors,
                opinions: self.opinions,
                topics: self.topics,
                stances: self.stances,
                conflict_states: self.conflict_states,
                questions: self.questions,
                items: self.items,
                custody_moves: self.custody_moves,
                item_recipients: self.item_recipients,
                requests: self.requests,
                follow_ups: self.follow_ups,
                deadlines: self.deadlines,
                notes: self.notes,
                equivalences: self.equivalences,
                request_items: self.request_items,
                ..Default::default()
            },
            history: self.history,
        }
    }

    /// The document as pretty-printed JSON, ending with a newline.
    pub fn to_json(&self) -> Result<String> {
        let mut text = serde_json::to_string_pretty(self)?;
        text.push('\n');
        Ok(text)
    }

    /// Reads an export, refusing one that is not valid JSON, not a casefile
    /// export, from a newer casefile, or not of the expected shape; the
    /// message names the place in the document where it can.
    pub fn from_json(text: &str) -> Result<Self> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|error| {
            anyhow::anyhow!(
                "it is not valid JSON (line {}, column {}: {})",
                error.line(),
                error.column(),
                error
            )
        })?;
        match value.get("format").and_then(|f| f.as_str()) {
            Some(FORMAT) => {}
            Some(other) => {
                bail!("it is not a casefile export: at $.format, \"{other}\" is not \"{FORMAT}\"")
            }
            None => bail!("it is not a casefile export: $.format is missing"),
        }
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(version) if version > VERSION => bail!(
                "it was written by a newer casefile (export format {version}; this casefile reads up to {VERSION}); update casefile to import it"
            ),
            Some(_) => {}
            None => bail!("at $.version: a whole number is required"),
        }
        let document: ExportDocument =
            serde_path_to_error::deserialize(value).map_err(|error| {
                let path = error.path().to_string();
                let path = if path == "." {
                    "$".to_string()
                } else {
                    format!("$.{path}")
                };
                anyhow::anyhow!(
                    "at {path}: {}",
                    without_values(&error.into_inner().to_string())
                )
            })?;
        document.check_links()?;
        Ok(document)
    }

    /// Every link in the document points at a record in it, and every
    /// record's author is among its authors: checked before anything is
    /// written, so that the message can name the place.
    fn check_links(&self) -> Result<()> {
        let has_records = !(self.doctors.is_empty()
            && self.opinions.is_empty()
            && self.topics.is_empty()
            && self.questions.is_empty()
            && self.items.is_empty()
            && self.requests.is_empty()
            && self.deadlines.is_empty()
            && self.notes.is_empty());
        if self.case.is_none() && has_records {
            bail!("at $.case: the file holds records but no case");
        }
        let authors: HashSet<&str> = self.authors.iter().map(|a| a.name.as_str()).collect();
        let doctors = ids(&self.doctors);
        let opinions = ids(&self.opinions);
        let topics = ids(&self.topics);
        let items = ids(&self.items);
        let requests = ids(&self.requests);

        if let Some(case) = &self.case {
            stamped("case", &case.stamp, &authors)?;
        }
        each(&self.doctors, "doctors", &authors, |_| Ok(()))?;
        each(&self.opinions, "opinions", &authors, |o| {
            link("doctor_id", Some(o.doctor_id), &doctors, "doctor")
        })?;
        each(&self.topics, "topics", &authors, |_| Ok(()))?;
        each(&self.stances, "stances", &authors, |p| {
            link("opinion_id", Some(p.opinion_id), &opinions, "opinion")?;
            link("topic_id", Some(p.topic_id), &topics, "topic")
        })?;
        each(&self.conflict_states, "conflict_states", &authors, |c| {
            link("topic_id", Some(c.topic_id), &topics, "topic")
        })?;
        each(&self.questions, "questions", &authors, |q| {
            link("doctor_id", q.doctor_id, &doctors, "doctor")?;
            link("topic_id", q.topic_id, &topics, "topic")
        })?;
        each(&self.items, "items", &authors, |_| Ok(()))?;
        each(&self.request_items, "request_items", &authors, |r| {
            link("request_id", Some(r.request_id), &requests, "request")?;
            link("item_id", Some(r.item_id), &items, "item")
        })?;
        each(&self.equivalences, "equivalences", &authors, |e| {
            link("topic_id", Some(e.topic_id), &topics, "topic")
        })?;
        each(&self.custody_moves, "custody_moves", &authors, |m| {
            link("item_id", Some(m.item_id), &items, "item")
        })?;
        each(&self.item_recipients, "item_recipients", &authors, |r| {
            link("item_id", Some(r.item_id), &items, "item")?;
            link("doctor_id", Some(r.doctor_id), &doctors, "doctor")
        })?;
        each(&self.requests, "requests", &authors, |r| {
            link("deliver_to_doctor", r.deliver_to_doctor, &doctors, "doctor")
        })?;
        each(&self.follow_ups, "follow_ups", &authors, |f| {
            link("request_id", Some(f.request_id), &requests, "request")
        })?;
        each(&self.deadlines, "deadlines", &authors, |d| {
            link("doctor_id", d.doctor_id, &doctors, "doctor")
        })?;
        each(&self.notes, "notes", &authors, |note| {
            let Some(on) = note.on else { return Ok(()) };
            let known = match on.kind {
                RecordKind::Case => self.case.as_ref().is_some_and(|c| c.id == on.id),
                RecordKind::Doctor => doctors.contains(&on.id),
                RecordKind::Opinion => opinions.contains(&on.id),
                RecordKind::Topic => topics.contains(&on.id),
                RecordKind::Item => items.contains(&on.id),
                RecordKind::Request => requests.contains(&on.id),
                RecordKind::Stance => ids(&self.stances).contains(&on.id),
                RecordKind::ConflictState => ids(&self.conflict_states).contains(&on.id),
                RecordKind::Question => ids(&self.questions).contains(&on.id),
                RecordKind::CustodyMove => ids(&self.custody_moves).contains(&on.id),
                RecordKind::ItemRecipient => ids(&self.item_recipients).contains(&on.id),
                RecordKind::FollowUp => ids(&self.follow_ups).contains(&on.id),
                RecordKind::Deadline => ids(&self.deadlines).contains(&on.id),
                RecordKind::Note => ids(&self.notes).contains(&on.id),
                RecordKind::Equivalence => ids(&self.equivalences).contains(&on.id),
                RecordKind::RequestItem => ids(&self.request_items).contains(&on.id),
            };
            if known {
                Ok(())
            } else {
                bail!("on: there is no {} {} in the file", on.kind.label(), on.id)
            }
        })?;
        for (index, change) in self.history.iter().enumerate() {
            if !authors.contains(change.author.as_str()) {
                bail!("at $.history[{index}].author: not among $.authors");
            }
        }
        Ok(())
    }
}

fn ids<D>(records: &[Stored<D>]) -> HashSet<RecordId> {
    records.iter().map(|record| record.id).collect()
}

/// A link to `what`, which must be among `known` when it is set.
fn link(field: &str, id: Option<RecordId>, known: &HashSet<RecordId>, what: &str) -> Result<()> {
    match id {
        Some(id) if !known.contains(&id) => bail!("{field}: there is no {what} {id} in the file"),
        _ => Ok(()),
    }
}

fn stamped(path: &str, stamp: &Stamp, authors: &HashSet<&str>) -> Result<()> {
    for (field, name) in [
        ("created_by", &stamp.created_by),
        ("updated_by", &stamp.updated_by),
    ] {
        if !authors.contains(name.as_str()) {
            bail!("at $.{path}.{field}: not among $.authors");
        }
    }
    Ok(())
}

/// Checks every record of one kind: its stamp, then its links.
fn each<D>(
    records: &[Stored<D>],
    name: &str,
    authors: &HashSet<&str>,
    links: impl Fn(&Stored<D>) -> Result<()>,
) -> Result<()> {
    for (index, record) in records.iter().enumerate() {
        let path = format!("{name}[{index}]");
        stamped(&path, &record.stamp, authors)?;
        links(record).map_err(|error| anyhow::anyhow!("at $.{path}.{error}"))?;
    }
    Ok(())
}

/// A parse error without the values it quotes: they may be medical text.
fn without_values(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut quoted = false;
    for c in message.chars() {
        if c == '"' {
            if !quoted {
                out.push_str("\"…\"");
            }
            quoted = !quoted;
        } else if !quoted {
            out.push(c);
        }
    }
    out
}
