use rusqlite::types::Value;

use crate::domain::ItemRecipientDraft;
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for ItemRecipientDraft {
    const TABLE: &'static str = "item_recipients";
    const COLUMNS: &'static [&'static str] =
        &["item_id", "doctor_id", "received_on", "received_as"];

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![
            value(&self.item_id)?,
            value(&self.doctor_id)?,
            value(&self.received_on)?,
            value(&self.received_as)?,
        ])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        Ok(ItemRecipientDraft {
            item_id: row.get("item_id")?,
            doctor_id: row.get("doctor_id")?,
            received_on: row.maybe_date("received_on")?,
            received_as: row.get("received_as")?,
        })
    }
}
