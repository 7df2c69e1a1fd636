//! Text from the case file, made inert for the terminal, and the dates and
//! stamps every pane writes the same way.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::domain::dates::days_between;
use crate::domain::{Clock, Stamp};

pub use crate::domain::text::{inert, inert_lines};

/// A calendar date as the patient reads it: `Tue 3 Nov 2026`.
pub fn date(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// A short date for tight columns: `3 Nov`.
pub fn short_date(date: NaiveDate) -> String {
    date.format("%-d %b").to_string()
}

/// How far a date is from today, in words.
pub fn from_today(date: NaiveDate, today: NaiveDate) -> String {
    match days_between(today, date) {
        0 => "today".into(),
        1 => "tomorrow".into(),
        -1 => "yesterday".into(),
        days if days > 0 => format!("in {days} days"),
        days => format!("{} days ago", -days),
    }
}

/// Who added and last changed a record, and when, in local time.
pub fn stamp(stamp: &Stamp, clock: &Clock) -> String {
    let when = |at| clock.local(at).format("%-d %b %Y %H:%M").to_string();
    let added = format!(
        "Added by {} on {}",
        inert(&stamp.created_by),
        when(stamp.created_at)
    );
    if stamp.version > 1 {
        format!(
            "{added}; changed by {} on {}",
            inert(&stamp.updated_by),
            when(stamp.updated_at)
        )
    } else {
        added
    }
}

/// `text`, or a dash when it is empty.
pub fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".into()
    } else {
        inert(text)
    }
}

/// How many columns `text` takes on screen, measured as ratatui measures
/// it: by grapheme, with unicode-width.
pub fn columns(text: &str) -> usize {
    text.graphemes(true).map(grapheme_columns).sum()
}

/// The columns of one grapheme, as ratatui's `cell_width` gives them:
/// unicode-width's, and one more for each halfwidth katakana sound mark,
/// which terminals draw in a column of its own.
fn grapheme_columns(grapheme: &str) -> usize {
    grapheme.width()
        + grapheme
            .chars()
            .filter(|c| matches!(c, '\u{ff9e}' | '\u{ff9f}'))
            .count()
}

/// Cuts `text` to at most `width` columns, ending with … when cut.
pub fn fit(text: &str, width: usize) -> String {
    if columns(text) <= width {
        return text.to_string();
    }
    let mut kept = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let wide = grapheme_columns(grapheme);
        if used + wide + 1 > width {
            break;
        }
        used += wide;
        kept.push_str(grapheme);
    }
    if width > 0 {
        kept.push('…');
    }
    kept
}

/// Cuts `text` to at most `width` columns from its start, beginning with
/// … when cut: the end of a file's path, its name, stays.
pub fn keep_end(text: &str, width: usize) -> String {
    if columns(text) <= width {
        return text.to_string();
    }
    let mut kept: Vec<&str> = Vec::new();
    let mut used = 0;
    for grapheme in text.graphemes(true).rev() {
        let wide = grapheme_columns(grapheme);
        if used + wide + 1 > width {
            break;
        }
        used += wide;
        kept.push(grapheme);
    }
    kept.reverse();
    if width == 0 {
        return String::new();
    }
    format!("…{}", kept.concat())
}

/// `text` with spaces after it to fill `width` columns (not cut).
pub fn pad(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(columns(text));
    format!("{text}{}", " ".repeat(fill))
}

/// `text` broken into lines of at most `width` columns, at spaces where
/// it can be.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let needed = columns(&line) + usize::from(!line.is_empty()) + columns(word);
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while columns(&line) > width {
            // A word longer than the line: cut it where the line is full.
            let mut head = String::new();
            let mut used = 0;
            let mut rest = String::new();
            for grapheme in line.graphemes(true) {
                let wide = grapheme_columns(grapheme);
                if rest.is_empty() && (used + wide <= width || head.is_empty()) {
                    used += wide;
                    head.push_str(grapheme);
                } else {
                    rest.push_str(grapheme);
                }
            }
            lines.push(head);
            line = rest;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// What is drawn in place of a character sequence whose width terminals
/// disagree on. A dotted circle: one column wide in every terminal.
pub const STAND_IN: &str = "\u{25cc}";

/// Makes every cell of a drawn frame one that terminals draw as wide as
/// ratatui measured it. ratatui measures a ZWJ sequence (👨‍⚕️), a
/// character with a variation selector (❤️) or an emoji modifier (👍🏽) as
/// one character, two columns wide; many terminals draw each of its
/// characters at its own width, others join them: the columns after it
/// shift, and what ratatui leaves unchanged on the next frame is no longer
/// what the screen shows. Such a cell shows its character without the
/// selector where that is one column (❤), or [`STAND_IN`]; the columns
/// ratatui gave it stay blank. The text in the file is not changed.
pub fn settle_widths(buffer: &mut Buffer) {
    for cell in &mut buffer.content {
        let symbol = cell.symbol();
        if !symbol.is_ascii() && !widths_agree(symbol) {
            let shown = stand_in(symbol);
            cell.set_symbol(&shown);
        }
    }
}

/// True when every terminal gives `symbol` (one grapheme) the width
/// ratatui does: it holds no joiner, selector, modifier, keycap or tag,
/// and drawn character by character it is as wide as ratatui measures it.
fn widths_agree(symbol: &str) -> bool {
    let contested = symbol.chars().any(|c| {
        matches!(c,
            '\u{200d}' // zero-width joiner
            | '\u{fe00}'..='\u{fe0f}' // variation selectors
            | '\u{1f3fb}'..='\u{1f3ff}' // skin-tone modifiers
            | '\u{20e3}' // the keycap
            | '\u{e0020}'..='\u{e007f}' // tags
        )
    });
    let one_by_one: usize = symbol
        .chars()
        .map(|c| UnicodeWidthChar::width(c).unwrap_or(0))
        .sum();
    !contested && one_by_one == symbol.width()
}

fn stand_in(symbol: &str) -> String {
    let mut plain = symbol
        .chars()
        .filter(|c| !matches!(c, '\u{fe00}'..='\u{fe0f}'));
    match (plain.next(), plain.next()) {
        (Some(only), None) if UnicodeWidthChar::width(only) == Some(1) => only.to_string(),
        _ => STAND_IN.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_controls_are_made_visible() {
        let shown = inert("\u{1b}[2Jgone\u{7}\u{9b}31m\u{202e}evil");
        assert_eq!(shown, "␛[2Jgone␇�31m�evil");
        assert!(!shown.chars().any(char::is_control));
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        assert_eq!(fit("Lumpectomy + radiation", 10), "Lumpectom…");
        assert_eq!(fit("Yes", 10), "Yes");
    }

    #[test]
    fn text_is_cut_and_wrapped_by_the_columns_it_takes() {
        assert_eq!(fit("中文字中文字", 7), "中文字…");
        assert_eq!(columns(&fit("🩺🩺🩺🩺", 5)), 5);
        assert_eq!(
            fit("e\u{301}e\u{301}e\u{301}", 3),
            "e\u{301}e\u{301}e\u{301}"
        );
        assert_eq!(wrap("中文 字中文字", 4), ["中文", "字中", "文字"]);
        assert_eq!(wrap("a bb ccc", 4), ["a bb", "ccc"]);
    }

    #[test]
    fn a_path_cut_keeps_its_end() {
        assert_eq!(keep_end("/home/ana/case.db", 10), "…a/case.db");
        assert_eq!(keep_end("/home/ana/case.db", 9), "…/case.db");
        assert_eq!(keep_end("/home/ana/case.db", 40), "/home/ana/case.db");
    }

    #[test]
    fn a_sequence_terminals_draw_at_other_widths_has_a_stand_in() {
        let mut buffer = Buffer::empty(ratatui::layout::Rect::new(0, 0, 12, 1));
        buffer.set_string(
            0,
            0,
            "👨\u{200d}⚕\u{fe0f}|❤\u{fe0f}|👍🏽|中",
            ratatui::style::Style::default(),
        );
        settle_widths(&mut buffer);
        let shown: Vec<&str> = buffer.content.iter().map(|cell| cell.symbol()).collect();
        assert_eq!(
            shown,
            ["◌", " ", "|", "❤", " ", "|", "◌", " ", "|", "中", " ", " "]
        );
    }
}
