//! A whole case in and out of one piece: the export reads every record in
//! id order; the import writes them back exactly as they were, with their
//! ids, stamps, versions and history, into an empty case file.

use anyhow::{Context, Result, bail};
use rusqlite::{Connection, TransactionBehavior, params};

use super::Store;
use super::kinds::each_draft_type;
use super::records::{Table, all_by_id, insert_exact};
use crate::domain::{Author, CaseSnapshot, Change, Choice, Kind, Stored};

/// Everything a case file holds.
#[derive(Debug, Clone, PartialEq)]
pub struct WholeCase {
    pub authors: Vec<Author>,
    /// Every record, each kind in id order.
    pub records: CaseSnapshot,
    /// Every change, oldest first.
    pub history: Vec<Change>,
}

fn read_snapshot(conn: &Connection) -> Result<CaseSnapshot> {
    let mut snapshot = CaseSnapshot::default();
    each_draft_type!(D => D::fill(&mut snapshot, all_by_id::<D>(conn)?));
    Ok(snapshot)
}

fn read_authors(conn: &Connection) -> Result<Vec<Author>> {
    let mut statement =
        conn.prepare("SELECT name, first_seen FROM authors ORDER BY first_seen, rowid")?;
    let authors = statement
        .query_map([], |row| {
            Ok(Author {
                name: row.get(0)?,
                first_seen: row.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(authors)
}

fn insert_all<D: Table>(conn: &Connection, records: &[Stored<D>]) -> Result<()> {
    records
        .iter()
        .try_for_each(|record| insert_exact(conn, record))
}

/// True when the file holds no record and no history at all.
fn is_empty(conn: &Connection) -> Result<bool> {
    let count = |table: &str| -> Result<i64> {
        Ok(
            conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                row.get(0)
            })?,
        )
    };
    let mut rows = count("authors")? + count("history")?;
    each_draft_type!(D => rows += count(D::TABLE)?);
    Ok(rows == 0)
}

impl Store {
    /// The whole case, read in one transaction.
    pub fn whole_case(&mut self) -> Result<WholeCase> {
        let tx = self.conn.transaction()?;
        let mut history = super::records::history(&tx)?;
        history.reverse();
        let whole = WholeCase {
            authors: read_authors(&tx)?,
            records: read_snapshot(&tx)?,
            history,
        };
        tx.commit()?;
        Ok(whole)
    }

    /// Writes a whole case into this empty file, exactly as it was: every
    /// id, stamp, version and history entry. All of it lands, or none.
    pub fn restore(&mut self, whole: &WholeCase) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if !is_empty(&tx)? {
            bail!(
                "{} already holds records; import only into a new, empty case file (name one with --db)",
                self.path.display()
            );
        }
        for author in &whole.authors {
            tx.execute(
                "INSERT INTO authors (name, first_seen) VALUES (?1, ?2)",
                params![author.name, author.first_seen],
            )
            .with_context(|| format!("Could not restore the author {}", author.name))?;
        }
        // Parents first: the kinds come in that order.
        each_draft_type!(D => insert_all(&tx, D::list(&whole.records))?);
        for change in &whole.history {
            let json = |value: &Option<serde_json::Value>| value.as_ref().map(|v| v.to_string());
            tx.execute(
                "INSERT INTO history (id, at, author, record_kind, record_id, action, before_json, after_json, batch)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    change.id,
                    change.at,
                    change.author,
                    change.record.kind,
                    change.record.id,
                    change.action.key(),
                    json(&change.before),
                    json(&change.after),
                    change.batch,
                ],
            )
            .with_context(|| format!("Could not restore history entry {}", change.id))?;
        }
        tx.commit().context("Could not save the imported case")
    }
}
