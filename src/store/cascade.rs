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
use crate::domain::{ChangeAction, Choice, RecordKind, RecordRef};

/// What deleting a record takes with it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeletePlan {
    /// Records deleted with it, parents before their children.
    pub goes: Vec<RecordRef>,
    /// Records that stay but lose their link to it, and through which field.
    pub unlinked: Vec<(RecordRef, &'static str)>,
}

impl DeletePlan {
    /// "3 positions, 1 note" for what goes; empty when nothing does.
    pub fn summary(&self) -> String {
        let mut counts: Vec<(RecordKind, usize)> = Vec::new();
        for record in &self.goes {
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
}

fn plural(label: &str) -> String {
    match label {
        "item sent to a doctor" => "items sent to doctors".into(),
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
    Ok(plan)
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
    for (record, field) in &plan.unlinked {
        unlink(conn, writer, *record, field)?;
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
