use rusqlite::types::Value;

use crate::domain::ConflictStateDraft;
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for ConflictStateDraft {
    const TABLE: &'static str = "conflict_states";
    const COLUMNS: &'static [&'static str] = &["topic_id", "status", "resolution"];

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![
            value(&self.topic_id)?,
            value(&self.status)?,
            value(&self.resolution)?,
        ])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        Ok(ConflictStateDraft {
            topic_id: row.get("topic_id")?,
            status: row.get("status")?,
            resolution: row.get("resolution")?,
        })
    }
}
