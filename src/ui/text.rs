//! Text from the case file, made inert for the terminal, and the dates and
//! stamps every pane writes the same way.

use chrono::NaiveDate;

use crate::domain::dates::days_between;
use crate::domain::{Clock, Stamp};

pub use crate::domain::text::inert;

/// Multi-line text as inert lines.
pub fn inert_lines(text: &str) -> Vec<String> {
    text.lines().map(inert).collect()
}

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

/// Cuts `text` to at most `width` characters, ending with … when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let kept: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{kept}…")
}

/// `text` broken into lines of at most `width` characters, at spaces
/// where it can be.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while line.chars().count() > width {
            let rest: String = line.chars().skip(width).collect();
            lines.push(line.chars().take(width).collect());
            line = rest;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
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
}
