//! Searching the case's text: what the family types made into a query
//! that is read word for word, and what a search found.

use super::{RecordKind, RecordRef};

/// The kinds of record a search looks through, in the order the results
/// are grouped: the case first, the notes last.
pub const SEARCHED_KINDS: [RecordKind; 19] = [
    RecordKind::Case,
    RecordKind::Doctor,
    RecordKind::Opinion,
    RecordKind::Stance,
    RecordKind::Topic,
    RecordKind::ConflictState,
    RecordKind::Question,
    RecordKind::Item,
    RecordKind::Study,
    RecordKind::CustodyMove,
    RecordKind::Request,
    RecordKind::FollowUp,
    RecordKind::Deadline,
    RecordKind::Decision,
    RecordKind::DecisionOption,
    RecordKind::Factor,
    RecordKind::View,
    RecordKind::Leaning,
    RecordKind::Note,
];

/// The kinds a search does not look through: they hold no text of their
/// own, only links and yes or no (or, for a declaration, stances the
/// search finds where the opinions hold them).
pub const UNSEARCHED_KINDS: [RecordKind; 4] = [
    RecordKind::ItemRecipient,
    RecordKind::Equivalence,
    RecordKind::RequestItem,
    RecordKind::ReadinessCheck,
];

/// Where a match begins in a snippet the store reads. A private-use
/// character, taken out of every text before it is searched, so it only
/// ever stands for this.
pub const MATCH_START: char = '\u{e000}';
/// Where a match ends in a snippet the store reads.
pub const MATCH_END: char = '\u{e001}';

/// One record a search found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub record: RecordRef,
    /// A few words of the record's text around what matched, on one
    /// line, in runs: `true` for the runs that matched.
    pub pieces: Vec<(String, bool)>,
}

impl SearchHit {
    /// The snippet as plain text.
    pub fn text(&self) -> String {
        self.pieces.iter().map(|(run, _)| run.as_str()).collect()
    }

    /// The runs that matched.
    pub fn matches(&self) -> impl Iterator<Item = &str> {
        self.pieces
            .iter()
            .filter(|(_, matched)| *matched)
            .map(|(run, _)| run.as_str())
    }
}

/// What the family typed, as a full-text query that finds the records
/// holding every word, or a word beginning with it (`calc` finds
/// "calcifications"). Each word is quoted, so quotes, brackets, `AND`,
/// `-`, `:` and `*` are only text and never an error. None when nothing
/// searchable was typed.
pub fn match_expression(typed: &str) -> Option<String> {
    let words = search_words(typed);
    (!words.is_empty()).then(|| {
        words
            .iter()
            .map(|word| {
                if is_beginning(word) {
                    format!("{}*", phrase(word))
                } else {
                    phrase(word)
                }
            })
            .collect::<Vec<_>>()
            .join(" AND ")
    })
}

/// True when `word` is also looked for as the beginning of longer words.
/// Not when it ends in a single letter or digit (`c`, `x-c`): as a
/// beginning that would match most of a case, and slowly. A word that
/// ends in a symbol (`🩺`) is one: few words begin with one.
pub fn is_beginning(word: &str) -> bool {
    let mut last = word.chars().rev().skip_while(|c| !is_word_char(*c));
    if last.next().is_some_and(is_symbol) {
        return true;
    }
    let last_run = word
        .chars()
        .rev()
        .skip_while(|c| !c.is_alphanumeric())
        .take_while(|c| c.is_alphanumeric())
        .count();
    last_run >= 2
}

/// True for a character the index reads as part of a word: a letter, a
/// digit, or a symbol (see [`is_symbol`]).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_symbol(c)
}

/// True for the symbols the index reads as part of words (Unicode's
/// "other symbols", which migration 0010 adds to the tokenizer): emoji,
/// pictographs, dingbats, © and ®. Only blocks that are such symbols
/// throughout are named, so that a word of these always has something
/// the index can look for; `tests/search.rs` checks each one against the
/// index's own tokenizer.
pub fn is_symbol(c: char) -> bool {
    matches!(c,
        '\u{a9}' | '\u{ae}' | '\u{2122}'
        // Miscellaneous Symbols (☀ ☂ ⚕ ♥) but the sharp sign, a math
        // symbol; Dingbats up to the ornaments (✈ ✔ ❤).
        | '\u{2600}'..='\u{266e}' | '\u{2670}'..='\u{2767}'
        // Miscellaneous Technical pictographs (⌚ ⌛ ⏰ ⏳).
        | '\u{231a}'..='\u{231b}' | '\u{23e9}'..='\u{23f3}'
        // Miscellaneous Symbols and Arrows: stars, squares and circles (⭐ ⬛).
        | '\u{2b50}'..='\u{2b59}' | '\u{2b1b}'..='\u{2b1c}'
        // Mahjong to Symbols and Pictographs Extended-A: the emoji (🩺 👨 🇫🇷).
        | '\u{1f000}'..='\u{1f02b}' | '\u{1f0a0}'..='\u{1f0f5}'
        | '\u{1f1e6}'..='\u{1f1ff}' | '\u{1f300}'..='\u{1f3fa}'
        | '\u{1f400}'..='\u{1f6d7}' | '\u{1f6dc}'..='\u{1f6ec}'
        | '\u{1f6f0}'..='\u{1f6fc}' | '\u{1f7e0}'..='\u{1f7eb}'
        | '\u{1f90c}'..='\u{1f9ff}' | '\u{1fa70}'..='\u{1faff}'
    )
}

/// The most words a search looks for: the first ones typed or pasted. A
/// whole pasted page would otherwise make one search take minutes, and a
/// record holding twelve given words is already found.
pub const MOST_SEARCH_WORDS: usize = 12;

/// The words of what was typed that hold something to look for: control
/// characters are left out, a word with no letter, digit or symbol in it
/// is dropped, and only the first [`MOST_SEARCH_WORDS`] count.
pub fn search_words(typed: &str) -> Vec<String> {
    typed
        .split_whitespace()
        .map(|word| word.chars().filter(|c| !c.is_control()).collect::<String>())
        .filter(|word| word.chars().any(is_word_char))
        .take(MOST_SEARCH_WORDS)
        .collect()
}

/// `word` as a full-text phrase: quoted, its quotes doubled, so that it
/// is read as text whatever it holds.
pub fn phrase(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

/// A snippet with its matches between [`MATCH_START`] and [`MATCH_END`],
/// as runs on one line: line breaks and runs of spaces become one space.
pub fn pieces(marked: &str) -> Vec<(String, bool)> {
    let flat = marked.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut pieces: Vec<(String, bool)> = Vec::new();
    let mut run = String::new();
    let mut matched = false;
    let mut flush = |run: &mut String, matched: bool| {
        if run.is_empty() {
            return;
        }
        match pieces.last_mut() {
            Some((last, was)) if *was == matched => last.push_str(run),
            _ => pieces.push((run.clone(), matched)),
        }
        run.clear();
    };
    for c in flat.chars() {
        match c {
            MATCH_START => {
                flush(&mut run, matched);
                matched = true;
            }
            MATCH_END => {
                flush(&mut run, matched);
                matched = false;
            }
            c => run.push(c),
        }
    }
    flush(&mut run, matched);
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_searched_or_said_not_to_be() {
        use crate::domain::Choice;
        for &kind in RecordKind::ALL {
            let searched = SEARCHED_KINDS.contains(&kind);
            let unsearched = UNSEARCHED_KINDS.contains(&kind);
            assert!(
                searched != unsearched,
                "{}: searched, or named as not searched, once",
                kind.key()
            );
        }
    }

    #[test]
    fn each_word_is_quoted_and_may_begin_a_longer_one() {
        assert_eq!(
            match_expression("dr park").as_deref(),
            Some("\"dr\"* AND \"park\"*")
        );
        assert_eq!(match_expression("  calc\t").as_deref(), Some("\"calc\"*"));
    }

    #[test]
    fn a_single_letter_is_looked_for_whole() {
        assert_eq!(match_expression("c").as_deref(), Some("\"c\""));
        assert_eq!(
            match_expression("vitamin d").as_deref(),
            Some("\"vitamin\"* AND \"d\"")
        );
        assert_eq!(match_expression("x-c").as_deref(), Some("\"x-c\""));
        assert_eq!(match_expression("ct.").as_deref(), Some("\"ct.\"*"));
    }

    #[test]
    fn query_syntax_is_only_text() {
        assert_eq!(
            match_expression("say \"no\"").as_deref(),
            Some("\"say\"* AND \"\"\"no\"\"\"*")
        );
        assert_eq!(
            match_expression("AND (xy OR) NOT -zz col:ww NEAR(ab").as_deref(),
            Some(
                "\"AND\"* AND \"(xy\"* AND \"OR)\"* AND \"NOT\"* AND \"-zz\"* AND \"col:ww\"* \
                 AND \"NEAR(ab\"*"
            )
        );
    }

    #[test]
    fn nothing_to_look_for_is_no_search() {
        for typed in ["", "   ", "\n\t", "\"", "* - : ( )", "\u{0}"] {
            assert_eq!(match_expression(typed), None, "{typed:?}");
        }
    }

    #[test]
    fn an_emoji_is_something_to_look_for() {
        assert_eq!(match_expression("🩺").as_deref(), Some("\"🩺\"*"));
        assert_eq!(
            match_expression("❤\u{fe0f} lifts").as_deref(),
            Some("\"❤\u{fe0f}\"* AND \"lifts\"*")
        );
        assert_eq!(match_expression("— …"), None);
    }

    #[test]
    fn control_characters_are_left_out_of_a_word() {
        assert_eq!(match_expression("ab\u{0}c").as_deref(), Some("\"abc\"*"));
    }

    #[test]
    fn a_snippet_splits_into_marked_runs_on_one_line() {
        let marked = "…the \u{e000}calcifications\u{e001} may\nmean \u{e000}more\u{e001}";
        assert_eq!(
            pieces(marked),
            vec![
                ("…the ".to_string(), false),
                ("calcifications".to_string(), true),
                (" may mean ".to_string(), false),
                ("more".to_string(), true),
            ]
        );
        assert_eq!(pieces(""), Vec::<(String, bool)>::new());
        assert_eq!(pieces("plain"), vec![("plain".to_string(), false)]);
    }
}
