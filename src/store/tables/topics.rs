use rusqlite::types::Value;

use crate::domain::TopicDraft;
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for TopicDraft {
    const TABLE: &'static str = "topics";
    const COLUMNS: &'static [&'static str] = &["name", "sort_order"];
    const ORDER_BY: &'static str = "sort_order, id";

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![value(&self.name)?, value(&self.sort_order)?])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        Ok(TopicDraft {
            name: row.get("name")?,
            sort_order: row.get("sort_order")?,
        })
    }
}
