//! Undo: the changes of one batch, reversed in one transaction. A change
//! that someone else has built on since is not undone; the whole undo is
//! refused instead, with a message saying why.

use anyhow::{Result, anyhow, bail};
use rusqlite::Connection;
use serde::de::DeserializeOwned;

use super::kinds::with_draft_type;
use super::records::{self, Table};
use super::{Store, Writer, cascade};
use crate::domain::{Change, ChangeAction, Choice, RecordRef, Stored};

fn parse<D: DeserializeOwned>(json: &Option<serde_json::Value>) -> Result<Stored<D>> {
    let value = json
        .clone()
        .ok_or_else(|| anyhow!("the history entry is incomplete"))?;
    Ok(serde_json::from_value(value)?)
}

/// Reverses one change.
fn reverse<D: Table + DeserializeOwned>(
    conn: &Connection,
    writer: &Writer<'_>,
    change: &Change,
) -> Result<()> {
    let id = change.record.id;
    let what = D::KIND.label();
    match change.action {
        ChangeAction::Added => {
            let after: Stored<D> = parse(&change.after)?;
            let Some(current) = records::get::<D>(conn, id)? else {
                return Ok(());
            };
            if current.data != after.data {
                bail!(
                    "the {what} was changed since by {}",
                    current.stamp.updated_by
                );
            }
            let plan = cascade::plan(conn, change.record)?;
            if !plan.goes.is_empty() || !plan.unlinked.is_empty() {
                bail!(
                    "other records now belong to the {what} ({})",
                    plan.summary()
                );
            }
            records::delete::<D>(conn, writer, id, current.stamp.version)
        }
        ChangeAction::Edited => {
            let before: Stored<D> = parse(&change.before)?;
            let after: Stored<D> = parse(&change.after)?;
            let current = records::get::<D>(conn, id)?
                .ok_or_else(|| anyhow!("the {what} has been deleted since"))?;
            if current.data != after.data {
                bail!(
                    "the {what} was changed since by {}",
                    current.stamp.updated_by
                );
            }
            records::update::<D>(conn, writer, id, current.stamp.version, &before.data).map(|_| ())
        }
        ChangeAction::Deleted => {
            let before: Stored<D> = parse(&change.before)?;
            if records::get::<D>(conn, id)?.is_some() {
                bail!("a {what} with the same id exists again");
            }
            records::insert_exact(conn, &before)?;
            records::record_change::<D>(conn, writer, id, ChangeAction::Added, None, Some(&before))
        }
    }
}

/// A batch's changes, newest first.
fn batch_changes(conn: &Connection, batch: i64) -> Result<Vec<Change>> {
    Ok(in_batch(&records::history(conn)?, batch))
}

fn in_batch(history: &[Change], batch: i64) -> Vec<Change> {
    history
        .iter()
        .filter(|change| change.batch == Some(batch))
        .cloned()
        .collect()
}

/// The change a batch was about: the record a delete was asked for (the
/// last one deleted), or else the first record added or changed.
fn main_change(changes: &[Change]) -> Option<&Change> {
    changes
        .iter()
        .find(|change| change.action == ChangeAction::Deleted)
        .or_else(|| changes.last())
}

impl Store {
    /// Reverses every change of `batch`, newest first, in one transaction.
    /// Returns what was undone, in words.
    pub fn undo(&mut self, batch: i64) -> Result<String> {
        self.write(|tx, writer| {
            let history = records::history(tx)?;
            let changes = in_batch(&history, batch);
            let Some(main) = main_change(&changes) else {
                bail!("there is nothing left to undo");
            };
            // Several records of one kind changed at once ("b" adds the
            // standard questions): say how many.
            let alike = changes
                .iter()
                .filter(|c| c.record.kind == main.record.kind && c.action == main.action)
                .count();
            let description = if alike > 1 {
                let others = changes.len() - alike;
                format!(
                    "{} {alike} {}{}",
                    main.action.label(),
                    cascade::plural(main.record.kind.label()),
                    match others {
                        0 => String::new(),
                        1 => ", and the change that went with them".to_string(),
                        n => format!(", and the {n} changes that went with them"),
                    }
                )
            } else {
                main.describe_among(&history)
            };
            for change in &changes {
                with_draft_type!(change.record.kind, D => reverse::<D>(tx, writer, change))
                    .map_err(|error| anyhow!("Could not undo {description}: {error}"))?;
            }
            Ok(description)
        })
    }

    /// The record a batch was mainly about: the first it changed.
    pub fn batch_record(&self, batch: i64) -> Result<Option<RecordRef>> {
        Ok(main_change(&batch_changes(&self.conn, batch)?).map(|change| change.record))
    }
}
