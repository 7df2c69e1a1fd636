use rusqlite::Row;
use rusqlite::types::Value;

use crate::domain::{QuestionDraft, RecordKind};
use crate::store::Table;
use crate::store::sql::value;

impl Table for QuestionDraft {
    const TABLE: &'static str = "questions";
    const KIND: RecordKind = RecordKind::Question;
    const COLUMNS: &'static [&'static str] = &[
        "doctor_id",
        "text",
        "status",
        "answer",
        "asked_on",
        "answered_on",
        "topic_id",
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
        ])
    }

    fn read(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(QuestionDraft {
            doctor_id: row.get("doctor_id")?,
            text: row.get("text")?,
            status: row.get("status")?,
            answer: row.get("answer")?,
            asked_on: row.get("asked_on")?,
            answered_on: row.get("answered_on")?,
            topic_id: row.get("topic_id")?,
        })
    }
}
