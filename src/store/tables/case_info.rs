use rusqlite::types::Value;

use crate::domain::CaseDraft;
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for CaseDraft {
    const TABLE: &'static str = "case_info";
    const COLUMNS: &'static [&'static str] = &[
        "patient",
        "question",
        "decide_by",
        "is_demo",
        "originals_away_days",
        "decision_writer",
    ];

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![
            value(&self.patient)?,
            value(&self.question)?,
            value(&self.decide_by)?,
            value(&self.is_demo)?,
            value(&self.originals_away_days)?,
            value(&self.decision_writer)?,
        ])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        Ok(CaseDraft {
            patient: row.get("patient")?,
            question: row.get("question")?,
            decide_by: row.maybe_date("decide_by")?,
            is_demo: row.get("is_demo")?,
            originals_away_days: row.get("originals_away_days")?,
            decision_writer: row.get("decision_writer")?,
        })
    }
}
