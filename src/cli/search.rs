//! `casefile search`: every text in the case, grouped by kind, with what
//! matched marked.

use std::io::Write;

use anyhow::Result;
use serde_json::{Value, json};

use super::UsageError;
use crate::domain::search::search_words;
use crate::domain::text::inert;
use crate::domain::{Choice, SearchHit};
use crate::store::Store;

/// A hit's snippet on one line, its matches between brackets, made inert.
fn marked(hit: &SearchHit) -> String {
    hit.pieces
        .iter()
        .map(|(run, matched)| {
            if *matched {
                format!("[{}]", inert(run))
            } else {
                inert(run)
            }
        })
        .collect()
}

fn to_json(hit: &SearchHit) -> Value {
    json!({
        "kind": hit.record.kind.key(),
        "id": hit.record.id,
        "snippet": hit.text(),
        "matches": hit.matches().collect::<Vec<_>>(),
    })
}

pub fn search(
    store: &Store,
    words: &[String],
    limit: usize,
    as_json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let text = words.join(" ");
    if text.trim().is_empty() {
        return Err(UsageError(
            "give the words to search for, such as `casefile search calcifications`".into(),
        )
        .into());
    }
    if search_words(&text).is_empty() {
        return Err(UsageError(format!(
            "there is nothing to search for in “{}”: give a word with a letter or digit in it, \
             such as `casefile search calcifications`",
            inert(text.trim())
        ))
        .into());
    }
    let hits = store.search(&text, limit)?;
    if as_json {
        let hits: Vec<Value> = hits.iter().map(to_json).collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&hits)?)?;
        return Ok(());
    }
    if hits.is_empty() {
        writeln!(out, "Nothing in the case matches “{}”.", inert(text.trim()))?;
        return Ok(());
    }
    for (index, hit) in hits.iter().enumerate() {
        let kind = hit.record.kind;
        if index == 0 || hits[index - 1].record.kind != kind {
            let count = hits.iter().filter(|h| h.record.kind == kind).count();
            if index > 0 {
                writeln!(out)?;
            }
            writeln!(out, "{} ({count})", kind.heading())?;
        }
        writeln!(out, "  #{:<5} {}", hit.record.id, marked(hit))?;
    }
    Ok(())
}
