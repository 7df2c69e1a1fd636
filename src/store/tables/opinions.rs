use rusqlite::types::Value;

use crate::domain::OpinionDraft;
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for OpinionDraft {
    const TABLE: &'static str = "opinions";
    const COLUMNS: &'static [&'static str] = &[
        "doctor_id",
        "given_on",
        "form",
        "diagnosis",
        "recommendation",
        "urgency",
        "saw_originals",
        "knew_prior",
        "cost",
        "coverage",
        "notes",
    ];
    const ORDER_BY: &'static str = "given_on, id";

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![
            value(&self.doctor_id)?,
            value(&self.given_on)?,
            value(&self.form)?,
            value(&self.diagnosis)?,
            value(&self.recommendation)?,
            value(&self.urgency)?,
            value(&self.saw_originals)?,
            value(&self.knew_prior)?,
            value(&self.cost)?,
            value(&self.coverage)?,
            value(&self.notes)?,
        ])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        Ok(OpinionDraft {
            doctor_id: row.get("doctor_id")?,
            given_on: row.date("given_on")?,
            form: row.get("form")?,
            diagnosis: row.get("diagnosis")?,
            recommendation: row.get("recommendation")?,
            urgency: row.get("urgency")?,
            saw_originals: row.get("saw_originals")?,
            knew_prior: row.get("knew_prior")?,
            cost: row.get("cost")?,
            coverage: row.get("coverage")?,
            notes: row.get("notes")?,
        })
    }
}
