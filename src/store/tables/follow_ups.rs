use rusqlite::types::Value;

use crate::domain::FollowUpDraft;
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for FollowUpDraft {
    const TABLE: &'static str = "follow_ups";
    const COLUMNS: &'static [&'static str] = &["request_id", "on_date", "by_whom", "said"];
    const ORDER_BY: &'static str = "on_date, id";

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![
            value(&self.request_id)?,
            value(&self.on)?,
            value(&self.by)?,
            value(&self.said)?,
        ])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        Ok(FollowUpDraft {
            request_id: row.get("request_id")?,
            on: row.date("on_date")?,
            by: row.get("by_whom")?,
            said: row.get("said")?,
        })
    }
}
