use rusqlite::types::Value;

use crate::domain::CheckDraft;
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for CheckDraft {
    const TABLE: &'static str = "readiness_checks";
    const COLUMNS: &'static [&'static str] =
        &["taken_on", "sure", "knows", "values_clear", "supported"];

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![
            value(&self.taken_on)?,
            value(&self.sure)?,
            value(&self.knows)?,
            value(&self.values_clear)?,
            value(&self.supported)?,
        ])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        Ok(CheckDraft {
            taken_on: row.date("taken_on")?,
            sure: row.get("sure")?,
            knows: row.get("knows")?,
            values_clear: row.get("values_clear")?,
            supported: row.get("supported")?,
        })
    }
}
