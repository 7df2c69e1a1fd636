use rusqlite::types::Value;

use crate::domain::StudyDraft;
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for StudyDraft {
    const TABLE: &'static str = "studies";
    const COLUMNS: &'static [&'static str] = &[
        "item_id",
        "uid",
        "taken_on",
        "modality",
        "description",
        "accession",
        "institution",
        "referring",
        "series",
        "images",
        "disc_digest",
    ];

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![
            value(&self.item_id)?,
            value(&self.uid)?,
            value(&self.taken_on)?,
            value(&self.modality)?,
            value(&self.description)?,
            value(&self.accession)?,
            value(&self.institution)?,
            value(&self.referring)?,
            value(&self.series)?,
            value(&self.images)?,
            value(&self.disc_digest)?,
        ])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        Ok(StudyDraft {
            item_id: row.get("item_id")?,
            uid: row.get("uid")?,
            taken_on: row.maybe_date("taken_on")?,
            modality: row.get("modality")?,
            description: row.get("description")?,
            accession: row.get("accession")?,
            institution: row.get("institution")?,
            referring: row.get("referring")?,
            series: row.get("series")?,
            images: row.get("images")?,
            disc_digest: row.get("disc_digest")?,
        })
    }
}
