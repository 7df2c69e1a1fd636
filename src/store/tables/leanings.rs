use rusqlite::types::Value;

use crate::domain::LeaningDraft;
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for LeaningDraft {
    const TABLE: &'static str = "leanings";
    const COLUMNS: &'static [&'static str] = &["option_id", "note"];

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![value(&self.option_id)?, value(&self.note)?])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        Ok(LeaningDraft {
            option_id: row.get("option_id")?,
            note: row.get("note")?,
        })
    }
}
