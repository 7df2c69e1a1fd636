use rusqlite::types::Value;

use crate::domain::OptionDraft;
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for OptionDraft {
    const TABLE: &'static str = "options";
    const COLUMNS: &'static [&'static str] = &[
        "name",
        "description",
        "topic_id",
        "stance",
        "waits",
        "not_for_me",
        "not_for_me_because",
    ];

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![
            value(&self.name)?,
            value(&self.description)?,
            value(&self.topic_id)?,
            value(&self.stance)?,
            value(&self.waits)?,
            value(&self.not_for_me)?,
            value(&self.not_for_me_because)?,
        ])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        Ok(OptionDraft {
            name: row.get("name")?,
            description: row.get("description")?,
            topic_id: row.get("topic_id")?,
            stance: row.get("stance")?,
            waits: row.get("waits")?,
            not_for_me: row.get("not_for_me")?,
            not_for_me_because: row.get("not_for_me_because")?,
        })
    }
}
