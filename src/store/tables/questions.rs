use rusqlite::types::Value;

use crate::domain::QuestionDraft;
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for QuestionDraft {
    const TABLE: &'static str = "questions";
    const COLUMNS: &'static [&'static str] = &[
        "doctor_id",
        "text",
        "status",
        "answer",
        "asked_on",
        "answered_on",
        "topic_id",
        "blind_text",
        "former_doctor",
        "factor_id",
    ];

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![
            value(&self.doctor_id)?,
            value(&self.text)?,
            value(&self.status)?,
            value(&self.answer)?,
            value(&self.asked_on)?,
            value(&self.answered_on)?,
            value(&self.topic_id)?,
            value(&self.blind_text)?,
            value(&self.former_doctor)?,
            value(&self.factor_id)?,
        ])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        Ok(QuestionDraft {
            doctor_id: row.get("doctor_id")?,
            text: row.get("text")?,
            status: row.get("status")?,
            answer: row.get("answer")?,
            asked_on: row.maybe_date("asked_on")?,
            answered_on: row.maybe_date("answered_on")?,
            topic_id: row.get("topic_id")?,
            blind_text: row.get("blind_text")?,
            former_doctor: row.get("former_doctor")?,
            factor_id: row.get("factor_id")?,
        })
    }
}
