use rusqlite::types::Value;

use crate::domain::DoctorDraft;
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for DoctorDraft {
    const TABLE: &'static str = "doctors";
    const COLUMNS: &'static [&'static str] = &[
        "name",
        "specialty",
        "institution",
        "trained_at",
        "contact",
        "network",
    ];
    const ORDER_BY: &'static str = "name COLLATE NOCASE, id";

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![
            value(&self.name)?,
            value(&self.specialty)?,
            value(&self.institution)?,
            value(&self.trained_at)?,
            value(&self.contact)?,
            value(&self.network)?,
        ])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        Ok(DoctorDraft {
            name: row.get("name")?,
            specialty: row.get("specialty")?,
            institution: row.get("institution")?,
            trained_at: row.get("trained_at")?,
            contact: row.get("contact")?,
            network: row.get("network")?,
        })
    }
}
