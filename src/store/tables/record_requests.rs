use rusqlite::types::Value;

use crate::domain::RecordRequestDraft;
use crate::store::sql::value;
use crate::store::{Fields, Table};

impl Table for RecordRequestDraft {
    const TABLE: &'static str = "record_requests";
    const COLUMNS: &'static [&'static str] = &[
        "to_whom",
        "what",
        "requested_on",
        "method",
        "deliver_to_doctor",
        "status",
        "local_limit_days",
        "extended_on",
        "received_on",
    ];
    const ORDER_BY: &'static str = "requested_on, id";

    fn values(&self) -> rusqlite::Result<Vec<Value>> {
        Ok(vec![
            value(&self.to_whom)?,
            value(&self.what)?,
            value(&self.requested_on)?,
            value(&self.method)?,
            value(&self.deliver_to_doctor)?,
            value(&self.status)?,
            value(&self.local_limit_days)?,
            value(&self.extended_on)?,
            value(&self.received_on)?,
        ])
    }

    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self> {
        Ok(RecordRequestDraft {
            to_whom: row.get("to_whom")?,
            what: row.get("what")?,
            requested_on: row.date("requested_on")?,
            method: row.get("method")?,
            deliver_to_doctor: row.get("deliver_to_doctor")?,
            status: row.get("status")?,
            local_limit_days: row.get("local_limit_days")?,
            extended_on: row.maybe_date("extended_on")?,
            received_on: row.maybe_date("received_on")?,
        })
    }
}
