use rusqlite::types::Value;

use crate::domain::DecisionDraft;
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for DecisionDraft {
    const TABLE: &'static str = "decisions";
    const COLUMNS: &'static [&'static str] = &[
        "option_id",
        "decided_on",
        "reasons",
        "look_again_if",
        "look_again_on",
    ];

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![
            value(&self.option_id)?,
            value(&self.decided_on)?,
            value(&self.reasons)?,
            value(&self.look_again_if)?,
            value(&self.look_again_on)?,
        ])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        Ok(DecisionDraft {
            option_id: row.get("option_id")?,
            decided_on: row.date("decided_on")?,
            reasons: row.get("reasons")?,
            look_again_if: row.get("look_again_if")?,
            look_again_on: row.maybe_date("look_again_on")?,
        })
    }
}
