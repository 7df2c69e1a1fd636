use rusqlite::types::Value;

use crate::domain::ItemDraft;
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for ItemDraft {
    const TABLE: &'static str = "items";
    const COLUMNS: &'static [&'static str] = &[
        "kind",
        "description",
        "taken_on",
        "facility",
        "form",
        "is_original",
        "held_by",
        "copy_of",
    ];

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![
            value(&self.kind)?,
            value(&self.description)?,
            value(&self.taken_on)?,
            value(&self.facility)?,
            value(&self.form)?,
            value(&self.is_original)?,
            value(&self.held_by)?,
            value(&self.copy_of)?,
        ])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        Ok(ItemDraft {
            kind: row.get("kind")?,
            description: row.get("description")?,
            taken_on: row.maybe_date("taken_on")?,
            facility: row.get("facility")?,
            form: row.get("form")?,
            is_original: row.get("is_original")?,
            held_by: row.get("held_by")?,
            copy_of: row.get("copy_of")?,
        })
    }
}
