use rusqlite::types::Value;

use crate::domain::EquivalenceDraft;
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for EquivalenceDraft {
    const TABLE: &'static str = "stance_equivalences";
    const COLUMNS: &'static [&'static str] = &["topic_id", "stance", "same_as"];

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![
            value(&self.topic_id)?,
            value(&self.stance)?,
            value(&self.same_as)?,
        ])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        Ok(EquivalenceDraft {
            topic_id: row.get("topic_id")?,
            stance: row.get("stance")?,
            same_as: row.get("same_as")?,
        })
    }
}
