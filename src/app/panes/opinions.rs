//! Opinions: a tab per opinion, oldest first, and two side by side.

use crate::app::editing::say;
use crate::app::keymap::Scope::{Compare, Opinions};
use crate::app::keymap::{Binding, DOWN, ESC, LEFT, RIGHT, UP, ch, help, hint};
use crate::app::{Action, App, Pane};
use crate::domain::{CaseSnapshot, Opinion};

/// Opinions as tabs, oldest first.
pub fn opinions(case: &CaseSnapshot) -> Vec<&Opinion> {
    let mut opinions: Vec<&Opinion> = case.opinions.iter().collect();
    opinions.sort_by_key(|opinion| (opinion.given_on, opinion.id));
    opinions
}

/// `c`: compares the selected opinion with the next one.
pub fn compare(app: &mut App) {
    let count = app.case.opinions.len();
    if count < 2 {
        say(
            app,
            "Comparing needs two opinions: add another in this pane (a)",
        );
    } else {
        let selected = app.cursor_of(Pane::Opinions).column.min(count - 1);
        app.overlays.open_compare((selected + 1) % count);
    }
}

/// Moves the compared opinion, never onto the selected one.
pub fn move_compared(app: &mut App, by: isize) {
    let count = app.case.opinions.len();
    let selected = app.cursor_of(Pane::Opinions).column;
    let Some(other) = app.overlays.compare().copied() else {
        return;
    };
    if count < 2 {
        return;
    }
    let mut next = other;
    loop {
        next = (next + count).wrapping_add_signed(by) % count;
        if next != selected {
            break;
        }
    }
    app.overlays.open_compare(next);
}

/// The keys of this pane, a line each.
#[rustfmt::skip]
pub static KEYS: &[Binding] = &[
    hint(Opinions, &[ch('c')], Action::Compare, "compare side by side", "compare"),
    hint(Opinions, &[ch('Q')], Action::AskDoctor, "a question for this doctor", "ask this doctor"),
    hint(Opinions, &[ch('h'), LEFT], Action::Left, "previous opinion", "previous opinion"),
    hint(Opinions, &[ch('l'), RIGHT], Action::Right, "next opinion", "next opinion"),
    help(Opinions, &[ch('j'), DOWN], Action::Down, "scroll down"),
    help(Opinions, &[ch('k'), UP], Action::Up, "scroll up"),
    hint(Compare, &[ch('h'), LEFT], Action::Left, "compare with the previous opinion", "previous"),
    hint(Compare, &[ch('l'), RIGHT], Action::Right, "compare with the next opinion", "next"),
    help(Compare, &[ch('j'), DOWN], Action::Down, "scroll down"),
    help(Compare, &[ch('k'), UP], Action::Up, "scroll up"),
    hint(Compare, &[ESC, ch('c'), ch('q')], Action::CloseCompare, "close the comparison", "close"),
];
