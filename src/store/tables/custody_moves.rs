use rusqlite::types::Value;

use crate::domain::CustodyMoveDraft;
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for CustodyMoveDraft {
    const TABLE: &'static str = "custody_moves";
    const COLUMNS: &'static [&'static str] = &[
        "item_id",
        "from_holder",
        "to_holder",
        "moved_on",
        "method",
        "tracking",
        "direct",
        "note",
    ];
    const ORDER_BY: &'static str = "moved_on, id";

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![
            value(&self.item_id)?,
            value(&self.from)?,
            value(&self.to)?,
            value(&self.moved_on)?,
            value(&self.method)?,
            value(&self.tracking)?,
            value(&self.direct)?,
            value(&self.note)?,
        ])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        Ok(CustodyMoveDraft {
            item_id: row.get("item_id")?,
            from: row.get("from_holder")?,
            to: row.get("to_holder")?,
            moved_on: row.date("moved_on")?,
            method: row.get("method")?,
            tracking: row.get("tracking")?,
            direct: row.get("direct")?,
            note: row.get("note")?,
        })
    }
}
