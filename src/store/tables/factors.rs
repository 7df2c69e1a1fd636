use rusqlite::types::Value;

use crate::domain::FactorDraft;
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for FactorDraft {
    const TABLE: &'static str = "factors";
    const COLUMNS: &'static [&'static str] = &[
        "option_id",
        "side",
        "concern",
        "text",
        "weight",
        "chance",
        "out_of",
        "over",
        "opinion_id",
        "answer_id",
        "document",
    ];

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![
            value(&self.option_id)?,
            value(&self.side)?,
            value(&self.concern)?,
            value(&self.text)?,
            value(&self.weight)?,
            value(&self.chance)?,
            value(&self.out_of)?,
            value(&self.over)?,
            value(&self.opinion_id)?,
            value(&self.answer_id)?,
            value(&self.document)?,
        ])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        Ok(FactorDraft {
            option_id: row.get("option_id")?,
            side: row.get("side")?,
            concern: row.get("concern")?,
            text: row.get("text")?,
            weight: row.get("weight")?,
            chance: row.get("chance")?,
            out_of: row.get("out_of")?,
            over: row.get("over")?,
            opinion_id: row.get("opinion_id")?,
            answer_id: row.get("answer_id")?,
            document: row.get("document")?,
        })
    }
}
