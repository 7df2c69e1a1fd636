//! Unsaved forms, kept in the case file while they are open; and what
//! casefile remembers about how the file is used (who wrote last).

use anyhow::Result;
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use super::Store;

impl Store {
    /// Keeps `form_json` as what this writer is typing now.
    pub fn keep_draft(&mut self, form_json: &str) -> Result<()> {
        // A case file not made yet is made now: the user started a case
        // in it and typed, and the typing must survive a closed terminal.
        if self.unborn {
            self.create_file()?;
            self.made_for_draft = true;
        }
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
        self.remove_file_made_for_draft()
    }

    /// Who wrote in this case last: the writer last chosen or named with
    /// --as, else the author of the newest change.
    pub fn previous_writer(&self) -> Result<Option<String>> {
        let remembered: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM remembered WHERE key = 'last_writer'",
                [],
                |row| row.get(0),
            )
            .optional()?;
        if remembered.is_some() {
            return Ok(remembered);
        }
        Ok(self
            .conn
            .query_row(
                "SELECT author FROM history ORDER BY id DESC LIMIT 1",
                [],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// True when a writer was chosen for this case before (the demo then
    /// does not ask again).
    pub fn writer_was_chosen(&self) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM remembered WHERE key = 'last_writer')",
            [],
            |row| row.get(0),
        )?)
    }

    /// Remembers the writer now writing, for the next start.
    pub fn remember_writer(&mut self) -> Result<()> {
        self.conn.execute(
            "INSERT INTO remembered (key, value) VALUES ('last_writer', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [&self.author],
        )?;
        Ok(())
    }
}
