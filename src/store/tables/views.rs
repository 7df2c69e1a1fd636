use rusqlite::types::Value;

use crate::domain::ViewDraft;
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for ViewDraft {
    const TABLE: &'static str = "views";
    const COLUMNS: &'static [&'static str] = &["person", "prefers", "pressure", "supports", "note"];

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![
            value(&self.person)?,
            value(&self.prefers)?,
            value(&self.pressure)?,
            value(&self.supports)?,
            value(&self.note)?,
        ])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        Ok(ViewDraft {
            person: row.get("person")?,
            prefers: row.get("prefers")?,
            pressure: row.get("pressure")?,
            supports: row.get("supports")?,
            note: row.get("note")?,
        })
    }
}
