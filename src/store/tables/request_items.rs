use rusqlite::types::Value;

use crate::domain::RequestItemDraft;
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for RequestItemDraft {
    const TABLE: &'static str = "request_items";
    const COLUMNS: &'static [&'static str] = &["request_id", "item_id"];

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![value(&self.request_id)?, value(&self.item_id)?])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        Ok(RequestItemDraft {
            request_id: row.get("request_id")?,
            item_id: row.get("item_id")?,
        })
    }
}
