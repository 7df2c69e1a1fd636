use rusqlite::types::Value;

use crate::domain::StanceDraft;
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for StanceDraft {
    const TABLE: &'static str = "positions";
    const COLUMNS: &'static [&'static str] = &["opinion_id", "topic_id", "stance", "detail"];

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![
            value(&self.opinion_id)?,
            value(&self.topic_id)?,
            value(&self.stance)?,
            value(&self.detail)?,
        ])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        Ok(StanceDraft {
            opinion_id: row.get("opinion_id")?,
            topic_id: row.get("topic_id")?,
            stance: row.get("stance")?,
            detail: row.get("detail")?,
        })
    }
}
