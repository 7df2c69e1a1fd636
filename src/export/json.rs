//! The full export: every record, note and history entry of a case, with a
//! format version, in a fixed order, so that exporting the same case twice
//! gives the same bytes.

use std::collections::HashSet;

use anyhow::{Result, bail};
use serde::{Deserialize, Serialize};

use crate::domain::kinds::each_draft_type;
use crate::domain::links::LINKS;
use crate::domain::{
    Author, Change, Choice, Kind, NoteDraft, RecordKind, RecordRef, Stamp, Stored,
};
use crate::store::WholeCase;

/// The value of the document's `format` field.
pub const FORMAT: &str = "casefile-export";
/// The newest export format this casefile writes and reads.
pub const VERSION: u64 = 1;

/// Declares the export document: every kind's records under the name of
/// its list in the case, in the order of the kinds.
macro_rules! export_document {
    (()
     $($variant:ident: $draft:ident as $stored:ident, $key:literal $(| $old:literal)*, $label:literal,
       $heading:literal, $field:ident: $holder:ident $(#[$export:meta])*;)+) => {
        /// The export document, field by field in the order it is written.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub struct ExportDocument {
            pub format: String,
            pub version: u64,
            pub authors: Vec<Author>,
            $($(#[$export])* pub $field: $holder<crate::domain::$stored>,)+
            /// Every change, oldest first.
            pub history: Vec<Change>,
        }

        impl ExportDocument {
            pub fn from_case(whole: WholeCase) -> Self {
                let records = whole.records;
                ExportDocument {
                    format: FORMAT.into(),
                    version: VERSION,
                    authors: whole.authors,
                    $($field: records.$field,)+
                    history: whole.history,
                }
            }

            pub fn into_case(self) -> WholeCase {
                WholeCase {
                    authors: self.authors,
                    records: crate::domain::CaseSnapshot {
                        $($field: self.$field,)+
                        ..Default::default()
                    },
                    history: self.history,
                }
            }
        }
    };
}

crate::domain::kinds::kinds!(export_document);

impl ExportDocument {
    /// The document as pretty-printed JSON, ending with a newline.
    pub fn to_json(&self) -> Result<String> {
        let mut text = serde_json::to_string_pretty(self)?;
        text.push('\n');
        Ok(text)
    }

    /// Reads an export, refusing one that is not valid JSON, not a casefile
    /// export, from a newer casefile, or not of the expected shape; the
    /// message names the place in the document where it can.
    pub fn from_json(text: &str) -> Result<Self> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|error| {
            anyhow::anyhow!(
                "it is not valid JSON (line {}, column {}: {})",
                error.line(),
                error.column(),
                error
            )
        })?;
        match value.get("format").and_then(|f| f.as_str()) {
            Some(FORMAT) => {}
            Some(other) => {
                bail!("it is not a casefile export: at $.format, \"{other}\" is not \"{FORMAT}\"")
            }
            None => bail!("it is not a casefile export: $.format is missing"),
        }
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(version) if version > VERSION => bail!(
                "it was written by a newer casefile (export format {version}; this casefile reads up to {VERSION}); update casefile to import it"
            ),
            Some(_) => {}
            None => bail!("at $.version: a whole number is required"),
        }
        let document: ExportDocument =
            serde_path_to_error::deserialize(value).map_err(|error| {
                let path = error.path().to_string();
                let path = if path == "." {
                    "$".to_string()
                } else {
                    format!("$.{path}")
                };
                anyhow::anyhow!(
                    "at {path}: {}",
                    without_values(&error.into_inner().to_string())
                )
            })?;
        let whole = document.into_case();
        check_links(&whole)?;
        Ok(Self::from_case(whole))
    }
}

/// Every link in the document points at a record in it, and every
/// record's author is among its authors: checked before anything is
/// written, so that the message can name the place.
fn check_links(whole: &WholeCase) -> Result<()> {
    let records = &whole.records;
    let mut has_records = false;
    each_draft_type!(D => has_records |= D::KIND != RecordKind::Case && !D::list(records).is_empty());
    if records.case.is_none() && has_records {
        bail!("at $.case: the file holds records but no case");
    }
    let authors: HashSet<&str> = whole.authors.iter().map(|a| a.name.as_str()).collect();
    let known = records.every_record();
    each_draft_type!(D => each(D::list(records), &authors, &known)?);
    for (index, note) in records.notes.iter().enumerate() {
        if let Some(on) = note.on
            && !known.contains(&on)
        {
            bail!(
                "at $.{}.on: there is no {} {} in the file",
                <NoteDraft as Kind>::place(index),
                on.kind.label(),
                on.id
            );
        }
    }
    for (index, change) in whole.history.iter().enumerate() {
        if !authors.contains(change.author.as_str()) {
            bail!("at $.history[{index}].author: not among $.authors");
        }
    }
    Ok(())
}

fn stamped(path: &str, stamp: &Stamp, authors: &HashSet<&str>) -> Result<()> {
    for (field, name) in [
        ("created_by", &stamp.created_by),
        ("updated_by", &stamp.updated_by),
    ] {
        if !authors.contains(name.as_str()) {
            bail!("at $.{path}.{field}: not among $.authors");
        }
    }
    Ok(())
}

/// Checks every record of one kind: its stamp, then its links (see
/// [`LINKS`]).
fn each<D: Kind>(
    records: &[Stored<D>],
    authors: &HashSet<&str>,
    known: &HashSet<RecordRef>,
) -> Result<()> {
    let links: Vec<_> = LINKS.iter().filter(|link| link.child == D::KIND).collect();
    for (index, record) in records.iter().enumerate() {
        let path = D::place(index);
        stamped(&path, &record.stamp, authors)?;
        if links.is_empty() {
            continue;
        }
        let fields = serde_json::to_value(&record.data)?;
        for link in &links {
            let Some(id) = fields.get(link.field).and_then(serde_json::Value::as_i64) else {
                continue;
            };
            if !known.contains(&RecordRef {
                kind: link.parent,
                id,
            }) {
                bail!(
                    "at $.{path}.{}: there is no {} {id} in the file",
                    link.field,
                    link.parent.label()
                );
            }
        }
    }
    Ok(())
}

/// A parse error without the values it quotes: they may be medical text.
fn without_values(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut quoted = false;
    for c in message.chars() {
        if c == '"' {
            if !quoted {
                out.push_str("\"…\"");
            }
            quoted = !quoted;
        } else if !quoted {
            out.push(c);
        }
    }
    out
}
