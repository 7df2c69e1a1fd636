use rusqlite::types::Value;

use crate::domain::DeadlineDraft;
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for DeadlineDraft {
    const TABLE: &'static str = "deadlines";
    const COLUMNS: &'static [&'static str] =
        &["title", "kind", "due_on", "doctor_id", "done", "notes"];
    const ORDER_BY: &'static str = "due_on, id";

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![
            value(&self.title)?,
            value(&self.kind)?,
            value(&self.due_on)?,
            value(&self.doctor_id)?,
            value(&self.done)?,
            value(&self.notes)?,
        ])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        Ok(DeadlineDraft {
            title: row.get("title")?,
            kind: row.get("kind")?,
            due_on: row.date("due_on")?,
            doctor_id: row.get("doctor_id")?,
            done: row.get("done")?,
            notes: row.get("notes")?,
        })
    }
}
