use rusqlite::types::Value;

use crate::domain::{NoteDraft, RecordKind, RecordRef};
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for NoteDraft {
    const TABLE: &'static str = "notes";
    const COLUMNS: &'static [&'static str] = &["on_kind", "on_id", "body"];
    const ORDER_BY: &'static str = "created_at DESC, id DESC";

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![
            value(&self.on.map(|on| on.kind))?,
            value(&self.on.map(|on| on.id))?,
            value(&self.body)?,
        ])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        let kind: Option<RecordKind> = row.get("on_kind")?;
        let id: Option<i64> = row.get("on_id")?;
        Ok(NoteDraft {
            on: kind.zip(id).map(|(kind, id)| RecordRef { kind, id }),
            body: row.get("body")?,
        })
    }
}
