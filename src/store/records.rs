//! Adding, changing, deleting and reading any record, with its stamp and
//! its history, the same way for every table.

use anyhow::{Context, Result};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};

use super::errors::{RecordGone, StaleRecord};
use super::{Store, Writer};
use crate::domain::{Change, ChangeAction, Fresh, RecordId, RecordRef, Stamp, Stored};

/// A draft that has a table of its own.
pub trait Table: crate::domain::Kind {
    /// The SQLite table.
    const TABLE: &'static str;
    /// The draft's columns, in the order `values` gives them.
    const COLUMNS: &'static [&'static str];
    /// The order `all` returns records in.
    const ORDER_BY: &'static str = "id";

    /// The draft's column values, in `COLUMNS` order.
    fn values(&self) -> rusqlite::Result<Vec<Value>>;

    /// Reads the draft's columns from a row, by name.
    fn read(row: &Fields<'_, '_>) -> rusqlite::Result<Self>;
}

/// A row of one table's `SELECT id, COLUMNS..., stamp`, read by column
/// name. The names are found in the table's own list, not asked of SQLite
/// for every value, and dates are read without a format string: reading a
/// big case is several times faster so.
pub struct Fields<'r, 's> {
    row: &'r Row<'s>,
    columns: &'static [&'static str],
}

impl Fields<'_, '_> {
    /// Where `name` is in the row: `id`, the table's columns, then the stamp.
    fn index(&self, name: &str) -> Option<usize> {
        if name == "id" {
            return Some(0);
        }
        if let Some(n) = self.columns.iter().position(|c| *c == name) {
            return Some(n + 1);
        }
        STAMP
            .iter()
            .position(|c| *c == name)
            .map(|n| n + 1 + self.columns.len())
    }

    pub fn get<T: rusqlite::types::FromSql>(&self, name: &str) -> rusqlite::Result<T> {
        match self.index(name) {
            Some(index) => self.row.get(index),
            None => self.row.get(name),
        }
    }

    /// A date stored as YYYY-MM-DD.
    /// The text of a column, borrowed from SQLite rather than copied.
    fn text(&self, name: &str) -> rusqlite::Result<Option<&str>> {
        let value = match self.index(name) {
            Some(index) => self.row.get_ref(index)?,
            None => self.row.get_ref(name)?,
        };
        match value {
            rusqlite::types::ValueRef::Null => Ok(None),
            value => Ok(Some(value.as_str()?)),
        }
    }

    pub fn date(&self, name: &str) -> rusqlite::Result<chrono::NaiveDate> {
        match self.text(name)? {
            Some(text) => parse_date(name, text),
            None => self.get(name),
        }
    }

    pub fn maybe_date(&self, name: &str) -> rusqlite::Result<Option<chrono::NaiveDate>> {
        self.text(name)?
            .map(|text| parse_date(name, text))
            .transpose()
    }

    /// A moment stored as SQLite keeps it, "YYYY-MM-DD HH:MM:SS[.f]+00:00".
    fn moment(&self, name: &str) -> rusqlite::Result<chrono::DateTime<chrono::Utc>> {
        match self.text(name)?.and_then(quick_moment) {
            Some(moment) => Ok(moment),
            None => self.get(name),
        }
    }
}

/// Digits at `range` of `text`, as a number.
fn digits(text: &[u8], range: std::ops::Range<usize>) -> Option<u32> {
    text.get(range)?.iter().try_fold(0u32, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// "YYYY-MM-DD", read by hand: chrono's general parser is most of the
/// time it takes to read a big case.
fn quick_date(text: &[u8]) -> Option<chrono::NaiveDate> {
    if text.len() < 10 || text[4] != b'-' || text[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(text, 0..4)?).ok()?;
    chrono::NaiveDate::from_ymd_opt(year, digits(text, 5..7)?, digits(text, 8..10)?)
}

/// "YYYY-MM-DD HH:MM:SS[.fraction]+00:00", as SQLite holds every stamp.
fn quick_moment(text: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let bytes = text.as_bytes();
    let date = quick_date(bytes)?;
    if !matches!(bytes.get(10), Some(b' ' | b'T')) || bytes.get(13) != Some(&b':') {
        return None;
    }
    let time = chrono::NaiveTime::from_hms_opt(
        digits(bytes, 11..13)?,
        digits(bytes, 14..16)?,
        digits(bytes, 17..19)?,
    )?;
    let rest = text.get(19..)?;
    let (fraction, zone) = match rest.strip_prefix('.') {
        Some(rest) => {
            let end = rest.find(|c: char| !c.is_ascii_digit())?;
            (&rest[..end], &rest[end..])
        }
        None => ("", rest),
    };
    if !matches!(zone, "+00:00" | "Z" | "") || fraction.len() > 9 {
        return None;
    }
    let nanos = if fraction.is_empty() {
        0
    } else {
        let n: u32 = fraction.parse().ok()?;
        n * 10u32.pow(u32::try_from(9 - fraction.len()).ok()?)
    };
    Some(
        date.and_time(time)
            .checked_add_signed(chrono::Duration::nanoseconds(i64::from(nanos)))?
            .and_utc(),
    )
}

fn parse_date(name: &str, text: &str) -> rusqlite::Result<chrono::NaiveDate> {
    if let Some(date) = quick_date(text.as_bytes()).filter(|_| text.len() == 10) {
        return Ok(date);
    }
    text.parse::<chrono::NaiveDate>().map_err(|error| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("{name}: {error}").into(),
        )
    })
}

const STAMP: [&str; 5] = [
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "version",
];

fn select<D: Table>() -> String {
    format!(
        "SELECT id, {}, {} FROM {}",
        D::COLUMNS.join(", "),
        STAMP.join(", "),
        D::TABLE
    )
}

fn read_stored<D: Table>(row: &Row<'_>) -> rusqlite::Result<Stored<D>> {
    let row = Fields {
        row,
        columns: D::COLUMNS,
    };
    Ok(Stored {
        id: row.get("id")?,
        data: D::read(&row)?,
        stamp: Stamp {
            created_at: row.moment("created_at")?,
            created_by: row.get("created_by")?,
            updated_at: row.moment("updated_at")?,
            updated_by: row.get("updated_by")?,
            version: row.get("version")?,
        },
    })
}

/// A full disk, in words that say what to do.
pub(crate) fn disk_full(error: &rusqlite::Error) -> Option<anyhow::Error> {
    match error {
        rusqlite::Error::SqliteFailure(failure, _)
            if failure.code == rusqlite::ErrorCode::DiskFull =>
        {
            Some(anyhow::anyhow!(
                "the disk is full, so nothing was saved; free some space and try again"
            ))
        }
        _ => None,
    }
}

/// A refusal by the file's own rules, in the patient's words.
fn explain(error: rusqlite::Error, table: &str) -> anyhow::Error {
    if let Some(full) = disk_full(&error) {
        return full;
    }
    let rusqlite::Error::SqliteFailure(failure, Some(message)) = &error else {
        return error.into();
    };
    if failure.code != rusqlite::ErrorCode::ConstraintViolation {
        return error.into();
    }
    let words = if message.starts_with("UNIQUE") {
        match table {
            "positions" => "this opinion already has a stance on this topic; edit that one instead",
            "topics" => "there is already a topic with this name",
            "item_recipients" => {
                "this doctor is already listed for this item; edit that line instead"
            }
            "conflict_states" => "this topic already has a conflict status",
            _ => "a record like this one is already there",
        }
    } else if message.starts_with("FOREIGN KEY") {
        "a record this one points to is no longer in the case; choose again"
    } else if table == "case_info" {
        "this file already holds a case"
    } else {
        return error.into();
    };
    anyhow::anyhow!("{words}")
}

/// Every record of one kind, in the table's order.
pub fn all<D: Table>(conn: &Connection) -> Result<Vec<Stored<D>>> {
    read::<D>(conn, "1", &[], D::ORDER_BY, "")
}

/// The records of one kind that `filter` (an SQL condition on the table's
/// columns, with bound `params`) lets through, in the table's order,
/// `limit` of them from `offset` on.
pub fn some<D: Table>(
    conn: &Connection,
    filter: &str,
    params: &[&dyn rusqlite::ToSql],
    offset: usize,
    limit: usize,
) -> Result<Vec<Stored<D>>> {
    let page = format!("LIMIT {limit} OFFSET {offset}");
    read::<D>(conn, filter, params, D::ORDER_BY, &page)
}

/// Every record of one kind, in the order they were added.
pub fn all_by_id<D: Table>(conn: &Connection) -> Result<Vec<Stored<D>>> {
    read::<D>(conn, "1", &[], "id", "")
}

/// The records `filter` lets through, in `order`, then `page` (a LIMIT).
fn read<D: Table>(
    conn: &Connection,
    filter: &str,
    params: &[&dyn rusqlite::ToSql],
    order: &str,
    page: &str,
) -> Result<Vec<Stored<D>>> {
    let sql = format!("{} WHERE {filter} ORDER BY {order} {page}", select::<D>());
    let mut statement = conn.prepare_cached(&sql)?;
    let records = statement
        .query_map(params, read_stored::<D>)?
        .collect::<rusqlite::Result<Vec<_>>>()
        .with_context(|| format!("Could not read the {} of this case", D::TABLE))?;
    Ok(records)
}

/// One record, if it exists.
pub fn get<D: Table>(conn: &Connection, id: RecordId) -> Result<Option<Stored<D>>> {
    let sql = format!("{} WHERE id = ?1", select::<D>());
    let record = conn
        .prepare_cached(&sql)?
        .query_row([id], read_stored::<D>)
        .optional()?;
    Ok(record)
}

/// The newest change in the history (0 for none).
pub fn last_change(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT coalesce(max(id), 0) FROM history", [], |row| {
            row.get(0)
        })?,
    )
}

/// Every record changed since change `since`, as the file now holds it,
/// and the newest change: None when more changed than reading them one by
/// one would be worth.
pub fn changes_since(
    conn: &Connection,
    since: i64,
    most: usize,
) -> Result<Option<(Vec<Fresh>, i64)>> {
    let last = last_change(conn)?;
    // Past this many history rows, reading the case again is quicker.
    if last - since > i64::try_from(4 * most)? {
        return Ok(None);
    }
    // In the order of the history, by its key: asking SQLite for DISTINCT
    // would have it walk the whole history by record instead.
    let mut statement = conn
        .prepare_cached("SELECT record_kind, record_id FROM history WHERE id > ?1 ORDER BY id")?;
    let mut changed: Vec<RecordRef> = Vec::new();
    for record in statement.query_map(params![since], |row| {
        Ok(RecordRef {
            kind: row.get(0)?,
            id: row.get(1)?,
        })
    })? {
        let record = record?;
        if !changed.contains(&record) {
            changed.push(record);
        }
        if changed.len() > most {
            return Ok(None);
        }
    }
    let mut fresh = Vec::with_capacity(changed.len());
    for record in changed {
        fresh.push(read_fresh(conn, record)?);
    }
    Ok(Some((fresh, last)))
}

/// One record as the file holds it now.
fn read_fresh(conn: &Connection, record: RecordRef) -> Result<Fresh> {
    use crate::domain::Kind;
    let found = super::kinds::with_draft_type!(record.kind, D => {
        get::<D>(conn, record.id)?.map(D::into_fresh)
    });
    Ok(found.unwrap_or(Fresh::Gone(record)))
}

/// Adds the writer to the case's authors the first time they write.
pub fn register_author(conn: &Connection, writer: &Writer<'_>) -> Result<()> {
    if writer.author.is_empty() {
        anyhow::bail!("Nobody is named as the writer; start casefile with --as NAME");
    }
    conn.execute(
        "INSERT OR IGNORE INTO authors (name, first_seen) VALUES (?1, ?2)",
        params![writer.author, writer.now],
    )?;
    Ok(())
}

pub(crate) fn record_change<D: Table>(
    conn: &Connection,
    writer: &Writer<'_>,
    id: RecordId,
    action: ChangeAction,
    before: Option<&Stored<D>>,
    after: Option<&Stored<D>>,
) -> Result<()> {
    let json = |record: Option<&Stored<D>>| -> Result<Option<String>> {
        record
            .map(serde_json::to_string)
            .transpose()
            .context("Could not record the change in the history")
    };
    conn.execute(
        "INSERT INTO history (at, author, record_kind, record_id, action, before_json, after_json, batch)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            writer.now,
            writer.author,
            D::KIND,
            id,
            action.key(),
            json(before)?,
            json(after)?,
            writer.batch
        ],
    )?;
    Ok(())
}

use crate::domain::Choice;

pub(crate) fn insert<D: Table>(
    conn: &Connection,
    writer: &Writer<'_>,
    draft: &D,
) -> Result<Stored<D>> {
    let placeholders: Vec<String> = (1..=D::COLUMNS.len() + 4)
        .map(|n| format!("?{n}"))
        .collect();
    let sql = format!(
        "INSERT INTO {} ({}, created_at, created_by, updated_at, updated_by) VALUES ({})",
        D::TABLE,
        D::COLUMNS.join(", "),
        placeholders.join(", ")
    );
    let mut values = draft.values()?;
    let now = super::sql::value(&writer.now)?;
    values.extend([
        now.clone(),
        Value::Text(writer.author.to_string()),
        now,
        Value::Text(writer.author.to_string()),
    ]);
    conn.prepare_cached(&sql)?
        .execute(params_from_iter(values))
        .map_err(|error| explain(error, D::TABLE))
        .with_context(|| format!("Could not add the {}", D::KIND.label()))?;
    let id = conn.last_insert_rowid();
    let stored = get::<D>(conn, id)?.ok_or(RecordGone { kind: D::KIND, id })?;
    record_change::<D>(conn, writer, id, ChangeAction::Added, None, Some(&stored))?;
    Ok(stored)
}

/// Refuses a change to a record that is gone or was saved by someone else
/// since `version` was read.
pub(crate) fn current<D: Table>(
    conn: &Connection,
    id: RecordId,
    version: i64,
) -> Result<Stored<D>> {
    let before = get::<D>(conn, id)?.ok_or(RecordGone { kind: D::KIND, id })?;
    if before.stamp.version != version {
        return Err(StaleRecord {
            kind: D::KIND,
            id,
            expected: version,
            found: before.stamp.version,
            by: before.stamp.updated_by.clone(),
        }
        .into());
    }
    Ok(before)
}

pub(crate) fn update<D: Table>(
    conn: &Connection,
    writer: &Writer<'_>,
    id: RecordId,
    version: i64,
    draft: &D,
) -> Result<Stored<D>> {
    let before = current::<D>(conn, id, version)?;
    let count = D::COLUMNS.len();
    let assignments: Vec<String> = D::COLUMNS
        .iter()
        .enumerate()
        .map(|(n, column)| format!("{column} = ?{}", n + 1))
        .collect();
    let sql = format!(
        "UPDATE {} SET {}, updated_at = ?{}, updated_by = ?{}, version = version + 1
         WHERE id = ?{} AND version = ?{}",
        D::TABLE,
        assignments.join(", "),
        count + 1,
        count + 2,
        count + 3,
        count + 4
    );
    let mut values = draft.values()?;
    values.extend([
        super::sql::value(&writer.now)?,
        Value::Text(writer.author.to_string()),
        Value::Integer(id),
        Value::Integer(version),
    ]);
    conn.prepare_cached(&sql)?
        .execute(params_from_iter(values))
        .map_err(|error| explain(error, D::TABLE))
        .with_context(|| format!("Could not save the {}", D::KIND.label()))?;
    let after = get::<D>(conn, id)?.ok_or(RecordGone { kind: D::KIND, id })?;
    record_change(
        conn,
        writer,
        id,
        ChangeAction::Edited,
        Some(&before),
        Some(&after),
    )?;
    Ok(after)
}

pub(crate) fn delete<D: Table>(
    conn: &Connection,
    writer: &Writer<'_>,
    id: RecordId,
    version: i64,
) -> Result<()> {
    let before = current::<D>(conn, id, version)?;
    conn.prepare_cached(&format!("DELETE FROM {} WHERE id = ?1", D::TABLE))?
        .execute([id])
        .with_context(|| format!("Could not delete the {}", D::KIND.label()))?;
    record_change(conn, writer, id, ChangeAction::Deleted, Some(&before), None)
}

/// Writes a stored record with its own id and stamp.
pub(crate) fn insert_exact<D: Table>(conn: &Connection, record: &Stored<D>) -> Result<()> {
    let count = D::COLUMNS.len() + 6;
    let placeholders: Vec<String> = (1..=count).map(|n| format!("?{n}")).collect();
    let sql = format!(
        "INSERT INTO {} (id, {}, created_at, created_by, updated_at, updated_by, version) VALUES ({})",
        D::TABLE,
        D::COLUMNS.join(", "),
        placeholders.join(", ")
    );
    let mut values = vec![Value::Integer(record.id)];
    values.extend(record.data.values()?);
    values.extend([
        super::sql::value(&record.stamp.created_at)?,
        Value::Text(record.stamp.created_by.clone()),
        super::sql::value(&record.stamp.updated_at)?,
        Value::Text(record.stamp.updated_by.clone()),
        Value::Integer(record.stamp.version),
    ]);
    conn.prepare_cached(&sql)?
        .execute(params_from_iter(values))
        .with_context(|| format!("Could not restore {} {}", D::KIND.label(), record.id))?;
    Ok(())
}

/// The history, newest first.
pub fn history(conn: &Connection) -> Result<Vec<Change>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, batch, at, author, record_kind, record_id, action, before_json, after_json
         FROM history ORDER BY id DESC",
    )?;
    let changes = statement
        .query_map([], |row| {
            let action: String = row.get("action")?;
            Ok(Change {
                id: row.get("id")?,
                batch: row.get("batch")?,
                at: row.get("at")?,
                author: row.get("author")?,
                record: RecordRef {
                    kind: row.get("record_kind")?,
                    id: row.get("record_id")?,
                },
                action: ChangeAction::from_key(&action).unwrap_or(ChangeAction::Edited),
                before: row.get("before_json")?,
                after: row.get("after_json")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(changes)
}

impl Store {
    /// Adds a record; returns it as stored, with its id and stamp.
    pub fn add<D: Table>(&mut self, draft: &D) -> Result<Stored<D>> {
        self.write(|tx, writer| insert(tx, writer, draft))
    }

    /// Adds several records in one transaction: all of them or none.
    pub fn add_all<D: Table>(&mut self, drafts: &[D]) -> Result<Vec<Stored<D>>> {
        self.write(|tx, writer| {
            drafts
                .iter()
                .map(|draft| insert(tx, writer, draft))
                .collect()
        })
    }

    /// Saves a changed record. `version` is the version that was read: if
    /// someone saved the record since, the save is refused with
    /// [`StaleRecord`] and nothing changes.
    pub fn update<D: Table>(&mut self, id: RecordId, version: i64, draft: &D) -> Result<Stored<D>> {
        self.write(|tx, writer| update(tx, writer, id, version, draft))
    }

    /// Deletes a record with what belongs to it (see
    /// [`delete_record`](Self::delete_record)), refusing as
    /// [`update`](Self::update) does when it is stale.
    pub fn delete<D: Table>(&mut self, id: RecordId, version: i64) -> Result<()> {
        self.delete_record(RecordRef { kind: D::KIND, id }, version)
            .map(|_| ())
    }

    /// One record, if it exists.
    pub fn get<D: Table>(&self, id: RecordId) -> Result<Option<Stored<D>>> {
        get(&self.conn, id)
    }

    /// Every record of one kind.
    pub fn all<D: Table>(&self) -> Result<Vec<Stored<D>>> {
        all(&self.conn)
    }

    /// Runs several writes as one transaction, through a [`Batch`].
    pub fn batch<T>(&mut self, work: impl FnOnce(&mut Batch<'_>) -> Result<T>) -> Result<T> {
        self.write(|tx, writer| {
            work(&mut Batch {
                conn: tx,
                author: writer.author.to_string(),
                now: writer.now,
                batch: writer.batch,
            })
        })
    }
}

/// Writes that land together or not at all.
pub struct Batch<'c> {
    conn: &'c Connection,
    author: String,
    now: chrono::DateTime<chrono::Utc>,
    batch: i64,
}

impl Batch<'_> {
    pub fn add<D: Table>(&mut self, draft: &D) -> Result<Stored<D>> {
        let writer = Writer {
            author: &self.author,
            now: self.now,
            batch: self.batch,
        };
        insert(self.conn, &writer, draft)
    }

    pub fn update<D: Table>(&mut self, id: RecordId, version: i64, draft: &D) -> Result<Stored<D>> {
        let writer = Writer {
            author: &self.author,
            now: self.now,
            batch: self.batch,
        };
        update(self.conn, &writer, id, version, draft)
    }

    /// Deletes a record with what belongs to it, as the TUI's `d` does.
    pub fn delete_record(&mut self, target: RecordRef, version: i64) -> Result<super::DeletePlan> {
        let writer = Writer {
            author: &self.author,
            now: self.now,
            batch: self.batch,
        };
        super::cascade::delete_with(self.conn, &writer, target, version)
    }

    /// One record, as the transaction sees it.
    pub fn get<D: Table>(&self, id: RecordId) -> Result<Option<Stored<D>>> {
        get(self.conn, id)
    }

    /// The stance an opinion takes on a topic, as the file has it now.
    pub fn find_position(
        &self,
        opinion_id: RecordId,
        topic_id: RecordId,
    ) -> Result<Option<crate::domain::Stance>> {
        Ok(some::<crate::domain::StanceDraft>(
            self.conn,
            "opinion_id = ?1 AND topic_id = ?2",
            &[&opinion_id, &topic_id],
            0,
            1,
        )?
        .into_iter()
        .next())
    }

    /// Writes what follows in `author`'s name, at `now`: for records that
    /// were written by someone else, at another time (the demo case).
    pub fn write_as(&mut self, author: &str, now: chrono::DateTime<chrono::Utc>) -> Result<()> {
        self.author = author.trim().to_string();
        self.now = now;
        register_author(
            self.conn,
            &Writer {
                author: &self.author,
                now,
                batch: self.batch,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_reading_agrees_with_chrono() {
        for text in [
            "2026-11-22 05:00:00+00:00",
            "2026-02-28 23:59:59.123456789+00:00",
            "2024-02-29 12:30:05.5+00:00",
            "2026-01-01T00:00:00Z",
        ] {
            let slow: chrono::DateTime<chrono::Utc> = text.parse().unwrap();
            assert_eq!(quick_moment(text), Some(slow), "{text}");
        }
        for text in [
            "2026-13-01 00:00:00+00:00",
            "2026-11-22 05:00:00+02:00",
            "soon",
        ] {
            assert_eq!(quick_moment(text), None, "{text} is left to chrono");
        }
        assert_eq!(
            quick_date(b"2024-02-29"),
            chrono::NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        assert_eq!(quick_date(b"2026-02-29"), None);
    }
}
