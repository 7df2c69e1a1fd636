//! Full-text search over every text in the case, through the
//! `search_index` table that migration 0008 keeps in step with the records
//! (made again by 0010 to read emoji and other symbols as words).
//!
//! A search takes three reads, so that it stays fast on a case with a
//! hundred thousand notes that share a word:
//! 1. for each kind, where its newest [`RANKED_PER_KIND`] matches begin;
//! 2. those matches ranked by bm25, all kinds in one statement, so that
//!    the index's word counts that bm25 needs are read once;
//! 3. the snippets of the hits kept, and no others.

use std::collections::HashMap;

use anyhow::{Context, Result};
use rusqlite::{Connection, params};

use super::Store;
use crate::domain::search::{
    MATCH_END, MATCH_START, SEARCHED_KINDS, is_beginning, phrase, pieces, search_words,
};
use crate::domain::{RecordId, RecordKind, RecordRef, SearchHit};

/// About how many words a snippet shows around what matched.
const SNIPPET_WORDS: i64 = 12;

/// When a search matches more records of one kind than this, the newest
/// this many are the ones ranked: ranking each of a hundred thousand notes
/// that share a common word would make every search slow, and in a case
/// that big what was written lately is what is looked for.
const RANKED_PER_KIND: i64 = 200;

/// A word that begins at most this many of the index's words is searched
/// as those words (see [`words_beginning`]).
const MOST_WORDS_FOR_A_BEGINNING: usize = 64;

/// Each kind's number in the index, as migration 0008 gives it: a
/// record's row there has the rowid (number << 40) + id. Notes come first,
/// so that the rows step 2 reads begin at the newest notes it ranks.
const KIND_NUMBERS: [(RecordKind, i64); 19] = [
    (RecordKind::Note, 1),
    (RecordKind::Case, 2),
    (RecordKind::Doctor, 3),
    (RecordKind::Opinion, 4),
    (RecordKind::Stance, 5),
    (RecordKind::Topic, 6),
    (RecordKind::ConflictState, 7),
    (RecordKind::Question, 8),
    (RecordKind::Item, 9),
    (RecordKind::CustodyMove, 10),
    (RecordKind::Request, 11),
    (RecordKind::FollowUp, 12),
    (RecordKind::Deadline, 13),
    (RecordKind::DecisionOption, 14),
    (RecordKind::Factor, 15),
    (RecordKind::View, 16),
    (RecordKind::Leaning, 17),
    (RecordKind::Decision, 18),
    (RecordKind::Study, 19),
];

fn first_row(number: i64) -> i64 {
    number << 40
}

fn last_row(number: i64) -> i64 {
    first_row(number) | ((1 << 40) - 1)
}

/// Step 1: the rowid of the `RANKED_PER_KIND`th newest match of a kind.
const NEWEST_RANKED: &str = "
    SELECT rowid FROM search_index
    WHERE search_index MATCH ?1 AND rowid BETWEEN ?2 AND ?3
    ORDER BY rowid DESC LIMIT 1 OFFSET ?4";

/// Step 2: every match from where its kind's ranked ones begin (?2 for
/// kind 1, the notes, ?3 for kind 2...), with its bm25 score: lower is
/// better. The notes have the lowest rowids, so `rowid >= ?2` lets FTS5
/// skip the older notes without reading them.
fn ranked_sql() -> String {
    let starts: String = KIND_NUMBERS
        .iter()
        .map(|(_, number)| format!(" WHEN {number} THEN ?{}", number + 1))
        .collect();
    format!(
        "SELECT rowid, bm25(search_index) FROM search_index
         WHERE search_index MATCH ?1 AND rowid >= ?2
           AND rowid >= CASE rowid >> 40{starts} END"
    )
}

/// Step 3: the kind, id and snippet of the rows kept (a JSON array), read
/// among the matches between the first and the last of them. (The `+`
/// keeps SQLite from looking each one up by itself, which would set up the
/// full-text query again for each.)
const SNIPPETS: &str = "
    SELECT rowid, kind, record_id, snippet(search_index, 2, ?4, ?5, '…', ?6)
    FROM search_index
    WHERE search_index MATCH ?1 AND rowid BETWEEN ?2 AND ?3
      AND +rowid IN (SELECT value FROM json_each(?7))";

impl Store {
    /// The records whose text holds every word of `text`, or a word that
    /// begins with it, grouped by kind in the order of [`SEARCHED_KINDS`],
    /// the best match (by bm25) first within each kind. At most `limit`:
    /// when there are more, each kind keeps its best in turn, so that a
    /// hundred matching notes do not hide the one doctor who matches.
    /// Text with nothing to look for (empty, only punctuation) finds
    /// nothing; no text is ever a query syntax error.
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<SearchHit>> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        // One read, so that the three steps see the same case.
        let read = self.conn.unchecked_transaction()?;
        let hits = search_in(&read, text, limit).context("Could not search the case")?;
        read.finish()?;
        Ok(hits)
    }
}

fn search_in(conn: &Connection, text: &str, limit: usize) -> Result<Vec<SearchHit>> {
    let Some(expression) = expression(conn, text)? else {
        return Ok(Vec::new());
    };

    // Step 1.
    let mut newest = conn.prepare_cached(NEWEST_RANKED)?;
    let mut starts = Vec::with_capacity(KIND_NUMBERS.len());
    for (_, number) in KIND_NUMBERS {
        let mut rows = newest.query(params![
            expression,
            first_row(number),
            last_row(number),
            RANKED_PER_KIND - 1
        ])?;
        let start = match rows.next()? {
            Some(row) => row.get(0)?,
            None => first_row(number),
        };
        starts.push(start);
    }

    // Step 2.
    let mut ranked: HashMap<i64, Vec<(f64, i64)>> = HashMap::new();
    let mut statement = conn.prepare_cached(&ranked_sql())?;
    let mut values: Vec<&dyn rusqlite::ToSql> = vec![&expression];
    values.extend(starts.iter().map(|start| start as &dyn rusqlite::ToSql));
    let mut rows = statement.query(values.as_slice())?;
    while let Some(row) = rows.next()? {
        let rowid: i64 = row.get(0)?;
        let score: f64 = row.get(1)?;
        ranked.entry(rowid >> 40).or_default().push((score, rowid));
    }

    // The best of each kind in turn, then grouped by kind.
    let mut by_kind: Vec<Vec<i64>> = SEARCHED_KINDS
        .iter()
        .map(|kind| {
            let number = KIND_NUMBERS
                .iter()
                .find(|(numbered, _)| numbered == kind)
                .map_or(0, |(_, number)| *number);
            let mut rows = ranked.remove(&number).unwrap_or_default();
            // Best first; of two as good, the newer.
            rows.sort_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
            rows.into_iter().map(|(_, rowid)| rowid).collect()
        })
        .collect();
    let kept = keep_in_turn(&mut by_kind, limit);

    // Step 3, a kind at a time: each reads only the rows between its
    // first and last hit.
    let mut snippets = conn.prepare_cached(SNIPPETS)?;
    let mut hits = Vec::new();
    for rowids in kept.iter().filter(|rowids| !rowids.is_empty()) {
        let lowest = rowids.iter().copied().min().unwrap_or_default();
        let highest = rowids.iter().copied().max().unwrap_or_default();
        let list = format!(
            "[{}]",
            rowids
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(",")
        );
        let mut found: HashMap<i64, SearchHit> = HashMap::new();
        let mut rows = snippets.query(params![
            expression,
            lowest,
            highest,
            MATCH_START.to_string(),
            MATCH_END.to_string(),
            SNIPPET_WORDS,
            list
        ])?;
        while let Some(row) = rows.next()? {
            let rowid: i64 = row.get(0)?;
            let kind: RecordKind = row.get(1)?;
            let id: RecordId = row.get(2)?;
            let snippet: String = row.get(3)?;
            found.insert(
                rowid,
                SearchHit {
                    record: RecordRef { kind, id },
                    pieces: pieces(&snippet),
                },
            );
        }
        hits.extend(rowids.iter().filter_map(|rowid| found.remove(rowid)));
    }
    Ok(hits)
}

/// At most `limit` rows: each kind's best, then each kind's second best...
/// returned by kind, in the order of `by_kind`.
fn keep_in_turn(by_kind: &mut [Vec<i64>], limit: usize) -> Vec<Vec<i64>> {
    let deepest = by_kind.iter().map(Vec::len).max().unwrap_or_default();
    let mut kept_per_kind = vec![0; by_kind.len()];
    let mut kept = 0;
    'places: for place in 0..deepest {
        for (kind, rows) in by_kind.iter().enumerate() {
            if kept == limit {
                break 'places;
            }
            if place < rows.len() {
                kept_per_kind[kind] += 1;
                kept += 1;
            }
        }
    }
    by_kind
        .iter_mut()
        .zip(kept_per_kind)
        .map(|(rows, keep)| rows.drain(..keep).collect())
        .collect()
}

/// The full-text expression for what was typed: every word, as a phrase
/// or the words of the index it begins. None when nothing can match:
/// nothing to look for was typed, or a word begins no word of the case.
fn expression(conn: &Connection, typed: &str) -> Result<Option<String>> {
    let words = search_words(typed);
    if words.is_empty() {
        return Ok(None);
    }
    let mut parts = Vec::with_capacity(words.len());
    for word in &words {
        if !is_beginning(word) {
            parts.push(phrase(word));
            continue;
        }
        match words_beginning(conn, word)? {
            Some(whole) if whole.is_empty() => return Ok(None),
            Some(whole) => parts.push(format!(
                "({})",
                whole
                    .iter()
                    .map(|whole| phrase(whole))
                    .collect::<Vec<_>>()
                    .join(" OR ")
            )),
            None => parts.push(format!("{}*", phrase(word))),
        }
    }
    Ok(Some(parts.join(" AND ")))
}

/// The words of the index that begin with `word`, when it is more than
/// three plain letters or digits and begins at most
/// [`MOST_WORDS_FOR_A_BEGINNING`] of them. The index keeps the beginnings
/// of two and three letters; for a longer one, FTS5 would gather the rows
/// of every word it begins before reading the first, in each of a
/// search's reads. Naming the words lets it read only the rows it needs.
/// Other words (accented, or with punctuation inside) are left to FTS5:
/// the index folds their letters in ways only its tokenizer knows.
fn words_beginning(conn: &Connection, word: &str) -> Result<Option<Vec<String>>> {
    if word.len() <= 3 || !word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Ok(None);
    }
    let from = word.to_ascii_lowercase();
    // The first text after every word that begins with `from`: its last
    // letter or digit moved on by one (still ASCII).
    let mut until = from.clone().into_bytes();
    if let Some(last) = until.last_mut() {
        *last += 1;
    }
    let until = String::from_utf8(until).unwrap_or_default();
    let mut statement = conn
        .prepare_cached("SELECT term FROM search_words WHERE term >= ?1 AND term < ?2 LIMIT ?3")?;
    let most = i64::try_from(MOST_WORDS_FOR_A_BEGINNING + 1).unwrap_or(i64::MAX);
    let words = statement
        .query_map(params![from, until, most], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((words.len() <= MOST_WORDS_FOR_A_BEGINNING).then_some(words))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_searched_has_a_number_and_each_number_one_kind() {
        for kind in SEARCHED_KINDS {
            assert_eq!(
                KIND_NUMBERS.iter().filter(|(k, _)| *k == kind).count(),
                1,
                "{kind:?}"
            );
        }
        let mut numbers: Vec<i64> = KIND_NUMBERS.iter().map(|(_, n)| *n).collect();
        numbers.sort_unstable();
        assert_eq!(numbers, (1..=19).collect::<Vec<_>>());
    }

    #[test]
    fn each_kind_keeps_its_best_in_turn() {
        let mut by_kind = vec![vec![1, 2, 3, 4], vec![], vec![10], vec![20, 21]];
        let kept = |by_kind: &mut Vec<Vec<i64>>, limit| -> Vec<i64> {
            keep_in_turn(by_kind, limit).concat()
        };
        assert_eq!(kept(&mut by_kind.clone(), 5), [1, 2, 10, 20, 21]);
        assert_eq!(kept(&mut by_kind.clone(), 3), [1, 10, 20]);
        assert_eq!(kept(&mut by_kind, 100), [1, 2, 3, 4, 10, 20, 21]);
    }
}
