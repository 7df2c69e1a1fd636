//! Unsaved forms, kept in the case file while they are open.

use anyhow::Result;
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use super::Store;

impl Store {
    /// Keeps `form_json` as what this writer is typing now.
    pub fn keep_draft(&mut self, form_json: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO form_drafts (author, saved_at, form_json) VALUES (?1, ?2, ?3)
             ON CONFLICT (author) DO UPDATE SET saved_at = excluded.saved_at, form_json = excluded.form_json",
            params![self.author, self.clock.now(), form_json],
        )?;
        Ok(())
    }

    /// The form this writer left unsaved, and when, if there is one.
    pub fn left_draft(&self) -> Result<Option<(DateTime<Utc>, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT saved_at, form_json FROM form_drafts WHERE author = ?1",
                [&self.author],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?)
    }

    /// Forgets this writer's unsaved form: it was saved or put away.
    pub fn clear_draft(&mut self) -> Result<()> {
        self.conn
            .execute("DELETE FROM form_drafts WHERE author = ?1", [&self.author])?;
        Ok(())
    }
}
