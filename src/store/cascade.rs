//! Deleting a record with what belongs to it. The store works out, from the
//! links in `domain::links`, which records go with it and which only lose
//! their link; every one of those changes is recorded in the history under
//! the same batch, so that one undo brings all of it back.

use std::collections::VecDeque;

use anyhow::Result;
use rusqlite::{Connection, params};

use super::kinds::{table, with_draft_type};
use super::records::{self, Table};
use super::{Store, Writer};
use crate::domain::links::{OnDelete, links_to};
use crate::domain::{ChangeAction, Choice, DoctorDraft, QuestionDraft, RecordKind, RecordRef};

/// What deleting a record takes with it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeletePlan {
    /// Records deleted with it, parents before their children.
    pub goes: Vec<RecordRef>,
    /// Records that stay but lose their link to it, and through which field.
    pub unlinked: Vec<(RecordRef, &'static str)>,
    /// Of those, the questions asked of or answered by the doctor deleted,
    /// which keep her name.
    pub keeps_name: Vec<RecordRef>,
}

impl DeletePlan {
    /// "3 stances, 1 note" for what goes; empty when nothing does.
    pub fn summary(&self) -> String {
        counted(&self.goes)
    }

    /// "2 deadlines, 1 question" for what stays without the link (the
    /// questions that keep a doctor's name aside); empty when nothing does.
    pub fn unlinked_summary(&self) -> String {
        let for_any = self.for_any_doctor();
        let mut records: Vec<RecordRef> = Vec::new();
        for (record, _) in &self.unlinked {
            if !records.contains(record)
                && !self.keeps_name.contains(record)
                && !for_any.contains(record)
            {
                records.push(*record);
            }
        }
        counted(&records)
    }

    /// The questions for a deleted doctor that were never put to her:
    /// they become questions for any doctor, and go on the next one's
    /// packet.
    pub fn for_any_doctor(&self) -> Vec<RecordRef> {
        let mut questions: Vec<RecordRef> = Vec::new();
        for (record, field) in &self.unlinked {
            if record.kind == RecordKind::Question
                && *field == "doctor_id"
                && !self.keeps_name.contains(record)
                && !questions.contains(record)
            {
                questions.push(*record);
            }
        }
        questions
    }
}

/// Records counted by kind, in words: "3 stances, 1 note".
fn counted(records: &[RecordRef]) -> String {
    let mut counts: Vec<(RecordKind, usize)> = Vec::new();
    for record in records {
        match counts.iter_mut().find(|(kind, _)| *kind == record.kind) {
            Some((_, count)) => *count += 1,
            None => counts.push((record.kind, 1)),
        }
    }
    counts
        .into_iter()
        .map(|(kind, count)| {
            let label = kind.label();
            if count == 1 {
                format!("1 {label}")
            } else {
                format!("{count} {}", plural(label))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn plural(label: &str) -> String {
    match label {
        "item sent to a doctor" => "items sent to doctors".into(),
        "item asked for in a request" => "items asked for in requests".into(),
        "declaration that two stances mean the same" => {
            "declarations that two stances mean the same".into()
        }
        label if label.ends_with('s') => label.to_string(),
        label => format!("{label}s"),
    }
}

fn children(conn: &Connection, table: &str, field: &str, id: i64) -> Result<Vec<i64>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT id FROM {table} WHERE {field} = ?1 ORDER BY id"
    ))?;
    let ids = statement
        .query_map([id], |row| row.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

fn notes_on(conn: &Connection, record: RecordRef) -> Result<Vec<i64>> {
    let mut statement =
        conn.prepare_cached("SELECT id FROM notes WHERE on_kind = ?1 AND on_id = ?2 ORDER BY id")?;
    let ids = statement
        .query_map(params![record.kind, record.id], |row| row.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

/// Works out what goes with `target` and what only loses its link.
pub(crate) fn plan(conn: &Connection, target: RecordRef) -> Result<DeletePlan> {
    let mut plan = DeletePlan::default();
    let mut queue = VecDeque::from([target]);
    while let Some(record) = queue.pop_front() {
        for link in links_to(record.kind) {
            for id in children(conn, table(link.child), link.field, record.id)? {
                let child = RecordRef {
                    kind: link.child,
                    id,
                };
                match link.on_delete {
                    OnDelete::Goes => {
                        if child != target && !plan.goes.contains(&child) {
                            plan.goes.push(child);
                            queue.push_back(child);
                        }
                    }
                    OnDelete::Unlinked => plan.unlinked.push((child, link.field)),
                    OnDelete::UnlinkedKeepingName => {
                        plan.unlinked.push((child, link.field));
                        if keeps_name(conn, child)? {
                            plan.keeps_name.push(child);
                        }
                    }
                }
            }
        }
        for id in notes_on(conn, record)? {
            let note = RecordRef {
                kind: RecordKind::Note,
                id,
            };
            if !plan.goes.contains(&note) {
                plan.goes.push(note);
            }
        }
    }
    let goes = plan.goes.clone();
    plan.unlinked
        .retain(|(record, _)| !goes.contains(record) && *record != target);
    plan.keeps_name
        .retain(|record| !goes.contains(record) && *record != target);
    Ok(plan)
}

/// Whether a question keeps the name of its doctor when she is deleted:
/// it was asked of her, or she answered it.
fn keeps_name(conn: &Connection, record: RecordRef) -> Result<bool> {
    if record.kind != RecordKind::Question {
        return Ok(false);
    }
    Ok(records::get::<QuestionDraft>(conn, record.id)?
        .is_some_and(|question| question.was_put_to_the_doctor()))
}

/// A question that keeps the name of the doctor deleted: the link goes,
/// her name stays, and the change is recorded.
fn keep_name(
    conn: &Connection,
    writer: &Writer<'_>,
    question: RecordRef,
    doctor: &str,
) -> Result<()> {
    let Some(before) = records::get::<QuestionDraft>(conn, question.id)? else {
        return Ok(());
    };
    conn.execute(
        "UPDATE questions SET doctor_id = NULL, former_doctor = ?1, version = version + 1, \
         updated_at = ?2, updated_by = ?3 WHERE id = ?4",
        params![doctor, writer.now, writer.author, question.id],
    )?;
    let after = records::get::<QuestionDraft>(conn, question.id)?;
    records::record_change::<QuestionDraft>(
        conn,
        writer,
        question.id,
        ChangeAction::Edited,
        Some(&before),
        after.as_ref(),
    )
}

/// Clears one link of a record that stays, recording the change.
fn unlink(conn: &Connection, writer: &Writer<'_>, record: RecordRef, field: &str) -> Result<()> {
    with_draft_type!(record.kind, D => {
        let Some(before) = records::get::<D>(conn, record.id)? else {
            return Ok(());
        };
        conn.execute(
            &format!(
                "UPDATE {} SET {field} = NULL, version = version + 1, updated_at = ?1, updated_by = ?2 WHERE id = ?3",
                D::TABLE
            ),
            params![writer.now, writer.author, record.id],
        )?;
        let after = records::get::<D>(conn, record.id)?;
        records::record_change::<D>(conn, writer, record.id, ChangeAction::Edited, Some(&before), after.as_ref())
    })
}

/// Deletes one record as it now is, recording it.
fn remove(conn: &Connection, writer: &Writer<'_>, record: RecordRef) -> Result<()> {
    with_draft_type!(record.kind, D => {
        match records::get::<D>(conn, record.id)? {
            Some(current) => records::delete::<D>(conn, writer, record.id, current.stamp.version),
            None => Ok(()),
        }
    })
}

/// Deletes `target` (whose version the user saw was `version`) with what
/// goes with it, children first, inside the writer's transaction.
pub(crate) fn delete_with(
    conn: &Connection,
    writer: &Writer<'_>,
    target: RecordRef,
    version: i64,
) -> Result<DeletePlan> {
    with_draft_type!(target.kind, D => records::current::<D>(conn, target.id, version).map(|_| ()))?;
    let plan = plan(conn, target)?;
    let doctor = match target.kind {
        RecordKind::Doctor => records::get::<DoctorDraft>(conn, target.id)?
            .map(|doctor| doctor.data.name)
            .unwrap_or_default(),
        _ => String::new(),
    };
    for (record, field) in &plan.unlinked {
        if plan.keeps_name.contains(record) && !doctor.is_empty() {
            keep_name(conn, writer, *record, &doctor)?;
        } else {
            unlink(conn, writer, *record, field)?;
        }
    }
    for record in plan.goes.iter().rev() {
        remove(conn, writer, *record)?;
    }
    remove(conn, writer, target)?;
    Ok(plan)
}

impl Store {
    /// What deleting `target` would take with it, as the file is now.
    pub fn delete_plan(&self, target: RecordRef) -> Result<DeletePlan> {
        plan(&self.conn, target)
    }

    /// Deletes a record and what belongs to it, in one transaction, with
    /// every change in the history. Refused as stale if the record changed
    /// since `version` was read.
    pub fn delete_record(&mut self, target: RecordRef, version: i64) -> Result<DeletePlan> {
        self.write(|tx, writer| delete_with(tx, writer, target, version))
    }
}
