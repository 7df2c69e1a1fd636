//! The notes, read a screenful at a time: a family writes hundreds a week,
//! and the screen never needs more than the rows in view and the notes on
//! the record it shows.

use anyhow::Result;
use rusqlite::ToSql;

use super::Store;
use super::records::some;
use crate::domain::{Note, NoteDraft, NotesFilter, RecordRef};

/// The SQL condition for `filter`, and its parameters.
fn condition(filter: &NotesFilter) -> (String, Vec<Box<dyn ToSql>>) {
    let mut parts = vec!["1".to_string()];
    let mut params: Vec<Box<dyn ToSql>> = Vec::new();
    if let Some(author) = &filter.author {
        params.push(Box::new(author.clone()));
        parts.push(format!("created_by = ?{}", params.len()));
    }
    match filter.on {
        None => {}
        Some(None) => parts.push("on_kind IS NULL".into()),
        Some(Some(on)) => {
            params.push(Box::new(on.kind));
            parts.push(format!("on_kind = ?{}", params.len()));
            params.push(Box::new(on.id));
            parts.push(format!("on_id = ?{}", params.len()));
        }
    }
    (parts.join(" AND "), params)
}

impl Store {
    /// `limit` of the notes `filter` lets through, newest first, from the
    /// `offset`th on.
    pub fn notes_page(
        &self,
        filter: &NotesFilter,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Note>> {
        let (condition, params) = condition(filter);
        let params: Vec<&dyn ToSql> = params.iter().map(|p| p.as_ref()).collect();
        some::<NoteDraft>(&self.conn, &condition, &params, offset, limit)
    }

    /// How many notes `filter` lets through.
    pub fn notes_count(&self, filter: &NotesFilter) -> Result<usize> {
        if *filter == NotesFilter::default() {
            let count: i64 = self
                .conn
                .query_row("SELECT n FROM note_count", [], |row| row.get(0))?;
            return Ok(usize::try_from(count).unwrap_or_default());
        }
        let (condition, params) = condition(filter);
        let params: Vec<&dyn ToSql> = params.iter().map(|p| p.as_ref()).collect();
        let count: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) FROM notes WHERE {condition}"))?
            .query_row(params.as_slice(), |row| row.get(0))?;
        Ok(usize::try_from(count).unwrap_or_default())
    }

    /// Where note `id` is in the list `filter` gives, counting from 0.
    pub fn note_row(
        &self,
        filter: &NotesFilter,
        id: crate::domain::RecordId,
    ) -> Result<Option<usize>> {
        let Some(note) = self.get::<NoteDraft>(id)? else {
            return Ok(None);
        };
        let (condition, mut params) = condition(filter);
        params.push(Box::new(note.stamp.created_at));
        let at = params.len();
        params.push(Box::new(id));
        let params: Vec<&dyn ToSql> = params.iter().map(|p| p.as_ref()).collect();
        let newer: i64 = self.conn.prepare_cached(&format!(
            "SELECT count(*) FROM notes WHERE {condition} AND (created_at > ?{at} OR (created_at = ?{at} AND id > ?{}))",
            at + 1
        ))?
        .query_row(params.as_slice(), |row| row.get(0))?;
        Ok(usize::try_from(newer).ok())
    }

    /// The notes written on one record, newest first.
    pub fn notes_on(&self, record: RecordRef) -> Result<Vec<Note>> {
        self.notes_page(
            &NotesFilter {
                author: None,
                on: Some(Some(record)),
            },
            0,
            usize::MAX >> 1,
        )
    }

    /// Everyone who has written a note, in the order they first did.
    pub fn note_authors(&self) -> Result<Vec<String>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT name FROM (
                 SELECT name, (SELECT min(created_at) FROM notes WHERE created_by = name) AS first
                 FROM authors)
             WHERE first IS NOT NULL ORDER BY first, name",
        )?;
        let names = statement
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(names)
    }
}
